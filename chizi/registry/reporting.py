"""What organisers read: counts per event and the registrations export."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select

from chizi import db
from chizi.knowledge import Event as CatalogueEvent
from chizi.registry.base import (
    Store,
    _safe_cell,
)


class Reporting(Store):
    """What organisers read: counts per event and the registrations export."""

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
