"""Results and team reports of version 2, made before the tests' version 3, meet the v3 site.

The files in tests/engine/v2/ were made with the engine and definitions of the last v2 commit
(9c3395e): five results of 'team', a team report of them, a 'leiderschap' result and two
'persoonlijk' results. A v2 file stays a v2 file: the team report, the mirror, the reader's
history and the department overview never mix it with version 3, and each says why.
"""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import pytest

from assessments import result_document, score
from assessments.browser import history_json, import_history_json
from assessments.documents import definition_document, document_text
from assessments.files import load_all
from assessments.history import HISTORY_FORMAT
from assessments.overview import department_overview
from assessments.team import TeamError, mirror_report, team_report

V2 = Path(__file__).parent / "v2"
CATALOG = {assessment.id: assessment for assessment in load_all()}


def v2_file(name: str) -> tuple[str, bytes]:
    return name, (V2 / name).read_bytes()


def v3_files(assessment_id: str, count: int, seed: int) -> list[tuple[str, bytes]]:
    """Results of the current version, answered at random (2-5)."""
    assessment = CATALOG[assessment_id]
    rng = random.Random(seed)
    files = []
    for number in range(count):
        answers = {item.id: rng.randint(2, 5) for item in assessment.items}
        document = result_document(
            score(assessment, answers),
            result_id=f"{seed:02d}{number:030x}",
            created=date(2026, 12, 7),
        )
        files.append((f"v3-{seed}-{number}.json", document_text(document).encode()))
    return files


def test_the_fixtures_are_version_2_and_the_site_is_past_it():
    for name in ("team-v2-0.json", "leiderschap-v2-0.json", "persoonlijk-v2-0.json"):
        document = json.loads((V2 / name).read_text("utf-8"))
        assert document["version"] == 2
        assert CATALOG[document["assessment"]].version == 3, document["assessment"]


def test_a_team_report_leaves_out_v2_results_with_the_reason():
    v2 = [v2_file(f"team-v2-{n}.json") for n in range(5)]
    report = team_report(v2 + v3_files("team", 5, 1), CATALOG)
    assert report["version"] == 3 and report["respondents"] == 5
    reasons = {entry["file"]: entry["reason"] for entry in report["left_out"]}
    assert sorted(reasons) == [name for name, _ in v2]
    for reason in reasons.values():
        assert "versie 2" in reason and "versie 3" in reason


def test_only_v2_results_make_no_report_and_each_file_says_why():
    v2 = [v2_file(f"team-v2-{n}.json") for n in range(5)]
    with pytest.raises(TeamError) as refused:
        team_report(v2, CATALOG)
    assert all("versie 2" in entry.reason for entry in refused.value.left_out)
    assert len(refused.value.left_out) == 5


def test_a_mirror_refuses_a_v2_own_result_with_the_reason():
    with pytest.raises(TeamError) as refused:
        mirror_report(v2_file("leiderschap-v2-0.json"), v3_files("leiderschap-team", 5, 2), CATALOG)
    assert "versie 2" in str(refused.value) and "versie 3" in str(refused.value)


def test_kept_v2_results_stay_kept_and_the_history_says_why_they_do_not_count():
    definition = json.dumps(definition_document(CATALOG["persoonlijk"]))
    kept = [json.loads((V2 / f"persoonlijk-v2-{n}.json").read_text("utf-8")) for n in (0, 1)]
    stored = json.dumps({"format": HISTORY_FORMAT, "format_version": 1, "results": kept})
    answer = json.loads(history_json(definition, stored))
    assert "error" not in answer, answer
    history = answer["history"]
    assert history["entries"] == []
    assert len(history["left_out"]) == 2
    assert all("versie 2" in entry["reason"] for entry in history["left_out"])


def test_importing_a_v2_result_into_the_history_adds_nothing_and_says_why():
    definition = json.dumps(definition_document(CATALOG["persoonlijk"]))
    data = (V2 / "persoonlijk-v2-0.json").read_bytes()
    answer = json.loads(import_history_json(definition, None, "oud.json", data))
    assert "versie 2" in answer["error"]


def test_a_department_overview_refuses_a_v2_team_report_with_the_reason():
    reports = []
    for seed in (3, 4):
        report = team_report(v3_files("team", 5, seed), CATALOG)
        reports.append((f"team-{seed}.json", document_text(report).encode()))
    overview = department_overview([v2_file("teamrapport-team-v2.json"), *reports], CATALOG)
    [left_out] = overview["left_out"]
    assert left_out["file"] == "teamrapport-team-v2.json"
    assert "versie 2" in left_out["reason"]
