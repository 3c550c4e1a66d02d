"""The rules of the tests' version 3: one question per item, one period per test, one referent per
mirror pair, count scales, and a trust outcome reported beside the profile (issue 19).

Runs in CPython and in Pyodide (no files, no pytest).
"""

from __future__ import annotations

import json
from datetime import date

from assessments import DefinitionError, parse_assessment, result_document, score
from assessments.definitions import check_catalog, referent
from assessments.spreadsheet import team_csv
from assessments.team import mirror_report, team_report
from assessments.versions import fingerprint
from tests.engine.builders import assessment, raises, valid_definition


def problems(data):
    """The problems of an invalid definition as (field, message) pairs."""
    error = raises(DefinitionError, parse_assessment, data, "proef.yaml")
    return [(problem.field, problem.message) for problem in error.problems]


def with_outcome(data=None):
    """The small definition plus a trust outcome 'vertrouwen' of three items (o1-o3)."""
    data = data or valid_definition()
    data["dimensions"].append({"id": "vertrouwen", "title": "Vertrouwen", "outcome": True})
    data["items"] += [
        {
            "id": f"o{n}",
            "dimension": "vertrouwen",
            "text": f"Vraag o{n}.",
            "construct": "c",
            "source": "s",
        }
        for n in (1, 2, 3)
    ]
    return data


def answered(data, values):
    """Every item of data answered: 'vier' and 'vijf' with values[0], the outcome with values[1]."""
    return {
        item["id"]: values[1] if item["dimension"] == "vertrouwen" else values[0]
        for item in data["items"]
    }


# ---- One question per item ----


def test_an_item_with_ook_als_is_refused_with_its_field():
    data = valid_definition()
    data["items"][5]["text"] = "Ik maak mijn werk af, ook als het laat wordt."
    [(field, message)] = problems(data)
    assert field == "items[5].text"
    assert "ook als" in message and "twee vragen" in message


def test_ook_als_is_found_whatever_its_case_and_spacing():
    for text in ("Ook als het druk is, help ik.", "Ik help, OOK  ALS het druk is."):
        data = valid_definition()
        data["items"][0]["text"] = text
        assert [field for field, _ in problems(data)] == ["items[0].text"], text


def test_words_that_only_contain_ook_als_are_accepted():
    data = valid_definition()
    data["items"][0]["text"] = "Ik zoek ook alsnog een oplossing."
    assert parse_assessment(data, "proef.yaml").items[0].text.startswith("Ik zoek")


# ---- One period per test ----


def test_an_item_naming_a_period_needs_the_tests_time_window():
    data = valid_definition()
    data["items"][1]["text"] = "In de afgelopen maand hielp ik een collega."
    [(field, message)] = problems(data)
    assert field == "items[1].text" and "time_window" in message


def test_the_time_window_must_be_in_the_intro_word_for_word():
    data = valid_definition()
    data["time_window"] = "de afgelopen drie maanden"
    [(field, message)] = problems(data)
    assert field == "intro" and "'de afgelopen drie maanden'" in message


def test_an_item_with_another_period_than_the_test_is_refused():
    data = valid_definition()
    data["time_window"] = "de afgelopen drie maanden"
    data["intro"] = "Denk aan de afgelopen drie maanden."
    data["items"][2]["text"] = "Het afgelopen halfjaar vroeg ik om hulp."
    data["items"][3]["text"] = "In de afgelopen drie maanden vroeg ik om hulp."
    [(field, message)] = problems(data)
    assert field == "items[2].text"
    assert "'afgelopen halfjaar'" in message and "'de afgelopen drie maanden'" in message


def test_a_time_window_that_names_no_period_is_refused():
    data = valid_definition()
    data["time_window"] = "vroeger"
    data["intro"] = "Denk aan vroeger."
    [(field, message)] = problems(data)
    assert field == "time_window" and "geen periode" in message


def test_a_test_with_one_period_in_intro_and_items_is_accepted_and_exported():
    data = valid_definition()
    data["time_window"] = "de afgelopen drie maanden"
    data["intro"] = "Denk bij elke vraag aan De afgelopen  drie maanden."
    data["items"][0]["text"] = "In de afgelopen drie maanden vroeg ik om hulp."
    built = parse_assessment(data, "proef.yaml")
    assert built.time_window == "de afgelopen drie maanden"


# ---- Count scales ----


def count_scale(labels):
    return {
        "min": 1,
        "max": len(labels),
        "options": [{"value": n, "label": label} for n, label in enumerate(labels, start=1)],
        "dont_know": "Weet ik niet",
    }


def test_a_count_scale_with_its_own_anchors_and_edges_between_options_is_accepted():
    data = valid_definition()
    data["scale"] = count_scale(
        ["Nooit", "1 keer", "2 of 3 keer", "4 tot 9 keer", "10 keer of vaker"]
    )
    built = parse_assessment(data, "proef.yaml")
    assert [option.label for option in built.scale.options][1] == "1 keer"


def test_a_count_scale_whose_band_edge_sits_on_an_option_is_refused():
    # Four options sit at 0, 33.3, 66.7 and 100: an edge at 33.3 lies on "1 keer".
    data = valid_definition()
    data["scale"] = count_scale(["Nooit", "1 keer", "2 of 3 keer", "4 keer of vaker"])
    data["bands"] = [
        {"id": "zelden", "from": 0, "to": 33.3, "label": "Zelden", "text": "Zelden."},
        {"id": "soms", "from": 33.3, "to": 83.3, "label": "Soms", "text": "Soms."},
        {"id": "vaak", "from": 83.3, "to": 100, "label": "Vaak", "text": "Vaak."},
    ]
    [(field, message)] = problems(data)
    assert field == "bands[1].from"
    assert "antwoord 2 ('1 keer')" in message and "kies uit 16.6667, 50, 83.3333" in message


# ---- A trust outcome beside the profile ----


def test_an_outcome_is_scored_but_stays_out_of_the_total_and_the_profile():
    data = with_outcome()
    built = parse_assessment(data, "proef.yaml")
    result = score(built, answered(data, (4, 1)))  # v4 is reverse-keyed: 4 counts as 2
    document = result_document(result, created=date(2026, 12, 7))
    outcome = document["dimensions"][-1]
    assert outcome["id"] == "vertrouwen" and outcome["outcome"] is True
    assert outcome["mean"] == 1.0 and outcome["band"]["id"] == "laag"
    # The total: the mean of 'vier' (3.5) and 'vijf' (4.0), without the outcome's 1.
    assert document["overall"]["mean"] == 3.75
    assert "vertrouwen" not in document["profile"]["weakest"]
    assert document["profile"]["weakest"] == ["vier"]
    assert [d["outcome"] for d in document["dimensions"]] == [False, False, True]


def test_an_outcome_with_too_few_answers_withholds_no_total():
    data = with_outcome()
    built = parse_assessment(data, "proef.yaml")
    answers = answered(data, (4, 4))
    answers.update(o1=None, o2=None)
    document = result_document(score(built, answers), created=date(2026, 12, 7))
    assert document["dimensions"][-1]["mean"] is None
    assert document["overall"] is not None


def test_an_outcome_changes_the_fingerprint_and_a_test_without_one_keeps_it():
    plain = valid_definition()
    marked = with_outcome()
    unmarked = with_outcome()
    unmarked["dimensions"][-1]["outcome"] = False
    assert fingerprint(parse_assessment(marked, "a.yaml")) != fingerprint(
        parse_assessment(unmarked, "a.yaml")
    )
    # A released version without outcomes keeps its fingerprint (releases.json stays true).
    assert fingerprint(assessment()) == fingerprint(parse_assessment(plain, "a.yaml"))


def test_a_test_of_only_outcomes_is_refused():
    data = valid_definition()
    for dimension in data["dimensions"]:
        dimension["outcome"] = True
    assert "dimensions" in [field for field, _ in problems(data)]


def test_outcome_must_be_true_or_false():
    data = with_outcome()
    data["dimensions"][-1]["outcome"] = "ja"
    field, message = problems(data)[0]
    assert field == "dimensions[2].outcome" and "true of false" in message


def team_files(data, values_per_person):
    built = parse_assessment(data, f"{data['id']}.yaml")
    files = []
    for number, values in enumerate(values_per_person):
        document = result_document(
            score(built, answered(data, values)),
            result_id=f"{number:032x}",
            created=date(2026, 12, 7),
        )
        files.append((f"p{number}.json", json.dumps(document).encode()))
    return built, files


def test_a_team_report_shows_the_outcome_beside_the_profile_and_the_total():
    data = with_outcome()
    data.update(id="proefteam", team_report=True, page="zelftests/proefteam.md")
    built, files = team_files(data, [(4, 1), (4, 2), (5, 1), (4, 1), (5, 2)])
    report = team_report(files, {built.id: built})
    by_id = {d["id"]: d for d in report["dimensions"]}
    assert by_id["vertrouwen"]["outcome"] is True and by_id["vertrouwen"]["n"] == 5
    assert by_id["vertrouwen"]["mean"] == 1.4  # (1 + 2 + 1 + 1 + 2) / 5
    assert "vertrouwen" not in report["profile"]["lowest"] + report["profile"]["highest"]
    assert report["overall"]["mean"] == (by_id["vier"]["mean"] + by_id["vijf"]["mean"]) / 2
    kinds = [
        line.lstrip("\ufeff").split(";")[0] for line in team_csv(report, built).splitlines()[1:4]
    ]
    assert kinds == ["dimensie", "dimensie", "uitkomst"]


# ---- One referent per mirror pair ----


def test_the_referent_rule_reads_both_sides_of_a_pair():
    assert referent("Ik maak met elk teamlid apart afspraken.", "self") == "persoon"
    assert referent("Ik maak met iedereen in het team afspraken.", "self") == "team"
    assert referent("Ik kom op tijd.", "self") == "geen"
    assert referent("Mijn leidinggevende maakt met mij afspraken.", "team") == "persoon"
    assert referent("Mijn leidinggevende vraagt hoe het met me gaat.", "team") == "persoon"
    assert referent("Mijn leidinggevende praat met mij en mijn collega's.", "team") == "team"
    assert referent("Mijn leidinggevende komt op tijd.", "team") == "geen"


def mirror_pair(own_text, team_text, outcome=False):
    own = valid_definition()
    team = valid_definition()
    team.update(id="proef-team", page="zelftests/proef-team.md", team_report=True)
    team["mirror_of"] = "proef"
    for item in team["items"]:
        item["id"] += "-team"
    own["items"][0]["text"], team["items"][0]["text"] = own_text, team_text
    if outcome:
        team = with_outcome(team)
    return (
        ("proef.yaml", parse_assessment(own, "proef.yaml")),
        ("proef-team.yaml", parse_assessment(team, "proef-team.yaml")),
    )


def test_a_mirror_pair_about_other_people_on_each_side_is_refused():
    found = check_catalog(
        mirror_pair(
            "Ik maak met iedereen in het team afspraken over wat ik verwacht.",
            "Mijn leidinggevende maakt met mij afspraken over wat er van mij verwacht wordt.",
        )
    )
    [problem] = found
    assert (problem.file, problem.field) == ("proef-team.yaml", "items[0].text")
    assert "'v1-team' gaat over één persoon, maar 'v1' in 'proef' over het team" in problem.message


def test_a_mirror_pair_with_one_referent_is_accepted():
    for own_text, team_text in (
        (
            "Ik maak met elk teamlid apart afspraken.",
            "Mijn leidinggevende maakt afspraken met mij.",
        ),
        (
            "Ik houd me aan afspraken met het team.",
            "Mijn leidinggevende houdt zich aan afspraken met ons team.",
        ),
    ):
        assert check_catalog(mirror_pair(own_text, team_text)) == [], own_text


def test_a_trust_outcome_in_the_team_test_is_not_mirrored():
    catalog = mirror_pair("Vraag een.", "Vraag een.", outcome=True)
    assert check_catalog(catalog) == []
    own, team = catalog[0][1], catalog[1][1]
    own_file = result_document(
        score(own, answered(valid_definition(), (4, 4))), created=date(2026, 12, 7)
    )
    files = []
    for number in range(5):
        answers = {item.id: 3 for item in team.items}
        document = result_document(
            score(team, answers), result_id=f"{number:032x}", created=date(2026, 12, 7)
        )
        files.append((f"t{number}.json", json.dumps(document).encode()))
    mirror = mirror_report(
        ("eigen.json", json.dumps(own_file).encode()), files, {a.id: a for _, a in catalog}
    )
    assert [d["id"] for d in mirror["dimensions"]] == ["vier", "vijf"]
    assert all(item["dimension"] != "vertrouwen" for item in mirror["items"])


def test_an_outcome_in_the_test_that_is_mirrored_is_refused():
    _, team_file = mirror_pair("Vraag een.", "Vraag een.")
    own = parse_assessment(with_outcome(), "proef.yaml")
    [problem] = check_catalog([("proef.yaml", own), team_file])
    assert problem.field == "mirror_of" and "uitkomst" in problem.message
