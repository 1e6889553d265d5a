"""account self-service: one-time e-mail codes, and a flag for a temporary password

``account_codes`` keeps every password-reset and e-mail-confirmation request (only the code's
digest); ``users.must_change_password`` is set when an admin gives a temporary password.

Revision ID: 0102
Revises: 0101
"""

import sqlalchemy as sa
from alembic import op

import linguaflex_desktop.models.base

revision = "0102"
down_revision = "0101"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "must_change_password", sa.Boolean(), server_default=sa.false(), nullable=False
            )
        )
    op.create_table(
        "account_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("purpose", sa.String(length=20), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("code_digest", sa.String(length=64), nullable=True),
        sa.Column(
            "created_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "expires_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "used_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "purpose IN ('password_reset', 'email_change')",
            name=op.f("ck_account_codes_account_code_purpose"),
        ),
        sa.CheckConstraint(
            "failed_attempts >= 0", name=op.f("ck_account_codes_account_code_attempts_non_negative")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_account_codes_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_codes")),
    )
    with op.batch_alter_table("account_codes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_account_codes_user_id"), ["user_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_account_codes_email"), ["email"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_account_codes_created_at"), ["created_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("account_codes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_account_codes_created_at"))
        batch_op.drop_index(batch_op.f("ix_account_codes_email"))
        batch_op.drop_index(batch_op.f("ix_account_codes_user_id"))
    op.drop_table("account_codes")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("must_change_password")
