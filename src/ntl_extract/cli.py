"""The command line: `ntl-extract run | eval | schema`.

Exit codes: 0 every input gave a record; 1 some inputs failed (their errors are
in `errors.jsonl`); 2 the command itself was wrong (usage, bad `--published`).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from collections import Counter
from pathlib import Path

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ntl-extract",
        description="Dates, officials, documents and numeric facts from Vietnamese news articles.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="extract records from article files",
                         description="Write one JSON record per article. INPUT: files, folders "
                                     "(recursively *.txt), .jsonl files (one article per line), or - for stdin.")
    run.add_argument("inputs", nargs="+", metavar="INPUT")
    run.add_argument("-o", "--outdir", metavar="OUTDIR", help="write OUTDIR/<doc_id>.json per article")
    run.add_argument("--jsonl", metavar="FILE", help="also (or only) write one record per line to FILE")
    run.add_argument("--published", metavar="DATE",
                     help="publication date (YYYY-MM-DD[THH:MM]) for articles that carry no stamp of their own")
    run.add_argument("--rules", metavar="DIR", help="use the rule files in DIR instead of the packaged ones")
    run.add_argument("-j", "--jobs", type=int, metavar="N", help="worker processes (default: every core)")
    run.add_argument("--unordered", action="store_true",
                     help="emit records as they finish rather than in input order (same content)")
    run.add_argument("--resume", action="store_true",
                     help="skip inputs whose record exists for the same content and the same rules/version")
    run.add_argument("--dask", metavar="ADDRESS", help="run on a Dask cluster (scheduler address, e.g. tcp://host:8786)")
    chatter = run.add_mutually_exclusive_group()
    chatter.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    chatter.add_argument("-v", "--verbose", action="store_true", help="print one line per article")

    ev = sub.add_parser("eval", help="score records against hand annotations",
                        description="Score RECORDS_DIR (or a fresh run over --run INPUT_DIR) against --gold DIR.")
    ev.add_argument("records", nargs="?", metavar="RECORDS_DIR")
    ev.add_argument("--gold", required=True, metavar="DIR")
    ev.add_argument("--run", metavar="INPUT_DIR", help="extract INPUT_DIR first, then score")
    ev.add_argument("--errors", action="store_true", help="list every miss and false hit")
    ev.add_argument("--json", action="store_true", help="print one machine-readable JSON object")
    ev.add_argument("--rules", metavar="DIR")

    sub.add_parser("schema", help="print the record's JSON Schema")
    return parser


def _version() -> str:
    from . import __version__

    return __version__


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: usage errors exit 2, --help exits 0
        return int(exc.code or 0)
    try:
        if args.command == "schema":
            from .write import schema

            print(json.dumps(schema(), ensure_ascii=False, indent=2))
            return EXIT_OK
        if args.command == "eval":
            return _eval(args)
        return _run(args)
    except UsageError as err:
        print(f"ntl-extract: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("ntl-extract: interrupted", file=sys.stderr)
        return 130


def _load_rules(directory: str | None):
    from .rules import RuleError, load_rules

    try:
        return load_rules(directory)
    except RuleError as err:
        raise UsageError(f"rules: {err}") from None


def _check_published(value: str | None) -> str | None:
    if value is None:
        return None
    from .document import Published

    try:
        Published.parse(value)
    except ValueError as err:
        raise UsageError(f"--published: {err}") from None
    return value


def _run(args) -> int:
    from .batch import iter_items
    from .pipeline import extractor_id
    from .runner import Job, already_done, default_jobs, jsonl_done_ids, run
    from .write import JsonlWriter, remove_stale_temporaries, write_lines

    if not args.outdir and not args.jsonl:
        raise UsageError("say where records go: -o OUTDIR and/or --jsonl FILE")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("-j must be at least 1")
    published = _check_published(args.published)
    rules = _load_rules(args.rules)
    outdir = Path(args.outdir) if args.outdir else None
    if outdir is not None:
        if outdir.exists() and not outdir.is_dir():
            raise UsageError(f"-o {outdir}: not a folder")
        outdir.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(outdir)
    errors_path = (outdir / "errors.jsonl") if outdir else Path(str(args.jsonl) + ".errors.jsonl")
    jsonl_path = Path(args.jsonl) if args.jsonl else None
    done_in_jsonl = jsonl_done_ids(jsonl_path) if (args.resume and jsonl_path) else set()
    extractor = extractor_id(rules)

    counts: Counter = Counter()

    def finished(item) -> bool:
        """With --resume: every requested output already holds this item's record."""
        in_dir = outdir is None or already_done(item, outdir, extractor)
        in_jsonl = jsonl_path is None or item.doc_id in done_in_jsonl
        return in_dir and in_jsonl

    def todo():
        for item in iter_items(args.inputs):
            if args.resume and finished(item):
                counts["skipped"] += 1
                continue
            yield item

    job = Job(rules_dir=rules.directory, published=published,
              outdir=str(outdir) if outdir else None, keep_records=jsonl_path is not None)
    jobs = args.jobs or default_jobs()
    if args.dask:
        from .distributed import run_dask

        outcomes = run_dask(todo(), job, args.dask, ordered=not args.unordered)
    else:
        outcomes = run(todo(), job, jobs=jobs, ordered=not args.unordered)
    progress = _progress(args)
    started = time.perf_counter()
    errors = []
    chars = 0
    jsonl = JsonlWriter(jsonl_path) if jsonl_path else None
    if jsonl is not None and not args.resume:
        jsonl.handle.truncate(0)
    interrupted = False
    previous_term = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        for outcome in outcomes:
            counts["articles"] += 1
            if progress is not None:
                progress.update(1)
            if outcome.error is not None:
                errors.append(outcome.error.to_dict())
                if not args.quiet:
                    _echo(progress, f"error: {outcome.error.path}: {outcome.error.kind}: {outcome.error.message}")
                continue
            record = outcome.record
            counts["records"] += 1
            chars += record["source"]["chars"]
            for key in ("dates", "officials", "documents", "numbers"):
                counts[key] += len(record[key])
            if jsonl is not None:
                jsonl.write(record)
            if args.verbose:
                _echo(progress, f"{outcome.origin} -> {outcome.doc_id}: " + ", ".join(
                    f"{key} {len(record[key])}" for key in ("dates", "officials", "documents", "numbers")))
    except KeyboardInterrupt:
        interrupted = True
    finally:
        signal.signal(signal.SIGTERM, previous_term)
        if progress is not None:
            progress.close()
        if jsonl is not None:
            jsonl.close()
    if errors:
        write_lines(errors_path, errors)
    elif errors_path.exists() and not args.resume:
        errors_path.unlink()
    elapsed = time.perf_counter() - started
    if not args.quiet:
        print(_summary_line(counts, len(errors), errors_path, chars, elapsed,
                            "dask" if args.dask else f"{jobs} worker(s)"), file=sys.stderr)
    if interrupted:
        print("ntl-extract: interrupted; rerun with --resume to finish", file=sys.stderr)
        return 130
    if counts["articles"] == 0 and not counts["skipped"]:
        print("ntl-extract: no input articles found", file=sys.stderr)
        return EXIT_SOME_FAILED
    return EXIT_SOME_FAILED if errors else EXIT_OK


def _summary_line(counts: Counter, n_errors: int, errors_path: Path, chars: int, elapsed: float, where: str) -> str:
    rate = (lambda n: n / elapsed if elapsed else 0.0)
    parts = [f"{counts['articles']} articles, {counts['records']} records, {n_errors} errors"
             + (f" (see {errors_path})" if n_errors else "")
             + (f", {counts['skipped']} skipped (done before)" if counts["skipped"] else "")]
    parts.append(", ".join(f"{key} {counts[key]}" for key in ("dates", "officials", "documents", "numbers")))
    parts.append(f"{elapsed:.2f}s, {rate(counts['articles']):,.1f} articles/s, {rate(chars):,.0f} chars/s, {where}")
    return "; ".join(parts)


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


def _progress(args):
    """A progress bar on a terminal (articles/s, ETA); nothing in pipes, CI or --quiet."""
    if args.quiet or not sys.stderr.isatty() or os.environ.get("CI"):
        return None
    from tqdm import tqdm

    total = None
    if "-" not in args.inputs:
        from .batch import iter_items

        total = sum(1 for _ in iter_items(args.inputs))
    return tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)


def _echo(progress, message: str) -> None:
    if progress is not None:
        progress.write(message, file=sys.stderr)
    else:
        print(message, file=sys.stderr)


def _eval(args) -> int:
    from .batch import iter_items, process
    from .evaluate import as_json, evaluate, format_table, load_gold, read_records

    if bool(args.records) == bool(args.run):
        raise UsageError("give either RECORDS_DIR or --run INPUT_DIR")
    gold_dir = Path(args.gold)
    if not gold_dir.is_dir():
        raise UsageError(f"--gold {gold_dir}: not a folder")
    gold = load_gold(gold_dir)
    if args.run:
        rules = _load_rules(args.rules)
        records = {}
        for item in iter_items([args.run]):
            outcome = process(item, rules)
            if outcome.record is not None:
                records[outcome.doc_id] = outcome.record
            else:
                print(f"error: {outcome.error.path}: {outcome.error.kind}: {outcome.error.message}", file=sys.stderr)
    else:
        records = read_records(args.records)
    result = evaluate(records, gold)
    if args.json:
        print(json.dumps(as_json(result, with_errors=args.errors), ensure_ascii=False, indent=1))
    else:
        print(format_table(result, with_errors=args.errors))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
