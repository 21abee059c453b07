"""What operators graph: answers by route and their latency, registrations, sends that failed.

Prometheus counters in this process's default registry; every worker serves its own at /metrics."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

ANSWERS = Counter(
    "chizi_answers_total", "Questions answered, by route and whether answered", ["route", "answered"]
)
ANSWER_SECONDS = Histogram(
    "chizi_answer_seconds",
    "Time to answer one question (retrieval and composition, without Telegram)",
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
REGISTRATIONS = Counter("chizi_registrations_total", "Registrations taken, by outcome", ["status"])
SEND_FAILURES = Counter(
    "chizi_send_failures_total", "Messages Telegram did not deliver, by what and how", ["what", "kind"]
)
UPDATES = Counter("chizi_webhook_updates_total", "Webhook requests, by outcome", ["outcome"])
