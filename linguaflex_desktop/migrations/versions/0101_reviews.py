"""reviews: the teacher's answer and an admin's hiding of an abusive review

A rating becomes a review: the teacher may answer it once (``answer``, ``answered_at``), an
admin may hide it (``hidden_at``, ``hidden_by_id``, ``hidden_reason``; hidden reviews are not
shown to students nor counted), and ``updated_at`` records the last change. The teacher's
reviews are listed newest first (index on teacher and creation time, which also serves the
per-teacher summary) and the admin's list of recent reviews reads the creation-time index.

Revision ID: 0101
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

import linguaflex_desktop.models.base

revision = "0101"
down_revision = "0005"
branch_labels = None
depends_on = None

UTC_DATETIME = linguaflex_desktop.models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("updated_at", UTC_DATETIME, nullable=True))
        batch_op.add_column(sa.Column("answer", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("answered_at", UTC_DATETIME, nullable=True))
        batch_op.add_column(sa.Column("hidden_at", UTC_DATETIME, nullable=True))
        batch_op.add_column(sa.Column("hidden_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("hidden_reason", sa.Text(), nullable=False, server_default="")
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_ratings_hidden_by_id_users"), "users", ["hidden_by_id"], ["id"]
        )
        batch_op.create_check_constraint(
            batch_op.f("ck_ratings_answer_complete"),
            "(answer IS NULL) = (answered_at IS NULL)",
        )
        batch_op.create_check_constraint(
            batch_op.f("ck_ratings_hidden_complete"),
            "(hidden_at IS NULL) = (hidden_by_id IS NULL)",
        )
        batch_op.drop_index(batch_op.f("ix_ratings_teacher_id"))
        batch_op.create_index("ix_ratings_teacher_created", ["teacher_id", "created_at"])
        batch_op.create_index("ix_ratings_created", ["created_at"])
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.alter_column("hidden_reason", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.drop_index("ix_ratings_created")
        batch_op.drop_index("ix_ratings_teacher_created")
        batch_op.create_index(batch_op.f("ix_ratings_teacher_id"), ["teacher_id"], unique=False)
        batch_op.drop_constraint(batch_op.f("ck_ratings_hidden_complete"), type_="check")
        batch_op.drop_constraint(batch_op.f("ck_ratings_answer_complete"), type_="check")
        batch_op.drop_constraint(batch_op.f("fk_ratings_hidden_by_id_users"), type_="foreignkey")
        batch_op.drop_column("hidden_reason")
        batch_op.drop_column("hidden_by_id")
        batch_op.drop_column("hidden_at")
        batch_op.drop_column("answered_at")
        batch_op.drop_column("answer")
        batch_op.drop_column("updated_at")
