"""What PySide6 costs before the sign-in window paints, cut: its check of every module
imported after it, and the ``Qt`` namespace's enums.

Once PySide6 is imported, it reads the source of each module imported afterwards
(``inspect.getsource``, through its ``__feature__`` import hook) to see whether the module
uses PySide6, so that its opt-in ``from __feature__ import snake_case, true_property`` can
be scoped to the modules that ask for it. This app asks for no feature, yet every start paid
the check for the nearly 1,000 modules the GUI imports: about 15 ms before the sign-in window
paints and 100-170 ms of the import behind it, and every module's source kept in memory.

``skip_feature_scan`` makes the check answer "does not use PySide6" without reading anything:
such a module is ignored by feature switching, the same behaviour as "no feature" when no
module ever selects one. Where the hook is not found (another PySide6), nothing changes.

The first use of PySide6's ``Qt`` namespace (``Qt.AlignmentFlag`` …) makes all of its 93
enums Python enum classes at once: about 15 ms, which a bare window never pays. The modules
the sign-in window needs set such values with ``set_enum_property`` instead, by their key
names, which Qt's property system converts; the namespace is then built after the paint,
when a role window first needs it.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject


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


def set_enum_property(target: QObject, name: str, keys: str) -> None:
    """Set ``target``'s Qt enum or flags property ``name`` by its key names ("AlignCenter",
    "AlignLeft|AlignTop"), without PySide6's ``Qt`` namespace. ValueError when ``target`` has
    no such property or the keys are not its values (nothing is set then)."""
    if not target.setProperty(name, keys):
        # setProperty made a dynamic property of a name the class does not declare: undo it
        if target.metaObject().indexOfProperty(name) < 0:
            target.setProperty(name, None)
        raise ValueError(f"{type(target).__name__} has no property {name!r} taking {keys!r}")
