"""pending card setups follow a Checkout Session (setup mode) instead of a bare SetupIntent

Card entry moved to Stripe's hosted page: a pending setup now records the Checkout Session
it opened; the SetupIntent is known only once the card is saved (Stripe creates it lazily),
so its id becomes optional. Setups still open from the old loopback card page can no longer
be finished (that page is gone): they are closed as cancelled.

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
    op.execute(
        "UPDATE pending_card_setups SET status = 'canceled', failure_message = NULL "
        "WHERE status = 'open'"
    )
    with op.batch_alter_table("pending_card_setups", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("stripe_checkout_session_id", sa.String(length=255), nullable=True)
        )
        batch_op.create_unique_constraint(
            batch_op.f("uq_pending_card_setups_stripe_checkout_session_id"),
            ["stripe_checkout_session_id"],
        )
        batch_op.alter_column(
            "stripe_setup_intent_id", existing_type=sa.String(length=255), nullable=True
        )


def downgrade() -> None:
    op.execute("DELETE FROM pending_card_setups WHERE stripe_setup_intent_id IS NULL")
    with op.batch_alter_table("pending_card_setups", schema=None) as batch_op:
        batch_op.alter_column(
            "stripe_setup_intent_id", existing_type=sa.String(length=255), nullable=False
        )
        batch_op.drop_constraint(
            batch_op.f("uq_pending_card_setups_stripe_checkout_session_id"), type_="unique"
        )
        batch_op.drop_column("stripe_checkout_session_id")
