"""Sentences and word tokens, with offsets into the text they came from.

Lines are split first (scraped articles put headings, stamps and bylines on
lines of their own), then underthesea's sentence splitter runs on each line and
its sentences are found again in the line to recover offsets. Word tokens
(underthesea's segmentation) are aligned the same way, on demand.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_LINE = regex.compile(r"[^\n]+")
_SPACE = regex.compile(r"\s+")
# Long lines are cut at sentence-final punctuation before underthesea sees them,
# so one pathological line (1 MB, no spaces) cannot stall the splitter.
MAX_CHUNK = 20_000


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # offsets in the normalised text
    end: int
    tag: str | None = None  # POS tag when asked for


def _sent_tokenize(text: str) -> list[str]:
    from underthesea import sent_tokenize

    return sent_tokenize(text)


def _chunks(line: str, base: int):
    """Pieces of at most MAX_CHUNK chars, cut after `. ` where possible."""
    start = 0
    while len(line) - start > MAX_CHUNK:
        cut = max(line.rfind(". ", start, start + MAX_CHUNK), line.rfind(" ", start, start + MAX_CHUNK))
        cut = cut + 1 if cut > start else start + MAX_CHUNK
        yield line[start:cut], base + start
        start = cut
    yield line[start:], base + start


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of `text`, trimmed of surrounding whitespace, in order."""
    spans: list[tuple[int, int]] = []
    for line_match in _LINE.finditer(text):
        for chunk, base in _chunks(line_match.group(), line_match.start()):
            if not chunk.strip():
                continue
            cursor = 0
            for sent in _sent_tokenize(chunk):
                sent = sent.strip()
                if not sent:
                    continue
                found = chunk.find(sent, cursor)
                if found < 0:  # the splitter changed the text: fall back to the whole rest
                    break
                spans.append((base + found, base + found + len(sent)))
                cursor = found + len(sent)
            rest = chunk[cursor:]
            if rest.strip():
                lead = len(rest) - len(rest.lstrip())
                spans.append((base + cursor + lead, base + cursor + len(rest.rstrip())))
    return spans


def tokens(text: str, base: int = 0, pos: bool = False) -> list[Token]:
    """underthesea word segmentation of `text`, aligned back to offsets (+ `base`)."""
    from underthesea import pos_tag, word_tokenize

    pairs = pos_tag(text) if pos else [(w, None) for w in word_tokenize(text)]
    out: list[Token] = []
    cursor = 0
    for word, tag in pairs:
        found = _find_word(text, word, cursor)
        if found is None:
            continue
        start, end = found
        out.append(Token(text[start:end], base + start, base + end, tag))
        cursor = end
    return out


def _find_word(text: str, word: str, cursor: int) -> tuple[int, int] | None:
    """Locate `word` from `cursor`, allowing its inner spaces to differ."""
    found = text.find(word, cursor)
    if found >= 0:
        return found, found + len(word)
    parts = [regex.escape(p) for p in _SPACE.split(word.strip()) if p]
    if not parts:
        return None
    m = regex.compile(r"\s*".join(parts)).search(text, cursor)
    return (m.start(), m.end()) if m else None
