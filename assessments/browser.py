"""The engine's face for the browser: JSON strings in and out, called from the Pyodide worker."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from .documents import answers_from_json, assessment_from_document, document_text, result_document
from .history import (
    HistoryError,
    add_result,
    history_document,
    history_file,
    import_results,
    read_history,
    remove_result,
)
from .model import Assessment
from .overlap import OverlapError, read_earlier_report, read_remembered, remember
from .overview import department_overview
from .scoring import score
from .spreadsheet import mirror_csv, overview_csv, team_csv
from .spreadsheet import result_csv as _result_csv
from .team import TeamError, mirror_with_report, team_report
from .untrusted import base_name, shown


def score_json(definition_json: str, answers_json: str) -> str:
    """Score answers against a definition document (as the page embeds it); return result JSON.

    The page embeds the output of `python -m assessments export`, so the browser scores with
    the same definition and the same rules as the CLI.
    """
    assessment = assessment_from_document(json.loads(definition_json))
    return json.dumps(result_document(score(assessment, answers_from_json(answers_json))))


def result_csv(result_json: str) -> str:
    """A result document (as score_json returned it) as CSV text for a spreadsheet."""
    return _result_csv(json.loads(result_json))


def team_report_json(
    catalog_json: str,
    names: Iterable[str],
    contents: Iterable[Any],
    stored: Any = None,
    earlier_names: Iterable[str] = (),
    earlier_contents: Iterable[Any] = (),
) -> str:
    """The team report of dropped files, as `python -m assessments team` prints it.

    ``contents`` holds each file's bytes (from JavaScript: a Uint8Array, at most one byte more
    than a result file may have). ``stored`` is what the page remembers of earlier reports on
    this device (text, or null), ``earlier_*`` the earlier team reports the facilitator dropped
    in. Returns ``{"report", "json", "csv", "remembered"}``: the report (``replaces`` names the earlier
    reports of nearly the same people: the page asks before it shows it), its CSV, and the text
    to remember once it is shown. When no report can be made: ``{"error", "left_out"}``, one
    Dutch sentence and the files that did not count; ``"stored_unreadable": true`` when it is
    what the page remembers that cannot be read (the page then leaves it as it is).
    """
    catalog = _catalog(catalog_json)
    try:
        remembered = read_remembered(stored if isinstance(stored, str) else None)
    except OverlapError as error:
        return json.dumps({"error": str(error), "left_out": [], "stored_unreadable": True})
    try:
        dropped = [read_earlier_report(*file) for file in _files(earlier_names, earlier_contents)]
        report = team_report(_files(names, contents), catalog, earlier=[*remembered, *dropped])
    except OverlapError as error:
        return json.dumps({"error": str(error), "left_out": []})
    except TeamError as error:
        return _team_error(error)
    return json.dumps(
        {
            "report": report,
            "json": document_text(report),
            "csv": team_csv(report, catalog[report["assessment"]]),
            "remembered": remember(remembered, report, date.today()),
        }
    )


def mirror_json(catalog_json: str, names: Iterable[str], contents: Iterable[Any]) -> str:
    """The leader mirror: the first file is the manager's own, the rest are the team's.

    Returns ``{"mirror", "json", "csv", "report"}`` (the mirror's file and CSV and the team report it was made
    from), or ``{"error": "...", "left_out": [...]}``.
    """
    files = _files(names, contents)
    if not files:
        return json.dumps({"error": "Kies eerst je eigen uitslag.", "left_out": []})
    try:
        mirror, report = mirror_with_report(files[0], files[1:], _catalog(catalog_json))
    except TeamError as error:
        return _team_error(error)
    return json.dumps(
        {
            "mirror": mirror,
            "json": document_text(mirror),
            "csv": mirror_csv(mirror),
            "report": report,
        }
    )


def overview_json(catalog_json: str, names: Iterable[str], contents: Iterable[Any]) -> str:
    """The department overview of dropped team reports, as `python -m assessments overview`.

    Returns ``{"overview", "json", "csv"}`` (the files the CLI prints), or
    ``{"error", "left_out"}``.
    """
    try:
        overview = department_overview(_files(names, contents), _catalog(catalog_json))
    except TeamError as error:
        return _team_error(error)
    return json.dumps(
        {"overview": overview, "json": document_text(overview), "csv": overview_csv(overview)}
    )


def history_json(definition_json: str, stored: Any) -> str:
    """The reader's kept results of this test as an overview (:mod:`assessments.history`).

    ``stored`` is the text the page keeps for this test, or null when it keeps nothing. Returns
    ``{"history": ...}``, or ``{"error": "..."}`` with one Dutch sentence when what is kept
    cannot be read; nothing is changed then.
    """
    assessment = assessment_from_document(json.loads(definition_json))
    try:
        kept = read_history(_kept_bytes(stored))
    except HistoryError as error:
        return json.dumps({"error": str(error)})
    return json.dumps({"history": history_document(kept, assessment)})


def save_history_json(definition_json: str, stored: Any, result_json: str) -> str:
    """Keep one more result, the one the reader chose to keep.

    Returns ``{"stored": text to keep, "history": ...}``, or ``{"error": "..."}`` when the
    result or what is kept cannot be read, or no more fit; the page then keeps what it had.
    """
    data = result_json.encode("utf-8")
    return _kept_changed(
        definition_json, stored, lambda kept, assessment: add_result(kept, data, assessment)
    )


def remove_history_json(definition_json: str, stored: Any, result_id: str) -> str:
    """Forget one kept result: ``{"stored": text or null (keep nothing), "history": ...}``."""
    return _kept_changed(
        definition_json, stored, lambda kept, assessment: remove_result(kept, str(result_id))
    )


def import_history_json(definition_json: str, stored: Any, name: str, data: Any) -> str:
    """Add the usable results of an imported file (bytes, at most one more than the limit).

    Returns ``{"stored": ..., "history": ..., "imported": {"added", "already", "left_out"}}``,
    or ``{"error": "..."}`` when the file or what is kept cannot be read, or nothing in the
    file is usable; the page then keeps what it had.
    """
    assessment = assessment_from_document(json.loads(definition_json))
    file = shown(base_name(str(name)))
    try:
        kept = read_history(_kept_bytes(stored))
        results = read_history(_bytes(data), f"Het bestand '{file}'")
        imported = import_results(kept, results, assessment, file)
    except HistoryError as error:
        return json.dumps({"error": str(error)})
    return json.dumps(
        {
            "stored": _stored_text(imported.results),
            "history": history_document(imported.results, assessment),
            "imported": {
                "added": imported.added,
                "already": imported.already,
                "left_out": [{"entry": e.file, "reason": e.reason} for e in imported.left_out],
            },
        }
    )


# ---- Helper functions ----


def _team_error(error: TeamError) -> str:
    """Why no report was made, and which files did not count."""
    left_out = [{"file": entry.file, "reason": entry.reason} for entry in error.left_out]
    return json.dumps({"error": str(error), "left_out": left_out})


def _catalog(catalog_json: str) -> dict[str, Assessment]:
    """The site's assessments from the catalog document the page embeds."""
    document = json.loads(catalog_json)
    return {
        definition["id"]: assessment_from_document(definition)
        for definition in document["assessments"]
    }


def _files(names: Iterable[str], contents: Iterable[Any]) -> list[tuple[str, bytes]]:
    """(name, bytes) pairs; JavaScript's Uint8Arrays arrive as proxies with ``to_bytes``."""
    return [(str(name), _bytes(content)) for name, content in zip(names, contents, strict=True)]


def _kept_changed(
    definition_json: str,
    stored: Any,
    change: Callable[[list[Any], Assessment], list[Any]],
) -> str:
    """Read what the page keeps, change it, and return the text to keep and the overview."""
    assessment = assessment_from_document(json.loads(definition_json))
    try:
        results = change(read_history(_kept_bytes(stored)), assessment)
    except HistoryError as error:
        return json.dumps({"error": str(error)})
    return json.dumps(
        {"stored": _stored_text(results), "history": history_document(results, assessment)}
    )


def _kept_bytes(stored: Any) -> bytes | None:
    """The kept text as bytes; None for JavaScript's null. A lone surrogate (an edited value)
    stays in, so that reading it fails with a Dutch message rather than here."""
    return stored.encode("utf-8", "surrogatepass") if isinstance(stored, str) else None


def _stored_text(results: list[Any]) -> str | None:
    """The text the page keeps for these results; None when there is nothing to keep."""
    document = history_file(results)
    return None if document is None else json.dumps(document, ensure_ascii=False)


def _bytes(content: Any) -> bytes:
    """Bytes from JavaScript: a Uint8Array arrives as a proxy with ``to_bytes``."""
    return content if isinstance(content, bytes) else bytes(content.to_bytes())
