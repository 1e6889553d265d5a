"""teacher profiles get languages spoken with levels, a country and a photo

``spoken_languages`` is a JSON list of {"language", "level"} entries (level "native" or a
CEFR level); existing profiles start with an empty list (their older ``languages`` names stay,
and the teacher's Profile tab offers them for a level). ``country`` is an ISO 3166-1 alpha-2
code. The photo is a small PNG or JPEG kept in the database (bytea on Postgres), so every
desktop on a shared database sees it.

Revision ID: 0100
Revises: 0102
"""

import sqlalchemy as sa
from alembic import op

import linguaflex_desktop.models.base

revision = "0100"
down_revision = "0102"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("teacher_profiles", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("spoken_languages", sa.JSON(), nullable=False, server_default="[]")
        )
        batch_op.add_column(sa.Column("country", sa.String(length=2), nullable=True))
        batch_op.add_column(sa.Column("photo", sa.LargeBinary(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "photo_updated_at",
                linguaflex_desktop.models.base.UTCDateTime(timezone=True),
                nullable=True,
            )
        )
    # The default only fills the existing rows; the ORM writes the value from now on, as it
    # does for every other column.
    with op.batch_alter_table("teacher_profiles", schema=None) as batch_op:
        batch_op.alter_column("spoken_languages", existing_type=sa.JSON(), server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("teacher_profiles", schema=None) as batch_op:
        batch_op.drop_column("photo_updated_at")
        batch_op.drop_column("photo")
        batch_op.drop_column("country")
        batch_op.drop_column("spoken_languages")
