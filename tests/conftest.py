"""Shared test helpers: every record a test produces is schema-validated and
offset-checked through `checked()`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def rules():
    from ntl_extract import load_rules

    return load_rules()


def check_record(record: dict, raw: str | None = None) -> dict:
    """Validate against the schema and check every offset against the raw text."""
    from ntl_extract.write import validate

    validate(record)
    if raw is not None:
        assert record["source"]["chars"] == len(raw)
        for start, end in record["sentences"]:
            assert 0 <= start <= end <= len(raw)
        mentions = list(record["dates"]) + list(record["numbers"])
        for entity in record["officials"] + record["documents"]:
            mentions.extend(entity["mentions"])
        for m in mentions:
            assert raw[m["start"]:m["end"]] == m["text"], m
            assert 0 <= m["sentence"] < max(1, len(record["sentences"]))
        for official in record["officials"]:
            for position in official["positions"]:
                assert 0 <= position["start"] <= position["end"] <= len(raw)
    return record


def checked(record, raw: str | None = None) -> dict:
    """`record.to_dict()`, validated and offset-checked."""
    return check_record(record.to_dict(), raw)
