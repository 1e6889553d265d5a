"""The background worker's wiring: the outbox handlers and the runtime (thread in the app,
``linguaflex worker``).
"""
