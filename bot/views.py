"""What the bot shows: menus, event cards, lists, times in the event's zone and the user's."""

from __future__ import annotations

import datetime as dt

from telegram import InlineKeyboardMarkup, Update

from bot.common import Core, kb, run, say, show, user_zone
from chizi.catalogue import Event, field_label
from chizi.event_answers import where
from chizi.registry import Details
from chizi.texts import t
from chizi.timezones import COMMON, abbreviation, same_clock, zone


def main_menu(lang: str) -> InlineKeyboardMarkup:
    return kb(
        [
            [(t("btn_events", lang), "m:events"), (t("btn_my", lang), "m:my")],
            [(t("btn_sub", lang), "m:sub"), (t("btn_tz", lang), "m:tz")],
            [
                (t("btn_privacy", lang), "m:privacy"),
                (t("btn_lang", lang), "l:en" if lang == "zh" else "l:zh"),
            ],
        ]
    )


# --- times -----------------------------------------------------------------------------------------
def format_when(moment: dt.datetime, lang: str) -> str:
    return moment.strftime("%Y年%m月%d日 %H:%M" if lang == "zh" else "%d %b %Y %H:%M")


def moment_in(moment: dt.datetime, tz: dt.tzinfo, lang: str) -> str:
    """'2027年06月15日 11:59 EDT': the moment on that zone's clock, with the zone's abbreviation."""
    local = moment.astimezone(tz)
    return f"{format_when(local, lang)} {abbreviation(local)}"


def span_in(start: dt.datetime, end: dt.datetime, tz: dt.tzinfo, lang: str) -> str:
    """A one-day span once ('2027年02月25日 18:00–20:00 PST'); start – end otherwise."""
    s, e = start.astimezone(tz), end.astimezone(tz)
    if s.date() == e.date():
        return f"{format_when(s, lang)}–{e:%H:%M} {abbreviation(e)}"
    return f"{format_when(s, lang)} {abbreviation(s)} – {format_when(e, lang)} {abbreviation(e)}"


def format_span(event: Event, lang: str) -> str:
    """The event's dates on its own clock."""
    return span_in(event.starts_at, event.ends_at, event.tz, lang)


def when_lines(event: Event, user_zone_name: str | None, lang: str) -> str:
    """📅 in the event's zone; 🕒 in the user's when it reads differently (or how to set one)."""
    zone_note = f"（{event.timezone}）" if lang == "zh" else f" ({event.timezone})"
    lines = [f"📅 {format_span(event, lang)}{zone_note}"]
    if user_zone_name is None:
        lines.append(t("tz_hint", lang))
    elif not same_clock(event.starts_at, event.tz, zone(user_zone_name)):
        mine = span_in(event.starts_at, event.ends_at, zone(user_zone_name), lang)
        lines.append(t("your_time", lang, when=mine, zone=user_zone_name))
    return "\n".join(lines)


def moment_both(moment: dt.datetime, event: Event, user_zone_name: str | None, lang: str) -> str:
    """A deadline or start on the event's clock, then on the user's when that reads differently."""
    text = moment_in(moment, event.tz, lang)
    if user_zone_name and not same_clock(moment, event.tz, zone(user_zone_name)):
        text += t("yours_inline", lang, when=moment_in(moment, zone(user_zone_name), lang))
    return text


def place_lines(event: Event, lang: str, *, registered: bool) -> str:
    """📍 where; a map link for a place to travel to; the join link once the user is registered."""
    lines = [f"📍 {where(event, lang)}"]
    if url := event.map_url():
        lines.append(f"🗺 {url}")
    if event.format != "in_person":
        if registered and event.join_url:
            lines.append(t("join_link", lang, url=event.join_url))
        elif registered:
            lines.append(t("join_link_later", lang))
        else:
            lines.append(t("join_link_on_registration", lang))
    return "\n".join(lines)


def short_name(event: Event, lang: str) -> str:
    """What people call the event ('苏州精英周', 'Suzhou Elite Week'): its first alias in the language."""
    for alias in event.aliases:
        if (lang == "zh") == any("\u4e00" <= ch <= "\u9fff" for ch in alias):
            return alias
    title = event.title(lang)
    return title if len(title) <= 24 else title[:23] + "…"


# --- cards and lists -------------------------------------------------------------------------------
def event_card(
    core: Core,
    event: Event,
    lang: str,
    user_status: str | None,
    position: int | None,
    seats: tuple[int, int],
    user_zone_name: str | None = None,
) -> tuple[str, InlineKeyboardMarkup]:
    left, waiting = seats
    text = t(
        "card",
        lang,
        title=event.title(lang),
        when=when_lines(event, user_zone_name, lang),
        where=place_lines(event, lang, registered=user_status == "registered"),
        fields=("、" if lang == "zh" else ", ").join(field_label(f, lang) for f in event.fields),
        format=t(f"format_{event.format}", lang),
        left=left,
        capacity=event.capacity,
        waiting=t("waiting", lang, n=waiting) if waiting else "",
        deadline=moment_both(event.deadline_at, event, user_zone_name, lang),
        description=event.description(lang),
        contact=event.contact,
    )
    if core.assistant.kb.sample_catalogue:
        text += "\n\n" + t("sample_note", lang)
    now = core.now()
    rows: list[list[tuple[str, str]]] = []
    if user_status in ("registered", "waitlisted"):
        text += "\n\n" + (
            t("you_registered", lang)
            if user_status == "registered"
            else t("you_waitlisted", lang, n=position or 1)
        )
        if user_status == "registered":
            rows.append([(t("btn_calendar", lang), f"ic:{event.id}")])
        rows.append(
            [(t("btn_edit_reg", lang), f"ed:{event.id}"), (t("btn_cancel_reg", lang), f"c:{event.id}")]
        )
    elif event.state(now) == "past":
        text += "\n\n" + t("past_note", lang)
    elif event.state(now) != "open":
        text += "\n\n" + t("closed_note", lang)
    else:
        rows.append([(t("btn_register" if left else "btn_waitlist", lang), f"r:{event.id}")])
    rows.append([(t("back", lang), "m:events")])
    return text, kb(rows)


def confirmation(event: Event, lang: str, user_zone_name: str | None) -> str:
    """What a registrant keeps: when (both zones), where with a map or the join link, whom to ask."""
    return t(
        "registered",
        lang,
        title=event.title(lang),
        when=when_lines(event, user_zone_name, lang),
        where=place_lines(event, lang, registered=True),
        contact=event.contact,
    )


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
    mine = await user_zone(core, user_id)
    lines, rows = [t("my_list", lang)], []
    for r in regs:
        event = core.event(r.event_id)
        if event is None:  # withdrawn from the catalogue: still listed, so it can be cancelled
            lines.append(f"• {r.event_id}")
            rows.append([(t("btn_cancel_named", lang, name=r.event_id), f"c:{r.event_id}")])
            continue
        state = (
            t("my_registered", lang) if r.status == "registered" else t("my_waitlisted", lang, n=r.position)
        )
        when = moment_both(event.starts_at, event, mine, lang)
        lines.append(f"• {event.title(lang)}\n  {when}\n  {state}")
        name = short_name(event, lang)
        rows.append([(t("btn_details_named", lang, name=name), f"e:{event.id}")])
        rows.append(
            [(t("btn_edit_short", lang), f"ed:{event.id}"), (t("btn_cancel_short", lang), f"c:{event.id}")]
        )
    if mine is None:
        lines.append("\n" + t("tz_hint", lang))
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
    rows.append([(t("btn_done", lang), "s:done")])
    return kb(rows)


async def subscriptions_summary(core: Core, user_id: int, lang: str) -> str:
    mine = await run(core.registry.subscriptions, user_id)
    labels = [region_label(core, v, lang) for k, v in sorted(mine) if k == "region"]
    labels += [field_label(v, lang) for k, v in sorted(mine) if k == "field"]
    if not labels:
        return t("sub_done_none", lang)
    return t("sub_done", lang, what=("、" if lang == "zh" else ", ").join(labels))


def timezone_picker(lang: str, current: str | None, now: dt.datetime) -> tuple[str, InlineKeyboardMarkup]:
    # "New York EST": the city and what its clock is called today, two to a row.
    buttons = [
        (
            f"{name.rsplit('/', 1)[1].replace('_', ' ')} {abbreviation(now.astimezone(zone(name)))}",
            f"tz:{name}",
        )
        for name in COMMON
    ]
    grid = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    grid.append([(t("btn_tz_other", lang), "tz:?")])
    text = t("tz_pick", lang)
    if current:
        text = t("tz_current", lang, zone=current, now=moment_in(now, zone(current), lang)) + "\n\n" + text
    return text, kb(grid)


def edit_menu(event: Event, details: Details, lang: str) -> tuple[str, InlineKeyboardMarkup]:
    text = t(
        "edit_menu",
        lang,
        title=event.title(lang),
        affiliation=details.affiliation,
        field=details.field,
        email=details.email or t("none", lang),
    )
    return text, kb(
        [
            [(t("edit_affiliation", lang), f"ef:affiliation:{event.id}")],
            [(t("edit_field", lang), f"ef:field:{event.id}")],
            [(t("edit_email", lang), f"ef:email:{event.id}")],
            [(t("back", lang), f"e:{event.id}")],
        ]
    )


async def show_event(update: Update, core: Core, event: Event, lang: str, in_place: bool = True) -> None:
    uid = update.effective_user.id  # type: ignore[union-attr]
    seats = (await run(core.registry.seats, [event.id]))[event.id]
    mine = {r.event_id: r for r in await run(core.registry.my_registrations, uid)}
    reg = mine.get(event.id)
    text, markup = event_card(
        core,
        event,
        lang,
        reg.status if reg else None,
        reg.position if reg else None,
        seats,
        await user_zone(core, uid),
    )
    await (show if in_place else say)(update, text, markup)
