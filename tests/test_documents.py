"""Documents: the code tables hold together, symbols normalise, mentions are
whole references, and the seed articles give the documents their gold files say."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, SHARED, checked
from ntl_extract import extract, extract_file, load_rules
from ntl_extract.extract.documents import _usual_spelling, normalise_symbol
from ntl_extract.extract.engine import Context
from ntl_extract.document import Doc
from ntl_extract.normalise import canonical, fold

RULES = load_rules()
DIM = RULES["documents"]
TABLES = DIM.tables


def _ctx(text: str = "") -> Context:
    return Context(doc=Doc.from_text(text), dimension=DIM)


# ------------------------------------------------------------------ the tables


def test_every_type_code_maps_both_ways():
    """A type's code names that type, and the type's name gives that code back:
    a symbol (`…/QĐ-…`) and a word (`Quyết định`) must agree. (A type without
    a code of its own, `Cáo trạng`, is named by its word only.)"""
    code_to_type: dict[str, str] = {}
    for name, entry in TABLES["types"].items():
        target = entry.get("as", name)
        for code in [c for c in [entry.get("code"), *entry.get("codes", [])] if c]:
            previous = code_to_type.setdefault(fold(code), target)
            assert previous == target, f"code {code} names both {previous} and {target}"
    for name, entry in TABLES["types"].items():
        target = entry.get("as", name)
        if "code" in entry:
            assert code_to_type[fold(entry["code"])] == target
    for name in TABLES["types"]:
        assert name in DIM.lexicons["doc_type"], f"type {name} has no pattern word"


def test_every_type_word_ends_in_a_word_the_number_lookbehind_knows():
    """Rules that need a type word before the number check `doc_type_end` at
    every number first: a type word whose last word is not listed there would
    silently never be found."""
    ends = {word.casefold() for word in DIM.lexicons["doc_type_end"]}
    for word in DIM.lexicons["doc_type"]:
        assert word.split()[-1].casefold() in ends, f"{word}: add its last word to doc_type_end"


def test_numbers_after_type_words_in_any_case_are_found():
    for text in ["QUYẾT ĐỊNH SỐ 12", "quyết định 12", "Nghị Quyết số: 7", "NQ 21", "cv số 618", "Thông tư liên tịch 3"]:
        record = checked(extract(text, rules=RULES, detect_metadata=False), text)
        assert [d["number"] for d in record["documents"]] == [text.split()[-1]], text


def test_every_code_spelling_is_itself_under_folding():
    for key, spelling in TABLES["code_spellings"].items():
        assert fold(spelling) in (key, fold(key.replace("d", "đ"))), (key, spelling)
        assert key == key.casefold()


def test_issuer_codes_are_keyed_case_folded_and_name_canonical_bodies():
    for code, body in TABLES["issuer_codes"].items():
        assert code == code.casefold()
        assert body == canonical(body) and "uỷ" not in body


def test_codes_in_symbols_spelled_as_the_type_table_spells_them():
    spelled = {fold(v): v for v in TABLES["code_spellings"].values()}
    for entry in TABLES["types"].values():
        if fold(entry.get("code", "")) in spelled:
            assert spelled[fold(entry["code"])] == entry["code"]


# --------------------------------------------------------------------- symbols


@pytest.mark.parametrize("written,normal", [
    ("05- CTr/QU", "05-CTr/QU"),
    ("36/2006/CT-TTG", "36/2006/CT-TTg"),
    ("1215/QĐ - TTg", "1215/QĐ-TTg"),
    ("30/2020/NÐ-CP", "30/2020/NĐ-CP"),
    ("15/2008/QH12", "15/2008/QH12"),
    ("12 - ctr/tu", "12-CTr/TU"),
])
def test_normalise_symbol(written, normal):
    assert normalise_symbol(_ctx(), written) == normal


def test_a_tone_typo_in_a_name_takes_the_article_s_usual_spelling():
    text = "quận Cầu Giấy. Quận ủy Cầu Giây ban hành. Tại quận Cầu Giấy"
    assert _usual_spelling(text, "Quận ủy Cầu Giây") == "Quận ủy Cầu Giấy"
    assert _usual_spelling("Quận ủy Cầu Giây", "Quận ủy Cầu Giây") == "Quận ủy Cầu Giây"


# -------------------------------------------------------------------- mentions


def test_mention_covers_the_whole_reference():
    text = "Thực hiện Quyết định số 512/QĐ - TTg của Thủ tướng."
    record = checked(extract(text, rules=RULES, detect_metadata=False), text)
    [doc] = record["documents"]
    assert doc["mentions"][0]["text"] == "Quyết định số 512/QĐ - TTg"


def test_offsets_hold_on_old_tone_marks_and_decomposed_text():
    import unicodedata

    text = unicodedata.normalize("NFD", "Chương trình số 07-CTr/TU của Thành uỷ Hải Phòng về nhà ở.")
    record = checked(extract(text, rules=RULES, detect_metadata=False), text)
    [doc] = record["documents"]
    assert doc["issuer"] == "Thành ủy Hải Phòng"
    assert doc["symbol"] == "07-CTr/TU"


def test_a_later_bare_reference_joins_the_first_citation():
    text = "Kế hoạch số 31-KH/TU ngày 3/4/2022. Sau một năm, Kế hoạch 31 đã hoàn thành."
    record = checked(extract(text, rules=RULES, detect_metadata=False), text)
    [doc] = record["documents"]
    assert doc["date"] == "2022-04-03"
    assert [m["text"] for m in doc["mentions"]] == ["Kế hoạch số 31-KH/TU", "Kế hoạch 31"]


# ----------------------------------------------------------------------- seeds

GOLD = SHARED / "dev" / "gold"


@pytest.mark.parametrize("path", sorted((ROOT / "corpus").glob("*.txt")), ids=lambda p: p.stem)
def test_seed_documents_match_gold(path):
    gold_file = GOLD / f"{path.stem}.json"
    if not gold_file.is_file():
        pytest.skip("no gold file for this seed")
    gold = [d for d in json.loads(gold_file.read_text(encoding="utf-8"))["documents"] if d.get("number")]
    got = {(d["type"], d["number"]): d for d in extract_file(path, rules=RULES).to_dict()["documents"]}
    for want in gold:
        have = got.get((want["type"], want["number"]))
        assert have is not None, want
        for key in ("symbol", "date", "issuer"):
            assert have[key] == want.get(key), (want, have)
