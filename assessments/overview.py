"""The department overview: several teams' reports of one test, side by side and pooled.

A department of several teams, each with its own facilitator's report, combines those team
reports (the JSON a team report page downloads), never the result files. The rules
(CONTENT.md, "Team rules"), in order:

1. A report file is hostile until checked: bounded JSON, a team report of this site
   (format version 2, with respondent keys), of a test the site has now, at the same version
   and fingerprint as the first usable report. Its figures must hang together: every
   dimension of the definition in order, n between 0 and the respondents, no figure below
   :data:`~assessments.team.MIN_RESPONDENTS`, a mean on the scale, a score that is the
   mean's position. What the overview shows is recomputed from each team's n, mean and SD.
2. Reports that share any respondent key are refused (the same person twice, or one report
   inside another: subtraction again); the first in order stays, each refused one is named.
3. An overview needs :data:`MIN_TEAMS` usable reports.
4. Per dimension, over the G teams with a figure: N = sum n_g, the pooled mean, the total SD
   and the position and band of the pooled mean (:mod:`assessments.groupstats`); ICC(1) from
   :data:`MIN_ICC_TEAMS` teams on. A team whose dimension is withheld is left out of that
   dimension and named. No figure from fewer than two teams.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .display import decimal_text, position_text
from .documents import banded
from .groupstats import Group, icc1, mean_interval, pooled_mean, total_sd
from .model import Assessment
from .resultfiles import KEY_DIGITS, LeftOut
from .scoring import scale_position
from .team import (
    MAX_FILES,
    MAX_REPORTS,
    MIN_ICC_TEAMS,
    MIN_RESPONDENTS,
    MIN_TEAMS,
    TEAM_FORMAT,
    TEAM_FORMAT_VERSION,
    TeamError,
    interval_document,
    interval_texts,
)
from .untrusted import UntrustedInput, base_name, parse_json, shown
from .versions import fingerprint

OVERVIEW_FORMAT = "vertrouwenswijzer-afdelingsoverzicht"
OVERVIEW_FORMAT_VERSION = 1

_KEY = re.compile(rf"[0-9a-f]{{{KEY_DIGITS}}}")
_TOLERANCE = 1e-9


@dataclass(frozen=True)
class TeamFigures:
    """One team report as the overview uses it: its name, its keys and per dimension its
    (n, mean, sd), None where the report withholds the dimension."""

    file: str
    assessment: Assessment
    respondents: int
    keys: frozenset[str]
    dimensions: tuple[Group | None, ...]


def department_overview(
    files: Sequence[tuple[str, bytes]], catalog: Mapping[str, Assessment]
) -> dict[str, Any]:
    """The overview document of team report files (name, bytes), in the order given.

    Raises TeamError with one Dutch sentence (and the refused files) when fewer than
    :data:`MIN_TEAMS` reports are usable.
    """
    if len(files) > MAX_REPORTS:
        raise TeamError(
            f"Dat zijn {len(files)} bestanden; een afdelingsoverzicht neemt er hoogstens "
            f"{MAX_REPORTS}."
        )
    usable: list[TeamFigures] = []
    left_out: list[LeftOut] = []
    for name, data in files:
        entry = read_team_report(name, data, catalog)
        if isinstance(entry, TeamFigures) and usable:
            entry = _fits(entry, usable)
        if isinstance(entry, TeamFigures):
            usable.append(entry)
        else:
            left_out.append(entry)
    if len(usable) < MIN_TEAMS:
        counted = (
            "Er is 1 bruikbaar teamrapport"
            if len(usable) == 1
            else (f"Er zijn {len(usable)} bruikbare teamrapporten")
        )
        raise TeamError(
            f"{counted}; een afdelingsoverzicht heeft er minstens {MIN_TEAMS} nodig.", left_out
        )
    assessment = usable[0].assessment
    return {
        "format": OVERVIEW_FORMAT,
        "format_version": OVERVIEW_FORMAT_VERSION,
        "assessment": assessment.id,
        "version": assessment.version,
        "fingerprint": fingerprint(assessment),
        "title": assessment.title,
        "teams": [{"file": team.file, "respondents": team.respondents} for team in usable],
        "left_out": [{"file": entry.file, "reason": entry.reason} for entry in left_out],
        "dimensions": [
            _dimension(assessment, index, usable) for index in range(len(assessment.dimensions))
        ],
    }


def read_team_report(
    name: str, data: bytes, catalog: Mapping[str, Assessment]
) -> TeamFigures | LeftOut:
    """Check one team report file; its figures, or why it does not count."""
    file = shown(base_name(name))
    try:
        document = parse_json(data)
    except UntrustedInput as error:
        return LeftOut(file, str(error))
    if not isinstance(document, dict) or document.get("format") != TEAM_FORMAT:
        return LeftOut(
            file,
            "is geen teamrapport van de Vertrouwenswijzer; kies de JSON-bestanden die de "
            "pagina Teamrapport opslaat, niet de losse uitslagen.",
        )
    if document.get("format_version") != TEAM_FORMAT_VERSION:
        return LeftOut(
            file,
            "is gemaakt met een andere versie van de site; maak het teamrapport opnieuw.",
        )
    identifier = document.get("assessment")
    assessment = catalog.get(identifier) if isinstance(identifier, str) else None
    if assessment is None:
        return LeftOut(file, "hoort bij een zelftest die deze site niet kent.")
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version != assessment.version:
        # A whole number of reasonable size is named ("versie 2"); anything else is not repeated.
        made_with = (
            f"versie {version}"
            if isinstance(version, int) and not isinstance(version, bool) and 0 < version < 1000
            else "een andere versie"
        )
        return LeftOut(
            file,
            f"is gemaakt met {made_with} van '{assessment.title}'; deze site heeft versie "
            f"{assessment.version}. Rapporten van verschillende versies tellen niet samen: maak "
            "het teamrapport opnieuw met uitslagen van deze versie.",
        )
    if document.get("fingerprint") != fingerprint(assessment):
        return LeftOut(
            file,
            f"hoort bij andere vragen dan versie {assessment.version} van '{assessment.title}' "
            "op deze site (de vingerafdruk verschilt).",
        )
    problem = _figures_problem(document, assessment)
    if problem:
        return LeftOut(file, problem)
    groups = tuple(
        None if d["mean"] is None else Group(d["n"], float(d["mean"]), float(d["sd"]))
        for d in document["dimensions"]
    )
    keys = frozenset(document["respondent_keys"])
    return TeamFigures(file, assessment, document["respondents"], keys, groups)


# ---- Helper functions ----


def _fits(team: TeamFigures, usable: Sequence[TeamFigures]) -> TeamFigures | LeftOut:
    """The team, or why it cannot join the reports already in: another test, or shared people."""
    first = usable[0].assessment
    if team.assessment.id != first.id:
        return LeftOut(
            team.file,
            f"gaat over '{team.assessment.title}'; dit overzicht gaat over '{first.title}'. "
            "Maak voor elke zelftest een eigen overzicht.",
        )
    for other in usable:
        shared = len(team.keys & other.keys)
        if shared:
            return LeftOut(
                team.file,
                f"deelt {'1 uitslag' if shared == 1 else f'{shared} uitslagen'} met "
                f"'{other.file}'. Twee rapporten met dezelfde mensen erin verraden door "
                "aftrekken wat iemand antwoordde; gebruik per team één rapport.",
            )
    return team


def _figures_problem(document: dict[str, Any], assessment: Assessment) -> str | None:
    """Why a team report's figures do not hang together, or None when they do."""
    broken = "bevat cijfers die niet kloppen; maak het teamrapport opnieuw."
    respondents, keys = document.get("respondents"), document.get("respondent_keys")
    if (
        isinstance(respondents, bool)
        or not isinstance(respondents, int)
        or not MIN_RESPONDENTS <= respondents <= MAX_FILES
        or not isinstance(keys, list)
        or len(keys) != respondents
        or not all(isinstance(key, str) and _KEY.fullmatch(key) for key in keys)
        or len(set(keys)) != len(keys)
    ):
        return (
            "zegt niet goed wie er meetelden (de sleutels kloppen niet); maak het rapport opnieuw."
        )
    dimensions = document.get("dimensions")
    if not isinstance(dimensions, list) or [
        d.get("id") if isinstance(d, dict) else None for d in dimensions
    ] != [d.id for d in assessment.dimensions]:
        return broken
    scale = assessment.scale
    for dimension in dimensions:
        n, mean, sd, score = (dimension.get(k) for k in ("n", "mean", "sd", "score"))
        if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= respondents:
            return broken
        if n < MIN_RESPONDENTS:
            if mean is not None or sd is not None or score is not None:
                return broken
            continue
        if not all(_number(v) for v in (mean, sd, score)):
            return broken
        if not scale.min <= mean <= scale.max or not 0 <= sd <= scale.max - scale.min:
            return broken
        if not math.isclose(score, scale_position(mean, scale), rel_tol=0, abs_tol=_TOLERANCE):
            return broken
    return None


def _number(value: Any) -> bool:
    """A finite JSON number (not a boolean)."""
    return not isinstance(value, bool) and isinstance(value, int | float) and math.isfinite(value)


def _dimension(assessment: Assessment, index: int, teams: Sequence[TeamFigures]) -> dict[str, Any]:
    """One dimension over the teams: each team's figures, the pooled ones and ICC(1)."""
    dimension = assessment.dimensions[index]
    scale = assessment.scale
    with_figure = [(team, group) for team in teams if (group := team.dimensions[index])]
    rows = []
    for team, group in with_figure:
        score = scale_position(group.mean, scale)
        interval = interval_document(mean_interval(group, scale.min, scale.max), scale)
        rows.append(
            {
                "file": team.file,
                "n": group.n,
                "mean": group.mean,
                "sd": group.sd,
                "score": score,
                **banded(score, assessment.bands),
                "ci": interval,
                "shown_mean": decimal_text(group.mean),
                "shown_sd": decimal_text(group.sd, 2),
                "shown_score": position_text(score),
                **interval_texts(interval),
            }
        )
    groups = [group for _, group in with_figure]
    figures: dict[str, Any] = dict.fromkeys(("mean", "sd", "score", "band", "boundary", "icc1"))
    if len(groups) >= MIN_TEAMS:
        mean = pooled_mean(groups)
        score = scale_position(mean, scale)
        figures.update(
            mean=mean,
            sd=total_sd(groups),
            score=score,
            **banded(score, assessment.bands),
            icc1=icc1(groups) if len(groups) >= MIN_ICC_TEAMS else None,
        )
    return {
        "id": dimension.id,
        "title": dimension.title,
        "outcome": dimension.outcome,
        "teams": rows,
        "withheld": [team.file for team in teams if team.dimensions[index] is None],
        "g": len(groups),
        "n": sum(group.n for group in groups),
        **figures,
        "shown_mean": decimal_text(figures["mean"]),
        "shown_sd": decimal_text(figures["sd"], 2),
        "shown_score": position_text(figures["score"]),
        "shown_icc1": decimal_text(figures["icc1"], 2),
    }
