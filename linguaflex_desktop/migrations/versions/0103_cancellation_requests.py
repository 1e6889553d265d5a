"""cancellation requests, and a refund's message to the student beside its internal reason

A student may ask to cancel a paid booking inside the cancellation policy's notice period;
the teacher or an admin answers (full, partial or no refund). A refund keeps the admin's
internal reason (audit) apart from what the student is told (``student_message``; refunds
made before it read the neutral default).

Revision ID: 0103
Revises: 0104
"""

import sqlalchemy as sa
from alembic import op

import linguaflex_desktop.models.base

revision = "0103"
down_revision = "0104"
branch_labels = None
depends_on = None

_OPEN = "state = 'open'"


def _when(name: str, *, nullable: bool) -> sa.Column:
    return sa.Column(
        name, linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=nullable
    )


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=24)


def upgrade() -> None:
    with op.batch_alter_table("refunds", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("student_message", sa.Text(), server_default="", nullable=False)
        )
    op.create_table(
        "cancellation_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        _when("created_at", nullable=False),
        sa.Column("state", _enum("cancellation_request_state", "open", "answered"), nullable=False),
        sa.Column("answer", _enum("cancellation_answer", "full", "part", "none"), nullable=True),
        sa.Column("amount_minor", sa.Integer(), nullable=True),
        sa.Column("refund_id", sa.Integer(), nullable=True),
        sa.Column("answered_by_id", sa.Integer(), nullable=True),
        _when("answered_at", nullable=True),
        sa.Column("note_to_student", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "amount_minor IS NULL OR amount_minor > 0",
            name=op.f("ck_cancellation_requests_amount_positive"),
        ),
        sa.CheckConstraint(
            "(state = 'open') = (answer IS NULL AND answered_at IS NULL)",
            name=op.f("ck_cancellation_requests_answered_fields"),
        ),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["session_bookings.id"],
            name=op.f("fk_cancellation_requests_booking_id_session_bookings"),
        ),
        sa.ForeignKeyConstraint(
            ["student_id"], ["users.id"], name=op.f("fk_cancellation_requests_student_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["refund_id"], ["refunds.id"], name=op.f("fk_cancellation_requests_refund_id_refunds")
        ),
        sa.ForeignKeyConstraint(
            ["answered_by_id"],
            ["users.id"],
            name=op.f("fk_cancellation_requests_answered_by_id_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cancellation_requests")),
    )
    with op.batch_alter_table("cancellation_requests", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_cancellation_requests_booking_id"), ["booking_id"], unique=False
        )
        batch_op.create_index(
            "uq_cancellation_requests_one_open_per_booking",
            ["booking_id"],
            unique=True,
            sqlite_where=sa.text(_OPEN),
            postgresql_where=sa.text(_OPEN),
        )


def downgrade() -> None:
    with op.batch_alter_table("cancellation_requests", schema=None) as batch_op:
        batch_op.drop_index("uq_cancellation_requests_one_open_per_booking")
        batch_op.drop_index(batch_op.f("ix_cancellation_requests_booking_id"))
    op.drop_table("cancellation_requests")
    with op.batch_alter_table("refunds", schema=None) as batch_op:
        batch_op.drop_column("student_message")
