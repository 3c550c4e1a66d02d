"""The team pages in Chromium: Teamrapport and Spiegel make from dropped files what the CLI makes.

Result files are made with the CLI (`score`), handed to the page's file input, and the page's
JSON download is compared with `python -m assessments team` (or `mirror`) for the same files.
Files from other people are hostile: each bad one is left out with its reason, shown as text.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import math
import random
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.exceptions import PluginError
from playwright.sync_api import Page
from pypdf import PdfReader

from assessments.team import MAX_FILES, MIN_RESPONDENTS
from assessments.untrusted import MAX_FILE_BYTES
from tests.browser.conftest import READY_TIMEOUT_MS, Visit, cli_export
from tests.browser.test_accessibility import violations
from tests.hooks.test_build import load_hook

pytestmark = pytest.mark.browser
REPORT = "zelftests/teamrapport/"
MIRROR = "zelftests/spiegel/"
TEAM_INPUT = "#teampagina-rapport-bestanden"
OWN_INPUT = "#teampagina-spiegel-eigen"
MIRROR_TEAM_INPUT = "#teampagina-spiegel-team"
#: Longer than the page's own limits together (reading, the engine's start, one call), so that a
#: slow machine shows the page's error state rather than a test timeout.
SETTLED_TIMEOUT_MS = 240_000
MARKUP = "<img src=x onerror=window.__pwned=1>"

File = tuple[str, bytes]


# ---- Making result files with the CLI ----


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assessments", *args], capture_output=True, text=True, check=False
    )


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


@functools.cache
def definition_of(assessment_id: str) -> dict:
    return cli_export(assessment_id)


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
    folder = tmp_path / "bestanden"
    folder.mkdir(exist_ok=True)
    paths = []
    for index, (name, data) in enumerate(files):
        # A repeated name gets a folder of its own: the CLI shows only the base name.
        target = folder / str(index) / name
        target.parent.mkdir()
        target.write_bytes(data)
        paths.append(str(target))
    return paths


def cli_document(command: str, files: list[File], tmp_path: Path) -> dict:
    done = cli(command, *on_disk(files, tmp_path))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


# ---- The page ----


def payloads(files: list[File]) -> list[dict[str, Any]]:
    return [{"name": name, "mimeType": "application/json", "buffer": data} for name, data in files]


def settled(page: Page) -> str:
    """Wait until the page is ready or has failed; its data-state."""
    page.wait_for_selector(
        ".teampagina[data-state=ready], .teampagina[data-state=error]", timeout=SETTLED_TIMEOUT_MS
    )
    return page.get_attribute(".teampagina", "data-state") or ""


def make_report(visit: Visit, files: list[File]) -> Page:
    page = visit.open(REPORT)
    assert page.get_attribute(".teampagina", "data-state") == "idle"
    page.set_input_files(TEAM_INPUT, payloads(files))
    assert settled(page) == "ready", page.inner_text(".teampagina-status")
    return page


def download(page: Page, kind: str) -> tuple[str, bytes]:
    with page.expect_download() as waiting:
        page.click(f"[data-download={kind}]")
    saved = waiting.value
    return saved.suggested_filename, Path(saved.path()).read_bytes()


def shown_position(score: float) -> str:
    """A position as the page shows it: JavaScript's Math.round (halves round up)."""
    return str(math.floor(score + 0.5))


def status(page: Page) -> str:
    return page.inner_text(".teampagina-status-tekst")


# ---- Teamrapport ----


def test_report_from_many_files_is_what_the_cli_makes_of_them(visit: Visit, tmp_path: Path) -> None:
    files = team_files(8, tmp_path, withheld=4)  # the first dimension: 4 respondents only
    page = make_report(visit, files)
    expected = cli_document("team", files, tmp_path)

    name, data = download(page, "json")
    prefix = f"vertrouwenswijzer-teamrapport-team-v{expected['version']}-"
    assert name.startswith(prefix) and name.endswith(".json")
    assert json.loads(data) == expected
    assert page.inner_text(".teampagina-kop") == f"Teamrapport: {expected['title']}"

    for dimension in expected["dimensions"]:
        row = page.locator(f".team-tabel tr[data-dimensie='{dimension['id']}']")
        assert row.locator(".team-n").inner_text() == str(dimension["n"])
        if dimension["mean"] is None:
            assert dimension["n"] < MIN_RESPONDENTS
            assert row.locator(".team-ontbreekt").inner_text() == "te weinig respondenten"
            assert row.locator(".zelftest-score").count() == 0
        else:
            assert row.locator(".zelftest-score").inner_text() == shown_position(dimension["score"])
            assert row.locator(".zelftest-band").inner_text() == dimension["band"]["label"]
            assert dimension["agreement"] in row.locator(".team-rwg").inner_text()
            assert (
                row.locator(".team-alfa").inner_text()
                == "te weinig respondenten voor betrouwbaarheid"
            )
    withheld = [d for d in expected["dimensions"] if d["mean"] is None]
    assert len(withheld) == 1 and expected["overall"] is None

    for item in expected["items"]:
        row = page.locator(f".team-vragen tr[data-vraag='{item['id']}']")
        assert row.locator(".team-weet-niet").inner_text() == str(item["dont_know"])
        if item["counts"] is None:
            assert row.locator(".team-ontbreekt").inner_text() == "te weinig respondenten"
            assert row.locator(".team-verdeling").count() == 0
        else:
            for value, count in item["counts"].items():
                assert row.locator(f"[data-antwoord='{value}']").inner_text() == str(count)
            assert row.locator(".team-verdeling .team-segment").count() == len(item["counts"]) + 1
    assert page.inner_text(".team-afgevallen-geen") == "Alle bestanden tellen mee."
    visit.assert_stayed_local()


def test_report_csv_has_a_row_per_dimension_and_per_item(visit: Visit, tmp_path: Path) -> None:
    files = team_files(6, tmp_path, seed=11)
    page = make_report(visit, files)
    expected = cli_document("team", files, tmp_path)
    name, data = download(page, "csv")
    assert name.endswith(".csv")
    text = data.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:6] == ["soort", "zelftest", "versie", "id", "titel", "dimensie"]
    assert [row[3] for row in body if row[0] == "dimensie"] == [
        d["id"] for d in expected["dimensions"]
    ]
    assert [row[3] for row in body if row[0] == "vraag"] == [i["id"] for i in expected["items"]]
    first = next(row for row in body if row[0] == "dimensie")
    column = dict(zip(header, first, strict=False))
    assert column["gemiddelde"] == str(expected["dimensions"][0]["mean"]).replace(".", ",")
    assert column["band"] == expected["dimensions"][0]["band"]["label"]


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
        ("diep.json", b"[" * 100_000),
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
        "groot.json": "is groter dan 1 MB",
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

    # In the CSV, a name that starts like a formula is text for a spreadsheet.
    text = download(page, "csv")[1].decode("utf-8").removeprefix("\ufeff")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    names = [row[3] for row in rows if row[0] == "niet meegeteld"]
    assert names == [name if name[0] not in "=+-@" else f"'{name}" for name, _ in bad]
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
    assert catalog["limits"]["max_file_bytes"] == MAX_FILE_BYTES


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

    expected = cli_document("mirror", [own, *team_and_copy], tmp_path)
    name, data = download(page, "json")
    assert name.startswith(f"vertrouwenswijzer-spiegel-leiderschap-v{expected['self']['version']}-")
    assert json.loads(data) == expected
    assert expected["team"]["respondents"] == 6
    assert [entry["file"] for entry in expected["left_out"]] == ["eigen-kopie.json"]
    left_out = page.locator(".team-afgevallen li")
    assert left_out.count() == 1
    assert "telt nooit mee in de cijfers van het team" in left_out.inner_text()

    readings = []
    for dimension in expected["dimensions"]:
        row = page.locator(f".spiegel-tabel tr[data-dimensie='{dimension['id']}']")
        own_cell = row.locator(".spiegel-eigen").inner_text()
        if dimension["self"] is None:
            assert own_cell == "te weinig antwoorden in je eigen uitslag"
            continue
        assert own_cell == shown_position(dimension["self"])
        if dimension["team"] is None:
            assert row.locator(".spiegel-team").inner_text() == "te weinig respondenten"
            continue
        assert row.locator(".spiegel-team").inner_text() == shown_position(dimension["team"])
        difference = row.locator(".spiegel-verschil").inner_text()
        assert difference.lstrip("+") == shown_position(dimension["difference"])
        readings.append(row.locator(".spiegel-duiding").get_attribute("data-duiding"))
        if not dimension["meaningful"]:
            assert row.locator(".spiegel-duiding").inner_text() == (
                "Jullie beelden liggen dicht bij elkaar."
            )
    assert readings[:3] == ["blinde-vlek", "verborgen-kracht", "dichtbij"]
    blind = page.locator(".spiegel-duiding[data-duiding=blinde-vlek]").first.inner_text()
    assert blind.startswith("Blinde vlek? Je team ziet hier minder dan jij.")

    text = download(page, "csv")[1].decode("utf-8")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert [row[0] for row in rows[1:]] == [d["id"] for d in expected["dimensions"]]
    assert [row[5] for row in rows[1:3]] == ["ja", "ja"]

    # The team part is the team report of the same files, without buttons of its own.
    assert page.locator("[data-download=json]").count() == 1
    assert page.locator(".team-tabel tbody tr").count() == len(expected["dimensions"])
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


# ---- Access: WCAG, phone, keyboard, paper ----


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


def test_file_inputs_are_reached_with_the_keyboard(plain_visit: Visit) -> None:
    for path, inputs in ((REPORT, [TEAM_INPUT]), (MIRROR, [OWN_INPUT, MIRROR_TEAM_INPUT])):
        page = plain_visit.open(path)
        reached = []
        for _ in range(200):
            page.keyboard.press("Tab")
            focused = page.evaluate("document.activeElement.id")
            if f"#{focused}" in inputs and f"#{focused}" not in reached:
                reached.append(f"#{focused}")
            if reached == inputs:
                break
        assert reached == inputs


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
    for title in (d["title"] for d in definition_of("team")["dimensions"]):
        assert title in text
    for absent in ("Voor wie is deze pagina?", "Uitslagbestanden van het team", "Zoeken"):
        assert absent not in text, absent


# ---- The hook ----


def hook_page(source: str) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=source), url=source.replace(".md", "/"))


def test_unknown_or_repeated_team_marker_stops_the_build() -> None:
    hook = load_hook("teams")
    root = Path(__file__).resolve().parents[2]
    config = SimpleNamespace(
        config_file_path=str(root / "mkdocs.yml"),
        extra={"zelftest_runtime": "assets/pyodide/0.0.0/"},
    )
    hook.on_config(config)
    html = hook.on_page_content("<!-- teamrapport -->", hook_page("a.md"), config, None)
    assert 'data-team="rapport"' in html and 'data-state="idle"' in html
    assert "<" not in html.split('class="team-catalogus">')[1].split("</script>")[0]
    with pytest.raises(PluginError, match=r"b\.md: de regel <!-- teamrapport --> staat al op"):
        hook.on_page_content("<!-- teamrapport -->", hook_page("b.md"), config, None)
    with pytest.raises(
        PluginError, match="onbekende regel '<!-- spiegels -->' voor een teampagina"
    ):
        hook.on_page_content("<!-- spiegels -->", hook_page("c.md"), config, None)
