"""The suite's note of the CPU time the host took (steal) while a benchmark ran."""

from __future__ import annotations

from pathlib import Path

from bench.suite import read_cpu_times, stolen_note, stolen_percent

# user nice system idle iowait irq softirq steal guest guest_nice
_BEFORE = "cpu  1000 0 200 5000 10 0 5 100 0 0\ncpu0 500 0 100 2500 5 0 2 50 0 0\n"
_AFTER = "cpu  1600 0 300 5250 10 0 5 150 0 0\ncpu0 800 0 150 2600 5 0 2 75 0 0\n"


def _stat(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_the_share_is_the_steal_of_the_time_between_two_readings(tmp_path: Path) -> None:
    before = read_cpu_times(_stat(tmp_path, "before", _BEFORE))
    after = read_cpu_times(_stat(tmp_path, "after", _AFTER))
    assert before == [1000, 0, 200, 5000, 10, 0, 5, 100]
    # 600 user + 100 system + 250 idle + 50 steal between them: 50 of 1,000
    assert stolen_percent(before, after) == 5.0
    assert stolen_note(before, after) == ", CPU time taken by the host (steal) 5.0%"


def test_no_reading_no_note(tmp_path: Path) -> None:
    assert read_cpu_times(tmp_path / "missing") is None
    assert read_cpu_times(_stat(tmp_path, "odd", "intr 1 2 3\n")) is None
    reading = read_cpu_times(_stat(tmp_path, "same", _BEFORE))
    assert stolen_percent(reading, reading) is None  # no time went by
    assert stolen_note(None, reading) == ""
