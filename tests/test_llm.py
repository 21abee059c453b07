"""The optional LLM answerer: grounded prompt, citations, no personal data, fallback on failure."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web

from chizi.assistant import Assistant
from retrieval.llm import LlmAnswerer


@pytest.fixture
async def fake_llm() -> AsyncIterator[dict[str, Any]]:
    """An OpenAI-compatible /chat/completions endpoint on 127.0.0.1 that records prompts."""
    state: dict[str, Any] = {"prompts": [], "reply": "They went to Xiangyun County [1].", "status": 200}

    async def completions(request: web.Request) -> web.Response:
        body = await request.json()
        state["prompts"].append(body["messages"])
        if state["status"] != 200:
            return web.json_response({"error": {"message": "down"}}, status=state["status"])
        return web.json_response(
            {
                "id": "x",
                "object": "chat.completion",
                "created": 0,
                "model": body["model"],
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": "stop",
                        "message": {"role": "assistant", "content": state["reply"]},
                    }
                ],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
            }
        )

    app = web.Application()
    app.router.add_post("/v1/chat/completions", completions)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    state["url"] = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}/v1"  # type: ignore[union-attr]
    yield state
    await runner.cleanup()


def with_llm(assistant: Assistant, url: str) -> Assistant:
    clone = object.__new__(Assistant)
    clone.__dict__.update(assistant.__dict__)
    clone._llm = LlmAnswerer(url, "test-model", "k", timeout=5)
    return clone


async def test_llm_answer_is_used_with_sources_and_no_personal_data(
    assistant: Assistant, fake_llm: dict[str, Any]
) -> None:
    import asyncio

    helper = with_llm(assistant, fake_llm["url"])
    answer = await asyncio.to_thread(
        helper.answer, "Where did the Yunnan expert team hold free clinics? (li@example.org, +1 650 555 0100)"
    )
    assert answer.route == "llm" and "Xiangyun County [1]" in answer.answer and answer.sources
    prompt = json.dumps(fake_llm["prompts"][-1], ensure_ascii=False)
    assert "li@example.org" not in prompt and "555 0100" not in prompt
    assert "Answer ONLY from the numbered passages" in prompt


@pytest.mark.parametrize("failure", ["error", "unknown"])
async def test_llm_failure_falls_back_to_the_extractive_answer(
    assistant: Assistant, fake_llm: dict[str, Any], failure: str
) -> None:
    import asyncio

    if failure == "error":
        fake_llm["status"] = 500
    else:
        fake_llm["reply"] = "I_DONT_KNOW"
    helper = with_llm(assistant, fake_llm["url"])
    answer = await asyncio.to_thread(helper.answer, "Where did the Yunnan expert team hold free clinics?")
    assert answer.route == "retrieval" and "Xiangyun" in answer.answer
