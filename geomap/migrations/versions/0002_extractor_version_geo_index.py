"""Remember which extractor version made a source's claims; index places by lat/lon for --near.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.add_column(sa.Column("extractor_version", sa.String(50)))
    # Backfill from the claims already stored (highest version string per source).
    op.execute(
        "UPDATE sources SET extractor_version = (SELECT MAX(c.extractor_version) FROM claims c "
        "WHERE c.source_id = sources.id AND c.origin = 'machine')"
    )
    op.create_index("ix_places_lat_lon", "places", ["lat", "lon"])


def downgrade() -> None:
    op.drop_index("ix_places_lat_lon", table_name="places")
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("extractor_version")
