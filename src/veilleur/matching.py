"""Regex matching restricted to the places a match can begin.

A pattern whose leading alternation is costly to fail (a few dozen phrases, or a quantity phrase) pays for it
at every character of a text, though it can only begin at a few places that a cheaper test finds: a word from
a short list, the places where a looser pattern matches. :func:`finditer_at` tries it at those places only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence


def finditer_at(pattern: re.Pattern[str], text: str, starts: Sequence[int]) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` gives, when every match of ``pattern`` begins at one of ``starts``
    (ascending; places where no match begins may be among them).

    ``finditer`` tries each position from the end of the previous match on; the positions left out here are
    ones where no match begins, so trying the others in order finds the same matches. Lookbehinds see the text
    before the position tried, as in ``finditer``."""
    resume = 0
    for start in starts:
        if start < resume:
            continue
        match = pattern.match(text, start)
        if match is None:
            continue
        if match.end() == start:
            # an empty match: finditer may find a longer one at the same place next; let it go on from here
            yield from pattern.finditer(text, start)
            return
        yield match
        resume = match.end()
