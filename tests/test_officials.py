"""Officials beyond the rule examples: the seeds' acceptance, the byline,
offsets on raw text that normalisation changes, merging, and tokenising only
where the lexicons cannot decide."""

from __future__ import annotations

import itertools
import re._constants
import re._parser
import time
import unicodedata

import pytest

from conftest import ROOT, checked
from ntl_extract import extract, extract_file, load_rules
from ntl_extract.document import Doc
from ntl_extract.extract import officials
from ntl_extract.extract.officials_text import is_vietnamese_syllable

RULES = load_rules()


def body(text: str) -> list[dict]:
    return checked(extract(text, published="2024-07-03", rules=RULES, detect_metadata=False), text)["officials"]


def titles(official: dict) -> list[tuple[str, str | None]]:
    return [(p["title"], p["organization"]) for p in official["positions"]]


def test_seed_000_gives_both_officials_with_their_positions():
    record = extract_file(ROOT / "corpus" / "000_1af0c90cd50fde23.txt", rules=RULES).to_dict()
    people = {o["name"]: o for o in record["officials"]}
    assert set(people) == {"Lâm Quang Thao", "Đỗ Thị Thúy Hà"}
    thao = titles(people["Lâm Quang Thao"])
    assert thao[:2] == [("Phó Bí thư Thường trực", "Quận ủy"), ("Chủ tịch", "Hội đồng nhân dân quận")]
    assert thao[2][0] == "Chủ nhiệm" and thao[2][1].startswith("Chương trình 04")
    assert titles(people["Đỗ Thị Thúy Hà"]) == [("Ủy viên Ban Thường vụ", "Quận ủy"), ("Phó Chủ tịch", "Ủy ban nhân dân quận")]
    assert people["Đỗ Thị Thúy Hà"]["positions"][0]["organization_text"] == "Quận ủy"
    assert record["article"]["author"] not in people  # the byline `Thanh Hải`


def test_seed_001_gives_the_official_with_honorific():
    record = extract_file(ROOT / "corpus" / "001_d22b7e7e4271484e.txt", rules=RULES).to_dict()
    [thao] = record["officials"]
    assert thao["name"] == "Lâm Quang Thao" and thao["honorific"] == "Ông"
    assert titles(thao) == [("Phó Bí thư Thường trực", "Quận ủy Nam Từ Liêm")]
    assert thao["positions"][0]["organization_text"] == "Quận uỷ Nam Từ Liêm"  # as written
    assert len(thao["mentions"]) == 2


def test_positions_span_the_title_and_organisation_in_raw_text():
    text = "Dự họp có ông Trần Minh Khôi – Phó Chủ tịch UBND huyện Gia Lâm."
    [person] = body(text)
    position = person["positions"][0]
    assert text[position["start"]:position["end"]] == "Phó Chủ tịch UBND huyện Gia Lâm"


def test_decomposed_input_keeps_raw_offsets():
    text = unicodedata.normalize("NFD", "Bí thư Huyện uỷ Trần Minh Khôi phát biểu. Ông Khôi nói thêm.")
    [person] = body(text)  # checked() proves raw[start:end] == text for every mention
    assert person["name"] == "Trần Minh Khôi"
    assert [m["text"] for m in person["mentions"]][1] == unicodedata.normalize("NFD", "Khôi")


def test_tone_placement_variants_are_one_person():
    [person] = body("Giám đốc Sở Nội vụ Lê Thị Ngọc Thuý phát biểu. Bà Lê Thị Ngọc Thúy cho biết thêm.")
    assert person["name"] == "Lê Thị Ngọc Thúy"
    assert len(person["mentions"]) == 2


def test_given_name_is_not_merged_when_two_people_share_it():
    people = body("Chủ tịch UBND xã Trần Văn Hùng và Phó Chủ tịch UBND xã Lê Văn Hùng cùng dự. Ông Hùng cho biết")
    assert [p["name"] for p in people] == ["Trần Văn Hùng", "Lê Văn Hùng"]
    assert all(len(p["mentions"]) == 1 for p in people)


def test_the_byline_is_no_official():
    text = ("Tiêu đề bài viết\n\nChủ tịch UBND xã Trần Văn Hùng phát biểu tại buổi lễ. Ông Hùng cảm ơn.\n\n"
            "Ngô Thanh Tùng\n")
    record = checked(extract(text, rules=RULES), text)
    names = [o["name"] for o in record["officials"]]
    assert "Trần Văn Hùng" in names
    assert record["article"]["author"] not in names


def test_private_business_people_are_not_officials():
    assert body("Ông Lê Văn Tâm, Giám đốc Công ty TNHH Minh Phát, và ông Trần Văn Hải, Phó Chủ tịch UBND xã, cùng dự") \
        and [p["name"] for p in body("Ông Lê Văn Tâm, Giám đốc Công ty TNHH Minh Phát, cho biết")] == []


def test_words_are_tagged_only_when_the_lexicons_cannot_decide(monkeypatch):
    from ntl_extract import segment

    tagged = []
    real = segment.tokens

    def spy(text, base=0, pos=False):
        tagged.append(text)
        return real(text, base, pos)

    monkeypatch.setattr(segment, "tokens", spy)
    body("Bí thư Tỉnh ủy Nghệ An Trần Minh Khôi chủ trì. Ông Khôi nhấn mạnh. Trời mưa to.")
    assert tagged == []
    body("Bí thư Huyện ủy Mường Nhé Pả Văn Dìn kiểm tra.")  # `Pả` is in no surname list, but `Văn` makes a name
    assert tagged == []
    people = body("Bí thư Huyện ủy Mường Nhé Pả A Dìn kiểm tra.")  # a district the lexicon lists ends before it
    assert tagged == [] and [p["name"] for p in people] == ["Pả A Dìn"]
    body("Bí thư Đảng ủy xã Nậm Kè Pả A Dìn kiểm tra.")  # neither (a commune no lexicon lists): the tagger decides
    assert len(tagged) == 1 and "Pả A Dìn" in tagged[0]
    # Only the undecided words and a few around them are tagged, not a long sentence.
    tagged.clear()
    people = body("Sáng nay, tại hội trường lớn của huyện, trước đông đảo cán bộ, đảng viên và nhân dân các xã vùng cao, "
                  "Bí thư Đảng ủy xã Nậm Kè Pả A Dìn đã trao quà cho các gia đình chính sách trên địa bàn.")
    assert len(tagged) == 1 and "Pả A Dìn" in tagged[0] and len(tagged[0].split()) <= 8 + len("Nậm Kè Pả A Dìn".split())
    assert [p["name"] for p in people] == ["Pả A Dìn"]


@pytest.mark.parametrize("text", ["Quyết định " * 3000, "Phó Chủ tịch UBND " * 2000, "1/" * 20000,
                                  "Nguyễn Văn An " * 3000, "ông Nguyễn Văn An, Chủ tịch " * 1000])
def test_pathological_input_ends(text):
    doc = Doc.from_text(text)
    found = officials.extract(doc, RULES, {})
    assert isinstance(found, list)


@pytest.mark.parametrize("word,vietnamese", [("Nguyen", True), ("Nghiem", True), ("Khoa", True), ("Carlos", False),
                                             ("Trump", False), ("Medina", False), ("Thuy", True)])
def test_foreign_words_are_told_from_vietnamese_syllables(word, vietnamese):
    assert is_vietnamese_syllable(word) is vietnamese


# --------------------------------------------------- the fast scan for candidates

_TRICKY = ("nguyên Phó Chủ tịch UBND tỉnh Lê Văn An; Nguyên Thiếu tướng Trần Văn Bình, nguyên Tư lệnh Quân khu 3. "
           "NGUYÊN ĐẠI TÁ PHÓ CHỦ TỊCH xã, Ban Giám đốc, ban giám đốc, Trưởng ban Tổ chức, xPhó Chủ tịch Trần An, "
           "anh Phó Chủ tịch, thanh Hóa, Thiếu tá  \t Ngô Văn Cường, ông\nNguyễn Văn Đông, bà   Lò Thị Sinh, "
           "Đ/c Hà Văn Tú, GS.TS Phạm Minh Hoàng, ĐBQH Lê Thu Hà, PCT UBND xã Hoàng Văn Tư, phó chủ tịch Phạm Văn Hai, "
           "Phó chủ Tịch Lê Văn Ba, ông nguyễn văn an, BộTrưởng, Bộ trưởngx, Chủ tịch nước Nguyễn Văn Năm.")


def _candidates(cands):
    return [(c.start, c.end, c.rule.id, c.fields, c.match.span(), c.match.group(),
             {g: c.match.group(g) for g in ("title", "former", "rank", "honorific", "name")
              if g in c.match.re.groupindex}) for c in cands]


@pytest.mark.parametrize("text", [
    _TRICKY, _TRICKY.upper(), _TRICKY.lower(), _TRICKY.replace("Phó", "ſPhó"), "İ " + _TRICKY,  # odd case: slow path
    "\n".join(ex.text for ex in RULES["officials"].all_examples()),
    "\n".join(text for _, text in RULES["officials"].all_negatives()),
    *[path.read_text("utf-8") for path in sorted((ROOT / "corpus").glob("*.txt"))],
])
def test_scanned_candidates_are_the_rules_own(text):
    """officials._find tries the patterns only where a title, honorific or rank
    starts, and searches a prefix only where one can end: the same candidates,
    groups and spans as engine.find."""
    from ntl_extract.extract.engine import Context, find

    doc = Doc.from_text(text)
    ctx = Context(doc=doc, dimension=RULES["officials"], found={})
    expected = _candidates(find(RULES["officials"], ctx))
    assert expected  # the texts do hold titles and names
    assert _candidates(officials._find(RULES["officials"], ctx, deadline=time.perf_counter() + 60)) == expected


def test_lower_casing_keeps_every_case_insensitive_title_match():
    """Titles are scanned on the lower-cased text: every character that matches a
    title's letter case-insensitively lower-cases to that letter's lower case,
    but for the ones `_CASE_ODD` sends to the slow path."""
    import regex

    letters = sorted({c for word in RULES["officials"].lexicons["title"] for c in word if c.isalpha()})
    everything = "".join(chr(i) for i in range(0x3000))  # no case pairs of Latin letters beyond
    for letter in letters:
        for found in regex.findall(regex.escape(letter), everything, flags=regex.IGNORECASE):
            assert found.lower() == letter.lower() or found in officials._CASE_ODD, (letter, found)


@pytest.mark.parametrize("text", ["Phó Chủ tịch UBND " * 20000, "ông Nguyễn Văn An, Chủ tịch " * 12000])
def test_out_of_time_the_reading_stops_warns_and_caps_mentions(text, monkeypatch):
    """Tens of thousands of titles, and mentions of one bogus person, with far
    too little time for them (a 20 ms budget): each step stops at its share of
    the time and says so, and no person keeps more than the late cap of
    mentions. (How long it takes is measured by bench/bench_officials.py.)"""
    monkeypatch.setattr(officials, "budget", lambda ctx: 0.02)
    doc = Doc.from_text(text)
    found = officials.extract(doc, RULES, {})
    assert doc.warnings
    assert all(len(o.mentions) <= officials._LATE_MENTIONS for o in found)


@pytest.mark.parametrize("text", [
    "Lê  Văn\tAn, Lê Văn Anh xLê Văn An Lê Văn Ann (Lê Văn) An Nguyễn Văn An1 Văn An_ 1Lê Văn\u00a0An Lê Văn",
    "Văn An Văn Anh Lê Văn Lê\nVăn\n An Nguyễn Anh Lê Văn An Nguyễn",  # `An` and `Anh` both begin at `Anh`
])
@pytest.mark.parametrize("few", [officials._FEW_NAMES, 0])  # plain searches, or the pattern
def test_name_scan_finds_what_one_pattern_of_the_names_would(text, few, monkeypatch):
    """`_Names` finds the names where the alternation of all of them, longest
    first, would match, and ends them where it would."""
    import re

    monkeypatch.setattr(officials, "_FEW_NAMES", few)
    names = ["Lê Văn An", "Lê Văn Anh", "Lê Văn", "An Nguyễn", "Anh Lê", "Văn An", "Văn Anh"]
    pattern = re.compile(r"(?<![^\W\d_])(?:" + "|".join(
        r"\s+".join(map(re.escape, name.split(" "))) for name in sorted(names, key=lambda n: (-len(n), n)))
        + r")(?![^\W\d_])")
    expected = [(at, m.end()) for at in range(len(text)) if (m := pattern.match(text, at))]
    scan = officials._Names(dict.fromkeys(names))
    found = [(at, end) for at, firsts in scan.starts(text) if (end := scan.match(text, at, firsts)) is not None]
    assert expected and found == expected


def test_folding_words_one_by_one_is_folding_them_written_together():
    """`fold_words` joins the words' own keys: the same as folding the words
    written one space apart, for every run of words of the corpus and of texts
    with old tone placement, decomposed marks, odd spaces, dashes and quotes."""
    from ntl_extract.extract.officials_text import fold_words, words
    from ntl_extract.normalise import fold

    texts = [path.read_text("utf-8") for path in sorted((ROOT / "corpus").glob("*.txt"))]
    texts += ["Thuý Hoà Uỷ hoà THUÝ quý Quỳ oà (Phú\u00a0 Thọ) H'Mông Lao\u2013động “Bà” ‘X’ ΣΑΣ",
              unicodedata.normalize("NFD", "Nguyễn Thị Thuý Hoà Đắk Lắk")]
    for line in (line for text in texts for line in text.splitlines()):
        ws = words(line, 0, limit=10**6)
        for k in range(len(ws)):
            for n in range(1, 6):
                run = ws[k:k + n]
                assert fold_words(run) == fold(" ".join(w.text for w in run)), [w.text for w in run]


def _phrases(parsed) -> list[str]:
    """Every string a pattern without unbounded repeats takes, each `\\s+` as one space."""
    c = re._constants
    out = [""]
    for op, av in parsed:
        if op is c.LITERAL:
            options = [chr(av)]
        elif op is c.SUBPATTERN:
            options = _phrases(av[-1])
        elif op is c.BRANCH:
            options = [p for branch in av[1] for p in _phrases(branch)]
        elif op is c.IN and av == [(c.CATEGORY, c.CATEGORY_SPACE)]:
            options = [" "]
        elif op is c.IN and av[0][0] is c.NEGATE:  # any word (`tại [^.;]{1,60}?`): one stands for all
            options = ["x"]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, high, sub = av
            inner = _phrases(sub)
            counts = [max(low, 1)] if high is c.MAXREPEAT or high > 3 else range(low, high + 1)
            options = [""] if not inner else [
                "".join(parts) for n in counts for parts in itertools.product(inner, repeat=n)]
        elif op in (c.AT, c.ASSERT_NOT):
            options = [""]
        else:
            raise AssertionError(f"not spelled out: {op}")
        out = [head + tail for head in out for tail in options]
    return out


def test_verb_prefilter_lets_every_verb_phrase_through():
    """`_may_be_verb` is only a shortcut: every phrase `_VERB_SEPARATOR` takes passes it."""
    phrases = _phrases(re._parser.parse(officials._VERB_SEPARATOR.pattern))
    assert len(phrases) > 100
    for phrase in phrases:
        before = "ông Nguyễn Văn An" + phrase
        assert officials._VERB_SEPARATOR.search(before), phrase
        assert officials._may_be_verb(before), phrase


@pytest.mark.parametrize("before", ["ông An - ", "ông An, nguyên ", "ông An (Hà Nội), ", "ông An – cựu ", "ông An (",
                                    "An \u2003—\u00a0", "Nguyễn Văn An (SN 1970) – nguyên  "])
def test_separator_prefilter_lets_separators_through(before):
    assert officials._SEPARATOR.search(before) and officials._may_separate(before)


def test_on_behalf_prefilter_lets_every_phrase_through():
    """`_may_act_for` is only a shortcut: every phrase `_ON_BEHALF` takes, in any case, passes it."""
    phrases = _phrases(re._parser.parse(officials._ON_BEHALF.pattern))
    assert len(phrases) > 10
    for phrase in phrases:
        for written in (phrase, phrase.upper(), phrase.title()):
            text = "Ngày 2/9, " + written + "Chủ tịch nước"
            start = text.index("Chủ tịch")
            assert officials._ON_BEHALF.search(text, max(0, start - 40), start), written
            assert officials._may_act_for(text, start), written
