"""What a reader does with a result: save it as JSON or CSV, and print it on A4."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.browser.conftest import Visit, cli_export, cli_score

pytestmark = pytest.mark.browser


def submit_answers(visit: Visit, answers: dict[str, int | None]) -> None:
    visit.open("zelftests/persoonlijk/")
    for item_id, value in answers.items():
        chosen = "weet-ik-niet" if value is None else str(value)
        visit.page.check(f"input[name='{item_id}'][value='{chosen}']")
    visit.wait_until_ready()
    visit.page.click("button[type=submit]")
    visit.page.wait_for_selector(".zelftest[data-result=shown]")


def answers() -> dict[str, int | None]:
    items = [item["id"] for item in cli_export("persoonlijk")["items"]]
    chosen: dict[str, int | None] = {item: 1 + index % 5 for index, item in enumerate(items)}
    chosen[items[1]] = None
    return chosen


def download(visit: Visit, action: str) -> tuple[str, bytes]:
    with visit.page.expect_download() as waiting:
        visit.page.click(f"button[data-actie={action}]")
    saved = waiting.value
    return saved.suggested_filename, Path(saved.path()).read_bytes()


def test_json_download_is_the_cli_result_with_an_id_and_a_date(
    visit: Visit, tmp_path: Path
) -> None:
    chosen = answers()
    submit_answers(visit, chosen)
    name, data = download(visit, "json")
    assert name.startswith("vertrouwenswijzer-persoonlijk-v1-") and name.endswith(".json")
    document = json.loads(data)
    # The day only, never the time: a shared file tells nothing about when exactly it was made.
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", document["created"])
    assert re.fullmatch(r"[0-9a-f]{32}", document.pop("id"))
    expected = cli_score("persoonlijk", chosen, tmp_path)
    # Each scoring gets its own random id; the day may differ by the browser's time zone.
    del expected["id"]
    browser_day = date.fromisoformat(document.pop("created"))
    assert abs(browser_day - date.fromisoformat(expected.pop("created"))) <= timedelta(days=1)
    assert document == expected
    visit.assert_stayed_local()


def test_csv_download_has_a_row_per_dimension_and_a_total(visit: Visit, tmp_path: Path) -> None:
    chosen = answers()
    submit_answers(visit, chosen)
    name, data = download(visit, "csv")
    assert name.endswith(".csv")
    text = data.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    expected = cli_score("persoonlijk", chosen, tmp_path)
    assert rows[0][:4] == ["zelftest", "versie", "dimensie_id", "dimensie"]
    assert [row[2] for row in rows[1:]] == [d["id"] for d in expected["dimensions"]] + ["totaal"]
    first = expected["dimensions"][0]
    assert rows[1][4] == str(first["mean"]).replace(".", ",")
    assert rows[1][6] == first["band"]["label"]


def test_printed_result_is_a4_with_the_table_and_no_navigation(visit: Visit) -> None:
    submit_answers(visit, answers())
    pdf = PdfReader(io.BytesIO(visit.page.pdf(prefer_css_page_size=True)))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    width, height = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    assert "Je scores per dimensie" in text
    for title in ("Vakmanschap", "Goede wil", "Open houding"):
        assert title in text
    # Navigation, search and the questions themselves stay off paper.
    for absent in (
        "Onderling vertrouwen",
        "De betrouwbare organisatie",
        "Zoeken",
        "Nooit of bijna nooit",
    ):
        assert absent not in text, absent
