"""`make scale-test`: two `chizi run` webhook workers behind nginx, sharing PostgreSQL, a Chroma server
and Redis, driven through the fake Bot API; one worker is killed (SIGKILL) halfway.

Users' updates alternate between the workers mid-registration (nginx round-robin). The last line is
`scale-test: N updates, L lost, D duplicated, R reminders sent once of T`; it skips with a reason when
nginx, Redis, PostgreSQL or the chroma command is missing."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "work" / "scale"
PG_ADMIN = os.environ.get("CHIZI_SCALE_PG_ADMIN", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
PG_URL = os.environ.get("CHIZI_SCALE_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/chizi_scale")
REDIS_URL = os.environ.get("CHIZI_SCALE_REDIS_URL", "redis://127.0.0.1:6379/14")
USERS = int(os.environ.get("CHIZI_SCALE_USERS", "40"))
EVENT = "scale-test-fair"
SECRET = "scale-Secret_0123456789"
BIN = Path(sys.executable).parent


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def missing() -> str | None:
    """Why the test cannot run here, or None."""
    if shutil.which("nginx") is None:
        return "nginx is not installed (apt-get install nginx)"
    if not (BIN / "chroma").exists():
        return "the chroma command is not installed"
    try:
        import redis

        redis.Redis.from_url(REDIS_URL).ping()
    except Exception as exc:
        return f"no Redis at {REDIS_URL} ({exc.__class__.__name__})"
    try:
        import sqlalchemy

        engine = sqlalchemy.create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql("DROP DATABASE IF EXISTS chizi_scale WITH (FORCE)")
            conn.exec_driver_sql("CREATE DATABASE chizi_scale")
        engine.dispose()
    except Exception as exc:
        return f"no PostgreSQL at {PG_ADMIN} ({exc.__class__.__name__})"
    return None


def nginx_conf(work: Path, port: int, workers: list[int]) -> Path:
    servers = "\n".join(f"        server 127.0.0.1:{w} max_fails=1 fail_timeout=30s;" for w in workers)
    conf = work / "nginx.conf"
    conf.write_text(
        f"""worker_processes 1;
daemon off;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
events {{ worker_connections 512; }}
http {{
    access_log off;
    client_body_temp_path {work}/nginx-body;
    proxy_temp_path {work}/nginx-proxy;
    fastcgi_temp_path {work}/nginx-fastcgi;
    uwsgi_temp_path {work}/nginx-uwsgi;
    scgi_temp_path {work}/nginx-scgi;
    upstream chizi {{
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://chizi;
            # A worker that dies mid-request: the update goes to the other one (Telegram would resend it).
            proxy_next_upstream error timeout http_502 non_idempotent;
            proxy_connect_timeout 1s;
            proxy_read_timeout 60s;
        }}
    }}
}}
"""
    )
    return conf


async def wait_http(url: str, within: float = 120) -> None:
    import aiohttp

    deadline = time.monotonic() + within
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            try:
                async with session.get(url) as resp:
                    if resp.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.3)
    raise RuntimeError(f"{url} did not come up")


async def scale_test() -> str:
    sys.path.insert(0, str(ROOT))
    import sqlalchemy

    from testkit import TOKEN
    from testkit.fake_telegram import FakeTelegram
    from testkit.harness import one_event_knowledge

    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    # The workers run on the real clock: an event ten days from now, in UTC, with room for everyone.
    one_event_knowledge(
        WORK / "knowledge", EVENT, "Scale Test Fair", days_ahead=10, timezone="UTC", capacity=10_000
    )
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    procs: dict[str, subprocess.Popen[bytes]] = {}
    logs = WORK / "logs"
    logs.mkdir()

    def start(name: str, cmd: list[str], env: dict[str, str] | None = None) -> None:
        with (logs / f"{name}.log").open("ab") as out:
            procs[name] = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)

    fake = FakeTelegram(TOKEN)
    await fake.start()
    chroma_port, lb_port = free_port(), free_port()
    worker_ports = [free_port(), free_port()]
    base_env = {
        **os.environ,
        "CHIZI_DATA_DIR": str(WORK / "var"),
        "CHIZI_KNOWLEDGE_DIR": str(WORK / "knowledge"),
        "CHIZI_DATABASE_URL": PG_URL,
        "CHIZI_CHROMA_URL": f"http://127.0.0.1:{chroma_port}",
        "CHIZI_REDIS_URL": REDIS_URL,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": fake.url,
        "CHIZI_WEBHOOK_URL": f"http://127.0.0.1:{lb_port}",
        "CHIZI_WEBHOOK_SECRET": SECRET,
        "CHIZI_THROTTLE_PER_MINUTE": "1000",
    }
    try:
        start(
            "chroma", [str(BIN / "chroma"), "run", "--path", str(WORK / "chroma"), "--port", str(chroma_port)]
        )
        await wait_http(f"http://127.0.0.1:{chroma_port}/api/v2/heartbeat")
        await asyncio.to_thread(
            subprocess.run,
            [str(BIN / "chizi"), "ingest"],
            env=base_env,
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        for i, port in enumerate(worker_ports):
            start(
                f"worker{i + 1}", [str(BIN / "chizi"), "run"], {**base_env, "CHIZI_WEBHOOK_PORT": str(port)}
            )
        for port in worker_ports:
            await wait_http(f"http://127.0.0.1:{port}/healthz")
        start("nginx", ["nginx", "-p", str(WORK), "-c", str(nginx_conf(WORK, lb_port, worker_ports))])
        await wait_http(f"http://127.0.0.1:{lb_port}/healthz")

        script: list[tuple[str, str]] = [
            ("text", "/start"),
            ("press", f"r:{EVENT}"),
            ("text", "Scale Tester"),
            ("text", "Some University"),
            ("text", "Physics"),
            ("press", "rs:skip"),
            ("press", "rc:yes"),
            ("press", f"rf:{EVENT}"),
            ("text", "What is the Chizi Plan?"),
        ]
        total = USERS * len(script)
        done = 0
        lost = 0
        killed = asyncio.Event()
        missed: list[str] = []

        async def user(uid: int) -> None:
            nonlocal done, lost
            for action, payload in script:
                before = len(fake.screen(uid))
                if action == "text":
                    await fake.send_text(uid, payload)
                else:
                    await fake.press(uid, payload)
                try:
                    await fake.wait(lambda u=uid, b=before: len(fake.screen(u)) > b, within=90)
                except AssertionError:
                    lost += 1
                    missed.append(f"user {uid} step {script.index((action, payload)) + 1} ({payload})")
                done += 1
                if done >= total // 2 and not killed.is_set():
                    killed.set()
                    procs["worker1"].send_signal(signal.SIGKILL)  # mid-registration for most users

        await asyncio.gather(*(user(3_000_000 + i) for i in range(USERS)))
        # Every reminder becomes due now; the surviving worker's loop (every 30 s) sends each once.
        engine = sqlalchemy.create_engine(PG_URL)
        with engine.begin() as conn:
            conn.exec_driver_sql("UPDATE reminders SET due_at = now() - interval '1 minute'")
            reminders = int(conn.exec_driver_sql("SELECT count(*) FROM reminders").scalar() or 0)
        deadline = time.monotonic() + 75
        while time.monotonic() < deadline:
            with engine.connect() as conn:
                pending = conn.exec_driver_sql(
                    "SELECT count(*) FROM reminders WHERE sent_at IS NULL"
                ).scalar()
            if not pending:
                break
            await asyncio.sleep(1)
        await asyncio.sleep(2)
        with engine.connect() as conn:
            registrations = conn.exec_driver_sql(
                "SELECT user_id, count(*) FROM registrations WHERE status <> 'cancelled' GROUP BY user_id"
            ).all()
            sent = int(
                conn.exec_driver_sql("SELECT count(*) FROM reminders WHERE sent_at IS NOT NULL").scalar() or 0
            )
        engine.dispose()
        users = [3_000_000 + i for i in range(USERS)]
        reminder_msgs = sum(sum("Reminder" in m for m in fake.texts_to(u)) for u in users)
        confirmations = [sum(m.startswith("🎉") for m in fake.texts_to(u)) for u in users]
        duplicated = (
            sum(n - 1 for _, n in registrations if n > 1)
            + max(0, reminder_msgs - sent)
            + sum(max(0, c - 1) for c in confirmations)
        )
        registered = {u for u, _ in registrations}
        lost += sum(1 for u in users if u not in registered)
        once = min(sent, reminder_msgs)
        for line in missed:
            print(f"scale-test: no reply to {line}", flush=True)
        return f"scale-test: {total} updates, {lost} lost, {duplicated} duplicated, {once} reminders sent once of {reminders}"
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                proc.terminate()
        for proc in procs.values():
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
        await fake.stop()


def main() -> None:
    reason = missing()
    if reason:
        print(f"scale-test: skipped ({reason})")
        return
    line = asyncio.run(scale_test())
    print(line, flush=True)
    _updates, lost, duplicated, once, total = (int(w) for w in line.replace(",", " ").split() if w.isdigit())
    if lost or duplicated or once != total:
        raise SystemExit(1)  # the line above says what went wrong


if __name__ == "__main__":
    main()
