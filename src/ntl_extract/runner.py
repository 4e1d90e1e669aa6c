"""Run a stream of items through the pipeline on every core, with flat memory.

Workers load the rules once (pool initializer), read their own input files,
extract, validate and write each record atomically themselves; the parent only
enumerates inputs lazily, keeps a bounded window of work in flight, and hands
back small outcomes (plus the record itself when a JSONL stream wants it).
"""

from __future__ import annotations

import os
import signal
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator

from .batch import Item, Outcome, process

_STATE: dict = {}


@dataclass(frozen=True)
class Job:
    """What every worker needs to know, the same for every item."""

    rules_dir: str | None
    published: str | None
    outdir: str | None
    keep_records: bool  # ship records back (for --jsonl)


def _init_worker(job: Job) -> None:
    from .pipeline import ready_rules

    # The parent decides about interruption; workers finish the item in hand.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _STATE["job"] = job
    _STATE["rules"] = ready_rules(job.rules_dir)


def _work(batch: list[Item]) -> list[Outcome]:
    job: Job = _STATE["job"]
    return [handle(item, _STATE["rules"], job) for item in batch]


def handle(item: Item, rules, job: Job) -> Outcome:
    """Process one item and write its record; return what the parent needs."""
    from .write import write_record

    outcome = process(item, rules, job.published)
    if outcome.record is not None:
        if job.outdir is not None:
            write_record(job.outdir, outcome.record)
        if not job.keep_records:
            outcome = replace(outcome, record=_summary(outcome.record))
    return outcome


def _summary(record: dict) -> dict:
    """The counts the parent reports, without the record's bulk."""
    return {"doc_id": record["doc_id"], "source": {"chars": record["source"]["chars"]},
            **{k: [None] * len(record[k]) for k in ("dates", "officials", "documents", "numbers")},
            "_summary": True}


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# Items travel to the workers in small batches: one task per article would
# make the parent (which shares the cores) spend its time on pickling and
# futures instead of leaving them to the workers.
BATCH = 8


def run(items: Iterable[Item], job: Job, jobs: int = 1, ordered: bool = True) -> Iterator[Outcome]:
    """Outcomes of `items`: in input order when `ordered`, else as they finish.

    The content of every outcome is the same either way; at most
    `4 × jobs` batches of `BATCH` items are in flight, so memory does not grow
    with the number of inputs.
    """
    if jobs <= 1:
        from .pipeline import ready_rules

        rules = ready_rules(job.rules_dir)
        for item in items:
            yield handle(item, rules, job)
        return
    window = 4 * jobs
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(job,)) as pool:
        try:
            batches = _batches(iter(items), BATCH)
            yield from (_ordered if ordered else _unordered)(pool, batches, window)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _batches(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _ordered(pool: ProcessPoolExecutor, batches: Iterator[list[Item]], window: int) -> Iterator[Outcome]:
    pending: deque[tuple[list[Item], Future]] = deque()
    for batch in batches:
        pending.append((batch, pool.submit(_work, batch)))
        if len(pending) >= window:
            yield from _results(*pending.popleft())
    while pending:
        yield from _results(*pending.popleft())


def _unordered(pool: ProcessPoolExecutor, batches: Iterator[list[Item]], window: int) -> Iterator[Outcome]:
    pending: dict[Future, list[Item]] = {}
    exhausted = False
    while pending or not exhausted:
        while not exhausted and len(pending) < window:
            batch = next(batches, None)
            if batch is None:
                exhausted = True
            else:
                pending[pool.submit(_work, batch)] = batch
        if not pending:
            break
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            yield from _results(pending.pop(future), future)


def _results(batch: list[Item], future: Future) -> list[Outcome]:
    from .model import ErrorEntry

    try:
        return future.result()
    except Exception as err:  # a worker died (e.g. killed): its items failed, the run goes on
        message = f"worker failed: {err!r}"[:500]
        return [Outcome(item.origin, item.doc_id, error=ErrorEntry(item.origin, "internal", message))
                for item in batch]


# ------------------------------------------------------------------------ resume


def already_done(item: Item, outdir: Path, extractor: str) -> bool:
    """True when `outdir` holds this item's record, made by the same extractor
    from the same bytes (for files) — so `--resume` can skip it."""
    import hashlib
    import json

    if item.error is not None:
        return False
    target = outdir / f"{item.doc_id}.json"
    try:
        record = json.loads(target.read_text("utf-8"))
    except (OSError, ValueError):
        return False
    source = record.get("source") or {}
    if source.get("extractor") != extractor:
        return False
    if item.path is not None:
        try:
            data = Path(item.path).read_bytes()
        except OSError:
            return False
        return hashlib.sha256(data).hexdigest() == source.get("sha256")
    if item.text is not None:
        return hashlib.sha256(item.text.encode("utf-8")).hexdigest() == source.get("sha256")
    return False


def jsonl_done_ids(path: Path) -> set[str]:
    """Doc ids already in a JSONL output; a torn last line (killed mid-write) is cut off."""
    import json

    if not path.exists():
        return set()
    done: set[str] = set()
    good_bytes = 0
    with open(path, "rb") as handle:
        for line in handle:
            try:
                obj = json.loads(line)
            except ValueError:
                break
            if not line.endswith(b"\n"):
                break
            done.add(obj.get("doc_id"))
            good_bytes += len(line)
    with open(path, "r+b") as handle:
        handle.truncate(good_bytes)
    return done
