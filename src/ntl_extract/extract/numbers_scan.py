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

import re
import time

import regex

from .engine import Candidate, Context, IntervalSet, _with_prefix
from .registry import BUILDERS
from .time_limit import expired, guarded_matches

_CHECK_EVERY = 512  # anchors between deadline checks

# Each rule is tried in a window of the text after its anchor. `regex` first
# looks for a literal a pattern requires (`/` of a ratio, `phần trăm`) from the
# start position to the end of the string, so a match against the whole text
# costs the distance to that literal's next occurrence: quadratic on a text that
# lacks it. No fact is longer than the window; a match that comes near its end
# is tried again against the whole text, so results are the same.
WINDOW = 320
_MARGIN = 96

def anchor_patterns(dimension) -> tuple[regex.Pattern, regex.Pattern]:
    """The digit gate and the number-word anchor of `tables.anchors`, compiled."""
    tables, lexicons = dimension.tables["anchors"], dimension.lexicons
    return (_compile(tables["digit_gate"], lexicons, 0), _compile(tables["word"], lexicons, regex.IGNORECASE))


def word_prefilter(dimension) -> re.Pattern:
    """The first words of `number_start`, bare and lowercase: every match of the
    word anchor starts where this matches in the lowercased text. The stdlib
    scans for a handful of literals several times faster than `regex` scans for
    a case-insensitive word list behind lookbehinds."""
    firsts = sorted({w.split()[0].lower() for w in dimension.lexicons["number_start"]}, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in firsts))


def _compile(pattern: str, lexicons, flags: int) -> regex.Pattern:
    """Compile with the dimension's word lists the pattern names as `\\L<name>`."""
    used = {name: list(lexicons[name]) for name in regex.findall(r"\\L<(\w+)>", pattern)}
    return regex.compile(pattern, flags, **used)


def _free(starts: list[int], taken: IntervalSet) -> list[int]:
    """The sorted offsets in `starts` that no span of `taken` covers (one merged walk)."""
    t_starts, t_ends = taken.starts, taken.ends
    j, n, out = 0, len(t_starts), []
    for start in starts:
        while j < n and t_ends[j] <= start:
            j += 1
        if j == n or t_starts[j] > start:
            out.append(start)
    return out


def anchors(ctx: Context, pattern: regex.Pattern, taken: IntervalSet, deadline: float,
            prefilter: re.Pattern | None = None) -> list[int]:
    """Start offsets of `pattern`'s (non-overlapping) matches that no blocked span
    covers. With a `prefilter`, `pattern` is only tried where the prefilter
    matches the lowercased text."""
    text = ctx.text
    lowered = text.lower() if prefilter is not None else None
    starts: list[int] = []
    try:
        if lowered is not None and len(lowered) == len(text):
            end = 0
            for i, m in enumerate(prefilter.finditer(lowered)):
                if i % _CHECK_EVERY == 0 and time.perf_counter() > deadline:
                    raise TimeoutError
                pos = m.start()
                if pos >= end:
                    hit = pattern.match(text, pos, pos + WINDOW)
                    if hit is not None:
                        starts.append(pos)
                        end = hit.end()
        else:
            starts = [m.start() for m in pattern.finditer(text, timeout=max(0.01, deadline - time.perf_counter()))]
    except TimeoutError:
        ctx.warn("numbers: anchor scan gave up; the time for this text ran out")
    return _free(starts, taken)


def prepare(rules, shared=()) -> tuple[regex.Pattern | None, list[tuple]]:
    """Each rule with its builder, whether its prefix is a bare lookbehind
    (`_lookbehind_only`) and, for the rules named in `shared`, the compiled
    rest of its pattern after the group they all open with (`_split_head`);
    and that head compiled alone. What `run_anchored` needs, worked out once
    per rule set."""
    head, tails = _split_head([r for r in rules if r.id.split(".", 1)[1] in shared])
    return head, [(rule, BUILDERS[rule.build], _lookbehind_only(rule), tails.get(id(rule))) for rule in rules]


def _split_head(rules) -> tuple[regex.Pattern | None, dict[int, regex.Pattern]]:
    """The first group the patterns of `rules` all open with (the amount), and
    each rule's rest compiled alone. The head matches in one way only (an
    atomic group, then a lookahead: `test_numbers` checks it): so a rule
    matches at a position exactly when the head does and the rest matches
    where the head ends. The head is then matched once per anchor, and a rule
    whose rest fails there is not tried (most of a rule's time is its amount)."""
    if not rules:
        return None, {}
    source = rules[0].pattern.pattern
    end = _first_group_end(source)
    if any(r.pattern.pattern[:end] != source[:end] for r in rules):
        raise ValueError("numbers: the rules of tables.anchors.shared_head do not open with one group")
    compiled = {id(r): regex.compile(r.pattern.pattern[end:], r.pattern.flags, **r.pattern.named_lists)
                for r in rules}
    return regex.compile(source[:end], rules[0].pattern.flags, **rules[0].pattern.named_lists), compiled


def _first_group_end(source: str) -> int:
    """Where the parenthesised group a pattern source opens with ends
    (escapes and character classes skipped)."""
    if not source.startswith("("):
        raise ValueError("numbers: a shared head must be a group")
    depth, i, in_class = 0, 0, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 1
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += source.startswith("^", i + 1)
            i += source.startswith("]", i + 1)  # a ] right after [ or [^ is a member
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError("numbers: unbalanced pattern")


def _prefixed(rule, core, text: str, lookbehind_only: bool):
    """The match with its rule's prefix (None when a required one is missing):
    a bare lookbehind prefix is checked where the match starts, any other is
    searched for before it (`engine._with_prefix`)."""
    if lookbehind_only:
        return core if rule.prefix.match(text, core.start(), core.start()) else None
    return _with_prefix(rule, core, text)


def run_anchored(prepared: tuple, ctx: Context, positions: list[int], deadline: float) -> list[Candidate]:
    """Candidates of the `prepare`d rules tried only at `positions` (as `engine.run_rule` builds them)."""
    head, built = prepared
    text = ctx.text
    out: list[Candidate] = []
    for i, pos in enumerate(positions):
        if i % _CHECK_EVERY == 0 and time.perf_counter() > deadline:
            ctx.warn(f"numbers: stopped at {pos} of {len(text)}; the time for this text ran out")
            break
        endpos = pos + WINDOW
        head_end = -1
        if head is not None:
            hm = head.match(text, pos, endpos)
            head_end = -1 if hm is None else hm.end()
        for rule, build, lookbehind_only, tail in built:
            if tail is not None and (head_end < 0 or tail.match(text, head_end, endpos) is None):
                continue  # the rule would fail at this anchor (`_split_head`)
            core = rule.pattern.match(text, pos, endpos)
            if core is None:
                continue
            if core.end() > endpos - _MARGIN and endpos < len(text):
                core = rule.pattern.match(text, pos)
                if core is None:
                    continue
            m = _prefixed(rule, core, text, lookbehind_only)
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


def spans(prepared: tuple, ctx: Context, deadline: float) -> list[tuple[int, int]]:
    """The spans of the `prepare`d rules' matches over the whole text: the
    spans `engine.find` would give their candidates, without building any (an
    exclusion's candidate is only its span), and with a bare lookbehind prefix
    checked where the match starts instead of searched for."""
    text = ctx.text
    out: list[tuple[int, int]] = []
    for rule, build, lookbehind_only, _ in prepared[1]:
        seconds = deadline - time.perf_counter()
        if seconds <= 0 or expired():
            ctx.warn(f"rule {rule.id} skipped: the time for {ctx.dimension.name} on this text ran out")
            continue
        try:
            for core in guarded_matches(rule.pattern, text, seconds):
                m = _prefixed(rule, core, text, lookbehind_only)
                if m is None:
                    continue
                fields = build(m, ctx)
                if fields is None:
                    continue
                start, end = fields.get("_start", m.start()), fields.get("_end", m.end())
                if end > start:
                    out.append((start, end))
        except TimeoutError:
            ctx.warn(f"rule {rule.id} gave up after {seconds:.2f}s on this text")
    return out


_LOOKBEHIND_ONLY = regex.compile(r"((?:\(\?:)*)\(\?<!\[(?:[^\]\\]|\\.)*\]\)(\)*)\\Z")


def _lookbehind_only(rule) -> bool:
    """A prefix that is one negative lookbehind on a character class
    (`(?<![\\w.,/-])`) matches only empty, right at the match: checking it there
    gives what `engine._with_prefix` finds by searching the window before the
    match, without the search and without joining the two matches."""
    if rule.prefix is None or rule.prefix_required:
        return False
    m = _LOOKBEHIND_ONLY.fullmatch(rule.prefix.pattern)
    return bool(m) and len(m.group(1)) == 3 * len(m.group(2))
