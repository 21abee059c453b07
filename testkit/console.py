"""The organisers' console as `chizi serve` runs it (uvicorn, the real app), and a headless Chromium to
use it: shared by the browser tests and the screenshot script."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from chizi.services import Services, health_checks
from testkit.harness import free_port
from web.console import Console
from web.server import webhook_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ORGANISER, PASSWORD = "alice", "correct horse battery"


def chromium_missing() -> str | None:
    """Why browser tests cannot run here, or None when they can."""
    if not Path(CHROMIUM).exists():
        return "Debian's chromium is not installed (apt-get install -y chromium fonts-noto-cjk)"
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (make install)"
    return None


@contextlib.asynccontextmanager
async def console_running(services: Services) -> AsyncIterator[str]:
    """Serve the console on a free port of 127.0.0.1; yields its base URL."""
    port = free_port()
    async with webhook_server(
        None,
        listen="127.0.0.1",
        port=port,
        checks=health_checks(services.registry, services.assistant),
        console=Console(services),
        session_secret="test-only-session-key-0123456789",
    ):
        yield f"http://127.0.0.1:{port}"


@contextlib.asynccontextmanager
async def browser_page(**context: Any) -> AsyncIterator[Any]:
    """A page in a fresh headless Chromium context (its own cookies), closed after."""
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            ctx = await browser.new_context(accept_downloads=True, **context)
            yield await ctx.new_page()
        finally:
            await browser.close()


async def sign_in(page: Any, base: str, name: str = ORGANISER, password: str = PASSWORD) -> None:
    await page.goto(f"{base}/")
    await page.fill("input[name=name]", name)
    await page.fill("input[name=password]", password)
    async with page.expect_navigation():
        await page.click("button[type=submit]")
