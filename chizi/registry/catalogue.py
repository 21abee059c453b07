"""The events catalogue, held in the database: imported from events.yaml, edited in the console.

An event imported from the file follows the file (re-imported when its entry changes, withdrawn when the
entry goes) until an organiser edits it in the console; from then on the console owns it."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.exc import IntegrityError

from chizi import db
from chizi.catalogue import Event as CatalogueEvent
from chizi.registry.base import Promotion, Refused
from chizi.registry.registrations import Registrations

CATALOGUE_LOCK = 0x43_68_69_7A_6A  # the advisory lock that serialises imports of events.yaml


def _definition(ev: CatalogueEvent) -> str:
    return json.dumps(ev.model_dump(mode="json", exclude={"status"}), ensure_ascii=False, sort_keys=True)


def _mirror(row: db.Event, ev: CatalogueEvent) -> None:
    """The columns the rules read (capacity, dates) follow the definition."""
    row.capacity = ev.capacity
    row.starts_at = ev.starts_at.astimezone(dt.UTC)
    row.deadline_at = ev.deadline_at.astimezone(dt.UTC)
    row.definition = _definition(ev)


class Catalogue(Registrations):
    """The events in the database: their definitions, their status, and the seats they have."""

    def sync_events(self, events: list[CatalogueEvent]) -> list[str]:
        """Import events.yaml (see the module's note); returns ids of events not announced before."""
        now = self.clock()
        with self._tx() as s:
            if self.engine.dialect.name == "postgresql":
                # Workers starting together import one at a time (SQLite's BEGIN IMMEDIATE does this).
                s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CATALOGUE_LOCK})
            known = {e.id: e for e in s.scalars(select(db.Event))}
            for ev in events:
                digest = hashlib.sha256(_definition(ev).encode()).hexdigest()
                row = known.get(ev.id)
                if row is None:
                    row = db.Event(id=ev.id, active=True, announced=False, status="open", origin="yaml")
                    s.add(row)
                elif row.origin != "yaml" or (row.seed_hash == digest and row.definition):
                    continue  # the console owns it, or its entry has not changed since the last import
                _mirror(row, ev)
                row.seed_hash, row.updated_at = digest, now
                if row.status != "cancelled":
                    row.active = True
            ids = {e.id for e in events}
            for row in known.values():
                if row.origin == "yaml" and row.id not in ids and row.active:
                    row.active, row.updated_at = False, now  # withdrawn from the file
            s.flush()
            return [
                r.id
                for r in s.scalars(select(db.Event).where(db.Event.announced.is_(False), db.Event.active))
            ]

    def catalogue(self) -> list[CatalogueEvent]:
        """Every event people can see (not withdrawn, not cancelled), soonest first."""
        return [e for e, status, _ in self.all_events() if status not in ("cancelled", "withdrawn")]

    def all_events(self) -> list[tuple[CatalogueEvent, str, str]]:
        """Every event with a definition, cancelled and withdrawn ones too: (event, status, origin)."""
        with self._sessions() as s:
            rows = s.scalars(
                select(db.Event).where(db.Event.definition.is_not(None)).order_by(db.Event.starts_at)
            ).all()
        out = []
        for r in rows:
            status = r.status if r.active or r.status == "cancelled" else "withdrawn"
            ev = CatalogueEvent.model_validate({**json.loads(r.definition or "{}"), "status": r.status})
            out.append((ev, status, r.origin))
        return out

    def catalogue_version(self) -> str:
        """Changes whenever an event or an organiser's answer changes: workers compare it to reload."""
        with self._sessions() as s:
            count, last = s.execute(select(func.count(), func.max(db.Event.updated_at))).one()
            answers = s.scalar(select(func.max(db.FaqAnswer.id)))
        return f"{count}:{last.isoformat() if last else ''}:{answers or 0}"

    def save_event(self, ev: CatalogueEvent, *, create: bool) -> list[Promotion]:
        """Create or change an event from the console; more seats go to the people waiting, in order.
        Refused: 'exists' (create with a taken id), 'unknown_event', 'cancelled', 'capacity_below_taken'."""
        now = self.clock()
        promotions: list[Promotion] = []
        try:
            return self._save_event(ev, create, now, promotions)
        except IntegrityError:  # two organisers created the same id at the same moment
            raise Refused("exists") from None

    def _save_event(
        self, ev: CatalogueEvent, create: bool, now: dt.datetime, promotions: list[Promotion]
    ) -> list[Promotion]:
        with self._tx() as s:
            row = self._lock_event(s, ev.id)
            if create:
                if row is not None:
                    raise Refused("exists")
                row = db.Event(id=ev.id, active=True, announced=False, status="open")
                _mirror(row, ev)
                s.add(row)
            elif row is None or row.definition is None:
                raise Refused("unknown_event")
            elif row.status == "cancelled":
                raise Refused("cancelled")
            taken = s.scalar(
                select(func.count()).where(
                    db.Registration.event_id == ev.id, db.Registration.status == "registered"
                )
            )
            if (taken or 0) > ev.capacity:
                raise Refused("capacity_below_taken")
            _mirror(row, ev)
            row.origin, row.updated_at, row.active = "console", now, True
            s.flush()
            while (promoted := self._promote(s, row, now)) is not None:
                promotions.append(promoted)
        return promotions

    def set_event_status(self, event_id: str, status: str) -> None:
        """Close registration early ('closed') or open it again ('open')."""
        if status not in ("open", "closed"):
            raise ValueError(status)
        with self._tx() as s:
            row = self._lock_event(s, event_id)
            if row is None or row.definition is None:
                raise Refused("unknown_event")
            if row.status == "cancelled":
                raise Refused("cancelled")
            row.status, row.updated_at = status, self.clock()

    def cancel_event(self, event_id: str) -> list[tuple[int, str]]:
        """Cancel the event: every registration and waitlist place ends, reminders go; returns who held
        one (user id, language), to be told."""
        now = self.clock()
        with self._tx() as s:
            row = self._lock_event(s, event_id)
            if row is None or row.definition is None:
                raise Refused("unknown_event")
            if row.status == "cancelled":
                raise Refused("cancelled")
            holders = s.execute(
                select(db.User.id, db.User.language)
                .join(db.Registration, db.Registration.user_id == db.User.id)
                .where(db.Registration.event_id == event_id, db.Registration.status != "cancelled")
            ).all()
            s.execute(
                update(db.Registration)
                .where(db.Registration.event_id == event_id, db.Registration.status != "cancelled")
                .values(status="cancelled", updated_at=now)
            )
            s.execute(delete(db.Reminder).where(db.Reminder.event_id == event_id))
            row.status, row.active, row.updated_at = "cancelled", False, now
            return [(int(u), str(lang)) for u, lang in holders]

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
