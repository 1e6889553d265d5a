"""Saved cards: the browser hand-off, list, remove, default."""
