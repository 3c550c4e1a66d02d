"""The department overview against independent computations on random departments. CPython only.

Each department has 3 to 12 random teams of 5 to 40 people, some with "weet ik niet". The
engine sees only the team reports (as a face hands them: JSON bytes); the oracles see the raw
dimension means of every person:

- numpy: the pooled mean and the total SD of all people of the teams with a figure;
- R's multilevel package: ``ICC1(aov(mean ~ team))`` on the same raw means.

Every figure of the overview must agree to within 1e-9.
"""

from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import pytest

from assessments import result_document, score
from assessments.overview import department_overview
from assessments.team import MIN_RESPONDENTS, team_report
from tests.engine.test_team_oracles import CATALOG, TEAM_TESTS, Team, answer_sets, run_r

TOLERANCE = 1e-9


@dataclass(frozen=True)
class Department:
    number: int
    assessment: str
    teams: tuple[Team, ...]

    @property
    def label(self) -> str:
        return f"{self.number}-{self.assessment}-{len(self.teams)}teams"


def random_departments() -> list[Department]:
    rng = random.Random(20261207)
    departments = []
    for number in range(16):
        assessment = TEAM_TESTS[number % len(TEAM_TESTS)]
        count = rng.randint(3, 12)
        teams = tuple(
            Team(
                1000 + number * 20 + index,
                assessment,
                rng.randint(5, 40),
                rng.choice([0.0, 0.0, rng.uniform(0.05, 0.15)]),
            )
            for index in range(count)
        )
        departments.append(Department(number, assessment, teams))
    # Two departments whose teams are alike (one seed, other sizes): ICC(1) near zero or below.
    for number in (16, 17):
        assessment = TEAM_TESTS[number % len(TEAM_TESTS)]
        sizes = [rng.randint(8, 30) for _ in range(4)]
        teams = tuple(Team(2000 + number, assessment, size, 0.0) for size in sizes)
        departments.append(Department(number, assessment, teams))
    return departments


DEPARTMENTS = random_departments()


@cache
def engine_overview(department: Department) -> dict[str, Any]:
    """The engine's overview, from the team reports' JSON only."""
    assessment = CATALOG[department.assessment]
    reports = []
    for team in department.teams:
        files = [
            (f"{team.number}-{n}.json", json.dumps(result_document(score(assessment, g))).encode())
            for n, g in enumerate(answer_sets(team))
        ]
        report = team_report(files, CATALOG)
        reports.append((f"team-{team.number}.json", json.dumps(report).encode()))
    return department_overview(reports, CATALOG)


def raw_means(department: Department, dimension_id: str) -> list[tuple[int, list[float]]]:
    """Per team with a figure (5 or more respondents): its place and its people's dimension means."""
    assessment = CATALOG[department.assessment]
    index = [d.id for d in assessment.dimensions].index(dimension_id)
    teams = []
    for place, team in enumerate(department.teams):
        means = [
            m
            for given in answer_sets(team)
            if (m := score(assessment, given).dimensions[index].mean) is not None
        ]
        if len(means) >= MIN_RESPONDENTS:
            teams.append((place, means))
    return teams


def agree(engine: float | None, oracle: float | None) -> bool:
    if engine is None or oracle is None:
        return engine is None and oracle is None
    return math.isclose(engine, oracle, rel_tol=0, abs_tol=TOLERANCE)


R_SCRIPT = r"""
suppressMessages(library(multilevel))
args <- commandArgs(trailingOnly = TRUE)
data <- read.csv(args[1], stringsAsFactors = FALSE)
keys <- unique(data[, c("department", "dimension")])
for (row in seq_len(nrow(keys))) {
  part <- data[data$department == keys$department[row] & data$dimension == keys$dimension[row], ]
  icc <- ICC1(aov(mean ~ as.factor(team), data = part))
  cat(keys$department[row], keys$dimension[row], format(icc, digits = 17), sep = "\t")
  cat("\n")
}
"""


@pytest.fixture(scope="module")
def r_icc1(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[int, str], float]:
    """R's ICC1 for every department and dimension with at least three teams with a figure."""
    rows: list[list[object]] = []
    for department in DEPARTMENTS:
        for dimension in CATALOG[department.assessment].dimensions:
            teams = raw_means(department, dimension.id)
            if len(teams) < 3:
                continue
            for team, means in teams:
                rows.extend([department.number, dimension.id, team, repr(m)] for m in means)
    header = ["department", "dimension", "team", "mean"]
    output = run_r(R_SCRIPT, header, rows, tmp_path_factory.mktemp("r-icc1"))
    results = {(int(dep), dimension): float(icc) for dep, dimension, icc in output}
    assert results
    return results


@pytest.mark.parametrize("department", DEPARTMENTS, ids=lambda d: d.label)
def test_pooled_mean_and_total_sd_agree_with_numpy_on_the_raw_means(department: Department):
    overview = engine_overview(department)
    assert overview["left_out"] == []
    for figures in overview["dimensions"]:
        teams = raw_means(department, figures["id"])
        assert [t["n"] for t in figures["teams"]] == [len(means) for _, means in teams]
        assert figures["g"] == len(teams)
        everyone = np.array([m for _, means in teams for m in means])
        if len(teams) < 2:
            assert figures["mean"] is None and figures["sd"] is None
            continue
        assert figures["n"] == len(everyone)
        assert agree(figures["mean"], float(everyone.mean()))
        assert agree(figures["sd"], float(everyone.std(ddof=1)))
        low, high = (
            CATALOG[department.assessment].scale.min,
            CATALOG[department.assessment].scale.max,
        )
        assert agree(figures["score"], 100 * (float(everyone.mean()) - low) / (high - low))


@pytest.mark.parametrize("department", DEPARTMENTS, ids=lambda d: d.label)
def test_icc1_agrees_with_r_multilevel(department: Department, r_icc1: dict) -> None:
    for figures in engine_overview(department)["dimensions"]:
        if figures["g"] < 3:
            assert figures["icc1"] is None
            continue
        assert agree(figures["icc1"], r_icc1[department.number, figures["id"]]), figures["id"]


def test_the_random_departments_cover_the_cases_that_matter() -> None:
    dimensions = [d for dep in DEPARTMENTS for d in engine_overview(dep)["dimensions"]]
    assert any(d["withheld"] for d in dimensions)
    assert sum(d["icc1"] is not None for d in dimensions) >= 20
    assert any(d["icc1"] is not None and d["icc1"] < 0 for d in dimensions)
    assert any(d["icc1"] is not None and d["icc1"] > 0.1 for d in dimensions)
    sizes = [len(dep.teams) for dep in DEPARTMENTS]
    assert min(sizes) == 3 and max(sizes) >= 10
