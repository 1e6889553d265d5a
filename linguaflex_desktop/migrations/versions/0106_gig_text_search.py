"""a full-text index over the gigs students search, kept current by triggers

SQLite: ``gig_search``, an FTS5 table (rowid = gig id) over title, description, teacher name
and language. It holds its own copy of the text (the teacher's name lives in ``users``, so an
external-content table over ``gigs`` cannot hold it). Diacritics are kept, as Postgres'
'simple' configuration keeps them, so both databases find the same words.

Postgres: ``gig_search`` (gig id, tsvector with the title weighted A, teacher name and language
B, description C, 'simple' configuration so words of any language match as written) with a
GIN index. A tsvector rather than pg_trgm: students type whole words and word starts, which
the tsquery prefix ``:*`` serves from the index at any length (trigrams need three characters),
and ts_rank weighs title above description; trigrams would also match inside words.

On both, triggers keep the index current: a gig inserted, edited (title, description,
language, teacher) or deleted, a teacher renamed. A later migration that rebuilds ``gigs`` or
``users`` on SQLite (batch mode copies the table) must create these triggers again.

Revision ID: 0106
Revises: 0105
"""

from alembic import op

revision = "0106"
down_revision = "0105"
branch_labels = None
depends_on = None

SQLITE_ROW = (
    "INSERT INTO gig_search (rowid, title, description, teacher, language) "
    "VALUES (NEW.id, NEW.title, NEW.description, "
    "(SELECT display_name FROM users WHERE id = NEW.teacher_id), NEW.language);"
)

SQLITE_UPGRADE = [
    "CREATE VIRTUAL TABLE gig_search USING fts5("
    "title, description, teacher, language, "
    "tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')",
    f"CREATE TRIGGER gig_search_insert AFTER INSERT ON gigs BEGIN {SQLITE_ROW} END",
    "CREATE TRIGGER gig_search_update AFTER UPDATE OF title, description, language, teacher_id "
    f"ON gigs BEGIN DELETE FROM gig_search WHERE rowid = OLD.id; {SQLITE_ROW} END",
    "CREATE TRIGGER gig_search_delete AFTER DELETE ON gigs "
    "BEGIN DELETE FROM gig_search WHERE rowid = OLD.id; END",
    "CREATE TRIGGER gig_search_teacher AFTER UPDATE OF display_name ON users "
    "WHEN OLD.display_name IS NOT NEW.display_name BEGIN "
    "UPDATE gig_search SET teacher = NEW.display_name "
    "WHERE rowid IN (SELECT id FROM gigs WHERE teacher_id = NEW.id); END",
    "INSERT INTO gig_search (rowid, title, description, teacher, language) "
    "SELECT g.id, g.title, g.description, u.display_name, g.language "
    "FROM gigs g JOIN users u ON u.id = g.teacher_id",
]

SQLITE_DOWNGRADE = [
    "DROP TRIGGER IF EXISTS gig_search_teacher",
    "DROP TRIGGER IF EXISTS gig_search_delete",
    "DROP TRIGGER IF EXISTS gig_search_update",
    "DROP TRIGGER IF EXISTS gig_search_insert",
    "DROP TABLE IF EXISTS gig_search",
]

POSTGRES_UPGRADE = [
    """CREATE FUNCTION gig_search_document(title text, description text, teacher text,
        language text) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
        SELECT setweight(to_tsvector('simple', coalesce(title, '')), 'A')
            || setweight(to_tsvector('simple', coalesce(teacher, '') || ' '
                || coalesce(language, '')), 'B')
            || setweight(to_tsvector('simple', coalesce(description, '')), 'C')
    $$""",
    """CREATE TABLE gig_search (
        gig_id integer PRIMARY KEY REFERENCES gigs (id) ON DELETE CASCADE,
        document tsvector NOT NULL
    )""",
    "CREATE INDEX ix_gig_search_document ON gig_search USING gin (document)",
    """CREATE FUNCTION gig_search_from_gig() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO gig_search (gig_id, document)
        VALUES (NEW.id, gig_search_document(NEW.title, NEW.description,
            (SELECT display_name FROM users WHERE id = NEW.teacher_id), NEW.language))
        ON CONFLICT (gig_id) DO UPDATE SET document = EXCLUDED.document;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER gig_search_insert AFTER INSERT ON gigs "
    "FOR EACH ROW EXECUTE FUNCTION gig_search_from_gig()",
    "CREATE TRIGGER gig_search_update AFTER UPDATE OF title, description, language, teacher_id "
    "ON gigs FOR EACH ROW EXECUTE FUNCTION gig_search_from_gig()",
    """CREATE FUNCTION gig_search_from_teacher() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE gig_search s
        SET document = gig_search_document(g.title, g.description, NEW.display_name,
            g.language)
        FROM gigs g WHERE g.id = s.gig_id AND g.teacher_id = NEW.id;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER gig_search_teacher AFTER UPDATE OF display_name ON users FOR EACH ROW "
    "WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name) "
    "EXECUTE FUNCTION gig_search_from_teacher()",
    "INSERT INTO gig_search (gig_id, document) "
    "SELECT g.id, gig_search_document(g.title, g.description, u.display_name, g.language) "
    "FROM gigs g JOIN users u ON u.id = g.teacher_id",
]

# Deletes need no trigger on Postgres: the foreign key cascades.
POSTGRES_DOWNGRADE = [
    "DROP TRIGGER IF EXISTS gig_search_teacher ON users",
    "DROP TRIGGER IF EXISTS gig_search_update ON gigs",
    "DROP TRIGGER IF EXISTS gig_search_insert ON gigs",
    "DROP FUNCTION IF EXISTS gig_search_from_teacher()",
    "DROP FUNCTION IF EXISTS gig_search_from_gig()",
    "DROP TABLE IF EXISTS gig_search",
    "DROP FUNCTION IF EXISTS gig_search_document(text, text, text, text)",
]


def _run(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _run(POSTGRES_UPGRADE)
    else:
        _run(SQLITE_UPGRADE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _run(POSTGRES_DOWNGRADE)
    else:
        _run(SQLITE_DOWNGRADE)
