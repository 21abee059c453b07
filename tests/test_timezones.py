"""Reading a time zone from what scholars type, and the calendar file an event becomes."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from chizi.assistant import Assistant
from chizi.ics import event_calendar
from chizi.timezones import abbreviation, resolve_zone, zone
from tests.conftest import TODAY


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Boston", "America/New_York"),
        ("波士顿", "America/New_York"),
        ("berlin", "Europe/Berlin"),
        ("柏林", "Europe/Berlin"),
        ("Los Angeles", "America/Los_Angeles"),
        ("europe/london", "Europe/London"),
        ("Silicon Valley", "America/Los_Angeles"),
        ("美东", "America/New_York"),  # a region, as people name a clock
        ("Eastern", "America/New_York"),
        ("utc-5", "UTC-05:00"),
        ("GMT+8", "UTC+08:00"),
        ("+5:30", "UTC+05:30"),
        ("UTC", "UTC"),
    ],
)
def test_a_city_an_iana_name_or_an_offset_gives_a_zone(typed: str, expected: str) -> None:
    assert resolve_zone(typed) == expected


@pytest.mark.parametrize("typed", ["Atlantis", "", "UTC+15", "+5:17", "x" * 100, "我在国外"])
def test_what_is_not_a_zone_is_refused(typed: str) -> None:
    assert resolve_zone(typed) is None


def test_a_fixed_offset_zone_reads_its_own_clock() -> None:
    moment = dt.datetime(2027, 7, 6, 1, 0, tzinfo=dt.UTC).astimezone(zone("UTC+05:30"))
    assert moment.strftime("%H:%M") == "06:30" and abbreviation(moment) == "UTC+05:30"


def test_new_york_in_summer_is_edt_and_twelve_hours_behind_shanghai() -> None:
    shanghai = dt.datetime(2027, 7, 6, 9, 0, tzinfo=zone("Asia/Shanghai"))
    there = shanghai.astimezone(zone("America/New_York"))
    assert (there.day, there.hour, abbreviation(there)) == (5, 21, "EDT")


def test_the_calendar_file_keeps_the_events_zone_place_and_contact(assistant: Assistant) -> None:
    event = assistant.kb.event("tj-jinmen-2027")
    assert event is not None
    cal = icalendar.Calendar.from_ical(event_calendar(event, "en", stamp=TODAY))
    (vevent,) = cal.events
    assert vevent["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert vevent.start == event.starts_at and vevent.end == event.ends_at
    assert "Tianjin" in str(vevent["LOCATION"]) and "URL" not in vevent  # in person: no join link
    assert str(vevent["ORGANIZER"]) == f"mailto:{event.contact}"
    assert [tz.tz_name for tz in cal.timezones] == ["Asia/Shanghai"]


def test_an_event_answer_gives_the_askers_own_clock_too(assistant: Assistant) -> None:
    with assistant.frozen_clock(TODAY):
        answer = assistant.answer("苏州精英周几点开始？", "zh", zone="America/New_York")
        plain = assistant.answer("苏州精英周几点开始？", "zh")
    assert "2027年7月6日（星期二） 09:00（北京时间）" in answer.answer
    assert "您的时间 2027年7月5日 21:00 EDT" in answer.answer
    assert "您的时间" not in plain.answer
