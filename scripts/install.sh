#!/usr/bin/env bash
# Create .venv (if needed) and install LinguaFlex Desktop into it.
#   bash scripts/install.sh        the app and its test tools (what scripts/test.sh needs)
#   bash scripts/install.sh app    only what the app needs to run (what scripts/run.sh needs)
# A stamp in .venv records what was installed for which pyproject.toml, so a second call with
# nothing changed returns at once; a changed pyproject.toml installs again.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
what=${1:-test}
case "$what" in
  app) target="." ;;
  test) target=".[test]" ;;
  *) echo "usage: bash scripts/install.sh [app|test]" >&2; exit 2 ;;
esac
stamp=".venv/.installed-$what-$(sha256sum pyproject.toml | cut -c1-16)"
compile_translations() {
  # resources/translations/*.ts -> .qm (only those out of date; a second or so when needed).
  .venv/bin/python scripts/translations.py compile
}
compile_modules() {
  # The app's bytecode caches (only those out of date), so no start compiles its modules from
  # source: pip does this for installed packages, not for this editable one, and Python does
  # not write them where PYTHONDONTWRITEBYTECODE is set.
  .venv/bin/python -m compileall -q linguaflex_desktop >/dev/null
}
if [ -f "$stamp" ]; then compile_translations; compile_modules; exit 0; fi
if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv with $("$PYTHON" --version)"
  "$PYTHON" -m venv .venv
fi
echo "== installing LinguaFlex Desktop ($what) into .venv"
.venv/bin/python -m pip install -q --upgrade pip
if [ "$what" = app ]; then
  # Progress shown: the first install downloads Qt (a few hundred MB).
  .venv/bin/python -m pip install --progress-bar on -e "$target"
else
  .venv/bin/python -m pip install -q -e "$target"
fi
rm -f .venv/.installed-"$what"-*
touch "$stamp"
compile_translations
compile_modules
