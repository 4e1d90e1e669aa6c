"""The rule loader refuses what it cannot vouch for, naming file and rule."""

from __future__ import annotations

import shutil
import textwrap

import pytest

from conftest import ROOT
from ntl_extract.rules import RuleError, _load_cached, load_rules, rules_directory

GOOD_RULE = """
dimension: dates
rules:
  - id: year_only
    build: {build}
    pattern: '{pattern}'
    examples:
      - text: "năm 2024"
        expect: {{value: "2024"}}
"""


def make_rules(tmp_path, body: str):
    folder = tmp_path / "rules"
    folder.mkdir()
    shutil.copy(ROOT / "rules" / "common.yaml", folder / "common.yaml")
    (folder / "dates.yaml").write_text(textwrap.dedent(body), encoding="utf-8")
    _load_cached.cache_clear()
    return folder


def some_builder():
    """A builder of the tests' own, so these tests need no real rule."""
    from ntl_extract.extract.registry import BUILDERS, builder

    if "tests.echo" not in BUILDERS:
        builder("tests.echo")(lambda m, ctx: {"value": m.group()})
    return "tests.echo"


@pytest.mark.parametrize("body,message", [
    (GOOD_RULE.format(build="X", pattern="năm"), "unknown builder"),
    (GOOD_RULE.format(build="B", pattern="năm {nowhere}"), "unknown fragment {nowhere}"),
    (GOOD_RULE.format(build="B", pattern="năm (?P<x"), "does not compile"),
    (GOOD_RULE.format(build="B", pattern=r"\\L<nolist>"), "unknown lexicon"),
    (GOOD_RULE.format(build="B", pattern="năm") + GOOD_RULE.format(build="B", pattern="x").split("rules:\n")[1],
     "duplicate rule id"),
    ("dimension: dates\nrules:\n  - id: a\n    build: B\n    pattern: 'x'\n    examples:\n      - text: \"x\"\n", "has no expected value"),
    ("dimension: dates\ndimension: dates\n", "duplicate key"),
    ("dimension: dates\nrules:\n  - id: Bad-Id\n    build: B\n    pattern: 'x'\n", "rule id must be"),
    ("dimension: dates\nrules:\n  - id: a\n    build: B\n    pattern: 'x'\n    examples:\n      - text: 2.789\n        expect: {}\n", "must be a quoted"),
    ("dimension: dates\nrulez: []\n", "unknown top-level key"),
])
def test_bad_rule_files_are_refused(tmp_path, body, message):
    folder = make_rules(tmp_path, body.replace("build: B", f"build: {some_builder()}").replace("{build}", some_builder()))
    with pytest.raises(RuleError) as err:
        load_rules(folder)
    assert str(err.value).startswith("dates.yaml: ")
    assert message in str(err.value)


def test_dates_are_not_turned_into_dates(tmp_path):
    folder = make_rules(tmp_path, GOOD_RULE.format(build=some_builder(), pattern="năm"))
    rules = load_rules(folder)
    example = rules["dates"].rules[0].examples[0]
    assert example.expect == {"value": "2024"}
    assert rules["dates"].rules[0].id == "dates.year_only"


def test_rules_found_without_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert (rules_directory() / "common.yaml").is_file()


def test_every_rule_file_loads():
    _load_cached.cache_clear()
    rules = load_rules()
    assert {"dates", "documents", "numbers", "officials"} <= set(rules.dimensions)
