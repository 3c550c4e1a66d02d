"""End to end: answer by clicking, submit, and see exactly what `python -m assessments score` says.

Runs against the site at the root (the tests marked subpath also under /kennisbank/), behind a
strict CSP, with every host but 127.0.0.1 unreachable, and checks that no request left the origin.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from assessments.files import load_all
from tests.browser.conftest import Visit, cli_export, cli_score

pytestmark = pytest.mark.browser
DONT_KNOW = "weet-ik-niet"
#: Every assessment of the project and the address of its page.
PAGES = {a.id: a.page.removesuffix(".md") + "/" for a in load_all()}
#: The result lists the question numbers of at most this many "weet ik niet" answers (results.mjs).
DONT_KNOW_LISTED = 5


def answer_patterns(definition: dict) -> dict[str, dict[str, int | None]]:
    """Several answer sets: mixed with 'weet ik niet', one dimension with too few, and extremes."""
    items = definition["items"]
    low, high = definition["scale"]["min"], definition["scale"]["max"]
    rng = random.Random(20261123)
    mixed = {i["id"]: (None if rng.random() < 0.12 else rng.randint(low, high)) for i in items}
    first_dimension = definition["dimensions"][0]["id"]
    too_few = {
        i["id"]: (None if i["dimension"] == first_dimension else rng.randint(low, high))
        for i in items
    }
    extremes = {i["id"]: (low if i["reverse"] else high) for i in items}
    # Every dimension's mean exactly halfway between two answers (keyed 3, 4, 3, 4, ...: an even
    # number of its items, the rest "weet ik niet"): on a band edge, so the lower band and the
    # words "op de grens van".
    on_edge: dict[str, int | None] = {}
    for dimension in definition["dimensions"]:
        own = [i for i in items if i["dimension"] == dimension["id"]]
        for index, item in enumerate(own):
            keyed = 3 + index % 2 if index < len(own) - len(own) % 2 else None
            on_edge[item["id"]] = (
                None if keyed is None else (low + high - keyed if item["reverse"] else keyed)
            )
    return {"mixed": mixed, "too-few": too_few, "extremes": extremes, "on-edge": on_edge}


def band_text(scored: dict) -> str:
    """A band as the result table shows it: its label, and the boundary below it when on an edge."""
    boundary = scored.get("boundary")
    return f"{scored['band']['label']}\n{boundary['text']}" if boundary else scored["band"]["label"]


def fill_in(visit: Visit, answers: dict[str, int | None]) -> None:
    """Click the label of each chosen option, as a reader does."""
    for item_id, value in answers.items():
        chosen = DONT_KNOW if value is None else str(value)
        visit.page.click(f"fieldset[data-item='{item_id}'] label:has(input[value='{chosen}'])")


def answer_and_submit(visit: Visit, path: str, answers: dict[str, int | None]) -> None:
    """Open the assessment, answer by clicking, wait for the engine, and show the result."""
    visit.open(path)
    fill_in(visit, answers)
    visit.wait_until_ready()
    visit.page.click("button[type=submit]")
    visit.page.wait_for_selector(".zelftest[data-result=shown] .zelftest-tabel")


def shown_rows(visit: Visit) -> dict[str, list[str]]:
    """The result table as text: dimension id -> its cells after the header cell."""
    rows = {}
    for row in visit.page.query_selector_all(".zelftest-tabel tr[data-dimensie]"):
        cells = [cell.inner_text().strip() for cell in row.query_selector_all("td")]
        rows[row.get_attribute("data-dimensie")] = cells
    return rows


@pytest.mark.parametrize("pattern", ["mixed", "too-few", "extremes", "on-edge"])
@pytest.mark.parametrize("assessment_id", sorted(PAGES))
def test_result_shown_equals_the_cli_score(
    visit: Visit, assessment_id: str, pattern: str, tmp_path: Path
) -> None:
    definition = cli_export(assessment_id)
    answers = answer_patterns(definition)[pattern]
    expected = cli_score(assessment_id, answers, tmp_path)

    answer_and_submit(visit, PAGES[assessment_id], answers)

    rows = shown_rows(visit)
    for dimension in expected["dimensions"]:
        cells = rows[dimension["id"]]
        answered = f"{dimension['answered']} van {dimension['items']}"
        if dimension["mean"] is None:
            assert cells == ["te weinig antwoorden", answered]
        else:
            # The engine's own text for each figure: the page rounds nothing itself.
            assert cells == [
                dimension["shown_mean"],
                dimension["shown_score"],
                band_text(dimension),
                answered,
            ]
    overall = expected["overall"]
    summary = visit.page.inner_text(".zelftest-totaal")
    if overall is None:
        assert rows["totaal"][0] == "te weinig antwoorden"
        assert "geen totaalscore" in summary
    else:
        assert rows["totaal"][:3] == [
            overall["shown_mean"],
            overall["shown_score"],
            band_text(overall),
        ]
        assert f"Je totaalscore is {overall['shown_score']}" in summary
    result_text = visit.page.inner_text(".zelftest-uitslag")
    assert "Er is geen normgroep" in result_text
    if pattern == "on-edge":
        # The engine puts each such mean on a band edge (1-5 scale: 62.5): said on the page.
        assert all(d["boundary"] for d in expected["dimensions"]), expected["dimensions"]
        assert "op de grens van" in result_text
    # The example of what 75 means names the answer at 75 on this test's own scale.
    at_75 = (
        definition["scale"]["min"]
        + 3 * (definition["scale"]["max"] - definition["scale"]["min"]) // 4
    )
    label = next(o["label"] for o in definition["scale"]["options"] if o["value"] == at_75)
    assert f"gemiddeld op \u2018{label[0].lower()}{label[1:]}\u2019 liggen" in result_text
    # The chart repeats the table: one labelled image, a bar per dimension, each with its value.
    chart = visit.page.query_selector(".zelftest-uitslag .zelftest-grafiek[role=img][aria-label]")
    assert chart
    values = [
        v.strip()
        for v in chart.eval_on_selector_all(
            ".zelftest-grafiek-waarde", "els => els.map((el) => el.textContent)"
        )
    ]
    assert values == [d["shown_score"] or "te weinig antwoorden" for d in expected["dimensions"]]
    # The profile leads, naming every dimension tied at the top and at the bottom.
    profile = expected["profile"]
    titles = {d["id"]: d["title"] for d in expected["dimensions"]}
    profile_text = visit.page.inner_text(".zelftest-profiel")
    if profile["strongest"] and profile["strongest"] == profile["weakest"]:
        assert "even hoog" in profile_text  # every scored dimension ties
    elif profile["strongest"]:
        for dimension_id in [*profile["strongest"], *profile["weakest"]]:
            assert f"\u2018{titles[dimension_id]}\u2019" in profile_text
        # A difference below the rule of thumb is called one.
        assert ("vuistregel" in profile_text) is not profile["spread_is_meaningful"]
    # A trust outcome stands beside the profile, in its own words, and never inside the total.
    outcomes = [d for d in expected["dimensions"] if d["outcome"]]
    shown_outcomes = [el.inner_text() for el in visit.page.query_selector_all(".zelftest-uitkomst")]
    assert len(shown_outcomes) == len(outcomes)
    for dimension, text in zip(outcomes, shown_outcomes, strict=True):
        assert f"\u2018{dimension['title']}\u2019" in text and "niet mee in het totaal" in text
        if dimension["mean"] is not None:
            assert f"staat op {dimension['shown_score']} " in text
        assert dimension["id"] not in profile["strongest"] + profile["weakest"]
    assert "meetfout" not in result_text
    assert (visit.page.query_selector(".zelftest-zelfbeeld") is not None) is definition[
        "self_rated"
    ]
    # "Weet ik niet": the engine's question numbers, or only their number when there are many.
    totals = expected["totals"]
    if totals["dont_know"] == 0:
        assert visit.page.query_selector(".zelftest-weet-niet-aantal") is None
    else:
        listed = visit.page.inner_text(".zelftest-weet-niet-aantal")
        numbers = [int(n) for n in re.findall(r"\d+", listed)]
        if totals["dont_know"] > DONT_KNOW_LISTED:
            assert numbers == [totals["dont_know"], totals["items"]]
        else:
            assert numbers == totals["dont_know_numbers"]
    for dimension in expected["dimensions"]:
        if dimension["mean"] is None:
            assert f"minstens {dimension['min_answered']} nodig" in result_text, (
                f"{dimension['id']}: no explanation of the missing score"
            )
    visit.assert_stayed_local()


def test_form_is_static_html_answerable_without_script(browser, server) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "zelftests/persoonlijk/")
    definition = cli_export("persoonlijk")
    fieldsets = page.query_selector_all("form fieldset.zelftest-vraag")
    assert len(fieldsets) == len(definition["items"])
    for fieldset, item in zip(fieldsets, definition["items"], strict=True):
        assert item["text"] in fieldset.query_selector("legend").inner_text()
        values = [
            r.get_attribute("value") for r in fieldset.query_selector_all("input[type=radio]")
        ]
        names = {r.get_attribute("name") for r in fieldset.query_selector_all("input[type=radio]")}
        assert names == {item["id"]}
        scale = definition["scale"]
        assert values == [*map(str, range(scale["min"], scale["max"] + 1)), DONT_KNOW]
    page.click("fieldset.zelftest-vraag label:has(input[value='4'])")
    assert page.is_checked("fieldset.zelftest-vraag input[value='4']")
    assert page.get_attribute(".zelftest", "data-state") == "loading"
    context.close()


def test_submit_with_open_questions_names_them_and_keeps_the_answers(visit: Visit) -> None:
    visit.open("zelftests/persoonlijk/")
    definition = cli_export("persoonlijk")
    items = [item["id"] for item in definition["items"]]
    for item_id in items[:2] + items[3:]:
        visit.page.click(f"fieldset[data-item='{item_id}'] label:has(input[value='3'])")
    assert (
        visit.page.inner_text(".zelftest-voortgang")
        == f"{len(items) - 1} van {len(items)} beantwoord"
    )
    visit.wait_until_ready()
    visit.page.click("button[type=submit]")
    notice = visit.page.wait_for_selector(".zelftest-melding:not([hidden])")
    assert "Vraag 3 is nog niet beantwoord" in notice.inner_text()
    focused = visit.page.evaluate("document.activeElement.name")
    assert focused == items[2]
    assert visit.page.get_attribute(f"fieldset[data-item='{items[2]}']", "aria-invalid") == "true"
    assert visit.page.is_checked(f"fieldset[data-item='{items[0]}'] input[value='3']")
    assert visit.page.is_hidden(".zelftest-uitslag")
    visit.assert_stayed_local()


@pytest.mark.subpath
def test_runtime_failure_sets_the_error_state_with_a_dutch_message(browser, server) -> None:
    context = browser.new_context()
    # The wheel's bytes no longer match the lock file's sha256: the browser must refuse it. The
    # build's memory snapshot is gone too, or the worker would start from it without the wheel.
    context.route(
        "**/*.whl", lambda route: route.fulfill(status=200, body=b"PK\x05\x06" + bytes(18))
    )
    context.route("**/zelftest.snapshot", lambda route: route.fulfill(status=404))
    page = context.new_page()
    page.goto(server.url + "zelftests/persoonlijk/")
    page.wait_for_selector(".zelftest[data-state=error]", timeout=120_000)
    status = page.inner_text(".zelftest-status")
    assert status.startswith("De rekenmodule kan niet starten. Je antwoorden zijn niet verloren")
    assert (
        page.get_attribute(".zelftest-status a.vw-installeren", "href") == "../../over/installeren/"
    )
    context.close()


@pytest.mark.subpath
def test_the_engine_starts_once_from_the_pages_head(visit: Visit) -> None:
    # runtime.mjs starts the worker from the page's head; main.mjs takes that runtime instead of
    # starting a second one.
    engines: list[str] = []
    visit.page.on(
        "worker",
        lambda worker: engines.append(worker.url) if worker.url.endswith("/worker.mjs") else None,
    )
    page = visit.open("zelftests/persoonlijk/")
    head_modules = page.eval_on_selector_all(
        "head script[type=module][src]", "nodes => nodes.map((node) => node.getAttribute('src'))"
    )
    assert any(src.endswith("zelftest/runtime.mjs") for src in head_modules)
    visit.wait_until_ready()
    assert len(engines) == 1, engines
    visit.assert_stayed_local()
