"""LinguaFlex Desktop. ``python main.py`` is the same as the ``linguaflex`` command."""

import sys

from linguaflex_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
