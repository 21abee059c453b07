"""The one object the doors use: settings, the answering service, the registry and the console accounts,
opened once at start and wired to each other (seats and the catalogue from the database)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from chizi.assistant import Assistant
from chizi.conversations import SqlConversations
from chizi.db import make_engine, migrate
from chizi.organisers import Organisers
from chizi.registry import Registry
from chizi.settings import Settings


def open_registry(settings: Settings) -> Registry:
    """The database at CHIZI_DATABASE_URL, migrated to the newest schema, as the registry."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.sqlalchemy_url)
    migrate(engine)
    return Registry(engine, reminder_days=settings.reminder_days)


@dataclass
class Services:
    settings: Settings
    assistant: Assistant
    registry: Registry
    organisers: Organisers

    @classmethod
    def open(
        cls, settings: Settings, assistant: Assistant | None = None, registry: Registry | None = None
    ) -> Services:
        """Open the database (migrated to the newest schema) and wire the assistant to it."""
        registry = registry or open_registry(settings)
        assistant = assistant or Assistant(settings)
        assistant.use_registry(registry.seats, SqlConversations(registry.engine), catalogue=registry)
        return cls(settings, assistant, registry, Organisers(registry.engine, clock=registry.clock))

    def close(self) -> None:
        self.assistant.close()
        self.registry.engine.dispose()


def health_checks(registry: Registry, assistant: Assistant) -> dict[str, Callable[[], str]]:
    """What /healthz verifies: the database answers, and an index generation opens."""

    def database() -> str:
        with registry.engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        return "ok"

    def index() -> str:
        return assistant.index.get().generation

    return {"database": database, "index": index}
