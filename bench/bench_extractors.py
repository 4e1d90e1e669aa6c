"""Throughput of each extractor alone, and its time on pathological input.

    .venv/bin/python bench/bench_extractors.py [--mb 5] [--only dates,numbers]

Builds about 5 MB of article text from corpus/ (articles repeated with varied
numbers and names), prepares the document once (normalisation, sentences), then
times each extractor on it in the pipeline's order (documents get the dates
found before them, numbers the dates and documents), and prints characters per
second. It then times each extractor on 1 MB pathological inputs (long runs of
digits, dots, capitals, slashes). For officials it also times underthesea.ner
on a sample of the same text and prints the ratio. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import PATHOLOGICAL, articles, text_of_size  # noqa: E402

from ntl_extract import load_rules  # noqa: E402
from ntl_extract.document import Doc, Published  # noqa: E402
from ntl_extract.extract import ORDER  # noqa: E402


def run_all(doc, rules, only: set[str]) -> dict[str, float]:
    found: dict = {}
    seconds = {}
    for name, module in ORDER:
        start = time.perf_counter()
        found[name] = module.extract(doc, rules, found)
        seconds[name] = time.perf_counter() - start
    return {k: v for k, v in seconds.items() if not only or k in only}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--only", default="", help="comma-separated extractors to report")
    parser.add_argument("--ner-articles", type=int, default=20)
    args = parser.parse_args()
    only = {s for s in args.only.split(",") if s}
    rules = load_rules()

    text = text_of_size(int(args.mb * 1_000_000))
    doc = Doc.from_text(text)
    doc.published = Published.parse("2024-07-03")
    run_all(Doc.from_text(text[:20000]), rules, only)  # warm up
    seconds = run_all(doc, rules, only)
    print(f"text: {len(text):,} characters")
    for name, secs in seconds.items():
        print(f"{name:<10} {secs:7.2f}s  {len(text) / secs:>12,.0f} chars/s")

    print("pathological inputs (1 MB each), seconds per extractor:")
    for label, bad in PATHOLOGICAL.items():
        bad_doc = Doc.from_text(bad)
        times = run_all(bad_doc, rules, only)
        print(f"  {label:<9} " + "  ".join(f"{k} {v:.2f}" for k, v in times.items()) +
              (f"  warnings: {len(bad_doc.warnings)}" if bad_doc.warnings else ""))

    if not only or "officials" in only:
        from underthesea import ner

        sample = "\n".join(articles(args.ner_articles, seed=3))
        lines = [line for line in sample.splitlines() if line.strip()]
        ner(lines[0])
        start = time.perf_counter()
        for line in lines:
            ner(line)
        ner_rate = len(sample) / (time.perf_counter() - start)
        ours = len(text) / seconds["officials"]
        print(f"underthesea.ner: {ner_rate:,.0f} chars/s; officials extractor: {ours:,.0f} chars/s "
              f"= {ours / ner_rate:,.1f}x")


if __name__ == "__main__":
    main()
