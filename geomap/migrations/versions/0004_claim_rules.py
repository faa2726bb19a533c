"""Record which extraction rules made each claim (provenance shown in exports and the map).

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # nullable, no backfill: claims stored before 0004 have no recorded rules
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("rules", sa.Text()))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("rules")
