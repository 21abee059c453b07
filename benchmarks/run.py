"""`make bench`: speed, quality and scale of Chizi against its baselines, in one run.

Each knowledge-base size runs in its own process (so peak RSS is that size's own), and the parent
collects everything into benchmarks/results/latest.json and docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.answering import bench_size, cold_starts, serve_rss, serve_rss_in_subprocess
from benchmarks.bot import run_bot_benchmarks
from benchmarks.common import RESULTS, ROOT, WORK, versions
from benchmarks.report import write_report


def refresh_bot_and_memory() -> None:
    """Re-measure the bot and the serving memory into an existing latest.json (after a fix to either)."""
    result = json.loads((RESULTS / "latest.json").read_text())
    for part in result["sizes"]:
        base = WORK / f"size-{part['size_target']}"
        if "peak_rss_mb_whole_run" not in part:
            part["peak_rss_mb_whole_run"] = part["peak_rss_mb"]
        part["peak_rss_mb"] = serve_rss_in_subprocess(base)
        print(f"[bench]   serving {part['chunks']} chunks: peak RSS {part['peak_rss_mb']} MB", flush=True)
    result["bot"] = run_bot_benchmarks(False)
    for b in result["bot"]:
        print(
            f"[bench]   {b['users']} users (limiter {b['telegram_rate_limit']}): {b['updates_per_second']} updates/s, "
            f"p95 {b['reply_latency_ms']['p95']} ms, lost {b['updates_lost']}",
            flush=True,
        )
    write_report(result)


def one_size(size: int, quick: bool = False) -> dict[str, Any]:
    """One knowledge-base size, measured in a process of its own (so its peak RSS is its own)."""
    print(f"[bench] knowledge base of ~{size} chunks …", flush=True)
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--one-size", str(size)] + (["--quick"] if quick else []),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        sys.stderr.write(done.stderr[-4000:])
        raise SystemExit(f"benchmark at size {size} failed")
    part: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    print(
        f"[bench]   {part['chunks']} chunks: p50 {part['answer_latency_ms']['p50']} ms, "
        f"ingest {part['ingest_first']['chunks_per_second']} chunks/s, RSS {part['peak_rss_mb']} MB",
        flush=True,
    )
    return part


def add_size(size: int) -> None:
    """`make bench-100k`: one more size beside the last full run's (replacing an earlier run of it)."""
    latest = RESULTS / "latest.json"
    if not latest.exists():
        raise SystemExit("no earlier run to add to: run `make bench` first")
    result = json.loads(latest.read_text())
    part = one_size(size)
    part["when"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    result["sizes"] = sorted(
        [s for s in result["sizes"] if s["size_target"] != size] + [part], key=lambda s: s["size_target"]
    )
    write_report(result)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--quick", action="store_true", help="a smoke run of every part")
    parser.add_argument("--one-size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--serve-rss", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--refresh-bot", action="store_true", help="re-measure the bot and serving memory only"
    )
    parser.add_argument(
        "--add-size", type=int, help="measure one more size and add its rows to the last full run's report"
    )
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    import logging

    logging.basicConfig(level=logging.WARNING)
    for name in ("httpx", "bm25s", "chromadb"):
        logging.getLogger(name).setLevel(logging.WARNING)
    if args.refresh_bot:
        refresh_bot_and_memory()
        return
    if args.serve_rss:
        print(json.dumps(serve_rss(args.serve_rss)))
        return
    if args.one_size:
        print(json.dumps(bench_size(args.one_size, args.quick)))
        return
    if args.add_size:
        add_size(args.add_size)
        return
    sizes = [1000] if args.quick else [int(s) for s in args.sizes.split(",")]
    WORK.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "quick": args.quick,
        "machine": {"cores": os.cpu_count(), "platform": platform.platform()},
        "versions": versions(),
        "sizes": [],
    }
    for size in sizes:
        result["sizes"].append(one_size(size, args.quick))
    print("[bench] the bot under load …", flush=True)
    result["bot"] = run_bot_benchmarks(args.quick)
    for b in result["bot"]:
        print(
            f"[bench]   {b['users']} users: {b['updates_per_second']} updates/s, p95 {b['reply_latency_ms']['p95']} ms, "
            f"lost {b['updates_lost']}, duplicates {b['duplicates']}",
            flush=True,
        )
    print("[bench] cold starts …", flush=True)
    result["cold_start"] = cold_starts(WORK / "cold")
    print(f"[bench]   {result['cold_start']}", flush=True)
    write_report(result)
    print(f"[bench] wrote {RESULTS / ('quick.json' if args.quick else 'latest.json')}", flush=True)


if __name__ == "__main__":
    main()
