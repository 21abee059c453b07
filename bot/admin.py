"""Organisers' commands, refused politely to everyone else."""

from __future__ import annotations

import io
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import (
    ContextTypes,
)

from bot.common import Core, answer_once, core_of, kb, log, run, say, user_language
from bot.jobs import announce_new_events
from bot.views import short_name
from chizi.texts import t


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
    catalogue = sorted(core.events, key=lambda e: e.starts_at)
    seats = await run(core.registry.seats, [e.id for e in catalogue])
    zero = {"registered": 0, "waitlisted": 0, "cancelled": 0}
    lines = [
        t(
            "stats_event",
            lang,
            title=e.title(lang),
            capacity=e.capacity,
            left=seats[e.id][0],
            **{**zero, **s["events"].get(e.id, {})},
        )
        for e in catalogue
    ]
    # Registrations for events no longer in the catalogue are still counted, under their id.
    known = {e.id for e in catalogue}
    lines += [
        t("stats_event", lang, title=k, capacity="?", left="?", **{**zero, **v})
        for k, v in sorted(s["events"].items())
        if k not in known
    ]
    events = "\n".join(lines) or "—"
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
            permanent=core.reminder_failures["permanent"],
            transient=core.reminder_failures["transient"],
        ),
    )


@organisers_only
async def export_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Choose an event with buttons (or name its id) and receive its registrations as CSV."""
    core = core_of(context)
    lang = await user_language(update, core)
    if context.args:
        if core.event(context.args[0]) is None:
            await say(update, t("export_unknown", lang))
            return
        await send_export(update, core, lang, context.args[0])
        return
    s = await run(core.registry.stats)

    def live(event_id: str) -> int:
        counts = s["events"].get(event_id, {})
        return int(counts.get("registered", 0) + counts.get("waitlisted", 0))

    rows = [
        [(t("export_event", lang, name=short_name(e, lang), n=live(e.id)), f"x:{e.id}")]
        for e in sorted(core.events, key=lambda e: e.starts_at)
    ]
    rows.append([(t("export_all", lang, n=sum(live(k) for k in s["events"])), "x:all")])
    await say(update, t("export_pick", lang), kb(rows))


async def export_button(update: Update, core: Core, lang: str, rest: str) -> bool:
    """x:<event id> or x:all, pressed by an organiser (checked by the caller)."""
    if rest != "all" and core.event(rest) is None:
        return False
    assert update.callback_query is not None
    await answer_once(core, update.callback_query)
    await send_export(update, core, lang, None if rest == "all" else rest)
    return True


async def send_export(update: Update, core: Core, lang: str, event_id: str | None) -> None:
    data = await run(core.registry.export_csv, event_id, core.events, lang)
    name = f"registrations-{event_id or 'all'}-{core.now():%Y-%m-%d}.csv"
    chat = update.effective_chat
    assert chat is not None
    log.info("organiser %s exported registrations of %s", update.effective_user.id, event_id or "all events")  # type: ignore[union-attr]
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
        registrants = len(await run(core.registry.registrants, e.id))
        subscribers = len(await run(core.registry.subscribers_for, e.region("en"), e.fields))
        name = short_name(e, lang)
        rows.append([(t("bc_registrants", lang, name=name, n=registrants), f"bt:e:{e.id}")])
        rows.append([(t("bc_subscribers", lang, name=name, n=subscribers), f"bt:s:{e.id}")])
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
