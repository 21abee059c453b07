"""Multi-step conversations kept in the database: registration, cancellation, broadcast."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.error import Forbidden, RetryAfter, TelegramError
from telegram.ext import (
    Application,
    ContextTypes,
)

from bot.common import Core, answer_once, kb, notify_promotion, run, say
from bot.texts import t
from bot.views import main_menu
from chizi.knowledge import Event
from chizi.registry import Details, InvalidInput, Refused, validate_field

REG_STEPS = ("name", "affiliation", "field", "email", "consent", "confirm")


async def registration_step(
    update: Update, core: Core, lang: str, step: str, data: dict[str, Any], text: str
) -> None:
    uid = update.effective_user.id  # type: ignore[union-attr]
    event = core.event(str(data.get("event_id")))
    if event is None or step not in REG_STEPS:
        await run(core.registry.clear_draft, uid)
        await say(update, t("refused_unknown_event", lang))
        return
    if step in ("consent", "confirm"):
        await say(update, t("use_buttons", lang))
        return
    try:
        value = validate_field(step, text)
    except InvalidInput as bad:
        await say(update, t(f"bad_{bad.reason}", lang), _skip_button(lang) if step == "email" else None)
        return
    data[step] = value
    await advance(update, core, lang, uid, event, data, REG_STEPS[REG_STEPS.index(step) + 1])


def _skip_button(lang: str) -> InlineKeyboardMarkup:
    return kb([[(t("btn_skip", lang), "rs:skip")]])


async def advance(
    update: Update, core: Core, lang: str, uid: int, event: Event, data: dict[str, Any], step: str
) -> None:
    """Store the draft at `step` (so a restart resumes here) and ask for it."""
    await run(core.registry.save_draft, uid, "register", step, data)
    if step == "affiliation":
        await say(update, t("ask_affiliation", lang))
    elif step == "field":
        await say(update, t("ask_field", lang))
    elif step == "email":
        await say(update, t("ask_email", lang), _skip_button(lang))
    elif step == "consent":
        await say(
            update,
            t("ask_consent", lang),
            kb([[(t("btn_agree", lang), "rc:yes"), (t("btn_disagree", lang), "rc:no")]]),
        )
    elif step == "confirm":
        await say(
            update,
            t(
                "summary",
                lang,
                title=event.title(lang),
                name=data["name"],
                affiliation=data["affiliation"],
                field=data["field"],
                email=data.get("email") or t("none", lang),
            ),
            kb([[(t("btn_confirm", lang), "rf:ok"), (t("btn_abort", lang), "rx")]]),
        )


async def broadcast_preview(update: Update, core: Core, lang: str, data: dict[str, Any], text: str) -> None:
    uid = update.effective_user.id  # type: ignore[union-attr]
    text = text.strip()[:3500]
    if not text:
        await say(update, t("bad_empty", lang))
        return
    data["text"] = text
    await run(core.registry.save_draft, uid, "broadcast", "confirm", data)
    await say(
        update,
        t("bc_preview", lang, n=len(data["recipients"]), text=text),
        kb([[(t("btn_send", lang), "bc:yes"), (t("btn_abort", lang), "bc:no")]]),
    )


async def start_registration(update: Update, core: Core, lang: str, uid: int, event: Event) -> None:
    now = dt.datetime.now(dt.UTC)
    if event.starts_at <= now:
        raise Refused("past")
    if event.deadline_at < now:
        raise Refused("closed")
    if await run(core.registry.status, uid, event.id):
        raise Refused("duplicate")
    await run(core.registry.save_draft, uid, "register", "name", {"event_id": event.id})
    await say(update, t("ask_name", lang, title=event.title(lang)))


async def registration_button(update: Update, core: Core, lang: str, uid: int, kind: str, rest: str) -> bool:
    query = update.callback_query
    assert query is not None
    draft = await run(core.registry.draft, uid)
    if not draft or draft[0] != "register":
        return False
    _, step, data = draft
    event = core.event(str(data.get("event_id")))
    if event is None:
        return False
    if kind == "rx":
        await answer_once(core, query)
        await run(core.registry.clear_draft, uid)
        await say(update, t("aborted", lang))
        return True
    if kind == "rs" and rest == "skip" and step == "email":
        await answer_once(core, query)
        data["email"] = None
        await advance(update, core, lang, uid, event, data, "consent")
        return True
    if kind == "rc" and step == "consent" and rest in ("yes", "no"):
        await answer_once(core, query)
        if rest == "no":
            await run(core.registry.clear_draft, uid)
            await say(update, t("consent_refused", lang))
            return True
        data["consent"] = True
        await advance(update, core, lang, uid, event, data, "confirm")
        return True
    if kind == "rf" and rest == "ok" and step == "confirm" and data.get("consent"):
        await answer_once(core, query)
        details = Details(data["name"], data["affiliation"], data["field"], data.get("email"))
        try:
            outcome = await run(core.registry.register, uid, event.id, details)
        finally:
            await run(core.registry.clear_draft, uid)
        if outcome.status == "registered":
            await say(update, t("registered", lang, title=event.title(lang)), main_menu(lang))
        else:
            await say(update, t("waitlisted", lang, n=outcome.position), main_menu(lang))
        return True
    return False


async def cancel_button(
    update: Update, context: ContextTypes.DEFAULT_TYPE, core: Core, lang: str, uid: int, kind: str, rest: str
) -> bool:
    query = update.callback_query
    assert query is not None
    event = core.event(rest)
    if event is None:
        return False
    if kind == "c":
        if not await run(core.registry.status, uid, event.id):
            return False
        await answer_once(core, query)
        await say(
            update,
            t("cancel_confirm", lang, title=event.title(lang)),
            kb([[(t("btn_yes_cancel", lang), f"cy:{event.id}"), (t("btn_keep", lang), f"ck:{event.id}")]]),
        )
        return True
    if kind == "ck":
        await answer_once(core, query)
        await say(update, t("kept", lang))
        return True
    promotion = await run(core.registry.cancel, uid, event.id)
    await answer_once(core, query)
    await say(update, t("cancelled", lang, title=event.title(lang)))
    if promotion:
        await notify_promotion(
            context.application, core, promotion.user_id, promotion.event_id, promotion.language
        )
    return True


async def broadcast_button(
    update: Update, context: ContextTypes.DEFAULT_TYPE, core: Core, lang: str, uid: int, kind: str, rest: str
) -> bool:
    query = update.callback_query
    assert query is not None
    if kind == "bt":
        target, _, event_id = rest.partition(":")
        event = core.event(event_id)
        if event is None or target not in ("e", "s"):
            return False
        if target == "e":
            recipients = await run(core.registry.registrants, event.id)
        else:
            recipients = await run(core.registry.subscribers_for, event.region("en"), event.fields)
        await answer_once(core, query)
        if not recipients:
            await say(update, t("bc_nobody", lang))
            return True
        await run(
            core.registry.save_draft, uid, "broadcast", "text", {"recipients": [r for r, _ in recipients]}
        )
        await say(update, t("bc_ask_text", lang, n=len(recipients)))
        return True
    draft = await run(core.registry.draft, uid)
    if not draft or draft[0] != "broadcast" or draft[1] != "confirm" or rest not in ("yes", "no"):
        return False
    await answer_once(core, query)
    await run(core.registry.clear_draft, uid)
    if rest == "no":
        await say(update, t("aborted", lang))
        return True
    sent, failed = await send_paced(context.application, draft[2]["recipients"], draft[2]["text"])
    await say(update, t("bc_done", lang, sent=sent, failed=failed))
    return True


async def send_paced(
    app: Application, recipients: list[int], text: str, per_second: float = 25.0
) -> tuple[int, int]:
    """Send one message to many, under Telegram's ~30 messages/second, retrying once after RetryAfter."""
    sent = failed = 0
    for chat_id in recipients:
        for attempt in range(2):
            try:
                await app.bot.send_message(chat_id, text)
                sent += 1
                break
            except RetryAfter as wait:
                if attempt:
                    failed += 1
                else:
                    await asyncio.sleep(
                        float(
                            wait.retry_after
                            if isinstance(wait.retry_after, int | float)
                            else wait.retry_after.total_seconds()
                        )
                    )
            except (Forbidden, TelegramError):
                failed += 1
                break
        await asyncio.sleep(1 / per_second)
    return sent, failed
