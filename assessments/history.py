"""One reader's saved results of one test over time: check them, order them, compare the last two.

A reader may keep their results on their own device (only when they ask for it). The browser
keeps them as one history file per test, and the same file is what the reader exports and
imports on another device. Whatever is kept or imported is hostile until checked, like a team
file. The rules, in the order they are applied:

1. A history file is bounded JSON (:func:`assessments.untrusted.parse_json`: at most
   :data:`~assessments.untrusted.MAX_FILE_BYTES` bytes and
   :data:`~assessments.untrusted.MAX_DEPTH` levels) of format :data:`HISTORY_FORMAT`, with at
   most :data:`MAX_ENTRIES` results. A single result file counts as a history of one.
2. Each result is checked and rescored exactly as a team file is
   (:func:`assessments.resultfiles.read_results`): this test, version and fingerprint, answers that
   fit the questions, written scores equal to the rescored ones; a repeated id counts once. It
   also needs its date (``created``, YYYY-MM-DD). The figures written in it are never shown:
   every figure comes from its answers.
3. The usable results are ordered by date, and within one date in the order they were kept.
4. The change of a dimension between the last two results is difference = to - from, in
   positions (0-100). It is meaningful when it is at least
   :data:`~assessments.scoring.MEANINGFUL_DIFFERENCE` scale points
   (:func:`assessments.scoring.is_meaningful`); null when either result has too few answers
   on that dimension.
5. A result that is not usable is kept as it was (nothing is thrown away without the reader
   asking) and listed under ``left_out`` with the reason in Dutch.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from .display import date_text, decimal_text, short_date_text, shown_position
from .documents import RESULT_FORMAT
from .model import Assessment
from .resultfiles import LeftOut, Respondent, read_results
from .scoring import MEANINGFUL_DIFFERENCE, Result, is_meaningful
from .untrusted import MAX_FILE_BYTES, UntrustedInput, parse_json, shown

#: The file a browser keeps per test, and what the reader exports and imports.
HISTORY_FORMAT = "vertrouwenswijzer-geschiedenis"
HISTORY_FORMAT_VERSION = 1
#: The overview the engine hands to the browser: ordered, rescored, compared.
OVERVIEW_FORMAT = "vertrouwenswijzer-geschiedenis-overzicht"
OVERVIEW_FORMAT_VERSION = 1
#: At most this many results of one test on one device: a few years of monthly use, and at
#: about 5 kB a result, well within a browser's storage and :data:`MAX_FILE_BYTES`.
MAX_ENTRIES = 100
#: The subject of a message about what the browser keeps, for sentences from parse_json.
KEPT = "De opslag van deze test in deze browser"

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class HistoryError(ValueError):
    """A history that cannot be read or changed as asked; the message is one Dutch sentence."""


@dataclass(frozen=True)
class Entry:
    """One usable result of a history: its date and its answers, rescored by the engine."""

    created: str
    respondent: Respondent

    @property
    def result(self) -> Result:
        return self.respondent.result


# ---- Reading and writing history files ----


def read_history(data: bytes | None, subject: str = KEPT) -> list[Any]:
    """The results in a history file, as parsed JSON and not yet checked; [] for no data.

    ``subject`` names the file in a message ("Het bestand 'x.json'"). A single result file is
    read as a history of one. Raises HistoryError when the file is no history at all or holds
    more than :data:`MAX_ENTRIES` results.
    """
    if data is None:
        return []
    try:
        document = parse_json(data)
    except UntrustedInput as error:
        raise HistoryError(f"{subject} {error}") from None
    if isinstance(document, dict) and document.get("format") == RESULT_FORMAT:
        return [document]
    if not isinstance(document, dict) or document.get("format") != HISTORY_FORMAT:
        raise HistoryError(f"{subject} is geen overzicht van uitslagen van de Vertrouwenswijzer.")
    if document.get("format_version") != HISTORY_FORMAT_VERSION:
        raise HistoryError(
            f"{subject} heeft een bestandsversie die deze site niet kent "
            f"({shown(document.get('format_version'), 20)})."
        )
    results = document.get("results")
    if not isinstance(results, list):
        raise HistoryError(f"{subject} is onvolledig: de lijst met uitslagen ontbreekt.")
    if len(results) > MAX_ENTRIES:
        raise HistoryError(
            f"{subject} bevat {len(results)} uitslagen; een overzicht heeft er hoogstens "
            f"{MAX_ENTRIES}."
        )
    return results


def history_file(results: Sequence[Any]) -> dict[str, Any] | None:
    """The history file of these results; None when there are none (nothing to keep)."""
    if not results:
        return None
    return {
        "format": HISTORY_FORMAT,
        "format_version": HISTORY_FORMAT_VERSION,
        "results": list(results),
    }


# ---- Changing what is kept ----


def add_result(results: Sequence[Any], data: bytes, assessment: Assessment) -> list[Any]:
    """The kept results with one more: the result the reader chose to keep.

    The new result is checked like any other. One that is kept already (the same id) is not
    added twice. Raises HistoryError when it does not count, or when :data:`MAX_ENTRIES` are
    kept already.
    """
    new = read_history(data, "Deze uitslag")
    usable, left_out = check_results(new, assessment, ["Deze uitslag"] * len(new))
    if left_out or len(usable) != 1:
        reason = left_out[0].reason if left_out else "is geen losse uitslag."
        raise HistoryError(f"Deze uitslag {reason}")
    if usable[0].respondent.result_id in _ids(results):
        return list(results)
    if len(results) >= MAX_ENTRIES:
        raise HistoryError(
            f"Er staan al {MAX_ENTRIES} uitslagen van deze test op dit apparaat; meer passen er "
            "niet. Verwijder eerst een oudere uitslag."
        )
    return [*results, new[0]]


def remove_result(results: Sequence[Any], result_id: str) -> list[Any]:
    """The kept results without the one with this id (unchanged when there is none)."""
    return [raw for raw in results if not (isinstance(raw, dict) and raw.get("id") == result_id)]


@dataclass(frozen=True)
class Imported:
    """What an import did: the new list to keep, and what it added, found kept, or left out."""

    results: list[Any]
    added: int
    already: int
    left_out: list[LeftOut]


def import_results(
    results: Sequence[Any], imported: Sequence[Any], assessment: Assessment, name: str
) -> Imported:
    """Add the usable results of an imported file that are not kept yet.

    The kept results stay as they are. Raises HistoryError, and so changes nothing, when the
    file holds no usable result at all, or when the kept and the new results together are
    more than :data:`MAX_ENTRIES`.
    """
    subject = f"Het bestand '{name}'"
    if not imported:
        raise HistoryError(f"{subject} bevat geen uitslagen.")
    names = ["De uitslag in het bestand"] if len(imported) == 1 else None
    usable, left_out = check_results(imported, assessment, names)
    if not usable:
        first = left_out[0]
        raise HistoryError(f"{subject} is niet ingelezen. {first.file} {first.reason}")
    kept = _ids(results)
    new = [entry for entry in usable if entry.respondent.result_id not in kept]
    if len(results) + len(new) > MAX_ENTRIES:
        raise HistoryError(
            f"{subject} is niet ingelezen: samen met wat er al bewaard is, zijn het "
            f"{len(results) + len(new)} uitslagen; er passen er hoogstens {MAX_ENTRIES}. "
            "Verwijder eerst oudere uitslagen."
        )
    by_id = {raw["id"]: raw for raw in imported if isinstance(raw, dict)}
    return Imported(
        results=[*results, *(by_id[entry.respondent.result_id] for entry in new)],
        added=len(new),
        already=len(usable) - len(new),
        left_out=left_out,
    )


# ---- Checking and comparing ----


def check_results(
    results: Sequence[Any], assessment: Assessment, names: Sequence[str] | None = None
) -> tuple[list[Entry], list[LeftOut]]:
    """The usable results of one test, ordered by date and then as given; and those left out.

    Each result is checked and rescored by :func:`assessments.resultfiles.read_results`, as a team
    file is. ``names`` name the results in a reason; "Uitslag 1", "Uitslag 2" ... by default.
    """
    if len(results) > MAX_ENTRIES:
        raise HistoryError(
            f"Dat zijn {len(results)} uitslagen; er passen er hoogstens {MAX_ENTRIES}."
        )
    names = names or [f"Uitslag {number}" for number in range(1, len(results) + 1)]
    files = [
        (name, json.dumps(raw, ensure_ascii=False).encode("utf-8"))
        for name, raw in zip(names, results, strict=True)
    ]
    usable: list[Entry] = []
    left_out: list[LeftOut] = []
    for raw, read in zip(results, read_results(files, {assessment.id: assessment}), strict=True):
        other = raw.get("assessment") if isinstance(raw, dict) else None
        if isinstance(other, str) and other != assessment.id:
            left_out.append(
                LeftOut(
                    read.file,
                    f"is een uitslag van een andere zelftest ('{shown(other, 40)}'), niet van "
                    f"'{assessment.title}'.",
                )
            )
        elif isinstance(read, LeftOut):
            left_out.append(read)
        elif (created := _created(raw)) is None:
            left_out.append(
                LeftOut(read.file, "mist een geldige datum (created); bewaar de uitslag opnieuw.")
            )
        else:
            usable.append(Entry(created, read))
    # sorted() is stable: results of one date keep the order in which they were kept.
    return sorted(usable, key=lambda entry: entry.created), left_out


def history_document(results: Sequence[Any], assessment: Assessment) -> dict[str, Any]:
    """The overview the browser shows: the usable results by date, and what changed last.

    Every figure is the engine's, computed from the answers: ``score`` as 0-100 and
    ``position``, the whole number a page shows (see :func:`shown_position`).
    """
    usable, left_out = check_results(results, assessment)
    latest = usable[-2:] if len(usable) >= 2 else []
    return {
        "format": OVERVIEW_FORMAT,
        "format_version": OVERVIEW_FORMAT_VERSION,
        "assessment": assessment.id,
        "version": assessment.version,
        "title": assessment.title,
        "scale": {"min": assessment.scale.min, "max": assessment.scale.max},
        "meaningful_difference": MEANINGFUL_DIFFERENCE,
        "meaningful_difference_shown": decimal_text(MEANINGFUL_DIFFERENCE),
        "limits": {"max_file_bytes": MAX_FILE_BYTES, "max_entries": MAX_ENTRIES},
        "dimensions": [
            {"id": d.id, "title": d.title, "outcome": d.outcome} for d in assessment.dimensions
        ],
        "entries": [_entry(entry) for entry in usable],
        "compared": [entry.respondent.result_id for entry in latest],
        "changes": changes(latest[0].result, latest[1].result) if latest else [],
        "left_out": [{"entry": entry.file, "reason": entry.reason} for entry in left_out],
    }


def changes(before: Result, after: Result) -> list[dict[str, Any]]:
    """Per dimension, the change from one result to a later one of the same test.

    difference = to - from in positions (0-100); meaningful per
    :func:`~assessments.scoring.is_meaningful`. The ``*_shown`` figures are the whole numbers
    a page shows, their difference that of the shown numbers, so that a text never reads
    "from 55 to 70 (+16)".
    """
    scale = after.assessment.scale
    rows = []
    for old, new in zip(before.dimensions, after.dimensions, strict=True):
        difference = meaningful = shown_difference = None
        if old.score is not None and new.score is not None:
            difference = new.score - old.score
            meaningful = is_meaningful(difference, scale)
            shown_difference = shown_position(new.score) - shown_position(old.score)
        rows.append(
            {
                "dimension": new.dimension.id,
                "title": new.dimension.title,
                "from": old.score,
                "to": new.score,
                "difference": difference,
                "meaningful": meaningful,
                "from_shown": _shown(old.score),
                "to_shown": _shown(new.score),
                "difference_shown": shown_difference,
            }
        )
    return rows


# ---- Helper functions ----


def _entry(entry: Entry) -> dict[str, Any]:
    """One usable result in the overview: its date and the engine's figures."""
    result = entry.result
    return {
        "id": entry.respondent.result_id,
        "created": entry.created,
        "created_shown": date_text(date.fromisoformat(entry.created)),
        "created_short": short_date_text(date.fromisoformat(entry.created)),
        "dimensions": [
            {
                "id": d.dimension.id,
                "mean": d.mean,
                "score": d.score,
                "position": _shown(d.score),
            }
            for d in result.dimensions
        ],
        "overall": None
        if result.overall_score is None
        else {
            "mean": result.overall_mean,
            "score": result.overall_score,
            "position": shown_position(result.overall_score),
        },
    }


def _shown(score: float | None) -> int | None:
    """:func:`shown_position`, None for a dimension with too few answers."""
    return None if score is None else shown_position(score)


def _created(raw: dict[str, Any]) -> str | None:
    """The date a usable result was made (YYYY-MM-DD), or None when it has no valid one."""
    created = raw.get("created")
    if not isinstance(created, str) or not _DATE.fullmatch(created):
        return None
    try:
        date.fromisoformat(created)
    except ValueError:
        return None
    return created


def _ids(results: Sequence[Any]) -> set[str]:
    """The ids of the kept results that have one."""
    return {
        raw["id"] for raw in results if isinstance(raw, dict) and isinstance(raw.get("id"), str)
    }
