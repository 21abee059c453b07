"""Organisers' commands, refused politely to everyone else."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import (
    ContextTypes,
)

from bot.common import core_of, kb, run, say, user_language
from bot.jobs import announce_new_events
from bot.texts import t


# --- organiser commands ----------------------------------------------------------------------------
def organisers_only(handler: Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]) -> Any:
    async def guarded(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        core = core_of(context)
        if update.effective_user is None or not core.is_admin(update.effective_user.id):
            await say(update, t("not_admin", await user_language(update, core)))
            return
        await handler(update, context)

    guarded.__doc__ = handler.__doc__
    return guarded


@organisers_only
async def stats_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Registrations per event, waitlists, questions answered and not, votes."""
    core = core_of(context)
    lang = await user_language(update, core)
    s = await run(core.registry.stats)
    events = "\n".join(t("stats_event", lang, id=k, **v) for k, v in sorted(s["events"].items())) or "—"
    await say(
        update,
        t(
            "stats",
            lang,
            events=events,
            answered=s["questions_answered"],
            unanswered=s["questions_unanswered"],
            up=s["votes_up"],
            down=s["votes_down"],
            users=s["users"],
        ),
    )


@organisers_only
async def export_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send registrations as a CSV document (UTF-8 with BOM)."""
    core = core_of(context)
    lang = await user_language(update, core)
    event_id = context.args[0] if context.args else None
    if event_id and core.event(event_id) is None:
        await say(update, t("export_unknown", lang))
        return
    data = await run(core.registry.export_csv, event_id)
    name = f"registrations-{event_id or 'all'}-{dt.date.today().isoformat()}.csv"
    chat = update.effective_chat
    assert chat is not None
    await chat.send_document(io.BytesIO(data), filename=name, caption=t("export_caption", lang))


@organisers_only
async def unanswered_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The recent questions the assistant could not answer."""
    core = core_of(context)
    lang = await user_language(update, core)
    rows = await run(core.registry.unanswered, 20)
    if not rows:
        await say(update, t("unanswered_none", lang))
        return
    lines = [t("unanswered", lang)] + [f"• {when:%Y-%m-%d} [{ql}] {text[:300]}" for when, ql, text in rows]
    await say(update, "\n".join(lines))


@organisers_only
async def broadcast_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Choose who receives a broadcast: an event's registrants or its matching subscribers."""
    core = core_of(context)
    lang = await user_language(update, core)
    rows = []
    for e in core.upcoming():
        rows.append([(t("bc_registrants", lang, title=e.title(lang))[:60], f"bt:e:{e.id}")])
        rows.append([(t("bc_subscribers", lang, title=e.title(lang))[:60], f"bt:s:{e.id}")])
    await say(update, t("bc_pick", lang), kb(rows))


@organisers_only
async def reload_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Re-ingest the knowledge folder and events catalogue without a restart."""
    core = core_of(context)
    lang = await user_language(update, core)
    await say(update, t("reloading", lang))
    try:
        report = await run(core.assistant.ingest)
    except Exception as exc:  # a bad knowledge file must not take the bot down
        await say(update, t("reload_failed", lang, error=str(exc)[:500]))
        return
    await announce_new_events(context.application)
    await say(
        update,
        t(
            "reloaded",
            lang,
            chunks=report.chunks,
            events=len(core.events),
            changed=t("changed" if report.changed else "unchanged", lang),
        ),
    )
