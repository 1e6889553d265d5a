"""Meetings of paid bookings: create, move, delete, and what each role sees."""
