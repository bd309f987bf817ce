"""Watching outlets: poll feeds, sitemaps and listing pages, code new articles, store them, raise alerts.

``veilleur watch CONFIG`` runs :func:`veilleur.watch.runner.poll_round` on a schedule; ``--once`` runs one
round. The modules follow the data: :mod:`config` (sources and alert rules from TOML), :mod:`fetch`
(polite, conditional, bounded HTTP), :mod:`listing` (item URLs from a feed, a sitemap or a listing page),
:mod:`alerts` (rules on new events, webhook and log) and :mod:`runner` (one round, end to end).
"""
