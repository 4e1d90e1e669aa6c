"""The same article written the ways real files differ gives the same findings.

Scraped text arrives decomposed (NFD), with old tone placement (`hoà`, `uỷ`),
non-breaking and doubled spaces, typographic dashes and quotes, Windows line
ends and zero-width marks. None of that changes what an article says, so none
of it may change a value the extractors report; offsets must still slice the
variant's own text exactly.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import regex

from conftest import ROOT, check_record
from ntl_extract.pipeline import extract

CORPUS = sorted((ROOT / "corpus").glob("*.txt"))

_NEW_TONE = regex.compile(r"(?<![qQ])([òóỏõọ])([ae])(?!\w)|(?<![qQ])([ùúủũụ])(y)(?!\w)", regex.I)


def old_tones(text: str) -> str:
    """`hòa` → `hoà`, `thủy` → `thuỷ`: the tone mark on the second vowel."""
    def move(m: regex.Match) -> str:
        first, second = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        base, *marks = unicodedata.normalize("NFD", first)
        return base + unicodedata.normalize("NFC", second + "".join(marks))
    return _NEW_TONE.sub(move, text)


VARIANTS = {
    "nfd": lambda t: unicodedata.normalize("NFD", t),
    "old_tones": old_tones,
    "nbsp": lambda t: t.replace(" ", "\u00a0"),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "zero_width": lambda t: t.replace(". ", ".\u200b "),
    "typographic": lambda t: _curly_quotes(t.replace(" - ", " \u2013 ")),
    "double_spaces": lambda t: t.replace(" ", "  "),
}


def _curly_quotes(text: str) -> str:
    return regex.sub(r'"([^"\n]*)"', "\u201c\\1\u201d", text)


def findings(record: dict) -> dict:
    """What a record says, without where it says it."""
    where = {"start", "end", "text", "mentions", "sentence", "organization_text"}

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in where}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return {key: strip(record[key]) for key in ("dates", "numbers", "documents", "officials")}


@pytest.fixture(scope="module")
def originals(rules):
    return {path.name: extract(path.read_text("utf-8"), rules=rules).to_dict() for path in CORPUS}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_variant_gives_the_same_findings(path: Path, variant: str, rules, originals):
    text = VARIANTS[variant](path.read_text("utf-8"))
    assert text != path.read_text("utf-8")
    record = check_record(extract(text, rules=rules).to_dict(), text)
    assert findings(record) == findings(originals[path.name])


def test_old_tones_helper_moves_marks():
    assert old_tones("hòa bình, thủy lợi, quý, khỏe") == "hoà bình, thuỷ lợi, quý, khoẻ"
