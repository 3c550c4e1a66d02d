"""Small definitions for the engine tests, built in code (no files, so they also run in Pyodide)."""

from __future__ import annotations

import copy
from typing import Any

from assessments import Assessment, parse_assessment

_VALID: dict[str, Any] = {
    "id": "proef",
    "version": 1,
    "title": "Proeftest",
    "page": "zelftests/proef.md",
    "respondent": "Een tester",
    "intro": "Een kleine test voor de tests.",
    "scale": {
        "min": 1,
        "max": 5,
        "options": [
            {"value": 1, "label": "Nooit"},
            {"value": 2, "label": "Soms"},
            {"value": 3, "label": "Regelmatig"},
            {"value": 4, "label": "Vaak"},
            {"value": 5, "label": "Altijd"},
        ],
        "dont_know": "Weet ik niet",
    },
    "bands": [
        {"id": "laag", "from": 0, "to": 37.5, "label": "Laag", "text": "Laag."},
        {"id": "midden", "from": 37.5, "to": 62.5, "label": "In het midden", "text": "Midden."},
        {"id": "boven", "from": 62.5, "to": 87.5, "label": "Boven het midden", "text": "Boven."},
        {"id": "hoog", "from": 87.5, "to": 100, "label": "Hoog", "text": "Hoog."},
    ],
    "dimensions": [
        {"id": "vier", "title": "Dimensie met vier items"},
        {"id": "vijf", "title": "Dimensie met vijf items"},
    ],
    "items": [
        {"id": "v1", "dimension": "vier", "text": "Vraag een.", "construct": "c", "source": "s"},
        {"id": "v2", "dimension": "vier", "text": "Vraag twee.", "construct": "c", "source": "s"},
        {"id": "v3", "dimension": "vier", "text": "Vraag drie.", "construct": "c", "source": "s"},
        {
            "id": "v4",
            "dimension": "vier",
            "text": "Vraag vier, omgekeerd.",
            "construct": "c",
            "source": "s",
            "reverse": True,
        },
        {"id": "f1", "dimension": "vijf", "text": "Vraag vijf.", "construct": "c", "source": "s"},
        {"id": "f2", "dimension": "vijf", "text": "Vraag zes.", "construct": "c", "source": "s"},
        {"id": "f3", "dimension": "vijf", "text": "Vraag zeven.", "construct": "c", "source": "s"},
        {"id": "f4", "dimension": "vijf", "text": "Vraag acht.", "construct": "c", "source": "s"},
        {"id": "f5", "dimension": "vijf", "text": "Vraag negen.", "construct": "c", "source": "s"},
    ],
}


def valid_definition() -> dict[str, Any]:
    """A fresh copy of a small valid definition: dimension 'vier' (v1-v4, v4 reversed), 'vijf' (f1-f5)."""
    return copy.deepcopy(_VALID)


def assessment() -> Assessment:
    """The small valid definition, parsed."""
    return parse_assessment(valid_definition(), file="proef.yaml")


def all_answers(value: int) -> dict[str, int | None]:
    """Every item answered with the same raw value."""
    return {item["id"]: value for item in _VALID["items"]}


def raises(expected: type[BaseException], function: Any, *args: Any) -> Any:
    """Call function and return the exception it raised; fail if it raised none.

    A plain helper instead of pytest.raises, so these modules also run inside Pyodide.
    """
    try:
        function(*args)
    except expected as error:
        return error
    raise AssertionError(
        f"{getattr(function, '__name__', function)} did not raise {expected.__name__}"
    )
