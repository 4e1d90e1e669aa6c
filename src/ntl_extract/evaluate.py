"""Score records against hand annotations (`gold/<doc_id>.json`), as
`shared/spec/gold-format.md` defines it.

dates and numbers match on overlapping spans plus equal values; officials on
the normalised name, then each gold position on title and organisation
containment; documents on (type, number). Items marked `optional` neither
reward nor punish. Attribute accuracies are computed over matched pairs.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from .normalise import fold

TYPES = ("dates", "officials", "positions", "documents", "numbers")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "gold": self.tp + self.fn,
                "predicted": self.tp + self.fp, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += bool(ok)

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {t: Score() for t in TYPES})
    attributes: dict[str, Accuracy] = field(default_factory=lambda: defaultdict(Accuracy))
    errors: list[dict[str, Any]] = field(default_factory=list)
    documents: int = 0

    def merge(self, other: "Report") -> None:
        for t in TYPES:
            self.scores[t].add(other.scores[t])
        for k, acc in other.attributes.items():
            self.attributes[k].right += acc.right
            self.attributes[k].total += acc.total
        self.errors.extend(other.errors)
        self.documents += other.documents

    @property
    def macro_f1(self) -> float:
        return sum(self.scores[t].f1 for t in TYPES) / len(TYPES)


# ------------------------------------------------------------------ comparisons


def _overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _norm_value(value: Any) -> str:
    return str(value).strip()


def _date_ok(pred: dict, gold: dict) -> bool:
    values = [gold["value"], *gold.get("alt", [])]
    pv = _norm_value(pred.get("value"))
    return any(pv == v or (pv.startswith(v + "T") and "/" not in v) for v in map(_norm_value, values))


def _num_equal(a: Any, b: Any) -> bool:
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)
    except (TypeError, ValueError):
        return False


def _number_ok(pred: dict, gold: dict) -> bool:
    if pred.get("kind") != gold.get("kind") or not _num_equal(pred.get("value"), gold.get("value")):
        return False
    if gold.get("kind") == "ratio":
        return _num_equal(pred.get("total"), gold.get("total"))
    return True


def _contains_either(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    a, b = fold(a), fold(b)
    return a in b or b in a


@lru_cache(maxsize=8192)
def _expanded(organization: str | None) -> str | None:
    """An organisation with its abbreviations spelled out (`Trường THCS X` → `Trường trung
    học cơ sở X`), by the officials rules' table: gold-format compares organisations
    "after expansion", so a gold written short and a record written long still meet."""
    if not organization:
        return organization
    from .extract.officials_text import expand, lexicons
    from .rules import load_rules

    return expand(lexicons(load_rules()["officials"]), organization)


def _spans(kind: str, doc_id: str, preds: list[dict], golds: list[dict], ok, report: Report,
           describe) -> list[tuple[dict, dict]]:
    """One-to-one matching of span mentions; returns the matched pairs."""
    score = report.scores[kind]
    used: set[int] = set()
    pairs = []
    for gold in sorted(golds, key=lambda g: bool(g.get("optional"))):
        hit = next((i for i, p in enumerate(preds) if i not in used and _overlaps(p, gold) and ok(p, gold)), None)
        if hit is not None:
            used.add(hit)
            if not gold.get("optional"):
                score.tp += 1
                pairs.append((preds[hit], gold))
        elif not gold.get("optional"):
            score.fn += 1
            near = [describe(p) for p in preds if _overlaps(p, gold)]
            report.errors.append({"doc": doc_id, "type": kind, "error": "miss", "gold": describe(gold),
                                  "predicted_here": near})
    for i, pred in enumerate(preds):
        if i in used:
            continue
        if any(g.get("optional") and _overlaps(pred, g) for g in golds):
            continue
        score.fp += 1
        near = [describe(g) for g in golds if _overlaps(pred, g)]
        report.errors.append({"doc": doc_id, "type": kind, "error": "false", "predicted": describe(pred),
                              "gold_here": near})
    return pairs


def _title_key(title: str | None) -> str:
    key = fold(title or "")
    return key.removeprefix("nguyên ").strip()


def _position_ok(pred: dict, gold: dict) -> bool:
    title, org = _title_key(pred.get("title")), pred.get("organization")
    gold_title, gold_org = _title_key(gold.get("title")), gold.get("organization")
    if gold_org is None:
        spelled = fold(f"{pred.get('title') or ''} {org or ''}").removeprefix("nguyên ").strip()
        return title == gold_title or spelled == gold_title or (spelled.startswith(gold_title + " ") and title in gold_title)
    return title == gold_title and (_contains_either(org, gold_org)
                                    or _contains_either(_expanded(org), _expanded(gold_org)))


def _officials(doc_id: str, preds: list[dict], golds: list[dict], report: Report) -> None:
    people, positions = report.scores["officials"], report.scores["positions"]
    by_name = {fold(p["name"]): p for p in preds}
    gold_names = {fold(g["name"]): g for g in golds}
    for key, gold in gold_names.items():
        pred = by_name.get(key)
        optional = bool(gold.get("optional"))
        if pred is None:
            if not optional:
                people.fn += 1
                positions.fn += sum(1 for p in gold.get("positions", []) if not p.get("optional"))
                report.errors.append({"doc": doc_id, "type": "officials", "error": "miss", "gold": gold["name"]})
            continue
        if not optional:
            people.tp += 1
        used: set[int] = set()
        for gpos in gold.get("positions", []):
            hit = next((i for i, p in enumerate(pred.get("positions", [])) if i not in used and _position_ok(p, gpos)), None)
            if hit is not None:
                used.add(hit)
                if not (optional or gpos.get("optional")):
                    positions.tp += 1
            elif not (optional or gpos.get("optional")):
                positions.fn += 1
                report.errors.append({"doc": doc_id, "type": "positions", "error": "miss", "official": gold["name"],
                                      "gold": [gpos.get("title"), gpos.get("organization")],
                                      "predicted_here": [[p.get("title"), p.get("organization")] for p in pred.get("positions", [])]})
        if not optional:
            for i, p in enumerate(pred.get("positions", [])):
                if i not in used and not any(_position_ok(p, g) for g in gold.get("positions", []) if g.get("optional")):
                    positions.fp += 1
                    report.errors.append({"doc": doc_id, "type": "positions", "error": "false", "official": gold["name"],
                                          "predicted": [p.get("title"), p.get("organization")]})
    for key, pred in by_name.items():
        if key not in gold_names:
            people.fp += 1
            positions.fp += len(pred.get("positions", []))
            report.errors.append({"doc": doc_id, "type": "officials", "error": "false", "predicted": pred["name"],
                                  "positions": [[p.get("title"), p.get("organization")] for p in pred.get("positions", [])]})


def _doc_key(d: dict) -> tuple[str, str | None]:
    return fold(d.get("type") or ""), (d.get("number") or None)


def _documents(doc_id: str, preds: list[dict], golds: list[dict], report: Report) -> None:
    score = report.scores["documents"]
    pred_keys = {}
    for p in preds:
        pred_keys.setdefault(_doc_key(p), p)
    gold_keys = {}
    for g in golds:
        gold_keys.setdefault(_doc_key(g), g)
    for key, gold in gold_keys.items():
        optional = bool(gold.get("optional")) or gold.get("number") is None
        pred = pred_keys.get(key)
        if pred is None:
            if not optional:
                score.fn += 1
                report.errors.append({"doc": doc_id, "type": "documents", "error": "miss",
                                      "gold": [gold.get("type"), gold.get("number"), gold.get("symbol")]})
            continue
        if optional:
            continue
        score.tp += 1
        for attr in ("date", "issuer", "symbol"):
            if attr in gold:
                ok = (fold(str(pred.get(attr) or "")) == fold(str(gold.get(attr) or "")))
                report.attributes[f"documents.{attr}"].add(ok)
                if not ok:
                    report.errors.append({"doc": doc_id, "type": f"documents.{attr}", "error": "attribute",
                                          "document": [gold.get("type"), gold.get("number")],
                                          "gold": gold.get(attr), "predicted": pred.get(attr)})
    for key, pred in pred_keys.items():
        if key in gold_keys:
            continue
        if key[1] is None:  # documents without a number are optional (gold-format.md): never false
            continue
        score.fp += 1
        report.errors.append({"doc": doc_id, "type": "documents", "error": "false",
                              "predicted": [pred.get("type"), pred.get("number"), pred.get("symbol")]})


def _published_key(value: str | None) -> str | None:
    if not value:
        return None
    value = value.replace(" ", "T")
    for suffix in ("+07:00", "+0700", "Z"):
        value = value.removesuffix(suffix)
    if len(value) > 16 and value[13] == ":":
        value = value[:16]
    return value


def _article(doc_id: str, pred: dict, gold: dict, report: Report) -> None:
    for attr in ("title", "published", "author", "outlet", "views"):
        if attr not in gold:
            continue
        g, p = gold[attr], pred.get(attr)
        if attr == "published":
            ok = _published_key(g) == _published_key(p)
        elif attr == "views":
            ok = g == p
        else:
            ok = fold(g or "") == fold(p or "")
        report.attributes[f"article.{attr}"].add(ok)
        if not ok:
            report.errors.append({"doc": doc_id, "type": f"article.{attr}", "error": "attribute", "gold": g, "predicted": p})


def _describe_date(m: dict) -> str:
    return f"{m.get('text')!r}@{m.get('start')} = {m.get('value')}"


def _describe_number(m: dict) -> str:
    total = f"/{m.get('total')}" if m.get("total") is not None else ""
    return f"{m.get('text')!r}@{m.get('start')} = {m.get('kind')} {m.get('value')}{total} {m.get('unit') or ''}".rstrip()


def score_document(record: dict, gold: dict) -> Report:
    report = Report(documents=1)
    doc_id = gold.get("doc_id") or record.get("doc_id")
    _article(doc_id, record.get("article") or {}, gold.get("article") or {}, report)
    _spans("dates", doc_id, record.get("dates", []), gold.get("dates", []), _date_ok, report, _describe_date)
    pairs = _spans("numbers", doc_id, record.get("numbers", []), gold.get("numbers", []), _number_ok, report,
                   _describe_number)
    for pred, g in pairs:
        if g.get("unit") is not None:
            ok = _contains_either(pred.get("unit"), g.get("unit"))
            report.attributes["numbers.unit"].add(ok)
            if not ok:
                report.errors.append({"doc": doc_id, "type": "numbers.unit", "error": "attribute",
                                      "number": g.get("text"), "gold": g.get("unit"), "predicted": pred.get("unit")})
    _officials(doc_id, record.get("officials", []), gold.get("officials", []), report)
    _documents(doc_id, record.get("documents", []), gold.get("documents", []), report)
    return report


# ------------------------------------------------------------------------ driving


def load_gold(directory: str | Path) -> dict[str, dict]:
    out = {}
    for path in sorted(Path(directory).glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        out[data.get("doc_id") or path.stem] = data
    return out


def subset_of(doc_id: str) -> str:
    """`bm_21472858` → `bm`; `000_…` → `seed`."""
    head = doc_id.split("_", 1)[0]
    return "seed" if head.isdigit() else head


def evaluate(records: dict[str, dict], gold: dict[str, dict]) -> dict[str, Any]:
    """Score every gold document against its record (a missing record scores as empty)."""
    total = Report()
    subsets: dict[str, Report] = defaultdict(Report)
    missing = []
    for doc_id, g in gold.items():
        record = records.get(doc_id)
        if record is None:
            missing.append(doc_id)
            record = {}
        rep = score_document(record, g)
        total.merge(rep)
        subsets[subset_of(doc_id)].merge(rep)
    return {"report": total, "subsets": dict(subsets), "missing_records": missing}


def as_json(result: dict[str, Any], with_errors: bool = False) -> dict[str, Any]:
    def one(rep: Report) -> dict[str, Any]:
        return {
            "documents": rep.documents,
            "scores": {t: rep.scores[t].as_dict() for t in TYPES},
            "attributes": {k: {"accuracy": round(a.value, 4) if a.value is not None else None,
                               "right": a.right, "total": a.total} for k, a in sorted(rep.attributes.items())},
            "macro_f1": round(rep.macro_f1, 4),
        }

    out = {**one(result["report"]), "subsets": {k: one(v) for k, v in sorted(result["subsets"].items())},
           "missing_records": result["missing_records"]}
    if with_errors:
        out["errors"] = result["report"].errors
    return out


def format_table(result: dict[str, Any], with_errors: bool = False) -> str:
    rep: Report = result["report"]
    lines = [f"ntl-extract eval: {rep.documents} documents",
             f"{'type':<11}{'gold':>6}{'pred':>6}{'tp':>6}{'prec':>8}{'rec':>8}{'f1':>8}"]
    for t in TYPES:
        s = rep.scores[t]
        lines.append(f"{t:<11}{s.tp + s.fn:>6}{s.tp + s.fp:>6}{s.tp:>6}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
    lines.append(f"{'macro F1':<11}{'':>18}{'':>16}{rep.macro_f1:>8.3f}")
    lines.append("attributes:")
    for key, acc in sorted(rep.attributes.items()):
        value = f"{acc.value:.3f}" if acc.value is not None else "n/a"
        lines.append(f"  {key:<20}{value:>7}  ({acc.right}/{acc.total})")
    lines.append("F1 by subset:")
    for name, sub in sorted(result["subsets"].items()):
        cells = "  ".join(f"{t} {sub.scores[t].f1:.3f}" for t in TYPES)
        lines.append(f"  {name:<5}({sub.documents:>2} docs)  {cells}")
    if result["missing_records"]:
        lines.append(f"no record for: {', '.join(result['missing_records'])}")
    if with_errors:
        lines.append("errors:")
        for err in rep.errors:
            lines.append("  " + json.dumps(err, ensure_ascii=False))
    return "\n".join(lines)


def read_records(directory: str | Path) -> dict[str, dict]:
    out = {}
    for path in sorted(Path(directory).glob("*.json")):
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        if isinstance(data, dict) and "doc_id" in data:
            out[data["doc_id"]] = data
    return out


def records_of(records: Iterable[dict]) -> dict[str, dict]:
    return {r["doc_id"]: r for r in records}
