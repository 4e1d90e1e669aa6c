"""Numeric facts: percentages, money, measures, ratios and counts, with what they count.

Patterns and word lists are in `rules/numbers.yaml`; the number grammar is in
`numbers_grammar.py`. Exclusion rules (addresses, ordinals, phone numbers,
names with digits…) run first and block their spans, as do every date and
document mention found before; then the value rules compete for what is left.
"""

from __future__ import annotations


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


def _counted(ctx: Context, noun: str | None) -> str | None:
    """The counted noun as written: up to `max_unit_words` words, cut at the
    first function word; None when the first word already is one."""
    if not noun:
        return None
    noun = noun.strip().lstrip('"').strip()
    stop = ctx.tables["stop_words"]
    words = noun.split()
    kept: list[str] = []
    verbs = ctx.tables["verbs_after_noun"]
    for i, word in enumerate(words[: ctx.tables["max_unit_words"]]):
        key = _key(word)
        if key in stop or (i == 0 and key in ctx.tables["not_counted"]) or (i > 0 and key in verbs):
            break
        kept.append(word)
    return canonical(" ".join(kept)) if kept else None


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
    unit = _counted(ctx, m.group("noun"))
    if value is None or total is None or unit is None or total == 0 or value > total:
        return None
    # The span runs to the end of the counted noun, so the ratio outweighs the
    # count `total + noun` that overlaps it.
    return {"kind": "ratio", "value": as_json_number(value), "total": as_json_number(total), "unit": unit,
            "_end": m.start("noun") + len(unit)}


@builder("numbers.count", requires=("amount", "noun"))
def count(m, ctx: Context):
    """`69 pa nô`, `1.132 chiếc banner`, `hai doanh nghiệp`, `3 “Nhà đại đoàn kết”`."""
    value = _amount(m)
    quoted = _quoted(ctx, m.start("noun"))
    unit = quoted[0] if quoted else _counted(ctx, m.group("noun"))
    if value is None or unit is None or value != value.to_integral_value():
        return None
    if quoted:
        return {"kind": "count", "value": as_json_number(value), "total": None, "unit": unit, "_end": quoted[1]}
    if _key(unit.split()[0]) in _not_a_count(ctx.dimension):
        return None  # a measure or an amount of money: the quantity and money rules read it
    spelled = m.group("amount")
    if not spelled[0].isdigit():
        if not _spelled_count_ok(ctx, m, spelled, unit):
            return None
        first = _key(unit.split()[0])
        if _key(spelled) == "năm" and first not in ctx.tables["classifiers"]:
            return None  # `năm` is five only before a classifier; elsewhere it is `year`
    unit_end = m.start("noun") + len(m.group("noun").rstrip())
    return {"kind": "count", "value": as_json_number(value), "total": None, "unit": unit,
            "_end": min(unit_end, m.end())}


def _spelled_count_ok(ctx: Context, m, spelled: str, unit: str) -> bool:
    """Spelled numbers are also names and kin words: `Hai Bà Trưng`, `Ba Đình`
    (a capitalised noun), `ba mẹ` (dad); a capital `Hai` counts only where a
    sentence starts."""
    if unit[0].isupper() or _key(unit.split()[0]) in ctx.tables["kin_words"]:
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
    chosen = select(_value_candidates(ctx, dimension, IntervalSet(blocked), deadline), blocked=blocked)
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
