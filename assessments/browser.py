"""The engine's face for the browser: JSON strings in and out, called from the Pyodide worker."""

from __future__ import annotations

import json

from .documents import answers_from_json, assessment_from_document, result_document
from .scoring import score


def score_json(definition_json: str, answers_json: str) -> str:
    """Score answers against a definition document (as the page embeds it); return result JSON.

    The page embeds the output of `python -m assessments export`, so the browser scores with
    the same definition and the same rules as the CLI.
    """
    assessment = assessment_from_document(json.loads(definition_json))
    return json.dumps(result_document(score(assessment, answers_from_json(answers_json))))
