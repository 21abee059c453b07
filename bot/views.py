"""What the bot shows: menus, event cards, lists."""

from __future__ import annotations

import datetime as dt

from telegram import InlineKeyboardMarkup, Update

from bot.common import Core, kb, run, say
from bot.texts import t
from chizi.event_answers import where
from chizi.knowledge import Event, field_label


def main_menu(lang: str) -> InlineKeyboardMarkup:
    return kb(
        [
            [(t("btn_events", lang), "m:events"), (t("btn_my", lang), "m:my")],
            [(t("btn_sub", lang), "m:sub"), (t("btn_privacy", lang), "m:privacy")],
            [(t("btn_lang", lang), "l:en" if lang == "zh" else "l:zh")],
        ]
    )


# --- rendering -------------------------------------------------------------------------------------
def format_when(moment: dt.datetime, lang: str) -> str:
    return moment.strftime("%Y年%m月%d日 %H:%M" if lang == "zh" else "%d %b %Y %H:%M")


def format_span(event: Event, lang: str) -> str:
    """'2027年02月25日 18:00–20:00' for a one-day event; start – end otherwise."""
    start, end = event.starts_at, event.ends_at
    if start.date() == end.date():
        return f"{format_when(start, lang)}–{end:%H:%M}"
    return f"{format_when(start, lang)} – {format_when(end, lang)}"


def event_card(
    core: Core, event: Event, lang: str, user_status: str | None, position: int | None, seats: tuple[int, int]
) -> tuple[str, InlineKeyboardMarkup]:
    left, waiting = seats
    text = t(
        "card",
        lang,
        title=event.title(lang),
        when=format_span(event, lang),
        tz=event.timezone,
        where=where(event, lang),
        fields=("、" if lang == "zh" else ", ").join(field_label(f, lang) for f in event.fields),
        format=t(f"format_{event.format}", lang),
        left=left,
        capacity=event.capacity,
        waiting=t("waiting", lang, n=waiting) if waiting else "",
        deadline=format_when(event.deadline_at, lang),
        description=event.description(lang),
        contact=event.contact,
    )
    if core.assistant.kb.sample_catalogue:
        text += "\n\n" + t("sample_note", lang)
    now = dt.datetime.now(dt.UTC)
    rows: list[list[tuple[str, str]]] = []
    if user_status == "registered":
        text += "\n\n" + t("you_registered", lang)
        rows.append([(t("btn_cancel_reg", lang), f"c:{event.id}")])
    elif user_status == "waitlisted":
        text += "\n\n" + t("you_waitlisted", lang, n=position or 1)
        rows.append([(t("btn_cancel_reg", lang), f"c:{event.id}")])
    elif event.starts_at <= now:
        text += "\n\n" + t("past_note", lang)
    elif event.deadline_at < now:
        text += "\n\n" + t("closed_note", lang)
    else:
        rows.append([(t("btn_register" if left else "btn_waitlist", lang), f"r:{event.id}")])
    rows.append([(t("back", lang), "m:events")])
    return text, kb(rows)


def event_regions(events: list[Event]) -> list[str]:
    return sorted({e.region("en") for e in events})


def event_months(events: list[Event]) -> list[str]:
    return sorted({e.starts_at.strftime("%Y-%m") for e in events})


def event_fields(events: list[Event]) -> list[str]:
    return sorted({f for e in events for f in e.fields})


def filter_events(events: list[Event], kind: str, value: str) -> list[Event] | None:
    if kind == "a":
        return events
    if kind == "r" and value in event_regions(events):
        return [e for e in events if e.region("en") == value]
    if kind == "m" and value in event_months(events):
        return [e for e in events if e.starts_at.strftime("%Y-%m") == value]
    if kind == "f" and value in event_fields(events):
        return [e for e in events if value in e.fields]
    return None


def region_label(core: Core, region_en: str, lang: str) -> str:
    ev = next((e for e in core.events if e.region("en") == region_en), None)
    return ev.region(lang) if ev else region_en


def events_menu(lang: str) -> tuple[str, InlineKeyboardMarkup]:
    return t("events_menu", lang), kb(
        [
            [(t("by_region", lang), "fm:r"), (t("by_month", lang), "fm:m"), (t("by_field", lang), "fm:f")],
            [(t("all_events", lang), "f:a::0")],
        ]
    )


async def my_events_view(core: Core, user_id: int, lang: str) -> tuple[str, InlineKeyboardMarkup | None]:
    regs = await run(core.registry.my_registrations, user_id)
    if not regs:
        return t("my_none", lang), None
    lines, rows = [t("my_list", lang)], []
    for r in regs:
        event = core.event(r.event_id)
        title = event.title(lang) if event else r.event_id
        state = (
            t("my_registered", lang) if r.status == "registered" else t("my_waitlisted", lang, n=r.position)
        )
        when = format_when(event.starts_at, lang) if event else ""
        lines.append(f"• {title} — {when} — {state}")
        rows.append([(f"❌ {title[:40]}", f"c:{r.event_id}"), ("ℹ️", f"e:{r.event_id}")])
    return "\n".join(lines), kb(rows)


async def subscribe_keyboard(core: Core, user_id: int, lang: str) -> InlineKeyboardMarkup:
    mine = await run(core.registry.subscriptions, user_id)
    rows: list[list[tuple[str, str]]] = []
    regions = event_regions(core.events)
    fields = event_fields(core.events)
    for chunk in (regions[i : i + 3] for i in range(0, len(regions), 3)):
        rows.append(
            [
                (("✅ " if ("region", r) in mine else "") + region_label(core, r, lang), f"s:r:{r}")
                for r in chunk
            ]
        )
    for chunk in (fields[i : i + 3] for i in range(0, len(fields), 3)):
        rows.append(
            [(("✅ " if ("field", f) in mine else "") + field_label(f, lang), f"s:f:{f}") for f in chunk]
        )
    return kb(rows)


async def show_event(update: Update, core: Core, event: Event, lang: str) -> None:
    uid = update.effective_user.id  # type: ignore[union-attr]
    seats = (await run(core.registry.seats, [event.id]))[event.id]
    mine = {r.event_id: r for r in await run(core.registry.my_registrations, uid)}
    reg = mine.get(event.id)
    text, markup = event_card(
        core, event, lang, reg.status if reg else None, reg.position if reg else None, seats
    )
    await say(update, text, markup)
