"""Why a stored article gave no event.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05

``articles.no_event_reason``: empty when the article gave events; otherwise what the pipeline could say
(no publication date, places it could not find, no event recognised). The dashboard's articles page shows it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("no_event_reason", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_column("no_event_reason")
