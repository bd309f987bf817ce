"""Write the clusters of the dedupe test corpus as they are now, to pin them across speed changes.

``tests/test_dedupe.py::test_clusters_match_the_pinned_snapshot`` compares ``cluster_events`` on
``tests/fixtures_dedupe/corpus.json`` with this file. Re-run it only when a change is *meant* to change the
clusters (and say so in the commit): ``python scripts/snapshot_dedupe_clusters.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests" / "fixtures_dedupe" / "clusters_expected.json"


def current_clusters() -> list[dict[str, Any]]:
    """Every cluster's export shape, ordered by cluster id."""
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import load_corpus

    from veilleur.dedupe import cluster_events, near_duplicate_docs

    corpus = load_corpus()
    clusters = cluster_events(corpus.events, doc_canon=near_duplicate_docs(corpus.articles))
    return sorted((c.to_dict() for c in clusters), key=lambda c: c["id"])


def main() -> None:
    SNAPSHOT.write_text(json.dumps(current_clusters(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {SNAPSHOT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
