"""The team statistics against independent computations, on random teams. CPython only.

The oracles:

- R's multilevel package (Bliese): ``rwg.j`` and ``cronbach``. Both drop incomplete rows
  (``na.exclude``), while our r_wg(J) takes each item's answers pairwise; so R is the oracle
  for complete data, and for data with "weet ik niet" it checks r_wg(J) of the complete rows.
- pingouin's ``cronbach_alpha(nan_policy="listwise")``: our alpha's definition (respondents
  who answered every item). GPL: used here only, never shipped.
- numpy, written straight from CONTENT.md ("Team rules"), for everything with missing answers:
  respondents, means, SDs, r_wg(J) item by item, and the item distributions.

Every figure of the engine's report must agree to within 1e-9.
"""

from __future__ import annotations

import csv
import json
import math
import random
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from assessments import Assessment, result_document, score
from assessments.files import load_all
from assessments.team import MIN_ALPHA_RESPONDENTS, MIN_RESPONDENTS, catalog_of, rwg_j, team_report

TOLERANCE = 1e-9
CATALOG = catalog_of(load_all())
TEAM_TESTS = sorted(a.id for a in CATALOG.values() if a.team_report)
INSTALL_HINT = (
    "the R oracle needs Rscript and the multilevel package: run tools/ensure-test-tools.sh "
    "(Debian: apt-get install --no-install-recommends r-base-core r-cran-multilevel)"
)


@dataclass(frozen=True)
class Team:
    """One random team: whose test, how many people, how often "weet ik niet"."""

    number: int
    assessment: str
    size: int
    missing: float

    @property
    def label(self) -> str:
        return f"{self.number}-{self.assessment}-{self.size}p-{round(self.missing * 100)}pct"


def random_teams() -> list[Team]:
    """Seeded teams of 5 to 40: half complete, half with 10-15% "weet ik niet", and a few
    large ones with little missing, so that alpha is also computed from incomplete data."""
    rng = random.Random(20261126)
    teams = []
    for number in range(48):
        kind = number % 4
        size = rng.randint(30, 40) if kind == 3 else rng.randint(5, 40)
        missing = {0: 0.0, 1: rng.uniform(0.10, 0.15), 2: rng.uniform(0.10, 0.15)}.get(
            kind, rng.uniform(0.01, 0.03)
        )
        teams.append(Team(number, TEAM_TESTS[number % len(TEAM_TESTS)], size, missing))
    return teams


TEAMS = random_teams()


def answer_sets(team: Team) -> list[dict[str, int | None]]:
    """Answers that look like a team's: a shared view, each person's own lean, and noise.

    Some teams agree closely, some not at all (r_wg 0); reverse-keyed items are answered the
    other way round, as people do.
    """
    rng = random.Random(team.number)
    assessment = CATALOG[team.assessment]
    low, high = assessment.scale.min, assessment.scale.max
    centre, spread = rng.uniform(low + 0.5, high - 0.5), rng.uniform(0.1, 2.0)
    people = []
    for _ in range(team.size):
        lean = rng.gauss(centre, spread / 2)
        given: dict[str, int | None] = {}
        for item in assessment.items:
            if rng.random() < team.missing:
                given[item.id] = None
                continue
            value = min(high, max(low, round(lean + rng.gauss(0, spread))))
            given[item.id] = low + high - value if item.reverse else value
        people.append(given)
    return people


@cache
def engine_report(team: Team) -> dict[str, Any]:
    """The engine's report of the team, from result files as bytes (as a face hands them)."""
    assessment = CATALOG[team.assessment]
    files = [
        (f"{n}.json", json.dumps(result_document(score(assessment, given))).encode())
        for n, given in enumerate(answer_sets(team))
    ]
    report = team_report(files, CATALOG)
    assert report["left_out"] == [] and report["respondents"] == team.size
    return report


# ---- The numpy oracle, from CONTENT.md ----


def keyed_matrix(assessment: Assessment, dimension_id: str, people: list[dict]) -> np.ndarray:
    """Respondents x items of one dimension, reverse-keyed (x' = min + max - x), NaN if missing."""
    items = assessment.items_of(dimension_id)
    low, high = assessment.scale.min, assessment.scale.max
    matrix = np.array(
        [[np.nan if p.get(i.id) is None else p[i.id] for i in items] for p in people], dtype=float
    )
    for column, item in enumerate(items):
        if item.reverse:
            matrix[:, column] = low + high - matrix[:, column]
    return matrix


def numpy_dimension(assessment: Assessment, dimension_id: str, people: list[dict]) -> dict:
    """mean, sd, score, rwg, n and alpha_n of one dimension, computed from the brief's rules."""
    keyed = keyed_matrix(assessment, dimension_id, people)
    k = keyed.shape[1]
    needed = k - 1 if k <= 4 else math.ceil(0.75 * k)
    answered = (~np.isnan(keyed)).sum(axis=1)
    respondents = keyed[answered >= needed]
    complete = keyed[answered == k]
    figures: dict[str, Any] = {"n": len(respondents), "alpha_n": len(complete)}
    if len(respondents) < MIN_RESPONDENTS:
        return figures | dict.fromkeys(
            ("mean", "sd", "score", "rwg", "rwg_items", "ci_low", "ci_high")
        )
    means = np.nanmean(respondents, axis=1)
    low, high = assessment.scale.min, assessment.scale.max
    options = len(assessment.scale.options)
    variances = [
        np.var(column[~np.isnan(column)], ddof=1)
        for column in respondents.T
        if (~np.isnan(column)).sum() >= 2
    ]
    uniform = (options**2 - 1) / 12
    s2, j = float(np.mean(variances)), len(variances)
    rwg = 0.0 if s2 >= uniform else j * (1 - s2 / uniform) / (j * (1 - s2 / uniform) + s2 / uniform)
    mean, sd = float(np.mean(means)), float(np.std(means, ddof=1))
    half = float(stats.t.ppf(0.975, len(means) - 1)) * sd / math.sqrt(len(means))
    return figures | {
        "mean": mean,
        "sd": sd,
        "score": 100 * (mean - low) / (high - low),
        "rwg": rwg,
        "rwg_items": float(np.mean([max(0.0, 1 - v / uniform) for v in variances])),
        "ci_low": max(low, mean - half),
        "ci_high": min(high, mean + half),
    }


def numpy_item(assessment: Assessment, item_id: str, people: list[dict]) -> dict:
    """An item's raw distribution over all files: n, dont_know, mean, sd, and counts from 8
    answers or three groups (below, at and above the middle option) from 5."""
    values = np.array([p[item_id] for p in people if p.get(item_id) is not None], dtype=float)
    shown = len(values) >= MIN_RESPONDENTS
    full = len(values) >= 8
    options = sorted(o.value for o in assessment.scale.options)
    middle = options[len(options) // 2]
    return {
        "n": len(values),
        "dont_know": len(people) - len(values),
        "mean": float(values.mean()) if shown else None,
        "sd": float(values.std(ddof=1)) if shown else None,
        "counts": {str(o): int((values == o).sum()) for o in options} if full else None,
        "groups": [
            int((values < middle).sum()),
            int((values == middle).sum()),
            int((values > middle).sum()),
        ]
        if shown and not full
        else None,
    }


def pingouin_alpha(assessment: Assessment, dimension_id: str, people: list[dict]) -> float:
    import pingouin  # here, not at the top: it takes seconds to import, and only this needs it

    keyed = pd.DataFrame(keyed_matrix(assessment, dimension_id, people))
    alpha, _interval = pingouin.cronbach_alpha(data=keyed, nan_policy="listwise")
    return float(alpha)


# ---- The R oracle: one Rscript run for every team and dimension ----

R_SCRIPT = r"""
suppressMessages(library(multilevel))
args <- commandArgs(trailingOnly = TRUE)
data <- read.csv(args[1], stringsAsFactors = FALSE)
keys <- unique(data[, c("team", "dimension")])
for (row in seq_len(nrow(keys))) {
  part <- data[data$team == keys$team[row] & data$dimension == keys$dimension[row], ]
  k <- part$items[1]
  answers <- part[, paste0("i", seq_len(k)), drop = FALSE]
  complete <- nrow(na.omit(answers))
  rwg <- if (complete >= 2) rwg.j(answers, rep(1, nrow(answers)), part$ranvar[1])$rwg.j[1] else NA
  alpha <- if (complete >= 2) cronbach(answers)$Alpha else NA
  cat(keys$team[row], keys$dimension[row], format(rwg, digits = 17), format(alpha, digits = 17),
      complete, sep = "\t")
  cat("\n")
}
"""


def run_r(
    script: str, header: list[str], rows: list[list[object]], folder: Path
) -> list[list[str]]:
    """Run an R script (Rscript --vanilla) on a CSV of these rows; its output lines, split on tabs.

    A missing Rscript or a failing script fails the test with what to install.
    """
    rscript = shutil.which("Rscript")
    if rscript is None:
        pytest.fail(f"Rscript not found: {INSTALL_HINT}")
    data, program = folder / "data.csv", folder / "oracle.R"
    with data.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    program.write_text(script, encoding="utf-8")
    done = subprocess.run(
        [rscript, "--vanilla", str(program), str(data)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        pytest.fail(f"Rscript failed ({INSTALL_HINT}):\n{done.stderr[-2000:]}")
    return [line.split("\t") for line in done.stdout.splitlines()]


@pytest.fixture(scope="module")
def r_oracle(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[int, str], dict]:
    """R's rwg.j and cronbach for every team and dimension (rows with a missing answer dropped)."""
    most = max(
        len(CATALOG[t.assessment].items_of(d.id))
        for t in TEAMS
        for d in CATALOG[t.assessment].dimensions
    )
    rows: list[list[object]] = []
    for team in TEAMS:
        assessment = CATALOG[team.assessment]
        options = len(assessment.scale.options)
        people = answer_sets(team)
        for dimension in assessment.dimensions:
            keyed = keyed_matrix(assessment, dimension.id, people)
            for person in keyed:
                cells = ["NA" if np.isnan(v) else str(int(v)) for v in person]
                cells += ["NA"] * (most - len(cells))
                rows.append([team.number, dimension.id, len(person), (options**2 - 1) / 12, *cells])
    header = ["team", "dimension", "items", "ranvar", *(f"i{n + 1}" for n in range(most))]
    output = run_r(R_SCRIPT, header, rows, tmp_path_factory.mktemp("r-oracle"))
    results = {}
    for team, dimension, rwg, alpha, complete in output:
        results[int(team), dimension] = {
            "rwg": None if rwg == "NA" else float(rwg),
            "alpha": None if alpha == "NA" else float(alpha),
            "complete": int(complete),
        }
    expected = sum(len(CATALOG[t.assessment].dimensions) for t in TEAMS)
    assert len(results) == expected, output[-20:]
    return results


def agree(engine: float | None, oracle: float | None) -> bool:
    if engine is None or oracle is None:
        return engine is None and oracle is None
    return math.isclose(engine, oracle, rel_tol=0, abs_tol=TOLERANCE)


# ---- The tests ----


@pytest.mark.parametrize("team", TEAMS, ids=lambda team: team.label)
def test_dimensions_agree_with_numpy_from_the_brief(team: Team) -> None:
    assessment, people = CATALOG[team.assessment], answer_sets(team)
    for figures in engine_report(team)["dimensions"]:
        expected = numpy_dimension(assessment, figures["id"], people)
        assert (figures["n"], figures["alpha_n"]) == (expected["n"], expected["alpha_n"])
        for key in ("mean", "sd", "score", "rwg", "rwg_items"):
            assert agree(figures[key], expected[key]), (figures["id"], key, figures, expected)
        ci = figures["ci"] or {}
        # The interval's t quantile against scipy's (CONTENT.md: to 1e-6; here far closer).
        assert agree(ci.get("low"), expected["ci_low"]) and agree(
            ci.get("high"), expected["ci_high"]
        )


@pytest.mark.parametrize("team", TEAMS, ids=lambda team: team.label)
def test_items_agree_with_numpy_from_the_brief(team: Team) -> None:
    assessment, people = CATALOG[team.assessment], answer_sets(team)
    for figures in engine_report(team)["items"]:
        expected = numpy_item(assessment, figures["id"], people)
        assert (figures["n"], figures["dont_know"]) == (expected["n"], expected["dont_know"])
        assert figures["counts"] == expected["counts"]
        groups = figures["groups"] and [group["count"] for group in figures["groups"]]
        assert groups == expected["groups"]
        assert agree(figures["mean"], expected["mean"]) and agree(figures["sd"], expected["sd"])


@pytest.mark.parametrize("team", TEAMS, ids=lambda team: team.label)
def test_overall_is_the_mean_of_the_dimension_figures(team: Team) -> None:
    report = engine_report(team)
    # A trust outcome (team, leiderschap-team) stays out of the overall figure (issue 19).
    dimensions = [d for d in report["dimensions"] if not d["outcome"]]
    if any(d["mean"] is None for d in dimensions):
        assert report["overall"] is None
        return
    assert agree(report["overall"]["mean"], float(np.mean([d["mean"] for d in dimensions])))
    assert agree(report["overall"]["score"], float(np.mean([d["score"] for d in dimensions])))


@pytest.mark.parametrize("team", TEAMS, ids=lambda team: team.label)
def test_alpha_agrees_with_pingouin_and_r(team: Team, r_oracle: dict) -> None:
    assessment, people = CATALOG[team.assessment], answer_sets(team)
    for figures in engine_report(team)["dimensions"]:
        from_r = r_oracle[team.number, figures["id"]]
        assert figures["alpha_n"] == from_r["complete"]
        if figures["mean"] is None or figures["alpha_n"] < MIN_ALPHA_RESPONDENTS:
            assert figures["alpha"] is None
            continue
        assert agree(figures["alpha"], pingouin_alpha(assessment, figures["id"], people))
        assert agree(figures["alpha"], from_r["alpha"])


@pytest.mark.parametrize("team", TEAMS, ids=lambda team: team.label)
def test_rwg_agrees_with_r(team: Team, r_oracle: dict) -> None:
    assessment, people = CATALOG[team.assessment], answer_sets(team)
    for figures in engine_report(team)["dimensions"]:
        from_r = r_oracle[team.number, figures["id"]]["rwg"]
        complete = keyed_matrix(assessment, figures["id"], people)
        complete = complete[~np.isnan(complete).any(axis=1)]
        if team.missing == 0 and figures["rwg"] is not None:
            # Complete data: R's listwise r_wg(J) is the report's figure itself.
            assert agree(figures["rwg"], from_r), (figures["id"], figures["rwg"], from_r)
        if len(complete) >= 2:
            # With missing answers: the engine's r_wg(J) of the complete rows is R's.
            options = len(assessment.scale.options)
            assert agree(rwg_j(complete.T.tolist(), options), from_r), figures["id"]


def test_the_random_teams_cover_the_cases_that_matter() -> None:
    """The corpus reaches every branch: withheld dimensions, no agreement, strong agreement,
    alpha from complete and from incomplete data, withheld items, a withheld overall."""
    dimensions = [
        (team, figures) for team in TEAMS for figures in engine_report(team)["dimensions"]
    ]
    items = [item for team in TEAMS for item in engine_report(team)["items"]]
    rwgs = [f["rwg"] for _, f in dimensions if f["rwg"] is not None]
    assert any(f["mean"] is None and f["n"] > 0 for _, f in dimensions)
    assert any(r == 0.0 for r in rwgs) and any(r >= 0.71 for r in rwgs)
    assert any(0 < r < 0.51 for r in rwgs) and any(0.51 <= r < 0.71 for r in rwgs)
    assert sum(f["alpha"] is not None for t, f in dimensions if t.missing == 0) >= 10
    assert sum(f["alpha"] is not None for t, f in dimensions if t.missing > 0) >= 5
    assert any(f["alpha"] is None and f["mean"] is not None for _, f in dimensions)
    assert any(item["counts"] is None and item["n"] > 0 for item in items)
    assert any(engine_report(team)["overall"] is None for team in TEAMS)
    assert min(t.size for t in TEAMS) <= 7 and max(t.size for t in TEAMS) == 40


def test_r_oracle_is_installed() -> None:
    """CI installs R and multilevel (tools/ensure-test-tools.sh): their absence is a failure."""
    rscript = shutil.which("Rscript")
    assert rscript is not None, INSTALL_HINT
    done = subprocess.run(
        [rscript, "-e", "suppressMessages(library(multilevel))"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, f"{INSTALL_HINT}\n{done.stderr}"
    assert Path(rscript).exists()
