"""Load and validate `rules/*.yaml` into compiled, typed rule sets.

A rule file is data: named pattern fragments, lexicons (word lists, used as the
`regex` module's named lists `\\L<name>`), tables an extractor reads, and rules.
Each rule names the builder function that turns a match into a value, and
carries the examples (and the negatives) that the test suite runs. The loader
refuses anything it cannot vouch for with `file: rule-id: message` errors.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, TypeVar

import regex
import yaml

from .normalise import canonical

T = TypeVar("T")

RULES_ENV = "NTL_EXTRACT_RULES"
COMMON_FILE = "common.yaml"
_FRAGMENT_REF = regex.compile(r"\{([a-z_][a-z0-9_]*)\}")
_RULE_ID = regex.compile(r"^[a-z][a-z0-9_]*$")
_FILE_KEYS = {"dimension", "description", "context", "fragments", "lexicons", "tables",
              "rules", "examples", "not"}
_RULE_KEYS = {"id", "build", "pattern", "prefix", "prefix_required", "priority", "examples", "not", "note", "flags"}
_EXAMPLE_KEYS = {"text", "published", "expect", "xfail", "note"}
_FLAGS = {"ignorecase": regex.IGNORECASE, "verbose": regex.VERBOSE, "multiline": regex.MULTILINE}


class RuleError(ValueError):
    """A rule file that cannot be used; the message is `file: rule-id: what`."""


@dataclass(frozen=True)
class Example:
    """An input and what the dimension must find in it.

    `expect` is a mapping (exactly one mention, whose fields include these) or a
    list of mappings (exactly these mentions, in text order). `published` fixes
    the reference date; `xfail` marks a known gap (run as a strict xfail).
    """

    text: str
    expect: dict[str, Any] | list[dict[str, Any]] | None
    published: str | None = None
    xfail: str | None = None
    rule: str | None = None  # the rule the example belongs to, if any
    source: str = ""


@dataclass(frozen=True)
class Rule:
    id: str  # full id: "dimension.local_id"
    build: str
    pattern: Any  # compiled regex.Pattern
    priority: int
    examples: tuple[Example, ...]
    negatives: tuple[str, ...]
    note: str | None
    source: str
    # Cue words before the match (`Chiều ngày`, `từ`): matched backwards from
    # where the pattern starts, so the pattern itself can begin with a selective
    # atom (a digit) that the regex engine scans for fast.
    prefix: Any = None
    prefix_required: bool = False


@dataclass(frozen=True)
class Dimension:
    """One rule file: the rules of a dimension and the data they share."""

    name: str
    rules: tuple[Rule, ...]
    lexicons: dict[str, tuple[str, ...]]
    tables: dict[str, Any]
    examples: tuple[Example, ...]  # file-level examples (not tied to one rule)
    negatives: tuple[str, ...]
    context: dict[str, Any]
    source: str
    # What the extractors build from these rules (compiled tables, word sets), made
    # once and kept here: see `prepared`.
    built: dict = field(default_factory=dict, compare=False, repr=False)

    def all_examples(self) -> list[Example]:
        return [ex for rule in self.rules for ex in rule.examples] + list(self.examples)

    def all_negatives(self) -> list[tuple[str | None, str]]:
        return [(rule.id, text) for rule in self.rules for text in rule.negatives] + [
            (None, text) for text in self.negatives
        ]


@dataclass(frozen=True)
class RuleSet:
    directory: str
    dimensions: dict[str, Dimension] = field(default_factory=dict)
    common_tables: dict[str, Any] = field(default_factory=dict)
    fingerprint: str = ""  # a short hash of every rule file's bytes

    def __getitem__(self, name: str) -> Dimension:
        return self.dimensions[name]

    def get(self, name: str) -> Dimension | None:
        return self.dimensions.get(name)



# --------------------------------------------------------------------------- YAML


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml: 10× faster to load
    """SafeLoader that rejects duplicate keys and never turns text into dates."""


def _no_duplicates(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    mapping: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise RuleError(f"line {key_node.start_mark.line + 1}: a key must be plain text")
        if key in mapping:
            raise RuleError(f"line {key_node.start_mark.line + 1}: duplicate key {key!r}")
        mapping[key] = loader.construct_object(value_node, deep=deep)
    return mapping


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)
# Drop the timestamp resolver: `2024-07-02` stays the string it is.
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(path: Path) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=_StrictLoader)
    except RuleError as err:
        raise RuleError(f"{path.name}: {err}") from None
    except yaml.YAMLError as err:
        raise RuleError(f"{path.name}: not valid YAML: {err}") from None
    if not isinstance(data, dict):
        raise RuleError(f"{path.name}: the top level must be a mapping")
    return data


# ---------------------------------------------------------------------- locating


def rules_directory(explicit: str | os.PathLike | None = None) -> Path:
    """Where the rules live: an explicit path, `$NTL_EXTRACT_RULES`, the copy
    packaged in the wheel, or the checkout's `rules/` beside `src/` — never the
    working directory."""
    candidates: list[Path] = []
    if explicit:
        candidates.append(Path(explicit))
    elif os.environ.get(RULES_ENV):
        candidates.append(Path(os.environ[RULES_ENV]))
    else:
        here = Path(__file__).resolve().parent
        candidates += [here / "rules", here.parent.parent / "rules"]
    for path in candidates:
        if (path / COMMON_FILE).is_file():
            return path
    raise RuleError(f"no rules folder found (looked in {', '.join(map(str, candidates))})")


# ----------------------------------------------------------------------- loading


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        return {k: _nfc(v) for k, v in value.items()}
    return value


def _expand(pattern: str, fragments: dict[str, str], where: str, seen: tuple[str, ...] = ()) -> str:
    def substitute(m: regex.Match) -> str:
        name = m.group(1)
        if name not in fragments:
            raise RuleError(f"{where}: unknown fragment {{{name}}}")
        if name in seen:
            raise RuleError(f"{where}: fragment {{{name}}} refers to itself")
        return "(?:" + _expand(fragments[name], fragments, where, seen + (name,)) + ")"

    return _FRAGMENT_REF.sub(substitute, pattern)


_LEXICON_REF = regex.compile(r"\(\?i:\\L<([a-z_][a-z0-9_]*)>\)|\\L<([a-z_][a-z0-9_]*)>")


def _case_variants(word: str) -> set[str]:
    """The ways a word list entry is capitalised in running text."""
    return {word, word.lower(), word.upper(), word.title(), word.capitalize(),
            word[:1].upper() + word[1:], word[:1].lower() + word[1:]}


def trie_pattern(words, escape=regex.escape) -> str:
    """A regex alternation shaped as a trie (`Ph(?:ó Bí thư|ó Chủ tịch)…`).

    It matches what the `regex` module's named list would (longest first, then
    shorter on backtracking) but the engine scans it several times faster,
    because it can reject most positions on their first character. Pass
    `re.escape` for a pattern the standard library's `re` compiles.
    """
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return "(?:" + emit(root) + ")" if root else "(?!)"


def _inline_lexicons(pattern: str, lexicons: dict[str, list[str]], where: str) -> str:
    """Replace `\\L<x>` by x's words as a trie, and `(?i:\\L<x>)` by the trie of
    their case variants (the same matches as a case-insensitive list, faster)."""
    def swap(m: regex.Match) -> str:
        name = m.group(1) or m.group(2)
        if name not in lexicons:
            raise RuleError(f"{where}: unknown lexicon(s) ['{name}']")
        words = lexicons[name]
        if m.group(1):
            words = sorted({variant for word in words for variant in _case_variants(word)})
        return trie_pattern(sorted(set(words), key=lambda w: (-len(w), w)))

    return _LEXICON_REF.sub(swap, pattern)


def _examples(raw: Any, where: str, rule_id: str | None, context: dict) -> tuple[Example, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise RuleError(f"{where}: examples must be a list")
    out = []
    for item in raw:
        if not isinstance(item, dict):
            raise RuleError(f"{where}: an example must be a mapping with text and expect")
        unknown = set(item) - _EXAMPLE_KEYS
        if unknown:
            raise RuleError(f"{where}: unknown example key(s) {sorted(unknown)}")
        text = item.get("text")
        if not isinstance(text, str) or not text:
            raise RuleError(f"{where}: example text must be a quoted, non-empty string: {text!r}")
        if "expect" not in item:
            raise RuleError(f"{where}: example {text!r} has no expected value")
        expect = item["expect"]
        if not isinstance(expect, (dict, list)) or (isinstance(expect, list) and not all(isinstance(e, dict) for e in expect)):
            raise RuleError(f"{where}: example {text!r}: expect must be a mapping or a list of mappings")
        published = item.get("published", context.get("published"))
        if published is not None and not isinstance(published, str):
            raise RuleError(f"{where}: example {text!r}: published must be a quoted date string")
        out.append(Example(text=text, expect=expect, published=published or None,
                           xfail=item.get("xfail"), rule=rule_id, source=where))
    return tuple(out)


def _negatives(raw: Any, where: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(t, str) and t for t in raw):
        raise RuleError(f"{where}: `not` must be a list of quoted strings")
    return tuple(raw)


def load_dimension(path: Path, common: dict[str, Any], builders: dict[str, Any]) -> Dimension:
    data = _nfc(load_yaml(path))
    name = data.get("dimension") or path.stem
    unknown = set(data) - _FILE_KEYS
    if unknown:
        raise RuleError(f"{path.name}: unknown top-level key(s) {sorted(unknown)}")
    context = data.get("context") or {}
    fragments = {**(common.get("fragments") or {}), **(data.get("fragments") or {})}
    lexicons = {**(common.get("lexicons") or {}), **(data.get("lexicons") or {})}
    for lex_name, words in lexicons.items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise RuleError(f"{path.name}: lexicon {lex_name}: must be a list of strings")
    rules = []
    seen_ids: set[str] = set()
    for raw_rule in data.get("rules") or []:
        local_id = raw_rule.get("id") if isinstance(raw_rule, dict) else None
        where = f"{path.name}: {local_id or '?'}"
        if not isinstance(local_id, str) or not _RULE_ID.match(local_id):
            raise RuleError(f"{where}: rule id must be lower-case ascii with _ (got {local_id!r})")
        if local_id in seen_ids:
            raise RuleError(f"{where}: duplicate rule id")
        seen_ids.add(local_id)
        unknown = set(raw_rule) - _RULE_KEYS
        if unknown:
            raise RuleError(f"{where}: unknown key(s) {sorted(unknown)}")
        build = raw_rule.get("build")
        if build not in builders:
            raise RuleError(f"{where}: unknown builder {build!r}")
        source = raw_rule.get("pattern")
        if not isinstance(source, str) or not source.strip():
            raise RuleError(f"{where}: pattern missing")
        expanded = _inline_lexicons(_expand(source, fragments, where), lexicons, where)
        flags = 0
        for flag in raw_rule.get("flags") or []:
            if flag not in _FLAGS:
                raise RuleError(f"{where}: unknown flag {flag!r}")
            flags |= _FLAGS[flag]
        try:
            compiled = regex.compile(expanded, flags)
        except regex.error as err:
            raise RuleError(f"{where}: pattern does not compile: {err}") from None
        prefix = None
        if raw_rule.get("prefix"):
            expanded_prefix = _inline_lexicons(_expand(raw_rule["prefix"], fragments, where), lexicons, where)
            try:
                prefix = regex.compile(f"(?:{expanded_prefix})\\Z", flags)
            except regex.error as err:
                raise RuleError(f"{where}: prefix does not compile: {err}") from None
        names = set(compiled.groupindex) | (set(prefix.groupindex) if prefix else set())
        required = getattr(builders[build], "requires", ())
        absent = [g for g in required if g not in names]
        if absent:
            raise RuleError(f"{where}: builder {build} needs named group(s) {absent}")
        full_id = f"{name}.{local_id}"
        rules.append(Rule(
            id=full_id, build=build, pattern=compiled,
            priority=int(raw_rule.get("priority", 0)),
            examples=_examples(raw_rule.get("examples"), where, full_id, context),
            negatives=_negatives(raw_rule.get("not"), where),
            note=raw_rule.get("note"), source=path.name,
            prefix=prefix, prefix_required=bool(raw_rule.get("prefix_required")),
        ))
    return Dimension(
        name=name, rules=tuple(rules),
        lexicons={k: tuple(v) for k, v in lexicons.items()},
        tables={**(common.get("tables") or {}), **(data.get("tables") or {})},
        examples=_examples(data.get("examples"), f"{path.name}: examples", None, context),
        negatives=_negatives(data.get("not"), f"{path.name}: not"),
        context=context, source=path.name,
    )


def prepared(dimension: Dimension, build: Callable[[Dimension], T]) -> T:
    """What `build` makes of `dimension`, made on first use and kept on the
    dimension itself, so it lives and dies with its rule set."""
    built = dimension.built
    if build not in built:
        built[build] = build(dimension)
    return built[build]


def load_rules(directory: str | os.PathLike | None = None) -> RuleSet:
    """Load every rule file of the rules folder (see `rules_directory`)."""
    from .extract.registry import BUILDERS  # registers every builder

    folder = rules_directory(directory)
    return _load_cached(str(folder.resolve()), id(BUILDERS))


@lru_cache(maxsize=8)
def _load_cached(folder: str, _registry: int) -> RuleSet:
    from .extract.registry import BUILDERS

    root = Path(folder)
    common = _nfc(load_yaml(root / COMMON_FILE))
    unknown = set(common) - {"description", "fragments", "lexicons", "tables"}
    if unknown:
        raise RuleError(f"{COMMON_FILE}: unknown top-level key(s) {sorted(unknown)}")
    dimensions = {}
    for path in sorted(root.glob("*.yaml")):
        if path.name == COMMON_FILE:
            continue
        dim = load_dimension(path, common, BUILDERS)
        if dim.name in dimensions:
            raise RuleError(f"{path.name}: dimension {dim.name!r} defined twice")
        dimensions[dim.name] = dim
    return RuleSet(directory=folder, dimensions=dimensions, common_tables=common.get("tables") or {},
                   fingerprint=_fingerprint(root))


def _fingerprint(root: Path) -> str:
    """Records made with other rules differ: `--resume` compares this."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(root.glob("*.yaml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def lexicon_key(word: str) -> str:
    """How lexicon entries are compared outside regexes: canonical, case-folded."""
    return canonical(word).casefold()
