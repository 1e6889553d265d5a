"""The translation catalogues in resources/translations: extract, fill, compile, check.

    python scripts/translations.py update        re-extract every marked string from the code
    python scripts/translations.py fill F.json   add Spanish translations {"English": "Español"}
    python scripts/translations.py compile       .ts -> .qm (pyside6-lrelease), when out of date
    python scripts/translations.py check         list what is untranslated; exit 1 if anything

Marked strings are the first argument of ``t(...)`` (ui/i18n.py) and ``tx(...)`` (texts.py),
found with Python's own parser (so also inside f-strings, which lupdate skips); all live in one
context (""), told apart where one English word needs two translations by ``sense="..."`` (Qt's
disambiguation). The English catalogue holds no translations (the source text is shown); it
exists so that a new language starts from a current list.
"""

from __future__ import annotations

import ast
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
NOTE_SEPARATOR = "\u0004"  # in fill's JSON keys: "Paid\u0004payment" for t("Paid", sense="payment")
# module -> the marker it exports: t(...) translates now (UI), tx(...) marks for later.
MARKERS = {"linguaflex_desktop.ui.i18n": "t", "linguaflex_desktop.texts": "tx"}


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


def marked_strings(root: Path = SOURCES) -> tuple[dict[tuple[str, str], None], list[str]]:
    """Every (template, note) marked in the code, in order of appearance, and the calls that
    cannot be extracted (a first argument that is not a string literal).

    A call counts when the module imports ``t`` from ``ui.i18n`` or ``tx`` from ``texts`` and
    calls it by that name; calls inside f-strings count too (lupdate misses those).
    """
    found: dict[tuple[str, str], None] = {}
    problems: list[str] = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        names = _marker_names(tree)
        if not names:
            continue
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _call_name(node.func) in names):
                continue
            first = node.args[0] if node.args else None
            note = next((k.value for k in node.keywords if k.arg == "sense"), None)
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                problems.append(f"{where}: {_call_name(node.func)}() needs a string literal")
                continue
            if note is not None and not (
                isinstance(note, ast.Constant) and isinstance(note.value, str)
            ):
                problems.append(f"{where}: sense= must be a string literal")
                continue
            found[(first.value, note.value if note is not None else "")] = None
    return found, problems


def _call_name(func: ast.expr) -> str:
    """'t' for t(...), 'i18n.t' for i18n.t(...), '' for anything else."""
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return f"{func.value.id}.{func.attr}"
    return ""


def _marker_names(tree: ast.Module) -> set[str]:
    """How this module calls the markers: 't', 'tx', or 'i18n.t' after importing the module."""
    names = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or node.module is None:
            continue
        for alias in node.names:
            if MARKERS.get(node.module) == alias.name:
                names.add(alias.asname or alias.name)
            module = f"{node.module}.{alias.name}"
            if module in MARKERS:
                names.add(f"{alias.asname or alias.name}.{MARKERS[module]}")
    return names


def update() -> None:
    """Rewrite both catalogues from the code: new strings unfinished, translations of strings
    still marked kept, strings no longer marked dropped."""
    marked, problems = marked_strings()
    for problem in problems:
        print(problem, file=sys.stderr)
    for code in LANGUAGES:
        path = catalogue(code)
        kept = _translations(path) if path.exists() else {}
        root = ET.Element("TS", version="2.1", language=code, sourcelanguage="en")
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = ""
        for source, note in sorted(marked, key=lambda key: (key[0].casefold(), key)):
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = source
            if note:
                ET.SubElement(message, "comment").text = note
            translation = ET.SubElement(message, "translation")
            text = kept.get((source, note), "")
            if text and code != "en":
                translation.text = text
            else:
                translation.set("type", "unfinished")
        path.parent.mkdir(parents=True, exist_ok=True)
        write_catalogue(ET.ElementTree(root), path)


def write_catalogue(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree)
    with path.open("wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(handle, encoding="utf-8", xml_declaration=False)
        handle.write(b"\n")


def _translations(path: Path) -> dict[tuple[str, str], str]:
    kept = {}
    for message in ET.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") != "unfinished":
            key = (message.findtext("source") or "", message.findtext("comment") or "")
            kept[key] = translation.text or ""
    return kept


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
        note = message.findtext("comment") or ""
        key = f"{source}{NOTE_SEPARATOR}{note}" if note else source
        translation = message.find("translation")
        if translation is not None and wanted.get(key):
            translation.text = wanted[key]
            translation.attrib.pop("type", None)
            count += 1
    write_catalogue(tree, catalogue("es"))
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
        _, problems = marked_strings()
        for problem in problems:
            print(problem)
        return 1 if missing or problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
