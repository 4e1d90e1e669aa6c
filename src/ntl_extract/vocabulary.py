"""Vietnamese words of two syllables, from the dictionary underthesea ships (Viet74K).

A counted noun is cut at a word limit (`max_unit_words`); a cut that falls
inside a word of two syllables (`200 học sinh tiểu học khó khăn` cut after
`tiểu`) should fall before it instead. The dictionary says which pairs of
syllables make a word. It is read from underthesea's data file without
importing underthesea (two seconds of start-up); without the file the set is
empty and only the rules' own `split_words` apply.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from .normalise import fold


@lru_cache(maxsize=1)
def two_syllable_words() -> frozenset[str]:
    """Every two-syllable entry of Viet74K, lowercase NFC with modern tone placement
    (`thuỷ lợi` → `thủy lợi`), as `numbers._key` compares words of the normalised text."""
    spec = importlib.util.find_spec("underthesea")
    if not spec or not spec.submodule_search_locations:
        return frozenset()
    data = Path(next(iter(spec.submodule_search_locations))) / "corpus" / "data" / "Viet74K.txt"
    try:
        text = unicodedata.normalize("NFC", data.read_text("utf-8").lower())  # once, not per word
    except OSError:
        return frozenset()
    words = [w for w in map(str.strip, text.splitlines()) if w.count(" ") == 1]
    return frozenset(fold(w) if _OLD_TONES.search(w) else w for w in words)


# Tones written on the first vowel of `oa`, `oe`, `uy` (`hoà`, `thuỷ`): the dictionary's
# older spelling, moved as `normalise` moves them (`fold`) — only where present, as
# folding all 48,000 words would double the start-up.
_OLD_TONES = re.compile("o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ]")
