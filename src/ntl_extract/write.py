"""Validate records against the published schema and write them atomically."""

from __future__ import annotations

import json
import os
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

SCHEMA_FILE = "record-v1.schema.json"


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath(SCHEMA_FILE).read_text("utf-8"))


@lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema())


class InvalidRecord(ValueError):
    pass


def validate(record: dict[str, Any]) -> None:
    """Raise InvalidRecord naming the first problem, if the record breaks the schema."""
    errors = sorted(_validator().iter_errors(record), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.path) or "(top)"
        raise InvalidRecord(f"{where}: {first.message}")


def dumps(record: dict[str, Any], indent: int | None = 1) -> str:
    return json.dumps(record, ensure_ascii=False, indent=indent)


def write_atomic(path: str | os.PathLike, content: str) -> None:
    """Write `content` to `path` through a temporary file and a rename, so a
    reader never sees half a file, even when the process is killed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def remove_stale_temporaries(folder: str | os.PathLike) -> int:
    """Delete temporary files a killed run (kill -9) left behind in `folder`."""
    removed = 0
    for path in Path(folder).glob(".*.json.*.tmp"):
        try:
            path.unlink()
            removed += 1
        except OSError:
            pass
    return removed


def write_record(outdir: str | os.PathLike, record: dict[str, Any]) -> Path:
    path = Path(outdir) / f"{record['doc_id']}.json"
    write_atomic(path, dumps(record) + "\n")
    return path


class JsonlWriter:
    """Appends one record per line; each line is written whole and flushed."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = open(self.path, "a", encoding="utf-8")

    def write(self, obj: dict[str, Any]) -> None:
        self.handle.write(json.dumps(obj, ensure_ascii=False) + "\n")
        self.handle.flush()

    def close(self) -> None:
        self.handle.close()

    def __enter__(self) -> "JsonlWriter":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def write_lines(path: str | os.PathLike, objects: Iterable[dict[str, Any]]) -> None:
    write_atomic(path, "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects))
