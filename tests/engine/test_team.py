"""The team rules of CONTENT.md: worked cases checked by hand, the anonymity and mirror
boundaries, the validator's team fields, and hostile result files.

Runs in CPython and in Pyodide (no files, no pytest): result files are built in code with the
engine's own document writer and handed to the team report as bytes, as a face would.
"""

from __future__ import annotations

import json
import math
from typing import Any

from assessments import DefinitionError, definition_document, parse_assessment, result_document
from assessments import score as score_answers
from assessments.definitions import check_catalog
from assessments.resultfiles import MAX_RESULT_BYTES, MAX_RESULT_KEYS
from assessments.team import (
    MAX_FILES,
    TeamError,
    agreement_label,
    catalog_of,
    cronbach_alpha,
    mirror_report,
    rwg_j,
    team_report,
)
from assessments.untrusted import MAX_OBJECT_KEYS, UntrustedInput, parse_json
from tests.engine.builders import raises, valid_definition

# ---- Definitions and files, built in code ----
#
# The builders' small definition: dimension 'vier' (v1-v4, v4 reverse-keyed) and 'vijf'
# (f1-f5), a 1-5 scale, bands at 0-25-50-75-100. Five variants of it make a small site:
#   proef        a self-rated test (no team use) that another test mirrors
#   proef-team   its team version: the team answers about the manager (mirror_of: proef)
#   proefteam    a team test
#   anderteam    another team test
#   solo         a self-rated test that nothing mirrors


def definition(identifier: str, *, team: bool = False, mirror_of: str | None = None) -> dict:
    data = valid_definition()
    data.update(id=identifier, page=f"zelftests/{identifier}.md", title=f"Test {identifier}")
    if team:
        data["team_report"] = True
    if mirror_of:
        data["mirror_of"] = mirror_of
        for item in data["items"]:
            item["id"] += "-team"
    return data


PROEF = parse_assessment(definition("proef"), "proef.yaml")
PROEF_TEAM = parse_assessment(definition("proef-team", team=True, mirror_of="proef"), "pt.yaml")
TEAM = parse_assessment(definition("proefteam", team=True), "proefteam.yaml")
OTHER_TEAM = parse_assessment(definition("anderteam", team=True), "anderteam.yaml")
SOLO = parse_assessment(definition("solo"), "solo.yaml")
SOLO_SELF = parse_assessment({**definition("solo"), "self_rated": True}, "solo.yaml")
CATALOG = catalog_of([PROEF, PROEF_TEAM, TEAM, OTHER_TEAM, SOLO])

VIER = ("v1", "v2", "v3", "v4")
VIJF = ("f1", "f2", "f3", "f4", "f5")


def answers(vier: tuple, vijf: tuple = (3, 3, 3, 3, 3), suffix: str = "") -> dict:
    """Raw answers by item: ``vier`` for v1-v4 (v4 reverse-keyed), ``vijf`` for f1-f5."""
    return {f"{item}{suffix}": value for item, value in zip(VIER + VIJF, vier + vijf, strict=True)}


def document(assessment, given: dict, **ids: Any) -> dict:
    """The result document the site saves for these answers."""
    return json.loads(json.dumps(result_document(score_answers(assessment, given), **ids)))


def encoded(value: Any) -> bytes:
    return json.dumps(value).encode("utf-8")


def result_file(name: str, assessment, given: dict) -> tuple[str, bytes]:
    return name, encoded(document(assessment, given))


def team_files(answer_sets: list[dict], assessment=TEAM, prefix: str = "r") -> list:
    return [
        result_file(f"{prefix}{number}.json", assessment, given)
        for number, given in enumerate(answer_sets, 1)
    ]


def named(answer_sets: list[dict]) -> list[tuple[str, dict]]:
    return [(f"r{number}.json", given) for number, given in enumerate(answer_sets, 1)]


def to_mirror(given: dict) -> dict:
    """The same answers for the items of proef-team (ids with "-team")."""
    return {f"{item_id}-team": value for item_id, value in given.items()}


def figures(report: dict, dimension_id: str) -> dict:
    return next(d for d in report["dimensions"] if d["id"] == dimension_id)


def item(report: dict, item_id: str) -> dict:
    return next(i for i in report["items"] if i["id"] == item_id)


def close(actual: float | None, expected: float) -> bool:
    return actual is not None and math.isclose(actual, expected, rel_tol=0, abs_tol=1e-12)


# A team of five, worked by hand. On 'vier' (v4 reverse-keyed: x' = 6 - x):
#   r1 4 4 4 2 -> 4 4 4 4, mean 4      r4 4 4 4 2 -> mean 4
#   r2 5 5 5 1 -> 5 5 5 5, mean 5      r5 4 4 4 - -> mean 4 (3 of 4 answered: enough)
#   r3 3 3 3 3 -> 3 3 3 3, mean 3
# mean_d = 20/5 = 4.0; sd = sqrt((0 + 1 + 1 + 0 + 0) / 4) = sqrt(0.5); score 75 ('hoog').
# r_wg(J): v1, v2, v3 answered 4 5 3 4 4 (variance 2/4 = 0.5); v4 keyed 4 5 3 4 (variance
# 2/3); s2 = (3 * 0.5 + 2/3) / 4 = 13/24; sigma2_EU = (5^2 - 1) / 12 = 2; s2/sigma2_EU = 13/48;
# r_wg(4) = 4 (35/48) / (4 (35/48) + 13/48) = 140/153 = 0.915 ('sterke overeenstemming').
# On 'vijf' everyone answers 3, except r5, who answers only f1 (too few: no mean).
WORKED = [
    answers((4, 4, 4, 2)),
    answers((5, 5, 5, 1)),
    answers((3, 3, 3, 3)),
    answers((4, 4, 4, 2)),
    answers((4, 4, 4, None), (3, None, None, None, None)),
]


def worked_report() -> dict:
    return team_report(team_files(WORKED), CATALOG)


# ---- The team report, worked by hand ----


def test_team_mean_sd_score_and_band_worked_by_hand():
    vier = figures(worked_report(), "vier")
    assert vier["n"] == 5
    assert vier["mean"] == 4.0 and close(vier["sd"], math.sqrt(0.5))
    assert vier["score"] == 75.0 and vier["band"]["id"] == "boven"


def test_team_agreement_worked_by_hand():
    vier = figures(worked_report(), "vier")
    assert close(vier["rwg"], 140 / 153)
    assert vier["agreement"] == "sterke overeenstemming"


def test_report_names_its_test_version_and_respondents():
    report = worked_report()
    assert (report["format"], report["format_version"]) == ("vertrouwenswijzer-teamrapport", 2)
    assert (report["assessment"], report["version"]) == ("proefteam", 1)
    assert report["fingerprint"] == definition_document(TEAM)["fingerprint"]
    assert report["respondents"] == 5 and report["left_out"] == []
    assert [d["id"] for d in report["dimensions"]] == ["vier", "vijf"]
    assert [i["id"] for i in report["items"]] == list(VIER + VIJF)


def test_dimension_with_four_respondents_gets_no_figure_but_keeps_its_counts():
    vijf = figures(worked_report(), "vijf")
    withheld = ("mean", "sd", "score", "band", "rwg", "agreement", "alpha")
    assert {key: vijf[key] for key in withheld} == dict.fromkeys(withheld)
    assert vijf["n"] == 4 and vijf["alpha_n"] == 4


def test_overall_is_withheld_when_a_dimension_has_too_few_respondents():
    assert worked_report()["overall"] is None


def test_overall_is_the_mean_of_the_dimension_means_and_of_their_scores():
    # r5 now answers all of 'vijf' with 3: vijf mean 3 (score 50), vier stays 4 (score 75).
    # Overall mean (4 + 3) / 2 = 3.5, score (75 + 50) / 2 = 62.5: on the edge of 'midden'
    # (37.5-62.5) and 'boven': the lower band, and the boundary said.
    complete = [*WORKED[:4], answers((4, 4, 4, None))]
    report = team_report(team_files(complete), CATALOG)
    vijf = figures(report, "vijf")
    assert (vijf["n"], vijf["mean"], vijf["sd"], vijf["score"]) == (5, 3.0, 0.0, 50.0)
    assert vijf["rwg"] == 1.0  # nobody differs from anybody: s2 = 0
    assert report["overall"]["mean"] == 3.5 and report["overall"]["score"] == 62.5
    assert report["overall"]["band"]["id"] == "midden"
    assert report["overall"]["boundary"]["upper"]["id"] == "boven"
    assert report["overall"]["boundary"]["text"] == (
        "op de grens van 'In het midden' en 'Boven het midden'"
    )


def test_item_figures_are_the_raw_answers_not_the_reverse_keyed_ones():
    # v4 is reverse-keyed; its raw answers 1 1 1 2 5 have mean 2 (keyed it would be 4) and
    # sample sd sqrt((1 + 1 + 1 + 0 + 9) / 4) = sqrt(3).
    team = [answers((3, 3, 3, v4)) for v4 in (1, 1, 1, 2, 5)]
    v4 = item(team_report(team_files(team), CATALOG), "v4")
    assert (v4["n"], v4["dont_know"], v4["dimension"]) == (5, 0, "vier")
    assert v4["mean"] == 2.0 and close(v4["sd"], math.sqrt(3))
    assert (v4["shown_mean"], v4["shown_sd"]) == ("2,0", "1,73")
    # Five answers: three groups (below, at and above the middle option), no full distribution.
    assert v4["counts"] is None
    assert v4["groups"] == [
        {"id": "onder", "values": [1, 2], "count": 4},
        {"id": "midden", "values": [3], "count": 0},
        {"id": "boven", "values": [4, 5], "count": 1},
    ]


def test_item_counts_have_a_key_for_every_scale_value_from_eight_answers():
    v1 = item(worked_report(), "v1")  # answers 4 5 3 4 4
    assert v1["counts"] is None and [g["count"] for g in v1["groups"]] == [0, 1, 4]
    assert (v1["n"], v1["dont_know"], v1["mean"]) == (5, 0, 4.0) and close(v1["sd"], 0.5**0.5)
    eight = team_report(team_files(WORKED[:4] * 2), CATALOG)  # different ids, the same answers
    assert item(eight, "v1")["counts"] == {"1": 0, "2": 0, "3": 2, "4": 4, "5": 2}
    assert item(eight, "v1")["groups"] is None
    seven = team_report(team_files((WORKED[:4] * 2)[:7]), CATALOG)
    assert item(seven, "v1")["counts"] is None and item(seven, "v1")["groups"] is not None


def test_item_with_four_answers_shows_only_how_many_answered():
    v4 = item(worked_report(), "v4")  # r5 chose "weet ik niet"
    assert (v4["n"], v4["dont_know"]) == (4, 1)
    assert v4["mean"] is None and v4["sd"] is None and v4["counts"] is None
    f2 = item(worked_report(), "f2")  # r5 skipped it: missing counts as "weet ik niet" too
    assert (f2["n"], f2["dont_know"], f2["counts"]) == (4, 1, None)


# Three keyed answer patterns on 'vier'; ten people each make thirty complete respondents.
# Copying rows scales every sample variance by the same factor, so alpha is that of the three
# rows, worked by hand: item sums of squares 2, 14/3, 8/3, 14/3 (total 14); row totals 8, 14,
# 18 with sum of squares 152/3; alpha = 4/3 (1 - 14 / (152/3)) = 4/3 * 110/152 = 55/57.
# v4 is reverse-keyed, so its raw answers are 6 - keyed: 4, 2, 1.
ALPHA_ROWS = [answers((2, 2, 2, 4)), answers((3, 3, 4, 2)), answers((4, 5, 4, 1))]


def test_alpha_from_thirty_complete_respondents_worked_by_hand():
    incomplete = [answers((3, 3, None, 3))] * 3  # counted for the mean, not for alpha
    report = team_report(team_files(ALPHA_ROWS * 10 + incomplete), CATALOG)
    vier = figures(report, "vier")
    assert (vier["n"], vier["alpha_n"]) == (33, 30)
    assert close(vier["alpha"], 55 / 57)


def test_no_alpha_from_twenty_nine_complete_respondents():
    incomplete = [answers((3, 3, None, 3))] * 3
    report = team_report(team_files(ALPHA_ROWS * 10 + incomplete)[1:], CATALOG)
    vier = figures(report, "vier")
    assert (vier["n"], vier["alpha_n"], vier["alpha"]) == (32, 29, None)
    assert vier["mean"] is not None and vier["rwg"] is not None


# ---- The statistics, as functions ----


def test_rwg_is_1_when_everyone_agrees():
    assert rwg_j([[4, 4, 4], [5, 5, 5]], 5) == 1.0


def test_rwg_worked_by_hand():
    # Variances 2/3 and 1/4, s2 = 11/24, s2/2 = 11/48; r_wg(2) = 2 (37/48) / (2 (37/48) + 11/48)
    # = 74/85 (R's multilevel::rwg.j gives 0.8705882352941177 too).
    assert close(rwg_j([[4, 5, 4, 3], [3, 4, 4, 4]], 5), 74 / 85)


def test_rwg_is_0_when_the_variance_reaches_that_of_random_answers():
    # 1 3 3 3 5: sample variance 8/4 = 2 = sigma2_EU of five options (the boundary itself).
    assert rwg_j([[1, 3, 3, 3, 5]], 5) == 0.0
    assert rwg_j([[1, 5, 1, 5, 1]], 5) == 0.0  # variance 4.8: more than chance, still 0
    # 1 3 3 3 4: variance 1.2, ratio 0.6; r_wg(1) = 0.4 / (0.4 + 0.6) = 0.4.
    assert close(rwg_j([[1, 3, 3, 3, 4]], 5), 0.4)


def test_rwg_skips_items_with_fewer_than_two_answers():
    assert rwg_j([[3], [4, 4], []], 5) == 1.0  # J = 1
    assert rwg_j([[3], []], 5) is None


def test_rwg_uses_the_number_of_answer_options():
    # Answers 1 and 2: variance 0.5. Five options: ratio 0.25 -> 0.75; seven: 0.125 -> 0.875.
    assert close(rwg_j([[1, 2]], 5), 0.75) and close(rwg_j([[1, 2]], 7), 0.875)


def test_agreement_labels_follow_lebreton_and_senter():
    assert agreement_label(0.71) == "sterke overeenstemming"
    assert agreement_label(0.7099) == "matige overeenstemming"
    assert agreement_label(0.51) == "matige overeenstemming"
    assert agreement_label(0.5099) == "weinig overeenstemming"
    assert agreement_label(0.0) == "weinig overeenstemming"


def test_cronbach_alpha_worked_by_hand():
    # Item variances 5/3, 2/3, 5/3 (sum 4); totals 5 8 13 10, variance 34/3;
    # alpha = 3/2 (1 - 4 / (34/3)) = 3/2 * 22/34 = 33/34 (R's multilevel::cronbach agrees).
    assert close(cronbach_alpha([[1, 2, 2], [2, 3, 3], [4, 4, 5], [3, 3, 4]]), 33 / 34)


def test_cronbach_alpha_is_undefined_without_variation_items_or_rows():
    assert cronbach_alpha([[3, 3], [3, 3], [3, 3]]) is None  # totals do not vary
    assert cronbach_alpha([[1], [2], [3]]) is None  # one item
    assert cronbach_alpha([[1, 2]]) is None  # one respondent


# ---- Which files count ----


def test_report_needs_five_usable_files():
    error = raises(TeamError, team_report, team_files(WORKED[:4]), CATALOG)
    assert "4 bruikbare uitslagen" in str(error) and "minstens 5" in str(error)


def test_without_a_report_the_left_out_files_are_still_named():
    solo = result_file("solo.json", SOLO, answers((3, 3, 3, 3)))
    files = [("kapot.json", b"{"), *team_files(WORKED[:4]), solo]
    error = raises(TeamError, team_report, files, CATALOG)
    assert [(e.file, e.reason[:20]) for e in error.left_out] == [
        ("kapot.json", "is geen geldige JSON"),
        ("solo.json", "is een uitslag van '"),
    ]


def test_report_covers_the_team_test_most_files_share():
    others = team_files(WORKED[:2], OTHER_TEAM, prefix="ander")
    report = team_report([others[0], *team_files(WORKED), others[1]], CATALOG)
    assert report["assessment"] == "proefteam" and report["respondents"] == 5
    assert [entry["file"] for entry in report["left_out"]] == ["ander1.json", "ander2.json"]
    assert all("dit rapport gaat over 'Test proefteam'" in e["reason"] for e in report["left_out"])


def test_a_managers_own_result_never_counts_for_the_team():
    own = result_file("mijn-eigen.json", PROEF, answers((5, 5, 5, 1)))
    team = [result_file(name, PROEF_TEAM, to_mirror(given)) for name, given in named(WORKED)]
    report = team_report([own, *team], CATALOG)
    assert report["assessment"] == "proef-team" and report["respondents"] == 5
    (entry,) = report["left_out"]
    assert entry["file"] == "mijn-eigen.json" and "eigen uitslag" in entry["reason"]
    assert "telt nooit mee" in entry["reason"]


def test_a_self_rated_result_is_left_out_of_a_team_report():
    solo = result_file("solo.json", SOLO_SELF, answers((3, 3, 3, 3)))
    report = team_report([*team_files(WORKED), solo], {**CATALOG, "solo": SOLO_SELF})
    assert report["left_out"] == [
        {
            "file": "solo.json",
            "reason": "is een uitslag van 'Test solo', een test over jezelf; die telt niet mee "
            "in een teamrapport.",
        }
    ]


def test_a_result_of_a_test_one_person_fills_in_for_themself_is_left_out_with_its_reason():
    # klimaat: the manager about the team's set-up; not self-rated, not for pooling.
    solo = result_file("solo.json", SOLO, answers((3, 3, 3, 3)))
    report = team_report([*team_files(WORKED), solo], CATALOG)
    assert report["left_out"] == [
        {
            "file": "solo.json",
            "reason": "is een uitslag van 'Test solo', een test die één persoon voor zichzelf "
            "invult; die telt niet mee in een teamrapport.",
        }
    ]


def test_no_report_from_self_rated_results_only():
    solos = [result_file(f"s{n}.json", SOLO, answers((3, 3, 3, 3))) for n in range(6)]
    assert "0 bruikbare uitslagen" in str(raises(TeamError, team_report, solos, CATALOG))


def test_two_hundred_files_are_read_and_two_hundred_and_one_refused():
    two_hundred = team_files([answers((4, 4, 4, 2))] * MAX_FILES)
    assert team_report(two_hundred, CATALOG)["respondents"] == MAX_FILES
    one_more = [*two_hundred, two_hundred[0]]
    message = str(raises(TeamError, team_report, one_more, CATALOG))
    assert "201 bestanden" in message and "hoogstens 200" in message and "\n" not in message


# ---- Hostile and broken files: each left out with its reason, the rest still reported ----


def left_out(name: str, data: bytes) -> str:
    """The reason a file is left out of a report of five good files; the report still stands."""
    report = team_report([*team_files(WORKED), (name, data)], CATALOG)
    assert report["respondents"] == 5
    (entry,) = report["left_out"]
    assert entry["file"] == name
    return entry["reason"]


def good() -> dict:
    return document(TEAM, answers((4, 4, 4, 2)))


def changed(**fields: Any) -> bytes:
    return encoded({**good(), **fields})


def test_a_file_that_is_not_json_is_left_out():
    assert left_out("kapot.json", b"{niet: json") == "is geen geldige JSON (regel 1)."
    assert left_out("leeg.json", b"") == "is geen geldige JSON (regel 1)."


def test_json_that_is_no_result_is_left_out():
    for value in ([1, 2], "tekst", 3, None, {"format": "iets anders"}):
        assert (
            left_out("x.json", encoded(value)) == "is geen uitslagbestand van de Vertrouwenswijzer."
        )


def test_a_result_of_another_version_is_left_out():
    reason = left_out("oud.json", changed(version=2))
    assert "versie 2" in reason and "versie 1" in reason


def test_a_result_with_another_fingerprint_is_left_out():
    assert "vingerafdruk" in left_out("anders.json", changed(fingerprint="sha256:" + "0" * 64))


def test_a_result_of_an_unknown_test_is_left_out():
    assert "niet kent ('onbekend')" in left_out("x.json", changed(assessment="onbekend"))


def test_a_definition_document_is_left_out():
    reason = left_out("definitie.json", encoded(definition_document(TEAM)))
    assert reason == "is de beschrijving van een zelftest, geen uitslag van iemand."


def test_a_team_report_is_left_out_of_a_team_report():
    assert "al een teamrapport" in left_out("rapport.json", encoded(worked_report()))


def test_a_result_of_another_file_format_version_is_left_out():
    assert "bestandsversie" in left_out("nieuw.json", changed(format_version=3))


def test_tampered_scores_are_recomputed_and_the_file_left_out():
    tampered = good()
    tampered["dimensions"][0]["mean"] = 5.0
    tampered["dimensions"][0]["score"] = 100.0
    assert "niet kloppen met de antwoorden" in left_out("mooier.json", encoded(tampered))
    tampered = good()
    tampered["overall"]["score"] = 99.0
    assert "niet kloppen" in left_out("totaal.json", encoded(tampered))
    tampered = good()
    tampered["answers"]["v1"] = 1  # answers changed, scores kept
    assert "niet kloppen" in left_out("antwoord.json", encoded(tampered))
    tampered = good()
    tampered["dimensions"].reverse()
    assert "niet kloppen" in left_out("volgorde.json", encoded(tampered))
    tampered = good()
    tampered["dimensions"][0]["mean"] = True  # a bool is no number
    assert "niet kloppen" in left_out("bool.json", encoded(tampered))


def test_only_the_answers_count_not_what_else_the_file_says():
    # Titles, labels and band texts are not the engine's to trust: the report takes its own.
    edited = good()
    edited["title"] = "<script>alert(1)</script>"
    edited["dimensions"][0]["band"]["label"] = "<img src=x onerror=alert(1)>"
    edited["dimensions"][0]["mean"] += 1e-12  # a JSON round trip may move the last digit
    report = team_report([*team_files(WORKED[:4]), ("opgemaakt.json", encoded(edited))], CATALOG)
    assert report["respondents"] == 5 and report["left_out"] == []
    text = json.dumps(report)
    assert "<script" not in text and "onerror" not in text


def test_a_repeated_result_id_counts_once():
    files = team_files(WORKED)
    report = team_report([*files, ("kopie.json", files[1][1])], CATALOG)
    assert report["respondents"] == 5
    assert report["left_out"] == [
        {
            "file": "kopie.json",
            "reason": "is dezelfde uitslag als 'r2.json' (hetzelfde kenmerk); die telt maar één keer.",
        }
    ]


def test_five_copies_of_one_file_are_one_respondent():
    file = team_files(WORKED[:1])[0]
    error = raises(TeamError, team_report, [file] * 5, CATALOG)
    assert "Er is 1 bruikbare uitslag " in str(error)


def test_a_result_without_a_valid_id_is_left_out():
    for bad in (None, 7, "", "kort", "<b>nee</b>", "x" * 65):
        assert "kenmerk" in left_out("zonder-id.json", changed(id=bad))


def test_another_tools_uuid_is_a_valid_id():
    uuid = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
    report = team_report([*team_files(WORKED[:4]), ("uuid.json", changed(id=uuid))], CATALOG)
    assert report["respondents"] == 5


def test_an_incomplete_result_is_left_out():
    for fields in ({"version": True}, {"version": "1"}, {"answers": [4]}, {"dimensions": None}):
        assert "onvolledig" in left_out("half.json", changed(**fields))


def test_answers_that_do_not_fit_the_test_are_left_out():
    for wrong in ({"bestaat-niet": 3}, {"v1": 6}, {"v1": "3"}, {"v1": True}, {"v1": 2.5}):
        edited = good()
        edited["answers"].update(wrong)
        assert "passen" in left_out("vreemd.json", encoded(edited))


def test_a_file_over_the_size_limit_is_left_out():
    five_megabytes = b"[" + b"0," * (2_500_000 - 1) + b"0]"
    assert "groter dan 64 kB" in left_out("groot.json", five_megabytes)


def test_a_result_of_exactly_the_size_limit_counts_and_one_byte_more_does_not():
    data = changed()
    padded = data + b" " * (MAX_RESULT_BYTES - len(data))
    report = team_report([*team_files(WORKED[:4]), ("precies.json", padded)], CATALOG)
    assert report["respondents"] == 5
    assert "groter dan 64 kB" in left_out("te-groot.json", padded + b" ")


def test_two_hundred_files_of_just_under_the_limit_are_refused_as_a_whole():
    padded = changed() + b" " * (MAX_RESULT_BYTES - len(changed()))
    error = raises(
        TeamError, team_report, [(f"{n}.json", padded) for n in range(MAX_FILES)], CATALOG
    )
    assert str(error).startswith("Samen zijn de bestanden groter dan 4 MB")


def test_a_result_file_with_too_many_field_names_is_left_out():
    many = encoded({**good(), "extra": [{f"k{n}": n} for n in range(MAX_RESULT_KEYS)]})
    assert f"meer dan {MAX_RESULT_KEYS} veldnamen" in left_out("velden.json", many)
    wide = encoded({**good(), "extra": {f"k{n}": n for n in range(MAX_OBJECT_KEYS + 1)}})
    assert f"groep van meer dan {MAX_OBJECT_KEYS} veldnamen" in left_out("breed.json", wide)


def test_deep_nesting_is_left_out_without_a_crash():
    # Within a result file's size: refused for its depth.
    depth = 30_000
    assert "dieper genest" in left_out("lijsten.json", b"[" * depth + b"]" * depth)
    objects = b'{"a":' * 10_000 + b"1" + b"}" * 10_000
    assert "dieper genest" in left_out("objecten.json", objects)
    seventeen = encoded({**good(), "extra": json.loads("[" * 17 + "]" * 17)})
    assert "meer dan 16 lagen" in left_out("zeventien.json", seventeen)
    # A history or a team report may be a megabyte: the reader stays safe at that size too.
    depth = 100_000
    for data in (b"[" * depth + b"]" * depth, b'{"a":' * depth + b"1" + b"}" * depth):
        assert "dieper genest" in str(raises(UntrustedInput, parse_json, data))


def test_brackets_inside_strings_do_not_nest():
    deep_text = changed(title="[{" * 5000, extra='\\"[[[[[[[[[[[[[[[[[[[[')
    report = team_report([*team_files(WORKED[:4]), ("haakjes.json", deep_text)], CATALOG)
    assert report["respondents"] == 5


def test_unclosed_strings_and_escaped_quotes_are_read_in_one_pass():
    # Each quote opens a string that never closes: a naive string pattern takes quadratic time.
    assert "geen geldige JSON" in left_out("quotes.json", b'"' + b'\\"' * 30_000)
    assert "geen geldige JSON" in left_out("open.json", b'["abc' + b"[" * 100 + b"\\")
    error = raises(UntrustedInput, parse_json, b'"' + b'\\"' * 400_000)
    assert "geen geldige JSON" in str(error)


def test_duplicate_keys_are_left_out():
    data = b'{"format": "vertrouwenswijzer-resultaat", "format": "x"}'
    assert left_out("dubbel.json", data) == "bevat het veld 'format' twee keer."


def test_nan_and_infinity_are_left_out():
    for constant in ("NaN", "Infinity", "-Infinity"):
        data = changed().replace(b'"version": 1', b'"version": ' + constant.encode())
        assert left_out("nan.json", data) == f"bevat '{constant}', wat geen getal is in JSON."


def test_a_number_too_large_for_a_float_is_harmless():
    # 1e400 is valid JSON; it reads as infinity, which matches no score and no answer.
    tampered = changed().replace(b'"mean": 4.0', b'"mean": 1e400', 1)
    assert "niet kloppen" in left_out("oneindig.json", tampered)
    tampered = changed().replace(b'"v1": 4', b'"v1": 1e400', 1)
    assert "passen" in left_out("oneindig.json", tampered)


def test_a_five_thousand_digit_integer_is_left_out():
    data = changed().replace(b'"version": 1', b'"version": 1' + b"0" * 5000)
    assert left_out("getal.json", data) == "bevat een getal dat te lang is."


def test_a_file_that_is_not_utf8_is_left_out():
    assert left_out("latin1.json", '{"titel": "caf\xe9"}'.encode("latin-1")) == (
        "is geen tekstbestand (geen UTF-8)."
    )
    assert "geen UTF-8" in left_out("utf16.json", json.dumps(good()).encode("utf-16"))


def test_a_utf8_byte_order_mark_is_allowed():
    report = team_report(
        [*team_files(WORKED[:4]), ("bom.json", b"\xef\xbb\xbf" + changed())], CATALOG
    )
    assert report["respondents"] == 5


def test_markup_in_a_file_is_echoed_short_and_never_as_a_whole():
    markup = "<script>alert('x')</script>" * 10
    reason = left_out("opmaak.json", changed(assessment=markup))
    assert markup[:40] + "…" in reason and markup[:41] not in reason


def test_a_file_name_with_control_characters_is_escaped():
    name = "\x1b[31mrood\x1b[0m\r\nregel\x07.json"
    report = team_report([*team_files(WORKED), (name, b"kapot")], CATALOG)
    shown_name = report["left_out"][0]["file"]
    assert shown_name == "\\x1b[31mrood\\x1b[0m\\r\\nregel\\x07.json"
    assert all(char.isprintable() for char in shown_name)


def test_a_long_file_name_is_cut_to_80_characters():
    report = team_report([*team_files(WORKED), ("n" * 300 + ".json", b"kapot")], CATALOG)
    assert report["left_out"][0]["file"] == "n" * 80 + "…"


def test_a_file_in_folders_is_named_by_its_base_name():
    files = [
        ("team/2026/kapot.json", b"{"),
        ("C:\\Users\\an\\Downloads\\ook-kapot.json", b"{"),
    ]
    report = team_report([*team_files(WORKED), *files], CATALOG)
    assert [e["file"] for e in report["left_out"]] == ["kapot.json", "ook-kapot.json"]


def test_every_bad_file_is_named_in_order_and_the_rest_reported():
    bad = [
        ("a.json", b"geen json"),
        ("b.json", encoded(definition_document(TEAM))),
        ("c.json", changed(version=2)),
        ("d.json", b"[" * 50_000),
        ("e.json", b"\xff\xfe"),
    ]
    files = team_files(WORKED)
    report = team_report([bad[0], files[0], *bad[1:3], *files[1:], *bad[3:]], CATALOG)
    assert report["respondents"] == 5
    assert [entry["file"] for entry in report["left_out"]] == [n for n, _ in bad]
    assert all(entry["reason"] for entry in report["left_out"])


# ---- The leader mirror ----

# The manager scores 3 on every 'vier' item (mean 3, score 50). Four team members answer
# 4 4 4 3 (keyed mean 3.75), one 4 4 3 3 (3.5): team mean 18.5/5 = 3.7, score 67.5, a
# difference of 17.5 positions = 0.7 scale points, exactly the boundary: meaningful.
SELF = answers((3, 3, 3, 3))
AT_3_75, AT_3_5 = (4, 4, 4, 3), (4, 4, 3, 3)


def mirror_of(team_vier: list[tuple], own: dict = SELF, team_vijf=(3, 3, 3, 3, 3)) -> dict:
    team = [
        result_file(f"lid{n}.json", PROEF_TEAM, answers(vier, team_vijf, suffix="-team"))
        for n, vier in enumerate(team_vier, 1)
    ]
    return mirror_report(result_file("ik.json", PROEF, own), team, CATALOG)


def members(count: int) -> list[tuple[str, bytes]]:
    """Files of team members who all answer 'vier' at 3.75 and 'vijf' at 3."""
    return [
        result_file(f"lid{n}.json", PROEF_TEAM, answers(AT_3_75, suffix="-team"))
        for n in range(count)
    ]


def row(mirror: dict, dimension_id: str) -> dict:
    return next(r for r in mirror["dimensions"] if r["id"] == dimension_id)


def test_mirror_difference_of_exactly_0_7_scale_points_is_meaningful():
    vier = row(mirror_of([AT_3_75] * 4 + [AT_3_5]), "vier")
    assert vier["self"] == 50.0 and close(vier["team"], 67.5)
    assert close(vier["difference"], 17.5) and vier["meaningful"] is True


def test_mirror_difference_below_0_7_scale_points_is_not_meaningful():
    # Team mean (3 * 3.75 + 2 * 3.5) / 5 = 3.65: 0.65 scale points above the manager.
    vier = row(mirror_of([AT_3_75] * 3 + [AT_3_5] * 2), "vier")
    assert close(vier["difference"], 16.25) and vier["meaningful"] is False


def test_mirror_difference_is_team_minus_self():
    # The manager answers 5 everywhere (v4 reverse-keyed: 1), score 100; the team 67.5.
    own = answers((5, 5, 5, 1), (5, 5, 5, 5, 5))
    mirror = mirror_of([AT_3_75] * 4 + [AT_3_5], own)
    vier, vijf = row(mirror, "vier"), row(mirror, "vijf")
    assert close(vier["difference"], -32.5) and vier["meaningful"] is True
    assert (vijf["self"], vijf["team"], vijf["difference"]) == (100.0, 50.0, -50.0)


def test_mirror_difference_is_null_when_either_side_has_no_score():
    own = answers((3, 3, 3, 3), (3, None, None, None, None))  # 'vijf' too few answers
    mirror = mirror_of([AT_3_75] * 5, own)
    assert row(mirror, "vijf") == {
        "id": "vijf",
        "title": "Dimensie met vijf items",
        "self": None,
        "team": 50.0,
        "difference": None,
        "meaningful": None,
        "team_ci": {"low_score": 50.0, "high_score": 50.0},  # everyone answered 3: sd 0
        "self_inside_ci": None,
        "shown_self": None,
        "shown_team": "50",
        "shown_difference": None,
        "shown_team_ci_low_score": "50",
        "shown_team_ci_high_score": "50",
    }
    # The team withholds 'vijf': four of five members answered too few of its items.
    team = [
        result_file(f"lid{n}.json", PROEF_TEAM, answers(AT_3_75, vijf, suffix="-team"))
        for n, vijf in enumerate([(3, 3, 3, 3, 3)] + [(3, None, None, None, None)] * 4)
    ]
    vijf = row(mirror_report(result_file("ik.json", PROEF, SELF), team, CATALOG), "vijf")
    assert vijf["self"] == 50.0 and vijf["team"] is None
    assert vijf["difference"] is None and vijf["meaningful"] is None


def test_mirror_names_both_sides():
    mirror = mirror_of([AT_3_75] * 5)
    assert (mirror["format"], mirror["format_version"]) == ("vertrouwenswijzer-spiegel", 2)
    assert mirror["self"] == {"assessment": "proef", "version": 1, "file": "ik.json"}
    assert mirror["team"] == {"assessment": "proef-team", "version": 1, "respondents": 5}
    assert mirror["meaningful_difference"] == 0.7 and mirror["left_out"] == []


def test_mirror_leaves_the_managers_own_file_out_of_the_team():
    own = result_file("ik.json", PROEF, SELF)
    mirror = mirror_report(own, [own, *members(5)], CATALOG)
    assert mirror["team"]["respondents"] == 5
    (entry,) = mirror["left_out"]
    assert entry["file"] == "ik.json" and "eigen uitslag" in entry["reason"]


def test_mirror_refuses_an_own_file_that_no_test_mirrors():
    team = members(5)
    for own in (
        result_file("team.json", TEAM, SELF),
        result_file("lid.json", PROEF_TEAM, answers(AT_3_75, suffix="-team")),
        result_file("solo.json", SOLO, SELF),
    ):
        message = str(raises(TeamError, mirror_report, own, team, CATALOG))
        assert f"'{own[0]}'" in message and "geen teamversie" in message
        assert "Kies je eigen uitslag van 'Test proef'" in message and "\n" not in message


def test_mirror_refuses_an_own_file_that_is_no_result():
    team = members(5)
    message = str(raises(TeamError, mirror_report, ("ik.json", b"{"), team, CATALOG))
    assert message == "Het eigen bestand 'ik.json' telt niet: het is geen geldige JSON (regel 1)."


def test_mirror_needs_five_usable_team_files():
    own = result_file("ik.json", PROEF, SELF)
    team = members(4)
    error = raises(TeamError, mirror_report, own, [*team, ("kapot.json", b"x")], CATALOG)
    assert "4 bruikbare uitslagen van 'Test proef-team'" in str(error)


# ---- The validator's team fields ----


def catalog_problems(mirror: dict, mirrored: dict | None = None) -> list[tuple[str, str, str]]:
    """Problems across files of a mirror and the test it names, as (file, field, message)."""
    parsed = [("spiegel.yaml", parse_assessment(mirror, "spiegel.yaml"))]
    if mirrored is not None:
        parsed.append(("eigen.yaml", parse_assessment(mirrored, "eigen.yaml")))
    return [(p.file, p.field, p.message) for p in check_catalog(parsed)]


def only_mirror_problem(mirror: dict, mirrored: dict | None = None) -> str:
    found = catalog_problems(mirror, mirrored)
    assert len(found) == 1 and found[0][:2] == ("spiegel.yaml", "mirror_of"), found
    return found[0][2]


def mirror_pair() -> tuple[dict, dict]:
    return definition("proef-team", team=True, mirror_of="proef"), definition("proef")


def test_a_valid_mirror_pair_has_no_problems():
    assert catalog_problems(*mirror_pair()) == []


def test_team_report_must_be_true_or_false():
    data = definition("proefteam")
    data["team_report"] = "ja"
    error = raises(DefinitionError, parse_assessment, data, "proefteam.yaml")
    [(file, field, message)] = [(p.file, p.field, p.message) for p in error.problems]
    assert (file, field) == ("proefteam.yaml", "team_report")
    assert message.startswith("'ja' moet true of false zijn")


def test_mirror_of_must_be_an_id():
    data = definition("proef-team", team=True, mirror_of="Leiderschap!")
    error = raises(DefinitionError, parse_assessment, data, "spiegel.yaml")
    [(file, field, message)] = [(p.file, p.field, p.message) for p in error.problems]
    assert (file, field) == ("spiegel.yaml", "mirror_of") and "is geen id" in message


def test_mirror_of_must_name_an_existing_test():
    mirror, _ = mirror_pair()
    assert "geen zelftest met id 'proef'" in only_mirror_problem(mirror)


def test_a_test_cannot_mirror_itself():
    mirror = definition("proef-team", team=True, mirror_of="proef-team")
    assert "zichzelf niet spiegelen" in only_mirror_problem(mirror)


def test_a_mirror_must_be_a_team_test():
    mirror, mirrored = mirror_pair()
    del mirror["team_report"]
    assert "zet 'team_report: true'" in only_mirror_problem(mirror, mirrored)


def test_a_mirror_must_have_the_same_scale():
    mirror, mirrored = mirror_pair()
    mirror["scale"]["max"] = 6
    mirror["scale"]["options"].append({"value": 6, "label": "Steeds"})
    assert "de schaal (1-6) moet gelijk zijn aan die van 'proef' (1-5)" in only_mirror_problem(
        mirror, mirrored
    )


def test_a_mirror_must_have_the_same_dimensions_in_the_same_order():
    mirror, mirrored = mirror_pair()
    mirror["dimensions"].reverse()
    assert "in dezelfde volgorde" in only_mirror_problem(mirror, mirrored)
    mirror, mirrored = mirror_pair()
    mirror["dimensions"][1]["id"] = "andere"
    for entry in mirror["items"]:
        if entry["dimension"] == "vijf":
            entry["dimension"] = "andere"
    assert "(vier, andere) moeten gelijk zijn" in only_mirror_problem(mirror, mirrored)


def test_a_mirror_must_key_item_by_item_as_the_mirrored_test():
    mirror, mirrored = mirror_pair()
    mirror["items"][3]["reverse"] = False  # v4-team is no longer reverse-keyed
    mirror["items"][2]["reverse"] = True
    assert "dimensie 'vier' moet vraag voor vraag overeenkomen" in only_mirror_problem(
        mirror, mirrored
    )
    mirror, mirrored = mirror_pair()
    del mirror["items"][0]  # three items against four
    assert "(3 tegen 4)" in only_mirror_problem(mirror, mirrored)
