"""The scoring rules of CONTENT.md, one behaviour per test. Runs in CPython and in Pyodide."""

from __future__ import annotations

import json

from assessments import AnswerError, definition_document, result_document, score
from assessments.browser import score_json
from assessments.documents import assessment_from_document
from assessments.scoring import band_above, band_for, required_answers, reverse, scale_position
from tests.engine.builders import all_answers, assessment, raises


def dimension(result, dimension_id):
    return next(d for d in result.dimensions if d.dimension.id == dimension_id)


def test_reverse_keyed_item_is_mirrored():
    scale = assessment().scale
    assert [reverse(value, scale) for value in (1, 2, 3, 4, 5)] == [5, 4, 3, 2, 1]


def test_reverse_keyed_answer_enters_the_mean_mirrored():
    answers = {"v1": 5, "v2": 5, "v3": 5, "v4": 1}  # v4 is reverse-keyed: 1 counts as 5
    assert dimension(score(assessment(), answers), "vier").mean == 5.0


def test_required_answers_is_k_minus_one_up_to_four_items():
    assert [required_answers(k) for k in (3, 4)] == [2, 3]


def test_required_answers_is_three_quarters_rounded_up_from_five_items():
    assert [required_answers(k) for k in (5, 6, 8)] == [4, 5, 6]


def test_four_item_dimension_is_scored_with_three_answers():
    result = score(assessment(), {"v1": 4, "v2": 4, "v3": 4})
    assert dimension(result, "vier").mean == 4.0


def test_four_item_dimension_is_not_scored_with_two_answers():
    result = score(assessment(), {"v1": 4, "v2": 4, "v3": None, "v4": None})
    unscored = dimension(result, "vier")
    assert unscored.mean is None and unscored.score is None and unscored.band is None
    assert unscored.answered == 2 and unscored.dont_know == 2


def test_five_item_dimension_needs_four_answers():
    four = score(assessment(), {"f1": 2, "f2": 2, "f3": 2, "f4": 2})
    three = score(assessment(), {"f1": 2, "f2": 2, "f3": 2, "f4": None, "f5": None})
    assert dimension(four, "vijf").mean == 2.0
    assert dimension(three, "vijf").mean is None


def test_dont_know_counts_as_missing_not_as_the_midpoint():
    answers = {"f1": 5, "f2": 5, "f3": 5, "f4": 5, "f5": None}
    assert dimension(score(assessment(), answers), "vijf").mean == 5.0


def test_lowest_answers_score_0_and_highest_score_100():
    lowest = {**all_answers(1), "v4": 5}  # the reverse-keyed item at its other end
    highest = {**all_answers(5), "v4": 1}
    assert [d.score for d in score(assessment(), lowest).dimensions] == [0.0, 0.0]
    assert [d.score for d in score(assessment(), highest).dimensions] == [100.0, 100.0]
    assert score(assessment(), highest).overall_score == 100.0


def test_scale_position_is_linear_between_the_scale_ends():
    scale = assessment().scale
    assert [scale_position(mean, scale) for mean in (1, 2, 3, 4.5, 5)] == [0, 25, 50, 87.5, 100]


def test_a_position_on_an_inner_edge_belongs_to_the_lower_band_and_names_the_one_above():
    bands = assessment().bands
    assert band_for(37.5, bands).id == "laag" and band_above(37.5, bands).id == "midden"
    assert band_for(37.5 + 5e-10, bands).id == "laag"  # within 1e-9: on the edge
    assert band_for(37.5 + 2e-9, bands).id == "midden" and band_above(37.5 + 2e-9, bands) is None
    assert band_for(37.499, bands).id == "laag" and band_above(37.499, bands) is None
    assert band_for(0.0, bands).id == "laag" and band_above(0.0, bands) is None
    assert band_above(100.0, bands) is None


def test_top_band_includes_100():
    assert band_for(100.0, assessment().bands).id == "hoog"


def test_position_outside_the_bands_is_an_error():
    raises(ValueError, band_for, 100.5, assessment().bands)


def test_dimension_band_follows_its_position():
    result = score(assessment(), {**all_answers(3), "v4": 3})  # mean 3 -> position 50
    assert [d.band.id for d in result.dimensions] == ["midden", "midden"]


def test_answering_one_option_throughout_lands_in_the_band_that_contains_it():
    assert_each_option_lands_in_its_own_band(assessment())


def assert_each_option_lands_in_its_own_band(tested):
    """Keyed answers of v everywhere (a reverse-keyed item answered with its mirror image) give,
    for every dimension and the total, the band that holds v inside it, not on its edge."""
    for option in tested.scale.options:
        answers = {
            item.id: reverse(option.value, tested.scale) if item.reverse else option.value
            for item in tested.items
        }
        result = score(tested, answers)
        position = scale_position(option.value, tested.scale)
        for band in (*(d.band for d in result.dimensions), result.overall_band):
            assert band.lower <= position <= band.upper, (tested.id, option.label, band.id)
            on_an_edge = position in (band.lower, band.upper)
            assert not on_an_edge or position in (0, 100), (tested.id, option.label, band.id)


def test_overall_is_the_mean_of_the_dimension_means():
    answers = {"v1": 5, "v2": 5, "v3": 5, "v4": 1, "f1": 3, "f2": 3, "f3": 3, "f4": 3, "f5": 3}
    result = score(assessment(), answers)
    assert result.overall_mean == 4.0  # (5 + 3) / 2, not the mean of all nine answers
    assert result.overall_score == 75.0
    assert result.overall_band.id == "boven"


def test_overall_is_withheld_when_a_dimension_has_too_few_answers():
    answers = {**all_answers(4), "f1": None, "f2": None}
    result = score(assessment(), answers)
    assert dimension(result, "vijf").mean is None
    assert result.overall_mean is None and result.overall_score is None
    assert result_document(result)["overall"] is None


def test_strongest_and_weakest_dimension_are_named():
    answers = {"v1": 5, "v2": 5, "v3": 5, "v4": 1, "f1": 2, "f2": 2, "f3": 2, "f4": 2, "f5": 2}
    result = score(assessment(), answers)
    assert [d.dimension.id for d in result.strongest] == ["vier"]
    assert [d.dimension.id for d in result.weakest] == ["vijf"]
    assert result.spread == 3.0 and result.spread_is_meaningful


def test_equal_dimensions_are_named_together_as_a_tie():
    result = score(assessment(), {**all_answers(4), "v4": 2})  # v4 reverse-keyed: 2 counts as 4
    assert [d.dimension.id for d in result.strongest] == ["vier", "vijf"]
    assert [d.dimension.id for d in result.weakest] == ["vier", "vijf"]
    assert result.spread == 0.0 and not result.spread_is_meaningful
    profile = result_document(result)["profile"]
    assert profile["strongest"] == profile["weakest"] == ["vier", "vijf"]


VIER_AT_3_5 = {"v1": 4, "v2": 4, "v3": 3, "v4": 3}  # v4 reversed: 3 stays 3; mean 3.5


def test_difference_below_0_7_scale_points_is_not_meaningful():
    answers = {**VIER_AT_3_5, "f1": 4, "f2": 4, "f3": 4, "f4": 4, "f5": 4}  # 4.0: 0.5 apart
    result = score(assessment(), answers)
    assert abs(result.spread - 0.5) < 1e-9
    assert not result.spread_is_meaningful


def test_difference_of_exactly_0_7_scale_points_is_meaningful():
    answers = {**VIER_AT_3_5, "f1": 5, "f2": 4, "f3": 4, "f4": 4, "f5": 4}  # mean 4.2
    result = score(assessment(), answers)
    assert abs(result.spread - 0.7) < 1e-9
    assert result.spread_is_meaningful


def test_no_profile_with_fewer_than_two_scored_dimensions():
    result = score(assessment(), {"v1": 4, "v2": 4, "v3": 4})
    assert result.strongest == () and result.weakest == () and result.spread is None
    profile = result_document(result)["profile"]
    assert profile["strongest"] == profile["weakest"] == []


def test_unknown_item_id_is_rejected():
    error = raises(AnswerError, score, assessment(), {"bestaat-niet": 3})
    assert "bestaat-niet" in str(error)


def test_answer_off_the_scale_is_rejected():
    for value in (0, 6, 2.5, "3", True):
        raises(AnswerError, score, assessment(), {"v1": value})


def test_result_document_records_assessment_id_version_and_answers():
    document = result_document(score(assessment(), {"v1": 3, "v2": None}))
    assert document["assessment"] == "proef" and document["version"] == 1
    assert document["format"] == "vertrouwenswijzer-resultaat" and document["format_version"] == 2
    assert document["answers"] == {"v1": 3, "v2": None}
    assert document["norm_group"] is None
    first = document["dimensions"][0]
    assert set(first) >= {"id", "mean", "score", "band", "answered", "items"}
    assert first["items"] == 4 and first["answered"] == 1 and first["mean"] is None


def test_definition_document_has_the_exported_shape():
    document = definition_document(assessment())
    assert document["scale"]["min"] == 1 and document["scale"]["max"] == 5
    assert [d["min_answered"] for d in document["dimensions"]] == [3, 4]
    assert document["items"][3] == {
        "id": "v4",
        "dimension": "vier",
        "reverse": True,
        "text": "Vraag vier, omgekeerd.",
        "construct": "c",
        "source": "s",
    }


def test_definition_document_converts_back_to_the_same_assessment():
    assert assessment_from_document(definition_document(assessment())) == assessment()


def test_browser_face_returns_the_same_result_as_the_engine():
    answers = {**all_answers(4), "f5": None}
    definition = json.dumps(definition_document(assessment()))
    from_browser = json.loads(score_json(definition, json.dumps(answers)))
    from_engine = json.loads(json.dumps(result_document(score(assessment(), answers))))
    # Each scoring gets its own random id; everything else is the same.
    assert from_browser.pop("id") != from_engine.pop("id")
    assert from_browser == from_engine
