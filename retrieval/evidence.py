"""What a passage offers against a question's constraints: its years, figures, decades, places and
events. A passage missing one is no answer ("2015年…" is not met by 2012's figures)."""

from __future__ import annotations

from dataclasses import dataclass, field

from retrieval import places as gazetteer
from retrieval.dates import YEARISH, before_met, gives_figure
from retrieval.text import has_cjk
from retrieval.understand import Question


@dataclass
class Evidence:
    """What a passage offers against a question's constraints."""

    missing: list[str] = field(default_factory=list)  # constraints it fails, e.g. ["2015"], ["深圳"]

    @property
    def ok(self) -> bool:
        return not self.missing


def check(question: Question, passage: str, body: str | None = None) -> Evidence:
    """The question's years, decades, places and events against a normalised passage (title included);
    an event must be named in the `body` itself, since a title may list several."""
    flat = passage.replace(",", "")
    for terms in question.event_terms:
        if terms and not any(t in (body if body is not None else passage) for t in terms):
            # Named as the asker named it (not the catalogue's longest, English, title in a Chinese reply).
            question_event = next((t for t in terms if t in question.text), terms[0])
            return Evidence([question_event])
    ev = Evidence()
    for year in question.years:
        if str(year) not in flat:
            ev.missing.append(str(year))
    for figure, shown in question.figures:
        # "How many of the 36 activities were in western China?" is not about a passage without the 36;
        # a claim's figure is what is checked, and the documents' own figure is the answer.
        if not question.claim and not gives_figure(figure, flat):
            ev.missing.append(shown)
    for lo, hi in question.decades:
        if not any(lo <= int(y.group(0)) <= hi for y in YEARISH.finditer(flat)):
            ev.missing.append(f"{lo}s")
    if question.before and not before_met(question.before, passage):
        ev.missing.append(
            f"{question.before}年以前" if has_cjk(question.text) else f"before {question.before}"
        )
    # "温州和重庆哪个多": a passage naming either place holds half the answer.
    compared = question.places if question.versus else ()
    if compared and not any(gazetteer.mentions(passage, p) for p in compared):
        ev.missing.extend(p.key for p in compared)
    for place in (*question.places, *question.foreign):
        if place not in compared and not gazetteer.mentions(passage, place):
            ev.missing.append(place.key)
    return ev
