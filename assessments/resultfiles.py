"""Reading result files that other people made: check each one, rescore it, count it once.

A team report, a leader mirror and a reader's history all start from result files (the JSON a
reader saves). They are hostile until checked. The rules, in order:

1. A file is bounded, strict JSON (:func:`assessments.untrusted.parse_json`) and a result
   document of this site, of a test the site has now, at the same version and fingerprint.
2. Its answers fit the questions, and the scores written in it are those its answers give; the
   written scores are never used beyond that check: every figure is recomputed.
3. A result id counts once. Ids are compared in one canonical form (:func:`canonical_id`: lower
   case, without hyphens), so a copy with its id in capitals is still a repeat.
4. A result carries no proof of who made it. Files whose answers and date are identical are
   named as "waarschijnlijk dezelfde uitslag" (:func:`likely_same`); whoever gathers the files
   decides.
5. Every counted file has a respondent key (:func:`respondent_key`): the first 16 hex digits of
   sha256 of its canonical id. It reveals nothing of the answers and lets two reports be
   compared for the people they share (:mod:`assessments.overlap`).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .documents import DEFINITION_FORMAT, RESULT_FORMAT, RESULT_FORMAT_VERSION
from .model import Assessment
from .scoring import AnswerError, Result, score
from .untrusted import UntrustedInput, base_name, parse_json, shown
from .versions import fingerprint

#: Formats that are reports made from result files, not result files themselves.
REPORT_FORMATS = (
    "vertrouwenswijzer-teamrapport",
    "vertrouwenswijzer-spiegel",
    "vertrouwenswijzer-afdelingsoverzicht",
)
#: A result id as the engine writes it (hex) or as another honest tool might (a UUID).
_RESULT_ID = re.compile(r"[A-Za-z0-9-]{8,64}")
#: Written and recomputed scores may differ by rounding in a JSON round trip, never by more.
_TOLERANCE = 1e-9
#: How many hex digits of the hash a respondent key keeps: 64 bits, no collision in practice.
KEY_DIGITS = 16
#: A result file is about 5 kB (the largest test, klant, under 6 kB): 64 kB leaves room, and
#: bounds the work 200 hostile files can cost.
MAX_RESULT_BYTES = 64_000
#: Field names in one result file: it has about 200.
MAX_RESULT_KEYS = 2_000


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
    #: The day written in the file (YYYY-MM-DD as written, unchecked), or None.
    created: str | None = None

    @property
    def key(self) -> str:
        """This file's respondent key (see :func:`respondent_key`)."""
        return respondent_key(self.result_id)


def canonical_id(result_id: str) -> str:
    """A result id in the one form ids are compared in: lower case, no hyphens.

    >>> canonical_id("3F0C-AB12-00"), canonical_id("3f0cab1200")
    ('3f0cab1200', '3f0cab1200')
    """
    return result_id.lower().replace("-", "")


def respondent_key(result_id: str) -> str:
    """The first 16 hex digits of sha256 of the canonical id: who counted, not what they said.

    >>> respondent_key("ABCDEF12") == respondent_key("abcdef12"), len(respondent_key("abcdef12"))
    (True, 16)
    """
    return hashlib.sha256(canonical_id(result_id).encode("ascii")).hexdigest()[:KEY_DIGITS]


# ---- Reading result files ----


def read_result(name: str, data: bytes, catalog: Mapping[str, Assessment]) -> Respondent | LeftOut:
    """Check one result file against the site's assessments and rescore its answers.

    ``catalog`` maps assessment ids to the definitions this site has now. The file counts only
    as a result of one of those, at the same version and fingerprint, whose answers fit the
    questions and whose written scores are what its answers give.
    """
    file = shown(base_name(name))
    try:
        document = parse_json(data, MAX_RESULT_BYTES, MAX_RESULT_KEYS)
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
    created = document.get("created")
    return Respondent(file, document["id"], result, created if isinstance(created, str) else None)


def read_results(
    files: Sequence[tuple[str, bytes]], catalog: Mapping[str, Assessment]
) -> list[Respondent | LeftOut]:
    """Read many files, in the order given: each usable one, or why it is left out.

    A result id (in its canonical form) that came before is left out as a repeat.
    """
    read: list[Respondent | LeftOut] = []
    first_seen: dict[str, str] = {}
    for name, data in files:
        entry = read_result(name, data, catalog)
        if isinstance(entry, Respondent):
            seen = canonical_id(entry.result_id)
            if seen in first_seen:
                entry = LeftOut(
                    entry.file,
                    f"is dezelfde uitslag als '{first_seen[seen]}' (hetzelfde kenmerk); die "
                    "telt maar één keer.",
                )
            else:
                first_seen[seen] = entry.file
        read.append(entry)
    return read


def likely_same(respondents: Sequence[Respondent]) -> list[list[str]]:
    """Groups of counted files whose answers and date are identical, in the order given.

    Different ids, so they count apart; yet two people rarely give every answer alike on the
    same day. The report names them and the facilitator decides.
    """
    groups: dict[tuple[Any, ...], list[str]] = defaultdict(list)
    for respondent in respondents:
        given = tuple(sorted((k, v) for k, v in respondent.result.answers.items() if v is not None))
        groups[(respondent.result.assessment.id, respondent.created, given)].append(respondent.file)
    return [files for files in groups.values() if len(files) > 1]


# ---- Helper functions ----


def _not_a_result(document: Any) -> str | None:
    """Why a parsed file is not a result document of this site, or None if it is one."""
    if not isinstance(document, dict):
        return "is geen uitslagbestand van de Vertrouwenswijzer."
    if document.get("format") == DEFINITION_FORMAT:
        return "is de beschrijving van een zelftest, geen uitslag van iemand."
    if document.get("format") in REPORT_FORMATS:
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
