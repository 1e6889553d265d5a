"""Notifications: the in-app inbox, e-mail texts, calendar invitations."""
