"""Throughput of the officials extractor alone, against underthesea.ner.

    .venv/bin/python bench/bench_officials.py [--mb 5] [--ner-articles 20] [--repeat 3] [--skip-ner]

Builds about 5 MB of article text from the two seeds in corpus/ (repeated with
varied numbers and names, see corpus.py), prepares the document once
(normalisation, sentences), then times `officials.extract` on it (the best of
`--repeat` runs, in CPU time of this process: other processes on the machine
disturb it less than wall-clock time) and prints characters per second and how
many sentences it tokenised. In the same run it
times underthesea.ner over a sample of the same articles (ner on all 5 MB would
take many minutes; its rate per character is what matters) and prints the
ratio. Then it times the extractor on 1 MB pathological inputs. Prints
numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import PATHOLOGICAL as BASE_PATHOLOGICAL  # noqa: E402
from corpus import articles, text_of_size  # noqa: E402

from ntl_extract import load_rules  # noqa: E402
from ntl_extract.document import Doc  # noqa: E402
from ntl_extract.extract import officials  # noqa: E402

PATHOLOGICAL = {
    **BASE_PATHOLOGICAL,
    "honorifics": "ông Nguyễn Văn An, Chủ tịch " * 35_000,
}


def timed(doc, rules) -> tuple[float, list]:
    start = time.perf_counter()
    found = officials.extract(doc, rules, {})
    return time.perf_counter() - start, found


def best_cpu(doc, rules, repeat: int) -> tuple[float, float, list]:
    """The CPU time (`time.process_time`) of the first run (which tokenises the
    sentences it needs) and the least of `repeat` runs."""
    times, found = [], []
    for _ in range(max(1, repeat)):
        start = time.process_time()
        found = officials.extract(doc, rules, {})
        times.append(time.process_time() - start)
    return times[0], min(times), found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--ner-articles", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3, help="runs on the big text; the best counts")
    parser.add_argument("--skip-ner", action="store_true", help="do not time underthesea.ner")
    args = parser.parse_args()
    rules = load_rules()

    timed(Doc.from_text("\n\n".join(articles(2))), rules)  # warm up: underthesea's models load once
    text = text_of_size(int(args.mb * 1_000_000))
    doc = Doc.from_text(text)
    first, seconds, found = best_cpu(doc, rules, args.repeat)
    ours = len(text) / seconds
    tokenised = len({index for index, _ in doc._token_cache})
    print(f"text: {len(text):,} characters, {len(doc.sentences):,} sentences")
    print(f"officials  {seconds:7.2f}s  {ours:>12,.0f} chars/s  "
          f"({len(found)} officials, {tokenised} of {len(doc.sentences)} sentences tokenised; "
          f"best CPU time of {max(1, args.repeat)}; the first took {first:.2f}s)"
          + (f"  warnings: {doc.warnings}" if doc.warnings else ""))
    if not args.skip_ner:
        ner_ratio(args, ours)
    pathological(rules)


def ner_ratio(args, ours: float) -> None:
    from underthesea import ner

    sample = "\n".join(articles(args.ner_articles, seed=3))
    lines = [line for line in sample.splitlines() if line.strip()]
    ner(lines[0])
    start = time.perf_counter()
    for line in lines:
        ner(line)
    ner_rate = len(sample) / (time.perf_counter() - start)
    print(f"underthesea.ner: {ner_rate:,.0f} chars/s over {len(sample):,} characters; "
          f"officials extractor: {ours:,.0f} chars/s = {ours / ner_rate:,.1f}x")


def pathological(rules) -> None:
    print("pathological inputs (about 1 MB each), seconds:")
    for label, bad in PATHOLOGICAL.items():
        start = time.perf_counter()
        bad_doc = Doc.from_text(bad)  # segmentation, not ours: "A." * 500000 takes minutes here
        prepared = time.perf_counter() - start
        secs, found = timed(bad_doc, rules)
        print(f"  {label:<11} {secs:6.2f}s  {len(found)} officials  (document prepared in {prepared:.1f}s)"
              + (f"  warnings: {len(bad_doc.warnings)}" if bad_doc.warnings else ""))


if __name__ == "__main__":
    main()
