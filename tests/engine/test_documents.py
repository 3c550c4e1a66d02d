"""The versioned documents and the fingerprint. Runs in CPython and in Pyodide (no files)."""

from __future__ import annotations

import dataclasses
import json

from assessments import definition_document, result_document, score
from assessments.browser import score_json
from assessments.documents import assessment_from_document
from assessments.versions import fingerprint
from tests.engine.builders import all_answers, assessment

#: The fingerprint of the builders' small definition, computed once in CPython. The same digest
#: inside Pyodide proves that both runtimes see one content the same way, so a result scored in
#: a browser can be matched to the version that the build released.
PROEF_FINGERPRINT = "sha256:04a32098e160ba61a2ed7204996f77cadd767d84ada5f17e430cbf0a9ea087b5"


def test_fingerprint_is_the_same_in_every_runtime():
    assert fingerprint(assessment()) == PROEF_FINGERPRINT


def test_fingerprint_follows_what_decides_a_score():
    proef = assessment()
    item, band = proef.items[0], proef.bands[0]

    def with_item(**changes):
        changed = dataclasses.replace(item, **changes)
        return fingerprint(dataclasses.replace(proef, items=(changed, *proef.items[1:])))

    def with_band(**changes):
        changed = dataclasses.replace(band, **changes)
        return fingerprint(dataclasses.replace(proef, bands=(changed, *proef.bands[1:])))

    same = fingerprint(proef)
    assert with_item(text=item.text + "?") != same
    assert with_item(reverse=not item.reverse) != same
    assert with_band(upper=band.upper + 1) != same
    assert with_item(construct="iets anders", source="iemand (2026)") == same
    assert with_band(label="Anders", text="Een andere uitleg.") == same
    assert fingerprint(dataclasses.replace(proef, title="Anders")) == same


def test_definition_document_round_trips_to_the_same_assessment():
    original = assessment()
    rebuilt = assessment_from_document(json.loads(json.dumps(definition_document(original))))
    assert rebuilt == original
    assert fingerprint(rebuilt) == definition_document(original)["fingerprint"]


def test_result_records_assessment_version_and_fingerprint():
    document = result_document(score(assessment(), all_answers(4)))
    assert (document["format"], document["format_version"]) == ("vertrouwenswijzer-resultaat", 1)
    assert (document["assessment"], document["version"]) == ("proef", 1)
    assert document["fingerprint"] == fingerprint(assessment())
    assert document["norm_group"] is None


def test_browser_entry_point_gives_the_cli_document():
    definition = json.dumps(definition_document(assessment()))
    answers = {**all_answers(3), "v2": None}
    from_browser = json.loads(score_json(definition, json.dumps(answers)))
    assert from_browser == json.loads(json.dumps(result_document(score(assessment(), answers))))
    assert from_browser["answers"]["v2"] is None
