"""One loader for the data files shipped in ``veilleur/data`` (cached per process, never at import)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"


def data_path(name: str) -> Path:
    """Path of a bundled data file."""
    return DATA_DIR / name


@cache
def load_json(name: str) -> Any:
    """Parse a bundled JSON data file once per process. Callers must not mutate the result."""
    with data_path(name).open(encoding="utf-8") as handle:
        return json.load(handle)
