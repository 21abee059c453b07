"""Seats, the waitlist, cancellations, promotions and the details people gave."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from chizi import db
from chizi.catalogue import registration_state
from chizi.registry.base import (
    EDITABLE,
    Details,
    InvalidInput,
    MyRegistration,
    Outcome,
    Promotion,
    Refused,
    Store,
    validate_field,
)


class Registrations(Store):
    """Seats, the waitlist, cancellations, promotions and the details people gave."""

    # --- registration ----------------------------------------------------------------------------
    def register(self, user_id: int, event_id: str, details: Details, *, waitlist_ok: bool = True) -> Outcome:
        """Take a seat, or a waitlist place when full. Refused: unknown, past, closed, duplicate, full."""
        now = self.clock()
        self.ensure_user(user_id)
        with self._tx() as s:
            ev = self._lock_event(s, event_id)
            if ev is None or not ev.active:
                raise Refused("unknown_event")
            state = registration_state(ev.status, ev.starts_at, ev.deadline_at, now)
            if state != "open":
                raise Refused("unknown_event" if state == "cancelled" else state)
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

    def registrants(self, event_id: str) -> list[tuple[int, str]]:
        with self._sessions() as s:
            rows = s.execute(
                select(db.User.id, db.User.language)
                .join(db.Registration, db.Registration.user_id == db.User.id)
                .where(db.Registration.event_id == event_id, db.Registration.status == "registered")
            ).all()
            return [(int(u), str(lang)) for u, lang in rows]

    # --- organisers' decisions ----------------------------------------------------------------------
    def promote_registration(self, event_id: str, registration_id: int) -> Promotion:
        """An organiser gives a waiting person a seat (even over capacity: the organiser's call)."""
        now = self.clock()
        with self._tx() as s:
            reg = s.get(db.Registration, registration_id)
            if reg is None or reg.event_id != event_id or reg.status != "waitlisted":
                raise Refused("not_waitlisted")
            ev = self._lock_event(s, reg.event_id)
            if ev is None or ev.starts_at <= now:
                raise Refused("past")
            reg.status, reg.updated_at = "registered", now
            self._schedule(s, reg.user_id, ev, now)
            user = s.get(db.User, reg.user_id)
            return Promotion(reg.user_id, ev.id, user.language if user else "en")

    def set_attended(self, event_id: str, registration_id: int, attended: bool) -> None:
        """Mark whether a registered person came."""
        with self._tx() as s:
            reg = s.get(db.Registration, registration_id)
            if reg is None or reg.event_id != event_id or reg.status != "registered":
                raise Refused("not_registered")
            reg.attended = attended
