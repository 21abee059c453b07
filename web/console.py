"""The organisers' console: events, registrations, questions, broadcasts and charts, in Chinese or English.

A door like the bot: it parses the request, calls the registry and the assistant, renders a page. Every
database call runs in a worker thread, so a console page never stalls the Telegram updates served by the
same process."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from chizi.catalogue import FIELD_LABELS, Event, field_label
from chizi.registry import Promotion, Refused
from chizi.services import Services
from chizi.texts import broadcast_message, t
from chizi.timezones import COMMON
from web import charts
from web.auth import checked_form, csrf_token, data, organiser, page, safe_next

HERE = Path(__file__).parent
R = TypeVar("R")
LOGIN_FAILURE_DELAY = 0.5  # seconds added to every failed login, on top of the account's lock
EVENT_TEXT_FIELDS = (
    "id",
    "title_zh",
    "title_en",
    "province",
    "city",
    "start",
    "end",
    "timezone",
    "registration_deadline",
    "capacity",
    "format",
    "description_zh",
    "description_en",
    "contact",
    "venue",
    "join_url",
    "aliases",
)


def language(request: Request) -> str:
    chosen = request.session.get("lang")
    if chosen in ("zh", "en"):
        return str(chosen)
    accept = request.headers.get("accept-language", "")
    return "zh" if accept.lower().startswith("zh") else "en"


class Console:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.registry = services.registry
        self.templates = Environment(
            loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"])
        )

    # --- helpers ---------------------------------------------------------------------------------
    async def call(self, fn: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        return await run_in_threadpool(fn, *args, **kwargs)

    def known(self, name: str | None) -> bool:
        return bool(name) and self.services.organisers.exists(str(name))

    def render(self, request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        lang = language(request)
        html = self.templates.get_template(template).render(
            t=lambda key, **kw: t(key, lang, **kw),
            lang=lang,
            me=organiser(request),
            csrf=csrf_token(request),
            path=request.url.path,
            query=request.url.query,
            **context,
        )
        return HTMLResponse(html, status_code=status)

    def not_found(self, request: Request) -> HTMLResponse:
        return self.not_found(request)

    def refused(self, request: Request, refused: Refused) -> HTMLResponse:
        message = t("c_refused", language(request), reason=refused.reason)
        return self.render(request, "message.html", status=409, message=message)

    def forbidden(self, request: Request) -> HTMLResponse:
        return self.render(request, "message.html", status=403, message=t("c_csrf", language(request)))

    def now(self) -> dt.datetime:
        return self.registry.clock()

    async def changed(self) -> None:
        """Answers and cards in this process use the change at once; other workers within seconds."""
        await self.call(self.services.assistant.refresh_catalogue)

    async def audit(self, request: Request, action: str, target: str = "") -> None:
        await self.call(self.services.organisers.audit, organiser(request) or "?", action, target)

    async def tell(self, request: Request, event: Event, key: str, people: list[tuple[int, str]]) -> None:
        """A message to people on Telegram, sent by whichever worker runs the bot (a broadcast)."""
        if not people:
            return
        texts = {lang: t(key, lang, title=event.title(lang), contact=event.contact) for lang in ("zh", "en")}
        await self.call(
            self.registry.start_broadcast,
            None,
            event.id,
            texts["zh"],
            texts["en"],
            people,
            organiser(request),
        )

    async def tell_promoted(self, request: Request, event: Event, promotions: list[Promotion]) -> None:
        await self.tell(request, event, "c_promoted_msg", [(p.user_id, p.language) for p in promotions])

    def event(self, event_id: str) -> Event | None:
        return next((e for e, _, _ in self.registry.all_events() if e.id == event_id), None)

    def state(self, event: Event, status: str) -> str:
        if status == "withdrawn":
            return status
        return event.model_copy(update={"status": status}).state(self.now())

    # --- sign in ---------------------------------------------------------------------------------
    async def login_page(self, request: Request) -> Response:
        return self.render(request, "login.html", next=safe_next(request.query_params.get("next")))

    async def login(self, request: Request) -> Response:
        form = await checked_form(request)
        if form is None:
            return self.forbidden(request)
        name, password = str(form.get("name", "")).strip(), str(form.get("password", ""))
        target = safe_next(str(form.get("next", "/")))
        result = await self.call(self.services.organisers.login, name, password)
        if not result.ok:
            await asyncio.sleep(LOGIN_FAILURE_DELAY)
            await self.call(self.services.organisers.audit, name[:64] or "?", "login_failed")
            lang = language(request)
            error = (
                t("c_locked", lang, minutes=max(1, round(result.locked_for.total_seconds() / 60)))
                if result.locked_for
                else t("c_bad_login", lang)
            )
            return self.render(request, "login.html", status=401, error=error, next=target, name=name)
        chosen = request.session.get("lang")
        request.session.clear()  # a new session on sign-in: nothing planted before it survives
        request.session.update({"organiser": name, "lang": chosen} if chosen else {"organiser": name})
        await self.audit(request, "login")
        return RedirectResponse(target, status_code=303)

    async def logout(self, request: Request) -> Response:
        form = await checked_form(request)
        if form is None:
            return self.forbidden(request)
        request.session.clear()
        return RedirectResponse("/login", status_code=303)

    async def switch_language(self, request: Request) -> Response:
        lang = request.path_params["lang"]
        if lang in ("zh", "en"):
            request.session["lang"] = lang
        return RedirectResponse(safe_next(request.query_params.get("next")), status_code=303)

    # --- overview and charts ----------------------------------------------------------------------
    @page
    async def dashboard(self, request: Request) -> Response:
        lang = language(request)
        now = self.now()
        events = [e for e in await self.call(self.registry.catalogue) if e.ends_at > now]
        seats = await self.call(self.registry.seats, [e.id for e in events])
        since = (now - dt.timedelta(days=29)).replace(hour=0, minute=0, second=0, microsecond=0)
        per_day = await self.call(self.registry.signups_per_day, since)
        by_field = await self.call(self.registry.registrants_by_field)
        weeks = await self.call(self.registry.questions_per_week, now - dt.timedelta(weeks=12))
        titled = {e.id: short(e.title(lang)) for e in events}
        busy = [i for i in per_day if i in titled] + [i for i in per_day if i not in titled]
        signups = charts.stacked_columns(
            [
                (f"{d:%m-%d}", [float(per_day[i].get(d, 0)) for i in busy])
                for d in charts.days(since.date(), now.date())
            ],
            [titled.get(i, i) for i in busy],
            t("c_chart_signups", lang),
        )
        filled = charts.hbars(
            [(titled[e.id], float(e.capacity - seats[e.id][0]), float(e.capacity)) for e in events],
            t("c_chart_seats", lang),
        )
        fields = charts.hbars([(f, float(n), None) for f, n in by_field[:10]], t("c_chart_fields", lang))
        questions = charts.stacked_columns(
            [(f"{w:%m-%d}", [float(a), float(d)]) for w, a, d in weeks],
            [t("c_answered", lang), t("c_declined", lang)],
            t("c_chart_questions", lang),
            colours=("#229954", "#c0392b"),
        )
        return self.render(
            request, "dashboard.html", signups=signups, filled=filled, fields=fields, questions=questions
        )

    # --- events ----------------------------------------------------------------------------------
    @page
    async def events(self, request: Request) -> Response:
        rows = await self.call(self.registry.all_events)
        seats = await self.call(self.registry.seats, [e.id for e, _, _ in rows])
        listing = [
            {"event": e, "state": self.state(e, status), "left": seats[e.id][0], "waiting": seats[e.id][1]}
            for e, status, _ in rows
        ]
        return self.render(request, "events.html", events=listing, notice=request.query_params.get("notice"))

    @page
    async def new_event_page(self, request: Request) -> Response:
        return self.render(
            request, "event_form.html", creating=True, values={"timezone": "Asia/Shanghai"}, **form_choices()
        )

    @page
    async def edit_event_page(self, request: Request) -> Response:
        event = await self.call(self.event, request.path_params["event_id"])
        if event is None:
            return self.not_found(request)
        return self.render(
            request, "event_form.html", creating=False, values=form_values(event), **form_choices()
        )

    @page
    async def save_event(self, request: Request) -> Response:
        form = await checked_form(request)
        if form is None:
            return self.forbidden(request)
        creating = "event_id" not in request.path_params
        values: dict[str, Any] = {k: str(form.get(k, "")).strip() for k in EVENT_TEXT_FIELDS}
        values["fields"] = [str(f) for f in form.getlist("fields")]
        if not creating:
            values["id"] = request.path_params["event_id"]
        event, errors = parse_event(values)
        if event is None:
            return self.render(
                request,
                "event_form.html",
                status=400,
                creating=creating,
                values=values,
                errors=errors,
                **form_choices(),
            )
        try:
            promotions = await self.call(self.registry.save_event, event, create=creating)
        except Refused as refused:
            errors = {"id" if refused.reason == "exists" else "capacity": refused.reason}
            return self.render(
                request,
                "event_form.html",
                status=400,
                creating=creating,
                values=values,
                errors=errors,
                **form_choices(),
            )
        await self.audit(request, "create_event" if creating else "edit_event", event.id)
        await self.tell_promoted(request, event, promotions)
        await self.changed()
        return RedirectResponse(f"/events/{event.id}", status_code=303)

    @page
    async def event_action(self, request: Request) -> Response:
        form = await checked_form(request)
        if form is None:
            return self.forbidden(request)
        event_id, action = request.path_params["event_id"], request.path_params["action"]
        event = await self.call(self.event, event_id)
        if event is None:
            return self.not_found(request)
        try:
            if action == "close":
                await self.call(self.registry.set_event_status, event_id, "closed")
            elif action == "reopen":
                await self.call(self.registry.set_event_status, event_id, "open")
            elif action == "cancel":
                if form.get("confirm") != "yes":
                    return RedirectResponse(f"/events/{event_id}", status_code=303)
                told = await self.call(self.registry.cancel_event, event_id)
                await self.tell(request, event, "c_cancelled_msg", told)
            else:
                return self.not_found(request)
        except Refused as refused:
            return self.refused(request, refused)
        await self.audit(request, f"{action}_event", event_id)
        await self.changed()
        return RedirectResponse(f"/events/{event_id}", status_code=303)

    # --- registrations ---------------------------------------------------------------------------
    @page
    async def event_page(self, request: Request) -> Response:
        event_id = request.path_params["event_id"]
        found = [(e, st) for e, st, _ in await self.call(self.registry.all_events) if e.id == event_id]
        if not found:
            return self.not_found(request)
        event, status = found[0]
        q = request.query_params
        sort, descending = q.get("sort", "created_at"), q.get("desc") == "1"
        rows = await self.call(
            self.registry.registration_rows,
            event_id,
            search=q.get("q", ""),
            status=q.get("status", ""),
            sort=sort,
            descending=descending,
        )
        left, waiting = (await self.call(self.registry.seats, [event_id]))[event_id]

        def sort_link(column: str) -> str:
            flip = "0" if (sort == column and descending) else "1" if sort == column else "0"
            return "?" + urlencode({**dict(q), "sort": column, "desc": flip})

        return self.render(
            request,
            "event.html",
            event=event,
            state=self.state(event, status),
            rows=rows,
            left=left,
            waiting=waiting,
            search=q.get("q", ""),
            status_filter=q.get("status", ""),
            sort_link=sort_link,
        )

    @page
    async def registration_action(self, request: Request) -> Response:
        form = await checked_form(request)
        if form is None:
            return self.forbidden(request)
        event_id, action = request.path_params["event_id"], request.path_params["action"]
        registration_id = int(request.path_params["registration_id"])
        event = await self.call(self.event, event_id)
        if event is None:
            return self.not_found(request)
        try:  # an id from another event's table is refused by the registry
            if action == "promote":
                promoted = await self.call(self.registry.promote_registration, event_id, registration_id)
                await self.tell_promoted(request, event, [promoted])
            elif action in ("attended", "absent"):
                await self.call(self.registry.set_attended, event_id, registration_id, action == "attended")
            else:
                return self.not_found(request)
        except Refused as refused:
            return self.refused(request, refused)
        await self.audit(request, action, f"{event_id} #{registration_id}")
        return RedirectResponse(f"/events/{event_id}", status_code=303)

    @data
    async def export(self, request: Request) -> Response:
        event_id, kind = request.path_params["event_id"], request.path_params["kind"]
        if kind not in ("csv", "xlsx"):
            return PlainTextResponse("unknown format", status_code=404)
        catalogue = [e for e, _, _ in await self.call(self.registry.all_events)]
        if event_id not in {e.id for e in catalogue}:
            return PlainTextResponse("unknown event", status_code=404)
        make = self.registry.export_csv if kind == "csv" else self.registry.export_xlsx
        body = await self.call(make, event_id, catalogue, language(request))
        await self.audit(request, f"export_{kind}", event_id)
        media = (
            "text/csv; charset=utf-8"
            if kind == "csv"
            else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        return Response(
            body,
            media_type=media,
            headers={"Content-Disposition": f'attachment; filename="registrations-{event_id}.{kind}"'},
        )

    # --- questions -------------------------------------------------------------------------------
    @page
    async def questions(self, request: Request) -> Response:
        queue = await self.call(self.registry.question_queue)
        return self.render(request, "questions.html", queue=queue, done=request.query_params.get("done"))

    @page
    async def answer_question(self, request: Request) -> Response:
        form = await checked_form(request)
        if form is None:
            return self.forbidden(request)
        question_id = int(request.path_params["question_id"])
        try:
            entry = await self.call(
                self.registry.answer_question,
                question_id,
                str(form.get("answer_zh", "")),
                str(form.get("answer_en", "")),
                organiser(request) or "?",
                str(form.get("published_as", "")),
            )
        except ValueError as exc:
            return self.render(request, "message.html", status=400, message=str(exc))
        await self.audit(request, "answer_question", f"faq console-{entry}")
        await self.changed()
        return RedirectResponse("/questions?done=1", status_code=303)

    # --- broadcasts ------------------------------------------------------------------------------
    @page
    async def broadcasts(self, request: Request) -> Response:
        events = await self.call(self.registry.catalogue)
        recent = await self.call(self.registry.recent_broadcasts)
        return self.render(request, "broadcasts.html", events=events, recent=recent, values={})

    async def _audience(self, form: FormData) -> tuple[Event | None, list[tuple[int, str]]]:
        event = await self.call(self.event, str(form.get("event_id", "")))
        if event is None:
            return None, []
        if form.get("audience") == "subscribers":
            people = await self.call(self.registry.subscribers_for, event.region("en"), event.fields)
        else:
            people = await self.call(self.registry.registrants, event.id)
        return event, people

    @page
    async def broadcast_preview(self, request: Request) -> Response:
        form = await checked_form(request)
        if form is None:
            return self.forbidden(request)
        event, people = await self._audience(form)
        text_zh, text_en = str(form.get("text_zh", "")).strip(), str(form.get("text_en", "")).strip()
        if event is None or not text_zh:
            events = await self.call(self.registry.catalogue)
            recent = await self.call(self.registry.recent_broadcasts)
            return self.render(
                request,
                "broadcasts.html",
                status=400,
                events=events,
                recent=recent,
                values=dict(form),
                missing=True,
            )
        texts = {"text_zh": text_zh, "text_en": text_en}
        previews = {lang: broadcast_message(event, lang, texts) for lang in ("zh", "en")}
        return self.render(
            request,
            "broadcast_preview.html",
            event=event,
            people=len(people),
            previews=previews,
            values=dict(form),
        )

    @page
    async def broadcast_send(self, request: Request) -> Response:
        form = await checked_form(request)
        if form is None:
            return self.forbidden(request)
        event, people = await self._audience(form)
        text_zh, text_en = str(form.get("text_zh", "")).strip(), str(form.get("text_en", "")).strip()
        if event is None or not text_zh:
            return RedirectResponse("/broadcasts", status_code=303)
        broadcast_id = await self.call(
            self.registry.start_broadcast,
            None,
            event.id,
            text_zh,
            text_en or None,
            people,
            organiser(request),
        )
        await self.audit(request, "broadcast", f"{event.id} ({form.get('audience')}, {len(people)})")
        return RedirectResponse(f"/broadcasts/{broadcast_id}", status_code=303)

    @page
    async def broadcast_page(self, request: Request) -> Response:
        progress = await self.call(self.registry.broadcast_progress, int(request.path_params["broadcast_id"]))
        if progress is None:
            return self.not_found(request)
        return self.render(request, "broadcast.html", b=progress)

    # --- audit -----------------------------------------------------------------------------------
    @page
    async def audit_page(self, request: Request) -> Response:
        return self.render(request, "audit.html", entries=await self.call(self.services.organisers.audit_log))

    def routes(self) -> list[Route | Mount]:
        number = "{registration_id:int}"
        return [
            Route("/", self.dashboard),
            Route("/login", self.login_page, methods=["GET"]),
            Route("/login", self.login, methods=["POST"]),
            Route("/logout", self.logout, methods=["POST"]),
            Route("/lang/{lang}", self.switch_language),
            Route("/events", self.events),
            Route("/events/new", self.new_event_page, methods=["GET"]),
            Route("/events/new", self.save_event, methods=["POST"]),
            Route("/events/{event_id}", self.event_page),
            Route("/events/{event_id}/edit", self.edit_event_page, methods=["GET"]),
            Route("/events/{event_id}/edit", self.save_event, methods=["POST"]),
            Route("/events/{event_id}/{action:str}", self.event_action, methods=["POST"]),
            Route("/events/{event_id}/registrations.{kind}", self.export, methods=["GET"]),
            Route(
                f"/events/{{event_id}}/registrations/{number}/{{action}}",
                self.registration_action,
                methods=["POST"],
            ),
            Route("/questions", self.questions),
            Route("/questions/{question_id:int}/answer", self.answer_question, methods=["POST"]),
            Route("/broadcasts", self.broadcasts),
            Route("/broadcasts/preview", self.broadcast_preview, methods=["POST"]),
            Route("/broadcasts/send", self.broadcast_send, methods=["POST"]),
            Route("/broadcasts/{broadcast_id:int}", self.broadcast_page),
            Route("/audit", self.audit_page),
            Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        ]


def short(title: str) -> str:
    return re.sub(r"^20\d\d\s*", "", title)[:24]


def form_choices() -> dict[str, Any]:
    return {
        "field_ids": list(FIELD_LABELS),
        "field_label": field_label,
        "zones": sorted({"Asia/Shanghai", *COMMON}),
        "formats": ("in_person", "online", "hybrid"),
    }


def form_values(event: Event) -> dict[str, Any]:
    values: dict[str, Any] = event.model_dump(mode="json")
    for key in ("start", "end", "registration_deadline"):
        values[key] = str(values[key])[:16]
    values["aliases"] = ", ".join(event.aliases)
    values["venue"] = event.venue or ""
    values["join_url"] = event.join_url or ""
    return values


def parse_event(values: dict[str, Any]) -> tuple[Event | None, dict[str, str]]:
    """The form as a catalogue event, or the reasons it is not one, by field."""
    data: dict[str, Any] = {k: v for k, v in values.items() if k not in ("aliases", "venue", "join_url")}
    data["aliases"] = [a.strip() for a in re.split(r"[,，、]", str(values.get("aliases", ""))) if a.strip()]
    data["venue"] = values.get("venue") or None
    data["join_url"] = values.get("join_url") or None
    try:
        return Event.model_validate(data), {}
    except ValidationError as exc:
        errors: dict[str, str] = {}
        for err in exc.errors():
            where = str(err["loc"][0]) if err["loc"] else "form"
            errors.setdefault(where, str(err["msg"]).removeprefix("Value error, "))
        return None, errors
