"""LinguaFlex Desktop: a language-tutoring marketplace app with its backend embedded."""

__version__ = "0.1.0"
