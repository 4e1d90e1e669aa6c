"""Dates, times, periods and ranges → ISO 8601 / EDTF values.

Patterns live in `rules/dates.yaml`; the builders here turn their named groups
into values. A builder returns the parts it read (`_parts`) and how they
combine; `_value()` then writes the EDTF string, fills the year from the
publication date when the text leaves it out (nearest plausible year, noted in
`inferred`), and leaves `XXXX` when no publication date is known.
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache
from time import perf_counter

import regex

from ..document import twelve_hour
from ..model import DateMention
from ..normalise import fold
from ..rules import prepared
from .engine import Candidate, Context, budget, find, group_names, select
from .numbers_grammar import parse_words
from .registry import builder

DIMENSION = "dates"

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_NUMBER_WORDS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
    "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12,
}
# A day or month without a year takes the year that puts it nearest the
# publication date, but reports look back more often than ahead: a day in the
# future counts this many times its distance (so a date up to about four months
# ahead stays in the publication year, and `tháng 12` in January is last year's).
_AHEAD_WEIGHT = 2
# After a deadline or plan word (`trước 31/12`, `sẽ … 5/6`) the future is the
# likelier reading, but not the only one: a report may tell of a deadline just
# past (`hoàn thành trước ngày 25/3` in an April article). Ahead then costs
# half its distance instead of twice.
_CUED_AHEAD_WEIGHT = 0.5
CUED_AHEAD = 0.5  # the direction `_direction` gives for such a cue
THIS_YEAR, NEXT_YEAR = 2, 3  # … and for `5/3 năm nay`, `30/6 năm sau`: the year is said
_PLAUSIBLE_YEARS = (1800, 2100)
# Written after `năm` a four-digit number is a year however old (`đình xây dựng năm 1783`).
_HISTORICAL_FLOOR = 1000
_YEAR_WORD_BEFORE = regex.compile(r"(?<![\w])năm\s+\Z", regex.IGNORECASE)


# ------------------------------------------------------------------ small parts


def _month(text: str) -> int | None:
    """A month in digits or words (`9`, `Chín`), or named in English (`Oct`, `October`): the C
    locale's month names, which Python keeps for `%b` (it never sets LC_TIME itself)."""
    if text.isascii() and text.isalpha():
        try:
            return dt.datetime.strptime(text[:3], "%b").month
        except ValueError:
            pass
    return _int(text)


def _int(text: str | None) -> int | None:
    if text is None:
        return None
    if text.isdigit():  # the common case first: fold() is costly per match
        return int(text)
    text = fold(text)
    if text in _ROMAN:
        return _ROMAN[text]
    if text in _NUMBER_WORDS:
        return _NUMBER_WORDS[text]
    return parse_words(text.split())  # a day in words (`mười lăm`, `hai mươi mốt`)


def _year(text: str | None, near: int | None = None) -> int | None:
    """A written year; two digits (`2021-25`) take the century of `near`."""
    value = _int(text)
    if value is None:
        return None
    if value < 100 and near is not None:
        value += near // 100 * 100
    return value


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)  # 2000: a leap year, so 29/2 stays possible
        return True
    except ValueError:
        return False


def _span_of(year: int, month: int, day: int | None) -> tuple[dt.date, dt.date] | None:
    """The calendar days a day (or, with no day, a whole month) covers in `year`."""
    try:
        if day is not None:
            when = dt.date(year, month, day)
            return when, when
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    except ValueError:  # 29/2 in a common year
        return None


@lru_cache(maxsize=4096)  # 5 µs a call, and an article names the same days again and again
def _nearest_year(month: int, day: int | None, published: dt.date, direction: float = 0,
                  since: tuple[int, int | None] | None = None) -> int:
    """The year that puts day/month nearest the publication date.

    A future date costs `_AHEAD_WEIGHT` times its distance, because reports
    look back more than ahead. `direction` comes from the words after the date:
    +1 (`tới`, `sắp tới`) keeps it on or after the publication date, -1
    (`vừa qua`, `năm ngoái`) on or before it; `CUED_AHEAD` (a deadline or a
    plan before it) makes the future cheaper without ruling out the past.

    `since` is the (month, day) an interval that ends on day/month starts
    from (`từ tháng 5 đến tháng 8`): the interval is near the publication date
    when any part of it is, so a span running from next month to later in the
    year is this year's, though its end alone would be nearer last year.
    """
    ahead_weight = _CUED_AHEAD_WEIGHT if direction == CUED_AHEAD else _AHEAD_WEIGHT
    best = None
    for year in (published.year - 1, published.year, published.year + 1):
        span = _span_of(year, month, day)
        if span is None:
            continue
        first, last = span
        if since is not None:
            wraps = (since[0], since[1] or 1) > (month, day or 1)
            opening = _span_of(year - 1 if wraps else year, since[0], since[1])
            if opening is None:
                continue
            first = opening[0]
        if direction >= 1 and last < published or direction < 0 and first > published:
            continue
        if first > published:
            cost = ahead_weight * (first - published).days
        else:
            cost = max((published - last).days, 0)
        if best is None or cost < best[0]:
            best = (cost, year)
    return best[1] if best else published.year


# Words after a date that say which way it lies from the publication date:
# `29/12 năm ngoái` (last year), `12/2 tới` (ahead), `tháng 6 vừa qua` (behind).
# Rules match normalised text, so case is all that varies.
_AFTER = regex.compile(
    r"[\s),]*(?:(?P<last>năm ngoái|năm trước|năm rồi)|(?P<this>năm nay)|(?P<next>năm sau|năm tới)"
    r"|(?P<ahead>sắp tới|tới đây|tới|sắp đến|sắp diễn ra)"
    r"|(?P<behind>vừa qua|vừa rồi|trước đó|qua))(?!\w)", regex.IGNORECASE)
# Words before a date that announce it as coming: a deadline (`trước 31/12`,
# `chậm nhất ngày 15/8`) or a plan (`sẽ diễn ra ngày 12/2`, `dự kiến 20/9`).
_AHEAD_BEFORE = regex.compile(
    r"(?:(?<!\w)(?:trước|chậm nhất|hạn chót|hạn cuối|muộn nhất|(?<!tính\s)đến(?:\s+hết)?)(?:\s+(?:ngày|tháng))?\s*"
    r"|(?<!\w)(?:sẽ|dự kiến|sắp|chuẩn bị|sớm)(?!\w)[^.,;:!?\n]{0,32})\Z", regex.IGNORECASE)


# A period compared with (`tăng 9,7 điểm so với quý III`) is one already past.
_COMPARED_WITH = regex.compile(r"(?<!\w)so\s+với(?:\s+(?:cùng\s+kỳ|thời\s+điểm|ngày|tháng))?\s+\Z", regex.IGNORECASE)
_WILL_AFTER = regex.compile(r"[\s,]*(?:sẽ|mới\s+sẽ)(?!\w)", regex.IGNORECASE)  # `ngày 30-6 sẽ có thêm …`


def _direction(ctx: Context, start: int, end: int) -> float:
    """Which way a yearless date lies from the publication date, from the
    words around it: +1 ahead (`12/2 tới`), `CUED_AHEAD` likely ahead
    (`trước 31/12`, `sẽ … ngày 5/6`), -1 behind (`tháng 6 vừa qua`), -2 last
    year (`29/12 năm ngoái`), `THIS_YEAR` (`20/11 năm nay`), `NEXT_YEAR`
    (`30/6 năm sau`), 0 unsaid."""
    after = _AFTER.match(ctx.text, end, min(len(ctx.text), end + 20))
    if after:
        if after.group("this") or after.group("next"):
            return THIS_YEAR if after.group("this") else NEXT_YEAR
        return -2 if after.group("last") else 1 if after.group("ahead") else -1
    if _AHEAD_BEFORE.search(ctx.text, max(0, start - 40), start) or _WILL_AFTER.match(ctx.text, end, end + 12):
        return CUED_AHEAD
    if _COMPARED_WITH.search(ctx.text, max(0, start - 24), start):
        return -1
    return 0


# ----------------------------------------------------------------------- values


def _point(year: int | None, month: int | None = None, day: int | None = None,
           time: tuple[int, int] | None = None) -> str:
    text = f"{year:04d}" if year is not None else "XXXX"
    if month is not None:
        text += f"-{month:02d}"
        if day is not None:
            text += f"-{day:02d}"
            if time is not None:
                text += f"T{time[0]:02d}:{time[1]:02d}"
    return text


def _bounds(point: str) -> tuple[str | None, str | None]:
    """First and last calendar day of one EDTF point (None when unspecified)."""
    if len(point) == 4 and point[:3].isdigit() and point[3] == "X":  # a decade: 199X
        return f"{point[:3]}0-01-01", f"{point[:3]}9-12-31"
    if point == ".." or "X" in point:
        return None, None
    date_part = point.split("T")[0]
    pieces = [int(p) for p in date_part.split("-")]
    if len(pieces) == 1:
        return f"{pieces[0]:04d}-01-01", f"{pieces[0]:04d}-12-31"
    if len(pieces) == 2:
        last = calendar.monthrange(pieces[0], pieces[1])[1]
        return f"{pieces[0]:04d}-{pieces[1]:02d}-01", f"{pieces[0]:04d}-{pieces[1]:02d}-{last:02d}"
    return date_part, date_part


def days_of(value: str) -> tuple[str | None, str | None]:
    """`first_day`, `last_day` of an EDTF value: what a test checks every mention against."""
    if "/" in value:
        start, end = value.split("/", 1)
        return _bounds(start)[0], _bounds(end)[1]
    return _bounds(value)


def _kind(value: str) -> str:
    if "/" in value:
        return "open_interval" if ".." in value else "interval"
    if "T" in value:
        return "datetime"
    if value.endswith("X") and "-" not in value:
        return "year"  # a decade
    return {1: "year", 2: "month", 3: "date"}[value.count("-") + 1]


def _fields(value: str, inferred: list[str] | tuple[str, ...] = (), part_of_day: str | None = None) -> dict:
    # A fresh dict every time (the engine pops keys from it); the values are
    # computed once per distinct date: an article repeats its dates.
    return dict(_fields_of(value, tuple(inferred), part_of_day))


@lru_cache(maxsize=4096)
def _fields_of(value: str, inferred: tuple[str, ...], part_of_day: str | None) -> dict:
    first, last = days_of(value)
    return {"kind": _kind(value), "value": value, "first_day": first, "last_day": last,
            "inferred": tuple(dict.fromkeys(inferred)), "part_of_day": part_of_day}


def _pub(ctx: Context) -> dt.date | None:
    return ctx.published.date if ctx.published else None


def _resolve(ctx: Context, year: int | None, month: int | None, day: int | None,
             inferred: list[str], m=None, first: str = "day",
             since: tuple[int, int | None] | None = None) -> int | None:
    """Fill a missing year from the publication date, noting it in `inferred`.

    `m` is the match: the words around it (`tới`, `vừa qua`, `năm ngoái`,
    `trước`, `sẽ`) say whether to look ahead or back; `first` names the group
    where the date's digits begin (cue words before it are read as context);
    `since` is the start of an interval the date ends (`_nearest_year`).
    """
    if year is not None or month is None:
        return year
    published = _pub(ctx)
    if published is None:
        return None
    inferred.append("year")
    direction = _direction(ctx, m.start(first), m.end()) if m is not None else 0
    if direction == -2:
        return published.year - 1
    if direction in (THIS_YEAR, NEXT_YEAR):
        return published.year + (direction == NEXT_YEAR)
    return _nearest_year(month, day, published, direction, since)


def _time(m, hour: str = "hour", minute: str = "minute") -> tuple[int, int] | None:
    """The time a match writes in its `hour` and `minute` groups (`8h30`, `3:40 PM`), if any;
    the caller checks it is a time of day."""
    h = _int(m.group(hour)) if _has(m, hour) else None
    if h is None:
        return None
    mi = _int(m.group(minute)) if _has(m, minute) else None
    if _has(m, "ampm"):  # `3:40 PM`, `04:40:12 CH` (chiều)
        h = twelve_hour(h, m.group("ampm"))
        if h is None:
            return None
    return h, mi or 0


def _part_of_day(m) -> str | None:
    for name in ("pod", "pod2"):
        if name in group_names(m.re) and m.group(name):
            word = m.group(name).lower()
            return "sáng" if word in ("rạng sáng", "sáng sớm") else word.split()[-1]
    return None


def _has(m, name: str) -> bool:
    return name in group_names(m.re) and m.group(name) is not None


# --------------------------------------------------------------------- builders


@builder("dates.calendar", requires=("day", "month"))
def calendar_date(m, ctx: Context):
    """A day and month, maybe a year and a time: `ngày 4/6/2021`, `Chiều 6/2`, `8h30 ngày 12/7/2024`."""
    day, month = _int(m.group("day")), _month(m.group("month"))
    year = _year(m.group("year")) if _has(m, "year") else None
    if not (1 <= month <= 12 and 1 <= day <= 31) or not _valid(year, month, day):
        return None
    inferred: list[str] = []
    year = _resolve(ctx, year, month, day, inferred, m, "day")
    time = _time(m)
    if time is not None and not (0 <= time[0] < 24 and 0 <= time[1] < 60):
        return None
    value = _point(year, month, day, time)
    if _has(m, "since"):
        value = f"{value}/.."
    if m.group()[:1] == "(" and _WORD_AFTER.match(ctx.text, m.end()):
        return None  # `(12/12 thanh niên)`: a share of a count in brackets, no day
    fields = _fields(value, inferred, _part_of_day(m))
    if "(" in m.group() and ")" not in m.group() and (close := _CLOSING.match(ctx.text, m.end())) is not None:
        fields["_end"] = close.end()  # `Sáng nay (4/1)`: the bracket opened before the date closes after it
    return fields


_CLOSING = regex.compile(r"[^\S\n]*\)")
_WORD_AFTER = regex.compile(r"[^\S\n]+\p{Ll}")


@builder("dates.cued_calendar", requires=("day", "month"))
def cued_calendar(m, ctx: Context):
    """A day-month whose cue may as well open a count (`từ 11-4` / `từ 2-3 ngày`):
    after a day cue (`cue`: ngày, chiều, thứ Hai, dịp…) it is a date; after a
    loose one (từ, trước, sau…) only where the phrase closes (`closed`)."""
    if not (_has(m, "cue") or _has(m, "closed")):
        return None
    return calendar_date(m, ctx)


@builder("dates.month", requires=("month",))
def month_date(m, ctx: Context):
    """A month, maybe with its year: `tháng 7/2024`, `tháng 5`, `từ tháng 9/2015`."""
    month = _int(m.group("month"))
    if month is None or not 1 <= month <= 12:
        return None
    year = _year(m.group("year")) if _has(m, "year") else None
    if year is None and (shared := _AND_MONTH_YEAR.match(ctx.text, m.end())) is not None:
        later = _int(shared.group("month"))
        year = _year(shared.group("year")) - (later is not None and later < month)  # `tháng 10 và tháng 11 năm 2025`
    inferred: list[str] = []
    year = _resolve(ctx, year, month, None, inferred, m, "month")
    value = _point(year, month)
    if _has(m, "since"):
        value = f"{value}/.."
    return _fields(value, inferred)


# The month named next, with its year, which a month written without one shares.
_AND_MONTH_YEAR = regex.compile(r"\s+(?:và|,)\s+(?i:tháng)\s+(?P<month>[0-9]{1,2})\s*(?:/|-|(?i:năm))\s*(?P<year>(?:19|20)[0-9]{2})(?![0-9])")


@builder("dates.year", requires=("year",))
def year_date(m, ctx: Context):
    """A year as a time reference: `năm 2024`, `đầu năm 2017` (the anchor),
    `từ năm 2015` (open end), `đến năm 2030` (open start)."""
    year = _year(m.group("year"))
    floor = _HISTORICAL_FLOOR if _YEAR_WORD_BEFORE.search(ctx.text, max(0, m.start("year") - 8), m.start("year")) \
        else _PLAUSIBLE_YEARS[0]
    if year is None or not floor <= year <= _PLAUSIBLE_YEARS[1]:
        return None
    value = _point(year)
    if _has(m, "since"):
        value = f"{value}/.."
    elif _has(m, "until"):
        value = f"../{value}"
    return _fields(value)


@builder("dates.year_range", requires=("y1", "y2"))
def year_range(m, ctx: Context):
    """`giai đoạn 2021-2025`, `năm học 2015-2016`, `từ năm 2013 đến năm 2015`, `(1957 - 2017)`."""
    start = _year(m.group("y1"))
    if len(m.group("y2")) == 2 and not _has(m, "cue"):
        return None  # `2016 - 20 tỷ` is no range: a short second year needs a cue word
    end = _year(m.group("y2"), near=start)
    if start is None or end is None or not start < end <= start + 100 or not _PLAUSIBLE_YEARS[0] <= start:
        return None
    return _fields(f"{start:04d}/{end:04d}")


@builder("dates.month_range", requires=("m1", "m2"))
def month_range(m, ctx: Context):
    """`từ tháng 9/2015 đến tháng 5/2016`, `từ tháng 3 đến tháng 5 năm 2021`."""
    m1, m2 = _int(m.group("m1")), _int(m.group("m2"))
    y1 = _year(m.group("y1")) if _has(m, "y1") else None
    y2 = _year(m.group("y2")) if _has(m, "y2") else None
    if not (m1 and m2 and 1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    inferred: list[str] = []
    if y2 is None:
        y2 = _resolve(ctx, None, m2, None, inferred, m, "m1", since=None if y1 is not None else (m1, None))
    if y1 is None and y2 is not None:
        y1 = y2 if m1 <= m2 else y2 - 1
        inferred.append("year")
    return _fields(f"{_point(y1, m1)}/{_point(y2, m2)}", inferred)


@builder("dates.month_pair", requires=("m1", "m2"))
def month_pair(m, ctx: Context):
    """`tháng 8 - tháng 9`: two months in a row joined by a dash are one span (as
    `month_range` reads it); joined by `và` (`tháng 7 và tháng 8`) they are two months
    named, as two days each with its month are (`day_pair`), and two months apart give
    nothing here: each is read alone."""
    m1, m2 = _int(m.group("m1")), _int(m.group("m2"))
    if not (m1 and m2 and 1 <= m1 <= 12 and m2 == m1 % 12 + 1):
        return None
    if " và " in m.group()[m.end("m1") - m.start():m.start("m2") - m.start()]:
        return None  # each is read alone (the first shares the second's year: `month_date`)
    return month_range(m, ctx)


@builder("dates.day_range", requires=("d1", "d2", "m2"))
def day_range(m, ctx: Context):
    """`từ 1/7 đến 15/7`, `từ ngày 1 đến 15/7/2024`, `từ 28/6 - 2/7`."""
    d1, d2, m2 = _int(m.group("d1")), _int(m.group("d2")), _int(m.group("m2"))
    m1 = _int(m.group("m1")) if _has(m, "m1") else m2
    y2 = _year(m.group("y2")) if _has(m, "y2") else None
    y1 = _year(m.group("y1")) if _has(m, "y1") else None
    if not (_valid(y1, m1, d1) and _valid(y2, m2, d2)):
        return None
    inferred: list[str] = []
    y2 = _resolve(ctx, y2, m2, d2, inferred, m, "d1", since=None if y1 is not None else (m1, d1))
    if y1 is None and y2 is not None:
        y1 = y2 if (m1, d1) <= (m2, d2) else y2 - 1
        if "year" not in inferred and not _has(m, "y1"):
            pass
    start, end = _point(y1, m1, d1, _clock(m, "h1", "mi1")), _point(y2, m2, d2, _clock(m, "h2", "mi2"))
    if y1 is not None and y2 is not None and start > end:
        return None
    return _fields(f"{start}/{end}", inferred)


def _clock(m, hour: str, minute: str) -> tuple[int, int] | None:
    """The time written before one end of a range (`18 giờ`, `6h30`), if it is a time of day."""
    time = _time(m, hour, minute)
    return time if time is not None and time[0] < 24 and time[1] < 60 else None


@builder("dates.day_pair", requires=("d1", "d2", "m2"))
def day_pair(m, ctx: Context):
    """Two days named together: `ngày 5 và 12/7` are two dates (the first takes
    the second's month and year when it has none); two days in a row (`hai ngày
    18 và 19/8`, `dịp 30/4 - 1/5`) are one span, an interval."""
    d1, d2, m2 = _int(m.group("d1")), _int(m.group("d2")), _int(m.group("m2"))
    m1 = _int(m.group("m1")) if _has(m, "m1") else m2
    y2 = _year(m.group("y2")) if _has(m, "y2") else None
    if not (_valid(y2, m1, d1) and _valid(y2, m2, d2)) or (m1, d1) == (m2, d2):
        return None
    inferred: list[str] = []
    year2 = y2 if y2 is not None else _resolve(ctx, None, m2, d2, inferred, m, "d1")
    year1 = year2 - 1 if year2 is not None and (m1, d1) > (m2, d2) else year2  # `30/12 và 2/1/2024`
    alternatives = "hoặc" in m.group().lower()  # `ngày 18 hoặc 19/8`: one day or the other
    # `lễ 30/4 và 1/5`, `ngày 12/10 và 13/10`: each day with its month, joined by `và`, are two
    # days named, not a span, unless a count of days says so (`hai ngày 31/12 và 1/1`)
    listed = _has(m, "m1") and " và " in m.group()[m.end("m1") - m.start():m.start("d2") - m.start()] \
        and not _DAYS_COUNTED.search(m.group(), 0, m.start("d1") - m.start())
    first_end = m.end("m1" if _has(m, "m1") else "d1")
    # `ngày 24 - 26/02/2026`, `dịp 30/4 - 1/5`: a dash between the days spans them
    dashed = m.group()[first_end - m.start():m.start("d2") - m.start()].strip() == "-"
    if (_next_day(year1, m1, d1) == (m2, d2) or dashed and (year1, m1, d1) < (year2, m2, d2)) \
            and not alternatives and not listed:
        return _fields(f"{_point(year1, m1, d1)}/{_point(year2, m2, d2)}", inferred, _part_of_day(m))
    return [{**_fields(_point(year1, m1, d1), inferred, _part_of_day(m)), "_start": m.start(), "_end": first_end},
            {**_fields(_point(year2, m2, d2), inferred), "_start": m.start("d2"), "_end": m.end()}]


@builder("dates.calendar_cued", requires=("cue", "day", "month"))
def calendar_cued(m, ctx: Context):
    """`dates.calendar` for a pattern that reads its cue (`ngày`, `mùng`) and day behind
    where it starts: the mention starts at the cue."""
    fields = calendar_date(m, ctx)
    return None if fields is None else {**fields, "_start": m.start("cue")}


@builder("dates.day_list", requires=("d", "m"))
def day_list(m, ctx: Context):
    """Days listed after one cue (`các ngày 6/6, 13/6, 20/6 và 11/7/2026`): a date each, in the
    year written on the last (the year before for a day later in the year than the last) or else
    in the year nearest the publication date."""
    core = getattr(m, "core", m)  # (the repeated groups are the pattern's own, not a prefix's)
    days, months, spans = core.captures("d"), core.captures("m"), core.spans("d")
    year = _year(core.group("y")) if core.group("y") else None
    last = (_int(months[-1]), _int(days[-1]))
    out = []
    for i, (day, month, (start, _)) in enumerate(zip(days, months, spans)):
        d, mo = _int(day), _int(month)
        if d is None or mo is None or not _valid(year, mo, d):
            return None
        inferred: list[str] = []
        y = (year - 1 if (mo, d) > last else year) if year is not None else _resolve(ctx, None, mo, d, inferred, m, "d")
        end = core.end("y") if i == len(days) - 1 and core.group("y") else core.spans("m")[i][1]
        out.append({**_fields(_point(y, mo, d), inferred), "_start": core.start("cue") if i == 0 else start, "_end": end})
    return out


_DAYS_COUNTED = regex.compile(r"(?i)(?<![\w])(?:hai|các|2)\s+ngày")


def _next_day(year: int | None, month: int, day: int) -> tuple[int, int]:
    """The (month, day) after a day (in a leap year when the year is unknown)."""
    following = dt.date(year or 2000, month, day) + dt.timedelta(days=1)
    return following.month, following.day


@builder("dates.months_of_year")
def months_of_year(m, ctx: Context):
    """`6 tháng đầu năm 2024` → 2024-01/2024-06; `3 tháng cuối năm` → …-10/…-12;
    `nửa đầu năm` → …-01/…-06."""
    n = _int(m.group("n")) if _has(m, "n") else 6  # no count: `nửa đầu năm`, half a year
    if n is None or not 1 <= n <= 12:
        return None
    year = _year(m.group("year")) if _has(m, "year") else None
    inferred: list[str] = []
    position = fold(m.group("pos")) if _has(m, "pos") else "đầu"
    published = _pub(ctx)
    if year is None and published is not None:
        year = published.year
        inferred.append("year")
        # In a January report the year's last months, and any months said to be past,
        # are last year's (`trong 6 tháng cuối năm có 742 lao động xuất cảnh, gấp rưỡi so
        # với 6 tháng đầu năm`); `năm ngoái` says so in any month.
        direction = _direction(ctx, m.start(), m.end())
        if direction == -2 or (published.month == 1 and (direction == -1 or (direction == 0 and position == "cuối"))):
            year -= 1
    first, last = (13 - n, 12) if position == "cuối" else (1, n)
    return _fields(f"{_point(year, first)}/{_point(year, last)}", inferred)


_NAMED_PERIOD = regex.compile(r"(?i)(?<![\d])(1[01]|[2-9])\s+tháng\s+đầu\s+năm")


@builder("dates.months_of_named_period", requires=("n",))
def months_of_named_period(m, ctx: Context):
    """`trong 9 tháng` is the year's first nine months when the article names `9 tháng đầu
    năm` (the same count) somewhere; else a duration, no date."""
    n = m.group("n")
    if not any(p.group(1) == n for p in _NAMED_PERIOD.finditer(ctx.text)):
        return None
    return months_of_year(m, ctx)


# Where a bare `N tháng` is a report's first N months (`dates.months_reported`): after a
# reporting cue, opening a clause (not a duration's label: `Thời gian thi công: 6 tháng`), or
# between a measured thing and its verb (`lợi nhuận 9 tháng đạt`, not `trong 9 tháng`).
_REPORT_CUE = regex.compile(r"(?<![\w])(?:lũy kế|luỹ kế|tính chung|cộng dồn)[^\S\n]+\Z", regex.IGNORECASE)
_CLAUSE_OPEN = regex.compile(r"(?:^|[.:;\n])[^\S\n]*\Z")
_COMMA_OPEN = regex.compile(r",[^\S\n]*\Z")
_DURATION_LABEL = regex.compile(r"(?:thời gian|thời hạn|kéo dài|mất)[^:.\n]{0,40}:[^\S\n]*\Z", regex.IGNORECASE)
_MEASURED = regex.compile(r"[\p{Ll})][^\S\n]+\Z")  # (`GRDP 9 tháng`, `(GRDP) 9 tháng`)
_DURATION_WORD = regex.compile(
    r"(?<![\w])(?:trong|sau|mất|khoảng|hơn|gần|từ|đến|tới|còn|vòng|suốt|có|được|trên|dưới|các|những|mỗi|hàng|hằng)"
    r"[^\S\n]+\Z", regex.IGNORECASE)
# What follows `N tháng` is, by the rule's own lookahead, a pause (`9 tháng, …`), a report's verb
# (`… 9 tháng đạt …`) or the place reported of (`… 9 tháng của tỉnh …`): the pause is what a
# measured thing must not have after it.
_PAUSE_AFTER = regex.compile(r"[^\S\n]*[,:]")


@builder("dates.months_reported", requires=("n",))
def months_reported(m, ctx: Context):
    """`9 tháng, cả nước …`, `lợi nhuận 9 tháng đạt …`, `lũy kế 10 tháng`: the first N
    months of the publication year, where the words around say a report's period (the
    pattern itself starts at the digit, so the regex engine scans for it fast)."""
    if not 2 <= (_int(m.group("n")) or 0) <= 11:  # (tested here: a digit class is what `regex` scans fastest)
        return None
    start = m.start()
    before = ctx.text[max(0, start - 60):start]
    if _REPORT_CUE.search(before) or (_CLAUSE_OPEN.search(before) and not _DURATION_LABEL.search(before)):
        return months_of_year(m, ctx)
    if (_MEASURED.search(before) or _COMMA_OPEN.search(before)) and not _DURATION_WORD.search(before) \
            and not _PAUSE_AFTER.match(ctx.text, m.end()):
        return months_of_year(m, ctx)  # `vốn đầu tư công 9 tháng đạt …`, `Theo ông Khải, 9 tháng mới giải ngân …`
    return None


# A quarter with no year and no cue that would begin this many days after the publication
# date is last year's (the fourth quarter in a report of January or February).
_QUARTER_AHEAD_DAYS = 200


@builder("dates.quarter", requires=("q",))
def quarter(m, ctx: Context):
    """`quý I/2024` → 2024-01/2024-03; `quý 2 năm 2024`; `quý III` (year from context)."""
    q = _int(m.group("q"))
    if q is None or not 1 <= q <= 4:
        return None
    year = _year(m.group("year")) if _has(m, "year") else None
    inferred: list[str] = []
    published = _pub(ctx)
    if year is None and published is not None:
        # The publication's year (a plan's `trong quý III`), unless the words around say the
        # quarter is past: then the latest one begun by the publication date (`so với quý III`
        # in a January report is last year's).
        direction = _direction(ctx, m.start(), m.end())
        if direction < 0:
            year = _resolve(ctx, None, 3 * q, None, inferred, m, "q", since=(3 * q - 2, None))
        else:
            year = published.year
            if direction == 0 and (dt.date(year, 3 * q - 2, 1) - published).days > _QUARTER_AHEAD_DAYS:
                year -= 1  # `Riêng quý IV, …` in a January review: the quarter just ended
            inferred.append("year")
    return _fields(f"{_point(year, 3 * q - 2)}/{_point(year, 3 * q)}", inferred)


_LIST_YEAR = regex.compile(r"(?<![\d.,/-])[12][0-9]{3}(?![\d])")
_LIST_QUARTER = regex.compile(r"(?<![\w])(?:IV|I{1,3}|[1-4])(?![\w])")


@builder("dates.year_list", requires=("years",))
def year_list(m, ctx: Context):
    """`các năm 2021, 2022 và 2023`: each year is its own mention (the first
    one keeps the `năm` before it)."""
    out = []
    for i, y in enumerate(_LIST_YEAR.finditer(m.group("years"))):
        start = m.start() if i == 0 else m.start("years") + y.start()
        out.append({**_fields(_point(int(y.group()))), "_start": start, "_end": m.start("years") + y.end()})
    return out if len(out) > 1 else None


@builder("dates.quarter_list", requires=("quarters", "year"))
def quarter_list(m, ctx: Context):
    """`quý I và quý II/2024`, `quý II, III năm 2023`: every quarter takes the year written after the last."""
    year = _year(m.group("year"))
    base = m.start("quarters")
    marks = list(_LIST_QUARTER.finditer(m.group("quarters")))
    out = []
    for i, q in enumerate(marks):
        n = _int(q.group())
        start = m.start() if i == 0 else base + q.start()
        end = m.end() if i == len(marks) - 1 else base + q.end()
        out.append({**_fields(f"{_point(year, 3 * n - 2)}/{_point(year, 3 * n)}"), "_start": start, "_end": end})
    return out if len(out) > 1 else None


@builder("dates.holiday", requires=("holiday",))
def holiday(m, ctx: Context):
    """A fixed-date holiday named with its year (`Tết Dương lịch 2024`, `Quốc khánh
    năm 2023`), or with the year taken from the publication date."""
    days = ctx.tables.get("holidays", {})
    key = " ".join(m.group("holiday").lower().split())
    if key not in days:
        return None
    month, day = days[key]
    year = _year(m.group("year")) if _has(m, "year") else None
    inferred: list[str] = []
    year = _resolve(ctx, year, month, day, inferred, m, "holiday")
    return _fields(_point(year, month, day), inferred)


@builder("dates.decade", requires=("decade",))
def decade(m, ctx: Context):
    """`thập niên 90`, `những năm 1990` → `199X` (EDTF: the decade)."""
    value = _int(m.group("decade"))
    if value is None:
        return None
    if value < 100:
        if value % 10:
            return None
        value += 1900
    if value % 10:
        return None
    return _fields(f"{value // 10:03d}X")


@builder("dates.lunar_new_year", requires=("tet",))
def lunar_new_year(m, ctx: Context):
    """`Tết Giáp Thìn 2024` → the first day of the lunar year (Vietnamese calendar, UTC+7)."""
    year = _year(m.group("year")) if _has(m, "year") else None
    stem_branch = fold(m.group("canchi")) if _has(m, "canchi") else None
    inferred: list[str] = []
    if year is None and stem_branch and _pub(ctx) is not None:
        year = _year_of_stem_branch(stem_branch, _pub(ctx).year)
        inferred.append("year")
    if year is None:
        return None
    if stem_branch and _stem_branch(year) != stem_branch:
        ctx.warn(f"{m.group()!r}: {stem_branch} is not the lunar year {year}")
    new_year = _lunar_new_year(year)
    if new_year is None:
        return None
    return _fields(new_year.isoformat(), inferred)


# Lunar months by name: Giêng is the first, Chạp the twelfth.
_LUNAR_MONTHS = {"giêng": 1, "chạp": 12}


@builder("dates.lunar_day", requires=("lday",))
def lunar_day(m, ctx: Context):
    """A day of the lunar calendar: `rằm tháng Giêng`, `mùng 5 Tết`, `mồng 10
    tháng 3 âm lịch`, `rằm tháng Bảy năm Giáp Thìn`. The lunar year comes from
    the text (a year or its stem-branch name) or else is the one that puts the
    day nearest the publication date; with neither there is no value."""
    day = 15 if fold(m.group("lday")) == "rằm" else _int(m.group("lday"))
    month = 1 if _has(m, "tet") else (_LUNAR_MONTHS.get(fold(m.group("lmonth"))) or _int(m.group("lmonth")))
    if day is None or month is None or not (1 <= day <= 30 and 1 <= month <= 12):
        return None
    inferred: list[str] = []
    year = _year(m.group("year")) if _has(m, "year") else None
    if year is None and _has(m, "canchi") and _pub(ctx) is not None:
        year = _year_of_stem_branch(fold(m.group("canchi")), _pub(ctx).year)
        inferred.append("year")
    if year is None:
        published = _pub(ctx)
        if published is None:
            return None
        inferred.append("year")
        options = [(y, _lunar_to_solar(y, month, day)) for y in (published.year - 1, published.year, published.year + 1)]
        options = [(y, d) for y, d in options if d is not None]
        if not options:
            return None
        year = min(options, key=lambda o: _AHEAD_WEIGHT * (o[1] - published).days
                   if o[1] > published else (published - o[1]).days)[0]
    solar = _lunar_to_solar(year, month, day)
    return _fields(solar.isoformat(), inferred) if solar else None


@lru_cache(maxsize=1024)
def _lunar_to_solar(year: int, month: int, day: int) -> dt.date | None:
    """Day/month of lunar `year` on the solar calendar (Vietnam, UTC+7)."""
    import lunar_vn

    try:
        return lunar_vn.lunar_to_solar(lunar_vn.LunarDate(day=day, month=month, year=year), time_zone=7.0)
    except ValueError:  # no such day (a 30th in a short month) or out of range
        return None


_STEMS = ["canh", "tân", "nhâm", "quý", "giáp", "ất", "bính", "đinh", "mậu", "kỷ"]
_BRANCHES = ["thân", "dậu", "tuất", "hợi", "tý", "sửu", "dần", "mão", "thìn", "tỵ", "ngọ", "mùi"]


def _stem_branch(year: int) -> str:
    return f"{_STEMS[year % 10]} {_BRANCHES[year % 12]}"


def _year_of_stem_branch(name: str, near: int) -> int | None:
    name = name.replace("tí", "tý").replace("mẹo", "mão").replace("tị", "tỵ")
    for year in sorted(range(near - 30, near + 31), key=lambda y: abs(y - near)):
        if _stem_branch(year) == name:
            return year
    return None


@lru_cache(maxsize=256)
def _lunar_new_year(year: int) -> dt.date | None:
    """Day 1 of month 1 of lunar `year` in Vietnam (cached: the conversion is slow)."""
    import lunar_vn

    try:
        return lunar_vn.lunar_to_solar(lunar_vn.LunarDate(day=1, month=1, year=year), time_zone=7.0)
    except ValueError:  # outside the library's range: no value rather than a wrong one
        return None


# ------------------------------------------------------------------- extraction


# The share of the dimension's time (engine.budget) for finding candidates:
# the rest is for choosing among them and writing the mentions, so that a text
# made of nothing but dates (a pathological input) stays within the budget.
FIND_SHARE = 0.5


def _required_words(dimension) -> list[tuple]:
    """Each rule with the words of the `required_words` table it needs (none:
    always runs); built once per rule set (`rules.prepared`)."""
    table = dimension.tables.get("required_words", {})
    return [(rule, tuple(table.get(rule.id.partition(".")[2], ()))) for rule in dimension.rules]


def _runnable(dimension, text: str) -> list:
    """The rules that can match `text`: a rule in the `required_words` table
    runs only when one of its words is in the text (in any case). Casefolding
    covers every case variant the patterns' `(?i)` accepts."""
    folded = text.casefold()
    return [rule for rule, words in prepared(dimension, _required_words)
            if not words or any(word in folded for word in words)]


def _join_patterns(dimension) -> tuple:
    """The `range_join` patterns (start, gap, end, and gap then end), compiled."""
    table = dimension.tables["range_join"]
    return tuple(regex.compile(p, regex.IGNORECASE) for p in (
        table["start"], table["gap"], table["end"], f"{table['gap']}(?:{table['end']})\\s*"))


_FROM_BEFORE = regex.compile(r"(?i)(?<![\w])từ\s+\Z")


def _join_ranges(chosen: list[Candidate], text: str, dimension) -> list[Candidate]:
    """An open start followed by its end (`từ năm 2021` `đến tháng 11/2024`), or a year or a
    month after `từ` followed by its end (`Từ đầu năm 2024 đến ngày 15/9/2024`), as one
    interval from the first day of the one to the last day of the other."""
    start_rx, gap_rx, end_rx, gap_end_rx = prepared(dimension, _join_patterns)
    out: list[Candidate] = []
    for cand in chosen:
        prev = out[-1] if out else None
        first = None
        opening = prev.start if prev is not None else 0
        if prev is not None and prev.fields["kind"] in ("year", "month") \
                and _FROM_BEFORE.search(text, max(0, prev.start - 8), prev.start) \
                and gap_end_rx.fullmatch(text, prev.end, cand.start) and cand.fields["kind"] in ("date", "month", "year"):
            first = _from_point(prev.fields, cand.fields)
        elif prev is not None and prev.fields["kind"] in ("date", "datetime") and cand.fields["kind"] in ("date", "datetime") \
                and (from_word := _FROM_BEFORE.search(text, max(0, prev.start - 8), prev.start)) is not None \
                and (gap_end_rx.fullmatch(text, prev.end, cand.start)
                     or gap_rx.fullmatch(text, prev.end, cand.start) and end_rx.match(text, cand.start)):
            # a day the rules read without its `từ` (`Từ đêm nay (5/11) đến ngày 7/11`): the interval opens at `từ`
            first, opening = prev.fields["value"].split("T")[0], from_word.start()
            if "year" in prev.fields["inferred"] and "year" in cand.fields["inferred"] and "X" not in first \
                    and cand.fields["value"][:4] != first[:4]:
                # two guessed years: the end follows the start (`từ 28/12 đến 2/1` crosses into the next year)
                year = int(first[:4]) + (cand.fields["value"][5:10] < first[5:10])
                cand = Candidate(cand.start, cand.end, cand.rule,
                                 _fields(f"{year}{cand.fields['value'][4:]}", cand.fields["inferred"]), cand.match)
        elif prev is not None and prev.fields["value"].endswith("/..") and start_rx.match(text, prev.start) \
                and (cand.fields["kind"] != "open_interval" or cand.fields["value"].startswith("../")) \
                and (gap_end_rx.fullmatch(text, prev.end, cand.start)
                     or gap_rx.fullmatch(text, prev.end, cand.start) and end_rx.match(text, cand.start)):
            first = prev.fields["value"][:-3]
        if first is None or prev is None:
            out.append(cand)
            continue
        begin, end = prev.fields, cand.fields
        fields = dict(begin, kind="interval", value=f"{first}/{end['value'].split('/')[-1]}",
                      first_day=_bounds(first)[0], last_day=end["last_day"],
                      inferred=tuple(dict.fromkeys((*begin["inferred"], *end["inferred"]))))
        out[-1] = Candidate(min(prev.start, opening), cand.end, prev.rule, fields, prev.match)
    return out


def _from_point(begin: dict, end: dict) -> str:
    """Where `từ` + a year or a month (`đầu tháng 5`) starts an interval ending at `end`: a
    month whose year was guessed takes the end's written one (the year before for a later month)."""
    value = begin["value"]
    if begin["kind"] == "month" and "year" in begin["inferred"] and "year" not in end["inferred"] \
            and "X" not in value and "X" not in end["value"]:
        end_year, end_month = int(end["value"][:4]), int(end["value"][5:7] or 12)
        value = f"{end_year - (int(value[5:7]) > end_month)}{value[4:]}"
    return value


def extract(doc, rules, found) -> list[DateMention]:
    dimension = rules[DIMENSION]
    ctx = Context(doc=doc, dimension=dimension, found=found)
    deadline = perf_counter() + FIND_SHARE * budget(ctx)
    chosen = select(find(dimension, ctx, _runnable(dimension, ctx.text), deadline=deadline))
    chosen = _join_ranges(chosen, ctx.text, dimension)
    out = []
    for cand in chosen:  # the mention's fields given in order: cheaper than `**vars(mention)`
        mention = doc.mention(cand.start, cand.end, cand.rule.id)
        out.append(DateMention(mention.text, mention.start, mention.end, mention.sentence, mention.rule,
                               **cand.fields))
    return out
