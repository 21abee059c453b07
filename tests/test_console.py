"""The console chat drives the same core as Telegram."""

from __future__ import annotations

from chizi.assistant import Assistant
from chizi.console import chat


def test_console_answers_lists_events_and_quits(assistant: Assistant) -> None:
    lines = iter(["What is the Chizi Plan?", "/events", "", "/quit"])
    said: list[str] = []
    code = chat(assistant.settings, assistant, read=lambda _prompt: next(lines), write=said.append)
    output = "\n".join(said)
    assert code == 0
    assert "2010" in output and "Sources:" in output
    assert "Suzhou International Elite Week 2027" in output
    assert "Please type a question" in output


def test_console_ends_cleanly_at_end_of_input(assistant: Assistant) -> None:
    def eof(_prompt: str) -> str:
        raise EOFError

    assert chat(assistant.settings, assistant, read=eof, write=lambda _s: None) == 0
