"""Index places by admin-1: a region query also selects the claims about its settlements.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_places_admin1", "places", ["admin1"])


def downgrade() -> None:
    op.drop_index("ix_places_admin1", table_name="places")
