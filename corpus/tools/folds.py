"""Fixed folds and the double-coded sample, both from hashes of the article ids (stable, no RNG state)."""
from __future__ import annotations

import hashlib

FOLDS = 5


def _hash(text: str, salt: str) -> int:
    return int(hashlib.sha256(f"{salt}:{text}".encode()).hexdigest(), 16)


def fold_of(article: dict) -> int:
    """Fold 0-4 from the story tag (so both reports of one event share a fold), else from the id."""
    return _hash(article.get("story") or article["id"], "veilleur-fold") % FOLDS


def double_coded(ids: list[str]) -> list[str]:
    """A fixed random fifth of the articles (rounded up), for the second, independent coding."""
    ranked = sorted(ids, key=lambda doc: _hash(doc, "veilleur-second-coder"))
    return sorted(ranked[: -(-len(ids) // FOLDS)])
