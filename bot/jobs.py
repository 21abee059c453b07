"""Background work scheduled from the database: reminders and new-event announcements."""

from __future__ import annotations

import asyncio

from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ContextTypes,
)

from bot.common import Core, core_of, is_permanent, log, run, send_calendar
from bot.texts import t
from bot.views import format_when, place_lines, when_lines
from chizi.metrics import SEND_FAILURES


# --- background jobs -------------------------------------------------------------------------------
async def send_due_reminders(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send reminders whose time has come; each is claimed in the database first, so none repeats.

    A chat that is gone for good (bot blocked, chat not found) keeps its claim: retrying cannot deliver.
    Anything else (network, Telegram's 5xx) releases it for the next round. Both are counted and logged."""
    core = core_of(context)
    for r in await run(core.registry.due_reminders):
        event = core.event(r.event_id)
        if event is None or not await run(core.registry.claim_reminder, r.id):
            continue
        lang = r.language
        text = t(
            "reminder",
            lang,
            title=event.title(lang),
            when=when_lines(event, r.timezone, lang),
            where=place_lines(event, lang, registered=True),
            contact=event.contact,
        )
        try:
            await context.bot.send_message(r.user_id, text)
            await send_calendar(context.bot, core, r.user_id, event, lang)
        except TelegramError as exc:
            kind = "permanent" if is_permanent(exc) else "transient"
            core.reminder_failures[kind] += 1
            SEND_FAILURES.labels("reminder", kind).inc()
            log.warning("reminder %s not delivered (%s, %s)", r.id, exc.__class__.__name__, kind)
            if kind == "transient":
                await run(core.registry.release_reminder, r.id)
        else:
            log.info("reminder %s sent", r.id)


async def announce_new_events(app: Application) -> None:
    """Tell matching subscribers about events that appeared in the catalogue since the last time."""
    core: Core = app.bot_data["core"]
    new_ids = await run(core.registry.sync_events, core.events)
    for event_id in new_ids:
        event = core.event(event_id)
        if event is None or event.starts_at <= core.now():
            continue
        for user_id, lang in await run(core.registry.subscribers_for, event.region("en"), event.fields):
            try:
                await app.bot.send_message(
                    user_id,
                    t(
                        "new_event",
                        lang,
                        title=event.title(lang),
                        start=format_when(event.starts_at, lang),
                        place=event.place(lang),
                        id=event.id,
                    ),
                )
            except TelegramError as exc:
                log.warning("announcement not delivered (%s)", exc.__class__.__name__)
            await asyncio.sleep(0.04)
    await run(core.registry.mark_announced, new_ids)
