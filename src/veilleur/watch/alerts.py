"""Alert rules evaluated on newly stored events; an alert fires once per rule and event cluster.

Actions: a JSON line in the alerts log, a row in the store (the dashboard's and the API's alerts view),
and a webhook POST when the rule names one. A webhook that fails is reported, never fatal.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from veilleur.records import Event, great_circle_km
from veilleur.watch.config import Rule

WEBHOOK_TIMEOUT = 5.0


def matches(rule: Rule, event: Event) -> bool:
    """Does the event meet the rule (all of its conditions, or any with ``match = "any"``)?"""
    tests: dict[str, Callable[[], bool]] = {
        "admin1": lambda: event.admin1.casefold() == rule.admin1.casefold(),
        "fatalities_min": lambda: rule.fatalities_min is not None and event.fatalities >= rule.fatalities_min,
        "actor": lambda: any(rule.actor.casefold() in name.casefold()
                             for name in (event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2)),
        "event_type": lambda: rule.event_type.casefold() in (event.event_type.casefold(),
                                                               event.sub_event_type.casefold()),
        "near": lambda: rule.near is not None and event.latitude is not None and event.longitude is not None
        and great_circle_km(rule.near[0], rule.near[1], event.latitude, event.longitude) <= rule.radius_km,
    }
    results = (tests[name]() for name in rule.conditions)
    return any(results) if rule.match == "any" else all(results)


def payload(rule: Rule, event: Event, cluster_id: str, outlets: list[str]) -> dict[str, Any]:
    """What an alert says: the rule, the event, the outlets that reported it, the evidence."""
    quoted = event.evidence.get("sentence") or event.evidence.get("trigger") or []
    return {
        "rule": rule.name, "cluster_id": cluster_id, "event_id": event.id,
        "event": {k: v for k, v in event.to_dict().items() if k not in ("evidence_spans", "loaded_terms")},
        "outlets": outlets, "evidence": [span.text for span in quoted],
    }


@dataclass
class AlertLog:
    """Where fired alerts go besides the store: a JSON Lines file and the rules' webhooks."""

    path: Path | None = None
    timeout: float = WEBHOOK_TIMEOUT

    def deliver(self, rule: Rule, body: dict[str, Any]) -> str:
        """Log the alert and POST it to the rule's webhook; returns a problem to report, or ""."""
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as log:
                log.write(json.dumps(body, ensure_ascii=False) + "\n")
        if not rule.webhook:
            return ""
        try:
            answer = httpx.post(rule.webhook, json=body, timeout=self.timeout)
        except httpx.HTTPError as exc:
            return f"webhook {rule.webhook}: {type(exc).__name__}"
        return "" if answer.status_code < 400 else f"webhook {rule.webhook}: HTTP {answer.status_code}"
