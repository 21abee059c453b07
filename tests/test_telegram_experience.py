"""What a scholar abroad and an organiser see in the chat: their own time, calendar files, menus that
edit in place, editable registrations, organiser views. The real Application against the fake Bot API."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import icalendar

from chizi.assistant import Assistant
from chizi.registry import Registry
from testkit.harness import Chat, running_bot
from tests.conftest import ADMIN
from tests.test_telegram_e2e import SUZHOU, button_labels, register

ONLINE = "hz-siliconvalley-online-2027"


def calendar_file(telegram: Any, event_id: str) -> icalendar.Event:
    cal = icalendar.Calendar.from_ical(telegram.files[f"{event_id}.ics"])
    (event,) = cal.events
    return event


# --- their own time --------------------------------------------------------------------------------
async def test_a_user_in_new_york_sees_shanghai_times_and_the_deadline_on_their_own_clock(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 301)
        set_to = await chat.send("/timezone America/New_York")
        card = (await chat.send(f"/start evt_{SUZHOU}"))[0]
    assert "America/New_York" in set_to[0]
    assert "06 Jul 2027 09:00 CST" in card and "(Asia/Shanghai)" in card
    assert "Your time: 05 Jul 2027 21:00 EDT" in card
    assert "15 Jun 2027 23:59 CST (your time: 15 Jun 2027 11:59 EDT)" in card


async def test_a_city_typed_after_another_city_is_pressed_sets_the_zone(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 302, "zh-hans")
        await chat.send("/start")
        assert "m:tz" in chat.last_buttons()
        await chat.press("m:tz")
        assert "tz:America/New_York" in chat.last_buttons()
        await chat.press("tz:?")
        done = await chat.send("柏林")
        card = (await chat.send(f"/start evt_{SUZHOU}"))[0]
    assert "Europe/Berlin" in done[0]
    assert registry.timezone(302) == "Europe/Berlin"
    assert "您的时间：2027年07月06日 03:00 CEST" in card


async def test_an_unknown_zone_is_explained_and_nothing_is_stored(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 303)
        reply = await chat.send("/timezone Atlantis")
        again = await chat.send("UTC-5")
    assert "do not recognise" in reply[0]
    assert "UTC-05:00" in again[0] and registry.timezone(303) == "UTC-05:00"


async def test_without_a_zone_the_card_says_how_to_set_one(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        card = (await Chat(telegram, 304).send(f"/start evt_{SUZHOU}"))[0]
    assert "/timezone" in card and "Your time" not in card


# --- their calendar --------------------------------------------------------------------------------
async def test_the_confirmation_repeats_when_and_where_and_brings_an_ics_in_the_events_zone(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 305)
        await chat.send("/timezone Boston")
        done = await register(chat, SUZHOU)
    confirmation = done[0]
    assert "06 Jul 2027 09:00 CST" in confirmation and "Your time: 05 Jul 2027 21:00 EDT" in confirmation
    assert "📍 Suzhou, Jiangsu" in confirmation and "openstreetmap.org" in confirmation
    assert "https://meet.example.org/sz-elite-week-2027" in confirmation  # hybrid: the join link too
    assert "elite-week-sample@example.org" in confirmation
    event = calendar_file(telegram, SUZHOU)
    assert event["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert event.start == dt.datetime(2027, 7, 6, 9, 0, tzinfo=event.start.tzinfo)
    assert event.start.utcoffset() == dt.timedelta(hours=8)
    assert "Suzhou" in str(event["LOCATION"]) and "elite-week-sample@example.org" in str(event["ORGANIZER"])


async def test_an_online_event_gives_its_join_link_to_registrants_only(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 306)
        card = (await chat.send(f"/start evt_{ONLINE}"))[0]
        done = await register(chat, ONLINE)
    link = f"https://meet.example.org/{ONLINE}"
    assert "📍 online" in card and link not in card and "杭州" not in card
    assert link in done[0] and "openstreetmap" not in done[0]
    event = calendar_file(telegram, ONLINE)
    assert event["DTSTART"].params["TZID"] == "America/Los_Angeles"
    assert event.start.hour == 18 and str(event["URL"]) == link


async def test_a_reminder_shows_the_users_time_and_brings_the_calendar_file(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    event = assistant.kb.event(SUZHOU)
    assert event is not None
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 307)
        await chat.send("/timezone Europe/London")
        await register(chat, SUZHOU)
    del telegram.files[f"{SUZHOU}.ics"]
    registry.clock = lambda: event.starts_at.astimezone(dt.UTC) - dt.timedelta(days=2)
    async with running_bot(telegram, assistant, registry):
        reminder = await telegram.wait(lambda: [m for m in telegram.texts_to(307) if "Reminder" in m])
        await telegram.wait(lambda: f"{SUZHOU}.ics" in telegram.files)
    assert "Your time: 06 Jul 2027 02:00 BST" in reminder[0]


async def test_a_registration_is_edited_without_losing_its_place(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 308)
        await register(chat, SUZHOU)
        await chat.send(f"/start evt_{SUZHOU}")
        await chat.press(f"ed:{SUZHOU}")
        assert f"ef:affiliation:{SUZHOU}" in chat.last_buttons()
        await chat.press(f"ef:email:{SUZHOU}")
        bad = await chat.send("not-an-email")
        await chat.press(f"ed:{SUZHOU}")
        await chat.press(f"ef:affiliation:{SUZHOU}")
        done = await chat.send("MIT")
    details = registry.details(308, SUZHOU)
    assert "does not look like an email" in bad[0]
    assert "Affiliation updated: MIT" in done[0]
    assert details is not None and details.affiliation == "MIT" and details.email is None
    assert details.name == "Li Wei" and registry.status(308, SUZHOU) == "registered"


# --- no clutter ------------------------------------------------------------------------------------
async def test_browsing_menus_edits_the_same_message(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 309)
        await chat.send("/events")
        menu_id = telegram.sent_to(309)[-1]["message_id"]
        await chat.press("fm:r")
        await chat.press("f:r:Jiangsu:0")
        await chat.press(f"e:{SUZHOU}")
        await chat.press("m:events")
    assert len(telegram.sent_to(309)) == 1  # one message on screen, however far the user browsed
    assert [e["message_id"] for e in telegram.edits_to(309)] == [menu_id] * 4
    assert "Suzhou International Elite Week 2027" in telegram.edits_to(309)[2]["text"]


async def test_myevents_buttons_say_which_event_and_what_they_do(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 310)
        await register(chat, SUZHOU)
        await chat.send("/myevents")
        labels = button_labels(telegram, 310, "")
    assert "📄 Suzhou Elite Week: details" in labels
    assert "✏️ Edit details" in labels and "❌ Cancel" in labels
    assert "ℹ️" not in labels


async def test_subscribe_has_a_done_button_that_says_what_is_subscribed(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 311)
        await chat.send("/subscribe")
        assert "s:done" in chat.last_buttons()
        await chat.tg.press(311, "s:r:Jiangsu", message_id=chat.message_with("s:r:Jiangsu"))
        await telegram.wait(lambda: registry.subscriptions(311))
        done = await chat.press("s:done")
    assert "Subscribed to: Jiangsu" in done[-1]


async def test_help_and_a_first_hello_get_the_help_menu(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 312)
        for text in ("help", "Hi, I'm new here 👋"):
            reply = await chat.send(text)
            assert "/events" in reply[0] and "/timezone" in reply[0]
            assert "m:events" in chat.last_buttons()


async def test_saying_i_want_to_register_starts_the_registration(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 313, "zh-hans")
        reply = await chat.send("我要报名苏州国际精英周")
    assert "报名「2027苏州国际精英周」" in reply[0] and "第 1/5 步" in reply[0]
    assert registry.draft(313) == ("register", "name", {"event_id": SUZHOU})


# --- organisers ------------------------------------------------------------------------------------
async def test_stats_name_events_with_capacity_seats_left_and_waitlist(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        await register(Chat(telegram, 314), SUZHOU)
        stats = (await Chat(telegram, ADMIN).send("/stats"))[0]
    assert "Suzhou International Elite Week 2027\n  1/400 registered, 399 seats left, 0 waiting" in stats


# --- reminders that cannot be delivered ----------------------------------------------------------
async def test_a_reminder_to_a_user_who_blocked_the_bot_is_not_retried_and_is_counted(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    event = assistant.kb.event(SUZHOU)
    assert event is not None
    async with running_bot(telegram, assistant, registry):
        await register(Chat(telegram, 320), SUZHOU)
    registry.clock = lambda: event.starts_at.astimezone(dt.UTC) - dt.timedelta(days=2)
    telegram.fail(320, 403, "Forbidden: bot was blocked by the user", times=100)
    async with running_bot(telegram, assistant, registry, reminder_interval=0.1) as app:
        await telegram.wait(lambda: app.bot_data["core"].reminder_failures["permanent"] >= 1)
        await asyncio.sleep(0.5)  # several more rounds of the reminder job
        failures = dict(app.bot_data["core"].reminder_failures)
    attempts = [p for m, p in telegram.calls if m == "sendMessage:failed" and int(p["chat_id"]) == 320]
    assert len(attempts) == 1 and failures == {"permanent": 1}
    assert registry.pending_reminders() == 1  # the 1-day reminder, not yet due


async def test_a_reminder_that_fails_for_a_moment_is_sent_once_on_a_later_round(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    event = assistant.kb.event(SUZHOU)
    assert event is not None
    async with running_bot(telegram, assistant, registry):
        await register(Chat(telegram, 321), SUZHOU)
    registry.clock = lambda: event.starts_at.astimezone(dt.UTC) - dt.timedelta(days=2)
    # Four 502s in a row outlast the sender's own three retries: the reminder goes back for a later round.
    telegram.fail(321, 502, "Bad Gateway", times=4)
    async with running_bot(telegram, assistant, registry, reminder_interval=0.1) as app:
        await telegram.wait(lambda: [m for m in telegram.texts_to(321) if "Reminder" in m])
        await asyncio.sleep(0.5)
        failures = dict(app.bot_data["core"].reminder_failures)
    assert len([m for m in telegram.texts_to(321) if "Reminder" in m]) == 1
    assert failures == {"transient": 1}


async def test_confirm_pressed_again_confirms_again_and_registers_once(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 322)
        await register(chat, SUZHOU)
        again = await chat.press(f"rf:{SUZHOU}", expect=2)  # e.g. redelivered after a worker died
    assert again[0].startswith("🎉 You are registered for Suzhou International Elite Week 2027")
    assert [r.status for r in registry.my_registrations(322)] == ["registered"]


async def test_a_button_of_a_step_already_passed_says_where_the_registration_stands(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 323)
        await chat.press(f"r:{SUZHOU}")
        for answer in ("Li Wei", "ETH Zürich", "Materials science"):
            await chat.send(answer)
        first = await chat.press("rs:skip")
        again = await chat.press("rs:skip")  # pressed twice, or delivered again after a crash
    assert first[0].startswith("Step 5/5") and again[0].startswith("Step 5/5")
    assert registry.draft(323) is not None and registry.draft(323)[1] == "consent"  # type: ignore[index]
