"""The interactive console chat: the same core as Telegram, for a machine without a bot token."""

from __future__ import annotations

from typing import Any

from chizi.settings import Settings

BANNER = """Chizi 赤子助手 — ask about the 赤子计划 in Chinese or English.
Commands: /events  /quit   (Telegram adds registration, reminders and more.)"""


def chat(settings: Settings, assistant: Any, read: Any = input, write: Any = print) -> int:
    from chizi.knowledge import field_label

    write(BANNER)
    while True:
        try:
            line = read("\n你/you> ")
        except (EOFError, KeyboardInterrupt):
            write("")
            return 0
        command = line.strip().lower()
        if command in {"/quit", "/exit", "quit", "exit", "退出"}:
            return 0
        if command == "/events":
            for e in assistant.kb.events:
                fields = ", ".join(field_label(f, "en") for f in e.fields)
                write(f"- {e.starts_at:%Y-%m-%d} {e.title_en} / {e.title_zh} — {e.place('en')} ({fields})")
            continue
        write(assistant.answer(line).render())
