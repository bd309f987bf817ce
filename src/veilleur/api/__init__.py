"""HTTP API and dashboard: :func:`create_app` over a :class:`~veilleur.store.Store`."""

from veilleur.api.app import create_app

__all__ = ["create_app"]
