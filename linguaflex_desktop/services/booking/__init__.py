"""Bookings: the lifecycle state machine, requests, confirmations, reschedules, due transitions,
reads.
"""
