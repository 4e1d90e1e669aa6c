"""Numeric facts: percentages, money, measures, ratios and counts, with what they count.

Patterns and word lists are in `rules/numbers.yaml`; the number grammar is in
`numbers_grammar.py`. Exclusion rules (addresses, ordinals, phone numbers,
names with digits…) run first and block their spans, as do every date and
document mention found before; then the value rules compete for what is left.
"""

from __future__ import annotations


from bisect import bisect_left
from functools import lru_cache

import regex

from ..model import NumberMention
from ..normalise import canonical, fold
from ..rules import prepared as rules_prepared
from ..vocabulary import two_syllable_words
from .engine import Context, IntervalSet, deadline_for, find, group_names, select
from .numbers_grammar import MAGNITUDES, as_json_number, parse_amount
from .numbers_scan import anchor_patterns, anchors, prepare, run_anchored, spans, word_prefilter
from . import numbers_tables  # noqa: F401  (the builder of the `table` rule)
from .registry import builder
from .time_limit import time_limit

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


class _Prepared:
    """What `extract` needs of a rule set beyond its compiled patterns: the
    rules of each pass, the word lists as lowercase sets, the subject pattern,
    and the counted noun of every noun group read so far. Built once per rule
    set instead of once per text or per match."""

    def __init__(self, dimension) -> None:
        self.tables = dimension.tables
        excluding = [r for r in dimension.rules if r.build == EXCLUDE]
        literals = self.tables.get("exclusion_literals", {})
        self.literals = {id(r): literals[r.id.split(".", 1)[1]] for r in excluding
                         if r.id.split(".", 1)[1] in literals}
        self.excluding = prepare(excluding)[1]
        table = self.tables["anchors"]
        by_id = {r.id.split(".", 1)[1]: r for r in dimension.rules if r.build != EXCLUDE}
        at_digits = [by_id[i] for i in table["digit_rules"]]
        at_words = [by_id[i] for i in table["word_rules"]]
        anchored = {id(r) for r in at_digits + at_words}
        self.at_digits = prepare(at_digits, table.get("shared_head", ()))
        self.at_words = prepare(at_words)
        self.rest = [r for r in by_id.values() if id(r) not in anchored]  # value rules that scan the whole text
        self.gate, self.word = anchor_patterns(dimension)
        self.word_prefilter = word_prefilter(dimension)
        self.subject_rx = regex.compile(self.tables["subject_pattern"], regex.IGNORECASE)
        lexicons = dimension.lexicons
        # Words after a number that make it a measure or money.
        self.not_a_count = frozenset(fold(w) for w in (*lexicons["measure"], *lexicons["currency"], *lexicons["magnitude"]))
        self.dong_compound = frozenset(_key(w) for w in lexicons["dong_compound"])
        self.after_dong = frozenset(_key(w) for w in lexicons["after_dong"])
        self._sets: dict[str, frozenset[str]] = {}
        self.counted = lru_cache(maxsize=4096)(self._counted)  # a noun group's unit depends on its words only

    def exclusions_for(self, text: str) -> tuple:
        """The exclusion rules that can match `text` (`prepare`d): those listed
        in `tables.exclusion_literals` only when one of their literals is in it."""
        return None, [p for p in self.excluding
                      if id(p[0]) not in self.literals or any(lit in text for lit in self.literals[id(p[0])])]

    def set(self, name: str) -> frozenset[str]:
        """A word list of `tables` as a set of lowercase words."""
        words = self._sets.get(name)
        if words is None:
            words = self._sets[name] = frozenset(_key(w) for w in self.tables[name])
        return words

    def _counted(self, noun: str) -> str | None:
        """The counted noun as written: up to `max_unit_words` words, cut at the
        first function word, at a verb (`học sinh đoạt giải`) or at the first
        syllable of a two-syllable verb (`hộ dân đồng thuận`); None when the first
        word already is one."""
        noun = noun.strip().lstrip('"').strip()
        stop = self.set("stop_words")
        words = noun.split()
        kept: list[str] = []
        verbs = self.set("verbs_after_noun")
        pairs = self.set("verbs_two_syllables")
        negations = self.set("negations")
        limit = self.tables["max_unit_words"]
        if len(words) > 1 and f"{_key(words[0])} {_key(words[1])}" in self.set("counted_compounds"):
            kept = words[:2]  # `phần quà`, `điểm đến`: a noun although its first word alone counts nothing
            limit += 1  # … and one word of two syllables (`kỷ lục quốc gia`)
        split_words = self.set("split_words")
        i = len(kept) - 1
        while i + 1 < min(len(words), limit):
            i += 1
            word = words[i]
            key = _key(word)
            if i == 1 and f"{_key(words[0])} {key}" in split_words:
                limit += 1  # a head noun of two syllables (`thiết bị đầu cuối`) counts once
            if i == 0 and (key in self.set("not_counted")
                           or (len(words) > 1 and f"{key} {_key(words[1])}" in self.set("not_counted"))):
                break
            if (key in stop or (i > 0 and key in verbs)) and not (
                    i > 0 and f"{_key(words[i - 1])} {key}" in split_words):
                break  # a function word or a verb, not the end of a word (`thiết bị`, `điện tử`)
            if i > 0 and i + 1 < len(words) and f"{key} {_key(words[i + 1])}" in pairs:
                break
            if i > 0 and key in negations and self._verb_at(words, i + 1):
                break  # `đại biểu không tán thành`
            kept.append(word)
        if len(kept) == limit and len(words) > limit:
            split = f"{_key(kept[-1])} {_key(words[limit])}"
            lexicon = two_syllable_words()
            if split in pairs or split in split_words or (
                    split in lexicon and len(kept) > 1 and f"{_key(kept[-2])} {_key(kept[-1])}" not in lexicon):
                # the word limit would cut a two-syllable word in half (`học sinh tiểu|học`),
                # unless the syllable before it already ends a word (`hộ gia đình| chính sách`)
                kept.pop()
        return canonical(" ".join(kept)) if kept else None

    def _verb_at(self, words: list[str], i: int) -> bool:
        """Whether a verb (`verbs_after_noun`, `verbs_two_syllables`) starts at `words[i]`."""
        if i >= len(words):
            return False
        key = _key(words[i])
        return key in self.set("verbs_after_noun") or (
            i + 1 < len(words) and f"{key} {_key(words[i + 1])}" in self.set("verbs_two_syllables"))




def _set(ctx: Context, name: str) -> frozenset[str]:
    """A word list of `tables` as a set, built once per rule set."""
    return ctx.prepared.set(name)


def _counted(ctx: Context, noun: str | None) -> str | None:
    """The counted noun of a noun group (`_Prepared._counted`); None for none."""
    return ctx.prepared.counted(noun) if noun else None


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


_FEW_PLACES = 50


def _is_score(ctx: Context, m, unit: str, value, unit_end: int) -> bool:
    """`điểm` counts places when a word says which (`43 điểm thi`, `46 điểm
    sạt lở`); bare (`đạt 25 điểm`, `VN-Index giảm 15 điểm`), with a subject word
    (`điểm môn Toán`, `điểm khối A`), after a verb that takes a score (`đạt`,
    `giành`) or with a fraction (`7,86 điểm`), it is a score."""
    words = [_key(w) for w in unit.split()]
    before = _word_before(ctx, m.start("amount"), _APPROX)
    if before in _set(ctx, "place_cues"):
        return False  # `sạt lở 46 điểm`, `ngập 12 điểm`
    if before in _set(ctx, "place_cues_few"):
        if value <= _FEW_PLACES:
            return False  # `bắn pháo hoa tại 3 điểm` (but an index closes `tại 1.250 điểm`)
        cue = _WORD_BEFORE.search(ctx.text, max(0, m.start("amount") - 40), m.start("amount"))
        if cue is not None and _word_before(ctx, cue.start(), _APPROX) in _set(ctx, "place_cues"):
            return False  # `gây sạt lở tại 1.236 điểm`: the places a landslide hit, however many
    if len(words) == 1:
        if before in _set(ctx, "score_cues"):
            return True  # `đạt 25 điểm tại kỳ thi`
        # `120 điểm có nguy cơ sạt lở`, `36 điểm tại các xã`: a clause after the bare noun says what places
        after = ctx.text[unit_end:unit_end + 30].lower()
        if _NAMED_PLACES.match(ctx.text, unit_end, unit_end + 30):
            return False  # `tại 4 điểm là Trường Tiểu học …`: the points are named, so places
        return not any(after.startswith(" " + cue) and not after[len(cue) + 1:len(cue) + 2].isalpha()
                       for cue in _set(ctx, "place_clauses"))  # (the cue then a space or a comma)
    if words[1] in _set(ctx, "score_words") or " ".join(words[1:3]) in _set(ctx, "score_words"):
        return True
    if value != value.to_integral_value():
        return True
    return _word_before(ctx, m.start("amount"), _APPROX) in _set(ctx, "score_cues")


_NAMED_PLACES = regex.compile(r"\s*(?:là|gồm|gồm\s+có|:)\s+\p{Lu}")
_PERCENTAGE_POINT = regex.compile(r"\w+\s+phần\s+trăm(?!\w)", regex.IGNORECASE)  # `điểm phần trăm`
_POINT = regex.compile(r"\w+")
_PAST_TO_FACTOR = _APPROX | {"lên", "xuống", "được", "từ"}  # `tăng lên 2 lần`, `giảm được 2 lần`


def _is_multiplier(ctx: Context, m, value) -> bool:
    """`tăng 2 lần`, `gấp 3 lần`, `1,5 lần`, `2 - 3 lần`: a factor (or a range of
    them), not a number of times (`đã 5 lần gửi đơn`)."""
    before = _word_before(ctx, m.start("amount"), _PAST_TO_FACTOR)
    return value != value.to_integral_value() or before in _set(ctx, "multiplier_cues") or before[:1].isdigit()


def _factor(ctx: Context, m, value, word_start: int) -> dict | None:
    """A factor is a measure in times (`vượt quy chuẩn 4,2 lần` → 4.2 lần, `gấp 3 lần`); one
    of a range or a list (`2 - 3 lần`, `gấp 2, 3 lần`) is none of its own, nor a whole number
    after a verb that may count times instead (`giảm hai lần, vào các ngày …`, `tăng 2 lần`)."""
    before = _word_before(ctx, m.start("amount"), _PAST_TO_FACTOR)
    if before[:1].isdigit() or (value == value.to_integral_value() and before not in _set(ctx, "factor_cues")):
        return None
    word = _WORD_AT.match(ctx.text, word_start)
    return {"kind": "quantity", "value": as_json_number(value), "total": None, "unit": word.group(),
            "_end": word.end()}


_WORD_AT = regex.compile(r"\w+")


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
    `đạt` (`tỷ lệ hộ gia đình đăng ký gia đình văn hóa đạt 98,75%`). No
    subject spans a `subject_breaks` character, so the search starts after the
    last one: most of the 160 characters before are never tried."""
    text, lo = ctx.text, max(0, start - 160)
    after_break = max(text.rfind(c, lo, start) for c in ctx.tables["subject_breaks"]) + 1
    m = ctx.prepared.subject_rx.search(text, max(lo, after_break), start)
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
    lead = core.start("lead") if "lead" in group_names(core.re) and core.start("lead") >= 0 else None
    return {"_exclude": True} if lead is None else {"_exclude": True, "_start": lead}


@builder("numbers.percent", requires=("amount",))
def percent(m, ctx: Context):
    value = _amount(m)
    if value is None:
        return None
    return _signed(ctx, m.start(), {"kind": "percent", "value": value, "total": None, "unit": "%"})


@builder("numbers.money", requires=("amount", "currency"))
def money(m, ctx: Context):
    """`2 tỷ 333,1 triệu đồng` = 2333100000 VND; `5 triệu USD`; `73,9 triệu` (VND). No sum is
    nothing: `0 đồng` names a free stall or shop (`Gian hàng 0 đồng`), it is no amount."""
    value = _amount(m)
    if value is None or value == 0:
        return None
    currency = _key(m.group("currency") or "đồng")
    table = ctx.tables["currencies"]
    code = table.get(currency)
    if code is None:
        return None
    if currency in _set(ctx, "currencies_with_magnitude") and not _with_magnitude(m):
        return None  # `2 kíp trực` is two shifts on duty; `210 tỷ kíp` is money
    return {"kind": "money", "value": as_json_number(value), "total": None, "unit": code}


@builder("numbers.quantity", requires=("amount", "unit"))
def quantity(m, ctx: Context):
    value = _amount(m)
    if value is None:
        return None
    unit = ctx.tables["measures"].get(_key(m.group("unit")), m.group("unit"))
    return _signed(ctx, m.start(), {"kind": "quantity", "value": value, "total": None, "unit": unit})


# What makes a measure or a rate negative, right before its number: a minus sign after a space
# or a bracket (the prefix `before_signed` lets the number follow one), or the word `âm`.
_MINUS_BEFORE = regex.compile(r"(?:(?<![^\s(:;])[-−]|(?<![\w])(?i:âm)[ ]+)$")


def _signed(ctx: Context, start: int, fields: dict) -> dict:
    """`fields` with the sign written before its number (`-3,5 độ C`, `âm 2,1%`); the span takes the sign."""
    if start and (ctx.text[start - 1] in "-−" or ctx.text[start - 1] == " "):
        sign = _MINUS_BEFORE.search(ctx.text, max(0, start - 4), start)
        if sign is not None:
            fields["value"], fields["_start"] = -fields["value"], sign.start()
    fields["value"] = as_json_number(fields["value"])
    return fields


@builder("numbers.ratio", requires=("num", "total", "noun"))
def ratio(m, ctx: Context):
    """`2.789/4.800 lao động` → 2789 of 4800; `4/4 làng`."""
    value, total = parse_amount(m.group("num")), parse_amount(m.group("total"))
    noun, noun_start = _noun(ctx, m)
    of_number = _OF_NUMBER.match(noun)
    unit = _counted(ctx, noun[of_number.end():] if of_number else noun)
    if value is None or total is None or unit is None or total == 0 or value > total:
        return None
    # The span runs to the end of the counted noun, so the ratio outweighs the
    # count `total + noun` that overlaps it.
    return {"kind": "ratio", "value": as_json_number(value), "total": as_json_number(total), "unit": unit,
            "_end": noun_start + (of_number.end() if of_number else 0) + len(unit)}


_OF_NUMBER = regex.compile(r"(?i)số\s+(?:lượng\s+)?(?=\p{L})")  # `1/3 số chung cư`: a share of the number of them


@builder("numbers.score_named", requires=("amount",))
def score_named(m, ctx: Context):
    """`tổng điểm 29,35` → 29.35 điểm: the score after the word for it."""
    value = parse_amount(m.group("amount"))
    if value is None:
        return None
    return {"kind": "quantity", "value": as_json_number(value), "total": None, "unit": "điểm"}


@builder("numbers.ratio_reached", requires=("num", "total"))
def ratio_reached(m, ctx: Context):
    """`đạt chuẩn lên 187/209,` → 187 of 209, nothing counted after it; not when it could
    be a day and a month (`lên 10/12`) or is a part over a round whole."""
    value, total = parse_amount(m.group("num")), parse_amount(m.group("total"))
    if value is None or total is None or total == 0 or value > total or (value <= 31 and total <= 12):
        return None
    return {"kind": "ratio", "value": as_json_number(value), "total": as_json_number(total), "unit": None}


@builder("numbers.count", requires=("amount", "noun"))
def count(m, ctx: Context):
    """`69 pa nô`, `1.132 chiếc banner`, `hai doanh nghiệp`, `3 “Nhà đại đoàn kết”`."""
    value = _amount(m)
    noun, noun_start = _noun(ctx, m)
    quoted = _quoted(ctx, noun_start)
    unit = quoted[0] if quoted else _counted(ctx, noun)
    if value is None or unit is None:
        return None
    first = _key(unit.split()[0])
    if not quoted and first in _set(ctx, "needs_qualifier") \
            and _is_score(ctx, m, unit, value, noun_start + noun.index(unit) + len(unit)):
        # A score is a measure: `đạt 7,86 điểm` → 7.86 điểm; a percentage point (`3 điểm phần trăm`) a percent.
        at = noun_start + noun.index(unit.split()[0])
        percentage = _PERCENTAGE_POINT.match(ctx.text, at)
        point = percentage or _POINT.match(ctx.text, at)
        # (`0,5 điểm phần trăm` is a change of a percentage: every annotator calls it a percent)
        return {"kind": "percent" if percentage else "quantity", "value": as_json_number(value), "total": None,
                "unit": " ".join(point.group().split()), "_end": point.end()}
    if not quoted and first in _set(ctx, "times_words"):
        if _is_multiplier(ctx, m, value):
            return _factor(ctx, m, value, noun_start + noun.index(unit.split()[0]))
        unit = unit.split()[0]  # `5 lần gửi đơn`: a verb follows
    if value != value.to_integral_value() and not _averaged(ctx, m):
        return None
    if quoted:
        if unit[:1].islower() and _key(m.group("amount")) == "năm":
            return None  # `là năm "bứt phá"`: a year called so (`năm "Ngôi nhà …"` counts five named things)
        return {"kind": "count", "value": as_json_number(value), "total": None, "unit": unit, "_end": quoted[1]}
    words = unit.split()
    first = _key(words[0])
    if first in ctx.prepared.not_a_count and not _currency_compound(ctx, words, m):
        return None  # a measure or an amount of money: the quantity and money rules read it
    if first in ("khóa", "nhiệm") and len(words) > 1 and _ROMAN_NUMERAL.fullmatch(words[-1]):
        return None  # `Hội nghị Trung ương 8 khóa XIII`: the number names a plenum of a term
    spelled = m.group("amount")
    if not spelled[0].isdigit():
        if not _spelled_count_ok(ctx, m, spelled, unit):
            return None
        if unit[0].isupper():  # the office alone: `ba Thứ trưởng mới` counts `Thứ trưởng`; `ba KCN` the abbreviation
            unit = " ".join(unit.split()[:_counted_title(ctx, unit) or 1])
        if _key(spelled) == "năm" and not _five(ctx, m, noun):
            return None  # `năm học`, `mỗi năm`: a year
    lead = len(noun) - len(noun.lstrip().lstrip('"').lstrip())  # an opening quote before the noun
    return {"kind": "count", "value": as_json_number(value), "total": None, "unit": unit,
            "_end": min(noun_start + lead + len(unit), m.end())}  # the span ends with the unit


def _averaged(ctx: Context, m) -> bool:
    """Whether the clause before a fractional count says it is an average
    (`bình quân mỗi xã đạt 15,6 tiêu chí`): only then does a count take a fraction."""
    start = m.start()
    before = ctx.text[max(0, start - 80):start]
    clause = before[max(before.rfind(c) for c in ".;:\n") + 1:].lower()
    return any(cue in clause for cue in _set(ctx, "average_cues"))


def _counted_title(ctx: Context, unit: str) -> int:
    """`hai Phó Chủ tịch`, `ba Thứ trưởng`: a capital after a spelled number is an office
    counted. The words of the longest office the unit opens with (0 for none)."""
    key = _key(unit)
    return max((len(t.split()) for t in _set(ctx, "counted_titles") if key == t or key.startswith(t + " ")),
               default=0)


_ABBREVIATION = regex.compile(r"\p{Lu}{2,6}")
_WATCHWORD_PAIR = regex.compile(r"(?i)(?:hai|ba|bốn|năm|sáu)[ ]\p{L}+[ ]?(?:,|và)[ ](?:hai|ba|bốn|năm|sáu)[ ]\p{L}+")


def _spelled_count_ok(ctx: Context, m, spelled: str, unit: str) -> bool:
    """Spelled numbers are also names, kin words and adjectives: `Hai Bà Trưng`,
    `Ba Đình` (a capitalised noun), `ba mẹ` (dad), `hai chiều` (two-way); a
    capital `Hai` counts only where a sentence starts."""
    first = _key(unit.split()[0])
    if unit[0].isupper() and not _counted_title(ctx, unit) and not _ABBREVIATION.fullmatch(unit.split()[0]):
        return False  # (an abbreviation counts: `ba KCN`, `hai HCV`)
    if _key(unit) in _set(ctx, "spelled_idiom_units"):
        return False
    if _key(spelled) == "chín" and first in _set(ctx, "ripe_words"):
        return False  # `vải chín rộ`, `lúa chín sớm`: ripe, not nine
    if first in _set(ctx, "kin_words") or first in _set(ctx, "spelled_adjective_heads") \
            or _key(" ".join(unit.split()[:2])) in _set(ctx, "spelled_adjective_heads"):
        return False
    if first in _set(ctx, "watchwords") and any(
            p.start() <= m.start() < p.end()
            for p in _WATCHWORD_PAIR.finditer(ctx.text, max(0, m.start() - 30), min(len(ctx.text), m.end() + 40))):
        return False  # a campaign's watchwords spelled out, two or more: `ba bám, bốn cùng`
    previous = _word_before(ctx, m.start("amount")) if " " not in spelled else ""
    if previous and f"{previous} {spelled.lower()}" in two_syllable_words():
        return False  # the number word ends a word of two syllables: `bôn ba tìm đường`, `thứ ba ngày`
    if spelled[0].isupper():
        before = ctx.text[max(0, m.start("amount") - 3): m.start("amount")].strip()
        if _key(spelled.split()[0]) == "năm" and before[-1:] in ('"', "(", "“"):
            return False  # `“Năm trật tự và văn minh đô thị”`: a campaign's name, the Year of …
        return before == "" or before[-1] in ".!?:;\"-("
    return True


def extract(doc, rules, found) -> list[NumberMention]:
    dimension = rules[DIMENSION]
    ctx = Context(doc=doc, dimension=dimension, found=found)
    ctx.prepared = prepared = rules_prepared(dimension, _Prepared)
    raw = [(m.start, m.end) for m in found.get("dates", ())]
    for entry in found.get("documents", ()):
        raw += [(m.start, m.end) for m in entry.mentions]
    blocked = [doc.norm_span(s, e) for s, e in raw]
    related = set(doc.related_norm)
    blocked += [span for span in doc.boilerplate_norm if span not in related]  # headlines listed still count
    deadline = deadline_for(ctx)
    with time_limit(deadline):
        blocked += spans(prepared.exclusions_for(ctx.text), ctx, deadline)
    ctx.taken = IntervalSet(blocked)
    chosen = select(_value_candidates(ctx, prepared, ctx.taken, deadline), blocked=blocked)
    out = []
    for cand in chosen:
        # As `doc.mention`, without a Mention to copy the fields of.
        raw_start, raw_end = doc.norm.raw_span(cand.start, cand.end)
        subject = _subject(ctx, cand.start) if cand.fields["kind"] in _WITH_SUBJECT else None
        out.append(NumberMention(doc.raw[raw_start:raw_end], raw_start, raw_end, doc.sentence_at(raw_start),
                                 cand.rule.id, subject=subject, **cand.fields))
    return out


_WITH_SUBJECT = frozenset(["percent", "money", "ratio"])  # kinds whose subject is looked for


def _value_candidates(ctx: Context, prepared: _Prepared, taken: IntervalSet, deadline: float):
    """Value rules listed in `tables.anchors` run at their anchors only
    (`numbers_scan`); any other value rule scans the whole text."""
    cands = run_anchored(prepared.at_digits, ctx, anchors(ctx, prepared.gate, taken, deadline), deadline)
    at_words = anchors(ctx, prepared.word, taken, deadline, prepared.word_prefilter)
    cands += run_anchored(prepared.at_words, ctx, at_words, deadline)
    return cands + find(ctx.dimension, ctx, prepared.rest, deadline)


_ROMAN_NUMERAL = regex.compile(r"[IVXLC]+")


def _with_magnitude(m) -> bool:
    """Whether the amount is written with a magnitude word (`210 tỷ`)."""
    return any(_key(w) in MAGNITUDES for w in m.group("amount").split())


def _currency_compound(ctx: Context, words: list[str], m) -> bool:
    """`đồng chí`, `đồng bào`: a currency word that is half of another noun; `kíp trực`,
    `kíp mổ`: one that is money only after a magnitude (`210 tỷ kíp`), so a noun without one."""
    if len(words) >= 2 and _key(words[0]) in _set(ctx, "currencies_with_magnitude"):
        return not _with_magnitude(m)
    if len(words) < 2 or _key(words[0]) != "đồng":
        return False
    if len(words) > 2 and _key(f"{words[1]} {words[2]}") in ctx.prepared.after_dong:
        return False  # `đồng phục dựng`: the currency, then a verb
    return _key(words[1]) in ctx.prepared.dong_compound
