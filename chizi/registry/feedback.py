"""The question log, votes on answers, and what the assistant could not answer."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from chizi import db
from chizi.registry.base import (
    InvalidInput,
    Store,
)


class Feedback(Store):
    """The question log, votes on answers, and what the assistant could not answer."""

    # --- questions and votes ---------------------------------------------------------------------
    def log_question(self, user_id: int | None, text: str, language: str, answered: bool, route: str) -> int:
        if user_id is not None:
            self.ensure_user(user_id)
        with self._tx() as s:
            q = db.Question(
                user_id=user_id,
                text=text[:4000],
                language=language,
                answered=answered,
                route=route,
                created_at=self.clock(),
            )
            s.add(q)
            s.flush()
            return int(q.id)

    def vote(self, user_id: int, question_id: int, value: int) -> bool:
        """Record or change a vote on an answer the user was given; False if it was not theirs."""
        if value not in (1, -1):
            raise InvalidInput("vote", "value")
        with self._tx() as s:
            q = s.get(db.Question, question_id)
            if q is None or q.user_id != user_id:
                return False
            v = s.scalars(
                select(db.Vote).where(db.Vote.question_id == question_id, db.Vote.user_id == user_id)
            ).first()
            if v is None:
                s.add(db.Vote(question_id=question_id, user_id=user_id, value=value))
            else:
                v.value = value
            return True

    def unanswered(self, limit: int = 20) -> list[tuple[dt.datetime, str, str]]:
        with self._sessions() as s:
            rows = s.execute(
                select(db.Question.created_at, db.Question.language, db.Question.text)
                .where(db.Question.answered.is_(False), db.Question.route == "unknown")
                .order_by(db.Question.created_at.desc(), db.Question.id.desc())
                .limit(limit)
            ).all()
            return [(a, b, c) for a, b, c in rows]
