"""`chizi eval`: hit@1, hit@5, MRR and answer accuracy on the development questions."""

from __future__ import annotations

import dataclasses
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from chizi.text import normalize
from retrieval.search import Weights

FUSIONS = ("rrf", "linear", "dense", "bm25")


def load_devset(path: Path) -> list[dict[str, Any]]:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    for i, item in enumerate(items, start=1):
        if "q" not in item or "lang" not in item:
            raise ValueError(f"{path.name}: question {i} needs q and lang")
        item.setdefault("answerable", True)
        item.setdefault("expect", [])
    return items


def is_correct(item: dict[str, Any], answered: bool, text: str) -> bool:
    if not item["answerable"]:
        return not answered
    if not answered:
        return False
    norm = normalize(text)
    return all(any(normalize(alt) in norm for alt in group.split("|")) for group in item["expect"])


def _rank(doc_ids: list[str], expected: str) -> int | None:
    seen: list[str] = []
    for d in doc_ids:
        if d not in seen:
            seen.append(d)
    return seen.index(expected) + 1 if expected in seen else None


def score(assistant: Any, items: list[dict[str, Any]], weights: Weights) -> dict[str, Any]:
    """Answer every question with `weights` and aggregate per language, per kind and per route."""
    searcher = assistant.index.get()
    rows = []
    for item in items:
        t = time.perf_counter()
        answer = assistant.answer(item["q"], weights=weights)
        elapsed = time.perf_counter() - t
        rank = None
        if item.get("doc"):
            result = searcher.search(item["q"], k=5, weights=weights)
            rank = _rank([h.chunk.doc_id for h in result.hits], item["doc"])
        rows.append(
            {
                "q": item["q"],
                "lang": item["lang"],
                "kind": item["kind"],
                "route": answer.route,
                "answered": answer.answered,
                "correct": is_correct(item, answer.answered, answer.answer),
                "doc": item.get("doc"),
                "rank": rank,
                "ms": round(elapsed * 1000, 1),
            }
        )
    return {
        "rows": rows,
        "by_language": _group(rows, "lang"),
        "by_kind": _group(rows, "kind"),
        "by_route": _group(rows, "route"),
        "overall": _group(rows, None)["all"],
    }


def _group(rows: list[dict[str, Any]], key: str | None) -> dict[str, dict[str, float]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        groups[r[key] if key else "all"].append(r)
    out = {}
    for name, rs in sorted(groups.items()):
        ranked = [r for r in rs if r["doc"]]
        out[name] = {
            "n": len(rs),
            "accuracy": round(sum(r["correct"] for r in rs) / len(rs), 4),
            "hit@1": round(sum(r["rank"] == 1 for r in ranked) / len(ranked), 4) if ranked else None,
            "hit@5": round(sum(r["rank"] is not None for r in ranked) / len(ranked), 4) if ranked else None,
            "mrr": round(sum(1 / r["rank"] for r in ranked if r["rank"]) / len(ranked), 4)
            if ranked
            else None,
        }
    return out


def _print_table(title: str, table: dict[str, dict[str, Any]]) -> None:
    print(f"\n{title}")
    print(f"  {'group':<14}{'n':>4}{'accuracy':>10}{'hit@1':>8}{'hit@5':>8}{'MRR':>8}")

    def fmt(v: Any) -> str:
        return "-" if v is None else f"{v:.3f}"

    for name, m in table.items():
        print(
            f"  {name:<14}{m['n']:>4}{fmt(m['accuracy']):>10}{fmt(m['hit@1']):>8}{fmt(m['hit@5']):>8}{fmt(m['mrr']):>8}"
        )


def run_eval(assistant: Any, devset: Path, fusions: bool = False) -> dict[str, Any]:
    items = load_devset(devset)
    report: dict[str, Any] = {
        "devset": str(devset),
        "questions": len(items),
        "weights": dataclasses.asdict(assistant.weights),
    }
    shipped = score(assistant, items, assistant.weights)
    report["shipped"] = shipped
    _print_table("By language (shipped hybrid retriever)", shipped["by_language"])
    _print_table("By kind of question", shipped["by_kind"])
    _print_table("By route taken", shipped["by_route"])
    wrong = [r for r in shipped["rows"] if not r["correct"]]
    if wrong:
        print("\nWrong answers:")
        for r in wrong:
            print(
                f"  [{r['lang']}/{r['kind']}] {r['q']}  -> route={r['route']} answered={r['answered']} rank={r['rank']}"
            )
    if fusions:
        report["compare"] = {}
        for name in FUSIONS:
            w = dataclasses.replace(assistant.weights, fusion=name)
            res = score(assistant, items, w)
            report["compare"][name] = {k: v for k, v in res.items() if k != "rows"}
            _print_table(f"Fusion {name!r} by language", res["by_language"])
    return report
