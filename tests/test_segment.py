"""Sentence splitting: where sentences end and where they do not, with offsets
that slice the text back exactly."""

from __future__ import annotations

import pytest

from ntl_extract.document import Doc
from ntl_extract.segment import sentences

# text, the sentences expected (as slices of the text)
CASES = [
    ("Xin chào. Tôi là Claude.", ["Xin chào.", "Tôi là Claude."]),
    ("Hỏi gì? Đúng vậy! Thế thôi", ["Hỏi gì?", "Đúng vậy!", "Thế thôi"]),
    # abbreviations and initials do not end a sentence
    ("TP. Hà Nội có 30 quận. Hết.", ["TP. Hà Nội có 30 quận.", "Hết."]),
    ("Gặp ThS. Lê Hoa và TS. Võ Nam tại Q. 3. Xong.", ["Gặp ThS. Lê Hoa và TS. Võ Nam tại Q. 3.", "Xong."]),
    ("Ông Trần B. Khánh đến.", ["Ông Trần B. Khánh đến."]),
    ("Bà Đ. Thị Mai nói.", ["Bà Đ. Thị Mai nói."]),
    # a dot not followed by a space is inside a word or a number
    ("Theo baohanoi.vn, có 1.500 hộ và 19.5 tấn. Tiếp.", ["Theo baohanoi.vn, có 1.500 hộ và 19.5 tấn.", "Tiếp."]),
    ("Số 12/2021/NĐ-CP. Rồi", ["Số 12/2021/NĐ-CP.", "Rồi"]),
    # closing quotes and brackets stay with their sentence
    ('Ông nói: "Phải làm." Sau đó về.', ['Ông nói: "Phải làm."', "Sau đó về."]),
    ("Có 3 xã (xem bảng.) Tiếp theo.", ["Có 3 xã (xem bảng.)", "Tiếp theo."]),
    # an ellipsis ends a sentence only before a capital or the end
    ("Chờ đợi... rồi đi... Sau đó về.", ["Chờ đợi... rồi đi...", "Sau đó về."]),
    ("Còn nữa…", ["Còn nữa…"]),
    # a line break always ends a sentence; blank lines and edge spaces vanish
    ("Tiêu đề\n\n  Dòng hai  \r\nDòng ba", ["Tiêu đề", "Dòng hai", "Dòng ba"]),
    ("", []),
    ("   \n\t ", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_sentences(text, expected):
    spans = sentences(text)
    assert [text[a:b] for a, b in spans] == expected
    assert all(a < b for a, b in spans)
    assert spans == sorted(spans)


@pytest.mark.parametrize("text", [
    "A." * 500_000,            # one run of letters and dots: a quadratic look-back would stall here
    "A. " * 200_000,           # hundreds of thousands of candidate ends
    "1.2." * 100_000 + "...",  # digits and dots
    "Đ." * 300_000 + "\n" + "x" * 100_000,
])
def test_pathological_lines_are_split_in_one_pass(text):
    doc = Doc.from_text(text)
    assert doc.sentences
    for a, b in doc.sentences:
        assert doc.raw[a:b] == doc.raw[a:b].strip() and b > a
