"""Shared by every handler: the core they call, and how they reply."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import logging
from collections import Counter, OrderedDict
from collections.abc import Callable
from typing import Any

from telegram import Bot, CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import (
    Application,
    ContextTypes,
)

from chizi.assistant import Assistant
from chizi.catalogue import Event
from chizi.db import UNAVAILABLE
from chizi.ics import event_calendar
from chizi.ics import filename as calendar_filename
from chizi.limits import MemoryThrottle, RedisThrottle
from chizi.registry import Registry
from chizi.settings import Settings
from chizi.texts import split_message, t

log = logging.getLogger("chizi.bot")


class Core:
    """What every handler needs, owned by post_init/post_shutdown."""

    def __init__(self, settings: Settings, assistant: Assistant, registry: Registry) -> None:
        self.settings = settings
        self.assistant = assistant
        self.registry = registry
        self.flood: MemoryThrottle | RedisThrottle = MemoryThrottle()
        self.answered: OrderedDict[str, None] = OrderedDict()  # callback queries answered, newest last
        # Reminder sends that failed, by kind: "permanent" (blocked, chat gone) or "transient" (retried).
        self.reminder_failures: Counter[str] = Counter()

    @property
    def events(self) -> list[Event]:
        return self.assistant.kb.events

    def event(self, event_id: str) -> Event | None:
        return self.assistant.kb.event(event_id)

    def now(self) -> dt.datetime:
        """The one clock of the bot: the registry's, so tests and the rules agree on what "now" is."""
        return self.registry.clock()

    def upcoming(self) -> list[Event]:
        now = self.now()
        return sorted((e for e in self.events if e.starts_at > now), key=lambda e: e.starts_at)

    def is_admin(self, user_id: int) -> bool:
        return user_id in self.settings.admin_ids

    async def throttle(self, user_id: int) -> str:
        """'ok', 'first' (the first message over the limit: tell the user once) or 'drop'.

        A sliding one-minute window per user: in this process, or in Redis when workers share one."""
        try:
            count = await self.flood.count(user_id)
        except Exception as exc:  # Redis away: a flood guard must not stop the bot answering
            log.warning("throttle unavailable (%s); letting the message through", exc.__class__.__name__)
            return "ok"
        over = count - self.settings.throttle_per_minute
        return "ok" if over <= 0 else "first" if over == 1 else "drop"


def core_of(context: ContextTypes.DEFAULT_TYPE) -> Core:
    core: Core = context.application.bot_data["core"]
    return core


async def run(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Database and retrieval work runs off the event loop so one slow call never stalls other users."""
    return await asyncio.to_thread(func, *args, **kwargs)


async def answer_once(
    core: Core, query: CallbackQuery, text: str | None = None, show_alert: bool = False
) -> None:
    """Answer a callback query unless this bot already has: Telegram refuses a second answer
    (400 "query is too old"), and a refusal found after the first answer must not trigger one."""
    if query.id in core.answered:
        return
    core.answered[query.id] = None
    while len(core.answered) > 10_000:
        core.answered.popitem(last=False)
    await query.answer(text, show_alert=show_alert)


def kb(rows: list[list[tuple[str, str]]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(text, callback_data=data) for text, data in row] for row in rows]
    )


async def user_language(update: Update, core: Core) -> str:
    user = update.effective_user
    assert user is not None
    guess = "zh" if (user.language_code or "").lower().startswith("zh") else "en"
    try:
        return str(await run(core.registry.ensure_user, user.id, guess))
    except UNAVAILABLE:  # the database is down: Telegram's own language setting will do
        return guess


async def user_zone(core: Core, user_id: int) -> str | None:
    try:
        return await run(core.registry.timezone, user_id)
    except UNAVAILABLE:
        return None


async def say(update: Update, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Reply in pieces under Telegram's limit; buttons go on the last piece."""
    chat = update.effective_chat
    assert chat is not None
    pieces = split_message(text)
    for i, piece in enumerate(pieces):
        await chat.send_message(piece, reply_markup=markup if i == len(pieces) - 1 else None)


async def show(update: Update, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Menus replace the message whose button was pressed, so browsing does not stack menus.

    Anything else (a typed command, a message too long for one piece, a message Telegram will no longer
    let us edit) is sent as a new message instead."""
    query = update.callback_query
    message = query.message if query is not None else None
    if message is not None and len(text) <= 4000:
        try:
            await query.edit_message_text(text, reply_markup=markup)  # type: ignore[union-attr]
            return
        except BadRequest as exc:
            if "not modified" in str(exc).lower():  # the same menu pressed twice: nothing to change
                return
    await say(update, text, markup)


async def send_calendar(bot: Bot, core: Core, chat_id: int, event: Event, lang: str) -> None:
    """The event as an .ics file the user's calendar imports."""
    data = event_calendar(event, lang, stamp=core.now())
    await bot.send_document(
        chat_id, io.BytesIO(data), filename=calendar_filename(event), caption=t("ics_caption", lang)
    )


async def notify_promotion(app: Application, core: Core, user_id: int, event_id: str, lang: str) -> None:
    event = core.event(event_id)
    try:
        await app.bot.send_message(
            user_id, t("promoted", lang, title=event.title(lang) if event else event_id)
        )
        if event is not None:
            await send_calendar(app.bot, core, user_id, event, lang)
    except TelegramError as exc:
        log.warning("could not tell a promoted user (%s)", exc.__class__.__name__)


def is_permanent(exc: TelegramError) -> bool:
    """Blocked by the user, or the chat no longer exists: retrying cannot deliver."""
    return isinstance(exc, Forbidden) or (
        isinstance(exc, BadRequest) and "chat not found" in str(exc).lower()
    )
