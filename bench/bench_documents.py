"""Throughput of the documents extractor alone, and its time on pathological input.

    .venv/bin/python bench/bench_documents.py [--mb 5]

Builds about 5 MB of text by repeating the two seed articles of corpus/,
prepares the document once (normalisation, sentences) and runs dates once so
documents gets the signing dates it reads, as in the pipeline; then times only
`documents.extract` and prints characters per second. Then times it on 1 MB
pathological inputs (runs of digits, slashes, dots, capitals, type words) and
prints the seconds. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

from ntl_extract import load_rules
from ntl_extract.document import Doc, Published

dates = importlib.import_module("ntl_extract.extract.dates")
documents = importlib.import_module("ntl_extract.extract.documents")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import seed_text  # noqa: E402

PATHOLOGICAL = {
    "1/ x500k": "1/" * 500_000,
    "9 x1M": "9" * 1_000_000,
    "A. x500k": "A." * 500_000,
    "A/ x500k": "A/" * 500_000,
    "1- x500k": "1-" * 500_000,
    "QĐ- x330k": "QĐ-" * 330_000,
    "1/QĐ-TTg x100k": "1/QĐ-TTg " * 100_000,
    "Quyết định x90k": "Quyết định " * 90_000,
    "Quyết định số 1 x60k": "Quyết định số 1 " * 60_000,
    "Nghị quyết 1, x60k": "Nghị quyết 1, " * 60_000,
    "của UBND x120k": "của UBND " * 120_000,
}



def time_documents(doc: Doc, rules, with_dates: bool = True) -> tuple[float, int]:
    found: dict = {}
    if with_dates:
        found["dates"] = dates.extract(doc, rules, found)
    start = time.perf_counter()
    out = documents.extract(doc, rules, found)
    return time.perf_counter() - start, len(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    args = parser.parse_args()
    rules = load_rules()
    text = seed_text(int(args.mb * 1_000_000))
    time_documents(Doc.from_text(text[:20000]), rules)  # warm up (compiled patterns, caches)
    doc = Doc.from_text(text)
    doc.published = Published.parse("2024-07-03")
    seconds, count = time_documents(doc, rules)
    print(f"text: {len(text):,} characters, {count:,} documents")
    print(f"documents  {seconds:7.2f}s  {len(text) / seconds:>12,.0f} chars/s")
    print("pathological inputs, seconds (documents only, dates not run):")
    for label, bad in PATHOLOGICAL.items():
        bad_doc = Doc.from_text(bad)
        secs, count = time_documents(bad_doc, rules, with_dates=False)
        warn = f"  warnings: {len(bad_doc.warnings)}" if bad_doc.warnings else ""
        print(f"  {label:<22} {len(bad) / 1e6:4.2f} MB  {secs:6.3f}s  {count} documents{warn}")


if __name__ == "__main__":
    main()
