"""Chunking that knows where Chinese and Western sentences end."""

from __future__ import annotations

from langchain_text_splitters import RecursiveCharacterTextSplitter

# Paragraphs first, then sentence ends (Chinese full-width and Western), then clauses, then anything.
SEPARATORS = ["\n\n", "\n", "。", "！", "？", "；", ". ", "! ", "? ", "; ", "，", ", ", " ", ""]


def make_splitter(chunk_size: int = 360, chunk_overlap: int = 40) -> RecursiveCharacterTextSplitter:
    # keep_separator="end" keeps 。 with the sentence it closes, so citations quote whole sentences.
    return RecursiveCharacterTextSplitter(
        separators=SEPARATORS,
        keep_separator="end",
        chunk_size=chunk_size,
        chunk_overlap=chunk_overlap,
        strip_whitespace=True,
    )
