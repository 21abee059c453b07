"""What organisers read: counts per event and the registrations export."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select

from chizi import db
from chizi.catalogue import Event as CatalogueEvent
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

    def export_rows(
        self, event_id: str | None = None, catalogue: Iterable[CatalogueEvent] = (), language: str = "en"
    ) -> tuple[list[str], list[list[str]]]:
        """The registrations export: a header and rows, every cell a person typed neutralised for
        spreadsheets. With the catalogue, rows name their event and give times in the event's zone."""
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
        rows = []
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
                "yes" if r.attended else "",
            ]
            # A cell starting with = + - @ (or a tab or carriage return) would run as a formula in a
            # spreadsheet; a handle's own "@" is ours, so only what people typed is neutralised.
            rows.append([_safe_cell(c) if i != 7 else c for i, c in enumerate(row)])
        return list(EXPORT_COLUMNS), rows

    def export_csv(
        self, event_id: str | None = None, catalogue: Iterable[CatalogueEvent] = (), language: str = "en"
    ) -> bytes:
        """Registrations as CSV, UTF-8 with BOM so spreadsheet programs show Chinese correctly."""
        header, rows = self.export_rows(event_id, catalogue, language)
        buf = io.StringIO()
        out = csv.writer(buf)
        out.writerow(header)
        out.writerows(rows)
        return ("\ufeff" + buf.getvalue()).encode("utf-8")

    def export_xlsx(
        self, event_id: str | None = None, catalogue: Iterable[CatalogueEvent] = (), language: str = "en"
    ) -> bytes:
        """Registrations as an Excel workbook; every cell is stored as text, never as a formula."""
        from openpyxl import Workbook

        header, rows = self.export_rows(event_id, catalogue, language)
        book = Workbook(write_only=True)
        sheet = book.create_sheet("registrations")
        sheet.append(header)
        for row in rows:
            sheet.append(row)
        buf = io.BytesIO()
        book.save(buf)
        return buf.getvalue()

    # --- the console's tables and charts ------------------------------------------------------------
    def registration_rows(
        self,
        event_id: str,
        *,
        search: str = "",
        status: str = "",
        sort: str = "created_at",
        descending: bool = False,
    ) -> list[dict[str, Any]]:
        """One event's registrations for the console table: searched (name, affiliation, field, e-mail,
        handle), filtered by status, sorted by a column; the waitlist position given for those waiting."""
        columns = {
            "name": db.Registration.name,
            "affiliation": db.Registration.affiliation,
            "field": db.Registration.field,
            "status": db.Registration.status,
            "created_at": db.Registration.created_at,
        }
        order = columns.get(sort, db.Registration.created_at)
        with self._sessions() as s:
            stmt = select(db.Registration).where(db.Registration.event_id == event_id)
            if status in ("registered", "waitlisted", "cancelled"):
                stmt = stmt.where(db.Registration.status == status)
            needle = search.strip()
            if needle:
                like = f"%{needle.replace('%', '').replace('_', '')}%"
                stmt = stmt.where(
                    db.Registration.name.ilike(like)
                    | db.Registration.affiliation.ilike(like)
                    | db.Registration.field.ilike(like)
                    | db.Registration.email.ilike(like)
                    | db.Registration.username.ilike(like)
                )
            stmt = stmt.order_by(order.desc() if descending else order, db.Registration.id)
            regs = s.scalars(stmt).all()
            waiting = s.scalars(
                select(db.Registration.id)
                .where(db.Registration.event_id == event_id, db.Registration.status == "waitlisted")
                .order_by(db.Registration.created_at, db.Registration.id)
            ).all()
        place = {rid: n for n, rid in enumerate(waiting, start=1)}
        return [
            {
                "id": r.id,
                "status": r.status,
                "position": place.get(r.id),
                "name": r.name,
                "affiliation": r.affiliation,
                "field": r.field,
                "email": r.email or "",
                "username": r.username or "",
                "created_at": r.created_at,
                "attended": r.attended,
            }
            for r in regs
        ]

    def signups_per_day(self, since: dt.datetime) -> dict[str, dict[dt.date, int]]:
        """event id -> day -> registrations made that day (UTC), from `since` on."""
        with self._sessions() as s:
            rows = s.execute(
                select(db.Registration.event_id, db.Registration.created_at).where(
                    db.Registration.created_at >= since, db.Registration.status != "cancelled"
                )
            ).all()
        out: dict[str, dict[dt.date, int]] = {}
        for event_id, at in rows:
            day = at.date()
            out.setdefault(event_id, {}).setdefault(day, 0)
            out[event_id][day] += 1
        return out

    def registrants_by_field(self, event_id: str | None = None) -> list[tuple[str, int]]:
        """The research fields registrants gave, most common first (as typed, compared case-blind)."""
        with self._sessions() as s:
            stmt = select(func.lower(db.Registration.field), func.count()).where(
                db.Registration.status != "cancelled"
            )
            if event_id:
                stmt = stmt.where(db.Registration.event_id == event_id)
            rows = s.execute(
                stmt.group_by(func.lower(db.Registration.field)).order_by(func.count().desc())
            ).all()
        return [(str(f), int(n)) for f, n in rows]

    def questions_per_week(self, since: dt.datetime) -> list[tuple[dt.date, int, int]]:
        """(Monday of the week, answered, declined) for the weeks from `since` on."""
        with self._sessions() as s:
            rows = s.execute(
                select(db.Question.created_at, db.Question.answered).where(db.Question.created_at >= since)
            ).all()
        weeks: dict[dt.date, list[int]] = {}
        for at, answered in rows:
            monday = at.date() - dt.timedelta(days=at.weekday())
            weeks.setdefault(monday, [0, 0])[0 if answered else 1] += 1
        return [(w, a, d) for w, (a, d) in sorted(weeks.items())]


EXPORT_COLUMNS = (
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
    "attended",
)
