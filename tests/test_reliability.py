"""Faults at the network edge and hostile input: nothing lost, nothing duplicated, nothing leaked."""

from __future__ import annotations

import asyncio
import contextlib
import csv
import io
import json
import threading
import time
from typing import Any

import pytest
from sqlalchemy import text

from chizi.assistant import Assistant
from chizi.registry import Registry
from retrieval.tokenizer import stem
from testkit.harness import Chat, running_bot
from tests.conftest import ADMIN, TOKEN, today
from tests.test_telegram_e2e import SUZHOU, register


# --- the Bot API misbehaves ------------------------------------------------------------------------
async def test_a_reply_that_meets_a_bad_gateway_is_retried_and_arrives_once(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    telegram.fail(401, 502, "Bad Gateway", times=2)
    async with running_bot(telegram, assistant, registry):
        reply = await Chat(telegram, 401).send("/help")
    assert "/events" in reply[0] and len(telegram.texts_to(401)) == 1


async def test_a_429_is_waited_out_and_the_reply_arrives_once(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    telegram.fail(402, 429, "Too Many Requests: retry after 1", retry_after=1)
    async with running_bot(telegram, assistant, registry):
        started = time.monotonic()
        reply = await Chat(telegram, 402).send("/help")
        waited = time.monotonic() - started
    assert "/events" in reply[0] and len(telegram.texts_to(402)) == 1
    assert waited >= 1.0


async def test_a_reply_whose_request_times_out_is_retried_and_arrives_once(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    telegram.stall(403, seconds=8, times=1)  # longer than the bot's 5 s read timeout: lost in transit
    async with running_bot(telegram, assistant, registry):
        reply = await Chat(telegram, 403).send("/help")
        stalled = [c for c, p in telegram.calls if c == "sendMessage:stalled" and int(p["chat_id"]) == 403]
    assert "/events" in reply[0] and len(telegram.texts_to(403)) == 1
    assert len(stalled) == 1


# --- hostile or odd input --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "message",
    [
        "   ",
        "\u200b\u200b\u200b",
        "🇨🇳🎓🤔❓",
        "\u202eما هو برنامج تشيزي؟\u202c",
        "赤子\u200b计划是什么？",
        "x" * 100_000,
    ],
    ids=["blank", "zero-width", "emoji", "right-to-left", "zero-width-inside", "100KB"],
)
async def test_odd_text_gets_a_reply_and_no_error(
    telegram: Any, assistant: Assistant, registry: Registry, message: str
) -> None:
    async with running_bot(telegram, assistant, registry):
        replies = await Chat(telegram, 403).send(message)
    assert replies[0].strip()
    assert not any("something went wrong" in r for r in telegram.texts_to(403))


async def test_a_user_id_above_two_to_the_32_registers_and_is_forgotten(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    big = 2**33 + 7
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, big)
        await register(chat, SUZHOU)
        assert registry.status(big, SUZHOU) == "registered"
        await chat.send("/forgetme")
        await chat.press("fg:yes")
    assert registry.status(big, SUZHOU) is None


async def test_a_malformed_webhook_update_is_refused_and_the_bot_keeps_answering(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry, webhook_secret="s3cret-Token_1"):
        assert telegram.webhook is not None
        url = telegram.webhook[0]
        header = {"X-Telegram-Bot-Api-Secret-Token": "s3cret-Token_1"}
        import aiohttp

        async with aiohttp.ClientSession() as session:
            for body in ("{not json", json.dumps({"update_id": "x", "message": 5}), "[]"):
                async with session.post(
                    url, data=body, headers={"Content-Type": "application/json", **header}
                ) as resp:
                    assert resp.status == 400
        reply = await Chat(telegram, 404).send("/help")
    assert "/events" in reply[0]


async def test_formula_in_a_registration_stays_text_in_the_export(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 405)
        await chat.press(f"r:{SUZHOU}")
        await chat.send("Li Wei")
        await chat.send('=HYPERLINK("http://evil.example","click")')
        await chat.send("+1+1")
        await chat.press("rs:skip")
        await chat.press("rc:yes")
        await chat.press(f"rf:{SUZHOU}")
        await Chat(telegram, ADMIN).send(f"/export {SUZHOU}")
        await telegram.wait(lambda: any(n.startswith("registrations-") for n in telegram.files))
    data = next(d for n, d in telegram.files.items() if n.startswith("registrations-"))
    row = next(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert row["affiliation"].startswith("'=") and row["field"].startswith("'+")


# --- privacy ---------------------------------------------------------------------------------------
async def test_logs_never_carry_the_token_an_email_or_a_name_typed_during_a_run(
    telegram: Any, assistant: Assistant, registry: Registry, captured: io.StringIO
) -> None:
    async with running_bot(telegram, assistant, registry):
        chat = Chat(telegram, 406)
        await chat.press(f"r:{SUZHOU}")
        await chat.send("Ouyang Mingyue")
        await chat.send("Karolinska Institutet")
        await chat.send("Neuroscience")
        await chat.send("ouyang.mingyue@example.se")
        await chat.press("rc:yes")
        await chat.press(f"rf:{SUZHOU}")
        await chat.send("Is ouyang.mingyue@example.se registered for the Suzhou Elite Week?")
        await Chat(telegram, ADMIN).send(f"/export {SUZHOU}")
        await telegram.wait(lambda: any(n.startswith("registrations-") for n in telegram.files))
    out = captured.getvalue()
    assert "exported registrations" in out  # what operators need is there …
    for secret in (TOKEN, "ouyang.mingyue@example.se", "Ouyang Mingyue", "Karolinska"):
        assert secret not in out  # … and nothing a user typed or the token


async def test_forgetme_removes_the_person_from_every_table_and_export_and_nobody_else(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    async with running_bot(telegram, assistant, registry):
        leaving, staying = Chat(telegram, 407), Chat(telegram, 408)
        for chat, name in ((leaving, "Gone Person"), (staying, "Kept Person")):
            await register(chat, SUZHOU, name)
            await chat.send("/timezone Boston")
            await chat.send("What is the Chizi Plan?")
            await chat.tg.press(chat.user_id, chat.last_buttons()[-2])  # 👍, answered with a notice only
            await telegram.wait(lambda c=chat: registry.stats()["votes_up"] >= (c.user_id - 406))
            await chat.send("/subscribe")
            await chat.tg.press(chat.user_id, "s:r:Jiangsu", message_id=chat.message_with("s:r:Jiangsu"))
            await telegram.wait(lambda c=chat: registry.subscriptions(c.user_id))
        await leaving.send("/forgetme")
        await leaving.press("fg:yes")
    with registry.engine.connect() as conn:
        tables = {
            "users": "id",
            "registrations": "user_id",
            "subscriptions": "user_id",
            "questions": "user_id",
            "votes": "user_id",
            "reminders": "user_id",
            "drafts": "user_id",
            "conversation_turns": "chat",
        }
        left = {
            t: conn.execute(text(f"SELECT count(*) FROM {t} WHERE {c} = :u"), {"u": u}).scalar()
            for t, c in tables.items()
            for u in ([407] if c != "chat" else ["407"])
        }
        kept = {
            t: conn.execute(text(f"SELECT count(*) FROM {t} WHERE {c} = :u"), {"u": u}).scalar()
            for t, c in tables.items()
            if t not in ("drafts",)
            for u in ([408] if c != "chat" else ["408"])
        }
    assert all(n == 0 for n in left.values()), left
    assert all(n >= 1 for n in kept.values()), kept
    export = registry.export_csv(SUZHOU).decode("utf-8-sig")
    assert "Gone Person" not in export and "Kept Person" in export


# --- health and metrics on the webhook server ------------------------------------------------------
async def test_healthz_checks_database_and_index_and_metrics_count_answers(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    import aiohttp

    async with running_bot(telegram, assistant, registry, webhook_secret="s3cret-Token_1"):
        assert telegram.webhook is not None
        base = telegram.webhook[0].removesuffix("/telegram")
        await Chat(telegram, 409).send("What is the Chizi Plan?")
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{base}/healthz") as resp:
                health = (resp.status, await resp.json())
            async with session.get(f"{base}/metrics") as resp:
                metrics = await resp.text()
            async with session.post(f"{base}/telegram", data="{}") as resp:
                without_secret = resp.status
    assert health[0] == 200 and health[1]["status"] == "ok" and health[1]["database"] == "ok"
    assert health[1]["index"].startswith("g")
    assert 'chizi_answers_total{answered="true",route="faq"}' in metrics
    assert "chizi_answer_seconds_count" in metrics and "chizi_webhook_updates_total" in metrics
    assert without_secret == 403


def test_healthz_says_degraded_when_the_database_is_unreachable(assistant: Assistant) -> None:
    from starlette.testclient import TestClient

    from web.app import create_app

    def database() -> str:
        raise ConnectionRefusedError("127.0.0.1:5432")

    app = create_app(None, "s", {"database": database, "index": lambda: "g1"})  # type: ignore[arg-type]
    reply = TestClient(app).get("/healthz")
    assert reply.status_code == 503
    assert reply.json() == {
        "status": "degraded",
        "database": "failing: ConnectionRefusedError",
        "index": "g1",
    }


# --- a broadcast cut off halfway -------------------------------------------------------------------
async def test_an_interrupted_broadcast_resumes_after_a_restart_without_second_copies(
    telegram: Any, assistant: Assistant, registry: Registry
) -> None:
    people = [(500 + i, "zh" if i % 2 else "en") for i in range(6)]
    for user_id, language in people:
        registry.ensure_user(user_id, language)
    registry.ensure_user(ADMIN, "en")
    broadcast = registry.start_broadcast(ADMIN, SUZHOU, "会场改在B厅", "Venue changed to Hall B", people)
    # The process that started it sent two copies and was killed while sending a third.
    for _ in range(3):
        claim = registry.next_delivery(broadcast)
        assert claim is not None
        if claim[0] != 502:
            registry.delivered(broadcast, claim[0], "sent")
    async with running_bot(telegram, assistant, registry):
        report = await telegram.wait(lambda: [m for m in telegram.texts_to(ADMIN) if "report" in m])
    got = {user_id: telegram.texts_to(user_id) for user_id, _ in people}
    assert [u for u, texts in got.items() if texts] == [503, 504, 505]  # only those never tried
    assert all(len(texts) == 1 for u, texts in got.items() if texts)
    assert "会场改在B厅" in got[503][0] and "Venue changed to Hall B" in got[504][0]
    assert "Delivered 5/6" in report[0] and "1 more were being sent" in report[0]
    assert registry.unfinished_broadcasts() == []


# --- the database goes away and comes back ---------------------------------------------------------
class Cuttable:
    """A TCP proxy in front of PostgreSQL that can be cut (connections dropped, new ones refused)."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.server: asyncio.Server | None = None
        self.port = 0
        self.links: set[asyncio.StreamWriter] = set()

    async def open(self) -> None:
        self.server = await asyncio.start_server(self._link, "127.0.0.1", self.port)
        self.port = self.server.sockets[0].getsockname()[1]

    async def cut(self) -> None:
        assert self.server is not None
        self.server.close()
        for writer in list(self.links):
            writer.close()
        await self.server.wait_closed()

    async def _link(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        self.links |= {writer, up_writer}

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            with contextlib.suppress(Exception):
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            dst.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))


async def test_with_the_database_down_questions_are_answered_and_registration_says_why(
    telegram: Any, assistant: Assistant, postgres_url: str
) -> None:
    from chizi.db import make_engine, migrate

    proxy = Cuttable(5432)
    await proxy.open()
    engine = make_engine(postgres_url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}"))
    # Blocking database calls go to a thread: the proxy they connect through runs on this event loop.
    await asyncio.to_thread(migrate, engine)
    store = Registry(engine, clock=today)
    await asyncio.to_thread(store.sync_events, assistant.kb.events)
    async with running_bot(telegram, assistant, store):
        chat = Chat(telegram, 410)
        await chat.send("/start")
        await proxy.cut()
        answer = await chat.send("How many scholars did the Tianjin tour invite?")
        refused = await chat.press(f"r:{SUZHOU}")
        await proxy.open()  # back on the same port
        done = await register(chat, SUZHOU)
        status = await asyncio.to_thread(store.status, 410, SUZHOU)
    await asyncio.to_thread(engine.dispose)
    await proxy.cut()
    assert "150" in answer[0]
    assert "cannot be reached right now" in refused[0]
    assert done[0].startswith("🎉") and status == "registered"


def test_english_words_stemmed_in_several_threads_at_once_come_out_whole() -> None:
    """The bot answers in worker threads; a stemmer shared between them raised IndexError mid-answer
    (an error reply in `make bench-quick`'s load run). Each word must stem as it does alone."""
    words = [
        stem_of + ending
        for stem_of in ("organis", "nation", "activ", "registr", "happi", "generous", "relat")
        for ending in ("ational", "ization", "iveness", "fulness", "ically", "ements", "ities", "ing")
    ] * 200
    alone = [stem.__wrapped__(word) for word in words]  # past the cache: every call stems
    outcomes: list[object] = []

    def stem_all() -> None:
        try:
            outcomes.append([stem.__wrapped__(word) for word in words])
        except IndexError as error:
            outcomes.append(error)

    threads = [threading.Thread(target=stem_all) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes == [alone] * 4
