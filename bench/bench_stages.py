"""Where the time of one article goes: each stage of the pipeline timed alone.

Runs read → normalise/segment (Doc) → metadata → each extractor → record →
JSON → validation over synthetic articles (bench/corpus.py) and prints, per
stage, CPU seconds and characters per second. The slowest stage is the one to
work on; the sum says what one core can do end to end.

    .venv/bin/python bench/bench_stages.py [--articles 300] [--repeat 3]

Rules are loaded and warmed up first (as `ntl-extract run` does); each stage
reports its best of `--repeat` passes, as a shared machine only ever adds time.

It prints numbers; it asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import articles  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from ntl_extract.pipeline import ready_rules

    rules = ready_rules()
    data = [text.encode("utf-8") for text in articles(args.articles)]
    chars = sum(len(d.decode("utf-8")) for d in data)
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        for stage, spent in one_pass(data, rules).items():
            best[stage] = min(spent, best.get(stage, spent))
    seconds = best

    total = sum(seconds.values())
    print(f"{args.articles} articles, {chars:,} characters")
    for stage, spent in seconds.items():
        print(f"  {stage:26} {spent:6.3f}s  {chars / spent / 1e6:7.2f} M chars/s  {100 * spent / total:5.1f}%")
    print(f"  {'all stages':26} {total:6.3f}s  {chars / total / 1e6:7.2f} M chars/s")


def one_pass(data: list[bytes], rules) -> dict[str, float]:
    """CPU seconds of each stage over every article, in one pass."""
    from ntl_extract import metadata
    from ntl_extract.assemble import assemble
    from ntl_extract.document import Doc
    from ntl_extract.extract import ORDER
    from ntl_extract.model import Source
    from ntl_extract.read import decode
    from ntl_extract.write import encode, validate

    seconds: dict[str, float] = {}

    def timed(stage: str, fn, *a):
        start = time.process_time()
        result = fn(*a)
        seconds[stage] = seconds.get(stage, 0.0) + time.process_time() - start
        return result

    for i, raw in enumerate(data):
        decoded = timed("read (decode)", decode, raw)
        doc = timed("normalise + sentences", Doc.from_text, decoded.text)
        doc.article = timed("metadata", metadata.detect, doc, rules)
        doc.published = metadata.published_of(doc.article)
        found: dict = {}
        for name, module in ORDER:
            found[name] = timed(f"extract: {name}", module.extract, doc, rules, found)
        source = Source(path="", sha256=hashlib.sha256(raw).hexdigest(), encoding=decoded.encoding,
                        chars=len(decoded.text))
        record = timed("assemble + to_dict", lambda: assemble(doc, f"a{i}", source, found).to_dict())
        timed("JSON (orjson)", encode, record, True)
        timed("validate (jsonschema-rs)", validate, record)

    return seconds


if __name__ == "__main__":
    main()
