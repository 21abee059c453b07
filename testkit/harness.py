"""Run the real python-telegram-bot Application against the fake Bot API, in polling or webhook mode."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import yaml
from telegram.ext import Application

from bot.app import build_application
from chizi.assistant import Assistant
from chizi.registry import Registry
from chizi.services import health_checks
from chizi.settings import Settings
from testkit import ADMIN, ROOT, TOKEN
from web.server import webhook_server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.asynccontextmanager
async def running_bot(
    telegram: Any,
    assistant: Assistant,
    registry: Registry,
    *,
    webhook_secret: str | None = None,
    reminder_interval: float = 0.2,
    throttle_per_minute: int = 1000,
    rate_limited: bool = True,
    redis_url: str | None = None,
    refresh_interval: float = 5,
) -> AsyncIterator[Application]:
    """Start the Application like `chizi run` does (polling, or webhook when a secret is given); stop it after."""
    settings = Settings(
        data_dir=assistant.settings.data_dir,
        knowledge_dir=assistant.settings.knowledge_dir,
        telegram_bot_token=TOKEN,
        telegram_api_url=telegram.url,
        admin_ids=frozenset({ADMIN}),
        throttle_per_minute=throttle_per_minute,
        redis_url=redis_url,
    )
    app = build_application(
        settings,
        assistant,
        registry,
        reminder_interval=reminder_interval,
        rate_limited=rate_limited,
        refresh_interval=refresh_interval,
    )
    if webhook_secret:
        # Our own webhook server (web/), exactly as `chizi run` serves it with CHIZI_WEBHOOK_URL.
        port = free_port()
        async with webhook_server(
            app,
            listen="127.0.0.1",
            port=port,
            public_url=f"http://127.0.0.1:{port}",
            secret=webhook_secret,
            checks=health_checks(app.bot_data["core"].registry, app.bot_data["core"].assistant),
        ):
            yield app
        return
    async with app:
        # run_polling calls post_init itself; started by hand, we call it as it would.
        assert app.post_init is not None
        await app.post_init(app)
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()
            if app.post_shutdown is not None:
                await app.post_shutdown(app)


def one_event_knowledge(target: Path, event_id: str, title: str, days_ahead: int, **fields: Any) -> None:
    """The sample knowledge folder with one event `days_ahead` days from the real now: for the `chizi`
    processes that tests and benchmarks start, which run on the real clock."""
    shutil.copytree(ROOT / "knowledge", target)
    catalogue = yaml.safe_load((target / "events.yaml").read_text(encoding="utf-8"))
    start = (dt.datetime.now(dt.UTC) + dt.timedelta(days=days_ahead)).replace(
        minute=0, second=0, microsecond=0
    )
    catalogue["events"] = [
        {
            **catalogue["events"][0],
            "id": event_id,
            "title_en": title,
            "title_zh": title,
            "start": start.strftime("%Y-%m-%dT%H:%M"),
            "end": (start + dt.timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M"),
            "registration_deadline": (start - dt.timedelta(days=days_ahead // 2)).strftime("%Y-%m-%dT%H:%M"),
            **fields,
        }
    ]
    (target / "events.yaml").write_text(yaml.safe_dump(catalogue, allow_unicode=True), encoding="utf-8")


class Chat:
    """One user talking to the bot: send, press, and read what appears on their screen in order.

    A press happens on the message that carries the button (as in a real client), so a menu the bot
    edits in place keeps its message id. New messages and messages edited in place both count as replies."""

    def __init__(self, telegram: Any, user_id: int, language: str = "en") -> None:
        self.tg = telegram
        self.user_id = user_id
        self.language = language
        self.seen = 0

    async def send(self, text: str, expect: int = 1) -> list[str]:
        await self.tg.send_text(self.user_id, text, self.language)
        return await self.replies(expect)

    async def press(self, data: str, expect: int = 1) -> list[str]:
        await self.tg.press(self.user_id, data, self.language, message_id=self.message_with(data))
        return await self.replies(expect)

    async def replies(self, expect: int) -> list[str]:
        """Wait for `expect` more things on screen (new or edited messages); their texts."""
        await self.tg.wait(lambda: len(self.tg.screen(self.user_id)) >= self.seen + expect)
        new = self.tg.screen(self.user_id)[self.seen :]
        self.seen += len(new)
        return [m.get("text", "") for m in new]

    def message_with(self, data: str) -> int:
        """The id of the latest message showing a button with this callback data (else the latest)."""
        screen = self.tg.screen(self.user_id)
        for m in reversed(screen):
            if data in buttons(m):
                return int(m["message_id"])
        return int(screen[-1]["message_id"]) if screen else 1

    def last_buttons(self) -> list[str]:
        """callback_data of the buttons on what the user saw last (a new message or an edited one)."""
        screen = self.tg.screen(self.user_id)
        return buttons(screen[-1]) if screen else []


def buttons(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup")
    if isinstance(markup, str):
        markup = json.loads(markup)
    if not markup:
        return []
    return [b.get("callback_data", "") for row in markup["inline_keyboard"] for b in row]
