"""Accounts: registration, sign-in with lockout, remember-me, passwords, first start."""
