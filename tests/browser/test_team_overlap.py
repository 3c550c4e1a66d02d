"""Reports that overlap, on the Teamrapport page: warn and ask before a report of nearly the same people.

Two team reports whose people differ by 1 to 4 reveal those people's answers by subtraction. The
page remembers, on this device, the respondent keys of the reports it showed (the engine's
`remembered` text, never answers), under a key with the site's own path; the facilitator can drop
in earlier reports too. A report that replaces an earlier one is shown only after a click, and
says so on screen and on paper. Runs at the root (the tests marked subpath also under
/kennisbank/), behind a strict CSP.
"""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from assessments.browser import team_report_json
from assessments.display import date_text
from tests.browser.conftest import Visit
from tests.browser.test_team_pages import (
    EARLIER_INPUT,
    REPORT,
    TEAM_INPUT,
    cli,
    cli_bytes,
    cli_csv,
    cli_document,
    download,
    make_report,
    on_disk,
    payloads,
    settled,
    status,
    team_files,
)

pytestmark = pytest.mark.browser
FORGET = "[data-actie=vergeten]"
CONFIRM = "[data-actie=vervangen]"


def storage_key(visit: Visit) -> str:
    """Where the page keeps what it remembers: under the site's own path (dom.mjs siteKey)."""
    return f"vertrouwenswijzer:{urlparse(visit.server.url).path}:teamrapporten"


def remembered(page: Page, key: str) -> str | None:
    return page.evaluate("(key) => localStorage.getItem(key)", key)


def on_this_device() -> str:
    """How the engine names a report this device remembers, made today."""
    return f"een eerder rapport op dit apparaat ({date_text(date.today())})"


def test_the_same_people_but_one_are_shown_only_after_a_click_and_the_report_says_it_replaces(
    visit: Visit, tmp_path: Path
) -> None:
    files = team_files(6, tmp_path, seed=31)
    page = make_report(visit, files)
    first = json.loads(download(page, "json")[1])
    key = storage_key(visit)
    kept = remembered(page, key)
    assert kept is not None, "a report that is shown is remembered"
    # Keys only: no answers, no file names, no figures.
    assert all(respondent in kept for respondent in first["respondent_keys"])
    for absent in ("answers", "team-1.json", "dimensions"):
        assert absent not in kept

    # The same people but one: what the sixth person answered shows in the difference.
    page.set_input_files(TEAM_INPUT, payloads(files[:5]))
    assert settled(page) == "confirm", status(page)
    warning = page.inner_text(".team-waarschuwing")
    assert warning.startswith("Let op: dit rapport lijkt bijna op een eerder rapport")
    assert "kan uit het verschil de antwoorden van die paar mensen afleiden" in warning
    assert f"{on_this_device()}: 0 uitslagen erbij, 1 uitslag eraf, de rest hetzelfde." in warning
    assert page.evaluate("document.activeElement.classList.contains('teampagina-kop')")
    assert page.locator(".team-tabel").count() == 0, "no figure before the click"
    assert page.locator("[data-download]").count() == 0
    assert remembered(page, key) == kept, "nothing is remembered before the click"

    page.click(CONFIRM)
    assert settled(page) == "ready"
    notice = page.inner_text(".team-vervangt")
    assert notice.startswith(
        f"Dit rapport vervangt een eerder rapport van bijna dezelfde mensen: {on_this_device()}."
    )
    assert "viel er 1 uitslag af" in notice
    # The report is the CLI's for the same files that replaces the first report; only the
    # earlier report's name differs (here it is the one this device remembers).
    previous = tmp_path / "eerste.json"
    previous.write_text(json.dumps(first), encoding="utf-8")
    expected = cli_document(
        "team", files[:5], tmp_path, "--previous", str(previous), "--confirm-replaces"
    )
    assert expected["replaces"] == [{"source": "eerste.json", "added": 0, "removed": 1}]
    shown = json.loads(download(page, "json")[1])
    assert shown == {
        **expected,
        "replaces": [{**expected["replaces"][0], "source": on_this_device()}],
    }
    assert remembered(page, key) != kept, "the new report is remembered after the click"
    assert sorted(shown["respondent_keys"])[0] in (remembered(page, key) or "")

    # On paper, too, the report says what it replaces.
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    text = re.sub(r"\s+", " ", "\n".join(sheet.extract_text() for sheet in pdf.pages))
    assert "Dit rapport vervangt een eerder rapport" in text
    visit.assert_stayed_local()


@pytest.mark.subpath
def test_an_earlier_report_dropped_in_is_compared_as_the_cli_compares_it(
    visit: Visit, tmp_path: Path
) -> None:
    files = team_files(7, tmp_path, seed=41)
    earlier = ("rapport-maart.json", cli_bytes("team", *on_disk(files[:6], tmp_path)))
    page = visit.open(REPORT)
    page.set_input_files(EARLIER_INPUT, payloads([earlier]))
    page.wait_for_selector(".teampagina-status-tekst:has-text('Je koos alleen eerdere rapporten')")
    assert page.get_attribute(".teampagina", "data-state") == "idle"
    page.set_input_files(TEAM_INPUT, payloads(files))
    assert settled(page) == "confirm", status(page)
    assert "rapport-maart.json: 1 uitslag erbij, 0 uitslagen eraf" in page.inner_text(
        ".team-waarschuwing"
    )
    page.click(CONFIRM)
    assert settled(page) == "ready"

    previous = tmp_path / "rapport-maart.json"
    previous.write_bytes(earlier[1])
    options = ("--previous", str(previous), "--confirm-replaces")
    expected = cli_document("team", files, tmp_path, *options)
    assert expected["replaces"] == [{"source": "rapport-maart.json", "added": 1, "removed": 0}]
    assert json.loads(download(page, "json")[1]) == expected
    assert download(page, "csv")[1] == cli_csv("team", files, tmp_path, *options)
    # Without the confirmation the CLI refuses, as the page asks.
    done = cli("team", "--previous", str(previous), *on_disk(files, tmp_path))
    assert done.returncode == 2 and done.stderr.strip()


def test_an_unreadable_earlier_report_is_an_error_that_names_it(
    visit: Visit, tmp_path: Path
) -> None:
    page = visit.open(REPORT)
    page.set_input_files(EARLIER_INPUT, payloads([("oud.json", b"<b>geen rapport</b>")]))
    page.set_input_files(TEAM_INPUT, payloads(team_files(5, tmp_path, seed=43)))
    assert settled(page) == "error"
    assert "oud.json" in status(page)
    assert page.locator(".teampagina b").count() == 0


@pytest.mark.subpath
def test_forgetting_earlier_reports_wipes_what_this_device_remembers(
    visit: Visit, tmp_path: Path
) -> None:
    files = team_files(6, tmp_path, seed=51)
    page = make_report(visit, files)
    key = storage_key(visit)
    assert remembered(page, key) is not None
    page.click(FORGET)
    assert remembered(page, key) is None
    assert page.inner_text(".teampagina-geheugen-melding") == (
        "De eerdere rapporten zijn vergeten op dit apparaat."
    )
    assert page.locator(".team-tabel").count() == 1, "the report on screen stays"
    # Nothing remembered: the same people but one make a report without a warning.
    page.set_input_files(TEAM_INPUT, payloads(files[:5]))
    assert settled(page) == "ready"
    assert page.locator(".team-vervangt").count() == 0


@pytest.mark.parametrize(
    "broken",
    ["{kapot", '{"format": "iets anders"}', '{"format": "vertrouwenswijzer-rapportsleutels"}'],
    ids=["not-json", "other-format", "no-reports"],
)
def test_a_remembered_text_that_cannot_be_read_is_left_as_it_is_and_said_in_dutch(
    visit: Visit, tmp_path: Path, broken: str
) -> None:
    key = storage_key(visit)
    visit.page.add_init_script(f"localStorage.setItem({json.dumps(key)}, {json.dumps(broken)})")
    page = visit.open(REPORT)
    page.set_input_files(TEAM_INPUT, payloads(team_files(5, tmp_path, seed=53)))
    assert settled(page) == "error"
    catalog = page.text_content("script.team-catalogus") or ""
    engine = json.loads(team_report_json(catalog, [], [], broken))
    assert engine["stored_unreadable"] is True
    assert status(page) == (
        f"{engine['error']} Er is niets veranderd aan wat op dit apparaat bewaard is. Wil je het "
        "wissen? Kies dan \u2018Vergeet eerdere rapporten op dit apparaat\u2019. Daarna maakt de "
        "pagina het rapport opnieuw."
    )
    assert remembered(page, key) == broken
    assert page.locator(".team-tabel").count() == 0

    # Forgetting it makes the report after all.
    page.click(FORGET)
    assert settled(page) == "ready"
    kept = remembered(page, key)
    assert kept is not None and kept != broken
