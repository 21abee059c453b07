"""What every benchmark shares: where it works, percentiles, memory, disk, versions."""

from __future__ import annotations

import platform
import resource
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "work"
RESULTS = ROOT / "benchmarks" / "results"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def ms(values: list[float]) -> dict[str, float]:
    return {f"p{q}": round(pct(values, q) * 1000, 2) for q in (50, 95, 99)}


def peak_rss_mb() -> float:
    """This process's own peak resident memory. Not getrusage: Linux carries ru_maxrss over exec, so a
    child started by a large process would report its parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def versions() -> dict[str, str]:
    from importlib.metadata import version

    names = [
        "chromadb",
        "langchain-core",
        "sentence-transformers",
        "torch",
        "bm25s",
        "jieba",
        "python-telegram-bot",
        "SQLAlchemy",
    ]
    return {n: version(n) for n in names} | {"python": platform.python_version()}
