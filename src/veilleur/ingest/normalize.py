"""Text normalisation that keeps an exact map back to the text as read.

Every later stage reads the normalised text; evidence spans are mapped back through the offset map so
they can be highlighted in the original document. The map follows the "start of next character"
convention: ``offsets[i]`` is where normalised character ``i`` came from, and ``offsets[len(text)]`` is
the end of the last character kept, so ``original[offsets[i]:offsets[j]]`` is the source of
``text[i:j]`` (plus any white space or invisible characters folded away inside it).
"""

from __future__ import annotations

import unicodedata
from array import array
from collections.abc import Iterator

# Typographic quotes become their ASCII forms so patterns need only one spelling.
_APOSTROPHES = "\u2019\u2018\u201b\u02bc\u00b4`"
_DOUBLE_QUOTES = "\u00ab\u00bb\u201c\u201d\u201e\u201f\u2039\u203a"
# Non-breaking, thin and other fixed-width spaces are French typography around : ; ! ? and « ».
_SPACES = " \t\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000\x0b\x0c"
# Invisible characters: zero-width spaces/joiners, word joiner, BOM, soft hyphen.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_LINE_BREAKS = "\n\u2028\u2029\u0085"

_REPLACEMENTS: dict[str, str] = {
    **{c: "'" for c in _APOSTROPHES},
    **{c: '"' for c in _DOUBLE_QUOTES},
    **{c: " " for c in _SPACES},
    **{c: "\n" for c in _LINE_BREAKS},
}


def _segments(raw: str) -> Iterator[tuple[int, int]]:
    """Split into (start, end) runs of one starter plus its combining marks: the units NFC composes."""
    start = 0
    for i in range(1, len(raw)):
        if unicodedata.combining(raw[i]) == 0:
            yield start, i
            start = i
    if raw:
        yield start, len(raw)


def _nfc_chars(raw: str) -> Iterator[tuple[str, int, int]]:
    """NFC characters of ``raw`` with the (start, end) of the original characters each came from."""
    if unicodedata.is_normalized("NFC", raw):
        for i, ch in enumerate(raw):
            yield ch, i, i + 1
        return
    for start, end in _segments(raw):
        for ch in unicodedata.normalize("NFC", raw[start:end]):
            yield ch, start, end


def _canonical_chars(raw: str) -> Iterator[tuple[str, int, int]]:
    """NFC, replacements, invisible characters dropped and CRLF / lone CR turned into one LF."""
    for ch, start, end in _nfc_chars(raw):
        if ch in _INVISIBLE:
            continue
        if ch == "\r":
            # CRLF: the LF that follows carries the line break; a lone CR is a line break itself.
            if end < len(raw) and raw[end] == "\n":
                continue
            ch = "\n"
        yield _REPLACEMENTS.get(ch, ch), start, end


def normalise(raw: str) -> tuple[str, array[int]]:
    """Normalise ``raw`` and return ``(text, offsets)`` with ``len(offsets) == len(text) + 1``.

    NFC; typographic apostrophes and quotes to ASCII; special spaces to a plain space; invisible
    characters removed; CRLF/CR to LF; runs of spaces and tabs folded to one space, spaces at line ends
    and white space at both ends of the text dropped. Newlines are kept (paragraphs matter downstream).
    """
    chars: list[str] = []
    origins: list[int] = []
    ends: list[int] = []
    for ch, start, end in _canonical_chars(raw):
        if ch == " " and (not chars or chars[-1] in " \n"):
            continue  # fold runs of spaces, and drop spaces at the start of a line
        if ch == "\n" and chars and chars[-1] == " ":
            chars.pop()  # a space before a line break is noise
            origins.pop()
            ends.pop()
        if ch == "\n" and not chars:
            continue  # leading blank lines
        chars.append(ch)
        origins.append(start)
        ends.append(end)
    while chars and chars[-1] in " \n":
        chars.pop()
        origins.pop()
        ends.pop()
    origins.append(ends[-1] if ends else 0)
    return "".join(chars), array("q", origins)
