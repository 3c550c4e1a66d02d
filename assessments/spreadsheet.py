"""A result as CSV for a spreadsheet: Dutch conventions, and no cell a spreadsheet runs as a formula.

Semicolons and decimal commas, as Dutch Excel expects; a byte order mark so that Excel reads
UTF-8 (accents in titles); one decimal for every figure; the result's date in the first column.
Text that comes from a definition or a file could start like a formula (``=HYPERLINK(...)``):
such a cell gets a leading apostrophe, so a spreadsheet shows it as text (CSV injection, OWASP).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .display import decimal_text

#: The first characters that make a spreadsheet read a cell as a formula (or a command).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

RESULT_COLUMNS = (
    "datum",
    "zelftest",
    "versie",
    "dimensie_id",
    "dimensie",
    "gemiddelde",
    "positie_0_100",
    "band",
    "beantwoord",
    "vragen",
    "weet_ik_niet",
)
#: What the band column says for a dimension (or total) without a score.
NOT_SCORED = "te weinig antwoorden"
TOTAL_ROW = ("totaal", "Totaal")


def result_csv(document: Mapping[str, Any]) -> str:
    """A result document (:func:`~assessments.documents.result_document`) as CSV text.

    One row per dimension and a total row.
    """
    created, assessment, version = document["created"], document["assessment"], document["version"]
    rows: list[list[object]] = [list(RESULT_COLUMNS)]
    for dimension in document["dimensions"]:
        rows.append(
            [
                created,
                assessment,
                version,
                dimension["id"],
                dimension["title"],
                *_figures(dimension),
                dimension["answered"],
                dimension["items"],
                dimension["dont_know"],
            ]
        )
    totals = document["totals"]
    rows.append(
        [
            created,
            assessment,
            version,
            *TOTAL_ROW,
            *_figures(document["overall"]),
            totals["answered"],
            totals["items"],
            totals["dont_know"],
        ]
    )
    return "\ufeff" + csv_text(rows)


def csv_text(rows: Iterable[Iterable[object]]) -> str:
    """Rows as CSV: semicolons, CRLF line ends, every cell through :func:`csv_cell`."""
    return "".join(";".join(csv_cell(cell) for cell in row) + "\r\n" for row in rows)


def csv_cell(value: object) -> str:
    """One cell: neutralised when it starts like a formula, quoted when it holds ; " or a line end.

    >>> csv_cell("=1+1"), csv_cell("-3"), csv_cell("a;b"), csv_cell(None), csv_cell(4)
    ("'=1+1", "'-3", '"a;b"', '', '4')
    """
    if value is None:
        return ""
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        text = "'" + text
    if any(sign in text for sign in ';"\r\n'):
        text = '"' + text.replace('"', '""') + '"'
    return text


# ---- Helper functions ----


def _figures(scored: Mapping[str, Any] | None) -> list[object]:
    """Mean, position and band label; empty figures and "te weinig antwoorden" without a score."""
    if scored is None or scored.get("mean") is None:
        return ["", "", NOT_SCORED]
    return [decimal_text(scored["mean"]), decimal_text(scored["score"]), scored["band"]["label"]]
