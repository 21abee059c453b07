"""Multi-step conversations kept in the database: registration, cancellation, broadcast."""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import (
    ContextTypes,
)

from bot.common import (
    Core,
    answer_once,
    kb,
    notify_promotion,
    run,
    say,
    send_calendar,
    show,
    user_zone,
)
from bot.jobs import deliver_broadcast
from bot.views import confirmation, edit_menu, main_menu, moment_in, short_name, timezone_picker
from chizi.catalogue import Event
from chizi.metrics import REGISTRATIONS
from chizi.registry import EDITABLE, Details, InvalidInput, Refused, validate_field
from chizi.texts import broadcast_message, t
from chizi.timezones import resolve_zone, zone

REG_STEPS = ("name", "affiliation", "field", "email", "consent", "confirm")


async def draft_event(
    update: Update, core: Core, lang: str, data: dict[str, Any], step_known: bool
) -> Event | None:
    """The event a stored flow is about; when it is gone from the catalogue (or the step is unknown),
    the flow is dropped and the user told, and None returned."""
    event = core.event(str(data.get("event_id")))
    if event is None or not step_known:
        await run(core.registry.clear_draft, update.effective_user.id)  # type: ignore[union-attr]
        await say(update, t("refused_unknown_event", lang))
        return None
    return event


async def registration_step(
    update: Update, core: Core, lang: str, step: str, data: dict[str, Any], text: str
) -> None:
    event = await draft_event(update, core, lang, data, step in REG_STEPS)
    if event is None:
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
    uid = update.effective_user.id  # type: ignore[union-attr]
    await advance(update, core, lang, uid, event, data, REG_STEPS[REG_STEPS.index(step) + 1])


def _skip_button(lang: str) -> InlineKeyboardMarkup:
    return kb([[(t("btn_skip", lang), "rs:skip")]])


async def advance(
    update: Update, core: Core, lang: str, uid: int, event: Event, data: dict[str, Any], step: str
) -> None:
    """Store the draft at `step` (so a restart resumes here) and ask for it."""
    await run(core.registry.save_draft, uid, "register", step, data)
    if step == "name":
        await say(update, t("ask_name", lang, title=event.title(lang)))
    elif step == "affiliation":
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
            kb([[(t("btn_confirm", lang), f"rf:{event.id}"), (t("btn_abort", lang), "rx")]]),
        )


async def broadcast_text(
    update: Update, core: Core, lang: str, step: str, data: dict[str, Any], text: str
) -> None:
    """The Chinese version, then the English one; then a preview of what each reader will get."""
    uid = update.effective_user.id  # type: ignore[union-attr]
    text = text.strip()[:3500]
    if not text:
        await say(update, t("bad_empty", lang))
        return
    if step == "text":
        data["text_zh"] = text
        await run(core.registry.save_draft, uid, "broadcast", "text_en", data)
        await say(
            update,
            t("bc_ask_en", lang, en=_count(data, "en")),
            kb([[(t("btn_bc_same", lang), "bc:same")]]),
        )
        return
    data["text_en"] = text
    await broadcast_preview(update, core, lang, data)


async def broadcast_preview(update: Update, core: Core, lang: str, data: dict[str, Any]) -> None:
    uid = update.effective_user.id  # type: ignore[union-attr]
    event = core.event(str(data.get("event_id")))
    if event is None:
        await run(core.registry.clear_draft, uid)
        await say(update, t("refused_unknown_event", lang))
        return
    await run(core.registry.save_draft, uid, "broadcast", "confirm", data)
    await say(
        update,
        t(
            "bc_preview",
            lang,
            n=len(data["recipients"]),
            zh=_count(data, "zh"),
            en=_count(data, "en"),
            text_zh=broadcast_message(event, "zh", data),
            text_en=broadcast_message(event, "en", data),
        ),
        kb([[(t("btn_send", lang), "bc:yes"), (t("btn_abort", lang), "bc:no")]]),
    )


def _count(data: dict[str, Any], lang: str) -> int:
    return sum(1 for _, language in data["recipients"] if (language == "zh") == (lang == "zh"))


async def start_registration(update: Update, core: Core, lang: str, uid: int, event: Event) -> None:
    state = event.state(core.now())
    if state != "open":
        raise Refused("unknown_event" if state == "cancelled" else state)
    if await run(core.registry.status, uid, event.id):
        raise Refused("duplicate")
    await run(core.registry.save_draft, uid, "register", "name", {"event_id": event.id})
    await say(update, t("ask_name", lang, title=event.title(lang)))


async def registration_button(update: Update, core: Core, lang: str, uid: int, kind: str, rest: str) -> bool:
    query = update.callback_query
    assert query is not None
    draft = await run(core.registry.draft, uid)
    if not draft or draft[0] != "register":
        if kind == "rf":
            return await confirm_again(update, core, lang, uid, rest)
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
    # "rf:<event id>"; "rf:ok" is what confirm buttons sent before they named their event.
    if kind == "rf" and rest in ("ok", event.id) and step == "confirm" and data.get("consent"):
        await answer_once(core, query)
        username = query.from_user.username
        details = Details(data["name"], data["affiliation"], data["field"], data.get("email"), username)
        try:
            outcome = await run(core.registry.register, uid, event.id, details)
        finally:
            await run(core.registry.clear_draft, uid)
        REGISTRATIONS.labels(outcome.status).inc()
        if outcome.status == "registered":
            await say(update, confirmation(event, lang, await user_zone(core, uid)), main_menu(lang))
            await send_calendar(update.get_bot(), core, uid, event, lang)
        else:
            await say(update, t("waitlisted", lang, n=outcome.position), main_menu(lang))
        return True
    if kind in ("rs", "rc", "rf") and step in REG_STEPS:
        # A button of a step already passed (pressed twice, or redelivered after a worker died before
        # replying): say where the registration stands, so the reply that was lost comes again.
        await answer_once(core, query)
        await advance(update, core, lang, uid, event, data, step)
        return True
    return False


async def confirm_again(update: Update, core: Core, lang: str, uid: int, event_id: str) -> bool:
    """Confirm pressed again after the registration went through: the same confirmation, not a stale
    notice. This is how a press handled by a worker that died before replying still gets its answer
    when Telegram (or nginx) delivers it again."""
    event = core.event(event_id)
    if event is None or await run(core.registry.status, uid, event.id) != "registered":
        return False
    assert update.callback_query is not None
    await answer_once(core, update.callback_query)
    await say(update, confirmation(event, lang, await user_zone(core, uid)), main_menu(lang))
    await send_calendar(update.get_bot(), core, uid, event, lang)
    return True


# --- editing a registration ------------------------------------------------------------------------
async def edit_button(update: Update, core: Core, lang: str, uid: int, kind: str, rest: str) -> bool:
    """ed:<event> shows what can be changed; ef:<detail>:<event> asks for the new value."""
    query = update.callback_query
    assert query is not None
    detail, event_id = ("", rest) if kind == "ed" else rest.partition(":")[::2]
    event = core.event(event_id)
    if event is None or (kind == "ef" and detail not in EDITABLE):
        return False
    details = await run(core.registry.details, uid, event.id)
    if details is None:
        raise Refused("not_registered")
    await answer_once(core, query)
    if kind == "ed":
        await show(update, *edit_menu(event, details, lang))
        return True
    await run(core.registry.save_draft, uid, "edit", detail, {"event_id": event.id})
    await say(update, t(f"edit_ask_{detail}", lang))
    return True


async def edit_step(
    update: Update, core: Core, lang: str, detail: str, data: dict[str, Any], text: str
) -> None:
    """The new value of one detail: stored when valid, asked again (nothing changed) when not."""
    uid = update.effective_user.id  # type: ignore[union-attr]
    event = await draft_event(update, core, lang, data, detail in EDITABLE)
    if event is None:
        return
    try:
        value = await run(core.registry.edit, uid, event.id, detail, text)
    except InvalidInput as bad:
        # The wizard's e-mail hint offers Skip; here "-" removes the address instead.
        await say(update, t("bad_email_edit" if bad.reason == "email" else f"bad_{bad.reason}", lang))
        return
    except Refused as refused:
        await run(core.registry.clear_draft, uid)
        await say(update, t(f"refused_{refused.reason}", lang))
        return
    await run(core.registry.clear_draft, uid)
    await say(
        update,
        t("edited", lang, what=t(f"edit_{detail}", lang), value=value or t("none", lang)),
        kb([[(t("btn_details_named", lang, name=short_name(event, lang)), f"e:{event.id}")]]),
    )


# --- time zone -------------------------------------------------------------------------------------
async def set_timezone(update: Update, core: Core, lang: str, uid: int, typed: str) -> bool:
    """Resolve what the user typed or pressed to a zone and store it; False when it is not one."""
    name = resolve_zone(typed)
    if name is None:
        return False
    await run(core.registry.set_timezone, uid, name)
    await show(update, t("tz_set", lang, zone=name, now=moment_in(core.now(), zone(name), lang)))
    return True


async def timezone_button(update: Update, core: Core, lang: str, uid: int, rest: str) -> bool:
    query = update.callback_query
    assert query is not None
    if rest == "?":
        await answer_once(core, query)
        await run(core.registry.save_draft, uid, "timezone", "city", {})
        await say(update, t("tz_ask", lang))
        return True
    if resolve_zone(rest) != rest:  # buttons carry exact zone names; anything else is forged
        return False
    await answer_once(core, query)
    await set_timezone(update, core, lang, uid, rest)
    return True


async def timezone_step(update: Update, core: Core, lang: str, text: str) -> None:
    uid = update.effective_user.id  # type: ignore[union-attr]
    if await set_timezone(update, core, lang, uid, text):
        await run(core.registry.clear_draft, uid)
    else:
        await say(update, t("tz_unknown", lang))


async def show_timezone_picker(update: Update, core: Core, lang: str, uid: int) -> None:
    await show(update, *timezone_picker(lang, await user_zone(core, uid), core.now()))


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
        recipients = await _recipients(core, target, event)
        await answer_once(core, query)
        if not recipients:
            await say(update, t("bc_nobody", lang))
            return True
        data = {"event_id": event.id, "recipients": [[r, language] for r, language in recipients]}
        await run(core.registry.save_draft, uid, "broadcast", "text", data)
        await say(
            update, t("bc_ask_zh", lang, n=len(recipients), zh=_count(data, "zh"), en=_count(data, "en"))
        )
        return True
    draft = await run(core.registry.draft, uid)
    if not draft or draft[0] != "broadcast":
        return False
    _, step, data = draft
    if rest == "same" and step == "text_en":
        await answer_once(core, query)
        data["text_en"] = None
        await broadcast_preview(update, core, lang, data)
        return True
    if step != "confirm" or rest not in ("yes", "no"):
        return False
    await answer_once(core, query)
    await run(core.registry.clear_draft, uid)
    if rest == "no":
        await say(update, t("aborted", lang))
        return True
    event = core.event(str(data.get("event_id")))
    if event is None:
        await say(update, t("refused_unknown_event", lang))
        return True
    broadcast_id = await run(
        core.registry.start_broadcast,
        uid,
        event.id,
        data["text_zh"],
        data.get("text_en"),
        [(int(r), str(language)) for r, language in data["recipients"]],
    )
    await say(update, t("bc_started", lang, n=len(data["recipients"])))
    # Sent in the background, each copy recorded as it goes: the organiser's chat stays usable, and a
    # restart resumes the rest (post_init) without a second copy to anyone.
    context.application.create_task(
        deliver_broadcast(context.application, core, broadcast_id), name=f"broadcast-{broadcast_id}"
    )
    return True


async def _recipients(core: Core, target: str, event: Event) -> list[tuple[int, str]]:
    if target == "e":
        return await run(core.registry.registrants, event.id)
    return await run(core.registry.subscribers_for, event.region("en"), event.fields)
