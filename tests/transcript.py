"""Write docs/registration-transcript.md: one registration as a scholar in Boston sees it.

The real Application runs against the fake Bot API, exactly as in the end-to-end tests, and every
message and in-place edit the user sees is written down in order. Run: `python -m tests.transcript`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import Any

from chizi.assistant import Assistant
from chizi.db import make_engine, migrate
from chizi.registry import Registry
from chizi.settings import Settings
from retrieval.embeddings import load_encoder
from testkit.fake_telegram import FakeTelegram
from testkit.harness import Chat, running_bot
from tests.conftest import ROOT, TOKEN, today

USER = 424_242
EVENT = "sz-elite-week-2027"


def _buttons(entry: dict[str, Any]) -> list[list[str]]:
    markup = entry.get("reply_markup")
    markup = json.loads(markup) if isinstance(markup, str) else markup
    return [[b["text"] for b in row] for row in (markup or {}).get("inline_keyboard", [])]


def render(steps: list[tuple[str, list[dict[str, Any]]]], files: dict[str, bytes]) -> str:
    out = [
        "# One registration, as a scholar in Boston sees it",
        "",
        "Written by `python -m tests.transcript`: the real bot against the fake Bot API, on the sample",
        f"catalogue, as of {today():%Y-%m-%d}. “✏️ edited” marks a menu replaced in place rather than sent anew.",
        "",
    ]
    for action, shown in steps:
        out += [f"**The scholar:** {action}", ""]
        for entry in shown:
            label = "✏️ edited" if "text" in entry and entry.get("_edit") else "🤖 bot"
            if "document" in entry:
                name = entry["document"]["filename"]
                out += [f"> 🤖 bot sends a file: `{name}` — {entry.get('caption', '')}", ""]
                ics = files[name].decode().replace("\r\n", "\n")
                vevent = ics[ics.index("BEGIN:VEVENT") : ics.index("END:VEVENT") + len("END:VEVENT")]
                out += ["```", vevent, "```", ""]
                continue
            out += [f"> {label}:", ">"]
            out += [f"> {line}" if line else ">" for line in entry["text"].split("\n")]
            for row in _buttons(entry):
                out.append("> " + " ".join(f"[{b}]" for b in row))
            out.append("")
    return "\n".join(out)


async def record() -> str:
    telegram = FakeTelegram(TOKEN)
    await telegram.start()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), knowledge_dir=ROOT / "knowledge")
        assistant = Assistant(settings, load_encoder(settings.embedding_model), clock=today)
        assistant.ensure_index()
        engine = make_engine(f"sqlite:///{tmp}/chizi.db")
        migrate(engine)
        registry = Registry(engine, clock=today)
        registry.sync_events(assistant.kb.events)
        steps: list[tuple[str, list[dict[str, Any]]]] = []
        chat = Chat(telegram, USER, "zh-hans")

        async def act(label: str, how: Any, expect: int = 1) -> None:
            before = len(telegram.screen(USER))
            await how
            await asyncio.sleep(0.3)  # let a following calendar file arrive before the next step
            shown = telegram.screen(USER)[before:]
            for entry in shown:
                entry["_edit"] = entry in telegram.edits_to(USER)
            chat.seen = len(telegram.screen(USER))
            steps.append((label, shown))

        async with running_bot(telegram, assistant, registry):
            await act("发送 `/start`", chat.send("/start"))
            await act("点 [🕒 时区]", chat.press("m:tz"))
            await act("点 [✍️ 其他城市或时差]", chat.press("tz:?"))
            await act("输入 `波士顿`", chat.send("波士顿"))
            await act("输入 `苏州精英周什么时候？`", chat.send("苏州精英周什么时候？"))
            await act("点 [ℹ️ 2027苏州国际精英周]", chat.press(f"ev:{EVENT}"))
            await act("点 [✅ 报名]", chat.press(f"r:{EVENT}"))
            await act("输入 `李明`", chat.send("李明"))
            await act("输入 `麻省理工学院`", chat.send("麻省理工学院"))
            await act("输入 `生物医药`", chat.send("生物医药"))
            await act("输入 `li.ming@example.edu`", chat.send("li.ming@example.edu"))
            await act("点 [同意]", chat.press("rc:yes"))
            await act("点 [确认报名]", chat.press(f"rf:{EVENT}", expect=2))
            await act("发送 `/myevents`", chat.send("/myevents"))
        engine.dispose()
    await telegram.stop()
    return render(steps, telegram.files)


def main() -> None:
    text = asyncio.run(record())
    target = ROOT / "docs" / "registration-transcript.md"
    target.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {target} ({dt.datetime.now(dt.UTC):%H:%M:%S} UTC)")


if __name__ == "__main__":
    main()
