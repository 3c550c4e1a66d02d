"""A reader's kept results over time: checked like team files, ordered, compared, moved.

Runs in CPython and in Pyodide (no files, no pytest).
"""

from __future__ import annotations

import json
from datetime import date

from assessments import result_document, score
from assessments.browser import (
    history_json,
    import_history_json,
    remove_history_json,
    save_history_json,
)
from assessments.documents import definition_document
from assessments.history import (
    HISTORY_FORMAT,
    MAX_ENTRIES,
    HistoryError,
    add_result,
    history_document,
    read_history,
)
from assessments.scoring import is_meaningful
from tests.engine.builders import all_answers, assessment, raises

DEFINITION = json.dumps(definition_document(assessment()))


def kept(value: int, day: str, result_id: str) -> dict:
    """A result document as the browser keeps it: every item answered with one value."""
    result = score(assessment(), all_answers(value))
    return result_document(result, result_id=result_id, created=date.fromisoformat(day))


def history_text(*results: dict) -> str:
    return json.dumps({"format": HISTORY_FORMAT, "format_version": 1, "results": list(results)})


def entry_ids(history: dict) -> list[str]:
    return [entry["id"] for entry in history["entries"]]


def test_results_are_ordered_by_date_then_in_the_order_kept():
    results = [
        kept(3, "2026-05-01", "c" * 32),
        kept(4, "2026-03-01", "a" * 32),
        kept(2, "2026-05-01", "d" * 32),
    ]
    history = history_document(results, assessment())
    assert entry_ids(history) == ["a" * 32, "c" * 32, "d" * 32]
    assert [entry["created"] for entry in history["entries"]] == [
        "2026-03-01",
        "2026-05-01",
        "2026-05-01",
    ]
    assert history["compared"] == ["c" * 32, "d" * 32]


def test_each_entry_carries_its_date_as_the_pages_show_it_also_below_day_ten():
    history = history_document([kept(3, "2026-12-07", "a" * 32)], assessment())
    entry = history["entries"][0]
    assert (entry["created_shown"], entry["created_short"]) == ("7 december 2026", "07-12-2026")
    assert history["meaningful_difference_shown"] == "0,7"


def test_figures_are_recomputed_from_the_answers():
    history = history_document([kept(4, "2026-05-01", "a" * 32)], assessment())
    vijf = history["entries"][0]["dimensions"][1]
    assert (vijf["id"], vijf["mean"], vijf["score"], vijf["position"]) == ("vijf", 4.0, 75.0, 75)
    # v4 is reverse-keyed: all 4 gives 4, 4, 4, 2 on 'vier'.
    assert history["entries"][0]["dimensions"][0]["position"] == 63  # 62.5, a half rounded up


def test_a_result_with_changed_scores_is_left_out_and_the_rest_stays():
    tampered = kept(2, "2026-05-02", "b" * 32)
    tampered["dimensions"][0]["score"] = 99.0
    history = history_document([kept(4, "2026-05-01", "a" * 32), tampered], assessment())
    assert entry_ids(history) == ["a" * 32]
    assert history["left_out"][0]["entry"] == "Uitslag 2"
    assert "niet kloppen met de antwoorden" in history["left_out"][0]["reason"]


def test_a_repeated_result_counts_once():
    result = kept(4, "2026-05-01", "a" * 32)
    history = history_document([result, result], assessment())
    assert entry_ids(history) == ["a" * 32]
    assert "hetzelfde kenmerk" in history["left_out"][0]["reason"]


def test_a_result_without_a_valid_date_is_left_out():
    result = kept(4, "2026-05-01", "a" * 32)
    result["created"] = "2026-02-30"
    history = history_document([result], assessment())
    assert history["entries"] == []
    assert "datum" in history["left_out"][0]["reason"]


def test_a_result_of_another_test_is_named_as_such():
    other = kept(4, "2026-05-01", "a" * 32)
    other["assessment"] = "team"
    reason = history_document([other], assessment())["left_out"][0]["reason"]
    assert reason.startswith("is een uitslag van een andere zelftest ('team')")


def test_a_change_of_at_least_0_7_scale_points_is_meaningful():
    # From all 3 to all 4: 'vijf' rises one scale point (25 positions); 'vier' rises half a
    # point (12.5 positions), because its reverse-keyed item falls from 3 to 2.
    results = [kept(3, "2026-03-01", "a" * 32), kept(4, "2026-05-01", "b" * 32)]
    changes = {row["dimension"]: row for row in history_document(results, assessment())["changes"]}
    assert (changes["vijf"]["difference"], changes["vijf"]["meaningful"]) == (25.0, True)
    assert (changes["vier"]["difference"], changes["vier"]["meaningful"]) == (12.5, False)
    assert (changes["vier"]["from_shown"], changes["vier"]["to_shown"]) == (50, 63)
    assert changes["vier"]["difference_shown"] == 13


def test_exactly_0_7_scale_points_counts_as_meaningful():
    scale = assessment().scale
    assert is_meaningful(17.5, scale) and is_meaningful(-17.5, scale)
    assert not is_meaningful(17.4, scale)


def test_a_change_is_null_when_either_result_has_too_few_answers():
    sparse = result_document(
        score(assessment(), {"v1": 4, "f1": 4, "f2": 4, "f3": 4, "f4": 4}),
        result_id="b" * 32,
        created=date(2026, 5, 1),
    )
    results = [kept(3, "2026-03-01", "a" * 32), sparse]
    vier = history_document(results, assessment())["changes"][0]
    assert (vier["difference"], vier["meaningful"], vier["difference_shown"]) == (None, None, None)


def test_one_result_has_no_changes():
    history = history_document([kept(3, "2026-03-01", "a" * 32)], assessment())
    assert (history["changes"], history["compared"]) == ([], [])


def test_saving_keeps_the_result_once_and_keeps_nothing_after_the_last_removal():
    first = json.loads(
        save_history_json(DEFINITION, None, json.dumps(kept(3, "2026-03-01", "a" * 32)))
    )
    again = json.loads(
        save_history_json(DEFINITION, first["stored"], json.dumps(kept(3, "2026-03-01", "a" * 32)))
    )
    assert entry_ids(again["history"]) == ["a" * 32]
    assert json.loads(again["stored"])["format"] == HISTORY_FORMAT
    removed = json.loads(remove_history_json(DEFINITION, again["stored"], "a" * 32))
    assert removed["stored"] is None and removed["history"]["entries"] == []


def test_a_changed_result_is_not_saved():
    tampered = kept(3, "2026-03-01", "a" * 32)
    tampered["overall"]["score"] = 80.0
    answer = json.loads(save_history_json(DEFINITION, None, json.dumps(tampered)))
    assert answer == {"error": answer["error"]}
    assert answer["error"].startswith("Deze uitslag bevat scores die niet kloppen")


def test_no_more_than_the_maximum_is_kept():
    full = [{"id": f"{number:032x}"} for number in range(MAX_ENTRIES)]
    data = json.dumps(kept(3, "2026-03-01", "a" * 32)).encode()
    error = raises(HistoryError, add_result, full, data, assessment())
    assert f"al {MAX_ENTRIES} uitslagen" in str(error)
    too_many = history_text(*full, {"id": "x"}).encode()
    assert "hoogstens" in str(raises(HistoryError, read_history, too_many))


def test_a_broken_stored_value_is_a_dutch_sentence():
    for broken in ("{kapot", '{"format": "iets anders"}', '{"a": 1, "a": 2}', "[" * 100):
        answer = json.loads(history_json(DEFINITION, broken))
        assert answer["error"].startswith("De opslag van deze test in deze browser "), answer


def test_nothing_kept_is_an_empty_history():
    history = json.loads(history_json(DEFINITION, None))["history"]
    assert history["entries"] == [] and history["left_out"] == []
    assert history["limits"]["max_entries"] == MAX_ENTRIES


def test_export_and_import_on_another_device_give_the_same_history():
    stored = history_text(kept(3, "2026-03-01", "a" * 32), kept(4, "2026-05-01", "b" * 32))
    here = json.loads(history_json(DEFINITION, stored))["history"]
    there = json.loads(import_history_json(DEFINITION, None, "export.json", stored.encode()))
    assert there["history"] == here
    assert there["imported"] == {"added": 2, "already": 0, "left_out": []}
    twice = json.loads(
        import_history_json(DEFINITION, there["stored"], "export.json", stored.encode())
    )
    assert twice["imported"]["already"] == 2 and twice["stored"] == there["stored"]


def test_a_single_result_file_can_be_imported():
    data = json.dumps(kept(3, "2026-03-01", "a" * 32)).encode()
    answer = json.loads(import_history_json(DEFINITION, None, "uitslag.json", data))
    assert entry_ids(answer["history"]) == ["a" * 32]


def test_a_tampered_import_is_refused_and_changes_nothing():
    tampered = kept(4, "2026-05-01", "b" * 32)
    tampered["answers"]["v1"] = 1
    answer = json.loads(
        import_history_json(
            DEFINITION, None, "C:\\map\\export.json", history_text(tampered).encode()
        )
    )
    assert answer == {"error": answer["error"]}
    assert answer["error"].startswith("Het bestand 'export.json' is niet ingelezen. De uitslag")


def test_an_import_adds_what_counts_and_names_what_does_not():
    stored = history_text(kept(3, "2026-03-01", "a" * 32))
    other = kept(4, "2026-05-01", "c" * 32)
    other["version"] = 2
    data = history_text(kept(4, "2026-04-01", "b" * 32), other).encode()
    answer = json.loads(import_history_json(DEFINITION, stored, "export.json", data))
    assert entry_ids(answer["history"]) == ["a" * 32, "b" * 32]
    assert answer["imported"]["added"] == 1
    assert answer["imported"]["left_out"][0]["entry"] == "Uitslag 2"
    assert "versie 2" in answer["imported"]["left_out"][0]["reason"]


def test_an_import_that_is_no_json_or_too_deep_is_refused():
    for data in (b"\xff\xfe", b"[" * 40 + b"]" * 40, b"{}"):
        answer = json.loads(import_history_json(DEFINITION, None, "x.json", data))
        assert answer["error"].startswith("Het bestand 'x.json' "), answer
