"""Conversations in progress (registration, broadcast, editing), kept so a restart resumes them."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete

from chizi import db
from chizi.registry.base import (
    Store,
)


class Drafts(Store):
    """Conversations in progress (registration, broadcast, editing), kept so a restart resumes them."""

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
