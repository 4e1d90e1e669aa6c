"""Which rules' scans cost the most: each rule pattern that runs over a whole text,
timed alone over synthetic articles (bench/corpus.py), slowest first.

A rule whose pattern does not open with a selective atom (a digit class, a literal)
makes the `regex` engine try it at every character; this table shows it at once
(a rule that opened with lookbehinds and an alternation once took a quarter of all
extraction time).

    .venv/bin/python bench/bench_rules.py [--articles 300] [--top 15]

The numbers dimension's value rules run anchored in the pipeline (numbers_scan: tried
only where a number starts), so their whole-text times here overstate what they cost
there; every other rule runs as timed.

It prints numbers; it asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import articles  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()

    from ntl_extract.document import Doc
    from ntl_extract.pipeline import ready_rules

    rules = ready_rules()
    texts = [Doc.from_text(text).text for text in articles(args.articles)]
    chars = sum(map(len, texts))
    rows = []
    for dimension in rules.dimensions.values():
        for rule in dimension.rules:
            start = time.process_time()
            matches = sum(1 for text in texts for _ in rule.pattern.finditer(text))
            rows.append((time.process_time() - start, matches, rule.id))
    rows.sort(reverse=True)
    total = sum(r[0] for r in rows)
    print(f"{len(rows)} rules over {args.articles} articles ({chars:,} characters): {total:.3f}s of scans")
    for seconds, matches, rule_id in rows[:args.top]:
        print(f"  {rule_id:40} {seconds:7.4f}s  {chars / seconds / 1e6 if seconds else float('inf'):8.1f} M chars/s"
              f"  {matches:7d} matches")


if __name__ == "__main__":
    main()
