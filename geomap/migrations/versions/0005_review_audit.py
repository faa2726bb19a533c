"""Review in the browser: claims get a version (optimistic locking), sources their article text,
and every review change goes to an audit table that outlives re-ingests.

Revision ID: 0005
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    op.create_index("ix_claims_review_status_id", "claims", ["review_status", "id"])
    op.create_index(
        "ix_claims_review_status_confidence", "claims", ["review_status", "confidence", "id"]
    )
    op.create_table(
        "source_texts",
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name="fk_source_texts_source_id_sources",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("source_id", name="pk_source_texts"),
    )
    op.create_table(
        "claim_audit",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("who", sa.String(100), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("field", sa.String(30), nullable=True),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_claim_audit"),
    )
    op.create_index("ix_claim_audit_claim_id", "claim_audit", ["claim_id"])


def downgrade() -> None:
    op.drop_index("ix_claim_audit_claim_id", table_name="claim_audit")
    op.drop_table("claim_audit")
    op.drop_table("source_texts")
    op.drop_index("ix_claims_review_status_confidence", table_name="claims")
    op.drop_index("ix_claims_review_status_id", table_name="claims")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("version")
