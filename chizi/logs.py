"""Logging that never carries a bot token or an e-mail address, whatever a library puts in a record."""

from __future__ import annotations

import logging
import re
import sys
from typing import TextIO

# Bot API tokens ("123456789:AA…", also inside /bot<token>/ URLs) and e-mail addresses.
_TOKEN = re.compile(r"(?<!\d)\d{5,}:[A-Za-z0-9_-]{20,}")
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{1,190}")  # bounded: linear on long lines
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def redact(text: str) -> str:
    return _EMAIL.sub("<email>", _TOKEN.sub("<token>", text))


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then removes secrets and personal data from the whole line and its traceback."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def configure(level: int = logging.WARNING, stream: TextIO | None = None) -> logging.Handler:
    """One handler on the root logger, redacting; noisy libraries kept at WARNING (httpx logs URLs with
    the token at INFO)."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(RedactingFormatter(FORMAT))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in (
        "httpx",
        "httpcore",
        "chromadb",
        "sentence_transformers",
        "transformers",
        "bm25s",
        "uvicorn",
    ):
        logging.getLogger(name).setLevel(logging.WARNING)
    # python-telegram-bot logs whole updates (what people typed, their names) at DEBUG: never below INFO.
    logging.getLogger("telegram").setLevel(max(level, logging.INFO))
    return handler
