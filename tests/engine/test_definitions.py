"""Validation of definitions: each mistake gets its own message naming the field and the fix.

Runs in CPython and in Pyodide (no files, no pytest).
"""

from __future__ import annotations

from assessments import DefinitionError, parse_assessment
from assessments.definitions import check_catalog
from tests.engine.builders import assessment, raises, valid_definition


def problems(data):
    """The problems of an invalid definition as (field, message) pairs."""
    error = raises(DefinitionError, parse_assessment, data, "proef.yaml")
    assert all(problem.file == "proef.yaml" for problem in error.problems)
    return [(problem.field, problem.message) for problem in error.problems]


def only_problem(data):
    found = problems(data)
    assert len(found) == 1, found
    return found[0]


def test_valid_definition_builds_the_model():
    built = assessment()
    assert built.id == "proef" and built.version == 1
    assert [d.id for d in built.dimensions] == ["vier", "vijf"]
    assert [item.id for item in built.items_of("vier")] == ["v1", "v2", "v3", "v4"]
    assert built.items[3].reverse and not built.items[0].reverse


def test_unknown_key_suggests_the_nearest_known_key():
    data = valid_definition()
    data["items"][0]["txt"] = data["items"][0].pop("text")
    found = problems(data)
    assert ("items[0].txt", "onbekend veld; bedoel je 'text'?") in found
    assert ("items[0].text", "ontbreekt; dit veld is verplicht.") in found


def test_unknown_key_without_a_near_match_lists_the_allowed_keys():
    data = valid_definition()
    data["kleur"] = "blauw"
    field, message = only_problem(data)
    assert field == "kleur" and "toegestaan zijn:" in message and "dimensions" in message


def test_missing_required_field_is_named():
    data = valid_definition()
    del data["title"]
    assert only_problem(data) == ("title", "ontbreekt; dit veld is verplicht.")


def test_duplicate_item_id_is_reported():
    data = valid_definition()
    data["items"][1]["id"] = "v1"
    field, message = only_problem(data)
    assert field == "items[1].id" and "'v1' komt vaker voor" in message


def test_duplicate_dimension_id_is_reported():
    data = valid_definition()
    data["dimensions"][1]["id"] = "vier"
    found = problems(data)
    assert any(f == "dimensions[1].id" and "'vier' komt vaker voor" in m for f, m in found)


def test_item_naming_an_unknown_dimension_gets_a_suggestion():
    data = valid_definition()
    data["items"][4]["dimension"] = "vijv"
    found = problems(data)
    assert ("items[4].dimension", "onbekende dimensie 'vijv'; bedoel je 'vijf'?") in found


def test_dimension_with_fewer_than_three_items_is_reported():
    data = valid_definition()
    data["items"] = [item for item in data["items"] if item["id"] not in ("v2", "v3")]
    field, message = only_problem(data)
    assert field == "dimensions[0]" and "2 item(s)" in message and "minstens 3" in message


def test_more_than_one_reverse_keyed_item_per_dimension_is_reported():
    data = valid_definition()
    data["items"][0]["reverse"] = True
    field, message = only_problem(data)
    assert field == "dimensions[0]" and "hoogstens één omgekeerd" in message


def test_option_off_the_scale_is_reported():
    data = valid_definition()
    data["scale"]["options"][4]["value"] = 6
    assert only_problem(data) == ("scale.options[4].value", "6 valt buiten de schaal (1-5).")


def test_options_not_ascending_are_reported():
    data = valid_definition()
    options = data["scale"]["options"]
    options[1], options[2] = options[2], options[1]
    field, message = only_problem(data)
    assert field == "scale.options[2].value" and "oplopend" in message


def test_scale_value_without_an_option_is_reported():
    data = valid_definition()
    del data["scale"]["options"][2]
    field, message = only_problem(data)
    assert field == "scale.options" and "ontbreekt: 3" in message


def test_bands_with_a_gap_are_reported():
    data = valid_definition()
    data["bands"][1]["from"] = 40
    field, message = only_problem(data)
    assert field == "bands[1].from" and "tussen 37.5 en 40 valt geen band" in message


def test_overlapping_bands_are_reported():
    data = valid_definition()
    data["bands"][2]["from"] = 60
    field, message = only_problem(data)
    assert field == "bands[2].from" and "overlapt met band 'midden'" in message


def test_a_band_edge_on_an_answer_option_is_reported():
    # 50 is "regelmatig" on the 1-5 scale: all-"regelmatig" would land in the band above it.
    data = valid_definition()
    data["bands"][1]["to"] = data["bands"][2]["from"] = 50
    field, message = only_problem(data)
    assert field == "bands[2].from"
    assert "50 ligt op (of vlakbij) antwoord 3 ('Regelmatig')" in message
    assert "kies uit 12.5, 37.5, 62.5, 87.5" in message


def test_a_band_edge_within_one_point_of_an_option_is_reported():
    for edge in (74.1, 75.9, 0.5):
        data = valid_definition()
        data["bands"][2]["to"] = data["bands"][3]["from"] = edge
        if edge < 1:  # an inner edge near 0: make the bands before it fit
            data["bands"] = [
                {**data["bands"][0], "to": edge},
                {**data["bands"][3], "from": edge},
            ]
        found = [field for field, _ in problems(data)]
        assert any(field.endswith(".from") for field in found), edge


def test_a_band_edge_one_point_or_more_from_every_option_is_accepted():
    for edge in (26.0, 49.0, 12.5):
        data = valid_definition()
        data["bands"][0]["to"] = data["bands"][1]["from"] = edge
        assert parse_assessment(data, "proef.yaml").bands[1].lower == edge


def test_bands_must_cover_0_to_100():
    data = valid_definition()
    data["bands"][0]["from"] = 5
    data["bands"][3]["to"] = 90
    found = problems(data)
    assert ("bands[0].from", "de eerste band moet bij 0 beginnen.") in found
    assert ("bands[3].to", "de laatste band moet bij 100 eindigen.") in found


def test_empty_question_text_is_reported():
    data = valid_definition()
    data["items"][2]["text"] = "   "
    assert only_problem(data) == (
        "items[2].text",
        "moet een niet-lege tekst zijn; vul de tekst in.",
    )


def test_empty_band_text_is_reported():
    data = valid_definition()
    data["bands"][0]["text"] = ""
    assert only_problem(data) == (
        "bands[0].text",
        "moet een niet-lege tekst zijn; vul de tekst in.",
    )


def test_invalid_id_is_reported_with_an_example():
    data = valid_definition()
    data["dimensions"][0]["id"] = "Vier Items"
    found = problems(data)
    assert any(f == "dimensions[0].id" and "geen geldig id" in m for f, m in found)


def test_version_must_be_a_whole_number():
    data = valid_definition()
    data["version"] = 1.5
    assert only_problem(data) == ("version", "'1.5' is geen geheel getal.")


def test_reverse_must_be_true_or_false():
    data = valid_definition()
    data["items"][0]["reverse"] = "ja"
    assert only_problem(data) == ("items[0].reverse", "'ja' moet true of false zijn.")


def test_every_problem_is_reported_in_one_run():
    data = valid_definition()
    del data["title"]
    data["items"][0]["text"] = ""
    data["bands"][1]["from"] = 30
    assert len(problems(data)) == 3


def test_definition_that_is_not_a_mapping_is_reported():
    field, message = only_problem(["een", "lijst"])
    assert field == "(bestand)" and "een lijst" in message


def test_two_definitions_with_the_same_id_or_page_are_reported():
    found = check_catalog([("a.yaml", assessment()), ("b.yaml", assessment())])
    assert [(p.file, p.field) for p in found] == [("b.yaml", "id"), ("b.yaml", "page")]
    assert "al het id van a.yaml" in found[0].message
