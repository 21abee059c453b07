"""A small fake Telegram Bot API server on 127.0.0.1: the network edge of the end-to-end tests.

It answers the Bot API methods the bot uses, queues updates for getUpdates (polling) or POSTs them to
the bot's webhook (webhook mode), and records every call so tests can read what users were sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import Callable
from typing import Any

import aiohttp
from aiohttp import web

BOT_ID = 7_000_000_001


class FakeTelegram:
    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self._by_chat: dict[int, list[dict[str, Any]]] = {}
        self._edits: dict[int, list[dict[str, Any]]] = {}
        self._screen: dict[int, list[dict[str, Any]]] = {}  # sends and edits, in the order they happened
        # Faults to inject: chat id → (HTTP status, description) for the next `count` sends to that chat.
        self.failing: dict[int, tuple[int, str, int, int | None]] = {}
        # Sends to a chat that hang this long and are then dropped, unrecorded (a request lost in transit).
        self.stalling: dict[int, tuple[float, int]] = {}
        self._changed = asyncio.Event()
        self.files: dict[str, bytes] = {}
        self._updates: list[dict[str, Any]] = []
        self._new_update = asyncio.Event()
        self._ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self.webhook: tuple[str, str | None] | None = None
        self.webhook_status: list[int] = []
        self._runner: web.AppRunner | None = None
        self.url = ""

    # --- server ----------------------------------------------------------------------------------
    async def start(self) -> str:
        app = web.Application(client_max_size=20 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            return dict(await request.json())
        if request.content_type.startswith("multipart/"):
            out: dict[str, Any] = {}
            async for part in await request.multipart():
                data = await part.read()  # type: ignore[union-attr]
                if part.filename:  # type: ignore[union-attr]
                    self.files[part.filename] = bytes(data)  # type: ignore[union-attr]
                    out[part.name] = {"filename": part.filename}  # type: ignore[union-attr]
                else:
                    out[part.name] = data.decode()  # type: ignore[union-attr]
            return out
        return dict(await request.post())

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        params = await self._params(request)
        if method in ("sendMessage", "sendDocument") and int(params.get("chat_id", 0)) in self.stalling:
            chat = int(params["chat_id"])
            seconds, count = self.stalling.pop(chat)
            if count > 1:
                self.stalling[chat] = (seconds, count - 1)
            self.calls.append((f"{method}:stalled", params))
            await asyncio.sleep(seconds)
            return web.json_response(
                {"ok": False, "error_code": 504, "description": "Gateway Timeout"}, status=504
            )
        if method in ("sendMessage", "sendDocument") and int(params.get("chat_id", 0)) in self.failing:
            chat = int(params["chat_id"])
            status, description, count, retry_after = self.failing[chat]
            if count <= 1:
                del self.failing[chat]
            else:
                self.failing[chat] = (status, description, count - 1, retry_after)
            self.calls.append((f"{method}:failed", params))
            body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
            if retry_after is not None:
                body["parameters"] = {"retry_after": retry_after}
            return web.json_response(body, status=status)
        if method != "getUpdates":
            self.calls.append((method, params))
            if method in ("sendMessage", "sendDocument"):
                self._by_chat.setdefault(int(params["chat_id"]), []).append(params)
            if method == "editMessageText":
                self._edits.setdefault(int(params["chat_id"]), []).append(params)
        result = await self._dispatch(method, params)
        if method in ("sendMessage", "sendDocument", "editMessageText") and isinstance(result, dict):
            params["message_id"] = result["message_id"]  # which message a later press or edit refers to
            self._screen.setdefault(int(params["chat_id"]), []).append(params)
        if method != "getUpdates":
            self._changed.set()
        return web.json_response({"ok": True, "result": result})

    async def _dispatch(self, method: str, p: dict[str, Any]) -> Any:
        if method == "getMe":
            return {
                "id": BOT_ID,
                "is_bot": True,
                "first_name": "Chizi",
                "username": "chizi_test_bot",
                "can_join_groups": False,
                "can_read_all_group_messages": False,
                "supports_inline_queries": False,
            }
        if method == "getUpdates":
            offset = int(p.get("offset") or 0)
            timeout = float(p.get("timeout") or 0)
            deadline = time.monotonic() + min(timeout, 1.0)
            while True:
                ready = [u for u in self._updates if u["update_id"] >= offset]
                if ready or time.monotonic() >= deadline:
                    self._updates = [u for u in self._updates if u["update_id"] >= offset]
                    return ready
                self._new_update.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._new_update.wait(), deadline - time.monotonic())
        if method == "setWebhook":
            self.webhook = (str(p["url"]), p.get("secret_token"))
            return True
        if method == "deleteWebhook":
            self.webhook = None
            return True
        if method == "getWebhookInfo":
            return {
                "url": self.webhook[0] if self.webhook else "",
                "has_custom_certificate": False,
                "pending_update_count": 0,
            }
        if method in ("sendMessage", "sendDocument"):
            chat_id = int(p["chat_id"])
            msg: dict[str, Any] = {
                "message_id": next(self._message_ids),
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private"},
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "Chizi"},
            }
            if method == "sendMessage":
                msg["text"] = p["text"]
            else:
                msg["document"] = {
                    "file_id": "f1",
                    "file_unique_id": "u1",
                    "file_name": p["document"]["filename"],
                }
            return msg
        if method == "editMessageText":
            return {
                "message_id": int(p["message_id"]),
                "date": int(time.time()),
                "chat": {"id": int(p["chat_id"]), "type": "private"},
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "Chizi"},
                "text": p["text"],
            }
        if method == "editMessageReplyMarkup":
            return True
        return True  # answerCallbackQuery, setMyCommands, close, logOut, …

    # --- users -----------------------------------------------------------------------------------
    async def _deliver(self, update: dict[str, Any]) -> None:
        if self.webhook:
            url, secret = self.webhook
            headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
            # As Telegram does: an update not answered with 2xx (or not answered at all) is sent again.
            for attempt in range(8):
                try:
                    if await self.post_webhook(update, headers, url) < 500:
                        return
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.25 * (attempt + 1))
        else:
            self._updates.append(update)
            self._new_update.set()

    async def post_webhook(
        self, update: dict[str, Any], headers: dict[str, str], url: str | None = None
    ) -> int:
        target = url or (self.webhook[0] if self.webhook else "")
        async with (
            aiohttp.ClientSession() as session,
            session.post(
                target, data=json.dumps(update), headers={"Content-Type": "application/json", **headers}
            ) as resp,
        ):
            self.webhook_status.append(resp.status)
            return resp.status

    def user(self, user_id: int, language: str = "en") -> dict[str, Any]:
        return {
            "id": user_id,
            "is_bot": False,
            "first_name": f"User{user_id}",
            "username": f"user{user_id}",
            "language_code": language,
        }

    def update_for_text(self, user_id: int, text: str, language: str = "en") -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": user_id, "type": "private"},
            "from": self.user(user_id, language),
            "text": text,
        }
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        return {"update_id": next(self._ids), "message": message}

    async def send_text(self, user_id: int, text: str, language: str = "en") -> None:
        await self._deliver(self.update_for_text(user_id, text, language))

    async def send_sticker(self, user_id: int) -> None:
        await self._deliver(
            {
                "update_id": next(self._ids),
                "message": {
                    "message_id": next(self._message_ids),
                    "date": int(time.time()),
                    "chat": {"id": user_id, "type": "private"},
                    "from": self.user(user_id),
                    "sticker": {
                        "file_id": "s",
                        "file_unique_id": "s",
                        "width": 1,
                        "height": 1,
                        "is_animated": False,
                        "is_video": False,
                        "type": "regular",
                    },
                },
            }
        )

    async def press(self, user_id: int, data: str, language: str = "en", message_id: int = 1) -> None:
        """The user presses a button whose callback data is `data`, on message `message_id`."""
        await self._deliver(
            {
                "update_id": next(self._ids),
                "callback_query": {
                    "id": str(next(self._ids)),
                    "from": self.user(user_id, language),
                    "chat_instance": "ci",
                    "data": data,
                    "message": {
                        "message_id": message_id,
                        "date": int(time.time()),
                        "chat": {"id": user_id, "type": "private"},
                        "from": {"id": BOT_ID, "is_bot": True, "first_name": "Chizi"},
                        "text": "…",
                    },
                },
            }
        )

    # --- reading what the bot did ----------------------------------------------------------------
    def sent_to(self, chat_id: int) -> list[dict[str, Any]]:
        return list(self._by_chat.get(chat_id, []))

    def texts_to(self, chat_id: int) -> list[str]:
        return [p.get("text", "") for p in self.sent_to(chat_id)]

    def fail(
        self, chat_id: int, status: int, description: str, times: int = 1, retry_after: int | None = None
    ) -> None:
        """Make the next `times` sends to chat_id fail as Telegram would (403 blocked, 429, 502, …)."""
        self.failing[chat_id] = (status, description, times, retry_after)

    def stall(self, chat_id: int, seconds: float, times: int = 1) -> None:
        """Make the next `times` sends to chat_id hang for `seconds` (past the bot's timeout) and be lost."""
        self.stalling[chat_id] = (seconds, times)

    def edits_to(self, chat_id: int) -> list[dict[str, Any]]:
        """editMessageText calls for chat_id: menus replaced in place."""
        return list(self._edits.get(chat_id, []))

    def screen(self, chat_id: int) -> list[dict[str, Any]]:
        """What the user saw happen, in order: each new message and each message edited in place."""
        return list(self._screen.get(chat_id, []))

    def answers(self) -> list[dict[str, Any]]:
        return [p for m, p in self.calls if m == "answerCallbackQuery"]

    async def wait(self, condition: Callable[[], Any], within: float = 20.0) -> Any:
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            value = condition()
            if value:
                return value
            # Woken by the next call the bot makes (or after a short tick), not by busy polling.
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), 0.05)
        raise AssertionError("timed out waiting for the bot")

    async def reply(self, chat_id: int, after: int, within: float = 20.0) -> str:
        """The next message sent to chat_id after the first `after` ones."""
        await self.wait(lambda: len(self.sent_to(chat_id)) > after, within)
        return str(self.sent_to(chat_id)[after].get("text", ""))
