"""Legal, party and administrative documents: every reference, one entry per document.

The patterns and the tables (type names ↔ codes, issuer codes ↔ names,
abbreviations of bodies) are in `rules/documents.yaml`. Builders read a
reference's type, number and symbol; `extract()` then attaches the signing date
and the issuer written around the first citation, and merges every mention of
the same document (same type and number, or same symbol) into one entry.
"""

from __future__ import annotations

import time
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass, field

import regex

from ..letterhead import NATIONAL_MOTTO, PLACE_DATE, date_of
from ..model import Document
from ..normalise import canonical, sentence_case
from ..normalise import fold as _fold_uncached
from ..rules import prepared
from .engine import Context, IntervalSet, budget, find, select
from .registry import builder

DIMENSION = "documents"

# Type words and codes repeat on every candidate: fold each spelling once.
fold = lru_cache(maxsize=2048)(_fold_uncached)

_SPACES = regex.compile(r"\s+")
_CODE_PART = regex.compile(r"[^\d/-][^/-]*")  # one code of a symbol (`QĐ`, `TTg`, `QH12`)
_SEPARATOR = regex.compile(r"\s*[/-]\s*")


# ----------------------------------------------------------------- table access


def _type_maps(dimension) -> tuple[dict, dict]:
    """{folded word or abbreviation: (type, code)} and {folded code: (type, code)},
    built once per rule set (`rules.prepared`): builders run on every candidate."""
    words, codes = {}, {}
    for name, entry in dimension.tables["types"].items():
        value = (entry.get("as", name), entry.get("code"))
        for word in [name, *entry.get("words", []), *entry.get("abbreviations", [])]:
            words.setdefault(fold(word), value)
        for code in [entry.get("code"), *entry.get("codes", [])]:
            if code:
                codes.setdefault(fold(code), value)
    return words, codes


def _type_of_word(ctx: Context, word: str) -> tuple[str, str | None] | None:
    """Canonical type and code of a type word as written (`quyết định`, `QĐ`, `văn bản`)."""
    return prepared(ctx.dimension, _type_maps)[0].get(fold(word))


def _type_of_code(ctx: Context, code: str) -> tuple[str, str] | None:
    return prepared(ctx.dimension, _type_maps)[1].get(fold(code))


def _canonical_code(ctx: Context, part: str) -> str:
    """A symbol part in its usual spelling (`TTG` → `TTg`, `NÐ` → `NĐ`)."""
    part = part.replace("Ð", "Đ").replace("ð", "đ")
    known = ctx.tables["code_spellings"]
    return known.get(fold(part), part)


def normalise_symbol(ctx: Context, symbol: str) -> str:
    """`04- CTr/QU` → `04-CTr/QU`; `36/2006/CT-TTG` → `36/2006/CT-TTg`."""
    symbol = _SPACES.sub("", canonical(symbol))
    return _CODE_PART.sub(lambda m: _canonical_code(ctx, m.group()), symbol)


def _issuer_of_codes(ctx: Context, codes: list[str]) -> str | None:
    """The issuer a symbol's codes name, when it is unambiguous (`TTg`, `CP`, `TW`); a
    code with the body's term after it (`QH15`, `UBTVQH14`) names the body."""
    names = ctx.tables["issuer_codes"]
    for code in reversed(codes):
        key = fold(code)
        name = names.get(key) or names.get(key.rstrip("0123456789"))
        if name:
            return name
    return None


# --------------------------------------------------------------------- builders


def _number_fields(m) -> dict:
    return {"number": m.group("number"), "_number_span": m.span("number")}


def _symbol_parts(m) -> list[str]:
    code = m.group("code")
    return [c for c in _SEPARATOR.split(code) if c] if code else []


_NEXT_WORD = regex.compile(r"[ \t]+(\p{L}+)")


def _verb_then_count(ctx: Context, m) -> bool:
    """`kết luận 3 bị can`, `quyết định 5 nội dung`: a type word in lower case,
    no `số`, a bare number and then a lower-case noun is a verb and a count,
    not a reference (`quyết định 1909 của Thủ tướng` still is one)."""
    written = m.group("type")
    if not written or not written[0].islower():
        return False
    if "số" in ctx.text[m.end("type"):m.start("number")].lower():
        return False
    following = _NEXT_WORD.match(ctx.text, m.end("number"))
    if following is None or not following.group(1)[0].islower():
        return False
    return fold(following.group(1)) not in _after_bare_number(ctx)


def _after_bare_number(ctx: Context) -> frozenset[str]:
    words = ctx.tables["after_bare_number"]
    key = id(words)
    if key not in _AFTER_BARE:
        _AFTER_BARE[key] = frozenset(fold(w) for w in words)
    return _AFTER_BARE[key]


_AFTER_BARE: dict[int, frozenset[str]] = {}


@builder("documents.reference", requires=("type", "number"))
def reference(m, ctx: Context):
    """A reference by number: `Quyết định số 1456/QĐ-TTg`, `Chương trình số 11- CTr/QU`,
    `Nghị quyết 17`, `QĐ số 3120`, or a bare symbol `theo 1516/QĐ-TTg`.

    The type comes from the type word when one is written, else from the
    symbol's codes (a bare number with neither is no reference)."""
    codes = _symbol_parts(m)
    written = m.group("type")
    from_word = _type_of_word(ctx, written) if written else None
    from_code = next(filter(None, (_type_of_code(ctx, c) for c in codes)), None)
    found = from_word or from_code
    if found is None:
        return None
    if not codes and _verb_then_count(ctx, m):
        return None
    doc_type, code = found
    fields = {"type": doc_type, "type_code": code or (from_code and from_code[1]),
              **_number_fields(m), "symbol": None, "_codes": codes}
    if codes:
        fields["symbol"] = normalise_symbol(ctx, m.group("symbol"))
    return fields


# One number of a list, with its symbol when written (`03-NQ/TU`).
_LISTED_NUMBER = regex.compile(r"\d{1,5}(?:\s*-\s*[A-ZĐ][\w]*(?:\s*/\s*[A-ZĐ][\w]*)+|/(?:\d{4}/)?[A-ZĐ][\w]*(?:-[A-ZĐ][\w]*)*)?")
_DIGITS = regex.compile(r"\d+")


@builder("documents.reference_list", requires=("type", "numbers"))
def reference_list(m, ctx: Context):
    """`các Nghị quyết số 01, 02 và 03-NQ/TU`: one entry per number; the symbol
    only where it is written."""
    found = _type_of_word(ctx, m.group("type"))
    if found is None:
        return None
    doc_type, code = found
    out = []
    base = m.start("numbers")
    for num in _LISTED_NUMBER.finditer(m.group("numbers")):
        text = num.group()
        number = _DIGITS.match(text).group()
        symbol = normalise_symbol(ctx, text) if len(text) > len(number) else None
        start = m.start() if not out else base + num.start()
        out.append({"type": doc_type, "type_code": code, "number": number, "symbol": symbol,
                    "_codes": [c for c in _SEPARATOR.split(text[len(number):]) if c],
                    "_start": start, "_end": base + num.end(),
                    "_number_span": (base + num.start(), base + num.start() + len(number))})
    return out if len(out) > 1 else None


@builder("documents.named", requires=("type",))
def named(m, ctx: Context):
    """A document known by name, not number: `Nghị quyết TW 8 khóa XI`, `Luật Đất đai 2013`."""
    found = _type_of_word(ctx, m.group("type"))
    if found is None:
        return None
    issuer = None
    if "issuer" in m.re.groupindex and m.group("issuer"):
        issuer = ctx.tables["issuer_codes"].get(fold(m.group("issuer")))
    return {"type": found[0], "type_code": found[1], "number": None, "symbol": None,
            "_codes": [], "_issuer": issuer, "_name": canonical(m.group())}


# ------------------------------------------------------------------- resolution


@dataclass
class _Entry:
    type: str
    type_code: str | None
    number: str | None
    symbol: str | None
    date: str | None = None
    issuer: str | None = None
    subject: str | None = None
    codes: list[str] = field(default_factory=list)
    mentions: list = field(default_factory=list)


# `Luật Đất đai số 31/2024/QH15 được Quốc hội khóa XV thông qua tại Kỳ họp bất thường lần thứ 5
# ngày 18/01/2024`: the body that passed it, and where, between a law and its date.
_PASSED_BY = regex.compile(r"[\s,]*(?:đã\s+)?được\s+\p{Lu}[^,;.\n]{1,60}?\s+(?:thông\s+qua|ban\s+hành)"
                           r"(?:\s+(?:tại|ở)\s+[^,;.\n]{1,60}?)?[\s,]*(?:(?:vào\s+)?(?=ngày))?")
PASSED_WINDOW = 140


def _date_after(ctx: Context, end: int, dates) -> str | None:
    """The signing date written right after a reference (`, ngày 12/11/2021`).
    `dates` are (normalised start, end, mention) sorted by start."""
    text = ctx.text
    i = bisect_left(dates, (end,))
    if i >= len(dates):
        return None
    start, _, d = dates[i]
    if start - end > PASSED_WINDOW or d.kind not in ("date", "datetime"):
        return None
    if (start - end <= 40 and ctx.date_gap_rx.fullmatch(text[end:start])) or _PASSED_BY.fullmatch(text, end, start):
        value = d.value.split("T")[0].split("/")[0]
        return value if "X" not in value else None
    return None


def _shared_date_rx(dimension) -> regex.Pattern:
    """The `shared_date` pattern, compiled (`rules.prepared`: once per rule set)."""
    return regex.compile(dimension.tables["shared_date"], regex.IGNORECASE)


def _shares_date(ctx: Context, opened: int, end: int) -> bool:
    """Whether the date after the reference ending at `end` is every one's of the list that
    opened at `opened`: said with `cùng ngày` (`shared_date`), or the list opened with a
    plural (`các Quyết định số 645/QĐ-UBND, 646/QĐ-UBND và 647/QĐ-UBND ngày 18/7/2023`)."""
    return prepared(ctx.dimension, _shared_date_rx).match(ctx.text, end) is not None \
        or _PLURAL_BEFORE.search(ctx.text, max(0, opened - 8), opened) is not None


_PLURAL_BEFORE = regex.compile(r"(?i)(?<![\w])các\s+$")
# `… số 413-QĐ/TU cùng ngày về việc …`: the day of the reference cited just before.
_SAME_DAY = regex.compile(r"(?i)[^\S\n]+cùng[^\S\n]+ngày(?![^\S\n]*[0-9])")
SAME_DAY_WINDOW = 400  # characters back to that reference
# A day named after `sau`, `trước` (`Ngay sau Tết Nguyên đán …, Ban Thường vụ … đã ban hành`) is no signing date.
_RELATIVE_TO = regex.compile(r"(?i)(?<![\w])(?:sau|trước)\s+$")


def _date_before(ctx: Context, start: int, dates) -> tuple[str | None, str | None]:
    """`Ngày 17/1/2017, UBND phường X đã ra quyết định số 14/QĐ-UBND` (or `Ngay từ
    ngày 25/10, UBND tỉnh đã ban hành …`): the date and the body that opens the clause (the sentence is looked up only once a
    date is found: most references have none before them)."""
    i = bisect_left(dates, (start,)) - 1
    while i >= 0 and dates[i][1] > start:
        i -= 1
    if i < 0:
        return None, None
    d_start, d_end, d = dates[i]
    if not (d.kind in ("date", "datetime") or (d.kind == "open_interval" and _DAY_START.match(d.value))) \
            or d_start < _sentence_start(ctx.doc, start) or _RELATIVE_TO.search(ctx.text, max(0, d_start - 10), d_start):
        return None, None
    m = ctx.clause_before_rx.fullmatch(_ABBREVIATION_IN_BRACKETS.sub("", ctx.text[d_end:start]))
    if not m:
        return None, None
    value = d.value.split("T")[0].split("/")[0]
    issuer = _issuer_phrase(ctx, m.group("body"), start, whole=True)
    if issuer is None and not prepared(ctx.dimension, _office_opening).match(m.group("body").strip()):
        return None, None
    # (an office and its holder's name open the clause, `Ngày 18/8, Phó Chủ tịch UBND tỉnh Đàm Thành
    # Lợi đã ký ban hành Quyết định …`: the day dates the reference, its signer is no issuer)
    return (value if "X" not in value else None), issuer


# A body's short form in brackets inside its name (`Cơ quan Cảnh sát điều tra (CSĐT) Công an huyện`).
_ABBREVIATION_IN_BRACKETS = regex.compile(r"[^\S\n]*\((?:\p{Lu}|[0-9&-]){2,12}\)(?=[^\S\n])")
_DAY_START = regex.compile(r"[0-9X]{4}-[0-9]{2}-[0-9]{2}/")  # `từ ngày 25/10`, not `từ năm 2020`
_TERM_TAIL = regex.compile(r"\s+(?:khóa|khoá|nhiệm kỳ)\s+[\w-]+.*$", regex.I)  # `khóa XI`, `nhiệm kỳ 2020-2025`


def _issuer_phrase(ctx: Context, text: str, at: int, whole: bool = False) -> str | None:
    """The body an issuer phrase names, expanded (`UBND thành phố Hà Nội` →
    `Ủy ban nhân dân thành phố Hà Nội`), or None when it names none."""
    # A whole clause may end with the body's term (`HĐND tỉnh khóa XII đã thông qua …`).
    m = ctx.doc_issuer_rx.match(text) if not whole else ctx.doc_issuer_rx.fullmatch(_TERM_TAIL.sub("", text.strip()))
    if not m:
        return None
    phrase = _body_phrase(m.group("issuer"), getattr(ctx, "person_tail_rx", None))
    if phrase is None:
        return None
    body = expand_body(ctx, _usual_spelling(ctx.text, phrase, at))
    office = prepared(ctx.dimension, _office_opening).match(body)
    if office is not None and _DEPUTY.match(office.group()):
        return body[office.end():]  # a deputy signs for the body (`KT. CHỦ TỊCH`): the body issues
    return body


@lru_cache(maxsize=4096)  # the same bodies are cited again and again
def _body_phrase(issuer: str, person_tail_rx) -> str | None:
    """An issuer phrase without its term (`khóa XI`), or None when a person's
    name ends it: `Chủ tịch UBND quận X Trần Văn Bình đã ký …` names the signer,
    and the gold convention gives no issuer then (the office alone is given
    when unnamed)."""
    phrase = _TERM_TAIL.sub("", issuer.strip())
    if person_tail_rx is not None and person_tail_rx.search(phrase):
        return None
    return phrase


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền, sắc, ngã, hỏi, nặng


def _tone_free(char: str) -> str:
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", char) if c not in _TONES))


def _any_tone(char: str) -> str:
    """A character class matching `char` under any tone mark (`ừ` → `[uùúủũụ]`-like, on ư)."""
    base = _tone_free(char)
    if base == char.lower() == char.upper() or not base.isalpha():
        return regex.escape(char)
    variants = {base} | {unicodedata.normalize("NFC", base + t) for t in _TONES}
    return "[" + "".join(sorted(variants)) + "]"


@lru_cache(maxsize=1024)  # place names repeat across articles
def _spellings_rx(name: str) -> regex.Pattern:
    """`name` as a whole word under any tone marks. The word-start check comes
    after the first character (`[Cc…]` then "no word character before it",
    the same test) so that the
    engine can skip ahead to that character instead of trying every position."""
    classes = [_any_tone(c) for c in name]
    return regex.compile(classes[0] + r"(?<!\w(?s:.))" + "".join(classes[1:]) + r"(?!\w)")


_NAME_TAIL = regex.compile(r"(?:\s\p{Lu}[\p{L}]*)+$")  # the capitalised words ending a phrase
SPELLING_WINDOW = 20_000  # characters around a reference searched for other spellings


def _usual_spelling(text: str, phrase: str, at: int = 0) -> str:
    """Repair a tone-mark typo in a place name (`Cầu Giây` once, `Cầu Giấy`
    three times elsewhere) by the spelling the article itself uses most often.

    Only the capitalised tail of the phrase (the proper name) is checked, only
    a strictly more frequent spelling replaces what is written, and only the
    text around the reference (an article's length) is searched."""
    m = _NAME_TAIL.search(phrase)
    if not m or len(m.group().split()) < 2:
        return phrase
    name = m.group().strip()
    counts = _spellings_in(text[max(0, at - SPELLING_WINDOW):at + SPELLING_WINDOW], name)
    best, n = counts.most_common(1)[0] if counts else (name, 0)
    if best != name and n > counts.get(name, 0):
        return phrase[:len(phrase) - len(name)] + best
    return phrase


@lru_cache(maxsize=16)  # an article cites the same bodies again and again
def _spellings_in(window: str, name: str) -> Counter:
    """How often `window` writes `name` under each spelling of its tone marks."""
    return Counter(found.group() for found in _spellings_rx(name).finditer(window))


_ABBREVIATIONS_RX: dict[int, tuple[dict, regex.Pattern]] = {}


def _abbreviations_rx(words: dict) -> regex.Pattern:
    """The body abbreviations as one pattern, longest first (built once per table)."""
    cached = _ABBREVIATIONS_RX.get(id(words))
    if cached is None or cached[0] is not words:
        alternation = "|".join(map(regex.escape, sorted(words, key=len, reverse=True)))
        cached = _ABBREVIATIONS_RX[id(words)] = (words, regex.compile(r"(?<!\w)(?:" + alternation + r")(?!\w)"))
    return cached[1]


def expand_body(ctx: Context, phrase: str) -> str:
    words = ctx.tables["body_abbreviations"]

    def one(m):
        return words.get(m.group(), m.group())

    expanded = _abbreviations_rx(words).sub(one, canonical(phrase))
    return expanded[0].upper() + expanded[1:] if expanded else expanded


ISSUER_AFTER_WINDOW = 200  # characters between a reference and its `của` at most


def _issuer_after(ctx: Context, end: int) -> str | None:
    """`… của Thủ tướng Chính phủ về …`: the body named after `của` (a date may come between)."""
    # Bounded: the pattern's literal `của` would otherwise be searched for to
    # the end of the text on every call (quadratic on a text of references).
    m = ctx.issuer_after_rx.match(ctx.text, end, end + ISSUER_AFTER_WINDOW)
    if not m:
        return None
    return _issuer_phrase(ctx, ctx.text[m.end():m.end() + 160], end)


ISSUER_BEFORE_WINDOW = 120  # characters of the clause before a reference read for its body


def _issuer_before(ctx: Context, start: int, issued_by: tuple[int, str] | None,
                   codes: list[str] = ()) -> str | None:
    """`Ban Thường vụ Huyện ủy đã ban hành Kế hoạch …`: the body that opens the
    reference's clause and issued it; a reference listed right after one
    (`…, Nghị quyết số 09-NQ/HU ngày 3/8/2021 và Quy định …`) shares its body."""
    if issued_by is not None and ctx.list_gap_rx.fullmatch(ctx.text, issued_by[0], start):
        return issued_by[1]
    lo = max(0, start - ISSUER_BEFORE_WINDOW)
    # (the body's short form in brackets is no part of the clause: `Ban Chỉ huy … (PCTT&TKCN) tỉnh X đã ban hành`)
    text = ctx.text[lo:start]
    if "(" in text:
        text = _ABBREVIATION_IN_BRACKETS.sub("", text)
    m = ctx.issuer_before_rx.search(text)
    if not m:
        return _own_implemented(ctx, start, codes)
    if fold(m.group("body").strip()) in _BARE_HEADS:
        # `Trung tâm đã ban hành …`: a bare head refers back to the body named in full before, if any
        return _named_earlier(ctx, m.group("body").strip(), start)
    if " " not in m.group("body").strip():
        return None  # a single word names no body
    issuer = _issuer_phrase(ctx, m.group("body"), start, whole=True)
    if issuer is None:
        # The shortest body after `và` may be the end of a name that holds `và` (`Sở Văn hóa
        # và Thể thao tỉnh X vừa ban hành …`): the whole clause before the verb, then.
        # A name may hold commas too (`Ban Chỉ huy Phòng chống thiên tai, Tìm kiếm cứu nạn và …`):
        # then the clause from the comma before.
        opening, tried = m.start("body"), m.group("body").strip()
        for _ in range(3):
            opening = max(text.rfind(c, 0, opening) for c in ",;:.\n(") + 1
            whole = text[opening:m.end("body")]
            if whole.strip() != tried:
                issuer = _issuer_phrase(ctx, whole, start, whole=True)
                tried = whole.strip()
            if issuer is not None or opening == 0 or text[opening - 1] != ",":
                break
            opening -= 1
    return issuer


def _implements_rx(dimension) -> regex.Pattern:
    """A body of a kind `level_bodies` names (in full or by its `body_abbreviations`), then
    a verb carrying out or amending a document, at the end of the text searched
    (`rules.prepared`: once per rule set)."""
    kinds = set(dimension.tables["level_bodies"].values())
    spellings = kinds | {k for k, v in dimension.tables["body_abbreviations"].items() if v in kinds}
    return regex.compile(
        r"(?<![\w])(?:" + "|".join(regex.escape(w) for w in sorted(spellings, key=len, reverse=True)) + r")"
        r"(?:[^\S\n]+[^\s,;:.()]+){1,4}?[^\S\n]+(?:đang[^\S\n]+|sẽ[^\S\n]+)?(?:tổ[^\S\n]+chức[^\S\n]+)?"
        r"(?:triển[^\S\n]+khai|thực[^\S\n]+hiện|sửa[^\S\n]+đổi|bổ[^\S\n]+sung|điều[^\S\n]+chỉnh|bãi[^\S\n]+bỏ)"
        r"[^\S\n]+\Z")


def _own_implemented(ctx: Context, start: int, codes: list[str]) -> str | None:
    """`Sở đang tham mưu UBND tỉnh triển khai Kế hoạch số 4651/KH-UBND`: a body carrying
    out or amending (`UBND tỉnh sửa đổi Quyết định số …/QĐ-UBND`) a document its own kind
    issued (the code names that kind) issued it."""
    body = next((ctx.tables["level_bodies"][fold(c)] for c in codes if fold(c) in ctx.tables["level_bodies"]), None)
    m = prepared(ctx.dimension, _implements_rx).search(ctx.text, max(0, start - 80), start) if body else None
    if m is None:
        return None
    issuer = _issuer_phrase(ctx, m.group(), m.start(), whole=False)
    return issuer if issuer and fold(issuer).startswith(fold(body) + " ") else None


# `Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 1436/TTr-SNV …`: a body's submission,
# cited after the body (`… và Giám đốc Sở Y tế tại Tờ trình số …` for the next one).
_PROPOSED_BY = regex.compile(r"(?:(?<![\w])(?:đề\s+nghị|đề\s+xuất|ý\s+kiến)\s+của|(?<![\w])và)\s+", regex.IGNORECASE)
_AT = regex.compile(r"\s+tại\s+$", regex.IGNORECASE)
PROPOSED_WINDOW = 160


def _issuer_proposing(ctx: Context, start: int) -> str | None:
    """The body whose proposal (`đề nghị của <office> <body> tại …`) the reference at `start`
    is: the body, not the office that signs for it (a submission is the body's)."""
    text = ctx.text
    lo = max(0, start - PROPOSED_WINDOW)
    at = _AT.search(text, lo, start)
    if at is None:
        return None
    for m in reversed(list(_PROPOSED_BY.finditer(text, lo, at.start()))):
        phrase = _issuer_phrase(ctx, text[m.end():at.start()], start, whole=True)
        if phrase is not None:
            return prepared(ctx.dimension, _office_opening).sub("", phrase, count=1)
    return None


_DEPUTY = regex.compile(r"Phó\s|Thứ\s+trưởng")  # offices that sign for another's


def _office_opening(dimension) -> regex.Pattern:
    """An office (`office_heads`) opening an issuer phrase, before its body's name."""
    offices = sorted(dimension.tables["office_heads"], key=len, reverse=True)
    return regex.compile(r"^(?:" + "|".join(map(regex.escape, offices)) + r")\s+(?=\p{Lu})")


def _subject_after(ctx: Context, end: int) -> str | None:
    m = ctx.subject_rx.match(ctx.text, end)
    if not m:
        return None
    subject = canonical(m.group("subject")).strip(' "\'')
    return subject or None


def _sentence_start(doc, norm_pos: int) -> int:
    if not doc.sentences:
        return 0
    raw = doc.norm.raw_span(norm_pos, norm_pos + 1)[0]
    return doc.norm.norm_offset(doc.sentences[doc.sentence_at(raw)][0])


def _key(fields) -> tuple:
    return (fold(fields["type"]), fields["number"]) if fields["number"] else ("name", fold(fields.get("_name", "")))


# Shares of the dimension's time (engine.budget) for finding candidates, and
# for finding and resolving them together: a text made of nothing but
# references (a pathological input) must not take longer than the budget.
FIND_SHARE = 0.4
RESOLVE_SHARE = 0.6


def extract(doc, rules, found) -> list[Document]:
    dimension = rules[DIMENSION]
    ctx = Context(doc=doc, dimension=dimension, found=found)
    started = time.perf_counter()
    seconds = budget(ctx)
    resolve_by = started + RESOLVE_SHARE * seconds
    (ctx.doc_issuer_rx, ctx.issuer_after_rx, ctx.subject_rx,
     ctx.date_gap_rx, ctx.clause_before_rx, ctx.issuer_before_rx, ctx.list_gap_rx) = prepared(dimension, _compiled)
    ctx.person_tail_rx = _person_tail(rules)
    to_norm = doc.norm.norm_offset
    dates = sorted((to_norm(d.start), to_norm(d.end), d) for d in found.get("dates", ()))
    date_spans = IntervalSet((s, e) for s, e, _ in dates)

    candidates = [c for c in find(dimension, ctx, deadline=started + FIND_SHARE * seconds)
                  if not date_spans.overlaps(*c.fields.get("_number_span", (c.start, c.start)))]
    entries: dict[tuple, _Entry] = {}
    by_symbol: dict[str, _Entry] = {}
    resolving = True
    issued_by: tuple[int, str] | None = None  # (end of a reference, the body named before it)
    clause: tuple | None = None  # (end of a reference, the day and body that open its clause)
    dated: tuple | None = None  # (end of the last reference with a date, that date): `… cùng ngày`
    listed: list[tuple[int, int, _Entry]] = []  # the references of the list this one may end: (start, end, entry)
    for cand in select(candidates):
        f = cand.fields
        key = _key(f)
        entry = by_symbol.get(fold(f["symbol"])) if f["symbol"] else None
        entry = entry or entries.get(key)
        if entry is None:
            entry = _Entry(type=f["type"], type_code=f["type_code"], number=f["number"], symbol=f["symbol"],
                           codes=list(f["_codes"]), issuer=f.get("_issuer"))
            entries[key] = entry
        elif f["symbol"] and not entry.symbol:
            entry.symbol = f["symbol"]
            entry.codes = list(f["_codes"])
        if entry.symbol:
            by_symbol[fold(entry.symbol)] = entry
        entry.type_code = entry.type_code or f["type_code"]
        entry.mentions.append(doc.mention(cand.start, cand.end, cand.rule.id))
        if resolving and time.perf_counter() > resolve_by:
            resolving = False
            ctx.warn("documents: dates, issuers and subjects of later references not read: "
                     "the time for documents on this text ran out")
        if not resolving:
            continue
        if listed and not ctx.list_gap_rx.fullmatch(ctx.text, listed[-1][1], cand.start):
            listed = []
        if entry.date is None:
            entry.date = _date_after(ctx, cand.end, dates)
        if entry.date is None and dated is not None and cand.start - dated[0] <= SAME_DAY_WINDOW \
                and _SAME_DAY.match(ctx.text, cand.end):
            entry.date = dated[1]  # `Quyết định số 412-QĐ/TU ngày 17/10/2016 …; Quyết định số 413-QĐ/TU cùng ngày`
        if entry.issuer is None:
            entry.issuer = _issuer_after(ctx, cand.end)
        if listed and entry.date and _shares_date(ctx, listed[0][0], cand.end):
            for _, _, other in listed:  # `Kế hoạch số 128-KH/HU và … số 129-KH/HU cùng ngày 20/02/2025 của …`
                other.date = entry.date
                other.issuer = entry.issuer or other.issuer
        listed.append((cand.start, cand.end, entry))
        _take_letterhead(entry, *_letterhead(ctx, cand.start))  # (None, None) unless the reference heads a document
        if entry.date is None or entry.issuer is None:
            date, issuer = _date_before(ctx, cand.start, dates)
            if issuer is None and clause is not None and ctx.list_gap_rx.fullmatch(ctx.text, clause[0], cand.start):
                date, issuer = clause[1:]  # `Ngày 14/4, X đã ra Quyết định … và Quyết định …`: the list shares them
            clause = (cand.end, date, issuer) if issuer is not None else None
            entry.date = entry.date or date
            entry.issuer = entry.issuer or issuer
        if entry.issuer is None:
            entry.issuer = _issuer_before(ctx, cand.start, issued_by, entry.codes)
            issued_by = (cand.end, entry.issuer) if entry.issuer else None
        if entry.issuer is None:
            entry.issuer = _issuer_proposing(ctx, cand.start)
        if entry.subject is None:
            entry.subject = _subject_after(ctx, cand.end)
        if entry.date is not None:
            dated = (cand.end, entry.date)
    if resolving and "\n" in ctx.text:
        _letterheads_of(ctx, entries.values())
    out = []
    for entry in entries.values():
        issuer = entry.issuer or _issuer_of_codes(ctx, entry.codes)
        if issuer is not None and fold(issuer) in _BARE_HEADS and entry.mentions:
            issuer = _named_earlier(ctx, issuer, to_norm(entry.mentions[0].start)) or issuer
        out.append(Document(type=entry.type, type_code=entry.type_code, number=entry.number, symbol=entry.symbol,
                            date=entry.date, issuer=issuer, subject=entry.subject, mentions=tuple(entry.mentions)))
    return out


def _letterheads_of(ctx: Context, entries) -> None:
    """A document cited with its type and posted whole below, where its `Số: 2145/UBND-NN`
    line carries no type (no reference of its own): its letterhead's date and body."""
    text = ctx.text
    lines = [m.end() for m in _NUMBER_LINE.finditer(text)]  # (one scan for every entry)
    for entry in entries:
        if not entry.symbol:
            continue
        for at in lines:
            end = at + len(entry.symbol)
            if text.startswith(entry.symbol, at) and not _SYMBOL_GOES_ON.match(text, end):
                _take_letterhead(entry, *_letterhead(ctx, at))


_NUMBER_LINE = regex.compile(r"(?m)^[ \t]*(?:Số|SỐ)[ \t]*:?[ \t]*")  # `Số: 2145/UBND-NN`: where its symbol starts
_SYMBOL_GOES_ON = regex.compile(r"[\w/-]")


def _take_letterhead(entry: _Entry, date: str | None, issuer: str | None) -> None:
    """A letterhead's date where the entry has none, and its body where the entry has none
    or names it less fully (`Ủy ban nhân dân tỉnh` → `Ủy ban nhân dân tỉnh Nam Định`)."""
    entry.date = entry.date or date
    if issuer is not None and (entry.issuer is None or fold(issuer).startswith(fold(entry.issuer) + " ")):
        entry.issuer = issuer


# A document posted whole opens with its letterhead: the body in capitals on a line or
# two, `Số: 48/KH-UBND`, then (beside it or below) `Tam Dương, ngày 07 tháng 3 năm 2025`.
_NUMBER_LABEL = regex.compile(r"[ \t]*(?:Số|SỐ|số)[ \t]*:?[ \t]*")
_UNITS = r"(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|thị\s+trấn|xã|phường|đặc\s+khu)"  # administrative units
_UNIT_LINE = regex.compile(rf"(?i){_UNITS}\s(?!(?:ủy|uỷ)(?!\w))")  # `HUYỆN TAM DƯƠNG`, not `HUYỆN ỦY …`
_PLACE_AFTER_UNIT = regex.compile(rf"(?<![\w])(?:{_UNITS}|(?i:huyện|tỉnh|thành|quận|thị) ủy) (?!ủy)(\w+(?: \w+){{0,3}})$")


def _letterhead(ctx: Context, start: int) -> tuple[str | None, str | None]:
    """The date and body of a document's letterhead when the reference at `start` is its
    `Số: …` line; (None, None) for any other reference."""
    text = ctx.text
    line_start = text.rfind("\n", 0, start) + 1
    if not _NUMBER_LABEL.fullmatch(text, line_start, start):
        return None, None
    lines: list[str] = []
    top = line_start  # where the letterhead's first line begins
    end = line_start - 1
    while end > 0 and len(lines) < 3:
        begin = text.rfind("\n", 0, end) + 1
        line = _MOTTO_LINE.sub(" ", text[begin:end]).strip()  # the motto scraped beside the body's name
        right = PLACE_DATE.search(line)
        if right is not None:  # … and the place and date
            line = line[:right.start()].strip()
        line = " ".join(line.split())
        end = begin - 1
        if not line or not any(c.isalpha() for c in line):
            if lines:
                break
            top = begin
            continue  # a rule under the body's name (`-----`, `*`), or the right column alone
        if not line.isupper():
            break
        lines.insert(0, line)
        top = begin
    m = PLACE_DATE.search(text, top, min(len(text), start + 300))  # beside or under the body's name, or below `Số`
    day = date_of(m) if m is not None else None
    date = day.isoformat() if day is not None else None
    authority = _AUTHORITY.search(text, start, min(len(text), start + 1500))
    if authority is not None:  # `QUYẾT ĐỊNH` / `Về việc …` / `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X` / `Căn cứ …`
        return date, _cased_body(ctx, " ".join(authority.group("office").split()))
    if not lines:
        return date, None
    body = lines[-1]
    if len(lines) > 1 and _UNIT_LINE.match(body + " "):
        body = f"{lines[-2]} {body}"  # `ỦY BAN NHÂN DÂN` / `HUYỆN TAM DƯƠNG`
    elif len(lines) > 1 and (_PARTY_COMMITTEE.match(lines[-2]) or _BOARD.match(body)) \
            and not _COMMITTEE_WORD.search(body):
        body = f"{body} {lines[-2]}"  # `TỈNH ỦY HÀ TĨNH` / `ỦY BAN KIỂM TRA`: the committee's board
    elif len(lines) > 1 and not _ANY_UNIT.search(body) and (parent := _UNIT_PLACE_END.search(lines[-2])):
        body = f"{body} {parent.group()}"  # `UBND TỈNH QUẢNG NINH` / `SỞ VĂN HÓA VÀ THỂ THAO`: the province's
    return date, _cased_body(ctx, body)


_BOARD = regex.compile(r"BAN[ ](?:THƯỜNG[ ]TRỰC|THƯỜNG[ ]VỤ|CHỈ[ ]ĐẠO)(?:[ ]|$)")  # a body's board, under its body
# The national motto and its slogan, as a letterhead's right column says them.
_MOTTO_LINE = regex.compile(NATIONAL_MOTTO.pattern + r"|[-–]{3,}")  # … and a rule drawn beside it
_PARTY_COMMITTEE = regex.compile(r"(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ|ĐẢNG)[ ](?:ỦY|UỶ)[ ]\p{Lu}")  # `TỈNH ỦY HÀ TĨNH`
_COMMITTEE_WORD = regex.compile(r"(?<![\p{L}])(?:ỦY|UỶ)(?![\p{L}])")  # (a body naming its committee itself)


# The office that enacts a decision or resolution posted whole, in capitals between its
# title (and subject lines) and the first `Căn cứ`: `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KON TUM`.
_AUTHORITY = regex.compile(r"^[ \t]*(?:QUYẾT ĐỊNH|NGHỊ QUYẾT|CHỈ THỊ)[ \t]*\n(?:[^\n]*\n){1,5}?"
                           r"[ \t]*(?P<office>(?!KH[ÓO]A[ \t])\p{Lu}[\p{Lu} \t,&-]{5,150}?)[ \t]*\n"
                           r"(?:[ \t]*KH[ÓO]A[^\n]*\n)?(?:[ \t]*\n)*[ \t]*Căn cứ",  # (its term: `KHÓA XX, KỲ HỌP THỨ HAI`)
                           regex.MULTILINE)
_ANY_UNIT = regex.compile(rf"(?i)(?<![\w]){_UNITS}(?![\w])")
_UNIT_PLACE_END = regex.compile(rf"(?i)(?<![\w]){_UNITS}[ \t]+\w+(?:[ \t]+\w+){{0,3}}$")


@lru_cache(maxsize=4)
def _head_spellings(heads: tuple[str, ...]) -> tuple[regex.Pattern, dict[str, str]]:
    """The body heads as one case-blind pattern, and each head's spelling by its folded form."""
    ordered = sorted(heads, key=len, reverse=True)
    return (regex.compile(r"(?<![\w])(?:" + "|".join(regex.escape(h) for h in ordered) + r")(?![\w])", regex.IGNORECASE),
            {fold(h): h for h in ordered})


def _cased_body(ctx: Context, capitals: str) -> str:
    """A body's name written in capitals as it is written in a sentence: the lexicon's
    spelling of the heads it holds, a place after its unit capitalised."""
    spelled, heads = _head_spellings(tuple(ctx.tables["body_heads"]))
    cased = spelled.sub(lambda m: heads.get(fold(m.group()), m.group()),
                        expand_body(ctx, sentence_case(capitals, ctx.tables["body_abbreviations"])))
    place = _PLACE_AFTER_UNIT.search(cased)
    if place is not None:
        cased = cased[:place.start(1)] + place.group(1).title() + cased[place.end(1):]
    cased = _COUNTRY.sub("Việt Nam", cased)  # (`Mặt trận Tổ quốc Việt Nam`)
    return cased[0].upper() + cased[1:]


_COUNTRY = regex.compile(r"(?<![\w])việt nam(?![\w])")


# Bodies written with their head word alone once the article has named them (`theo Kế hoạch
# số 215/KH-SGTVT của Sở`): the issuer is the body of that head the article named last before.
_BARE_HEADS = frozenset(fold(h) for h in ("Sở", "Cục", "Bộ", "Ban", "Ban Chỉ đạo", "Hội đồng", "Tổng cục",
                                           "Chi cục", "Viện", "Vụ", "Trung tâm", "Phòng", "Ủy ban"))


def _named_earlier(ctx: Context, head: str, before: int) -> str | None:
    """The fuller name of the body `head` names, as the text gave it before `before`: the fullest
    of its names there (`Trung tâm Y tế huyện Hương Sơn`, then `Giám đốc Trung tâm Y tế huyện`)."""
    text = ctx.text
    found = None
    for m in regex.finditer(r"(?<![\w])" + regex.escape(head) + r"(?=[^\S\n]+\p{Lu})", text[:before]):
        name = _issuer_phrase(ctx, text[m.start():m.start() + 160], m.start())
        if name is not None and fold(name).startswith(fold(head) + " ") and (found is None or len(name) >= len(found)):
            found = name
    return found


def _person_tail(rules):
    """A person's name ending an issuer phrase: a surname, a middle name and one or
    two more capitals (the officials' lexicons: a surname and a middle name open a
    person's name, never a place's). None when the officials rules are not loaded."""
    officials = rules.get("officials")
    return None if officials is None else prepared(officials, _person_tail_pattern)


def _person_tail_pattern(officials) -> regex.Pattern | None:
    surnames, middles = officials.lexicons.get("surname"), officials.lexicons.get("middle_name")
    if surnames is None or middles is None:
        return None
    places = officials.lexicons.get("place") or ("\0",)  # `thành phố Hồ Chí Minh` is spelled like a name
    return regex.compile(
        r"(?<=\S)\s+(?!\L<place>$)\L<surname>\s+\L<middle>(?:\s+\p{Lu}\p{Ll}*){1,2}$",
        surname=sorted(surnames, key=len, reverse=True), middle=sorted(middles, key=len, reverse=True),
        place=sorted(places, key=len, reverse=True))


def _compiled(dimension) -> tuple:
    """The patterns of the tables (`rules.prepared`: once per rule set): the
    issuer phrase (built from the body lexicon), `issuer_after`, `subject_after`,
    `date_gap`, `clause_before`, `issuer_before` and `list_gap` (all case-insensitive)."""
    heads = sorted(dimension.tables["body_heads"], key=len, reverse=True)
    tails = sorted(dimension.tables["body_tail_words"], key=len, reverse=True)
    types = sorted(dimension.lexicons["doc_type"], key=len, reverse=True)
    offices = sorted(dimension.tables["office_heads"], key=len, reverse=True)
    pattern = regex.compile(dimension.tables["issuer_phrase"], regex.IGNORECASE,
                            body_head=heads, body_tail=tails, doc_type=types, office_head=offices)
    others = (regex.compile(dimension.tables[name], regex.IGNORECASE)
              for name in ("issuer_after", "subject_after", "date_gap", "clause_before",
                           "issuer_before", "list_gap"))
    return (pattern, *others)
