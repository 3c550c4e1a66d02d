"""Reports that overlap: what two team reports of nearly the same people reveal side by side.

A team report shows only figures of five or more people. Yet a report of six files and one of
the same five (a late file, a member who left) give the sixth person's answers by subtraction.
The rules (CONTENT.md, "Team rules"):

1. Every report carries its ``respondent_keys`` (:func:`assessments.resultfiles.respondent_key`).
2. Two reports of the same assessment and version whose key sets differ by 1 to
   :data:`MAX_REVEALING` files (added plus removed) and share the rest reveal those people's
   answers: :func:`overlaps` finds them. Equal sets reveal nothing new; sets that differ by
   more are a new group.
3. A face never shows such a pair side by side without a warning: the CLI refuses unless told
   that the new report replaces the earlier one; the page asks first. The new report then says
   which report it replaces (``replaces``).
4. The page remembers the keys (never answers) of the reports made on the device
   (:func:`remember`, :func:`read_remembered`), at most :data:`MAX_REMEMBERED` of them. What it
   keeps is hostile until checked, like any file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from .display import date_text
from .resultfiles import KEY_DIGITS
from .untrusted import UntrustedInput, base_name, parse_json, shown

#: Sets that differ by at most this many files (and share the rest) reveal those files.
MAX_REVEALING = 4
#: The file the team report page keeps on the device: keys of earlier reports, never answers.
REMEMBERED_FORMAT = "vertrouwenswijzer-rapportsleutels"
REMEMBERED_FORMAT_VERSION = 1
#: How many earlier reports the page remembers; the oldest go first.
MAX_REMEMBERED = 50
#: A team report holds at most this many keys (assessments.team.MAX_FILES).
MAX_KEYS = 200
#: The team report format, and the first version that carries respondent keys.
TEAM_FORMAT = "vertrouwenswijzer-teamrapport"
KEYED_VERSION = 2

_KEY = re.compile(rf"[0-9a-f]{{{KEY_DIGITS}}}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class OverlapError(ValueError):
    """Earlier reports that cannot be read; the message is one Dutch sentence."""


@dataclass(frozen=True)
class EarlierReport:
    """The people an earlier report counted: its test, version and keys, and where it is from."""

    source: str
    assessment: str
    version: int
    keys: frozenset[str]
    created: str | None = None


def overlaps(
    assessment: str, version: int, keys: Sequence[str], earlier: Sequence[EarlierReport]
) -> list[dict[str, Any]]:
    """The earlier reports of this test and version whose people differ by 1 to MAX_REVEALING.

    Each as ``{"source", "added", "removed"}``: how many files the new report has that the
    earlier one had not, and the other way round.

    >>> old = EarlierReport("oud.json", "team", 2, frozenset("abcdef"))
    >>> overlaps("team", 2, list("abcdefg"), [old])
    [{'source': 'oud.json', 'added': 1, 'removed': 0}]
    >>> overlaps("team", 2, list("abcdef"), [old]), overlaps("team", 2, list("abcde") + list("vwxyz"), [old])
    ([], [])
    """
    new = frozenset(keys)
    found = []
    for report in earlier:
        if (report.assessment, report.version) != (assessment, version):
            continue
        added, removed = len(new - report.keys), len(report.keys - new)
        if 1 <= added + removed <= MAX_REVEALING and new & report.keys:
            found.append({"source": report.source, "added": added, "removed": removed})
    return found


def read_earlier_report(name: str, data: bytes) -> EarlierReport:
    """An earlier team report file (the JSON a team report page downloads), checked.

    Raises :class:`OverlapError` with one Dutch sentence when it is not such a report.
    """
    file = shown(base_name(name))
    try:
        document = parse_json(data)
    except UntrustedInput as error:
        raise OverlapError(f"Het eerdere rapport '{file}' {error}") from None
    if not isinstance(document, dict) or document.get("format") != TEAM_FORMAT:
        raise OverlapError(
            f"Het bestand '{file}' is geen teamrapport van de Vertrouwenswijzer; kies bij "
            "eerdere rapporten het JSON-bestand dat de pagina Teamrapport opslaat."
        )
    if document.get("format_version") != KEYED_VERSION:
        raise OverlapError(
            f"Het eerdere rapport '{file}' is gemaakt met een oudere versie van de site en zegt "
            "niet wie er meetelden; vergelijken kan daarom niet."
        )
    return _earlier(document, file, f"Het eerdere rapport '{file}'")


def read_remembered(text: str | None) -> list[EarlierReport]:
    """The earlier reports the page remembers on this device; [] when it remembers none.

    Raises :class:`OverlapError` when the kept text cannot be read; the page then leaves it as
    it is, and says so.
    """
    if text is None:
        return []
    subject = "Wat deze pagina onthoudt van eerdere rapporten"
    try:
        document = parse_json(text.encode("utf-8", "surrogatepass"))
    except UntrustedInput as error:
        raise OverlapError(f"{subject} {error}") from None
    if (
        not isinstance(document, dict)
        or document.get("format") != REMEMBERED_FORMAT
        or document.get("format_version") != REMEMBERED_FORMAT_VERSION
        or not isinstance(document.get("reports"), list)
    ):
        raise OverlapError(f"{subject} is onleesbaar.")
    reports = document["reports"]
    if len(reports) > MAX_REMEMBERED:
        raise OverlapError(f"{subject} bevat meer dan {MAX_REMEMBERED} rapporten.")
    earlier = []
    for report in reports:
        if not isinstance(report, dict):
            raise OverlapError(f"{subject} is onleesbaar.")
        created = report.get("created")
        if not isinstance(created, str) or not _DATE.fullmatch(created):
            raise OverlapError(f"{subject} mist de datum van een rapport.")
        try:
            shown_day = date_text(date.fromisoformat(created))
        except ValueError:
            raise OverlapError(f"{subject} mist de datum van een rapport.") from None
        source = f"een eerder rapport op dit apparaat ({shown_day})"
        earlier.append(_earlier(report, source, subject, created))
    return earlier


def remember(earlier: Sequence[EarlierReport], report: dict[str, Any], today: date) -> str:
    """The text the page keeps after showing ``report``: the earlier reports and this one.

    Only what overlaps needs: test, version, keys and the day. A set it already remembers is not
    added again; past MAX_REMEMBERED the oldest go.
    """
    kept = [r for r in earlier if r.created is not None]
    keys = frozenset(report["respondent_keys"])
    if not any(
        (r.assessment, r.version, r.keys) == (report["assessment"], report["version"], keys)
        for r in kept
    ):
        kept.append(
            EarlierReport("", report["assessment"], report["version"], keys, today.isoformat())
        )
    kept = kept[-MAX_REMEMBERED:]
    return json.dumps(
        {
            "format": REMEMBERED_FORMAT,
            "format_version": REMEMBERED_FORMAT_VERSION,
            "reports": [
                {
                    "assessment": r.assessment,
                    "version": r.version,
                    "created": r.created,
                    "respondent_keys": sorted(r.keys),
                }
                for r in kept
            ],
        },
        separators=(",", ":"),
    )


# ---- Helper functions ----


def _earlier(
    document: dict[str, Any], source: str, subject: str, created: str | None = None
) -> EarlierReport:
    """The test, version and keys of a report (or a remembered one), checked."""
    assessment, version, keys = (
        document.get("assessment"),
        document.get("version"),
        document.get("respondent_keys"),
    )
    if (
        not isinstance(assessment, str)
        or isinstance(version, bool)
        or not isinstance(version, int)
        or not isinstance(keys, list)
    ):
        raise OverlapError(
            f"{subject} is onvolledig: de zelftest, de versie of de sleutels ontbreken."
        )
    if len(keys) > MAX_KEYS or not all(isinstance(k, str) and _KEY.fullmatch(k) for k in keys):
        raise OverlapError(f"{subject} bevat sleutels die deze site niet maakt.")
    if len(set(keys)) != len(keys):
        raise OverlapError(f"{subject} bevat een sleutel twee keer.")
    return EarlierReport(source, shown(assessment, 40), version, frozenset(keys), created)
