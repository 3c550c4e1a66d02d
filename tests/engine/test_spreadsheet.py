"""The result as CSV. Runs in CPython and in Pyodide (no files)."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import date

from assessments import result_document, score
from assessments.browser import result_csv as browser_result_csv
from assessments.spreadsheet import RESULT_COLUMNS, csv_cell, result_csv
from tests.engine.builders import all_answers, assessment

ANSWERS = {"v1": 4, "v2": 4, "v3": 3, "v4": 3, "f1": 4, "f2": 4, "f3": 4, "f4": 4, "f5": 3}


def rows(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff"), "Excel needs the byte order mark to read UTF-8"
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))


def document(tested=None, answers=ANSWERS):
    return result_document(score(tested or assessment(), answers), created=date(2026, 3, 1))


def test_csv_has_a_date_column_and_one_decimal_per_figure():
    table = rows(result_csv(document()))
    assert table[0] == list(RESULT_COLUMNS) and table[0][0] == "datum"
    vier, vijf, total = table[1:]
    assert vier[:8] == [
        "2026-03-01",
        "proef",
        "1",
        "vier",
        "Dimensie met vier items",
        "3,5",
        "62,5",
        "In het midden (op de grens van 'In het midden' en 'Boven het midden')",
    ]
    assert vijf[5:7] == ["3,8", "70,0"]
    assert total[3:7] == ["totaal", "Totaal", "3,7", "66,3"]
    assert total[8:] == ["9", "9", "0"]


def test_a_dimension_without_a_score_has_empty_figures():
    table = rows(result_csv(document(answers={"v1": 4})))
    assert table[1][5:8] == ["", "", "te weinig antwoorden"]
    assert table[-1][5:8] == ["", "", "te weinig antwoorden"]


def test_text_that_starts_like_a_formula_is_neutralised():
    proef = assessment()
    hostile = dataclasses.replace(
        proef,
        dimensions=(
            dataclasses.replace(proef.dimensions[0], title='=HYPERLINK("http://x";"klik")'),
            dataclasses.replace(proef.dimensions[1], title="@SUM(A1)"),
        ),
    )
    table = rows(result_csv(document(hostile)))
    assert table[1][4] == '\'=HYPERLINK("http://x";"klik")'
    assert table[2][4] == "'@SUM(A1)"
    for start in ("=", "+", "-", "@", "\t"):
        assert csv_cell(start + "1") == "'" + start + "1", repr(start)
    assert csv_cell("\r1") == '"\'\r1"'  # neutralised, then quoted for its line end
    assert csv_cell("Open houding") == "Open houding"


def test_the_browser_gets_the_same_csv_as_the_engine():
    import json

    result = document(answers=all_answers(4))
    assert browser_result_csv(json.dumps(result)) == result_csv(result)
