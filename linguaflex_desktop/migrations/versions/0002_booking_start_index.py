"""index session_bookings (start_at, id) for the admin's paged booking list

The unfiltered admin list orders by start time; without this index every page sorts all
bookings (measured in bench/bench_booking_lists.py: 194 ms -> 10 ms for a deep page on SQLite
with 100,000 bookings).

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("session_bookings", schema=None) as batch_op:
        batch_op.create_index("ix_session_bookings_start_id", ["start_at", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("session_bookings", schema=None) as batch_op:
        batch_op.drop_index("ix_session_bookings_start_id")
