"""The previous question of a chat, so that "那天津呢？" or "and the deadline?" can lean on it.

Only the question's text (already scrubbed of e-mail addresses and phone numbers) and what it was
about (events, places, years, the attribute asked) are kept, for a short while, per chat. The
registry keeps them in the database for Telegram and `chizi chat`; tests and evaluation use memory.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import delete
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from chizi import db
from chizi.db import UNAVAILABLE

log = logging.getLogger("chizi.conversations")

# A follow-up leans on the previous question only while the conversation is fresh.
FRESH_FOR = dt.timedelta(minutes=30)


@dataclass(frozen=True)
class Turn:
    text: str
    frame: dict[str, Any]
    at: dt.datetime


class Conversations(Protocol):
    def recall(self, chat: str, now: dt.datetime) -> Turn | None: ...

    def remember(self, chat: str, turn: Turn) -> None: ...


class MemoryConversations:
    """Per-process memory of the last turn of each chat."""

    def __init__(self) -> None:
        self._turns: dict[str, Turn] = {}
        self._lock = threading.Lock()

    def recall(self, chat: str, now: dt.datetime) -> Turn | None:
        with self._lock:
            turn = self._turns.get(chat)
        return turn if turn and now - turn.at <= FRESH_FOR else None

    def remember(self, chat: str, turn: Turn) -> None:
        with self._lock:
            self._turns[chat] = turn


class SqlConversations:
    """The last turn of each chat in the database: a restart keeps the conversation."""

    def __init__(self, engine: Engine) -> None:
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def recall(self, chat: str, now: dt.datetime) -> Turn | None:
        try:
            return self._recall(chat, now)
        except UNAVAILABLE:  # the database is down: answer without the previous question
            log.warning("conversation store unavailable; answering without follow-up context")
            return None

    def _recall(self, chat: str, now: dt.datetime) -> Turn | None:
        with self._sessions() as s:
            row = s.get(db.ConversationTurn, chat)
        if row is None or now - row.at > FRESH_FOR:
            return None
        return Turn(row.text, json.loads(row.frame), row.at)

    def remember(self, chat: str, turn: Turn) -> None:
        try:
            self._remember(chat, turn)
        except UNAVAILABLE:
            log.warning("conversation store unavailable; this question is not kept for follow-ups")

    def _remember(self, chat: str, turn: Turn) -> None:
        with self._sessions.begin() as s:
            s.merge(db.ConversationTurn(chat=chat, text=turn.text, frame=json.dumps(turn.frame), at=turn.at))

    def forget(self, chat: str) -> None:
        with self._sessions.begin() as s:
            s.execute(delete(db.ConversationTurn).where(db.ConversationTurn.chat == chat))
