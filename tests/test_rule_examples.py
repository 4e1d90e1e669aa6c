"""Every example and negative of every rule file, run through the extractor.

An example passes when its dimension finds exactly the expected entries (a
mapping: exactly one, whose fields include these; a list: exactly these, in
order) — Duckling's discipline. A rule's examples must also be matched by the
rule's own pattern, and every rule must have at least one example (eyecite's
both-ways check). Negatives must yield nothing in their dimension.
"""

from __future__ import annotations

import math

import pytest

from conftest import checked
from ntl_extract import extract, load_rules
from ntl_extract.normalise import normalise

RULES = load_rules()


def _example_params():
    for dim in RULES.dimensions.values():
        for i, ex in enumerate(dim.all_examples()):
            marks = [pytest.mark.xfail(reason=ex.xfail, strict=True)] if ex.xfail else []
            yield pytest.param(dim.name, ex, id=f"{ex.rule or dim.name}:{i}:{ex.text[:40]}", marks=marks)


def _negative_params():
    for dim in RULES.dimensions.values():
        for i, (rule_id, text) in enumerate(dim.all_negatives()):
            yield pytest.param(dim.name, text, id=f"{rule_id or dim.name}:not:{i}:{text[:40]}")


def matches(expected, actual) -> bool:
    """`expected` is a partial description of `actual` (dict keys are a subset)."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and matches(v, actual[k]) for k, v in expected.items())
    if isinstance(expected, list):
        return isinstance(actual, list) and len(expected) == len(actual) and all(
            matches(e, a) for e, a in zip(expected, actual))
    if isinstance(expected, float) or isinstance(actual, float):
        return isinstance(actual, (int, float)) and not isinstance(actual, bool) and math.isclose(
            float(expected), float(actual), rel_tol=1e-9)
    return expected == actual


def run(text: str, published: str | None) -> dict:
    record = extract(text, published=published, rules=RULES, detect_metadata=False)
    return checked(record, text)


@pytest.mark.parametrize("dimension,example", list(_example_params()))
def test_example(dimension, example):
    found = run(example.text, example.published)[dimension]
    expect = example.expect if isinstance(example.expect, list) else [example.expect]
    assert matches(expect, found), f"expected {expect}\n     got {found}"


@pytest.mark.parametrize("dimension,text", list(_negative_params()))
def test_negative(dimension, text):
    found = run(text, "2024-07-03")[dimension]
    assert found == [], f"{text!r} should give no {dimension}, got {found}"


@pytest.mark.parametrize("rule", [r for d in RULES.dimensions.values() for r in d.rules], ids=lambda r: r.id)
def test_rule_has_examples_it_matches(rule):
    assert rule.examples, f"{rule.id} has no examples"
    for ex in rule.examples:
        if ex.xfail:
            continue
        assert rule.pattern.search(normalise(ex.text).text), f"{rule.id} does not match its example {ex.text!r}"


def test_rules_loaded():
    assert set(RULES.dimensions) >= {"dates", "documents", "numbers", "officials"}
