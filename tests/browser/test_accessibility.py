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
#: The pages guidance v3 added: new tools and guidance, and the team pages' overview.
NEW_IN_GUIDANCE_V3 = [
    *(
        f"hulpmiddelen/{name}/"
        for name in (
            "moreel-beraad",
            "dertien-gedragingen",
            "kaart-psychologische-veiligheid",
            "checklist-vertrouwen-collega",
            "klacht-goed-behandelen",
        )
    ),
    "onderling-vertrouwen/conflict-tussen-collegas/",
    "leiderschap-en-integriteit/vertrouwen-bij-een-reorganisatie/",
    "zelftests/afdelingsoverzicht/",
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
        *NEW_IN_GUIDANCE_V3,
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


# ---- Code blocks in both palettes ----

#: The pages with highlighted code (Pygments), and Material's palette for each colour scheme.
CODE_PAGES = ["over/zelftest-maken/", "over/installeren/"]
PALETTES = {"light": "default", "dark": "slate"}
#: Material's highlight colours (--md-code-hl-NAME-color): site.css gives each 4.5:1 or more.
HIGHLIGHT_COLOURS = [
    "comment",
    "constant",
    "function",
    "generic",
    "keyword",
    "name",
    "number",
    "operator",
    "punctuation",
    "special",
    "string",
    "variable",
]


def open_in_palette(visit: Visit, path: str, scheme: str) -> None:
    visit.page.emulate_media(color_scheme=scheme)  # Material follows the system's scheme
    visit.open(path)
    assert visit.page.get_attribute("body", "data-md-color-scheme") == PALETTES[scheme]


@pytest.mark.parametrize("scheme", PALETTES)
@pytest.mark.parametrize("path", CODE_PAGES)
def test_code_blocks_have_no_wcag_violations_in_either_palette(
    plain_visit: Visit, path: str, scheme: str
) -> None:
    open_in_palette(plain_visit, path, scheme)
    assert plain_visit.page.locator(".highlight code").count() > 0
    assert violations(plain_visit) == []


def contrast(foreground: list[float], background: list[float]) -> float:
    """WCAG's contrast ratio of an RGBA foreground over an opaque RGB background (0-255)."""
    *colour, alpha = foreground

    def luminance(rgb: list[float]) -> float:
        channels = [c / 255 for c in rgb]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    shown = [alpha * c + (1 - alpha) * b for c, b in zip(colour, background, strict=True)]
    light, dark = sorted((luminance(shown), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("scheme", PALETTES)
def test_every_highlight_colour_has_enough_contrast_also_on_a_marked_line(
    plain_visit: Visit, scheme: str
) -> None:
    # Every colour, not only those today's code happens to use; on the code background and on a
    # highlighted line (hl_lines), whose tint lies over it.
    open_in_palette(plain_visit, CODE_PAGES[0], scheme)
    found = plain_visit.page.evaluate(
        """(names) => {
          const code = document.querySelector(".highlight code");
          const rgba = (css) => {
            const probe = document.createElement("canvas").getContext("2d");
            probe.fillStyle = css;
            probe.fillRect(0, 0, 1, 1);
            const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
            return [r, g, b, a / 255];
          };
          const colourOf = (css) => {
            const span = document.createElement("span");
            span.style.color = css;
            code.append(span);
            const colour = getComputedStyle(span).color;
            span.remove();
            return colour;
          };
          const background = rgba(getComputedStyle(code).backgroundColor);
          const tint = rgba(colourOf("var(--md-code-hl-color--light)"));
          const marked = background.slice(0, 3).map((c, i) => tint[3] * tint[i] + (1 - tint[3]) * c);
          const colours = Object.fromEntries(
            names.map((name) => [name, rgba(colourOf(`var(--md-code-hl-${name}-color)`))]));
          colours.text = rgba(getComputedStyle(code).color);
          return {background: background.slice(0, 3), marked, colours};
        }""",
        HIGHLIGHT_COLOURS,
    )
    low = {
        name: (
            round(contrast(colour, found["background"]), 2),
            round(contrast(colour, found["marked"]), 2),
        )
        for name, colour in found["colours"].items()
        if min(contrast(colour, found["background"]), contrast(colour, found["marked"])) < 4.5
    }
    assert len(found["colours"]) == len(HIGHLIGHT_COLOURS) + 1
    assert low == {}


# ---- Material's search dialog, and the size of the menu's targets ----


def test_the_search_dialog_has_a_name(plain_visit: Visit) -> None:
    page = plain_visit.open("")
    page.locator(".md-search__input").click()
    dialog = page.get_by_role("dialog", name="Zoeken op deze site")
    assert dialog.count() == 1 and dialog.is_visible()
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'rule', values: ['aria-dialog-name']}})"
        ".then(r => ({passes: r.passes.length, violations: r.violations.length}))"
    )
    assert result == {"passes": 1, "violations": 0}


#: Pages whose menus are checked: the home page, an assessment and the team report (where
#: Lighthouse found the menu's links too small).
NAV_PAGES = ["", ASSESSMENT_PAGES[0], "zelftests/teamrapport/"]
#: WCAG 2.2, 2.5.8 (AA): a target of at least 24 by 24 CSS pixels, or one spaced so that a circle
#: of 24 pixels around its centre touches no other target (and no other small one's circle).
TARGET_PX = 24
#: The targets in every nav element: links, buttons and the labels that open a section of the
#: menu. Not the menu's and the contents' titles (labels too): headings on a wide screen, where
#: clicking them does nothing, and bars of 48 pixels in the phone menu.
TARGETS = """() => [...document.querySelectorAll("nav a[href], nav button, nav label[for]")]
  .filter((target) => !target.matches(".md-nav__title"))
  .filter((target) => target.checkVisibility({visibilityProperty: true, opacityProperty: true}))
  .filter((target) => getComputedStyle(target).pointerEvents !== "none")
  .map((target) => {
    const box = target.getBoundingClientRect();
    return {what: target.outerHTML.slice(0, 90), x: box.x, y: box.y, width: box.width, height: box.height};
  })
  .filter((box) => box.width > 0 && box.height > 0)"""


def too_small(targets: list[dict]) -> list[str]:
    """The targets smaller than 24 by 24 pixels that the spacing exception does not cover."""
    small = [t for t in targets if t["width"] < TARGET_PX - 0.01 or t["height"] < TARGET_PX - 0.01]

    def centre(t: dict) -> tuple[float, float]:
        return t["x"] + t["width"] / 2, t["y"] + t["height"] / 2

    def circle_touches_box(t: dict, other: dict) -> bool:
        cx, cy = centre(t)
        nearest_x = min(max(cx, other["x"]), other["x"] + other["width"])
        nearest_y = min(max(cy, other["y"]), other["y"] + other["height"])
        return (cx - nearest_x) ** 2 + (cy - nearest_y) ** 2 < (TARGET_PX / 2) ** 2

    def crowded(t: dict) -> bool:
        if any(circle_touches_box(t, other) for other in targets if other is not t):
            return True
        (x, y) = centre(t)
        return any(
            (x - centre(o)[0]) ** 2 + (y - centre(o)[1]) ** 2 < TARGET_PX**2
            for o in small
            if o is not t
        )

    return [f"{t['what']} ({t['width']:.1f}x{t['height']:.1f})" for t in small if crowded(t)]


@pytest.mark.parametrize("width", [1280, 1000, 412])  # both sidebars; contents only; a phone
@pytest.mark.parametrize("path", NAV_PAGES)
def test_menu_and_contents_links_are_targets_of_at_least_24_pixels(
    plain_visit: Visit, path: str, width: int
) -> None:
    page = plain_visit.page
    page.set_viewport_size({"width": width, "height": 900})
    plain_visit.open(path)
    if width < 1220:  # the menu is a drawer (Material: below 76.25em): open it
        page.locator("label.md-header__button[for=__drawer]").click()
        page.locator(".md-sidebar--primary a.md-nav__link:visible").first.wait_for()
    targets = page.evaluate(TARGETS)
    assert len(targets) >= 10
    assert too_small(targets) == []
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "axe.run(document, {runOnly: {type: 'rule', values: ['target-size']}})"
        ".then(r => r.violations.flatMap(v => v.nodes.map(n => n.target.join(' '))))"
    )
    assert found == []
