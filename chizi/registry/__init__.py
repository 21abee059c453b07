"""Everything scholars and organisers keep in the database, one concern a module; `Registry` is all of it.

The business rules of registration live here (`registrations`), whichever door a request came through."""

from __future__ import annotations

from chizi.registry.base import (
    EDITABLE,
    Clock,
    Details,
    DueReminder,
    InvalidInput,
    MyRegistration,
    OrganiserAnswer,
    Outcome,
    Promotion,
    Refused,
    utcnow,
    validate_field,
)
from chizi.registry.broadcasts import Broadcasts
from chizi.registry.catalogue import Catalogue
from chizi.registry.drafts import Drafts
from chizi.registry.feedback import Feedback
from chizi.registry.privacy import Privacy
from chizi.registry.reminders import Reminders
from chizi.registry.reporting import Reporting
from chizi.registry.subscriptions import Subscriptions


class Registry(Catalogue, Privacy, Drafts, Subscriptions, Feedback, Reporting, Broadcasts, Reminders):
    """The whole registry: one engine, one clock, short transactions."""


__all__ = [
    "EDITABLE",
    "Clock",
    "Details",
    "DueReminder",
    "InvalidInput",
    "MyRegistration",
    "OrganiserAnswer",
    "Outcome",
    "Promotion",
    "Refused",
    "Registry",
    "utcnow",
    "validate_field",
]
