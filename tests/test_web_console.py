"""The organisers' console in a real headless Chromium, with the real bot on the fake Bot API beside it:
what an organiser does in the page reaches scholars on Telegram, and what scholars do shows in the page.
Also what the console refuses: no session, a forged form, a guessed password."""

from __future__ import annotations

import asyncio
import contextlib
import csv
import io
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import openpyxl
import pytest

from chizi.assistant import Assistant
from chizi.registry import Details, Registry
from chizi.services import Services
from testkit.console import (
    ORGANISER,
    PASSWORD,
    browser_page,
    chromium_missing,
    console_running,
    sign_in,
)
from testkit.harness import Chat, running_bot
from tests.conftest import today
from tests.test_telegram_e2e import SUZHOU, button_labels

needs_browser = pytest.mark.skipif(chromium_missing() is not None, reason=str(chromium_missing()))
NEW_EVENT = "xa-test-forum-2027"


@pytest.fixture
def services(make_assistant: Callable[..., Assistant], assistant: Assistant, registry: Registry) -> Services:
    """The console's core: its own assistant (its catalogue changes here, not the shared one's) on the
    shared index, the test's registry, and one organiser account."""
    own = make_assistant(assistant.settings, assistant.embeddings, clock=today)
    wired = Services.open(own.settings, own, registry)
    wired.organisers.add(ORGANISER, PASSWORD)
    return wired


@pytest.fixture
async def console(services: Services) -> AsyncIterator[str]:
    async with console_running(services) as base:
        yield base


async def fill_new_event(page: Any, base: str) -> None:
    await page.goto(f"{base}/events/new")
    for name, value in {
        "id": NEW_EVENT,
        "title_zh": "2027西安海外学人论坛",
        "title_en": "Xi'an Overseas Scholars Forum 2027",
        "province": "陕西 Shaanxi",
        "city": "西安 Xi'an",
        "start": "2027-03-10T09:00",
        "end": "2027-03-11T17:00",
        "registration_deadline": "2027-02-20T23:59",
        "capacity": "2",
        "description_zh": "面向海外学人的科技合作论坛。",
        "description_en": "A forum on research cooperation for scholars abroad.",
        "contact": "forum@example.org",
        "aliases": "西安论坛, Xi'an forum",
    }.items():
        await page.fill(f"[name={name}]", value)
    await page.check("input[name=fields][value=biomedicine]")
    await page.select_option("select[name=format]", "in_person")
    async with page.expect_navigation():
        await page.click("main button[type=submit]")


# --- in the browser --------------------------------------------------------------------------------
@needs_browser
async def test_an_event_created_in_the_console_is_registered_for_on_telegram_and_exported(
    telegram: Any, services: Services, console: str
) -> None:
    bot = running_bot(telegram, services.assistant, services.registry, refresh_interval=0.2)
    async with bot, browser_page() as page:
        await sign_in(page, console)
        await fill_new_event(page, console)
        assert NEW_EVENT in page.url
        chat = Chat(telegram, 501)
        await telegram.wait(lambda: services.assistant.kb.event(NEW_EVENT) is not None, within=10)
        await chat.send("/events")
        await chat.press("f:a::0")  # all events, soonest first
        assert any("Xi'an Overseas Scholars Forum" in b for b in button_labels(telegram, 501, "e:"))
        await chat.press(f"r:{NEW_EVENT}")
        await chat.send("Zhang Min")
        await chat.send('=HYPERLINK("http://x.example")')  # a formula typed as an affiliation
        await chat.send("Immunology")
        await chat.press("rs:skip")
        await chat.press("rc:yes")
        done = await chat.press(f"rf:{NEW_EVENT}")
        assert done[0].startswith("🎉")

        await page.goto(f"{console}/events/{NEW_EVENT}")
        row = page.locator("#registrations tbody tr").first
        assert "Zhang Min" in await row.inner_text()
        assert "1/2" in await page.inner_text("#filled")
        async with page.expect_download() as download:
            await page.click(f"a[href='/events/{NEW_EVENT}/registrations.csv']")
        text = await (await download.value).path()
        text = (await asyncio.to_thread(Path(text).read_bytes)).decode("utf-8")
    assert text.startswith("\ufeff")
    (exported,) = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert exported["name"] == "Zhang Min" and exported["event_title"] == "Xi'an Overseas Scholars Forum 2027"
    assert exported["affiliation"].startswith("'=")  # shown as text in a spreadsheet, never run


@needs_browser
async def test_an_answer_written_in_the_console_reaches_a_bot_worker_with_its_own_assistant(
    telegram: Any, services: Services, console: str, make_assistant: Callable[..., Assistant]
) -> None:
    """The bot runs on another assistant than the console, as a separate worker would: only the
    database carries the answer across (the worker's follow_console job)."""
    question = "Is there a dress code for the gala dinner?"
    worker = make_assistant(services.settings, services.assistant.embeddings, clock=today)
    async with running_bot(telegram, worker, services.registry, refresh_interval=0.2) as app:
        chat = Chat(telegram, 502)
        before = await chat.send(question)
        assert "My documents have nothing on “dress code”" in before[0]  # declined: queued for organisers
        async with browser_page() as page:
            await sign_in(page, console)
            await page.goto(f"{console}/questions")
            item = page.locator("article.question", has_text=question)
            # Published as asked unless the organiser rewords it (to drop anything personal).
            assert await item.locator("input[name=published_as]").input_value() == question
            await item.locator("textarea[name=answer_en]").fill("Business casual; no tie needed.")
            await item.locator("textarea[name=answer_zh]").fill("商务休闲即可，无需领带。")
            async with page.expect_navigation():
                await item.locator("button[type=submit]").click()
            assert "Added to the FAQ" in await page.inner_text("main")
            assert question not in await page.inner_text("main")  # answered: out of the queue
        version = services.registry.catalogue_version()
        await telegram.wait(lambda: app.bot_data.get("catalogue_version") == version, within=10)
        after = await chat.send(question)
    assert "Business casual; no tie needed." in after[0]


@needs_browser
async def test_cancelling_an_event_in_the_console_tells_its_registrants_on_telegram(
    telegram: Any, services: Services, console: str
) -> None:
    services.registry.register(503, SUZHOU, Details("Li Wei", "ETH", "Physics", None))
    async with running_bot(telegram, services.assistant, services.registry, refresh_interval=0.2):
        async with browser_page() as page:
            await sign_in(page, console)
            await page.goto(f"{console}/events/{SUZHOU}")
            await page.click("details.danger summary")
            await page.check("input[name=confirm]")
            await page.click("button.danger")
            assert "cancelled" in await page.inner_text("h1")
        told = await Chat(telegram, 503).replies(1)
    assert "cancelled" in told[0] and "Suzhou International Elite Week" in told[0]
    assert services.registry.status(503, SUZHOU) is None
    assert SUZHOU not in {e.id for e in services.assistant.kb.events}


@needs_browser
async def test_the_console_switches_to_chinese_and_fits_a_phone_screen(
    services: Services, console: str
) -> None:
    async with browser_page(viewport={"width": 390, "height": 844}) as page:
        await sign_in(page, console)
        await page.goto(f"{console}/events")
        await page.click("#lang-switch")
        heading = await page.inner_text("h1")
        width = await page.evaluate("document.documentElement.scrollWidth")
        stylesheet = await page.evaluate("[...document.styleSheets].map(s => s.href)")
    assert "活动" in heading and "新建活动" in heading
    assert width <= 390  # no sideways scrolling of the page; wide tables scroll inside their box
    assert all(href.startswith(console) for href in stylesheet)  # nothing fetched from elsewhere


# --- what the console refuses ------------------------------------------------------------------------
@contextlib.asynccontextmanager
async def signed_in_client(base: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=base, follow_redirects=False) as client:
        token = csrf_of((await client.get("/login")).text)
        await client.post(
            "/login", data={"csrf": token, "name": ORGANISER, "password": PASSWORD, "next": "/"}
        )
        yield client


def csrf_of(html: str) -> str:
    return html.split('name="csrf" value="', 1)[1].split('"', 1)[0]


async def test_without_a_session_pages_go_to_the_login_and_data_answers_401(console: str) -> None:
    async with httpx.AsyncClient(base_url=console) as client:
        pages = [await client.get(p) for p in ("/", "/events", f"/events/{SUZHOU}", "/questions", "/audit")]
        export = await client.get(f"/events/{SUZHOU}/registrations.csv")
        xlsx = await client.get(f"/events/{SUZHOU}/registrations.xlsx")
        post = await client.post(f"/events/{SUZHOU}/cancel", data={"confirm": "yes", "csrf": "x"})
    assert all(r.status_code == 303 and r.headers["location"].startswith("/login?next=") for r in pages)
    assert export.status_code == 401 and xlsx.status_code == 401
    assert post.status_code == 303 and post.headers["location"].startswith("/login")


async def test_a_forged_csrf_token_is_refused_and_changes_nothing(services: Services, console: str) -> None:
    async with signed_in_client(console) as client:
        forged = await client.post(f"/events/{SUZHOU}/close", data={"csrf": "forged"})
        missing = await client.post(f"/events/{SUZHOU}/cancel", data={"confirm": "yes"})
        page = await client.get(f"/events/{SUZHOU}")
        real = await client.post(f"/events/{SUZHOU}/close", data={"csrf": csrf_of(page.text)})
    assert forged.status_code == 403 and missing.status_code == 403
    assert real.status_code == 303
    assert [e.status for e in services.registry.catalogue() if e.id == SUZHOU] == ["closed"]


async def test_repeated_wrong_passwords_lock_the_account_even_for_the_right_one(console: str) -> None:
    async with httpx.AsyncClient(base_url=console) as client:
        token = csrf_of((await client.get("/login")).text)
        tries = [
            await client.post("/login", data={"csrf": token, "name": ORGANISER, "password": f"guess-{n}"})
            for n in range(5)
        ]
        right = await client.post("/login", data={"csrf": token, "name": ORGANISER, "password": PASSWORD})
    assert all(r.status_code == 401 for r in tries)
    assert right.status_code == 401 and "Too many failed attempts" in right.text


async def test_login_never_redirects_to_another_site(console: str) -> None:
    async with httpx.AsyncClient(base_url=console) as client:
        token = csrf_of((await client.get("/login")).text)
        done = await client.post(
            "/login",
            data={"csrf": token, "name": ORGANISER, "password": PASSWORD, "next": "//evil.example/x"},
        )
    assert done.status_code == 303 and done.headers["location"] == "/"


async def test_a_removed_organisers_session_ends_at_the_next_request(
    services: Services, console: str
) -> None:
    async with signed_in_client(console) as client:
        before = await client.get("/events")
        services.organisers.remove(ORGANISER)
        after = await client.get("/events")
    assert before.status_code == 200 and after.status_code == 303


async def test_the_xlsx_export_holds_typed_formulas_as_text(services: Services, console: str) -> None:
    services.registry.register(504, SUZHOU, Details("Wang Fang", "=1+1", "@SUM(A1)", None))
    async with signed_in_client(console) as client:
        response = await client.get(f"/events/{SUZHOU}/registrations.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert row["name"] == "Wang Fang" and row["affiliation"] == "'=1+1" and row["field"] == "'@SUM(A1)"
    assert all(c.data_type == "s" for c in sheet[2] if c.value is not None)


async def test_every_console_action_is_in_the_audit_log_without_personal_data(
    services: Services, console: str
) -> None:
    services.registry.register(505, SUZHOU, Details("Chen Jing", "Oxford", "Chemistry", "chen@example.org"))
    async with signed_in_client(console) as client:
        await client.get(f"/events/{SUZHOU}/registrations.csv")
        page = await client.get(f"/events/{SUZHOU}")
        await client.post(f"/events/{SUZHOU}/close", data={"csrf": csrf_of(page.text)})
        audit = await client.get("/audit")
    entries = services.organisers.audit_log()
    assert [(a, t) for _, who, a, t in entries if who == ORGANISER][:3] == [
        ("close_event", SUZHOU),
        ("export_csv", SUZHOU),
        ("login", ""),
    ]
    assert "Chen Jing" not in audit.text and "chen@example.org" not in audit.text


@needs_browser
async def test_a_form_whose_csrf_token_was_tampered_with_in_the_page_is_refused(
    services: Services, console: str
) -> None:
    async with browser_page() as page:
        await sign_in(page, console)
        await page.goto(f"{console}/events/{SUZHOU}")
        await page.evaluate("document.querySelectorAll('input[name=csrf]').forEach(i => i.value = 'forged')")
        async with page.expect_navigation():
            await page.click(f"form[action='/events/{SUZHOU}/close'] button")
        shown = await page.inner_text("main")
    assert "expired or did not come from this console" in shown
    assert [e.status for e in services.registry.catalogue() if e.id == SUZHOU] == ["open"]


async def test_a_broadcast_sent_from_the_console_reaches_each_registrant_once_with_a_report(
    telegram: Any, services: Services, console: str
) -> None:
    people = [(511, "zh"), (512, "en"), (513, "en")]
    for user_id, language in people:
        services.registry.ensure_user(user_id, language)
        services.registry.register(user_id, SUZHOU, Details("Li Wei", "ETH", "Physics", None))
    telegram.fail(513, 403, "Forbidden: bot was blocked by the user")
    form = {
        "event_id": SUZHOU,
        "audience": "registrants",
        "text_zh": "会场改在B厅",
        "text_en": "Now in Hall B",
    }
    bot = running_bot(telegram, services.assistant, services.registry, refresh_interval=0.2)
    async with bot, signed_in_client(console) as client:
        page = await client.get("/broadcasts")
        preview = await client.post("/broadcasts/preview", data={**form, "csrf": csrf_of(page.text)})
        sent = await client.post("/broadcasts/send", data={**form, "csrf": csrf_of(preview.text)})
        progress = sent.headers["location"]
        await telegram.wait(lambda: len(telegram.texts_to(511)) + len(telegram.texts_to(512)) == 2)
        for _ in range(50):
            report = await client.get(progress)
            if "Finished" in report.text:
                break
            await asyncio.sleep(0.2)
    assert "Send to 3 people" in preview.text and "Now in Hall B" in preview.text
    assert "会场改在B厅" in telegram.texts_to(511)[0] and "Now in Hall B" in telegram.texts_to(512)[0]
    assert len(telegram.texts_to(511)) == 1 and telegram.texts_to(513) == []
    assert 'id="sent">2<' in report.text and 'id="blocked">1<' in report.text


async def test_every_console_route_but_the_login_is_closed_without_a_session(
    services: Services, console: str
) -> None:
    """Walks the app's own route table, so a page added later is covered without editing this test."""
    from starlette.routing import Route

    from web.console import Console

    values = {
        "event_id": SUZHOU,
        "action": "close",
        "registration_id": "1",
        "kind": "csv",
        "question_id": "1",
        "broadcast_id": "1",
        "lang": "en",
    }
    open_paths = {"/login", "/logout", "/lang/{lang}"}  # nothing behind them without a session
    checked = 0
    async with httpx.AsyncClient(base_url=console) as client:
        for route in Console(services).routes():
            if not isinstance(route, Route) or route.path in open_paths:
                continue
            path = route.path
            for name, value in values.items():
                path = path.replace("{" + name + "}", value).replace("{" + name + ":int}", value)
                path = path.replace("{" + name + ":str}", value)
            for method in sorted((route.methods or {"GET"}) - {"HEAD"}):
                response = await client.request(method, path, data={"csrf": "x", "confirm": "yes"})
                checked += 1
                assert response.status_code in (303, 401), (method, path, response.status_code)
                if response.status_code == 303:
                    assert response.headers["location"].startswith("/login?next=")
    assert checked >= 15
    assert [e.status for e in services.registry.catalogue() if e.id == SUZHOU] == ["open"]
