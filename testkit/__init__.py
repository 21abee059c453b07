"""Test doubles and drivers shared by the tests and the benchmarks: the fake Bot API, the chat driver, the
bot and console runners, and the fixed clock they run on. Nothing in the product imports this."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456:TEST-token-not-secret"
ADMIN = 900_000_001
# Tests and benchmarks run on a fixed day before the 2027 sample events, so they stay green as the real
# date passes them.
TODAY = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def today() -> dt.datetime:
    return TODAY
