"""The events catalogue's entries: what an event is, checked when it is written (file or console)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal
from urllib.parse import quote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{1,63}$")

EventFormat = Literal["in_person", "online", "hybrid"]


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


class Event(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=_ID.pattern)
    title_zh: str = Field(min_length=1)
    title_en: str = Field(min_length=1)
    province: str = Field(min_length=1)
    city: str = Field(min_length=1)
    start: dt.datetime
    end: dt.datetime
    timezone: str
    registration_deadline: dt.datetime
    capacity: int = Field(gt=0, le=100_000)
    fields: list[str] = Field(min_length=1)
    format: EventFormat
    description_zh: str = Field(min_length=1)
    description_en: str = Field(min_length=1)
    contact: str = Field(min_length=3)
    # Other names scholars use for the event ("海洽会", "Suzhou Elite Week"); questions find it by them.
    aliases: list[str] = Field(default_factory=list)
    # Where people go: the venue of an in-person or hybrid event (its map link), and the join link of an
    # online or hybrid one (sent to registrants with the confirmation, the reminders and the calendar file).
    venue: str | None = None
    join_url: str | None = Field(default=None, pattern=r"^https://\S+$")
    # Set by the catalogue in the database: "closed" when organisers closed registration early.
    status: Literal["open", "closed", "cancelled"] = "open"

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {value!r} (use an IANA name such as Asia/Shanghai)"
            ) from None
        return value

    @model_validator(mode="after")
    def _dates_in_order(self) -> Event:
        if self.end < self.start:
            raise ValueError("end is before start")
        if self.registration_deadline > self.end:
            raise ValueError("registration_deadline is after the event ends")
        if self.join_url and self.format == "in_person":
            raise ValueError("join_url is for online or hybrid events")
        return self

    def state(self, now: dt.datetime) -> State:
        """Whether it can be registered for now: the one rule, shared with the registry."""
        return registration_state(self.status, self.starts_at, self.deadline_at, now)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def aware(self, moment: dt.datetime) -> dt.datetime:
        """A catalogue time (written in the event's local time) as an aware datetime."""
        return moment if moment.tzinfo else moment.replace(tzinfo=self.tz)

    @property
    def starts_at(self) -> dt.datetime:
        return self.aware(self.start)

    @property
    def ends_at(self) -> dt.datetime:
        return self.aware(self.end)

    @property
    def deadline_at(self) -> dt.datetime:
        return self.aware(self.registration_deadline)

    def title(self, language: str) -> str:
        return self.title_zh if language == "zh" else self.title_en

    def description(self, language: str) -> str:
        return self.description_zh if language == "zh" else self.description_en

    def place(self, language: str) -> str:
        """'济南' or 'Jinan' from a bilingual '济南 Jinan'."""
        zh, _, en = self.city.partition(" ")
        return zh if language == "zh" or not en else en

    def region(self, language: str) -> str:
        zh, _, en = self.province.partition(" ")
        return zh if language == "zh" or not en else en

    def map_url(self) -> str | None:
        """An OpenStreetMap search for the venue (or the city) of an event people travel to."""
        if self.format == "online":
            return None
        what = ", ".join(x for x in (self.venue, self.place("en"), self.region("en"), "China") if x)
        return "https://www.openstreetmap.org/search?query=" + quote(what)


FIELD_LABELS: dict[str, tuple[str, str]] = {
    "engineering": ("工程技术", "engineering"),
    "biomedicine": ("生物医药", "biomedicine"),
    "medicine": ("医学", "medicine"),
    "public_health": ("公共卫生", "public health"),
    "it": ("电子信息与IT", "IT and electronics"),
    "advanced_manufacturing": ("先进制造", "advanced manufacturing"),
    "energy": ("能源与节能", "energy"),
    "finance": ("金融", "finance"),
    "cloud_computing": ("云计算", "cloud computing"),
    "big_data": ("大数据", "big data"),
    "artificial_intelligence": ("人工智能", "artificial intelligence"),
    "new_materials": ("新材料", "new materials"),
    "textiles": ("纺织", "textiles"),
    "agriculture": ("农业", "agriculture"),
    "environment": ("生态环境", "environment"),
}


def field_label(field_id: str, language: str) -> str:
    zh, en = FIELD_LABELS.get(field_id, (field_id, field_id.replace("_", " ")))
    return zh if language == "zh" else en
