"""The command line: `ntl-extract run | eval | schema`.

Exit codes: 0 every input gave a record; 1 some inputs failed (their errors are
in `errors.jsonl`); 2 the command itself was wrong (usage, bad `--published`).
"""

from __future__ import annotations

import argparse
import json
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
    run.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")

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
    from .batch import iter_items, process
    from .write import JsonlWriter, write_lines, write_record

    if not args.outdir and not args.jsonl:
        raise UsageError("say where records go: -o OUTDIR and/or --jsonl FILE")
    published = _check_published(args.published)
    rules = _load_rules(args.rules)
    outdir = Path(args.outdir) if args.outdir else None
    if outdir is not None:
        if outdir.exists() and not outdir.is_dir():
            raise UsageError(f"-o {outdir}: not a folder")
        outdir.mkdir(parents=True, exist_ok=True)
    errors_path = (outdir / "errors.jsonl") if outdir else Path(str(args.jsonl) + ".errors.jsonl")

    started = time.perf_counter()
    counts: Counter = Counter()
    errors = []
    chars = 0
    jsonl = JsonlWriter(args.jsonl) if args.jsonl else None
    if jsonl is not None:
        jsonl.handle.truncate(0)
    try:
        for item in iter_items(args.inputs):
            outcome = process(item, rules, published)
            counts["articles"] += 1
            if outcome.error is not None:
                errors.append(outcome.error.to_dict())
                if not args.quiet:
                    print(f"error: {outcome.error.path}: {outcome.error.kind}: {outcome.error.message}",
                          file=sys.stderr)
                continue
            record = outcome.record
            counts["records"] += 1
            chars += record["source"]["chars"]
            for key in ("dates", "officials", "documents", "numbers"):
                counts[key] += len(record[key])
            if outdir is not None:
                write_record(outdir, record)
            if jsonl is not None:
                jsonl.write(record)
    finally:
        if jsonl is not None:
            jsonl.close()
    if errors:
        write_lines(errors_path, errors)
    elif errors_path.exists():
        errors_path.unlink()
    elapsed = time.perf_counter() - started
    if not args.quiet:
        rate = chars / elapsed if elapsed else 0.0
        print(
            f"{counts['articles']} articles, {counts['records']} records, {len(errors)} errors"
            f"{f' (see {errors_path})' if errors else ''}; "
            f"dates {counts['dates']}, officials {counts['officials']}, documents {counts['documents']}, "
            f"numbers {counts['numbers']}; {elapsed:.2f}s, {rate:,.0f} chars/s",
            file=sys.stderr,
        )
    if counts["articles"] == 0:
        print("ntl-extract: no input articles found", file=sys.stderr)
        return EXIT_SOME_FAILED
    return EXIT_SOME_FAILED if errors else EXIT_OK


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
