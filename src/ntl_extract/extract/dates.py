"""Dates: placeholder until the dates extractor lands."""

from __future__ import annotations


def extract(doc, rules, found):
    """Return this dimension's entries for `doc` (none yet)."""
    return []
