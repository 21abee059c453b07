"""Screenshots of the console's main pages for docs/: `python -m tests.console_screenshots`.

The real console on a throwaway database with the sample catalogue and a few registrations and questions,
photographed by Debian's Chromium (fonts-noto-cjk for the Chinese)."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from chizi.assistant import Assistant
from chizi.db import make_engine, migrate
from chizi.registry import Details, Registry
from chizi.services import Services
from chizi.settings import Settings
from testkit.console import (
    ORGANISER,
    PASSWORD,
    browser_page,
    chromium_missing,
    console_running,
    sign_in,
)
from tests.conftest import ROOT, today

DOCS = ROOT / "docs" / "console"
PEOPLE = [
    ("Li Wei", "ETH Zürich", "Materials science"),
    ("Zhang Min", "University of Toronto", "Immunology"),
    ("Wang Fang", "MIT", "Artificial intelligence"),
    ("Chen Jing", "Oxford", "Chemistry"),
    ("Liu Yang", "TU München", "Materials science"),
]


def seeded(data: Path) -> Services:
    settings = Settings(data_dir=data, knowledge_dir=ROOT / "knowledge")
    engine = make_engine(settings.sqlalchemy_url)
    migrate(engine)
    registry = Registry(engine, clock=today)
    services = Services.open(settings, Assistant(settings, clock=today), registry)
    services.assistant.ensure_index()
    services.organisers.add(ORGANISER, PASSWORD)
    for n, (name, where, field) in enumerate(PEOPLE * 3):
        event = ("sz-elite-week-2027", "sd-haiqia-2027", "tj-jinmen-2027")[n % 3]
        registry.register(1000 + n, event, Details(name, where, field, None))
    for n, text in enumerate(["Is there a dress code?", "路费可以报销吗？", "Is there a dress code?"]):
        registry.log_question(2000 + n, text, "en", False, "unknown")
    return services


async def main() -> None:
    reason = chromium_missing()
    if reason:
        raise SystemExit(f"no screenshots: {reason}")
    DOCS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        services = seeded(Path(tmp))
        async with console_running(services) as base:
            shots = [
                ("overview", "/", {"width": 1280, "height": 900}),
                ("events", "/events", {"width": 1280, "height": 800}),
                ("registrations", "/events/sz-elite-week-2027", {"width": 1280, "height": 700}),
                ("questions", "/questions", {"width": 1280, "height": 700}),
                ("phone-events-zh", "/lang/zh?next=/events", {"width": 390, "height": 844}),
            ]
            for name, path, viewport in shots:
                async with browser_page(viewport=viewport) as page:
                    await sign_in(page, base)
                    await page.goto(base + path)
                    await page.screenshot(path=str(DOCS / f"{name}.png"), full_page=True)
                    print(f"docs/console/{name}.png")
        services.close()


if __name__ == "__main__":
    asyncio.run(main())
