"""Helpers for teacher-profile tests: picture bytes made without Qt, and ratings written
straight to the database (a completed booking and its rating), as the reviews feature will."""

from __future__ import annotations

import struct
import zlib
from datetime import datetime, timedelta

from linguaflex_desktop.models import BookingStatus, PaymentStatus, Rating, SessionBooking
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import GigDTO


def png_bytes(width: int, height: int) -> bytes:
    """A real grey PNG of the given size (no Qt needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def jpeg_header(width: int, height: int) -> bytes:
    """The start of a baseline JPEG up to its frame header (what the size check reads)."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof0 = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof0 + b"\xff\xd9"


def add_rating(
    ctx: ServiceContext, gig: GigDTO, *, student_id: int, stars: int, start: datetime
) -> None:
    """A completed, paid one-hour session of ``gig`` at ``start`` and its rating."""
    with ctx.unit_of_work() as uow:
        booking = SessionBooking(
            student_id=student_id,
            teacher_id=gig.teacher_id,
            gig_id=gig.id,
            start_at=start,
            end_at=start + timedelta(hours=1),
            duration_minutes=60,
            status=BookingStatus.COMPLETED,
            payment_status=PaymentStatus.PAID,
            currency="USD",
            hourly_rate_minor=3000,
            base_amount_minor=3000,
            fee_minor=150,
            total_minor=3150,
            teacher_share_minor=3000,
        )
        uow.session.add(booking)
        uow.session.flush()
        uow.session.add(
            Rating(
                booking_id=booking.id, student_id=student_id, teacher_id=gig.teacher_id, stars=stars
            )
        )
        uow.commit()
