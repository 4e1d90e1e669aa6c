"""Many inputs in, one record (or one error entry) out per article.

Inputs are enumerated lazily (files, folders walked for `*.txt`, `-` for
standard input, `.jsonl` files with one article per line); each article is
processed on its own, so one bad file never stops a batch.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .model import ErrorEntry


@dataclass(frozen=True)
class Item:
    """One article to process, or an input that failed before it became one."""

    origin: str  # file path, "-", or "file.jsonl:LINE"
    doc_id: str
    path: str | None = None  # a file to read
    data: bytes | None = None  # bytes already read (stdin)
    text: str | None = None  # text given directly (JSONL)
    published: str | None = None
    title: str | None = None
    error: ErrorEntry | None = None


@dataclass(frozen=True)
class Outcome:
    origin: str
    doc_id: str
    record: dict | None = None
    error: ErrorEntry | None = None


class _Ids:
    """Unique doc ids: a second `a.txt` from another folder becomes `a-2`."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def __call__(self, wanted: str) -> str:
        wanted = wanted or "article"
        count = self.seen.get(wanted, 0) + 1
        self.seen[wanted] = count
        return wanted if count == 1 else f"{wanted}-{count}"


def iter_items(inputs: Iterable[str], stdin=None) -> Iterator[Item]:
    ids = _Ids()
    for given in inputs:
        if given == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield Item(origin="-", doc_id=ids("stdin"), data=stream.read())
            continue
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, ids)
        elif path.suffix.lower() == ".jsonl" and path.is_file():
            yield from _jsonl(path, ids)
        elif path.exists() or path.is_symlink():
            yield Item(origin=str(path), doc_id=ids(path.stem), path=str(path))
        else:
            yield Item(origin=given, doc_id=ids(path.stem), error=ErrorEntry(given, "missing", "no such file or folder"))


def _walk(root: Path, ids: _Ids) -> Iterator[Item]:
    failures: list[OSError] = []
    for folder, dirs, files in os.walk(root, onerror=failures.append):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(".txt"):
                path = Path(folder) / name
                yield Item(origin=str(path), doc_id=ids(path.stem), path=str(path))
        while failures:
            err = failures.pop()
            where = getattr(err, "filename", None) or str(root)
            yield Item(origin=str(where), doc_id=ids(Path(str(where)).stem),
                       error=ErrorEntry(str(where), "unreadable", f"cannot list folder: {err.strerror or err}"))
    while failures:
        err = failures.pop()
        where = getattr(err, "filename", None) or str(root)
        yield Item(origin=str(where), doc_id=ids(Path(str(where)).stem),
                   error=ErrorEntry(str(where), "unreadable", f"cannot list folder: {err.strerror or err}"))


def _jsonl(path: Path, ids: _Ids) -> Iterator[Item]:
    try:
        handle = open(path, "rb")
    except OSError as err:
        yield Item(origin=str(path), doc_id=ids(path.stem), error=ErrorEntry(str(path), "unreadable", str(err)))
        return
    with handle:
        for number, line in enumerate(handle, 1):
            origin = f"{path}:{number}"
            if not line.strip():
                continue
            try:
                obj = json.loads(line.decode("utf-8"))
                if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                    raise ValueError("each line must be a JSON object with a string `text`")
                for key in ("id", "title", "published", "url"):
                    if obj.get(key) is not None and not isinstance(obj[key], (str, int)):
                        raise ValueError(f"`{key}` must be a string")
            except (ValueError, UnicodeDecodeError) as err:
                yield Item(origin=origin, doc_id=ids(f"{path.stem}-{number}"),
                           error=ErrorEntry(origin, "invalid_jsonl", str(err)[:300]))
                continue
            doc_id = str(obj.get("id") or f"{path.stem}-{number}")
            yield Item(origin=origin, doc_id=ids(_safe_id(doc_id)), text=obj["text"],
                       published=obj.get("published"), title=obj.get("title"))


def _safe_id(doc_id: str) -> str:
    """A doc id usable as a file name."""
    cleaned = "".join(c if c.isalnum() or c in "-_." else "_" for c in doc_id).strip("._")
    return cleaned[:150] or "article"


def process(item: Item, rules, published: str | None = None, validate_records: bool = True) -> Outcome:
    """Extract one item; every failure becomes an error entry, never an exception."""
    from .pipeline import extract, extract_bytes
    from .read import ReadError, read_file
    from .write import validate

    if item.error is not None:
        return Outcome(item.origin, item.doc_id, error=item.error)
    try:
        if item.text is not None:
            fallback = item.published or published
            try:
                record = extract(item.text, published=fallback, doc_id=item.doc_id, rules=rules,
                                 title=item.title)
            except ValueError as err:  # an unparsable `published` in the line
                record = extract(item.text, published=published, doc_id=item.doc_id, rules=rules, title=item.title)
                record = _with_warning(record, f"published {fallback!r} ignored: {err}")
        else:
            data = item.data if item.data is not None else read_file(item.path)[0]
            record = extract_bytes(data, path=item.path or item.origin, doc_id=item.doc_id,
                                   published=published, rules=rules)
        result = record.to_dict()
        if validate_records:
            validate(result)
        return Outcome(item.origin, item.doc_id, record=result)
    except ReadError as err:
        return Outcome(item.origin, item.doc_id, error=ErrorEntry(item.origin, err.kind, err.message))
    except Exception as err:  # a bug must not stop the batch: report it as this input's error
        last = traceback.format_exception_only(type(err), err)[-1].strip()
        return Outcome(item.origin, item.doc_id, error=ErrorEntry(item.origin, "internal", last[:500]))


def _with_warning(record, message: str):
    from dataclasses import replace

    return replace(record, warnings=record.warnings + (message,))
