"""The tools (hulpmiddelen) on paper: each template and script prints cleanly on A4.

People print these to fill in by hand in a meeting, so the printout is the product: A4, a few
sheets, every column and field on the page, the form on a sheet of its own, no heading left
alone at the bottom of a sheet, and the screen's "how to print" tip gone.
"""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser

#: Each template, the most sheets it may take, and the heading its form starts on (if any).
TEMPLATES = {
    "incidentbericht": (3, "Het sjabloon"),
    "beloftenregister": (2, "Het register"),
    "leren-van-incidenten": (4, "Het formulier"),
    "checklist-vertrouwen": (2, None),
    "teamafspraken": (3, None),
    "checklist-vertrouwen-collega": (2, None),
    "moreel-beraad": (5, "Het verslag"),
    "dertien-gedragingen": (3, None),
    "kaart-psychologische-veiligheid": (2, None),
    "klacht-goed-behandelen": (5, "Het formulier"),
}
SCRIPTS = (
    "sorry-zeggen-en-herstellen",
    "belofte-niet-nagekomen",
    "feedback-aan-je-leidinggevende",
    "slecht-nieuws-brengen",
    "als-iemand-iets-meldt",
)


def printout(visit: Visit, path: str) -> list[list[str]]:
    """The page printed to PDF on A4: the non-empty lines of each sheet."""
    visit.open(f"hulpmiddelen/{path}/")
    visit.page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(visit.page.pdf(prefer_css_page_size=True)))
    for sheet in pdf.pages:
        assert (round(float(sheet.mediabox.width)), round(float(sheet.mediabox.height))) == (
            595,
            842,
        )  # A4 in points
    return [
        [line.strip() for line in sheet.extract_text().splitlines() if line.strip()]
        for sheet in pdf.pages
    ]


def headings(visit: Visit) -> set[str]:
    return {
        text.replace("¶", "").strip()
        for text in visit.page.eval_on_selector_all(
            "article h1, article h2, article h3", "nodes => nodes.map(n => n.textContent)"
        )
    }


def cells(visit: Visit) -> list[str]:
    """The text of every header cell of the page's tables: all must reach the paper."""
    return [
        text.strip()
        for text in visit.page.eval_on_selector_all(
            "article table th", "nodes => nodes.map(n => n.textContent)"
        )
        if text.strip()
    ]


@pytest.mark.parametrize("path", sorted(TEMPLATES))
def test_each_template_prints_on_a_few_a4_sheets_with_every_field(visit: Visit, path: str) -> None:
    most, form_heading = TEMPLATES[path]
    sheets = printout(visit, path)
    assert 1 <= len(sheets) <= most, f"{path}: {len(sheets)} sheets"
    text = " ".join(" ".join(lines) for lines in sheets)
    squashed = text.replace(" ", "")
    missing = [cell for cell in cells(visit) if cell.replace(" ", "") not in squashed]
    assert cells(visit) and missing == [], missing
    titles = headings(visit)
    alone = [lines[-1] for lines in sheets[:-1] if lines and lines[-1] in titles]
    assert alone == [], f"{path}: a heading ends a sheet: {alone}"
    if form_heading:
        assert any(lines and lines[0] == form_heading for lines in sheets), (
            f"{path}: the form does not start a sheet of its own"
        )
    # The screen's tip on how to print is not on the paper.
    tip = visit.page.query_selector(".sjabloon-afdruktip")
    if tip is not None:
        assert tip.evaluate("node => getComputedStyle(node).display") == "none"
    visit.assert_stayed_local()


@pytest.mark.parametrize("path", SCRIPTS)
def test_each_conversation_script_prints_without_loose_headings(visit: Visit, path: str) -> None:
    sheets = printout(visit, path)
    assert 1 <= len(sheets) <= 5, f"{path}: {len(sheets)} sheets"
    titles = headings(visit)
    alone = [lines[-1] for lines in sheets[:-1] if lines and lines[-1] in titles]
    assert alone == [], f"{path}: a heading ends a sheet: {alone}"
