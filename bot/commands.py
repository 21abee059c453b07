"""Commands and free text from scholars."""

from __future__ import annotations

from telegram import Update
from telegram.ext import (
    ContextTypes,
)

from bot.common import Core, core_of, kb, log, run, say, user_language, user_zone
from bot.flows import (
    broadcast_text,
    edit_step,
    registration_step,
    set_timezone,
    show_timezone_picker,
    start_registration,
    timezone_step,
)
from bot.views import events_menu, main_menu, my_events_view, show_event, subscribe_keyboard
from chizi.db import UNAVAILABLE
from chizi.metrics import ANSWER_SECONDS, ANSWERS
from chizi.registry import Refused
from chizi.texts import t
from retrieval.index import IndexError_
from retrieval.text import scrub


# --- commands --------------------------------------------------------------------------------------
async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Welcome the user; `/start evt_<id>` (deep link) opens that event's card."""
    core = core_of(context)
    lang = await user_language(update, core)
    if context.args and context.args[0].startswith("evt_"):
        event = core.event(context.args[0][4:])
        if event is not None:
            await show_event(update, core, event, lang)
            return
        await say(update, t("refused_unknown_event", lang))
    welcome = t("welcome", lang)
    if await user_zone(core, update.effective_user.id) is None:  # type: ignore[union-attr]
        welcome += "\n\n" + t("tz_hint", lang)  # scholars abroad: offer their own clock from the start
    await say(update, welcome, main_menu(lang))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the commands (organisers also see theirs)."""
    core = core_of(context)
    lang = await user_language(update, core)
    await say(update, help_text(core, update.effective_user.id, lang), main_menu(lang))  # type: ignore[union-attr]


def help_text(core: Core, user_id: int, lang: str) -> str:
    text = t("help", lang)
    if core.is_admin(user_id):
        text += "\n\n" + t("admin_help", lang)
    return text


async def lang_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Offer the two interface languages."""
    core = core_of(context)
    lang = await user_language(update, core)
    await say(update, t("lang_pick", lang), kb([[("中文", "l:zh"), ("English", "l:en")]]))


async def timezone_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`/timezone Boston` sets the zone at once; plain `/timezone` offers common zones as buttons."""
    core = core_of(context)
    lang = await user_language(update, core)
    uid = update.effective_user.id  # type: ignore[union-attr]
    typed = " ".join(context.args or [])
    if typed:
        if not await set_timezone(update, core, lang, uid, typed):
            await say(update, t("tz_unknown", lang))
            await run(core.registry.save_draft, uid, "timezone", "city", {})
        return
    await show_timezone_picker(update, core, lang, uid)


async def events_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the event filters."""
    core = core_of(context)
    await say(update, *events_menu(await user_language(update, core)))


async def myevents_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the user's registrations and waitlist places with cancel buttons."""
    core = core_of(context)
    lang = await user_language(update, core)
    await say(update, *(await my_events_view(core, update.effective_user.id, lang)))  # type: ignore[union-attr]


async def subscribe_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Let the user pick regions and fields to hear about."""
    core = core_of(context)
    lang = await user_language(update, core)
    await say(update, t("sub_menu", lang), await subscribe_keyboard(core, update.effective_user.id, lang))  # type: ignore[union-attr]


async def privacy_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say what is kept and why."""
    core = core_of(context)
    await say(update, t("privacy", await user_language(update, core)))


async def forgetme_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ask for confirmation before deleting everything about the user."""
    core = core_of(context)
    lang = await user_language(update, core)
    await say(
        update,
        t("forget_confirm", lang),
        kb([[(t("btn_forget", lang), "fg:yes"), (t("btn_keep", lang), "fg:no")]]),
    )


async def cancel_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Abandon the registration or broadcast in progress."""
    core = core_of(context)
    lang = await user_language(update, core)
    uid = update.effective_user.id  # type: ignore[union-attr]
    had = await run(core.registry.draft, uid)
    await run(core.registry.clear_draft, uid)
    if not had:
        await say(update, t("nothing_to_cancel", lang))
        return
    await say(update, t("aborted" if had[0] == "register" else "stopped", lang))


# --- free text: flows first, then questions --------------------------------------------------------
async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A step of a registration or broadcast in progress, or else a question for the assistant."""
    core = core_of(context)
    user = update.effective_user
    message = update.effective_message
    assert user is not None and message is not None
    lang = await user_language(update, core)
    verdict = await core.throttle(user.id)
    if verdict != "ok":
        if verdict == "first":
            await say(update, t("throttled", lang))
        return
    text = message.text or ""
    try:
        draft = await run(core.registry.draft, user.id)
    except UNAVAILABLE:  # the database is down: no flow can go on, but a question can still be answered
        draft = None
    if draft and draft[0] == "register":
        await registration_step(update, core, lang, draft[1], draft[2], text)
        return
    if draft and draft[0] == "edit":
        await edit_step(update, core, lang, draft[1], draft[2], text)
        return
    if draft and draft[0] == "timezone":
        await timezone_step(update, core, lang, text)
        return
    if draft and draft[0] == "broadcast" and draft[1] in ("text", "text_en") and core.is_admin(user.id):
        await broadcast_text(update, core, lang, draft[1], draft[2], text)
        return
    await answer_question(update, core, lang, text)


async def answer_question(update: Update, core: Core, lang: str, text: str) -> None:
    user = update.effective_user
    assert user is not None
    try:
        # The chat is the user's private chat: a follow-up ("那天津呢？") leans on their previous question.
        answer = await run(
            core.assistant.answer, text, lang, chat=str(user.id), zone=await user_zone(core, user.id)
        )
    except IndexError_:
        await say(update, t("index_missing", lang))
        return
    except UNAVAILABLE:  # an event answer needs live seats from the database, which is down
        await say(update, t("db_down", lang))
        return
    if answer.route == "help":  # "help", "Hi, I'm new here": the help menu, as /help gives it
        await say(update, help_text(core, user.id, answer.language), main_menu(answer.language))
        return
    if answer.route == "register" and len(answer.events) == 1:  # "我要报名苏州国际精英周"
        event = core.event(answer.events[0].id)
        if event is not None:
            try:
                await start_registration(update, core, answer.language, user.id, event)
                return
            except Refused as refused:
                await say(update, t(f"refused_{refused.reason}", answer.language))
    ANSWERS.labels(answer.route, str(answer.answered).lower()).inc()
    ANSWER_SECONDS.observe(answer.timings.get("total", 0.0))
    try:
        qid: int | None = await run(
            core.registry.log_question,
            user.id,
            scrub(answer.question)[:4000],
            answer.language,
            answer.answered,
            answer.route,
        )
    except UNAVAILABLE:  # the answer matters more than the log: reply without vote buttons
        log.warning("question log unavailable; answering without it")
        qid = None
    rows: list[list[tuple[str, str]]] = []
    # An answer that names events carries their card and register buttons.
    for ref in answer.events[:4]:
        rows.append(
            [(f"ℹ️ {ref.title}"[:48], f"ev:{ref.id}"), (t("btn_register", answer.language), f"r:{ref.id}")]
        )
    if qid is not None and answer.route in ("faq", "retrieval", "llm", "unknown", "event"):
        rows.append(
            [(t("helpful", answer.language), f"v:{qid}:1"), (t("unhelpful", answer.language), f"v:{qid}:-1")]
        )
    await say(update, answer.render(), kb(rows) if rows else None)


async def on_other(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, photos, voice: say politely that only text is read."""
    core = core_of(context)
    await say(update, t("non_text", await user_language(update, core)))
