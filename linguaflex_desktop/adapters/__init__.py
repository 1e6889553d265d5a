"""Adapters: the outside world (Stripe, the browser hand-off pages, Zoom/Jitsi, SMTP, the OS
keyring) behind small interfaces. Never imports services or Qt.
"""
