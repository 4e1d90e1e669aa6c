"""Tables for the legacy 8-bit Vietnamese encodings TCVN3 (ABC) and VNI-Windows.

Before Unicode, Vietnamese text was typed in ordinary 8-bit files and drawn by
special fonts (`.VnTime` for TCVN3, `VNI-Times` for VNI). Python has no codec
for either, and their bytes read under Windows-1252 as characteristic mojibake
(`Hµ Néi`, `Haø Noäi` for "Hà Nội"), so the tables live here.

The converters work on a *byte view*: a str in which each character
U+0000–U+00FF stands for one byte (`data.decode("latin-1")`). The same
converter then serves raw bytes and UTF-8 text that a careless converter
already read as Windows-1252 and re-saved (`to_byte_view` maps that text back).
Bytes a table does not use come out as their Windows-1252 character: both
encodings lived on Windows, whose fonts kept the punctuation there (“ ” – …).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

GRAVE, ACUTE, HOOK, TILDE, DOT_BELOW = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
CIRCUMFLEX, BREVE = "\u0302", "\u0306"

# --- Windows-1252 glue -------------------------------------------------------

# Byte 0x80–0x9F → its Windows-1252 character (undefined ones stay C1 controls).
_C1_TO_CP1252 = {b: bytes([b]).decode("cp1252", errors="replace").replace("\ufffd", chr(b))
                 for b in range(0x80, 0xA0)}
_CP1252_TO_BYTE = {ord(ch): b for b, ch in _C1_TO_CP1252.items() if ord(ch) != b}


def to_byte_view(text: str) -> str:
    """Undo a Windows-1252 reading of bytes: each cp1252 punctuation character
    (“ € …) becomes the byte it came from; everything else already is one
    (U+0000–U+00FF) or is not legacy text and is left alone."""
    return text.translate(_CP1252_TO_BYTE)


# --- TCVN3 (ABC) -------------------------------------------------------------

# One byte per letter. Only the seven shaped capitals (Ă Â Ê Ô Ơ Ư Đ) have
# upper-case codes: capitals with a tone were drawn by an upper-case font
# (`.VnTimeH`) from the lower-case code, so they read back as lower case.
TCVN3 = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}
# Byte → character, as a charmap codec table: bytes outside the table read as Windows-1252.
_TCVN3_DECODING = "".join(TCVN3.get(b) or _C1_TO_CP1252.get(b) or chr(b) for b in range(256))
_TCVN3_TRANSLATE = str.maketrans(dict(enumerate(_TCVN3_DECODING)))
_TCVN3_UPPER = str.maketrans({ch: ch.upper() for ch in TCVN3.values() if ch.islower()})
# A heading: a line with two plain capitals and no plain lower-case letter.
_CAPITALS_LINE = re.compile(r"(?<![^\r\n])[^a-z\r\n]*[A-Z][^a-z\r\n]*[A-Z][^a-z\r\n]*(?![^\r\n])")
# A whole word with a plain capital after its first letter and no plain lower-case letter.
_CAPITALS_WORD = re.compile(r"([^\W\d_a-z](?<![^\W\d_].)[^\W\d_a-z]*[A-Z][^\W\d_a-z]*)(?![^\W\d_])")


def tcvn3_to_unicode(view: str) -> str:
    """TCVN3 byte view → Unicode (NFC: every table entry is precomposed)."""
    try:
        text = codecs.charmap_decode(view.encode("latin-1"), "strict", _TCVN3_DECODING)[0]
    except UnicodeEncodeError:  # UTF-8 text holding more than the byte view: slower, same result
        text = view.translate(_TCVN3_TRANSLATE)
    return _restore_capitals(text)


def _restore_capitals(text: str) -> str:
    """Upper-case the toned letters of text set in capitals.

    The byte cannot say whether `.VnTimeH` drew a capital, but the plain
    letters around it can: a heading line (`QUậN ủY NAM Từ` → `QUẬN ỦY NAM
    TỪ`), or a word whose plain letters are capitals after the first one
    (`NộI`). A capitalised word (`Hà`) stays as it is. Regex passes rather
    than a loop over words, as this runs over whole files.
    """
    text = _CAPITALS_LINE.sub(lambda line: line.group().translate(_TCVN3_UPPER), text)
    parts = _CAPITALS_WORD.split(text)
    parts[1::2] = [word.translate(_TCVN3_UPPER) for word in parts[1::2]]
    return "".join(parts)


# --- VNI (VNI-Windows) -------------------------------------------------------

# A base letter followed by a mark byte. Keys are the lower-case mark bytes; a
# capital letter takes the mark 0x20 lower (ø F8 → Ø D8).
_VNI_TONE_MARKS = {0xF8: GRAVE, 0xF9: ACUTE, 0xFB: HOOK, 0xF5: TILDE, 0xEF: DOT_BELOW}
_VNI_CIRCUMFLEX_MARKS = {0xE2: "", 0xE0: GRAVE, 0xE1: ACUTE, 0xE5: HOOK, 0xE3: TILDE, 0xE4: DOT_BELOW}
_VNI_BREVE_MARKS = {0xEA: "", 0xE8: GRAVE, 0xE9: ACUTE, 0xFA: HOOK, 0xFC: TILDE, 0xEB: DOT_BELOW}
# Letters that take one byte: ơ ư đ (ơ and ư also take tone marks) and the
# i's and ỵ, which VNI draws whole.
VNI_LETTERS = {
    0xF4: "ơ", 0xD4: "Ơ", 0xF6: "ư", 0xD6: "Ư", 0xF1: "đ", 0xD1: "Đ",
    0xEC: "ì", 0xCC: "Ì", 0xED: "í", 0xCD: "Í", 0xE6: "ỉ", 0xC6: "Ỉ",
    0xF3: "ĩ", 0xD3: "Ĩ", 0xF2: "ị", 0xD2: "Ị", 0xEE: "ỵ", 0xCE: "Ỵ",
}
_VNI_BASES = (  # (base bytes, marks, the shape the marks add)
    (b"aAeEoOuUyY\xf4\xd4\xf6\xd6", _VNI_TONE_MARKS, ""),
    (b"aAeEoO", _VNI_CIRCUMFLEX_MARKS, CIRCUMFLEX),
    (b"aA", _VNI_BREVE_MARKS, BREVE),
)


def _vni_table() -> dict[str, str]:
    """Every VNI byte sequence (as a byte view) → its letter. A mark of either
    case is accepted after a base of either case; the base sets the case."""
    table = {chr(b): ch for b, ch in VNI_LETTERS.items()}
    for bases, marks, shape in _VNI_BASES:
        for base in bases:
            letter = VNI_LETTERS.get(base, chr(base))
            for mark, tone in marks.items():
                composed = unicodedata.normalize("NFC", letter + shape + tone)
                table[chr(base) + chr(mark)] = composed
                table[chr(base) + chr(mark - 0x20)] = composed
    return table


VNI = _vni_table()


def _vni_pattern() -> re.Pattern:
    """One regex for every table entry, pairs before single bytes so `ôù` (ớ)
    wins over the lone `ô` (ơ); one pass, since a second would re-read the
    letters the first one made."""
    def char_class(codes) -> str:
        return "[" + "".join(re.escape(chr(c)) for c in codes) + "]"

    pairs = [char_class(bases) + char_class([*marks, *(m - 0x20 for m in marks)])
             for bases, marks, _ in _VNI_BASES]
    return re.compile("(" + "|".join([*pairs, char_class(VNI_LETTERS)]) + ")")  # a group: split keeps it


_VNI_SEQUENCE = _vni_pattern()
_CP1252_DECODING = "".join(_C1_TO_CP1252.get(b) or chr(b) for b in range(256))
_C1_TRANSLATE = str.maketrans(_C1_TO_CP1252)


def vni_to_unicode(view: str) -> str:
    """VNI byte view → Unicode (NFC: every table entry is precomposed).

    Punctuation first (VNI uses no byte below 0xC0 but ASCII letters), then
    the letters by `split` and a C-level `map`: over a whole file this is
    several times faster than `sub` with a callback, or `translate` last.
    """
    try:
        text = codecs.charmap_decode(view.encode("latin-1"), "strict", _CP1252_DECODING)[0]
    except UnicodeEncodeError:  # UTF-8 text holding more than the byte view: slower, same result
        text = view.translate(_C1_TRANSLATE)
    parts = _VNI_SEQUENCE.split(text)
    parts[1::2] = map(VNI.__getitem__, parts[1::2])
    return "".join(parts)
