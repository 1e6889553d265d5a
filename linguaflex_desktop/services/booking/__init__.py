"""Bookings: weekly availability and free slots, the lifecycle state machine, requests,
confirmations, reschedules, due transitions, reads.
"""
