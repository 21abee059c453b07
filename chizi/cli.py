"""`chizi`: the command line door to the same core the Telegram bot uses."""

from __future__ import annotations

import argparse
import atexit
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

from chizi.settings import Settings, SettingsError, load_settings
from retrieval.index import IndexError_
from retrieval.knowledge import KnowledgeError


def _quiet_libraries() -> None:
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    from chizi import logs

    logs.configure(logging.WARNING)


def _assistant(settings: Settings, *, build: bool = True, registry: bool = False) -> Any:
    from chizi.assistant import Assistant

    assistant = Assistant(settings)
    atexit.register(assistant.close)  # the vector store clients, whichever command ends and however
    if registry:
        # Seats left, the chat's last question and the catalogue come from the database the bot uses.
        from chizi.conversations import SqlConversations

        reg = _registry(settings)
        assistant.use_registry(reg.seats, SqlConversations(reg.engine), catalogue=reg)
    if build and not assistant.has_index():
        print("No index yet: building it from the knowledge folder…", file=sys.stderr)
        report = assistant.ensure_index()
        if report:
            print(f"Indexed {report.chunks} chunks from {report.documents} documents.", file=sys.stderr)
    return assistant


def _registry(settings: Settings) -> Any:
    from chizi.services import open_registry

    registry = open_registry(settings)
    atexit.register(registry.engine.dispose)
    return registry


def _serve(
    settings: Settings, application: Any, services: Any, *, listen: str, port: int, console: bool
) -> None:
    """One HTTP server: health, metrics, the webhook when CHIZI_WEBHOOK_URL is set, the console if asked."""
    import asyncio

    from chizi.services import health_checks
    from web.auth import session_secret
    from web.console import Console
    from web.server import serve_forever

    if application is not None and settings.webhook_url and settings.webhook_secret is None:
        raise SettingsError("CHIZI_WEBHOOK_SECRET must be set together with CHIZI_WEBHOOK_URL")
    key = settings.console_secret.get_secret_value() if settings.console_secret else None
    asyncio.run(
        serve_forever(
            application,
            listen=listen,
            port=port,
            public_url=settings.webhook_url,
            secret=settings.webhook_secret.get_secret_value() if settings.webhook_secret else None,
            checks=health_checks(services.registry, services.assistant),
            console=Console(services) if console else None,
            session_secret=session_secret(key, settings.data_dir) if console else None,
            secure_cookies=settings.console_secure_cookies,
        )
    )


def cmd_ingest(settings: Settings, args: argparse.Namespace) -> int:
    # events.yaml is imported into the database too: it seeds the catalogue the console edits.
    assistant = _assistant(settings, build=False, registry=True)
    report = assistant.ingest(paths=args.paths, forget=args.forget, show_progress=True)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
    elif report.changed:
        print(
            f"Indexed generation {report.generation}: {report.chunks} chunks from {report.documents} documents "
            f"({report.added} embedded, {report.deleted} removed, {report.skipped} unchanged) "
            f"in {report.seconds:.1f}s."
        )
    else:
        print(
            f"Nothing changed since generation {report.generation}; no embedding work done ({report.seconds:.2f}s)."
        )
    return 0


def cmd_ask(settings: Settings, args: argparse.Namespace) -> int:
    assistant = _assistant(settings, registry=True)
    for question in args.questions:
        answer = assistant.answer(question, chat="cli-ask")
        if args.json:
            print(json.dumps(answer.as_json(), ensure_ascii=False), flush=True)
        else:
            print(answer.render(), end="\n\n", flush=True)
    return 0


def cmd_chat(settings: Settings, args: argparse.Namespace) -> int:
    from chizi.console import chat

    return chat(settings, _assistant(settings, registry=True))


def cmd_eval(settings: Settings, args: argparse.Namespace) -> int:
    from chizi.evaluate import run_eval

    report = run_eval(
        _assistant(settings),
        Path(args.questions),
        fusions=args.compare,
        split=args.split,
        show_wrong=args.show_wrong,
    )
    out = Path(args.report or settings.data_dir / "eval.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1))
    print(f"\nReport written to {out}")
    return 0


def cmd_run(settings: Settings, args: argparse.Namespace) -> int:
    if settings.telegram_bot_token is None:
        print("TELEGRAM_BOT_TOKEN is not set: starting the console chat instead.", file=sys.stderr)
        return cmd_chat(settings, args)
    from bot.app import build_application, run_polling
    from chizi.services import Services

    # What operators need (start, reminders sent, exports and who made them) is logged at INFO.
    logging.getLogger("chizi").setLevel(logging.INFO)
    if not settings.webhook_url:
        run_polling(settings, _assistant(settings))
        return 0
    services = Services.open(settings, _assistant(settings))
    application = build_application(settings, services.assistant, services.registry)
    _serve(
        settings,
        application,
        services,
        listen=settings.webhook_listen,
        port=settings.webhook_port,
        console=False,
    )
    return 0


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    """The console on CHIZI_WEB_PORT; with a bot token the bot too, in the same process: on the same port
    by webhook when CHIZI_WEBHOOK_URL is set, else by polling."""
    from chizi.services import Services

    logging.getLogger("chizi").setLevel(logging.INFO)
    services = Services.open(settings, _assistant(settings))
    if not services.organisers.names():
        print(
            "No organiser account yet: create one with `chizi organisers add NAME --password-stdin`.",
            file=sys.stderr,
        )
    application = None
    if settings.telegram_bot_token is not None:
        from bot.app import build_application

        application = build_application(settings, services.assistant, services.registry)
    print(f"Console on http://{settings.web_listen}:{settings.web_port}/", file=sys.stderr)
    _serve(settings, application, services, listen=settings.web_listen, port=settings.web_port, console=True)
    return 0


def _organisers(settings: Settings) -> Any:
    from chizi.organisers import Organisers

    return Organisers(_registry(settings).engine)


def cmd_organisers(settings: Settings, args: argparse.Namespace) -> int:
    from chizi.organisers import AccountError

    accounts = _organisers(settings)
    if args.action == "list":
        for name, created in accounts.names():
            print(f"{name}\tcreated {created:%Y-%m-%d %H:%M} UTC")
        return 0
    if not args.name:
        print(f"chizi organisers {args.action}: give the organiser's NAME", file=sys.stderr)
        return 2
    if args.action == "remove":
        if not accounts.remove(args.name):
            print(f"chizi: no organiser named {args.name!r}", file=sys.stderr)
            return 1
        print(f"Removed {args.name}; their sessions end at their next request.")
        return 0
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        import getpass

        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            print("chizi: the passwords differ", file=sys.stderr)
            return 1
    try:
        accounts.add(args.name, password)
    except AccountError as exc:
        print(f"chizi: {exc}", file=sys.stderr)
        return 1
    print(f"Organiser {args.name} added; sign in at the console (chizi serve).")
    return 0


def cmd_events(settings: Settings, args: argparse.Namespace) -> int:
    """Write the catalogue the database holds (console edits included) in events.yaml's shape."""
    import yaml

    entries = []
    for event, status, _origin in _registry(settings).all_events():
        if status in ("cancelled", "withdrawn"):
            continue
        data = {k: v for k, v in event.model_dump(mode="json").items() if v not in (None, [], "open")}
        for key in ("start", "end", "registration_deadline"):
            data[key] = str(data[key])[:16]
        entries.append(data)
    text = yaml.safe_dump({"events": entries}, allow_unicode=True, sort_keys=False, width=120)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"Wrote {len(entries)} events to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="chizi", description="Chizi, the assistant of the 赤子计划.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ingest", help="build or update the index from the knowledge folder and given files")
    p.add_argument("paths", nargs="*", type=Path, help=".md/.txt/.html/.pdf files or folders to add")
    p.add_argument("--forget", nargs="*", type=Path, default=[], help="stop indexing these files")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=cmd_ingest)
    p = sub.add_parser("ask", help="answer one or more questions")
    p.add_argument("questions", nargs="+")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(func=cmd_ask)
    p = sub.add_parser("chat", help="interactive console chat")
    p.set_defaults(func=cmd_chat)
    p = sub.add_parser("eval", help="score the question set: tune and locked parts, per language and kind")
    p.add_argument("--questions", default="evals/questions.yaml")
    p.add_argument("--split", choices=["all", "tune", "locked"], default="all", help="which part to answer")
    p.add_argument(
        "--show-wrong",
        choices=["tune", "locked", "all"],
        default="tune",
        help="list the wrong replies of this part (default: tune only, so nobody tunes on the locked part)",
    )
    p.add_argument("--report", default=None, help="where to write the JSON report (default var/eval.json)")
    p.add_argument(
        "--compare", action="store_true", help="also score dense-only, BM25-only and linear fusion"
    )
    p.set_defaults(func=cmd_eval)
    p = sub.add_parser(
        "run", help="start the assistant: Telegram when TELEGRAM_BOT_TOKEN is set, else the console"
    )
    p.set_defaults(func=cmd_run)
    p = sub.add_parser(
        "serve", help="the organisers' web console (and the bot, when TELEGRAM_BOT_TOKEN is set)"
    )
    p.set_defaults(func=cmd_serve)
    p = sub.add_parser("organisers", help="console accounts: add NAME, list, remove NAME")
    p.add_argument("action", choices=["add", "list", "remove"])
    p.add_argument("name", nargs="?")
    p.add_argument(
        "--password-stdin", action="store_true", help="read the password from the first line of stdin"
    )
    p.set_defaults(func=cmd_organisers)
    p = sub.add_parser("events", help="export: write the catalogue in the database as events.yaml")
    p.add_argument("action", choices=["export"])
    p.add_argument("--out", default=None, help="file to write (default: standard output)")
    p.set_defaults(func=cmd_events)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _quiet_libraries()
    try:
        settings = load_settings()
        return int(args.func(settings, args))
    except SettingsError as exc:
        print(f"chizi: {exc}", file=sys.stderr)
        return 2
    except (KnowledgeError, IndexError_) as exc:
        print(f"chizi: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
