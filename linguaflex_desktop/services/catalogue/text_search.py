"""Search by words over the full-text index ``gig_search`` (migration 0106; triggers keep it
current): SQLite FTS5 or a Postgres tsvector.

A search text becomes words: runs of letters and digits, as both indexes cut their text
(anything else separates words). Every word must begin a word of the title, description,
teacher name or language, so results follow each keystroke and a shortened word still
finds: "conv span" finds "Conversational Spanish". A word closed by punctuation is whole:
"100%" finds "100" but not "1000". Words are passed as quoted terms, never as query syntax,
so "OR", "NEAR(", "title:x" or "*" are plain words (or no word at all).

Relevance: FTS5 bm25 with the title weighted five times the description and the teacher
name and language twice; on Postgres ts_rank with the weights A (title), B (teacher,
language), C (description). Higher ``score`` is more relevant on both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Float, Integer, String, Subquery, bindparam, text

_WORD = re.compile(r"[^\W_]+")

# bm25 weights, in the FTS5 table's column order: title, description, teacher, language.
_SQLITE_MATCHES = (
    "SELECT rowid AS gig_id, -bm25(gig_search, 5.0, 1.0, 2.0, 2.0) AS score "
    "FROM gig_search WHERE gig_search MATCH :match"
)
_POSTGRES_MATCHES = (
    "SELECT s.gig_id AS gig_id, ts_rank(s.document, q.query) AS score "
    "FROM gig_search s, to_tsquery('simple', :match) AS q(query) "
    "WHERE s.document @@ q.query"
)


@dataclass(frozen=True)
class Words:
    """The words of a search text; ``whole`` holds the indexes of those closed by punctuation
    (matched as whole words), the others match as the start of a word."""

    words: tuple[str, ...]
    language: tuple[str, ...] = ()
    whole: frozenset[int] = frozenset()

    @classmethod
    def of(cls, search: str) -> Words:
        found = list(_WORD.finditer(search))
        whole = frozenset(
            index
            for index, match in enumerate(found)
            if match.end() < len(search) and not search[match.end()].isspace()
        )
        return cls(tuple(match.group() for match in found), whole=whole)

    def in_language(self, language: str) -> Words:
        """The same words, matched only in gigs whose language column holds ``language``'s
        words: the index then skips other languages' gigs instead of the join doing it. Only
        for sorts that ignore the score (the extra words would change it); the exact
        language filter stays in SQL, since this keeps a superset."""
        return Words(self.words, tuple(_WORD.findall(language)), self.whole)

    def _terms(self, quote: str, prefix: str) -> list[str]:
        return [
            f"{quote}{word}{quote}{'' if index in self.whole else prefix}"
            for index, word in enumerate(self.words)
        ]

    def fts5_query(self) -> str:
        """An FTS5 MATCH string: every word a quoted term or prefix (implicit AND)."""
        terms = self._terms('"', "*")
        if self.language:
            terms.append(f'language : "{" ".join(self.language)}"')
        return " ".join(terms)

    def tsquery(self) -> str:
        """A to_tsquery('simple', ...) string: quoted lexemes or prefixes (``:*``) joined
        by &."""
        terms = self._terms("'", ":*") + [f"'{word}':B" for word in self.language]
        return " & ".join(terms)


def matched_by(dialect: str) -> Subquery:
    """(gig_id, score) of every gig whose indexed text holds all the words bound as ``match``
    when the statement runs (``match_text``)."""
    sql = _POSTGRES_MATCHES if dialect == "postgresql" else _SQLITE_MATCHES
    match = bindparam("match", type_=String)
    return text(sql).bindparams(match).columns(gig_id=Integer, score=Float).subquery("matched")


def match_text(dialect: str, words: Words) -> str:
    """What ``matched_by``'s ``match`` is bound to for ``words``."""
    return words.tsquery() if dialect == "postgresql" else words.fts5_query()


def raw_match_sql(dialect: str) -> str:
    """The bare index query (ids of the 50 most relevant gigs) that the benchmark compares
    the service's search with; bind ``match`` with ``Words.fts5_query``/``tsquery``."""
    matches = _POSTGRES_MATCHES if dialect == "postgresql" else _SQLITE_MATCHES
    return f"SELECT gig_id FROM ({matches}) AS m ORDER BY score DESC LIMIT 50"
