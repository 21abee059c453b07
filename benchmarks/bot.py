"""The bot under load: simulated users on the fake Bot API, with and without Telegram's limiter."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

from benchmarks.common import ROOT, WORK, ms


# --- the bot under load ----------------------------------------------------------------------------
async def bench_bot(users: int, data_dir: Path, rate_limited: bool) -> dict[str, Any]:
    """Simulated users through the fake Bot API against the real Application: ask, then register."""
    from chizi.assistant import Assistant
    from chizi.db import make_engine, migrate
    from chizi.registry import Registry
    from chizi.settings import Settings
    from testkit import TOKEN, today
    from testkit.fake_telegram import FakeTelegram
    from testkit.harness import running_bot

    settings = Settings(data_dir=data_dir, knowledge_dir=ROOT / "knowledge")
    # The day the test suite runs on, before the 2027 sample events: registrations stay open whenever it runs.
    assistant = Assistant(settings, clock=today)
    assistant.ensure_index()
    db_path = data_dir / f"bot-{users}.db"
    db_path.unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{db_path}")
    migrate(engine)
    registry = Registry(engine, clock=today)
    fake = FakeTelegram(TOKEN)
    await fake.start()
    latencies: list[float] = []
    questions = [
        "What is the Chizi Plan?",
        "赤子计划是哪一年启动的？",
        "How many scholars did the Tianjin tour invite?",
        "杭州设立了几个海外人才联络站？",
    ]
    event_id = "sz-elite-week-2027"

    async def step(uid: int, action: str, payload: str) -> None:
        before = len(fake.sent_to(uid))
        t = time.perf_counter()
        if action == "text":
            await fake.send_text(uid, payload)
        else:
            await fake.press(uid, payload)
        await fake.wait(lambda: len(fake.sent_to(uid)) > before, within=120)
        latencies.append(time.perf_counter() - t)

    async def user(uid: int) -> None:
        await step(uid, "text", "/start")
        await step(uid, "text", questions[uid % len(questions)])
        for action, payload in [
            ("press", f"r:{event_id}"),
            ("text", f"User {uid}"),
            ("text", "Uni"),
            ("text", "Physics"),
            ("press", "rs:skip"),
            ("press", "rc:yes"),
            ("press", f"rf:{event_id}"),
        ]:
            await step(uid, action, payload)

    try:
        async with running_bot(fake, assistant, registry, reminder_interval=30, rate_limited=rate_limited):
            t = time.perf_counter()
            await asyncio.gather(*(user(1_000_000 + i) for i in range(users)))
            elapsed = time.perf_counter() - t
    finally:
        await fake.stop()
        assistant.close()
    regs = registry.stats()["events"].get(event_id, {})
    engine.dispose()
    updates = users * 9
    return {
        "telegram_rate_limit": rate_limited,
        "users": users,
        "updates": updates,
        "replies": len(latencies),
        "seconds": round(elapsed, 2),
        "updates_per_second": round(updates / elapsed, 1),
        "reply_latency_ms": ms(latencies),
        "updates_lost": updates - len(latencies),
        "registrations": regs.get("registered", 0) + regs.get("waitlisted", 0),
        "duplicates": max(0, regs.get("registered", 0) + regs.get("waitlisted", 0) - users),
    }


def run_bot_benchmarks(quick: bool) -> list[dict[str, Any]]:
    """Each load twice: as deployed (python-telegram-bot's limiter keeps to Telegram's ~30 messages/s)
    and without the limiter, which shows what the application itself can do."""
    loads = [10] if quick else [50, 200]
    return [asyncio.run(bench_bot(n, WORK / "bot", limited)) for limited in (True, False) for n in loads]
