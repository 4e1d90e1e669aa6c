"""Officials: named people with their public offices, merged per person.

Titles, organisation heads, honorifics, ranks, surnames and place names are
lexicons in `rules/officials.yaml`. The rules find titles (with an optional
`nguyên` and rank) and honorific + name pairs; this module reads, from the
characters around each title, the organisation it heads and the name it
introduces, in either order:

    Phó Bí thư Thường trực Quận ủy Nam Từ Liêm Lâm Quang Thao   (title, org, name)
    đồng chí Lâm Quang Thao – Phó Bí thư Thường trực Quận ủy, Chủ tịch HĐND quận
    Ủy viên Bộ Chính trị, Phó Thủ tướng Vương Đình Huệ, Trưởng Ban chỉ đạo …

Chains of positions joined by commas belong to the same person. A run of
capitalised words after an organisation is split between the place that ends
the organisation and the name with the surname and place lexicons; only when
they cannot decide is the sentence tokenised (underthesea POS, cached per
sentence), and the last proper-noun token (`Np`) of the run taken as the name.
That keeps tokenising to the few sentences that need it: a title hit is the
character-level prefilter, and most titles are settled without tokens.
"""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..model import Official, Position
from ..normalise import sentence_case
from ..rules import prepared, trie_pattern
from .engine import PREFIX_WINDOW, Candidate, Context, Joined, budget, candidates_of, run_rule, select
from .officials_text import (Lexicons, Word, canonical, expand, fold, fold_words, institution_keep, is_name_word,
                             is_private, join_particles, lexicons, looks_foreign, name_follows, names_many, parse_org,
                             split_name,
                             SIGNED_NOTE, right_column, signature_office, starts_with_place, surname_length, words)
from .registry import BUILDERS, builder
from .time_limit import time_limit

DIMENSION = "officials"
FULL_NAME_RULE = "officials.honorific_name"  # later bare mentions of a full name are credited to the name rule


@builder("officials.title", requires=("title",))
def title_builder(m, ctx: Context):
    """A title; the organisation and the name are read in `extract` (they
    depend on the titles and names around it)."""
    return {"kind": "title"}


@builder("officials.named", requires=("name",))
def named_builder(m, ctx: Context):
    """An honorific or rank with a name: a first or a later mention of a person."""
    return {"kind": "named"}


@dataclass
class _Position:
    title: str
    org_words: list[Word]
    start: int
    end: int
    former: bool
    rank: str | None
    body_prefix: str | None = None  # words of the body the title spells (`UVTW` → `Trung ương`)


@dataclass
class _Person:
    name: str
    start: int
    end: int
    honorific: str | None = None
    rank: str | None = None
    positions: list[_Position] = field(default_factory=list)
    mentions: list[tuple[int, int, str]] = field(default_factory=list)


# ------------------------------------------------------------------ matching

# How each rule's matches begin (by local rule id): the lexicons whose words they
# start with, and a stdlib `re` pattern that must follow (looser than the rule's).
# A rule's pattern is tried only where the plain scan for these finds a start
# (the standard library's `re` scans such a trie several times faster than the
# `regex` module searches the full pattern with its look-arounds and case
# folding); the matches are the same as the pattern's own `finditer`
# (tests/test_officials.py compares them). A rule not listed here runs as usual.
# `prefix_ends`: the words a non-empty prefix (`nguyên`, a rank) ends with, before
# white space; when the text before a match ends otherwise, only an empty prefix
# can match there, and only that is tried. None: always search the whole window.
_LOWER_LETTERS = "".join(sorted(  # lower-case letters, none of them a capital (`\p{Lu}`)
    c for r in ((0x61, 0x7B), (0xDF, 0x100), (0x100, 0x250), (0x1E00, 0x1F00))
    for c in map(chr, range(*r)) if unicodedata.category(c) == "Ll"))
_RULE_SCANS = {
    "title": {"lexicons": ("title",), "then": "", "prefix_ends": ("nguyên", "cựu", "\\L<rank>")},
    # honorific or rank, white space, a capital: no lower-case letter
    "honorific_name": {"lexicons": ("honorific", "rank"), "then": r"\s+(?![" + re.escape(_LOWER_LETTERS) + "])",
                       "prefix_ends": ()},
}
# Characters that match a title's letter case-insensitively but lower-case to
# another letter (`ſ` ~ `s`, `İ` ~ `i`): a text with one is scanned the slow way.
# (Looked for with `in`, many times faster than a pattern over the whole text.)
_CASE_ODD = "\u017f\u0130"


def _re_trie(words) -> str:
    """A stdlib-`re` alternation of `words`, shaped as a trie (fast to scan)."""
    return trie_pattern(words, escape=re.escape)


class _Scan:
    """Where one rule's matches may start."""

    def __init__(self, rule, dimension, spec: dict) -> None:
        self.rule = rule
        self.folded = bool(rule.pattern.flags & regex.IGNORECASE)  # scan the lower-cased text
        words = {w for name in spec["lexicons"] for w in dimension.lexicons[name]}
        words = {w.lower() for w in words} if self.folded else words
        self.words = words
        self.starts = re.compile(_re_trie(sorted(words)) + spec["then"])
        ends = spec["prefix_ends"]
        if ends is not None:
            ends = tuple(sorted({
                word for end in ends
                for word in ([w.split()[-1].lower() for w in dimension.lexicons[end[3:-1]]]
                             if end.startswith("\\L<") else [end])}))
        self.prefix_ends = ends


def _prefixed(scan: _Scan, core, text: str):
    """`engine._with_prefix`, searching only the empty prefix where no other can end."""
    rule = scan.rule
    if rule.prefix is None:
        return core
    at = core.start()
    low = max(0, at - PREFIX_WINDOW)
    if scan.prefix_ends is not None and not text[low:at].rstrip().lower().endswith(scan.prefix_ends):
        low = at
    pm = rule.prefix.search(text, low, at)
    if pm is None or (rule.prefix_required and pm.end() == pm.start()):
        return None
    return Joined(pm, core, text)


def _scans(dimension) -> tuple[dict[str, _Scan], re.Pattern]:
    """The rules' scans, and one pattern of all their words lower-cased (`_run_scans`);
    built once per rule set (`rules.prepared`)."""
    scans = {}
    for rule in dimension.rules:
        spec = _RULE_SCANS.get(rule.id.split(".", 1)[1])
        if spec and all(n in dimension.lexicons for n in spec["lexicons"]):
            scans[rule.id] = _Scan(rule, dimension, spec)
    return scans, re.compile(_re_trie(sorted({w.lower() for scan in scans.values() for w in scan.words})))


def _find(dimension, ctx: Context, deadline: float) -> list[Candidate]:
    """Candidates of every rule, as `engine.find` gives them."""
    text = ctx.text
    scans, joint = prepared(dimension, _scans)
    lowered = None
    if scans:
        lowered = text.lower()
        if len(lowered) != len(text) or any(odd in text for odd in _CASE_ODD):
            lowered = None
    found = None if lowered is None or len(scans) < 2 else _run_scans(scans, joint, ctx, lowered, deadline)
    out: list[Candidate] = []
    with time_limit(deadline):
        for rule in dimension.rules:
            scan = scans.get(rule.id)
            if found is not None and scan is not None:
                out.extend(found[rule.id])
            elif scan is None or (scan.folded and lowered is None):
                out.extend(run_rule(rule, ctx, deadline - time.perf_counter()))
            else:
                out.extend(_run_scan(scan, ctx, lowered if scan.folded else text, deadline))
    return out


def _run_scans(scans: dict[str, _Scan], joint: re.Pattern, ctx: Context, lowered: str,
               deadline: float) -> dict[str, list[Candidate]]:
    """`_run_scan` of every rule at once (candidates by rule id): one scan of the
    lower-cased text finds where any rule's word starts (every place each rule's
    own scan would stop, and more), and each rule is tried there as its own scan
    would try it. One pass over the text instead of one per rule: the scan, not
    what is tried where it stops, costs the most."""
    text = ctx.text
    out: dict[str, list[Candidate]] = {rule_id: [] for rule_id in scans}
    active = []
    for scan in scans.values():
        if deadline - time.perf_counter() <= 0:
            ctx.warn(f"rule {scan.rule.id} skipped: the time for {ctx.dimension.name} on this text ran out")
        else:
            active.append((scan, scan.starts.match, lowered if scan.folded else text, scan.rule.pattern.match,
                           BUILDERS[scan.rule.build], out[scan.rule.id]))
    began = time.perf_counter()
    ends = [0] * len(active)  # where each rule's next match may begin (its matches do not overlap)
    search = joint.search
    hit = search(lowered) if active else None
    tries = 0
    while hit is not None:
        at = hit.start()
        tries += 1
        if tries % 512 == 0 and time.perf_counter() > deadline:
            for scan, *_ in active:
                ctx.warn(f"rule {scan.rule.id} gave up after {time.perf_counter() - began:.2f}s on this text")
            break
        for k, (scan, starts, haystack, match, build, found) in enumerate(active):
            if at < ends[k] or starts(haystack, at) is None:
                continue
            core = match(text, at)
            if core is None:
                continue
            ends[k] = core.end()
            m = _prefixed(scan, core, text)
            if m is not None:
                found.extend(candidates_of(scan.rule, build, m, ctx))
        hit = search(lowered, at + 1)
    return out


def _run_scan(scan: _Scan, ctx: Context, haystack: str, deadline: float) -> list[Candidate]:
    """`engine.run_rule`, with the pattern tried only where the scan finds a start."""
    rule = scan.rule
    build = BUILDERS[rule.build]
    text = ctx.text
    out: list[Candidate] = []
    if deadline - time.perf_counter() <= 0:
        ctx.warn(f"rule {rule.id} skipped: the time for {ctx.dimension.name} on this text ran out")
        return out
    began = time.perf_counter()
    search, match = scan.starts.search, rule.pattern.match
    pos = tries = 0
    while True:
        hit = search(haystack, pos)
        if hit is None:
            break
        at = hit.start()
        tries += 1
        if tries % 512 == 0 and time.perf_counter() > deadline:
            ctx.warn(f"rule {rule.id} gave up after {time.perf_counter() - began:.2f}s on this text")
            break
        core = match(text, at)
        if core is None:
            pos = at + 1
            continue
        pos = core.end() if core.end() > at else at + 1
        m = _prefixed(scan, core, text)
        if m is not None:
            out.extend(candidates_of(rule, build, m, ctx))
    return out


# ------------------------------------------------------------------- reading


def extract(doc, rules, found) -> list[Official]:
    dimension = rules[DIMENSION]
    ctx = Context(doc=doc, dimension=dimension, found=found)
    lx = lexicons(dimension)
    if lx.title_rx is None:
        lx.title_rx = next(r.pattern for r in dimension.rules if r.build == "officials.title")
    text = doc.text
    author = fold(doc.article.author) if doc.article.author else None
    # The dimension's time, in shares: finding candidates, reading the titles, finding
    # the later mentions; what is left builds the records. A pathological text (tens of
    # thousands of titles) runs out of each in turn, and still finishes within its time.
    began, seconds = time.perf_counter(), budget(ctx)
    deadline = began + _READ_SHARE * seconds
    mentions_deadline = began + _MENTIONS_SHARE * seconds
    cands = _find(dimension, ctx, began + _FIND_SHARE * seconds)
    blocked = _byline_spans(doc)
    titles = _Hits(_select([c for c in cands if c.fields["kind"] == "title"], blocked))
    named = _select([c for c in cands if c.fields["kind"] == "named"], blocked)

    people: dict[str, _Person] = {}
    known = _Known()
    memo: dict = {}  # what the first pass read around each title, for the second
    for attempt in range(2):  # the second pass knows the names the first one found
        reader = _Reader(doc, lx, titles, named, known, deadline, memo)
        if not reader.read():
            if attempt == 0:
                ctx.warn("officials: too many titles to read them all in time; the rest were skipped")
                people = reader.people
            break  # out of time for a second pass: keep the first
        people = reader.people
        # A name that is another name plus more capitals (`Hoàng Văn An Trăn` under a
        # photo, beside `Hoàng Văn An`) is not known: the shorter one wins next time. A
        # foreign name (no Vietnamese surname first) is written short after it is written
        # whole (`Pablo Herrera Soto`, then `Ngoại trưởng Pablo Herrera`): the whole wins.
        known = _Known({k for k in people
                        if not _extends_another(k, people) or k.split()[0] not in lx.surnames})
        if not _rereads(memo, known):
            break  # the second pass would reuse every reading of the first: the same people
    people = _given_names_merged(people, [c.match for c in named])
    _foreign_short_merged(lx, people)
    for person in people.values():
        _share_bodies(lx, text, person.positions)
        # A company's office with its company unnamed (`ông X, Tổng giám đốc, cho biết`) is a business one.
        person.positions = [p for p in person.positions if not is_private(lx, _org_text(p.org_words, text))
                            and not names_many(lx, _org_text(p.org_words, text))
                            and (p.org_words or (fold(p.title) not in lx.company_titles
                                                 and not _company_after(lx, text, p.end)))]
    _add_listed(lx, text, people)
    _one_holder(lx, text, people)
    people = {k: p for k, p in people.items() if p.positions and k != author}
    for person in people.values():
        _add_role_given(lx, text, person)
    _add_signatory(lx, text, people)
    if not _add_mentions(lx, text, people, named, mentions_deadline):
        ctx.warn("officials: too many names to find all their mentions in time; the rest were skipped")
    cap = _LATE_MENTIONS if time.perf_counter() > mentions_deadline else None
    if cap is not None and any(len(p.mentions) > cap for p in people.values()):
        ctx.warn(f"officials: out of time; at most {cap} mentions of each person kept")
    assembly = any(p.title == "Đại biểu" for person in people.values() for p in person.positions) \
        and _about_national_assembly(text)
    defined = _defined_abbreviations(text)
    ministry = _the_ministry(lx, text, people)
    city = _CITY_COMMITTEE.search(text) is not None and _PROVINCE_COMMITTEE.search(text) is None
    return [_official(doc, lx, text, p, cap, assembly, defined, ministry, city) for p in people.values()]


# `TU`, `TUV` abbreviate the committee of the province's party, which in a city under the
# centre is its `Thành ủy`: an article that names a Thành ủy and no Tỉnh ủy is about one.
_CITY_COMMITTEE = regex.compile(r"(?<![\p{L}])Thành[ ]ủy(?![\p{L}])")
_PROVINCE_COMMITTEE = regex.compile(r"(?<![\p{L}])(?:Tỉnh[ ]ủy|tỉnh[ ]ủy[ ]viên)(?![\p{L}])")
_TU = regex.compile(r"(?<![\p{L}])TU(?![\p{L}])")


# `các Phó Thủ tướng Chính phủ: Đàm Văn Lực, Khổng Minh Sơn, Lục Thị Hà;`: an office
# in the plural, then the people who hold it. Without the colon only a bare title may come
# before the names (`các Phó Thủ tướng Đàm Văn Lực, Khổng Minh Sơn`): a body's name would
# run into the first person's.
_LIST_NAME = r"\p{Lu}[\p{Ll}\p{M}]*(?:[ ]\p{Lu}[\p{Ll}\p{M}]*){1,4}"
_LISTED = regex.compile(
    r"(?<![\p{L}])[Cc]ác[ ]+(?:đồng[ ]+chí[ ]+)?(?P<office>\p{Lu}[^:;.\n()]{2,80}?)(?P<colon>[ ]*:)?[ ]+"
    r"(?P<name>" + _LIST_NAME + r")(?:[ ]*,[ ]*(?P<name>" + _LIST_NAME + r"))*"
    r"(?:[ ]*,?[ ]+và[ ]+(?P<name>" + _LIST_NAME + r"))?(?=[ ]*(?:[;.\n]|$)|(?(colon)[ ]+\p{Ll}|(?!)))")  # (after a colon a verb may follow)
# … or after the colon each name with its own office, the names apart by `;` (`các đồng chí Ủy viên
# Trung ương Đảng: Tô Văn A, Chánh án Tòa án nhân dân tối cao; Kiều Văn B, Viện trưởng …`).
_LISTED_APPOSED = regex.compile(
    r"(?<![\p{L}])[Cc]ác[ ]+(?:đồng[ ]+chí[ ]+)?(?P<office>\p{Lu}[^:;.\n()]{2,80}?)(?P<colon>[ ]*:)[ ]+"
    r"(?P<name>" + _LIST_NAME + r")[ ]*,[^;.\n]{2,160}"
    r"(?:;[ ]*(?:và[ ]+)?(?P<name>" + _LIST_NAME + r")[ ]*,[^;.\n]{2,160})+")


def _add_listed(lx: Lexicons, text: str, people: dict[str, _Person]) -> None:
    """Give the office of a plural list (`_LISTED`) to each person it names."""
    if "các" not in text and "Các" not in text:
        return
    for m in (*_LISTED.finditer(text), *_LISTED_APPOSED.finditer(text)):
        office = m.group("office").split()
        title = None
        for n in range(len(office), 0, -1):
            title = lx.titles.get(fold(" ".join(office[:n])))
            if title is not None:
                break
        if title is None or (n < len(office) and not m.group("colon")):
            continue
        names = m.captures("name")
        if len(names) < 2 or any(fold(name.split()[0]) not in lx.surnames for name in names):
            continue
        title_start = m.start("office")
        title_end = title_start + len(" ".join(office[:n]))
        org = [] if n == len(office) else [Word(" ".join(office[n:]), text.find(office[n], title_end),
                                                m.end("office"))]
        for name, (start, end) in zip(names, m.spans("name")):
            person = people.get(fold(name))
            if person is None:
                person = people[fold(name)] = _Person(name=canonical(name), start=start, end=end)
                person.mentions.append((start, end, "officials.listed"))
            same = next((p for p in person.positions if fold(p.title) == fold(title)), None)
            if same is None:
                person.positions.append(_Position(title, org, title_start, title_end, False, None))
            elif org and not same.org_words:
                same.org_words = org  # `Phó Thủ tướng X` elsewhere: the list says of what


def _one_holder(lx: Lexicons, text: str, people: dict[str, _Person]) -> None:
    """An office only one person holds at a time (`single_holder_titles`: `Chủ tịch nước`,
    `Thủ tướng`) given to several people in one article: those it was written before the name
    of keep it, the others lose it (`Tiếp Đại sứ X, Chủ tịch nước đánh giá …`: the clause's
    subject, read as X's apposition)."""
    holders: dict[tuple, list[tuple[_Person, _Position, bool]]] = {}
    for person in people.values():
        starts = {s for s, _, _ in person.mentions}
        for p in person.positions:
            if fold(p.title) in lx.single_holder and not p.former:
                key = (fold(p.title), fold(_org_text(p.org_words, text) or ""))
                end = p.org_words[-1].end if p.org_words else p.end
                before_name = any(0 <= s - end <= 2 and not text[end:s].strip() for s in starts)
                holders.setdefault(key, []).append((person, p, before_name))
    for held in holders.values():
        if len({id(person) for person, _, _ in held}) > 1 and any(first for _, _, first in held):
            for person, p, first in held:
                if not first:
                    person.positions = [q for q in person.positions if q is not p]


# `… do đồng chí X, Phó Chủ tịch UBND huyện làm Trưởng ban`: an office given to a person
# right after the offices they hold; the body it is of may open the clause (`Ban Tổ chức
# lễ hội do đồng chí X, … làm Trưởng ban`).
_ROLE_GIVEN = regex.compile(r"[ \t]*,?[ \t]+(?:làm|giữ\s+chức(?:\s+vụ)?)[ \t]+(?P<words>\p{Lu}[^\s;,.:()]*(?:[ \t][^\s;,.:()]+){0,4})")
_BODY_LED_BY = (r"(?<![\p{L}])(?P<body>%s(?i:%s)(?:[ \t][^\s,.;:()]+){1,12}?)[ \t]+do[ \t]+"
                r"(?:(?:đồng[ \t]+chí|ông|bà)[ \t]+)?$")


@lru_cache(maxsize=64)
def _body_led_by_rx(head: str) -> regex.Pattern:
    """`_BODY_LED_BY` for bodies whose name opens with `head` (`ban`) capitalised, as a
    name is (`ban hành` is a verb)."""
    return regex.compile(_BODY_LED_BY % (regex.escape(head[0].upper()), regex.escape(head[1:])))


def _add_role_given(lx: Lexicons, text: str, person: _Person) -> None:
    """The office `làm …` names after a person's last office, with the body that opens
    the clause when its head is the title's (`Ban …` for `Trưởng ban`), else without one."""
    last = max(person.positions, key=lambda p: p.org_words[-1].end if p.org_words else p.end)
    end = last.org_words[-1].end if last.org_words else last.end
    m = _ROLE_GIVEN.match(text, end)
    if m is None:
        return
    words = m.group("words").split()
    for n in range(len(words), 0, -1):
        title = lx.titles.get(fold(" ".join(words[:n])))
        if title is not None:
            start = m.start("words")
            _add_once(person, _Position(title, _body_led_by(lx, text, person, last.start, title), start,
                                        start + len(" ".join(words[:n])), False, None))
            return


def _body_led_by(lx: Lexicons, text: str, person: _Person, before: int, title: str) -> list[Word]:
    """The body named right before `do` and the person's name, when its head word is the one
    `title` heads (`titles_sharing_head`): `Ban Tổ chức lễ hội do đồng chí X …` for `Trưởng ban`."""
    head = lx.shared_head.get(fold(title))
    heads = (head,) if head is not None else lx.led_bodies.get(fold(title), ())
    named = [s for s, e, _ in person.mentions if e <= before]
    if not heads or not named:
        return []
    at = max(named)
    for head in heads:  # (`Hội đồng tuyển dụng do ông X, … làm Chủ tịch`)
        m = _body_led_by_rx(head).search(text, max(0, at - 120), at)
        if m is not None:
            return [Word(m.group("body"), m.start("body"), m.end("body"))]
    return []


# A signature block of a document: the office lines in capitals, maybe `(Đã ký)`, the name
# (a related-articles list or an attachment line may follow it; the last `- Lưu: VT.` of the
# recipients' column, scraped between, may come before the name).
_SIGNATURE = regex.compile(r"^[ \t]*(?P<office>\p{Lu}[\p{Lu}\s.,]{3,200}?)[ \t]*\n(?:[ \t]*(?:" + SIGNED_NOTE + r"|-[^\n]*)?[ \t]*\n){0,4}"
                           r"[ \t]*(?P<name>\p{Lu}\p{Ll}*(?:[ ]\p{Lu}\p{Ll}*){1,4})[ \t]*(?:\n|\Z)", regex.MULTILINE)
_FOR_BODY = regex.compile(r"(?<![\w])TM\.\s*(?P<body>\p{Lu}[\p{Lu}\s]{1,60}?)[ \t]*$", regex.MULTILINE)


def _add_signatory(lx: Lexicons, text: str, people: dict[str, _Person]) -> None:
    """`… TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / (Đã ký) / Phùng Thị Ngọc Bích`:
    the office written last above the name is the signatory's, of the body signed for
    (`TM.`, on behalf of) when a line names one, else of none (the document's)."""
    if "\n" not in text:
        return
    tail = max(0, len(text) - 3000)
    columns = _names_in_capitals_titled(lx, right_column(text, tail), tail)
    for m in _SIGNATURE.finditer(columns, tail):
        name = m.group("name")
        if fold(name.split()[0]) not in lx.surnames:
            continue
        lines = m.group("office").split("\n")
        held = _office_with_body(lx, lines[-1]) if len(lines) > 1 else None
        if held is not None:
            lines = lines[:-1]  # `PHÓ TRƯỞNG BAN` / `GIÁM ĐỐC SỞ NÔNG NGHIỆP …`: the signer's own office under it
        signed = signature_office(lx, lines[-1])
        if signed is None:
            continue
        title, office = signed
        start = m.start("office") + m.group("office").rfind(office)
        body = _FOR_BODY.search(columns, m.start("office"), m.end("office"))
        org = [] if body is None else [Word(body.group("body"), body.start("body"), body.end("body"))]
        person = people.get(fold(name))
        if person is None:
            person = people[fold(name)] = _Person(name=canonical(name), start=m.start("name"), end=m.end("name"))
            person.mentions.append((m.start("name"), m.end("name"), "officials.signature"))
        _add_once(person, _Position(title, org, start, start + len(office), False, None))
        if held is not None:
            own_title, title_len = held
            at = m.start("office") + m.group("office").rfind("\n") + 1
            at += len(columns[at:]) - len(columns[at:].lstrip(" \t"))
            body_start = at + title_len + 1
            body_end = m.end("office")
            _add_once(person, _Position(own_title, [Word(columns[body_start:body_end].strip(), body_start, body_end)],
                                        at, body_end, False, None))


_CAPITALS_LINE = regex.compile(r"^[ \t]*(\p{Lu}+(?:[ ]\p{Lu}+){1,4})[ \t]*$", regex.MULTILINE)


def _names_in_capitals_titled(lx: Lexicons, columns: str, tail: int) -> str:
    """`columns` with a signatory's name written in capitals (`HOÀNG THỊ THUỶ`, a surname
    first) in title case, as `_SIGNATURE` reads names; offsets are unchanged."""
    def titled(m) -> str:
        name = m.group(1)
        if fold(name.split()[0]) not in lx.surnames or len(name.title()) != len(name) \
                or signature_office(lx, name) is not None:  # (`PHÓ CHỦ TỊCH`: Phó is a surname too)
            return m.group()
        return m.group().replace(name, name.title())

    if not _CAPITALS_LINE.search(columns, tail):
        return columns
    return columns[:tail] + _CAPITALS_LINE.sub(titled, columns[tail:])


def _office_with_body(lx: Lexicons, line: str) -> tuple[str, int] | None:
    """A signature line in capitals that names an office and its body (`GIÁM ĐỐC SỞ NÔNG NGHIỆP VÀ
    MÔI TRƯỜNG`): the title and how many characters of the line it takes; None for any other."""
    words = line.split()
    if not line.strip().isupper() or len(words) < 3:
        return None
    for k in range(len(words) - 1, 0, -1):
        signed = signature_office(lx, " ".join(words[:k]))
        if signed is not None and fold(words[k]) in lx.org_heads:
            return signed[0], len(" ".join(words[:k]))
    return None


def _add_once(person: _Person, position: _Position) -> None:
    """`position` added to `person`'s unless they already hold its title."""
    if not any(fold(p.title) == fold(position.title) for p in person.positions):
        person.positions.append(position)


def _the_ministry(lx: Lexicons, text: str, people: dict[str, _Person]) -> str | None:
    """The one ministry the article's ministers and deputy ministers name, if only one:
    `…, Bộ trưởng Bộ Nông nghiệp và Môi trường; Hà Thị Lan Anh, Thứ trưởng Thường trực`
    — the deputy's title, written bare, is of that ministry."""
    named = {expand(lx, _org_text(p.org_words, text)) for person in people.values() for p in person.positions
             if p.org_words and fold(p.title) in lx.ministry_titles}
    named = {n for n in named if fold(n).startswith("bộ ")}
    if not named and any(not p.org_words and fold(p.title) in lx.ministry_titles
                         for person in people.values() for p in person.positions):
        # `Đoàn công tác của Bộ Dân tộc và Tôn giáo do Thứ trưởng Lò Thị Sâm làm Trưởng đoàn`:
        # no office names it, but the article names one ministry only.
        for m in _MINISTRY_OPENING.finditer(text):
            ws = words(text, m.start(), limit=lx.max_org_words + 1)
            name = expand(lx, _org_text(ws[:parse_org(lx, text, ws, 0)], text))
            if len(ws) > 1:
                named.add(name)
            if len(named) > 1:
                break
    return named.pop() if len(named) == 1 else None


_MINISTRY_OPENING = regex.compile(r"(?<![\p{L}])Bộ[ ]+(?!(?:Chính[ ]+trị|Tư[ ]+lệnh|Chỉ[ ]+huy)(?![\p{L}]))\p{Lu}")


# `Cục Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu (C03)`: a body's name,
# then the short form the article uses for it from there on. A head word that ends a
# capitalised name (`Hải Phòng phối hợp với … (JICA)`) opens no body, nor one that opens
# its head's title (`Viện trưởng Viện … (CIEM)`: the body starts at the second `Viện`).
_DEFINED = regex.compile(
    r"(?<![\p{L}])(?<!\p{Lu}\p{Ll}*\s)((?:Cục|Tổng\s+cục|Vụ|Sở|Ban|Ủy\s+ban|Uỷ\s+ban|Trung\s+tâm|Viện|Cơ\s+quan|Văn\s+phòng|"
    r"Thanh\s+tra|Tòa\s+án|Toà\s+án|Học\s+viện|Bộ\s+Tư\s+lệnh|Phòng|Chi\s+cục|Quỹ|Trường|Đại\s+học|Bệnh\s+viện"
    r"|Tổng\s+công\s+ty|Công\s+ty|Ngân\s+hàng|Hội|Đài)(?!\s+trưởng(?![\p{L}]))\s[^()\n.;:]{3,150}?)"
    r"\s*\((\p{Lu}[\p{Lu}0-9&-]{1,9})\)")


def _defined_abbreviations(text: str) -> dict[str, str]:
    """The short forms an article defines for bodies (`… (C03)`), each the first time."""
    out: dict[str, str] = {}
    if "(" not in text:
        return out
    for m in _DEFINED.finditer(text):
        out.setdefault(m.group(2), " ".join(m.group(1).split()))
    return out


def _as_defined(organization: str, defined: dict[str, str]) -> str:
    """A body's name with the short form the article defined spelled out as the article spelled it:
    `C03` → `Cục Cảnh sát điều tra tội phạm về …`; inside the name, `Ban Chỉ huy PCTT&TKCN tỉnh` →
    `Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn tỉnh` when the definition opens with the
    words before it (else the rules' own expansion applies)."""
    words = organization.split(" ")
    for i, word in enumerate(words):
        name = defined.get(word)
        if name is None:
            continue
        before = " ".join(words[:i])
        if i == 0 or fold(name).startswith(fold(before) + " "):
            return " ".join([name, *words[i + 1:]])
    return organization


def _about_national_assembly(text: str) -> bool:
    """Whether the article is about the National Assembly more than a People's Council:
    then a bare `đại biểu X (Quảng Trị)` is a deputy of the Assembly."""
    assembly = text.count("Quốc hội") + text.count("ĐBQH")
    return assembly > 0 and assembly > text.count("HĐND") + text.count("Hội đồng nhân dân")


_NUMBERED = regex.compile(r"[0-9]{1,3}[A-Za-z]?|[IVX]{1,5}")
# An army or police rank written between a name and its office (`…, Thượng tá, nguyên …`).
_RANK_IN_APPOSITION = r"(?i:đại|thượng|trung|thiếu)\s+(?i:tướng|tá|úy|uý)"
# `…, 48 tuổi,`, `… (SN 1962),`, `…, Thượng tá,`: said of the person between the name and the verb
_AGE_BEFORE = regex.compile(r"(?:\s*,\s*[0-9]{1,3}\s+tuổi|\s*\([^()\n]{1,40}\)"
                            r"|\s*,\s*" + _RANK_IN_APPOSITION + r")\s*,?\s*$")
_COMMITTEE_ENDS = frozenset([fold("ủy"), fold("uỷ"), *map(fold, ("HU", "TU", "QU", "ĐU", "ThU"))])  # `Huyện ủy`, `HU`
# What names a place right before capitals: a place word or a body named after its place.
_PLACE_NAME_BEFORE = regex.compile(r"(?<![\p{L}])(?:(?:[Hh]uyện|[Tt]ỉnh|[Tt]hành|[Qq]uận|[Tt]hị)\s+(?:ủy|uỷ|đoàn)|"
                                   r"huyện|tỉnh|quận|xã|phường|thị\s+xã|thị\s+trấn|thành\s+phố|(?-i:HU|TU|QU|ThU|TP|TX))\s+$")
_DOAN = fold("đoàn")
_DB = fold("ĐB")  # `ĐB X - Nghệ An`: question-session reports abbreviate only a deputy so


def _company_after(lx, text: str, end: int) -> bool:
    """`ông X, Giám đốc công ty, thừa nhận`: an office of a company named by a common noun."""
    head = _COMMON_NOUN.match(text, end)
    return head is not None and is_private(lx, head.group(1))


_COMMON_NOUN = regex.compile(r"[^\S\n]+(\p{Ll}+(?:[^\S\n]+\p{Ll}+){1,2})")  # two or three lower-case words


def _given_names_merged(people: dict[str, _Person], named: list) -> dict[str, _Person]:
    """`ông Khiêm từng là Bí thư Huyện ủy …` after `ông Lê Hữu Khiêm`: a person known by
    the given name alone is the one full name in the article that ends with it, whether
    that full name holds an office (merged) or was only named (`Thiếu tướng Đào Xuân
    Lâm, 60 tuổi, nghỉ hưu. Ông Lâm giữ chức …`: renamed). With none or several, the
    short name stays as read."""
    short = [k for k in people if " " not in k]
    if not short:
        return people
    full: dict[str, str] = {}  # folded full name → as written
    ranks: dict[str, str] = {}  # … → the rank it was named with (`Thiếu tướng Đào Xuân Lâm`)
    for name in [p.name for p in people.values()]:
        if " " in name.strip():
            full.setdefault(fold(name), name)
    for m in named:
        name = m.group("name")
        if " " in name.strip():
            full.setdefault(fold(name), canonical(name))
            if m.group("rank"):
                ranks.setdefault(fold(name), canonical(m.group("rank")))
    by_given: dict[str, list[str]] = {}
    for key in full:
        by_given.setdefault(key.rsplit(" ", 1)[1], []).append(key)
    for key in short:
        matches = by_given.get(key, [])
        if len(matches) != 1:
            continue
        alias = people.pop(key)
        person = people.get(matches[0])
        if person is None:
            alias.name = full[matches[0]]
            alias.rank = alias.rank or ranks.get(matches[0])
            people[matches[0]] = alias
            continue
        person.positions.extend(alias.positions)
        person.mentions.extend(alias.mentions)
        person.honorific = person.honorific or alias.honorific
        person.rank = person.rank or alias.rank
    return people


def _share_bodies(lx: Lexicons, text: str, positions: list[_Position]) -> None:
    """Titles listed with one body written once after the last (`Phó Chỉ huy trưởng,
    Tham mưu trưởng Bộ CHQS tỉnh`): each bare one takes the body of the next."""
    for i in range(len(positions) - 2, -1, -1):
        p, q = positions[i], positions[i + 1]
        if not p.org_words and q.org_words and p.body_prefix is None and q.start > p.end \
                and fold(p.title) not in lx.self_contained and fold(q.title) not in lx.self_contained \
                and _COMMA.fullmatch(text, p.end, q.start):
            p.org_words = _committee_of(lx, q.org_words) if fold(p.title) in lx.committee_seats else q.org_words
        elif not p.org_words and q.org_words and fold(q.title) in lx.ministry_titles \
                and fold(p.title) in lx.self_contained and _COMMA.fullmatch(text, p.end, q.start):
            # `Phó Thủ tướng, Bộ trưởng Ngoại giao Campuchia X`: a foreign minister's country
            # (written after the ministry) is the state the first office is of too.
            country = _trailing_place(lx, q.org_words)
            if country:
                p.org_words = country


def _committee_of(lx: Lexicons, org: list[Word]) -> list[Word]:
    """The party committee a board belongs to (`Ban Dân vận Huyện ủy` → `Huyện ủy`), or the
    body itself when it is no committee's board."""
    for i in range(1, len(org) - 1):
        if f"{org[i].key} {org[i + 1].key}" in lx.party_committees:
            return org[i:]
    return org


def _trailing_place(lx: Lexicons, org: list[Word]) -> list[Word]:
    """The last words of a ministry's name that spell a place (`… Ngoại giao Campuchia`), if any."""
    for n in (3, 2, 1):
        if len(org) > n and fold_words(org[-n:]) in lx.places and org[-n].capital:
            return org[-n:]
    return []


# Shares of the dimension's time (`engine.budget`) by the end of each step.
_FIND_SHARE, _READ_SHARE, _MENTIONS_SHARE = 0.3, 0.45, 0.55
_LATE_MENTIONS = 200  # mentions of one person kept once the time for mentions is up


class _Hits:
    """The title candidates as `_Hit`s, each made when a reader first needs it
    (a reader out of time leaves the rest unmade)."""

    __slots__ = ("cands", "hits")

    def __init__(self, cands: list[Candidate]) -> None:
        self.cands = cands
        self.hits: list[_Hit | None] = [None] * len(cands)

    def __len__(self) -> int:
        return len(self.cands)

    def __getitem__(self, index: int) -> "_Hit":
        hit = self.hits[index]
        if hit is None:
            hit = self.hits[index] = _Hit(self.cands[index])
        return hit


class _Hit:
    """A title candidate's groups, read once for both passes."""

    __slots__ = ("start", "rule", "title_text", "title_start", "title_end", "former", "rank")

    def __init__(self, cand) -> None:
        m = cand.match
        self.start, self.rule = cand.start, cand.rule
        # The title is the core's, `nguyên` and the rank the prefix's: asked of each directly,
        # not through `Joined` (which would ask the core first for every group).
        core, prefix = (m.core, m.prefix) if isinstance(m, Joined) else (m, m)
        self.title_text, (self.title_start, self.title_end) = core.group("title"), core.span("title")
        self.former, self.rank = prefix.group("former", "rank")


class _Known:
    """The names an earlier pass found. Readers only ask whether a name is one
    (`in`); while `asked` is a list, every name asked about is noted in it."""

    __slots__ = ("names", "asked")

    def __init__(self, names: set[str] | frozenset[str] = frozenset()) -> None:
        self.names = names
        self.asked: list[str] | None = None

    def __contains__(self, key: str) -> bool:
        if self.asked is not None:
            self.asked.append(key)
        return key in self.names


def _rereads(memo: dict, known: _Known) -> bool:
    """Would a pass with these `known` names read anything anew? Only where a
    reading of the last pass asked about a name that is known now (`_Reader._remembered`)."""
    names = known.names
    return any(name in names for _, asked in memo.values() for name in asked)


def _select(cands: list[Candidate], blocked: list[tuple[int, int]]) -> list[Candidate]:
    """`engine.select`; candidates that already follow one another without
    overlapping (one rule's scan gives them so) are all kept, in order, but for
    those on a blocked span."""
    if all(cands[i - 1].end <= cands[i].start for i in range(1, len(cands))) and all(e > s for s, e in blocked):
        return [c for c in cands if not any(c.start < e and s < c.end for s, e in blocked)]
    return select(cands, blocked=blocked)


def _foreign_short_merged(lx: Lexicons, people: dict[str, _Person]) -> None:
    """`Ngoại trưởng Pablo Herrera` after `Pablo Herrera Soto`: a foreign name written
    short (no Vietnamese surname first) is the one person its whole form names, if only one."""
    for key in [k for k in people if k.split()[0] not in lx.surnames]:
        whole = [k for k in people if k.startswith(key + " ")]
        if len(whole) != 1:
            continue
        short, full = people.pop(key), people[whole[0]]
        for position in short.positions:
            _add_once(full, position)
        full.mentions = sorted(set(full.mentions + short.mentions))


def _extends_another(key: str, people) -> bool:
    """Is `key` another key plus more words (`k.startswith(o + " ")`)?"""
    at = key.find(" ")
    while at != -1:
        if key[:at] in people:
            return True
        at = key.find(" ", at + 1)
    return False


def _byline_spans(doc) -> list[tuple[int, int]]:
    """The author's byline (normalised span): no official is read there."""
    span = (doc.metadata_spans or {}).get("author")
    return [tuple(span)] if span else []


_FIRST_WORDS = 10  # words read after a title at first: most organisations and names fit


class _Reader:
    """One pass over the titles of a text, in order, gathering people."""

    def __init__(self, doc, lx: Lexicons, titles, named, known: _Known, deadline: float, memo: dict) -> None:
        self.doc, self.lx, self.text = doc, lx, doc.text
        self.titles, self.known, self.deadline = titles, known, deadline
        # Results of reading around a title, with the names each asked `known` about: a
        # later pass reuses one when none of those names is known now (it would read the same).
        self.memo = memo
        self.named_end = {c.end: c for c in named}  # honorific + name candidates by where they end
        self.named_start = {c.match.start(): c for c in named}  # … and by where they start
        self.people: dict[str, _Person] = {}
        self.pending: list[_Position] = []  # positions waiting for their person (before the name)
        self.last_person: _Person | None = None
        self.last_end = -1
        self.subjects: list[_Person] = []  # people listed under one plural subject (`_list_subjects`)
        self.covered = -1  # end of the last organisation read: titles inside it are part of it
        self.title_name_end = -1  # end of the last name read after its title
        self.named_after_title_end = -1  # where the reading after the last such name went on from

    def read(self) -> bool:
        """Read every title; False when the time ran out first."""
        titles = self.titles
        for index in range(len(titles)):
            if index and index % 256 == 0 and time.perf_counter() > self.deadline:
                return False
            cand = titles[index]
            if cand.title_start < self.covered:
                continue  # `Trưởng đoàn ĐBQH tỉnh`: ĐBQH belongs to the body
            self._title(cand)
        return True

    def _person(self, name: str, start: int, end: int, rule: str) -> _Person:
        key = fold(name)
        person = self.people.get(key)
        if person is None:
            person = self.people[key] = _Person(name=canonical(name), start=start, end=end)
        person.mentions.append((start, end, rule))
        return person

    def _title(self, cand) -> None:
        text, lx = self.text, self.lx
        title_text = cand.title_text
        if self.pending and (not _CHAIN_BEFORE_GAP.fullmatch(text, self.pending[-1].end, cand.start)
                             or (fold(title_text) in lx.member_titles
                                 and (title_text[0].islower() or fold(title_text) == _DB))):
            # a chain of positions must run on, comma after comma, and to another office
            # (`Tranh luận với Thủ tướng, đại biểu X …`: the deputy is no prime minister)
            self.pending = []
        title_key = fold(title_text)
        title_end = cand.title_end
        before = self._remembered(("before", cand.start), _named_before,
                                  text, cand.start, self.named_end, self.known, lx, title_key)
        # `Thừa ủy quyền của Chủ tịch nước, Trung tướng … trao`: an office acted for, held by
        # nobody in the sentence (unless a name follows the title itself).
        on_behalf = _may_act_for(text, cand.start) and \
            _ON_BEHALF.search(text, max(0, cand.start - 40), cand.start) is not None
        if on_behalf:
            before = None
        elif before is None and ((verb_end := _may_be_verb(tail := text[max(0, cand.start - 40):cand.start]))
                                 or tail.rstrip().endswith(_CAREER_ENDS)):
            before = self._subject_of_clause(cand.start, career=not verb_end)
        chained = before is None and self.last_person is not None and self.last_end >= 0 \
            and _CHAIN_GAP.fullmatch(text, self.last_end, cand.start) is not None
        # A name that itself followed a title (`Phó Chủ tịch UBND tỉnh Lê Văn Hiếu, Giám đốc Sở …
        # Trần Thanh Tâm`) may be one of a list: this title may still bring its own name.
        weak = before is not None and before[2] == self.title_name_end
        named_before = before is not None and not weak
        org_words, name_words = self._remembered(("org", cand.start, named_before, chained), self._org_and_name,
                                                 title_key, cand.title_start, title_end, named_before, chained)
        title = lx.titles.get(title_key)
        position = _Position(
            title=canonical(title_text) if title is None else title, org_words=org_words, start=cand.start,
            end=org_words[-1].end if org_words else title_end,
            former=bool(cand.former) or _QUIT_BEFORE.search(text, max(0, cand.start - 30), cand.start) is not None,
            rank=canonical(cand.rank) if cand.rank else None,
            body_prefix=lx.title_bodies.get(title_key),
        )
        if position.org_words and _OLD_BODY.match(text, position.end):
            position.former = True  # `giám đốc Sở Nội vụ tỉnh Bình Thuận (cũ)`: a body merged away
        self.covered = position.end
        if on_behalf and not name_words:
            self.pending = []
            self.last_person, self.last_end = None, -1
            return
        if name_words:
            person = self._person(" ".join(w.text for w in name_words), name_words[0].start, name_words[-1].end,
                                  cand.rule.id)
            person.rank = person.rank or position.rank
            person.positions.extend(self.pending + [position])
            self.pending = []
            self.last_person, self.last_end = person, _after_bracket(text, name_words[-1].end)
            # `Bộ trưởng A Trịnh X và Bộ trưởng B, bà Y`: after a name written after its title,
            # `và` and another title bring another person.
            self.named_after_title_end = self.last_end
            if not position.org_words:
                body = self._apposed_body(self.last_end)
                if body:  # `Kiểm sát viên Lê Văn An, Viện kiểm sát nhân dân tỉnh, …`
                    position.org_words, position.end = body, body[-1].end
                    self.last_end = position.end
                else:  # `Đại diện VKSND tỉnh, Kiểm sát viên Lê Văn An …`
                    position.org_words = self._represented_body(cand.start)
            self.title_name_end = name_words[-1].end
            return
        # No name after the title: it follows a name (`Lâm Quang Thao – Phó Bí thư …`)
        # or continues a chain (`…, Chủ tịch HĐND quận`), or opens one before the name.
        gap = text[self.last_end:cand.start] if self.last_end >= 0 else None
        ends_cleanly = _ends_segment(text, position.end)
        if before is not None:
            name, start, end, honorific, rank, body, *others = before
            if body and not org_words:  # `Hội Phụ nữ phường, do bà … làm Chủ tịch`
                position.org_words = body
            for other, other_start, other_end, own in (others[0] if others else ()):  # `các ông A, B được bầu làm …`
                fellow = self._person(other, other_start, other_end, cand.rule.id)
                fellow.honorific = fellow.honorific or _honorific(lx, own or honorific)
                fellow.positions.append(position)
            person = self._person(name, start, end, cand.rule.id)
            person.honorific = person.honorific or _honorific(lx, honorific)
            person.rank = person.rank or (canonical(rank) if rank else None)
            person.positions.append(position)
            self._list_subjects(person, start)
            self.last_person, self.last_end = person, position.end
        elif self.last_person is not None and gap is not None \
                and not (gap.strip() == "và" and self.last_end == self.named_after_title_end) \
                and ((chained_on := bool(_CHAIN_GAP.fullmatch(gap))
                      and bool(org_words or ends_cleanly or gap.strip() in ("và", "kiêm")))
                     or _VERB_AFTER_APPOSITION.fullmatch(gap) or _VERB_BY_AGENT_AFTER_APPOSITION.fullmatch(gap)):
            # a verb after the last of several people listed under `các đồng chí` gives the office to each
            listed = not chained_on and len(self.subjects) > 1 and self.subjects[-1] is self.last_person
            for holder in self.subjects if listed else [self.last_person]:
                holder.positions.append(position)
            self.last_end = position.end
        elif (comma := _CHAIN_BEFORE_GAP.match(text, _after_bracket(text, position.end))) \
                and (org_words or title_text[0].isupper()):
            # (`Giám đốc Sở Y tế (SYT), bà …`: past the body's short form in brackets)
            apposed = self.named_start.get(comma.end())
            if apposed is not None and _OF_BEFORE.search(text, max(0, cand.start - 6), cand.start) \
                    and _OWN_TITLE.match(text, apposed.match.end("name")):
                apposed = None  # `Quyết định … của Thủ tướng Chính phủ, ông A - Phó Bí thư …`: A is not the PM
            if apposed is not None:  # `Chủ tịch hội đồng, ông John Friesbie, …`
                self._held_by(apposed.match, position, cand.rule.id)
                return
            self.pending.append(position)  # may open a chain before the name
            self.last_person, self.last_end = None, -1
        elif not ((held := _HELD_BY.match(text, position.end)) and self._to_holders(held.end(), position, cand)):
            self.pending = []
            self.last_person, self.last_end = None, -1

    def _list_subjects(self, person: _Person, name_start: int) -> None:
        """Keep `subjects`: the people listed so far under one plural subject, each with
        the positions written beside the name (`các đồng chí A, Chủ tịch UBND xã và B,
        Chủ tịch Ủy ban MTTQ xã được bầu giữ chức Phó Bí thư Đảng ủy xã`)."""
        text = self.text
        if _PLURAL_SUBJECT.search(text, max(0, name_start - 20), name_start):
            self.subjects = [person]
        elif person is not self.last_person:
            listed = self.subjects and self.subjects[-1] is self.last_person and self.last_end >= 0 \
                and _NEXT_LISTED.fullmatch(text, self.last_end, name_start)
            self.subjects = self.subjects + [person] if listed else []

    def _to_holders(self, at: int, position: _Position, cand) -> bool:
        """The office goes to the person named at `at`, after `đối với`, `là`, `gồm`
        (`miễn nhiệm chức vụ Phó Chủ tịch UBND huyện đối với ông Hà Văn Nghĩa`); after
        `hai`, `ba`, `các` … to every one listed (`bầu hai Phó Chủ tịch UBND xã là ông A
        và bà B`, `Ba Phó Chủ tịch … gồm các đồng chí: A, B và C`). False when nobody is named there."""
        text = self.text
        several = _SEVERAL.search(text, max(0, cand.start - 12), cand.start) is not None
        named = self.named_start.get(at)
        if named is not None:
            self._held_by(named.match, position, cand.rule.id)
        elif not several or not self._bare_holder(at, position, cand.rule.id):
            return False
        if several:
            while more := _ANOTHER.match(text, self.last_end):
                if self.named_start.get(more.end()) is not None:
                    self._held_by(self.named_start[more.end()].match, position, cand.rule.id)
                elif not self._bare_holder(more.end(), position, cand.rule.id):
                    break
        return True

    def _bare_holder(self, at: int, position: _Position, rule_id: str) -> bool:
        """One of several holders listed without an honorific of their own (a surname first)."""
        bare = _LISTED_NAME.match(self.text, at)
        if bare is None or fold(bare.group().split()[0]) not in self.lx.surnames:
            return False
        person = self._person(bare.group(), bare.start(), bare.end(), rule_id)
        person.positions.extend(self.pending + [position])
        self.pending = []
        self.last_person, self.last_end = person, bare.end()
        return True

    def _held_by(self, named, position: _Position, rule_id: str) -> None:
        """The office (and the chain pending before it) goes to the person a
        `honorific + name` match names after it."""
        person = self._person(named.group("name"), *named.span("name"), rule_id)
        person.honorific = person.honorific or _honorific(self.lx, named.group("honorific"))
        person.rank = person.rank or (canonical(named.group("rank")) if named.group("rank") else None)
        person.positions.extend(self.pending + [position])
        self.pending = []
        self.last_person, self.last_end = person, named.end("name")

    def _remembered(self, key, read, *args):
        """`read(*args)`, or what an earlier pass got from it when no name it asked about is known now."""
        saved = self.memo.get(key)
        names = self.known.names
        if saved is not None and not any(name in names for name in saved[1]):
            return saved[0]
        asked = self.known.asked = []
        try:
            result = read(*args)
        finally:
            self.known.asked = None
        self.memo[key] = (result, asked)
        return result

    def _subject_of_clause(self, start: int, career: bool = False):
        """`Ông Cao Xuân Bảo sinh năm 1975, quê …, từng giữ các chức vụ Phó Giám đốc …`:
        a verb of office opening a clause gives the office to the person the sentence
        opens with (an honorific and a name); with `career`, a list of offices held
        (`_CAREER_LIST`) does."""
        listed = None
        if career:  # (the caller saw the text end as a career list does, not as a verb)
            listed = verb = _CAREER_LIST.search(self.text, max(0, start - 140), start)
        else:
            verb = _CLAUSE_VERB.search(self.text, max(0, start - 40), start)
        if verb is None:
            return None
        opening = _SENTENCE_START.search(self.text, max(0, start - 300), verb.start())
        named = self.named_start.get(opening.end() if opening else -1)
        if named is None and listed is not None and opening is not None \
                and fold(listed.group("lead") or "") in _SUBJECT_PRONOUNS:
            # `… đồng chí đã kinh qua các chức vụ: …` — the person the sentence before opens with
            previous = _SENTENCE_START.search(self.text, max(0, opening.start() - 400), opening.start())
            named = self.named_start.get(previous.end() if previous else -1)
        if named is None:
            return None
        m = named.match
        return m.group("name"), m.start("name"), m.end("name"), m.group("honorific"), m.group("rank"), None

    def _represented_body(self, start: int) -> list[Word]:
        """The body a title speaks for, named before it: `Đại diện <body>, <title> …`."""
        m = _REPRESENTING.search(self.text, max(0, start - 120), start)
        if m is None:
            return []
        ws = [w for w in words(self.text, m.start(1), limit=self.lx.max_org_words + 2) if w.end <= m.end(1)]
        if not ws or (fold(self.lx.abbreviations.get(ws[0].text, ws[0].text)).split() or [""])[0] not in self.lx.org_heads:
            return []
        body = ws[:parse_org(self.lx, self.text, ws, 0, "", self.known)]
        return body if len(body) == len(ws) else []

    def _apposed_body(self, end: int) -> list[Word]:
        """The body named after `TITLE NAME,` when the title came without one
        (`Kiểm sát viên Lê Văn An, VKSND tỉnh thực hành …`): a body head with a
        capital right after the comma, not opening another title or a name."""
        text, lx = self.text, self.lx
        comma = _COMMA.match(text, end) or _OF_BODY.match(text, end)  # `… Lê Hữu Phước và đồng nghiệp thuộc VKSND …`
        if comma is None or lx.starts_title(text, comma.end()):
            return []
        ws = words(text, comma.end(), limit=lx.max_org_words + 3)
        if not ws or not ws[0].capital:
            return []
        head = lx.abbreviations.get(ws[0].text, ws[0].text)  # `VKSND` → `Viện kiểm sát nhân dân`
        if (fold(head).split() or [""])[0] not in lx.org_heads:
            return []
        body = ws[:parse_org(lx, text, ws, 0, "", self.known)]
        # Lower case after a place word ends the body here (`VKSND tỉnh thực hành …`).
        cut = next((k + 1 for k, w in enumerate(body[:-1]) if w.key in lx.place_words and not body[k + 1].capital),
                   len(body))
        return body[:cut]

    def _org_words(self, title_key: str, title_start: int, ws: list[Word], limit: int):
        """The words after the title (`ws`, at most `limit` of them; after the
        head words it shares with the body, if any) and how many of them the
        organisation takes; None when the first `limit` words of a longer line
        were too few to tell. (`parse_org` looks at most two words past where it stops.)"""
        text, lx = self.text, self.lx
        cut = limit < lx.max_org_words + 8 and len(ws) == limit  # more words may follow

        def parsed(seq: list[Word]) -> int | None:
            end = parse_org(lx, text, seq, 0, title_key, self.known)
            return None if cut and end + 3 > len(seq) else end

        head = lx.shared_head.get(title_key)
        if head:  # `Trưởng Ban Tuyên giáo`: the title's last word(s) open the body
            # Written with a capital (`Trưởng Ban Tuyên giáo`), or in lower case before the
            # body's name (`Trưởng đoàn công tác`, `Trưởng ban Chỉ đạo …` → `Ban Chỉ đạo …`).
            n = len(head.split())
            head_words = words(text, title_start, limit=len(title_key.split()))[-n:]
            if ws and ws[0].key == head_words[0].key:
                n = 0  # `Trưởng ban Ban Quản lý …`: the body writes its head word itself
            elif head_words[0].capital or (ws and ws[0].key not in lx.stops
                                           and (ws[0].text[0].islower() or not name_follows(lx, ws, 0))):
                ws = head_words + ws
            else:
                n = 0
            end = parsed(ws)
            if end is not None and n and end <= n:
                ws = ws[n:]
                end = parsed(ws)
        else:
            end = parsed(ws)
        return None if end is None else (ws, end)

    def _org_and_name(self, title_key: str, title_start: int, title_end: int, named_before: bool,
                      chained: bool = False) -> tuple[list[Word], list[Word]]:
        """The organisation after a title and the name after it (maybe none)."""
        text, lx = self.text, self.lx
        ws = words(text, title_end, limit=_FIRST_WORDS)
        if ws and lx.title_bodies.get(title_key, "A")[0].islower() and _NUMBERED.fullmatch(ws[0].text) \
                and ws[0].start == title_end + 1:
            return ws[:1], []  # `Trưởng khu phố 7`, `Trưởng thôn 3`: a numbered village (a common noun's)
        read = self._org_words(title_key, title_start, ws, _FIRST_WORDS)
        if read is None:  # a long one: read on, all the words the organisation and a name may take
            limit = lx.max_org_words + 8  # (`_WORD` looks behind no match: the words from the last one's end are the rest)
            more = join_particles(ws + words(text, ws[-1].end, limit=limit - len(ws)))
            read = self._org_words(title_key, title_start, more, limit)
        ws, end = read
        org = ws[:end]
        while org and org[-1].text.startswith("("):
            org = org[:-1]
        if not named_before:
            bracketed = self._bracketed_name(ws[len(org)] if len(org) < len(ws) else None)
            if bracketed:  # `Trưởng ấp (ông Huỳnh Văn Bé Tư)`
                return org, bracketed
            after = self._name_after_parent(ws, len(org)) if org else []
            if after:  # `Cục trưởng Cục Y tế dự phòng (Bộ Y tế) Trịnh Quang Vĩnh`
                return org, after
            after = self._name_after_opening(ws, len(org)) if org else []
            if after:  # `Chỉ huy trưởng Bộ CHQS tỉnh Đại tá Võ Thành Trung`
                return org, after
        run_start = len(org)
        while run_start > 0 and is_name_word(org[run_start - 1]):
            run_start -= 1
        run = org[run_start:]
        if not run:
            return org, []
        before_run = org[run_start - 1].key if run_start > 0 else ""
        known = self.known
        if named_before:
            # The person was named before the title: capitals after it are the
            # body's, unless they spell a name found elsewhere.
            split = _known_in(run, known)
        else:
            keep = institution_keep(lx, org, run_start)
            # A party or youth committee is named after its place (`Huyện ủy Nông Sơn`,
            # `Huyện đoàn Kim Thành`), as `huyện` is.
            after_place_word = before_run in lx.place_words or before_run in _COMMITTEE_ENDS or (
                before_run == _DOAN and run_start > 1 and org[run_start - 2].key in lx.place_words)
            split = split_name(lx, run, known, after_place_word, keep=keep)
            if split is None and len(run) - keep >= 2:
                split = self._np_split(run, keep, after_place_word)
        if split is None:
            return org, []
        if chained and split == (0, 2) and len(run) == 2 and run[1].key not in lx.middles \
                and fold_words(run) not in known and (_PLACE_END.match(text, run[-1].end)
                                                     or lx.title_bodies.get(title_key, "A")[0].islower()):
            # `…, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Ninh Sơn;`: the chain's person is
            # named already; two capitals ending the segment are the body's place; after a
            # village's head, the village (`…, Bí thư Chi bộ, Trưởng thôn Đồng Tâm cùng …`).
            return org, []
        return org[:run_start + split[0]], run[split[0]:split[1]]

    def _name_after_opening(self, ws: list[Word], k: int) -> list[Word]:
        """The name after a rank or an honorific right after the body (`person_opening_rx`)."""
        if k >= len(ws):
            return []
        opening = self.lx.person_opening_rx.match(self.text, ws[k].start)
        if opening is None:
            return []
        name = []
        for w in ws[k:k + 8]:
            if w.start < opening.end():
                continue
            if not is_name_word(w):
                break
            name.append(w)
        return name if 2 <= len(name) <= 5 and not starts_with_place(self.lx, name) else []

    def _name_after_parent(self, ws: list[Word], k: int) -> list[Word]:
        """The name right after a bracket naming the body's parent (`(Bộ Y tế)`), if any."""
        if k + 1 >= len(ws) or not ws[k].text.startswith("("):
            return []
        inner = ws[k].text[1:].lstrip()
        head = self.lx.abbreviations.get(inner.split()[0], inner.split()[0]) if inner.split() else ""
        if (fold(head).split() or [""])[0] not in self.lx.org_heads or not name_follows(self.lx, ws, k + 1):
            return []
        name = []
        for w in ws[k + 1:k + 6]:
            if not is_name_word(w):
                break
            name.append(w)
        return name if 2 <= len(name) <= 5 and not starts_with_place(self.lx, name) else []

    def _bracketed_name(self, word: Word | None) -> list[Word]:
        """The name in a bracket right after a title and its body, maybe after an
        honorific (`Bí thư Chi bộ ấp (đ/c Lê Văn Sang)`): a surname first, or a name
        the article gives elsewhere."""
        if word is None or not word.text.startswith("("):
            return []
        m = self.lx.honorific_rx.match(word.text, 1)
        inner = words(self.text, word.start + (m.end() - 1 if m else 1), limit=7)
        name = []
        for w in inner:
            if not is_name_word(w):
                break
            name.append(w)
        closing = inner[len(name)] if len(name) < len(inner) else None
        if not 2 <= len(name) <= 5 or closing is None or closing.text != ")" \
                or not (surname_length(self.lx, name, 0) or fold_words(name) in self.known) \
                or fold_words(name) in self.lx.places or starts_with_place(self.lx, name):
            return []  # `Chủ tịch UBND tỉnh (Hà Tĩnh)` names the province
        return name

    def _np_split(self, run: list[Word], keep: int, after_place_word: bool) -> tuple[int, int] | None:
        """The last proper-noun token of the run as the name, by underthesea's
        POS tags (`Huyện ủy Mù Cang Chải Giàng A Tông`): only for runs the
        lexicons leave undecided, and only the run with a few words around it
        is tagged."""
        tokens = self.doc.tokens_near(run[0].start, run[-1].end, pos=True)
        inside = [t for t in tokens if t.start >= run[0].start and t.end <= run[-1].end]
        if not inside or inside[-1].tag != "Np" or inside[-1].end != run[-1].end:
            return None
        k = next((i for i, w in enumerate(run) if w.start == inside[-1].start), None)
        if k is None or k < max(keep, 1 if after_place_word else 0) or not 2 <= len(run) - k <= 4:
            return None
        name = run[k:]
        if any(w.key in self.lx.company_words for w in name) or (len(name) < 3 and (
                after_place_word or not (surname_length(self.lx, name, 0) or looks_foreign(name, self.lx)))):
            # `Huyện ủy Lệ Thủy`, `Bộ trưởng Công Thương:`: two Vietnamese capitals with no surname
            # name a place or a field (a two-syllable name without a known surname is rare)
            return None
        if fold_words(name) in self.lx.places or starts_with_place(self.lx, name) \
                or (k > 0 and fold_words(run[:k + 1]) in self.lx.places):
            return None
        return k, len(run)


def _known_in(run: list[Word], known: set[str]) -> tuple[int, int] | None:
    for k in range(len(run)):
        for n in range(min(5, len(run) - k), 1, -1):
            if fold_words(run[k:k + n]) in known:
                return k, k + n
    return None


def _honorific(lx: Lexicons, written: str | None) -> str | None:
    """The honorific as written, abbreviations spelled out (`Đ/c` → `đồng chí`)."""
    if not written:
        return None
    return lx.honorifics.get(fold(written), written)


_COMMA = regex.compile(r"\s*,\s*")
# Between two offices a chain before the name holds (`Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh X`,
# `Phó Chủ tịch UBND tỉnh kiêm Trưởng ban Chỉ huy … X`).
_CHAIN_BEFORE_GAP = regex.compile(r"\s*,\s*(?:kiêm\s+)?|\s+kiêm\s+")
_ON_BEHALF = regex.compile(r"(?<![\w])(?:thừa\s+ủy\s+quyền|thừa\s+uỷ\s+quyền|ủy\s+quyền|uỷ\s+quyền|thay\s+mặt|thừa\s+lệnh)"
                           r"(?:\s+(?:của|cho))?\s+$", regex.IGNORECASE)
# The last words of the phrases `_ON_BEHALF` takes, lower-cased (tests/test_officials.py checks them).
_ON_BEHALF_ENDS = ("quyền", "mặt", "lệnh", "của", "cho")


def _may_act_for(text: str, start: int) -> bool:
    """Can `_ON_BEHALF` match before `start`? (As `_may_separate`: most titles follow
    no such phrase, and a look at the last word spares trying it at 40 places.)"""
    before = text[max(0, start - 40):start]
    return before[-1:].isspace() and before.rstrip().lower().endswith(_ON_BEHALF_ENDS)


_PLACE_END = regex.compile(r"\s*(?:[;.)\n]|$)")
# A body's term read past after it (`… nhiệm kỳ 2021-2026`, `… khóa XVII`), before a chain or a holder goes on.
_TERM_AFTER = r"(?:\s+(?:nhiệm\s+kỳ\s+[0-9]{4}\s*[-–]\s*[0-9]{4}|khóa\s+[IVXLC]+))?"
_CHAIN_GAP = regex.compile(_TERM_AFTER + r"(?:\s*\([^()\n]{1,40}\))?\s*[,–—-]?\s*(?:và\s+|kiêm\s+|đồng thời là\s+|\(?\s*(?:nay|hiện|hiện nay) là\s+)?")
_SENTENCE_START = regex.compile(r"(?:^|[.!?\n])\s*(?=[^.!?\n]*$)")
_REPRESENTING = regex.compile(r"(?<![\p{L}])[Đđ]ại\s+diện\s+(\p{Lu}[^,;:.()\n]{2,100}?)\s*,\s*$")
_OLD_BODY = regex.compile(r"\s*\(\s*cũ\s*\)")
_OF_BODY = regex.compile(r"\s+(?:và\s+(?:các\s+)?đồng\s+nghiệp\s+)?(?:thuộc|của)\s+")
_OF_BEFORE = regex.compile(r"(?<![\p{L}])(?:của|với)\s+$")  # `của Thủ tướng, ông A - …`, `báo cáo với Phó Thủ tướng, ông A, …`
_OWN_TITLE = regex.compile(r"\s*[-–—,(]\s*\p{L}")  # a name, then its own apposed office
_HELD_BY = regex.compile(_TERM_AFTER + r"\s+(?:đối\s+với|là|(?:được\s+(?:bầu|bổ\s+nhiệm)\s+)?gồm(?:\s+có)?)\s+(?:các\s+(?=ông|bà)|(?:các\s+)?(?:đồng\s+chí|ông|bà)\s*:\s*)?")  # an office, then the person it is given to or taken from
_SEVERAL = regex.compile(r"(?<![\p{L}])(?:[Hh]ai|[Bb]a|[Bb]ốn|[Nn]ăm|[Cc]ác|[2-9])\s+$")  # `hai Phó Chủ tịch …`
_ANOTHER = regex.compile(r"\s*(?:,|và)\s*")
_BRACKET = regex.compile(r"\s*\([^()\n]{1,40}\)")
# … or the verb of saying the chain's person says with (`…, Phó Cục trưởng, Phó Trưởng đoàn cho biết`)
_SEGMENT_END = regex.compile(r"\s*(?:[,;.:)\n]|$|[-–—]\s)|\s+(?:cho\s+biết|cho\s+hay|khẳng\s+định|nhấn\s+mạnh|phát\s+biểu)(?![\w])")


def _after_bracket(text: str, end: int) -> int:
    """Past a bracket after a name (`Hoàng Quang Hàm (Phú Thọ)`)."""
    m = _BRACKET.match(text, end, min(len(text), end + 50))
    return m.end() if m else end


def _ends_segment(text: str, end: int) -> bool:
    return _SEGMENT_END.match(text, end) is not None


# Between a name and its office; the age, birth year or party membership may come first
# (`(SN 1971, nguyên …`, `…, 57 tuổi, Giám đốc …`, `…, đảng viên, Trưởng phòng …`).
_SEPARATOR = regex.compile(
    r"(?:\s*[-–—,(]\s*(?:(?:SN|sinh\s+năm)\s*[0-9]{4}\s*,\s*|[0-9]{1,3}\s+tuổi\s*,\s*|đảng\s+viên\s*,\s*"
    r"|" + _RANK_IN_APPOSITION + r"\s*,\s*)?(?:(?:nguyên|cựu|tân|quyền)\s+)?"  # (`…, Thượng tá, nguyên …`)
    r"|\s*\([^()\n]{1,120}\)\s*[-–—,]\s*(?:(?:nguyên|cựu)\s+)?|\s+(?:nguyên|cựu)\s+"  # (`(SN 1972, trú tại …), nguyên …`)
    r"|\s+[0-9]{1,3}\s+tuổi\s*[-–—,]\s*(?:(?:nguyên|cựu)\s+)?)$")
# `Ông Cao Văn Nhân nguyên Phó Chủ tịch …`: `nguyên` alone may join a name to its former office.
_FORMER_AT = regex.compile(r"(?:nguyên|cựu)\s")
_SPACE_END = regex.compile(r"\s+$")
_SEPARATOR_ENDS = ("-", "–", "—", ",", "(", "nguyên", "cựu", "tân", "quyền")  # what a `_SEPARATOR` match ends with, but white space


def _may_separate(before: str) -> bool:
    """Can `_SEPARATOR` match at the end of `before`? (Most titles follow a plain word:
    a look at the last characters spares trying the pattern at each of the 60 places;
    `rstrip` strips every `\\s` of `regex`, and a few more characters.)"""
    return before.rstrip().endswith(_SEPARATOR_ENDS)


_NAMED_AFTER = regex.compile(
    r"(?<![\p{L}])(?:chuyên|trường|THPT|THCS|đường|phố|phường|xã|quận|huyện|cầu|công\s+viên|quảng\s+trường|"
    r"bệnh\s+viện|nhà\s+văn\s+hóa|khu\s+tưởng\s+niệm|tượng\s+đài|đền|lăng|giải(?:\s+thưởng)?)\s+$",
    regex.IGNORECASE)
_CAPITAL_WORD_END = regex.compile(r"\p{Lu}\p{Ll}*\s$")
_NAME_WORD = r"(?:[HK]['’])?\p{Lu}[\p{Ll}\p{M}]*(?:-\p{L}[\p{Ll}\p{M}]*)?"
_BARE_NAME = regex.compile(r"(?<![\p{L}'-])((?:" + _NAME_WORD + r"\s){1,4}" + _NAME_WORD + ")$")
# A verb between a name and the office it gains or holds (`bà … tái đắc cử Chủ tịch Hội …`,
# `ông … được bổ nhiệm giữ chức Giám đốc Sở …`, `… giữ chức Phó Chủ tịch`).
# Pieces of the phrases of office below (one spelling each, shared by the patterns built of them).
_HOLD = r"(?:giữ\s+(?:các\s+)?(?:chức(?:\s+vụ)?|cương\s+vị)|đảm\s+nhiệm(?:\s+chức(?:\s+vụ)?)?)"  # holding an office
_APPOINT = (r"(?:bầu(?:\s+lại)?|bổ\s+nhiệm(?:\s+lại)?|điều\s+động|luân\s+chuyển|phân\s+công|chỉ\s+định|cử|giao|"
            r"công\s+nhận|hiệp\s+thương(?:\s+cử)?)")  # being given one
_TAKE = (r"(?:(?:về\s+)?giữ\s+chức(?:\s+vụ)?|(?:về\s+)?làm|là|vào\s+chức(?:\s+vụ)?|"
         r"đảm\s+nhiệm(?:\s+chức(?:\s+vụ)?)?)")  # … and taking it up
# Moved to a body and made a member of its committees first (`… đến nhận công tác tại huyện X,
# chỉ định tham gia Ban Chấp hành, Ban Thường vụ và giữ chức Bí thư Huyện ủy X`).
_JOIN_AND_TAKE = (r"(?:(?:đến|về)\s+nhận\s+công\s+tác\s+tại\s+[^\n.;:()]{1,60}?(?:\s*,)?\s+(?:chỉ\s+định\s+)?"
                  r"(?:tham\s+gia\s+[^\n.;:()]{1,80}?\s+)?|(?:chỉ\s+định\s+)?tham\s+gia\s+[^\n.;:()]{1,80}?\s+)"
                  r"và\s+giữ\s+chức(?:\s+vụ)?")
# An office left or held before (`thôi giữ chức`, `từng là`, `khi đó là`): a former one.
_FORMER = (r"(?:thôi\s+(?:giữ\s+chức(?:\s+vụ)?|làm)|(?:trước|khi|lúc|thời\s+điểm)\s+đó\s+là|"
           r"từng\s+(?:là|làm|" + _HOLD + "))")
_VERBS_OF_OFFICE = (
    r"(?:(?:(?:tái\s+)?đắc\s+cử|tái\s+cử|trúng\s+cử)(?:\s+chức(?:\s+vụ)?)?|"
    r"(?:(?:vừa|đã|mới|do|tiếp\s+tục)\s+)?được\s+(?:tín\s+nhiệm\s+)?(?:(?:điều\s+động|luân\s+chuyển)\s*(?:,|và)?\s*)?"
    + _APPOINT + r"(?:\s+" + _TAKE + r")?|"
    r"(?:(?:đang|hiện|hiện\s+đang|tiếp\s+tục|vẫn)\s+)?" + _HOLD + "|"
    + _JOIN_AND_TAKE + "|"
    r"(?:(?:xin|đã|vừa)\s+)?" + _FORMER + "|"
    r"về\s+(?:giữ\s+chức(?:\s+vụ)?|làm|nhận\s+công\s+tác\s+tại)|"
    r"(?:để\s+)?nhận\s+nhiệm\s+vụ(?:\s+mới)?(?:\s+là)?|"
    r"(?:để\s+)?(?:bầu|ứng\s+cử)\s+(?:giữ\s+chức(?:\s+vụ)?|làm|vào\s+chức(?:\s+vụ)?))")
# `bà … là Phó Chủ tịch …`, `ông … làm Phó Trưởng ban …`: right after a name only. After a
# position (`…, Phó Chủ tịch UBND tỉnh làm trưởng đoàn`) the verb gives the person no new office.
_BARE_VERBS = r"(?:(?:(?:đang|hiện|hiện\s+đang)\s+)?làm|(?:(?:hiện|hiện\s+nay|nay|đang|hiện\s+đang)\s+)?là)"
_VERB_SEPARATOR = regex.compile(r"\s+(?:" + _VERBS_OF_OFFICE + "|" + _BARE_VERBS + r")\s+$")
# `Đồng chí A, nguyên Bí thư Đoàn xã X, được bầu giữ chức Bí thư …`: the verb follows
# the position written after the name.
_APPOSITION_END = r"(?:\s*\([^()\n]{1,40}\))?\s*\)?\s*[,–—-]?\s+"  # `…, (49 tuổi),`, `(Trưởng phòng …)`
_VERB_AFTER_APPOSITION = regex.compile(_APPOSITION_END + _VERBS_OF_OFFICE + r"\s+$")
# `ông … thôi giữ chức Chủ tịch …`: the office the verb names is a former one.
_QUIT_BEFORE = regex.compile(r"(?<![\p{L}])" + _FORMER + r"\s+$")
# A clause of a biography opening with an office (`…, từng giữ các chức vụ …`, `_subject_of_clause`).
_CLAUSE_VERB = regex.compile(r"[,;]\s*(?:(?:và|đồng\s+thời)\s+)?(?:từng\s+(?:là|làm|" + _HOLD + r")|"
                            r"(?:hiện|hiện\s+nay|nay)\s+(?:là|giữ\s+chức(?:\s+vụ)?))\s+$")
# A career listed (`…, có 12 năm giữ các chức vụ lãnh đạo chủ chốt của huyện như A, B`;
# `Trước đó, đồng chí đã kinh qua các chức vụ: A, B`): the offices go to the sentence's subject,
# or with a bare `đồng chí`/`ông`/`bà` to the person the sentence before opens with.
_CAREER_LIST = regex.compile(
    r"(?:[,;]|^|(?<=[.!?\n]))\s*(?:(?P<lead>[^\n,.;:()]{1,40}?)\s+)?"
    r"(?:đã\s+)?(?:từng\s+)?(?:kinh\s+qua|trải\s+qua|giữ|đảm\s+nhiệm|đảm\s+nhận)\s+(?:các|nhiều)\s+"
    r"(?:chức\s+(?:vụ|danh)|cương\s+vị|vị\s+trí)(?:\s+[^\n,.;:()]{1,50}?)?(?:\s*:|\s+như|\s+gồm)\s*$")
_SUBJECT_PRONOUNS = {fold("đồng chí"), fold("ông"), fold("bà")}  # a person the sentence before names
_CAREER_ENDS = (":", "như", "gồm")  # how `_CAREER_LIST` ends (a shortcut before searching for it)
# `ông … đã được Bộ Chính trị điều động, chỉ định giữ chức Bí thư …`: who gave the office
# comes between `được` and the verb.
# … and `chỉ định tham gia Ban Chấp hành, Ban Thường vụ và giữ chức …` (membership first).
_BY_AGENT = (r"(?:(?:vừa|đã|mới|do|tiếp\s+tục)\s+)?được\s+(?:\p{Lu}[^\n,.;:()]{1,60}?\s+)?"
             r"(?:(?:điều\s+động|luân\s+chuyển|giới\s+thiệu)\s*(?:,|và)?\s*)?"
             r"(?:" + _APPOINT + r"|hiệp\s+thương\s+cử)(?:\s+tham\s+gia\s+[^\n.;:()]{1,80}?\s+và)?"
             r"(?:\s+" + _TAKE + ")?")
_VERB_BY_AGENT = regex.compile(r"\s+" + _BY_AGENT + r"\s+$")
_VERB_BY_AGENT_AFTER_APPOSITION = regex.compile(_APPOSITION_END + _BY_AGENT + r"\s+$")
# The last words of the phrases `_VERB_SEPARATOR` takes (tests/test_officials.py
# spells out every phrase it takes and checks).
_VERB_ENDS = ("cử", "bầu", "lại", "nhiệm", "động", "chuyển", "vị", "tại", "mới", "công", "định", "giao", "nhận",
              "chức", "vụ", "làm", "là", "thương")


def _may_be_verb(before: str) -> bool:
    """Can `_VERB_SEPARATOR` match at the end of `before`? (As `_may_separate`.)"""
    return before[-1:].isspace() and before.rstrip().endswith(_VERB_ENDS)


# Several names before the verb: under one plural honorific (`các ông A, B và bà C`) or
# each with its own (`chị A và anh B`).
_ONE_HONORIFIC = r"(?i:ông|bà|anh|chị|đồng\s+chí|đ/c)"
_PLURAL_NAMES = regex.compile(
    r"(?<![\w])(?:[Cc]ác\s+)?" + _ONE_HONORIFIC + r"\s+((?:" + _NAME_WORD + r"\s+){1,4}" + _NAME_WORD
    + r"(?:\s*(?:,|và)\s*(?:" + _ONE_HONORIFIC + r"\s+)?(?:" + _NAME_WORD + r"\s+){1,4}" + _NAME_WORD + r")*)"
    + r"\s*(?:,|và)\s*(?:" + _ONE_HONORIFIC + r"\s+)?$")

_LISTED_NAME = regex.compile(r"(?:" + _NAME_WORD + r"\s+){1,4}" + _NAME_WORD)  # one of them
_PLURAL_HONORIFIC = regex.compile(r"[Cc]ác\s+(\S+(?:\s+chí)?)")  # `các ông` → `ông`
_OWN_HONORIFIC = regex.compile(r"(" + _ONE_HONORIFIC + r")\s+")  # `chị A và anh B`: each their own


def _next_capital(text: str, pos: int) -> int:
    """Where the next capitalised word after `pos` starts (len(text) for none)."""
    m = _CAPITAL_START.search(text, pos)
    return m.start() if m else len(text)


_CAPITAL_START = regex.compile(r"\p{Lu}")
_PLURAL_SUBJECT = regex.compile(r"(?<![\p{L}])[Cc]ác[^\S\n]+(?:đồng[^\S\n]+chí|ông|bà)[^\S\n]+\Z")
_NEXT_LISTED = regex.compile(r"[^\S\n]*(?:[,;][^\S\n]*(?:và[^\S\n]+)?|và[^\S\n]+)")


SEPARATOR_WINDOW = 150  # characters before a title a separator may span (a bracket of birth year and home)


def _named_before(text, start, named_end, known, lx, title_key=""):
    """A name right before a title, joined by a dash, comma or bracket
    (`đồng chí Lâm Quang Thao – Phó Bí thư …`, `ông Đào Minh Tú, Phó Thống đốc …`)."""
    before = text[max(0, start - SEPARATOR_WINDOW):start]
    m = _SEPARATOR.search(before) if _may_separate(before) else None
    if m is None and before[-1:].isspace() and _FORMER_AT.match(text, start):
        m = _SPACE_END.search(before)
    verb = None
    if not m:
        verb = None
        if _may_be_verb(before):
            verb = _VERB_BY_AGENT.search(text, max(0, start - 100), start) or _VERB_SEPARATOR.search(before)
        if not verb or verb.group().split()[-1] == "làm":
            by_do = _named_by_do(text, start, named_end, known, lx)
            if by_do is not None or not verb:
                return by_do
        m = verb
    sep_start = start - len(m.group())
    if verb is not None:
        found = _named_before_verb(text, sep_start, named_end, known, lx)
        if found is not None and verb.group().split()[-1] == "làm" \
                and _DO_NEAR.search(text, max(0, found[1] - 50), found[1]):
            return None  # `Đoàn … do Thứ trưởng A làm Trưởng đoàn`: leads a visit, holds no office
        return found

    cand = named_end.get(sep_start)
    if cand is not None:
        cm = cand.match
        return (cm.group("name"), cm.start("name"), cm.end("name"), cm.group("honorific"), cm.group("rank"),
                _body_led_before(text, cm.start(), lx, title_key))
    # A bare name: capitalised words starting with a surname, not after another capital.
    name = _bare_name_before(text, sep_start, known, lx, lookback=2)
    if name is None:
        return None
    return name, sep_start - len(name), sep_start, None, None, None


_DASH_IN_NAME_BEFORE = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]*[ ]+-[ ]+$")


def _bare_name_before(text, end, known, lx, lookback: int) -> str | None:
    """The capitalised words ending at `end` when they make a name (a known
    one, or a surname first and no place), and no capitalised word ends in the
    `lookback` characters before them."""
    found = _BARE_NAME.search(text[max(0, end - 60):end])
    if not found:
        return None
    name = found.group(1)
    if fold(name) not in known and (fold(name.split()[0]) not in lx.surnames or fold(name) in lx.places
                                    or starts_with_place(lx, words(name, 0))):
        return None  # `… Thủ tướng Thái Lan Siriwan Chaiyaporn, …`: a country, then a name
    start = end - len(name)
    if _CAPITAL_WORD_END.search(text[max(0, start - lookback):start]):
        return None
    if _DASH_IN_NAME_BEFORE.search(text, max(0, start - 24), start):
        return None  # `Trường Đại học Nông - Lâm Bắc Giang làm …`: the rest of a body's name, no person
    if _NAMED_AFTER.search(text, max(0, start - 24), start):
        return None  # `Trường THPT chuyên Lý Tự Trọng, …`, `đường Nguyễn Huệ, …`: a thing named after a person
    if fold(name) not in known and _PLACE_NAME_BEFORE.search(text, max(0, start - 16), start):
        return None  # `Bí thư Huyện đoàn Kim Thành, Phó Bí thư …`: the place of a body, not a person
    return name


def _named_before_verb(text, sep_start, named_end, known, lx):
    """The name (and the names listed with it under `các ông`) before a verb of office."""
    age = _AGE_BEFORE.search(text, max(0, sep_start - 16), sep_start)
    if age is not None:
        sep_start = age.start()  # `Bà …, 48 tuổi, được bầu …`
    cand = named_end.get(sep_start)
    if cand is not None:
        cm = cand.match
        name, name_start, honorific, rank = cm.group("name"), cm.start("name"), cm.group("honorific"), cm.group("rank")
    else:
        name = _bare_name_before(text, sep_start, known, lx, lookback=20)
        if name is None:
            return None
        name_start, honorific, rank = sep_start - len(name), None, None
    others = []
    plural = _PLURAL_NAMES.search(text[max(0, name_start - 200):name_start])
    if plural:
        base = max(0, name_start - 200)
        shared = _PLURAL_HONORIFIC.match(plural.group())
        own = None if shared else _OWN_HONORIFIC.search(plural.group(), 0, plural.start(1) - plural.start())
        for om in _LISTED_NAME.finditer(plural.group(1)):
            if fold(om.group().split()[0]) in lx.surnames or fold(om.group()) in known:
                others.append((om.group(), base + plural.start(1) + om.start(), base + plural.start(1) + om.end(),
                               own.group(1) if own else None))
            own = _OWN_HONORIFIC.search(plural.group(1), om.end())  # the next name's (`và bà C`)
            own = own if own and own.end() == _next_capital(plural.group(1), om.end()) else None
        honorific = honorific or (shared.group(1) if shared else None)
    return name, name_start, sep_start, honorific, rank, None, others


_LAM = regex.compile(r"\s+làm\s+$")
_DO = regex.compile(r"(?<![\p{L}])do\s+$")
_DO_NEAR = regex.compile(r"(?<![\p{L}])do\s+(?:\S[^\n,;.:()]{0,40}?\s+)?$")  # `do ông …`, `do Thứ trưởng …`
_BODY_BEFORE_DO = regex.compile(r"(?:^|[.;:!?\n]|,\s)\s*([^.;:!?\n,]{2,80}?)\s*,?\s*$")


def _named_by_do(text, start, named_end, known, lx):
    """`Hội Phụ nữ phường, do bà Kiều Thị Ngân làm Chủ tịch`: a body led `do` (by) a
    person who `làm` (serves as) the title; the body before `do` is the title's, when
    the title brings none of its own (the sixth field: the words of that body)."""
    m = _LAM.search(text, max(0, start - 10), start)
    if not m:
        return None
    end = m.start()
    cand = named_end.get(end)
    if cand is not None:
        cm = cand.match
        name, name_start, honorific, rank = cm.group("name"), cm.start("name"), cm.group("honorific"), cm.group("rank")
        opened = cm.start()
    else:
        found = _BARE_NAME.search(text[max(0, end - 60):end])
        if not found:
            return None
        name = found.group(1)
        if fold(name) not in known and not surname_length(lx, words(name, 0), 0):
            return None
        name_start, honorific, rank = end - len(name), None, None
        opened = name_start
    do = _DO.search(text, max(0, opened - 10), opened)
    if do is None:
        return None
    return name, name_start, end, honorific, rank, _body_before_do(text, do.start(), lx)


def _body_led_before(text, opened, lx, title_key):
    """`Báo cáo thẩm tra của Ban Kinh tế - Ngân sách HĐND tỉnh do ông X, Trưởng ban trình bày`:
    the body named before `do` + the name, when the title after the name is the bare
    head of that body's kind (`Trưởng ban` → `Ban …`, `Trưởng phòng` → `Phòng …`)."""
    head = lx.shared_head.get(title_key)
    if not head:
        return None
    do = _DO.search(text, max(0, opened - 10), opened)
    if do is None:
        return None
    body = _body_before_do(text, do.start(), lx)
    if not body or " ".join(w.key for w in body[:len(head.split())]) != fold(head):
        return None
    return body


def _body_before_do(text, do_start, lx):
    """The words of the body named before `do` (`Tổ công tác do …`), when they make one."""
    body = None
    clause = _BODY_BEFORE_DO.search(text, max(0, do_start - 90), do_start)
    if clause:
        ws = words(text, clause.start(1))
        ws = [w for w in ws if w.end <= clause.end(1)]
        head = next((k for k, w in enumerate(ws) if w.capital and (w.key in lx.org_heads
                     or (k + 1 < len(ws) and f"{w.key} {ws[k + 1].key}" in lx.org_heads))), None)
        if head is not None and parse_org(lx, text, ws, head) == len(ws):
            body = ws[head:]
    return body


def _add_mentions(lx: Lexicons, text: str, people: dict[str, _Person], named, deadline: float) -> bool:
    """Every other place a known person is named: the full name, or an
    honorific with the given name (`ông Thao`) when only one person has it.
    False when the time ran out first (the mentions found until then are kept)."""
    tries = 0
    by_given: dict[str, list[_Person]] = {}
    by_name: dict[str, _Person] = {}
    spans: dict[int, set[tuple[int, int]]] = {}
    for person in people.values():
        by_given.setdefault(fold(person.name.split()[-1]), []).append(person)
        by_name[person.name] = person
        spans[id(person)] = {(s, e) for s, e, _ in person.mentions}
    if by_name:
        # One scan for every name (each name's own scan would read the text once per person).
        # At each start the longest name matches; the shorter ones it begins with are looked up.
        seen = {key: set(found) for key, found in spans.items()}  # the spans the titles gave
        last_end: dict[int, int] = {}  # as each name's own non-overlapping scan would go
        names = _Names(by_name)
        shortened = {name for name in by_name  # names that begin with another name
                     if any(not ch.isalpha() and name[:k] in by_name for k, ch in enumerate(name))}
        for start, firsts in names.starts(text):  # every place a name may start, in order
            tries += 1
            if tries % 256 == 0 and time.perf_counter() > deadline:
                return False
            end = names.match(text, start, firsts)
            if end is None:
                continue
            found = text[start:end]
            cuts = (len(found),) if found in by_name and found not in shortened else \
                [k for k, ch in enumerate(found) if not ch.isalpha()] + [len(found)]
            for cut in cuts:
                person = by_name.get(_SPACES.sub(" ", found[:cut]))
                if person is None or start < last_end.get(id(person), -1):
                    continue
                last_end[id(person)] = start + cut
                if (start, start + cut) not in seen[id(person)]:
                    person.mentions.append((start, start + cut, FULL_NAME_RULE))
                    spans[id(person)].add((start, start + cut))
    for index, cand in enumerate(named):
        if index % 256 == 255 and time.perf_counter() > deadline:
            return False
        name = cand.match.group("name")
        key = fold(name)
        honorific = _honorific(lx, cand.match.group("honorific"))
        span = cand.match.span("name")
        if key in people:
            person = people[key]
            person.honorific = person.honorific or honorific
            if span not in spans[id(person)]:
                person.mentions.append((*span, cand.rule.id))
                spans[id(person)].add(span)
        elif len(name.split()) == 1 and len(by_given.get(key, [])) == 1:
            person = by_given[key][0]
            if span not in spans[id(person)]:
                person.mentions.append((*span, cand.rule.id))
                spans[id(person)].add(span)
    return True


_SPACES = regex.compile(r"\s+")


class _Names:
    """The names of an article, found in its text as one pattern of them all
    would find them: each word of a name apart from the next by any white
    space, not inside a longer word, the longest name that matches at a place first.

    A few names are found by plain string searches: compiling that pattern
    for each article costs more than the searches. Many names (a long text)
    are found by the pattern: trying each name in turn at every place one may
    start would cost more than compiling it once."""

    def __init__(self, by_name) -> None:
        names = sorted(by_name, key=_longest_first)
        self.pattern = None
        # The names by their first word, each list longest first (as the pattern tries them).
        self.by_first: dict[str, list[list[str]]] = {}
        if len(names) > _FEW_NAMES:
            self.firsts = re.compile(_re_trie(sorted({name.split(" ")[0] for name in names})))
            self.pattern = re.compile(r"(?<![^\W\d_])(?:" + "|".join(
                r"\s+".join(re.escape(word) for word in name.split(" ")) for name in names) + r")(?![^\W\d_])")
            return
        for name in names:
            self.by_first.setdefault(name.split(" ")[0], []).append(name.split(" "))

    def starts(self, text: str):
        """Every place a first word of a name begins (within a word too), in
        order, with the first words that begin there (None: not told)."""
        if self.pattern is not None:
            hit = self.firsts.search(text)
            while hit is not None:
                yield hit.start(), None
                hit = self.firsts.search(text, hit.start() + 1)
            return
        found: dict[int, list[str]] = {}
        for first in self.by_first:
            at = text.find(first)
            while at != -1:
                found.setdefault(at, []).append(first)
                at = text.find(first, at + 1)
        yield from sorted(found.items())

    def match(self, text: str, start: int, firsts: list[str] | None) -> int | None:
        """Where the longest name beginning at `start` (with one of `firsts`)
        ends, or None: no name begins there."""
        if self.pattern is not None:
            m = self.pattern.match(text, start)
            return None if m is None else m.end()
        if start and _LETTER.match(text, start - 1):
            return None
        names = self.by_first[firsts[0]] if len(firsts) == 1 else \
            sorted((n for first in firsts for n in self.by_first[first]), key=lambda n: _longest_first(" ".join(n)))
        for name in names:
            end = _name_end(text, start + len(name[0]), name)
            if end is not None:
                return end
        return None


_FEW_NAMES = 32  # up to so many names, plain searches; more, one pattern of them compiled


def _longest_first(name: str) -> tuple[int, str]:
    return -len(name), name


def _name_end(text: str, at: int, name: list[str]) -> int | None:
    """Where `name` (its first word ending at `at`) ends in `text`, each next
    word after white space, no letter after the last; None if it does not."""
    for word in name[1:]:
        gap = _WHITE.match(text, at)  # no word of a name begins with white space: greedy is exact
        if gap is None or not text.startswith(word, gap.end()):
            return None
        at = gap.end() + len(word)
    return None if _LETTER.match(text, at) else at


_LETTER = re.compile(r"[^\W\d_]")  # what the name pattern took for a letter: `\w` but digits and `_`
_WHITE = re.compile(r"\s+")


def _sentence_case(lx: Lexicons, org: str | None) -> str | None:
    """A body's name written in capitals (a signature block's `TM. ỦY BAN NHÂN DÂN`) as a
    name is written in a sentence (`Ủy ban nhân dân`); abbreviations stay as they are."""
    if not org or not org.isupper() or " " not in org:
        return org
    return sentence_case(org, lx.abbreviations)


def _org_text(org_words: list[Word], text: str) -> str | None:
    if not org_words:
        return None
    return _TERM_END.sub("", text[org_words[0].start:org_words[-1].end].strip(" ,"))


# The term read past after a body (`… huyện X nhiệm kỳ 2015-2020, đồng chí …`): no part of its name.
_TERM_END = regex.compile(r"\s+nhiệm\s+kỳ\s+[0-9]{4}\s*[-–]\s*[0-9]{4}$")


_NOT_WORD = regex.compile(r"[^\w ]+")


def _spelled(lx: Lexicons, text: str, p: _Position) -> str:
    org = expand(lx, _org_text(p.org_words, text)) or ""
    return _NOT_WORD.sub("", fold(f"{p.title} {org}")).strip()


def _merged(lx: Lexicons, text: str, positions: list[_Position]) -> list[_Position]:
    """One position per office: `Phó Thủ tướng` and `Phó Thủ tướng Chính phủ`
    (or `Đại biểu` and `Đại biểu Quốc hội`) are one, kept in its fullest form;
    but an office held before (`nguyên Bí thư Đoàn xã X`) is not the fuller form of
    another held now (`Bí thư Đoàn xã`); the same office written twice is one."""
    spelled = [_spelled(lx, text, p) for p in positions]
    titles = [_NOT_WORD.sub("", fold(p.title)).strip() for p in positions]
    keep = []
    for i, p in enumerate(positions):
        mine = spelled[i]
        body = mine[len(titles[i]) + 1:] if mine.startswith(titles[i] + " ") else ""
        fuller = any(j != i and ((spelled[j].startswith(mine + " ") and positions[j].former == p.former)
                                 or (spelled[j] == mine and j < i)
                                 # `Thủ tướng Hà Lan` and `Thủ tướng Vương quốc Hà Lan`
                                 or (body and titles[j] == titles[i] and spelled[j].endswith(" " + body)
                                     and len(spelled[j]) > len(mine) and positions[j].former == p.former))
                     for j in range(len(positions)))
        if not fuller:
            keep.append(p)
    return keep


def _opens_with_head(lx: Lexicons, organization: str) -> bool:
    """Whether a body's name opens with the head word its title shares (`phòng …`)."""
    key = fold(organization)
    return any(key.startswith(head + " ") for head in lx.shared_head.values())


_THE_SCHOOL = frozenset([fold("nhà trường")])
_SCHOOL = regex.compile(
    r"(?<![\p{L}])Trường(?:\s+(?:(?i:tiểu\s+học|mầm\s+non|mẫu\s+giáo|trung\s+học\s+cơ\s+sở|trung\s+học\s+phổ\s+thông|"
    r"phổ\s+thông|đại\s+học|cao\s+đẳng)|và(?=\s+\p{Lu})|\p{Lu}[\p{L}\p{M}&.'’-]*))+")


def _school_before(lx: Lexicons, text: str, start: int) -> str | None:
    """The school an article named last before `start` (`Trường THCS Lĩnh Nam … Hiệu
    trưởng nhà trường`), when its name has more than the levels."""
    last = None
    for last in _SCHOOL.finditer(text, max(0, start - 1500), start):
        pass
    if last is None or not any(w[0].isupper() for w in last.group().split()[1:]):
        return None
    return expand(lx, " ".join(last.group().split()))


def _official(doc, lx: Lexicons, text: str, person: _Person, cap: int | None = None,
              assembly: bool = False, defined: dict[str, str] | None = None,
              ministry: str | None = None, city: bool = False) -> Official:
    positions = []
    for p in _merged(lx, text, person.positions):
        org_text = None
        if p.org_words:
            raw_start, raw_end = doc.norm.raw_span(p.org_words[0].start, p.org_words[-1].end)
            org_text = " ".join(doc.raw[raw_start:raw_end].split()).strip(" ,") or None  # as written
        raw_start, raw_end = doc.norm.raw_span(p.start, p.end)
        written = _sentence_case(lx, _org_text(p.org_words, text))
        organization = expand(lx, _as_defined(written, defined) if written and defined else written)
        if p.body_prefix and organization and not fold(organization).startswith(fold(p.body_prefix)):
            organization = f"{p.body_prefix} {organization}"  # `UVTW Đảng` → `Trung ương Đảng`
        if organization and organization[0].islower() and _opens_with_head(lx, organization):
            organization = organization[0].upper() + organization[1:]  # `Trưởng phòng Tư pháp` → `Phòng Tư pháp`
        if organization and fold(organization) in _THE_SCHOOL:
            organization = _school_before(lx, text, p.start) or organization  # `Hiệu trưởng nhà trường`
        if organization and fold(p.title) in lx.ministry_titles and not fold(organization).startswith("bộ ") \
                and not _opens_with_head(lx, organization):
            organization = f"Bộ {organization}"  # `Bộ trưởng Ngoại giao` heads `Bộ Ngoại giao`
        if organization is None and ministry and fold(p.title) in lx.ministry_titles:
            organization = ministry  # `Hà Thị Lan Anh, Thứ trưởng Thường trực` beside the ministry's minister
        if assembly and p.title == "Đại biểu" and (organization is None or fold(organization).startswith("đoàn ")):
            organization = "Quốc hội"  # `Đại biểu Hoàng Xuân Lâm (đoàn Quảng Trị)` in a session of the Assembly
        title = p.title
        if city and organization and org_text and _TU.search(org_text):
            organization = organization.replace("Tỉnh ủy", "Thành ủy")  # `UVBTV TU` of Hải Phòng's
        if city and title == "Tỉnh ủy viên" and doc.raw.startswith("TUV", raw_start):
            title = "Thành ủy viên"
        if title == "Đại biểu Quốc hội":
            # `ĐBQH X`, `đại biểu X (Đoàn ĐBQH tỉnh Y)`: a deputy of the Assembly, written as the
            # spec's two readings of it share (`Đại biểu` of `Quốc hội`); the delegation's
            # province is no body of the deputy's.
            title, organization, org_text = "Đại biểu", "Quốc hội", None
        if any(q.title == title and q.organization == organization and q.former == p.former for q in positions):
            continue  # the same office written twice, once by the short form the article defined (`Viện trưởng CIEM`)
        positions.append(Position(title=title, organization=organization,
                                  organization_text=org_text, former=p.former, start=raw_start, end=raw_end))
    mentions = sorted({(s, e): r for s, e, r in person.mentions}.items())
    if cap is not None:
        mentions = mentions[:cap]
    return Official(
        name=person.name, honorific=person.honorific,
        rank=person.rank or next((p.rank for p in person.positions if p.rank), None),
        positions=tuple(positions),
        mentions=tuple(doc.mention(s, e, r) for (s, e), r in mentions),
    )
