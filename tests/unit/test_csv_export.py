"""CSV export core: one header row, amounts in major units beside their currency, times in
the viewer's zone with the offset of that day, atomic replacement, progress and cancel."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from linguaflex_desktop.errors import UserCancelled, ValidationError
from linguaflex_desktop.services.common.dto import Page
from linguaflex_desktop.services.reports import csv_export
from linguaflex_desktop.services.reports.csv_export import (
    CsvColumn,
    ExportFailed,
    local_time,
    major_units,
    paged_rows,
    write_csv,
)


@dataclass(frozen=True)
class Row:
    number: int
    amount_minor: int
    currency: str


COLUMNS: tuple[CsvColumn[Row], ...] = (
    CsvColumn("Number", lambda row: str(row.number)),
    CsvColumn("Amount", lambda row: major_units(row.amount_minor, row.currency)),
    CsvColumn("Currency", lambda row: row.currency),
)


def read_back(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


def files_in(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


@pytest.mark.parametrize(
    ("amount_minor", "currency", "expected"),
    [
        (1000, "USD", "10.00"),
        (1000, "usd", "10.00"),
        (7875, "EUR", "78.75"),
        (5, "GBP", "0.05"),
        (-250, "USD", "-2.50"),
        (0, "USD", "0.00"),
        (123456789, "USD", "1234567.89"),
        (1000, "JPY", "1000"),
        (5000, "KRW", "5000"),
    ],
)
def test_major_units_follows_the_currency_exponent(
    amount_minor: int, currency: str, expected: str
) -> None:
    assert major_units(amount_minor, currency) == expected


def test_local_time_carries_the_offset_of_each_side_of_a_dst_change() -> None:
    # Berlin leaves summer time on 2026-10-25 at 01:00 UTC (03:00 CEST -> 02:00 CET).
    before = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    after = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    assert local_time(before, "Europe/Berlin") == "2026-10-25 02:30:00+02:00"
    assert local_time(after, "Europe/Berlin") == "2026-10-25 02:30:00+01:00"
    assert local_time(datetime(2026, 12, 5, 13, 30, 15, 999, tzinfo=UTC), "Europe/Berlin") == (
        "2026-12-05 14:30:15+01:00"
    )
    assert local_time(datetime(2026, 12, 5, 13, 30, tzinfo=UTC), "UTC") == (
        "2026-12-05 13:30:00+00:00"
    )
    assert local_time(datetime(2026, 7, 1, 12, 0, tzinfo=UTC), "America/New_York") == (
        "2026-07-01 08:00:00-04:00"
    )


def test_local_time_refuses_a_naive_time_and_an_unknown_zone() -> None:
    with pytest.raises(ValidationError):
        local_time(datetime(2026, 12, 5, 13, 30), "UTC")
    with pytest.raises(ValidationError):
        local_time(datetime(2026, 12, 5, 13, 30, tzinfo=UTC), "Mars/Olympus")


def test_write_csv_writes_one_header_row_and_every_row(tmp_path: Path) -> None:
    target = tmp_path / "payments.csv"
    rows = [Row(1, 1000, "USD"), Row(2, 5000, "JPY"), Row(3, 199, "EUR")]
    assert write_csv(target, COLUMNS, rows) == 3
    assert read_back(target) == [
        ["Number", "Amount", "Currency"],
        ["1", "10.00", "USD"],
        ["2", "5000", "JPY"],
        ["3", "1.99", "EUR"],
    ]
    assert files_in(tmp_path) == ["payments.csv"]


def test_write_csv_of_no_rows_writes_the_header_alone(tmp_path: Path) -> None:
    target = tmp_path / "empty.csv"
    assert write_csv(target, COLUMNS, []) == 0
    assert read_back(target) == [["Number", "Amount", "Currency"]]


def test_write_csv_quotes_commas_quotes_and_line_breaks_and_keeps_unicode(
    tmp_path: Path,
) -> None:
    target = tmp_path / "names.csv"
    columns = (CsvColumn[str]("Name", lambda name: name),)
    names = ['Zoë "Z" Müller', "Lee, Ann", "two\nlines", "山田"]
    write_csv(target, columns, names)
    assert read_back(target) == [["Name"], *([name] for name in names)]
    assert "山田".encode() in target.read_bytes()


def test_a_failing_row_leaves_the_existing_file_untouched_and_no_partial_file(
    tmp_path: Path,
) -> None:
    target = tmp_path / "report.csv"
    target.write_text("the old export\n", encoding="utf-8")

    def rows() -> Iterator[Row]:
        yield Row(1, 100, "USD")
        raise ValidationError("The report could not be read.")

    with pytest.raises(ValidationError, match="could not be read"):
        write_csv(target, COLUMNS, rows())
    assert target.read_text(encoding="utf-8") == "the old export\n"
    assert files_in(tmp_path) == ["report.csv"]


def test_a_cancelled_export_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "big.csv"
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(UserCancelled):
        write_csv(target, COLUMNS, (Row(n, n, "USD") for n in range(100)), cancelled=cancelled)
    assert files_in(tmp_path) == []


def test_cancel_after_the_last_row_still_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "small.csv"
    target.write_text("before\n", encoding="utf-8")
    rows = [Row(1, 1, "USD"), Row(2, 2, "USD")]
    answers = iter([False, False, True])
    with pytest.raises(UserCancelled):
        write_csv(target, COLUMNS, rows, cancelled=lambda: next(answers))
    assert target.read_text(encoding="utf-8") == "before\n"
    assert files_in(tmp_path) == ["small.csv"]


def test_an_unwritable_folder_is_one_plain_sentence(tmp_path: Path) -> None:
    target = tmp_path / "missing folder" / "report.csv"
    with pytest.raises(ExportFailed) as caught:
        write_csv(target, COLUMNS, [Row(1, 1, "USD")])
    assert caught.value.message.startswith("report.csv could not be written to ")
    assert caught.value.message.endswith(".")
    assert "\n" not in caught.value.message


def test_a_failing_move_removes_the_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old\n", encoding="utf-8")

    def refuse(_source: object, _target: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(csv_export.os, "replace", refuse)
    with pytest.raises(ExportFailed, match="Permission denied"):
        write_csv(target, COLUMNS, [Row(1, 1, "USD")])
    assert target.read_text(encoding="utf-8") == "old\n"
    assert files_in(tmp_path) == ["report.csv"]


def test_progress_is_reported_at_the_start_every_n_rows_and_at_the_end(tmp_path: Path) -> None:
    calls: list[tuple[int, int | None]] = []
    count = 2 * csv_export.PROGRESS_EVERY + 7
    rows = (Row(n, n, "USD") for n in range(count))
    written = write_csv(
        tmp_path / "p.csv",
        COLUMNS,
        rows,
        total=count,
        progress=lambda done, total: calls.append((done, total)),
    )
    every = csv_export.PROGRESS_EVERY
    assert written == count
    assert calls == [(0, count), (every, count), (2 * every, count), (count, count)]
    assert len(read_back(tmp_path / "p.csv")) == count + 1


def test_progress_at_an_exact_multiple_is_not_reported_twice(tmp_path: Path) -> None:
    calls: list[tuple[int, int | None]] = []
    every = csv_export.PROGRESS_EVERY
    write_csv(
        tmp_path / "p.csv",
        COLUMNS,
        (Row(n, n, "USD") for n in range(every)),
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls == [(0, None), (every, None)]


def test_the_export_gets_ordinary_file_permissions(tmp_path: Path) -> None:
    target = tmp_path / "perm.csv"
    write_csv(target, COLUMNS, [])
    assert target.stat().st_mode & 0o777 == 0o644


def test_paged_rows_reads_every_page_and_drops_rows_shifted_by_an_insert() -> None:
    # Newest first: row 7 arrives after the first page was read, shifting row 5 onto page 2.
    pages = {
        0: Page(items=(6, 5), total=6, offset=0, limit=2),
        2: Page(items=(5, 4), total=7, offset=2, limit=2),
        4: Page(items=(3, 2), total=7, offset=4, limit=2),
        6: Page(items=(1,), total=7, offset=6, limit=2),
    }
    asked: list[tuple[int, int]] = []

    def fetch(offset: int, limit: int) -> Page[int]:
        asked.append((offset, limit))
        return pages[offset]

    assert list(paged_rows(fetch, key=lambda n: n, page_size=2)) == [6, 5, 4, 3, 2, 1]
    assert asked == [(0, 2), (2, 2), (4, 2), (6, 2)]


def test_paged_rows_of_an_empty_list_asks_once() -> None:
    asked: list[int] = []

    def fetch(offset: int, limit: int) -> Page[str]:
        asked.append(offset)
        return Page(items=(), total=0, offset=offset, limit=limit)

    assert list(paged_rows(fetch, key=lambda s: s)) == []
    assert asked == [0]
