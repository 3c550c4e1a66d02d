"""The versioned JSON documents the engine hands to its faces: definitions and results.

Each document names its format and format version, and a result names the assessment and
the assessment version it was scored with, so that files exported today can still be read,
compared or aggregated after the questions change.
"""

from __future__ import annotations

import json
import uuid
from datetime import date
from typing import Any

from .display import date_text, decimal_text, position_text
from .model import Assessment, Band, Dimension, Item, Option, Scale
from .scoring import (
    MEANINGFUL_DIFFERENCE,
    AnswerError,
    Answers,
    DimensionResult,
    Result,
    band_above,
    band_for,
    boundary_text,
    required_answers,
    scale_position,
)
from .untrusted import UntrustedInput, parse_json
from .versions import fingerprint

RESULT_FORMAT = "vertrouwenswijzer-resultaat"
RESULT_FORMAT_VERSION = 2
DEFINITION_FORMAT = "vertrouwenswijzer-zelftest"
DEFINITION_FORMAT_VERSION = 1


def definition_document(assessment: Assessment) -> dict[str, Any]:
    """The normalized definition: what `python -m assessments export` prints."""
    return {
        "format": DEFINITION_FORMAT,
        "format_version": DEFINITION_FORMAT_VERSION,
        "id": assessment.id,
        "version": assessment.version,
        "fingerprint": fingerprint(assessment),
        "title": assessment.title,
        "page": assessment.page,
        "respondent": assessment.respondent,
        "intro": assessment.intro,
        "team_report": assessment.team_report,
        "mirror_of": assessment.mirror_of,
        "self_rated": assessment.self_rated,
        "time_window": assessment.time_window,
        "scale": {
            "min": assessment.scale.min,
            "max": assessment.scale.max,
            # Each option's position on the 0-100 scale, so that a face can name the answer
            # at a position ("75 is 'vaak'") without the formula.
            "options": [
                {
                    "value": option.value,
                    "label": option.label,
                    "position": scale_position(option.value, assessment.scale),
                }
                for option in assessment.scale.options
            ],
            "dont_know": assessment.scale.dont_know,
        },
        "dimensions": [
            {
                "id": dimension.id,
                "title": dimension.title,
                "description": dimension.description,
                "guidance": list(dimension.guidance),
                "outcome": dimension.outcome,
                "items": len(assessment.items_of(dimension.id)),
                "min_answered": required_answers(len(assessment.items_of(dimension.id))),
            }
            for dimension in assessment.dimensions
        ],
        "items": [
            {
                "id": item.id,
                "dimension": item.dimension,
                "reverse": item.reverse,
                "text": item.text,
                "construct": item.construct,
                "source": item.source,
            }
            for item in assessment.items
        ],
        "bands": [band_document(band) for band in assessment.bands],
    }


def assessment_from_document(document: dict[str, Any]) -> Assessment:
    """Rebuild an Assessment from :func:`definition_document` output (validated at build time).

    The browser receives this document from the page; it is the inverse of definition_document.
    """
    if document.get("format") != DEFINITION_FORMAT:
        raise ValueError(f"not a {DEFINITION_FORMAT} document")
    scale = document["scale"]
    return Assessment(
        id=document["id"],
        version=document["version"],
        title=document["title"],
        page=document["page"],
        respondent=document["respondent"],
        intro=document["intro"],
        scale=Scale(
            min=scale["min"],
            max=scale["max"],
            options=tuple(Option(option["value"], option["label"]) for option in scale["options"]),
            dont_know=scale["dont_know"],
        ),
        dimensions=tuple(
            Dimension(
                dimension["id"],
                dimension["title"],
                dimension["description"],
                tuple(dimension["guidance"]),
                dimension.get("outcome", False),
            )
            for dimension in document["dimensions"]
        ),
        items=tuple(
            Item(
                id=item["id"],
                dimension=item["dimension"],
                text=item["text"],
                construct=item["construct"],
                source=item["source"],
                reverse=item["reverse"],
            )
            for item in document["items"]
        ),
        bands=tuple(
            Band(band["id"], band["from"], band["to"], band["label"], band["text"])
            for band in document["bands"]
        ),
        team_report=document.get("team_report", False),
        mirror_of=document.get("mirror_of"),
        self_rated=document.get("self_rated", False),
        time_window=document.get("time_window"),
    )


def new_result_id() -> str:
    """A random id for a result document, so that a team report counts each file once.

    Random, not derived from the answers: two people who answer alike stay two people.

    >>> len(new_result_id()), new_result_id() != new_result_id()
    (32, True)
    """
    return uuid.uuid4().hex


def result_document(
    result: Result, *, result_id: str | None = None, created: date | None = None
) -> dict[str, Any]:
    """A scored result: what `python -m assessments score` prints and the browser renders.

    It holds no name, and its time only to the day (``created``), so that a file shared with a
    facilitator tells nothing about who made it or when exactly.
    """
    assessment = result.assessment
    day = created or date.today()
    dimensions = result.dimensions
    numbers = {item.id: number for number, item in enumerate(assessment.items, start=1)}
    dont_know = [numbers[item_id] for item_id, value in result.answers.items() if value is None]
    answered = sum(dimension.answered for dimension in dimensions)
    return {
        "format": RESULT_FORMAT,
        "format_version": RESULT_FORMAT_VERSION,
        "id": result_id or new_result_id(),
        "created": day.isoformat(),
        "created_shown": date_text(day),
        "assessment": assessment.id,
        "version": assessment.version,
        "fingerprint": fingerprint(assessment),
        "title": assessment.title,
        "self_rated": assessment.self_rated,
        "scale": {"min": assessment.scale.min, "max": assessment.scale.max},
        "dimensions": [_dimension(dimension, assessment.bands) for dimension in dimensions],
        "overall": None
        if result.overall_mean is None
        else {
            "mean": result.overall_mean,
            "score": result.overall_score,
            **banded(result.overall_score, assessment.bands),
            "shown_mean": decimal_text(result.overall_mean),
            "shown_score": position_text(result.overall_score),
        },
        # Over all dimensions, so that a face shows totals without adding them up itself.
        "totals": {
            "answered": answered,
            "items": sum(dimension.items for dimension in dimensions),
            "dont_know": sum(dimension.dont_know for dimension in dimensions),
            # Question numbers as the form shows them (definition order, from 1).
            "dont_know_numbers": sorted(dont_know),
            "all_dont_know": answered == 0 and bool(dont_know),
        },
        # The strongest and weakest dimensions: lists, because equal means are a tie.
        "profile": {
            "strongest": [dimension.dimension.id for dimension in result.strongest],
            "weakest": [dimension.dimension.id for dimension in result.weakest],
            "spread": result.spread,
            "meaningful_difference": MEANINGFUL_DIFFERENCE,
            "shown_meaningful_difference": decimal_text(MEANINGFUL_DIFFERENCE),
            "spread_is_meaningful": result.spread_is_meaningful,
        },
        "norm_group": None,
        # Item-level answers (skipped items left out, "weet ik niet" as null): a later team
        # report needs them for agreement (r_wg) and reliability (alpha).
        "answers": {
            item.id: result.answers[item.id]
            for item in assessment.items
            if item.id in result.answers
        },
    }


def answers_from_json(data: str | bytes) -> Answers:
    """Parse answers (item id -> value, null for "weet ik niet"); AnswerError if malformed.

    The text may come from anywhere, so it is read as untrusted: bounded in size and depth,
    no duplicate ids. Whether the ids and values fit an assessment is checked when scoring.
    """
    try:
        answers = parse_json(data.encode("utf-8") if isinstance(data, str) else data)
    except UntrustedInput as error:
        raise AnswerError(f"het antwoordbestand {error}") from None
    if not isinstance(answers, dict):
        raise AnswerError(
            'verwacht een JSON-object met per vraag-id een antwoord, zoals {"vraag-1": 4}'
        )
    return answers


def script_json(document: object) -> str:
    r"""A document as JSON to embed in an HTML script element.

    "<", ">" and "&" become JSON escapes, so that no text in a definition ("</script>",
    "<!--<script") can end the element or change how the browser reads it; JSON.parse gives
    back the same document.

    >>> print(script_json({"a": "</script><!--&"}))
    {"a": "\u003c/script\u003e\u003c!--\u0026"}
    """
    text = json.dumps(document, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def document_text(document: dict[str, Any]) -> str:
    """A document as a file: what the CLI prints and a page downloads, byte for byte (UTF-8,
    indented by two, a line end at the end).

    >>> print(document_text({"a": "é", "b": 50.0}), end="")
    {
      "a": "é",
      "b": 50.0
    }
    """
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def banded(position: float | None, bands: tuple[Band, ...]) -> dict[str, Any]:
    """The band fields of a scored figure: ``band``, and ``boundary`` when the position lies on
    an inner edge (the band is then the lower one; ``boundary`` names the band above and says
    so in words). Both null without a position. One rule for a person, a team and a department.
    """
    if position is None:
        return {"band": None, "boundary": None}
    band = band_for(position, bands)
    above = band_above(position, bands)
    return {
        "band": band_document(band),
        "boundary": None
        if above is None
        else {"upper": band_document(above), "text": boundary_text(band, above)},
    }


def band_document(band: Band | None) -> dict[str, Any] | None:
    """A band as JSON (also in team reports)."""
    if band is None:
        return None
    return {
        "id": band.id,
        "from": band.lower,
        "to": band.upper,
        "label": band.label,
        "text": band.text,
    }


# ---- Helper functions ----


def _dimension(result: DimensionResult, bands: tuple[Band, ...]) -> dict[str, Any]:
    """One dimension's score as JSON; mean, score and band are null with too few answers."""
    return {
        "id": result.dimension.id,
        "title": result.dimension.title,
        # A trust outcome: shown beside the profile, not part of the overall score.
        "outcome": result.dimension.outcome,
        "mean": result.mean,
        "score": result.score,
        **banded(result.score, bands),
        "shown_mean": decimal_text(result.mean),
        "shown_score": position_text(result.score),
        "answered": result.answered,
        "items": result.items,
        "dont_know": result.dont_know,
        "min_answered": result.required,
    }
