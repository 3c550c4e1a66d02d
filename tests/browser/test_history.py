"""Results over time on this device: kept only on request, keyed by the site's path, checked on import.

Runs against the site at the root (the tests marked subpath also under /kennisbank/), behind a
strict CSP, with every host but 127.0.0.1 unreachable.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page

from assessments.files import load_all
from assessments.history import history_document
from tests.browser.conftest import Visit, _visit, cli_export
from tests.browser.test_accessibility import violations
from tools.serve import STRICT_CSP, SiteServer, serving

pytestmark = pytest.mark.browser
PAGE = "zelftests/persoonlijk/"
SECTION = ".zelftest-geschiedenis"
PERSOONLIJK = next(a for a in load_all() if a.id == "persoonlijk")


@pytest.fixture()
def other_device(browser: Browser, server: SiteServer) -> Iterator[Visit]:
    """A second, fresh browser context: another device with nothing kept."""
    yield from _visit(browser, server)


def items() -> list[dict]:
    return cli_export("persoonlijk")["items"]


def first_answers() -> dict[str, int]:
    return {item["id"]: 3 for item in items()}


def second_answers() -> dict[str, int]:
    """One item of the first dimension a step up (a small change), the second dimension all 5."""
    chosen = first_answers()
    dimensions = [item["dimension"] for item in items()]
    first = next(item for item in items() if not item["reverse"])
    chosen[first["id"]] = 4
    for item in items():
        if item["dimension"] == dimensions[-1]:
            chosen[item["id"]] = 1 if item["reverse"] else 5
    return chosen


def submit(visit: Visit, answers: dict[str, int]) -> None:
    """Answer and submit; wait until this submission's result (with its save button) is shown."""
    page = visit.page
    previous = page.query_selector("[data-action=save-history]")
    for item_id, value in answers.items():
        page.check(f"input[name='{item_id}'][value='{value}']")
    visit.wait_until_ready()
    page.click("button[type=submit]")
    if previous is not None:
        page.wait_for_function("button => !button.isConnected", arg=previous)
    page.wait_for_selector(".zelftest[data-result=shown] [data-action=save-history]")


def keep(visit: Visit, rows: int) -> None:
    """Choose 'Bewaar deze uitslag op dit apparaat' and wait until the history has this many rows."""
    visit.page.click("[data-action=save-history]")
    wait_for_rows(visit.page, rows)
    assert "is bewaard op dit apparaat" in visit.page.inner_text(".zelftest-bewaar-melding")


def wait_for_rows(page: Page, rows: int) -> None:
    page.wait_for_function(
        "n => document.querySelectorAll('.zelftest-geschiedenis tbody tr').length === n", arg=rows
    )


def storage(page: Page) -> dict[str, dict[str, str]]:
    return page.evaluate("() => ({local: {...localStorage}, session: {...sessionStorage}})")


def key_for(server_url: str) -> str:
    return f"vertrouwenswijzer:{urlparse(server_url).path}:geschiedenis:persoonlijk"


def kept_results(visit: Visit) -> list[dict]:
    value = storage(visit.page)["local"][key_for(visit.server.url)]
    document = json.loads(value)
    assert (document["format"], document["format_version"]) == ("vertrouwenswijzer-geschiedenis", 1)
    return document["results"]


def shown_table(page: Page) -> list[list[str]]:
    return [
        [cell.inner_text().strip() for cell in row.query_selector_all("th, td")][:-1]
        for row in page.query_selector_all(f"{SECTION} tbody tr")
    ]


def message(page: Page) -> str:
    return page.inner_text(f"{SECTION} .zelftest-geschiedenis-melding")


def test_nothing_is_stored_without_the_opt_in(visit: Visit) -> None:
    visit.open(PAGE)
    submit(visit, first_answers())
    visit.page.wait_for_selector(f"{SECTION}[data-history=leeg]")
    kept = storage(visit.page)
    ids = [item["id"] for item in items()]
    for area in ("local", "session"):
        for key, value in kept[area].items():
            assert "vertrouwenswijzer" not in key, (area, key)
            assert not any(item_id in value for item_id in ids), (area, key)
    assert visit.page.evaluate("indexedDB.databases().then(list => list.length)") == 0
    assert visit.page.evaluate("caches.keys().then(list => list.length)") == 0
    visit.assert_stayed_local()


def test_a_kept_result_is_under_a_key_with_the_site_path(visit: Visit) -> None:
    visit.open(PAGE)
    submit(visit, first_answers())
    keep(visit, 1)
    ours = [key for key in storage(visit.page)["local"] if key.startswith("vertrouwenswijzer")]
    assert ours == [key_for(visit.server.url)]
    assert visit.server.prefix in ours[0]
    results = kept_results(visit)
    assert [result["answers"] for result in results] == [first_answers()]
    assert not any("vertrouwenswijzer" in key for key in storage(visit.page)["session"])
    visit.assert_stayed_local()


@pytest.mark.subpath
def test_two_results_show_in_order_with_dates_and_the_engines_change_text(visit: Visit) -> None:
    page = visit.open(PAGE)
    submit(visit, first_answers())
    keep(visit, 1)
    assert "één uitslag bewaard" in page.inner_text(SECTION)
    submit(visit, second_answers())
    keep(visit, 2)

    results = kept_results(visit)
    expected = history_document(results, PERSOONLIJK)
    assert [
        row.get_attribute("data-id") for row in page.query_selector_all(f"{SECTION} tbody tr")
    ] == [entry["id"] for entry in expected["entries"]]
    table = shown_table(page)
    for row, entry in zip(table, expected["entries"], strict=True):
        assert row[0] == entry["created_short"]
        positions = [d["position"] for d in entry["dimensions"]] + [entry["overall"]["position"]]
        assert row[1:] == [str(position) for position in positions]

    changes = expected["changes"]
    assert {change["meaningful"] for change in changes} == {True, False}
    for change in changes:
        line = page.locator(f"{SECTION} li[data-dimensie='{change['dimension']}']")
        assert line.get_attribute("data-meaningful") == str(change["meaningful"]).lower()
        text = line.inner_text()
        assert f"van {change['from_shown']} naar {change['to_shown']}" in text
        if change["meaningful"]:
            assert "Dat verschil telt" in text
        else:
            assert "binnen de vuistregel van 0,7 schaalpunt" in text
    charts = page.query_selector_all(f"{SECTION} svg[role=img]")
    assert len(charts) == len(PERSOONLIJK.dimensions)
    assert all(
        "Dezelfde cijfers staan in de tabel" in c.get_attribute("aria-label") for c in charts
    )
    visit.assert_stayed_local()


def test_one_result_can_be_removed_and_everything_wiped(visit: Visit) -> None:
    page = visit.open(PAGE)
    submit(visit, first_answers())
    keep(visit, 1)
    submit(visit, second_answers())
    keep(visit, 2)
    first, second = (result["id"] for result in kept_results(visit))

    page.click(f"{SECTION} tbody tr[data-id='{first}'] [data-action=remove-history]")
    wait_for_rows(page, 1)
    assert [result["id"] for result in kept_results(visit)] == [second]
    assert "is verwijderd" in message(page)

    page.click("[data-action=clear-history]")
    assert page.evaluate("document.activeElement.dataset.action") == "confirm-clear-history"
    page.click("[data-action=cancel-clear-history]")
    assert [result["id"] for result in kept_results(visit)] == [second]
    page.click("[data-action=clear-history]")
    page.click("[data-action=confirm-clear-history]")
    page.wait_for_selector(f"{SECTION}[data-history=leeg]")
    assert key_for(visit.server.url) not in storage(page)["local"]
    assert "zijn gewist" in message(page)
    visit.assert_stayed_local()


def test_export_and_import_on_another_device_restore_the_history(
    visit: Visit, other_device: Visit
) -> None:
    page = visit.open(PAGE)
    submit(visit, first_answers())
    keep(visit, 1)
    submit(visit, second_answers())
    keep(visit, 2)
    with page.expect_download() as waiting:
        page.click("[data-action=export-history]")
    download = waiting.value
    assert download.suggested_filename.startswith("vertrouwenswijzer-persoonlijk-geschiedenis-")
    exported = Path(download.path())

    there = other_device.open(PAGE)
    there.wait_for_selector(f"{SECTION}[data-history=leeg]")
    assert key_for(other_device.server.url) not in storage(there)["local"]
    there.set_input_files("[data-action=import-history]", str(exported))
    wait_for_rows(there, 2)
    assert shown_table(there) == shown_table(page)
    assert there.inner_text(".zelftest-veranderingen") == page.inner_text(".zelftest-veranderingen")
    assert kept_results(other_device) == kept_results(visit)
    assert "2 uitslagen ingelezen" in message(there)
    other_device.assert_stayed_local()


def test_a_tampered_import_is_refused_and_what_was_kept_stays(visit: Visit) -> None:
    page = visit.open(PAGE)
    submit(visit, first_answers())
    keep(visit, 1)
    before = storage(page)["local"][key_for(visit.server.url)]
    tampered = json.loads(before)
    tampered["results"][0]["id"] = "f" * 32
    tampered["results"][0]["dimensions"][0]["score"] = 100.0
    tampered["results"][0]["dimensions"][0]["title"] = "<img src=x onerror=alert(1)>"
    name = "<img src=x onerror=alert(1)>.json"
    data = json.dumps(tampered).encode("utf-8")
    files = {"name": name, "mimeType": "application/json", "buffer": data}
    page.set_input_files("[data-action=import-history]", files=files)
    page.wait_for_selector(f"{SECTION} .zelftest-geschiedenis-melding[data-soort=fout]")
    text = message(page)
    assert "is niet ingelezen" in text and "niet kloppen met de antwoorden" in text
    assert "Er is niets veranderd." in text
    assert name in text  # shown as text, not as markup
    assert page.query_selector(f"{SECTION} img") is None
    assert storage(page)["local"][key_for(visit.server.url)] == before
    wait_for_rows(page, 1)
    visit.assert_stayed_local()


def test_a_broken_stored_value_shows_a_dutch_message_and_stays_as_it_is(visit: Visit) -> None:
    key = key_for(visit.server.url)
    # As if someone edited the stored value by hand before the page was opened.
    visit.page.add_init_script(f"localStorage.setItem({json.dumps(key)}, '{{kapot')")
    page = visit.open(PAGE)
    page.wait_for_selector(f"{SECTION}[data-history=fout]")
    assert message(page).startswith("De opslag van deze test in deze browser is geen geldige JSON")
    assert "Wis alles" in message(page)
    submit(visit, first_answers())
    page.click("[data-action=save-history]")
    page.wait_for_function(
        "() => document.querySelector('.zelftest-bewaar-melding').textContent.includes('niets veranderd')"
    )
    assert storage(page)["local"][key] == "{kapot"
    page.click("[data-action=clear-history]")
    page.click("[data-action=confirm-clear-history]")
    page.wait_for_selector(f"{SECTION}[data-history=leeg]")
    assert key not in storage(page)["local"]
    visit.assert_stayed_local()


@pytest.mark.parametrize("kind", ["101 uitslagen", "een lange tekst"])
def test_unreadable_kept_results_can_still_be_exported_as_they_are(visit: Visit, kind: str) -> None:
    """Nothing valid is lost: a kept history the engine refuses (too many results, too large)
    is shown as an error, and 'Exporteer' saves its text unchanged before anything is wiped."""
    page = visit.open(PAGE)
    submit(visit, first_answers())
    keep(visit, 1)
    key = key_for(visit.server.url)
    kept = json.loads(storage(page)["local"][key])
    if kind == "101 uitslagen":
        kept["results"] = kept["results"] * 101
    else:
        kept["extra"] = "x" * 3_000_000
    text = json.dumps(kept)
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [key, text])
    page.reload()
    page.wait_for_selector(f"{SECTION}[data-history=fout]")
    assert page.is_visible("[data-action=export-history]")
    with page.expect_download() as waiting:
        page.click("[data-action=export-history]")
    assert Path(waiting.value.path()).read_text("utf-8") == text
    assert storage(page)["local"][key] == text
    visit.assert_stayed_local()


def test_the_history_has_no_wcag_violations(plain_visit: Visit) -> None:
    page = plain_visit.open(PAGE)
    submit(plain_visit, first_answers())
    keep(plain_visit, 1)
    submit(plain_visit, second_answers())
    keep(plain_visit, 2)
    page.click("[data-action=clear-history]")  # the confirmation is part of the section too
    assert violations(plain_visit) == []


def test_the_history_works_with_the_keyboard_alone(plain_visit: Visit) -> None:
    page = plain_visit.open(PAGE)
    submit(plain_visit, first_answers())

    def tab_to(action: str) -> None:
        for _ in range(300):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.dataset.action") == action:
                return
        pytest.fail(f"Tab never reached {action}")

    tab_to("save-history")
    page.keyboard.press("Enter")
    wait_for_rows(page, 1)
    tab_to("remove-history")
    tab_to("export-history")
    tab_to("import-history")
    tab_to("clear-history")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.dataset.action") == "confirm-clear-history"
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.dataset.action") == "clear-history"
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.wait_for_selector(f"{SECTION}[data-history=leeg]")
    assert not any(key.startswith("vertrouwenswijzer") for key in storage(page)["local"])


def test_the_history_fits_a_360px_screen(visit: Visit) -> None:
    page = visit.page
    page.set_viewport_size({"width": 360, "height": 740})
    visit.open(PAGE)
    submit(visit, first_answers())
    keep(visit, 1)
    submit(visit, second_answers())
    keep(visit, 2)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the page itself scrolls"
    for chart in page.query_selector_all(f"{SECTION} svg"):
        box = chart.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360


def test_two_copies_of_the_site_on_one_origin_keep_apart(
    browser: Browser, site: Path, tmp_path: Path
) -> None:
    # One host, one origin: the site at / and a second copy at /kennisbank/.
    root = tmp_path / "host"
    root.mkdir()
    for entry in site.iterdir():
        (root / entry.name).symlink_to(entry)
    (root / "kennisbank").symlink_to(site)
    with serving(root, csp=STRICT_CSP) as server:
        context = browser.new_context(locale="nl-NL")
        try:
            page = context.new_page()
            for prefix, answers in (("", first_answers()), ("kennisbank/", second_answers())):
                visit = Visit(page, server)
                visit.open(prefix + PAGE)
                submit(visit, answers)
                keep(visit, 1)
            keys = sorted(k for k in storage(page)["local"] if k.startswith("vertrouwenswijzer"))
            assert keys == [
                "vertrouwenswijzer:/:geschiedenis:persoonlijk",
                "vertrouwenswijzer:/kennisbank/:geschiedenis:persoonlijk",
            ]
            page.goto(server.url + PAGE)
            wait_for_rows(page, 1)
        finally:
            context.close()
