"""The phase alarm that bounds scans (extract/time_limit.py) and its fallbacks."""

from __future__ import annotations

import signal
import threading
import time

import regex

from ntl_extract.document import Doc
from ntl_extract.extract.engine import Context, run_rule
from ntl_extract.extract.time_limit import ALARM, expired, guarded_matches, time_limit
from ntl_extract.pipeline import ready_rules

# Catastrophic backtracking: minutes on 30 `a`s followed by `b`, without a limit.
_RUNAWAY = regex.compile(r"(?:a|aa)+$")
_TEXT = "a" * 60 + "b"


def _scan(seconds: float) -> str:
    """Run the runaway pattern in a guarded loop, as `engine.run_rule` does."""
    try:
        for _ in guarded_matches(_RUNAWAY, _TEXT, seconds):
            pass
        return "finished"
    except TimeoutError:
        return "timed out"


def test_the_alarm_cuts_a_runaway_match_short_and_is_put_away():
    began = time.perf_counter()
    with time_limit(time.perf_counter() + 0.2):
        assert ALARM.armed
        outcome = _scan(60.0)  # the per-call timeout is not what stops it
        assert expired()
    assert outcome == "timed out"
    assert time.perf_counter() - began < 5
    assert not ALARM.armed and not expired()
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_an_alarm_outside_a_scan_only_marks_the_phase_expired():
    with time_limit(time.perf_counter() + 0.05):
        time.sleep(0.2)  # no TimeoutError escapes from code that does not expect one
        assert expired()
        dimension = ready_rules().get("numbers")
        rule = next(r for r in dimension.rules if r.id == "numbers.url")
        ctx = Context(doc=Doc.from_text("xem www.example.com"), dimension=dimension)
        assert run_rule(rule, ctx, 1.0) == []
        assert any("skipped" in w for w in ctx.doc.warnings)


def test_other_threads_keep_the_per_call_timeout():
    outcome = {}

    def work():
        with time_limit(time.perf_counter() + 30):
            outcome["armed"] = ALARM.armed
            outcome["scan"] = _scan(0.2)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    assert outcome == {"armed": False, "scan": "timed out"}


def test_a_process_that_uses_sigalrm_itself_is_left_alone():
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(True))
    try:
        with time_limit(time.perf_counter() + 30):
            assert not ALARM.armed
            assert _scan(0.2) == "timed out"
        assert signal.getsignal(signal.SIGALRM) is not signal.SIG_DFL
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert not fired
