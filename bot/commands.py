"""Commands and free text from scholars."""

from __future__ import annotations

from telegram import Update
from telegram.ext import (
    ContextTypes,
)

from bot.common import Core, core_of, kb, run, say, user_language
from bot.flows import broadcast_preview, registration_step
from bot.texts import t
from bot.views import events_menu, main_menu, my_events_view, show_event, subscribe_keyboard
from chizi.text import scrub
from retrieval.index import IndexError_


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
    await say(update, t("welcome", lang), main_menu(lang))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the commands (organisers also see theirs)."""
    core = core_of(context)
    lang = await user_language(update, core)
    text = t("help", lang)
    if update.effective_user and core.is_admin(update.effective_user.id):
        text += "\n\n" + t("admin_help", lang)
    await say(update, text, main_menu(lang))


async def lang_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Offer the two interface languages."""
    core = core_of(context)
    lang = await user_language(update, core)
    await say(update, t("lang_pick", lang), kb([[("中文", "l:zh"), ("English", "l:en")]]))


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
    await say(update, t("aborted" if had else "nothing_to_cancel", lang))


# --- free text: flows first, then questions --------------------------------------------------------
async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A step of a registration or broadcast in progress, or else a question for the assistant."""
    core = core_of(context)
    user = update.effective_user
    message = update.effective_message
    assert user is not None and message is not None
    lang = await user_language(update, core)
    verdict = core.throttle(user.id)
    if verdict != "ok":
        if verdict == "first":
            await say(update, t("throttled", lang))
        return
    text = message.text or ""
    draft = await run(core.registry.draft, user.id)
    if draft and draft[0] == "register":
        await registration_step(update, core, lang, draft[1], draft[2], text)
        return
    if draft and draft[0] == "broadcast" and draft[1] == "text" and core.is_admin(user.id):
        await broadcast_preview(update, core, lang, draft[2], text)
        return
    await answer_question(update, core, lang, text)


async def answer_question(update: Update, core: Core, lang: str, text: str) -> None:
    user = update.effective_user
    assert user is not None
    try:
        # The chat is the user's private chat: a follow-up ("那天津呢？") leans on their previous question.
        answer = await run(core.assistant.answer, text, lang, chat=str(user.id))
    except IndexError_:
        await say(update, t("index_missing", lang))
        return
    qid = await run(
        core.registry.log_question,
        user.id,
        scrub(answer.question)[:4000],
        answer.language,
        answer.answered,
        answer.route,
    )
    rows: list[list[tuple[str, str]]] = []
    # An answer that names events carries their card and register buttons.
    for ref in answer.events[:4]:
        rows.append(
            [(f"ℹ️ {ref.title}"[:48], f"e:{ref.id}"), (t("btn_register", answer.language), f"r:{ref.id}")]
        )
    if answer.route in ("faq", "retrieval", "llm", "unknown", "event"):
        rows.append(
            [(t("helpful", answer.language), f"v:{qid}:1"), (t("unhelpful", answer.language), f"v:{qid}:-1")]
        )
    await say(update, answer.render(), kb(rows) if rows else None)


async def on_other(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, photos, voice: say politely that only text is read."""
    core = core_of(context)
    await say(update, t("non_text", await user_language(update, core)))
