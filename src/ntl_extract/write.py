"""Validate records against the published schema and write them atomically."""

from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

SCHEMA_FILE = "record-v1.schema.json"


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath(SCHEMA_FILE).read_text("utf-8"))


@lru_cache(maxsize=1)
def reference_validator():
    """jsonschema's validator: the reference reading of the 2020-12 schema."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema())


@lru_cache(maxsize=1)
def _fast_validator():
    """jsonschema-rs (Rust) reads the 2020-12 schema as it is and validates a
    record about fifteen times faster than fastjsonschema's generated Python
    (0.07 ms against 1 ms), which matters because every record written is
    validated."""
    import jsonschema_rs

    return jsonschema_rs.validator_for(schema())


class InvalidRecord(ValueError):
    pass


def validate(record: dict[str, Any]) -> None:
    """Raise InvalidRecord naming the problem, if the record breaks the schema."""
    import jsonschema_rs

    try:
        _fast_validator().validate(record)
    except jsonschema_rs.ValidationError as err:
        raise InvalidRecord(f"{'/'.join(map(str, err.instance_path)) or 'record'}: {err.message}") from None


def encode(obj: Any, pretty: bool = False) -> bytes:
    """`obj` as UTF-8 JSON and a newline. orjson writes a record several times
    faster than the standard library (whose indenting encoder is pure Python);
    the standard library takes over for what orjson refuses (integers beyond
    64 bits, which a long enough digit run can spell)."""
    import orjson

    option = orjson.OPT_APPEND_NEWLINE | (orjson.OPT_INDENT_2 if pretty else 0)
    try:
        return orjson.dumps(obj, option=option)
    except orjson.JSONEncodeError:
        return (json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None) + "\n").encode("utf-8")


def dumps(record: dict[str, Any], pretty: bool = True) -> str:
    """A record as JSON text (two-space indented unless `pretty` is false)."""
    return encode(record, pretty).decode("utf-8").rstrip("\n")


def write_atomic(path: str | os.PathLike, content: str | bytes) -> None:
    """Write `content` to `path` through a temporary file and a rename, so a
    reader never sees half a file, even when the process is killed.

    No fsync: the rename is atomic for every other process, which is what
    resuming after SIGKILL needs; an fsync per record cost more than
    extracting it (7 ms against 4 ms), for durability across a power cut that
    `--resume` restores anyway (a record whose bytes were lost fails to parse
    and is redone)."""
    path = Path(path)
    # One temporary name per process and target (a process writes one file at
    # a time): cheaper than mkstemp's random names, and still matched by
    # remove_stale_temporaries.
    tmp = path.parent / f".{path.name}.{os.getpid()}.tmp"
    try:
        with _created(tmp) as handle:
            handle.write(content.encode("utf-8") if isinstance(content, str) else content)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _created(path: Path):
    """`path` opened for writing, its folder made if missing (asking only on
    failure: a stat per record cost as much as writing it)."""
    try:
        return open(path, "wb")
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        return open(path, "wb")


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
    write_atomic(path, encode(record, pretty=True))
    return path


class JsonlWriter:
    """Appends one record per line; each line is written whole and flushed."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = open(self.path, "ab")

    def write(self, obj: dict[str, Any]) -> None:
        self.handle.write(encode(obj))
        self.handle.flush()

    def close(self) -> None:
        self.handle.close()

    def __enter__(self) -> "JsonlWriter":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def write_lines(path: str | os.PathLike, objects: Iterable[dict[str, Any]]) -> None:
    write_atomic(path, b"".join(encode(o) for o in objects))
