"""The events in the database: seats and dates mirrored for the rules, the catalogue itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import func, select, update

from chizi import db
from chizi.knowledge import Event as CatalogueEvent
from chizi.registry.base import (
    Store,
)


class Catalogue(Store):
    """The events in the database: seats and dates mirrored for the rules, the catalogue itself."""

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
