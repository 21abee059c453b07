"""The Telegram Application: wiring, update ordering, error handling, start-up and run modes."""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections import defaultdict
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from telegram import BotCommand, Update
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, TelegramError
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

from bot.admin import broadcast_command, export_command, reload_command, stats_command, unanswered_command
from bot.buttons import on_button
from bot.commands import (
    cancel_command,
    events_command,
    forgetme_command,
    help_command,
    lang_command,
    myevents_command,
    on_other,
    on_text,
    privacy_command,
    start,
    subscribe_command,
    timezone_command,
)
from bot.common import Core, core_of, log, run
from bot.jobs import announce_new_events, follow_console, resume_broadcasts, send_due_reminders
from chizi.assistant import Assistant
from chizi.conversations import SqlConversations
from chizi.db import UNAVAILABLE
from chizi.limits import RedisSendLimit, RedisThrottle, redis_client
from chizi.registry import Registry
from chizi.services import open_registry
from chizi.settings import Settings
from chizi.texts import t

# RetryAfter.retry_after as a timedelta (python-telegram-bot 22's opt-in; 23 makes it the default).
os.environ.setdefault("PTB_TIMEDELTA", "true")


class PatientRateLimiter(AIORateLimiter):
    """Telegram's limits (waits out 429 RetryAfter), and a few retries of a request that failed for a
    passing reason: a 5xx from the Bot API, a dropped connection, a timeout.

    A timed-out send may have reached the user; retrying it risks a second copy, which we prefer to a
    lost reply. Requests Telegram refused (400, 403) are not retried: sending again cannot succeed."""

    def __init__(
        self, network_retries: int = 3, backoff: float = 0.5, shared: RedisSendLimit | None = None
    ) -> None:
        super().__init__(max_retries=3)
        self._network_retries = network_retries
        self._backoff = backoff
        self._shared = shared  # several workers: Telegram's overall limit is counted in Redis

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        for attempt in range(self._network_retries + 1):
            if self._shared is not None and endpoint != "getUpdates":
                with contextlib.suppress(Exception):  # Redis away: fall back to this process's limit
                    await self._shared.acquire()
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except (BadRequest, Forbidden, InvalidToken):
                raise
            except NetworkError as exc:  # includes TimedOut and Telegram's 5xx answers
                if endpoint == "getUpdates" or attempt == self._network_retries:
                    raise
                log.warning("%s failed (%s); retrying", endpoint, exc.__class__.__name__)
                await asyncio.sleep(self._backoff * 2**attempt)
        raise AssertionError("unreachable")


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


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure without the token or personal data, and apologise to the user."""
    err = context.error
    update_id = update.update_id if isinstance(update, Update) else None
    log.error(
        "update %s failed: %s",
        update_id,
        err.__class__.__name__,
        exc_info=(type(err), err, err.__traceback__)
        if err is not None and not isinstance(err, (TelegramError, *UNAVAILABLE))
        else None,
    )
    if isinstance(update, Update) and update.effective_chat is not None:
        user = update.effective_user
        lang = "zh" if user and (user.language_code or "").lower().startswith("zh") else "en"
        if user is not None and not isinstance(err, UNAVAILABLE):
            with contextlib.suppress(*UNAVAILABLE):
                lang = core_of(context).registry.language(user.id)
        # The database being down is said as such: nothing the user gave is lost, try again shortly.
        with contextlib.suppress(TelegramError):
            await update.effective_chat.send_message(
                t("db_down" if isinstance(err, UNAVAILABLE) else "error", lang)
            )


COMMANDS = [
    ("start", "Start / 开始"),
    ("events", "Browse events / 浏览活动"),
    ("myevents", "My registrations / 我的报名"),
    ("subscribe", "New-event alerts / 订阅"),
    ("timezone", "My time zone / 时区"),
    ("lang", "Language / 语言"),
    ("privacy", "Privacy / 隐私"),
    ("forgetme", "Delete my data / 删除数据"),
    ("help", "Help / 帮助"),
]


async def post_init(app: Application) -> None:
    """Sync the catalogue, tell subscribers about new events, start the reminder loop from the database."""
    core: Core = app.bot_data["core"]
    # The catalogue and the organisers' answers come from the database (events.yaml imported first).
    await run(core.assistant.use_catalogue, core.registry)
    log.info("bot starting: %d events in the catalogue", len(core.events))
    await announce_new_events(app)
    assert app.job_queue is not None
    # Once the Application runs (post_init comes before start): broadcasts a stopped process left half sent.
    app.job_queue.run_once(resume_broadcasts, when=0.1)
    # What the console changes (events, answers, broadcasts) reaches this worker within seconds.
    app.job_queue.run_repeating(
        follow_console,
        interval=app.bot_data.get("refresh_interval", 5),
        first=app.bot_data.get("refresh_interval", 5),
    )
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
    if "redis" in app.bot_data:
        await app.bot_data["redis"].aclose()


def build_application(
    settings: Settings,
    assistant: Assistant,
    registry: Registry | None = None,
    reminder_interval: float = 30,
    rate_limited: bool = True,
    refresh_interval: float = 5,
) -> Application:
    """The real Application, pointed at TELEGRAM_API_URL, with rate limiting and per-user ordering."""
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is required for the Telegram bot")
    registry = registry or open_registry(settings)
    # Answers count seats left from the registry and keep each chat's last question in the database.
    assistant.use_registry(registry.seats, SqlConversations(registry.engine))
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
    redis = redis_client(settings.redis_url) if settings.redis_url else None
    if rate_limited:  # Telegram's own limits (~30 messages/s overall); only benchmarks switch this off
        builder = builder.rate_limiter(PatientRateLimiter(shared=RedisSendLimit(redis) if redis else None))
    app = builder.build()
    core = Core(settings, assistant, registry)
    if redis is not None:
        core.flood = RedisThrottle(redis)
        app.bot_data["redis"] = redis
    app.bot_data["core"] = core
    app.bot_data["reminder_interval"] = reminder_interval
    app.bot_data["refresh_interval"] = refresh_interval
    private = filters.ChatType.PRIVATE
    # Order matters: commands first, then buttons, then free text as flow steps or questions, then unknown
    # commands, then the rest.
    app.add_handler(CommandHandler("start", start, filters=private))
    app.add_handler(CommandHandler("help", help_command, filters=private))
    app.add_handler(CommandHandler("lang", lang_command, filters=private))
    app.add_handler(CommandHandler("timezone", timezone_command, filters=private))
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
    # A command none of the handlers above knows (/foo, /admin for a scholar) gets the help menu.
    app.add_handler(MessageHandler(private & filters.COMMAND, help_command))
    app.add_handler(MessageHandler(private & ~filters.COMMAND & ~filters.TEXT, on_other))
    app.add_error_handler(on_error)
    return app


def run_polling(settings: Settings, assistant: Assistant) -> None:
    """`chizi run` without a webhook: poll Telegram for updates until SIGINT or SIGTERM."""
    build_application(settings, assistant).run_polling(allowed_updates=Update.ALL_TYPES)


__all__ = ["build_application", "run_polling"]
