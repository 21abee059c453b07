"""Forgetting a person: every table, one transaction."""

from __future__ import annotations

from sqlalchemy import delete, select

from chizi import db
from chizi.registry.base import (
    Promotion,
)
from chizi.registry.registrations import Registrations


class Privacy(Registrations):
    """Forgetting a person: every table, one transaction."""

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
