"""The Telegram Application: handlers parse the update, call the core (Assistant, Registry), render texts."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import io
import logging
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.error import Forbidden, RetryAfter, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.texts import split_message, t
from chizi.assistant import Assistant
from chizi.db import make_engine, migrate
from chizi.knowledge import Event, field_label
from chizi.registry import Details, InvalidInput, Refused, Registry, validate_field
from chizi.settings import Settings
from chizi.text import scrub
from retrieval.index import IndexError_

log = logging.getLogger("chizi.bot")

PAGE = 5
REG_STEPS = ("name", "affiliation", "field", "email", "consent", "confirm")


class Core:
    """What every handler needs, owned by post_init/post_shutdown."""

    def __init__(self, settings: Settings, assistant: Assistant, registry: Registry) -> None:
        self.settings = settings
        self.assistant = assistant
        self.registry = registry
        self._recent: dict[int, deque[float]] = defaultdict(deque)

    @property
    def events(self) -> list[Event]:
        return self.assistant.kb.events

    def event(self, event_id: str) -> Event | None:
        return self.assistant.kb.event(event_id)

    def upcoming(self) -> list[Event]:
        now = dt.datetime.now(dt.UTC)
        return sorted((e for e in self.events if e.starts_at > now), key=lambda e: e.starts_at)

    def is_admin(self, user_id: int) -> bool:
        return user_id in self.settings.admin_ids

    def throttled(self, user_id: int) -> bool:
        """A sliding one-minute window per user; only guards against floods, so memory is fine here."""
        now = time.monotonic()
        window = self._recent[user_id]
        while window and now - window[0] > 60:
            window.popleft()
        window.append(now)
        return len(window) > self.settings.throttle_per_minute


class PerUserUpdates(BaseUpdateProcessor):
    """Updates of different users run concurrently; one user's updates run in order."""

    def __init__(self, max_concurrent: int = 64) -> None:
        super().__init__(max_concurrent)
        self._locks: dict[int, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        user = update.effective_user if isinstance(update, Update) else None
        if user is None:
            await coroutine
            return
        async with self._locks[user.id]:
            await coroutine

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None


def core_of(context: ContextTypes.DEFAULT_TYPE) -> Core:
    core: Core = context.application.bot_data["core"]
    return core


async def run(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Database and retrieval work runs off the event loop so one slow call never stalls other users."""
    return await asyncio.to_thread(func, *args, **kwargs)


def kb(rows: list[list[tuple[str, str]]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(text, callback_data=data) for text, data in row] for row in rows]
    )


async def user_language(update: Update, core: Core) -> str:
    user = update.effective_user
    assert user is not None
    guess = "zh" if (user.language_code or "").lower().startswith("zh") else "en"
    return str(await run(core.registry.ensure_user, user.id, guess))


async def say(update: Update, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Reply in pieces under Telegram's limit; buttons go on the last piece."""
    chat = update.effective_chat
    assert chat is not None
    pieces = split_message(text)
    for i, piece in enumerate(pieces):
        await chat.send_message(piece, reply_markup=markup if i == len(pieces) - 1 else None)


def main_menu(lang: str) -> InlineKeyboardMarkup:
    return kb(
        [
            [(t("btn_events", lang), "m:events"), (t("btn_my", lang), "m:my")],
            [(t("btn_sub", lang), "m:sub"), (t("btn_privacy", lang), "m:privacy")],
            [(t("btn_lang", lang), "l:en" if lang == "zh" else "l:zh")],
        ]
    )


# --- rendering -------------------------------------------------------------------------------------
def _when(moment: dt.datetime, lang: str) -> str:
    return moment.strftime("%Y年%m月%d日 %H:%M" if lang == "zh" else "%d %b %Y %H:%M")


def event_card(
    core: Core, event: Event, lang: str, user_status: str | None, position: int | None, seats: tuple[int, int]
) -> tuple[str, InlineKeyboardMarkup]:
    left, waiting = seats
    text = t(
        "card",
        lang,
        title=event.title(lang),
        start=_when(event.starts_at, lang),
        end=_when(event.ends_at, lang),
        tz=event.timezone,
        place=event.place(lang),
        region=event.region(lang),
        fields=("、" if lang == "zh" else ", ").join(field_label(f, lang) for f in event.fields),
        format=t(f"format_{event.format}", lang),
        left=left,
        capacity=event.capacity,
        waiting=t("waiting", lang, n=waiting) if waiting else "",
        deadline=_when(event.deadline_at, lang),
        description=event.description(lang),
        contact=event.contact,
    )
    if core.assistant.kb.sample_catalogue:
        text += "\n\n" + t("sample_note", lang)
    now = dt.datetime.now(dt.UTC)
    rows: list[list[tuple[str, str]]] = []
    if user_status == "registered":
        text += "\n\n" + t("you_registered", lang)
        rows.append([(t("btn_cancel_reg", lang), f"c:{event.id}")])
    elif user_status == "waitlisted":
        text += "\n\n" + t("you_waitlisted", lang, n=position or 1)
        rows.append([(t("btn_cancel_reg", lang), f"c:{event.id}")])
    elif event.starts_at <= now:
        text += "\n\n" + t("past_note", lang)
    elif event.deadline_at < now:
        text += "\n\n" + t("closed_note", lang)
    else:
        rows.append([(t("btn_register" if left else "btn_waitlist", lang), f"r:{event.id}")])
    rows.append([(t("back", lang), "m:events")])
    return text, kb(rows)


def _regions(events: list[Event]) -> list[str]:
    return sorted({e.region("en") for e in events})


def _months(events: list[Event]) -> list[str]:
    return sorted({e.starts_at.strftime("%Y-%m") for e in events})


def _fields(events: list[Event]) -> list[str]:
    return sorted({f for e in events for f in e.fields})


def _filtered(events: list[Event], kind: str, value: str) -> list[Event] | None:
    if kind == "a":
        return events
    if kind == "r" and value in _regions(events):
        return [e for e in events if e.region("en") == value]
    if kind == "m" and value in _months(events):
        return [e for e in events if e.starts_at.strftime("%Y-%m") == value]
    if kind == "f" and value in _fields(events):
        return [e for e in events if value in e.fields]
    return None


def _region_label(core: Core, region_en: str, lang: str) -> str:
    ev = next((e for e in core.events if e.region("en") == region_en), None)
    return ev.region(lang) if ev else region_en


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


def events_menu(lang: str) -> tuple[str, InlineKeyboardMarkup]:
    return t("events_menu", lang), kb(
        [
            [(t("by_region", lang), "fm:r"), (t("by_month", lang), "fm:m"), (t("by_field", lang), "fm:f")],
            [(t("all_events", lang), "f:a::0")],
        ]
    )


async def myevents_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the user's registrations and waitlist places with cancel buttons."""
    core = core_of(context)
    lang = await user_language(update, core)
    await say(update, *(await my_events_view(core, update.effective_user.id, lang)))  # type: ignore[union-attr]


async def my_events_view(core: Core, user_id: int, lang: str) -> tuple[str, InlineKeyboardMarkup | None]:
    regs = await run(core.registry.my_registrations, user_id)
    if not regs:
        return t("my_none", lang), None
    lines, rows = [t("my_list", lang)], []
    for r in regs:
        event = core.event(r.event_id)
        title = event.title(lang) if event else r.event_id
        state = (
            t("my_registered", lang) if r.status == "registered" else t("my_waitlisted", lang, n=r.position)
        )
        when = _when(event.starts_at, lang) if event else ""
        lines.append(f"• {title} — {when} — {state}")
        rows.append([(f"❌ {title[:40]}", f"c:{r.event_id}"), ("ℹ️", f"e:{r.event_id}")])
    return "\n".join(lines), kb(rows)


async def subscribe_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Let the user pick regions and fields to hear about."""
    core = core_of(context)
    lang = await user_language(update, core)
    await say(update, t("sub_menu", lang), await subscribe_keyboard(core, update.effective_user.id, lang))  # type: ignore[union-attr]


async def subscribe_keyboard(core: Core, user_id: int, lang: str) -> InlineKeyboardMarkup:
    mine = await run(core.registry.subscriptions, user_id)
    rows: list[list[tuple[str, str]]] = []
    regions = _regions(core.events)
    fields = _fields(core.events)
    for chunk in (regions[i : i + 3] for i in range(0, len(regions), 3)):
        rows.append(
            [
                (("✅ " if ("region", r) in mine else "") + _region_label(core, r, lang), f"s:r:{r}")
                for r in chunk
            ]
        )
    for chunk in (fields[i : i + 3] for i in range(0, len(fields), 3)):
        rows.append(
            [(("✅ " if ("field", f) in mine else "") + field_label(f, lang), f"s:f:{f}") for f in chunk]
        )
    return kb(rows)


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


# --- free text: flows first, then questions --------------------------------------------------------
async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A step of a registration or broadcast in progress, or else a question for the assistant."""
    core = core_of(context)
    user = update.effective_user
    message = update.effective_message
    assert user is not None and message is not None
    lang = await user_language(update, core)
    if core.throttled(user.id):
        if len(core._recent[user.id]) == core.settings.throttle_per_minute + 1:
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
    try:
        answer = await run(core.assistant.answer, text, lang)
    except IndexError_:
        await say(update, t("index_missing", lang))
        return
    user = update.effective_user
    assert user is not None
    qid = await run(
        core.registry.log_question,
        user.id,
        scrub(answer.question)[:4000],
        answer.language,
        answer.answered,
        answer.route,
    )
    buttons = kb(
        [[(t("helpful", answer.language), f"v:{qid}:1"), (t("unhelpful", answer.language), f"v:{qid}:-1")]]
    )
    await say(
        update, answer.render(), buttons if answer.route in ("faq", "retrieval", "llm", "unknown") else None
    )


async def on_other(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, photos, voice: say politely that only text is read."""
    core = core_of(context)
    await say(update, t("non_text", await user_language(update, core)))


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
        await query.answer()
        await say(update, t(f"refused_{refused.reason}", lang))
        return
    if not handled:
        await query.answer(t("stale", lang), show_alert=False)


async def dispatch_button(
    update: Update, context: ContextTypes.DEFAULT_TYPE, core: Core, lang: str, uid: int, kind: str, rest: str
) -> bool:
    query = update.callback_query
    assert query is not None
    if kind == "m":
        await query.answer()
        if rest == "events":
            await say(update, *events_menu(lang))
        elif rest == "my":
            await say(update, *(await my_events_view(core, uid, lang)))
        elif rest == "sub":
            await say(update, t("sub_menu", lang), await subscribe_keyboard(core, uid, lang))
        elif rest == "privacy":
            await say(update, t("privacy", lang))
        else:
            return False
        return True
    if kind == "l" and rest in ("zh", "en"):
        await run(core.registry.set_language, uid, rest)
        await query.answer()
        await say(update, t("lang_set", rest), main_menu(rest))
        return True
    if kind == "fm" and rest in ("r", "m", "f"):
        await query.answer()
        events = core.upcoming()
        if rest == "r":
            rows = [[(_region_label(core, r, lang), f"f:r:{r}:0")] for r in _regions(events)]
            title = t("pick_region", lang)
        elif rest == "m":
            rows = [[(m, f"f:m:{m}:0")] for m in _months(events)]
            title = t("pick_month", lang)
        else:
            rows = [[(field_label(f, lang), f"f:f:{f}:0")] for f in _fields(events)]
            title = t("pick_field", lang)
        await say(update, title, kb([*rows, [(t("back", lang), "m:events")]]))
        return True
    if kind == "f":
        fkind, _, tail = rest.partition(":")
        value, _, page_s = tail.rpartition(":")
        if not page_s.isdigit():
            return False
        chosen = _filtered(core.upcoming(), fkind, value)
        if chosen is None:
            return False
        await query.answer()
        if not chosen:
            await say(update, t("no_events", lang))
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
        await say(update, t("events_page", lang, page=page + 1, pages=pages), kb(rows))
        return True
    if kind == "e":
        event = core.event(rest)
        if event is None:
            return False
        await query.answer()
        await show_event(update, core, event, lang)
        return True
    if kind == "r":
        event = core.event(rest)
        if event is None:
            return False
        await query.answer()
        await start_registration(update, core, lang, uid, event)
        return True
    if kind in ("rs", "rc", "rf") or data_is(kind, rest, "rx"):
        return await registration_button(update, core, lang, uid, kind, rest)
    if kind == "c" or kind == "cy" or kind == "ck":
        return await cancel_button(update, context, core, lang, uid, kind, rest)
    if kind == "v":
        qid_s, _, value_s = rest.partition(":")
        if not qid_s.isdigit() or value_s not in ("1", "-1"):
            return False
        if not await run(core.registry.vote, uid, int(qid_s), int(value_s)):
            return False
        await query.answer(t("vote_thanks", lang))
        return True
    if kind == "s":
        skind, _, value = rest.partition(":")
        valid = (skind == "r" and value in _regions(core.events)) or (
            skind == "f" and value in _fields(core.events)
        )
        if not valid:
            return False
        on = await run(core.registry.toggle_subscription, uid, "region" if skind == "r" else "field", value)
        label = _region_label(core, value, lang) if skind == "r" else field_label(value, lang)
        await query.answer(t("sub_on" if on else "sub_off", lang, what=label))
        if query.message is not None:
            # The keyboard may be unchanged or the message gone: the toggle itself is already stored.
            with contextlib.suppress(TelegramError):
                await query.edit_message_reply_markup(await subscribe_keyboard(core, uid, lang))
        return True
    if kind == "fg" and rest in ("yes", "no"):
        await query.answer()
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
            await query.answer(t("not_admin", lang))
            return True
        return await broadcast_button(update, context, core, lang, uid, kind, rest)
    return False


def data_is(kind: str, rest: str, expected: str) -> bool:
    return kind == expected and rest == ""


async def show_event(update: Update, core: Core, event: Event, lang: str) -> None:
    uid = update.effective_user.id  # type: ignore[union-attr]
    seats = (await run(core.registry.seats, [event.id]))[event.id]
    mine = {r.event_id: r for r in await run(core.registry.my_registrations, uid)}
    reg = mine.get(event.id)
    text, markup = event_card(
        core, event, lang, reg.status if reg else None, reg.position if reg else None, seats
    )
    await say(update, text, markup)


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
        await query.answer()
        await run(core.registry.clear_draft, uid)
        await say(update, t("aborted", lang))
        return True
    if kind == "rs" and rest == "skip" and step == "email":
        await query.answer()
        data["email"] = None
        await advance(update, core, lang, uid, event, data, "consent")
        return True
    if kind == "rc" and step == "consent" and rest in ("yes", "no"):
        await query.answer()
        if rest == "no":
            await run(core.registry.clear_draft, uid)
            await say(update, t("consent_refused", lang))
            return True
        data["consent"] = True
        await advance(update, core, lang, uid, event, data, "confirm")
        return True
    if kind == "rf" and rest == "ok" and step == "confirm" and data.get("consent"):
        await query.answer()
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
        await query.answer()
        await say(
            update,
            t("cancel_confirm", lang, title=event.title(lang)),
            kb([[(t("btn_yes_cancel", lang), f"cy:{event.id}"), (t("btn_keep", lang), f"ck:{event.id}")]]),
        )
        return True
    if kind == "ck":
        await query.answer()
        await say(update, t("kept", lang))
        return True
    promotion = await run(core.registry.cancel, uid, event.id)
    await query.answer()
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
        await query.answer()
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
    await query.answer()
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


async def notify_promotion(app: Application, core: Core, user_id: int, event_id: str, lang: str) -> None:
    event = core.event(event_id)
    try:
        await app.bot.send_message(
            user_id, t("promoted", lang, title=event.title(lang) if event else event_id)
        )
    except TelegramError as exc:
        log.warning("could not tell a promoted user (%s)", exc.__class__.__name__)


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
                        start=_when(event.starts_at, lang),
                        place=event.place(lang),
                        id=event.id,
                    ),
                )
            except TelegramError as exc:
                log.warning("announcement not delivered (%s)", exc.__class__.__name__)
            await asyncio.sleep(0.04)
    await run(core.registry.mark_announced, new_ids)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure without the token or personal data, and apologise to the user."""
    err = context.error
    update_id = update.update_id if isinstance(update, Update) else None
    log.error(
        "update %s failed: %s",
        update_id,
        err.__class__.__name__,
        exc_info=(type(err), err, err.__traceback__)
        if err is not None and not isinstance(err, TelegramError)
        else None,
    )
    if isinstance(update, Update) and update.effective_chat is not None:
        core = core_of(context)
        lang = core.registry.language(update.effective_user.id) if update.effective_user else "en"
        with contextlib.suppress(TelegramError):
            await update.effective_chat.send_message(t("error", lang))


COMMANDS = [
    ("start", "Start / 开始"),
    ("events", "Browse events / 浏览活动"),
    ("myevents", "My registrations / 我的报名"),
    ("subscribe", "New-event alerts / 订阅"),
    ("lang", "Language / 语言"),
    ("privacy", "Privacy / 隐私"),
    ("forgetme", "Delete my data / 删除数据"),
    ("help", "Help / 帮助"),
]


async def post_init(app: Application) -> None:
    """Sync the catalogue, tell subscribers about new events, start the reminder loop from the database."""
    await announce_new_events(app)
    assert app.job_queue is not None
    app.job_queue.run_repeating(
        send_due_reminders, interval=app.bot_data.get("reminder_interval", 30), first=1
    )
    try:
        await app.bot.set_my_commands([BotCommand(c, d) for c, d in COMMANDS])
    except TelegramError as exc:
        log.warning("could not set the command list (%s)", exc.__class__.__name__)


async def post_shutdown(app: Application) -> None:
    """Release the database connections."""
    core: Core = app.bot_data["core"]
    core.registry.engine.dispose()


def build_application(
    settings: Settings,
    assistant: Assistant,
    registry: Registry | None = None,
    reminder_interval: float = 30,
    rate_limited: bool = True,
) -> Application:
    """The real Application, pointed at TELEGRAM_API_URL, with rate limiting and per-user ordering."""
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is required for the Telegram bot")
    if registry is None:
        engine = make_engine(settings.sqlalchemy_url)
        migrate(engine)
        registry = Registry(engine, reminder_days=settings.reminder_days)
    api = settings.telegram_api_url
    # Typed loosely: the builder's generic parameters change when a rate limiter is added.
    builder: Any = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(f"{api}/bot")
        .base_file_url(f"{api}/file/bot")
        .concurrent_updates(PerUserUpdates())
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if rate_limited:  # Telegram's own limits (~30 messages/s overall); only benchmarks switch this off
        builder = builder.rate_limiter(AIORateLimiter(max_retries=3))
    app = builder.build()
    app.bot_data["core"] = Core(settings, assistant, registry)
    app.bot_data["reminder_interval"] = reminder_interval
    private = filters.ChatType.PRIVATE
    # Order matters: commands first, then buttons, then free text as flow steps or questions, then the rest.
    app.add_handler(CommandHandler("start", start, filters=private))
    app.add_handler(CommandHandler("help", help_command, filters=private))
    app.add_handler(CommandHandler("lang", lang_command, filters=private))
    app.add_handler(CommandHandler("events", events_command, filters=private))
    app.add_handler(CommandHandler("myevents", myevents_command, filters=private))
    app.add_handler(CommandHandler("subscribe", subscribe_command, filters=private))
    app.add_handler(CommandHandler("privacy", privacy_command, filters=private))
    app.add_handler(CommandHandler("forgetme", forgetme_command, filters=private))
    app.add_handler(CommandHandler("cancel", cancel_command, filters=private))
    app.add_handler(CommandHandler("stats", stats_command, filters=private))
    app.add_handler(CommandHandler("export", export_command, filters=private))
    app.add_handler(CommandHandler("broadcast", broadcast_command, filters=private))
    app.add_handler(CommandHandler("unanswered", unanswered_command, filters=private))
    app.add_handler(CommandHandler("reload", reload_command, filters=private))
    app.add_handler(CallbackQueryHandler(on_button))
    app.add_handler(MessageHandler(private & filters.TEXT & ~filters.COMMAND, on_text))
    app.add_handler(MessageHandler(private & ~filters.COMMAND & ~filters.TEXT, on_other))
    app.add_error_handler(on_error)
    return app


def run_bot(settings: Settings, assistant: Assistant) -> None:
    """Poll, or serve the webhook when CHIZI_WEBHOOK_URL is set."""
    app = build_application(settings, assistant)
    if settings.webhook_url:
        if settings.webhook_secret is None:
            raise ValueError("CHIZI_WEBHOOK_SECRET must be set together with CHIZI_WEBHOOK_URL")
        app.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path="telegram",
            secret_token=settings.webhook_secret.get_secret_value(),
            webhook_url=f"{settings.webhook_url}/telegram",
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        app.run_polling(allowed_updates=Update.ALL_TYPES)


__all__ = ["ChatType", "build_application", "run_bot"]
