"""The knowledge folder as a whole: the Q&A side's library (documents, FAQ, glossary) and the events
catalogue (events.yaml, the seed of the catalogue the database holds)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from chizi.catalogue import Event
from retrieval.knowledge import KnowledgeError, Library, load_library, read_entries, read_yaml


@dataclass(frozen=True)
class KnowledgeBase(Library):
    events: list[Event] = field(default_factory=list)
    catalogue_updated: dt.date | None = None
    sample_catalogue: bool = False

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)


def load_knowledge(root: Path) -> KnowledgeBase:
    """Load and validate the whole knowledge folder; any error stops the load before anything is used."""
    library = load_library(root)
    events: list[Event] = []
    updated: dt.date | None = None
    sample = False
    cat = Path(root) / "events.yaml"
    files = list(library.files)
    if cat.exists():
        events = read_entries(cat, "events", Event)
        head = read_yaml(cat)
        sample = bool(head.get("sample", False))
        raw_updated = head.get("updated")
        if raw_updated is not None and not isinstance(raw_updated, dt.date):
            raise KnowledgeError("events.yaml: field updated: expected a date such as 2026-11-20")
        # Events are answered from this catalogue and the registry, never from text in the index.
        updated = raw_updated or dt.date.today()
        files.append(cat)
    return KnowledgeBase(library.documents, library.faq, library.glossary, files, events, updated, sample)
