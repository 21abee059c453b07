"""The interactive console chat: the same core as Telegram, for a machine without a bot token."""

from __future__ import annotations

from typing import Any

from chizi.settings import Settings

BANNER = """Chizi 赤子助手 — ask about the 赤子计划 in Chinese or English.
Commands: /events  /help  /quit   (Telegram adds registration, reminders and more.)"""

CHAT = "console"


def events_listing(assistant: Any) -> list[str]:
    """Upcoming events by date, with deadline, format, seats left and the Telegram deep link."""
    from chizi.catalogue import field_label
    from chizi.event_answers import where

    now = assistant.now()
    upcoming = sorted((e for e in assistant.kb.events if e.ends_at > now), key=lambda e: e.starts_at)
    seats = assistant.events.seats_of(upcoming)
    lines = []
    for e in upcoming:
        fields = ", ".join(field_label(f, "en") for f in e.fields)
        status = (
            f"closes {e.deadline_at:%Y-%m-%d}, {seats[e.id][0]}/{e.capacity} seats left"
            if e.state(now) == "open"
            else "registration closed"
        )
        lines.append(
            f"- {e.starts_at:%Y-%m-%d} {e.title_en} / {e.title_zh} — {where(e, 'en')}, {e.format.replace('_', ' ')}"
            f" ({fields}); {status}; /start evt_{e.id}"
        )
    return lines or ["No upcoming events."]


def chat(settings: Settings, assistant: Any, read: Any = input, write: Any = print) -> int:
    """`chizi chat`: the console conversation, one question a line, until /quit or end of input."""
    from chizi.texts import t

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
            for row in events_listing(assistant):
                write(row)
            continue
        if command.startswith("/"):
            # Unknown commands (and /help) get the help text rather than a search for "/foo".
            write(t("r_help", "zh" if command in {"/帮助"} else "en"))
            continue
        answer = assistant.answer(line, chat=CHAT)
        write(answer.render())
        links = answer.deep_links()
        if links:
            write("Telegram: " + "  ".join(links))
