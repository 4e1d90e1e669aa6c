"""One alarm for a whole phase of scans, instead of a timeout on every match.

The `regex` module's `timeout` reads the process's CPU clock at every match it
returns (a system call here, about 0.7 µs): on article text, where most rules
match often, that was a sixth of all extraction time. In the main thread a
phase of scans (`engine.find`, the numbers exclusions) instead arms one
SIGALRM timer for its deadline; when it fires inside a guarded scan loop the
handler raises TimeoutError there (the `regex` module checks for signals while
it matches, so a runaway match is cut short too), and once it has fired every
later scan of the phase is skipped. Elsewhere — other threads (Dask's workers),
or a process whose own code uses SIGALRM or the real-time interval timer —
nothing is armed, and scans keep the `regex` module's per-call timeout.

Usage, for code that runs scans:

    with time_limit(deadline):                  # around a phase
        try:
            for match in guarded_matches(pattern, text, seconds):
                ...
        except TimeoutError:                    # this scan ran out of time
            ...

The alarm raises only while a `guarded_matches` loop runs: a signal that lands
anywhere else only marks the phase as expired, so no TimeoutError escapes from
code that does not expect one.
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator


class _Alarm:
    """The state of the armed timer (one per process: only the main thread arms it)."""

    __slots__ = ("armed", "expired", "guarded")

    def __init__(self) -> None:
        self.armed = False  # a phase's timer is set: scans run without their own timeouts
        self.expired = False  # it has fired: the phase's remaining scans are skipped
        self.guarded = False  # a scan loop that handles TimeoutError is running


ALARM = _Alarm()


def _on_alarm(signum, frame) -> None:
    ALARM.expired = True
    if ALARM.guarded:
        ALARM.guarded = False
        raise TimeoutError("the time for this text ran out")


def _can_arm() -> bool:
    """Only in the main thread, and only when nobody else uses SIGALRM or the timer."""
    return (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGALRM) is signal.SIG_DFL
            and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0))


@contextmanager
def time_limit(deadline: float) -> Iterator[None]:
    """Scans inside run until `deadline` (a `time.perf_counter()` value) at most."""
    seconds = deadline - time.perf_counter()
    if ALARM.armed or seconds <= 0 or not _can_arm():
        yield  # nested in an armed phase, already late, or not ours to arm: per-call timeouts
        return
    signal.signal(signal.SIGALRM, _on_alarm)
    ALARM.armed, ALARM.expired, ALARM.guarded = True, False, False
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        ALARM.armed = ALARM.guarded = False
        signal.signal(signal.SIGALRM, signal.SIG_DFL)


def expired() -> bool:
    """Whether the armed phase's time is up (always False when none is armed)."""
    return ALARM.armed and ALARM.expired


def guarded_matches(pattern, text: str, seconds: float):
    """`pattern.finditer(text)`, bounded by the armed alarm or else by `seconds`;
    the caller's loop catches the TimeoutError either way."""
    if not ALARM.armed:
        yield from pattern.finditer(text, timeout=seconds)
        return
    ALARM.guarded = True
    try:
        for match in pattern.finditer(text):
            if ALARM.expired:  # a builder in the loop swallowed the alarm's TimeoutError
                raise TimeoutError("the time for this text ran out")
            yield match
    finally:
        ALARM.guarded = False
