"""Names that are not places, always or where the text around them says so (``data/gazetteer_stoplist.csv``)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from veilleur.datafiles import data_path
from veilleur.resolve.places.keys import name_key, plain_form


@dataclass(frozen=True)
class StopRule:
    """A name that is not a place: always, or when the text around it says so (a TV channel, an agency).

    An always-rule stops the word as written ("Sous", "Marché"), not every name that folds like it
    ("Sousse" stays a place)."""

    key: str
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    plain: str = ""

    @property
    def always(self) -> bool:
        return self.before is None and self.after is None

    def applies(self, text: str, start: int, end: int) -> bool:
        if self.always:
            return plain_form(text[start:end]) == self.plain
        left, right = text[max(0, start - 60):start].lower(), text[end:end + 40].lower()
        return bool((self.before and self.before.search(left)) or (self.after and self.after.search(right)))


@lru_cache(maxsize=1)
def load_stop_rules() -> dict[str, tuple[StopRule, ...]]:
    rules: dict[str, list[StopRule]] = {}
    with data_path("gazetteer_stoplist.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            before = re.compile(row["before"]) if row["before"] else None
            after = re.compile(row["after"]) if row["after"] else None
            for name in row["name"].split("|"):
                key = name_key(name)
                rules.setdefault(key, []).append(StopRule(key, before, after, plain_form(name)))
    return {k: tuple(v) for k, v in rules.items()}


def is_stopped(text: str, key: str, start: int, end: int) -> bool:
    return any(rule.applies(text, start, end) for rule in load_stop_rules().get(key, ()))
