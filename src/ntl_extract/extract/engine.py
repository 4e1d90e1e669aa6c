"""Apply a dimension's rules to a document: match, build, resolve overlaps.

Every rule's pattern runs over the normalised text under a time budget (one
alarm for a phase of scans, or the `regex` module's timeout: `time_limit`),
its builder turns each match into fields, and of overlapping candidates the longest wins, then the higher priority, then the
earlier one. Dimension modules call `find()` and then do their own resolving
(merging mentions into entities, linking times to dates).
"""

from __future__ import annotations

import time
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..rules import Dimension, Rule
from .registry import BUILDERS
from .time_limit import expired, guarded_matches, time_limit

# Seconds one dimension may spend per million characters (at least
# MIN_BUDGET): its rules share it, so a pathological input cannot stall a batch.
# 0.9 s per MB keeps every extractor under the 1 s/MB bar on pathological
# input, with room to spare on article text (0.1-0.5 s/MB on one core).
BUDGET_PER_MCHAR = 0.9
MIN_BUDGET = 0.5


@dataclass
class Candidate:
    start: int  # normalised offsets
    end: int
    rule: Rule
    fields: dict[str, Any]
    match: Any = None

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class Context:
    """What a builder may read besides its match."""

    doc: Any  # ntl_extract.document.Doc
    dimension: Dimension
    found: dict[str, Any] = field(default_factory=dict)  # earlier dimensions' results

    @property
    def text(self) -> str:
        return self.doc.norm.text

    @property
    def published(self):
        return self.doc.published

    @property
    def tables(self) -> dict[str, Any]:
        return self.dimension.tables

    def warn(self, message: str) -> None:
        self.doc.warnings.append(message)


def budget(ctx: Context) -> float:
    """Seconds this dimension may spend on this text."""
    return max(MIN_BUDGET, BUDGET_PER_MCHAR * len(ctx.text) / 1e6)


PREFIX_WINDOW = 60  # characters a rule's prefix may span


class _GroupIndex:
    def __init__(self, *indexes) -> None:
        self.groupindex = {k: v for index in indexes for k, v in index.items()}


_GROUP_INDEXES: dict[tuple, _GroupIndex] = {}  # keyed by the two patterns themselves
_GROUP_NAMES: dict[Any, dict] = {}  # pattern -> its groupindex


def group_names(pattern) -> dict:
    """A pattern's group names, read once: the regex module builds the dict anew on every access."""
    names = _GROUP_NAMES.get(pattern)
    if names is None:
        names = _GROUP_NAMES[pattern] = pattern.groupindex
    return names


class Joined:
    """A rule's match together with its prefix: group lookups see both, and
    the span covers both."""

    __slots__ = ("prefix", "core", "string", "prefixed", "_core_groups", "_re")

    def __init__(self, prefix, core, text: str) -> None:
        self.prefix, self.core, self.string = prefix, core, text
        self.prefixed = prefix.end() > prefix.start()
        self._core_groups = group_names(core.re)
        self._re = None

    @property
    def re(self) -> _GroupIndex:
        """Both patterns' group names (built once per pair of patterns, looked
        up once per match: builders ask for it several times)."""
        if self._re is None:
            key = (self.prefix.re, self.core.re)
            index = _GROUP_INDEXES.get(key)
            if index is None:
                index = _GROUP_INDEXES[key] = _GroupIndex(self.prefix.re.groupindex, self._core_groups)
            self._re = index
        return self._re

    def _owner(self, name):
        if name in self._core_groups and self.core.group(name) is not None:
            return self.core
        if name in group_names(self.prefix.re):
            return self.prefix
        return self.core

    def group(self, name=0):
        if name == 0:
            return self.string[self.start():self.end()]
        if name in self._core_groups:  # as `_owner`, without asking the core twice
            value = self.core.group(name)
            if value is not None:
                return value
        return (self.prefix if name in group_names(self.prefix.re) else self.core).group(name)

    def start(self, name=None):
        if name is None:
            return self.prefix.start() if self.prefixed else self.core.start()
        return self._owner(name).start(name)

    def end(self, name=None):
        return self.core.end() if name is None else self._owner(name).end(name)

    def span(self, name=None):
        return self.start(name), self.end(name)


def _with_prefix(rule: Rule, m, text: str):
    """The match extended over the cue words before it, or None when the rule
    needs a cue and there is none."""
    if rule.prefix is None:
        return m
    pm = rule.prefix.search(text, max(0, m.start() - PREFIX_WINDOW), m.start())
    if pm is None or (rule.prefix_required and pm.end() == pm.start()):
        return None
    return Joined(pm, m, text)


def candidates_of(rule: Rule, build, m, ctx: Context) -> list[Candidate]:
    """The candidates a builder makes of one match: none, one, or several (a
    list); a builder may move a candidate's span with `_start` / `_end`."""
    built = build(m, ctx)
    if built is None:
        return []
    if not isinstance(built, list):
        if "_start" not in built and "_end" not in built:  # the common case: one candidate, the match's span
            start, end = m.start(), m.end()
            return [Candidate(start, end, rule, built, m)] if end > start else []
        built = [built]
    out = []
    for fields in built:
        start = fields.pop("_start", m.start())
        end = fields.pop("_end", m.end())
        if end > start:
            out.append(Candidate(start, end, rule, fields, m))
    return out


def run_rule(rule: Rule, ctx: Context, seconds: float) -> list[Candidate]:
    """All candidates of one rule; a rule that runs out of time warns and stops
    (under the phase's alarm when one is armed, `time_limit`)."""
    build = BUILDERS[rule.build]
    text = ctx.text
    out: list[Candidate] = []
    if seconds <= 0 or expired():
        ctx.warn(f"rule {rule.id} skipped: the time for {ctx.dimension.name} on this text ran out")
        return out
    try:
        for core in guarded_matches(rule.pattern, text, seconds):
            m = _with_prefix(rule, core, text)
            if m is not None:
                out.extend(candidates_of(rule, build, m, ctx))
    except TimeoutError:
        ctx.warn(f"rule {rule.id} gave up after {seconds:.2f}s on this text")
    return out


def deadline_for(ctx: Context) -> float:
    """When this dimension's time on this text is up (a `time.perf_counter()` value)."""
    return time.perf_counter() + budget(ctx)


def find(dimension: Dimension, ctx: Context, rules: Iterable[Rule] | None = None,
         deadline: float | None = None) -> list[Candidate]:
    """Candidates of every rule (all of them, overlapping), within the dimension's time."""
    deadline = deadline_for(ctx) if deadline is None else deadline
    out: list[Candidate] = []
    with time_limit(deadline):
        for rule in dimension.rules if rules is None else rules:
            out.extend(run_rule(rule, ctx, deadline - time.perf_counter()))
    return out


def select(candidates: list[Candidate], blocked: Iterable[tuple[int, int]] = ()) -> list[Candidate]:
    """Non-overlapping candidates: longest first, then priority, then position.

    `blocked` spans (normalised) are already taken by another dimension; a
    candidate overlapping one is dropped.
    """
    taken = IntervalSet(blocked)
    chosen: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-c.length, -c.rule.priority, c.start)):
        if not taken.overlaps(cand.start, cand.end):
            taken.add(cand.start, cand.end)
            chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    return chosen


class IntervalSet:
    """Disjoint half-open intervals with overlap queries (sorted list + bisect)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            if self.starts and start < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.ends, start + 1)
        return i < len(self.starts) and self.starts[i] < end

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
