#!/usr/bin/env python3
"""Write the coders' batch files: the articles in a hash order, cut into N primary batches, and the
double-coded fifth as the second coders' batches.

usage: make_batches.py PRIMARY_CODERS SECOND_CODERS
"""
from __future__ import annotations

import hashlib
import sys

from common import REPO, load_articles
from folds import double_coded


def main() -> int:
    primary, second = int(sys.argv[1]), int(sys.argv[2])
    ids = sorted(load_articles())
    out = REPO / "corpus" / "work" / "batches"
    out.mkdir(parents=True, exist_ok=True)
    mixed = sorted(ids, key=lambda doc: hashlib.sha256(doc.encode()).hexdigest())
    for k in range(primary):
        part = sorted(mixed[k::primary])
        (out / f"primary{k + 1}.txt").write_text("\n".join(part) + "\n", encoding="utf-8")
        print(f"primary{k + 1}: {len(part)} articles")
    sample = double_coded(ids)
    for k in range(second):
        part = sample[k::second]
        (out / f"second{k + 1}.txt").write_text("\n".join(part) + "\n", encoding="utf-8")
        print(f"second{k + 1}: {len(part)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
