"""The catalogue in the database: events.yaml seeds it, the console edits it, the rules read it; organiser
accounts and the answers organisers write. SQLite here; the PostgreSQL run repeats the registry-wide ones."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from chizi.assistant import Assistant
from chizi.catalogue import Event
from chizi.knowledge import load_knowledge
from chizi.organisers import AccountError, Organisers
from chizi.registry import Details, InvalidInput, Refused, Registry
from tests.conftest import ROOT
from tests.test_telegram_e2e import SUZHOU

PERSON = Details("Li Wei", "ETH", "Physics", None)


def suzhou(assistant: Assistant, **changes: object) -> Event:
    event = assistant.seed_events[[e.id for e in assistant.seed_events].index(SUZHOU)]
    return event.model_copy(update=changes)


def test_an_edited_yaml_entry_is_imported_again(registry: Registry, assistant: Assistant) -> None:
    events = [suzhou(assistant, capacity=450) if e.id == SUZHOU else e for e in assistant.seed_events]
    registry.sync_events(events)
    assert {e.id: e.capacity for e in registry.catalogue()}[SUZHOU] == 450


def test_a_console_edit_is_not_overwritten_by_the_file(registry: Registry, assistant: Assistant) -> None:
    registry.save_event(suzhou(assistant, capacity=420), create=False)
    events = [suzhou(assistant, capacity=450) if e.id == SUZHOU else e for e in assistant.seed_events]
    registry.sync_events(events)
    assert {e.id: e.capacity for e in registry.catalogue()}[SUZHOU] == 420


def test_an_entry_removed_from_the_file_is_withdrawn(registry: Registry, assistant: Assistant) -> None:
    registry.sync_events([e for e in assistant.seed_events if e.id != SUZHOU])
    assert SUZHOU not in {e.id for e in registry.catalogue()}
    assert "withdrawn" in {status for e, status, _ in registry.all_events() if e.id == SUZHOU}


def test_more_seats_go_to_the_people_waiting_in_order(registry: Registry, assistant: Assistant) -> None:
    registry.save_event(suzhou(assistant, capacity=1), create=False)
    registry.register(1, SUZHOU, PERSON)
    registry.register(2, SUZHOU, PERSON)
    registry.register(3, SUZHOU, PERSON)
    promoted = registry.save_event(suzhou(assistant, capacity=2), create=False)
    assert [p.user_id for p in promoted] == [2]
    assert (registry.status(2, SUZHOU), registry.status(3, SUZHOU)) == ("registered", "waitlisted")


def test_capacity_below_the_seats_taken_is_refused(registry: Registry, assistant: Assistant) -> None:
    registry.register(1, SUZHOU, PERSON)
    registry.register(2, SUZHOU, PERSON)
    with pytest.raises(Refused, match="capacity_below_taken"):
        registry.save_event(suzhou(assistant, capacity=1), create=False)
    assert {e.id: e.capacity for e in registry.catalogue()}[SUZHOU] == 400


def test_creating_an_event_with_a_taken_id_is_refused(registry: Registry, assistant: Assistant) -> None:
    with pytest.raises(Refused, match="exists"):
        registry.save_event(suzhou(assistant), create=True)


def test_closing_registration_early_refuses_new_registrations_only(
    registry: Registry, assistant: Assistant
) -> None:
    registry.register(1, SUZHOU, PERSON)
    registry.set_event_status(SUZHOU, "closed")
    with pytest.raises(Refused, match="closed"):
        registry.register(2, SUZHOU, PERSON)
    assert registry.status(1, SUZHOU) == "registered"
    assert [e.status for e in registry.catalogue() if e.id == SUZHOU] == ["closed"]


def test_cancelling_an_event_ends_every_place_and_names_who_to_tell(
    registry: Registry, assistant: Assistant
) -> None:
    registry.save_event(suzhou(assistant, capacity=1), create=False)
    registry.register(1, SUZHOU, PERSON)
    registry.register(2, SUZHOU, PERSON)
    told = registry.cancel_event(SUZHOU)
    assert sorted(u for u, _ in told) == [1, 2]
    assert registry.status(1, SUZHOU) is None and registry.status(2, SUZHOU) is None
    assert registry.pending_reminders() == 0
    assert SUZHOU not in {e.id for e in registry.catalogue()}
    with pytest.raises(Refused):
        registry.register(3, SUZHOU, PERSON)


def test_the_assistant_answers_from_the_edited_catalogue(
    registry: Registry, assistant: Assistant, make_assistant: object
) -> None:
    own = make_assistant(assistant.settings, assistant.embeddings, clock=assistant._clock)  # type: ignore[operator]
    own.use_registry(registry.seats, own.conversations, catalogue=registry)
    registry.save_event(suzhou(assistant, city="昆山 Kunshan"), create=False)
    own.refresh_catalogue()
    reply = own.answer("Where is the Suzhou International Elite Week held?")
    assert "Kunshan" in reply.answer


def test_an_organisers_answer_leaves_the_queue_and_joins_the_faq(registry: Registry) -> None:
    first = registry.log_question(7, "Is there a dress code?", "en", False, "unknown")
    registry.log_question(8, "Is there a dress code?", "en", False, "unknown")
    queue = registry.question_queue()
    assert [(q["text"], q["count"]) for q in queue] == [("Is there a dress code?", 2)]
    registry.answer_question(first, "", "Business casual.", "alice")
    assert registry.question_queue() == []
    (entry,) = registry.faq_answers()
    assert entry.answer_en == entry.answer_zh == "Business casual."


def test_the_faq_keeps_the_organisers_wording_and_forgetting_the_asker_leaves_none_of_theirs(
    registry: Registry,
) -> None:
    asked = registry.log_question(
        7, "I'm Wang Li at ETH Zurich: is there a dress code?", "en", False, "unknown"
    )
    registry.answer_question(asked, "", "Business casual.", "alice", published_as="Is there a dress code?")
    registry.forget(7)
    (entry,) = registry.faq_answers()
    assert entry.question == "Is there a dress code?"
    assert registry.question_queue() == []
    with registry.engine.connect() as conn:
        kept = conn.exec_driver_sql("SELECT question FROM faq_answers UNION ALL SELECT text FROM questions")
        assert not any("Wang Li" in text for (text,) in kept)


def test_an_empty_published_wording_is_refused_and_the_question_stays_queued(registry: Registry) -> None:
    asked = registry.log_question(7, "Is there a dress code?", "en", False, "unknown")
    with pytest.raises(InvalidInput):
        registry.answer_question(asked, "", "Business casual.", "alice", published_as="   ")
    assert registry.faq_answers() == []
    assert [q["text"] for q in registry.question_queue()] == ["Is there a dress code?"]


def test_an_answer_voted_down_is_queued(registry: Registry) -> None:
    asked = registry.log_question(9, "What is the capital of the Tianjin fund?", "en", True, "docs")
    registry.vote(9, asked, -1)
    assert [q["text"] for q in registry.question_queue()] == ["What is the capital of the Tianjin fund?"]


# --- organiser accounts ---------------------------------------------------------------------------------
def test_a_password_is_kept_only_as_an_argon2_hash(registry: Registry) -> None:
    accounts = Organisers(registry.engine)
    accounts.add("alice", "correct horse battery")
    with registry.engine.connect() as conn:
        (stored,) = conn.exec_driver_sql("SELECT password_hash FROM organisers").one()
    assert stored.startswith("$argon2") and "correct horse" not in stored
    assert accounts.login("alice", "correct horse battery").ok


def test_short_passwords_and_duplicate_names_are_refused(registry: Registry) -> None:
    accounts = Organisers(registry.engine)
    with pytest.raises(AccountError, match="at least"):
        accounts.add("bob", "short")
    accounts.add("bob", "long enough password")
    with pytest.raises(AccountError, match="already exists"):
        accounts.add("bob", "another long password")


def test_the_lock_lifts_after_its_time(registry: Registry) -> None:
    now = [dt.datetime(2026, 12, 1, tzinfo=dt.UTC)]
    accounts = Organisers(registry.engine, clock=lambda: now[0])
    accounts.add("carol", "correct horse battery")
    for _ in range(5):
        accounts.login("carol", "wrong")
    assert accounts.login("carol", "correct horse battery").locked_for is not None
    now[0] += dt.timedelta(minutes=1)
    assert accounts.login("carol", "correct horse battery").ok


# --- the command line -------------------------------------------------------------------------------------
def chizi(
    tmp_path: Path, *args: str, stdin: str = "", database: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        "CHIZI_DATA_DIR": str(tmp_path / "var"),
        "CHIZI_KNOWLEDGE_DIR": str(ROOT / "knowledge"),
        "PATH": "",
    }
    if database:
        env["CHIZI_DATABASE_URL"] = database
    return subprocess.run(
        [sys.executable, "-m", "chizi.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_organisers_are_added_listed_and_removed_from_the_command_line(tmp_path: Path) -> None:
    added = chizi(tmp_path, "organisers", "add", "alice", "--password-stdin", stdin="correct horse battery\n")
    listed = chizi(tmp_path, "organisers", "list")
    short = chizi(tmp_path, "organisers", "add", "bob", "--password-stdin", stdin="short\n")
    removed = chizi(tmp_path, "organisers", "remove", "alice")
    assert added.returncode == 0 and listed.stdout.startswith("alice\t")
    assert (
        short.returncode == 1 and "at least 10 characters" in short.stderr and "Traceback" not in short.stderr
    )
    assert removed.returncode == 0 and chizi(tmp_path, "organisers", "list").stdout == ""


def test_events_export_writes_the_console_edits_in_a_catalogue_the_loader_accepts(
    tmp_path: Path, registry: Registry, assistant: Assistant, sqlite_url: str
) -> None:
    registry.save_event(suzhou(assistant, capacity=420), create=False)
    registry.cancel_event("tj-jinmen-2027")
    out = tmp_path / "knowledge" / "events.yaml"
    out.parent.mkdir()
    done = chizi(tmp_path, "events", "export", "--out", str(out), database=sqlite_url)
    assert done.returncode == 0, done.stderr
    reread = {e.id: e for e in load_knowledge(out.parent).events}
    assert reread[SUZHOU].capacity == 420 and reread[SUZHOU].title_zh == "2027苏州国际精英周"
    assert "tj-jinmen-2027" not in reread
    assert set(reread) == {e.id for e in registry.catalogue()}
