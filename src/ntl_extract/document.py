"""The per-article state every stage reads: raw and normalised text, sentences,
publication date, and the one constructor that makes mentions exact."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field

from . import segment
from .model import Article, Mention
from .normalise import NormText, normalise


@dataclass(frozen=True)
class Published:
    """The article's publication date (and time, when the stamp gives one)."""

    date: dt.date
    time: tuple[int, int] | None = None

    @property
    def value(self) -> str:
        if self.time is None:
            return self.date.isoformat()
        return f"{self.date.isoformat()}T{self.time[0]:02d}:{self.time[1]:02d}"

    @classmethod
    def parse(cls, value: str) -> "Published":
        """`2024-07-03`, `2024-07-03T10:35`, `20240703`, `03/07/2024`; ValueError otherwise."""
        import regex

        value = value.strip()
        m = regex.fullmatch(r"(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2})?(?:[+-]\d{2}:?\d{2}|Z)?)?", value)
        if m:
            y, mo, d = int(m[1]), int(m[2]), int(m[3])
        else:
            m = regex.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T ](\d{1,2}):(\d{2}))?", value)
            if not m:
                raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)")
            d, mo, y = int(m[1]), int(m[2]), int(m[3])
        date = dt.date(y, mo, d)
        time = (int(m[4]), int(m[5])) if m[4] else None
        if time and not (0 <= time[0] < 24 and 0 <= time[1] < 60):
            raise ValueError(f"not a time of day: {value!r}")
        return cls(date, time)


# Words of context either side of a span tagged alone (see Doc.tokens_near).
TAG_CONTEXT = 4


@dataclass
class Doc:
    raw: str
    norm: NormText
    sentences: tuple[tuple[int, int], ...]  # raw offsets
    article: Article = field(default_factory=Article)
    published: Published | None = None
    warnings: list[str] = field(default_factory=list)
    # Set by metadata detection: normalised spans of site chrome, and of the
    # title and byline lines (extractors skip the byline: it is no official).
    boilerplate_norm: tuple[tuple[int, int], ...] = ()
    # … and the items of its lists of other articles (`Tin liên quan`): headlines, whose
    # figures numbers still reads (annotators give them, or leave them optional).
    related_norm: tuple[tuple[int, int], ...] = ()
    metadata_spans: dict = field(default_factory=dict)
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _token_cache: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_text(cls, raw: str) -> "Doc":
        norm = normalise(raw)
        spans = tuple(norm.raw_span(s, e) for s, e in segment.sentences(norm.text))
        return cls(raw=raw, norm=norm, sentences=spans, _sentence_starts=[s for s, _ in spans])

    @property
    def text(self) -> str:
        """The normalised text rules match."""
        return self.norm.text

    def sentence_at(self, raw_pos: int) -> int:
        """Index of the sentence holding raw offset `raw_pos` (the nearest before it)."""
        return max(bisect_right(self._sentence_starts, raw_pos) - 1, 0)

    def mention(self, start: int, end: int, rule: str) -> Mention:
        """The mention of normalised `[start, end)`: raw offsets, raw text, sentence."""
        raw_start, raw_end = self.norm.raw_span(start, end)
        return Mention(self.raw[raw_start:raw_end], raw_start, raw_end, self.sentence_at(raw_start), rule)

    def sentence_norm_span(self, index: int) -> tuple[int, int]:
        """Normalised span of sentence `index` (for token-level work)."""
        return self.norm_span(*self.sentences[index])

    def norm_span(self, raw_start: int, raw_end: int) -> tuple[int, int]:
        """Normalised span of a raw span (e.g. to block a mention another dimension took)."""
        return self.norm.norm_offset(raw_start), self.norm.norm_offset(raw_end)

    def tokens_near(self, start: int, end: int, pos: bool = False, context: int = TAG_CONTEXT) -> list[segment.Token]:
        """Word tokens (normalised offsets) of `[start, end)` with `context`
        words of its sentence either side: underthesea's taggers read two
        words either side of a word, and tagging a whole sentence costs time
        in proportion to its length (most of the run time of some articles)."""
        sentence_start, sentence_end = self.sentence_norm_span(self.sentence_at(self.norm.raw_span(start, end)[0]))
        text = self.norm.text
        lo = max(sentence_start, min(start, sentence_end))
        for _ in range(context):
            space = text.rfind(" ", sentence_start, max(lo - 1, sentence_start))
            lo = sentence_start if space < 0 else space + 1
        hi = min(sentence_end, max(end, sentence_start))
        for _ in range(context):
            space = text.find(" ", min(hi + 1, sentence_end), sentence_end)
            hi = sentence_end if space < 0 else space
        key = (lo, hi, pos)
        if key not in self._token_cache:
            self._token_cache[key] = segment.tokens(text[lo:hi], base=lo, pos=pos)
        return self._token_cache[key]


def twelve_hour(hour: int, marker: str) -> int | None:
    """The hour on a 24-hour clock of `hour` on a twelve-hour one: `PM` and `CH`
    (chiều) are the afternoon, `AM` and `SA` (sáng) the morning (`3:40 PM` → 15,
    `12:05 AM` → 0). An afternoon hour already past 12 (`14:35 PM`, a site that prints a
    24-hour clock and the marker too) stays as it is; a morning one is None."""
    if hour > 12:
        return hour if hour < 24 and marker.upper() in ("PM", "CH") else None
    return hour % 12 + (12 if marker.upper() in ("PM", "CH") else 0)
