"""The form in every state a reader meets: wide and narrow screens, a reload, Back (also from the
browser's back/forward cache), a changed answer after a result, no JavaScript, a page opened from
disk, and a module that does not start.

Item ids, answer values and texts come from the page, the definition and teksten.mjs, never
from this file: the definitions may change without these tests changing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright

from tests.browser.conftest import Visit, _visit
from tests.browser.test_accessibility import AXE, WCAG_21_AA, violations
from tools.chromium import CHROMIUM_FLAGS, chromium_path
from tools.serve import SiteServer
from vwmarkdown.render import TEXTS_FILE, script_free_texts

pytestmark = pytest.mark.browser
PAGE = "zelftests/persoonlijk/"
TEAM_PAGE = "zelftests/team/"
#: The texts for where the module does not run, as the build reads them from teksten.mjs.
NO_SCRIPT = script_free_texts(TEXTS_FILE)
#: What the reader sees of a result that no longer fits the answers, and above a restored draft.
STALE_NOTE = "Je hebt een antwoord veranderd. Deze uitslag hoort bij je vorige antwoorden."
RESTORED_NOTE = "Je antwoorden van eerder in dit tabblad staan er weer."


def definition(page: Page) -> dict:
    """The definition the page scores with (embedded by the build)."""
    return json.loads(page.text_content("script.zelftest-definitie") or "")


def scale_values(page: Page) -> tuple[list[str], str]:
    """The radio values of the scale in scale order, and the value of "weet ik niet"."""
    options = sorted(definition(page)["scale"]["options"], key=lambda option: option["value"])
    dont_know = page.get_attribute("form.zelftest-formulier", "data-weet-niet") or ""
    return [str(option["value"]) for option in options], dont_know


def item_ids(page: Page) -> list[str]:
    return [item["id"] for item in definition(page)["items"]]


def radio_boxes(page: Page, item_id: str) -> dict[str, dict]:
    """Each radio of one question by value: its box on the screen."""
    boxes = {}
    for radio in page.query_selector_all(f"input[type=radio][name='{item_id}']"):
        box = radio.bounding_box()
        assert box is not None
        boxes[radio.get_attribute("value") or ""] = box
    return boxes


def separation(
    labels: dict[str, dict], scale: list[str], dont_know: str, axis: str
) -> tuple[float, float]:
    """Along axis ("x": a row, "y": a column): the space before 'weet ik niet', and the widest
    space between two answers of the scale."""
    size = "width" if axis == "x" else "height"

    def end(value: str) -> float:
        return labels[value][axis] + labels[value][size]

    gaps = [labels[after][axis] - end(before) for before, after in pairwise(scale)]
    return labels[dont_know][axis] - end(scale[-1]), max(gaps)


def label_boxes(page: Page, item_id: str) -> dict[str, dict]:
    """Each option's label of one question by value: its box on the screen."""
    boxes = {}
    for label in page.query_selector_all(f"fieldset[data-item='{item_id}'] label"):
        box = label.bounding_box()
        assert box is not None
        boxes[label.query_selector("input").get_attribute("value") or ""] = box
    return boxes


def answer(page: Page, answers: dict[str, str]) -> None:
    for item_id, value in answers.items():
        page.click(f"fieldset[data-item='{item_id}'] label:has(input[value='{value}'])")


def checked(page: Page) -> dict[str, str]:
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll(
             "form.zelftest-formulier input[type=radio]:checked")].map((r) => [r.name, r.value]))"""
    )


def draft_keys(page: Page) -> list[str]:
    return page.evaluate("() => Object.keys(sessionStorage).filter((k) => k.includes(':concept:'))")


def progress(page: Page) -> str:
    return page.inner_text(".zelftest-voortgang")


def started(page: Page) -> None:
    """Wait until the module has set up the form (and put back any draft)."""
    page.wait_for_selector(".zelftest[data-script] .zelftest-voortgang")


def reload(visit: Visit) -> None:
    """Reload once the engine has loaded (a reload mid-download counts as a failed request)."""
    visit.wait_until_ready()
    visit.page.reload()
    started(visit.page)


def compute(visit: Visit) -> None:
    """Choose 'Bereken mijn uitslag' and wait for this computation's (fresh) result."""
    page = visit.page
    previous = page.query_selector(".zelftest-uitslag-inhoud > *")
    visit.wait_until_ready()
    page.click("button[type=submit]")
    if previous is not None:
        page.wait_for_function("node => !node.isConnected", arg=previous)
    page.wait_for_selector(".zelftest[data-result=shown] .zelftest-uitslag-inhoud > *")


# ---- Scale order ----


@pytest.mark.parametrize("path", [PAGE, TEAM_PAGE])
def test_options_form_one_row_in_scale_order_on_a_wide_screen(visit: Visit, path: str) -> None:
    page = visit.page
    page.set_viewport_size({"width": 1280, "height": 900})
    visit.open(path)
    scale, dont_know = scale_values(page)
    for item_id in item_ids(page):
        radios = radio_boxes(page, item_id)
        assert list(radios) == [*scale, dont_know], "the options are not in scale order"
        tops = {round(box["y"]) for box in radios.values()}
        assert len(tops) == 1, f"{item_id}: the options are not on one row: {tops}"
        lefts = [radios[value]["x"] for value in [*scale, dont_know]]
        assert lefts == sorted(lefts) and len(set(lefts)) == len(lefts)
        apart, widest = separation(label_boxes(page, item_id), scale, dont_know, "x")
        assert apart > widest + 8, f"{item_id}: 'weet ik niet' is not set apart"


@pytest.mark.parametrize("width", [360, 640])  # a phone, and 1280 pixels at 200% zoom
def test_options_form_one_column_in_scale_order_on_a_narrow_screen(
    visit: Visit, width: int
) -> None:
    page = visit.page
    page.set_viewport_size({"width": width, "height": 800})
    visit.open(PAGE)
    scale, dont_know = scale_values(page)
    for item_id in item_ids(page):
        radios = radio_boxes(page, item_id)
        lefts = {round(box["x"]) for box in radios.values()}
        assert len(lefts) == 1, f"{item_id}: the options are not in one column: {lefts}"
        tops = [radios[value]["y"] for value in [*scale, dont_know]]
        assert tops == sorted(tops) and len(set(tops)) == len(tops)
        apart, widest = separation(label_boxes(page, item_id), scale, dont_know, "y")
        assert apart > widest + 4, f"{item_id}: 'weet ik niet' is not set apart"
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls"


# ---- Drafts ----


def test_a_draft_survives_a_reload_and_is_gone_after_wis_mijn_antwoorden(visit: Visit) -> None:
    page = visit.open(PAGE)
    started(page)
    items = item_ids(page)
    scale, dont_know = scale_values(page)
    chosen = {items[0]: scale[0], items[1]: dont_know, items[2]: scale[-1]}
    answer(page, chosen)
    version = page.get_attribute(".zelftest", "data-version")
    assert draft_keys(page) == [
        f"vertrouwenswijzer:{visit.server.prefix}:concept:persoonlijk:{version}"
    ]

    reload(visit)
    assert checked(page) == chosen
    assert progress(page) == f"3 van {len(items)} beantwoord"
    assert RESTORED_NOTE in page.inner_text(".zelftest-concept")

    # "Nee, ga terug" keeps everything; "Ja" empties the form and the draft.
    page.click("[data-action=clear-form]")
    assert page.evaluate("document.activeElement.closest('.zelftest-wissen-bevestigen') !== null")
    page.click("[data-action=cancel-clear]")
    assert page.is_hidden(".zelftest-wissen-bevestigen")
    assert checked(page) == chosen
    page.click("[data-action=clear-form]")
    page.click("[data-action=confirm-clear]")
    assert checked(page) == {}
    assert progress(page) == f"0 van {len(items)} beantwoord"
    assert page.inner_text(".zelftest-gewist") == "Je antwoorden zijn gewist."
    assert page.query_selector(".zelftest-concept") is None
    assert draft_keys(page) == []

    reload(visit)
    assert checked(page) == {}
    assert progress(page) == f"0 van {len(items)} beantwoord"
    visit.assert_stayed_local()


def test_a_draft_is_gone_once_the_result_is_shown(visit: Visit) -> None:
    page = visit.open(PAGE)
    started(page)
    scale, _ = scale_values(page)
    answer(page, dict.fromkeys(item_ids(page), scale[1]))
    assert draft_keys(page) != []
    compute(visit)
    assert draft_keys(page) == []
    reload(visit)
    assert checked(page) == {}
    visit.assert_stayed_local()


@pytest.mark.parametrize(
    "stored",
    [
        "{not json",
        "null",
        "[1, 2]",
        '{"answers": [1, 2]}',
        '{"answers": {"bestaat-niet": "3", "__proto__": {"x": 1}}}',
        '{"answers": {"ITEM": "99"}}',
        '{"answers": {"ITEM": 3}}',
    ],
)
def test_a_damaged_draft_is_ignored_and_the_form_works(visit: Visit, stored: str) -> None:
    page = visit.open(PAGE)
    started(page)
    items = item_ids(page)
    scale, _ = scale_values(page)
    answer(page, {items[0]: scale[0]})
    [key] = draft_keys(page)
    page.evaluate(
        "([key, value]) => sessionStorage.setItem(key, value)",
        [key, stored.replace("ITEM", items[0])],
    )
    reload(visit)
    assert checked(page) == {}
    assert progress(page) == f"0 van {len(items)} beantwoord"
    answer(page, {items[1]: scale[-1]})
    assert progress(page) == f"1 van {len(items)} beantwoord"
    assert json.loads(page.evaluate("k => sessionStorage.getItem(k)", key)) == {
        "answers": {items[1]: scale[-1]}
    }
    visit.wait_until_ready()
    visit.assert_stayed_local()


def test_without_storage_the_form_still_scores(visit: Visit) -> None:
    # A private window or a policy: every use of sessionStorage throws.
    visit.page.context.add_init_script(
        "Object.defineProperty(window, 'sessionStorage', {get() {"
        " throw new DOMException('geweigerd', 'SecurityError'); }});"
    )
    page = visit.open(PAGE)
    started(page)
    scale, _ = scale_values(page)
    answer(page, dict.fromkeys(item_ids(page), scale[2]))
    compute(visit)
    assert page.is_visible(".zelftest-tabel")
    visit.assert_stayed_local()


def test_a_team_round_keeps_no_draft_of_anyone(visit: Visit) -> None:
    page = visit.open(TEAM_PAGE)
    started(page)
    items = item_ids(page)
    scale, _ = scale_values(page)
    answer(page, {items[0]: scale[0]})  # the facilitator's own answer, before the round
    assert draft_keys(page) != []
    visit.wait_until_ready()
    page.click("[data-action=start-round]")
    page.wait_for_selector(".zelftest[data-round=running]")
    assert draft_keys(page) == [], "a draft stayed when the round began"
    answer(page, dict.fromkeys(items, scale[-1]))  # a member's turn, not yet saved
    assert draft_keys(page) == []
    page.click("button[type=submit]")
    page.wait_for_selector(".zelftest-teamronde-melding:has-text('deelnemer 1')")
    answer(page, {items[0]: scale[1]})  # the next member
    assert draft_keys(page) == []
    assert page.evaluate("Object.keys(sessionStorage)") == []
    visit.assert_stayed_local()


# ---- Back, with and without the back/forward cache ----

#: Records each pageshow's `persisted` on the page: true when Back showed it from the cache.
RECORD_PAGESHOW = """
window.__pageshows = [];
addEventListener("pageshow", (event) => window.__pageshows.push(event.persisted));
"""


@pytest.fixture(scope="module")
def browser_with_bfcache(playwright: Playwright) -> Iterator[Browser]:
    """Chromium with its back/forward cache on, as readers have it (Playwright turns it off)."""
    executable = chromium_path()
    if executable is None:
        pytest.fail("Chromium not found: run 'make test', which installs Debian's chromium")
    launched = playwright.chromium.launch(
        executable_path=executable,
        args=CHROMIUM_FLAGS,
        ignore_default_args=["--disable-back-forward-cache"],
    )
    yield launched
    launched.close()


@pytest.fixture()
def cached_visit(browser_with_bfcache: Browser, server: SiteServer) -> Iterator[Visit]:
    yield from _visit(browser_with_bfcache, server)


def leave_and_come_back(visit: Visit) -> None:
    """Go to the home page by its link, then press Back; wait until the page is shown again."""
    page = visit.page
    visit.wait_until_ready()  # leaving mid-download would count as failed requests
    page.click("a.md-header__button.md-logo")
    page.wait_for_load_state("networkidle")
    # A page from the cache fires no "load" again: wait for the navigation, then its pageshow.
    page.go_back(wait_until="commit")
    page.wait_for_function("() => window.__pageshows && window.__pageshows.length > 0")


def shown_from_cache(page: Page) -> None:
    """Fail, with Chromium's reasons, unless Back showed the page from the back/forward cache."""
    if page.evaluate("window.__pageshows") == [False, True]:
        return
    reasons = page.evaluate(
        "JSON.stringify(performance.getEntriesByType('navigation')[0].notRestoredReasons)"
    )
    pytest.fail(f"Back did not use the back/forward cache: {reasons}")


def test_back_to_a_result_from_the_cache_shows_neither_the_result_nor_the_answers(
    cached_visit: Visit,
) -> None:
    # A shared device: someone saw their result and went on; the next person presses Back.
    page = cached_visit.page
    page.context.add_init_script(RECORD_PAGESHOW)
    cached_visit.open(PAGE)
    started(page)
    items = item_ids(page)
    scale, _ = scale_values(page)
    answer(page, dict.fromkeys(items, scale[1]))
    compute(cached_visit)
    assert page.is_visible(".zelftest-tabel")

    leave_and_come_back(cached_visit)
    shown_from_cache(page)
    assert checked(page) == {}
    assert page.get_attribute(".zelftest", "data-result") is None
    assert page.is_hidden(".zelftest-uitslag")
    assert page.query_selector(".zelftest-uitslag-inhoud > *") is None
    assert progress(page) == f"0 van {len(items)} beantwoord"
    assert page.query_selector(".zelftest-concept") is None
    assert draft_keys(page) == []
    # The form works on as after a reload.
    answer(page, dict.fromkeys(items, scale[2]))
    compute(cached_visit)
    assert page.is_visible(".zelftest-tabel")
    cached_visit.assert_stayed_local()


def test_back_to_unfinished_answers_from_the_cache_puts_back_the_draft_as_a_reload_does(
    cached_visit: Visit,
) -> None:
    page = cached_visit.page
    page.context.add_init_script(RECORD_PAGESHOW)
    cached_visit.open(PAGE)
    started(page)
    items = item_ids(page)
    scale, dont_know = scale_values(page)
    chosen = {items[0]: scale[0], items[1]: dont_know, items[2]: scale[-1]}
    answer(page, chosen)

    leave_and_come_back(cached_visit)
    shown_from_cache(page)
    assert checked(page) == chosen
    assert progress(page) == f"3 van {len(items)} beantwoord"
    assert RESTORED_NOTE in page.inner_text(".zelftest-concept")
    assert len(page.query_selector_all(".zelftest-concept")) == 1
    assert len(draft_keys(page)) == 1
    cached_visit.assert_stayed_local()


def test_back_without_the_cache_brings_back_no_answers_of_the_browsers_own(
    visit: Visit,
) -> None:
    # Without the cache, Back loads the page again; the browser would fill in the radios as they
    # were (form state restoration) but for the form's autocomplete="off".
    page = visit.page
    page.context.add_init_script(RECORD_PAGESHOW)
    visit.open(PAGE)
    started(page)
    scale, _ = scale_values(page)
    answer(page, dict.fromkeys(item_ids(page), scale[1]))
    compute(visit)
    leave_and_come_back(visit)
    assert page.evaluate("window.__pageshows") == [False]  # a new page, not the cached one
    started(page)
    assert checked(page) == {}
    assert page.is_hidden(".zelftest-uitslag")
    visit.assert_stayed_local()


# ---- A changed answer after a result ----


def test_a_changed_answer_marks_the_result_out_of_date_until_it_is_computed_again(
    visit: Visit,
) -> None:
    page = visit.open(PAGE)
    started(page)
    items = item_ids(page)
    scale, _ = scale_values(page)
    answer(page, dict.fromkeys(items, scale[1]))
    compute(visit)
    result = ".zelftest-uitslag"
    buttons = f"{result} [data-actie], {result} [data-action=save-history]"
    assert page.get_attribute(result, "data-stale") is None
    assert page.is_hidden(".zelftest-verouderd")
    assert len(page.query_selector_all(buttons)) >= 4
    assert all(button.is_enabled() for button in page.query_selector_all(buttons))

    answer(page, {items[0]: scale[2]})
    assert page.get_attribute(result, "data-stale") == "true"
    assert page.is_visible(".zelftest-verouderd")
    assert page.inner_text(".zelftest-verouderd").startswith(STALE_NOTE)
    assert all(button.is_disabled() for button in page.query_selector_all(buttons))
    # On paper: only the note, never the out-of-date figures.
    page.emulate_media(media="print")
    assert page.is_visible(".zelftest-verouderd")
    assert page.is_hidden(".zelftest-tabel") and page.is_hidden(".zelftest-uitslag-inhoud")
    page.emulate_media(media="screen")

    compute(visit)
    assert page.get_attribute(result, "data-stale") is None
    assert page.is_hidden(".zelftest-verouderd")
    assert all(button.is_enabled() for button in page.query_selector_all(buttons))
    page.emulate_media(media="print")
    assert page.is_visible(".zelftest-tabel")
    visit.assert_stayed_local()


def test_an_out_of_date_result_has_no_wcag_violations(plain_visit: Visit) -> None:
    page = plain_visit.open(PAGE)
    started(page)
    items = item_ids(page)
    scale, _ = scale_values(page)
    answer(page, dict.fromkeys(items, scale[1]))
    compute(plain_visit)
    answer(page, {items[0]: scale[2]})
    page.wait_for_selector(".zelftest-uitslag[data-stale=true]")
    page.click("[data-action=clear-form]")  # and the question of "Wis mijn antwoorden"
    assert violations(plain_visit) == []


# ---- Without JavaScript ----


@pytest.mark.parametrize("path", [PAGE, TEAM_PAGE])
def test_without_javascript_the_page_says_so_once_and_shows_no_dead_button(
    browser: Browser, server: SiteServer, path: str
) -> None:
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.goto(server.url + path)
    assert page.inner_text(".zelftest-status").strip() == NO_SCRIPT["zonderJavaScript"]
    text = page.inner_text("article")
    assert text.count(NO_SCRIPT["zonderJavaScript"]) == 1
    assert "wordt geladen" not in text and "Bereken mijn uitslag" not in text
    assert page.query_selector_all(".zelftest button:visible, .zelftest [role=button]") == []
    assert (
        page.query_selector(".zelftest-voortgang, .zelftest-teamronde, .zelftest-uitslag") is None
    )
    assert len(page.query_selector_all("fieldset.zelftest-vraag")) == len(item_ids(page))
    # axe needs script (its checks wait on timers), so it checks a copy of this page as the
    # reader without JavaScript gets it: every script taken out, the noscript text shown.
    static = re.sub(r"<script\b.*?</script>", "", page.content(), flags=re.DOTALL)
    static = static.replace("<noscript>", "<div>").replace("</noscript>", "</div>")
    context.close()
    checking = browser.new_context(locale="nl-NL")
    copy = checking.new_page()
    copy.route(
        server.url + path, lambda route: route.fulfill(body=static, content_type="text/html")
    )
    copy.goto(server.url + path)
    assert copy.inner_text(".zelftest-status").strip() == NO_SCRIPT["zonderJavaScript"]
    copy.add_script_tag(path=str(AXE))
    found = copy.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => v.id))",
        WCAG_21_AA,
    )
    assert found == []
    checking.close()


# ---- Opened from disk, or a module that does not start ----


def from_disk(site: Path, path: str) -> str:
    return (site / path / "index.html").as_uri()


def test_opened_from_disk_the_form_says_to_use_a_web_server(browser: Browser, site: Path) -> None:
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.goto(from_disk(site, PAGE))
    page.wait_for_selector(".zelftest[data-state=error]", timeout=5_000)
    status = page.inner_text(".zelftest-status")
    assert NO_SCRIPT["vanSchijf"] in status
    link = page.locator(".zelftest-status a")
    assert link.inner_text() == NO_SCRIPT["installeren"]
    assert link.get_attribute("href") == "../../over/installeren/index.html"
    # The banner says it at the top of the page too; axe finds nothing wrong with either.
    assert page.is_visible("article .vw-van-schijf")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => v.id))",
        WCAG_21_AA,
    )
    assert found == []
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith("/over/installeren/index.html")
    assert page.inner_text("h1").startswith("Installeren op een intranet")
    context.close()


def test_opened_from_disk_the_home_page_says_how_to_open_the_site_and_the_menu_works(
    browser: Browser, site: Path
) -> None:
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.goto((site / "index.html").as_uri())
    banner = page.locator("article .vw-van-schijf")
    banner.wait_for(timeout=5_000)
    assert NO_SCRIPT["vanSchijfKop"] in banner.inner_text()
    assert NO_SCRIPT["vanSchijf"] in banner.inner_text()
    assert banner.locator("a").get_attribute("href") == "over/installeren/index.html"
    # A folder link of the menu opens the page inside, not a folder listing.
    menu = page.locator("nav.md-nav--primary a[href='klantvertrouwen/index.html']").first
    assert menu.count() == 1
    assert page.query_selector("a[href='klantvertrouwen/']") is None
    menu.click()
    page.wait_for_url("**/klantvertrouwen/index.html")
    assert page.inner_text("h1").startswith("Klantvertrouwen")
    home = page.locator("a.md-header__button.md-logo")
    assert home.get_attribute("href") == "../index.html"
    context.close()


def test_a_module_that_does_not_start_ends_in_a_message_not_in_loading(
    browser: Browser, server: SiteServer
) -> None:
    context = browser.new_context(locale="nl-NL")
    # A server that sends .mjs files with a type that is not JavaScript: the browser refuses them.
    context.route(
        "**/*.mjs",
        lambda route: route.fulfill(
            status=200, body="export {};", content_type="application/octet-stream"
        ),
    )
    page = context.new_page()
    page.goto(server.url + PAGE)
    assert page.get_attribute(".zelftest", "data-state") == "loading"
    page.wait_for_selector(".zelftest[data-state=error]", timeout=15_000)
    status = page.inner_text(".zelftest-status")
    assert NO_SCRIPT["startNiet"] in status
    assert page.get_attribute(".zelftest-status a", "href") == "../../over/installeren/"
    assert page.query_selector(".vw-van-schijf") is None
    context.close()
