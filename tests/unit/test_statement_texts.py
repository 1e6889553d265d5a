"""A statement's texts: the PDF's (the period in words, a safe file name, names escaped in
the HTML, a line per currency of the one teacher asked for) and the CSV's columns (amounts in
major units of each line's own currency)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from linguaflex_desktop.services.payments.statement_dto import (
    PayoutDTO,
    StatementDTO,
    StatementLine,
)
from linguaflex_desktop.ui.payments.statement_csv import statement_csv_columns
from linguaflex_desktop.ui.payments.statement_pdf import (
    period_text,
    statement_html,
    suggested_file_name,
)

STATEMENT = StatementDTO(
    zone="Asia/Tokyo",
    first_day=date(2027, 3, 1),
    end_day=date(2027, 4, 1),
    from_at=datetime(2027, 2, 28, 15, 0, tzinfo=UTC),
    to_at=datetime(2027, 3, 31, 15, 0, tzinfo=UTC),
    lines=(
        StatementLine(7, "Lu <b>Ruiz</b>", "JPY", 2, 10000, 4000, 12000, 4000),
        StatementLine(8, "Otto", "USD", 1, 5000, 0, 5000, 0),
    ),
    payouts=(
        PayoutDTO(
            1,
            7,
            "Lu <b>Ruiz</b>",
            "JPY",
            4000,
            date(2027, 3, 5),
            "TR & 1",
            "",
            "Ada",
            datetime(2027, 3, 5, tzinfo=UTC),
        ),
    ),
)


def test_the_period_reads_with_its_last_day_and_zone() -> None:
    assert period_text(STATEMENT) == "Mon 1 Mar 2027 to Wed 31 Mar 2027 (Asia/Tokyo)"


def test_the_suggested_file_name_drops_characters_file_systems_refuse() -> None:
    assert (
        suggested_file_name(STATEMENT, 'Lu/cía: "R"')
        == "Statement Lucía R 2027-03-01 to 2027-03-31.pdf"
    )
    assert suggested_file_name(STATEMENT, "///").startswith("Statement teacher 2027-03-01")


def test_the_html_holds_the_teachers_lines_only_with_names_escaped() -> None:
    html = statement_html(STATEMENT, teacher_id=7, teacher_name="Lu <b>Ruiz</b>")
    assert "Lu &lt;b&gt;Ruiz&lt;/b&gt;" in html and "<b>Ruiz</b>" not in html
    assert "10,000 JPY" in html and "8,000 JPY" in html  # earned; owed 12,000 - 4,000
    assert "TR &amp; 1" in html
    assert "USD" not in html  # Otto's line is not part of Lu's statement


def test_a_teacher_without_money_gets_a_sentence_instead_of_tables() -> None:
    html = statement_html(STATEMENT, teacher_id=9, teacher_name="Nobody")
    assert "No earnings and no payouts up to the end of this period." in html
    assert "No payouts in this period." in html


TOKYO_MARCH = ["2027-03-01", "2027-03-31", "Asia/Tokyo"]


def test_csv_columns_carry_the_period_and_amounts_in_each_currencys_major_units() -> None:
    columns = statement_csv_columns(STATEMENT, with_teacher=True)
    rows = [[column.value(line) for column in columns] for line in STATEMENT.lines]
    assert [column.header for column in columns][:5] == [
        "First day",
        "Last day",
        "Zone",
        "Teacher",
        "Currency",
    ]
    assert rows == [
        [
            "2027-03-01",
            "2027-03-31",
            "Asia/Tokyo",
            "Lu <b>Ruiz</b>",
            "JPY",
            "2",
            "10000",
            "4000",
            "12000",
            "4000",
            "8000",
        ],
        [
            "2027-03-01",
            "2027-03-31",
            "Asia/Tokyo",
            "Otto",
            "USD",
            "1",
            "50.00",
            "0.00",
            "50.00",
            "0.00",
            "50.00",
        ],
    ]
    assert "Teacher" not in [c.header for c in statement_csv_columns(STATEMENT, with_teacher=False)]
