"""Raw text → a normalised copy for matching, plus an exact map back to the raw text.

Rules match the normalised copy (NFC, modern tone placement, plain single spaces,
dashes and quotes), but every offset a user sees indexes the raw text. Each
normalised character comes from one contiguous chunk of raw characters; the
`OffsetMap` keeps those chunks as a short list of segments, so it costs almost
nothing for clean text and stays small for large files.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import deque
from dataclasses import dataclass
from functools import lru_cache

import regex

# Length-preserving character substitutions (one raw char → one normalised char).
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\v\f"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_DQUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02"
_SQUOTES = "\u2018\u2019\u201a\u201b\u2032\u00b4\u0060"
_TRANSLATE = str.maketrans(
    {**{c: " " for c in _SPACES}, **{c: "-" for c in _DASHES},
     **{c: '"' for c in _DQUOTES}, **{c: "'" for c in _SQUOTES}, "\r": "\n"}
)
# str.translate walks every character in Python-level table lookups; a regex
# finds the few characters to replace far faster on long, clean text. These
# two are plain character classes (no backtracking to time out), where the
# standard library's `re` scans about four times faster than `regex`.
_TRANSLATED = re.compile("[" + re.escape(_SPACES + _DASHES + _DQUOTES + _SQUOTES) + "\r]")


def _plain(text: str) -> str:
    """Plain spaces, dashes and quotes (length-preserving): one `str.replace`
    per distinct character found, as a text has many quotes but few kinds."""
    for char in set(_TRANSLATED.findall(text)):
        text = text.replace(char, _TRANSLATE[ord(char)])
    return text

# Characters dropped from the normalised copy: zero-width marks, soft hyphen,
# and the CR of a CRLF pair (a lone CR becomes a newline above).
_DROPPED_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_DROPPED = re.compile(f"[{_DROPPED_CHARS}]|\r(?=\n)")
# A run of two or more spaces (of any kind but line breaks) reads as one:
# `Quyết  định`, `Nguyễn\u00a0 Văn An`.
_SPACE_RUN = re.compile("[ " + re.escape(_SPACES) + "]{2,}")
# HTML character references a scraper left in (`2,45&nbsp;tỷ`, `&quot;`, `NN&amp;PTNT`): read as
# the characters they stand for.
_ENTITY = r"&(?:nbsp|quot|amp|apos|lt|gt|ndash|mdash|hellip|ldquo|rdquo|lsquo|rsquo|#[0-9]{1,5}|#[xX][0-9a-fA-F]{1,4});"
# Markdown a scraper kept (`**bold**`, a `### heading`, an `*italic line*`): the markers are
# dropped, the words read (a `# key = value` header line is no heading: the metadata reads it).
# (Every branch opens with its literal character, so the scan jumps between candidates: a
# line's start is checked behind the `#` or `*`, not before it.)
_MARKUP = (r"\*\*|#(?<![^\n]#)#{0,5}[ \t]+(?![\w.-]+[ \t]*=)|\*(?<![^\n]\*)(?=[^\s*])"
           r"|\*(?<=[^\s*]\*)(?=[ \t]*(?:\n|$))")
# A base character followed by combining marks: one NFC unit.
_CLUSTER = regex.compile(r"\P{M}\p{M}+")

# Old tone placement on open syllables oa/oe/uy: hoà → hòa, thuý → thúy, uỷ → ủy.
# `qu` is a consonant, so quý and quỳ stay as they are.
_OLD_TONE = regex.compile(
    r"(?<![qQ])([oO][àáảãạÀÁẢÃẠ]|[oO][èéẻẽẹÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?!\w)"
)

# Every old-tone pair matches this quick scan (`re`, about twenty times faster
# than the full pattern): a toned vowel after o/u, not followed by a letter or
# digit (a set of characters that are word characters for both engines).
_OLD_TONE_HINT = re.compile(
    "[oOuU][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ](?![a-zA-Z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff])"
)


def _move_tone(pair: str) -> str:
    """`oà` → `òa`: put the second vowel's tone mark on the first vowel."""
    first, second = pair[0], pair[1]
    base, *marks = unicodedata.normalize("NFD", second)
    tone = "".join(marks)
    return unicodedata.normalize("NFC", first + tone) + base


def old_tone_pairs(text: str) -> list[tuple[int, int]]:
    """The spans of the old-tone pairs in `text`: the full pattern is tried only
    where the quick scan found a candidate (pairs cannot overlap: the second
    char of one is never the first of another)."""
    return [m.span(1) for hint in _OLD_TONE_HINT.finditer(text)
            if (m := _OLD_TONE.match(text, hint.start())) is not None]


def _with_tones_moved(text: str, pairs: list[tuple[int, int]]) -> str:
    pieces, pos = [], 0
    for a, b in pairs:
        pieces += (text[pos:a], _move_tone(text[a:b]))
        pos = b
    pieces.append(text[pos:])
    return "".join(pieces)


def modern_tone(text: str) -> str:
    """Modern tone placement, length-preserving (every pair stays two characters)."""
    pairs = old_tone_pairs(text)
    return _with_tones_moved(text, pairs) if pairs else text


@dataclass(frozen=True)
class OffsetMap:
    """Maps normalised offsets back to raw offsets.

    Segment k covers normalised chars `[norm_starts[k], norm_starts[k] + norm_lens[k])`
    and raw chars `[raw_starts[k], raw_starts[k] + raw_lens[k])`. A segment whose
    two lengths are equal maps char to char; any other segment is one cluster,
    and each of its normalised chars maps to the whole raw cluster. A segment
    listed in `atomic` is a cluster even when its lengths agree: a vowel pair
    whose tone mark moved (`oà` → `òa`), where each normalised char takes
    something from both raw chars.
    """

    norm_starts: tuple[int, ...]
    raw_starts: tuple[int, ...]
    norm_lens: tuple[int, ...]
    raw_lens: tuple[int, ...]
    atomic: frozenset[int] = frozenset()

    def _linear(self, k: int) -> bool:
        return self.norm_lens[k] == self.raw_lens[k] and k not in self.atomic

    def _segment(self, i: int) -> int:
        return max(bisect_right(self.norm_starts, i) - 1, 0)

    def raw_start(self, i: int) -> int:
        """Raw offset where normalised char `i` begins."""
        if not self.norm_starts:
            return i
        k = self._segment(i)
        offset = i - self.norm_starts[k]
        if self._linear(k):
            return self.raw_starts[k] + offset
        return self.raw_starts[k]

    def norm_offset(self, raw_pos: int, norm_size: int) -> int:
        """The first normalised char whose raw start is at or after `raw_pos`
        (`norm_size` when there is none): one bisection over the segments."""
        k = bisect_left(self.raw_starts, raw_pos)  # the first segment starting at or after raw_pos
        if k and self._linear(k - 1) and raw_pos - self.raw_starts[k - 1] < self.norm_lens[k - 1]:
            return self.norm_starts[k - 1] + raw_pos - self.raw_starts[k - 1]
        return self.norm_starts[k] if k < len(self.norm_starts) else norm_size

    def raw_end(self, i: int) -> int:
        """Raw offset just after normalised char `i - 1` (a half-open end)."""
        if not self.norm_starts or i <= 0:
            return i
        k = self._segment(i - 1)
        offset = i - 1 - self.norm_starts[k]
        if self._linear(k):
            return self.raw_starts[k] + offset + 1
        return self.raw_starts[k] + self.raw_lens[k]


@dataclass(frozen=True)
class NormText:
    """The normalised copy of a raw text and the map back to it."""

    raw: str
    text: str
    map: OffsetMap | None  # None: identical offsets (the common case)

    def norm_offset(self, raw_pos: int) -> int:
        """The normalised offset where raw offset `raw_pos` falls (the first
        normalised char whose raw start is at or after it)."""
        return raw_pos if self.map is None else self.map.norm_offset(raw_pos, len(self.text))

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw `[start, end)` covering the normalised `[start, end)`."""
        if self.map is None:
            return start, end
        if end <= start:
            pos = self.map.raw_start(start) if start < len(self.text) else len(self.raw)
            return pos, pos
        return self.map.raw_start(start), self.map.raw_end(end)


class _MapBuilder:
    """Accumulates segments, merging runs of char-to-char mapping."""

    def __init__(self) -> None:
        self.norm_starts: list[int] = []
        self.raw_starts: list[int] = []
        self.norm_lens: list[int] = []
        self.raw_lens: list[int] = []
        self.norm_pos = 0

    def linear(self, raw_start: int, length: int) -> None:
        if length <= 0:
            return
        if (
            self.norm_starts
            and self.norm_lens[-1] == self.raw_lens[-1]
            and self.raw_starts[-1] + self.raw_lens[-1] == raw_start
        ):
            self.norm_lens[-1] += length
            self.raw_lens[-1] += length
        else:
            self._append(raw_start, length, length)
        self.norm_pos += length

    def cluster(self, raw_start: int, raw_len: int, norm_len: int) -> None:
        if norm_len == raw_len:
            self.linear(raw_start, norm_len)
            return
        if norm_len > 0:
            self._append(raw_start, norm_len, raw_len)
            self.norm_pos += norm_len

    def _append(self, raw_start: int, norm_len: int, raw_len: int) -> None:
        self.norm_starts.append(self.norm_pos)
        self.raw_starts.append(raw_start)
        self.norm_lens.append(norm_len)
        self.raw_lens.append(raw_len)

    def build(self) -> OffsetMap:
        return OffsetMap(tuple(self.norm_starts), tuple(self.raw_starts),
                         tuple(self.norm_lens), tuple(self.raw_lens))


_IRREGULAR = regex.compile(_ENTITY + "|" + _MARKUP + "|" + _DROPPED.pattern + "|" + _CLUSTER.pattern + "|" + _SPACE_RUN.pattern)
# In NFC text no cluster needs composing, so the scan looks only for dropped
# characters and space runs: a character-class scan with `re`, where the
# cluster alternative above (`\P{M}` matches anywhere) costs a try at every char.
_IRREGULAR_IN_NFC = re.compile(_ENTITY + "|" + _MARKUP + "|" + _DROPPED.pattern + "|" + _SPACE_RUN.pattern)


def normalise(raw: str) -> NormText:
    """Normalise `raw` for matching and keep the way back to it."""
    irregular = _IRREGULAR_IN_NFC if unicodedata.is_normalized("NFC", raw) else _IRREGULAR
    first = irregular.search(raw)
    if first is None:
        text = raw
        offset_map = None
    else:
        pieces: list[str] = []
        builder = _MapBuilder()
        pos = 0
        for m in irregular.finditer(raw, first.start()):
            if m.start() > pos:
                pieces.append(raw[pos:m.start()])
                builder.linear(pos, m.start() - pos)
            chunk = m.group()
            if chunk == "\r" or chunk in _DROPPED_CHARS or chunk[0] in "*#" and not chunk.strip("*# \t"):  # (Markdown's markers)
                out = ""
            elif len(chunk) > 1 and chunk.isspace():
                out = " "
            elif chunk[0] == "&":
                out = html.unescape(chunk)
            else:
                out = unicodedata.normalize("NFC", chunk)
            pieces.append(out)
            builder.cluster(m.start(), len(chunk), len(out))
            pos = m.end()
        if pos < len(raw):
            pieces.append(raw[pos:])
            builder.linear(pos, len(raw) - pos)
        text = "".join(pieces)
        offset_map = builder.build()
    text = _unwrapped(_plain(text))
    pairs = old_tone_pairs(text)
    if pairs:
        offset_map = _with_atomic_pairs(offset_map, len(text), pairs)
        text = _with_tones_moved(text, pairs)
    return NormText(raw=raw, text=text, map=offset_map)


UNWRAP_MIN_LINE = 30  # characters: a shorter line ending mid-sentence may be a heading, a list item
UNWRAP_WIDE_LINE = 60  # … and a line this long, as long as the next, is one of a wrapped paragraph
_SAME_WIDTH = 0.85
UNWRAP_PAST = 400  # … in the body: the headline, stamps and tickers above are lines of their own


# A relative stamp on the line under a headline (`hôm qua lúc 14:30`, `2 giờ trước`): a line of its own.
_RELATIVE_STAMP = regex.compile(r"(?:hôm\s+(?:qua|nay|kia)|[0-9]{1,2}\s+(?:giờ|phút|ngày|tuần)\s+trước)(?![\w])[^\n]{0,20}$",
                                regex.MULTILINE)


def _unwrapped(text: str) -> str:
    """Hard line breaks inside a sentence read as spaces (length-preserving): a
    line of some length that ends in a word or a comma, followed by a line that
    opens in lower case, is one paragraph wrapped by the page (`… do Thứ trưởng
    Lương Văn Cường làm` / `trưởng đoàn …`). No line that opens in lower case is
    a heading, a stamp or a byline, so nothing the metadata reads is joined."""
    pos = text.find("\n")
    if pos < 0:
        return text
    joins = []
    line_start = 0
    while pos >= 0:
        nxt = pos + 1
        ends_open = text[pos - 1].isalnum() or text[pos - 1] == "," if pos > 0 else False
        if nxt < len(text) and ends_open and pos - line_start >= UNWRAP_MIN_LINE:
            if text[nxt].islower() and not _RELATIVE_STAMP.match(text, nxt):
                joins.append(pos)
            elif text[nxt].isupper() and line_start >= UNWRAP_PAST and pos - line_start >= UNWRAP_WIDE_LINE \
                    and "|" not in text[line_start:pos]:
                # `… chất vấn Giám đốc Sở` / `Xây dựng Huỳnh Minh Trí …`: a capital after a break
                # inside a paragraph wrapped at a fixed width (the two lines are about as long)
                end = text.find("\n", nxt)
                following = (len(text) if end < 0 else end) - nxt
                if _SAME_WIDTH * (pos - line_start) <= following and _SAME_WIDTH * following <= pos - line_start \
                        and "|" not in text[nxt:nxt + following]:
                    joins.append(pos)
        line_start = nxt
        pos = text.find("\n", nxt)
    if not joins:
        return text
    pieces, pos = [], 0  # slices, not a list of characters: a 50 MB text stays one copy
    for i in joins:
        pieces += (text[pos:i], " ")
        pos = i + 1
    pieces.append(text[pos:])
    return "".join(pieces)


def _with_atomic_pairs(
    offset_map: OffsetMap | None, norm_len: int, pairs: list[tuple[int, int]]
) -> OffsetMap:
    """The map with each normalised span in `pairs` (sorted, disjoint) made one
    atomic segment, so a span touching either char of a tone-moved pair maps
    to both raw chars."""
    if offset_map is None:
        offset_map = OffsetMap((0,), (0,), (norm_len,), (norm_len,))
    # Segments as (norm start, raw start, norm len, raw len, linear).
    pending = deque(
        (ns, rs, nl, rl, offset_map._linear(k))
        for k, (ns, rs, nl, rl) in enumerate(zip(offset_map.norm_starts, offset_map.raw_starts,
                                                 offset_map.norm_lens, offset_map.raw_lens))
    )
    out: list[tuple[int, int, int, int, bool]] = []
    for a, b in pairs:
        while pending and pending[0][0] + pending[0][2] <= a:
            out.append(pending.popleft())
        if not pending or pending[0][0] > a:
            continue
        ns, rs, nl, rl, linear = pending[0]
        if linear:
            if a > ns:
                out.append((ns, rs, a - ns, a - ns, True))
            raw_a = rs + (a - ns)
        else:
            a, raw_a = ns, rs
        while pending[0][0] + pending[0][2] < b:
            pending.popleft()
        ns, rs, nl, rl, linear = pending.popleft()
        if linear:
            raw_b = rs + (b - ns)
            if b < ns + nl:
                pending.appendleft((b, raw_b, ns + nl - b, ns + nl - b, True))
        else:
            b, raw_b = ns + nl, rs + rl
        out.append((a, raw_a, b - a, raw_b - raw_a, False))
    out.extend(pending)
    return OffsetMap(
        tuple(s[0] for s in out), tuple(s[1] for s in out),
        tuple(s[2] for s in out), tuple(s[3] for s in out),
        frozenset(k for k, s in enumerate(out) if not s[4] and s[2] == s[3]),
    )


_MULTISPACE = regex.compile(r"\s+")


@lru_cache(maxsize=1 << 12)  # names and titles repeat across articles (a small cache: memory stays flat)
def canonical(value: str) -> str:
    """The canonical form of a value written in a record: NFC, modern tone
    placement, plain dashes and quotes, single spaces, trimmed."""
    value = _plain(unicodedata.normalize("NFC", value))
    return _MULTISPACE.sub(" ", modern_tone(value)).strip()


@lru_cache(maxsize=1 << 12)  # names and titles repeat across articles (a small cache: memory stays flat)
def fold(value: str) -> str:
    """A comparison key: canonical and case-folded (`Thuý` and `thúy` agree)."""
    return canonical(value).casefold()


def sentence_case(capitals: str, keep=()) -> str:
    """A name written in capitals (a letterhead's `ỦY BAN NHÂN DÂN HUYỆN X`, a signature
    block's `TM. UBND XÃ`) as a sentence writes it: lower case but its first letter, the
    words in `keep` (abbreviations) as they are."""
    cased = " ".join(w if w in keep else w.lower() for w in capitals.split())
    return cased[:1].upper() + cased[1:]
