"""Versions tied to content: the fingerprint of what decides a score, and the version check.

A result is comparable only with results of the same assessment version. The fingerprint
ties a version number to one content; :func:`check_version` refuses a released version whose
content changed. Reading and writing the record of released versions is I/O and lives in
:mod:`assessments.files`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

from .definitions import Problem
from .model import Assessment


def fingerprint(assessment: Assessment) -> str:
    """A digest of everything that decides a score, to tie a version number to one content.

    It covers the answer values of the scale, the dimension ids (and which are outcomes), each
    item's id, dimension, text and keying, and the band edges; it leaves out titles, labels and
    explanations, which change no score. Two results with the same assessment id, version and fingerprint were
    scored on the same questions by the same rules.

    >>> from assessments.model import Scale
    >>> a = Assessment("a", 1, "A", "a.md", "", "", Scale(1, 5, (), ""), (), (), ())
    >>> fingerprint(a) == fingerprint(a) and fingerprint(a).startswith("sha256:")
    True
    """
    content: dict[str, object] = {
        "scale": [option.value for option in assessment.scale.options],
        "dimensions": [dimension.id for dimension in assessment.dimensions],
        "items": [[i.id, i.dimension, i.text, i.reverse] for i in assessment.items],
        "bands": [[band.id, band.lower, band.upper] for band in assessment.bands],
    }
    outcomes = [dimension.id for dimension in assessment.dimensions if dimension.outcome]
    if outcomes:
        # Only when present, so that the fingerprints of released versions without an outcome
        # stay what they were.
        content["outcome"] = outcomes
    canonical = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def check_version(
    file: str, assessment: Assessment, digest: str, released: Mapping[int, str], line: int | None
) -> list[Problem]:
    """Problems with an assessment's version against the released versions of its id.

    ``released`` maps each released version to the fingerprint of its content. A released
    version must keep its content, so that results saved under it stay comparable; changed
    content needs a version above every released one. A version above them all is a draft
    until it is released (`python -m assessments release`).
    """
    version, latest = assessment.version, max(released, default=0)
    if released.get(version, digest) != digest:
        return [
            Problem(
                file,
                "version",
                f"de vragen, de omgekeerde scoring of de banden zijn veranderd, maar de versie "
                f"is nog {version}, en die is al uitgebracht. Verhoog 'version' naar "
                f"{latest + 1}, zodat uitslagen van versie {version} herkenbaar blijven.",
                line,
            )
        ]
    if version not in released and version < latest:
        return [
            Problem(
                file,
                "version",
                f"versie {version} is lager dan de laatst uitgebrachte versie {latest}; "
                f"gebruik {latest + 1}.",
                line,
            )
        ]
    return []
