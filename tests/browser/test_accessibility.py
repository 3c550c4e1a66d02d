"""WCAG 2.1 A/AA with axe-core in the same Chromium, and a self-test completed with the keyboard alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessments.files import load_all
from tests.browser.conftest import Visit, cli_export

pytestmark = pytest.mark.browser
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ASSESSMENT_PAGES = sorted(a.page.removesuffix(".md") + "/" for a in load_all())


def violations(visit: Visit) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the current page, one line each."""
    visit.page.add_script_tag(path=str(AXE))
    found = visit.page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target).join(', ')})`))",
        WCAG_21_AA,
    )
    return list(found)


def answer_all(visit: Visit, value: str = "4") -> None:
    for fieldset in visit.page.query_selector_all("fieldset.zelftest-vraag"):
        fieldset.query_selector(f"label:has(input[value='{value}'])").click()


#: The pages guidance v2 added: the tools (forms, checklists, scripts) and the new guidance.
NEW_IN_GUIDANCE_V2 = [
    "hulpmiddelen/",
    *(
        f"hulpmiddelen/{name}/"
        for name in (
            "sorry-zeggen-en-herstellen",
            "belofte-niet-nagekomen",
            "feedback-aan-je-leidinggevende",
            "slecht-nieuws-brengen",
            "als-iemand-iets-meldt",
            "incidentbericht",
            "beloftenregister",
            "leren-van-incidenten",
            "checklist-vertrouwen",
            "teamafspraken",
        )
    ),
    "leiderschap-en-integriteit/melden-en-klokkenluiders/",
    "leiderschap-en-integriteit/moreel-beraad-en-gedragscode/",
    "leiderschap-en-integriteit/medezeggenschap-en-privacy/",
    "betrouwbare-organisatie/vertrouwen-als-risico/",
    "klantvertrouwen/keten-en-leveranciers/",
    "onderling-vertrouwen/wat-vertrouwen-oplevert/",
    "vertrouwen-begrijpen/waarop-vertrouwen-mensen/",  # the model's table
]


@pytest.mark.parametrize(
    "path",
    [
        "",
        "zelftests/",
        "zelftests/verantwoording/",
        "zelftests/teamsessie/",
        "klantvertrouwen/vertrouwen-herstellen/",  # content tabs, admonitions, abbreviations
        "themas/",
        "over/",
        *ASSESSMENT_PAGES,
        *NEW_IN_GUIDANCE_V2,
    ],
)
def test_page_has_no_wcag_violations(plain_visit: Visit, path: str) -> None:
    plain_visit.open(path)
    assert violations(plain_visit) == []


def test_installation_check_has_no_wcag_violations_once_it_has_run(plain_visit: Visit) -> None:
    plain_visit.open("over/controle/")
    plain_visit.page.wait_for_selector(".vw-controle[data-state=klaar]", timeout=120_000)
    assert plain_visit.page.query_selector(".vw-controle table caption") is not None
    assert violations(plain_visit) == []


@pytest.mark.parametrize("path", ASSESSMENT_PAGES)
def test_assessment_page_has_no_wcag_violations_after_submitting(
    plain_visit: Visit, path: str
) -> None:
    plain_visit.open(path)
    answer_all(plain_visit)
    plain_visit.wait_until_ready()
    plain_visit.page.click("button[type=submit]")
    plain_visit.page.wait_for_selector(".zelftest[data-result=shown]")
    assert violations(plain_visit) == []


def test_open_questions_message_has_no_wcag_violations(plain_visit: Visit) -> None:
    plain_visit.open("zelftests/persoonlijk/")
    plain_visit.page.click("button[type=submit]")
    plain_visit.page.wait_for_selector(".zelftest-melding:not([hidden])")
    assert violations(plain_visit) == []


def test_assessment_can_be_completed_with_the_keyboard_alone(plain_visit: Visit) -> None:
    page = plain_visit.open("zelftests/persoonlijk/")
    items = [item["id"] for item in cli_export("persoonlijk")["items"]]
    plain_visit.wait_until_ready()
    # Tab from the top of the page until the first question's radio group has focus.
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == items[0]:
            break
    else:
        pytest.fail("Tab never reached the first question")
    for item_id in items:
        assert page.evaluate("document.activeElement.name") == item_id
        page.keyboard.press("ArrowRight")  # moves to and selects the next option in the group
        page.keyboard.press("Tab")  # on to the next question's group
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    page.wait_for_selector(".zelftest[data-result=shown]")
    assert page.evaluate("document.activeElement.classList.contains('zelftest-uitslag')")
    for item_id in items:
        assert page.is_checked(f"input[name='{item_id}'][value='2']")


def test_result_table_scrolls_on_a_phone_instead_of_being_cut_off(plain_visit: Visit) -> None:
    page = plain_visit.page
    page.set_viewport_size({"width": 360, "height": 740})
    plain_visit.open("zelftests/team/")
    answer_all(plain_visit)
    plain_visit.wait_until_ready()
    page.click("button[type=submit]")
    page.wait_for_selector(".zelftest[data-result=shown]")
    region = page.locator(".zelftest-tabel-kader")
    assert region.get_attribute("role") == "region" and region.get_attribute("tabindex") == "0"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the page itself scrolls"
    region.focus()
    for _ in range(20):
        page.keyboard.press("ArrowRight")
    # Chromium scrolls smoothly: wait until the region has reached its right end.
    page.wait_for_function(
        "el => el.scrollLeft > 0 && el.scrollLeft >= el.scrollWidth - el.clientWidth - 1",
        arg=region.element_handle(),
    )
    last_column = page.locator(".zelftest-tabel thead th").last.bounding_box()
    visible = region.bounding_box()
    assert last_column and visible
    assert last_column["x"] + last_column["width"] <= visible["x"] + visible["width"] + 1
    assert violations(plain_visit) == []
