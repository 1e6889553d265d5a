"""teacher payouts: what the school paid each teacher outside Stripe

An admin records a payout (amount, currency, day paid, reference, note) against what a
teacher's statement says is owed. ``request_key`` is unique so that a repeated submit of the
same dialog records one payout.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

import linguaflex_desktop.models.base

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "teacher_payouts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("teacher_id", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("reference", sa.String(length=120), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("request_key", sa.String(length=255), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint("amount_minor > 0", name=op.f("ck_teacher_payouts_amount_positive")),
        sa.CheckConstraint("length(currency) = 3", name=op.f("ck_teacher_payouts_currency_iso")),
        sa.CheckConstraint(
            "length(trim(reference)) > 0", name=op.f("ck_teacher_payouts_reference_not_empty")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["users.id"], name=op.f("fk_teacher_payouts_recorded_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["teacher_id"], ["users.id"], name=op.f("fk_teacher_payouts_teacher_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teacher_payouts")),
        sa.UniqueConstraint("request_key", name=op.f("uq_teacher_payouts_request_key")),
    )
    with op.batch_alter_table("teacher_payouts", schema=None) as batch_op:
        batch_op.create_index(
            "ix_teacher_payouts_teacher_paid_on", ["teacher_id", "paid_on"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("teacher_payouts", schema=None) as batch_op:
        batch_op.drop_index("ix_teacher_payouts_teacher_paid_on")
    op.drop_table("teacher_payouts")
