"""The generated methods page ("Zo werken onze zelftests") says what the definitions say."""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from assessments.files import load_all
from assessments.scoring import MEANINGFUL_DIFFERENCE, required_answers


class _Tables(HTMLParser):
    """Rows of every table after each h2 id: {section id: [[cell, ...], ...]}."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.section = ""
        self.rows: dict[str, list[list[str]]] = {}
        self.cell: list[str] | None = None
        self.row: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h2":
            self.section = dict(attrs).get("id") or ""
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append("".join(self.cell).strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.rows.setdefault(self.section, []).append(self.row)
            self.row = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


@pytest.fixture(scope="module")
def page(site: Path) -> tuple[str, dict[str, list[list[str]]]]:
    html = (site / "zelftests" / "verantwoording" / "index.html").read_text(encoding="utf-8")
    tables = _Tables()
    tables.feed(html)
    return html, tables.rows


def number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def test_each_assessment_has_its_dimensions_counts_and_bands(page) -> None:
    html, rows = page
    for assessment in load_all():
        section = rows[assessment.id]
        expected_dimensions = [
            [
                d.title,
                str(len(assessment.items_of(d.id))),
                str(sum(item.reverse for item in assessment.items_of(d.id))),
                str(required_answers(len(assessment.items_of(d.id)))),
            ]
            for d in assessment.dimensions
        ]
        expected_bands = [
            [band.label, number(band.lower), number(band.upper), band.text]
            for band in assessment.bands
        ]
        assert expected_dimensions == [
            row for row in section if row[0] in {d.title for d in assessment.dimensions}
        ]
        assert expected_bands == [
            row for row in section if row[0] in {b.label for b in assessment.bands}
        ]
        for item in assessment.items:
            if item.reverse:
                assert f"<li>{escape(item.text)}</li>" in html
        assert f"Versie {assessment.version}; {len(assessment.items)} vragen" in html


def test_missing_answer_rule_and_error_margin_come_from_the_engine(page) -> None:
    html, rows = page
    rule = rows["hoeveel-antwoorden-nodig-zijn"][1:]
    assert rule and all(int(needed) == required_answers(int(k)) for k, needed in rule)
    assert f"minder dan {number(MEANINGFUL_DIFFERENCE)} schaalpunt" in html
    assert re.search(r"geen normgroep", html)
