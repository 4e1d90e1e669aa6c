"""Officials: named people with their public offices, merged per person.

Titles, organisation heads, honorifics, ranks, surnames and place names are
lexicons in `rules/officials.yaml`. The rules find titles (with an optional
`nguyên` and rank) and honorific + name pairs; this module reads, from the
characters around each title, the organisation it heads and the name it
introduces, in either order:

    Phó Bí thư Thường trực Quận ủy Nam Từ Liêm Lâm Quang Thao   (title, org, name)
    đồng chí Lâm Quang Thao – Phó Bí thư Thường trực Quận ủy, Chủ tịch HĐND quận
    Ủy viên Bộ Chính trị, Phó Thủ tướng Vương Đình Huệ, Trưởng Ban chỉ đạo …

A run of capitalised words after an organisation is split between the place
that ends the organisation and the name, using the surname and place lexicons.
Chains of positions joined by commas belong to the same person.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import regex

from ..model import Mention, Official, Position
from ..normalise import canonical, fold
from .engine import Context, deadline_for, find, select
from .registry import builder

DIMENSION = "officials"

_WORD = regex.compile(r"(?:TP|Tp)\.|[\p{L}\p{M}](?:[\p{L}\p{M}&'’]|[.-](?=[\p{L}\p{M}]))*|[0-9]+[\p{L}0-9]*|\([^()\n]{1,40}\)|[,;:.!?\"“”–—-]|/")
_FOREIGN = regex.compile(r"[fjwzFJWZ]|[bcdghklmnpqrstv]{2,}$|^[A-Z][a-z]+[A-Z]", regex.IGNORECASE)


@builder("officials.title", requires=("title",))
def title_builder(m, ctx: Context):
    return {"kind": "title"}


@builder("officials.named", requires=("name",))
def named_builder(m, ctx: Context):
    return {"kind": "named"}


# ------------------------------------------------------------------- lexicons


class _Lex:
    """The officials lexicons as folded sets, built once per rule set."""

    def __init__(self, dimension) -> None:
        lx, tb = dimension.lexicons, dimension.tables
        self.surnames = {fold(w) for w in lx["surname"]}
        self.places = {fold(w) for w in lx["place"]}
        self.place_words = {fold(w) for w in lx["place_type"]}
        self.org_heads = {fold(w) for w in lx["org_head"]}
        self.org_lower = {fold(w) for w in tb["org_lower_words"]}
        self.stops = {fold(w) for w in tb["stop_words"]}
        self.titles = {fold(t): t for t in lx["title"]}  # the lexicon's spelling is canonical
        self.titles.update({fold(variant): canonical_title for canonical_title, variants in tb["titles"].items()
                            for variant in [canonical_title, *variants]})
        self.shares_head = {fold(t) for t in tb["titles_sharing_head"]}
        self.abbreviations = tb["org_abbreviations"]
        self.max_org_words = tb["max_org_words"]
        self.company_words = {fold(w) for w in tb["company_words"]}
        self.abbr_rx = regex.compile(
            r"(?<![\w&])(?:" + "|".join(map(regex.escape, sorted(self.abbreviations, key=len, reverse=True))) + r")(?![\w&])")


_LEXICONS: dict[int, _Lex] = {}


def _lex(dimension) -> _Lex:
    if id(dimension) not in _LEXICONS:
        _LEXICONS[id(dimension)] = _Lex(dimension)
    return _LEXICONS[id(dimension)]


# ------------------------------------------------------------------ pieces


@dataclass
class _Word:
    text: str
    start: int
    end: int

    @property
    def capital(self) -> bool:
        return self.text[:1].isupper()

    @property
    def key(self) -> str:
        return fold(self.text)


def _words(text: str, start: int, limit: int = 40) -> list[_Word]:
    """Words (and delimiters) of `text` from `start`, on the same line."""
    out = []
    pos = start
    while len(out) < limit:
        m = _WORD.search(text, pos)
        if not m or "\n" in text[pos:m.start()]:
            break
        out.append(_Word(m.group(), m.start(), m.end()))
        pos = m.end()
    return out


def _is_name_word(word: _Word) -> bool:
    return word.capital and word.text.replace("'", "").isalpha()


@dataclass
class _Position:
    title: str
    org_words: list[_Word]
    start: int
    end: int
    former: bool
    rank: str | None


@dataclass
class _Person:
    name: str
    start: int
    end: int
    honorific: str | None = None
    rank: str | None = None
    positions: list[_Position] = field(default_factory=list)
    mentions: list[tuple[int, int, str]] = field(default_factory=list)


def _looks_foreign(words: list[_Word], lx: "_Lex") -> bool:
    """A foreign personal name (`Wilbur Ross`, `Rosa DeLauro`), not a company (`Viet Bamboo Airways`)."""
    return (len(words) <= 3 and all(w.text.isascii() for w in words)
            and any(_FOREIGN.search(w.text) for w in words)
            and not any(w.key in lx.company_words for w in words))


def _split_name(lx: _Lex, run: list[_Word], known: set[str], after_place_word: bool) -> tuple[int, int] | None:
    """Where the name is in a run of capitalised words that ends an
    organisation (`Nam Từ Liêm Lâm Quang Thao` → words 3 to 6), or None. A name
    found elsewhere in the article wins, even when more capitals follow it
    (`Đại biểu Quốc hội Hoàng Quang Hàm Trăn trở …` under a photo)."""
    for k in range(len(run)):
        for n in range(2, min(5, len(run) - k) + 1):  # shortest first: a wrong longer reading may be known too
            if fold(" ".join(w.text for w in run[k:k + n])) in known:
                return k, k + n
    best = None
    for k in range(len(run)):
        name = run[k:]
        if not 2 <= len(name) <= 5:
            continue
        place = run[:k]
        text = " ".join(w.text for w in name)
        score = 0
        if fold(text) in known:
            score += 10
        if fold(text) in lx.places:
            continue
        if k == 0 and after_place_word:
            if len(name) < 3:
                continue  # `quận Hà Đông`: a place; a full name after `tỉnh` has three words or more
            score -= 3  # `UBND tỉnh Lê Văn Sử` names the province's body; `tỉnh Hà Nam …` is usually a place
        if name[0].key in lx.surnames:
            score += 4
        elif _looks_foreign(name, lx):
            score += 3
        elif k > 0 and fold(" ".join(w.text for w in place)) in lx.places:
            score += 2
        else:
            continue
        if place and fold(" ".join(w.text for w in place)) in lx.places:
            score += 2
        score += {3: 3, 4: 2, 2: 1}.get(len(name), 0)
        if best is None or score > best[0]:
            best = (score, k)
    return (best[1], len(run)) if best else None


def _parse_org(lx: _Lex, words: list[_Word], i: int) -> int:
    """How far the organisation after a title reaches (index past its last word)."""
    j = i
    seen_head = False
    count = 0
    while j < len(words) and count < lx.max_org_words:
        w = words[j]
        key = w.key
        if w.text.startswith("("):
            # An abbreviation or a parent body in brackets; the body goes on only if a capital follows.
            if j > i and j + 1 < len(words) and words[j + 1].capital:
                j += 1
                continue
            return j + 1 if j > i else j
        if w.text[0].islower() and j > i and words[j - 1].capital and _is_full_name(lx, words, i, j):
            break  # `Đại biểu Nguyễn Văn Thể thẳng thắn`: the name ends here
        if w.text == "," and seen_head and j + 1 < len(words) and words[j + 1].capital and \
                words[j + 1].key.split()[0] in lx.org_heads | {"bộ", "sở", "cục", "viện"}:
            j += 1
            continue
        if not w.text[0].isalnum():
            break
        pair = f"{key} {words[j + 1].key}" if j + 1 < len(words) else ""
        if not w.capital and (pair in lx.stops or key in lx.stops) and not (
                key in ("và", "của") and seen_head and j + 1 < len(words) and _continues(lx, words[j + 1])):
            break
        if key in lx.org_heads or w.capital or key in lx.place_words or key in lx.org_lower or \
                (seen_head and (w.text[0].islower() or w.text[0].isdigit())):
            seen_head = seen_head or key in lx.org_heads or w.capital or key in lx.place_words
            j += 1
            count += 1
            continue
        break
    return j


def _is_full_name(lx: _Lex, words: list[_Word], first: int, end: int) -> bool:
    """Do the capitalised words just before `end` form a person's full name?"""
    k = end
    while k > first and _is_name_word(words[k - 1]):
        k -= 1
    run = words[k:end]
    if len(run) >= 3 and run[0].key in lx.surnames and len(run) <= 5:
        return True
    return 2 <= len(run) <= 3 and _looks_foreign(run, lx)


def _continues(lx: _Lex, word: _Word) -> bool:
    """After `và`/`của` inside a body's name: a capital, or a word that is no stop word (`Tài chính và ngân sách`)."""
    return word.capital or (word.text[0].isalpha() and word.key not in lx.stops and word.key not in ("các", "những"))


def _org_text(words: list[_Word], text: str) -> str | None:
    if not words:
        return None
    return text[words[0].start:words[-1].end].strip(" ,")


def _expand(lx: _Lex, org: str | None) -> str | None:
    if not org:
        return None
    org = regex.sub(r"\s*\([^()]*\)\s*", " ", org).strip(" ,")
    expanded = lx.abbr_rx.sub(lambda m: lx.abbreviations[m.group()], canonical(org))
    return canonical(expanded) or None


# ------------------------------------------------------------------- reading


def extract(doc, rules, found) -> list[Official]:
    dimension = rules[DIMENSION]
    ctx = Context(doc=doc, dimension=dimension, found=found)
    lx = _lex(dimension)
    text = doc.text
    author = fold(doc.article.author) if doc.article.author else None
    deadline = deadline_for(ctx)
    cands = find(dimension, ctx, deadline=deadline)
    titles = select([c for c in cands if c.fields["kind"] == "title"])
    named = select([c for c in cands if c.fields["kind"] == "named"])

    people: dict[str, _Person] = {}
    known: set[str] = set()
    for _ in range(2):  # the second pass knows the names the first one found
        people = {}
        if not _read_titles(ctx, lx, text, titles, named, people, known, deadline):
            ctx.warn("officials: too many titles to read them all in time; the rest were skipped")
            break
        known = set(people)
    people = {k: p for k, p in people.items() if p.positions and k != author}
    _add_mentions(lx, text, people, named)
    return [_official(doc, lx, text, p) for p in people.values()]


def _person(people: dict[str, _Person], name: str, start: int, end: int, rule: str) -> _Person:
    key = fold(name)
    person = people.get(key)
    if person is None:
        person = people[key] = _Person(name=canonical(name), start=start, end=end)
    person.mentions.append((start, end, rule))
    return person


def _read_titles(ctx, lx, text, titles, named, people, known, deadline: float) -> bool:
    """Read every title; False when the time ran out first."""
    honorific_at = {c.end: c for c in named}  # name candidates by where they end
    pending: list[_Position] = []  # positions waiting for their person (before the name)
    last_person: _Person | None = None
    last_end = -1
    named_at = {c.match.start(): c for c in named}  # honorific + name candidates by where they start
    for index, cand in enumerate(titles):
        if index % 256 == 0 and time.perf_counter() > deadline:
            return False
        if pending and not regex.fullmatch(r"\s*,\s*", text[pending[-1].end:cand.start]):
            pending = []  # a chain of positions must run on, comma after comma
        m = cand.match
        title_start, title_end = m.span("title")
        canonical_title = lx.titles.get(fold(m.group("title")), canonical(m.group("title")))
        words = _words(text, title_end, limit=lx.max_org_words + 6)
        org_from = 0
        if fold(m.group("title")) in lx.shares_head and m.group("title").split()[-1][0].isupper():
            # `Trưởng Ban chỉ đạo …`: the title's last word opens the organisation.
            last = m.group("title").split()[-1]
            words = [_Word(last, title_end - len(last), title_end)] + words
        org_end = _parse_org(lx, words, org_from)
        org_words = words[org_from:org_end]
        while org_words and org_words[-1].text.startswith("("):
            org_words = org_words[:-1]
        # A trailing run of capitalised words may hold the name.
        run_start = len(org_words)
        while run_start > 0 and _is_name_word(org_words[run_start - 1]):
            run_start -= 1
        run = org_words[run_start:]
        before_run = org_words[run_start - 1].key if run_start > 0 else ""
        split = _split_name(lx, run, known, before_run in lx.place_words) if run else None
        name_words = run[split[0]:split[1]] if split is not None else []
        # Titles directly followed by a name with no organisation (`Thủ tướng Nguyễn Xuân Phúc`).
        org_words = org_words[:run_start + split[0]] if split is not None else org_words
        position = _Position(
            title=canonical_title, org_words=org_words, start=cand.start,
            end=org_words[-1].end if org_words else title_end,
            former=bool(m.group("former")) if "former" in m.re.groupindex else False,
            rank=canonical(m.group("rank")) if "rank" in m.re.groupindex and m.group("rank") else None,
        )
        if name_words:
            name = " ".join(w.text for w in name_words)
            person = _person(people, name, name_words[0].start, name_words[-1].end, cand.rule.id)
            person.rank = person.rank or position.rank
            for p in pending:
                person.positions.append(p)
            pending = []
            person.positions.append(position)
            last_person, last_end = person, name_words[-1].end
            last_end = _after_bracket(text, last_end)
            continue
        # No name after the title: it may continue a chain (`…, Chủ tịch HĐND quận`)
        # or follow a name (`Lâm Quang Thao – Phó Bí thư …`).
        gap = text[last_end:cand.start] if last_end >= 0 else None
        follows_name = _named_before(text, cand.start, honorific_at, known, lx)
        ends_cleanly = _ends_segment(text, position.end)
        if follows_name is not None:
            name, start, end, honorific, rank = follows_name
            person = _person(people, name, start, end, cand.rule.id)
            person.honorific = person.honorific or honorific
            person.rank = person.rank or (canonical(rank) if rank else None)
            person.positions.append(position)
            last_person, last_end = person, position.end
        elif last_person is not None and gap is not None and regex.fullmatch(r"\s*[,;–—-]?\s*(?:và\s+|kiêm\s+)?", gap) \
                and (org_words or ends_cleanly):
            last_person.positions.append(position)
            last_end = position.end
        elif ends_cleanly and regex.match(r"\s*,", text[position.end:]) and (org_words or m.group("title")[0].isupper()):
            after = regex.match(r"\s*,\s*", text[position.end:])
            apposed = named_at.get(position.end + after.end())
            if apposed is not None:  # `Chủ tịch hội đồng, ông John Friesbie, …`
                person = _person(people, apposed.match.group("name"), *apposed.match.span("name"), cand.rule.id)
                person.honorific = person.honorific or apposed.match.group("honorific")
                person.positions.extend(pending + [position])
                pending = []
                last_person, last_end = person, apposed.match.end("name")
                continue
            pending.append(position)  # may open a chain before the name
            last_person, last_end = None, -1
            continue
        else:
            pending = []
            last_person, last_end = None, -1
        if pending and not regex.fullmatch(r"\s*,\s*", text[pending[-1].end:cand.start]):
            pending = []
    return True


def _after_bracket(text: str, end: int) -> int:
    """Past a bracket after a name (`Hoàng Quang Hàm (Phú Thọ)`)."""
    m = regex.match(r"\s*\([^()\n]{1,40}\)", text[end:end + 50])
    return end + m.end() if m else end


def _ends_segment(text: str, end: int) -> bool:
    return regex.match(r"\s*(?:[,;.:)\n]|$|[-–—]\s)", text[end:]) is not None


def _named_before(text, start, honorific_at, known, lx):
    """A name right before a title, joined by a dash, comma or bracket
    (`đồng chí Lâm Quang Thao – Phó Bí thư …`, `ông Đào Minh Tú, Phó Thống đốc …`)."""
    m = regex.search(r"(?:\s*[-–—,(]\s*|\s*\([^()\n]{1,40}\)\s*[-–—,]\s*)$", text[max(0, start - 60):start])
    if not m:
        return None
    sep_start = start - len(m.group())
    cand = honorific_at.get(sep_start)
    if cand is not None:
        name = cand.match.group("name")
        return name, cand.match.start("name"), cand.match.end("name"), cand.match.group("honorific"), cand.match.group("rank")
    # A bare name: capitalised words starting with a surname, not after another capital.
    words = regex.search(r"(?<![\p{L}])((?:\p{Lu}[\p{Ll}\p{M}]*\s){1,4}\p{Lu}[\p{Ll}\p{M}]*)$", text[max(0, sep_start - 60):sep_start])
    if not words:
        return None
    name = words.group(1)
    parts = name.split()
    if fold(name) not in known and (fold(parts[0]) not in lx.surnames or fold(name) in lx.places):
        return None
    before = text[max(0, sep_start - len(name) - 2):sep_start - len(name)]
    if regex.search(r"\p{Lu}\p{Ll}*\s$", before):
        return None
    return name, sep_start - len(name), sep_start, None, None


def _add_mentions(lx, text, people, named) -> None:
    """Every other place a known person is named: the full name, or an
    honorific with the given name (`ông Thao`) when only one person has it."""
    by_given: dict[str, list[_Person]] = {}
    for person in people.values():
        by_given.setdefault(fold(person.name.split()[-1]), []).append(person)
        seen = {(s, e) for s, e, _ in person.mentions}
        for m in regex.finditer(r"(?<![\p{L}])" + regex.escape(person.name).replace(r"\ ", r"\s+") + r"(?![\p{L}])",
                                text, flags=regex.IGNORECASE if False else 0):
            if (m.start(), m.end()) not in seen:
                person.mentions.append((m.start(), m.end(), "officials.full_name"))
    for cand in named:
        name = cand.match.group("name")
        key = fold(name)
        honorific = cand.match.group("honorific") if "honorific" in cand.match.re.groupindex else None
        span = cand.match.span("name")
        if key in people:
            person = people[key]
            person.honorific = person.honorific or honorific
            if span not in {(s, e) for s, e, _ in person.mentions}:
                person.mentions.append((*span, cand.rule.id))
        elif len(name.split()) == 1 and len(by_given.get(key, [])) == 1:
            person = by_given[key][0]
            if span not in {(s, e) for s, e, _ in person.mentions}:
                person.mentions.append((*span, cand.rule.id))


def _spelled(lx, text, p: _Position) -> str:
    org = _expand(lx, _org_text(p.org_words, text)) or ""
    return regex.sub(r"[^\w ]+", "", fold(f"{p.title} {org}")).strip()


def _merged(lx, text, positions: list[_Position]) -> list[_Position]:
    """One position per office: `Phó Thủ tướng` and `Phó Thủ tướng Chính phủ`
    (or `Đại biểu` and `Đại biểu Quốc hội`) are one, kept in its fullest form."""
    spelled = [_spelled(lx, text, p) for p in positions]
    keep = []
    for i, p in enumerate(positions):
        mine = spelled[i]
        fuller = any(j != i and (spelled[j].startswith(mine + " ") or (spelled[j] == mine and j < i))
                     for j in range(len(positions)))
        if not fuller:
            keep.append(p)
    return keep


def _official(doc, lx, text, person: _Person) -> Official:
    positions = []
    for p in _merged(lx, text, person.positions):
        org = _expand(lx, _org_text(p.org_words, text))
        raw_start, raw_end = doc.norm.raw_span(p.start, p.end)
        positions.append(Position(title=p.title, organization=org,
                                  organization_text=doc.raw[slice(*doc.norm.raw_span(p.org_words[0].start, p.org_words[-1].end))].strip(" ,") if p.org_words else None,
                                  former=p.former, start=raw_start, end=raw_end))
    mentions = sorted({(s, e): r for s, e, r in person.mentions}.items())
    return Official(
        name=person.name, honorific=person.honorific, rank=person.rank or next((p.rank for p in person.positions if p.rank), None),
        positions=tuple(positions),
        mentions=tuple(doc.mention(s, e, r) for (s, e), r in mentions),
    )
