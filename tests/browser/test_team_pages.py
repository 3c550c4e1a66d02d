"""The team pages in Chromium: Teamrapport and Spiegel make from dropped files what the CLI makes.

Result files are made with the CLI (`score`), handed to the page's file input, and the page's
downloads are compared byte for byte with `python -m assessments team` (or `mirror`, with and
without --csv) for the same files. Every figure on screen is one of the engine's shown_* texts.
Files from other people are hostile: each bad one is left out with its reason, shown as text.
"""

from __future__ import annotations

import io
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page
from pypdf import PdfReader

from assessments.resultfiles import MAX_RESULT_BYTES
from assessments.team import MAX_FILES, MIN_RESPONDENTS
from assessments.untrusted import MAX_FILE_BYTES
from tests.browser.conftest import READY_TIMEOUT_MS, Visit, cli_export
from tests.browser.test_accessibility import violations

pytestmark = pytest.mark.browser
REPORT = "zelftests/teamrapport/"
MIRROR = "zelftests/spiegel/"
TEAM_INPUT = "#teampagina-rapport-bestanden"
EARLIER_INPUT = "#teampagina-rapport-eerder"
OWN_INPUT = "#teampagina-spiegel-eigen"
MIRROR_TEAM_INPUT = "#teampagina-spiegel-team"
#: Longer than the page's own limits together (reading, the engine's start, one call), so that a
#: slow machine shows the page's error state rather than a test timeout.
SETTLED_TIMEOUT_MS = 240_000
MARKUP = "<img src=x onerror=window.__pwned=1>"
#: The team modules render; they never format, round or sum a number, nor write CSV.
TEAM_MODULES = ("teamrapport.mjs", "teamweergave.mjs", "teamexport.mjs")
MODULES = Path(__file__).resolve().parents[2] / "docs" / "assets" / "javascripts" / "zelftest"

File = tuple[str, bytes]


# ---- Making result files with the CLI ----


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assessments", *args], capture_output=True, text=True, check=False
    )


def cli_bytes(*args: str) -> bytes:
    """The CLI's output as the bytes it wrote (the CSV's CRLF and byte order mark included)."""
    done = subprocess.run(
        [sys.executable, "-m", "assessments", *args], capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr.decode("utf-8")
    return done.stdout


def keyed_answers(
    assessment_id: str, rng: random.Random, wanted: dict[str, Any] | None = None
) -> dict[str, int | None]:
    """Answers to every item, about one in ten "weet ik niet"; ``wanted`` fixes a dimension.

    ``wanted`` maps a dimension id to a keyed answer (after reverse keying: high is favourable),
    a (low, high) range of them, or None for "weet ik niet" throughout.
    """
    definition = definition_of(assessment_id)
    low, high = definition["scale"]["min"], definition["scale"]["max"]
    answers: dict[str, int | None] = {}
    for item in definition["items"]:
        rule = (wanted or {}).get(item["dimension"], "random")
        if rule is None:
            answers[item["id"]] = None
            continue
        if rule == "random":
            answers[item["id"]] = None if rng.random() < 0.1 else rng.randint(low, high)
            continue
        keyed = rng.randint(*rule) if isinstance(rule, tuple) else rule
        answers[item["id"]] = low + high - keyed if item["reverse"] else keyed
    return answers


_definitions: dict[str, dict] = {}


def definition_of(assessment_id: str) -> dict:
    if assessment_id not in _definitions:
        _definitions[assessment_id] = cli_export(assessment_id)
    return _definitions[assessment_id]


def result_file(assessment_id: str, answers: dict[str, int | None], tmp_path: Path) -> bytes:
    """The result file a reader saves for these answers, made by the CLI."""
    path = tmp_path / f"antwoorden-{random.random()}.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    done = cli("score", assessment_id, str(path))
    assert done.returncode == 0, done.stderr
    return done.stdout.encode("utf-8")


def team_files(count: int, tmp_path: Path, seed: int = 7, withheld: int = 0) -> list[File]:
    """Result files of the team test; the first ``withheld`` skip the first dimension."""
    rng = random.Random(seed)
    first = definition_of("team")["dimensions"][0]["id"]
    return [
        (
            f"team-{number}.json",
            result_file(
                "team",
                keyed_answers("team", rng, {first: None} if number <= withheld else None),
                tmp_path,
            ),
        )
        for number in range(1, count + 1)
    ]


def on_disk(files: list[File], tmp_path: Path) -> list[str]:
    """The same files in a folder of their own, for the CLI."""
    folder = Path(tempfile.mkdtemp(prefix="bestanden-", dir=tmp_path))
    paths = []
    for index, (name, data) in enumerate(files):
        # A repeated name gets a folder of its own: the CLI shows only the base name.
        target = folder / str(index) / name
        target.parent.mkdir()
        target.write_bytes(data)
        paths.append(str(target))
    return paths


def cli_document(command: str, files: list[File], tmp_path: Path, *options: str) -> dict:
    done = cli(command, *options, *on_disk(files, tmp_path))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def cli_csv(command: str, files: list[File], tmp_path: Path, *options: str) -> bytes:
    return cli_bytes(command, "--csv", *options, *on_disk(files, tmp_path))


def cli_json(command: str, files: list[File], tmp_path: Path, *options: str) -> bytes:
    """The JSON file the CLI prints, as bytes: the page downloads exactly these."""
    return cli_bytes(command, *options, *on_disk(files, tmp_path))


# ---- The page ----


def payloads(files: list[File]) -> list[dict[str, Any]]:
    return [{"name": name, "mimeType": "application/json", "buffer": data} for name, data in files]


def settled(page: Page) -> str:
    """Wait until the page is ready, has failed or asks to confirm; its data-state."""
    page.wait_for_selector(
        ".teampagina[data-state=ready], .teampagina[data-state=error], "
        ".teampagina[data-state=confirm]",
        timeout=SETTLED_TIMEOUT_MS,
    )
    return page.get_attribute(".teampagina", "data-state") or ""


def make_report(visit: Visit, files: list[File]) -> Page:
    page = visit.open(REPORT)
    assert page.get_attribute(".teampagina", "data-state") == "idle"
    page.set_input_files(TEAM_INPUT, payloads(files))
    assert settled(page) == "ready", page.inner_text(".teampagina-status")
    return page


def make_mirror(visit: Visit, own: File, team: list[File]) -> Page:
    page = visit.open(MIRROR)
    page.set_input_files(OWN_INPUT, payloads([own]))
    page.set_input_files(MIRROR_TEAM_INPUT, payloads(team))
    assert settled(page) == "ready", page.inner_text(".teampagina-status")
    return page


def download(page: Page, kind: str) -> tuple[str, bytes]:
    with page.expect_download() as waiting:
        page.click(f"[data-download={kind}]")
    saved = waiting.value
    return saved.suggested_filename, Path(saved.path()).read_bytes()


def status(page: Page) -> str:
    return page.inner_text(".teampagina-status-tekst")


def lines(cell: Locator) -> list[str]:
    """A cell's text, one entry per line (a label below a figure is a line of its own)."""
    return cell.inner_text().split("\n")


def margin_lines(figures: dict) -> list[str]:
    """The margin cell of a team mean: on the answer scale, then as positions."""
    return [
        f"{figures['shown_ci_low']} tot {figures['shown_ci_high']}",
        f"positie {figures['shown_ci_low_score']} tot {figures['shown_ci_high_score']}",
    ]


def band_lines(figures: dict) -> list[str]:
    """The band cell of a figure: its label, and on an edge the engine's words for it."""
    boundary = figures.get("boundary")
    return [figures["band"]["label"], *([boundary["text"]] if boundary else [])]


def check_distribution(row: Locator, figures: dict) -> str:
    """The answer cells of an item (a report's item, or the team's part of a mirrored one) say
    what the engine says: counts (8 or more answers), groups (5 to 7) or nothing; their kind."""
    if figures["counts"] is not None:
        for value, count in figures["counts"].items():
            assert row.locator(f"[data-antwoord='{value}']").inner_text() == str(count)
        assert row.locator(".team-verdeling .team-segment").count() == len(figures["counts"]) + 1
        assert row.locator(".zelftest-gemiddelde").inner_text() == figures["shown_mean"]
        return "counts"
    if figures["groups"] is not None:
        assert row.locator("[data-antwoord]").count() == 0
        for group in figures["groups"]:
            cell = row.locator(f"[data-groep='{group['id']}']")
            assert lines(cell)[0] == str(group["count"])
            assert cell.get_attribute("colspan") == str(len(group["values"]))
        assert row.locator(".team-verdeling .team-segment").count() == len(figures["groups"]) + 1
        assert row.locator(".zelftest-gemiddelde").inner_text() == figures["shown_mean"]
        return "groups"
    assert row.locator(".team-ontbreekt").inner_text() == "te weinig respondenten"
    assert row.locator(".team-verdeling").count() == 0
    return "none"


def check_report_on_screen(page: Page, expected: dict, scope: str = "") -> set[str]:
    """Every figure of the report on screen is the engine's text for it; the kinds of item
    distributions it showed (counts, groups, none)."""
    titles = {d["id"]: d["title"] for d in expected["dimensions"]}
    for dimension in expected["dimensions"]:
        row = page.locator(f"{scope} .team-tabel tr[data-dimensie='{dimension['id']}']")
        assert row.locator(".team-n").inner_text() == str(dimension["n"])
        if dimension["shown_mean"] is None:
            assert dimension["n"] < MIN_RESPONDENTS
            assert row.locator(".team-ontbreekt").inner_text() == "te weinig respondenten"
            assert row.locator(".zelftest-score").count() == 0
            continue
        assert row.locator(".zelftest-gemiddelde").inner_text() == dimension["shown_mean"]
        assert lines(row.locator(".team-marge")) == margin_lines(dimension)
        assert row.locator(".team-sd").inner_text() == dimension["shown_sd"]
        assert row.locator(".zelftest-score").inner_text() == dimension["shown_score"]
        assert lines(row.locator(".zelftest-band")) == band_lines(dimension)
        # The agreement's label with the mean item agreement; r_wg(J) stays in the JSON.
        assert lines(row.locator(".team-rwg")) == [
            dimension["agreement"],
            f"gemiddeld per vraag {dimension['shown_rwg_items']}",
        ]
        assert (
            row.locator(".team-alfa").inner_text() == "te weinig respondenten voor betrouwbaarheid"
        )
        # The bar's text (and so the chart's text alternative) names the margin too.
        bar = page.locator(f"{scope} .team-grafiek-groep").nth(list(titles).index(dimension["id"]))
        assert bar.locator(".team-grafiek-waarde").inner_text() == (
            f"{dimension['shown_score']} (marge {dimension['shown_ci_low_score']} tot "
            f"{dimension['shown_ci_high_score']})"
        )
        assert bar.locator(".team-grafiek-marge").count() == 1
        label = page.locator(f"{scope} .team-grafiek").get_attribute("aria-label") or ""
        assert f"{dimension['title']}: {bar.locator('.team-grafiek-waarde').inner_text()}" in label

    # A trust outcome: its own words beside the profile, marked in the table, never in the profile.
    outcomes = [d for d in expected["dimensions"] if d["outcome"]]
    shown = page.locator(f"{scope} .zelftest-uitkomst")
    assert shown.count() == len(outcomes)
    for index, dimension in enumerate(outcomes):
        text = shown.nth(index).inner_text()
        assert f"\u2018{dimension['title']}\u2019" in text and "niet mee in het totaal" in text
        if dimension["shown_score"] is not None:
            assert f"op {dimension['shown_score']}," in text
        row = page.locator(f"{scope} .team-tabel tr[data-dimensie='{dimension['id']}'] th")
        assert row.inner_text() == f"{dimension['title']} (los van het totaal)"
        assert dimension["id"] not in expected["profile"]["highest"] + expected["profile"]["lowest"]

    profile = page.inner_text(f"{scope} .team-profiel")
    highest = [titles[i] for i in expected["profile"]["highest"]]
    assert all(f"\u2018{title}\u2019" in profile.split("\n")[0] for title in highest)
    if expected["profile"]["different"]:
        assert "de marges van het hoogste en het laagste onderwerp overlappen niet" in profile
    else:
        assert "Het verschil kan dus toeval zijn." in profile

    kinds = set()
    for item in expected["items"]:
        row = page.locator(f"{scope} .team-vragen tr[data-vraag='{item['id']}']")
        assert row.locator(".team-weet-niet").inner_text() == str(item["dont_know"])
        kinds.add(check_distribution(row, item))
    return kinds


# ---- Teamrapport ----


@pytest.mark.subpath
def test_report_shows_the_engines_texts_and_saves_what_the_cli_makes(
    visit: Visit, tmp_path: Path
) -> None:
    files = team_files(8, tmp_path, withheld=4)  # the first dimension: 4 respondents only
    page = make_report(visit, files)
    expected = cli_document("team", files, tmp_path)

    name, data = download(page, "json")
    prefix = f"vertrouwenswijzer-teamrapport-team-v{expected['version']}-"
    assert name.startswith(prefix) and name.endswith(".json")
    assert data == cli_json("team", files, tmp_path)  # byte for byte, "50.0" as the CLI writes it
    name, data = download(page, "csv")
    assert name.startswith(prefix) and name.endswith(".csv")
    assert data == cli_csv("team", files, tmp_path)

    assert page.inner_text(".teampagina-kop") == f"Teamrapport: {expected['title']}"
    summary = page.inner_text(".team-samenvatting")
    assert summary.endswith("Er zijn 8 bruikbare uitslagen.")
    # The profile leads, the total follows it.
    order = page.evaluate(
        """() => [...document.querySelectorAll('.teampagina-inhoud > *')].map((e) => e.className)"""
    )
    assert order.index("team-profiel") < order.index("zelftest-totaal")
    kinds = check_report_on_screen(page, expected)
    assert kinds == {"counts", "groups", "none"}, "the files show every kind of item"
    assert [d for d in expected["dimensions"] if d["mean"] is None] == [expected["dimensions"][0]]
    assert expected["overall"] is None
    assert "Er is geen totaal" in page.inner_text(".zelftest-totaal")
    assert page.inner_text(".team-afgevallen-geen") == "Alle bestanden tellen mee."
    assert "Een uitslagbestand bewijst niet wie het maakte." in page.inner_text(
        ".zelftest-kanttekeningen"
    )
    visit.assert_stayed_local()


def test_team_modules_compute_no_figure_and_write_no_csv() -> None:
    for name in TEAM_MODULES:
        source = (MODULES / name).read_text("utf-8")
        for forbidden in ("Intl.NumberFormat", "Math.", "toFixed", "toLocaleString", '";"'):
            assert forbidden not in source, f"{name} uses {forbidden}"


def test_files_with_the_same_answers_are_named_for_the_facilitator_to_decide(
    visit: Visit, tmp_path: Path
) -> None:
    rng = random.Random(13)
    same = keyed_answers("team", rng)
    files = [
        *team_files(4, tmp_path, seed=17),
        ("anna.json", result_file("team", same, tmp_path)),
        ("bert.json", result_file("team", same, tmp_path)),  # another id, the same answers
    ]
    page = make_report(visit, files)
    expected = cli_document("team", files, tmp_path)
    assert expected["likely_same"] == [["anna.json", "bert.json"]]
    assert expected["respondents"] == 6
    box = page.inner_text(".team-dezelfde")
    assert box.startswith("Waarschijnlijk dezelfde uitslag")
    assert "Jij beslist" in box and "haal dan een van de bestanden weg" in box
    assert page.inner_text(".team-dezelfde li") == "\u2018anna.json\u2019 en \u2018bert.json\u2019"
    assert json.loads(download(page, "json")[1]) == expected


def test_bad_files_are_left_out_with_their_reason_and_the_rest_is_reported(
    visit: Visit, tmp_path: Path
) -> None:
    good = team_files(5, tmp_path, seed=3)
    original = json.loads(good[0][1])
    tampered = dict(original, id="a" * 32)
    tampered["dimensions"] = [dict(d) for d in original["dimensions"]]
    tampered["dimensions"][0]["score"] = 100.0
    hostile = dict(original, id="b" * 32, assessment=MARKUP)
    klant = result_file("klant", keyed_answers("klant", random.Random(5)), tmp_path)
    bad: list[File] = [
        ("kapot.json", b"{dit is geen json"),
        ("klant.json", klant),
        ("definitie.json", cli("export", "team").stdout.encode("utf-8")),
        ("aangepast.json", json.dumps(tampered).encode("utf-8")),
        ("nog-een-keer.json", good[0][1]),
        ("groot.json", b" " * (5 * 1024 * 1024)),
        (f"{MARKUP}.json", json.dumps(hostile).encode("utf-8")),
        ("diep.json", b"[" * 50_000),  # below the size limit of a result file
        ("=HYPERLINK(1).json", b"{}"),
    ]
    files = good[:3] + bad + good[3:]
    dialogs: list[str] = []
    visit.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    page = make_report(visit, files)
    expected = cli_document("team", files, tmp_path)
    assert json.loads(download(page, "json")[1]) == expected
    assert expected["respondents"] == 5
    assert [entry["file"] for entry in expected["left_out"]] == [name for name, _ in bad]

    reasons = {
        "kapot.json": "is geen geldige JSON",
        "klant.json": "dit rapport gaat over",
        "definitie.json": "is de beschrijving van een zelftest",
        "aangepast.json": "bevat scores die niet kloppen",
        "nog-een-keer.json": "is dezelfde uitslag als 'team-1.json'",
        "groot.json": "is groter dan",
        f"{MARKUP}.json": "die deze site niet kent",
        "diep.json": "is dieper genest",
        "=HYPERLINK(1).json": "is geen uitslagbestand",
    }
    items = page.locator(".team-afgevallen li")
    assert items.count() == len(bad)
    for index, entry in enumerate(expected["left_out"]):
        item = items.nth(index)
        assert item.locator(".team-bestand").inner_text() == entry["file"]
        assert item.locator(".team-reden").inner_text() == entry["reason"]
        assert reasons[entry["file"]] in entry["reason"]

    # Markup from a file name and from a file's content is text: no element, no script.
    assert page.locator(".teampagina img").count() == 0
    assert MARKUP in page.inner_text(".team-afgevallen")
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []

    # The CSV is the engine's, names that start like a formula made harmless there.
    assert download(page, "csv")[1] == cli_csv("team", files, tmp_path)
    visit.assert_stayed_local()


def test_files_dropped_on_the_box_make_the_report(plain_visit: Visit, tmp_path: Path) -> None:
    files = team_files(5, tmp_path, seed=5)
    page = plain_visit.open(REPORT)
    dropped = page.evaluate_handle(
        """files => {
          const transfer = new DataTransfer();
          for (const [name, text] of files) {
            transfer.items.add(new File([text], name, { type: "application/json" }));
          }
          return transfer;
        }""",
        [[name, data.decode("utf-8")] for name, data in files],
    )
    # The page's module loads after the load event; drag over the box until it answers.
    page.wait_for_function(
        """transfer => {
          const box = document.querySelector(".teampagina-vak");
          box.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
          return box.classList.contains("teampagina-slepen");
        }""",
        arg=dropped,
        timeout=30_000,
    )
    page.dispatch_event(".teampagina-vak", "drop", {"dataTransfer": dropped})
    assert settled(page) == "ready"
    assert json.loads(download(page, "json")[1]) == cli_document("team", files, tmp_path)
    plain_visit.assert_stayed_local()


def test_files_chosen_before_the_script_ran_still_count(plain_visit: Visit, tmp_path: Path) -> None:
    held = []
    page = plain_visit.page
    page.route("**/teamrapport.mjs", lambda route: held.append(route))
    page.goto(plain_visit.server.url + REPORT, wait_until="domcontentloaded")
    page.set_input_files(TEAM_INPUT, payloads(team_files(5, tmp_path)))
    while not held:
        page.wait_for_timeout(50)
    held[0].continue_()
    assert settled(page) == "ready"


def test_too_few_usable_files_is_an_error_with_the_engines_message(
    visit: Visit, tmp_path: Path
) -> None:
    files = [*team_files(3, tmp_path), ("kapot.json", b"niet json")]
    done = cli("team", *on_disk(files, tmp_path))
    assert done.returncode == 2
    message = done.stderr.strip().splitlines()[-1].removeprefix("fout: ")
    assert message.startswith("Er zijn 3 bruikbare uitslagen")

    page = visit.open(REPORT)
    page.set_input_files(TEAM_INPUT, payloads(files))
    assert settled(page) == "error"
    assert message in status(page)
    assert page.locator(".teampagina table").count() == 0
    # The file that did not count is named with the engine's reason, as the CLI names it.
    named = done.stderr.strip().splitlines()[0].removeprefix("niet meegeteld: kapot.json: ")
    left_out = page.locator(".teampagina-uitslag .team-afgevallen li")
    assert left_out.count() == 1
    assert left_out.inner_text().split() == ["kapot.json", *named.split()]

    # Choosing again works: with enough files the report follows.
    page.set_input_files(TEAM_INPUT, payloads(team_files(5, tmp_path)))
    assert settled(page) == "ready"
    visit.assert_stayed_local()


def test_more_files_than_a_report_takes_gives_a_clear_message(visit: Visit) -> None:
    page = visit.open(REPORT)
    files = [(f"uitslag-{n}.json", b"{}") for n in range(MAX_FILES + 1)]
    page.set_input_files(TEAM_INPUT, payloads(files))
    assert settled(page) == "error"
    assert status(page).startswith(
        f"Je koos {MAX_FILES + 1} bestanden; een teamrapport neemt er hoogstens {MAX_FILES}."
    )
    catalog = json.loads(page.text_content("script.team-catalogus") or "")
    assert catalog["limits"]["max_files"] == MAX_FILES
    assert catalog["limits"]["max_file_bytes"] == MAX_RESULT_BYTES
    assert catalog["limits"]["max_report_bytes"] == MAX_FILE_BYTES


def test_a_runtime_that_cannot_start_ends_in_an_error_that_says_what_to_do(visit: Visit) -> None:
    visit.page.route("**/worker.mjs", lambda route: route.abort())
    page = visit.open(REPORT)
    page.wait_for_selector(".teampagina[data-state=error]", timeout=READY_TIMEOUT_MS)
    assert "De rekenmodule kan niet starten" in status(page)
    assert "Herlaad de pagina" in status(page)


# ---- Spiegel ----


def mirror_files(tmp_path: Path) -> tuple[File, list[File]]:
    """A manager's own file and six team files: one blind spot, one hidden strength."""
    dimensions = [d["id"] for d in definition_of("leiderschap")["dimensions"]]
    rng = random.Random(21)
    own_answers = keyed_answers(
        "leiderschap", rng, {dimensions[0]: 5, dimensions[1]: 1, dimensions[2]: 3}
    )
    own = ("eigen.json", result_file("leiderschap", own_answers, tmp_path))
    team = [
        (
            f"team-{number}.json",
            result_file(
                "leiderschap-team",
                keyed_answers(
                    "leiderschap-team",
                    rng,
                    {dimensions[0]: (1, 2), dimensions[1]: (4, 5), dimensions[2]: 3},
                ),
                tmp_path,
            ),
        )
        for number in range(1, 7)
    ]
    return own, team


def expected_reading(dimension: dict) -> str:
    """The reading of a dimension, from the engine's own decisions."""
    if dimension["team"] is None or dimension["self"] is None:
        return "ontbreekt"
    if not dimension["meaningful"]:
        return "binnen-marge" if dimension["self_inside_ci"] else "dichtbij"
    return "blinde-vlek" if dimension["difference"] < 0 else "verborgen-kracht"


@pytest.mark.subpath
def test_mirror_sets_the_own_result_beside_the_teams_as_the_cli_does(
    visit: Visit, tmp_path: Path
) -> None:
    own, team = mirror_files(tmp_path)
    # The manager's own file, dropped among the team's as well, never counts for the team.
    team_and_copy = [*team[:3], ("eigen-kopie.json", own[1]), *team[3:]]
    page = visit.open(MIRROR)
    page.set_input_files(OWN_INPUT, payloads([own]))
    # One part chosen: the page waits for the other (the script may still be loading).
    page.wait_for_selector(".teampagina-status-tekst:has-text('Je eigen uitslag is gekozen.')")
    assert page.get_attribute(".teampagina", "data-state") == "idle"
    page.set_input_files(MIRROR_TEAM_INPUT, payloads(team_and_copy))
    assert settled(page) == "ready", status(page)

    files = [own, *team_and_copy]
    expected = cli_document("mirror", files, tmp_path)
    name, data = download(page, "json")
    assert name.startswith(f"vertrouwenswijzer-spiegel-leiderschap-v{expected['self']['version']}-")
    assert data == cli_json("mirror", files, tmp_path)
    assert download(page, "csv")[1] == cli_csv("mirror", files, tmp_path)
    assert expected["team"]["respondents"] == 6
    assert [entry["file"] for entry in expected["left_out"]] == ["eigen-kopie.json"]
    left_out = page.locator(".team-afgevallen li")
    assert left_out.count() == 1
    assert "telt nooit mee in de cijfers van het team" in left_out.inner_text()

    readings = []
    for dimension in expected["dimensions"]:
        row = page.locator(f".spiegel-tabel tr[data-dimensie='{dimension['id']}']")
        assert row.locator(".spiegel-eigen").inner_text() == (
            dimension["shown_self"] or "te weinig antwoorden in je eigen uitslag"
        )
        assert row.locator(".spiegel-team").inner_text() == (
            dimension["shown_team"] or "te weinig respondenten"
        )
        if dimension["team_ci"] is not None:
            assert row.locator(".spiegel-marge").inner_text() == (
                f"{dimension['shown_team_ci_low_score']} tot {dimension['shown_team_ci_high_score']}"
            )
        assert row.locator(".spiegel-verschil").inner_text() == (
            dimension["shown_difference"] or "niet te berekenen"
        )
        reading = row.locator(".spiegel-duiding").get_attribute("data-duiding")
        assert reading == expected_reading(dimension)
        readings.append(reading)
    assert readings[:2] == ["blinde-vlek", "verborgen-kracht"]
    blind = page.locator(".spiegel-duiding[data-duiding=blinde-vlek]").first.inner_text()
    assert blind.startswith("Blinde vlek? Je team ziet hier minder dan jij.")

    # Per question: the question's text, the own answer, the team's answers and the gap.
    numbers = {
        item["id"]: (index + 1, item["text"])
        for index, item in enumerate(definition_of("leiderschap-team")["items"])
    }
    kinds = set()
    for item in expected["items"]:
        row = page.locator(f".spiegel-vragen tr[data-vraag='{item['id']}']")
        number, text = numbers[item["id"]]
        assert row.locator("th").inner_text().startswith(f"{number}. {text}")
        assert lines(row.locator(".spiegel-eigen-antwoord"))[0] == (
            item["shown_own"] or "weet ik niet"
        )
        assert lines(row.locator(".spiegel-verschil"))[0] == (
            item["shown_difference"] or "niet te berekenen"
        )
        assert row.get_attribute("data-gat") == item["gap"]
        kinds.add(check_distribution(row, item["team"]))
    assert "groups" in kinds
    assert expected["blind_spots"] and expected["hidden_strengths"]
    for kind, ids in (
        ("blinde-vlek", expected["blind_spots"]),
        ("verborgen-kracht", expected["hidden_strengths"]),
    ):
        named = page.locator(f".spiegel-gaten-{kind} li")
        assert [named.nth(i).get_attribute("data-vraag") for i in range(named.count())] == ids[:3]
        first = next(i for i in expected["items"] if i["id"] == ids[0])
        assert named.first.inner_text() == (
            f"{numbers[ids[0]][0]}. {numbers[ids[0]][1]} ({first['shown_difference']})"
        )

    # The team part is the team report of the same files, without buttons of its own.
    assert page.locator("[data-download=json]").count() == 1
    # Its table has every dimension of the team's test: the mirrored ones and the team's trust
    # in the manager (an outcome, which the mirror does not compare).
    team_dimensions = definition_of("leiderschap-team")["dimensions"]
    assert page.locator(".team-tabel tbody tr").count() == len(team_dimensions)
    assert len(team_dimensions) == len(expected["dimensions"]) + 1
    assert page.locator(".zelftest-uitkomst").count() == 1
    visit.assert_stayed_local()


def test_mirror_without_an_own_leadership_result_says_why(visit: Visit, tmp_path: Path) -> None:
    _, team = mirror_files(tmp_path)
    page = visit.open(MIRROR)
    page.set_input_files(OWN_INPUT, payloads([team[0]]))
    page.set_input_files(MIRROR_TEAM_INPUT, payloads(team[1:]))
    assert settled(page) == "error"
    done = cli("mirror", *on_disk(team, tmp_path))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].removeprefix("fout: ") in status(page)


# ---- Access: WCAG, phone, laptop, keyboard, paper ----


@pytest.mark.parametrize("path", [REPORT, MIRROR])
def test_team_pages_meet_wcag_idle_and_with_a_report_on_a_phone(
    plain_visit: Visit, tmp_path: Path, path: str
) -> None:
    page = plain_visit.open(path)
    assert violations(plain_visit) == []
    page.set_viewport_size({"width": 360, "height": 740})
    if path == REPORT:
        page.set_input_files(TEAM_INPUT, payloads(team_files(7, tmp_path, withheld=3)))
    else:
        own, team = mirror_files(tmp_path)
        page.set_input_files(OWN_INPUT, payloads([own]))
        page.set_input_files(MIRROR_TEAM_INPUT, payloads(team))
    assert settled(page) == "ready"
    assert page.evaluate("document.activeElement.classList.contains('teampagina-kop')")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the page itself scrolls"
    assert violations(plain_visit) == []


def table_fit(page: Page, table: str) -> dict[str, Any]:
    """How a table sits in its scrolling region: widths, and whether the region says it scrolls."""
    return page.evaluate(
        """(selector) => {
          const table = document.querySelector(selector);
          const region = table.closest('.zelftest-tabel-kader');
          const hint = region.parentElement.querySelector('.zelftest-tabel-hint');
          return {table: table.scrollWidth, region: region.clientWidth,
                  scrolls: region.dataset.schuift, hint: !hint.hidden,
                  focusable: region.tabIndex === 0};
        }""",
        table,
    )


def test_at_1280_pixels_the_tables_use_the_full_width_and_fit(visit: Visit, tmp_path: Path) -> None:
    visit.page.set_viewport_size({"width": 1280, "height": 900})
    page = make_report(visit, team_files(8, tmp_path, seed=19))
    # No table of contents beside a report: the report has the content's whole width.
    assert not page.is_visible(".md-sidebar--secondary")
    content = page.evaluate("document.querySelector('.md-content').getBoundingClientRect().width")
    assert content > 900
    fit = table_fit(page, ".team-tabel")
    assert fit["table"] <= fit["region"], fit
    page.wait_for_function(
        "document.querySelector('.team-tabel').closest('.zelftest-tabel-kader').dataset.schuift"
    )
    assert table_fit(page, ".team-tabel")["scrolls"] == "nee"

    own, team = mirror_files(tmp_path)
    page = make_mirror(visit, own, team)
    assert not page.is_visible(".md-sidebar--secondary")
    for table in (".spiegel-tabel", ".team-tabel"):
        fit = table_fit(page, table)
        assert fit["table"] <= fit["region"], (table, fit)


def test_at_360_pixels_the_dimension_table_scrolls_in_its_own_region(
    visit: Visit, tmp_path: Path
) -> None:
    visit.page.set_viewport_size({"width": 360, "height": 740})
    page = make_report(visit, team_files(6, tmp_path, seed=23))
    page.wait_for_function(
        "document.querySelector('.team-tabel').closest('.zelftest-tabel-kader').dataset.schuift"
    )
    fit = table_fit(page, ".team-tabel")
    assert fit["table"] > fit["region"]
    assert fit["scrolls"] == "ja" and fit["hint"] and fit["focusable"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the page itself scrolls"


def test_file_inputs_and_the_forget_button_are_reached_with_the_keyboard(
    plain_visit: Visit,
) -> None:
    pages = (
        (REPORT, [TEAM_INPUT, EARLIER_INPUT, "[data-actie=vergeten]"]),
        (MIRROR, [OWN_INPUT, MIRROR_TEAM_INPUT]),
    )
    for path, targets in pages:
        page = plain_visit.open(path)
        page.wait_for_selector(".teampagina[data-script]")
        if path == REPORT:
            page.wait_for_selector("[data-actie=vergeten]")
        reached: list[str] = []
        for _ in range(200):
            page.keyboard.press("Tab")
            for target in targets:
                if target not in reached and page.evaluate(
                    "(selector) => document.activeElement.matches(selector)", target
                ):
                    reached.append(target)
            if reached == targets:
                break
        assert reached == targets


def test_printed_report_is_a4_with_its_tables_and_without_the_page_around_it(
    plain_visit: Visit, tmp_path: Path
) -> None:
    page = make_report(plain_visit, team_files(6, tmp_path))
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    text = "\n".join(sheet.extract_text() for sheet in pdf.pages)
    width, height = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    assert "Cijfers van het team per onderwerp" in text
    assert "Antwoorden per vraag" in text
    assert re.search(r"Marge\s*\(95%\)", text)
    assert "bewijst niet wie het maakte" in re.sub(r"\s+", " ", text)
    for title in (d["title"] for d in definition_of("team")["dimensions"]):
        assert title in text
    for absent in (
        "Voor wie is deze pagina?",
        "Uitslagbestanden van het team",
        "Zoeken",
        "Vergeet eerdere rapporten",
    ):
        assert absent not in text, absent


def test_a_call_that_takes_too_long_names_the_files_and_the_next_choice_works(
    visit: Visit, tmp_path: Path
) -> None:
    """When the engine does not answer in time (as 200 heavy files once did), the page names the
    files it was given and starts the engine afresh: choosing again works without a reload."""
    files = team_files(5, tmp_path)
    page = make_report(visit, files)
    page.evaluate(
        """async () => {
            const url = new URL("../../assets/javascripts/zelftest/runtime.mjs", document.baseURI);
            (await import(url.href)).sharedRuntime().callTimeoutMs = 1;
        }"""
    )
    page.set_input_files(TEAM_INPUT, [])
    page.wait_for_selector(".teampagina[data-state=idle]")
    page.set_input_files(TEAM_INPUT, payloads(files))
    assert settled(page) == "error"
    message = status(page)
    assert message.startswith("Het rapport kon niet gemaakt worden met de bestanden")
    assert all(f"\u2018{name}\u2019" in message for name, _ in files)
    assert "herladen is niet nodig" in message
    restarts = page.evaluate(
        """async () => {
            const url = new URL("../../assets/javascripts/zelftest/runtime.mjs", document.baseURI);
            const runtime = (await import(url.href)).sharedRuntime();
            runtime.callTimeoutMs = 60000;
            return runtime.restarts;
        }"""
    )
    assert restarts == 1
    page.set_input_files(TEAM_INPUT, [])
    page.wait_for_selector(".teampagina[data-state=idle]")
    page.set_input_files(TEAM_INPUT, payloads(files))
    assert settled(page) == "ready", status(page)
