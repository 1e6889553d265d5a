"""The suite's judgement of a figure against its goal: a goal of none at all (failed
requests), an exact goal (one winner of a race), and counts printed as counts."""

from __future__ import annotations

import math

from bench.figure import Figure
from bench.suite import rows


def _count(value: float, *, goal_value: float, goal_exact: bool = False) -> Figure:
    return Figure(
        "what",
        value,
        "requests",
        "requests made",
        800,
        goal_value=goal_value,
        goal_exact=goal_exact,
    )


def test_a_goal_of_none_is_met_by_none_and_missed_by_any() -> None:
    assert _count(0, goal_value=0).missed_by() == 0
    assert _count(1, goal_value=0).missed_by() == math.inf


def test_an_exact_goal_is_missed_above_and_below() -> None:
    assert _count(1, goal_value=1, goal_exact=True).missed_by() == 0
    assert _count(2, goal_value=1, goal_exact=True).missed_by() == 100
    assert _count(0, goal_value=1, goal_exact=True).missed_by() == 100
    assert _count(0, goal_value=1).missed_by() == -100  # "at most one" is met by none


def test_counts_print_without_decimals_and_an_exact_goal_with_an_equals_sign() -> None:
    (row,) = rows([_count(1, goal_value=1, goal_exact=True)])
    assert row[3:5] == ("1 requests", "requests made 800 requests")
    assert row[6:] == ("= 1 requests", "met (0% to spare)")
    (timed,) = rows([Figure("t", 12.0, "ms", "raw", 6.0, goal_ratio=4.0)])
    assert timed[3] == "12.0 ms"


def test_a_goal_from_today_is_looser_in_the_direction_of_better() -> None:
    from bench.suite import with_baseline

    slower = Figure("t", 12.0, "ms", "raw", 6.0, benchmark="b", database="d")
    faster = Figure("r", 150.0, "req/s", "one", 100.0, lower_is_better=False, benchmark="b")
    judged = with_baseline([slower, faster], {"b/d/t": 2.0, "b//r": 1.2})
    assert [f.goal_ratio for f in judged] == [2.4, 1.0]
    assert [f.missed_by() for f in judged] == [(2.0 / 2.4 - 1) * 100, (1.0 / 1.5 - 1) * 100]
