"""End-to-end throughput of `ntl-extract run` against its peers, in one run.

Builds a synthetic corpus from corpus/ (articles repeated with varied numbers
and names), then prints:
- our end-to-end throughput (all extractors, records written) at -j 1 and -j 2:
  articles/s, characters/s, peak RSS of the parent and of the largest worker;
- the peers on a sample of the same text: underthesea.word_tokenize,
  underthesea.ner, dateparser.search.search_dates — and our ratios to them;
- with --rss, peak worker RSS at 1,000 and 20,000 articles (flat is the goal).

    .venv/bin/python bench/bench_corpus.py [--articles 2000] [--repeat 3] [--rss]

Each configuration (ours at -j 1 and -j 2, alternating; each peer) runs
`--repeat` times and reports its best run: other load on the machine only
ever adds time, so the best run is the least disturbed one.

It prints numbers; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import articles, write_corpus  # noqa: E402

# Peak RSS of the run's own process: VmHWM (the high-water mark of this
# process's memory), not getrusage's ru_maxrss, which Linux carries over
# exec() from the process that started it (the bench itself, with the peers'
# models loaded) and so reported the bench's size, not ours.
_MEASURE = r"""
import json, resource, sys, time
from ntl_extract.cli import main

def high_water_mb():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

t = time.perf_counter()
code = main(sys.argv[1:])
elapsed = time.perf_counter() - t
print(json.dumps({"code": code, "seconds": elapsed, "rss_self_mb": high_water_mb(),
                  "rss_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def run_ours(corpus: Path, jobs: int) -> dict:
    with tempfile.TemporaryDirectory() as out:
        proc = subprocess.run([sys.executable, "-c", _MEASURE, "run", str(corpus), "-o", out, "-j", str(jobs), "-q"],
                              capture_output=True, text=True, check=True)
        return json.loads(proc.stdout.strip().splitlines()[-1])


def rate(chars: int, seconds: float) -> float:
    return chars / seconds if seconds else float("inf")


def time_peer(fn, texts: list[str], repeat: int) -> float:
    """chars/s of `fn` over `texts`: its best of `repeat` passes (a shared machine only adds time)."""
    chars = sum(map(len, texts))
    fn(texts[0][:200])  # warm up: load models
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            fn(text)
        best = min(best, time.perf_counter() - start)
    return rate(chars, best)


def peers(sample: list[str], repeat: int) -> dict[str, float]:
    """chars/s of each peer over `sample` (each article split into lines, as they expect sentences).
    `ner` is a hundred times slower than the others: it reads the first quarter of the sample."""
    from underthesea import ner, word_tokenize

    lines = [line for text in sample for line in text.splitlines() if line.strip()]
    out = {"underthesea.word_tokenize": time_peer(word_tokenize, lines, repeat),
           "underthesea.ner": time_peer(ner, lines[:max(1, len(lines) // 4)], repeat)}
    try:
        from dateparser.search import search_dates

        out["dateparser.search.search_dates"] = time_peer(lambda t: search_dates(t, languages=["vi"]), lines, repeat)
    except ImportError:
        out["dateparser.search.search_dates"] = float("nan")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--peer-articles", type=int, default=40, help="articles of the sample the peers run on")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each configuration; the best is reported (a busy machine only adds time)")
    parser.add_argument("--rss", action="store_true", help="also compare peak RSS at 1,000 and 20,000 articles")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        chars = write_corpus(corpus, args.articles)
        print(f"corpus: {args.articles} articles, {chars:,} characters")
        runs: dict[int, list[dict]] = {1: [], 2: []}
        for _ in range(args.repeat):  # alternating, so a slow spell hits both
            for jobs in (1, 2):
                runs[jobs].append(run_ours(corpus, jobs))
        results = {jobs: min(rs, key=lambda r: r["seconds"]) for jobs, rs in runs.items()}
        for jobs, r in results.items():
            all_runs = ", ".join(f"{x['seconds']:.2f}" for x in runs[jobs])
            print(f"ours -j {jobs}: {r['seconds']:.2f}s, {args.articles / r['seconds']:,.1f} articles/s, "
                  f"{rate(chars, r['seconds']):,.0f} chars/s ({rate(chars, r['seconds']) / jobs:,.0f} per core), "
                  f"peak RSS parent {r['rss_self_mb']:.0f} MB, largest worker {r['rss_children_mb']:.0f} MB "
                  f"(best of {len(runs[jobs])}: {all_runs} s)")
        print(f"speed-up -j 2 / -j 1: {results[1]['seconds'] / results[2]['seconds']:.2f}x")

        ours_j1 = rate(chars, results[1]["seconds"])
        # The peers read the corpus's own first articles: the same text.
        for name, peer_rate in peers(articles(args.peer_articles), args.repeat).items():
            print(f"{name}: {peer_rate:,.0f} chars/s; ours -j 1 is {ours_j1 / peer_rate:,.1f}x")

        if args.rss:
            for n in (1000, 20000):
                folder = Path(tmp) / f"rss{n}"
                write_corpus(folder, n, seed=n)
                r = run_ours(folder, 2)
                print(f"RSS at {n} articles (-j 2): parent {r['rss_self_mb']:.0f} MB, "
                      f"largest worker {r['rss_children_mb']:.0f} MB, {r['seconds']:.1f}s")


if __name__ == "__main__":
    main()
