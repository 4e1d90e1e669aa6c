"""Past one machine: the same work on a Dask cluster.

`ntl-extract run ... --dask tcp://scheduler:8786` sends each article to the
cluster's workers (which must see the input files and the output folder, as on
a shared filesystem); `records_bag()` gives a `dask.bag` of records for
pipelines of one's own. Workers load the rules once per process (cached).
"""

from __future__ import annotations

from collections import deque
from typing import Iterable, Iterator

from .batch import Item, Outcome, iter_items, process
from .runner import Job, handle


def _handle_remote(item: Item, job: Job) -> Outcome:
    from .pipeline import ready_rules

    return handle(item, ready_rules(job.rules_dir), job)


def run_dask(items: Iterable[Item], job: Job, address, ordered: bool = True, window: int = 256) -> Iterator[Outcome]:
    """Outcomes of `items` computed on the cluster at `address` (or a `Client`)."""
    from distributed import Client, as_completed

    client = address if isinstance(address, Client) else Client(address)
    try:
        if ordered:
            pending: deque = deque()
            for item in items:
                pending.append(client.submit(_handle_remote, item, job, pure=False))
                if len(pending) >= window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        else:
            it = iter(items)
            batch = [client.submit(_handle_remote, item, job, pure=False) for item in _take(it, window)]
            queue = as_completed(batch)
            for future in queue:
                yield future.result()
                for item in _take(it, 1):
                    queue.add(client.submit(_handle_remote, item, job, pure=False))
    finally:
        if client is not address:
            client.close()


def _take(it: Iterator[Item], n: int) -> list[Item]:
    out = []
    for _ in range(n):
        item = next(it, None)
        if item is None:
            break
        out.append(item)
    return out


def _record_of(item: Item, rules_dir: str | None, published: str | None) -> dict:
    from .pipeline import ready_rules

    outcome = process(item, ready_rules(rules_dir), published)
    if outcome.record is not None:
        return outcome.record
    return {"doc_id": outcome.doc_id, "error": outcome.error.to_dict()}


def records_bag(inputs: Iterable[str], published: str | None = None, rules_dir: str | None = None,
                npartitions: int | None = None):
    """A `dask.bag.Bag` of records (or `{"doc_id", "error"}` entries) for `inputs`
    (files, folders, `.jsonl` files), e.g.

        from ntl_extract.distributed import records_bag
        bag = records_bag(["crawl/"], published=None)
        bag.map(lambda r: len(r.get("documents", []))).sum().compute()
    """
    import dask.bag as db

    items = list(iter_items(inputs))
    return db.from_sequence(items, npartitions=npartitions or max(1, min(len(items), 64))).map(
        _record_of, rules_dir, published)
