"""Event questions answered from the live catalogue and registry: dates, places, deadlines, seats left now.

The answers are made from the structured catalogue (never from rendered text in the index), with
seats counted by the registry at the moment of asking and deadlines counted from today.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from chizi.catalogue import Event, field_label
from chizi.texts import joined, t
from chizi.timezones import abbreviation, same_clock, zone
from retrieval.places import Place, by_distance, mentions, nearby, shown_as, within
from retrieval.text import normalize
from retrieval.understand import Question

SeatsFn = Callable[[Iterable[str]], dict[str, tuple[int, int]]]
CHINA_TZ = ZoneInfo("Asia/Shanghai")
MAX_LISTED = 6


@dataclass(frozen=True)
class EventRef:
    id: str
    title: str
    start: str  # ISO 8601 with the event's offset
    seats_left: int


@dataclass(frozen=True)
class EventReply:
    text: str
    answered: bool
    events: list[EventRef]


def after_month(months: Iterable[int], now: dt.datetime) -> dt.datetime:
    """The first day after the soonest of `months` still to come (or under way) as of `now`."""
    ahead = min((m - now.month) % 12 for m in months)  # 0: this month
    index = now.month + ahead  # the month after it, counted from January of this year (0-based)
    return dt.datetime(now.year + index // 12, index % 12 + 1, 1, tzinfo=now.tzinfo or dt.UTC)


def day(moment: dt.datetime, lang: str) -> str:
    return (
        f"{moment.year}年{moment.month}月{moment.day}日" if lang == "zh" else f"{moment.day} {moment:%B %Y}"
    )


def weekday_and_day(moment: dt.datetime, lang: str) -> str:
    """'2027年9月14日（星期二）' / 'Tuesday 14 September 2027': "is it on a weekend?" is then answered too."""
    if lang == "zh":
        return f"{day(moment, lang)}（星期{'一二三四五六日'[moment.weekday()]}）"
    return f"{moment:%A} {day(moment, lang)}"


def _runs_within(e: Event, month: int, days: tuple[int, int]) -> bool:
    """Whether an event is under way on one of the `days` of `month` (of the year it starts in)."""
    year = e.starts_at.year
    last = min(days[1], calendar.monthrange(year, month)[1])
    first, end = dt.date(year, month, days[0]), dt.date(year, month, last)
    return e.starts_at.date() <= end and e.ends_at.date() >= first


def days_of(e: Event) -> int:
    """The calendar days an event runs, its first and last included."""
    return (e.ends_at.date() - e.starts_at.date()).days + 1


def clock(moment: dt.datetime) -> str:
    return f"{moment:%H:%M}"


def days_left(deadline: dt.datetime, now: dt.datetime, lang: str) -> str:
    """'in 12 days', 'tomorrow', 'today': calendar days on the deadline's own clock (a deadline at 08:00
    tomorrow is tomorrow, even when fewer than 24 hours remain)."""
    n = (deadline.date() - now.astimezone(deadline.tzinfo).date()).days
    if n <= 0:
        return t("ev_left_today", lang)
    return t("ev_left_tomorrow", lang) if n == 1 else t("ev_left_days", lang, n=n)


def zone_label(event: Event, lang: str) -> str:
    if event.timezone == "Asia/Shanghai":
        return "北京时间" if lang == "zh" else "China time, UTC+8"
    return event.timezone


def span(event: Event, lang: str) -> str:
    """'2027年7月6日至9日' / '6–9 July 2027'; one day is written once, with its hours."""
    s, e = event.starts_at, event.ends_at
    if s.date() == e.date():
        return f"{day(s, lang)} {clock(s)}–{clock(e)}"
    if lang == "zh":
        end = f"{e.day}日" if (s.year, s.month) == (e.year, e.month) else day(e, lang)
        return f"{day(s, lang)}至{end}"
    if (s.year, s.month) == (e.year, e.month):
        return f"{s.day}–{e.day} {s:%B %Y}"
    return f"{day(s, lang)} – {day(e, lang)}"


def start_time(event: Event, lang: str, mine: str | None = None, named: str = "") -> str:
    """The start in the event's zone and, when that is not China's, in Beijing time too; then on the
    asker's own clock (`mine`, a zone name; `named`, the place whose clock the question asked for) when
    that reads differently from both."""
    s = event.starts_at
    local = (
        f"{weekday_and_day(s, lang)} {clock(s)}（{zone_label(event, lang)}）"
        if lang == "zh"
        else f"{weekday_and_day(s, lang)} {clock(s)} ({zone_label(event, lang)})"
    )
    if event.timezone != "Asia/Shanghai":
        b = s.astimezone(CHINA_TZ)
        local = (
            f"{local}，即北京时间{day(b, lang)} {clock(b)}"
            if lang == "zh"
            else f"{local}, which is {day(b, lang)} {clock(b)} China time"
        )
    return local + yours(s, event, lang, mine, china_given=True, named=named)


def yours(
    moment: dt.datetime,
    event: Event,
    lang: str,
    mine: str | None,
    china_given: bool = False,
    named: str = "",
) -> str:
    """'（您的时间 2027年7月5日 21:00 EDT）' when the asker's zone reads differently from the clocks
    already given (the event's, and Beijing time where it was); '' otherwise. With `named` ("London"),
    the clock is that place's, which the question asked for, not the asker's."""
    if mine is None:
        return ""
    tz = zone(mine)
    if same_clock(moment, tz, event.tz) or (china_given and same_clock(moment, tz, CHINA_TZ)):
        return ""
    m = moment.astimezone(tz)
    if named:
        return (
            f"（{named}时间 {day(m, lang)} {clock(m)} {abbreviation(m)}）"
            if lang == "zh"
            else f" ({named} time: {day(m, lang)} {clock(m)} {abbreviation(m)})"
        )
    return (
        f"（您的时间 {day(m, lang)} {clock(m)} {abbreviation(m)}）"
        if lang == "zh"
        else f" (your time: {day(m, lang)} {clock(m)} {abbreviation(m)})"
    )


def where(event: Event, lang: str) -> str:
    if event.format == "online":
        return "线上举行" if lang == "zh" else "online"
    place = (
        f"{event.region('zh')}{event.place('zh')}"
        if lang == "zh"
        else f"{event.place('en')}, {event.region('en')}"
    )
    if event.region("zh") == event.place("zh"):
        place = event.place(lang)
    if event.format == "hybrid":
        return f"{place}（也可线上参加）" if lang == "zh" else f"{place} (online participation possible)"
    return place


def format_text(event: Event, lang: str) -> str:
    zh = {
        "in_person": "线下（现场）参加，不提供线上参加",
        "online": "线上参加",
        "hybrid": "线上线下结合：可以现场参加，也可以线上参加",
    }
    en = {
        "in_person": "in person only (no online participation)",
        "online": "online",
        "hybrid": "hybrid: join in person or online",
    }
    return (zh if lang == "zh" else en)[event.format]


# The kind of gathering an English title names; people call an event by a word of its title and its kind.
_KINDS = {
    "tour": ("tour", "trip"),
    "fair": ("fair",),
    "week": ("week",),
    "exchange": ("exchange",),
    "meet-up": ("meet-up", "meetup"),
    "meetup": ("meet-up", "meetup"),
    "session": ("session",),
    "team": ("team",),
    "forum": ("forum",),
    "conference": ("conference",),
}
_TITLE_FILLER = frozenset(["and", "for", "of", "the", "with", "in", "on", "at", "to", "a"])


def short_names(events: list[Event]) -> dict[str, set[str]]:
    """Per event, "<word> <kind>" for each word (or pair of adjacent words) of its English title that no
    other event's title has: "silicon valley meetup", "medical team", "elite week". A word shared by two
    titles names neither, so a short name never points at the wrong event."""
    words = {
        e.id: [w for w in re.findall(r"[a-z][a-z-]*", normalize(e.title_en)) if w not in _TITLE_FILLER]
        for e in events
    }
    seen = Counter(w for ws in words.values() for w in set(ws))
    out: dict[str, set[str]] = {}
    for e in events:
        ws = words[e.id]
        kinds = [k for w in ws for k in _KINDS.get(w, ())]
        own = [w for w in ws if seen[w] == 1 and w not in _KINDS]
        phrases = set(own) | {f"{a} {b}" for a, b in itertools.pairwise(ws) if a in own and b in own}
        out[e.id] = {f"{p} {k}" for p in phrases for k in kinds}
    return out


class EventDesk:
    """Answers about the catalogue's events; `seats` reads seats left and waitlists from the registry."""

    def __init__(self, events: list[Event], seats: SeatsFn | None = None) -> None:
        self.events = events
        self._seats = seats

    def aliases(self) -> dict[str, list[str]]:
        """Normalised names a question may use for each event, longest first: its titles, its aliases and
        the short names its English title allows ("the silicon valley meetup", "the medical team")."""
        short = short_names(self.events)
        out = {}
        for e in self.events:
            names = {normalize(n) for n in (e.title_zh, e.title_en, *e.aliases)} | short[e.id]
            out[e.id] = sorted(names, key=len, reverse=True)
        return out

    def ask_organisers(self, event_id: str, what: str, lang: str) -> str:
        """Where an event's card holds no answer (its speakers, hotels): whom to ask, by name."""
        e = next(e for e in self.events if e.id == event_id)
        return t("ev_ask_organisers", lang, what=what, title=e.title(lang), contact=e.contact)

    def city_not_venue(self, event_id: str, lang: str) -> EventReply:
        """Where an event is held when its hall is asked: the city its card gives, and whom to ask for the hall."""
        e = next(e for e in self.events if e.id == event_id)
        text = t("ev_city_not_venue", lang, title=e.title(lang), place=where(e, lang), contact=e.contact)
        return EventReply(text, True, [self._ref(e, lang, self.seats_of([e]))])

    def places_of(self) -> dict[str, list[str]]:
        """Normalised names of the city and province each event is held in."""
        return {
            e.id: [normalize(n) for n in (*e.city.split(" ", 1), *e.province.split(" ", 1))]
            for e in self.events
        }

    def at_places(self, places: Iterable[Place], now: dt.datetime) -> list[Event]:
        wanted = list(places)
        return [
            e
            for e in self._upcoming(now)
            if any(mentions(normalize(f"{e.city} {e.province}"), p) for p in wanted)
        ]

    def _upcoming(self, now: dt.datetime) -> list[Event]:
        return sorted((e for e in self.events if e.ends_at > now), key=lambda e: e.starts_at)

    def seats_of(self, events: list[Event]) -> dict[str, tuple[int, int]]:
        known = self._seats([e.id for e in events]) if self._seats and events else {}
        return {e.id: known.get(e.id, (e.capacity, 0)) for e in events}

    def _ref(self, e: Event, lang: str, seats: dict[str, tuple[int, int]]) -> EventRef:
        return EventRef(e.id, e.title(lang), e.starts_at.isoformat(), seats[e.id][0])

    def reply(
        self, q: Question, lang: str, now: dt.datetime, mine: str | None = None, named: str = ""
    ) -> EventReply:
        """The answer to an event question; `mine` is the asker's time zone, if they set one, or the zone
        of the place `named` whose clock the question asks for ("what time is it in London")."""
        if q.neighbour and len(q.events) == 1:
            return self._neighbour(q, lang, now, mine)
        if q.events and not q.listing:
            chosen = [e for e in self.events if e.id in q.events]
            seats = self.seats_of(chosen)
            parts = [self._about(e, q.slot or "when", lang, now, seats[e.id], mine, named) for e in chosen]
            refs = [self._ref(e, lang, seats) for e in chosen]
            if q.slot == "gap" and len(chosen) == 2:
                return EventReply(_gap(chosen, lang), True, refs)
            verdict = _verdict(q, chosen, lang) if q.versus else ""
            if verdict:
                parts.insert(0, verdict)
            if q.wants == "difference" and len(chosen) >= 2 and not verdict:
                # "how do the Shandong and Nanjing fairs differ": no source compares them, which is said;
                # each one's card is offered, as a decline offers the nearest fact.
                return EventReply("\n\n".join([t("ev_side_by_side", lang), *parts]), False, refs)
            if q.years and not any(e.starts_at.year in q.years for e in chosen):
                # "will there be a 2028 Suzhou week": no such edition; the one there is, labelled as such.
                years = joined([str(y) for y in q.years], lang)
                head = t("ev_no_edition", lang, years=years)
                return EventReply("\n".join([head, *parts]), False, refs)
            return EventReply("\n\n".join(parts), True, refs)
        return self._listing(q, lang, now)

    def _neighbour(self, q: Question, lang: str, now: dt.datetime, mine: str | None) -> EventReply:
        """The event just after (or before) the one named, in the calendar's order of starting."""
        named = next(e for e in self.events if e.id == q.events[0])
        ordered = sorted(self._upcoming(now), key=lambda e: e.starts_at)
        if q.neighbour == "after":
            side = [e for e in ordered if e.starts_at > named.starts_at][:1]
        else:
            side = [e for e in ordered if e.starts_at < named.starts_at][-1:]
        key = "ev_next_after" if q.neighbour == "after" else "ev_next_before"
        if not side:
            return EventReply(t(key + "_none", lang, title=named.title(lang)), False, [])
        one = replace(q, events=(side[0].id,), neighbour=None, slot="when")
        reply = self.reply(one, lang, now, mine)
        return replace(reply, text=t(key, lang, title=named.title(lang)) + "\n" + reply.text)

    # --- one event ---------------------------------------------------------------------------------
    def _about(
        self,
        e: Event,
        slot: str,
        lang: str,
        now: dt.datetime,
        seats: tuple[int, int],
        mine: str | None,
        named: str = "",
    ) -> str:
        title = e.title(lang)
        left, waiting = seats
        open_ = e.state(now) == "open"
        closes = (
            t(
                "ev_closes",
                lang,
                day=day(e.deadline_at, lang),
                clock=clock(e.deadline_at),
                zone=zone_label(e, lang),
                yours=yours(e.deadline_at, e, lang, mine, named=named),
                left=days_left(e.deadline_at, now, lang),
            )
            if open_
            else t("ev_closed", lang)
        )
        if slot == "register":
            return t("ev_register", lang, title=title, id=e.id) + " " + closes if open_ else closes
        if slot == "seats":
            key = "ev_seats_waitlist" if waiting else "ev_seats"
            return t(key, lang, title=title, capacity=e.capacity, left=left, waiting=waiting) + " " + closes
        if slot == "deadline":
            return t("ev_titled", lang, title=title, text=closes)
        if slot == "format":
            return t("ev_format", lang, title=title, format=format_text(e, lang))
        if slot == "contact":
            return t("ev_contact", lang, title=title, contact=e.contact)
        if slot == "time":
            return t("ev_time", lang, title=title, start=start_time(e, lang, mine, named))
        if slot == "link":
            key = "ev_link_in_person" if e.format == "in_person" else "ev_link"
            return t(key, lang, title=title)
        if slot == "ends":
            end = f"{weekday_and_day(e.ends_at, lang)} {clock(e.ends_at)}"
            return t("ev_ends", lang, title=title, end=end, zone=zone_label(e, lang))
        if slot == "duration":
            n = days_of(e)
            return t("ev_days" if n > 1 else "ev_one_day", lang, title=title, n=n, span=span(e, lang))
        if slot == "fields":
            fields = ("、" if lang == "zh" else ", ").join(field_label(f, lang) for f in e.fields)
            return t("ev_fields", lang, title=title, fields=fields)
        if slot == "place":
            key = "ev_place_online" if e.format == "online" else "ev_place"
            return t(key, lang, title=title, where=where(e, lang))
        # when, and anything else: the essentials in one breath; "about" puts what the event is first
        essentials = t(
            "ev_essentials",
            lang,
            span=span(e, lang),
            where=where(e, lang),
            start=start_time(e, lang, mine, named),
            # "how long until the Tianjin tour": the days to its start, while it is still ahead
            until=("，" if lang == "zh" else ", ") + days_left(e.starts_at, now, lang)
            if e.starts_at > now
            else "",
            closes=closes,
        )
        if slot == "about":
            essentials = f"{e.description(lang)}\n{essentials}"
        return t("ev_titled", lang, title=title, text=essentials)

    # --- lists -------------------------------------------------------------------------------------
    def _listing(self, q: Question, lang: str, now: dt.datetime) -> EventReply:
        chosen = self._upcoming(now)
        notes: list[str] = []
        if q.years:
            chosen = [e for e in chosen if e.starts_at.year in q.years]
        later = False
        if q.months and q.slot == "deadline":
            # "which events close in August": by the month registration closes, soonest first.
            chosen = sorted(
                (e for e in chosen if e.deadline_at.month in q.months), key=lambda e: e.deadline_at
            )
        elif q.months:
            in_month = [e for e in chosen if e.starts_at.month in q.months or e.ends_at.month in q.months]
            if q.days:
                # "mid-October", "6月10号到20号": the events under way on one of those days.
                in_month = [e for e in in_month if _runs_within(e, q.months[0], q.days)]
                if not in_month:
                    return EventReply(t("ev_none_matching", lang), False, [])
            if not in_month and not q.years:
                # "下个月有活动吗" with none then: the next ones after it, labelled as such.
                first = after_month(q.months, now)
                in_month = sorted((e for e in chosen if e.starts_at >= first), key=lambda e: e.starts_at)
                later = bool(in_month)
            chosen = in_month
        near: list[str] = []
        anywhere = chosen  # before the place filter, for a field found nowhere near the place
        if q.places:
            there = [e for e in chosen if _held_at(e, q.places)]
            if not there:
                # "events near Shanghai": none there, so those in its province or the provinces around it;
                # from Harbin, whose neighbours hold none, the three nearest by distance.
                near = [province for p in q.places for province in nearby(p)]
                there = _held_in(chosen, near)
                if not there:
                    near = by_distance(q.places[0])
                    there = _held_in(chosen, near)[:3]
            chosen = there
        if q.not_places:  # "anything outside Zhejiang and Jiangsu": those held elsewhere
            chosen = [e for e in chosen if not _held_at(e, q.not_places)]
        if q.hybrid:
            chosen = [e for e in chosen if e.format == "hybrid"]
        elif q.online:
            chosen = [e for e in chosen if e.format in ("online", "hybrid")]
        if q.fields:
            in_field = [e for e in chosen if set(e.fields) & set(q.fields)]
            fields = joined([field_label(f, lang) for f in q.fields], lang)
            elsewhere = [e for e in anywhere if set(e.fields) & set(q.fields)]
            if not in_field and near and q.fit and q.located and elsewhere:
                # "我在香港做金融，有适合的活动吗": nothing near Hong Kong lists finance; the events that do,
                # wherever they are, are what fits (the place is where the asker is, not where they must go).
                in_field, near = elsewhere, []
                asked = joined([shown_as(p.key, lang) for p in q.places], lang)
                notes.append(t("ev_field_elsewhere", lang, fields=fields, place=asked))
            if in_field or not (q.months or q.places or q.online or q.hybrid):
                chosen = in_field
            elif chosen:
                # "a materials scientist … in China in May: anything I could go to?": no May event lists
                # the field; May's events are still what can be gone to, and the reply says so (likewise
                # the events one can join online when none of them lists the field).
                key = "ev_none_in_field" if q.months or q.places else "ev_none_in_field_online"
                notes.append(t(key, lang, fields=fields))
        if q.fit and q.abroad and not q.online:
            # From abroad, events one can join online come first; in-person ones follow.
            chosen.sort(key=lambda e: (e.format == "in_person", e.starts_at))
            if any(e.format != "in_person" for e in chosen):
                notes.append(t("ev_abroad_first", lang))
        if q.fit and not q.fields:
            notes.append(t("ev_fit_tell_field", lang))  # "which fits me?" said nothing of the asker's field
        if q.closing_soon:
            chosen = sorted((e for e in chosen if e.state(now) == "open"), key=lambda e: e.deadline_at)
        if q.closes_within:
            until = now + dt.timedelta(days=q.closes_within)
            chosen = [e for e in chosen if e.deadline_at <= until]
        chosen = [e for e in chosen if e.state(now) == "open"] or chosen
        if q.last or q.first:
            # "which closes registration last" ranks by deadline; "the last event", by its start.
            chosen = sorted(chosen, key=lambda e: e.deadline_at if q.closing_soon else e.starts_at)
            chosen = chosen[-1:] if q.last else chosen[:1]
        if q.nth and not (q.last or q.first):
            # "the second event of the year": the nth to start (none when fewer are listed).
            chosen = sorted(chosen, key=lambda e: e.starts_at)[q.nth - 1 : q.nth]
        if q.longest and chosen:
            chosen = [max(chosen, key=lambda e: e.ends_at - e.starts_at)]
        if q.seats_bound:
            low, high = q.seats_bound
            chosen = [e for e in chosen if low <= e.capacity <= high]
        if q.days_bound:
            low, high = q.days_bound
            chosen = [e for e in chosen if low <= days_of(e) <= high]
        if q.seats_rank and chosen:
            left = self.seats_of(chosen)
            most = max if q.seats_rank == "most" else min
            chosen = [most(chosen, key=lambda e: left[e.id][0])]
        if not chosen:
            return EventReply(t("ev_none_matching", lang), False, [])
        shown = chosen[: 3 if later else MAX_LISTED]
        seats = self.seats_of(shown)
        lines = [self._line(e, lang, now, seats[e.id], q.fields) for e in shown]
        head = (
            t("ev_matching_first", lang, n=len(chosen), shown=len(shown))
            if len(shown) < len(chosen)
            else t("ev_matching", lang, n=len(chosen))
        )
        if later:
            head = t("ev_none_in_month_next", lang, months=_months_shown(q.months, lang))
        if near:
            asked = joined([shown_as(p.key, lang) for p in q.places], lang)
            if q.months:  # ("and in zhejiang?" after May's list: none there in May, which is not none at all)
                months = _months_shown(q.months, lang)
                none = t("ev_none_there_in_month_nearby", lang, place=asked, months=months)
            else:
                none = t("ev_none_there_nearby", lang, place=asked)
            head = none + "\n" + head
        body = "\n".join([head, *lines, *notes])
        # Events nearby are the nearest fact, labelled as such: what was asked (events there) is absent,
        # unless events near the place were what was asked ("which event is near Harbin").
        # For "which fits me, I'm in Shanghai" the place is where the asker is: events near it answer.
        answered = not later and (not near or q.near or (q.fit and q.located))
        return EventReply(body, answered, [self._ref(e, lang, seats) for e in shown])

    def _line(
        self, e: Event, lang: str, now: dt.datetime, seats: tuple[int, int], asked: Iterable[str] = ()
    ) -> str:
        status = (
            t(
                "ev_line_open",
                lang,
                month=e.deadline_at.month,
                day=e.deadline_at.day,
                date=day(e.deadline_at, lang),
                left=days_left(e.deadline_at, now, lang),
                seats=seats[0],
            )
            if e.state(now) == "open"
            else t("ev_line_closed", lang)
        )
        # Listed for the fields the asker named ("我是做大数据的，贵阳那个交流会对口吗"): which of them it covers.
        wanted = set(asked)
        matched = [field_label(f, lang) for f in e.fields if f in wanted]
        covers = (
            t("ev_line_fields", lang, fields=("、" if lang == "zh" else ", ").join(matched))
            if matched
            else ""
        )
        if lang == "zh":
            return f"• {span(e, lang)} {e.title_zh}（{where(e, lang)}）{covers}— {status}"
        return f"• {span(e, lang)} {e.title_en} ({where(e, lang)}){covers} — {status}"


def _gap(events: list[Event], lang: str) -> str:
    """How far apart two events start: each one's start, then the days (and weeks) between."""
    first, second = sorted(events, key=lambda e: e.starts_at)
    days = (second.starts_at.date() - first.starts_at.date()).days
    weeks = t("ev_gap_weeks", lang, weeks=days // 7) if days % 7 == 0 and days >= 14 else ""
    return t(
        "ev_gap",
        lang,
        first=first.title(lang),
        first_day=day(first.starts_at, lang),
        second=second.title(lang),
        second_day=day(second.starts_at, lang),
        days=days,
        weeks=weeks,
    )


def _held_at(event: Event, places: Iterable[Place]) -> bool:
    """Whether an event is held in one of `places` (a city, a province, or a region's provinces)."""
    where = normalize(f"{event.city} {event.province}")
    return any(mentions(where, p) or event.province.split()[0] in within(p) for p in places)


def _months_shown(months: Iterable[int], lang: str) -> str:
    """Months as a reply names them: 5月、6月 / May and June."""
    return joined([f"{m}月" if lang == "zh" else calendar.month_name[m] for m in months], lang)


def _held_in(events: list[Event], provinces: list[str]) -> list[Event]:
    """The events held in `provinces`, in the provinces' order, then by start."""
    rank: dict[str, int] = {}
    for n, province in enumerate(provinces):
        rank.setdefault(province, n)
    held = [e for e in events if e.province.split()[0] in rank]
    return sorted(held, key=lambda e: (rank[e.province.split()[0]], e.starts_at))


# What a comparison of events compares, by the attribute asked: "which one is earlier" their starts,
# "哪个人多" their places, "which is longer" their days.
_COMPARED: dict[str, Callable[[Event], float]] = {
    "when": lambda e: e.starts_at.timestamp(),
    "seats": lambda e: e.capacity,
    "duration": days_of,
}


def _verdict(q: Question, events: list[Event], lang: str) -> str:
    """The one a comparison of events asks for, said first ("Yunnan … comes first: 22 March 2027");
    nothing where they are level or the attribute is not one that orders them."""
    measure = _COMPARED.get(q.slot or "when")
    if measure is None or len(events) < 2:
        return ""
    lesser = q.lesser
    ordered = sorted(events, key=measure, reverse=not lesser)
    if measure(ordered[0]) == measure(ordered[1]):
        return ""
    e = ordered[0]
    key = f"ev_verdict_{q.slot or 'when'}_{'less' if lesser else 'more'}"
    return t(key, lang, title=e.title(lang), day=day(e.starts_at, lang), capacity=e.capacity, n=days_of(e))
