"""Limits every worker must share: the per-user flood throttle and Telegram's global send rate.

In one process they live in memory; with CHIZI_REDIS_URL several workers share them through Redis
(a sliding window per user, a fixed one-second window for all sends)."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import defaultdict, deque
from typing import Any

WINDOW = 60.0  # seconds a user's messages are counted over


class MemoryThrottle:
    """Messages per user in the last minute, in this process."""

    def __init__(self) -> None:
        self._recent: dict[int, deque[float]] = defaultdict(deque)

    async def count(self, user_id: int) -> int:
        now = time.monotonic()
        window = self._recent[user_id]
        while window and now - window[0] > WINDOW:
            window.popleft()
        window.append(now)
        return len(window)


class RedisThrottle:
    """The same count, kept in Redis so a user's messages are counted whichever worker gets them."""

    def __init__(self, client: Any, prefix: str = "chizi:throttle:") -> None:
        self._redis = client
        self._prefix = prefix

    async def count(self, user_id: int) -> int:
        key = f"{self._prefix}{user_id}"
        now = time.time()
        pipe = self._redis.pipeline(transaction=True)
        pipe.zremrangebyscore(key, 0, now - WINDOW)
        pipe.zadd(key, {f"{now}:{uuid.uuid4().hex[:8]}": now})
        pipe.zcard(key)
        pipe.expire(key, int(WINDOW) + 1)
        results = await pipe.execute()
        return int(results[2])


class RedisSendLimit:
    """At most `per_second` sends per second across all workers (Telegram allows ~30 per bot)."""

    def __init__(self, client: Any, per_second: int = 25, prefix: str = "chizi:sends:") -> None:
        self._redis = client
        self._per_second = per_second
        self._prefix = prefix

    async def acquire(self) -> None:
        while True:
            second = int(time.time())
            key = f"{self._prefix}{second}"
            pipe = self._redis.pipeline(transaction=True)
            pipe.incr(key)
            pipe.expire(key, 5)
            taken, _ = await pipe.execute()
            # A grant for a second already past is spent: on a loaded machine the reply can arrive in the
            # next second, where sending on it would exceed that second's share.
            if int(taken) <= self._per_second and int(time.time()) == second:
                return
            await asyncio.sleep(max(0.01, second + 1 - time.time()))


def redis_client(url: str) -> Any:
    import redis.asyncio

    return redis.asyncio.Redis.from_url(url)
