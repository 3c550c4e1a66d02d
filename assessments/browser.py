"""The engine's face for the browser: JSON strings in and out, called from the Pyodide worker."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from .documents import answers_from_json, assessment_from_document, result_document
from .model import Assessment
from .scoring import score
from .team import TeamError, mirror_report, team_report


def score_json(definition_json: str, answers_json: str) -> str:
    """Score answers against a definition document (as the page embeds it); return result JSON.

    The page embeds the output of `python -m assessments export`, so the browser scores with
    the same definition and the same rules as the CLI.
    """
    assessment = assessment_from_document(json.loads(definition_json))
    return json.dumps(result_document(score(assessment, answers_from_json(answers_json))))


def team_report_json(catalog_json: str, names: Iterable[str], contents: Iterable[Any]) -> str:
    """The team report of dropped files, as `python -m assessments team` prints it.

    ``contents`` holds each file's bytes (from JavaScript: a Uint8Array, at most one byte more
    than a result file may have). Returns ``{"report": ...}``, or ``{"error": "..."}`` with one
    Dutch sentence when no report can be made.
    """
    try:
        report = team_report(_files(names, contents), _catalog(catalog_json))
    except TeamError as error:
        return json.dumps({"error": str(error)})
    return json.dumps({"report": report})


def mirror_json(catalog_json: str, names: Iterable[str], contents: Iterable[Any]) -> str:
    """The leader mirror: the first file is the manager's own, the rest are the team's.

    Returns ``{"mirror": ..., "report": ...}`` (the team report of the same files), or
    ``{"error": "..."}``.
    """
    files = _files(names, contents)
    catalog = _catalog(catalog_json)
    try:
        mirror = mirror_report(files[0], files[1:], catalog)
        report = team_report(files[1:], catalog, mirror["team"]["assessment"])
    except (TeamError, IndexError) as error:
        message = str(error) if isinstance(error, TeamError) else "Kies eerst je eigen uitslag."
        return json.dumps({"error": message})
    return json.dumps({"mirror": mirror, "report": report})


# ---- Helper functions ----


def _catalog(catalog_json: str) -> dict[str, Assessment]:
    """The site's assessments from the catalog document the page embeds."""
    document = json.loads(catalog_json)
    return {
        definition["id"]: assessment_from_document(definition)
        for definition in document["assessments"]
    }


def _files(names: Iterable[str], contents: Iterable[Any]) -> list[tuple[str, bytes]]:
    """(name, bytes) pairs; JavaScript's Uint8Arrays arrive as proxies with ``to_bytes``."""
    return [
        (str(name), content if isinstance(content, bytes) else bytes(content.to_bytes()))
        for name, content in zip(names, contents, strict=True)
    ]
