"""Assessed control layers (issue 14): one row per source, holder and day, the area as geometry.

On PostgreSQL the area is a PostGIS geometry(MultiPolygon, 4326) so spatial queries stay in the
database. PostGIS is created in its own schema `postgis` (its spatial_ref_sys table then stays
out of the application's schema); when the server lacks PostGIS or the role may not create
it, the column is WKB in bytea and geomap checks claims in Python, as on SQLite.

Revision ID: 0006
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _postgis_schema(bind) -> str | None:
    """The schema PostGIS lives in, creating it in `postgis` when possible (else None)."""
    found = bind.exec_driver_sql(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'postgis'"
    ).scalar()
    if found:
        return found
    available = bind.exec_driver_sql(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'"
    ).scalar()
    if not available:
        return None
    try:
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE SCHEMA IF NOT EXISTS postgis")
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS postgis SCHEMA postgis")
    except sa.exc.DBAPIError:  # e.g. not allowed to create extensions: fall back to WKB
        return None
    return "postgis"


def upgrade() -> None:
    op.create_table(
        "control_layers",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("source", sa.String(100), nullable=False),
        sa.Column("holder", sa.String(20), nullable=False),
        sa.Column("layer_date", sa.Date(), nullable=False),
        sa.Column("geom", sa.LargeBinary(), nullable=False),
        sa.Column("parts", sa.Integer(), nullable=False),
        sa.Column("area_km2", sa.Float(), nullable=False),
        sa.Column("file", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_control_layers"),
        sa.UniqueConstraint("source", "holder", "layer_date", name="uq_control_layers_key"),
    )
    op.create_index("ix_control_layers_layer_date", "control_layers", ["layer_date"])
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = _postgis_schema(bind)
    if schema is None:
        return
    bind.exec_driver_sql(
        f'ALTER TABLE control_layers ALTER COLUMN geom TYPE "{schema}".geometry(MultiPolygon, '
        f'4326) USING "{schema}".ST_Multi("{schema}".ST_GeomFromWKB(geom, 4326))'
    )


def downgrade() -> None:
    op.drop_index("ix_control_layers_layer_date", table_name="control_layers")
    op.drop_table("control_layers")
