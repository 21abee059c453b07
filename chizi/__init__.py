"""Chizi: the bilingual assistant of the 赤子计划 (Overseas Scholars Serve-the-Country Action Plan)."""

__version__ = "0.1.0"
