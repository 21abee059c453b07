"""Draw the tune/locked split once: a question's split is fixed by a hash of its text, never by its results.

Run after adding questions: `python evals/split.py`. Questions that already have a split keep it, so
the locked part never changes under anybody's feet; new ones are assigned by the same hash rule.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

LOCKED_SHARE = 42  # percent of new questions that go to the locked part

FILE = Path(__file__).with_name("questions.yaml")


def split_of(question: str) -> str:
    digest = int(hashlib.sha256(question.encode("utf-8")).hexdigest(), 16)
    return "locked" if digest % 100 < LOCKED_SHARE else "tune"


def main() -> int:
    out = []
    changed = 0
    for line in FILE.read_text(encoding="utf-8").splitlines():
        m = re.match(r'^(\s*- \{q: ")((?:[^"\\]|\\.)*)(".*?)(, split: \w+)?\}\s*$', line)
        if m and not m.group(4):
            line = f"{m.group(1)}{m.group(2)}{m.group(3)}, split: {split_of(m.group(2))}}}"
            changed += 1
        out.append(line)
    FILE.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{changed} questions assigned a split", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
