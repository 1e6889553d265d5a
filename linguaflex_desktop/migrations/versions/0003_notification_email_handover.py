"""notifications.email_handed_at: when an e-mail was handed to SMTP, before it was confirmed

A process killed between the SMTP server accepting a message and the app recording it must not
send the message again on restart (nothing is sent twice): the hand-over is recorded first, and
a hand-over with no recorded outcome is left to an admin.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

import linguaflex_desktop.models.base

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "email_handed_at",
                linguaflex_desktop.models.base.UTCDateTime(timezone=True),
                nullable=True,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_column("email_handed_at")
