#!/usr/bin/env python3
"""Print corpus articles for a coder: ids from a batch file (one a line) or from the command line."""
from __future__ import annotations

import sys
from pathlib import Path

from common import load_articles


def main() -> int:
    ids: list[str] = []
    for arg in sys.argv[1:]:
        path = Path(arg)
        ids += path.read_text(encoding="utf-8").split() if path.exists() else [arg]
    articles = load_articles()
    for doc in ids:
        art = articles[doc]
        print(f"=== {doc} | published {art['published']} ({art['published_precision']}) | {art['source']} "
              f"| main country {art['country']}")
        if art.get("title"):
            print(f"TITLE: {art['title']}")
        print(art["text"])
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
