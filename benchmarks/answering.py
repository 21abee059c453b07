"""Answering at one knowledge-base size (speed, quality, memory, ingest) and cold starts."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from benchmarks.common import ROOT, WORK, du, ms, peak_rss_mb


# --- one size, in its own process ------------------------------------------------------------------
def bench_size(size: int, quick: bool) -> dict[str, Any]:
    from benchmarks.generate import generate
    from chizi.assistant import Assistant
    from chizi.evaluate import load_questions, score
    from chizi.settings import Settings
    from retrieval.index import current_generation
    from retrieval.search import Searcher

    base = WORK / f"size-{size}"
    shutil.rmtree(base, ignore_errors=True)
    knowledge = base / "knowledge"
    files = generate(knowledge, max(0, size - 100))
    settings = Settings(data_dir=base / "var", knowledge_dir=knowledge)
    assistant = Assistant(settings)
    out: dict[str, Any] = {"size_target": size, "synthetic_files": files}

    first = assistant.ingest()
    out["chunks"] = first.chunks
    out["ingest_first"] = {
        "seconds": round(first.seconds, 2),
        "chunks_per_second": round(first.chunks_per_second, 1),
    }
    unchanged = assistant.ingest()
    out["ingest_unchanged"] = {
        "seconds": round(unchanged.seconds, 3),
        "share_of_first": round(unchanged.seconds / first.seconds, 4),
        "embedded": unchanged.added,
    }
    victim = knowledge / "docs" / "outlook-2013.en.md"
    victim.write_text(
        victim.read_text(encoding="utf-8") + "\nThe ministry will also open an online service hall.\n",
        encoding="utf-8",
    )
    one = assistant.ingest()
    out["ingest_one_file_changed"] = {
        "seconds": round(one.seconds, 2),
        "embedded": one.added,
        "deleted": one.deleted,
    }
    gen = current_generation(settings.index_dir)
    assert gen is not None
    out["index_bytes"] = du(gen)
    t = time.perf_counter()
    reopened = Searcher(gen, assistant.embeddings, assistant.kb.glossary)
    out["reopen_seconds"] = round(time.perf_counter() - t, 3)
    del reopened

    question_set = load_questions(ROOT / "evals" / "questions.yaml")
    questions = [d["q"] for d in question_set.items]
    assistant.answer(questions[0])  # warm: first use loads lazily-built pieces
    rounds = 1 if quick else 3
    latencies: list[float] = []
    stages: dict[str, list[float]] = {}
    embed_only: list[float] = []
    for _ in range(rounds):
        for q in questions:
            assistant.embeddings.clear_cache()  # every query pays its embedding, as new users' would
            t = time.perf_counter()
            answer = assistant.answer(q)
            latencies.append(time.perf_counter() - t)
            for k, v in answer.timings.items():
                stages.setdefault(k, []).append(v)
            assistant.embeddings.clear_cache()
            t = time.perf_counter()
            assistant.embeddings.embed_query(q)
            embed_only.append(time.perf_counter() - t)
    out["answer_latency_ms"] = ms(latencies)
    out["answers_per_second_sequential"] = round(len(latencies) / sum(latencies), 1)
    out["stages_ms_p50"] = {k: round(statistics.median(v) * 1000, 2) for k, v in stages.items()}
    out["query_embedding_floor_ms_p50"] = round(statistics.median(embed_only) * 1000, 2)

    def timed(q: str) -> float:
        t0 = time.perf_counter()
        assistant.answer(q)
        return time.perf_counter() - t0

    busy: list[float] = []
    elapsed = 0.0
    for _ in range(rounds):
        # Each round starts with no cached query vectors: every question pays its embedding once.
        assistant.embeddings.clear_cache()
        t = time.perf_counter()
        with ThreadPoolExecutor(max_workers=2) as pool:
            busy += list(pool.map(timed, questions))
        elapsed += time.perf_counter() - t
    out["answers_per_second_two_threads"] = round(len(busy) / elapsed, 1)
    out["answer_latency_two_threads_ms"] = ms(busy)

    quality: dict[str, Any] = {}
    locked = question_set.part("locked")
    keep = ("accuracy", "hit@1", "hit@5", "n", "answered", "wrong_answered")
    with assistant.frozen_clock(question_set.today):
        for fusion in ("rrf", "dense", "bm25"):
            res = score(assistant, locked, dataclasses.replace(assistant.weights, fusion=fusion))["locked"]
            groups = {**res["by_group"], "all": res["overall"]}
            quality[{"rrf": "hybrid"}.get(fusion, fusion)] = {
                g: {k: v for k, v in m.items() if k in keep} for g, m in groups.items()
            }
    out["quality"] = quality
    out["peak_rss_mb_whole_run"] = peak_rss_mb()
    # What a running assistant holds: a fresh process that opens the index and answers every question.
    out["peak_rss_mb"] = serve_rss_in_subprocess(base)
    return out


def serve_rss(base: Path) -> dict[str, float]:
    from chizi.assistant import Assistant
    from chizi.evaluate import load_questions
    from chizi.settings import Settings

    assistant = Assistant(Settings(data_dir=base / "var", knowledge_dir=base / "knowledge"))
    for item in load_questions(ROOT / "evals" / "questions.yaml").items:
        assistant.answer(item["q"])
    return {"peak_rss_mb": peak_rss_mb()}


# --- cold starts -----------------------------------------------------------------------------------
def cold_starts(data_dir: Path) -> dict[str, float]:
    env = {**os.environ, "CHIZI_DATA_DIR": str(data_dir)}
    chizi = str(Path(sys.executable).parent / "chizi")
    subprocess.run([chizi, "ingest"], env=env, cwd=ROOT, check=True, capture_output=True)
    t = time.perf_counter()
    subprocess.run(
        [chizi, "ask", "赤子计划是哪一年启动的？"], env=env, cwd=ROOT, check=True, capture_output=True
    )
    ask = time.perf_counter() - t

    async def until_first_poll() -> float:
        from testkit.fake_telegram import FakeTelegram

        fake = FakeTelegram("123456:COLD")
        polled = asyncio.Event()
        original = fake._dispatch

        async def spy(method: str, params: dict[str, Any]) -> Any:
            if method == "getUpdates":
                polled.set()
            return await original(method, params)

        fake._dispatch = spy  # type: ignore[method-assign]
        await fake.start()
        run_env = {**env, "TELEGRAM_BOT_TOKEN": fake.token, "TELEGRAM_API_URL": fake.url}
        t0 = time.perf_counter()
        proc = await asyncio.create_subprocess_exec(
            chizi,
            "run",
            env=run_env,
            cwd=str(ROOT),
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        try:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(polled.wait(), 120)
            return time.perf_counter() - t0
        finally:
            proc.terminate()
            await proc.wait()
            await fake.stop()

    run = asyncio.run(until_first_poll())
    return {"ask_seconds": round(ask, 2), "run_until_first_poll_seconds": round(run, 2)}


def serve_rss_in_subprocess(base: Path) -> float:
    """Peak memory of a fresh process that opens the index and answers: what a running assistant holds."""
    serving = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--serve-rss", str(base)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(json.loads(serving.stdout.strip().splitlines()[-1])["peak_rss_mb"])
