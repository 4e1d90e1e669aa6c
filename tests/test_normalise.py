"""The offset map: every normalised span maps back to raw text that normalises
to the same thing, for NFD input, odd spaces, dashes, quotes and old tones."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ntl_extract.normalise import canonical, fold, modern_tone, normalise

VIET = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐEÊOÔƠƯY0123456789"
TONED = "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
ODD = "\u00a0\u2009\u202f\u2013\u2014\u201c\u201d\u2018\u2019\u200b\ufeff\u00ad\r\n\t /.,:;"

text_strategy = st.text(alphabet=st.sampled_from(list(VIET + TONED + ODD + " " * 6)), max_size=200)


def _forms(s: str) -> st.SearchStrategy[str]:
    return st.sampled_from([s, unicodedata.normalize("NFD", s)])


@settings(max_examples=int(__import__("os").environ.get("NTL_HYPOTHESIS_EXAMPLES", 300)), deadline=None)
@given(text_strategy.flatmap(_forms), st.data())
def test_every_span_maps_back(raw, data):
    norm = normalise(raw)
    n = len(norm.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    raw_start, raw_end = norm.raw_span(start, end)
    assert 0 <= raw_start <= raw_end <= len(raw)
    if end > start:
        # The raw slice normalises to (at least) the normalised slice. Tone
        # placement depends on the letters around a syllable (`hoà` → `hòa`, but
        # not in `hoàng` or `quý`), so a slice cutting a word is compared without tones.
        sliced = normalise(raw[raw_start:raw_end]).text
        assert _toneless(norm.text[start:end]) in _toneless(sliced)
        cut_word = (end < n and norm.text[end - 1:end + 1].isalnum()) or (
            start > 0 and norm.text[start - 1:start + 1].isalnum())
        if not cut_word:
            assert norm.text[start:end] in sliced


def _toneless(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@settings(max_examples=200, deadline=None)
@given(text_strategy)
def test_nfd_and_nfc_normalise_alike(raw):
    assert normalise(unicodedata.normalize("NFD", raw)).text == normalise(unicodedata.normalize("NFC", raw)).text


@pytest.mark.parametrize("raw,expected", [
    ("Quận uỷ", "Quận ủy"),
    ("Hoà Bình", "Hòa Bình"),
    ("Thuý", "Thúy"),
    ("khoẻ", "khỏe"),
    ("QUẬN UỶ", "QUẬN ỦY"),
    ("quý I", "quý I"),          # qu is a consonant: the tone stays on y
    ("hoàng", "hoàng"),          # closed syllable: nothing moves
    ("thuỷ lợi", "thủy lợi"),
    ("Thành uỷ\u00a0Hà Nội", "Thành ủy Hà Nội"),
    ("04\u2013CTr/QU", "04-CTr/QU"),
    ("\u201cGia đình văn hoá\u201d", '"Gia đình văn hóa"'),
])
def test_normalised_forms(raw, expected):
    assert normalise(raw).text == expected
    assert normalise(unicodedata.normalize("NFD", raw)).text == expected


def test_clean_text_needs_no_map():
    assert normalise("Quận ủy Nam Từ Liêm").map is None


def test_crlf_and_zero_width_are_dropped_but_offsets_hold():
    raw = "a\r\nb\u200bc"
    norm = normalise(raw)
    assert norm.text == "a\nbc"
    assert norm.raw_span(2, 4) == (3, 6)
    assert raw[3:6] == "b\u200bc"


@pytest.mark.parametrize("raw,expected", [
    # a paragraph wrapped by the page: the break inside the sentence reads as a space
    ("do Thứ trưởng Lương Văn Cường làm\ntrưởng đoàn đã làm việc", "do Thứ trưởng Lương Văn Cường làm trưởng đoàn đã làm việc"),
    ("với tổng kinh phí hơn 4,2 tỷ đồng,\nmỗi suất 500 nghìn đồng", "với tổng kinh phí hơn 4,2 tỷ đồng, mỗi suất 500 nghìn đồng"),
    # a sentence's end, a short line, or a capital after the break: lines stay lines
    ("Hội nghị đã kết thúc tốt đẹp.\nngày mai họp tiếp", "Hội nghị đã kết thúc tốt đẹp.\nngày mai họp tiếp"),
    ("Tin, ảnh: Hoàng Lan\nảnh minh họa", "Tin, ảnh: Hoàng Lan\nảnh minh họa"),
    ("Kỳ họp thứ 14 HĐND huyện khóa XX thông qua nghị quyết\nThứ hai, 18/12/2023", "Kỳ họp thứ 14 HĐND huyện khóa XX thông qua nghị quyết\nThứ hai, 18/12/2023"),
    # … unless the paragraph is wrapped at a width: two lines about as long, in the body (past its
    # first 400 characters, where headlines, stamps and tickers stand on lines of their own)
    ("Tiêu đề\nNgày 6/7/2022\n" + "Kỳ họp diễn ra trong hai ngày. " * 13 + "\n"
     "Mở đầu, đại biểu Nguyễn Thị Kim Xuyến (tổ đại biểu quận Ninh Kiều) chất vấn Giám đốc Sở\n"
     "Xây dựng Huỳnh Minh Trí về tình trạng ngập nước khi triều cường kết hợp mưa lớn. Ông Trí\ncho biết",
     "Tiêu đề\nNgày 6/7/2022\n" + "Kỳ họp diễn ra trong hai ngày. " * 13 + "\n"
     "Mở đầu, đại biểu Nguyễn Thị Kim Xuyến (tổ đại biểu quận Ninh Kiều) chất vấn Giám đốc Sở "
     "Xây dựng Huỳnh Minh Trí về tình trạng ngập nước khi triều cường kết hợp mưa lớn. Ông Trí cho biết"),
    # a headline and a stamp line about as long stay apart
    ("Quảng Bình: Giải quyết đúng hạn 98,6% hồ sơ thủ tục hành chính trong 9 tháng\n"
     "Ngày đăng: 24/10/2019 16:02 | Cập nhật: 25/10/2019 08:15 | Lượt xem: 1.024",
     "Quảng Bình: Giải quyết đúng hạn 98,6% hồ sơ thủ tục hành chính trong 9 tháng\n"
     "Ngày đăng: 24/10/2019 16:02 | Cập nhật: 25/10/2019 08:15 | Lượt xem: 1.024"),
    # a headline with a long lead under it keeps its line
    ("Tiêu đề\nNgày 6/7/2022\nKỳ họp thứ 14 HĐND huyện khóa XX thông qua nghị quyết về đầu tư công\n"
     "Sáng 6/7, kỳ họp thứ 14 HĐND huyện khóa XX đã khai mạc với sự tham dự của 35 đại biểu và nhiều khách mời.",
     "Tiêu đề\nNgày 6/7/2022\nKỳ họp thứ 14 HĐND huyện khóa XX thông qua nghị quyết về đầu tư công\n"
     "Sáng 6/7, kỳ họp thứ 14 HĐND huyện khóa XX đã khai mạc với sự tham dự của 35 đại biểu và nhiều khách mời."),
])
def test_hard_wrapped_lines_join_without_moving_offsets(raw, expected):
    norm = normalise(raw)
    assert norm.text == expected
    assert len(norm.text) == len(raw)


def test_html_character_references_read_as_their_characters_and_offsets_hold():
    raw = "đạt 2,45&nbsp;tỷ đồng, &quot;Ngày hội&quot;, NN&amp;PTNT, R&D"
    norm = normalise(raw)
    assert norm.text == 'đạt 2,45 tỷ đồng, "Ngày hội", NN&PTNT, R&D'
    start = norm.text.index("2,45")
    assert raw[slice(*norm.raw_span(start, start + len("2,45 tỷ")))] == "2,45&nbsp;tỷ"


def test_markdown_markers_are_dropped_and_offsets_hold():
    assert normalise("# title = Khai mạc\n# date = 2024-05-01\n").text == "# title = Khai mạc\n# date = 2024-05-01\n"
    assert normalise("Hai  khoảng\u00a0 trắng **đậm**").text == "Hai khoảng trắng đậm"  # space runs still read as one
    raw = "# Khai mạc lễ hội\n\nDự có **ông Trần Văn Bảo**, Phó Chủ tịch; a*b 2 * 3\n\n*Minh Trí*\n* mục một"
    norm = normalise(raw)
    assert norm.text == "Khai mạc lễ hội\n\nDự có ông Trần Văn Bảo, Phó Chủ tịch; a*b 2 * 3\n\nMinh Trí\n* mục một"
    start = norm.text.index("ông Trần")
    assert raw[slice(*norm.raw_span(start, start + len("ông Trần Văn Bảo")))] == "ông Trần Văn Bảo"
    start = norm.text.index("Minh")
    assert raw[slice(*norm.raw_span(start, start + len("Minh Trí")))] == "Minh Trí"


@pytest.mark.parametrize("value,expected", [
    ("  Thành uỷ   Hà Nội ", "Thành ủy Hà Nội"),
    ("Hoà\u00a0Bình", "Hòa Bình"),
])
def test_canonical(value, expected):
    assert canonical(value) == expected


def test_fold_ignores_case_and_tone_placement():
    assert fold("Đỗ Thị Thuý Hà") == fold("đỗ thị thúy hà")
    assert modern_tone("uỷ") == "ủy"


@settings(max_examples=200, deadline=None)
@given(text_strategy.flatmap(_forms), st.data())
def test_norm_offset_is_the_first_normalised_char_at_or_after(raw, data):
    """The inverse map (raw → normalised offset) agrees with its definition,
    computed the slow way over every normalised char."""
    norm = normalise(raw)
    raw_pos = data.draw(st.integers(0, len(raw)))
    n = len(norm.text)
    expected = next((i for i in range(n) if norm.raw_span(i, i + 1)[0] >= raw_pos), n)
    assert norm.norm_offset(raw_pos) == expected
