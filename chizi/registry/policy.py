"""The one rule for whether an event can still be registered for; every door and the registry ask it."""

from __future__ import annotations

import datetime as dt
from typing import Literal

State = Literal["open", "closed", "past", "cancelled"]


def registration_state(
    status: str, starts_at: dt.datetime, deadline_at: dt.datetime, now: dt.datetime
) -> State:
    """'open', or why not: cancelled by its organisers, already started ('past'), or 'closed' (the
    deadline passed or organisers closed registration early)."""
    if status == "cancelled":
        return "cancelled"
    if starts_at <= now:
        return "past"
    if status == "closed" or deadline_at < now:
        return "closed"
    return "open"
