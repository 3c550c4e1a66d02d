"""Scoring of one person's answers, exactly as the content brief (CONTENT.md) prescribes.

The rules, in the order they are applied:

1. Reverse keying: a reverse-keyed answer x becomes x' = (min + max) - x.
2. A dimension is scored only when enough of its k items are answered:
   k - 1 when k <= 4, ceil(0.75 k) when k >= 5 (see :func:`required_answers`).
   "Weet ik niet" (``None``) and skipped items count as missing, never as the midpoint.
3. The dimension mean is the mean of its answered items after reversal.
4. The position on the scale is 100 (mean - min) / (max - min): a place on the answer
   scale, not a percentage of people and not a percentile.
5. The overall score is the mean of the dimension means; it is withheld (``None``)
   as soon as one dimension has too few answers. A trust outcome dimension (``outcome``) is
   scored like any other but stays out of the overall score and the profile.
6. Bands are anchored to the answer scale. There is no norm group.
7. The profile names the strongest and the weakest dimension; dimensions with equal means are
   named together, as a tie.
8. For one person a difference of less than :data:`MEANINGFUL_DIFFERENCE` scale points between
   two dimensions is, as a rule of thumb, within measurement error. It is a rule of thumb, not a
   measured error margin: the tests have not been piloted.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise
from statistics import fmean

from .model import Assessment, Band, Dimension, Scale

#: Differences between two dimensions below this many scale points are not meaningful for one
#: person: a rule of thumb for the measurement error of a short scale, not a measured margin
#: (the tests have not been piloted; CONTENT.md).
MEANINGFUL_DIFFERENCE = 0.7
#: Means closer than this count as equal (a tie): floating point, not a real difference.
TIE_TOLERANCE = 1e-9
#: A position closer than this to a band edge lies on it (CONTENT.md: |position - edge| < 1e-9).
EDGE_TOLERANCE = 1e-9

Answers = Mapping[str, int | None]


class AnswerError(ValueError):
    """Answers that do not fit the assessment: an unknown item or a value off the scale."""


@dataclass(frozen=True)
class DimensionResult:
    """The score of one dimension; ``mean`` and ``score`` are ``None`` with too few answers."""

    dimension: Dimension
    items: int
    answered: int
    dont_know: int
    required: int
    mean: float | None
    score: float | None
    band: Band | None

    @property
    def scored(self) -> bool:
        """Whether enough items were answered to give this dimension a score."""
        return self.mean is not None


@dataclass(frozen=True)
class Result:
    """The scored answers of one person to one assessment."""

    assessment: Assessment
    answers: Mapping[str, int | None]
    dimensions: tuple[DimensionResult, ...]
    overall_mean: float | None
    overall_score: float | None
    overall_band: Band | None
    #: The dimensions with the highest mean, in definition order; more than one is a tie.
    #: Empty when fewer than two dimensions are scored.
    strongest: tuple[DimensionResult, ...]
    #: The dimensions with the lowest mean, in definition order, ties included; or empty.
    weakest: tuple[DimensionResult, ...]

    @property
    def spread(self) -> float | None:
        """The distance in scale points between the strongest and the weakest dimension."""
        if not self.strongest or not self.weakest:
            return None
        assert self.strongest[0].mean is not None and self.weakest[0].mean is not None
        return self.strongest[0].mean - self.weakest[0].mean

    @property
    def spread_is_meaningful(self) -> bool:
        """Whether strongest and weakest differ by at least :data:`MEANINGFUL_DIFFERENCE`."""
        spread = self.spread
        # A tiny tolerance keeps a difference of exactly 0.7 (as 4.2 - 3.5 in floating point) on
        # the meaningful side.
        return spread is not None and spread >= MEANINGFUL_DIFFERENCE - 1e-9


# ---- Scoring rules ----


def reverse(value: int, scale: Scale) -> int:
    """Mirror an answer on its scale: x' = (min + max) - x.

    >>> from assessments.model import Scale
    >>> reverse(2, Scale(1, 5, (), ""))
    4
    """
    return scale.min + scale.max - value


def required_answers(item_count: int) -> int:
    """How many of a dimension's k items must be answered for it to be scored.

    k - 1 for k <= 4, ceil(0.75 k) for k >= 5.

    >>> [required_answers(k) for k in (3, 4, 5, 6)]
    [2, 3, 4, 5]
    """
    if item_count < 1:
        raise ValueError("a dimension needs at least one item")
    if item_count <= 4:
        return max(item_count - 1, 1)
    return math.ceil(0.75 * item_count)


def scale_position(mean: float, scale: Scale) -> float:
    """The position of a mean on the scale, 0 at its minimum and 100 at its maximum.

    >>> from assessments.model import Scale
    >>> scale_position(4.0, Scale(1, 5, (), ""))
    75.0
    """
    return 100 * (mean - scale.min) / (scale.max - scale.min)


def is_meaningful(difference: float, scale: Scale) -> bool:
    """Whether a difference between two positions (0-100) is at least MEANINGFUL_DIFFERENCE.

    In scale points: |difference| / 100 * (max - min) >= 0.7. A tiny tolerance keeps a
    difference of exactly 0.7 scale points (17.5 positions on a 1-5 scale, not exact in
    floating point) on the meaningful side.

    >>> from assessments.model import Scale
    >>> is_meaningful(17.5, Scale(1, 5, (), "")), is_meaningful(-17.4, Scale(1, 5, (), ""))
    (True, False)
    """
    return abs(difference) / 100 * (scale.max - scale.min) >= MEANINGFUL_DIFFERENCE - 1e-9


def band_for(position: float, bands: tuple[Band, ...]) -> Band:
    """The band a 0-100 position falls in: lower <= position < upper, the last band closed at 100.

    A position on an inner edge (within :data:`EDGE_TOLERANCE`; with four answered items about a
    quarter of all answer patterns land there) belongs to the lower band, and
    :func:`band_above` names the band it borders on (CONTENT.md, the band rule).

    >>> from assessments.model import Band
    >>> bands = (Band("a", 0, 62.5, "Regelmatig", ""), Band("b", 62.5, 100, "Vaak", ""))
    >>> [band_for(p, bands).label for p in (62.4, 62.5, 62.5 + 1e-12, 62.6, 100)]
    ['Regelmatig', 'Regelmatig', 'Regelmatig', 'Vaak', 'Vaak']
    """
    if band_above(position, bands) is not None:
        return next(band for band in bands if abs(position - band.upper) < EDGE_TOLERANCE)
    for band in bands:
        if band.lower <= position < band.upper:
            return band
    last = bands[-1]
    if position == last.upper:
        return last
    raise ValueError(f"position {position} lies outside every band")


def band_above(position: float, bands: tuple[Band, ...]) -> Band | None:
    """The band above when a position lies exactly on an inner edge (it belongs to the band
    below); None everywhere else.

    >>> from assessments.model import Band
    >>> bands = (Band("a", 0, 62.5, "Regelmatig", ""), Band("b", 62.5, 100, "Vaak", ""))
    >>> band_above(62.5, bands).label, band_above(62.6, bands), band_above(100, bands)
    ('Vaak', None, None)
    """
    for lower, upper in pairwise(bands):
        if abs(position - lower.upper) < EDGE_TOLERANCE:
            return upper
    return None


def boundary_text(lower: Band, upper: Band) -> str:
    """What a result says of a position on an edge, naming both bands.

    >>> from assessments.model import Band
    >>> boundary_text(Band("a", 0, 62.5, "Regelmatig", ""), Band("b", 62.5, 100, "Vaak", ""))
    "op de grens van 'Regelmatig' en 'Vaak'"
    """
    return f"op de grens van '{lower.label}' en '{upper.label}'"


def check_answers(assessment: Assessment, answers: Answers) -> None:
    """Raise :class:`AnswerError` for an unknown item id or a value that is not an answer option."""
    known = {item.id for item in assessment.items}
    values = {option.value for option in assessment.scale.options}
    for item_id, value in answers.items():
        if item_id not in known:
            raise AnswerError(
                f"onbekende vraag {_shown(item_id)}; die hoort niet bij zelftest {assessment.id!r}"
            )
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value not in values:
            raise AnswerError(
                f"vraag {_shown(item_id)}: {_shown(value)} is geen antwoord op de schaal "
                f"({assessment.scale.min}-{assessment.scale.max}, of null voor 'weet ik niet')"
            )


def score(assessment: Assessment, answers: Answers) -> Result:
    """Score one person's answers (item id -> value, ``None`` for "weet ik niet").

    Items missing from ``answers`` count as skipped; both count as missing for the scores.
    """
    check_answers(assessment, answers)
    dimension_results = tuple(
        _score_dimension(assessment, dimension, answers) for dimension in assessment.dimensions
    )
    # A trust outcome is reported beside the profile: never in the overall score or the profile.
    profile = [result for result in dimension_results if not result.dimension.outcome]
    scored = [result for result in profile if result.mean is not None]
    overall_mean = overall_score = None
    overall_band = None
    if len(scored) == len(profile):
        overall_mean = fmean(result.mean for result in scored if result.mean is not None)
        overall_score = scale_position(overall_mean, assessment.scale)
        overall_band = band_for(overall_score, assessment.bands)
    strongest: tuple[DimensionResult, ...] = ()
    weakest: tuple[DimensionResult, ...] = ()
    if len(scored) >= 2:
        strongest = _tied_at(scored, max(result.mean or 0.0 for result in scored))
        weakest = _tied_at(scored, min(result.mean or 0.0 for result in scored))
    return Result(
        assessment=assessment,
        answers=dict(answers),
        dimensions=dimension_results,
        overall_mean=overall_mean,
        overall_score=overall_score,
        overall_band=overall_band,
        strongest=strongest,
        weakest=weakest,
    )


# ---- Helper functions ----


def _shown(value: object) -> str:
    """A value from an answers file, quoted as repr does but cut short: files may be hostile."""
    text = repr(value)
    return text if len(text) <= 80 else text[:80] + "…"


def _tied_at(scored: list[DimensionResult], mean: float) -> tuple[DimensionResult, ...]:
    """The scored dimensions whose mean equals ``mean``: one, or several in a tie."""
    return tuple(
        result
        for result in scored
        if result.mean is not None and abs(result.mean - mean) <= TIE_TOLERANCE
    )


def _score_dimension(
    assessment: Assessment, dimension: Dimension, answers: Answers
) -> DimensionResult:
    """Apply reverse keying and the missing-answer rule to one dimension."""
    items = assessment.items_of(dimension.id)
    keyed = [
        reverse(value, assessment.scale) if item.reverse else value
        for item in items
        if (value := answers.get(item.id)) is not None
    ]
    dont_know = sum(1 for item in items if item.id in answers and answers[item.id] is None)
    required = required_answers(len(items))
    mean = score_value = None
    band = None
    if len(keyed) >= required:
        mean = fmean(keyed)
        score_value = scale_position(mean, assessment.scale)
        band = band_for(score_value, assessment.bands)
    return DimensionResult(
        dimension=dimension,
        items=len(items),
        answered=len(keyed),
        dont_know=dont_know,
        required=required,
        mean=mean,
        score=score_value,
        band=band,
    )
