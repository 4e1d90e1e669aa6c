"""The record's data model: plain frozen dataclasses in the record's key order.

`asdict()` of a `Record` is the JSON a user sees, so the field order here *is*
the key order of `record-v1.md`. Mentions of every kind share the five leading
fields of `Mention`; the extra fields of each kind follow them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_ID = "ntl-extract/record/1"

Span = tuple[int, int]


@dataclass(frozen=True)
class Mention:
    """A place in the raw text: `raw[start:end] == text` always holds."""

    text: str
    start: int
    end: int
    sentence: int
    rule: str


@dataclass(frozen=True)
class DateMention(Mention):
    kind: str  # datetime | date | month | year | interval | open_interval
    value: str  # ISO 8601 / EDTF
    first_day: str | None
    last_day: str | None
    inferred: tuple[str, ...] = ()
    part_of_day: str | None = None


@dataclass(frozen=True)
class NumberMention(Mention):
    kind: str  # percent | money | count | ratio | quantity
    value: float | int
    total: float | int | None = None
    unit: str | None = None
    subject: str | None = None


@dataclass(frozen=True)
class Position:
    title: str
    organization: str | None
    organization_text: str | None
    former: bool
    start: int
    end: int


@dataclass(frozen=True)
class Official:
    name: str
    honorific: str | None
    rank: str | None
    positions: tuple[Position, ...]
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Document:
    type: str
    type_code: str | None
    number: str | None
    symbol: str | None
    date: str | None
    issuer: str | None
    subject: str | None
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Article:
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    category: str | None = None
    author: str | None = None
    views: int | None = None
    keywords: tuple[str, ...] = ()
    boilerplate: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Source:
    path: str
    sha256: str
    encoding: str
    chars: int
    extractor: str = ""  # "ntl-extract/<version>+rules.<fingerprint>": what made the record


@dataclass(frozen=True)
class Record:
    doc_id: str
    source: Source
    article: Article
    sentences: tuple[Span, ...]
    dates: tuple[DateMention, ...] = ()
    officials: tuple[Official, ...] = ()
    documents: tuple[Document, ...] = ()
    numbers: tuple[NumberMention, ...] = ()
    warnings: tuple[str, ...] = ()
    schema: str = field(default=SCHEMA_ID)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of the record, `schema` first as the spec orders it.

        orjson turns the dataclasses into JSON in C and reads it back, ten
        times faster than walking them in Python; what it refuses (an integer
        beyond 64 bits) takes the Python walk."""
        import orjson

        try:
            body = orjson.loads(orjson.dumps(self))
        except orjson.JSONEncodeError:
            body = _jsonable(self)
        return {"schema": body.pop("schema"), **body}


@dataclass(frozen=True)
class ErrorEntry:
    """One input that gave no record: written to `errors.jsonl`."""

    path: str
    kind: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _jsonable(value: Any) -> Any:
    """Dataclasses become dicts (in field order) and tuples lists, recursively.

    `dataclasses.asdict` does the same but deep-copies every leaf, which made
    it the slowest step of writing a record.
    """
    fields = getattr(type(value), "__dataclass_fields__", None)
    if fields is not None:
        return {name: _jsonable(getattr(value, name)) for name in fields}
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value
