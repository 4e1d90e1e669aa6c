"""Officials, character level: the words after a title, the organisation they
name, and where a person's name begins in a run of capitalised words.

Everything here reads the normalised text and the lexicons of
`rules/officials.yaml` (as folded sets, built once per rule set). Nothing is
tokenised here; `officials.py` asks underthesea only when these rules leave a
run of capitals undecided.
"""

from __future__ import annotations

from itertools import islice
from typing import Callable

import regex

from ..normalise import canonical as _canonical
from ..normalise import fold as _fold
from ..rules import prepared


def _remembered(function: Callable[[str], str], size: int = 200_000) -> Callable[[str], str]:
    """`function` with its results kept in a plain dict (a lookup costs less than
    `lru_cache`'s bookkeeping, and the same words and names come again and
    again), emptied when it holds `size` of them."""
    memo: dict[str, str] = {}

    def remembered(value: str) -> str:
        out = memo.get(value)
        if out is None:
            if len(memo) >= size:
                memo.clear()
            out = memo[value] = function(value)
        return out

    remembered.__doc__ = f"`normalise.{function.__name__}`, remembered."
    return remembered


canonical = _remembered(_canonical)
fold = _remembered(_fold)


# A word, a bracketed aside, or one delimiter. `TP.`, `Tp.`, `TX.`, `TT.`, `P.`, `Q.`, `H.` keep
# their dot (`TP. Hà Nội`, `P. Vĩnh Niệm`), and letters joined by `.`/`-` stay one word (`TP.HCM`, `Lao-động`).
# (Runs of letters are single repeats, which the regex module matches fastest.)
_TAI, _CAO, _CAP = fold("tại"), fold("cao"), fold("cấp")
_VE, _O = fold("về"), fold("ở")
# First words of bodies named with `về` (`Ủy ban`, `Hội đồng`, `Phòng`/`Đội` `Cảnh sát điều tra tội phạm về ma túy`).
_ABOUT_HEADS = frozenset(fold(w) for w in ("Ban", "Ủy", "Uỷ", "Cục", "Hội", "Vụ", "Phòng", "Đội", "Cảnh"))
_WORD = regex.compile(
    r"(?:TP|Tp)\.(?!\p{L})|(?:TX|TT|P|Q|H)\.(?![\p{L}0-9])|\p{Lu}{1,4}(?:,\p{Lu}[\p{Lu}&]*)+(?![\p{L}\p{M}])"  # `VH,TT&DL`: one abbreviation
    r"|[\p{L}\p{M}][\p{L}\p{M}&'’/]*(?:[.-](?=[\p{L}\p{M}])[\p{L}\p{M}&'’/]*)*|[0-9]+[\p{L}0-9]*"
    r"|\([^()\n]{1,40}\)|[,;:.!?\"“”–—)-]")
# A Vietnamese syllable written without its marks; a word that is none (`Carlos`,
# `Trump`, `Medina`) is foreign.
_VN_SYLLABLE = regex.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"(?:[aeiouy]{1,3})(?:ch|ng|nh|[cmnpt])?", regex.IGNORECASE)


def _bare(word: str) -> str:
    """`Nguyễn` → `nguyen`, `Đỗ` → `đo`: the letters without tone and shape marks."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Lower-case words that may follow a place inside a body's name: a conjunction, a term.
_AFTER_PLACE = frozenset(["và", "của", "nhiệm", "khóa", "khoá", "năm"])
_YEAR = regex.compile(r"(?:19|20)[0-9]{2}")
_ROMAN_OR_YEAR = regex.compile(r"[IVXL]+|(?:19|20)[0-9]{2}(?:-(?:19|20)[0-9]{2})?")


def is_vietnamese_syllable(word: str) -> bool:
    return _VN_SYLLABLE.fullmatch(_bare(word)) is not None


class Lexicons:
    """The officials lexicons and tables as folded sets, built once per rule set."""

    def __init__(self, dimension) -> None:
        lx, tb = dimension.lexicons, dimension.tables
        self.surnames = {fold(w) for w in lx["surname"] if " " not in w.strip()}
        # Surnames of two words or more (`Âu Dương`, `Tôn Thất`, `Công Tằng Tôn Nữ`), as folded word tuples.
        self.compound_surnames = sorted({tuple(fold(w).split()) for w in lx["surname"] if " " in w.strip()},
                                        key=len, reverse=True)
        self.compound_firsts = {c[0] for c in self.compound_surnames}
        self.middles = {fold(w) for w in lx["middle_name"]}
        self.gender_middles = {fold(w) for w in tb["gender_middle_names"]}
        self.places = {fold(w) for w in lx["place"]}
        self.districts = {fold(w) for w in lx.get("district", ())}
        self.place_words = {fold(w) for w in lx["place_type"]}
        self.org_heads = {fold(w) for w in lx["org_head"]}
        self.org_lower = {fold(w) for w in tb["org_lower_words"]}
        self.stops = {fold(w) for w in tb["stop_words"]}
        self.people_nouns = {fold(w) for w in tb["people_nouns"]}
        self.zones_after_and = {tuple(fold(w).split()) for w in tb["zones_after_and"]}
        self.many_places = regex.compile(  # a count of places (`10 huyện`, `các xã`; not `Ban Chỉ đạo 389 tỉnh`): `names_many`
            r"(?<![\w])(?<!(?:đề án|chương trình|kế hoạch|nghị quyết|quyết định|chỉ thị|kết luận|số|chỉ đạo|bcđ)\s)"
            r"(?:[1-9][0-9]*|các|những|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?:"
            + "|".join(regex.escape(fold(w)) for w in sorted(lx["place_type"], key=len, reverse=True)
                       if w[-1].isalpha()) + r")(?![\w])")
        self.titles = {fold(t): t for t in lx["title"]}  # the lexicon's spelling is canonical
        self.titles.update({fold(variant): canonical_title for canonical_title, variants in tb["titles"].items()
                            for variant in [canonical_title, *variants]})
        # Titles that spell part of their body (`UVTW Đảng`: `Ủy viên` of `Trung ương Đảng`).
        self.title_bodies = {fold(t): body for t, body in tb.get("title_bodies", {}).items()}
        # Titles that stand alone (`Phó Thủ tướng, Bộ trưởng Bộ …`): never share the next title's body.
        self.self_contained = {fold(t) for t in tb.get("self_contained_titles", [])}
        self.single_holder = {fold(t) for t in tb.get("single_holder_titles", [])}
        self.ministry_titles = {fold(t) for t in tb.get("ministry_titles", [])}
        self.member_titles = {fold(t) for t in tb.get("member_titles", [])}
        self.committee_seats = {fold(t) for t in tb.get("committee_seat_titles", [])}
        self.party_committees = {fold(t) for t in tb.get("party_committees", [])}
        self.shared_head = {fold(t): head for t, head in tb["titles_sharing_head"].items()}
        self.led_bodies = {fold(t): tuple(heads) for t, heads in tb.get("bodies_led_by", {}).items()}
        self.across_tai = {fold(t) for t in tb["titles_across_tai"]}
        self.org_compounds = {fold(w) for w in tb["org_compounds"]}
        self.named_institutions = {fold(w) for w in tb["named_institution_words"]}
        honorific_words = "|".join(regex.escape(w) for w in sorted({*lx["honorific"], *lx["rank"]}, key=len, reverse=True))
        self.honorific_rx = regex.compile(  # `… và đồng chí Nông Thị Hà`: another person begins
            # (titles of merit and degrees joined by dots, `TTƯT.ThS.BS Lê Quang Tuấn`)
            rf"(?:(?:{honorific_words})\.\s?)*(?:{honorific_words})\s+\p{{Lu}}", regex.IGNORECASE)
        self.honorifics = {fold(k): v for k, v in tb["honorific_canonical"].items()}
        # A person named after a body without a comma (`Giám đốc Sở Y tế ông Nguyễn Văn An`, `… tỉnh Đại tá
        # Võ Thành Trung`): a rank, or an honorific in lower case (`Bà Rịa` is a place), then a capital.
        ranks = "|".join(regex.escape(w) for w in sorted(lx["rank"], key=len, reverse=True))
        self.person_opening_rx = regex.compile(
            rf"(?:(?i:{ranks})|(?:ông|bà|anh|chị|đồng\s+chí|đ/c))\s+(?=\p{{Lu}})")
        # … tried only at a word it may open with (`parse_org` asks at every word)
        self.person_opening_firsts = frozenset({fold(w.split()[0]) for w in lx["rank"]}
                                               | {fold(w) for w in ("ông", "bà", "anh", "chị", "đồng", "đ/c")})
        self.abbreviations = tb["org_abbreviations"]
        # Bodies whose names hold a comma (`Bộ Văn hóa, Thể thao và Du lịch`): the folded words
        # before it and after it.
        self.comma_names = [tuple(tuple(fold(part).split()) for part in name.split(",", 1))
                            for name in tb["comma_names"]]
        self.max_org_words = tb["max_org_words"]
        self.company_words = {fold(w) for w in tb["company_words"]}
        self.private = _folded_words_rx(tb["private_org_words"])
        self.public = _folded_words_rx(tb["public_org_words"])
        self.public_head = _folded_words_rx(tb["public_org_heads"])  # matched where the body's name opens
        self.religious = _folded_words_rx(tb["religious_org_words"])
        self.company_titles = {fold(t) for t in tb["company_titles"]}
        self.abbr_rx = regex.compile(
            r"(?<![\w&.])(?:" + "|".join(map(regex.escape, sorted(self.abbreviations, key=len, reverse=True)))
            + r")(?![\w&])")
        self.title_rx = None  # set by officials.py: the title rule's pattern
        self.expanded: dict[str, str | None] = {}  # organisations as `expand` gives them
        self.privates: dict[str, bool] = {}  # … and as `is_private` judges them

    def starts_title(self, text: str, pos: int) -> bool:
        return self.title_rx is not None and self.title_rx.match(text, pos) is not None


_BRAND_BANK = regex.compile(r"(?<![\w])\w{2,}bank(?![\w])")  # `KTBank`, `Techcombank`: a bank's brand


def _folded_words_rx(words) -> regex.Pattern:
    """Any of `words`, folded, as a whole word of a folded text (longest first)."""
    return regex.compile(r"(?<![\w])(?:" + "|".join(regex.escape(fold(w)) for w in sorted(words, key=len, reverse=True))
                         + r")(?![\w])")


# A note under a signature block's office that the original was signed: `(Đã ký)`, `Đã ký và đóng dấu`.
SIGNED_NOTE = r"\(?\s*(?i:đã\s+ký|ký\s+tên)[^\n()]{0,30}\)?"
_SIGNING_FOR = regex.compile(r"^(?:KT|TM|TL|TUQ|Q)\.\s*")  # `KT. CHỦ TỊCH`: signing for another


# A document's two columns scraped onto one line and its spaces then collapsed: the
# recipients' list, then the signature block's office in capitals
# (`- Như Điều 3; KT. CHỦ TỊCH`, `Nơi nhận: TM. ỦY BAN NHÂN DÂN`).
_CAPITALS_TO_END = r"\p{Lu}[\p{Lu}.]*(?:[ \t]+\p{Lu}[\p{Lu}.]*)+[ \t]*$"  # words in capitals, to the line's end
_LEFT_COLUMN = regex.compile(rf"(?m)^(?=[^\n]*\p{{Ll}})[^\n]*?[;:,.][ \t]+(?={_CAPITALS_TO_END})")
_OFFICE_AFTER_COLUMN = regex.compile(rf"(?m)[;:,.][ \t]+{_CAPITALS_TO_END}")  # where such a line ends


def right_column(text: str, start: int = 0) -> str:
    """`text` with, on each line from `start` on, the recipients' column before a
    signature block's office blanked out (same length, so offsets hold): the
    office then stands alone on its line, as in a one-column scrape."""
    if not _OFFICE_AFTER_COLUMN.search(text, start):  # most texts: nothing to blank, no copy made
        return text
    return text[:start] + _LEFT_COLUMN.sub(lambda m: " " * len(m.group()), text[start:])


def signature_office(lx: Lexicons, line: str) -> tuple[str, str] | None:
    """The office a signature block's line in capitals names, and how it is written there:
    `KT. BỘ TRƯỞNG, CHỦ NHIỆM` → (`Chủ nhiệm`, `CHỦ NHIỆM`); None for any other line."""
    line = line.strip()
    if not line.isupper():
        return None
    office = _SIGNING_FOR.sub("", line).split(",")[-1].strip()
    title = lx.titles.get(fold(office))
    if title is not None and line.startswith("Q."):  # `Q. CHỦ TỊCH`: the acting chairman signs himself
        title = lx.titles.get(fold(f"Quyền {office}"), title)
    return (title, office) if title is not None else None


def lexicons(dimension) -> Lexicons:
    """The officials' word lists of a rule set, built once (`rules.prepared`)."""
    return prepared(dimension, Lexicons)


class Word:
    """A word of the text: as written, where, its folded key and whether it is capitalised."""

    __slots__ = ("text", "start", "end", "_key", "capital")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self._key = None
        self.capital = text[:1].isupper()

    @property
    def key(self) -> str:
        """The folded word, made when first asked for: most words read after a
        title lie past its organisation and name, and nobody asks."""
        key = self._key
        if key is None:
            key = self._key = fold(self.text)
        return key

    def __eq__(self, other) -> bool:
        return isinstance(other, Word) and (self.text, self.start, self.end) == (other.text, other.start, other.end)

    def __repr__(self) -> str:
        return f"Word(text={self.text!r}, start={self.start}, end={self.end})"


def fold_words(ws: list[Word]) -> str:
    """`fold` of the words written one space apart, made of their keys: folding
    (NFC, tone placement, plain dashes and quotes, case) never reaches across
    a space, so the folded words joined are the same string, and each word is
    folded once however many runs of words it is part of
    (tests/test_officials.py checks it over the corpus)."""
    return " ".join([w.key for w in ws])


def words(text: str, start: int, limit: int = 40) -> list[Word]:
    """Words (and delimiters) of `text` from `start`, on the same line."""
    line_end = text.find("\n", start)  # no word holds a line break, and none ends at one
    if line_end == -1:
        line_end = len(text)
    return join_particles([Word(m.group(), m.start(), m.end())
                           for m in islice(_WORD.finditer(text, start, line_end), limit)])


def join_particles(ws: list[Word]) -> list[Word]:
    """`ws`, the particles of foreign names in it marked as name words (`_join_particles`)."""
    for i in range(1, len(ws) - 1):
        if ws[i].text in NAME_PARTICLES:
            _join_particles(ws, i)
    return ws


# Lower-case particles inside foreign personal names (`Pieter van der Sloot`, `Annelies de Groot`).
# (Not `do`, `da`, `la`: Vietnamese words too, and `do` often stands before a capital.)
NAME_PARTICLES = frozenset({"van", "der", "den", "de", "von", "zu", "du", "del", "della", "dos", "das",
                            "bin", "binti", "al", "ter", "ten"})


def _join_particles(ws: list[Word], i: int) -> None:
    """Mark the particles from `i` as capitalised name words when they sit between a
    foreign capitalised word and another capital (`Pieter van der Sloot`)."""
    before = ws[i - 1]
    if not (before.capital and before.text.isascii() and not is_vietnamese_syllable(before.text)):
        return
    j = i
    while j < len(ws) and ws[j].text in NAME_PARTICLES:
        j += 1
    if j - i <= 3 and j < len(ws) and ws[j].capital and ws[j].text.isalpha():
        for k in range(i, j):
            ws[k].capital = True


def surname_length(lx: Lexicons, ws: list[Word], k: int) -> int:
    """How many words of `ws` from `k` spell a surname: a compound one (`Âu Dương`,
    `Công Tằng Tôn Nữ`), longest first, else 1 for a surname of the lexicon, else 0."""
    if k >= len(ws):
        return 0
    key = ws[k].key
    if key in lx.compound_firsts:
        for compound in lx.compound_surnames:
            n = len(compound)
            if k + n <= len(ws) and all(ws[k + i].key == compound[i] for i in range(n)):
                return n
    return 1 if key in lx.surnames else 0


def inside_compound_surname(lx: Lexicons, run: list[Word], k: int) -> bool:
    """Does a compound surname of the run begin before word k and go on past it
    (`Âu Dương Minh Triết` cut at `Dương`)?"""
    for p in range(max(0, k - 3), k):
        if run[p].key in lx.compound_firsts and surname_length(lx, run, p) > k - p:
            return True
    return False


def is_surname_and_middles(lx: Lexicons, ws: list[Word]) -> bool:
    """Are these words a surname and middle names only (`Lê Thị`, `Nguyễn Hữu`,
    `Âu Dương`)? No place is spelled so: they open a person's name."""
    n = surname_length(lx, ws, 0)
    return n > 0 and all(w.key in lx.middles for w in ws[n:]) and (n > 1 or len(ws) > 1)


def is_name_word(word: Word) -> bool:
    """A capitalised word that may be part of a personal name; acronyms
    (`NHNN`, `TNHH`) are not."""
    t = word.text.replace("'", "").replace("-", "")
    return word.capital and t.isalpha() and not (len(t) > 1 and t.isupper())


# Letters only Vietnamese spells with (`ă â ê ô ơ ư đ` and the toned vowels of Latin Extended
# Additional); `á`, `é`, `ö` … are other languages' too (`Tamás Kovácsházi`).
_VIETNAMESE_ONLY = regex.compile(r"[ăâêôơưđĂÂÊÔƠƯĐ\u1EA0-\u1EF9]")


# A given name of the Central Highlands: `H'` (a woman's) or `K'` before it, or `Y` alone (a man's).
# (`A` alone opens a Xơ Đăng man's name, `A Vương`, but is the Hmong middle name too, `Pả A Dìn`:
# not read as one.)
_HIGHLAND_GIVEN = regex.compile(r"(?:[HK]['’]\p{Lu}\p{L}*|Y)$")


def looks_foreign(run: list[Word], lx: Lexicons) -> bool:
    """A foreign personal name (`Carlos Medina`, `Tamás Kovácsházi`), not a company (`Pacific Airlines`)."""
    return (1 <= len(run) <= 4 and not any(_VIETNAMESE_ONLY.search(w.text) for w in run)
            and any(not is_vietnamese_syllable(w.text) for w in run)
            and not any(w.key in lx.company_words for w in run))


def starts_with_place(lx: Lexicons, name: list[Word]) -> bool:
    return any(fold_words(name[:n]) in lx.places for n in range(1, min(4, len(name)) + 1))


def split_name(lx: Lexicons, run: list[Word], known: set[str], after_place_word: bool,
               keep: int = 0) -> tuple[int, int] | None:
    """Where the name is in a run of capitalised words that ends an
    organisation (`Nam Từ Liêm Lâm Quang Thao` → words 3 to 6), or None.

    A name found elsewhere in the article wins, even when more capitals follow
    it. Otherwise the name must start with a surname or look foreign, may not
    start with a place, and the words before it should be a place. `keep`
    words at least stay with the organisation (an institution's own name).
    """
    keys = [w.key for w in run]  # `fold_words` of run[a:b] is " ".join(keys[a:b])
    for k in range(keep, len(run)):
        for n in range(min(5, len(run) - k), 1, -1):
            if " ".join(keys[k:k + n]) in known:
                return k, k + n
    best = None
    places = lx.places
    for k in range(keep, len(run)):
        name = run[k:]
        surname = surname_length(lx, name, 0)
        if not 2 <= len(name) <= (6 if surname > 1 else 5) or surname >= len(name):
            continue
        if k > 0 and (inside_compound_surname(lx, run, k) or (len(run) <= 4 and is_surname_and_middles(lx, run[:k]))
                      or any(_HIGHLAND_GIVEN.match(w.text) for w in run[:k])):
            continue  # `… Âu | Dương Minh Triết`, `… Lê Thị | Mai Phương`, `Y | Giang …`: the name began earlier
        place = " ".join(keys[:k])
        if " ".join(keys[k:]) in places \
                or any(" ".join(keys[k:k + n]) in places for n in range(1, min(4, len(name)) + 1)) \
                or (k > 0 and (" ".join(keys[:k + 1]) in places
                               or (" ".join(keys[:k + 1]) in lx.districts and keys[k + 1] not in lx.gender_middles))):
            continue  # `Nhật Bản Kenji Watanabe`, `huyện Lạc Dương Liêng Hót Ha Thoa`: the place goes on into the next word
            # (unless a `Văn`/`Thị` after that word makes it a surname: `thôn Đông Hà Văn Khánh`)
        # A surname and a middle name (`Lê Thị …`, `Ngụy Văn …`, `Âu Dương …`) open a
        # person's name, not a place's: the body ends in a bare `tỉnh`/`phường` (this one).
        shaped = 3 <= len(name) <= 4 + (surname - 1) and (surname > 1 or name[1].key in lx.middles)
        # Right after `huyện`/`tỉnh` the run is more likely the place's name (`huyện Gia Lâm`),
        # but `Chủ tịch UBND huyện Nguyễn Văn An` is common: allowed, scored lower.
        score = -3 if k == 0 and after_place_word and not (surname and shaped) and not _HIGHLAND_GIVEN.match(name[0].text) else 0
        if after_place_word and len(name) == 2 and not looks_foreign(name, lx) and k <= 1:
            continue  # `huyện Triệu Phong`, `quận Bắc Từ Liêm`: a two-word place, not a person
        if surname:
            score += 4
        elif 3 <= len(name) <= 4 and name[1].key in lx.gender_middles and is_vietnamese_syllable(name[0].text):
            score += 3  # `Văn`/`Thị` second: a name, even with a surname the lexicon lacks
        elif _HIGHLAND_GIVEN.match(name[0].text):
            score += 3  # (`H'Nhi Niê Kdăm`, `Y Bih Niê`: the Ê Đê, Jarai, K'Ho given-name marks)
        elif looks_foreign(name, lx):
            if k == 0 and after_place_word:
                continue  # `Chủ tịch tỉnh Luang Prabang mong muốn …`: a foreign place's name, not a person's
            score += 3
        elif k > 0 and (place in places or place in lx.districts):
            score += 2
        else:
            continue
        if k > 0 and (place in places or place in lx.districts):
            score += 2
        score += {3: 3, 4: 2, 2: 1}.get(len(name), 0)
        if best is None or score > best[0]:
            best = (score, k)
    return (best[1], len(run)) if best else None


def is_full_name(lx: Lexicons, ws: list[Word], first: int, end: int, known: set[str] = frozenset()) -> bool:
    """Do the capitalised words just before `end` end with a person's full name?"""
    k = end
    while k > first and is_name_word(ws[k - 1]):
        k -= 1
    run = ws[k:end]
    for s in range(len(run) - 1):
        tail = run[s:]
        spelled = fold_words(tail)
        if len(tail) <= 5 and (surname_length(lx, tail, 0) or spelled in known) and spelled not in lx.places:
            return True
    return 2 <= len(run) <= 3 and looks_foreign(run, lx)


def name_follows(lx: Lexicons, ws: list[Word], j: int) -> bool:
    """Does a full name (surname + at least one more capital) start at word j?"""
    if j >= len(ws) or not is_name_word(ws[j]):
        return False
    n = surname_length(lx, ws, j)
    return n > 0 and j + n < len(ws) and is_name_word(ws[j + n])


def parse_org(lx: Lexicons, text: str, ws: list[Word], i: int, title_key: str = "",
              known: set[str] = frozenset()) -> int:
    """How far the organisation after a title reaches (index past its last word).

    It runs over head words (`Ủy ban`, `Sở`, `tỉnh`), capitalised words and the
    lower-case words of a body's name, and stops at a verb or function word
    (`cho biết`, `đã`), at a full name followed by lower case, at a comma that
    opens no new body, and after a place name at the first lower-case word.
    """
    j = i
    seen_head = False
    lower_head = False  # the body opens with a head word in lower case (`bệnh viện`)
    after_place = False  # inside a place name (`tỉnh Hải Dương`): lower case ends the body
    term_end = -1  # past the last term read (`khóa XVII`, `nhiệm kỳ 2021-2026`)
    count = 0
    n = len(ws)
    # The lexicons asked about at every word, looked up once.
    heads, stops, place_words, compounds = lx.org_heads, lx.stops, lx.place_words, lx.org_compounds
    while j < n and count < lx.max_org_words:
        w = ws[j]
        key = w.key
        first = w.text[0]
        prev = ws[j - 1] if j > i else None
        if prev is not None and key in lx.person_opening_firsts and lx.person_opening_rx.match(text, w.start):
            break  # `Giám đốc Sở Y tế ông Nguyễn Văn An`: a person begins
        if first == "(":
            # An abbreviation or a parent body in brackets; the body goes on only if a capital
            # or a place word follows (`Viện kiểm sát nhân dân (VKSND) tỉnh`).
            if j > i and j + 1 < n and (ws[j + 1].capital or ws[j + 1].key in place_words):
                j += 1
                continue
            return j + 1 if j > i else j
        if key == "tại" and title_key in lx.across_tai and seen_head and j + 1 < n and ws[j + 1].capital:
            j += 1  # `Đại sứ Thái Lan tại Việt Nam`
            continue
        if prev is not None and prev.capital and f"{prev.key} {key}" in compounds:
            j += 1  # `Bộ trưởng Ngoại giao`: `giao` is no verb here
            count += 1
            continue
        pair = f"{key} {ws[j + 1].key}" if j + 1 < n else ""  # this word and the next
        if j == term_end and not w.capital and first.isalpha() and key not in ("năm", "khóa") and pair != _NHIEM_KY:
            break  # `Hai Phó Chủ tịch HĐND huyện nhiệm kỳ 2021-2026 gồm …`: lower case after the term ends the body
        if prev is not None and prev.capital and pair and f"{prev.key} {pair}" in compounds:
            j += 2  # `Ban đại diện`: no verb either
            count += 2
            continue
        if seen_head and pair in compounds:
            j += 2  # `Cảnh sát giao thông`, `Ban Quản lý dự án`
            count += 2
            continue
        if first.islower() and not w.capital and prev is not None and prev.capital and is_full_name(lx, ws, i, j, known) \
                and not _names_its_head(lx, ws, i, j):
            break  # `… tỉnh Quảng Ninh Vũ Thị Hạnh kiểm tra`: the name ends here
        after_comma = (_comma_name_rest(lx, ws, j) or _field_list_rest(lx, text, ws, j)) \
            if w.text == "," and seen_head else 0
        if after_comma:
            j += 1 + after_comma  # `Bộ Văn hóa, Thể thao và Du lịch`
            count += after_comma
            continue
        if first == "," and w.text == "," and seen_head and j + 1 < n and ws[j + 1].capital and \
                ws[j + 1].key.split()[0] in heads and not lx.starts_title(text, ws[j + 1].start) \
                and not is_full_name(lx, ws, i, j, known):
            j += 1  # `Trưởng phòng Tổ chức, Sở Nội vụ`; but a name ends it (`Kiểm sát viên Lê Văn An, VKSND tỉnh`)
            continue
        if first == "-" and w.text == "-" and seen_head and prev is not None and prev.text[0].isalnum() \
                and j + 1 < n and ws[j + 1].capital and not name_follows(lx, ws, j + 1) \
                and not lx.starts_title(text, ws[j + 1].start) and text[w.start - 1:w.start] == " " \
                and not (title_key in lx.member_titles and is_full_name(lx, ws, i, j, known)):
            # `Vụ Kế hoạch - Tài chính`, `Lao động - Thương binh và Xã hội`; but after a deputy's
            # name the dash opens the constituency (`ĐB Hà Sỹ Khôi - Nghệ An`)
            j += 1
            continue
        if w.text in ("-", "–") and prev is not None and _YEAR.fullmatch(prev.text) and j + 1 < n \
                and _YEAR.fullmatch(ws[j + 1].text):
            term_end = j + 2 if term_end == j else term_end
            j += 2  # `nhiệm kỳ 2025-2030`: the term's last year too
            count += 2
            continue
        if not first.isalnum():
            break
        if seen_head and key in ("năm", "khóa", "nhiệm kỳ") and j + 1 < n and _ROMAN_OR_YEAR.fullmatch(ws[j + 1].text):
            j += 2  # `Hội đồng xét tuyển … năm 2016`, `Ban Chấp hành Đảng bộ tỉnh khóa XVII`
            count += 2
            term_end = j
            continue
        if seen_head and pair == _NHIEM_KY and j + 2 < n and _ROMAN_OR_YEAR.fullmatch(ws[j + 2].text):
            j += 3  # `Phó Chủ tịch UBND huyện X nhiệm kỳ 2015-2020, đồng chí …`: the term (its end year next)
            count += 3
            term_end = j
            continue
        if key in ("và", "kiêm") and j + 1 < n and (
                name_follows(lx, ws, j + 1) or lx.starts_title(text, ws[j + 1].start)
                or lx.honorific_rx.match(text, ws[j + 1].start)):
            break  # `Sở Công Thương và Lý Văn Kim, …`, `… và Ngoại trưởng …`
        capital = w.capital
        if not capital and seen_head and pair in lx.org_lower:
            j += 2  # `Cục Y tế dự phòng`: two lower-case words that go on a body, though the first may end one
            count += 2
            continue
        if not capital and ((pair in stops and not ws[j + 1].capital) or key in stops) and not (
                key in ("và", "của") and seen_head and j + 1 < n and _continues(lx, ws, j + 1)) and not (
                key == _TAI and j >= 2 and ws[j - 1].key == _CAO and ws[j - 2].key == _CAP
                and j + 1 < n and ws[j + 1].capital) and not (
                (key == _VE or (key == _O and any(w.key == _VE for w in ws[i:j])))
                and seen_head and ws[i].key in _ABOUT_HEADS and j + 1 < n and ws[j + 1].text[0].isalpha()
                and ws[j + 1].key not in stops and not ws[j + 1].capital):
            # (`Cục Cảnh sát quản lý hành chính về trật tự xã hội`, `Ủy ban Nhà nước về người Việt Nam …`)
            break
        if (after_place or (prev is not None and not prev.capital and prev.key in place_words)) \
                and not capital and key not in place_words and key not in _AFTER_PLACE and key not in lx.org_lower \
                and not first.isdigit():
            break  # `Công an tỉnh Hải Dương chỉ đạo`, `Hội đồng NVQS huyện căn dặn`
        if not capital and pair in heads and count + 2 <= lx.max_org_words:
            seen_head, after_place = True, False  # `Giám đốc bệnh viện cho biết`: a head of two words
            lower_head = j == i and pair not in place_words  # `bệnh viện`: the body already spoken of
            j += 2
            count += 2
            continue
        if lower_head and not capital and key not in place_words and key not in lx.org_lower \
                and not first.isdigit():
            break  # `Giám đốc bệnh viện thẳng thắn nhìn nhận`: a verb, not more of the name
        head = key in heads
        if head or capital or key in place_words or key in lx.org_lower or \
                (seen_head and (first.islower() or first.isdigit())):
            if capital and prev is not None and (prev.key in place_words or after_place):
                after_place = True
            elif not capital:
                after_place = False
            seen_head = seen_head or head or capital or key in place_words
            j += 1
            count += 1
            continue
        break
    return j


def _comma_name_rest(lx: Lexicons, ws: list[Word], j: int) -> int:
    """How many words after the comma at `j` go on a body's name that holds a comma, or 0."""
    for before, after in lx.comma_names:
        if j >= len(before) and j + len(after) < len(ws) \
                and tuple(w.key for w in ws[j - len(before):j]) == before \
                and tuple(w.key for w in ws[j + 1:j + 1 + len(after)]) == after:
            return len(after)
    return 0


_VA = fold("và")
_NHIEM_KY = fold("nhiệm kỳ")
_CAC = fold("các")


def _field_list_rest(lx: Lexicons, text: str, ws: list[Word], j: int) -> int:
    """`Thương mại, Công nghiệp và Năng lượng`: fields listed with commas and a last `và`
    inside one body's name. The words after the comma at `j`, up to that `và`, when each
    field opens with a capital, the first opens no body, title or name, no word ends a
    body, and a capital follows `và`."""
    if j + 1 >= len(ws):
        return 0
    first = ws[j + 1]
    if not first.capital or first.key in lx.org_heads or lx.starts_title(text, first.start) \
            or name_follows(lx, ws, j + 1):
        return 0
    for k in range(j + 1, min(len(ws) - 1, j + 9)):
        w = ws[k]
        if w.key == _VA:
            return k - j if k > j + 1 and ws[k + 1].capital else 0
        if w.text == ",":
            if not ws[k + 1].capital:
                return 0  # each field opens with a capital
        elif not w.text[0].isalpha() or w.key in lx.stops:
            return 0
    return 0


def _names_its_head(lx: Lexicons, ws: list[Word], i: int, j: int) -> bool:
    """`Bộ Nông Lâm Thủy sản …`: capitals right after the body's first word, a head
    that needs a name of its own (`Bộ`, `Sở`, `Cục`, not `tỉnh`), going on in lower case
    with a word that ends no body: they are the body's name, not a person's."""
    head = ws[i]
    if not head.capital or head.key not in lx.org_heads or head.key in lx.place_words:
        return False
    if any(not is_name_word(w) for w in ws[i + 1:j]):
        return False
    pair = f"{ws[j].key} {ws[j + 1].key}" if j + 1 < len(ws) else ""
    return ws[j].text[0].isalpha() and ws[j].key not in lx.stops and pair not in lx.stops


def _continues(lx: Lexicons, ws: list[Word], k: int) -> bool:
    """After `và`/`của` inside a body's name, word `k`: a capital, or a word that
    is no stop word (`Tài chính và ngân sách`) and names no people (`UBND tỉnh
    và lãnh đạo các sở`: the guests, not a body)."""
    word = ws[k]
    if word.capital:
        return True
    if word.key == _CAC and any(tuple(w.key for w in ws[k + 1:k + 1 + len(z)]) == z for z in lx.zones_after_and):
        return True  # `Ban Quản lý Khu kinh tế X và các khu công nghiệp Y`
    if not word.text[0].isalpha() or word.key in lx.stops or word.key in lx.people_nouns:
        return False
    return k + 1 >= len(ws) or f"{word.key} {ws[k + 1].key}" not in lx.people_nouns


def institution_keep(lx: Lexicons, org: list[Word], run_start: int) -> int:
    """Words of a capitalised run that name the institution itself
    (`Trường mầm non Sao Mai`, `Bệnh viện Bạch Mai`): 2 after a school,
    hospital or academy head, else 0."""
    before = org[max(0, run_start - 3):run_start]
    spelled = " ".join(w.key for w in before)
    for h in lx.named_institutions:
        if spelled == h or spelled.endswith(" " + h):
            at = run_start - len(h.split())  # where the head word is
            # In lower case after a capital it ends another word (`Môi trường`, `Thị trường`).
            if at > 0 and not org[at].capital and org[at - 1].capital:
                continue
            # After another lower-case word it names a field (`Vụ Giáo dục đại học`), unless
            # that word is a head itself (`trường đại học Sao Mai`).
            if at > 0 and not org[at].capital and not org[at - 1].capital \
                    and org[at - 1].key not in lx.named_institutions:
                continue
            return 2
    return 0


_BRACKETED = regex.compile(r"\s*\([^()]*\)\s*")


def expand(lx: Lexicons, org: str | None) -> str | None:
    """The canonical organisation: brackets dropped, abbreviations expanded."""
    if not org:
        return None
    if org in lx.expanded:
        return lx.expanded[org]
    if len(lx.expanded) >= 100_000:
        lx.expanded.clear()
    spelled = _BRACKETED.sub(" ", org).strip(" ,")
    expanded = lx.abbr_rx.sub(lambda m: lx.abbreviations[m.group()], canonical(spelled))
    lx.expanded[org] = out = canonical(expanded) or None
    return out


def names_many(lx: Lexicons, org: str | None) -> bool:
    """`Chủ tịch Hội Nông dân 10 huyện`, `Bí thư Đảng ủy các xã`: an office of many
    bodies at once, so of many people, none of them the one named beside it."""
    return bool(org) and lx.many_places.search(fold(org)) is not None


def is_private(lx: Lexicons, org: str | None) -> bool:
    """A company, cooperative or shop: its heads are business people. A state body whose
    name holds such a word (`Cục Tài chính doanh nghiệp`) is none."""
    if not org:
        return False
    private = lx.privates.get(org)
    if private is None:
        if len(lx.privates) >= 100_000:
            lx.privates.clear()
        folded = fold(org)
        private = lx.privates[org] = ((lx.private.search(folded) is not None or _BRAND_BANK.search(folded) is not None)
                                      and lx.public.search(folded) is None and lx.public_head.match(folded) is None) \
            or lx.religious.search(folded) is not None  # `Ban Hoằng pháp GHPGVN tỉnh`: a church's, whatever its head
    return private
