"""An index on events (event_type, event_date): the candidates an incremental reclustering reads.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06

Saving an article reclusters the stored events that could join its events: same event type, dates within
the widest clustering window. With only the one-column indexes, SQLite walked every event of the type (40 %
of a 100,000-event store in benchmarks/bench_store_save.py) for each new event; this index reads only the
window's rows (issue #22).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_event_type_event_date", ["event_type", "event_date"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_event_type_event_date")
