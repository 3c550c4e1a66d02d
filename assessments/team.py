"""Team figures from several people's result files: the team report and the leader mirror.

The rules are those of CONTENT.md ("Team rules"), in this order:

1. Files are read, checked and rescored by :mod:`assessments.resultfiles`: a file counts when it
   is a result of this site's current version of a team test; a repeated id counts once;
   identical answers on the same day are named as likely the same result.
2. The report covers the assessment and version that most usable files share; a report needs
   at least :data:`MIN_RESPONDENTS` usable files.
3. For each dimension d, the respondents are those whose own dimension mean m_rd exists.
   With fewer than :data:`MIN_RESPONDENTS` of them, d gets no figure at all (anonymity).
4. mean_d is the mean of the m_rd, sd_d their sample standard deviation, the score its
   position on the scale, the band that of the score, and its 95% interval
   (:func:`~assessments.groupstats.mean_interval`).
5. Agreement: r_wg(J) as a figure, unlabelled; the label from the mean item agreement
   (:func:`~assessments.groupstats.rwg_items`). Cronbach's alpha from
   :data:`MIN_ALPHA_RESPONDENTS` complete respondents on.
6. The profile names the highest and lowest dimensions, and calls two dimensions different only
   when their intervals do not overlap.
7. Items: mean and SD of the raw answers from :data:`MIN_RESPONDENTS` answers; the full
   distribution from :data:`MIN_DISTRIBUTION` answers, below that three groups (below, at and
   above the middle option).
8. Every report carries its respondent keys; an earlier report of nearly the same people
   (:mod:`assessments.overlap`) is named in ``replaces``.
9. The mirror sets a manager's own scores beside the team's, per dimension and per item.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from statistics import fmean, stdev
from typing import Any

from .display import decimal_text, position_text, shown_position, signed_decimal_text, signed_text
from .documents import banded, definition_document
from .groupstats import (
    CONFIDENCE,
    Group,
    Interval,
    agreement_label,
    cronbach_alpha,
    mean_interval,
    rwg_items,
    rwg_j,
)
from .model import Assessment, Item, Scale
from .overlap import EarlierReport, overlaps
from .resultfiles import (
    MAX_RESULT_BYTES,
    LeftOut,
    Respondent,
    likely_same,
    read_result,
    read_results,
)
from .scoring import (
    MEANINGFUL_DIFFERENCE,
    TIE_TOLERANCE,
    Result,
    is_meaningful,
    reverse,
    scale_position,
)
from .untrusted import MAX_FILE_BYTES, size_text
from .versions import fingerprint

__all__ = [
    "LeftOut",
    "Respondent",
    "TeamError",
    "agreement_label",
    "catalog_document",
    "catalog_of",
    "cronbach_alpha",
    "mirror_report",
    "mirror_with_report",
    "rwg_items",
    "rwg_j",
    "team_report",
]

TEAM_FORMAT = "vertrouwenswijzer-teamrapport"
TEAM_FORMAT_VERSION = 2
MIRROR_FORMAT = "vertrouwenswijzer-spiegel"
MIRROR_FORMAT_VERSION = 2
#: No team figure from fewer respondents: the usual default of survey vendors (CONTENT.md).
MIN_RESPONDENTS = 5
#: A full answer distribution only from this many answers: with fewer it comes close to naming
#: each answer (vendors use 8 for distributions, 5 for means).
MIN_DISTRIBUTION = 8
#: Cronbach's alpha only from this many complete respondents on: below it, it is too unstable.
MIN_ALPHA_RESPONDENTS = 30
#: At most this many files in one report: a team, not a whole organisation.
MAX_FILES = 200
#: At most this many bytes of result files to read for one report: 200 results of about 5 kB
#: fit four times; 200 files just under the size limit of one result do not.
MAX_TOTAL_BYTES = 4_000_000
#: In the mirror, an item gap counts from this many scale points (team mean - own answer).
ITEM_GAP = 1.0
#: The department overview (assessments.overview) compares teams: at least two reports.
MIN_TEAMS = 2
#: ICC(1) from this many teams on: with two, it says next to nothing.
MIN_ICC_TEAMS = 3
#: At most this many team reports in one overview: a department, not a whole country.
MAX_REPORTS = 100


class TeamError(ValueError):
    """No report can be made from these files; the message is one Dutch sentence.

    ``left_out`` holds the files that did not count, with their reasons, so that a face can say
    what to fix.
    """

    def __init__(self, message: str, left_out: Sequence[LeftOut] = ()) -> None:
        super().__init__(message)
        self.left_out = tuple(left_out)


# ---- The team report ----


def team_report(
    files: Sequence[tuple[str, bytes]],
    catalog: Mapping[str, Assessment],
    assessment_id: str | None = None,
    earlier: Sequence[EarlierReport] = (),
) -> dict[str, Any]:
    """The team report document of a set of result files (name, bytes), in the order given.

    The report covers ``assessment_id`` when given (the mirror names its team test), otherwise
    the team test that most usable files share (the first in order on a tie). Files of tests
    that are not for teams are left out: a manager's own file never counts for the team.
    ``earlier`` are reports made before (dropped in, or remembered by the page); those of nearly
    the same people are listed in ``replaces``. Raises TeamError when fewer than
    :data:`MIN_RESPONDENTS` files are usable.
    """
    if len(files) > MAX_FILES:
        raise TeamError(
            f"Dat zijn {len(files)} bestanden; een teamrapport neemt er hoogstens {MAX_FILES}. "
            "Maak een rapport per team."
        )
    # Files over the size of a result are refused one by one, unread; the rest are parsed.
    total = sum(len(data) for _, data in files if len(data) <= MAX_RESULT_BYTES)
    if total > MAX_TOTAL_BYTES:
        raise TeamError(
            f"Samen zijn de bestanden groter dan {size_text(MAX_TOTAL_BYTES)}; de uitslagen van "
            f"een team zijn samen maar een paar honderd kB. Kies alleen de uitslagbestanden."
        )
    entries = read_results(files, catalog)
    usable = [entry for entry in entries if isinstance(entry, Respondent)]
    chosen = _chosen_assessment(usable, wanted=assessment_id)
    team = [r for r in usable if r.result.assessment.id == chosen]
    left_out = [
        entry
        if isinstance(entry, LeftOut)
        else LeftOut(entry.file, _other_test(entry.result.assessment, catalog, chosen))
        for entry in entries
        if not (isinstance(entry, Respondent) and entry.result.assessment.id == chosen)
    ]
    if chosen is None or len(team) < MIN_RESPONDENTS:
        raise TeamError(_too_few(len(team), catalog.get(chosen or "")), left_out)
    assessment = catalog[chosen]
    results = [respondent.result for respondent in team]
    dimensions = [
        _dimension_figures(assessment, index, results)
        for index in range(len(assessment.dimensions))
    ]
    # A trust outcome stays out of the overall score and the profile (CONTENT.md; issue 19).
    profile = [dimension for dimension in dimensions if not dimension["outcome"]]
    overall = None
    if all(dimension["mean"] is not None for dimension in profile):
        overall_mean = fmean(dimension["mean"] for dimension in profile)
        overall_score = fmean(dimension["score"] for dimension in profile)
        overall = {
            "mean": overall_mean,
            "score": overall_score,
            **banded(overall_score, assessment.bands),
            "shown_mean": decimal_text(overall_mean),
            "shown_score": position_text(overall_score),
        }
    keys = sorted(respondent.key for respondent in team)
    return {
        "format": TEAM_FORMAT,
        "format_version": TEAM_FORMAT_VERSION,
        "assessment": assessment.id,
        "version": assessment.version,
        "fingerprint": fingerprint(assessment),
        "title": assessment.title,
        "respondents": len(results),
        "respondent_keys": keys,
        "left_out": [{"file": entry.file, "reason": entry.reason} for entry in left_out],
        "likely_same": likely_same(team),
        "replaces": overlaps(assessment.id, assessment.version, keys, earlier),
        "confidence": CONFIDENCE,
        "dimensions": dimensions,
        "profile": _profile(profile),
        "items": [_item_figures(item, assessment.scale, results) for item in assessment.items],
        "overall": overall,
    }


def interval_document(interval: Interval, scale: Scale) -> dict[str, Any]:
    """An interval of a mean on the scale, also as positions (0-100), with its shown texts."""
    low_score = scale_position(interval.low, scale)
    high_score = scale_position(interval.high, scale)
    return {
        "low": interval.low,
        "high": interval.high,
        "low_score": low_score,
        "high_score": high_score,
        "half_width": interval.half_width,
    }


def interval_texts(interval: dict[str, Any] | None) -> dict[str, str | None]:
    """The shown texts of an interval document (all None without one)."""
    if interval is None:
        return dict.fromkeys(
            ("shown_ci_low", "shown_ci_high", "shown_ci_low_score", "shown_ci_high_score")
        )
    return {
        "shown_ci_low": decimal_text(interval["low"]),
        "shown_ci_high": decimal_text(interval["high"]),
        "shown_ci_low_score": position_text(interval["low_score"]),
        "shown_ci_high_score": position_text(interval["high_score"]),
    }


# ---- The leader mirror ----


def mirror_report(
    self_file: tuple[str, bytes],
    team_files: Sequence[tuple[str, bytes]],
    catalog: Mapping[str, Assessment],
) -> dict[str, Any]:
    """A manager's own result beside the team's view of them (see :func:`mirror_with_report`)."""
    return mirror_with_report(self_file, team_files, catalog)[0]


def mirror_with_report(
    self_file: tuple[str, bytes],
    team_files: Sequence[tuple[str, bytes]],
    catalog: Mapping[str, Assessment],
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The mirror document and the team report it was made from, made once.

    Per dimension: own and team position, difference = team - own, meaningful when it is at
    least :data:`~assessments.scoring.MEANINGFUL_DIFFERENCE` scale points and the own score lies
    outside the team mean's interval. Per mirrored item (the items of a dimension pair up in
    order, as the validator requires): the own raw answer, the team's distribution and mean,
    difference = team mean - own answer in scale points, and a gap from :data:`ITEM_GAP` on.
    A gap is a blind spot when the team sees less of what the item asks for (after reverse
    keying), a hidden strength when it sees more.

    ``self_file`` must be a result of a test that another test mirrors (leiderschap, mirrored by
    leiderschap-team); the team part is the team report of the mirroring test. Raises TeamError
    when the own file is not such a result, or when the team part has too few usable files.
    """
    own = read_result(*self_file, catalog)
    if isinstance(own, LeftOut):
        raise TeamError(f"Het eigen bestand '{own.file}' telt niet: het {own.reason}")
    mirrors = [a for a in catalog.values() if a.mirror_of == own.result.assessment.id]
    if not mirrors:
        raise TeamError(
            f"Het eigen bestand '{own.file}' is een uitslag van '{own.result.assessment.title}'; "
            "die test heeft geen teamversie om mee te vergelijken. Kies je eigen uitslag van "
            + _mirrored_titles(catalog)
            + "."
        )
    report = team_report(team_files, catalog, mirrors[0].id)
    team_assessment = catalog[mirrors[0].id]
    scale = own.result.assessment.scale
    team_dimensions = {dimension["id"]: dimension for dimension in report["dimensions"]}
    rows = [
        _mirror_dimension(
            dimension.dimension.id,
            dimension.dimension.title,
            dimension.score,
            team_dimensions[dimension.dimension.id],
            scale,
        )
        for dimension in own.result.dimensions
    ]
    items = _mirror_items(own.result, team_assessment, report)
    gaps = [item for item in items if item["gap"] is not None]
    gaps.sort(key=lambda item: -abs(item["difference"]))
    mirror = {
        "format": MIRROR_FORMAT,
        "format_version": MIRROR_FORMAT_VERSION,
        "self": {
            "assessment": own.result.assessment.id,
            "version": own.result.assessment.version,
            "file": own.file,
        },
        "team": {
            "assessment": report["assessment"],
            "version": report["version"],
            "respondents": report["respondents"],
        },
        "meaningful_difference": MEANINGFUL_DIFFERENCE,
        "meaningful_difference_shown": decimal_text(MEANINGFUL_DIFFERENCE),
        "item_gap": ITEM_GAP,
        "item_gap_shown": decimal_text(ITEM_GAP),
        "left_out": report["left_out"],
        "dimensions": rows,
        "items": items,
        "blind_spots": [item["id"] for item in gaps if item["gap"] == "blinde-vlek"],
        "hidden_strengths": [item["id"] for item in gaps if item["gap"] == "verborgen-kracht"],
    }
    return mirror, report


# ---- The catalog a team page embeds ----


def catalog_of(assessments: Iterable[Assessment]) -> dict[str, Assessment]:
    """Assessments by id: the form every function of this module takes them in."""
    return {assessment.id: assessment for assessment in assessments}


def catalog_document(assessments: Iterable[Assessment]) -> dict[str, Any]:
    """What a team page embeds: the definitions a file may belong to, and the limits.

    The browser reads the limits from here (no number is written twice) and hands the files
    to the engine, which checks them again.
    """
    return {
        "format": "vertrouwenswijzer-catalogus",
        "format_version": 1,
        "limits": {
            "max_file_bytes": MAX_RESULT_BYTES,
            "max_report_bytes": MAX_FILE_BYTES,
            "max_total_bytes": MAX_TOTAL_BYTES,
            "max_files": MAX_FILES,
            "min_respondents": MIN_RESPONDENTS,
            "min_distribution": MIN_DISTRIBUTION,
            "min_alpha_respondents": MIN_ALPHA_RESPONDENTS,
            "min_teams": MIN_TEAMS,
            "min_icc_teams": MIN_ICC_TEAMS,
            "max_reports": MAX_REPORTS,
        },
        "assessments": [definition_document(assessment) for assessment in assessments],
    }


# ---- Helper functions ----


def _chosen_assessment(usable: Sequence[Respondent], wanted: str | None) -> str | None:
    """The team test most usable files share (the first on a tie), or the one asked for."""
    if wanted is not None:
        return wanted
    counts = Counter(r.result.assessment.id for r in usable if r.result.assessment.team_report)
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def _other_test(
    assessment: Assessment, catalog: Mapping[str, Assessment], chosen: str | None
) -> str:
    """Why a usable result of another test does not count in this report."""
    if not assessment.team_report:
        if any(other.mirror_of == assessment.id for other in catalog.values()):
            return (
                f"is een eigen uitslag van '{assessment.title}'. Het eigen beeld van een "
                "leidinggevende telt nooit mee in de cijfers van het team; gebruik het in de spiegel."
            )
        if assessment.self_rated:
            return (
                f"is een uitslag van '{assessment.title}', een test over jezelf; die telt niet "
                "mee in een teamrapport."
            )
        # A test one person fills in for themself, about something else (klimaat: the manager
        # about the team's set-up): several such answers describe different things.
        return (
            f"is een uitslag van '{assessment.title}', een test die één persoon voor zichzelf "
            "invult; die telt niet mee in een teamrapport."
        )
    assert chosen is not None  # a usable result of a team test makes one test the chosen one
    return (
        f"is een uitslag van '{assessment.title}'; dit rapport gaat over "
        f"'{catalog[chosen].title}'. "
        "Maak voor elke zelftest een eigen rapport."
    )


def _too_few(count: int, assessment: Assessment | None) -> str:
    """Why no report was made: too few usable files.

    >>> _too_few(1, None)
    'Er is 1 bruikbare uitslag; een teamrapport heeft er minstens 5 nodig, zodat niemand aan zijn antwoorden te herkennen is.'
    """
    what = f" van '{assessment.title}'" if assessment is not None else ""
    counted = "Er is 1 bruikbare uitslag" if count == 1 else f"Er zijn {count} bruikbare uitslagen"
    return (
        f"{counted}{what}; een teamrapport heeft er minstens "
        f"{MIN_RESPONDENTS} nodig, zodat niemand aan zijn antwoorden te herkennen is."
    )


def _mirrored_titles(catalog: Mapping[str, Assessment]) -> str:
    """The titles of the tests that have a team mirror, for a message."""
    titles = [
        f"'{catalog[a.mirror_of].title}'"
        for a in catalog.values()
        if a.mirror_of is not None and a.mirror_of in catalog
    ]
    return " of ".join(titles) or "een test met een teamversie"


def _keyed(item: Item, value: int, scale: Scale) -> int:
    """An answer after reverse keying, when its item is reverse-keyed."""
    return reverse(value, scale) if item.reverse else value


def _two(value: float | None) -> str | None:
    """A statistic (sd, agreement, alpha) as shown: two decimals."""
    return decimal_text(value, 2)


def _dimension_figures(
    assessment: Assessment, index: int, results: Sequence[Result]
) -> dict[str, Any]:
    """Team figures of the index-th dimension, or only its counts with too few respondents."""
    dimension = assessment.dimensions[index]
    items = assessment.items_of(dimension.id)
    scale = assessment.scale
    # Each result lists its dimensions in the definition's order.
    respondents = [result for result in results if result.dimensions[index].mean is not None]
    complete = [r for r in respondents if all(r.answers.get(item.id) is not None for item in items)]
    figures: dict[str, Any] = {
        "id": dimension.id,
        "title": dimension.title,
        # A trust outcome: shown beside the profile, left out of the overall score.
        "outcome": dimension.outcome,
        "n": len(respondents),
        "mean": None,
        "sd": None,
        "score": None,
        "band": None,
        "boundary": None,
        "rwg": None,
        "rwg_items": None,
        "agreement": None,
        "alpha": None,
        "alpha_n": len(complete),
        "ci": None,
    }
    if len(respondents) >= MIN_RESPONDENTS:
        means = [result.dimensions[index].mean or 0.0 for result in respondents]
        mean, sd = fmean(means), stdev(means)
        position = scale_position(mean, scale)
        keyed = [
            [
                _keyed(item, value, scale)
                for result in respondents
                if (value := result.answers.get(item.id)) is not None
            ]
            for item in items
        ]
        per_item = rwg_items(keyed, scale.option_count)
        alpha = None
        if len(complete) >= MIN_ALPHA_RESPONDENTS:
            alpha = cronbach_alpha(
                [[_keyed(i, r.answers[i.id] or 0, scale) for i in items] for r in complete]
            )
        interval = mean_interval(Group(len(means), mean, sd), scale.min, scale.max)
        figures.update(
            mean=mean,
            sd=sd,
            score=position,
            **banded(position, assessment.bands),
            rwg=rwg_j(keyed, scale.option_count),
            rwg_items=per_item,
            agreement=None if per_item is None else agreement_label(per_item),
            alpha=alpha,
            ci=interval_document(interval, scale),
        )
    figures.update(
        shown_mean=decimal_text(figures["mean"]),
        shown_sd=_two(figures["sd"]),
        shown_score=None if figures["score"] is None else position_text(figures["score"]),
        shown_rwg=_two(figures["rwg"]),
        shown_rwg_items=_two(figures["rwg_items"]),
        shown_alpha=_two(figures["alpha"]),
        **interval_texts(figures["ci"]),
    )
    return figures


def _profile(dimensions: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """The highest and lowest dimensions (ties together), and which pairs differ for sure:
    those whose intervals do not overlap. None with fewer than two dimensions with a figure."""
    scored = [d for d in dimensions if d["mean"] is not None]
    if len(scored) < 2:
        return None
    top = max(d["mean"] for d in scored)
    bottom = min(d["mean"] for d in scored)
    highest = [d for d in scored if top - d["mean"] <= TIE_TOLERANCE]
    lowest = [d for d in scored if d["mean"] - bottom <= TIE_TOLERANCE]
    pairs = [
        [a["id"], b["id"]] if a["mean"] > b["mean"] else [b["id"], a["id"]]
        for position, a in enumerate(scored)
        for b in scored[position + 1 :]
        if not _overlap(a, b)
    ]
    different = top - bottom > TIE_TOLERANCE and all(
        not _overlap(a, b) for a in highest for b in lowest
    )
    return {
        "highest": [d["id"] for d in highest],
        "lowest": [d["id"] for d in lowest],
        "different": different,
        "distinct_pairs": pairs,
    }


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two dimensions' intervals share a point."""
    first, second = (
        Interval(d["ci"]["low"], d["ci"]["high"], d["ci"]["half_width"]) for d in (a, b)
    )
    return first.overlaps(second)


def _item_figures(item: Item, scale: Scale, results: Sequence[Result]) -> dict[str, Any]:
    """One item's raw answers over all files: mean and SD from MIN_RESPONDENTS answers, the full
    distribution from MIN_DISTRIBUTION, three groups in between; nothing below the minimum."""
    values = [v for result in results if (v := result.answers.get(item.id)) is not None]
    return {
        "id": item.id,
        "dimension": item.dimension,
        **answer_figures(values, len(results), scale),
    }


def answer_figures(values: Sequence[int], total: int, scale: Scale) -> dict[str, Any]:
    """n, dont_know, mean, sd, counts and groups of the raw answers to one item (see above)."""
    n = len(values)
    enough = n >= MIN_RESPONDENTS
    mean = fmean(values) if enough else None
    sd = stdev(values) if enough else None
    counted = Counter(values)
    counts = groups = None
    if n >= MIN_DISTRIBUTION:
        counts = {str(o.value): counted[o.value] for o in scale.options}
    elif enough:
        groups = [
            {"id": name, "values": part, "count": sum(counted[v] for v in part)}
            for name, part in _answer_groups(scale)
        ]
    return {
        "n": n,
        "dont_know": total - n,
        "mean": mean,
        "sd": sd,
        "counts": counts,
        "groups": groups,
        "shown_mean": decimal_text(mean),
        "shown_sd": _two(sd),
    }


def _answer_groups(scale: Scale) -> list[tuple[str, list[int]]]:
    """The options below the middle one, the middle one, and those above (two halves on an
    even scale), as (group id, values)."""
    values = sorted(option.value for option in scale.options)
    half = len(values) // 2
    if len(values) % 2 == 0:
        return [("onder", values[:half]), ("boven", values[half:])]
    return [("onder", values[:half]), ("midden", [values[half]]), ("boven", values[half + 1 :])]


def _mirror_dimension(
    dimension_id: str, title: str, own: float | None, team: dict[str, Any], scale: Scale
) -> dict[str, Any]:
    """One dimension of the mirror: own and team position, the difference and whether it counts."""
    team_score, interval = team["score"], team["ci"]
    difference = meaningful = inside = shown_difference = None
    if own is not None and team_score is not None:
        difference = team_score - own
        inside = interval["low_score"] - 1e-9 <= own <= interval["high_score"] + 1e-9
        meaningful = is_meaningful(difference, scale) and not inside
        shown_difference = signed_text(shown_position(team_score) - shown_position(own))
    return {
        "id": dimension_id,
        "title": title,
        "self": own,
        "team": team_score,
        "difference": difference,
        "meaningful": meaningful,
        "team_ci": None
        if interval is None
        else {"low_score": interval["low_score"], "high_score": interval["high_score"]},
        "self_inside_ci": inside,
        "shown_self": None if own is None else position_text(own),
        "shown_team": team["shown_score"],
        "shown_difference": shown_difference,
        "shown_team_ci_low_score": team["shown_ci_low_score"],
        "shown_team_ci_high_score": team["shown_ci_high_score"],
    }


def _mirror_items(
    own: Result, team_assessment: Assessment, report: dict[str, Any]
) -> list[dict[str, Any]]:
    """Per mirrored item pair: own raw answer, the team's figures, the difference and the gap."""
    team_items = {item["id"]: item for item in report["items"]}
    rows = []
    for dimension in own.assessment.dimensions:
        pairs = zip(
            own.assessment.items_of(dimension.id),
            team_assessment.items_of(dimension.id),
            strict=True,
        )
        for own_item, team_item in pairs:
            figures = team_items[team_item.id]
            answer = own.answers.get(own_item.id)
            difference = gap = shown_difference = None
            if answer is not None and figures["mean"] is not None:
                difference = figures["mean"] - answer
                keyed = -difference if team_item.reverse else difference
                if abs(difference) >= ITEM_GAP - 1e-9:
                    gap = "blinde-vlek" if keyed < 0 else "verborgen-kracht"
                # The difference of the shown numbers, so that a text never reads
                # "2,8 against 4 (-1,3)".
                shown_mean = Decimal(figures["shown_mean"].replace(",", "."))
                shown_difference = signed_decimal_text(float(shown_mean - answer))
            rows.append(
                {
                    "id": team_item.id,
                    "self_item": own_item.id,
                    "dimension": dimension.id,
                    "reverse": team_item.reverse,
                    "own": answer,
                    "team": {k: v for k, v in figures.items() if k not in ("id", "dimension")},
                    "difference": difference,
                    "gap": gap,
                    "shown_own": None if answer is None else str(answer),
                    "shown_difference": shown_difference,
                }
            )
    return rows
