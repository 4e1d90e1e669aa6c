"""Vietnamese numbers: digits with Vietnamese or international grouping,
spelled magnitudes (`2 tỷ 333,1 triệu`, `15 tỷ 660 triệu 750 ngàn`,
`3,5 nghìn tỷ`) and number words (`hai mươi mốt`, `một trăm linh năm`).

`speak()` and `write_digits()` go the other way; the tests round-trip random
numbers through them.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import regex

MAGNITUDES = {"nghìn": 10**3, "ngàn": 10**3, "vạn": 10**4, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
HALF = "rưỡi"  # after a magnitude, half of it (`3 triệu rưỡi` = 3 500 000)
DIGIT_WORDS = {"không": 0, "linh": 0, "lẻ": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4,
               "năm": 5, "lăm": 5, "nhăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}
_GROUPED_VN = regex.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?")
_GROUPED_INTL = regex.compile(r"[0-9]{1,3}(?:,[0-9]{3}){2,}(?:\.[0-9]+)?")
_GROUPED_SPACE = regex.compile(r"[0-9]{1,3}(?: [0-9]{3})+")
_PLAIN = regex.compile(r"[0-9]+(?:,[0-9]+)?")
_POINT = regex.compile(r"[0-9]+\.[0-9]{1,2}")
_SPACED_DOT = regex.compile(r"(?<=[0-9]) \.(?=[0-9]{3}(?![0-9]))")
_TOKEN = regex.compile(r"[0-9][0-9.,]*(?: [0-9]{3})*|\p{L}+")


def parse_digits(text: str) -> Decimal | None:
    """`1.132` → 1132, `58,1` → 58.1, `1,234,567` → 1234567, `1 234 567` → 1234567."""
    text = text.strip()
    if _GROUPED_VN.fullmatch(text):
        return Decimal(text.replace(".", "").replace(",", "."))
    if _GROUPED_INTL.fullmatch(text):
        return Decimal(text.replace(",", ""))
    if _GROUPED_SPACE.fullmatch(text):
        return Decimal(text.replace(" ", ""))
    if _PLAIN.fullmatch(text):
        return Decimal(text.replace(",", "."))
    if _POINT.fullmatch(text):  # `1.5`: a decimal point, not a thousands group
        return Decimal(text)
    if text.isascii() and text.isdigit():
        return Decimal(text)
    return None


_AFTER_TENS = {"mốt": 20, "tư": 20, "lăm": 10, "nhăm": 10}


def _after_tens(word: str, current: int | None) -> bool:
    """`hai mươi mốt`, `mười lăm`, `ba mươi tư`: the unit follows a round ten."""
    return current is not None and current >= _AFTER_TENS[word] and current % 10 == 0


def parse_words(words: list[str]) -> int | None:
    """Spelled number below a thousand: `hai mươi mốt` → 21, `một trăm linh năm` → 105,
    `mười lăm` → 15, `ba mươi tư` → 34."""
    if not words:
        return None
    total, current, seen = 0, None, False
    i = 0
    while i < len(words):
        word = words[i]
        if word == "trăm":
            if current is not None and current > 9 or total:
                return None  # one hundreds digit: `hai mươi trăm`, `hai trăm ba trăm` are no numbers
            total += (1 if current is None else current) * 100
            current = None
        elif word == "mươi":
            if current is not None and current > 9:
                return None  # `hai mươi hai mươi` is no number
            current = (1 if current is None else current) * 10
        elif word == "mười":
            if current is not None:
                return None
            current = 10
        elif word in ("linh", "lẻ"):
            pass
        elif word in DIGIT_WORDS:
            if word in _AFTER_TENS and not _after_tens(word, current):
                return None  # `mốt`, `lăm`, `tư` are units only after tens: alone they mean other things
            if current is not None and current % 10:
                return None  # a second unit digit: `hai ba`
            if word == "năm" and current:
                return None  # after a ten five is `lăm`: `mười năm` is ten years
            current = (current or 0) + DIGIT_WORDS[word]
        else:
            return None
        seen = True
        i += 1
    return total + (current or 0) if seen else None


@lru_cache(maxsize=2048)
def parse_amount(text: str) -> Decimal | None:
    """A number with spelled magnitudes: `2 tỷ 333,1 triệu` → 2333100000,
    `3,5 nghìn tỷ` → 3500000000000, `hai mươi lăm triệu` → 25000000, `3 triệu rưỡi` → 3500000,
    `một nghìn không trăm linh một tỷ` → 1001000000000.

    A magnitude larger than every one before it scales everything read so far
    (`nghìn … tỷ`); a smaller one scales only the number just before it.
    Cached: the same few amounts (`2`, `10`, `1.000`) recur in every article,
    and a `Decimal` is immutable.
    """
    if " ." in text:
        text = _SPACED_DOT.sub(".", text)  # `1 .200`: a stray space before the thousands dot
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    result = section = Decimal(0)
    largest = 0
    number: Decimal | None = None
    words: list[str] = []
    seen = False

    def flush_words() -> bool:
        nonlocal number, words
        if words:
            spelled = parse_words(words)
            if spelled is None or number is not None:
                return False
            number, words = Decimal(spelled), []
        return True

    previous = ""
    for token in tokens:
        if token == HALF:  # `3 triệu rưỡi`: half of the magnitude just read
            if previous not in MAGNITUDES:
                return None
            half = Decimal(MAGNITUDES[previous]) / 2
            if MAGNITUDES[previous] == largest and not section:
                result += half
            else:
                section += half
            previous = token
            continue
        previous = token
        if token in MAGNITUDES:
            if not flush_words():
                return None
            magnitude = MAGNITUDES[token]
            if number is None and not (result or section):
                return None
            value = number if number is not None else Decimal(0)
            if magnitude > largest:
                result = (result + section + value) * magnitude
                section = Decimal(0)
                largest = magnitude
            else:
                section += value * magnitude
            number = None
            seen = True
        elif token[0].isdigit():
            if number is not None or words:
                return None
            number = parse_digits(token)
            if number is None:
                return None
        else:
            if number is not None:
                return None
            words.append(token)
    if not flush_words():
        return None
    if number is not None:
        result += number
        seen = True
    return result + section if seen else None


def as_json_number(value: Decimal) -> int | float:
    """A JSON number: integral values as int, others as float."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


# ------------------------------------------------------------- the other way


_UNITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _below_thousand(n: int, full: bool) -> list[str]:
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    out: list[str] = []
    if hundreds or full:
        out += [_UNITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if hundreds or full:
                out.append("linh")
            out.append(_UNITS[units])
        return out
    if tens == 1:
        out.append("mười")
    else:
        out += [_UNITS[tens], "mươi"]
    if units == 1 and tens > 1:
        out.append("mốt")
    elif units == 5:
        out.append("lăm")
    elif units == 4 and tens > 1:
        out.append("tư")
    elif units:
        out.append(_UNITS[units])
    return out


def speak(n: int) -> str:
    """An integer in Vietnamese words, e.g. 15660750000 → `mười lăm tỷ sáu trăm sáu mươi triệu bảy trăm năm mươi nghìn`."""
    if n == 0:
        return "không"
    parts: list[str] = []
    groups = [(10**9, "tỷ"), (10**6, "triệu"), (10**3, "nghìn"), (1, "")]
    billions, rest = divmod(n, 10**9)
    if billions:
        parts += (speak(billions).split() if billions >= 1000 else _below_thousand(billions, False)) + ["tỷ"]
    for size, name in groups[1:]:
        value, rest = divmod(rest, size)
        if value:
            parts += _below_thousand(value, bool(parts)) + ([name] if name else [])
    return " ".join(parts)


def write_digits(value: Decimal | int | float, style: str = "vn") -> str:
    """A number written with Vietnamese grouping (`1.234.567,5`) or international (`1,234,567.5`)."""
    value = Decimal(str(value))
    integral = int(abs(value))
    fraction = str(abs(value) - integral)[2:] if value != value.to_integral_value() else ""
    grouped = f"{integral:,}"
    if style == "vn":
        grouped = grouped.replace(",", ".")
        return ("-" if value < 0 else "") + grouped + ("," + fraction if fraction else "")
    return ("-" if value < 0 else "") + grouped + ("." + fraction if fraction else "")
