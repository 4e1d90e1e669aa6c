"""Numbers in the cells of a table scraped as lines of `|`-separated cells, or one cell per line.

A cell holds a bare number (`412`, `18,6`, `19/19`); what it counts or measures
is written once, in its column's header: `Số hộ` (households counted), `Tỷ lệ
(%)` (a percent), `Diện tích (ha)` (a measure), `Kinh phí (triệu đồng)` (money in
millions). The `table` rule of numbers.yaml matches a block of such lines; this
builder reads the header and gives each numeric cell under a header that says
what it is a candidate of its own. A column whose header says nothing (`STT`,
`Đơn vị`, `Ghi chú`) gives none: a bare number is no fact without its noun.
"""

from __future__ import annotations

import regex

from .engine import Context
from .numbers_grammar import MAGNITUDES, as_json_number, parse_amount
from .registry import builder

_CELL_NUMBER = regex.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?")
_CELL_RATIO = regex.compile(r"(?P<num>[0-9][0-9.]*)\s*/\s*(?P<total>[0-9][0-9.]*)")
_UNIT_IN_BRACKETS = regex.compile(r"\(\s*([^()]{1,30}?)\s*\)")
_COUNT_HEADER = regex.compile(r"(?i)^(?:tổng\s+)?số(?:\s+lượng)?\s+(?P<noun>\p{L}.*)$")
_SEPARATOR_ROW = regex.compile(r"[\s|:+-]*")  # a markdown table's `---|---` line


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of a row's cells, stripped, in the order written (`| a | b |` or `a | b`)."""
    out, pos = [], start
    while pos <= end:
        bar = text.find("|", pos, end)
        out.append(_stripped(text, pos, end if bar < 0 else bar))
        if bar < 0:
            break
        pos = bar + 1
    return out


def _column_kind(ctx: Context, header: str) -> tuple[str, str, int] | None:
    """(kind, unit, multiplier) of the numbers under `header`, or None when it says nothing."""
    text = " ".join(header.split())
    if not text:
        return None
    bracket = _UNIT_IN_BRACKETS.search(text)
    if "%" in text:
        return "percent", "%", 1
    if bracket is not None:
        inner = bracket.group(1)
        words = inner.split()
        currency = ctx.tables["currencies"].get(" ".join(words[1:] if words[0].lower() in MAGNITUDES else words).lower())
        if currency is not None:
            multiplier = MAGNITUDES.get(words[0].lower(), 1) if len(words) > 1 else 1
            return "money", currency, multiplier
        measure = ctx.tables["measures"].get(inner.lower(), inner)
        if inner.lower() in {m.lower() for m in ctx.dimension.lexicons["measure"]}:
            return "quantity", measure, 1
        counted = ctx.prepared.counted(inner)
        return ("count", counted, 1) if counted else None
    count = _COUNT_HEADER.match(text)
    if count is not None:
        counted = ctx.prepared.counted(count.group("noun"))
        return ("count", counted, 1) if counted else None
    return None


@builder("numbers.table")
def table(m, ctx: Context):
    """Each numeric cell of a `|` table under a header that names what it counts or measures."""
    text = ctx.text
    lines = []
    pos = m.start()
    while pos < m.end():
        end = text.find("\n", pos, m.end())
        end = m.end() if end < 0 else end
        if not _SEPARATOR_ROW.fullmatch(text, pos, end):
            lines.append((pos, end))
        pos = end + 1
    if len(lines) < 2:
        return None
    header = _cells(text, *lines[0])
    if any(_CELL_NUMBER.fullmatch(text, s, e) for s, e in header):
        return None  # no header: the columns say nothing
    rows = [_cells(text, *line) for line in lines[1:]]
    return _numbers_of(ctx, header, [r for r in rows if len(r) == len(header)]) or None  # (rows that line up)


_LINE = regex.compile(r"[^\n]*")


@builder("numbers.table_lines")
def table_lines(m, ctx: Context):
    """A table scraped one cell per line (`STT` / `Xã` / `Số tiêu chí đạt` / `Ghi chú` / `1` /
    `Tân Minh` / `19/19` / …): the header's lines run from `STT` to the first row's `1`, and
    each row is as many lines, opening with its running number (an empty cell an empty line)."""
    text = ctx.text
    lines, pos = [], m.start()
    while pos <= len(text) and len(lines) < _MAX_TABLE_LINES:
        end = _LINE.match(text, pos).end()
        lines.append(_stripped(text, pos, end))
        pos = end + 1
    width = next((i for i, (s, e) in enumerate(lines) if text[s:e] == "1"), 0)
    if width < 2:
        return None
    header, rows = lines[:width], []
    at = width
    while at + width <= len(lines) and text[slice(*lines[at])] == str(len(rows) + 1):
        rows.append(lines[at:at + width])
        at += width
    return _numbers_of(ctx, header, rows) or None


_MAX_TABLE_LINES = 400


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _numbers_of(ctx: Context, header: list[tuple[int, int]], rows: list[list[tuple[int, int]]]) -> list[dict]:
    """The candidates of the rows' numeric cells under the headers that say what they are."""
    text = ctx.text
    kinds = [_column_kind(ctx, text[s:e]) for s, e in header]
    out = []
    for cells in rows:
        for (s, e), kind in zip(cells, kinds):
            if kind is not None and s < e:
                out.extend(_cell(text, s, e, kind))
    return out


def _cell(text: str, start: int, end: int, kind: tuple[str, str, int]) -> list[dict]:
    name, unit, multiplier = kind
    ratio = _CELL_RATIO.fullmatch(text, start, end)
    if ratio is not None and name == "count":
        num, total = parse_amount(ratio.group("num")), parse_amount(ratio.group("total"))
        if num is None or total is None or total == 0 or num > total:
            return []
        return [{"kind": "ratio", "value": as_json_number(num), "total": as_json_number(total), "unit": unit,
                 "_start": start, "_end": end}]
    if _CELL_NUMBER.fullmatch(text, start, end) is None:
        return []
    value = parse_amount(text[start:end])
    if value is None:
        return []
    if name == "count" and value != value.to_integral_value():
        return []
    return [{"kind": name, "value": as_json_number(value * multiplier), "total": None, "unit": unit,
             "_start": start, "_end": end}]
