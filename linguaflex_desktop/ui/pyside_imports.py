"""PySide6's check of every module imported after it, switched off.

Once PySide6 is imported, it reads the source of each module imported afterwards
(``inspect.getsource``, through its ``__feature__`` import hook) to see whether the module
uses PySide6, so that its opt-in ``from __feature__ import snake_case, true_property`` can
be scoped to the modules that ask for it. This app asks for no feature, yet every start paid
the check for the nearly 1,000 modules the GUI imports: about 15 ms before the sign-in window
paints and 100-170 ms of the import behind it, and every module's source kept in memory.

``skip_feature_scan`` makes the check answer "does not use PySide6" without reading anything:
such a module is ignored by feature switching, the same behaviour as "no feature" when no
module ever selects one. Where the hook is not found (another PySide6), nothing changes.
"""

from __future__ import annotations

import sys
from types import ModuleType


def skip_feature_scan() -> bool:
    """Load PySide6 and switch its per-import source scan off; True when the hook was found."""
    import PySide6.QtCore  # noqa: F401  (installs the hook)

    feature = sys.modules.get("PySide6.support.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_no_feature  # type: ignore[attr-defined]
    return True


def _uses_no_feature(_module: ModuleType) -> bool:
    return False
