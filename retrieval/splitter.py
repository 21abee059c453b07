"""Chunking that knows where Chinese and Western sentences end, and cuts a sentence only when it must."""

from __future__ import annotations

from langchain_text_splitters import RecursiveCharacterTextSplitter

# Paragraphs first, then sentence ends (Chinese full-width and Western).
SENTENCE_ENDS = ["\n\n", "\n", "。", "！", "？", "；", ". ", "! ", "? ", "; "]
# Then clauses, then anything: only for text that has no sentence end for a long way.
SEPARATORS = [*SENTENCE_ENDS, "，", ", ", " ", ""]
# A sentence longer than a chunk stays whole up to this length: a cited passage that starts mid-sentence
# ("the Tianjin tour … and the Guangdong tour") reads as if it said something of its own.
LONGEST_SENTENCE = 1000


def make_splitter(
    separators: list[str], chunk_size: int = 360, chunk_overlap: int = 40
) -> RecursiveCharacterTextSplitter:
    # keep_separator="end" keeps 。 with the sentence it closes, so citations quote whole sentences.
    return RecursiveCharacterTextSplitter(
        separators=separators,
        keep_separator="end",
        chunk_size=chunk_size,
        chunk_overlap=chunk_overlap,
        strip_whitespace=True,
    )


_BY_SENTENCE = make_splitter(SENTENCE_ENDS)
_ANYWHERE = make_splitter(SEPARATORS)


def split_text(text: str) -> list[str]:
    """Pieces of about 360 characters, cut at sentence ends; a longer sentence stays one piece unless it
    runs past LONGEST_SENTENCE, when it is cut at clauses as well."""
    pieces: list[str] = []
    for piece in _BY_SENTENCE.split_text(text):
        pieces.extend(_ANYWHERE.split_text(piece) if len(piece) > LONGEST_SENTENCE else [piece])
    return pieces
