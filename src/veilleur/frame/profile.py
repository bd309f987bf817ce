"""How each outlet frames what it reports: loaded terms per outlet, by side and family."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

UNKNOWN_OUTLET = "unknown"


def _dominant(by_side: Counter[str]) -> str | None:
    """The side whose vocabulary is used most (ties broken by name); None without loaded terms."""
    if not by_side:
        return None
    return sorted(by_side.items(), key=lambda item: (-item[1], item[0]))[0][0]


def framing_profile(events: Iterable[Any]) -> dict[str, dict[str, Any]]:
    """Per outlet (``event.source_outlet``): events, loaded terms by side and family, density, dominant side.

    ``density`` is loaded terms per event. Events with no outlet are counted under ``"unknown"``.
    """
    counts: dict[str, int] = Counter()
    sides: dict[str, Counter[str]] = {}
    families: dict[str, Counter[str]] = {}
    for event in events:
        outlet = event.source_outlet or UNKNOWN_OUTLET
        counts[outlet] += 1
        side_counter = sides.setdefault(outlet, Counter())
        family_counter = families.setdefault(outlet, Counter())
        for term in event.loaded_terms:
            side_counter[term.side] += 1
            family_counter[term.family] += 1
    profile: dict[str, dict[str, Any]] = {}
    for outlet, n_events in counts.items():
        total = sum(sides[outlet].values())
        profile[outlet] = {
            "events": n_events,
            "loaded_terms": total,
            "by_side": dict(sides[outlet]),
            "by_family": dict(families[outlet]),
            "density": total / n_events if n_events else 0.0,
            "dominant_side": _dominant(sides[outlet]),
        }
    return profile
