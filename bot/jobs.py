"""Background work scheduled from the database: reminders and new-event announcements."""

from __future__ import annotations

import asyncio
import functools

from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ContextTypes,
)

from bot.common import Core, core_of, is_permanent, log, run, send_calendar, user_zone
from bot.views import moment_both, place_lines, when_lines
from chizi.event_answers import where
from chizi.metrics import SEND_FAILURES
from chizi.texts import broadcast_message, t


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
    new_ids = await run(core.registry.sync_events, core.assistant.seed_events)
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
                        start=moment_both(event.starts_at, event, await user_zone(core, user_id), lang),
                        place=where(event, lang),
                        id=event.id,
                    ),
                )
            except TelegramError as exc:
                log.warning("announcement not delivered (%s)", exc.__class__.__name__)
            await asyncio.sleep(0.04)
    await run(core.registry.mark_announced, new_ids)


# --- broadcasts ------------------------------------------------------------------------------------
async def deliver_broadcast(
    app: Application, core: Core, broadcast_id: int, per_second: float = 25.0
) -> None:
    """Send every pending copy once, in its reader's language, under Telegram's ~30 messages/second;
    then report to the organiser. Safe to run again after a crash, and in two processes at once."""
    found = [b for b in await run(core.registry.unfinished_broadcasts) if b["id"] == broadcast_id]
    if not found:
        return
    broadcast = found[0]
    event = core.event(broadcast["event_id"])
    messages = {lang: broadcast_message(event, lang, broadcast) for lang in ("zh", "en")}
    while (claim := await run(core.registry.next_delivery, broadcast_id)) is not None:
        user_id, language = claim
        try:
            await app.bot.send_message(user_id, messages["zh" if language == "zh" else "en"])
            status = "sent"
        except TelegramError as exc:
            status = "blocked" if is_permanent(exc) else "failed"
            SEND_FAILURES.labels("broadcast", "permanent" if status == "blocked" else "transient").inc()
        await run(core.registry.delivered, broadcast_id, user_id, status)
        await asyncio.sleep(1 / per_second)
    report = await run(core.registry.finish_broadcast, broadcast_id)
    if report is None:  # another process finished it and reported
        return
    organiser: int | None = broadcast["organiser_id"]
    log.info(
        "broadcast %s for %s by organiser %s: %d sent, %d blocked, %d failed",
        broadcast_id,
        broadcast["event_id"],
        organiser if organiser is not None else broadcast.get("sent_by"),
        report["sent"],
        report["blocked"],
        report["failed"],
    )
    if organiser is None:  # sent from the console: the report is on its broadcast page
        return
    lang = await run(core.registry.language, organiser)
    text = t(
        "bc_done",
        lang,
        title=event.title(lang) if event else broadcast["event_id"],
        sent=report["sent"],
        n=report["total"],
        zh=report["by_language"].get("zh", 0),
        en=report["by_language"].get("en", 0),
        failed=report["blocked"] + report["failed"],
        blocked=report["blocked"],
        other=report["failed"],
    )
    if report["sending"]:
        text += "\n" + t("bc_unknown", lang, n=report["sending"])
    try:
        await app.bot.send_message(organiser, text)
    except TelegramError as exc:
        log.warning("broadcast report not delivered (%s)", exc.__class__.__name__)


async def resume_broadcasts(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Broadcasts not being sent here (left half sent by a stopped process, or started in the console)
    are sent; copies are claimed one by one, so two workers doing this never send anyone two."""
    app = context.application
    core = core_of(context)
    running: set[int] = app.bot_data.setdefault("broadcasts_running", set())
    for broadcast in await run(core.registry.unfinished_broadcasts):
        if broadcast["id"] in running:
            continue
        running.add(broadcast["id"])
        task = app.create_task(
            deliver_broadcast(app, core, broadcast["id"]), name=f"broadcast-{broadcast['id']}"
        )
        task.add_done_callback(functools.partial(_finished, running, broadcast["id"]))


def _finished(running: set[int], broadcast_id: int, _task: object) -> None:
    running.discard(broadcast_id)


async def follow_console(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Pick up what the console changed: events and organisers' answers (answers and cards use them at
    once, new events are announced) and broadcasts to send."""
    core = core_of(context)
    version = await run(core.registry.catalogue_version)
    if version != context.application.bot_data.get("catalogue_version"):
        await run(core.assistant.refresh_catalogue)
        context.application.bot_data["catalogue_version"] = version
        await announce_new_events(context.application)
    await resume_broadcasts(context)
