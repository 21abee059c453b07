"""Who wants to hear of new events in a region or field."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select

from chizi import db
from chizi.registry.base import (
    InvalidInput,
    Store,
)


class Subscriptions(Store):
    """Who wants to hear of new events in a region or field."""

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
