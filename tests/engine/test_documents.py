"""The versioned documents and the fingerprint. Runs in CPython and in Pyodide (no files)."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date

from assessments import definition_document, result_document, score
from assessments.browser import score_json
from assessments.documents import assessment_from_document
from assessments.versions import fingerprint
from tests.engine.builders import all_answers, assessment

#: The fingerprint of the builders' small definition, computed once in CPython. The same digest
#: inside Pyodide proves that both runtimes see one content the same way, so a result scored in
#: a browser can be matched to the version that the build released.
PROEF_FINGERPRINT = "sha256:04f185a0a048b65970dc792d540d6c52ee009d4327a01422c579df5f963e6e43"


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
    assert (document["format"], document["format_version"]) == ("vertrouwenswijzer-resultaat", 2)
    assert (document["assessment"], document["version"]) == ("proef", 1)
    assert document["fingerprint"] == fingerprint(assessment())
    assert document["norm_group"] is None


def without_id_and_date(document: dict) -> dict:
    """A result document less what differs from one scoring to the next: its id and its day."""
    return {key: value for key, value in document.items() if key not in ("id", "created")}


def test_browser_entry_point_gives_the_cli_document():
    definition = json.dumps(definition_document(assessment()))
    answers = {**all_answers(3), "v2": None}
    from_browser = json.loads(score_json(definition, json.dumps(answers)))
    from_cli = json.loads(json.dumps(result_document(score(assessment(), answers))))
    assert without_id_and_date(from_browser) == without_id_and_date(from_cli)
    assert from_browser["answers"]["v2"] is None


def test_result_id_is_random_hex_and_created_is_todays_date():
    before = date.today().isoformat()
    first, second = (result_document(score(assessment(), all_answers(4))) for _ in range(2))
    after = date.today().isoformat()
    assert all(re.fullmatch(r"[0-9a-f]{32}", document["id"]) for document in (first, second))
    assert first["id"] != second["id"]  # the same answers twice are still two results
    assert first["created"] in (before, after)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", first["created"])  # the day only, no time


def test_result_document_uses_the_given_id_and_date():
    document = result_document(
        score(assessment(), all_answers(4)), result_id="abcdef0123456789", created=date(2026, 3, 1)
    )
    assert (document["id"], document["created"]) == ("abcdef0123456789", "2026-03-01")


def test_definition_gives_each_option_its_position_on_the_scale():
    options = definition_document(assessment())["scale"]["options"]
    assert [(o["value"], o["position"]) for o in options] == [
        (1, 0.0),
        (2, 25.0),
        (3, 50.0),
        (4, 75.0),
        (5, 100.0),
    ]


def test_result_carries_its_totals_so_no_face_adds_them_up():
    answers = {**all_answers(4), "v1": None, "f2": None}
    del answers["f5"]
    totals = result_document(score(assessment(), answers))["totals"]
    assert totals == {
        "answered": 6,
        "items": 9,
        "dont_know": 2,
        "dont_know_numbers": [1, 6],  # v1 and f2: questions 1 and 6 of the form
        "all_dont_know": False,
    }


def test_a_result_of_only_dont_know_says_so():
    totals = result_document(score(assessment(), dict.fromkeys(all_answers(4))))["totals"]
    assert totals["all_dont_know"] and totals["answered"] == 0
    assert totals["dont_know_numbers"] == list(range(1, 10))
    assert not result_document(score(assessment(), {}))["totals"]["all_dont_know"]


def test_result_carries_the_figures_as_shown_so_no_face_rounds_them():
    # vier: 4, 4, 3, 3 -> 3.5 (position 62.5); vijf: 4, 4, 4, 4, 3 -> 3.8 (position 70).
    answers = {"v1": 4, "v2": 4, "v3": 3, "v4": 3, "f1": 4, "f2": 4, "f3": 4, "f4": 4, "f5": 3}
    document = result_document(score(assessment(), answers), created=date(2026, 3, 1))
    shown = [(d["shown_mean"], d["shown_score"]) for d in document["dimensions"]]
    assert shown == [("3,5", "63"), ("3,8", "70")]
    assert (document["overall"]["shown_mean"], document["overall"]["shown_score"]) == ("3,7", "66")
    assert document["created"] == "2026-03-01" and document["created_shown"] == "1 maart 2026"
    assert document["profile"]["shown_meaningful_difference"] == "0,7"
    missing = result_document(score(assessment(), {"v1": 4}))["dimensions"][0]
    assert missing["shown_mean"] is None and missing["shown_score"] is None


def test_result_and_definition_say_whether_the_test_is_self_rated():
    proef = assessment()
    assert result_document(score(proef, {}))["self_rated"] is False
    rated = dataclasses.replace(proef, self_rated=True)
    assert result_document(score(rated, {}))["self_rated"] is True
    assert definition_document(rated)["self_rated"] is True
    assert assessment_from_document(definition_document(rated)).self_rated
