"""Throughput of the numbers extractor alone, and its time on pathological input.

    .venv/bin/python bench/bench_numbers.py [--mb 5]

Builds about 5 MB of text by repeating the two seed articles of corpus/,
prepares the document once (normalisation, sentences) and runs dates and
documents once so numbers gets the spans it must block, as in the pipeline;
then times only `numbers.extract` (CPU time, `time.process_time`, so other
work on the machine counts less; best of --repeat runs) and prints characters
per second. Then
times it on 1 MB pathological inputs (runs of digits, dots, capitals,
slashes, keywords) and prints the seconds. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

from ntl_extract import load_rules
from ntl_extract.document import Doc, Published

numbers = importlib.import_module("ntl_extract.extract.numbers")
dates = importlib.import_module("ntl_extract.extract.dates")
documents = importlib.import_module("ntl_extract.extract.documents")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import seed_text  # noqa: E402

PATHOLOGICAL = {
    "1/ x500k": "1/" * 500_000,
    "9 x1M": "9" * 1_000_000,
    "A. x500k": "A." * 500_000,
    "1. x500k": "1." * 500_000,
    "1, x500k": "1," * 500_000,
    "9 9 x500k": "9 " * 500_000,
    "Quyết định x90k": "Quyết định " * 90_000,
    "hai mươi x100k": "hai mươi " * 100_000,
    "5 tỷ x140k": "5 tỷ " * 140_000,
    "số 3 x170k": "số 3 " * 170_000,
}



def time_numbers(doc: Doc, rules, with_found: bool = True) -> tuple[float, int]:
    found: dict = {}
    if with_found:
        found["dates"] = dates.extract(doc, rules, found)
        found["documents"] = documents.extract(doc, rules, found)
    start = time.process_time()
    out = numbers.extract(doc, rules, found)
    return time.process_time() - start, len(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=3, help="throughput runs; the best counts")
    args = parser.parse_args()
    rules = load_rules()
    text = seed_text(int(args.mb * 1_000_000))
    time_numbers(Doc.from_text(text[:20000]), rules)  # warm up (compiled patterns, caches)
    doc = Doc.from_text(text)
    doc.published = Published.parse("2024-07-03")
    seconds, count = min(time_numbers(doc, rules) for _ in range(max(1, args.repeat)))
    print(f"text: {len(text):,} characters, {count:,} numbers")
    print(f"numbers    {seconds:7.2f}s  {len(text) / seconds:>12,.0f} chars/s")
    print("pathological inputs, CPU seconds (numbers only, dates and documents not run):")
    for label, bad in PATHOLOGICAL.items():
        bad_doc = Doc.from_text(bad)
        secs, count = time_numbers(bad_doc, rules, with_found=False)
        warn = f"  warnings: {len(bad_doc.warnings)}" if getattr(bad_doc, "warnings", None) else ""
        print(f"  {label:<18} {len(bad) / 1e6:4.2f} MB  {secs:6.3f}s  {count} numbers{warn}")


if __name__ == "__main__":
    main()
