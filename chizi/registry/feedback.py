"""The question log, votes on answers, and what the assistant could not answer."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select, update

from chizi import db
from chizi.registry.base import (
    InvalidInput,
    OrganiserAnswer,
    Store,
    plain,
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

    # --- the organisers' queue -------------------------------------------------------------------
    def question_queue(self, limit: int = 100) -> list[dict[str, object]]:
        """Questions to answer, most asked first: declined ones and answered ones voted 👎, grouped by
        their text, without those an organiser has answered since."""
        with self._sessions() as s:
            down = select(db.Vote.question_id).where(db.Vote.value == -1)
            rows = s.execute(
                select(
                    db.Question.text,
                    func.min(db.Question.language),
                    func.count(),
                    func.max(db.Question.created_at),
                    func.max(db.Question.id),
                )
                .where(
                    db.Question.resolved.is_(False),
                    db.Question.route.not_in(("empty", "greeting", "help", "injection", "privacy")),
                    db.Question.answered.is_(False) | db.Question.id.in_(down),
                )
                .group_by(db.Question.text)
                .order_by(func.count().desc(), func.max(db.Question.created_at).desc())
                .limit(limit)
            ).all()
        return [
            {"text": t, "language": lang, "count": int(n), "last": last, "id": int(i)}
            for t, lang, n, last, i in rows
        ]

    def answer_question(
        self, question_id: int, answer_zh: str, answer_en: str, actor: str, published_as: str | None = None
    ) -> int:
        """An organiser's answer to a queued question becomes an FAQ entry; every copy of the question
        leaves the queue. Returns the entry's id.

        The entry keeps the question as the organiser publishes it (`published_as`, their rewording
        without anything personal the asker wrote), not the asker's text: that is deleted with the asker's
        other data on /forgetme, and the FAQ outlives it."""
        answer_zh, answer_en = plain(answer_zh or ""), plain(answer_en or "")
        if not (answer_zh or answer_en):
            raise InvalidInput("answer", "empty")
        wording = None if published_as is None else plain(published_as)
        if wording is not None and not wording:
            raise InvalidInput("question", "empty")
        with self._tx() as s:
            q = s.get(db.Question, question_id)
            if q is None:
                raise InvalidInput("question", "unknown")
            entry = db.FaqAnswer(
                question=(wording or q.text)[:4000],
                language=q.language,
                answer_zh=answer_zh or answer_en,
                answer_en=answer_en or answer_zh,
                written_by=actor,
                created_at=self.clock(),
            )
            s.add(entry)
            s.execute(update(db.Question).where(db.Question.text == q.text).values(resolved=True))
            s.flush()
            return int(entry.id)

    def faq_answers(self) -> list[OrganiserAnswer]:
        """The answers organisers wrote, oldest first (the core makes FAQ entries of them)."""
        with self._sessions() as s:
            rows = s.scalars(select(db.FaqAnswer).order_by(db.FaqAnswer.id)).all()
        return [OrganiserAnswer(r.id, r.question, r.answer_zh, r.answer_en) for r in rows]
