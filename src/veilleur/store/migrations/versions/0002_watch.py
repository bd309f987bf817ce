"""Watching outlets: sources' state, items seen, alerts fired.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05

``watch_sources`` keeps each watched source's feed validators (ETag, Last-Modified) and health;
``watch_items`` every item URL a source listed, unique per source, so that a restart, a crash or two
watchers on one database never ingest an item twice; ``alerts`` one row per rule and event cluster.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "watch_sources",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("etag", sa.String(length=500), nullable=False),
        sa.Column("last_modified", sa.String(length=100), nullable=False),
        sa.Column("last_poll", sa.String(length=40), nullable=False),
        sa.Column("last_success", sa.String(length=40), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("items_seen", sa.Integer(), nullable=False),
        sa.Column("events_coded", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_watch_sources")),
    )
    op.create_table(
        "watch_items",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("seen_at", sa.String(length=40), nullable=False),
        sa.Column("article_id", sa.String(length=200), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_watch_items")),
        sa.UniqueConstraint("source", "url", name=op.f("uq_watch_items_source_url")),
    )
    with op.batch_alter_table("watch_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_watch_items_source"), ["source"], unique=False)
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("rule", sa.String(length=200), nullable=False),
        sa.Column("cluster_id", sa.String(length=64), nullable=False),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("fired_at", sa.String(length=40), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts")),
        sa.UniqueConstraint("rule", "cluster_id", name=op.f("uq_alerts_rule_cluster_id")),
    )
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alerts_event_id"), ["event_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alerts_event_id"))
    op.drop_table("alerts")
    with op.batch_alter_table("watch_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_watch_items_source"))
    op.drop_table("watch_items")
    op.drop_table("watch_sources")
