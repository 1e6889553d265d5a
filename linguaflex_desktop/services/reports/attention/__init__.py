"""Needs attention: what is wrong across all bookings, each with its rule and its fix."""
