"""Bytes of an input file → the decoded article text, and how it was decoded.

Every character offset a user sees indexes the string returned here, so this
module never edits the text beyond decoding: no normalisation, no newline
translation; only a leading byte-order mark is dropped.

Order of trust:
1. a BOM (UTF-8, UTF-16, UTF-32);
2. valid UTF-8 — cheap C-speed checks only, since that is nearly every input
   (a truncated last character, or a few bad bytes, are replaced with a warning;
   TCVN3/VNI mojibake re-saved as UTF-8 is recognised and converted);
3. otherwise the 8-bit Vietnamese candidates — Windows-1258, TCVN3 (ABC),
   VNI — scored on a sample by the share of words that are Vietnamese syllables;
4. charset-normalizer's guess, only when no candidate reads as Vietnamese.
"""

from __future__ import annotations

import codecs
import os
import re
import string
import unicodedata
from dataclasses import dataclass
from typing import Callable

from .legacy_encodings import tcvn3_to_unicode, to_byte_view, vni_to_unicode

MAX_BYTES = 200 * 1024 * 1024
ERROR_KINDS = frozenset({"empty", "binary", "undecodable", "unreadable", "too_large"})

_SAMPLE = 64 * 1024           # bytes (or chars) inspected by the heuristics
_MAX_SCORED_WORDS = 2000      # enough evidence; keeps scoring cheap
_BINARY_SHARE = 0.05          # share of control characters that makes a file binary
_UTF8_BAD_SHARE = 0.10        # bad bytes / non-ASCII units still read as "UTF-8 with a few bad bytes"
_CONFIDENT = 0.5              # share of Vietnamese words for a confident 8-bit decision
_MOJIBAKE_CONFIDENT = 0.8     # ... for converting mojibake inside valid UTF-8
_MOJIBAKE_MIN_WORDS = 3
_GUESS_MIN_WORDS = 5          # fewer words: charset-normalizer guesses no better than we do

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
# C0 controls other than tab, LF, VT, FF, CR; and DEL.
_CONTROL_CHARS = "".join(chr(c) for c in (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F))
_CONTROL_BYTES = _CONTROL_CHARS.encode("ascii")
_CONTROL_RE = re.compile("[" + re.escape(_CONTROL_CHARS) + "]")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_HIGH_BYTES = bytes(range(0x80, 0x100))


@dataclass(frozen=True)
class Decoded:
    """The decoded article text, the encoding it was read as, and notes for the user."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


class ReadError(Exception):
    """An input that gives no text. `kind` says why, for batch error reports:
    empty, binary, undecodable, unreadable or too_large."""

    def __init__(self, kind: str, message: str) -> None:
        if kind not in ERROR_KINDS:
            raise ValueError(f"unknown ReadError kind {kind!r}")
        super().__init__(f"{kind}: {message}")
        self.kind = kind
        self.message = message


def read_file(path: str | os.PathLike, max_bytes: int = MAX_BYTES) -> tuple[bytes, Decoded]:
    """The raw bytes of `path` and their decoding.

    Reads at most `max_bytes + 1` bytes, so an oversized file (or an endless
    device) is refused without being loaded whole.
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except (OSError, ValueError) as err:  # ValueError: a NUL in the path
        reason = getattr(err, "strerror", None) or str(err)
        raise ReadError("unreadable", f"cannot read {os.fsdecode(path)!r}: {reason}") from None
    if len(data) > max_bytes:
        raise ReadError("too_large", f"{os.fsdecode(path)!r} is larger than the limit of {max_bytes:,} bytes")
    return data, decode(data)


def decode(data: bytes) -> Decoded:
    """Decode the bytes of an article file; raises only ReadError."""
    data = bytes(data)
    if not data:
        raise ReadError("empty", "the file is empty (0 bytes)")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            payload = data[len(bom):]
            if not payload:
                raise ReadError("empty", "the file holds only a byte-order mark")
            if codec == "utf-8":
                return _decode_utf8(payload, name, trusted=True)
            return _decode_wide(payload, codec, name)
    return _decode_utf8(data, "utf-8", trusted=False)


# --- UTF-16 / UTF-32 ---------------------------------------------------------


def _decode_wide(payload: bytes, codec: str, name: str) -> Decoded:
    """UTF-16/32 after its BOM. `name` is the BOM-detecting codec, so
    `raw.decode(encoding)` gives the same text back."""
    warnings: tuple[str, ...] = ()
    try:
        text = payload.decode(codec)
    except UnicodeDecodeError as err:
        text = payload.decode(codec, errors="replace")
        warnings = (f"invalid {name.upper()} data replaced by U+FFFD "
                    f"(the first at byte {err.start} after the byte-order mark)",)
    sample = text[:_SAMPLE]
    if len(_CONTROL_RE.findall(sample)) > _BINARY_SHARE * len(sample):
        raise ReadError("binary", f"a byte-order mark says {name.upper()}, but the content is mostly "
                                  "control characters: not a text file")
    return Decoded(text, name, warnings)


# --- UTF-8 -------------------------------------------------------------------


def _decode_utf8(data: bytes, name: str, *, trusted: bool) -> Decoded:
    """UTF-8 if the bytes are UTF-8 (or nearly so), else the 8-bit path.

    `trusted`: a UTF-8 BOM declared the encoding, so even a badly damaged file
    is read as UTF-8 (with replacements) rather than guessed at.
    """
    _reject_binary(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return _decode_damaged_utf8(data, name, err, trusted)
    return _check_for_mojibake(text, name)


def _reject_binary(data: bytes) -> None:
    """NULs never occur in 8-bit or UTF-8 text; other C0 controls only rarely."""
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ReadError("binary", f"NUL byte at offset {nul}: a binary file "
                                  "(or UTF-16/32 without a byte-order mark, which is not supported)")
    sample = data[:_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _BINARY_SHARE * len(sample):
        raise ReadError("binary", f"{controls} control bytes in the first {len(sample)}: not a text file")


def _decode_damaged_utf8(data: bytes, name: str, err: UnicodeDecodeError, trusted: bool) -> Decoded:
    """Invalid UTF-8: a cut-off last character, a few bad bytes in UTF-8 text,
    or no UTF-8 at all (then the 8-bit encodings)."""
    text = data.decode("utf-8", errors="replace")
    if _is_truncated_tail(data, err, trusted):
        return Decoded(text, name, ("truncated UTF-8 sequence at end of file replaced",))
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))  # less the file's own U+FFFD
    non_ascii = len(text) - len(data.translate(None, _HIGH_BYTES))  # valid multibyte chars + bad sequences
    if trusted or bad <= _UTF8_BAD_SHARE * non_ascii:
        warning = f"invalid UTF-8: {bad} bad byte sequence(s) replaced by U+FFFD (the first at byte {err.start})"
        return Decoded(text, name, (warning,))
    return _decode_8bit(data)


def _is_truncated_tail(data: bytes, err: UnicodeDecodeError, trusted: bool) -> bool:
    """Valid UTF-8 but for an incomplete character in the last ≤ 3 bytes.

    Unless a BOM vouches for UTF-8, some UTF-8 must come before it: a single
    8-bit accented letter ending an ASCII file is no cut UTF-8 character.
    """
    return (err.reason == "unexpected end of data" and err.start >= len(data) - 3
            and (trusted or _HIGH_BYTE.search(data, 0, err.start) is not None))


def _check_for_mojibake(text: str, name: str) -> Decoded:
    """Valid UTF-8; see whether it is TCVN3/VNI read as Windows-1252 and re-saved.

    Converted when the evidence is strong, else only flagged: a wrong
    conversion would garble genuine text.
    """
    found = _legacy_inside_utf8(text[:_SAMPLE])
    if found is None:
        return Decoded(text, name)
    legacy, label, share = found
    if share >= _MOJIBAKE_CONFIDENT:
        converted = _CONVERTERS[legacy](to_byte_view(text))
        return Decoded(converted, f"{name}+{legacy}",
                       (f"UTF-8 file holds legacy {label} text read as Windows-1252 (mojibake); "
                        "converted to Unicode",))
    return Decoded(text, name, (f"UTF-8 file may hold legacy {label} text read as Windows-1252 "
                                "(mojibake); left as it is",))


# --- Scoring: how Vietnamese does a decoding read? ---------------------------

_SYLLABLE = re.compile("(?P<onset>ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?"
                       "(?P<vowels>[aăâeêioôơuưy]{1,3})(?P<final>ch|ng|nh|[cmnpt])?")
# Vowel groups: ending in a glide (no final, and the tone never on the glide),
# needing a final, or free to take one.
_GLIDE_VOWELS = frozenset("iêu yêu oai oao oay oeo uây uôi uya uyu ươi ươu "
                          "ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu".split())
_BOUND_VOWELS = frozenset("uyê iê yê uô ươ oă uâ ă â".split())
_FREE_VOWELS = frozenset("oa oe uê uy uơ a e ê i o ô ơ u ư y".split())
_BEFORE_NH_CH = frozenset("a oa ê uê i uy".split())       # the only vowels before nh, ch
_NOT_BEFORE_NG_C = frozenset("ê uê i y uy ơ uơ".split())  # ...never before ng, c
_TONES = {ord(m): None for m in "\u0300\u0301\u0303\u0309\u0323"}
_STOP_TONES = frozenset("\u0301\u0323")  # the only tones before a final c, ch, p, t
# Stripped from the ends of a word (as bytes): ASCII and Windows-1252 punctuation.
_EDGE_PUNCTUATION = string.punctuation + "\x84\x85\x91\x92\x93\x94\x96\x97"
_TOKEN = re.compile(r"\S+")


def _is_vietnamese_syllable(word: str) -> bool:
    """Spelled like a Vietnamese syllable: onset, vowel group, final and one
    tone that fit together, in lower, title or upper case.

    Phonotactic rules, not a dictionary, so it is fast and needs no data.
    Mojibake fails it on a foreign letter (µ, ä, ø), mixed case (`chƯnh`), an
    impossible vowel group (`coõng`) or tone (`caỷ`, `tàc`), or a final that
    cannot follow the vowel (`trỡnh`).
    """
    word = unicodedata.normalize("NFC", word)  # Windows-1258 writes tones as combining marks
    if not (word.isalpha() and (word.islower() or word.isupper() or word.istitle())):
        return False
    word = word.lower()
    decomposed = unicodedata.normalize("NFD", word)
    toneless = decomposed.translate(_TONES)
    if len(decomposed) - len(toneless) > 1:
        return False
    match = _SYLLABLE.fullmatch(unicodedata.normalize("NFC", toneless))
    if match is None:
        return False
    onset, vowels, final = match["onset"], match["vowels"], match["final"] or ""
    tone = next((c for c in decomposed if ord(c) in _TONES), "")
    if vowels in _GLIDE_VOWELS:
        fits = not final and not (tone and tone in unicodedata.normalize("NFD", word[-1]))
    else:
        fits = vowels in _FREE_VOWELS or (vowels in _BOUND_VOWELS and bool(final))
    # The u of qu, and the i of gi before ê, belong to the vowel.
    core = "u" + vowels if onset == "qu" else "i" + vowels if onset == "gi" and vowels[0] == "ê" else vowels
    return (fits
            and (final not in ("nh", "ch") or core in _BEFORE_NH_CH)
            and (final not in ("ng", "c") or core not in _NOT_BEFORE_NG_C)
            and (final not in ("c", "ch", "p", "t") or tone in _STOP_TONES))


def _word_value(word: str) -> float:
    """1 for a Vietnamese syllable; 0.9 if it has an accented capital, rarer
    in real text than in mojibake (`Èm` for TCVN3 `ẩm`); 0 otherwise."""
    if not _is_vietnamese_syllable(word):
        return 0.0
    return 0.9 if any(c.isupper() and not c.isascii() for c in word) else 1.0


def _words_to_score(view: str) -> list[str]:
    """The words of a byte view that hold a non-ASCII byte: only there do the
    candidate decodings differ."""
    words = []
    for match in _TOKEN.finditer(view):
        word = match.group().strip(_EDGE_PUNCTUATION)
        if word and not word.isascii():
            words.append(word)
            if len(words) == _MAX_SCORED_WORDS:
                break
    return words


def _share_vietnamese(words: list[str], convert: Callable[[str], str]) -> float:
    """How much of `words` `convert` turns into Vietnamese syllables (0–1)."""
    return sum(_word_value(convert(w)) for w in words) / len(words)


def _cp1258(view: str) -> str:
    """Windows-1258 byte view → text (tones may stay combining marks)."""
    return view.encode("latin-1").decode("cp1258", errors="replace")


_CONVERTERS: dict[str, Callable[[str], str]] = {
    "windows-1258": _cp1258, "tcvn3": tcvn3_to_unicode, "vni": vni_to_unicode,
}
_LABELS = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI (VNI-Windows)"}


# Letters (and combining marks) that Windows-1252 cannot hold: their presence
# means the text is Unicode Vietnamese, not mojibake.
_VIETNAMESE_LETTER = re.compile("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169"
                                "\u01a0\u01a1\u01af\u01b0\u0300-\u036f\u1ea0-\u1ef9]")
_BYTE_TO_CP1252 = {b: bytes([b]).decode("cp1252", errors="replace") for b in range(0x80, 0xA0)}


def _legacy_inside_utf8(sample: str) -> tuple[str, str, float] | None:
    """(encoding, label, share) when the UTF-8 sample reads as Vietnamese only
    after undoing a Windows-1252 reading of TCVN3/VNI bytes."""
    if sample.isascii() or _VIETNAMESE_LETTER.search(sample):
        return None  # real Unicode Vietnamese (or nothing to judge)
    words = _words_to_score(to_byte_view(sample))
    if len(words) < _MOJIBAKE_MIN_WORDS:
        return None
    as_is = _share_vietnamese(words, lambda w: w.translate(_BYTE_TO_CP1252))
    scores = {name: _share_vietnamese(words, _CONVERTERS[name]) for name in _LABELS}
    best = max(scores, key=scores.__getitem__)
    if scores[best] >= _CONFIDENT and scores[best] >= as_is + 0.3:
        return best, _LABELS[best], scores[best]
    return None


# --- 8-bit encodings ---------------------------------------------------------


def _decode_8bit(data: bytes) -> Decoded:
    """Not UTF-8: the Vietnamese 8-bit candidate that reads most like
    Vietnamese; charset-normalizer only when none does."""
    words = _words_to_score(_sample_view(data))
    if not words:  # high bytes only in punctuation (“ ” –): nothing to tell the candidates apart
        return _decode_as(data, "windows-1258")
    scores = {name: _share_vietnamese(words, convert) for name, convert in _CONVERTERS.items()}
    best = max(scores, key=scores.__getitem__)  # ties: Windows-1258 first, a real codec
    if scores[best] >= _CONFIDENT:
        return _decode_as(data, best)
    guessed = _guess_with_charset_normalizer(data) if len(words) >= _GUESS_MIN_WORDS else None
    if guessed is not None:
        return guessed
    if scores[best] > 0 or len(words) < _GUESS_MIN_WORDS:
        decoded = _decode_as(data, best)
        note = f"encoding uncertain: only {scores[best]:.0%} of the words read as Vietnamese"
        return Decoded(decoded.text, decoded.encoding, (*decoded.warnings, note))
    raise ReadError("undecodable", "not UTF-8, UTF-16/32 with a BOM, Windows-1258, TCVN3 or VNI, "
                                   "and no other encoding could be recognised")


def _sample_view(data: bytes) -> str:
    """A byte view of up to 64 KB that holds the first non-ASCII byte, which
    may lie past the start of a long, mostly ASCII file."""
    first = _HIGH_BYTE.search(data)
    start = 0 if first is None or first.start() < _SAMPLE // 2 else first.start() - 1024
    return data[start:start + _SAMPLE].decode("latin-1")


def _decode_as(data: bytes, encoding: str) -> Decoded:
    """The whole file in the chosen 8-bit encoding, with the warning it deserves."""
    if encoding != "windows-1258":
        text = _CONVERTERS[encoding](data.decode("latin-1"))
        return Decoded(text, encoding, (f"legacy {_LABELS[encoding]} encoding detected and converted to Unicode",))
    try:
        text = data.decode("cp1258")
        warnings = ["not UTF-8: decoded as Windows-1258 (Vietnamese)"]
    except UnicodeDecodeError as err:
        text = data.decode("cp1258", errors="replace")
        warnings = [f"not UTF-8: decoded as Windows-1258 (Vietnamese); bytes undefined there "
                    f"(the first at byte {err.start}) replaced by U+FFFD"]
    if re.search("[\u0300\u0301\u0303\u0309\u0323]", text):
        warnings.append("Windows-1258 writes some tones as combining marks: the text is not NFC")
    return Decoded(text, "windows-1258", tuple(warnings))


def _guess_with_charset_normalizer(data: bytes) -> Decoded | None:
    """charset-normalizer's guess for a file that is not Vietnamese 8-bit text
    (say Windows-1251 or Shift-JIS). It is a last resort, so its failures are
    swallowed rather than crashing the read."""
    try:
        from charset_normalizer import from_bytes

        match = from_bytes(data[:4 * _SAMPLE]).best()
        if match is None:
            return None
        encoding = codecs.lookup(match.encoding).name
        if encoding.startswith(("utf-16", "utf-32")):
            return None  # without a BOM, and with no NUL byte: not plausible for an article
        if encoding == "cp1258":
            return _decode_as(data, "windows-1258")  # one name, one set of warnings
        try:
            text = data.decode(encoding)
            note = f"not UTF-8 or Vietnamese 8-bit: encoding guessed as {encoding}"
        except UnicodeDecodeError:
            text = data.decode(encoding, errors="replace")
            note = f"not UTF-8 or Vietnamese 8-bit: encoding guessed as {encoding}; undecodable bytes replaced"
    except Exception:  # noqa: BLE001 — a broken guesser must not break reading
        return None
    return Decoded(text, encoding, (note,))
