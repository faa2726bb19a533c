"""Initial schema: sources, places, claims.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("url", sa.Text()),
        sa.Column("title", sa.Text()),
        sa.Column("outlet", sa.String(200)),
        sa.Column("author", sa.String(200)),
        sa.Column("published", sa.Date()),
        sa.Column("content_hash", sa.String(64)),
        sa.Column("ingested_at", sa.DateTime()),
        sa.PrimaryKeyConstraint("id", name="pk_sources"),
        sa.UniqueConstraint("url", name="uq_sources_url"),
        sa.UniqueConstraint("content_hash", name="uq_sources_content_hash"),
    )
    op.create_table(
        "places",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("precision", sa.String(20), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("country", sa.String(2)),
        sa.Column("admin1", sa.String(20)),
        sa.Column("population", sa.Integer()),
        sa.Column("polygon_wkt", sa.Text()),
        sa.PrimaryKeyConstraint("id", name="pk_places"),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("place_id", sa.String(40), nullable=False),
        sa.Column("source_id", sa.Integer()),
        sa.Column("claimant", sa.Text()),
        sa.Column("place_as_written", sa.Text()),
        sa.Column("side", sa.String(20), nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("claim_date", sa.Date()),
        sa.Column("date_precision", sa.String(10), nullable=False),
        sa.Column("quote", sa.Text()),
        sa.Column("start_offset", sa.Integer()),
        sa.Column("end_offset", sa.Integer()),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("extractor", sa.String(50)),
        sa.Column("extractor_version", sa.String(50)),
        sa.Column("origin", sa.String(10), nullable=False),
        sa.Column("review_status", sa.String(20), nullable=False),
        sa.Column("notes", sa.Text()),
        sa.PrimaryKeyConstraint("id", name="pk_claims"),
        sa.ForeignKeyConstraint(["place_id"], ["places.id"], name="fk_claims_place_id_places"),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name="fk_claims_source_id_sources", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_claims_place_id_claim_date", "claims", ["place_id", "claim_date"])
    op.create_index("ix_claims_side", "claims", ["side"])
    op.create_index("ix_claims_type", "claims", ["type"])
    op.create_index("ix_claims_claim_date", "claims", ["claim_date"])
    op.create_index("ix_claims_source_id", "claims", ["source_id"])


def downgrade() -> None:
    op.drop_table("claims")
    op.drop_table("places")
    op.drop_table("sources")
