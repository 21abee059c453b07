"""Console accounts and the audit log of what organisers did.

Passwords are kept only as argon2 hashes. Repeated failed logins lock the account for a while, longer
each time, so guessing is slow; an unknown name costs the same hashing work as a known one."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from chizi import db
from chizi.registry import Clock, utcnow

NAME = re.compile(r"^[A-Za-z0-9_.\-\u4e00-\u9fff]{2,64}$")
MIN_PASSWORD = 10
FREE_FAILURES = 5  # failures before the account locks
LOCK_BASE = dt.timedelta(seconds=30)
LOCK_MAX = dt.timedelta(minutes=15)


class AccountError(ValueError):
    """A name or password that cannot be used; the message says why, for the person typing it."""


@dataclass(frozen=True)
class Login:
    ok: bool
    locked_for: dt.timedelta | None = None  # set when the account is locked: try again after this


class Organisers:
    def __init__(self, engine: Engine, *, clock: Clock = utcnow) -> None:
        self.clock = clock
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._hasher = PasswordHasher()
        self._dummy = self._hasher.hash("not a password of anyone")

    def add(self, name: str, password: str) -> None:
        if not NAME.match(name):
            raise AccountError("name: 2-64 letters, digits, '.', '_' or '-'")
        if len(password) < MIN_PASSWORD:
            raise AccountError(f"password: at least {MIN_PASSWORD} characters")
        try:
            with self._sessions.begin() as s:
                s.add(
                    db.Organiser(
                        name=name, password_hash=self._hasher.hash(password), created_at=self.clock()
                    )
                )
        except IntegrityError:
            raise AccountError(f"an organiser named {name!r} already exists") from None

    def remove(self, name: str) -> bool:
        with self._sessions.begin() as s:
            gone = s.execute(delete(db.Organiser).where(db.Organiser.name == name))
            return bool(getattr(gone, "rowcount", 0))

    def names(self) -> list[tuple[str, dt.datetime]]:
        with self._sessions() as s:
            return [
                (o.name, o.created_at) for o in s.scalars(select(db.Organiser).order_by(db.Organiser.name))
            ]

    def exists(self, name: str) -> bool:
        with self._sessions() as s:
            return s.scalar(select(db.Organiser.id).where(db.Organiser.name == name)) is not None

    def login(self, name: str, password: str) -> Login:
        """Check a password; failures count towards a lock that grows with each further failure."""
        now = self.clock()
        with self._sessions.begin() as s:
            who = s.scalars(select(db.Organiser).where(db.Organiser.name == name)).first()
            if who is None:
                self._check(self._dummy, password)  # the same work, so timing does not tell names apart
                return Login(False)
            if who.locked_until and who.locked_until > now:
                return Login(False, who.locked_until - now)
            if self._check(who.password_hash, password):
                who.failed_logins, who.locked_until = 0, None
                return Login(True)
            who.failed_logins += 1
            over = who.failed_logins - FREE_FAILURES
            if over >= 0:
                who.locked_until = now + min(LOCK_BASE * (2**over), LOCK_MAX)
                return Login(False, who.locked_until - now)
            return Login(False)

    def _check(self, hashed: str, password: str) -> bool:
        try:
            return self._hasher.verify(hashed, password)
        except (VerificationError, InvalidHashError):
            return False

    # --- the audit log ------------------------------------------------------------------------------
    def audit(self, actor: str, action: str, target: str = "") -> None:
        """Record what an organiser did: the action and the event or entry, never a person's details."""
        with self._sessions.begin() as s:
            s.add(db.AuditEntry(at=self.clock(), actor=actor, action=action, target=target[:200]))

    def audit_log(self, limit: int = 200) -> list[tuple[dt.datetime, str, str, str]]:
        with self._sessions() as s:
            rows = s.scalars(select(db.AuditEntry).order_by(db.AuditEntry.id.desc()).limit(limit)).all()
            return [(r.at, r.actor, r.action, r.target) for r in rows]
