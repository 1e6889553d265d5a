"""The translation catalogues in resources/translations: extract, fill, compile, check.

    python scripts/translations.py update        re-extract every marked string (pyside6-lupdate)
    python scripts/translations.py fill F.json   add Spanish translations {"English": "Español"}
    python scripts/translations.py compile       .ts -> .qm (pyside6-lrelease), when out of date
    python scripts/translations.py check         list what is untranslated; exit 1 if anything

Marked strings are the first argument of ``t(...)`` (ui/i18n.py) and ``tx(...)`` (texts.py),
declared to lupdate as aliases of ``QT_TR_NOOP``; all live in one context (""). The English
catalogue holds no translations (the source text is shown); it exists so that a new language
starts from a current list.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
SOURCES = ROOT / "linguaflex_desktop"
LANGUAGES = ("en", "es")
ALIASES = "QT_TR_NOOP+=t,QT_TR_NOOP+=tx"


def catalogue(code: str) -> Path:
    return FOLDER / f"linguaflex_{code}.ts"


def qt_tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease of the Python running this script."""
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install the app first (scripts/install.sh)")
    return found


def source_files() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))


def update() -> None:
    for code in LANGUAGES:
        subprocess.run(
            [
                qt_tool("lupdate"),
                "-tr-function-alias",
                ALIASES,
                "-no-obsolete",
                "-locations",
                "none",
                "-source-language",
                "en",
                "-target-language",
                code,
                *source_files(),
                "-ts",
                str(catalogue(code)),
            ],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def messages(code: str) -> list[ET.Element]:
    return list(ET.parse(catalogue(code)).getroot().iter("message"))


def fill(paths: list[str]) -> int:
    """Write the translations of the JSON files into the Spanish catalogue; returns how many."""
    wanted: dict[str, str] = {}
    for path in paths:
        wanted.update(json.loads(Path(path).read_text(encoding="utf-8")))
    tree = ET.parse(catalogue("es"))
    count = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is not None and source in wanted and wanted[source]:
            translation.text = wanted[source]
            translation.attrib.pop("type", None)
            count += 1
    ET.indent(tree)
    tree.write(catalogue("es"), encoding="utf-8", xml_declaration=True)
    return count


def untranslated(code: str = "es") -> list[str]:
    return [
        message.findtext("source") or ""
        for message in messages(code)
        if (translation := message.find("translation")) is None
        or translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not (translation.text or "").strip()
    ]


def compile_catalogues(out: Path = FOLDER) -> list[Path]:
    """Compile each .ts whose .qm is missing or older; returns the .qm files."""
    made = []
    for code in LANGUAGES:
        source, target = catalogue(code), out / f"linguaflex_{code}.qm"
        if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
            subprocess.run(
                [qt_tool("lrelease"), "-silent", str(source), "-qm", str(target)], check=True
            )
        made.append(target)
    return made


def main(argv: list[str]) -> int:
    command, *rest = argv or ["check"]
    if command == "update":
        update()
    elif command == "fill":
        print(f"{fill(rest)} translations written")
    elif command == "compile":
        compile_catalogues()
    elif command == "check":
        missing = untranslated()
        for source in missing:
            print(f"untranslated: {source!r}")
        return 1 if missing else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
