"""The cancellation requests: the teachers' and admins' list, and the answer dialog."""
