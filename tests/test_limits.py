"""Limits shared by workers through Redis (the machine's, on 127.0.0.1:6379): skipped without one."""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest

from chizi.assistant import Assistant
from chizi.limits import MemoryThrottle, RedisSendLimit, RedisThrottle, redis_client
from chizi.registry import Registry
from testkit.harness import running_bot

REDIS_URL = os.environ.get("CHIZI_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
async def redis() -> AsyncIterator[Any]:
    client = redis_client(REDIS_URL)
    try:
        await client.ping()
    except Exception as exc:
        await client.aclose()
        pytest.skip(f"no Redis at {REDIS_URL}: {exc.__class__.__name__}")
    yield client
    await client.aclose()


async def test_a_users_messages_are_counted_together_whichever_worker_gets_them(redis: Any) -> None:
    prefix = f"test:{uuid.uuid4().hex}:"
    first, second = RedisThrottle(redis, prefix), RedisThrottle(redis, prefix)
    counts = [await (first if i % 2 else second).count(42) for i in range(6)]
    assert counts == [1, 2, 3, 4, 5, 6]
    assert await first.count(43) == 1  # another user has their own window


async def test_one_process_counts_in_memory_the_same_way() -> None:
    throttle = MemoryThrottle()
    assert [await throttle.count(7) for _ in range(3)] == [1, 2, 3]


async def test_two_workers_together_send_no_more_than_the_shared_limit_per_second(redis: Any) -> None:
    prefix = f"test:{uuid.uuid4().hex}:"
    workers = [RedisSendLimit(redis, per_second=10, prefix=prefix) for _ in range(2)]
    started = time.monotonic()
    stamps: list[float] = []

    async def send(worker: RedisSendLimit) -> None:
        await worker.acquire()
        stamps.append(time.time())

    await asyncio.gather(*(send(workers[i % 2]) for i in range(25)))
    per_second: dict[int, int] = {}
    for stamp in stamps:
        per_second[int(stamp)] = per_second.get(int(stamp), 0) + 1
    assert max(per_second.values()) <= 10
    assert time.monotonic() - started >= 1.0  # 25 sends at 10/s need at least two more seconds' windows


async def test_the_bot_throttles_a_flood_through_redis(
    telegram: Any, assistant: Assistant, registry: Registry, redis: Any
) -> None:
    await redis.delete("chizi:throttle:701")
    async with running_bot(telegram, assistant, registry, throttle_per_minute=3, redis_url=REDIS_URL):
        for _ in range(6):
            await telegram.send_text(701, "hello")
        await telegram.wait(lambda: len(telegram.texts_to(701)) >= 4)
        await asyncio.sleep(0.5)
        counted = await redis.zcard("chizi:throttle:701")
    texts = telegram.texts_to(701)
    assert sum("too quickly" in t for t in texts) == 1
    assert sum(t.startswith("Hello!") for t in texts) == 3
    assert counted == 6  # the window lives in Redis, where every worker sees it
