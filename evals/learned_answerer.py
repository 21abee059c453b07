"""An experiment, kept so that its figures can be re-measured: can a model learned on the tune part choose
the answering sentence, and decide between answering and declining, better than the hand-set rules?

    CHIZI_DATA_DIR=/tmp/v .venv/bin/python evals/learned_answerer.py

Every question of `evals/questions.yaml` is answered by the shipped assistant; where it reaches the
sentence composer, its candidate sentences are recorded with what the composer knows of each (rank,
fused and dense scores, word coverage, whether the sentence fits what is asked, …) plus the e5 cosine of
the question with the sentence itself. A candidate is labelled right when it holds every expected group.
Two models (a logistic regression and gradient-boosted trees, scikit-learn) are trained on the tune part;
each answers with its most probable sentence when that probability reaches a threshold. Threshold and
model are chosen by five-fold cross-validation over tune questions; the locked part is scored once, by
the shipped composer and by each model, on the same questions (those that reach the composer).

This is not used by the assistant: measured on 2026-11-29, both models lost to the rules on the locked
part (docs/evaluation.md, session 7), and again on 2026-12-07 with four times the tune data (session 21).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import chizi.assistant
from chizi.cli import _assistant
from chizi.evaluate import is_correct, load_questions
from chizi.settings import load_settings
from retrieval.compose import Candidate, Composed, candidates, dense_evidence
from retrieval.search import Searcher, SearchResult
from retrieval.tuning import Tuning
from retrieval.understand import Question

QUESTIONS = Path(__file__).with_name("questions.yaml")
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)


def features(c: Candidate, rank: int, result: SearchResult, tuning: Tuning, cosine: float) -> list[float]:
    """What the composer knows of one candidate sentence, as numbers."""
    top = result.hits[0].score if result.hits else 1.0
    return [
        c.score,
        c.hit.score / top,
        1.0 / (1 + rank),
        c.hit.dense_similarity,
        dense_evidence(c.hit, tuning, result.language),
        float(c.hit.bm25_rank is not None),
        c.lexical,
        float(c.fits),
        float(c.hit.chunk.language == result.language),
        min(len(c.sentence), 400) / 400,
        cosine,
    ]


def record(assistant: Any) -> list[dict[str, Any]]:
    """Answer every question once; keep the candidate pool of those that reach the composer."""
    compose = chizi.assistant.compose
    seen: list[tuple[Question, SearchResult, list[Candidate]]] = []

    def recording(
        q: Question, result: SearchResult, searcher: Searcher, tuning: Tuning | None = None
    ) -> Composed:
        seen.append((q, result, candidates(q, result, searcher, tuning or Tuning())))
        return compose(q, result, searcher, tuning)

    chizi.assistant.compose = recording  # type: ignore[assignment]  # the experiment's one hook
    questions = load_questions(QUESTIONS)
    vectors: dict[str, np.ndarray] = {}  # per sentence: the pools share a few hundred sentences

    def embedded(sentences: list[str]) -> list[np.ndarray]:
        new = [s for s in dict.fromkeys(sentences) if s not in vectors]
        if new:
            vectors.update(zip(new, np.asarray(assistant.embeddings.embed_documents(new)), strict=True))
        return [vectors[s] for s in sentences]

    rows = []
    with assistant.frozen_clock(questions.today):
        for n, item in enumerate(questions.items):
            for earlier in item["before"]:
                assistant.answer(earlier, chat=f"x-{n}")
            seen.clear()
            answer = assistant.answer(item["q"], chat=f"x-{n}")
            row: dict[str, Any] = {
                "item": item,
                "correct": is_correct(item, answer.answered, answer.answer),
                "answered": answer.answered,
                "pool": [],
            }
            if seen:
                _, result, pool = seen[-1]
                ranks = {id(h): i for i, h in enumerate(result.hits)}
                usable = [c for c in pool if not c.missing]  # a constraint failed: the rules decline
                if usable:
                    qv = np.asarray(assistant.embeddings.embed_query(item["q"]))
                    sv = embedded([c.sentence for c in usable])
                    row["pool"] = [
                        (
                            features(c, ranks[id(c.hit)], result, assistant.tuning, float(qv @ v)),
                            bool(item["answerable"]) and is_correct(item, True, c.sentence),
                        )
                        for c, v in zip(usable, sv, strict=True)
                    ]
                row["reached"] = True
            rows.append(row)
    chizi.assistant.compose = compose  # type: ignore[assignment]
    return [r for r in rows if r.get("reached")]


def model(kind: str) -> Any:
    if kind == "trees":
        return HistGradientBoostingClassifier(max_depth=3, learning_rate=0.05, max_iter=200)
    return make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))


def fit(kind: str, rows: list[dict[str, Any]]) -> Any:
    x = [f for r in rows for f, _ in r["pool"]]
    y = [label for r in rows for _, label in r["pool"]]
    return model(kind).fit(np.array(x), np.array(y))


def judged(m: Any, rows: list[dict[str, Any]], threshold: float) -> tuple[int, int]:
    """(right, answered but wrong) when the model answers with its likeliest sentence above `threshold`."""
    right = wrong = 0
    for r in rows:
        answerable = r["item"]["answerable"]
        if not r["pool"]:
            right += not answerable
            continue
        p = m.predict_proba(np.array([f for f, _ in r["pool"]]))[:, 1]
        best = int(p.argmax())
        answered = p[best] >= threshold
        ok = (answered and r["pool"][best][1]) if answerable else not answered
        right += ok
        wrong += answered and not ok
    return right, wrong


def main() -> None:
    assistant = _assistant(load_settings())
    assistant.ingest()
    rows = record(assistant)
    tune = [r for r in rows if r["item"]["split"] == "tune"]
    locked = [r for r in rows if r["item"]["split"] == "locked"]
    print(f"questions reaching the composer: tune {len(tune)}, locked {len(locked)}")
    folds = list(GroupKFold(n_splits=5).split(tune, groups=range(len(tune))))
    chosen: dict[str, tuple[float, float]] = {}  # kind -> (cross-validated accuracy, threshold)
    for kind in ("logistic", "trees"):
        for threshold in THRESHOLDS:
            right = 0
            for train, test in folds:
                m = fit(kind, [tune[i] for i in train])
                right += judged(m, [tune[i] for i in test], threshold)[0]
            share = right / len(tune)
            print(f"  tune, 5-fold: {kind:<8} threshold {threshold}: {share:.3f}")
            chosen[kind] = max(chosen.get(kind, (-1.0, 0.0)), (share, threshold))
    # Choice alone: where a right sentence is among the candidates, is it the one picked?
    with_right = [i for i, r in enumerate(tune) if any(label for _, label in r["pool"])]
    by_rule = sum(max(tune[i]["pool"], key=lambda p: p[0][0])[1] for i in with_right)  # feature 0: rule score
    by_model = 0
    for train, test in folds:
        m = fit("logistic", [tune[i] for i in train])
        for i in set(test) & set(with_right):
            p = m.predict_proba(np.array([f for f, _ in tune[i]["pool"]]))[:, 1]
            by_model += tune[i]["pool"][int(p.argmax())][1]
    print(
        f"  tune, right sentence picked where one exists: rules {by_rule}, logistic {by_model} of {len(with_right)}"
    )
    rules = sum(r["correct"] for r in locked)
    rules_wrong = sum(r["answered"] and not r["correct"] for r in locked)
    print(
        f"locked, the shipped rules: {rules}/{len(locked)} = {rules / len(locked):.3f}, {rules_wrong} wrong"
    )
    for kind, (_, threshold) in chosen.items():
        right, wrong = judged(fit(kind, tune), locked, threshold)
        print(
            f"locked, {kind} (threshold {threshold} from tune): {right}/{len(locked)} = "
            f"{right / len(locked):.3f}, {wrong} wrong"
        )


if __name__ == "__main__":
    main()
