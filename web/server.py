"""Run the bot behind our own webhook server: uvicorn serving `web.app`, the Application fed by it."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable

import uvicorn
from telegram import Update
from telegram.ext import Application

from web.app import create_app


@contextlib.asynccontextmanager
async def webhook_server(
    application: Application,
    *,
    listen: str,
    port: int,
    public_url: str,
    secret: str,
    checks: dict[str, Callable[[], str]] | None = None,
) -> AsyncIterator[asyncio.Task[None]]:
    """Start the Application and the HTTP server, point Telegram at it; stop both afterwards.

    Yields the server's task, which ends when uvicorn is told to stop (SIGINT, SIGTERM)."""
    config = uvicorn.Config(
        create_app(application, secret, checks),
        host=listen,
        port=port,
        log_level="warning",
        access_log=False,  # request lines carry no personal data, but nobody needs one per update
        lifespan="off",
    )
    server = uvicorn.Server(config)
    async with application:
        # run_polling/run_webhook would call these hooks; here the server is ours, so we call them.
        if application.post_init is not None:
            await application.post_init(application)
        await application.start()
        serving = asyncio.create_task(server.serve())
        try:
            while not server.started:
                if serving.done():  # the port is taken, or the address is wrong
                    await serving
                    raise RuntimeError(f"the webhook server could not listen on {listen}:{port}")
                await asyncio.sleep(0.02)
            await application.bot.set_webhook(
                url=f"{public_url}/telegram", secret_token=secret, allowed_updates=Update.ALL_TYPES
            )
            yield serving
        finally:
            server.should_exit = True
            with contextlib.suppress(asyncio.CancelledError):
                await serving
            await application.stop()
            if application.post_shutdown is not None:
                await application.post_shutdown(application)


async def serve_forever(application: Application, **kwargs: object) -> None:
    """`chizi run` with CHIZI_WEBHOOK_URL: serve until SIGINT or SIGTERM."""
    async with webhook_server(application, **kwargs) as serving:  # type: ignore[arg-type]
        await serving
