"""What a module loads when imported: DTOs and enums carry plain values, so importing them (as
every window does) loads neither the ORM classes nor SQLAlchemy. Run in a fresh interpreter,
since this test process has long loaded both."""

from __future__ import annotations

import subprocess
import sys

import pytest

ORM_MODULES = (
    "linguaflex_desktop.models.accounts",
    "linguaflex_desktop.models.booking",
    "linguaflex_desktop.models.catalogue",
    "linguaflex_desktop.models.messaging",
    "linguaflex_desktop.models.payment",
    "sqlalchemy",
)


def _loaded_after_import(module: str) -> list[str]:
    probe = (
        "import importlib, sys\n"
        f"importlib.import_module({module!r})\n"
        f"print(','.join(m for m in {ORM_MODULES!r} if m in sys.modules))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    return [name for name in output.strip().split(",") if name]


@pytest.mark.parametrize(
    "module",
    [
        "linguaflex_desktop.models.enums",
        "linguaflex_desktop.services.common.dto",
        "linguaflex_desktop.services.common.job_dto",
        "linguaflex_desktop.services.booking.dto",
        "linguaflex_desktop.services.cards.dto",
        "linguaflex_desktop.services.payments.dto",
        "linguaflex_desktop.services.reports.dto",
    ],
)
def test_importing_dtos_and_enums_loads_no_orm_class_and_no_sqlalchemy(module: str) -> None:
    assert _loaded_after_import(module) == []


def test_the_first_orm_name_used_loads_every_mapped_class_together() -> None:
    assert _loaded_after_import("linguaflex_desktop.models") == []
    probe = (
        "import sys\nfrom linguaflex_desktop.models import User\n"
        "from sqlalchemy.orm import configure_mappers\nconfigure_mappers()\n"
        "print(sorted(m for m in sys.modules if m.startswith('linguaflex_desktop.models.')))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    for module in ORM_MODULES[:-1]:
        assert module in output
