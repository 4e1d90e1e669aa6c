"""Decoding input files: every encoding a Vietnamese portal or office file may
use, and every way a file can fail to be text."""

from __future__ import annotations

import codecs
import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from ntl_extract import read
from ntl_extract.legacy_encodings import TCVN3, VNI, VNI_LETTERS
from ntl_extract.read import Decoded, ReadError, decode, read_file

SENTENCES = [
    "Quận ủy Nam Từ Liêm tổ chức hội nghị sơ kết 6 tháng đầu năm",
    "Nghị quyết số 09, ngày 22/02/2022 của Thành ủy Hà Nội",
    "Phó Chủ tịch UBND quận trao 4.508 suất quà cho người có công, được nhân dân ghi nhận",
]
CORPUS = sorted((ROOT / "corpus").glob("*.txt"))
TONES = "\u0300\u0301\u0303\u0309\u0323"
TCVN3_WARNING = "legacy TCVN3 (ABC) encoding detected and converted to Unicode"
VNI_WARNING = "legacy VNI (VNI-Windows) encoding detected and converted to Unicode"
TRUNCATED_WARNING = "truncated UTF-8 sequence at end of file replaced"

# Every letter of the Vietnamese alphabet, both cases.
_VOWELS = "aăâeêioôơuưy"
VIETNAMESE_LETTERS = sorted({unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in ["", *TONES]}
                            | {"đ"} | {unicodedata.normalize("NFC", v + t).upper()
                                       for v in _VOWELS for t in ["", *TONES]} | {"Đ"})


# --- Encoders built from the tables' inverses (and the cp1258 codec) --------

def _other_char(char: str, used: set[int]) -> bytes:
    """A character the table does not give: its Windows-1252 byte, which
    must be one the encoding leaves free (“ ” – … no-break space)."""
    encoded = char.encode("cp1252")
    assert encoded[0] not in used, char
    return encoded


_TCVN3_INVERSE = {ch: bytes([b]) for b, ch in TCVN3.items()}


def to_tcvn3(text: str) -> bytes:
    """Toned capitals have no code: the lower-case code, as `.VnTimeH` used it."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        code = _TCVN3_INVERSE.get(char) or _TCVN3_INVERSE.get(char.lower())
        out += code if code else _other_char(char, set(TCVN3))
    return bytes(out)


# Whole letters first (VNI writes ỵ as `î`, though `yï` is read too); the
# mixed-case variants (`aØ`) are accepted on input, never written.
_VNI_INVERSE: dict[str, bytes] = {}
for _seq, _char in sorted(VNI.items(), key=lambda item: len(item[0])):
    if len(_seq) == 1 or _seq[0].isupper() == _seq[1].isupper():
        _VNI_INVERSE.setdefault(_char, _seq.encode("latin-1"))


_VNI_BYTES = {ord(c) for seq in VNI for c in seq if c >= "\x80"}


def to_vni(text: str) -> bytes:
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        out += _VNI_INVERSE.get(char) or _other_char(char, _VNI_BYTES)
    return bytes(out)


def to_cp1258(text: str) -> bytes:
    """Windows-1258 holds â ă ê ô ơ ư đ and some toned letters whole; the other
    tones go as combining marks after the letter."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out += (base + "".join(c for c in parts if c in TONES)).encode("cp1258")
    return bytes(out)


# --- Unicode encodings -------------------------------------------------------

@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("encode,encoding", [
    (lambda s: s.encode("utf-8"), "utf-8"),
    (lambda s: codecs.BOM_UTF8 + s.encode("utf-8"), "utf-8-sig"),
    (lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"), "utf-16"),
    (lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"), "utf-16"),
    (lambda s: codecs.BOM_UTF32_LE + s.encode("utf-32-le"), "utf-32"),
    (lambda s: codecs.BOM_UTF32_BE + s.encode("utf-32-be"), "utf-32"),
], ids=["utf8", "utf8-bom", "utf16le", "utf16be", "utf32le", "utf32be"])
def test_unicode_encodings(sentence, encode, encoding):
    data = encode(sentence)
    decoded = decode(data)
    assert decoded == Decoded(sentence, encoding, ())
    assert data.decode(decoded.encoding) == sentence  # the name is a codec that reads the file back


@pytest.mark.parametrize("text", [
    "dòng 1\r\ndòng 2\rdòng 3\n",                      # newlines untouched
    "Hà Nội\ufeffgiữa",                                 # only a leading BOM is dropped
    unicodedata.normalize("NFD", SENTENCES[0]),         # NFD stays NFD
    " \n\t\r\n   ",                                     # whitespace only is text
    "Chiều\u00a0ngày\u200b02/7",                         # no-break and zero-width spaces
])
def test_text_is_not_edited(text):
    assert decode(text.encode("utf-8")) == Decoded(text, "utf-8", ())


def test_utf16_with_bad_data_is_read_with_a_warning():
    decoded = decode(codecs.BOM_UTF16_LE + "Hà Nội".encode("utf-16-le") + b"\x00\xd8A\x00")  # lone surrogate
    assert decoded.text.startswith("Hà Nội") and "\ufffd" in decoded.text
    assert decoded.encoding == "utf-16" and "replaced by U+FFFD" in decoded.warnings[0]


# --- Damaged UTF-8 -----------------------------------------------------------

@pytest.mark.parametrize("prefix", ["", "\ufeff"], ids=["no-bom", "bom"])
@pytest.mark.parametrize("last,cut", [("ộ", 1), ("ộ", 2), ("🇻", 1), ("🇻", 3)])
def test_truncated_utf8_is_read_with_a_warning(prefix, last, cut):
    data = (prefix + SENTENCES[0] + last).encode("utf-8")[:-cut]
    decoded = decode(data)
    assert decoded.text == SENTENCES[0] + "\ufffd"
    assert decoded.encoding == ("utf-8-sig" if prefix else "utf-8")
    assert decoded.warnings == (TRUNCATED_WARNING,)


def test_a_few_bad_bytes_in_utf8_are_replaced():
    body = (SENTENCES[1] + "\n") * 50
    decoded = decode(body.encode("utf-8") + b"\xff\xc0" + body.encode("utf-8"))
    assert decoded.text == body + "\ufffd\ufffd" + body
    assert decoded.encoding == "utf-8"
    assert decoded.warnings and "2 bad byte sequence(s)" in decoded.warnings[0]


def test_an_8bit_letter_ending_an_ascii_file_is_not_truncated_utf8():
    decoded = decode(b"Ha Noi ngay 2/7, tr\xe1")  # 0xE1 would start a 3-byte UTF-8 character
    assert decoded.encoding != "utf-8" and TRUNCATED_WARNING not in decoded.warnings


# --- 8-bit Vietnamese --------------------------------------------------------

@pytest.mark.parametrize("sentence", SENTENCES)
def test_windows_1258(sentence):
    decoded = decode(to_cp1258(sentence))
    assert decoded.encoding == "windows-1258"
    assert unicodedata.normalize("NFC", decoded.text) == sentence
    assert any("Windows-1258" in w for w in decoded.warnings)


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("encode,encoding,warning", [
    (to_tcvn3, "tcvn3", TCVN3_WARNING),
    (to_vni, "vni", VNI_WARNING),
], ids=["tcvn3", "vni"])
def test_legacy_encodings_from_the_tables(sentence, encode, encoding, warning):
    assert decode(encode(sentence)) == Decoded(sentence, encoding, (warning,))


@pytest.mark.parametrize("data,expected,encoding", [
    (b"H\xb5 N\xe9i", "Hà Nội", "tcvn3"),
    (b"Th\xb5nh \xf1y H\xb5 N\xe9i", "Thành ủy Hà Nội", "tcvn3"),
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam".encode("cp1252"), "Cộng hoà xã hội chủ nghĩa Việt Nam", "tcvn3"),
    ("§éc lËp - Tù do - H¹nh phóc".encode("cp1252"), "Độc lập - Tự do - Hạnh phúc", "tcvn3"),
    ("Thñ t\xadíng ChÝnh phñ ®· ký quyÕt ®Þnh".encode("cp1252"), "Thủ tướng Chính phủ đã ký quyết định", "tcvn3"),
    ("Haø Noäi".encode("cp1252"), "Hà Nội", "vni"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam".encode("cp1252"), "Cộng hòa xã hội chủ nghĩa Việt Nam", "vni"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc".encode("cp1252"), "Độc lập - Tự do - Hạnh phúc", "vni"),
    ("ñöôïc saün saøng, tænh Quaûng Ninh".encode("cp1252"), "được sẵn sàng, tỉnh Quảng Ninh", "vni"),
    ("Caám kî vaø kyø voïng, ñòa chæ".encode("cp1252"), "Cấm kỵ và kỳ vọng, địa chỉ", "vni"),
])
def test_hand_written_legacy_bytes(data, expected, encoding):
    decoded = decode(data)
    assert (decoded.text, decoded.encoding) == (expected, encoding)


@pytest.mark.parametrize("data,expected", [
    ("QUËN ñY NAM Tõ LI£M".encode("cp1252"), "QUẬN ỦY NAM TỪ LIÊM"),   # TCVN3 set in capitals
    ("Tin tøc\r\nQUËN ñY Tõ LI£M\r\nQuËn ñy NéI".encode("cp1252"), "Tin tức\r\nQUẬN ỦY TỪ LIÊM\r\nQuận ủy NỘI"),
    ("Hµ Néi, ngµy 2/7".encode("cp1252"), "Hà Nội, ngày 2/7"),        # ...a capitalised word stays so
    ("VIEÄT NAM, ÑOÄC LAÄP".encode("cp1252"), "VIỆT NAM, ĐỘC LẬP"),      # VNI has capital marks
])
def test_capitals(data, expected):
    assert decode(data).text == expected


@pytest.mark.parametrize("encode,encoding", [(to_cp1258, "windows-1258"), (to_tcvn3, "tcvn3"), (to_vni, "vni")])
@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_corpus_articles_in_each_8bit_encoding(path, encode, encoding):
    article = unicodedata.normalize("NFC", path.read_text("utf-8"))
    decoded = decode(encode(article))
    assert decoded.encoding == encoding
    if encoding == "tcvn3":  # a toned capital standing alone (`VÀ`) cannot be told from lower case
        assert decoded.text.lower() == article.lower()
    else:
        assert unicodedata.normalize("NFC", decoded.text) == article


def test_corpus_is_there():
    assert len(CORPUS) >= 2


@pytest.mark.parametrize("data,encoding,expected", [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam".encode("utf-8"), "utf-8+tcvn3", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam".encode("utf-8"), "utf-8+vni", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
])
def test_legacy_mojibake_saved_as_utf8_is_converted(data, encoding, expected):
    decoded = decode(data)
    assert (decoded.text, decoded.encoding) == (expected, encoding)
    assert "mojibake" in decoded.warnings[0]


def test_weak_signs_of_mojibake_in_utf8_only_warn():
    text = "Hµ Néi ViÖt café naïve"  # three TCVN3 words, two that are not Vietnamese either way
    decoded = decode(text.encode("utf-8"))
    assert (decoded.text, decoded.encoding) == (text, "utf-8")
    assert "may hold legacy TCVN3" in decoded.warnings[0]


@pytest.mark.parametrize("text", [
    "Le café était très bon à Paris, déjà été là-bas où il a mangé",
    "Müller ist größer, für die Straße wäre es schön",
    "El niño está aquí, sí, más o menos",
    "Cà phê và bánh mì ở phố cổ",                       # Vietnamese in Latin-1 letters only
])
def test_latin_text_in_utf8_is_not_taken_for_mojibake(text):
    assert decode(text.encode("utf-8")) == Decoded(text, "utf-8", ())


def test_a_vietnamese_decision_does_not_consult_charset_normalizer(monkeypatch):
    def fail(data):
        raise AssertionError("charset-normalizer consulted")

    monkeypatch.setattr(read, "_guess_with_charset_normalizer", fail)
    for data in (to_cp1258(SENTENCES[0]), to_tcvn3(SENTENCES[0]), to_vni(SENTENCES[0]), SENTENCES[0].encode()):
        decode(data)


def test_unrecognisable_8bit_text_is_undecodable(monkeypatch):
    monkeypatch.setattr(read, "_guess_with_charset_normalizer", lambda data: None)
    with pytest.raises(ReadError) as err:
        decode(b" ".join([b"\x81\x8d\x8f\x90\x9d"] * 6))  # no Vietnamese reading, and no guess
    assert err.value.kind == "undecodable"


def test_non_vietnamese_8bit_text_falls_back_to_charset_normalizer():
    text = ("Президент подписал указ о развитии культуры и образования в регионах страны. "
            "Документ вступает в силу со дня его официального опубликования.\n") * 5
    decoded = decode(text.encode("cp1251"))
    assert decoded.text == text
    assert decoded.encoding == "cp1251" and "guessed" in decoded.warnings[0]


# --- Inputs that are not text ------------------------------------------------

@pytest.mark.parametrize("data,kind", [
    (b"", "empty"),
    (codecs.BOM_UTF8, "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x00", "binary"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "binary"),
    ("Hà Nội".encode("utf-16-le"), "binary"),            # UTF-16 without a BOM: NUL bytes
    (SENTENCES[0].encode("utf-8") + b"\x00", "binary"),  # one NUL is enough
    (bytes(range(1, 32)) * 100, "binary"),                # control characters
    (codecs.BOM_UTF16_LE + b"\x01\x00" * 50, "binary"),
])
def test_errors(data, kind):
    with pytest.raises(ReadError) as err:
        decode(data)
    assert err.value.kind == kind and err.value.message
    assert str(err.value).startswith(kind)


def test_read_error_kinds_are_checked():
    with pytest.raises(ValueError):
        ReadError("no-such-kind", "x")


# --- Files -------------------------------------------------------------------

def test_read_file_returns_the_raw_bytes_and_their_decoding(tmp_path):
    path = tmp_path / "a.txt"
    data = to_tcvn3(SENTENCES[1])
    path.write_bytes(data)
    assert read_file(path) == (data, decode(data))
    assert read_file(str(path))[1].text == SENTENCES[1]


@pytest.mark.parametrize("make", [
    lambda tmp: tmp,                     # a directory
    lambda tmp: tmp / "missing.txt",
], ids=["directory", "missing"])
def test_unreadable(tmp_path, make):
    with pytest.raises(ReadError) as err:
        read_file(make(tmp_path))
    assert err.value.kind == "unreadable" and str(tmp_path) in err.value.message


def test_too_large(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 1025)
    with pytest.raises(ReadError) as err:
        read_file(path, max_bytes=1024)
    assert err.value.kind == "too_large"
    assert read_file(path, max_bytes=1025)[1].text == "a" * 1025


def test_a_20_mb_file_is_fast(tmp_path):
    line = SENTENCES[1] + " — “trích dẫn” 98,75%.\n"
    text = line * (20_000_000 // len(line.encode("utf-8")) + 1)
    path = tmp_path / "big.txt"
    path.write_bytes(text.encode("utf-8"))
    start = time.perf_counter()
    data, decoded = read_file(path)
    elapsed = time.perf_counter() - start
    assert len(data) >= 20_000_000 and decoded == Decoded(text, "utf-8", ())
    assert elapsed < 1.0, f"{elapsed:.2f} s"


# --- Properties and tables ---------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t\n\r"), min_size=1)
       .filter(lambda s: not s.startswith("\ufeff")))
def test_any_utf8_text_round_trips(text):
    assert decode(text.encode("utf-8")).text == text


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_text_or_a_read_error(data):
    try:
        decoded = decode(data)
    except ReadError as err:
        assert err.kind in ("empty", "binary", "undecodable")
    else:
        assert isinstance(decoded.text, str) and decoded.encoding


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(VIETNAMESE_LETTERS), min_size=1, max_size=40))
def test_every_letter_survives_the_legacy_tables(letters):
    text = "".join(letters).lower()
    assert decode(to_vni("Hà Nội " + text)).text == "Hà Nội " + text
    assert decode(to_tcvn3("Hà Nội " + text)).text.lower() == "hà nội " + text


@pytest.mark.parametrize("word,valid", [
    *((w, True) for w in ["quốc", "giếng", "nghiêng", "khuya", "Hà", "NỘI", "được", "huỳnh", "quỳnh",
                          "hoạch", "tháng", "ủy", "Thủy", unicodedata.normalize("NFD", "Việt")]),
    ("Hµ", False), ("Vieät", False),   # letters Vietnamese does not have
    ("chƯnh", False),                  # mixed case
    ("coõng", False), ("nhaon", False), ("că", False),  # vowel groups
    ("caỷ", False),                    # tone on the glide
    ("tàc", False), ("tat", False),    # only a rising or heavy tone before c, ch, p, t
    ("trỡnh", False), ("sinh", True), ("ting", False),  # nh/ng after the wrong vowel
    ("bàn2", False), ("", False),
])
def test_syllable_check(word, valid):
    assert read._is_vietnamese_syllable(word) is valid


def test_tables_cover_the_alphabet_without_clashes():
    lower = [c for c in VIETNAMESE_LETTERS if c.islower() and not c.isascii()]
    assert len(VIETNAMESE_LETTERS) == 146  # 12 vowels × 6 forms × 2 cases, đ, Đ
    assert sorted(c for c in TCVN3.values() if c.islower()) == sorted(lower)
    assert sorted(TCVN3.values()) == sorted(set(TCVN3.values()))
    assert sorted(set(VNI.values())) == sorted(c for c in VIETNAMESE_LETTERS if not c.isascii())
    mark_bytes = {ord(seq[1]) for seq in VNI if len(seq) == 2}
    assert not mark_bytes & set(VNI_LETTERS)  # a mark byte is never also a whole letter
