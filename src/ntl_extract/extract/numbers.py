"""Numeric facts: percentages, money, measures, ratios and counts, with what they count.

Patterns and word lists are in `rules/numbers.yaml`; the number grammar is in
`numbers_grammar.py`. Exclusion rules (addresses, ordinals, phone numbers,
names with digits…) run first and block their spans, as do every date and
document mention found before; then the value rules compete for what is left.
"""

from __future__ import annotations


from bisect import bisect_left

import regex

from ..model import NumberMention
from ..normalise import canonical, fold
from .engine import Context, IntervalSet, deadline_for, find, select
from .numbers_grammar import as_json_number, parse_amount
from .numbers_scan import anchor_patterns, anchors, run_anchored, word_prefilter
from .registry import builder

DIMENSION = "numbers"
EXCLUDE = "numbers.exclude"


def _key(word: str) -> str:
    """A comparison key for words of `doc.text`, which is already normalised
    (NFC, modern tones, plain quotes): lowercasing is enough, and `fold()` per
    word would cost more than the whole match."""
    return word.lower()


def _amount(m, group: str = "amount"):
    text = m.group(group)
    return parse_amount(text) if text else None


_SETS: dict = {}


def _set(ctx: Context, name: str) -> frozenset[str]:
    """A word list of `tables` as a set, built once per rule set."""
    key = (id(ctx.dimension), name)
    if key not in _SETS:
        _SETS[key] = frozenset(_key(w) for w in ctx.tables[name])
    return _SETS[key]


def _counted(ctx: Context, noun: str | None) -> str | None:
    """The counted noun as written: up to `max_unit_words` words, cut at the
    first function word, at a verb (`học sinh đoạt giải`) or at the first
    syllable of a two-syllable verb (`hộ dân đồng thuận`); None when the first
    word already is one."""
    if not noun:
        return None
    noun = noun.strip().lstrip('"').strip()
    stop = _set(ctx, "stop_words")
    words = noun.split()
    kept: list[str] = []
    verbs = _set(ctx, "verbs_after_noun")
    pairs = _set(ctx, "verbs_two_syllables")
    if len(words) > 1 and f"{_key(words[0])} {_key(words[1])}" in _set(ctx, "counted_compounds"):
        kept = words[:2]  # `phần quà`, `điểm đến`: a noun although its first word alone counts nothing
    for i in range(len(kept), min(len(words), ctx.tables["max_unit_words"])):
        word = words[i]
        key = _key(word)
        if key in stop or (i == 0 and key in _set(ctx, "not_counted")) or (i > 0 and key in verbs):
            break
        if i > 0 and i + 1 < len(words) and f"{key} {_key(words[i + 1])}" in pairs:
            break
        kept.append(word)
    limit = ctx.tables["max_unit_words"]
    if len(kept) == limit and len(words) > limit:
        split = f"{_key(kept[-1])} {_key(words[limit])}"
        if split in pairs or split in _set(ctx, "split_words"):
            kept.pop()  # the word limit would cut a two-syllable word in half
    return canonical(" ".join(kept)) if kept else None


def _noun(ctx: Context, m) -> tuple[str, int]:
    """The match's noun group and where it starts, cut before the first span
    a date, a document or an exclusion took (`320 suất quà Tết Ất Tỵ` counts
    `suất quà`; `2.000 thí sinh lớp 12` counts `thí sinh`)."""
    noun, start = m.group("noun"), m.start("noun")
    taken = getattr(ctx, "taken", None)
    if taken is not None and noun:
        i = bisect_left(taken.starts, start)
        if i < len(taken.starts) and taken.starts[i] < start + len(noun):
            noun = noun[: taken.starts[i] - start]
    return noun, start


_WORD_BEFORE = regex.compile(r"(\w+)\W{1,3}$")


def _word_before(ctx: Context, pos: int, skip: frozenset[str] = frozenset()) -> str:
    """The word before `pos` (lowercase), passing over words in `skip`; '' at the start."""
    text = ctx.text
    while True:
        m = _WORD_BEFORE.search(text, max(0, pos - 24), pos)
        if not m:
            return ""
        word = _key(m.group(1))
        if word not in skip:
            return word
        pos = m.start()


_APPROX = frozenset(["hơn", "khoảng", "gần", "trên", "dưới", "tới", "đến", "ngót", "chừng", "tổng", "cộng"])


def _is_score(ctx: Context, m, unit: str) -> bool:
    """`điểm` counts places only when a word says which (`43 điểm thi`); bare,
    with a subject word (`điểm môn Toán`, `điểm khối A`) or after a verb that
    takes a score (`đạt`, `giành`), it is a score."""
    words = [_key(w) for w in unit.split()]
    if len(words) < 2 or words[1] in _set(ctx, "score_words") or " ".join(words[1:3]) in _set(ctx, "score_words"):
        return True
    return _word_before(ctx, m.start("amount"), _APPROX) in _set(ctx, "score_cues")


def _five(ctx: Context, m, noun: str) -> bool:
    """`năm` is five before a noun (`có năm hợp tác xã`), but a year before
    `nay`, `học`, `qua`… and after a number or `mỗi`, `các`, `trong`…"""
    words = noun.split()
    if not words or _key(words[0]) in _set(ctx, "year_after"):
        return False
    before = _word_before(ctx, m.start("amount"))
    return not (before in _set(ctx, "year_before") or before[:1].isdigit())


_QUOTED = regex.compile(r'"\s?(?P<inner>[^"\n]{1,60}?)\s?"')


def _quoted(ctx: Context, start: int) -> tuple[str, int] | None:
    """A counted noun in quotes (`3 "Ngôi nhà nhân ái"`) is a name: keep it whole,
    closing quote included, instead of cutting it at the word limit."""
    m = _QUOTED.match(ctx.text, start)
    if not m or len(m.group("inner").split()) > 8:
        return None
    return canonical(m.group("inner")), m.end()


def _subject(ctx: Context, start: int) -> str | None:
    """What a number measures, when its clause names it before a verb like
    `đạt` (`tỷ lệ hộ gia đình đăng ký gia đình văn hóa đạt 98,75%`)."""
    m = ctx.subject_rx.search(ctx.text, max(0, start - 160), start)
    if not m:
        return None
    subject = canonical(m.group("subject"))
    words = subject.split()
    if not 2 <= len(words) <= 16:
        return None
    return subject


@builder(EXCLUDE)
def exclude(m, ctx: Context):
    """A span that holds no numeric fact (an address, an ordinal, a phone number…).
    A rule whose cue words sit in a lookbehind names them `lead`: the blocked
    span starts there, so `khoản 2 Điều 17` blocks `Điều` from the count `2 Điều`."""
    core = getattr(m, "core", m)  # a match joined with its prefix keeps the rule's own match as `core`
    lead = core.start("lead") if "lead" in core.re.groupindex and core.start("lead") >= 0 else None
    return {"_exclude": True} if lead is None else {"_exclude": True, "_start": lead}


@builder("numbers.percent", requires=("amount",))
def percent(m, ctx: Context):
    value = _amount(m)
    if value is None:
        return None
    return {"kind": "percent", "value": as_json_number(value), "total": None, "unit": "%"}


@builder("numbers.money", requires=("amount", "currency"))
def money(m, ctx: Context):
    """`2 tỷ 333,1 triệu đồng` = 2333100000 VND; `5 triệu USD`; `73,9 triệu` (VND)."""
    value = _amount(m)
    if value is None:
        return None
    currency = _key(m.group("currency") or "đồng")
    table = ctx.tables["currencies"]
    code = table.get(currency)
    if code is None:
        return None
    return {"kind": "money", "value": as_json_number(value), "total": None, "unit": code}


@builder("numbers.quantity", requires=("amount", "unit"))
def quantity(m, ctx: Context):
    value = _amount(m)
    if value is None:
        return None
    unit = ctx.tables["measures"].get(_key(m.group("unit")), m.group("unit"))
    return {"kind": "quantity", "value": as_json_number(value), "total": None, "unit": unit}


@builder("numbers.ratio", requires=("num", "total", "noun"))
def ratio(m, ctx: Context):
    """`2.789/4.800 lao động` → 2789 of 4800; `4/4 làng`."""
    value, total = parse_amount(m.group("num")), parse_amount(m.group("total"))
    noun, noun_start = _noun(ctx, m)
    unit = _counted(ctx, noun)
    if value is None or total is None or unit is None or total == 0 or value > total:
        return None
    # The span runs to the end of the counted noun, so the ratio outweighs the
    # count `total + noun` that overlaps it.
    return {"kind": "ratio", "value": as_json_number(value), "total": as_json_number(total), "unit": unit,
            "_end": noun_start + len(unit)}


@builder("numbers.count", requires=("amount", "noun"))
def count(m, ctx: Context):
    """`69 pa nô`, `1.132 chiếc banner`, `hai doanh nghiệp`, `3 “Nhà đại đoàn kết”`."""
    value = _amount(m)
    noun, noun_start = _noun(ctx, m)
    quoted = _quoted(ctx, noun_start)
    unit = quoted[0] if quoted else _counted(ctx, noun)
    if value is None or unit is None or value != value.to_integral_value():
        return None
    if quoted:
        return {"kind": "count", "value": as_json_number(value), "total": None, "unit": unit, "_end": quoted[1]}
    words = unit.split()
    first = _key(words[0])
    if first in _not_a_count(ctx.dimension) and not _currency_compound(ctx, words):
        return None  # a measure or an amount of money: the quantity and money rules read it
    if first in ("khóa", "nhiệm") and len(words) > 1 and _ROMAN_NUMERAL.fullmatch(words[-1]):
        return None  # `Hội nghị Trung ương 8 khóa XIII`: the number names a plenum of a term
    if first in _set(ctx, "needs_qualifier") and _is_score(ctx, m, unit):
        return None
    spelled = m.group("amount")
    if not spelled[0].isdigit():
        if not _spelled_count_ok(ctx, m, spelled, unit):
            return None
        if _key(spelled) == "năm" and not _five(ctx, m, noun):
            return None  # `năm học`, `mỗi năm`: a year
    lead = len(noun) - len(noun.lstrip().lstrip('"').lstrip())  # an opening quote before the noun
    return {"kind": "count", "value": as_json_number(value), "total": None, "unit": unit,
            "_end": min(noun_start + lead + len(unit), m.end())}  # the span ends with the unit


def _spelled_count_ok(ctx: Context, m, spelled: str, unit: str) -> bool:
    """Spelled numbers are also names, kin words and adjectives: `Hai Bà Trưng`,
    `Ba Đình` (a capitalised noun), `ba mẹ` (dad), `hai chiều` (two-way); a
    capital `Hai` counts only where a sentence starts."""
    first = _key(unit.split()[0])
    if unit[0].isupper() or first in _set(ctx, "kin_words") or first in _set(ctx, "spelled_adjective_heads"):
        return False
    if spelled[0].isupper():
        before = ctx.text[max(0, m.start("amount") - 3): m.start("amount")].strip()
        return before == "" or before[-1] in ".!?:;\"-("
    return True


def extract(doc, rules, found) -> list[NumberMention]:
    dimension = rules[DIMENSION]
    ctx = Context(doc=doc, dimension=dimension, found=found)
    ctx.subject_rx = _subject_rx(dimension)
    raw = [(m.start, m.end) for m in found.get("dates", ())]
    for entry in found.get("documents", ()):
        raw += [(m.start, m.end) for m in entry.mentions]
    blocked = [doc.norm_span(s, e) for s, e in raw]
    blocked += list(doc.boilerplate_norm)
    deadline = deadline_for(ctx)
    excluding = [r for r in dimension.rules if r.build == EXCLUDE]
    blocked += [(c.start, c.end) for c in find(dimension, ctx, excluding, deadline)]
    ctx.taken = IntervalSet(blocked)
    chosen = select(_value_candidates(ctx, dimension, ctx.taken, deadline), blocked=blocked)
    out = []
    for cand in chosen:
        fields = dict(cand.fields)
        if fields["kind"] in ("percent", "money", "ratio"):
            fields["subject"] = _subject(ctx, cand.start)
        mention = doc.mention(cand.start, cand.end, cand.rule.id)
        out.append(NumberMention(**vars(mention), **fields))
    return out


def _value_candidates(ctx: Context, dimension, taken: IntervalSet, deadline: float):
    """Value rules listed in `tables.anchors` run at their anchors only
    (`numbers_scan`); any other value rule scans the whole text."""
    table = dimension.tables["anchors"]
    by_id = {r.id.split(".", 1)[1]: r for r in dimension.rules if r.build != EXCLUDE}
    at_digits = [by_id[i] for i in table["digit_rules"]]
    at_words = [by_id[i] for i in table["word_rules"]]
    anchored = {id(r) for r in at_digits + at_words}
    rest = [r for r in by_id.values() if id(r) not in anchored]
    gate, word = anchor_patterns(dimension)
    cands = run_anchored(at_digits, ctx, anchors(ctx, gate, taken, deadline), deadline)
    cands += run_anchored(at_words, ctx, anchors(ctx, word, taken, deadline, word_prefilter(dimension)), deadline)
    return cands + find(dimension, ctx, rest, deadline)


_NOT_A_COUNT: dict = {}


_ROMAN_NUMERAL = regex.compile(r"[IVXLC]+")


def _currency_compound(ctx: Context, words: list[str]) -> bool:
    """`đồng chí`, `đồng bào`: a currency word that is half of another noun."""
    if len(words) < 2 or _key(words[0]) != "đồng":
        return False
    key = (id(ctx.dimension), "dong_compound")
    if key not in _SETS:
        _SETS[key] = frozenset(_key(w) for w in ctx.dimension.lexicons["dong_compound"])
    return _key(words[1]) in _SETS[key]


def _not_a_count(dimension) -> frozenset[str]:
    """Words after a number that make it a measure or money, folded once per rule set."""
    if id(dimension) not in _NOT_A_COUNT:
        lexicons = dimension.lexicons
        _NOT_A_COUNT[id(dimension)] = frozenset(
            fold(w) for w in (*lexicons["measure"], *lexicons["currency"], *lexicons["magnitude"]))
    return _NOT_A_COUNT[id(dimension)]


_SUBJECT: dict = {}


def _subject_rx(dimension):
    key = id(dimension)
    if key not in _SUBJECT:
        _SUBJECT[key] = regex.compile(dimension.tables["subject_pattern"], regex.IGNORECASE)
    return _SUBJECT[key]
