"""What a reader sees in a result and does with it: the profile in words, save it as JSON or CSV,
print it on A4, and read it on a phone.

Every figure and id comes from the definition or the engine (the CLI, or assessments imported
here), never from this file: the definitions may change without these tests changing.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Route
from pypdf import PdfReader

from assessments.browser import result_csv
from assessments.files import load_all
from tests.browser.conftest import Visit, cli_export, cli_score
from tests.browser.test_accessibility import violations

pytestmark = pytest.mark.browser
DONT_KNOW = "weet-ik-niet"
PAGES = {a.id: a.page.removesuffix(".md") + "/" for a in load_all()}
#: The form lists the numbers of at most this many "weet ik niet" answers (results.mjs).
DONT_KNOW_LISTED = 5


def submit(
    visit: Visit, answers: dict[str, int | None], assessment_id: str = "persoonlijk"
) -> None:
    visit.open(PAGES[assessment_id])
    for item_id, value in answers.items():
        chosen = DONT_KNOW if value is None else str(value)
        visit.page.check(f"input[name='{item_id}'][value='{chosen}']")
    visit.wait_until_ready()
    visit.page.click("button[type=submit]")
    visit.page.wait_for_selector(".zelftest[data-result=shown]")


def mixed(definition: dict) -> dict[str, int | None]:
    """Every option in turn, and one "weet ik niet"."""
    low, high = definition["scale"]["min"], definition["scale"]["max"]
    items = [item["id"] for item in definition["items"]]
    chosen: dict[str, int | None] = {
        item: low + index % (high - low + 1) for index, item in enumerate(items)
    }
    chosen[items[1]] = None
    return chosen


def tied_at_the_top(definition: dict) -> dict[str, int | None]:
    """The first two dimensions at the top of the scale, the others in the middle."""
    low, high = definition["scale"]["min"], definition["scale"]["max"]
    top = {d["id"] for d in definition["dimensions"][:2]}
    middle = (low + high) // 2
    return {
        item["id"]: ((low if item["reverse"] else high) if item["dimension"] in top else middle)
        for item in definition["items"]
    }


def download(visit: Visit, action: str) -> tuple[str, bytes]:
    with visit.page.expect_download() as waiting:
        visit.page.click(f"button[data-actie={action}]")
    saved = waiting.value
    return saved.suggested_filename, Path(saved.path()).read_bytes()


def result_text(visit: Visit) -> str:
    return visit.page.inner_text(".zelftest-uitslag")


# ---- Saving the result ----


@pytest.mark.subpath
def test_json_download_is_the_cli_result_with_an_id_and_a_date(
    visit: Visit, tmp_path: Path
) -> None:
    definition = cli_export("persoonlijk")
    chosen = mixed(definition)
    submit(visit, chosen)
    name, data = download(visit, "json")
    version = definition["version"]
    assert name.startswith(f"vertrouwenswijzer-persoonlijk-v{version}-") and name.endswith(".json")
    document = json.loads(data)
    # The day only, never the time: a shared file tells nothing about when exactly it was made.
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", document["created"])
    assert re.fullmatch(r"[0-9a-f]{32}", document.pop("id"))
    expected = cli_score("persoonlijk", chosen, tmp_path)
    # Each scoring gets its own random id; the day may differ by the browser's time zone.
    del expected["id"]
    browser_day = date.fromisoformat(document.pop("created"))
    cli_day = date.fromisoformat(expected.pop("created"))
    assert abs(browser_day - cli_day) <= timedelta(days=1)
    if browser_day != cli_day:  # then the date as text differs too
        del document["created_shown"], expected["created_shown"]
    assert document == expected
    visit.assert_stayed_local()


@pytest.mark.subpath
def test_csv_download_is_the_engines_csv_of_the_same_result(visit: Visit) -> None:
    definition = cli_export("persoonlijk")
    submit(visit, mixed(definition))
    _, saved_json = download(visit, "json")
    name, data = download(visit, "csv")
    document = json.loads(saved_json)
    assert (
        name == f"vertrouwenswijzer-persoonlijk-v{definition['version']}-{document['created']}.csv"
    )
    # Byte for byte what the engine makes of this result: JavaScript only offers it.
    assert data.decode("utf-8") == result_csv(saved_json.decode("utf-8"))
    text = data.decode("utf-8")
    assert text.startswith("\ufeff") and text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[0] == "datum"
    assert {row[0] for row in body} == {document["created"]}
    assert [row[header.index("dimensie_id")] for row in body[:-1]] == [
        d["id"] for d in document["dimensions"]
    ]
    # One decimal and a decimal comma for every figure; empty without a score.
    for row in body:
        for column in ("gemiddelde", "positie_0_100"):
            assert re.fullmatch(r"(\d+,\d)?", row[header.index(column)]), (column, row)
    visit.assert_stayed_local()


def test_csv_cells_that_start_like_a_formula_are_neutralised(visit: Visit) -> None:
    """A dimension title and a band label that a spreadsheet would run as a formula."""
    formula_title, formula_label = '=HYPERLINK("http://voorbeeld.invalid";"klik")', "@SUM(A1)"

    def hostile_definition(route: Route) -> None:
        response = route.fetch()
        html = response.text()
        found = re.search(
            r'(<script type="application/json" class="zelftest-definitie">)(.*?)(</script>)',
            html,
            re.DOTALL,
        )
        assert found
        definition = json.loads(found.group(2))
        definition["dimensions"][0]["title"] = formula_title
        for band in definition["bands"]:
            band["label"] = formula_label
        embedded = json.dumps(definition, ensure_ascii=False).replace("<", "\\u003c")
        html = html[: found.start(2)] + embedded + html[found.end(2) :]
        route.fulfill(response=response, body=html)

    visit.page.route("**/zelftests/persoonlijk/", hostile_definition)
    definition = cli_export("persoonlijk")
    submit(visit, mixed(definition))
    # On the page the title is text, shown as it is.
    assert formula_title in visit.page.inner_text(".zelftest-tabel")
    _, data = download(visit, "csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8").removeprefix("\ufeff")), delimiter=";"))
    header = rows[0]
    first = rows[1]
    assert first[header.index("dimensie")] == "'" + formula_title
    labels = {row[header.index("band")] for row in rows[1:]}
    assert "'" + formula_label in labels and formula_label not in labels
    visit.assert_stayed_local()


def test_csv_failure_says_so_in_dutch_and_frees_the_button(visit: Visit) -> None:
    # The engine is asked for a function it does not have: the call fails in the worker.
    visit.page.add_init_script(
        """
        const post = Worker.prototype.postMessage;
        Worker.prototype.postMessage = function (message, ...rest) {
          if (message && message.fn === "result_csv") message = { ...message, fn: "bestaat_niet" };
          return post.call(this, message, ...rest);
        };
        """
    )
    submit(visit, mixed(cli_export("persoonlijk")))
    downloads: list[object] = []
    visit.page.on("download", lambda saved: downloads.append(saved))
    visit.page.click("button[data-actie=csv]")
    notice = visit.page.wait_for_selector(".zelftest-acties-melding:not(:empty)")
    assert "CSV-bestand kon niet worden gemaakt" in notice.inner_text()
    assert notice.is_visible() and notice.get_attribute("role") == "status"
    assert visit.page.is_enabled("button[data-actie=csv]")
    assert downloads == []


# ---- What the result says ----


def test_ties_at_the_top_are_named_together(visit: Visit, tmp_path: Path) -> None:
    definition = cli_export("persoonlijk")
    chosen = tied_at_the_top(definition)
    expected = cli_score("persoonlijk", chosen, tmp_path)
    titles = {d["id"]: d["title"] for d in definition["dimensions"]}
    strongest = expected["profile"]["strongest"]
    assert strongest == [d["id"] for d in definition["dimensions"][:2]]
    submit(visit, chosen)
    summary = visit.page.locator(".zelftest-profiel p").first.inner_text()
    for dimension_id in strongest:
        assert f"\u2018{titles[dimension_id]}\u2019" in summary
    assert "even hoog" in summary
    # The profile leads: it is the first thing under the heading, before the total.
    first = visit.page.locator(".zelftest-uitslag-inhoud > *").first
    assert "zelftest-profiel" in (first.get_attribute("class") or "")
    visit.assert_stayed_local()


def test_ties_have_no_wcag_violations(plain_visit: Visit) -> None:
    submit(plain_visit, tied_at_the_top(cli_export("persoonlijk")))
    assert violations(plain_visit) == []


def test_all_dont_know_gives_a_short_message_and_no_figures(visit: Visit) -> None:
    definition = cli_export("persoonlijk")
    submit(visit, {item["id"]: None for item in definition["items"]})
    message = visit.page.inner_text(".zelftest-alles-weet-niet")
    assert "alle vragen" in message and "geen uitslag" in message
    for absent in (".zelftest-tabel", ".zelftest-grafiek", ".zelftest-weet-niet-aantal"):
        assert visit.page.query_selector(absent) is None, absent
    text = result_text(visit)
    assert "te weinig antwoorden" not in text
    assert not re.search(r"\d+, \d+", text), "a list of question numbers"
    visit.assert_stayed_local()


def test_all_dont_know_has_no_wcag_violations(plain_visit: Visit) -> None:
    definition = cli_export("persoonlijk")
    submit(plain_visit, {item["id"]: None for item in definition["items"]})
    assert violations(plain_visit) == []


def test_many_dont_know_gives_their_number_not_a_list(visit: Visit, tmp_path: Path) -> None:
    definition = cli_export("persoonlijk")
    chosen = {
        item["id"]: None if index % 2 else definition["scale"]["max"]
        for index, item in enumerate(definition["items"])
    }
    totals = cli_score("persoonlijk", chosen, tmp_path)["totals"]
    assert totals["dont_know"] > DONT_KNOW_LISTED
    submit(visit, chosen)
    line = visit.page.inner_text(".zelftest-weet-niet-aantal")
    assert f"Bij {totals['dont_know']} van de {totals['items']} vragen" in line
    assert [int(n) for n in re.findall(r"\d+", line)] == [totals["dont_know"], totals["items"]]


@pytest.mark.parametrize("assessment_id", ["persoonlijk", "team"])
def test_self_view_note_only_on_a_self_rated_test(visit: Visit, assessment_id: str) -> None:
    definition = cli_export(assessment_id)
    # Who rates themself: the person in 'persoonlijk'; in 'team' people rate their team.
    assert definition["self_rated"] is (assessment_id == "persoonlijk")
    submit(visit, mixed(definition), assessment_id)
    note = visit.page.query_selector(".zelftest-zelfbeeld")
    assert (note is not None) is definition["self_rated"]
    text = result_text(visit)
    assert ("Wie zichzelf beoordeelt" in text) is definition["self_rated"]
    # The 0.7 rule is a rule of thumb, and the tests have not been piloted: never "meetfout".
    assert "vuistregel" in text and "proefonderzoek" in text and "meetfout" not in text


def test_result_shows_its_date(visit: Visit) -> None:
    submit(visit, mixed(cli_export("persoonlijk")))
    _, saved = download(visit, "json")
    document = json.loads(saved)
    shown = visit.page.inner_text(".zelftest-datum")
    assert document["created_shown"] in shown


# ---- On a phone ----


def test_on_a_phone_the_table_says_it_scrolls_and_the_result_is_below_the_header(
    visit: Visit,
) -> None:
    page = visit.page
    page.set_viewport_size({"width": 360, "height": 740})
    submit(visit, mixed(cli_export("persoonlijk")))
    region = page.locator(".zelftest-uitslag .zelftest-tabel-kader")
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the page itself scrolls"
    page.wait_for_selector(".zelftest-uitslag .zelftest-tabel-hint", state="visible")
    assert region.get_attribute("data-schuift") == "ja"
    # Focus moved to the result and scrolled it into view, below Material's fixed header.
    assert page.evaluate("document.activeElement.classList.contains('zelftest-uitslag')")
    header = page.locator(".md-header").bounding_box()
    heading = page.locator(".zelftest-uitslag h2").bounding_box()
    assert header and heading
    assert header["y"] + header["height"] <= heading["y"] < 740
    # A unit in a column header stays on one line: "(1-5)" is never broken.
    for unit in page.locator(".zelftest-tabel .zelftest-eenheid").all():
        assert unit.evaluate("el => el.getClientRects().length") == 1
    # The chart is HTML, its text no larger than the body text.
    assert page.query_selector(".zelftest-uitslag svg") is None
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('.zelftest-grafiek *')]
            .filter((el) => el.textContent.trim())
            .map((el) => parseFloat(getComputedStyle(el).fontSize))"""
    )
    body = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)"
    )
    assert sizes and max(sizes) <= body
    visit.assert_stayed_local()


def test_on_a_wide_screen_the_table_gives_no_scroll_hint(visit: Visit) -> None:
    visit.page.set_viewport_size({"width": 1280, "height": 900})
    submit(visit, mixed(cli_export("persoonlijk")))
    region = visit.page.locator(".zelftest-uitslag .zelftest-tabel-kader")
    visit.page.wait_for_function("el => el.dataset.schuift === 'nee'", arg=region.element_handle())
    assert visit.page.is_hidden(".zelftest-uitslag .zelftest-tabel-hint")


# ---- On paper ----


def pdf_pages(visit: Visit) -> list[list[str]]:
    """The printout (print media, A4), as the non-empty lines of text of each page."""
    visit.page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(visit.page.pdf(prefer_css_page_size=True)))
    width, height = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    return [
        [line.strip() for line in p.extract_text().splitlines() if line.strip()] for p in pdf.pages
    ]


@pytest.mark.parametrize("assessment_id", sorted(PAGES))
def test_printed_result_starts_with_its_table_and_no_page_ends_with_a_heading(
    visit: Visit, assessment_id: str
) -> None:
    definition = cli_export(assessment_id)
    submit(visit, mixed(definition), assessment_id)
    _, saved = download(visit, "json")
    document = json.loads(saved)
    headings = {
        text.strip()
        for text in visit.page.locator(
            ".zelftest-uitslag :is(h2, h3, dt, caption, .zelftest-grafiek-titel)"
        ).all_inner_texts()
    }
    assert {d["title"] for d in definition["dimensions"]} <= headings
    pages = pdf_pages(visit)
    # The questions are off paper: the result of a test takes a few pages, not a dozen.
    assert len(pages) <= 4, len(pages)
    first = " ".join(pages[0])
    # Page one: the test's title, the result with its date, and the whole table.
    assert definition["title"] in first
    assert document["created_shown"] in first
    for scored in [*document["dimensions"], document["overall"]]:
        if scored and scored["shown_mean"] is not None:
            assert f"{scored['shown_mean']} {scored['shown_score']}" in first, scored
    for dimension in document["dimensions"]:
        assert dimension["title"] in first
    # No heading or dimension title alone at the foot of a page.
    for number, lines in enumerate(pages[:-1], start=1):
        assert lines[-1] not in headings, f"page {number} ends with the heading '{lines[-1]}'"
    # Navigation, search, the page's explanation and the questions stay off paper.
    text = " ".join(" ".join(lines) for lines in pages)
    shown = result_text(visit)
    navigation = [
        title.strip()
        for title in visit.page.locator(".md-nav--primary .md-nav__link").all_text_contents()
        if len(title.strip()) > 12 and title.strip() not in shown + definition["title"]
    ]
    explanation = visit.page.locator(".md-typeset > p").first.text_content() or ""
    first_question = definition["items"][0]["text"]
    for absent in ("Zoeken", first_question, " ".join(explanation.split()[:8]), *navigation):
        assert absent not in text, absent
