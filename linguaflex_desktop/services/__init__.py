"""Use cases. One transaction per call; no PySide6 imports; DTOs out, never ORM objects."""
