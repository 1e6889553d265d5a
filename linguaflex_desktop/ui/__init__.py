"""PySide6 windows, pages, dialogs, Qt item models and the TaskRunner.

The UI talks to the backend only through services (``ui -> services -> models``); every call
that touches the database or the network runs off the GUI thread through ``TaskRunner``.
"""
