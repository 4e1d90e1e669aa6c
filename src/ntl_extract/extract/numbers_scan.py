"""Anchored matching for the numbers rules.

Every value rule of `numbers.yaml` starts at a number: a digit run or a
number word. Scanning the whole text once per rule with `finditer` costs one
regex attempt per character per rule; instead the text is scanned once for
anchors (digit runs that a cheap gate says could start a fact, number words),
anchors already taken by a date, a document or an exclusion are dropped, and
each rule is tried with `match` at the anchors left. Same candidates, a few
times faster, and dense junk (`1/1/1/…`) fails the gate instead of every rule.
"""

from __future__ import annotations

import time

import regex

from .engine import Candidate, Context, IntervalSet, _with_prefix
from .registry import BUILDERS

_CHECK_EVERY = 512  # anchors between deadline checks

# Each rule is tried in a window of the text after its anchor. `regex` first
# looks for a literal a pattern requires (`/` of a ratio, `phần trăm`) from the
# start position to the end of the string, so a match against the whole text
# costs the distance to that literal's next occurrence: quadratic on a text that
# lacks it. No fact is longer than the window; a match that comes near its end
# is tried again against the whole text, so results are the same.
WINDOW = 320
_MARGIN = 96

_COMPILED: dict = {}


def anchor_patterns(dimension) -> tuple[regex.Pattern, regex.Pattern]:
    """The digit gate and the number-word anchor of `tables.anchors`, compiled once."""
    key = id(dimension)
    if key not in _COMPILED:
        tables, lexicons = dimension.tables["anchors"], dimension.lexicons
        _COMPILED[key] = (_compile(tables["digit_gate"], lexicons, 0),
                          _compile(tables["word"], lexicons, regex.IGNORECASE))
    return _COMPILED[key]


def _compile(pattern: str, lexicons, flags: int) -> regex.Pattern:
    """Compile with the dimension's word lists the pattern names as `\\L<name>`."""
    used = {name: list(lexicons[name]) for name in regex.findall(r"\\L<(\w+)>", pattern)}
    return regex.compile(pattern, flags, **used)


def anchors(ctx: Context, pattern: regex.Pattern, taken: IntervalSet, deadline: float) -> list[int]:
    """Start offsets of `pattern`'s matches that no blocked span covers."""
    out = []
    try:
        for m in pattern.finditer(ctx.text, timeout=max(0.01, deadline - time.perf_counter())):
            start = m.start()
            if not taken.overlaps(start, start + 1):
                out.append(start)
    except TimeoutError:
        ctx.warn("numbers: anchor scan gave up; the time for this text ran out")
    return out


def run_anchored(rules, ctx: Context, positions: list[int], deadline: float) -> list[Candidate]:
    """Candidates of `rules` tried only at `positions` (as `engine.run_rule` builds them)."""
    text = ctx.text
    built = [(rule, BUILDERS[rule.build]) for rule in rules]
    out: list[Candidate] = []
    for i, pos in enumerate(positions):
        if i % _CHECK_EVERY == 0 and time.perf_counter() > deadline:
            ctx.warn(f"numbers: stopped at {pos} of {len(text)}; the time for this text ran out")
            break
        endpos = pos + WINDOW
        for rule, build in built:
            core = rule.pattern.match(text, pos, endpos)
            if core is None:
                continue
            if core.end() > endpos - _MARGIN and endpos < len(text):
                core = rule.pattern.match(text, pos)
                if core is None:
                    continue
            m = _with_prefix(rule, core, text)
            if m is None:
                continue
            result = build(m, ctx)
            if result is None:
                continue
            for fields in result if isinstance(result, list) else [result]:
                start = fields.pop("_start", m.start())
                end = fields.pop("_end", m.end())
                if end > start:
                    out.append(Candidate(start, end, rule, fields, m))
    return out
