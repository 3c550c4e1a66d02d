"""A team round on one device: members answer in turn, nothing is stored, the engine reports.

The round keeps each member's result in the page's memory only. The report appears when the
facilitator ends the round with at least five members, and it is what `python -m assessments
team` makes of the round's downloaded files.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page

from assessments.files import load_all
from assessments.team import catalog_document
from tests.browser.conftest import Visit, cli_export
from tests.browser.test_accessibility import violations
from tests.browser.test_team_pages import band_lines

pytestmark = pytest.mark.browser
PAGE = "zelftests/team/"
DONT_KNOW = "weet-ik-niet"
SAVED = "Antwoorden van deelnemer {} zijn bewaard. Geef het apparaat door aan de volgende."


def members(count: int) -> list[dict[str, int | None]]:
    """Answers of several members: each different, some 'weet ik niet', one with too few."""
    definition = cli_export("team")
    low, high = definition["scale"]["min"], definition["scale"]["max"]
    rng = random.Random(20260311)
    first_dimension = definition["dimensions"][0]["id"]
    answers = []
    for number in range(count):
        chosen: dict[str, int | None] = {}
        for item in definition["items"]:
            if number == 0 and item["dimension"] == first_dimension:
                chosen[item["id"]] = None  # too few answers in this dimension: no m_rd
            else:
                chosen[item["id"]] = None if rng.random() < 0.1 else rng.randint(low, high)
        answers.append(chosen)
    return answers


def start_round(visit: Visit) -> Page:
    page = visit.open(PAGE)
    visit.wait_until_ready()
    page.click("[data-action=start-round]")
    page.wait_for_selector(".zelftest[data-round=running]")
    return page


def take_turn(page: Page, number: int, answers: dict[str, int | None]) -> None:
    """One member answers every question and submits; the round keeps the result."""
    for item_id, value in answers.items():
        page.check(f"input[name='{item_id}'][value='{DONT_KNOW if value is None else value}']")
    page.click("button[type=submit]")
    page.wait_for_selector(f".zelftest-teamronde-melding:text-is('{SAVED.format(number)}')")


def assert_nothing_of_anyone_shown(page: Page) -> None:
    """An empty form, and no result or figure of any member on the page."""
    assert page.query_selector_all(".zelftest-formulier input:checked") == []
    total = len(page.query_selector_all("fieldset.zelftest-vraag"))
    assert page.inner_text(".zelftest-voortgang") == f"0 van {total} beantwoord"
    assert page.is_hidden(".zelftest-uitslag")
    assert page.query_selector_all(".zelftest-uitslag-inhoud > *") == []
    assert page.get_attribute(".zelftest", "data-result") is None
    assert page.query_selector(".zelftest table:visible, .zelftest svg:visible") is None
    if page.get_attribute(".zelftest", "data-round") != "idle":
        # Results someone kept on this device are out of view while the device goes round.
        assert page.query_selector(".zelftest-geschiedenis:visible") is None


def storage(page: Page) -> dict:
    """Everything this origin keeps in the browser, apart from the theme's colour choice."""
    return page.evaluate(
        """async () => ({
          local: Object.keys(localStorage).filter((key) => !key.endsWith("__palette")),
          session: Object.keys(sessionStorage),
          databases: (await indexedDB.databases()).map((database) => database.name),
          cookies: document.cookie,
        })"""
    )


def cli_team(paths: list[Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assessments", "team", *map(str, paths)],
        capture_output=True,
        text=True,
    )


@pytest.mark.subpath
def test_round_reports_from_five_members_what_the_cli_makes_of_its_files(
    visit: Visit, tmp_path: Path
) -> None:
    answers = members(6)
    page = start_round(visit)
    assert page.inner_text(".zelftest-teamronde h2") == "Teamronde: deelnemer 1"
    assert "Sluit of herlaad dit tabblad niet" in page.inner_text(".zelftest-teamronde")
    for number, chosen in enumerate(answers[:4], start=1):
        take_turn(page, number, chosen)
        assert_nothing_of_anyone_shown(page)
        assert page.inner_text(".zelftest-teamronde h2") == f"Teamronde: deelnemer {number + 1}"

    # Four members: the engine's own reason, and no figure at all.
    page.click("[data-action=end-round]")
    message = page.wait_for_selector(".zelftest-teamronde-melding:has-text('minstens 5')")
    assert message.inner_text().startswith("Er zijn 4 bruikbare uitslagen")
    assert page.get_attribute(".zelftest", "data-round") == "running"
    assert page.is_hidden(".zelftest-teamronde-rapport")
    assert_nothing_of_anyone_shown(page)

    for number, chosen in enumerate(answers[4:], start=5):
        take_turn(page, number, chosen)
        assert_nothing_of_anyone_shown(page)
    page.click("[data-action=end-round]")
    page.wait_for_selector(".zelftest[data-round=ended] .zelftest-teamronde-rapport")
    assert page.is_hidden(".zelftest-formulier")

    # Every member's file, downloaded through the round's own buttons.
    buttons = page.query_selector_all("[data-action=download-file]")
    assert len(buttons) == len(answers)
    paths = []
    for button in buttons:
        with page.expect_download() as waiting:
            button.click()
        path = tmp_path / waiting.value.suggested_filename
        waiting.value.save_as(path)
        paths.append(path)
    assert sorted(p.name for p in paths) == [f"teamronde-team-{n}.json" for n in range(1, 7)]
    files = [json.loads(path.read_text("utf-8")) for path in paths]
    assert sorted(map(json.dumps, (f["answers"] for f in files))) == sorted(
        map(json.dumps, answers)
    ), "each file holds exactly one member's answers"

    done = cli_team(paths)
    assert done.returncode == 0, done.stderr
    expected = json.loads(done.stdout)
    assert expected["respondents"] == 6
    assert_report_shown(page, expected, done.stdout)
    assert storage(page) == {"local": [], "session": [], "databases": [], "cookies": ""}
    visit.assert_stayed_local()


def assert_report_shown(page: Page, expected: dict, printed: str | None = None) -> None:
    """The report on the page is the CLI's report of the same files, saved and on screen; the
    saved file is the one the CLI printed, byte for byte, when that is given."""
    with page.expect_download() as waiting:
        page.click(".zelftest-teamronde-rapport [data-download=json]")
    saved = Path(waiting.value.path()).read_text("utf-8")
    assert json.loads(saved) == expected
    if printed is not None:
        assert saved == printed
    rows = {
        row.get_attribute("data-dimensie"): [c.inner_text() for c in row.query_selector_all("td")]
        for row in page.query_selector_all(
            ".zelftest-teamronde-rapport .team-tabel tr[data-dimensie]"
        )
    }
    for dimension in expected["dimensions"]:
        cells = rows[dimension["id"]]
        assert cells[0] == str(dimension["n"])
        if dimension["mean"] is None:
            assert cells[1:] == ["te weinig respondenten"]
        else:
            # The engine's own texts: mean, margin (scale and positions), sd, position, band.
            assert cells[1:6] == [
                dimension["shown_mean"],
                f"{dimension['shown_ci_low']} tot {dimension['shown_ci_high']}\n"
                f"positie {dimension['shown_ci_low_score']} tot {dimension['shown_ci_high_score']}",
                dimension["shown_sd"],
                dimension["shown_score"],
                "\n".join(band_lines(dimension)),
            ]
    total, overall = rows["totaal"], expected["overall"]
    assert total[0] == str(expected["respondents"])
    if overall is None:
        assert total[1:] == ["te weinig respondenten"]
    else:
        assert [total[1], total[4]] == [overall["shown_mean"], overall["shown_score"]]


def test_download_all_offers_every_file_of_the_round(visit: Visit) -> None:
    page = start_round(visit)
    for number, chosen in enumerate(members(5), start=1):
        take_turn(page, number, chosen)
    page.click("[data-action=end-round]")
    page.wait_for_selector(".zelftest[data-round=ended]")
    names = []
    page.on("download", lambda download: names.append(download.suggested_filename))
    with page.expect_download():
        page.click("[data-action=download-round]")
    for _ in range(100):  # one after the other, a short pause apart
        if len(names) == 5:
            break
        page.wait_for_timeout(100)
    assert sorted(names) == [f"teamronde-team-{n}.json" for n in range(1, 6)]
    visit.assert_stayed_local()


def test_round_is_started_and_passed_on_with_the_keyboard_alone(plain_visit: Visit) -> None:
    page = plain_visit.open(PAGE)
    items = [item["id"] for item in cli_export("team")["items"]]
    plain_visit.wait_until_ready()
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.action") == "start-round":
            break
    else:
        pytest.fail("Tab never reached the button that starts a round")
    page.keyboard.press("Enter")
    page.wait_for_selector(".zelftest[data-round=running]")
    for number in (1, 2):
        # Focus on the message, then on to the button that hands the form to this member.
        page.keyboard.press("Tab")
        assert (
            page.evaluate("document.activeElement.textContent") == f"Begin als deelnemer {number}"
        )
        page.keyboard.press("Enter")
        for item_id in items:
            assert page.evaluate("document.activeElement.name") == item_id
            page.keyboard.press("ArrowRight")  # selects the second option of the group
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.type") == "submit"
        page.keyboard.press("Enter")
        page.wait_for_selector(f".zelftest-teamronde-melding:text-is('{SAVED.format(number)}')")
        assert page.evaluate(
            "document.activeElement.classList.contains('zelftest-teamronde-melding')"
        )
        assert_nothing_of_anyone_shown(page)
        # The top of the round is in view, just above the empty form.
        top = page.evaluate(
            "document.querySelector('.zelftest-teamronde').getBoundingClientRect().top"
        )
        assert 0 <= top < 200
    assert page.inner_text(".zelftest-teamronde-aantal").startswith("Bewaard: 2 deelnemers.")


def test_round_and_its_report_meet_wcag_on_a_phone(plain_visit: Visit) -> None:
    page = plain_visit.page
    page.set_viewport_size({"width": 360, "height": 740})
    start_round(plain_visit)
    take_turn(page, 1, members(1)[0])
    assert violations(plain_visit) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the page itself scrolls"
    for number, chosen in enumerate(members(5)[1:], start=2):
        take_turn(page, number, chosen)
    page.click("[data-action=end-round]")
    page.wait_for_selector(".zelftest[data-round=ended]")
    assert page.evaluate("document.activeElement.tagName") == "H3"
    assert violations(plain_visit) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the page itself scrolls"


def test_stopping_asks_first_and_then_wipes_the_round(visit: Visit) -> None:
    page = visit.open(PAGE)
    visit.wait_until_ready()
    # Someone's own result is on screen when the facilitator starts: it disappears.
    for item_id, value in members(2)[1].items():
        page.check(f"input[name='{item_id}'][value='{DONT_KNOW if value is None else value}']")
    page.click("button[type=submit]")
    page.wait_for_selector(".zelftest[data-result=shown]")
    page.click("[data-action=start-round]")
    assert_nothing_of_anyone_shown(page)
    take_turn(page, 1, members(1)[0])

    page.click("[data-action=stop-round]")
    question = page.wait_for_selector(".zelftest-teamronde-bevestigen p")
    assert "De antwoorden van 1 deelnemer worden gewist" in question.inner_text()
    assert page.evaluate(
        "document.activeElement === document.querySelector('.zelftest-teamronde-bevestigen p')"
    )
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past "Ja" to "Nee, ga terug"
    page.keyboard.press("Enter")
    assert page.is_hidden(".zelftest-teamronde-bevestigen")
    assert page.evaluate("document.activeElement.dataset.action") == "stop-round"
    assert page.get_attribute(".zelftest", "data-round") == "running"

    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "Ja, stop en wis de ronde"
    page.wait_for_selector(".zelftest[data-round=idle]")
    assert page.inner_text(".zelftest-teamronde-melding").startswith("De teamronde is gestopt.")
    assert page.is_visible("[data-action=start-round]")
    assert page.inner_text("button[type=submit]") == "Bereken mijn uitslag"
    assert_nothing_of_anyone_shown(page)
    visit.assert_stayed_local()


def test_closing_the_tab_during_a_round_asks_first(visit: Visit) -> None:
    page = start_round(visit)
    take_turn(page, 1, members(1)[0])
    dialogs = []

    def stay(dialog) -> None:
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    page.close(run_before_unload=True)
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]


def test_only_team_tests_offer_a_round_with_the_engines_catalog(visit: Visit) -> None:
    for assessment in load_all():
        page = visit.open(assessment.page.removesuffix(".md") + "/")
        catalog = page.query_selector("script.zelftest-catalogus")
        if not assessment.team_report:
            assert catalog is None and page.query_selector(".zelftest-teamronde") is None
            continue
        expected = json.loads(json.dumps(catalog_document([assessment])))
        assert json.loads(catalog.text_content()) == expected
        visit.wait_until_ready()
        assert page.is_visible("[data-action=start-round]")
