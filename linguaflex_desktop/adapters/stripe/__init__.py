"""Stripe: the payments gateway, what it returns, its errors, and the offline sandbox."""
