"""Organisers' messages, each copy claimed before it is sent so nobody gets two."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select, update

from chizi import db
from chizi.registry.base import (
    Store,
)


class Broadcasts(Store):
    """Organisers' messages, each copy claimed before it is sent so nobody gets two."""

    # --- broadcasts -------------------------------------------------------------------------------
    def start_broadcast(
        self,
        organiser_id: int | None,
        event_id: str,
        text_zh: str,
        text_en: str | None,
        recipients: Iterable[tuple[int, str]],
        sent_by: str | None = None,
    ) -> int:
        """Store a broadcast and one pending delivery per recipient; returns its id. `organiser_id` is the
        organiser's Telegram id (the report goes there); from the console it is None and `sent_by` names
        the console account."""
        now = self.clock()
        with self._tx() as s:
            b = db.Broadcast(
                event_id=event_id,
                organiser_id=organiser_id,
                sent_by=sent_by,
                text_zh=text_zh,
                text_en=text_en,
                created_at=now,
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
                    "sent_by": b.sent_by,
                    "text_zh": b.text_zh,
                    "text_en": b.text_en,
                }
                for b in s.scalars(
                    select(db.Broadcast).where(db.Broadcast.finished_at.is_(None)).order_by(db.Broadcast.id)
                )
            ]

    def broadcast_progress(self, broadcast_id: int) -> dict[str, Any] | None:
        """Copies by state (pending, sending, sent, blocked, failed) and whether it is finished."""
        with self._sessions() as s:
            b = s.get(db.Broadcast, broadcast_id)
            if b is None:
                return None
            counts = dict(
                s.execute(
                    select(db.Delivery.status, func.count())
                    .where(db.Delivery.broadcast_id == broadcast_id)
                    .group_by(db.Delivery.status)
                ).all()
            )
        states = {k: int(counts.get(k, 0)) for k in ("pending", "sending", "sent", "blocked", "failed")}
        return {
            "id": b.id,
            "event_id": b.event_id,
            "text_zh": b.text_zh,
            "text_en": b.text_en,
            "sent_by": b.sent_by,
            "created_at": b.created_at,
            "finished": b.finished_at is not None,
            "total": sum(states.values()),
            **states,
        }

    def recent_broadcasts(self, limit: int = 20) -> list[dict[str, Any]]:
        with self._sessions() as s:
            ids = s.scalars(select(db.Broadcast.id).order_by(db.Broadcast.id.desc()).limit(limit)).all()
        return [p for i in ids if (p := self.broadcast_progress(i)) is not None]
