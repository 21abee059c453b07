"""An event as an iCalendar file (RFC 5545) a scholar's calendar app imports: made with `icalendar`."""

from __future__ import annotations

import datetime as dt

import icalendar

from chizi.catalogue import Event

PRODUCT = "-//Chizi//Overseas Scholars Events//EN"


def event_calendar(event: Event, language: str, *, stamp: dt.datetime, remind_hours: int = 24) -> bytes:
    """One VEVENT in the event's own zone (with its VTIMEZONE), the place or join link, and the contact."""
    online = event.format == "online"
    place = event.venue or f"{event.place(language)}, {event.region(language)}"
    if event.place("zh") == event.region("zh"):
        place = event.venue or event.place(language)
    description = [event.description(language)]
    if event.join_url:
        description.append(("线上参加：" if language == "zh" else "Join online: ") + event.join_url)
    if map_url := event.map_url():
        description.append(("地图：" if language == "zh" else "Map: ") + map_url)
    description.append(("联系：" if language == "zh" else "Contact: ") + event.contact)

    vevent = icalendar.Event()
    # A stable UID: importing the file twice (confirmation, then a reminder) updates one calendar entry.
    vevent.add("uid", f"{event.id}@chizi")
    vevent.add("dtstamp", stamp.astimezone(dt.UTC))
    vevent.add("dtstart", event.starts_at)
    vevent.add("dtend", event.ends_at)
    vevent.add("summary", event.title(language))
    vevent.add("location", event.join_url if online and event.join_url else ("Online" if online else place))
    if event.join_url:
        vevent.add("url", event.join_url)
    vevent.add("description", "\n".join(description))
    vevent.add("organizer", f"mailto:{event.contact}")
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", event.title(language))
    alarm.add("trigger", dt.timedelta(hours=-remind_hours))
    vevent.add_component(alarm)

    cal = icalendar.Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    cal.add_component(vevent)
    # The zone's rules for the event's year only: a short file that calendar apps still read correctly.
    year = event.starts_at.year
    cal.add_missing_timezones(first_date=dt.date(year - 1, 1, 1), last_date=dt.date(year + 1, 12, 31))
    return cal.to_ical()


def filename(event: Event) -> str:
    return f"{event.id}.ics"
