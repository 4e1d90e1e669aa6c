"""The command line on good and bad inputs: every input gives a record or an
`errors.jsonl` entry, the exit code says which, and nothing prints a traceback."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from conftest import ROOT, check_record
from ntl_extract.cli import main
from ntl_extract.read import decode

SENTENCE = ("Ngày 4/6/2021, Quận ủy Nam Từ Liêm ban hành Chương trình số 04-CTr/QU; "
            "tỷ lệ hộ gia đình văn hóa đạt 98,75%, trao 4.508 suất quà.\n")


def run_cli(args, capsys):
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    return code, captured


def records_in(outdir: Path) -> dict[str, dict]:
    out = {}
    for path in outdir.glob("*.json"):
        record = json.loads(path.read_text("utf-8"))
        out[record["doc_id"]] = record
    return out


def errors_in(outdir: Path) -> list[dict]:
    path = outdir / "errors.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def check_against_input(record: dict, input_path: Path) -> None:
    check_record(record, decode(input_path.read_bytes()).text)


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258 keeps â, ê, ô, ơ, ư, ă precomposed and writes tones as combining marks."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in decomposed if c in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


# name, bytes, expected outcome ("record" or an error kind), expected warning substring
BAD_FILES = [
    ("empty", b"", "empty", None),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary", None),
    ("truncated_utf8", SENTENCE.encode("utf-8") + "ộ".encode("utf-8")[:2], "record", "truncated"),
    ("utf16", "\ufeff".encode("utf-16-le") + SENTENCE.encode("utf-16-le"), "record", None),
    ("cp1258", SENTENCE.encode("cp1258", errors="strict") if False else unicodedata.normalize("NFD", SENTENCE).encode("cp1258", errors="replace"), "record", None),
    ("nfd", unicodedata.normalize("NFD", SENTENCE).encode("utf-8"), "record", None),
    ("whitespace_only", b" \n\t\n   \r\n", "record", None),
    ("long_line", b"A" * 1_000_000, "record", None),
    ("dotted_capitals", b"A." * 500_000, "record", None),
    ("initials_with_spaces", "Đ. ".encode("utf-8") * 200_000, "record", None),
    ("digits_slashes", ("1/" * 300_000 + "9." * 200_000 + "ĐĐĐ" * 50_000).encode("utf-8"), "record", None),
    ("crlf_bom", b"\xef\xbb\xbf" + SENTENCE.replace("\n", "\r\n").encode("utf-8"), "record", None),
]


@pytest.mark.parametrize("name,data,outcome,warning", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_each_bad_file(tmp_path, capsys, name, data, outcome, warning):
    src = tmp_path / "in" / f"{name}.txt"
    src.parent.mkdir()
    src.write_bytes(data)
    out = tmp_path / "out"
    code, _ = run_cli(["run", src.parent, "-o", out], capsys)
    records, errors = records_in(out), errors_in(out)
    if outcome == "record":
        assert code == 0 and not errors
        check_against_input(records[name], src)
        if warning:
            assert any(warning in w for w in records[name]["warnings"]), records[name]["warnings"]
    else:
        assert code == 1 and not records
        assert [(e["path"], e["kind"]) for e in errors] == [(str(src), outcome)]
        assert errors[0]["message"]


def test_nfd_gives_the_same_findings_as_nfc(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "nfc.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "in" / "nfd.txt").write_text(unicodedata.normalize("NFD", SENTENCE), encoding="utf-8")
    code, _ = run_cli(["run", tmp_path / "in", "-o", tmp_path / "out"], capsys)
    assert code == 0
    recs = records_in(tmp_path / "out")
    for key in ("dates", "numbers", "documents", "officials"):
        strip = lambda items: [{k: v for k, v in i.items() if k not in ("start", "end", "text", "mentions")} for i in items]
        assert strip(recs["nfc"][key]) == strip(recs["nfd"][key])
    for name in ("nfc", "nfd"):
        check_against_input(recs[name], tmp_path / "in" / f"{name}.txt")


def test_big_file(tmp_path, capsys):
    src = tmp_path / "big.txt"
    body = (ROOT / "corpus" / "000_1af0c90cd50fde23.txt").read_text("utf-8")
    with open(src, "w", encoding="utf-8") as handle:
        while handle.tell() < 20 * 1024 * 1024:
            handle.write(body)
    code, _ = run_cli(["run", src, "-o", tmp_path / "out", "-q"], capsys)
    assert code == 0
    record = records_in(tmp_path / "out")["big"]
    assert record["source"]["chars"] == len(src.read_text("utf-8"))


def test_mixed_batch_keeps_going(tmp_path, capsys):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(SENTENCE, encoding="utf-8")
    (folder / "sub" / "also_good.txt").write_text(SENTENCE, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    os.symlink(folder / "nowhere.txt", folder / "dangling.txt")  # unreadable even for root
    (folder / "notes.md").write_text("ignored: not a .txt", encoding="utf-8")
    out = tmp_path / "out"
    code, captured = run_cli(["run", folder, tmp_path / "missing.txt", "-o", out], capsys)
    assert code == 1
    assert set(records_in(out)) == {"good", "also_good"}
    kinds = sorted(e["kind"] for e in errors_in(out))
    assert kinds == ["empty", "missing", "unreadable"]
    assert "3 errors" in captured.err


def test_jsonl_input_and_output(tmp_path, capsys):
    src = tmp_path / "articles.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": SENTENCE, "title": "Tiêu đề", "published": "2021-06-05"}, ensure_ascii=False),
        "{not json",
        json.dumps({"text": 42}),
        json.dumps({"text": "Hội nghị ngày 02/7."}, ensure_ascii=False),
        "",
    ]
    src.write_text("\n".join(lines), encoding="utf-8")
    out, jsonl = tmp_path / "out", tmp_path / "all.jsonl"
    code, _ = run_cli(["run", src, "-o", out, "--jsonl", jsonl], capsys)
    assert code == 1
    recs = records_in(out)
    assert set(recs) == {"a1", "articles-4"}
    assert recs["a1"]["article"]["title"] == "Tiêu đề"
    assert recs["a1"]["article"]["published"] == "2021-06-05"
    lines_out = [json.loads(l) for l in jsonl.read_text("utf-8").splitlines()]
    assert [r["doc_id"] for r in lines_out] == ["a1", "articles-4"]
    for r in lines_out:
        check_record(r, SENTENCE if r["doc_id"] == "a1" else "Hội nghị ngày 02/7.")
    assert sorted(e["kind"] for e in errors_in(out)) == ["invalid_jsonl", "invalid_jsonl"]


def test_stdin(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SENTENCE.encode("utf-8"))))
    code, _ = run_cli(["run", "-", "-o", tmp_path], capsys)
    assert code == 0
    check_record(records_in(tmp_path)["stdin"], SENTENCE)


@pytest.mark.parametrize("args", [
    ["run", "corpus", "-o", "OUT", "--published", "next tuesday"],
    ["run", "corpus", "-o", "OUT", "--published", "2024-13-45"],
    ["run", "corpus"],                       # nowhere to write
    ["eval", "--gold", "nowhere"],
    ["frobnicate"],
    [],
])
def test_usage_errors_exit_2(tmp_path, capsys, args):
    args = [str(tmp_path / "o") if a == "OUT" else str(ROOT / a) if a == "corpus" else a for a in args]
    code, captured = run_cli(args, capsys)
    assert code == 2
    assert "error" in captured.err.lower() or "usage" in captured.err.lower()


def test_published_fallback(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("Hội nghị diễn ra ngày 02/7 tại quận.\n", encoding="utf-8")
    code, _ = run_cli(["run", src, "-o", tmp_path / "out", "--published", "2024-07-03"], capsys)
    assert code == 0
    assert records_in(tmp_path / "out")["a"]["article"]["published"] == "2024-07-03"


def test_schema_command(capsys):
    code, captured = run_cli(["schema"], capsys)
    assert code == 0
    assert json.loads(captured.out)["properties"]["schema"]["const"] == "ntl-extract/record/1"


def test_python_dash_m(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "ntl_extract", "run", str(ROOT / "corpus"), "-o", str(tmp_path)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(list(tmp_path.glob("*.json"))) == 2
