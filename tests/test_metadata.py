"""Metadata from the layouts scraped portals leave, one shape per case."""

from __future__ import annotations

import pytest

from ntl_extract import extract

CASES = [
    # (text, field, expected)
    ("TIN TỨC SỰ KIỆN\nTiêu đề bài viết\nNgày đăng 03/07/2024 | 10:35 | Lượt xem: 1.238\n\nNội dung bài.\n\nThanh Hải",
     {"category": "TIN TỨC SỰ KIỆN", "title": "Tiêu đề bài viết", "published": "2024-07-03T10:35+07:00",
      "views": 1238, "author": "Thanh Hải"}),
    ("Tổng đài: 0243 8356 700 | Email: a@b.vn\n\nTiêu đề\n08/11/2021 21:21\n(HanoiTV) - Nội dung bài viết dài.\n",
     {"title": "Tiêu đề", "published": "2021-11-08T21:21+07:00", "outlet": "HanoiTV", "author": None}),
    ("# doc_id = x\n# date = 20210423\nCâu đầu tiên của bài.\nCâu thứ hai.\nTrung Thi\n",
     {"title": None, "published": "2021-04-23", "author": "Trung Thi"}),
    ("Tiêu đề\nNội dung dài của bài báo, kết thúc bằng dấu chấm. ANH PHƯƠNG ",
     {"title": "Tiêu đề", "author": "Anh Phương"}),
    ("Tiêu đề\nNội dung dài của bài báo, kết thúc bằng dấu chấm. Trần Tĩnh (TTXVN) ",
     {"author": "Trần Tĩnh"}),
    ("Tiêu đề\nNội dung bài báo kết thúc ở đây./. ",
     {"author": None}),
    ("Tiêu đề\nNội dung.\n\nTừ khóa: Nam Từ LiêmVượt chỉ tiêu 2021An sinh xã hội",
     {"keywords": ["Nam Từ Liêm", "Vượt chỉ tiêu 2021", "An sinh xã hội"]}),
    ("Tiêu đề\nThứ Hai, 12/7/2021 08:15 (GMT+7)\nNội dung bài.",
     {"published": "2021-07-12T08:15+07:00"}),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[str(i) for i in range(len(CASES))])
def test_metadata(text, expected):
    article = extract(text).to_dict()["article"]
    for key, value in expected.items():
        assert article[key] == value, key


def test_body_only_mode_reads_no_metadata():
    article = extract("Tiêu đề\nNội dung.\nThanh Hải", detect_metadata=False).to_dict()["article"]
    assert article["title"] is None and article["author"] is None
