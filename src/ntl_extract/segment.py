"""Sentences and word tokens, with offsets into the text they came from.

Sentences follow the rules of underthesea's splitter, with its own list of
abbreviations (`TP.`, `ThS.`, initials), but run as one regex pass over the
text: underthesea's splitter walks every character in Python and looks back
over the whole run of letters and dots before each dot, so a line such as
`A.A.A.…` of 1 MB takes it a quarter of an hour. Here every look-back is
bounded, a dot must be followed by a space, a closing quote or the end to end
a sentence (`baohanoi.vn`, `1.500` and `19.5` never split), closing quotes and
brackets stay with their sentence, and a line break always ends one (scraped
articles put headings, stamps and bylines on lines of their own). Word tokens
(underthesea's segmentation) are aligned back to offsets, on demand.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

_SPACE = regex.compile(r"\s+")

# A sentence-end candidate: final punctuation (with any closing quotes or
# brackets) before whitespace or the end of the text; or a line break.
_END = regex.compile(r"""(?P<punct>[.?!…]+)(?P<close>["')\]]*)(?=\s|\Z)|\n""")
# The run of letters, digits and dots before a dot (underthesea's "word").
_WORD_BEFORE = regex.compile(r"[\p{L}\p{N}.]+\Z")
# Abbreviations longer than this are junk in the shipped list; a longer run
# before a dot is never an abbreviation.
_MAX_ABBREVIATION = 16
_ELLIPSIS_NEXT = regex.compile(r"(?s)[ \t]*(.|\Z)")


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # offsets in the normalised text
    end: int
    tag: str | None = None  # POS tag when asked for


# Vietnamese abbreviations written with a dot, besides those in underthesea's
# learned list (its own splitter adds the same kind by hand).
_OWN_ABBREVIATIONS = ("tp", "tx", "ts", "ths", "th", "bs", "bsck", "pgs", "gs", "ks", "ls", "nxb", "p", "q", "ct")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """underthesea's abbreviation list (the Punkt types it ships), read from
    its data file without importing underthesea (two seconds of start-up)."""
    import importlib.util
    import json
    from pathlib import Path

    words: set[str] = set(_OWN_ABBREVIATIONS)
    spec = importlib.util.find_spec("underthesea")
    if spec and spec.submodule_search_locations:
        data = Path(next(iter(spec.submodule_search_locations))) / "pipeline" / "sent_tokenize" / "punkt_params.json"
        try:
            words.update(json.loads(data.read_text("utf-8")).get("abbrev_types", []))
        except (OSError, ValueError):
            pass  # an underthesea without the file: our own list still applies
    return frozenset(
        a for a in words
        if len(a) <= _MAX_ABBREVIATION and regex.fullmatch(r"[\p{L}\p{N}.]+", a)
    )


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the dot at `dot` closes an abbreviation or an initial (`TP.`, `A.`)."""
    window = text[max(0, dot - _MAX_ABBREVIATION - 1):dot]
    m = _WORD_BEFORE.search(window)
    if m is None or len(m.group()) > _MAX_ABBREVIATION:
        return False
    word = m.group()
    if len(word) == 1 and word.isalpha():
        return True  # an initial, in any alphabet (`Đ.`)
    return word.lower() in abbreviations()


def _ends_sentence(text: str, m: regex.Match) -> bool:
    punct = m.group("punct")
    if punct.startswith("...") or punct == "…":
        # An ellipsis ends a sentence before a capital or at the end of the line.
        nxt = _ELLIPSIS_NEXT.match(text, m.end()).group(1)
        return not nxt or nxt.isupper() or nxt == "\n"
    if punct == ".":
        return not _is_abbreviation(text, m.start())
    return True


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of `text`, trimmed of surrounding whitespace, in order."""
    spans: list[tuple[int, int]] = []
    start = 0

    def close(end: int) -> None:
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + lead + len(stripped)))

    for m in _END.finditer(text):
        if m.group() == "\n":
            close(m.start())
            start = m.end()
        elif _ends_sentence(text, m):
            close(m.end())
            start = m.end()
    close(len(text))
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
