"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-27 10:35:55.632483
"""

import sqlalchemy as sa
from alembic import op

import linguaflex_desktop.models.base

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbox_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("dedupe_key", sa.String(length=255), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "pending",
                "running",
                "done",
                "dead",
                name="job_state",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("max_attempts", sa.Integer(), nullable=False),
        sa.Column(
            "next_attempt_at",
            linguaflex_desktop.models.base.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column("locked_by", sa.String(length=120), nullable=True),
        sa.Column(
            "locked_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column(
            "created_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint(
            "attempts >= 0 AND max_attempts > 0", name=op.f("ck_outbox_jobs_attempts_sane")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_jobs")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_outbox_jobs_dedupe_key")),
    )
    with op.batch_alter_table("outbox_jobs", schema=None) as batch_op:
        batch_op.create_index(
            "ix_outbox_jobs_state_next", ["state", "next_attempt_at"], unique=False
        )

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "student",
                "teacher",
                "admin",
                name="role",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("display_name", sa.String(length=120), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column(
            "suspended_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("failed_login_count", sa.Integer(), nullable=False),
        sa.Column(
            "failed_login_window_start",
            linguaflex_desktop.models.base.UTCDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column(
            "last_login_at",
            linguaflex_desktop.models.base.UTCDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column(
            "created_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint("email = lower(email)", name=op.f("ck_users_email_lowercase")),
        sa.CheckConstraint(
            "failed_login_count >= 0", name=op.f("ck_users_failed_login_count_non_negative")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_users_role"), ["role"], unique=False)

    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("entity_type", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column(
            "created_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["users.id"], name=op.f("fk_audit_events_actor_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audit_events_created_at"), ["created_at"], unique=False
        )
        batch_op.create_index("ix_audit_events_entity", ["entity_type", "entity_id"], unique=False)

    op.create_table(
        "auth_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_digest", sa.String(length=64), nullable=False),
        sa.Column(
            "created_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "expires_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "revoked_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_auth_tokens_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_auth_tokens")),
        sa.UniqueConstraint("token_digest", name=op.f("uq_auth_tokens_token_digest")),
    )
    with op.batch_alter_table("auth_tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_auth_tokens_user_id"), ["user_id"], unique=False)

    op.create_table(
        "availability_exceptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("teacher_id", sa.Integer(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["teacher_id"],
            ["users.id"],
            name=op.f("fk_availability_exceptions_teacher_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_availability_exceptions")),
    )
    with op.batch_alter_table("availability_exceptions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_availability_exceptions_teacher_id"), ["teacher_id"], unique=False
        )

    op.create_table(
        "availability_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("teacher_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("start_minute", sa.Integer(), nullable=False),
        sa.Column("end_minute", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "start_minute >= 0 AND end_minute <= 1440 AND start_minute < end_minute",
            name=op.f("ck_availability_rules_minutes_range"),
        ),
        sa.CheckConstraint(
            "weekday BETWEEN 0 AND 6", name=op.f("ck_availability_rules_weekday_range")
        ),
        sa.ForeignKeyConstraint(
            ["teacher_id"],
            ["users.id"],
            name=op.f("fk_availability_rules_teacher_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_availability_rules")),
    )
    with op.batch_alter_table("availability_rules", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_availability_rules_teacher_id"), ["teacher_id"], unique=False
        )

    op.create_table(
        "gigs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("teacher_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("language", sa.String(length=40), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "A1",
                "A2",
                "B1",
                "B2",
                "C1",
                "C2",
                "ALL",
                name="level",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("hourly_rate_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column(
            "suspended_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("min_duration_minutes", sa.Integer(), nullable=False),
        sa.Column("max_duration_minutes", sa.Integer(), nullable=False),
        sa.Column("duration_step_minutes", sa.Integer(), nullable=False),
        sa.Column(
            "created_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint("hourly_rate_minor > 0", name=op.f("ck_gigs_hourly_rate_positive")),
        sa.CheckConstraint("length(currency) = 3", name=op.f("ck_gigs_currency_iso")),
        sa.CheckConstraint("length(trim(title)) > 0", name=op.f("ck_gigs_title_not_empty")),
        sa.CheckConstraint(
            "min_duration_minutes > 0 AND max_duration_minutes >= min_duration_minutes AND duration_step_minutes > 0",
            name=op.f("ck_gigs_durations_sane"),
        ),
        sa.ForeignKeyConstraint(
            ["teacher_id"], ["users.id"], name=op.f("fk_gigs_teacher_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gigs")),
    )
    with op.batch_alter_table("gigs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_gigs_language"), ["language"], unique=False)
        batch_op.create_index(batch_op.f("ix_gigs_teacher_id"), ["teacher_id"], unique=False)

    op.create_table(
        "pending_card_setups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("stripe_setup_intent_id", sa.String(length=255), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("failure_message", sa.Text(), nullable=True),
        sa.Column(
            "created_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_pending_card_setups_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pending_card_setups")),
        sa.UniqueConstraint(
            "stripe_setup_intent_id", name=op.f("uq_pending_card_setups_stripe_setup_intent_id")
        ),
    )
    with op.batch_alter_table("pending_card_setups", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_pending_card_setups_user_id"), ["user_id"], unique=False
        )

    op.create_table(
        "saved_cards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("stripe_payment_method_id", sa.String(length=255), nullable=False),
        sa.Column("brand", sa.String(length=32), nullable=False),
        sa.Column("last4", sa.String(length=4), nullable=False),
        sa.Column("exp_month", sa.Integer(), nullable=False),
        sa.Column("exp_year", sa.Integer(), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint(
            "exp_month BETWEEN 1 AND 12", name=op.f("ck_saved_cards_exp_month_range")
        ),
        sa.CheckConstraint("length(last4) = 4", name=op.f("ck_saved_cards_last4_length")),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_saved_cards_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_cards")),
        sa.UniqueConstraint(
            "stripe_payment_method_id", name=op.f("uq_saved_cards_stripe_payment_method_id")
        ),
    )
    with op.batch_alter_table("saved_cards", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_saved_cards_user_id"), ["user_id"], unique=False)
        batch_op.create_index(
            "uq_saved_cards_one_default_per_user",
            ["user_id"],
            unique=True,
            sqlite_where=sa.text("is_default"),
            postgresql_where=sa.text("is_default"),
        )

    op.create_table(
        "stripe_customers",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("stripe_customer_id", sa.String(length=255), nullable=False),
        sa.Column(
            "created_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_stripe_customers_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_stripe_customers")),
        sa.UniqueConstraint(
            "stripe_customer_id", name=op.f("uq_stripe_customers_stripe_customer_id")
        ),
    )
    op.create_table(
        "teacher_profiles",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("bio", sa.Text(), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column(
            "updated_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_teacher_profiles_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_teacher_profiles")),
    )
    op.create_table(
        "session_bookings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("teacher_id", sa.Integer(), nullable=False),
        sa.Column("gig_id", sa.Integer(), nullable=False),
        sa.Column(
            "start_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "end_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "PENDING",
                "CONFIRMED",
                "COMPLETED",
                "CANCELLED",
                "REFUNDED",
                name="booking_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "payment_status",
            sa.Enum(
                "UNPAID",
                "PENDING",
                "PAID",
                "FAILED",
                "REFUNDED",
                name="payment_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("hourly_rate_minor", sa.Integer(), nullable=False),
        sa.Column("base_amount_minor", sa.Integer(), nullable=False),
        sa.Column("fee_minor", sa.Integer(), nullable=False),
        sa.Column("total_minor", sa.Integer(), nullable=False),
        sa.Column("teacher_share_minor", sa.Integer(), nullable=False),
        sa.Column("refunded_minor", sa.Integer(), nullable=False),
        sa.Column("student_note", sa.Text(), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=False),
        sa.Column(
            "respond_by", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "payment_due_by",
            linguaflex_desktop.models.base.UTCDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column(
            "confirmed_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "paid_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "completed_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "cancelled_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "created_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "base_amount_minor > 0 AND fee_minor >= 0 AND total_minor = base_amount_minor + fee_minor AND teacher_share_minor = base_amount_minor",
            name=op.f("ck_session_bookings_price_consistent"),
        ),
        sa.CheckConstraint(
            "duration_minutes > 0", name=op.f("ck_session_bookings_duration_positive")
        ),
        sa.CheckConstraint("end_at > start_at", name=op.f("ck_session_bookings_ends_after_start")),
        sa.CheckConstraint(
            "refunded_minor >= 0 AND refunded_minor <= total_minor",
            name=op.f("ck_session_bookings_refund_cap"),
        ),
        sa.CheckConstraint(
            "student_id <> teacher_id", name=op.f("ck_session_bookings_not_self_booking")
        ),
        sa.ForeignKeyConstraint(
            ["gig_id"], ["gigs.id"], name=op.f("fk_session_bookings_gig_id_gigs")
        ),
        sa.ForeignKeyConstraint(
            ["student_id"], ["users.id"], name=op.f("fk_session_bookings_student_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["teacher_id"], ["users.id"], name=op.f("fk_session_bookings_teacher_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_bookings")),
    )
    with op.batch_alter_table("session_bookings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_session_bookings_gig_id"), ["gig_id"], unique=False)
        batch_op.create_index(
            "ix_session_bookings_status_start", ["status", "start_at"], unique=False
        )
        batch_op.create_index(
            "ix_session_bookings_student_start", ["student_id", "start_at"], unique=False
        )
        batch_op.create_index(
            "ix_session_bookings_teacher_start", ["teacher_id", "start_at"], unique=False
        )

    op.create_table(
        "meetings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column(
            "provider",
            sa.Enum(
                "zoom",
                "jitsi",
                name="provider",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "ready",
                "failed",
                "deleted",
                name="meeting_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("external_id", sa.String(length=255), nullable=True),
        sa.Column("join_url", sa.Text(), nullable=True),
        sa.Column("host_url", sa.Text(), nullable=True),
        sa.Column("password", sa.String(length=64), nullable=True),
        sa.Column("failure_reason", sa.Text(), nullable=True),
        sa.Column(
            "created_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["session_bookings.id"],
            name=op.f("fk_meetings_booking_id_session_bookings"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meetings")),
        sa.UniqueConstraint("booking_id", name=op.f("uq_meetings_booking_id")),
    )
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.String(length=255), nullable=False),
        sa.Column("body_text", sa.Text(), nullable=False),
        sa.Column("body_html", sa.Text(), nullable=True),
        sa.Column("ics", sa.Text(), nullable=True),
        sa.Column("message_id", sa.String(length=255), nullable=False),
        sa.Column(
            "emailed_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "read_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "created_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["session_bookings.id"],
            name=op.f("fk_notifications_booking_id_session_bookings"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_notifications_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
        sa.UniqueConstraint("message_id", name=op.f("uq_notifications_message_id")),
    )
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.create_index(
            "ix_notifications_user_created", ["user_id", "created_at"], unique=False
        )

    op.create_table(
        "payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=255), nullable=False),
        sa.Column("stripe_payment_intent_id", sa.String(length=255), nullable=True),
        sa.Column("stripe_payment_method_id", sa.String(length=255), nullable=True),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("fee_minor", sa.Integer(), nullable=False),
        sa.Column("teacher_share_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "creating",
                "pending",
                "succeeded",
                "failed",
                "canceled",
                name="payment_attempt_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("failure_code", sa.String(length=80), nullable=True),
        sa.Column("failure_message", sa.Text(), nullable=True),
        sa.Column("refunded_minor", sa.Integer(), nullable=False),
        sa.Column(
            "created_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "succeeded_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=True
        ),
        sa.CheckConstraint("amount_minor > 0", name=op.f("ck_payments_amount_positive")),
        sa.CheckConstraint("attempts >= 0", name=op.f("ck_payments_attempts_non_negative")),
        sa.CheckConstraint(
            "fee_minor >= 0 AND teacher_share_minor >= 0 AND fee_minor + teacher_share_minor = amount_minor",
            name=op.f("ck_payments_split_consistent"),
        ),
        sa.CheckConstraint(
            "refunded_minor >= 0 AND refunded_minor <= amount_minor",
            name=op.f("ck_payments_refund_cap"),
        ),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["session_bookings.id"],
            name=op.f("fk_payments_booking_id_session_bookings"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_payments_idempotency_key")),
        sa.UniqueConstraint(
            "stripe_payment_intent_id", name=op.f("uq_payments_stripe_payment_intent_id")
        ),
    )
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payments_booking_id"), ["booking_id"], unique=False)
        batch_op.create_index(
            "uq_payments_one_active_per_booking",
            ["booking_id"],
            unique=True,
            sqlite_where=sa.text("status IN ('creating', 'pending')"),
            postgresql_where=sa.text("status IN ('creating', 'pending')"),
        )
        batch_op.create_index(
            "uq_payments_one_success_per_booking",
            ["booking_id"],
            unique=True,
            sqlite_where=sa.text("status = 'succeeded'"),
            postgresql_where=sa.text("status = 'succeeded'"),
        )

    op.create_table(
        "ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("teacher_id", sa.Integer(), nullable=False),
        sa.Column("stars", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column(
            "created_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint("stars BETWEEN 1 AND 5", name=op.f("ck_ratings_stars_range")),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["session_bookings.id"],
            name=op.f("fk_ratings_booking_id_session_bookings"),
        ),
        sa.ForeignKeyConstraint(
            ["student_id"], ["users.id"], name=op.f("fk_ratings_student_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["teacher_id"], ["users.id"], name=op.f("fk_ratings_teacher_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ratings")),
        sa.UniqueConstraint("booking_id", name=op.f("uq_ratings_booking_id")),
    )
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ratings_teacher_id"), ["teacher_id"], unique=False)

    op.create_table(
        "reschedule_proposals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("proposed_by_id", sa.Integer(), nullable=False),
        sa.Column(
            "start_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "end_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "status",
            sa.Enum(
                "proposed",
                "accepted",
                "declined",
                "withdrawn",
                name="reschedule_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "created_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "decided_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=True
        ),
        sa.CheckConstraint(
            "end_at > start_at", name=op.f("ck_reschedule_proposals_ends_after_start")
        ),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["session_bookings.id"],
            name=op.f("fk_reschedule_proposals_booking_id_session_bookings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["proposed_by_id"],
            ["users.id"],
            name=op.f("fk_reschedule_proposals_proposed_by_id_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reschedule_proposals")),
    )
    with op.batch_alter_table("reschedule_proposals", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reschedule_proposals_booking_id"), ["booking_id"], unique=False
        )

    op.create_table(
        "refunds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=255), nullable=False),
        sa.Column("stripe_refund_id", sa.String(length=255), nullable=True),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "creating",
                "pending",
                "requires_action",
                "succeeded",
                "failed",
                "canceled",
                name="refund_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", linguaflex_desktop.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint("amount_minor > 0", name=op.f("ck_refunds_amount_positive")),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_refunds_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_refunds_payment_id_payments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refunds")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_refunds_idempotency_key")),
        sa.UniqueConstraint("stripe_refund_id", name=op.f("uq_refunds_stripe_refund_id")),
    )
    with op.batch_alter_table("refunds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_refunds_payment_id"), ["payment_id"], unique=False)

    _create_no_overlap_constraints()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "ALTER TABLE session_bookings"
            " DROP CONSTRAINT IF EXISTS ex_session_bookings_no_overlap,"
            " DROP CONSTRAINT IF EXISTS ex_session_bookings_student_no_overlap"
        )
    with op.batch_alter_table("refunds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_refunds_payment_id"))

    op.drop_table("refunds")
    with op.batch_alter_table("reschedule_proposals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reschedule_proposals_booking_id"))

    op.drop_table("reschedule_proposals")
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ratings_teacher_id"))

    op.drop_table("ratings")
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_payments_one_success_per_booking",
            sqlite_where=sa.text("status = 'succeeded'"),
            postgresql_where=sa.text("status = 'succeeded'"),
        )
        batch_op.drop_index(
            "uq_payments_one_active_per_booking",
            sqlite_where=sa.text("status IN ('creating', 'pending')"),
            postgresql_where=sa.text("status IN ('creating', 'pending')"),
        )
        batch_op.drop_index(batch_op.f("ix_payments_booking_id"))

    op.drop_table("payments")
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_index("ix_notifications_user_created")

    op.drop_table("notifications")
    op.drop_table("meetings")
    with op.batch_alter_table("session_bookings", schema=None) as batch_op:
        batch_op.drop_index("ix_session_bookings_teacher_start")
        batch_op.drop_index("ix_session_bookings_student_start")
        batch_op.drop_index("ix_session_bookings_status_start")
        batch_op.drop_index(batch_op.f("ix_session_bookings_gig_id"))

    op.drop_table("session_bookings")
    op.drop_table("teacher_profiles")
    op.drop_table("stripe_customers")
    with op.batch_alter_table("saved_cards", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_saved_cards_one_default_per_user",
            sqlite_where=sa.text("is_default"),
            postgresql_where=sa.text("is_default"),
        )
        batch_op.drop_index(batch_op.f("ix_saved_cards_user_id"))

    op.drop_table("saved_cards")
    with op.batch_alter_table("pending_card_setups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pending_card_setups_user_id"))

    op.drop_table("pending_card_setups")
    with op.batch_alter_table("gigs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_gigs_teacher_id"))
        batch_op.drop_index(batch_op.f("ix_gigs_language"))

    op.drop_table("gigs")
    with op.batch_alter_table("availability_rules", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_availability_rules_teacher_id"))

    op.drop_table("availability_rules")
    with op.batch_alter_table("availability_exceptions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_availability_exceptions_teacher_id"))

    op.drop_table("availability_exceptions")
    with op.batch_alter_table("auth_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_auth_tokens_user_id"))

    op.drop_table("auth_tokens")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_events_entity")
        batch_op.drop_index(batch_op.f("ix_audit_events_created_at"))

    op.drop_table("audit_events")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_role"))

    op.drop_table("users")
    with op.batch_alter_table("outbox_jobs", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_jobs_state_next")

    op.drop_table("outbox_jobs")


def _create_no_overlap_constraints() -> None:
    """Postgres: no two non-cancelled bookings of one teacher (or one student) may overlap.

    Violations raise SQLSTATE 23P01. Half-open ranges ``[start, end)`` let back-to-back
    sessions touch. SQLite has no such constraint; the booking service serialises its
    check-and-insert with BEGIN IMMEDIATE there.
    """
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    for column in ("teacher_id", "student_id"):
        name = (
            "ex_session_bookings_no_overlap"
            if column == "teacher_id"
            else ("ex_session_bookings_student_no_overlap")
        )
        op.execute(
            f"ALTER TABLE session_bookings ADD CONSTRAINT {name} "
            f"EXCLUDE USING gist ({column} WITH =, tstzrange(start_at, end_at, '[)') WITH &&) "
            "WHERE (status NOT IN ('CANCELLED'))"
        )
