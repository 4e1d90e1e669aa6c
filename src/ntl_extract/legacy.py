"""The 8-bit Vietnamese encodings older portals and documents still carry.

TCVN3 (ABC, the `.VnTime` fonts) gives each precomposed lower-case letter one
byte (upper case was drawn by a separate font from the same codes, so it reads
back as lower case). VNI (the `VNI-Times` fonts) writes a base letter followed
by a mark byte (`Haø Noäi` = `Hà Nội`). Windows-1258 keeps the shaped vowels
(â, ă, ơ…) precomposed and writes tones as combining marks. No maintained
library converts the first two, so the tables are here; which decoding wins is
decided by how much of the result is Vietnamese.
"""

from __future__ import annotations

import unicodedata

import regex

GRAVE, ACUTE, HOOK, TILDE, DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
CIRCUMFLEX, BREVE, HORN = "\u0302", "\u0306", "\u031b"

# TCVN3: byte → letter (lower case; the upper-case shaped letters have their own bytes).
_TCVN3_ROWS = {
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
TCVN3_DECODE = {chr(b): ch for b, ch in _TCVN3_ROWS.items()}  # over a latin-1 reading of the bytes
TCVN3_ENCODE = {ch: bytes([b]) for b, ch in _TCVN3_ROWS.items()}

# VNI: mark characters (as the latin-1 reading of the byte) → (shape, tone).
_VNI_MARKS = {
    "ø": ("", GRAVE), "ù": ("", ACUTE), "û": ("", HOOK), "õ": ("", TILDE), "ï": ("", DOT),
    "â": (CIRCUMFLEX, ""), "à": (CIRCUMFLEX, GRAVE), "á": (CIRCUMFLEX, ACUTE),
    "å": (CIRCUMFLEX, HOOK), "ã": (CIRCUMFLEX, TILDE), "ä": (CIRCUMFLEX, DOT),
    "ê": (BREVE, ""), "è": (BREVE, GRAVE), "é": (BREVE, ACUTE),
    "ú": (BREVE, HOOK), "ü": (BREVE, TILDE), "ë": (BREVE, DOT),
}
_VNI_MARKS.update({k.upper(): v for k, v in list(_VNI_MARKS.items())})
# Whole letters written with one byte.
_VNI_SINGLE = {"ñ": "đ", "Ñ": "Đ", "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư",
               "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị",
               "Ì": "Ì", "Í": "Í", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị"}
# One pass: a base letter with its mark byte, or a one-byte letter (a second
# pass would turn the ô made from `oâ` into ơ).
_VNI_RX = regex.compile("([aAeEoOuUyYiIôÔöÖ])([" + "".join(_VNI_MARKS) + "])|[" + "".join(_VNI_SINGLE) + "]")


def _vni_letter(m: regex.Match) -> str:
    if m[1] is None:
        return _VNI_SINGLE[m[0]]
    base = _VNI_SINGLE.get(m[1], m[1])
    shape, tone = _VNI_MARKS[m[2]]
    if shape == BREVE and base.lower() != "a" or shape == CIRCUMFLEX and base.lower() not in "aeo":
        return m[0]  # not a VNI letter: leave both characters as they are
    return unicodedata.normalize("NFC", base + shape + tone)


def decode_tcvn3(data: bytes) -> str:
    text = data.decode("latin-1")
    return "".join(TCVN3_DECODE.get(c, c) for c in text)


def decode_vni(data: bytes) -> str:
    text = data.decode("latin-1")
    return _VNI_RX.sub(_vni_letter, text)


def encode_tcvn3(text: str) -> bytes:
    """Unicode → TCVN3 bytes (lower-case letters only for the toned vowels): for tests and tools."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char in TCVN3_ENCODE:
            out += TCVN3_ENCODE[char]
        elif char.lower() in TCVN3_ENCODE and char.lower() not in "ăâêôơưđ":
            out += TCVN3_ENCODE[char.lower()]
        else:
            out += char.encode("latin-1")
    return bytes(out)


_VNI_ENCODE_MARK = {v: k for k, v in _VNI_MARKS.items() if k.islower()}
_VNI_ENCODE_SINGLE = {"đ": "ñ", "Đ": "Ñ", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "Ỉ": "Æ", "Ĩ": "Ó", "Ị": "Ò"}


def encode_vni(text: str) -> bytes:
    """Unicode → VNI-Windows bytes: for tests and tools."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        if char in _VNI_ENCODE_SINGLE:
            out.append(_VNI_ENCODE_SINGLE[char])
            continue
        parts = unicodedata.normalize("NFD", char)
        base, marks = parts[0], parts[1:]
        shape = next((m for m in marks if m in (CIRCUMFLEX, BREVE)), "")
        horn = HORN in marks
        tone = next((m for m in marks if m in (GRAVE, ACUTE, HOOK, TILDE, DOT)), "")
        if not marks or base.lower() == "i" and not shape:
            out.append(char if not marks else unicodedata.normalize("NFC", base + tone))
            continue
        if horn:
            base = {"o": "ô", "O": "Ô", "u": "ö", "U": "Ö"}[base]
        mark = _VNI_ENCODE_MARK.get((shape, tone), "") if (shape or tone) else ""
        if mark and base.isupper() and base not in "ôö":
            mark = mark.upper()
        out.append(base + mark)
    return "".join(out).encode("latin-1")


def decode_cp1258(data: bytes) -> str:
    """Windows-1258, composed to NFC (the codec leaves tones as combining marks)."""
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


_VIET_LETTERS = set(
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
    "fjwz"
)
_VIET_LETTERS |= {c.upper() for c in _VIET_LETTERS}
_VIET_TONED = _VIET_LETTERS - set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


_WORD = regex.compile(r"[^\s\d.,;:!?()\[\]\"'/%-]+")


def _syllables() -> frozenset[str]:
    """Known Vietnamese syllables, from the word list underthesea ships."""
    global _SYLLABLES
    if _SYLLABLES is None:
        try:
            from importlib import resources

            words = resources.files("underthesea").joinpath("corpus/data/Viet74K.txt").read_text("utf-8")
            _SYLLABLES = frozenset(s for s in unicodedata.normalize("NFC", words).lower().split())
        except (ModuleNotFoundError, OSError):
            _SYLLABLES = frozenset()
    return _SYLLABLES


_SYLLABLES: frozenset[str] | None = None


def vietnamese_score(text: str) -> tuple[float, int]:
    """(share of words that are known Vietnamese syllables — or, without the
    word list, share of letters that are Vietnamese letters; count of
    non-ASCII Vietnamese letters)."""
    toned = sum(1 for c in text if c in _VIET_TONED)
    known = _syllables()
    if known:
        words = [w.lower() for w in _WORD.findall(text) if not w.isascii()]
        if not words:
            return 0.0, toned
        return sum(1 for w in words if w in known) / len(words), toned
    letters = [c for c in text if c.isalpha() or ("\x80" <= c <= "\xff" and not c.isspace())]
    if not letters:
        return 0.0, toned
    return sum(1 for c in letters if c in _VIET_LETTERS) / len(letters), toned


_DECODERS = (("tcvn3", "TCVN3 (ABC)", decode_tcvn3), ("vni", "VNI", decode_vni),
             ("windows-1258", None, decode_cp1258))
SAMPLE = 65536
MIN_SHARE = 0.6  # of the words with non-ASCII letters, known syllables


def best_decoding(data: bytes) -> tuple[str, str, str | None] | None:
    """(text, encoding name, warning) of the decoding that reads most like
    Vietnamese, or None when none reads like Vietnamese."""
    sample = data[:SAMPLE]
    scored = []
    for name, label, decoder in _DECODERS:
        share, toned = vietnamese_score(decoder(sample))
        scored.append((share, toned, name, label, decoder))
    share, toned, name, label, decoder = max(scored, key=lambda s: (round(s[0], 2), s[1]))
    if share < MIN_SHARE or toned == 0:
        return None
    warning = f"legacy {label} encoding detected and converted to Unicode" if label else None
    return decoder(data), name, warning
