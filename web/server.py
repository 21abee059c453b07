"""Serve `web.app` with uvicorn: the console, and the bot's webhook or its polling, in one process."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable

import uvicorn
from telegram import Update
from telegram.ext import Application

from web.app import create_app
from web.console import Console


@contextlib.asynccontextmanager
async def webhook_server(
    application: Application | None,
    *,
    listen: str,
    port: int,
    public_url: str | None = None,
    secret: str | None = None,
    checks: dict[str, Callable[[], str]] | None = None,
    console: Console | None = None,
    session_secret: str | None = None,
    secure_cookies: bool = False,
) -> AsyncIterator[asyncio.Task[None]]:
    """Start the Application (if any) and the HTTP server; with `public_url` point Telegram's webhook at
    it, else poll for updates; stop everything afterwards.

    Yields the server's task, which ends when uvicorn is told to stop (SIGINT, SIGTERM)."""
    asgi = create_app(
        application if public_url else None,
        secret,
        checks,
        console=console,
        session_secret=session_secret,
        secure_cookies=secure_cookies,
    )
    config = uvicorn.Config(
        asgi,
        host=listen,
        port=port,
        log_level="warning",
        access_log=False,  # request lines carry no personal data, but nobody needs one per update
        lifespan="off",
    )
    server = uvicorn.Server(config)
    async with contextlib.AsyncExitStack() as stack:
        if application is not None:
            await stack.enter_async_context(application)
            # run_polling/run_webhook would call these hooks; here the server is ours, so we call them.
            if application.post_init is not None:
                await application.post_init(application)
            await application.start()
        serving = asyncio.create_task(server.serve())
        try:
            while not server.started:
                if serving.done():  # the port is taken, or the address is wrong
                    await serving
                    raise RuntimeError(f"the web server could not listen on {listen}:{port}")
                await asyncio.sleep(0.02)
            if application is not None and public_url:
                await application.bot.set_webhook(
                    url=f"{public_url}/telegram", secret_token=secret, allowed_updates=Update.ALL_TYPES
                )
            elif application is not None and application.updater is not None:
                await application.updater.start_polling(allowed_updates=Update.ALL_TYPES)
            yield serving
        finally:
            server.should_exit = True
            with contextlib.suppress(asyncio.CancelledError):
                await serving
            if application is not None:
                if application.updater is not None and application.updater.running:
                    await application.updater.stop()
                await application.stop()
                if application.post_shutdown is not None:
                    await application.post_shutdown(application)


async def serve_forever(application: Application | None, **kwargs: object) -> None:
    """`chizi serve`, or `chizi run` with CHIZI_WEBHOOK_URL: serve until SIGINT or SIGTERM."""
    async with webhook_server(application, **kwargs) as serving:  # type: ignore[arg-type]
        await serving
