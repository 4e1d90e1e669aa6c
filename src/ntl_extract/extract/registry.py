"""The builders rules may name: `build: dates.day_month_year` in a rule file.

A builder turns one regex match (on the normalised text) into the fields of a
mention, or returns None to reject the match. It may return several field
mappings (a list) when one match holds several things, each with its own
`_start`/`_end` (normalised offsets). `requires` lists the named groups the
builder reads; the loader checks every rule's pattern provides them.
"""

from __future__ import annotations

from typing import Any, Callable

Builder = Callable[..., Any]
BUILDERS: dict[str, Builder] = {}  # filled when `ntl_extract.extract` imports the dimension modules


def builder(name: str, requires: tuple[str, ...] = ()) -> Callable[[Builder], Builder]:
    def register(fn: Builder) -> Builder:
        if name in BUILDERS:
            raise ValueError(f"builder {name!r} registered twice")
        fn.requires = tuple(requires)  # type: ignore[attr-defined]
        fn.builder_name = name  # type: ignore[attr-defined]
        BUILDERS[name] = fn
        return fn

    return register
