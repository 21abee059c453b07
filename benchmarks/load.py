"""The bot under load: bursts of 50 and 200 users, a steady 20 updates/s for a minute, and an ingest
published while it answers. Prints and writes figures; `make bench-load`.

Each simulated user asks a question and registers (9 updates) through the fake Bot API against the
real Application with Telegram's rate limits on, on SQLite, with the shipped encoder. What a user pays
is measured: from the update reaching the Bot API to the bot's reply arriving there."""

from __future__ import annotations

import asyncio
import json
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "work" / "load"
RESULTS = ROOT / "benchmarks" / "results"
EVENT = "sz-elite-week-2027"
QUESTIONS = [
    "What is the Chizi Plan?",
    "赤子计划是哪一年启动的？",
    "How many scholars did the Tianjin tour invite?",
    "杭州设立了几个海外人才联络站？",
    "苏州精英周还有名额吗",
    "What's on in July?",
]
SCRIPT = [
    ("text", "/start"),
    ("text", None),  # a question
    ("press", f"r:{EVENT}"),
    ("text", "Load Tester"),
    ("text", "Uni"),
    ("text", "Physics"),
    ("press", "rs:skip"),
    ("press", "rc:yes"),
    ("press", f"rf:{EVENT}"),
]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1) if ordered else 0.0


async def run(users: int, arrivals_per_second: float | None, ingest_at: float | None) -> dict[str, Any]:
    """`users` users, all at once (None) or arriving at a steady rate; optionally an ingest meanwhile."""
    from chizi.assistant import Assistant
    from chizi.db import make_engine, migrate
    from chizi.registry import Registry
    from chizi.settings import Settings
    from testkit import TOKEN, today
    from testkit.fake_telegram import FakeTelegram
    from testkit.harness import running_bot

    data = WORK / f"run-{users}-{arrivals_per_second}"
    shutil.rmtree(data, ignore_errors=True)
    knowledge = data / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    assistant = Assistant(Settings(data_dir=data / "var", knowledge_dir=knowledge), clock=today)
    assistant.ensure_index()
    engine = make_engine(f"sqlite:///{data / 'bot.db'}")
    migrate(engine)
    registry = Registry(engine, clock=today)
    fake = FakeTelegram(TOKEN)
    await fake.start()
    latencies: list[float] = []
    lost = 0
    errors = 0

    async def user(uid: int) -> None:
        nonlocal lost
        for action, payload in SCRIPT:
            before = len(fake.screen(uid))
            started = time.perf_counter()
            if action == "text":
                await fake.send_text(uid, payload or QUESTIONS[uid % len(QUESTIONS)])
            else:
                await fake.press(uid, str(payload))
            try:
                await fake.wait(lambda u=uid, b=before: len(fake.screen(u)) > b, within=120)
            except AssertionError:
                lost += 1
                return
            latencies.append(time.perf_counter() - started)

    generations: list[str] = []

    async def ingest_later() -> None:
        assert ingest_at is not None
        await asyncio.sleep(ingest_at)
        note = knowledge / "docs" / "load-note.en.md"
        note.write_text(
            "---\nid: load-note\ntitle: Load note\ndate: 2026-11-01\nsource: test\nlanguage: en\n---\n"
            "The liaison office answers enquiries on Thursdays.\n",
            encoding="utf-8",
        )
        generations.append(assistant.index.get().generation)
        report = await asyncio.to_thread(assistant.ingest)
        generations.append(report.generation)

    try:
        async with running_bot(fake, assistant, registry, reminder_interval=30):
            started = time.perf_counter()
            tasks = []
            side = asyncio.create_task(ingest_later()) if ingest_at is not None else None
            for i in range(users):
                tasks.append(asyncio.create_task(user(2_000_000 + i)))
                if arrivals_per_second:
                    await asyncio.sleep(1 / arrivals_per_second)
            await asyncio.gather(*tasks)
            if side:
                await side
            elapsed = time.perf_counter() - started
            errors = sum(
                "something went wrong" in m for i in range(users) for m in fake.texts_to(2_000_000 + i)
            )
    finally:
        await fake.stop()
        assistant.close()
    counts = registry.stats()["events"].get(EVENT, {})
    taken = counts.get("registered", 0) + counts.get("waitlisted", 0)
    per_user = [len([r for r in registry.my_registrations(2_000_000 + i)]) for i in range(users)]
    engine.dispose()
    updates = users * len(SCRIPT)
    return {
        "users": users,
        "arrivals_per_second": arrivals_per_second,
        "updates": updates,
        "seconds": round(elapsed, 1),
        "updates_per_second": round(updates / elapsed, 1),
        "reply_ms": {
            "p50": pct(latencies, 0.5),
            "p95": pct(latencies, 0.95),
            "max": pct(latencies, 1.0),
            "mean": round(1000 * statistics.fmean(latencies), 1) if latencies else 0,
        },
        "updates_lost": updates - len(latencies),
        "users_cut_short": lost,
        "error_replies": errors,
        "registrations": taken,
        "duplicate_registrations": sum(max(0, n - 1) for n in per_user),
        "ingest_generations": generations,
    }


def main() -> None:
    quick = "--quick" in sys.argv
    WORK.mkdir(parents=True, exist_ok=True)
    runs = (
        [(10, None, None), (18, 20 / len(SCRIPT), 2.0)]
        if quick
        else [(50, None, None), (200, None, None), (int(60 * 20 / len(SCRIPT)), 20 / len(SCRIPT), 20.0)]
    )
    results = []
    for users, rate, ingest_at in runs:
        label = f"{users} users " + (f"arriving at {rate * len(SCRIPT):.0f} updates/s" if rate else "at once")
        print(f"[load] {label}{', with an ingest meanwhile' if ingest_at else ''} …", flush=True)
        out = asyncio.run(run(users, rate, ingest_at))
        results.append(out)
        print(
            f"[load]   {out['updates']} updates in {out['seconds']} s ({out['updates_per_second']}/s): "
            f"reply p50 {out['reply_ms']['p50']} ms, p95 {out['reply_ms']['p95']} ms; lost {out['updates_lost']}, "
            f"duplicate registrations {out['duplicate_registrations']}, error replies {out['error_replies']}"
            + (f", generations {' → '.join(out['ingest_generations'])}" if out["ingest_generations"] else ""),
            flush=True,
        )
    RESULTS.mkdir(parents=True, exist_ok=True)
    target = RESULTS / ("load-quick.json" if quick else "load.json")
    target.write_text(
        json.dumps({"when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "runs": results}, indent=1)
    )
    print(f"[load] wrote {target}", flush=True)
    # The figures are for reading; loss is a failure (CI runs the quick load on every change).
    broken = [r for r in results if r["updates_lost"] or r["duplicate_registrations"] or r["error_replies"]]
    if broken:
        raise SystemExit(
            f"[load] FAILED: {len(broken)} run(s) lost updates, duplicated registrations or erred"
        )


if __name__ == "__main__":
    main()
