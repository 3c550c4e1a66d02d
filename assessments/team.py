"""Team figures from several people's result files: the team report and the leader mirror.

The rules are those of CONTENT.md ("Team rules"), in this order:

1. A file counts when it is a result document of this site, of the report's assessment,
   version and fingerprint, and its answers pass the engine's checks. The scores written in a
   file are never used: every figure is recomputed from its answers, and a file whose written
   scores differ from the recomputed ones is left out. A repeated result id counts once.
2. The report covers the assessment and version that most usable files share; a report needs
   at least :data:`MIN_RESPONDENTS` usable files.
3. For each dimension d, the respondents are those whose own dimension mean m_rd exists.
   With fewer than :data:`MIN_RESPONDENTS` of them, d gets no figure at all (anonymity).
4. mean_d is the mean of the m_rd, sd_d their sample standard deviation, the score its
   position on the scale and the band that of the score.
5. Agreement r_wg(J) (James, Demaree & Wolf 1984), see :func:`rwg_j`; Cronbach's alpha from
   :data:`MIN_ALPHA_RESPONDENTS` complete respondents on, see :func:`cronbach_alpha`.
6. Items: the distribution of the raw answers over all files, withheld below
   :data:`MIN_RESPONDENTS` answers.
7. The mirror sets a manager's own scores beside the team's, per dimension; a difference of at
   least :data:`~assessments.scoring.MEANINGFUL_DIFFERENCE` scale points is meaningful.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean, stdev, variance
from typing import Any

from .documents import (
    DEFINITION_FORMAT,
    RESULT_FORMAT,
    RESULT_FORMAT_VERSION,
    band_document,
    definition_document,
)
from .model import Assessment, Item, Scale
from .scoring import (
    MEANINGFUL_DIFFERENCE,
    AnswerError,
    Result,
    band_for,
    is_meaningful,
    reverse,
    scale_position,
    score,
)
from .untrusted import MAX_FILE_BYTES, UntrustedInput, base_name, parse_json, shown
from .versions import fingerprint

TEAM_FORMAT = "vertrouwenswijzer-teamrapport"
TEAM_FORMAT_VERSION = 1
MIRROR_FORMAT = "vertrouwenswijzer-spiegel"
MIRROR_FORMAT_VERSION = 1
#: No team figure from fewer respondents: the usual default of survey vendors (CONTENT.md).
MIN_RESPONDENTS = 5
#: Cronbach's alpha only from this many complete respondents on: below it, it is too unstable.
MIN_ALPHA_RESPONDENTS = 30
#: At most this many files in one report: a team, not a whole organisation.
MAX_FILES = 200
#: The agreement labels of LeBreton & Senter (2008), highest first: (lowest r_wg, label).
AGREEMENT_LABELS = (
    (0.71, "sterke overeenstemming"),
    (0.51, "matige overeenstemming"),
    (-math.inf, "weinig overeenstemming"),
)
#: A result id as the engine writes it (hex) or as another honest tool might (a UUID).
_RESULT_ID = re.compile(r"[A-Za-z0-9-]{8,64}")
#: Written and recomputed scores may differ by rounding in a JSON round trip, never by more.
_TOLERANCE = 1e-9


class TeamError(ValueError):
    """No report can be made from these files; the message is one Dutch sentence.

    ``left_out`` holds the files that did not count, with their reasons, so that a face can say
    what to fix.
    """

    def __init__(self, message: str, left_out: Sequence[LeftOut] = ()) -> None:
        super().__init__(message)
        self.left_out = tuple(left_out)


@dataclass(frozen=True)
class LeftOut:
    """A file that does not count, with the reason in Dutch."""

    file: str
    reason: str


@dataclass(frozen=True)
class Respondent:
    """One usable file: whose answers, rescored by the engine."""

    file: str
    result_id: str
    result: Result


# ---- Statistics ----


def rwg_j(item_answers: Sequence[Sequence[float]], option_count: int) -> float | None:
    """Within-group agreement over J items, r_wg(J) (James, Demaree & Wolf 1984).

    ``item_answers`` holds, per item, the (reverse-keyed) answers given to it; items with fewer
    than two answers are skipped. With s2 the mean of the items' sample variances and
    sigma2_EU = (A^2 - 1) / 12 the variance of a uniform answer over A options:

        r_wg(J) = J (1 - s2/sigma2_EU) / (J (1 - s2/sigma2_EU) + s2/sigma2_EU)

    None when no item is left; 0 when s2 >= sigma2_EU (the convention of R's multilevel
    package, rwg.j), so that more disagreement than chance never reads as agreement.

    >>> rwg_j([[4, 4, 4], [5, 5, 5]], 5)
    1.0
    >>> round(rwg_j([[4, 5, 4, 3], [3, 4, 4, 4]], 5), 4)
    0.8706
    >>> rwg_j([[1, 5, 1, 5], [5, 1, 5, 1]], 5), rwg_j([[3]], 5)
    (0.0, None)
    """
    variances = [variance(answers) for answers in item_answers if len(answers) >= 2]
    if not variances:
        return None
    items = len(variances)
    expected = (option_count**2 - 1) / 12
    ratio = fmean(variances) / expected
    if ratio >= 1:
        return 0.0
    return items * (1 - ratio) / (items * (1 - ratio) + ratio)


def agreement_label(rwg: float) -> str:
    """The Dutch label of an r_wg value (LeBreton & Senter 2008).

    >>> agreement_label(0.71), agreement_label(0.6), agreement_label(0.2)
    ('sterke overeenstemming', 'matige overeenstemming', 'weinig overeenstemming')
    """
    return next(label for lowest, label in AGREEMENT_LABELS if rwg >= lowest)


def cronbach_alpha(rows: Sequence[Sequence[float]]) -> float | None:
    """Cronbach's alpha of complete rows (one per respondent, one column per item).

    alpha = k / (k - 1) * (1 - sum of the item variances / variance of the row totals), with
    sample variances. None with fewer than two items or two rows, or when the totals do not
    vary (every respondent gave the same total): alpha is undefined then.

    >>> round(cronbach_alpha([[1, 2, 2], [2, 3, 3], [4, 4, 5], [3, 3, 4]]), 4)
    0.9706
    """
    if len(rows) < 2 or len(rows[0]) < 2:
        return None
    items = len(rows[0])
    total_variance = variance([sum(row) for row in rows])
    if total_variance == 0:
        return None
    item_variances = sum(variance([row[j] for row in rows]) for j in range(items))
    return items / (items - 1) * (1 - item_variances / total_variance)


# ---- Reading result files ----


def read_result(name: str, data: bytes, catalog: Mapping[str, Assessment]) -> Respondent | LeftOut:
    """Check one result file against the site's assessments and rescore its answers.

    ``catalog`` maps assessment ids to the definitions this site has now. The file counts only
    as a result of one of those, at the same version and fingerprint, whose answers fit the
    questions and whose written scores are what its answers give.
    """
    file = shown(base_name(name))
    try:
        document = parse_json(data)
    except UntrustedInput as error:
        return LeftOut(file, str(error))
    reason = _not_a_result(document)
    if reason:
        return LeftOut(file, reason)
    assessment = catalog.get(document["assessment"])
    if assessment is None:
        return LeftOut(
            file,
            f"is de uitslag van een zelftest die deze site niet kent ('{shown(document['assessment'], 40)}').",
        )
    if document["version"] != assessment.version:
        return LeftOut(
            file,
            f"is gemaakt met versie {document['version']} van '{assessment.title}'; deze site "
            f"heeft versie {assessment.version}. Uitslagen van verschillende versies tellen niet "
            "samen.",
        )
    if document["fingerprint"] != fingerprint(assessment):
        return LeftOut(
            file,
            f"hoort bij andere vragen dan versie {assessment.version} van '{assessment.title}' "
            "op deze site (de vingerafdruk verschilt).",
        )
    answers = document["answers"]
    if not all(isinstance(key, str) for key in answers):
        return LeftOut(file, "bevat antwoorden die niet bij deze zelftest passen.")
    try:
        result = score(assessment, answers)
    except AnswerError:
        return LeftOut(
            file,
            f"bevat antwoorden die niet bij '{assessment.title}' passen: een onbekende vraag of "
            "een waarde buiten de schaal.",
        )
    if not _scores_match(document, result):
        return LeftOut(
            file,
            "bevat scores die niet kloppen met de antwoorden erin; het bestand is na het "
            "invullen veranderd.",
        )
    return Respondent(file, document["id"], result)


def read_results(
    files: Sequence[tuple[str, bytes]], catalog: Mapping[str, Assessment]
) -> list[Respondent | LeftOut]:
    """Read many files, in the order given: each usable one, or why it is left out.

    A result id that came before is left out as a repeat. Raises TeamError for more than
    :data:`MAX_FILES` files.
    """
    if len(files) > MAX_FILES:
        raise TeamError(
            f"Dat zijn {len(files)} bestanden; een teamrapport neemt er hoogstens {MAX_FILES}. "
            "Maak een rapport per team."
        )
    read: list[Respondent | LeftOut] = []
    first_seen: dict[str, str] = {}
    for name, data in files:
        entry = read_result(name, data, catalog)
        if isinstance(entry, Respondent):
            if entry.result_id in first_seen:
                entry = LeftOut(
                    entry.file,
                    f"is dezelfde uitslag als '{first_seen[entry.result_id]}' (hetzelfde "
                    "kenmerk); die telt maar één keer.",
                )
            else:
                first_seen[entry.result_id] = entry.file
        read.append(entry)
    return read


# ---- The team report ----


def team_report(
    files: Sequence[tuple[str, bytes]],
    catalog: Mapping[str, Assessment],
    assessment_id: str | None = None,
) -> dict[str, Any]:
    """The team report document of a set of result files (name, bytes), in the order given.

    The report covers ``assessment_id`` when given (the mirror names its team test), otherwise
    the team test that most usable files share (the first in order on a tie). Files of tests
    that are not for teams are left out: a manager's own file never counts for the team.
    Raises TeamError when fewer than :data:`MIN_RESPONDENTS` files are usable.
    """
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
    overall = None
    if all(dimension["mean"] is not None for dimension in dimensions):
        overall_score = fmean(dimension["score"] for dimension in dimensions)
        overall = {
            "mean": fmean(dimension["mean"] for dimension in dimensions),
            "score": overall_score,
            "band": band_document(band_for(overall_score, assessment.bands)),
        }
    return {
        "format": TEAM_FORMAT,
        "format_version": TEAM_FORMAT_VERSION,
        "assessment": assessment.id,
        "version": assessment.version,
        "fingerprint": fingerprint(assessment),
        "title": assessment.title,
        "respondents": len(results),
        "left_out": [{"file": entry.file, "reason": entry.reason} for entry in left_out],
        "dimensions": dimensions,
        "items": [_item_figures(item, assessment.scale, results) for item in assessment.items],
        "overall": overall,
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

    The mirror sets a manager's own result beside the team's view of them, dimension by
    dimension.

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
    scale = own.result.assessment.scale
    team_scores = {dimension["id"]: dimension["score"] for dimension in report["dimensions"]}
    rows = []
    for dimension in own.result.dimensions:
        own_score, team_score = dimension.score, team_scores.get(dimension.dimension.id)
        difference = meaningful = None
        if own_score is not None and team_score is not None:
            difference = team_score - own_score
            meaningful = is_meaningful(difference, scale)
        rows.append(
            {
                "id": dimension.dimension.id,
                "title": dimension.dimension.title,
                "self": own_score,
                "team": team_score,
                "difference": difference,
                "meaningful": meaningful,
            }
        )
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
        "left_out": report["left_out"],
        "dimensions": rows,
    }
    return mirror, report


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
            "max_file_bytes": MAX_FILE_BYTES,
            "max_files": MAX_FILES,
            "min_respondents": MIN_RESPONDENTS,
            "min_alpha_respondents": MIN_ALPHA_RESPONDENTS,
        },
        "assessments": [definition_document(assessment) for assessment in assessments],
    }


# ---- Helper functions ----


def _not_a_result(document: Any) -> str | None:
    """Why a parsed file is not a result document of this site, or None if it is one."""
    if not isinstance(document, dict):
        return "is geen uitslagbestand van de Vertrouwenswijzer."
    if document.get("format") == DEFINITION_FORMAT:
        return "is de beschrijving van een zelftest, geen uitslag van iemand."
    if document.get("format") in (TEAM_FORMAT, MIRROR_FORMAT):
        return "is al een teamrapport; voeg de losse uitslagen toe."
    if document.get("format") != RESULT_FORMAT:
        return "is geen uitslagbestand van de Vertrouwenswijzer."
    if document.get("format_version") != RESULT_FORMAT_VERSION:
        return (
            "heeft een bestandsversie die deze site niet kent "
            f"({shown(document.get('format_version'), 20)}); gebruik de site waarmee het gemaakt is."
        )
    result_id = document.get("id")
    if not isinstance(result_id, str) or not _RESULT_ID.fullmatch(result_id):
        return "mist een geldig kenmerk (id); sla de uitslag opnieuw op met deze site."
    assessment = document.get("assessment")
    version = document.get("version")
    if (
        not isinstance(assessment, str)
        or isinstance(version, bool)
        or not isinstance(version, int)
        or not isinstance(document.get("fingerprint"), str)
        or not isinstance(document.get("answers"), dict)
        or not isinstance(document.get("dimensions"), list)
    ):
        return "is onvolledig: de zelftest, de versie of de antwoorden ontbreken."
    return None


def _scores_match(document: dict[str, Any], result: Result) -> bool:
    """Whether the scores written in a file are those its answers give."""
    written = document["dimensions"]
    if len(written) != len(result.dimensions):
        return False
    for entry, dimension in zip(written, result.dimensions, strict=True):
        if not isinstance(entry, dict) or entry.get("id") != dimension.dimension.id:
            return False
        if not (
            _same(entry.get("mean"), dimension.mean) and _same(entry.get("score"), dimension.score)
        ):
            return False
    overall = document.get("overall")
    if result.overall_mean is None:
        return overall is None
    return (
        isinstance(overall, dict)
        and _same(overall.get("mean"), result.overall_mean)
        and _same(overall.get("score"), result.overall_score)
    )


def _same(written: Any, computed: float | None) -> bool:
    """A written number equals a computed one (both absent counts as equal)."""
    if computed is None or written is None:
        return written is None and computed is None
    if isinstance(written, bool) or not isinstance(written, int | float):
        return False
    return math.isclose(written, computed, rel_tol=0, abs_tol=_TOLERANCE)


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
        return (
            f"is een uitslag van '{assessment.title}', een test over jezelf; die telt niet mee "
            "in een teamrapport."
        )
    assert chosen is not None  # a usable result of a team test makes one test the chosen one
    return (
        f"is een uitslag van '{assessment.title}'; dit rapport gaat over "
        f"'{catalog[chosen].title}'. "
        "Maak voor elke zelftest een eigen rapport."
    )


def _too_few(count: int, assessment: Assessment | None) -> str:
    """Why no report was made: too few usable files."""
    what = f" van '{assessment.title}'" if assessment is not None else ""
    return (
        f"Er zijn {count} bruikbare uitslagen{what}; een teamrapport heeft er minstens "
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
        "n": len(respondents),
        "mean": None,
        "sd": None,
        "score": None,
        "band": None,
        "rwg": None,
        "agreement": None,
        "alpha": None,
        "alpha_n": len(complete),
    }
    if len(respondents) < MIN_RESPONDENTS:
        return figures
    means = [result.dimensions[index].mean or 0.0 for result in respondents]
    mean = fmean(means)
    position = scale_position(mean, assessment.scale)
    keyed = [
        [
            _keyed(item, value, scale)
            for result in respondents
            if (value := result.answers.get(item.id)) is not None
        ]
        for item in items
    ]
    rwg = rwg_j(keyed, assessment.scale.option_count)
    alpha = None
    if len(complete) >= MIN_ALPHA_RESPONDENTS:
        alpha = cronbach_alpha(
            [[_keyed(i, r.answers[i.id] or 0, scale) for i in items] for r in complete]
        )
    figures.update(
        mean=mean,
        sd=stdev(means),
        score=position,
        band=band_document(band_for(position, assessment.bands)),
        rwg=rwg,
        agreement=None if rwg is None else agreement_label(rwg),
        alpha=alpha,
    )
    return figures


def _item_figures(item: Item, scale: Scale, results: Sequence[Result]) -> dict[str, Any]:
    """The distribution of one item's raw answers over all files; withheld below the minimum."""
    values = [v for result in results if (v := result.answers.get(item.id)) is not None]
    enough = len(values) >= MIN_RESPONDENTS
    counted = Counter(values)
    return {
        "id": item.id,
        "dimension": item.dimension,
        "n": len(values),
        "mean": fmean(values) if enough else None,
        "sd": stdev(values) if enough else None,
        "dont_know": len(results) - len(values),
        "counts": {str(o.value): counted[o.value] for o in scale.options} if enough else None,
    }
