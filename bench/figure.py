"""A benchmark's figure: what it measured, beside a reference measured in the same run, and
its goal (a ratio to the reference or a value)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """One measured figure beside its reference (same unit, same run) and its goal."""

    name: str
    value: float
    unit: str
    reference_name: str
    reference_value: float
    goal_ratio: float | None = None  # value / reference at most (at least if higher is better)
    goal_value: float | None = None  # the value itself at most (at least if higher is better)
    lower_is_better: bool = True
    goal_exact: bool = False  # the goal value exactly (e.g. one winner of a race)
    benchmark: str = ""
    database: str = ""
    goal_from_today: bool = False  # the goal is TODAY_SLACK x the ratio in baseline.json

    @property
    def key(self) -> str:
        return f"{self.benchmark}/{self.database}/{self.name}"

    @property
    def ratio(self) -> float:
        return self.value / self.reference_value if self.reference_value else float("inf")

    def missed_by(self) -> float | None:
        """How far the figure is from its goal, in percent of the goal: > 0 missed by that
        much, <= 0 met with that much to spare; None without a goal."""
        if self.goal_ratio is not None:
            have, want = self.ratio, self.goal_ratio
        elif self.goal_value is not None:
            have, want = self.value, self.goal_value
        else:
            return None
        if want == 0:  # a goal of none at all (errors): met or missed, nothing between
            return 0.0 if have <= 0 else float("inf")
        if self.goal_exact:
            return abs(have / want - 1) * 100
        if self.lower_is_better:
            return (have / want - 1) * 100
        return (want / have - 1) * 100 if have else float("inf")
