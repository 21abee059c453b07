"""Inline buttons: one entry point that validates callback data before acting."""

from __future__ import annotations

import contextlib

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import (
    ContextTypes,
)

from bot.admin import export_button
from bot.common import (
    Core,
    answer_once,
    core_of,
    kb,
    notify_promotion,
    run,
    say,
    send_calendar,
    show,
    user_language,
)
from bot.flows import (
    broadcast_button,
    cancel_button,
    edit_button,
    registration_button,
    show_timezone_picker,
    start_registration,
    timezone_button,
)
from bot.views import (
    event_fields,
    event_months,
    event_regions,
    events_menu,
    filter_events,
    main_menu,
    my_events_view,
    region_label,
    show_event,
    subscribe_keyboard,
    subscriptions_summary,
)
from chizi.catalogue import field_label
from chizi.registry import Refused
from chizi.texts import t

PAGE = 5


# --- buttons ---------------------------------------------------------------------------------------
async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every inline button; unknown, forged or stale data only get a 'no longer valid' notice."""
    query = update.callback_query
    assert query is not None
    core = core_of(context)
    lang = await user_language(update, core)
    data = query.data or ""
    uid = query.from_user.id
    kind, _, rest = data.partition(":")
    try:
        handled = await dispatch_button(update, context, core, lang, uid, kind, rest)
    except Refused as refused:
        # Most refusals are found after the button was acknowledged; answer_once skips a second answer.
        await answer_once(core, query)
        await say(update, t(f"refused_{refused.reason}", lang))
        return
    if not handled:
        await answer_once(core, query, t("stale", lang), show_alert=False)


async def dispatch_button(
    update: Update, context: ContextTypes.DEFAULT_TYPE, core: Core, lang: str, uid: int, kind: str, rest: str
) -> bool:
    query = update.callback_query
    assert query is not None
    # Browsing (menus, lists, cards) edits the pressed message in place; steps of a flow send new ones.
    if kind == "m":
        if rest not in ("events", "my", "sub", "privacy", "tz", "home"):
            return False
        await answer_once(core, query)
        if rest == "events":
            await show(update, *events_menu(lang))
        elif rest == "my":
            await show(update, *(await my_events_view(core, uid, lang)))
        elif rest == "sub":
            await show(update, t("sub_menu", lang), await subscribe_keyboard(core, uid, lang))
        elif rest == "tz":
            await show_timezone_picker(update, core, lang, uid)
        elif rest == "home":
            await show(update, t("welcome", lang), main_menu(lang))
        else:
            await show(update, t("privacy", lang), kb([[(t("back", lang), "m:home")]]))
        return True
    if kind == "tz":
        return await timezone_button(update, core, lang, uid, rest)
    if kind in ("ed", "ef"):
        return await edit_button(update, core, lang, uid, kind, rest)
    if kind == "ic":
        event = core.event(rest)
        if event is None or await run(core.registry.status, uid, event.id) != "registered":
            return False
        await answer_once(core, query)
        await send_calendar(update.get_bot(), core, uid, event, lang)
        return True
    if kind == "x":
        if not core.is_admin(uid):
            await answer_once(core, query, t("not_admin", lang))
            return True
        return await export_button(update, core, lang, rest)
    if kind == "l" and rest in ("zh", "en"):
        await run(core.registry.set_language, uid, rest)
        await answer_once(core, query)
        await show(update, t("lang_set", rest), main_menu(rest))
        return True
    if kind == "fm" and rest in ("r", "m", "f"):
        await answer_once(core, query)
        events = core.upcoming()
        if rest == "r":
            rows = [[(region_label(core, r, lang), f"f:r:{r}:0")] for r in event_regions(events)]
            title = t("pick_region", lang)
        elif rest == "m":
            rows = [[(m, f"f:m:{m}:0")] for m in event_months(events)]
            title = t("pick_month", lang)
        else:
            rows = [[(field_label(f, lang), f"f:f:{f}:0")] for f in event_fields(events)]
            title = t("pick_field", lang)
        await show(update, title, kb([*rows, [(t("back", lang), "m:events")]]))
        return True
    if kind == "f":
        fkind, _, tail = rest.partition(":")
        value, _, page_s = tail.rpartition(":")
        if not page_s.isdigit():
            return False
        chosen = filter_events(core.upcoming(), fkind, value)
        if chosen is None:
            return False
        await answer_once(core, query)
        if not chosen:
            await show(update, t("no_events", lang), kb([[(t("back", lang), "m:events")]]))
            return True
        pages = (len(chosen) + PAGE - 1) // PAGE
        page = min(int(page_s), pages - 1)
        rows = [
            [(f"{e.starts_at:%m-%d} {e.title(lang)}"[:60], f"e:{e.id}")]
            for e in chosen[page * PAGE : (page + 1) * PAGE]
        ]
        nav = []
        if page > 0:
            nav.append((t("prev", lang), f"f:{fkind}:{value}:{page - 1}"))
        if page < pages - 1:
            nav.append((t("next", lang), f"f:{fkind}:{value}:{page + 1}"))
        if nav:
            rows.append(nav)
        rows.append([(t("back", lang), "m:events")])
        await show(update, t("events_page", lang, page=page + 1, pages=pages), kb(rows))
        return True
    if kind in ("e", "ev", "r"):  # open an event card (in place / as a new message) or register
        event = core.event(rest)
        if event is None:
            return False
        await answer_once(core, query)
        if kind in ("e", "ev"):
            # "ev" sits under an answer, which the card must not replace; "e" is a step of browsing.
            await show_event(update, core, event, lang, in_place=kind == "e")
        else:
            await start_registration(update, core, lang, uid, event)
        return True
    if kind in ("rs", "rc", "rf", "rx"):
        return await registration_button(update, core, lang, uid, kind, rest)
    if kind == "c" or kind == "cy" or kind == "ck":
        return await cancel_button(update, context, core, lang, uid, kind, rest)
    if kind == "v":
        qid_s, _, value_s = rest.partition(":")
        if not qid_s.isdigit() or value_s not in ("1", "-1"):
            return False
        if not await run(core.registry.vote, uid, int(qid_s), int(value_s)):
            return False
        await answer_once(core, query, t("vote_thanks", lang))
        return True
    if kind == "s" and rest == "done":
        await answer_once(core, query)
        await show(update, await subscriptions_summary(core, uid, lang))
        return True
    if kind == "s":
        skind, _, value = rest.partition(":")
        valid = (skind == "r" and value in event_regions(core.events)) or (
            skind == "f" and value in event_fields(core.events)
        )
        if not valid:
            return False
        on = await run(core.registry.toggle_subscription, uid, "region" if skind == "r" else "field", value)
        label = region_label(core, value, lang) if skind == "r" else field_label(value, lang)
        await answer_once(core, query, t("sub_on" if on else "sub_off", lang, what=label))
        if query.message is not None:
            # The keyboard may be unchanged or the message gone: the toggle itself is already stored.
            with contextlib.suppress(TelegramError):
                await query.edit_message_reply_markup(await subscribe_keyboard(core, uid, lang))
        return True
    if kind == "fg" and rest in ("yes", "no"):
        await answer_once(core, query)
        if rest == "no":
            await say(update, t("forget_kept", lang))
            return True
        promotions = await run(core.registry.forget, uid)
        await say(update, t("forgotten", lang))
        for p in promotions:
            await notify_promotion(context.application, core, p.user_id, p.event_id, p.language)
        return True
    if kind in ("bt", "bc"):
        if not core.is_admin(uid):
            await answer_once(core, query, t("not_admin", lang))
            return True
        return await broadcast_button(update, context, core, lang, uid, kind, rest)
    return False
