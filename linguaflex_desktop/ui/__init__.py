"""PySide6 windows, pages, dialogs, Qt item models and the TaskRunner.

The UI talks to the backend only through services (``ui -> services -> models``); every call
that touches the database or the network runs off the GUI thread through ``TaskRunner``.
"""

from linguaflex_desktop.ui.pyside_imports import skip_feature_scan

skip_feature_scan()  # before any window module is imported: see ui.pyside_imports
