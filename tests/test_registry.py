"""The registration store on SQLite and PostgreSQL: race-free seats, waitlists, reminders, privacy."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import inspect, update

from chizi import db
from chizi.assistant import Assistant
from chizi.registry import Details, InvalidInput, Refused, Registry, validate_field
from tests.conftest import today

PERSON = Details("Li Wei", "ETH Zürich", "materials", "li@example.org")
EVENT = "sz-elite-week-2027"


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, assistant: Assistant) -> Registry:
    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url")
    engine = db.make_engine(url)
    db.migrate(engine)
    registry = Registry(engine, clock=today)
    registry.sync_events(assistant.kb.events)
    request.addfinalizer(engine.dispose)
    return registry


def set_capacity(registry: Registry, event_id: str, capacity: int) -> None:
    with registry._tx() as s:
        s.execute(update(db.Event).where(db.Event.id == event_id).values(capacity=capacity))


def test_fifty_concurrent_attempts_at_the_last_seat_give_exactly_one(store: Registry) -> None:
    set_capacity(store, EVENT, 1)
    with ThreadPoolExecutor(max_workers=50) as pool:
        outcomes = list(pool.map(lambda i: store.register(10_000 + i, EVENT, PERSON).status, range(50)))
    assert Counter(outcomes) == {"registered": 1, "waitlisted": 49}
    assert store.seats([EVENT])[EVENT] == (0, 49)
    positions = sorted(
        r.position for u in range(10_000, 10_050) for r in store.my_registrations(u) if r.position
    )
    assert positions == list(range(1, 50))


def test_migrations_from_a_blank_database_match_the_models(store: Registry) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), db.Base.metadata)
    assert diff == []
    assert {"users", "registrations", "reminders", "drafts", "votes"} <= set(
        inspect(store.engine).get_table_names()
    )


def test_user_ids_beyond_32_bits_are_kept(store: Registry) -> None:
    big = 7_123_456_789_012
    store.register(big, EVENT, PERSON)
    assert store.my_registrations(big)[0].status == "registered"


def test_duplicate_registration_is_refused_and_nothing_doubles(store: Registry) -> None:
    store.register(1, EVENT, PERSON)
    with pytest.raises(Refused, match="duplicate"):
        store.register(1, EVENT, PERSON)
    assert store.stats()["events"][EVENT]["registered"] == 1


def test_cancellation_promotes_the_first_waiting_and_schedules_their_reminders(store: Registry) -> None:
    set_capacity(store, EVENT, 1)
    store.register(1, EVENT, PERSON)
    store.register(2, EVENT, PERSON)
    store.register(3, EVENT, PERSON)
    promoted = store.cancel(1, EVENT)
    assert promoted is not None and promoted.user_id == 2
    assert [r.status for r in store.my_registrations(2)] == ["registered"]
    assert [r.position for r in store.my_registrations(3)] == [1]
    assert store.pending_reminders() == 2  # user 2's two reminders; user 1's were removed


def test_past_and_closed_events_are_refused(store: Registry) -> None:
    with pytest.raises(Refused, match="past"):
        store.register(1, "past-2025", PERSON)
    with pytest.raises(Refused, match="closed"):
        store.register(1, "closed-2027", PERSON)
    with pytest.raises(Refused, match="unknown_event"):
        store.register(1, "nope", PERSON)


def test_a_reminder_is_claimed_once_even_when_two_processes_race(
    store: Registry, assistant: Assistant
) -> None:
    store.register(1, EVENT, PERSON)
    event = assistant.kb.event(EVENT)
    assert event is not None
    store.clock = lambda: event.starts_at.astimezone(dt.UTC) - dt.timedelta(hours=12)
    due = store.due_reminders()
    assert {r.days_before for r in due} == {3, 1}
    claims = [store.claim_reminder(r.id) for r in due for _ in range(2)]
    assert claims.count(True) == 2
    assert store.due_reminders() == []


def test_forget_deletes_everything_and_frees_the_seat(store: Registry) -> None:
    set_capacity(store, EVENT, 1)
    store.register(1, EVENT, PERSON)
    store.register(2, EVENT, PERSON)
    qid = store.log_question(1, "my question", "en", True, "retrieval")
    store.vote(1, qid, 1)
    store.toggle_subscription(1, "region", "Jiangsu")
    store.save_draft(1, "register", "name", {"event_id": EVENT})
    promotions = store.forget(1)
    assert [p.user_id for p in promotions] == [2]
    with store.engine.connect() as conn:
        for table in ("users", "registrations", "questions", "votes", "subscriptions", "drafts", "reminders"):
            rows = conn.exec_driver_sql(
                f"SELECT COUNT(*) FROM {table} WHERE " + ("id" if table == "users" else "user_id") + " = 1"
            ).scalar()
            assert rows == 0, table


def test_votes_only_count_on_ones_own_answers(store: Registry) -> None:
    qid = store.log_question(1, "q", "en", True, "faq")
    assert store.vote(1, qid, 1) and store.vote(1, qid, -1)
    assert not store.vote(2, qid, 1)
    assert store.stats()["votes_down"] == 1 and store.stats()["votes_up"] == 0


def test_export_is_utf8_with_bom_and_defuses_formulas(store: Registry) -> None:
    store.register(1, EVENT, Details("张伟", '=HYPERLINK("x")', "物理", None))
    data = store.export_csv(EVENT)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "张伟" in text and "'=HYPERLINK" in text


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("name", "", "empty"),
        ("name", "x", "name"),
        ("name", "http://spam", "name"),
        ("name", "A" * 200, "too_long"),
        ("email", "a@b", "email"),
        ("affiliation", "...", "empty"),
    ],
)
def test_bad_registration_fields_are_refused_with_a_reason(field: str, value: str, reason: str) -> None:
    with pytest.raises(InvalidInput) as err:
        validate_field(field, value)
    assert err.value.reason == reason


def test_good_fields_are_cleaned() -> None:
    assert validate_field("name", "  王\u200b芳  ") == "王芳"
    assert validate_field("email", "skip") is None


def test_forget_deletes_the_chats_last_question_and_nobody_elses(store: Registry) -> None:
    import datetime as dt

    from chizi.conversations import SqlConversations, Turn

    chats = SqlConversations(store.engine)
    now = dt.datetime.now(dt.UTC)
    chats.remember("1", Turn("杭州设了几个联络站", {"places": ["杭州"]}, now))
    chats.remember("2", Turn("When is the Suzhou Elite Week?", {"events": [EVENT]}, now))
    store.forget(1)
    assert chats.recall("1", now) is None
    assert chats.recall("2", now) is not None


def test_a_chats_last_question_goes_stale_after_half_an_hour(store: Registry) -> None:
    import datetime as dt

    from chizi.conversations import SqlConversations, Turn

    chats = SqlConversations(store.engine)
    then = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chats.remember("3", Turn("When is the Suzhou Elite Week?", {"events": [EVENT]}, then))
    assert chats.recall("3", then + dt.timedelta(minutes=29)) is not None
    assert chats.recall("3", then + dt.timedelta(minutes=31)) is None


def test_an_edit_changes_one_detail_and_keeps_the_place_in_the_queue(store: Registry) -> None:
    set_capacity(store, EVENT, 1)
    store.register(1, EVENT, PERSON)
    store.register(2, EVENT, PERSON)
    store.register(3, EVENT, PERSON)
    assert store.edit(2, EVENT, "affiliation", "  MIT ") == "MIT"
    assert store.edit(2, EVENT, "email", "-") is None
    details = store.details(2, EVENT)
    assert details == Details("Li Wei", "MIT", "materials", None)
    assert [r.position for r in store.my_registrations(2)] == [1]


def test_a_bad_edit_changes_nothing(store: Registry) -> None:
    store.register(1, EVENT, PERSON)
    with pytest.raises(InvalidInput):
        store.edit(1, EVENT, "email", "not-an-email")
    with pytest.raises(InvalidInput):
        store.edit(1, EVENT, "name", "Somebody Else")  # the name is not editable: re-register instead
    with pytest.raises(Refused):
        store.edit(2, EVENT, "field", "physics")  # not registered
    assert store.details(1, EVENT) == PERSON


def test_a_time_zone_is_stored_checked_and_forgotten(store: Registry) -> None:
    store.set_timezone(1, "America/New_York")
    with pytest.raises(InvalidInput):
        store.set_timezone(1, "Mars/Olympus_Mons")
    assert store.timezone(1) == "America/New_York"
    store.forget(1)
    assert store.timezone(1) is None


def test_the_export_names_the_event_and_gives_its_local_time(store: Registry, assistant: Assistant) -> None:
    import csv
    import io

    store.register(1, EVENT, Details("=cmd|' /C calc'!A0", "ETH", "materials", None, "li_wei"))
    rows = list(
        csv.DictReader(io.StringIO(store.export_csv(EVENT, assistant.kb.events, "zh").decode("utf-8-sig")))
    )
    assert rows[0]["event_title"] == "2027苏州国际精英周"
    assert rows[0]["telegram_username"] == "@li_wei"
    assert rows[0]["name"].startswith("'=")  # a formula typed as a name stays text in a spreadsheet
    assert rows[0]["registered_at_local"] == "2026-12-01 17:00"  # 09:00 UTC is 17:00 in Suzhou


def test_workers_starting_together_on_a_blank_database_migrate_once(postgres_url: str) -> None:
    engines = [db.make_engine(postgres_url) for _ in range(4)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(db.migrate, engines))  # none raises: one migrates, the others wait and find it done
    with engines[0].connect() as conn:
        from sqlalchemy import text

        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    for engine in engines:
        engine.dispose()
