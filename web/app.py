"""One ASGI application (Starlette on uvicorn): the organisers' console, the Telegram webhook, /healthz
and /metrics, on one port.

The webhook follows python-telegram-bot's custom-webhook pattern: the request is checked here and the
update handled by the running Application, so one process and one port serve everything."""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Callable
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route
from telegram import Update
from telegram.ext import Application

from chizi.metrics import UPDATES
from web.auth import SESSION_COOKIE, SESSION_SECONDS
from web.console import Console

log = logging.getLogger("chizi.web")

AUTH_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_UPDATE_BYTES = 1_000_000  # Telegram's updates are far smaller; a larger body is not from Telegram


def create_app(
    application: Application | None,
    secret: str | None,
    checks: dict[str, Callable[[], str]] | None = None,
    *,
    console: Console | None = None,
    session_secret: str | None = None,
    secure_cookies: bool = False,
) -> Starlette:
    """GET /healthz and GET /metrics; the webhook at POST /telegram (the secret header required) when
    given an Application; the console's pages when given one (with the key that signs its sessions).

    `checks` name what /healthz verifies (database, index): each returns a short state or raises."""

    async def telegram_webhook(request: Request) -> Response:
        assert application is not None and secret is not None
        given = request.headers.get(AUTH_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            UPDATES.labels("forbidden").inc()
            return JSONResponse({"error": "forbidden"}, status_code=403)
        body = await request.body()
        try:
            if len(body) > MAX_UPDATE_BYTES:
                raise ValueError("too large")
            data = json.loads(body)
            if not isinstance(data, dict):
                raise ValueError("not an object")
            update = Update.de_json(data, application.bot)
        except Exception as exc:  # malformed: refuse it without logging its content (it may be personal)
            UPDATES.labels("malformed").inc()
            log.warning("webhook request refused: malformed update (%s)", exc.__class__.__name__)
            return JSONResponse({"error": "malformed update"}, status_code=400)
        UPDATES.labels("accepted").inc()
        # Handled before Telegram hears "200": a process killed mid-update leaves it unacknowledged, and
        # Telegram delivers it again (as polling does), instead of it being lost with the queue. The
        # update processor keeps each user's updates in order, as for polled updates.
        await application.update_processor.process_update(update, application.process_update(update))
        return Response(status_code=200)

    async def healthz(request: Request) -> Response:
        states: dict[str, Any] = {}
        healthy = True
        for name, check in (checks or {}).items():
            try:
                states[name] = check()
            except Exception as exc:
                states[name] = f"failing: {exc.__class__.__name__}"
                healthy = False
        body = {"status": "ok" if healthy else "degraded", **states}
        return JSONResponse(body, status_code=200 if healthy else 503)

    async def metrics(request: Request) -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    routes: list[BaseRoute] = [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/metrics", metrics, methods=["GET"]),
    ]
    if application is not None:
        if not secret:
            raise ValueError("the webhook needs its secret (CHIZI_WEBHOOK_SECRET)")
        routes.append(Route("/telegram", telegram_webhook, methods=["POST"]))
    middleware = []
    if console is not None:
        if not session_secret:
            raise ValueError("the console needs a key to sign its sessions")
        routes.extend(console.routes())
        middleware.append(
            Middleware(
                SessionMiddleware,
                secret_key=session_secret,
                session_cookie=SESSION_COOKIE,
                max_age=SESSION_SECONDS,
                same_site="strict",
                https_only=secure_cookies,
            )
        )
    app = Starlette(routes=routes, middleware=middleware)
    app.state.console = console
    return app
