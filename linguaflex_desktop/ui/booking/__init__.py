"""Booking screens: lists, detail, requests, schedule, reschedule, meetings."""
