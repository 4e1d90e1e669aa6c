"""Extraction: one module per dimension, each with `extract(doc, rules, found)`.

The order matters: documents read the dates found before them, and numbers
skip every span a date or a document already took.
"""

from . import dates, documents, numbers, officials
from .registry import BUILDERS, builder

ORDER = (("dates", dates), ("documents", documents), ("numbers", numbers), ("officials", officials))

__all__ = ["BUILDERS", "ORDER", "builder"]
