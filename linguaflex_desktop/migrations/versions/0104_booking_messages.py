"""booking_messages: the conversation of each booking between its student and its teacher

One row per message with its recipient (the booking's other party) and the recipient's
``read_at``; indexed for a booking's messages in order and for a user's unread messages.

Revision ID: 0104
Revises: 0100
"""

import sqlalchemy as sa
from alembic import op

import linguaflex_desktop.models.base

revision = "0104"
down_revision = "0100"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "booking_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("recipient_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column(
            "created_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "read_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=True
        ),
        sa.CheckConstraint(
            "author_id <> recipient_id", name=op.f("ck_booking_messages_not_to_self")
        ),
        sa.CheckConstraint(
            "length(body) BETWEEN 1 AND 2000", name=op.f("ck_booking_messages_body_length")
        ),
        sa.ForeignKeyConstraint(
            ["author_id"], ["users.id"], name=op.f("fk_booking_messages_author_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["session_bookings.id"],
            name=op.f("fk_booking_messages_booking_id_session_bookings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"], ["users.id"], name=op.f("fk_booking_messages_recipient_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_booking_messages")),
    )
    with op.batch_alter_table("booking_messages", schema=None) as batch_op:
        batch_op.create_index(
            "ix_booking_messages_booking_created", ["booking_id", "created_at"], unique=False
        )
        batch_op.create_index(
            "ix_booking_messages_recipient_read", ["recipient_id", "read_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("booking_messages", schema=None) as batch_op:
        batch_op.drop_index("ix_booking_messages_recipient_read")
        batch_op.drop_index("ix_booking_messages_booking_created")
    op.drop_table("booking_messages")
