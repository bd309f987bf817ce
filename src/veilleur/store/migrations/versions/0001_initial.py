"""Initial schema.

Revision ID: 0001
Revises:
Create Date: 2026-11-25

Articles (with MinHash band keys for near-duplicates), events with evidence spans, credited sources and
loaded terms, and event clusters.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("original", sa.Text(), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("near_duplicate_of", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["near_duplicate_of"],
            ["articles.id"],
            name=op.f("fk_articles_near_duplicate_of_articles"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_articles_near_duplicate_of"), ["near_duplicate_of"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_articles_source"), ["source"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_text_hash"), ["text_hash"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_url"), ["url"], unique=False)

    op.create_table(
        "clusters",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("canonical_event_id", sa.String(length=40), nullable=False),
        sa.Column("event_type", sa.String(length=100), nullable=False),
        sa.Column("sub_event_type", sa.String(length=100), nullable=False),
        sa.Column("actor1", sa.String(length=300), nullable=False),
        sa.Column("assoc_actor_1", sa.String(length=600), nullable=False),
        sa.Column("actor2", sa.String(length=300), nullable=False),
        sa.Column("assoc_actor_2", sa.String(length=600), nullable=False),
        sa.Column("location", sa.String(length=300), nullable=False),
        sa.Column("admin1", sa.String(length=200), nullable=False),
        sa.Column("admin2", sa.String(length=200), nullable=False),
        sa.Column("country", sa.String(length=200), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("geo_precision", sa.Integer(), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=True),
        sa.Column("time_precision", sa.Integer(), nullable=False),
        sa.Column("fatalities", sa.Integer(), nullable=False),
        sa.Column("corroboration", sa.Integer(), nullable=False),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.Column("outlets", sa.JSON(), nullable=False),
        sa.Column("disagreements", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clusters")),
    )
    with op.batch_alter_table("clusters", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_clusters_event_date"), ["event_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_clusters_event_type"), ["event_type"], unique=False)

    op.create_table(
        "article_bands",
        sa.Column("article_id", sa.String(length=200), nullable=False),
        sa.Column("band", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_bands_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "band", name=op.f("pk_article_bands")),
    )
    with op.batch_alter_table("article_bands", schema=None) as batch_op:
        batch_op.create_index("ix_article_bands_band", ["band"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("doc", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("event_type", sa.String(length=100), nullable=False),
        sa.Column("sub_event_type", sa.String(length=100), nullable=False),
        sa.Column("actor1", sa.String(length=300), nullable=False),
        sa.Column("assoc_actor_1", sa.String(length=600), nullable=False),
        sa.Column("actor2", sa.String(length=300), nullable=False),
        sa.Column("assoc_actor_2", sa.String(length=600), nullable=False),
        sa.Column("location", sa.String(length=300), nullable=False),
        sa.Column("admin1", sa.String(length=200), nullable=False),
        sa.Column("admin2", sa.String(length=200), nullable=False),
        sa.Column("country", sa.String(length=200), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("geo_precision", sa.Integer(), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=True),
        sa.Column("time_precision", sa.Integer(), nullable=False),
        sa.Column("fatalities", sa.Integer(), nullable=False),
        sa.Column("notes_fr", sa.Text(), nullable=False),
        sa.Column("notes_en", sa.Text(), nullable=False),
        sa.Column("source_outlet", sa.String(length=200), nullable=False),
        sa.Column("cluster_id", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["cluster_id"], ["clusters.id"], name=op.f("fk_events_cluster_id_clusters"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["doc"], ["articles.id"], name=op.f("fk_events_doc_articles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_admin1"), ["admin1"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_cluster_id"), ["cluster_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_country"), ["country"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_doc"), ["doc"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_event_date"), ["event_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_event_type"), ["event_type"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_source_outlet"), ["source_outlet"], unique=False)

    op.create_table(
        "event_sources",
        sa.Column("event_id", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_event_sources_event_id_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("event_id", "name", name=op.f("pk_event_sources")),
    )
    with op.batch_alter_table("event_sources", schema=None) as batch_op:
        batch_op.create_index("ix_event_sources_name", ["name"], unique=False)

    op.create_table(
        "evidence_spans",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=40), nullable=False),
        sa.Column("field", sa.String(length=50), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_evidence_spans_event_id_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_spans")),
    )
    with op.batch_alter_table("evidence_spans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_spans_event_id"), ["event_id"], unique=False)

    op.create_table(
        "loaded_terms",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=40), nullable=False),
        sa.Column("term", sa.String(length=300), nullable=False),
        sa.Column("neutral", sa.String(length=300), nullable=False),
        sa.Column("family", sa.String(length=100), nullable=False),
        sa.Column("side", sa.String(length=100), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column("span_text", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_loaded_terms_event_id_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loaded_terms")),
    )
    with op.batch_alter_table("loaded_terms", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loaded_terms_event_id"), ["event_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("loaded_terms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loaded_terms_event_id"))

    op.drop_table("loaded_terms")
    with op.batch_alter_table("evidence_spans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_spans_event_id"))

    op.drop_table("evidence_spans")
    with op.batch_alter_table("event_sources", schema=None) as batch_op:
        batch_op.drop_index("ix_event_sources_name")

    op.drop_table("event_sources")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_source_outlet"))
        batch_op.drop_index(batch_op.f("ix_events_event_type"))
        batch_op.drop_index(batch_op.f("ix_events_event_date"))
        batch_op.drop_index(batch_op.f("ix_events_doc"))
        batch_op.drop_index(batch_op.f("ix_events_country"))
        batch_op.drop_index(batch_op.f("ix_events_cluster_id"))
        batch_op.drop_index(batch_op.f("ix_events_admin1"))

    op.drop_table("events")
    with op.batch_alter_table("article_bands", schema=None) as batch_op:
        batch_op.drop_index("ix_article_bands_band")

    op.drop_table("article_bands")
    with op.batch_alter_table("clusters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_clusters_event_type"))
        batch_op.drop_index(batch_op.f("ix_clusters_event_date"))

    op.drop_table("clusters")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_url"))
        batch_op.drop_index(batch_op.f("ix_articles_text_hash"))
        batch_op.drop_index(batch_op.f("ix_articles_source"))
        batch_op.drop_index(batch_op.f("ix_articles_near_duplicate_of"))

    op.drop_table("articles")
