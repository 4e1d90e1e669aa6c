"""The scorer (`ntl-extract eval`) follows gold-format.md: each case is a record
fragment, a gold fragment and the (tp, fp, fn) they must give for one type."""

from __future__ import annotations

import pytest

from ntl_extract.evaluate import score_document


def _official(name: str, title: str, organization: str | None) -> dict:
    return {"name": name, "positions": [{"title": title, "organization": organization}]}


def _date(text: str, start: int, value: str, **extra) -> dict:
    return {"text": text, "start": start, "end": start + len(text), "value": value, **extra}


def _number(text: str, start: int, kind: str, value, **extra) -> dict:
    return {"text": text, "start": start, "end": start + len(text), "kind": kind, "value": value, **extra}


CASES = [
    # positions: containment of the organisation, after abbreviations are spelled out
    ("positions", {"officials": [_official("Lê Văn A", "Hiệu trưởng", "Trường trung học cơ sở Lĩnh Nam")]},
     {"officials": [_official("Lê Văn A", "Hiệu trưởng", "Trường THCS Lĩnh Nam")]}, (1, 0, 0)),
    ("positions", {"officials": [_official("Lê Văn A", "Chủ tịch", "Ủy ban nhân dân tỉnh Quảng Nam")]},
     {"officials": [_official("Lê Văn A", "Chủ tịch", "Ủy ban nhân dân tỉnh")]}, (1, 0, 0)),
    ("positions", {"officials": [_official("Lê Văn A", "Chủ tịch", "Hội đồng nhân dân tỉnh")]},
     {"officials": [_official("Lê Văn A", "Chủ tịch", "Ủy ban nhân dân tỉnh")]}, (0, 1, 1)),
    # a gold position with no organisation: the title alone, or title + organisation spelling it
    ("positions", {"officials": [_official("Lê Văn A", "Đại biểu", "Quốc hội")]},
     {"officials": [_official("Lê Văn A", "Đại biểu Quốc hội", None)]}, (1, 0, 0)),
    ("positions", {"officials": [_official("Lê Văn A", "Đại biểu", "Quốc hội")]},
     {"officials": [_official("Lê Văn A", "Đại biểu", None)]}, (1, 0, 0)),
    # `nguyên` is dropped from titles; names compare folded (tone placement, case)
    ("positions", {"officials": [_official("Nguyễn Văn Hoà", "Bí thư", "Tỉnh ủy")]},
     {"officials": [_official("Nguyễn Văn Hòa", "nguyên Bí thư", "Tỉnh ủy")]}, (1, 0, 0)),
    # dates: overlap and the value or one of its alternatives; a time added to a gold day counts
    ("dates", {"dates": [_date("ngày 5/9", 10, "2024-09-05T08:00")]},
     {"dates": [_date("ngày 5/9", 10, "2024-09-05")]}, (1, 0, 0)),
    ("dates", {"dates": [_date("cùng kỳ năm 2024", 3, "2024")]},
     {"dates": [_date("cùng kỳ năm 2024", 3, "2024-01/2024-09", alt=["2024"])]}, (1, 0, 0)),
    ("dates", {"dates": [_date("ngày 5/9", 10, "2023-09-05")]},
     {"dates": [_date("ngày 5/9", 10, "2024-09-05")]}, (0, 1, 1)),
    # an optional gold mention neither rewards nor punishes
    ("dates", {"dates": []}, {"dates": [_date("hôm qua", 0, "2024-09-04", optional=True)]}, (0, 0, 0)),
    ("dates", {"dates": [_date("hôm qua", 0, "2024-09-04")]},
     {"dates": [_date("hôm qua", 0, "2024-09-04", optional=True)]}, (0, 0, 0)),
    # numbers: kind and value (and total of a ratio) must agree; the unit is only an attribute
    ("numbers", {"numbers": [_number("3 điểm", 4, "count", 3, unit="điểm")]},
     {"numbers": [_number("3 điểm", 4, "count", 3, unit="điểm thi")]}, (1, 0, 0)),
    ("numbers", {"numbers": [_number("3 điểm", 4, "quantity", 3, unit="điểm")]},
     {"numbers": [_number("3 điểm", 4, "count", 3, unit="điểm")]}, (0, 1, 1)),
    ("numbers", {"numbers": [_number("9/13 huyện", 0, "ratio", 9, total=13)]},
     {"numbers": [_number("9/13 huyện", 0, "ratio", 9, total=12)]}, (0, 1, 1)),
]


@pytest.mark.parametrize("kind,record,gold,expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_score(kind, record, gold, expected):
    report = score_document({"doc_id": "d", **record}, {"doc_id": "d", **gold})
    score = report.scores[kind]
    assert (score.tp, score.fp, score.fn) == expected
