"""Put the stages' results together into a `Record`, in text order."""

from __future__ import annotations

from .document import Doc
from .model import Record, Source


def _first_offset(entity) -> int:
    return min((m.start for m in entity.mentions), default=0)


def assemble(doc: Doc, doc_id: str, source: Source, found: dict) -> Record:
    return Record(
        doc_id=doc_id,
        source=source,
        article=doc.article,
        sentences=doc.sentences,
        dates=tuple(sorted(found.get("dates", ()), key=lambda m: (m.start, m.end))),
        officials=tuple(sorted(found.get("officials", ()), key=_first_offset)),
        documents=tuple(sorted(found.get("documents", ()), key=_first_offset)),
        numbers=tuple(sorted(found.get("numbers", ()), key=lambda m: (m.start, m.end))),
        warnings=tuple(dict.fromkeys(doc.warnings)),
    )
