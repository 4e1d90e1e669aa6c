"""Bytes of an input file → the decoded article text, and how it was decoded.

The decoded string is what every user-visible offset indexes, so this module
never edits the text: it only drops a leading byte-order mark. Order of trust:
a BOM; valid UTF-8 (a few bad bytes are replaced, with a warning); the legacy
8-bit Vietnamese encodings (TCVN3/ABC, VNI; converted with `legacy`'s tables,
with a warning); Windows-1258; and charset-normalizer's guess as a last resort.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass

from . import legacy

MAX_BYTES = 200 * 1024 * 1024
# A file is binary when NUL or other C0 controls (except tab, LF, FF, CR, ESC) are this common.
_BINARY_SHARE = 0.05
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13, 27))
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
# Share of undecodable bytes a UTF-8 file may have and still be read as UTF-8.
_UTF8_TOLERANCE = 0.001


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


class ReadError(Exception):
    """An input that gives no text; `kind` names why (empty, binary, undecodable,
    unreadable, too_large)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(f"{kind}: {message}")
        self.kind = kind
        self.message = message


def read_file(path: str | os.PathLike, max_bytes: int = MAX_BYTES) -> tuple[bytes, Decoded]:
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise ReadError("too_large", f"{size:,} bytes (the limit is {max_bytes:,})")
        with open(path, "rb") as handle:
            data = handle.read()
    except ReadError:
        raise
    except OSError as err:
        raise ReadError("unreadable", err.strerror or str(err)) from None
    return data, decode(data)


def decode(data: bytes) -> Decoded:
    if not data:
        raise ReadError("empty", "the file is empty")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(codec), name)
            except UnicodeDecodeError:
                text = data[len(bom):].decode(codec, errors="replace")
                return Decoded(text, name, (f"invalid {name} sequences replaced by U+FFFD",))
    if _looks_binary(data):
        raise ReadError("binary", "this is not a text file (control bytes such as NUL)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    if utf8_error.start >= len(data) - 3 and _valid_utf8_prefix(data, utf8_error.start):
        text = data.decode("utf-8", errors="replace")
        return Decoded(text, "utf-8", ("truncated UTF-8 sequence at end of file replaced by U+FFFD",))
    bad = _count_bad_utf8(data)
    if bad <= max(1, len(data) * _UTF8_TOLERANCE) and _has_multibyte_utf8(data):
        text = data.decode("utf-8", errors="replace")
        return Decoded(text, "utf-8", (f"{bad} invalid UTF-8 byte(s) replaced by U+FFFD",))
    return _decode_8bit(data)


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(c) for c in _CONTROL)
    return controls > len(sample) * _BINARY_SHARE


def _valid_utf8_prefix(data: bytes, end: int) -> bool:
    try:
        data[:end].decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _count_bad_utf8(data: bytes) -> int:
    return data.decode("utf-8", errors="replace").count("\ufffd") - data.decode(
        "utf-8", errors="ignore").count("\ufffd")


def _has_multibyte_utf8(data: bytes) -> bool:
    return any(0xC2 <= b <= 0xF4 for b in data[:65536])


def _decode_8bit(data: bytes) -> Decoded:
    """Not UTF-8: the legacy Vietnamese encodings or Windows-1258, whichever
    reads as the most Vietnamese text."""
    best = legacy.best_decoding(data)
    if best is not None:
        text, name, warning = best
        return Decoded(text, name, (warning,) if warning else ())
    try:
        from charset_normalizer import from_bytes

        match = from_bytes(data[:65536]).best()
    except Exception:  # the guesser is a last resort; its failure is no reason to crash
        match = None
    if match is not None:
        try:
            return Decoded(data.decode(match.encoding), match.encoding,
                           (f"encoding guessed as {match.encoding}",))
        except (UnicodeDecodeError, LookupError):
            pass
    raise ReadError("undecodable", "not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI text")
