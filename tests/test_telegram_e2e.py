"""End to end: the real Application, polling (and webhook) against a fake Bot API on 127.0.0.1."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from chizi.assistant import Assistant
from chizi.registry import Registry
from testkit.harness import Chat, running_bot
from tests.conftest import ADMIN, today

SUZHOU = "sz-elite-week-2027"
ONE_SEAT = "one-seat-2027"


async def register(chat: Chat, event_id: str, name: str = "Li Wei") -> list[str]:
    """Walk the five registration steps and confirm; returns the final replies."""
    await chat.press(f"r:{event_id}")
    await chat.send(name)
    await chat.send("ETH Zürich")
    await chat.send("Materials science")
    await chat.press("rs:skip")
    await chat.press("rc:yes")
    assert f"rf:{event_id}" in chat.last_buttons()
    done = await chat.press(f"rf:{event_id}")
    if done[0].startswith("🎉"):  # registered: the calendar file follows the confirmation
        done += await chat.replies(1)
    return done


async def test_start_welcomes_in_the_users_telegram_language(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        english = await Chat(telegram, 101, "en").send("/start")
        chinese = await Chat(telegram, 102, "zh-hans").send("/start")
    assert "Chizi" in english[0] and "/events" in english[0]
    assert "赤子助手" in chinese[0]


async def test_deep_link_opens_the_event_card(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 103)
        card = await chat.send(f"/start evt_{SUZHOU}")
        assert "Suzhou International Elite Week 2027" in card[0]
        assert "Asia/Shanghai" in card[0] and "Seats left: 400/400" in card[0]
        assert f"r:{SUZHOU}" in chat.last_buttons()


async def test_questions_in_each_language_get_cited_answers_and_vote_buttons(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        en = Chat(telegram, 104, "en")
        zh = Chat(telegram, 105, "zh-hans")
        english = (await en.send("How many scholars did the Tianjin tour invite?"))[0]
        votes = en.last_buttons()
        chinese = (await zh.send("杭州设立了几个海外人才联络站？"))[0]
        await en.tg.press(104, votes[0])
        await telegram.wait(lambda: any("Thanks" in a.get("text", "") for a in telegram.answers()))
    assert "150" in english and "Sources:" in english and "[1]" in english
    assert "4个" in chinese and "出处" in chinese
    assert registry.stats()["votes_up"] == 1


async def test_browsing_by_region_reaches_an_event_card(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 106)
        await chat.send("/events")
        await chat.press("fm:r")
        assert "f:r:Jiangsu:0" in chat.last_buttons()
        await chat.press("f:r:Jiangsu:0")
        assert f"e:{SUZHOU}" in chat.last_buttons()
        card = await chat.press(f"e:{SUZHOU}")
    assert "Suzhou" in card[0] and "Registration closes" in card[0]


async def test_all_events_are_paged(telegram: Any, assistant: Assistant, registry: Registry) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 107)
        first = await chat.press("f:a::0")
        assert "page 1/" in first[0] and "f:a::1" in chat.last_buttons()
        second = await chat.press("f:a::1")
    assert "page 2/" in second[0]


async def test_registration_then_a_duplicate_attempt_is_refused(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 108)
        done = await register(chat, SUZHOU)
        again = await chat.press(f"r:{SUZHOU}")
    assert "registered" in done[0]
    assert "already registered" in again[0]
    assert [r.status for r in registry.my_registrations(108)] == ["registered"]


async def test_bad_registration_input_is_explained_and_not_stored(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 109)
        await chat.press(f"r:{SUZHOU}")
        bad_name = await chat.send("<a href=http://x>")
        await chat.send("Wang Fang")
        empty = await chat.send("   ...   ")
        await chat.send("Uni Tokyo")
        await chat.send("Physics")
        bad_mail = await chat.send("not-an-email")
        await chat.send("wang@example.org")
        refused = await chat.press("rc:no")
    assert "name" in bad_name[0].lower()
    assert "empty" in empty[0].lower()
    assert "email" in bad_mail[0].lower()
    assert "consent" in refused[0].lower()
    assert registry.my_registrations(109) == []
    assert registry.draft(109) is None


async def test_full_event_waitlists_and_a_cancellation_promotes_the_first_waiting(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        first, second = Chat(telegram, 110), Chat(telegram, 111)
        await register(first, ONE_SEAT, "First Person")
        card = await second.press(f"e:{ONE_SEAT}")
        assert "Seats left: 0/1" in card[0] and f"r:{ONE_SEAT}" in second.last_buttons()
        waiting = await register(second, ONE_SEAT, "Second Person")
        assert "waitlist" in waiting[0] and "number 1" in waiting[0]
        await first.press(f"c:{ONE_SEAT}")
        await first.press(f"cy:{ONE_SEAT}")
        told = await telegram.wait(lambda: [t for t in telegram.texts_to(111) if "Good news" in t])
    assert told
    assert [r.status for r in registry.my_registrations(111)] == ["registered"]
    assert registry.my_registrations(110) == []


async def test_past_and_closed_events_refuse_registration(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 112)
        past = await chat.press("r:past-2025")
        closed = await chat.press("r:closed-2027")
    assert "already taken place" in past[0]
    assert "closed" in closed[0]


async def test_myevents_lists_and_cancels(telegram: Any, assistant: Assistant, registry: Registry) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 113)
        await register(chat, SUZHOU)
        listing = await chat.send("/myevents")
        assert f"c:{SUZHOU}" in chat.last_buttons()
        await chat.press(f"c:{SUZHOU}")
        cancelled = await chat.press(f"cy:{SUZHOU}")
    assert "Suzhou" in listing[0]
    assert "cancelled" in cancelled[0]
    assert registry.my_registrations(113) == []


async def test_forgetme_deletes_everything_after_confirmation(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 114)
        await register(chat, SUZHOU)
        await chat.send("What is the Chizi Plan?")
        await telegram.press(114, "s:r:Jiangsu")
        await telegram.wait(lambda: any("Subscribed" in a.get("text", "") for a in telegram.answers()))
        await chat.send("/forgetme")
        done = await chat.press("fg:yes")
    assert "deleted" in done[0]
    assert registry.my_registrations(114) == [] and registry.subscriptions(114) == set()
    assert registry.stats()["users"] == 0 and registry.stats()["questions_answered"] == 0


async def test_organiser_exports_csv_with_bom(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        await register(Chat(telegram, 115), SUZHOU, "张伟")
        await Chat(telegram, ADMIN).send(f"/export {SUZHOU}")
    name, data = next((n, d) for n, d in telegram.files.items() if n.startswith("registrations-"))
    assert name.startswith(f"registrations-{SUZHOU}")
    assert data.startswith(b"\xef\xbb\xbf")
    assert "张伟" in data.decode("utf-8-sig")


async def test_organiser_export_names_the_event_the_username_and_local_times(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        await register(Chat(telegram, 131), SUZHOU, "Wang Fang")
        admin = Chat(telegram, ADMIN)
        await admin.send("/export")
        assert f"x:{SUZHOU}" in admin.last_buttons() and "x:all" in admin.last_buttons()
        await admin.press(f"x:{SUZHOU}")
    data = next(d for n, d in telegram.files.items() if n.startswith(f"registrations-{SUZHOU}"))
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0]["event_title"] == "Suzhou International Elite Week 2027"
    assert rows[0]["telegram_username"] == "@user131"
    utc = dt.datetime.fromisoformat(rows[0]["registered_at_utc"])
    local = utc.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d %H:%M")
    assert rows[0]["registered_at_local"] == local and rows[0]["event_timezone"] == "Asia/Shanghai"


async def test_organiser_broadcast_reaches_registrants_after_preview(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        await register(Chat(telegram, 116), SUZHOU)
        await register(Chat(telegram, 132, "zh-hans"), SUZHOU, "李雷")
        admin = Chat(telegram, ADMIN)
        await admin.send("/broadcast")
        assert any("(2)" in label for label in button_labels(telegram, ADMIN, f"bt:e:{SUZHOU}"))
        await admin.press(f"bt:e:{SUZHOU}")
        await admin.send("会场改在B厅")
        preview = await admin.send("Venue changed to Hall B")
        assert "Preview (to 2 people)" in preview[0] and "会场改在B厅" in preview[0]
        assert "Venue changed" not in "".join(telegram.texts_to(116))
        started = await admin.press("bc:yes")
        assert "Sending to 2 people" in started[0]
        done = await admin.replies(1)  # the delivery report, once every copy is out
        await telegram.wait(lambda: any("Venue changed to Hall B" in m for m in telegram.texts_to(116)))
        await telegram.wait(lambda: any("会场改在B厅" in m for m in telegram.texts_to(132)))
    english = next(m for m in telegram.texts_to(116) if "Venue changed" in m)
    chinese = next(m for m in telegram.texts_to(132) if "会场改在B厅" in m)
    assert english.startswith("📢 From the organisers of “Suzhou International Elite Week 2027”")
    assert chinese.startswith("📢 「2027苏州国际精英周」主办方通知") and "Venue changed" not in chinese
    assert "Delivered 2/2 (1 in Chinese, 1 in English)" in done[0] and "Not delivered 0" in done[0]


async def test_non_organiser_is_politely_refused(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 117)
        replies = [
            (await chat.send(cmd))[0] for cmd in ("/stats", "/export", "/broadcast", "/unanswered", "/reload")
        ]
    assert all("organisers only" in r for r in replies)


async def test_organiser_sees_stats_and_unanswered_questions(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        await Chat(telegram, 118).send("What is the average rainfall in Ningbo in 2011?")
        admin = Chat(telegram, ADMIN)
        stats = await admin.send("/stats")
        unanswered = await admin.send("/unanswered")
    assert "not answered: 1" in stats[0]
    assert "rainfall" in unanswered[0]


async def test_forged_or_stale_buttons_change_nothing(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 119)
        for data in (
            "r:no-such-event",
            "v:999999:1",
            "cy:" + SUZHOU,
            "rf:ok",
            "f:r:Atlantis:0",
            "bc:yes",
            "zz",
            "s:r:Mars",
        ):
            await telegram.press(119, data)
        await telegram.wait(lambda: len(telegram.answers()) >= 8)
        await chat.send("/myevents")
    notices = [a.get("text") for a in telegram.answers()]
    assert len(notices) == 8  # every callback query is answered
    assert notices.count("This button is no longer valid.") == 6
    assert "You are not registered for this event." in telegram.texts_to(119)
    assert registry.my_registrations(119) == [] and registry.subscriptions(119) == set()
    assert registry.stats()["votes_up"] == 0


async def test_a_20000_character_message_is_answered_in_pieces_under_the_limit(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        replies = await Chat(telegram, 120).send("What is the Chizi Plan? " + "x" * 20_000)
    assert "first 2000 characters" in replies[0]
    assert all(len(p.get("text", "")) <= 4096 for p in telegram.sent_to(120))


async def test_non_text_messages_get_a_polite_hint(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        await telegram.send_sticker(121)
        await telegram.wait(lambda: telegram.texts_to(121))
    assert "text" in telegram.texts_to(121)[0]


async def test_restart_keeps_registrations_reminders_and_a_half_finished_registration(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    """Stop the bot mid-registration; a new process on the same database continues and reminds once."""
    event = assistant.kb.event(SUZHOU)
    assert event is not None
    async with running_bot(telegram, assistant, registry):
        done = Chat(telegram, 122)
        await register(done, SUZHOU)
        half = Chat(telegram, 123)
        await half.press(f"r:{SUZHOU}")
        await half.send("Chen Jing")
    assert registry.pending_reminders() == 2

    # After the restart: the clock is two days before the event, so the 3-day reminder is due.
    registry.clock = lambda: event.starts_at.astimezone(dt.UTC) - dt.timedelta(days=2)
    async with running_bot(telegram, assistant, registry):
        half.seen = len(telegram.sent_to(123))
        step = await half.send("Fudan University")
        assert "research field" in step[0]
        reminder = await telegram.wait(lambda: [t for t in telegram.texts_to(122) if "Reminder" in t])
    async with running_bot(telegram, assistant, registry):
        await Chat(telegram, 124).send("/help")
    assert len([t for t in telegram.texts_to(122) if "Reminder" in t]) == 1
    assert "Asia/Shanghai" in reminder[0] and "09:00" in reminder[0]
    assert [r.status for r in registry.my_registrations(122)] == ["registered"]
    assert registry.draft(123) == (
        "register",
        "field",
        {"event_id": SUZHOU, "name": "Chen Jing", "affiliation": "Fudan University"},
    )


@pytest.mark.parametrize("secret_ok", [True, False])
async def test_webhook_mode_answers_only_requests_with_the_secret(
    telegram: Any, assistant: Assistant, registry: Registry, secret_ok: bool
) -> None:
    async with running_bot(telegram, assistant, registry, webhook_secret="s3cret-Token_1"):
        assert telegram.webhook is not None and telegram.webhook[1] == "s3cret-Token_1"
        update = telegram.update_for_text(125, "/start")
        header = "s3cret-Token_1" if secret_ok else "wrong"
        status = await telegram.post_webhook(update, {"X-Telegram-Bot-Api-Secret-Token": header})
        if secret_ok:
            await telegram.wait(lambda: telegram.texts_to(125))
    assert status == (200 if secret_ok else 403)
    assert bool(telegram.texts_to(125)) is secret_ok


async def test_subscribers_hear_of_new_events_in_their_region(
    telegram: Any, assistant: Assistant, sqlite_url: str
) -> None:
    from chizi.db import make_engine, migrate

    engine = make_engine(sqlite_url)
    migrate(engine)
    fresh = Registry(engine, clock=today)
    fresh.toggle_subscription(126, "region", "Jiangsu")  # subscribed before these events were published
    fresh.set_timezone(126, "Europe/Berlin")
    async with running_bot(telegram, assistant, fresh):
        await telegram.wait(lambda: len([t for t in telegram.texts_to(126) if "New event" in t]) >= 2)
    announced = [t for t in telegram.texts_to(126) if "New event" in t]
    suzhou = next(t for t in announced if "Suzhou International Elite Week 2027" in t)
    assert "06 Jul 2027 09:00 CST (your time: 06 Jul 2027 03:00 CEST)" in suzhou  # both clocks
    assert all("Shandong" not in t for t in announced)
    assert fresh.sync_events(assistant.kb.events) == []  # each event is announced once
    engine.dispose()


async def test_organiser_reload_reindexes_without_restart(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        replies = await Chat(telegram, ADMIN).send("/reload", expect=2)
    assert "Reloading" in replies[0] and "Reloaded" in replies[1] and "unchanged" in replies[1]


async def test_a_flood_of_messages_is_throttled_with_one_notice(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry, throttle_per_minute=3):
        for _ in range(6):
            await telegram.send_text(127, "hello")
        await telegram.wait(lambda: len(telegram.texts_to(127)) >= 4)
        await telegram.send_text(127, "/help")  # commands still work
        await telegram.wait(lambda: any("Commands:" in t for t in telegram.texts_to(127)))
    texts = telegram.texts_to(127)
    assert sum("too quickly" in t for t in texts) == 1
    assert sum(t.startswith("Hello!") for t in texts) == 3


async def test_an_event_answer_carries_the_events_card_and_register_buttons(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 130)
        reply = (await chat.send("苏州精英周还有名额吗"))[0]
        buttons = chat.last_buttons()
        card = await chat.press(f"ev:{SUZHOU}")
    assert "剩余 400 个" in reply
    assert f"ev:{SUZHOU}" in buttons and f"r:{SUZHOU}" in buttons
    # The card comes as a new message: the answer it was opened from stays on screen.
    assert "Suzhou International Elite Week 2027" in card[0] and telegram.edits_to(130) == []


async def test_a_follow_up_leans_on_the_previous_question_across_a_restart(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        await Chat(telegram, 131).send("When is the Suzhou Elite Week?")
    async with running_bot(telegram, assistant, registry):
        reply = (await Chat(telegram, 131).send("and the deadline?"))[0]
    assert "Registration closes 15 June 2027" in reply


async def test_register_on_an_event_one_is_registered_for_says_so_and_answers_the_button_once(
    telegram: Any, assistant: Assistant, registry: Registry, caplog: pytest.LogCaptureFixture
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 132)
        await register(chat, SUZHOU)
        before = len(telegram.answers())
        reply = await chat.press(f"r:{SUZHOU}")
    assert "already registered" in reply[0]
    assert len(telegram.answers()) == before + 1
    assert "failed" not in caplog.text


async def test_an_unknown_command_gets_the_help_menu(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 133)
        reply = (await chat.send("/foo"))[0]
        buttons = chat.last_buttons()
    assert "/events" in reply and "m:events" in buttons


async def test_a_one_day_online_event_card_writes_its_date_once_and_says_online(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        card = (await Chat(telegram, 134).send("/start evt_hz-siliconvalley-online-2027"))[0]
    assert "25 Feb 2027 18:00–20:00 PST (America/Los_Angeles)" in card
    assert "📍 online" in card


def button_labels(telegram: Any, chat_id: int, data_prefix: str) -> list[str]:
    """The labels of buttons whose callback data starts with data_prefix, on the last message shown."""
    message = telegram.screen(chat_id)[-1]
    markup = message.get("reply_markup")
    markup = json.loads(markup) if isinstance(markup, str) else markup
    return [
        b["text"]
        for row in markup["inline_keyboard"]
        for b in row
        if b["callback_data"].startswith(data_prefix)
    ]
