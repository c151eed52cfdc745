"""eval: score stored records against gold records, field by field.

Follows the corpus scorer's rules exactly (shared/eval/score.py), so `ratsinfo eval` and the
referee agree: records are paired by the base name of `source`; scalar fields count a value
where gold has null as a false positive, a null where gold has a value as a false negative,
a wrong value as both; list fields are scored as sets; names compare case- and
punctuation-blind; `name` matches at token F1 >= 0.8; a gold record with a `fields` list
vouches only for those fields. The resolution is scored by token F1 per document, and OCR
repair word by word where gold carries raw_text and clean_text.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_QUOTES = str.maketrans({c: '"' for c in "„“”‚‘’«»‹›\u201f\u2033"})
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"})
_REF_LABEL = re.compile(
    r"^(?:drucksachen?(?:-?nr\.?)?|drs\.?|ds|vorlagen?(?:-?nr\.?)?|nr\.?)(?:\s*[:-]\s*|\s+)", re.I
)


def norm(value: Any) -> str | None:
    """NFC, one kind of quote and dash, single spaces, no surrounding colons."""
    if value is None:
        return None
    text = unicodedata.normalize("NFC", str(value)).translate(_QUOTES).translate(_DASHES)
    text = re.sub(r"\s+", " ", text).strip().strip(":").strip()
    return text or None


def key(value: Any) -> str | None:
    """Looser form for names: also case-folded and without punctuation."""
    text = norm(value)
    if text is None:
        return None
    text = re.sub(r"[^\w\s]", " ", text.casefold())
    return re.sub(r"\s+", " ", text).strip() or None


def ref(value: Any) -> str | None:
    """A reference without a leading label word ("Drucksache Nr. 113/21" is "113/21")."""
    text = norm(value)
    while text and _REF_LABEL.match(text):
        text = _REF_LABEL.sub("", text, count=1)
    return text or None


def tokens(text: str | None) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text or ""))


def _matched(a: list[str], b: list[str]) -> int:
    blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks)


def token_f1(gold: str | None, pred: str | None) -> float:
    g, p = tokens(gold), tokens(pred)
    if not g and not p:
        return 1.0
    matched = _matched(g, p) if g and p else 0
    if matched == 0:
        return 0.0
    precision, recall = matched / len(p), matched / len(g)
    return 2 * precision * recall / (precision + recall)


def _amount(item: Any) -> str | None:
    value = item.get("value") if isinstance(item, dict) else item
    try:
        return f"{float(value):.2f}"  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


@dataclass
class FieldScore:
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


@dataclass
class Report:
    documents: int = 0
    missing: list[str] = field(default_factory=list)
    fields: dict[str, FieldScore] = field(default_factory=lambda: defaultdict(FieldScore))
    misses: list[tuple[str, str, Any, Any]] = field(
        default_factory=list
    )  # field, source, gold, pred
    resolution: list[tuple[str, float]] = field(default_factory=list)
    ocr_right: int = 0
    ocr_changed: int = 0
    ocr_needed: int = 0

    @property
    def micro(self) -> FieldScore:
        total = FieldScore()
        for s in self.fields.values():
            total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
        return total

    @property
    def resolution_f1(self) -> float:
        return sum(f for _, f in self.resolution) / len(self.resolution) if self.resolution else 1.0

    @property
    def ocr_precision(self) -> float:
        return self.ocr_right / self.ocr_changed if self.ocr_changed else 1.0

    @property
    def ocr_recall(self) -> float:
        return self.ocr_right / self.ocr_needed if self.ocr_needed else 1.0

    def summary(self) -> str:
        m = self.micro
        return (
            f"summary: documents {self.documents} fields P {m.precision:.3f} R {m.recall:.3f} "
            f"F1 {m.f1:.3f} resolution {self.resolution_f1:.3f} "
            f"ocr P {self.ocr_precision:.3f} R {self.ocr_recall:.3f}"
        )

    def table(self) -> list[str]:
        lines = [f"{'field':26} {'tp':>4} {'fp':>4} {'fn':>4}  {'P':>5} {'R':>5} {'F1':>5}"]
        for name, s in self.fields.items():
            lines.append(
                f"{name:26} {s.tp:4} {s.fp:4} {s.fn:4}  {s.precision:.2f} {s.recall:.2f} {s.f1:.2f}"
            )
        return lines


class _Scorer:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.only: set[str] | None = None

    def scored(self, name: str) -> bool:
        return self.only is None or name in self.only or name.split(".")[0] in self.only

    def scalar(
        self,
        name: str,
        source: str,
        gold: Any,
        pred: Any,
        same: Callable[[Any, Any], bool] = lambda a, b: a == b,
    ) -> None:
        if not self.scored(name) or (gold is None and pred is None):
            return
        s = self.report.fields[name]
        if gold is None:
            s.fp += 1
        elif pred is None:
            s.fn += 1
        elif same(gold, pred):
            s.tp += 1
            return
        else:
            s.fp += 1
            s.fn += 1
        self.report.misses.append((name, source, gold, pred))

    def sets(self, name: str, source: str, gold: set[Any], pred: set[Any]) -> None:
        if not self.scored(name):
            return
        s = self.report.fields[name]
        s.tp += len(gold & pred)
        s.fp += len(pred - gold)
        s.fn += len(gold - pred)
        if gold != pred:
            missed = sorted(map(str, gold - pred))
            extra = sorted(map(str, pred - gold))
            self.report.misses.append((name, source, missed, extra))


def load_gold(folder: Path) -> dict[str, dict[str, Any]]:
    """Gold records by the base name of their source."""
    records = {}
    for path in sorted(folder.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        records[Path(record["source"]).name] = record
    return records


def evaluate(gold: dict[str, dict[str, Any]], predicted: Iterable[dict[str, Any]]) -> Report:
    """Score `predicted` records (corpus JSON form) against `gold`."""
    pred = {Path(str(r.get("source", ""))).name: r for r in predicted}
    report = Report(documents=len(gold), missing=sorted(set(gold) - set(pred)))
    scorer = _Scorer(report)
    for source, g in gold.items():
        _score_one(scorer, source, g, pred.get(source, {}))
    return report


def council(source: str, gold: dict[str, Any]) -> str:
    """The council a gold record belongs to: its file name's first part, as the corpora name
    their files ("oldenburg_22-0056_....txt" -> "oldenburg"), else the body it names."""
    stem = Path(source).stem
    if "_" in stem:
        return stem.split("_", 1)[0]
    return str(gold.get("body") or stem)


def by_council(
    gold: dict[str, dict[str, Any]], predicted: Iterable[dict[str, Any]]
) -> list[tuple[str, Report]]:
    """One report per council, the worst fields F1 first: where the readers fail a layout."""
    records = list(predicted)
    groups: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for source, g in gold.items():
        groups[council(source, g)][source] = g
    reports = [(name, evaluate(group, records)) for name, group in groups.items()]
    return sorted(reports, key=lambda item: (item[1].micro.f1, item[1].resolution_f1, item[0]))


def _score_one(t: _Scorer, source: str, g: dict[str, Any], p: dict[str, Any]) -> None:
    t.only = set(g["fields"]) if g.get("fields") else None
    for name in ("paper_type", "date"):
        t.scalar(name, source, norm(g.get(name)), norm(p.get(name)))
    for name in ("body", "department"):
        t.scalar(name, source, key(g.get(name)), key(p.get(name)))
    t.scalar("reference", source, ref(g.get("reference")), ref(p.get("reference")))
    t.scalar(
        "name",
        source,
        norm(g.get("name")),
        norm(p.get("name")),
        same=lambda a, b: token_f1(a, b) >= 0.8,
    )
    t.sets(
        "reporters",
        source,
        {key(x) for x in g.get("reporters") or []},
        {key(x) for x in p.get("reporters") or []},
    )

    gc = {(key(c.get("organization")), c.get("date")): c for c in g.get("consultations") or []}
    pc = {(key(c.get("organization")), c.get("date")): c for c in p.get("consultations") or []}
    t.sets("consultations", source, set(gc), set(pc))
    for k in set(gc) & set(pc):
        t.scalar("consultation.role", source, key(gc[k].get("role")), key(pc[k].get("role")))
        t.scalar("consultation.public", source, gc[k].get("public"), pc[k].get("public"))

    gf, pf = g.get("finance") or {}, p.get("finance") or {}
    t.scalar("finance.impact", source, gf.get("impact"), pf.get("impact"))
    t.scalar("finance.in_budget", source, gf.get("in_budget"), pf.get("in_budget"))
    t.sets(
        "finance.amounts",
        source,
        {_amount(a) for a in gf.get("amounts") or []} - {None},
        {_amount(a) for a in pf.get("amounts") or []} - {None},
    )

    gp = {norm(x.get("number")): x for x in g.get("products") or []}
    pp = {norm(x.get("number")): x for x in p.get("products") or []}
    t.sets("products", source, set(gp) - {None}, set(pp) - {None})
    for number in (set(gp) & set(pp)) - {None}:
        t.scalar("product.name", source, key(gp[number].get("name")), key(pp[number].get("name")))

    g_res = " ".join(x.get("text", "") for x in g.get("resolution") or [])
    p_res = " ".join(x.get("text", "") for x in p.get("resolution") or [])
    if t.scored("resolution") and (g_res.strip() or p_res.strip()):
        t.report.resolution.append((source, token_f1(g_res, p_res)))
    gorg = [key(x.get("organization")) for x in g.get("resolution") or []]
    porg = [key(x.get("organization")) for x in p.get("resolution") or []]
    if any(gorg) or any(porg):
        t.sets("resolution.organization", source, set(gorg) - {None}, set(porg) - {None})

    if g.get("clean_text") and g.get("raw_text"):
        right, made, needed = ocr_counts(g["raw_text"], g["clean_text"], p.get("text") or "")
        t.report.ocr_right += right
        t.report.ocr_changed += made
        t.report.ocr_needed += needed


def _changed_words(raw: list[str], other: list[str]) -> dict[int, str]:
    """raw word index -> the word it became, for one-to-one replacements."""
    changed = {}
    matcher = difflib.SequenceMatcher(None, raw, other, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                changed[i1 + k] = other[j1 + k]
    return changed


def ocr_counts(raw: str, gold: str, pred: str) -> tuple[int, int, int]:
    """(right changes, changes made, changes needed), word by word."""
    r = tokens(raw)
    need = _changed_words(r, tokens(gold))
    made = _changed_words(r, tokens(pred))
    right = sum(1 for i, w in made.items() if need.get(i) == w)
    return right, len(made), len(need)
