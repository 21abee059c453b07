"""`chizi eval`: answer accuracy, wrong-but-answered and hit@k on the question set, per split and kind.

The question set (`evals/questions.yaml`) has a `tune` part, on which thresholds and weights may be
chosen, and a `locked` part that is only ever reported. Both are always reported side by side.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from retrieval.search import Weights
from retrieval.text import normalize

FUSIONS = ("rrf", "linear", "dense", "bm25")
KINDS = ("fact", "event", "howto", "followup", "unanswerable", "out_of_scope", "injection")


@dataclasses.dataclass(frozen=True)
class QuestionSet:
    today: dt.datetime
    items: list[dict[str, Any]]

    def part(self, split: str | None) -> list[dict[str, Any]]:
        return [i for i in self.items if split in (None, "all", i["split"])]


def load_questions(path: Path) -> QuestionSet:
    """Read and check the question set; every problem names the question."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    today = data.get("today")
    if isinstance(today, str):
        today = dt.datetime.fromisoformat(today)
    if not isinstance(today, dt.datetime) or today.tzinfo is None:
        raise ValueError(
            f"{path.name}: `today` must be a date-time with a zone, e.g. 2026-12-01T09:00:00+00:00"
        )
    items = data["questions"]
    for n, item in enumerate(items, start=1):
        missing = [k for k in ("q", "lang", "kind", "split") if k not in item]
        if missing:
            raise ValueError(f"{path.name}: question {n} ({item.get('q')!r}) lacks {', '.join(missing)}")
        if item["kind"] not in KINDS or item["split"] not in ("tune", "locked"):
            raise ValueError(f"{path.name}: question {n} ({item['q']!r}) has an unknown kind or split")
        item.setdefault("answerable", True)
        item.setdefault("expect", [])
        item.setdefault("before", [])
        item.setdefault("style", "plain")
        if item["answerable"] and not item["expect"]:
            raise ValueError(f"{path.name}: question {n} ({item['q']!r}) is answerable but expects nothing")
    return QuestionSet(today, items)


def group_of(item: dict[str, Any]) -> str:
    """The language group a question is reported under: zh, zh-hant (traditional) or en."""
    return "zh-hant" if item.get("style") == "traditional" else item["lang"]


def is_correct(item: dict[str, Any], answered: bool, text: str) -> bool:
    if not item["answerable"]:
        return not answered
    if not answered:
        return False
    norm = normalize(text)
    if any(normalize(word) in norm for word in item.get("reject", [])):
        return False  # "what's on in May" answered with every event of the year names some it must not
    return all(any(normalize(alt) in norm for alt in group.split("|")) for group in item["expect"])


def _rank(doc_ids: list[str], expected: str) -> int | None:
    seen: list[str] = []
    for d in doc_ids:
        if d not in seen:
            seen.append(d)
    return seen.index(expected) + 1 if expected in seen else None


Ask = Callable[[str, str, Weights], Any]


def score(
    assistant: Any, items: list[dict[str, Any]], weights: Weights, ask: Ask | None = None
) -> dict[str, Any]:
    """Answer every question (each in a chat of its own, after its `before` turns) and aggregate."""
    searcher = assistant.index.get()

    def default_ask(text: str, chat: str, w: Weights) -> Any:
        return assistant.answer(text, weights=w, chat=chat)

    ask = ask or default_ask
    rows = []
    # Chats of this run's own: a data directory keeps every chat's last question, and a second run reusing
    # the names would read each question as a follow-up of the first run's.
    run = uuid.uuid4().hex[:8]
    for n, item in enumerate(items):
        chat = f"eval-{run}-{n}"
        for earlier in item["before"]:
            ask(earlier, chat, weights)
        t = time.perf_counter()
        answer = ask(item["q"], chat, weights)
        elapsed = time.perf_counter() - t
        rank = None
        if item.get("doc"):
            result = searcher.search(item["q"], k=5, weights=weights)
            rank = _rank([h.chunk.doc_id for h in result.hits], item["doc"])
        correct = is_correct(item, answer.answered, answer.answer)
        rows.append(
            {
                "q": item["q"],
                "lang": item["lang"],
                "group": group_of(item),
                "kind": item["kind"],
                "split": item["split"],
                "route": answer.route,
                "answered": answer.answered,
                "correct": correct,
                "wrong_answered": answer.answered and not correct,
                "doc": item.get("doc"),
                "rank": rank,
                "ms": round(elapsed * 1000, 1),
                "answer": answer.answer[:300],
            }
        )
    report: dict[str, Any] = {"rows": rows}
    for split in ("tune", "locked"):
        part = [r for r in rows if r["split"] == split]
        report[split] = {
            "overall": _group(part, None)["all"] if part else {},
            "by_group": _group(part, "group"),
            "by_kind": _group(part, "kind"),
            "by_route": _group(part, "route"),
        }
    return report


def _group(rows: list[dict[str, Any]], key: str | None) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        groups[r[key] if key else "all"].append(r)
    out = {}
    for name, rs in sorted(groups.items()):
        ranked = [r for r in rs if r["doc"]]
        answered = sum(r["answered"] for r in rs)
        out[name] = {
            "n": len(rs),
            "accuracy": round(sum(r["correct"] for r in rs) / len(rs), 4),
            "answered": answered,
            "wrong_answered": sum(r["wrong_answered"] for r in rs),
            "wrong_share": round(sum(r["wrong_answered"] for r in rs) / answered, 4) if answered else 0.0,
            "hit@1": round(sum(r["rank"] == 1 for r in ranked) / len(ranked), 4) if ranked else None,
            "hit@5": round(sum(r["rank"] is not None for r in ranked) / len(ranked), 4) if ranked else None,
        }
    return out


def print_table(title: str, table: dict[str, dict[str, Any]]) -> None:
    print(f"\n{title}")
    print(f"  {'group':<14}{'n':>4}{'accuracy':>10}{'wrong/answered':>16}{'hit@1':>8}{'hit@5':>8}")

    def fmt(v: Any) -> str:
        return "-" if v is None else f"{v:.3f}"

    for name, m in table.items():
        wrong = f"{m['wrong_answered']}/{m['answered']}"
        print(
            f"  {name:<14}{m['n']:>4}{fmt(m['accuracy']):>10}{wrong:>16}{fmt(m['hit@1']):>8}{fmt(m['hit@5']):>8}"
        )


def print_report(report: dict[str, Any], show_wrong: str | None = "tune") -> None:
    """Both parts side by side; the wrong answers are listed for the tune part only (the locked part is
    looked at as figures, so that nobody tunes on its questions)."""
    for split in ("tune", "locked"):
        part = report[split]
        if not part["overall"]:
            continue
        print_table(f"{split.upper()} part by language", {**part["by_group"], "all": part["overall"]})
        print_table(f"{split.upper()} part by kind", part["by_kind"])
    if show_wrong:
        wrong = [r for r in report["rows"] if not r["correct"] and show_wrong in ("all", r["split"])]
        if wrong:
            print(f"\nWrong replies ({show_wrong} part):")
            for r in wrong:
                print(
                    f"  [{r['group']}/{r['kind']}] {r['q']}  -> {r['route']} answered={r['answered']} rank={r['rank']}"
                )
                print(f"      {r['answer'][:160]!r}")


def run_eval(
    assistant: Any, path: Path, fusions: bool = False, split: str = "all", show_wrong: str | None = "tune"
) -> dict[str, Any]:
    questions = load_questions(path)
    items = questions.part(split)
    report: dict[str, Any] = {
        "questions": str(path),
        "n": len(items),
        "today": questions.today.isoformat(),
        "weights": dataclasses.asdict(assistant.weights),
    }
    with assistant.frozen_clock(questions.today):
        shipped = score(assistant, items, assistant.weights)
        report["shipped"] = shipped
        print_report(shipped, show_wrong)
        if fusions:
            report["compare"] = {}
            for name in FUSIONS:
                res = score(assistant, items, dataclasses.replace(assistant.weights, fusion=name))
                report["compare"][name] = {k: v for k, v in res.items() if k != "rows"}
                for part in ("tune", "locked"):
                    if res[part]["overall"]:
                        print_table(f"Fusion {name!r}, {part} part", res[part]["by_group"])
    return report
