"""Who is signed in, and the guards every console route passes: a signed session cookie (HttpOnly,
SameSite), a CSRF token on every form, a redirect to the login page for pages and 401 for data."""

from __future__ import annotations

import functools
import hmac
import secrets
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

Handler = Callable[..., Awaitable[Response]]
SESSION_COOKIE = "chizi_console"
SESSION_SECONDS = 8 * 3600


def session_secret(given: str | None, data_dir: Path) -> str:
    """The key that signs session cookies: CHIZI_CONSOLE_SECRET, else one kept in the data folder (made
    once, readable by its owner only) so restarts and workers sharing the folder keep sessions valid."""
    if given:
        return given
    path = data_dir / "console-secret"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(48))
    return path.read_text().strip()


def organiser(request: Request) -> str | None:
    name = request.session.get("organiser")
    return name if isinstance(name, str) else None


async def _signed_in(request: Request) -> bool:
    """A session naming an account that still exists (a removed organiser is out at once)."""
    name = organiser(request)
    return name is not None and await run_in_threadpool(request.app.state.console.known, name)


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


async def checked_form(request: Request) -> FormData | None:
    """The posted form when its CSRF token matches the session's, else None (and nothing is done)."""
    form = await request.form()
    given = form.get("csrf")
    expected = request.session.get("csrf")
    if not isinstance(given, str) or not isinstance(expected, str):
        return None
    return form if hmac.compare_digest(given.encode(), expected.encode()) else None


def page(handler: Handler) -> Handler:
    """A console page: without a session, off to the login page (and back here after)."""

    @functools.wraps(handler)
    async def guarded(*args: Any) -> Response:
        request: Request = args[-1]  # a method's or a function's: the request comes last
        if not await _signed_in(request):
            request.session.pop("organiser", None)
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"/login?next={quote(target)}", status_code=303)
        return await handler(*args)

    return guarded


def data(handler: Handler) -> Handler:
    """A data endpoint (exports, JSON): 401 without a session, never a page."""

    @functools.wraps(handler)
    async def guarded(*args: Any) -> Response:
        request: Request = args[-1]
        if not await _signed_in(request):
            return JSONResponse({"error": "sign in first"}, status_code=401)
        return await handler(*args)

    return guarded


def safe_next(target: str | None) -> str:
    """Only a path on this console: never an open redirect to another site."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"
