"""Reminders before an event, claimed before sending so each goes once."""

from __future__ import annotations

from sqlalchemy import func, select, update

from chizi import db
from chizi.registry.base import (
    DueReminder,
    Store,
)


class Reminders(Store):
    """Reminders before an event, claimed before sending so each goes once."""

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
