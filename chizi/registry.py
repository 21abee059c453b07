"""Registrations and everything organisers and scholars keep in the database: the business rules live here."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfoNotFoundError

from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from chizi import db
from chizi.knowledge import Event as CatalogueEvent
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


_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
_LIMITS = {"name": 120, "affiliation": 200, "field": 200}


def validate_field(field: str, raw: str) -> str | None:
    """One registration field, cleaned; raises InvalidInput with a reason code."""
    from chizi.text import clean

    value = clean(raw or "")
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
class DueReminder:
    id: int
    user_id: int
    event_id: str
    days_before: int
    language: str
    timezone: str | None  # the user's own zone, to show the start time in it


def _safe_cell(cell: str) -> str:
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


class Registry:
    """All writes go through short transactions; seat-taking locks the event row first."""

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

    # --- events ----------------------------------------------------------------------------------
    def sync_events(self, events: list[CatalogueEvent]) -> list[str]:
        """Mirror the catalogue's seats and dates; returns ids of events not announced before."""
        with self._tx() as s:
            known = {e.id: e for e in s.scalars(select(db.Event))}
            for ev in events:
                row = known.get(ev.id)
                if row is None:
                    s.add(
                        db.Event(
                            id=ev.id,
                            capacity=ev.capacity,
                            starts_at=ev.starts_at.astimezone(dt.UTC),
                            deadline_at=ev.deadline_at.astimezone(dt.UTC),
                            active=True,
                            announced=False,
                        )
                    )
                else:
                    row.capacity, row.active = ev.capacity, True
                    row.starts_at = ev.starts_at.astimezone(dt.UTC)
                    row.deadline_at = ev.deadline_at.astimezone(dt.UTC)
            ids = {e.id for e in events}
            for row in known.values():
                if row.id not in ids:
                    row.active = False
            s.flush()
            return [
                r.id
                for r in s.scalars(select(db.Event).where(db.Event.announced.is_(False), db.Event.active))
            ]

    def mark_announced(self, event_ids: list[str]) -> None:
        with self._tx() as s:
            s.execute(update(db.Event).where(db.Event.id.in_(event_ids)).values(announced=True))

    def seats(self, event_ids: Iterable[str]) -> dict[str, tuple[int, int]]:
        """event id -> (seats left, people waiting)."""
        ids = list(event_ids)
        with self._sessions() as s:
            caps = dict(s.execute(select(db.Event.id, db.Event.capacity).where(db.Event.id.in_(ids))).all())
            counts = s.execute(
                select(db.Registration.event_id, db.Registration.status, func.count())
                .where(db.Registration.event_id.in_(ids), db.Registration.status != "cancelled")
                .group_by(db.Registration.event_id, db.Registration.status)
            ).all()
        taken: dict[tuple[str, str], int] = {(e, st): n for e, st, n in counts}
        return {
            i: (max(0, caps.get(i, 0) - taken.get((i, "registered"), 0)), taken.get((i, "waitlisted"), 0))
            for i in ids
        }

    # --- registration ----------------------------------------------------------------------------
    def register(self, user_id: int, event_id: str, details: Details, *, waitlist_ok: bool = True) -> Outcome:
        """Take a seat, or a waitlist place when full. Refused: unknown, past, closed, duplicate, full."""
        now = self.clock()
        self.ensure_user(user_id)
        with self._tx() as s:
            ev = self._lock_event(s, event_id)
            if ev is None or not ev.active:
                raise Refused("unknown_event")
            if ev.starts_at <= now:
                raise Refused("past")
            if ev.deadline_at < now:
                raise Refused("closed")
            existing = s.scalars(
                select(db.Registration).where(
                    db.Registration.user_id == user_id, db.Registration.event_id == event_id
                )
            ).first()
            if existing is not None and existing.status != "cancelled":
                raise Refused("duplicate")
            taken = (
                s.scalar(
                    select(func.count()).where(
                        db.Registration.event_id == event_id, db.Registration.status == "registered"
                    )
                )
                or 0
            )
            status = "registered" if taken < ev.capacity else "waitlisted"
            if status == "waitlisted" and not waitlist_ok:
                raise Refused("full")
            if existing is None:
                existing = db.Registration(user_id=user_id, event_id=event_id, created_at=now)
                s.add(existing)
            existing.status = status
            existing.name, existing.affiliation = details.name, details.affiliation
            existing.field, existing.email = details.field, details.email
            existing.username = details.username
            existing.consent_at = existing.updated_at = now
            existing.created_at = now  # a re-registration after cancelling joins the back of the queue
            s.flush()
            if status == "registered":
                self._schedule(s, user_id, ev, now)
                return Outcome("registered")
            return Outcome("waitlisted", self._position(s, existing))

    def _position(self, s: Session, reg: db.Registration) -> int:
        return int(
            s.scalar(
                select(func.count()).where(
                    db.Registration.event_id == reg.event_id,
                    db.Registration.status == "waitlisted",
                    (db.Registration.created_at < reg.created_at)
                    | ((db.Registration.created_at == reg.created_at) & (db.Registration.id <= reg.id)),
                )
            )
            or 0
        )

    def _schedule(self, s: Session, user_id: int, ev: db.Event, now: dt.datetime) -> None:
        for days in self.reminder_days:
            due = ev.starts_at - dt.timedelta(days=days)
            if due > now:
                s.add(db.Reminder(user_id=user_id, event_id=ev.id, days_before=days, due_at=due))

    def cancel(self, user_id: int, event_id: str) -> Promotion | None:
        """Cancel a registration or waitlist place; the first person waiting takes a freed seat."""
        with self._tx() as s:
            return self._cancel(s, user_id, event_id, self.clock())

    def _cancel(self, s: Session, user_id: int, event_id: str, now: dt.datetime) -> Promotion | None:
        ev = self._lock_event(s, event_id)
        reg = s.scalars(
            select(db.Registration).where(
                db.Registration.user_id == user_id, db.Registration.event_id == event_id
            )
        ).first()
        if ev is None or reg is None or reg.status == "cancelled":
            raise Refused("not_registered")
        freed = reg.status == "registered"
        reg.status, reg.updated_at = "cancelled", now
        s.execute(delete(db.Reminder).where(db.Reminder.user_id == user_id, db.Reminder.event_id == event_id))
        s.flush()
        return self._promote(s, ev, now) if freed else None

    def _promote(self, s: Session, ev: db.Event, now: dt.datetime) -> Promotion | None:
        if ev.starts_at <= now:
            return None
        taken = (
            s.scalar(
                select(func.count()).where(
                    db.Registration.event_id == ev.id, db.Registration.status == "registered"
                )
            )
            or 0
        )
        if taken >= ev.capacity:
            return None
        nxt = s.scalars(
            select(db.Registration)
            .where(db.Registration.event_id == ev.id, db.Registration.status == "waitlisted")
            .order_by(db.Registration.created_at, db.Registration.id)
            .limit(1)
        ).first()
        if nxt is None:
            return None
        nxt.status, nxt.updated_at = "registered", now
        self._schedule(s, nxt.user_id, ev, now)
        user = s.get(db.User, nxt.user_id)
        return Promotion(nxt.user_id, ev.id, user.language if user else "en")

    def my_registrations(self, user_id: int) -> list[MyRegistration]:
        with self._sessions() as s:
            regs = s.scalars(
                select(db.Registration).where(
                    db.Registration.user_id == user_id, db.Registration.status != "cancelled"
                )
            ).all()
            return [
                MyRegistration(
                    r.event_id, r.status, self._position(s, r) if r.status == "waitlisted" else None
                )
                for r in regs
            ]

    def details(self, user_id: int, event_id: str) -> Details | None:
        """What the user gave when registering (or joining the waitlist) for the event."""
        with self._sessions() as s:
            reg = self._active(s, user_id, event_id)
            return Details(reg.name, reg.affiliation, reg.field, reg.email, reg.username) if reg else None

    def edit(self, user_id: int, event_id: str, field: str, raw: str) -> str | None:
        """Change one detail of a live registration, keeping its place; returns the cleaned value."""
        if field not in EDITABLE:
            raise InvalidInput(field, "unknown")
        value = validate_field(field, raw)
        with self._tx() as s:
            reg = self._active(s, user_id, event_id)
            if reg is None:
                raise Refused("not_registered")
            setattr(reg, field, value)
            reg.updated_at = self.clock()
        return value

    @staticmethod
    def _active(s: Session, user_id: int, event_id: str) -> db.Registration | None:
        return s.scalars(
            select(db.Registration).where(
                db.Registration.user_id == user_id,
                db.Registration.event_id == event_id,
                db.Registration.status != "cancelled",
            )
        ).first()

    def status(self, user_id: int, event_id: str) -> str | None:
        with self._sessions() as s:
            return s.scalar(
                select(db.Registration.status).where(
                    db.Registration.user_id == user_id,
                    db.Registration.event_id == event_id,
                    db.Registration.status != "cancelled",
                )
            )

    # --- drafts (conversation state) -------------------------------------------------------------
    def draft(self, user_id: int) -> tuple[str, str, dict[str, Any]] | None:
        with self._sessions() as s:
            d = s.get(db.Draft, user_id)
            return (d.flow, d.step, json.loads(d.data)) if d else None

    def save_draft(self, user_id: int, flow: str, step: str, data: dict[str, Any]) -> None:
        self.ensure_user(user_id)
        with self._tx() as s:
            d = s.get(db.Draft, user_id)
            if d is None:
                s.add(
                    db.Draft(
                        user_id=user_id,
                        flow=flow,
                        step=step,
                        data=json.dumps(data, ensure_ascii=False),
                        updated_at=self.clock(),
                    )
                )
            else:
                d.flow, d.step, d.data, d.updated_at = (
                    flow,
                    step,
                    json.dumps(data, ensure_ascii=False),
                    self.clock(),
                )

    def clear_draft(self, user_id: int) -> None:
        with self._tx() as s:
            s.execute(delete(db.Draft).where(db.Draft.user_id == user_id))

    # --- subscriptions ---------------------------------------------------------------------------
    def toggle_subscription(self, user_id: int, kind: str, value: str) -> bool:
        """Subscribe, or unsubscribe when already subscribed; returns whether now subscribed."""
        if kind not in ("region", "field"):
            raise InvalidInput("kind", "unknown")
        self.ensure_user(user_id)
        with self._tx() as s:
            gone = s.execute(
                delete(db.Subscription).where(
                    db.Subscription.user_id == user_id,
                    db.Subscription.kind == kind,
                    db.Subscription.value == value,
                )
            )
            if gone.rowcount:
                return False
            s.add(db.Subscription(user_id=user_id, kind=kind, value=value))
            return True

    def subscriptions(self, user_id: int) -> set[tuple[str, str]]:
        with self._sessions() as s:
            return {
                (k, v)
                for k, v in s.execute(
                    select(db.Subscription.kind, db.Subscription.value).where(
                        db.Subscription.user_id == user_id
                    )
                )
            }

    def subscribers_for(self, region: str, fields: Iterable[str]) -> list[tuple[int, str]]:
        """(user id, language) of everyone subscribed to the region or to any of the fields."""
        with self._sessions() as s:
            rows = s.execute(
                select(db.User.id, db.User.language)
                .join(db.Subscription, db.Subscription.user_id == db.User.id)
                .where(
                    ((db.Subscription.kind == "region") & (db.Subscription.value == region))
                    | ((db.Subscription.kind == "field") & (db.Subscription.value.in_(list(fields))))
                )
                .distinct()
            ).all()
            return [(int(u), str(lang)) for u, lang in rows]

    def registrants(self, event_id: str) -> list[tuple[int, str]]:
        with self._sessions() as s:
            rows = s.execute(
                select(db.User.id, db.User.language)
                .join(db.Registration, db.Registration.user_id == db.User.id)
                .where(db.Registration.event_id == event_id, db.Registration.status == "registered")
            ).all()
            return [(int(u), str(lang)) for u, lang in rows]

    # --- questions and votes ---------------------------------------------------------------------
    def log_question(self, user_id: int | None, text: str, language: str, answered: bool, route: str) -> int:
        if user_id is not None:
            self.ensure_user(user_id)
        with self._tx() as s:
            q = db.Question(
                user_id=user_id,
                text=text[:4000],
                language=language,
                answered=answered,
                route=route,
                created_at=self.clock(),
            )
            s.add(q)
            s.flush()
            return int(q.id)

    def vote(self, user_id: int, question_id: int, value: int) -> bool:
        """Record or change a vote on an answer the user was given; False if it was not theirs."""
        if value not in (1, -1):
            raise InvalidInput("vote", "value")
        with self._tx() as s:
            q = s.get(db.Question, question_id)
            if q is None or q.user_id != user_id:
                return False
            v = s.scalars(
                select(db.Vote).where(db.Vote.question_id == question_id, db.Vote.user_id == user_id)
            ).first()
            if v is None:
                s.add(db.Vote(question_id=question_id, user_id=user_id, value=value))
            else:
                v.value = value
            return True

    def unanswered(self, limit: int = 20) -> list[tuple[dt.datetime, str, str]]:
        with self._sessions() as s:
            rows = s.execute(
                select(db.Question.created_at, db.Question.language, db.Question.text)
                .where(db.Question.answered.is_(False), db.Question.route == "unknown")
                .order_by(db.Question.created_at.desc(), db.Question.id.desc())
                .limit(limit)
            ).all()
            return [(a, b, c) for a, b, c in rows]

    # --- organisers ------------------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        with self._sessions() as s:
            per_event = s.execute(
                select(db.Registration.event_id, db.Registration.status, func.count()).group_by(
                    db.Registration.event_id, db.Registration.status
                )
            ).all()
            answered = dict(
                s.execute(select(db.Question.answered, func.count()).group_by(db.Question.answered)).all()
            )
            votes = dict(s.execute(select(db.Vote.value, func.count()).group_by(db.Vote.value)).all())
            users = s.scalar(select(func.count()).select_from(db.User)) or 0
        events: dict[str, dict[str, int]] = {}
        for event_id, status, n in per_event:
            events.setdefault(event_id, {"registered": 0, "waitlisted": 0, "cancelled": 0})[status] = n
        return {
            "events": events,
            "questions_answered": answered.get(True, 0),
            "questions_unanswered": answered.get(False, 0),
            "votes_up": votes.get(1, 0),
            "votes_down": votes.get(-1, 0),
            "users": users,
        }

    def export_csv(
        self, event_id: str | None = None, catalogue: Iterable[CatalogueEvent] = (), language: str = "en"
    ) -> bytes:
        """Registrations as CSV, UTF-8 with BOM so spreadsheet programs show Chinese correctly.

        With the catalogue, each row also names its event and gives times in the event's zone beside UTC."""
        events = {e.id: e for e in catalogue}
        with self._sessions() as s:
            stmt = select(db.Registration).where(db.Registration.status != "cancelled")
            if event_id:
                stmt = stmt.where(db.Registration.event_id == event_id)
            regs = s.scalars(
                stmt.order_by(
                    db.Registration.event_id,
                    db.Registration.status,
                    db.Registration.created_at,
                    db.Registration.id,
                )
            ).all()
        buf = io.StringIO()
        out = csv.writer(buf)
        out.writerow(
            [
                "event_id",
                "event_title",
                "status",
                "name",
                "affiliation",
                "field",
                "email",
                "telegram_username",
                "registered_at_utc",
                "registered_at_local",
                "event_timezone",
            ]
        )
        for r in regs:
            event = events.get(r.event_id)
            local = r.created_at.astimezone(event.tz) if event else None
            row = [
                r.event_id,
                event.title(language) if event else "",
                r.status,
                r.name,
                r.affiliation,
                r.field,
                r.email or "",
                f"@{r.username}" if r.username else "",
                r.created_at.isoformat(timespec="seconds"),
                local.strftime("%Y-%m-%d %H:%M") if local else "",
                event.timezone if event else "",
            ]
            # A cell starting with = + - @ (or a tab or carriage return) would run as a formula in a
            # spreadsheet; a handle's own "@" is ours, so only what people typed is neutralised.
            out.writerow([_safe_cell(c) if i not in (7,) else c for i, c in enumerate(row)])
        return ("\ufeff" + buf.getvalue()).encode("utf-8")

    # --- broadcasts -------------------------------------------------------------------------------
    def start_broadcast(
        self,
        organiser_id: int,
        event_id: str,
        text_zh: str,
        text_en: str | None,
        recipients: Iterable[tuple[int, str]],
    ) -> int:
        """Store a broadcast and one pending delivery per recipient; returns its id."""
        now = self.clock()
        with self._tx() as s:
            b = db.Broadcast(
                event_id=event_id, organiser_id=organiser_id, text_zh=text_zh, text_en=text_en, created_at=now
            )
            s.add(b)
            s.flush()
            known = set(s.scalars(select(db.User.id)))
            for user_id, language in dict(recipients).items():
                if user_id in known:  # someone who asked to be forgotten meanwhile gets nothing
                    s.add(db.Delivery(broadcast_id=b.id, user_id=user_id, language=language, updated_at=now))
            return int(b.id)

    def next_delivery(self, broadcast_id: int) -> tuple[int, str] | None:
        """Claim the next pending copy (mark it 'sending' first); None when none is left."""
        with self._tx() as s:
            while True:
                row = s.execute(
                    select(db.Delivery.user_id, db.Delivery.language)
                    .where(db.Delivery.broadcast_id == broadcast_id, db.Delivery.status == "pending")
                    .order_by(db.Delivery.user_id)
                    .limit(1)
                ).first()
                if row is None:
                    return None
                claimed = s.execute(
                    update(db.Delivery)
                    .where(
                        db.Delivery.broadcast_id == broadcast_id,
                        db.Delivery.user_id == row[0],
                        db.Delivery.status == "pending",
                    )
                    .values(status="sending", updated_at=self.clock())
                )
                if claimed.rowcount:
                    return int(row[0]), str(row[1])

    def delivered(self, broadcast_id: int, user_id: int, status: str) -> None:
        """Record how a claimed copy went: sent, blocked (the user blocked the bot or is gone) or failed."""
        if status not in ("sent", "blocked", "failed"):
            raise ValueError(status)
        with self._tx() as s:
            s.execute(
                update(db.Delivery)
                .where(db.Delivery.broadcast_id == broadcast_id, db.Delivery.user_id == user_id)
                .values(status=status, updated_at=self.clock())
            )

    def finish_broadcast(self, broadcast_id: int) -> dict[str, Any] | None:
        """Close the broadcast; returns who got what (counts by status, sent copies by language), or None
        when another process closed it first (so exactly one report goes to the organiser)."""
        with self._tx() as s:
            closed = s.execute(
                update(db.Broadcast)
                .where(db.Broadcast.id == broadcast_id, db.Broadcast.finished_at.is_(None))
                .values(finished_at=self.clock())
            )
            if not closed.rowcount:
                return None
            rows = s.execute(
                select(db.Delivery.status, db.Delivery.language, func.count())
                .where(db.Delivery.broadcast_id == broadcast_id)
                .group_by(db.Delivery.status, db.Delivery.language)
            ).all()
        report: dict[str, Any] = {"sent": 0, "blocked": 0, "failed": 0, "sending": 0, "pending": 0}
        languages: dict[str, int] = {}
        for status, language, n in rows:
            report[status] = report.get(status, 0) + n
            if status == "sent":
                languages[language] = languages.get(language, 0) + n
        report["by_language"] = languages
        report["total"] = sum(n for _, _, n in rows)
        return report

    def unfinished_broadcasts(self) -> list[dict[str, Any]]:
        """Broadcasts a stopped process left half sent, oldest first."""
        with self._sessions() as s:
            return [
                {
                    "id": b.id,
                    "event_id": b.event_id,
                    "organiser_id": b.organiser_id,
                    "text_zh": b.text_zh,
                    "text_en": b.text_en,
                }
                for b in s.scalars(
                    select(db.Broadcast).where(db.Broadcast.finished_at.is_(None)).order_by(db.Broadcast.id)
                )
            ]

    # --- reminders -------------------------------------------------------------------------------
    def due_reminders(self, limit: int = 100) -> list[DueReminder]:
        now = self.clock()
        with self._sessions() as s:
            rows = s.execute(
                select(
                    db.Reminder.id,
                    db.Reminder.user_id,
                    db.Reminder.event_id,
                    db.Reminder.days_before,
                    db.User.language,
                    db.User.timezone,
                )
                .join(db.User, db.User.id == db.Reminder.user_id)
                .join(db.Event, db.Event.id == db.Reminder.event_id)
                .where(db.Reminder.sent_at.is_(None), db.Reminder.due_at <= now, db.Event.starts_at > now)
                .order_by(db.Reminder.due_at)
                .limit(limit)
            ).all()
            return [DueReminder(int(a), int(b), str(c), int(d), str(e), z) for a, b, c, d, e, z in rows]

    def claim_reminder(self, reminder_id: int) -> bool:
        """Mark as sent before sending: two processes never both send it, a restart never repeats it."""
        with self._tx() as s:
            res = s.execute(
                update(db.Reminder)
                .where(db.Reminder.id == reminder_id, db.Reminder.sent_at.is_(None))
                .values(sent_at=self.clock())
            )
            return bool(res.rowcount)

    def release_reminder(self, reminder_id: int) -> None:
        """Sending failed: put it back so the next run tries again."""
        with self._tx() as s:
            s.execute(update(db.Reminder).where(db.Reminder.id == reminder_id).values(sent_at=None))

    def pending_reminders(self) -> int:
        with self._sessions() as s:
            return int(s.scalar(select(func.count()).where(db.Reminder.sent_at.is_(None))) or 0)

    # --- privacy ---------------------------------------------------------------------------------
    def forget(self, user_id: int) -> list[Promotion]:
        """Delete everything stored about the user in one transaction; seats they held go to the people
        waiting. Either all of it is gone or nothing is."""
        promotions = []
        now = self.clock()
        with self._tx() as s:
            held = s.scalars(
                select(db.Registration.event_id).where(
                    db.Registration.user_id == user_id, db.Registration.status != "cancelled"
                )
            ).all()
            for event_id in held:
                promoted = self._cancel(s, user_id, event_id, now)
                if promoted:
                    promotions.append(promoted)
            # Votes on the user's questions go first: once the questions are gone nothing finds them.
            s.execute(
                delete(db.Vote).where(
                    db.Vote.question_id.in_(select(db.Question.id).where(db.Question.user_id == user_id))
                )
            )
            for model in (
                db.Vote,
                db.Reminder,
                db.Subscription,
                db.Draft,
                db.Registration,
                db.Question,
                db.Delivery,
            ):
                s.execute(delete(model).where(model.user_id == user_id))
            s.execute(delete(db.ConversationTurn).where(db.ConversationTurn.chat == str(user_id)))
            s.execute(delete(db.User).where(db.User.id == user_id))
        return promotions
