"""Sources to watch and alert rules, read from TOML files.

A source config holds ``[[source]]`` tables::

    [[source]]
    name = "RFI Afrique"
    url = "https://www.rfi.fr/fr/afrique/rss"
    kind = "rss"            # "rss", "atom", "sitemap" or "html"
    country = "ML"          # ISO2: the outlet's country (its articles' default country of publication)
    interval = 900          # seconds between polls (default 900)
    language = "fr"
    outlet = "RFI"          # the outlet's name as the sources registry knows it (default: name)

An alert file holds ``[[rule]]`` tables; every condition given must hold (``match = "all"``, the
default) or any one of them (``match = "any"``)::

    [[rule]]
    name = "Mopti"
    admin1 = "Mopti"          # event in this admin1
    fatalities_min = 5        # at least this many killed
    actor = "JNIM"            # actor1 or actor2 contains this (case-insensitive)
    event_type = "Battles"    # event type or sub-event type
    near = [14.49, -4.19]     # within radius_km of this point (lat, lon)
    radius_km = 50
    match = "all"
    webhook = "http://127.0.0.1:9000/alerts"   # POST the alert as JSON (optional)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

KINDS = ("rss", "atom", "sitemap", "html")
DEFAULT_INTERVAL = 900


class ConfigError(ValueError):
    """A config file that cannot be used, with the reason a person can act on."""


@dataclass(frozen=True)
class Source:
    name: str
    url: str
    kind: str
    country: str = ""
    interval: int = DEFAULT_INTERVAL
    language: str = "fr"
    outlet: str = ""

    @property
    def outlet_name(self) -> str:
        return self.outlet or self.name


@dataclass(frozen=True)
class Rule:
    name: str
    admin1: str = ""
    fatalities_min: int | None = None
    actor: str = ""
    event_type: str = ""
    near: tuple[float, float] | None = None
    radius_km: float = 25.0
    match: str = "all"
    webhook: str = ""
    conditions: tuple[str, ...] = field(default_factory=tuple)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"no such file: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: unreadable ({exc})") from exc


def load_sources(path: Path) -> list[Source]:
    """The ``[[source]]`` tables of a TOML file, checked."""
    tables = _read_toml(path).get("source")
    if not isinstance(tables, list) or not tables:
        raise ConfigError(f"{path}: no [[source]] table")
    sources: list[Source] = []
    for number, table in enumerate(tables, start=1):
        where = f"{path}: source {number}"
        missing = [k for k in ("name", "url", "kind") if not isinstance(table.get(k), str) or not table[k]]
        if missing:
            raise ConfigError(f"{where}: missing {', '.join(missing)}")
        if table["kind"] not in KINDS:
            raise ConfigError(f"{where}: kind {table['kind']!r} is not one of {', '.join(KINDS)}")
        if not table["url"].startswith(("http://", "https://")):
            raise ConfigError(f"{where}: url must start with http:// or https://")
        interval = table.get("interval", DEFAULT_INTERVAL)
        if not isinstance(interval, int) or interval < 1:
            raise ConfigError(f"{where}: interval must be a positive number of seconds")
        sources.append(Source(name=table["name"], url=table["url"], kind=table["kind"],
                              country=str(table.get("country", "")).upper(), interval=interval,
                              language=str(table.get("language", "fr")), outlet=str(table.get("outlet", ""))))
    names = [s.name for s in sources]
    if len(set(names)) != len(names):
        raise ConfigError(f"{path}: two sources share a name")
    return sources


CONDITIONS = ("admin1", "fatalities_min", "actor", "event_type", "near")


def load_rules(path: Path) -> list[Rule]:
    """The ``[[rule]]`` tables of a TOML file, checked."""
    tables = _read_toml(path).get("rule")
    if not isinstance(tables, list) or not tables:
        raise ConfigError(f"{path}: no [[rule]] table")
    rules = []
    for number, table in enumerate(tables, start=1):
        where = f"{path}: rule {number}"
        if not isinstance(table.get("name"), str) or not table["name"]:
            raise ConfigError(f"{where}: missing name")
        present = tuple(c for c in CONDITIONS if table.get(c) not in (None, ""))
        if not present:
            raise ConfigError(f"{where}: no condition ({', '.join(CONDITIONS)})")
        if table.get("match", "all") not in ("all", "any"):
            raise ConfigError(f"{where}: match must be \"all\" or \"any\"")
        near = table.get("near")
        if near is not None and (not isinstance(near, list) or len(near) != 2):
            raise ConfigError(f"{where}: near must be [latitude, longitude]")
        rules.append(Rule(
            name=table["name"], admin1=str(table.get("admin1", "")),
            fatalities_min=table.get("fatalities_min"), actor=str(table.get("actor", "")),
            event_type=str(table.get("event_type", "")),
            near=(float(near[0]), float(near[1])) if near else None,
            radius_km=float(table.get("radius_km", 25.0)), match=table.get("match", "all"),
            webhook=str(table.get("webhook", "")), conditions=present,
        ))
    return rules
