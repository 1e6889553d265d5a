"""Payments: paying a confirmed booking, settling, reconciling with Stripe, refunds, views."""
