"""Speed of the dates extractor alone: throughput, and time on pathological input.

    .venv/bin/python bench/bench_dates.py [--mb 5] [--repeat 3]

Builds about 5 MB of text by repeating the two seed articles of corpus/,
prepares the document once (normalisation and sentences are not ours to time),
then times `dates.extract(doc, rules, found)` and prints characters per second
(the best of a few runs). It then times the extractor on 1 MB inputs built to
make regexes backtrack (long runs of digits, dots, capitals, slashes, cue
words, and text made of nothing but dates) and prints the seconds; those
documents skip sentence splitting, which is not the extractor's time. The acceptance is >= 2 million chars/s and
< 1 s per pathological input; this script prints numbers and asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ntl_extract import load_rules
from ntl_extract.document import Doc, Published
from ntl_extract.extract import dates
from ntl_extract.normalise import normalise

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import seed_text  # noqa: E402

PATHOLOGICAL = {
    "1/ x500k": "1/" * 500_000,
    "9 x1M": "9" * 1_000_000,
    "A. x500k": "A." * 500_000,
    "Quyết định x90k": "Quyết định " * 90_000,
    "1. x500k": "1." * 500_000,
    "1- x500k": "1-" * 500_000,
    "12/12/ x200k": "12/12/" * 170_000,
    "ngày 1/1 x100k": "ngày 1/1 " * 110_000,
    "tháng x125k": "tháng " * 160_000,
    "năm 2020 x110k": "năm 2020 " * 110_000,
    "từ 1 đến x100k": "từ 1 đến " * 110_000,
    "2020-2021- x90k": "2020-2021-" * 100_000,
    "8h30 x200k": "8h30 " * 200_000,
}


def one_sentence_doc(text: str) -> Doc:
    """A Doc without sentence splitting: the splitter (not timed here) is itself
    slow on some of these inputs, and the dates extractor does not need it."""
    return Doc(raw=text, norm=normalise(text), sentences=((0, len(text)),), _sentence_starts=[0])


def time_extract(doc: Doc, rules, repeat: int) -> tuple[float, float, int]:
    """Best wall and CPU time of `repeat` runs, and how many dates the last run
    found (CPU time too, because a shared machine inflates the wall time)."""
    best, best_cpu, found = float("inf"), float("inf"), 0
    for _ in range(repeat):
        doc.warnings.clear()
        start, start_cpu = time.perf_counter(), time.process_time()
        found = len(dates.extract(doc, rules, {}))
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    return best, best_cpu, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rules = load_rules()

    text = seed_text(int(args.mb * 1_000_000))
    doc = Doc.from_text(text)
    doc.published = Published.parse("2024-07-03")
    dates.extract(Doc.from_text(text[:20_000]), rules, {})  # warm up (lunar tables, regex caches)
    seconds, cpu, found = time_extract(doc, rules, args.repeat)
    print(f"text: {len(text):,} characters (the seeds repeated), {found:,} dates")
    print(f"dates: {seconds:.3f}s  {len(text) / seconds:,.0f} chars/s  "
          f"(CPU {cpu:.3f}s  {len(text) / cpu:,.0f} chars/s)")

    print("pathological inputs (about 1 MB each), seconds:")
    for label, bad in PATHOLOGICAL.items():
        bad_doc = one_sentence_doc(bad)
        bad_doc.published = Published.parse("2024-07-03")
        secs, cpu, n = time_extract(bad_doc, rules, 1)
        warn = f"  warnings: {len(bad_doc.warnings)}" if bad_doc.warnings else ""
        print(f"  {label:<18} {len(bad):>9,} chars  {secs:6.3f}s (CPU {cpu:6.3f}s)  {n:>7,} dates{warn}")


if __name__ == "__main__":
    main()
