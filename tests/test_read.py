"""Decoding: every encoding a Vietnamese portal or office file may use."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ntl_extract import legacy
from ntl_extract.read import ReadError, decode, read_file

SENTENCES = [
    "Quận ủy Nam Từ Liêm tổ chức hội nghị sơ kết 6 tháng đầu năm",
    "Nghị quyết số 09, ngày 22/02/2022 của Thành ủy Hà Nội về phát triển công nghiệp văn hóa",
    "Phó Chủ tịch UBND quận trao 4.508 suất quà cho người có công",
]
TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES)) + tones)
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("encode,encoding,warns", [
    (lambda s: s.encode("utf-8"), "utf-8", False),
    (lambda s: codecs.BOM_UTF8 + s.encode("utf-8"), "utf-8-sig", False),
    (lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"), "utf-16", False),
    (lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"), "utf-16", False),
    (lambda s: codecs.BOM_UTF32_LE + s.encode("utf-32-le"), "utf-32", False),
    (cp1258, "windows-1258", False),
    (legacy.encode_tcvn3, "tcvn3", True),
    (legacy.encode_vni, "vni", True),
], ids=["utf8", "utf8-bom", "utf16le", "utf16be", "utf32", "cp1258", "tcvn3", "vni"])
def test_round_trip(sentence, encode, encoding, warns):
    decoded = decode(encode(sentence))
    assert decoded.encoding == encoding
    assert unicodedata.normalize("NFC", decoded.text) == sentence
    assert bool(decoded.warnings) == warns


@pytest.mark.parametrize("data,expected", [
    (b"H\xb5 N\xe9i", "Hà Nội"),                        # TCVN3, as the .VnTime fonts stored it
    (b"Th\xb5nh \xf1y", "Thành ủy"),
    ("Haø Noäi laø thuû ñoâ".encode("latin-1"), "Hà Nội là thủ đô"),  # VNI
    ("Ñaø Naüng, ngaøy 4/6/2021".encode("latin-1"), "Đà Nẵng, ngày 4/6/2021"),
])
def test_hand_written_legacy_bytes(data, expected):
    assert decode(data).text == expected


@pytest.mark.parametrize("data,kind", [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    (bytes(range(1, 32)) * 100, "binary"),
])
def test_errors(data, kind):
    with pytest.raises(ReadError) as err:
        decode(data)
    assert err.value.kind == kind and err.value.message


def test_truncated_utf8_is_read_with_a_warning():
    decoded = decode(SENTENCES[0].encode("utf-8") + "ộ".encode("utf-8")[:2])
    assert decoded.text.startswith(SENTENCES[0]) and decoded.text.endswith("\ufffd")
    assert any("truncated" in w for w in decoded.warnings)


def test_nfd_is_left_as_it_is():
    nfd = unicodedata.normalize("NFD", SENTENCES[0])
    assert decode(nfd.encode("utf-8")).text == nfd


def test_whitespace_only_is_text():
    assert decode(b" \n\t ").text == " \n\t "


def test_unreadable_and_too_large(tmp_path):
    with pytest.raises(ReadError) as err:
        read_file(tmp_path)
    assert err.value.kind == "unreadable"
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2048)
    with pytest.raises(ReadError) as err:
        read_file(big, max_bytes=1024)
    assert err.value.kind == "too_large"


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1).filter(lambda s: not s.startswith("\ufeff")))
def test_any_utf8_text_round_trips(text):
    data = text.encode("utf-8", errors="surrogatepass")
    try:
        decoded = decode(data)
    except ReadError as err:  # control characters: refused as binary, never a crash
        assert err.kind in ("binary", "empty")
        return
    assert decoded.text == text
