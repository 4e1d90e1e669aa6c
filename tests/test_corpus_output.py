"""The committed `output/` records are what the current code makes of `corpus/`,
and the seeds' metadata is right."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, check_record
from ntl_extract import extract_bytes

CORPUS = sorted((ROOT / "corpus").glob("*.txt"))

# From the hand annotations of the two seeds (shared/dev/gold).
SEED_ARTICLES = {
    "000_1af0c90cd50fde23": {
        "title": "Phát triển văn hóa, nâng cao chất lượng nguồn nhân lực, xây dựng người Hà Nội thanh lịch, văn minh",
        "published": "2024-07-03T10:35+07:00", "author": "Thanh Hải", "views": 238, "outlet": None,
        "category": "TIN TỨC HOẠT ĐỘNG CỦA QUẬN ỦY",
    },
    "001_d22b7e7e4271484e": {
        "title": "Quận Nam Từ Liêm: Xây dựng người Hà Nội thanh lịch, văn minh lồng ghép trong các phong trào văn hóa, xã hội",
        "published": "2021-11-08T21:21+07:00", "author": None, "outlet": "HanoiTV",
        "keywords": ["Nam Từ Liêm", "Vượt chỉ tiêu 2021", "An sinh xã hội Nam Từ Liêm"],
    },
}


def fresh(path):
    """The record `ntl-extract run corpus -o output` makes, run from the project folder."""
    return extract_bytes(path.read_bytes(), path=f"corpus/{path.name}", doc_id=path.stem).to_dict()


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_output_is_current(path):
    committed = ROOT / "output" / f"{path.stem}.json"
    assert committed.exists(), f"run: ntl-extract run corpus -o output"
    assert json.loads(committed.read_text("utf-8")) == fresh(path), (
        "output/ is stale: regenerate it with `ntl-extract run corpus -o output`")


@pytest.mark.parametrize("doc_id,expected", SEED_ARTICLES.items())
def test_seed_metadata(doc_id, expected):
    path = ROOT / "corpus" / f"{doc_id}.txt"
    record = check_record(fresh(path), path.read_text("utf-8"))
    for key, value in expected.items():
        assert record["article"][key] == value, key


def test_corpus_has_the_seeds():
    assert {p.stem for p in CORPUS} >= set(SEED_ARTICLES)
