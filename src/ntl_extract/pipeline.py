"""read → normalise → segment → extract → assemble: one article in, one record out."""

from __future__ import annotations

import hashlib
import weakref
from dataclasses import replace
from pathlib import Path

from . import metadata
from .assemble import assemble
from .document import Doc, Published
from .extract import ORDER
from .model import Record, Source

from .rules import RuleSet, load_rules


# A short article that takes every extractor down its common paths.
_WARM_UP_TEXT = (
    "Ngày 5/6/2024, đồng chí Nguyễn Văn An, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, ký "
    "Quyết định số 123/QĐ-UBND về Kế hoạch 45-KH/TU của Ban Thường vụ Tỉnh ủy và Nghị quyết 09. "
    "Quý I năm 2024, thu ngân sách đạt 2 tỷ 333,1 triệu đồng, bằng 98,75% dự toán, "
    "giải quyết việc làm cho 2.789/4.800 lao động; ông Trần Văn Bình, Giám đốc Sở Tài chính, cho biết.\n"
)
_READY: "weakref.WeakValueDictionary[int, RuleSet]" = weakref.WeakValueDictionary()  # by id


def ready_rules(directory: str | None = None) -> RuleSet:
    """The rules of `directory`, loaded, with one sample article run through
    them: extractors build some patterns and tables on first use, and that
    one-off work must not eat the first real article's time budget (a fresh
    worker on a busy machine ran out of it)."""
    rules = load_rules(directory)
    if _READY.get(id(rules)) is not rules:
        extract(_WARM_UP_TEXT, rules=rules)
        _READY[id(rules)] = rules
    return rules


def extractor_id(rules: RuleSet) -> str:
    """What makes a record: this version of the code and these rule files."""
    from . import __version__

    return f"ntl-extract/{__version__}+rules.{rules.fingerprint}"


def extract(
    text: str,
    *,
    published: str | Published | None = None,
    doc_id: str = "text",
    rules: RuleSet | None = None,
    detect_metadata: bool = True,
    source: Source | None = None,
    warnings: tuple[str, ...] = (),
    title: str | None = None,
) -> Record:
    """The record of one article given as text.

    `published` is used when the text carries no publication stamp of its own.
    With `detect_metadata=False` the text is treated as body only (no title,
    byline or stamps are looked for) — how rule examples are run.
    """
    rules = rules or ready_rules()
    doc = Doc.from_text(text)
    doc.warnings.extend(warnings)
    fallback = Published.parse(published) if isinstance(published, str) else published
    if detect_metadata:
        doc.article = metadata.detect(doc, rules, title=title)
        stamped = metadata.published_of(doc.article)
        doc.published = stamped or fallback
        if doc.published and not stamped:
            doc.article = metadata.with_published(doc.article, doc.published)
    else:
        doc.published = fallback
        if title:
            doc.article = metadata.with_title(doc.article, title)
    found: dict = {}
    for name, module in ORDER:
        if rules.get(name) is not None:
            found[name] = module.extract(doc, rules, found)
        else:
            found[name] = []
    if source is None:
        data = text.encode("utf-8")
        source = Source(path="", sha256=hashlib.sha256(data).hexdigest(), encoding="utf-8", chars=len(text))
    source = replace(source, extractor=extractor_id(rules))
    return assemble(doc, doc_id, source, found)


def extract_bytes(data: bytes, *, path: str = "", doc_id: str | None = None,
                  published: str | Published | None = None, rules: RuleSet | None = None) -> Record:
    """The record of one article given as the bytes of a file (raises read.ReadError)."""
    from .read import decode

    decoded = decode(data)
    source = Source(path=path, sha256=hashlib.sha256(data).hexdigest(),
                    encoding=decoded.encoding, chars=len(decoded.text))
    return extract(decoded.text, published=published, doc_id=doc_id or Path(path).stem or "stdin",
                   rules=rules, source=source, warnings=tuple(decoded.warnings))


def extract_file(path: str | Path, *, published: str | Published | None = None,
                 rules: RuleSet | None = None) -> Record:
    """The record of one article file (raises read.ReadError when it cannot be read)."""
    from .read import read_file

    data, _ = read_file(path)
    return extract_bytes(data, path=str(path), doc_id=Path(path).stem, published=published, rules=rules)
