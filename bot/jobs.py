"""Background work scheduled from the database: reminders and new-event announcements."""

from __future__ import annotations

import asyncio
import datetime as dt

from telegram.error import Forbidden, TelegramError
from telegram.ext import (
    Application,
    ContextTypes,
)

from bot.common import Core, core_of, log, run
from bot.texts import t
from bot.views import format_when


# --- background jobs -------------------------------------------------------------------------------
async def send_due_reminders(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send reminders whose time has come; each is claimed in the database first, so none repeats."""
    core = core_of(context)
    for r in await run(core.registry.due_reminders):
        event = core.event(r.event_id)
        if event is None or not await run(core.registry.claim_reminder, r.id):
            continue
        local = event.starts_at.strftime("%Y-%m-%d %H:%M")
        try:
            await context.bot.send_message(
                r.user_id,
                t(
                    "reminder",
                    r.language,
                    title=event.title(r.language),
                    start=local,
                    tz=event.timezone,
                    place=event.place(r.language),
                ),
            )
        except Forbidden:
            pass  # the user blocked the bot: nothing to retry
        except TelegramError:
            await run(core.registry.release_reminder, r.id)


async def announce_new_events(app: Application) -> None:
    """Tell matching subscribers about events that appeared in the catalogue since the last time."""
    core: Core = app.bot_data["core"]
    new_ids = await run(core.registry.sync_events, core.events)
    for event_id in new_ids:
        event = core.event(event_id)
        if event is None or event.starts_at <= dt.datetime.now(dt.UTC):
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
