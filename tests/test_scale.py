"""Parallel, resumable and distributed runs give exactly the records of a plain run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from corpus import write_corpus  # noqa: E402

from ntl_extract.cli import main  # noqa: E402


def records(folder: Path) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text("utf-8")) for p in folder.glob("*.json")}


def comparable(recs: dict[str, dict]) -> dict[str, dict]:
    """Records without the input path, which differs between copies of a corpus."""
    out = {}
    for key, rec in recs.items():
        rec = json.loads(json.dumps(rec))
        rec["source"].pop("path")
        out[key] = rec
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 40)
    return folder


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("reference")
    assert main(["run", str(corpus), "-o", str(out), "-j", "1", "-q"]) == 0
    return records(out)


def test_parallel_equals_serial(corpus, reference, tmp_path):
    assert main(["run", str(corpus), "-o", str(tmp_path / "o"), "-j", "2", "-q"]) == 0
    assert records(tmp_path / "o") == reference
    assert main(["run", str(corpus), "-o", str(tmp_path / "u"), "-j", "2", "--unordered", "-q"]) == 0
    assert records(tmp_path / "u") == reference


def test_jsonl_ordered_is_deterministic(corpus, tmp_path):
    for name in ("a", "b"):
        assert main(["run", str(corpus), "--jsonl", str(tmp_path / f"{name}.jsonl"), "-j", "2", "-q"]) == 0
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=["SIGINT", "SIGTERM", "SIGKILL"])
def test_interrupted_run_resumes_to_the_same_records(corpus, reference, tmp_path, sig):
    out, jsonl = tmp_path / "out", tmp_path / "all.jsonl"
    cmd = [sys.executable, "-m", "ntl_extract", "run", str(corpus), "-o", str(out), "--jsonl", str(jsonl), "-j", "2", "-q"]
    proc = subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and len(list(out.glob("*.json"))) < 3 and proc.poll() is None:
        time.sleep(0.02)
    if sig == signal.SIGKILL:
        os.killpg(proc.pid, sig)
    else:
        os.kill(proc.pid, sig)
    proc.wait(timeout=120)
    err = proc.stderr.read().decode()
    assert "Traceback" not in err
    if sig != signal.SIGKILL:  # kill -9 can leave a hidden temporary; the rerun removes it
        assert not list(out.glob(".*.tmp"))
    for path in out.glob("*.json"):
        json.loads(path.read_text("utf-8"))  # no half-written record
    assert main(["run", str(corpus), "-o", str(out), "--jsonl", str(jsonl), "-j", "2", "--resume", "-q"]) == 0
    assert comparable(records(out)) == comparable(reference)
    assert not list(out.glob(".*.tmp"))
    lines = [json.loads(line) for line in jsonl.read_text("utf-8").splitlines()]
    assert sorted(r["doc_id"] for r in lines) == sorted(reference)


def test_resume_redoes_changed_inputs(corpus, tmp_path):
    copy = tmp_path / "in"
    copy.mkdir()
    for path in sorted(corpus.glob("*.txt"))[:3]:
        (copy / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out"
    assert main(["run", str(copy), "-o", str(out), "-j", "1", "-q"]) == 0
    changed = sorted(copy.glob("*.txt"))[0]
    changed.write_text(changed.read_text("utf-8") + "\nNgày 5/6/2021.", encoding="utf-8")
    before = {p.stem: p.stat().st_mtime_ns for p in out.glob("*.json")}
    time.sleep(0.01)
    assert main(["run", str(copy), "-o", str(out), "-j", "1", "--resume", "-q"]) == 0
    after = {p.stem: p.stat().st_mtime_ns for p in out.glob("*.json")}
    assert [k for k in before if before[k] != after[k]] == [changed.stem]


def test_dask_local_cluster_equals_local_run(corpus, reference, tmp_path):
    distributed = pytest.importorskip("distributed")
    from ntl_extract.distributed import records_bag

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        out = tmp_path / "out"
        assert main(["run", str(corpus), "-o", str(out), "--dask", cluster.scheduler_address, "-q"]) == 0
        assert records(out) == reference
        with distributed.Client(cluster) as client:
            bag = records_bag([str(corpus)])
            recs = {r["doc_id"]: r for r in client.compute(bag).result()}
        assert recs == reference
