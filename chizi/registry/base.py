"""What every part of the registry shares: the clock, the refusals, the transaction, the users."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfoNotFoundError

from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from chizi import db
from chizi.timezones import zone

Clock = Callable[[], dt.datetime]


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Refused(Exception):
    """A request the rules do not allow; `reason` is a stable code the doors turn into words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class InvalidInput(ValueError):
    """A field the user typed is not acceptable; `field` and `reason` say which and why."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain(text: str) -> str:
    """What a person typed, without invisible or control characters, white space folded. (The events
    side keeps its own three lines rather than reach into the Q&A side's text module.)"""
    return re.sub(r"\s+", " ", _CONTROL.sub(" ", _INVISIBLE.sub("", text))).strip()


_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
_LIMITS = {"name": 120, "affiliation": 200, "field": 200}


def validate_field(field: str, raw: str) -> str | None:
    """One registration field, cleaned; raises InvalidInput with a reason code."""
    value = plain(raw or "")
    if field == "email":
        if value.lower() in {"", "-", "skip", "跳过", "无"}:
            return None
        if len(value) > 254 or not _EMAIL.match(value):
            raise InvalidInput(field, "email")
        return value
    if not value:
        raise InvalidInput(field, "empty")
    if len(value) > _LIMITS[field]:
        raise InvalidInput(field, "too_long")
    if field == "name" and (
        len(value) < 2 or not re.search(r"\w", value) or re.search(r"[<>/\\{}@]|https?:", value)
    ):
        raise InvalidInput(field, "name")
    if field != "name" and not re.search(r"\w", value):
        raise InvalidInput(field, "empty")
    return value


@dataclass(frozen=True)
class Details:
    name: str
    affiliation: str
    field: str
    email: str | None
    username: str | None = None  # the registrant's public Telegram @handle, if they have one


EDITABLE = ("affiliation", "field", "email")


@dataclass(frozen=True)
class Outcome:
    status: str  # registered | waitlisted
    position: int | None = None  # place on the waitlist


@dataclass(frozen=True)
class Promotion:
    user_id: int
    event_id: str
    language: str


@dataclass(frozen=True)
class MyRegistration:
    event_id: str
    status: str
    position: int | None


@dataclass(frozen=True)
class OrganiserAnswer:
    id: int
    question: str
    answer_zh: str
    answer_en: str


@dataclass(frozen=True)
class DueReminder:
    id: int
    user_id: int
    event_id: str
    days_before: int
    language: str
    timezone: str | None  # the user's own zone, to show the start time in it


def _safe_cell(cell: str) -> str:
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


class Store:
    """The database and clock every part of the registry shares, and the users they all refer to.

    All writes go through short transactions; seat-taking locks the event row first."""

    def __init__(
        self, engine: Engine, *, clock: Clock = utcnow, reminder_days: Iterable[int] = (3, 1)
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.reminder_days = tuple(reminder_days)
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def _tx(self) -> Any:
        return self._sessions.begin()

    def _lock_event(self, s: Session, event_id: str) -> db.Event | None:
        stmt = select(db.Event).where(db.Event.id == event_id)
        if self.engine.dialect.name != "sqlite":  # SQLite's BEGIN IMMEDIATE already holds the write lock
            stmt = stmt.with_for_update()
        return s.scalars(stmt).first()

    # --- users -----------------------------------------------------------------------------------
    def ensure_user(self, user_id: int, language: str | None = None) -> str:
        """Create the user on first contact; returns the stored interface language."""
        with self._sessions() as s:  # the common case reads only, so it never waits for the write lock
            known = s.get(db.User, user_id)
            if known is not None:
                return known.language
        with self._tx() as s:
            user = s.get(db.User, user_id)
            if user is None:
                user = db.User(
                    id=user_id,
                    language=language if language in ("zh", "en") else "en",
                    created_at=self.clock(),
                )
                s.add(user)
                try:
                    s.flush()
                except IntegrityError:  # created by a concurrent update of the same user
                    s.rollback()
                    return self.language(user_id)
            return user.language

    def language(self, user_id: int) -> str:
        with self._sessions() as s:
            user = s.get(db.User, user_id)
            return user.language if user else "en"

    def set_language(self, user_id: int, language: str) -> None:
        if language not in ("zh", "en"):
            raise InvalidInput("language", "unknown")
        self.ensure_user(user_id, language)
        with self._tx() as s:
            s.execute(update(db.User).where(db.User.id == user_id).values(language=language))

    def timezone(self, user_id: int) -> str | None:
        with self._sessions() as s:
            user = s.get(db.User, user_id)
            return user.timezone if user else None

    def set_timezone(self, user_id: int, zone_name: str | None) -> None:
        """Store the user's zone (a name `chizi.timezones.resolve_zone` gave), or forget it with None."""
        if zone_name is not None:
            try:
                zone(zone_name)
            except (ValueError, KeyError, ZoneInfoNotFoundError):
                raise InvalidInput("timezone", "unknown") from None
        self.ensure_user(user_id)
        with self._tx() as s:
            s.execute(update(db.User).where(db.User.id == user_id).values(timezone=zone_name))
