"""Benchmark (make bench): figures, not a pass/fail test; this machine is shared and noisy.

Every figure is a median over several runs, all in one run of this command, beside a baseline
measured in the same run, so that ratios stay meaningful on a busy machine:

- navigation to data-state="ready" on the assessment page, cold (new profile) and warm
  (persistent profile with a filled HTTP cache), on the plain loopback network and throttled
  to 50 Mbit/s (Chromium's own network emulation), beside a bare page that loads the same
  Pyodide files in a module worker and runs one Python statement; each in a browser that has
  settled after its launch (SETTLE_S);
- bytes on the wire on each of those loads, as the server counts them: response bodies (the
  precompressed copies where the browser takes them) and headers apart;
- submit to result shown (the engine's scoring plus rendering);
- drop to team report shown for 5, 50 and 200 result files, once the runtime is ready (goal:
  200 files in under 1 s), beside the engine alone on the same files in CPython;
- drop to department overview shown for 50 team reports (goal: under 1 s), the same way;
- the site's build time beside a build of the same docs with the hooks switched off.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Playwright, sync_playwright

from tools.chromium import CHROMIUM_FLAGS, chromium_path
from tools.serve import SiteServer, serving

ROOT = Path(__file__).resolve().parent.parent
ASSESSMENT_PAGE = "zelftests/persoonlijk/"
TEAM_PAGE = "zelftests/teamrapport/"
TEAM_SIZES = (5, 50, 200)
OVERVIEW_PAGE = "zelftests/afdelingsoverzicht/"
OVERVIEW_SIZES = (50,)
#: The file input of each page: the team's result files, the team reports.
TEAM_INPUT = "#teampagina-rapport-bestanden"
OVERVIEW_INPUT = "#teampagina-overzicht-rapporten"
BARE_PAGE = "__bench__/bare.html"
#: The throttled network: a good office connection to an intranet server.
THROTTLED_MBIT = 50
#: Seconds a freshly launched browser gets before each measured navigation. Just after launch,
#: Chromium 156 preloads its own address-bar pop-up (a WebUI page, chrome://omnibox-popup): about
#: 0.6 s of processor time in the first second, on a machine with two cores, that belongs to no
#: page. A reader's browser is long past that when they open a page. Bare and site alike.
SETTLE_S = 2.0
NETWORKS = {"plain": None, f"{THROTTLED_MBIT} Mbit/s": THROTTLED_MBIT}

BARE_HTML = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Kale Pyodide-pagina</title>
<link rel="icon" href="data:,">
<script type="module" src="bare.mjs"></script></head>
<body><p id="state" data-state="loading">laden</p></body></html>
"""
# The same worker set-up as the site's (module worker, same runtime files), minus our wheel.
BARE_MODULE = """const runtime = new URL("RUNTIME", document.baseURI).href;
const worker = new Worker(new URL("bare-worker.mjs", import.meta.url), { type: "module" });
worker.onmessage = (event) => {
  performance.mark("zelftest-klaar");
  document.getElementById("state").dataset.state = "ready";
  document.getElementById("state").textContent = String(event.data);
};
worker.postMessage(runtime);
"""
BARE_WORKER = """self.onmessage = async (event) => {
  const { loadPyodide } = await import(new URL("pyodide.mjs", event.data).href);
  const pyodide = await loadPyodide({ indexURL: event.data });
  self.postMessage(pyodide.runPython("1 + 1"));
};
"""


def main() -> None:
    """Run every measurement and print (and save) the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "5")))
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results" / "bench.json")
    args = parser.parse_args()
    if args.runs < 5:
        parser.error("use at least 5 runs: medians of fewer say little on a shared machine")
    executable = chromium_path()
    if executable is None:
        raise SystemExit("error: Chromium not found; run 'make bench', which installs it")

    figures: dict[str, Any] = {"runs": args.runs}
    with tempfile.TemporaryDirectory(prefix="bench-site-") as copy:
        site = Path(copy) / "site"
        shutil.copytree(args.site, site)
        runtime = _add_bare_page(site)
        with serving(site) as server, sync_playwright() as playwright:
            figures["loads"] = {
                f"{name} {network} {cache}": _loads(
                    playwright, executable, server, path, args.runs, cache == "warm", mbit
                )
                for network, mbit in NETWORKS.items()
                for cache in ("cold", "warm")
                for name, path in (("site", ASSESSMENT_PAGE), ("bare", BARE_PAGE))
            }
            figures["submit_to_result_ms"] = _submit_times(
                playwright, executable, server, args.runs
            )
            with tempfile.TemporaryDirectory(prefix="bench-team-") as folder:
                files = _team_files(Path(folder), max(TEAM_SIZES))
                figures["team_report_ms"] = _team_times(
                    playwright,
                    executable,
                    server,
                    (TEAM_PAGE, TEAM_INPUT),
                    files,
                    TEAM_SIZES,
                    args.runs,
                )
                figures["team_report_cpython_ms"] = _engine_times(
                    "team_report", files, TEAM_SIZES, args.runs
                )
                reports = _team_reports(Path(folder), max(OVERVIEW_SIZES))
                figures["overview_ms"] = _team_times(
                    playwright,
                    executable,
                    server,
                    (OVERVIEW_PAGE, OVERVIEW_INPUT),
                    reports,
                    OVERVIEW_SIZES,
                    args.runs,
                )
                figures["overview_cpython_ms"] = _engine_times(
                    "department_overview", reports, OVERVIEW_SIZES, args.runs
                )
        figures["runtime"] = runtime
    figures["build_s"] = _build_times(args.runs)
    _report(figures)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"\n(saved to {args.out})")


# ---- Measurements ----


def _loads(
    playwright: Playwright,
    executable: str,
    server: SiteServer,
    path: str,
    runs: int,
    warm: bool,
    mbit: int | None,
) -> dict[str, float]:
    """Median time to ready and bytes sent, each run in a fresh browser process.

    Cold: a new profile each run. Warm: one persistent profile, filled once, then reopened
    for each run, so the HTTP cache on disk serves what it may. (A context from new_context()
    keeps no large files, and route() switches the HTTP cache off: neither measures a warm
    load.)
    """
    times, bodies, headers = [], [], []
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as shared:
        if warm:
            _ready_time(playwright, executable, server, path, shared, mbit)
        for _ in range(runs):
            profile = shared if warm else tempfile.mkdtemp(prefix="bench-cold-")
            server.reset_counters()
            times.append(_ready_time(playwright, executable, server, path, profile, mbit))
            bodies.append(server.bytes_sent)
            headers.append(server.header_bytes_sent)
            if not warm:
                shutil.rmtree(profile, ignore_errors=True)
    return {
        "ready_ms": statistics.median(times),
        "bytes": statistics.median(bodies),
        "header_bytes": statistics.median(headers),
    }


def _ready_time(
    playwright: Playwright,
    executable: str,
    server: SiteServer,
    path: str,
    profile: str,
    mbit: int | None,
) -> float:
    """Milliseconds from navigation start to the page's "zelftest-klaar" mark."""
    context = playwright.chromium.launch_persistent_context(
        profile, executable_path=executable, args=CHROMIUM_FLAGS
    )
    try:
        page = context.new_page()
        time.sleep(SETTLE_S)
        if mbit is not None:
            # Applies to the page's worker too: its fetches go through the page's network.
            session = context.new_cdp_session(page)
            session.send("Network.enable")
            rate = mbit * 1_000_000 / 8
            session.send(
                "Network.emulateNetworkConditions",
                {
                    "offline": False,
                    "latency": 0,
                    "downloadThroughput": rate,
                    "uploadThroughput": rate,
                },
            )
        # The clock is the page's own (its mark against navigation start); Playwright's waits
        # are only generous, for a busy machine.
        page.goto(server.url + path, wait_until="commit", timeout=180_000)
        page.wait_for_selector("[data-state=ready]", timeout=180_000)
        return float(page.evaluate("performance.getEntriesByName('zelftest-klaar')[0].startTime"))
    finally:
        context.close()


def _submit_times(playwright: Playwright, executable: str, server: SiteServer, runs: int) -> float:
    """Median milliseconds from submit to the result shown, over several submissions."""
    browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
    try:
        page = browser.new_page()
        page.goto(server.url + ASSESSMENT_PAGE)
        page.wait_for_selector(".zelftest[data-state=ready]", timeout=180_000)
        durations = []
        for run in range(runs):
            value = str(1 + run % 5)
            for fieldset in page.query_selector_all("fieldset.zelftest-vraag"):
                fieldset.query_selector(f"input[value='{value}']").check()
            page.evaluate("performance.clearMeasures('zelftest-berekening')")
            page.click("button[type=submit]")
            page.wait_for_function("performance.getEntriesByName('zelftest-berekening').length > 0")
            durations.append(
                page.evaluate("performance.getEntriesByName('zelftest-berekening')[0].duration")
            )
        return float(statistics.median(durations))
    finally:
        browser.close()


def _team_times(
    playwright: Playwright,
    executable: str,
    server: SiteServer,
    where: tuple[str, str],
    files: list[Path],
    sizes: tuple[int, ...],
    runs: int,
) -> dict[str, float]:
    """Median milliseconds from choosing files to the report shown, per number of files, on a
    team page (``where``: its path and its file input).

    The clock starts at the file input's change event and stops when the page's root reaches
    data-state="ready"; both are read inside the page, so Playwright's own overhead stays out.
    The runtime is ready before the first run (the goal is about the report, not the start).
    """
    browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
    try:
        path, file_input = where
        page = browser.new_page()
        page.goto(server.url + path)
        page.wait_for_function(
            "performance.getEntriesByName('zelftest-klaar').length > 0", timeout=180_000
        )
        timings: dict[str, float] = {}
        for size in sizes:
            durations = []
            for _ in range(runs):
                # A browser fires no change event for the same files again: empty the choice.
                page.set_input_files(file_input, [])
                page.wait_for_selector(".teampagina[data-state=idle]")
                page.evaluate(_TEAM_CLOCK.replace("INPUT", file_input))
                page.set_input_files(file_input, files[:size])
                page.wait_for_function("window.__teamKlaar !== undefined", timeout=120_000)
                durations.append(page.evaluate("window.__teamKlaar - window.__teamStart"))
            timings[str(size)] = float(statistics.median(durations))
        return timings
    finally:
        browser.close()


#: Start the clock on the file input's change event and stop it when the root becomes ready.
_TEAM_CLOCK = """() => {
  const root = document.querySelector(".teampagina");
  const input = root.querySelector("input[type=file][multiple]");
  window.__teamStart = undefined;
  window.__teamKlaar = undefined;
  input.addEventListener("change", () => { window.__teamStart = performance.now(); },
                         { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (window.__teamStart !== undefined && root.dataset.state === "ready") {
      window.__teamKlaar = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(root, { attributes: true, attributeFilter: ["data-state"] });
}"""


def _engine_times(
    function: str, files: list[Path], sizes: tuple[int, ...], runs: int
) -> dict[str, float]:
    """Median milliseconds of the engine alone (CPython) on the same files: the floor."""
    from assessments.files import load_all
    from assessments.overview import department_overview
    from assessments.team import catalog_of, team_report

    make = {"team_report": team_report, "department_overview": department_overview}[function]
    catalog = catalog_of(load_all())
    data = [(path.name, path.read_bytes()) for path in files]
    timings = {}
    for size in sizes:
        durations = []
        for _ in range(runs):
            start = time.perf_counter()
            make(data[:size], catalog)
            durations.append((time.perf_counter() - start) * 1000)
        timings[str(size)] = statistics.median(durations)
    return timings


def _build_times(runs: int) -> dict[str, float]:
    """Median seconds for `mkdocs build` with the hooks and with them switched off."""
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    without_hooks = ROOT / ".bench-without-hooks.yml"
    # INHERIT merges with this file; a list given here replaces the inherited one.
    without_hooks.write_text("INHERIT: mkdocs.yml\nhooks: []\nstrict: false\n", encoding="utf-8")
    timings: dict[str, list[float]] = {"with_hooks": [], "without_hooks": []}
    try:
        with tempfile.TemporaryDirectory(prefix="bench-build-") as out:
            for _ in range(runs):
                for name, config in (
                    ("with_hooks", "mkdocs.yml"),
                    ("without_hooks", without_hooks.name),
                ):
                    timings[name].append(_timed_build(mkdocs, config, Path(out) / name))
    finally:
        without_hooks.unlink()
    return {name: statistics.median(values) for name, values in timings.items()}


# ---- Helper functions ----


def _team_files(folder: Path, count: int) -> list[Path]:
    """Result files of the team test, as members save them: random answers, some "weet ik niet"."""
    import random

    from assessments.documents import result_document
    from assessments.files import load_all
    from assessments.scoring import score

    assessment = next(a for a in load_all() if a.id == "team")
    rng = random.Random(20261126)
    values = [option.value for option in assessment.scale.options]
    paths = []
    for number in range(1, count + 1):
        answers = {
            item.id: None if rng.random() < 0.1 else rng.choice(values) for item in assessment.items
        }
        path = folder / f"deelnemer-{number:03d}.json"
        path.write_text(json.dumps(result_document(score(assessment, answers))), encoding="utf-8")
        paths.append(path)
    return paths


def _team_reports(folder: Path, count: int) -> list[Path]:
    """Team reports of the team test, as facilitators download them: teams of 5 to 15 people."""
    import random

    from assessments.documents import result_document
    from assessments.files import load_all
    from assessments.scoring import score
    from assessments.team import catalog_of, team_report

    catalog = catalog_of(load_all())
    assessment = catalog["team"]
    rng = random.Random(20261207)
    values = [option.value for option in assessment.scale.options]
    paths = []
    for number in range(1, count + 1):
        centre = rng.uniform(2, 4)
        files = []
        for member in range(rng.randint(5, 15)):
            answers = {
                item.id: None
                if rng.random() < 0.1
                else min(values[-1], max(values[0], round(rng.gauss(centre, 1))))
                for item in assessment.items
            }
            document = result_document(score(assessment, answers))
            files.append((f"{member}.json", json.dumps(document).encode()))
        path = folder / f"team-{number:02d}.json"
        report = team_report(files, catalog)
        path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _add_bare_page(site: Path) -> str:
    """Write the baseline page next to the site copy; return the runtime's path in the site."""
    runtimes = sorted((site / "assets" / "pyodide").iterdir())
    runtime = f"assets/pyodide/{runtimes[-1].name}/"
    bench = site / "__bench__"
    bench.mkdir()
    (bench / "bare.html").write_text(BARE_HTML, encoding="utf-8")
    (bench / "bare.mjs").write_text(
        BARE_MODULE.replace("RUNTIME", "../" + runtime), encoding="utf-8"
    )
    (bench / "bare-worker.mjs").write_text(BARE_WORKER, encoding="utf-8")
    return runtime


def _timed_build(mkdocs: str, config: str, site_dir: Path) -> float:
    """Seconds one `mkdocs build` takes."""
    start = time.perf_counter()
    subprocess.run(
        [mkdocs, "build", "--quiet", "--config-file", config, "--site-dir", str(site_dir)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return time.perf_counter() - start


def _report(figures: dict[str, Any]) -> None:
    """Print the figures as a small table with ratios against the baselines."""
    loads, build = figures["loads"], figures["build_s"]
    rows = []
    for network in NETWORKS:
        for cache in ("cold", "warm"):
            ours, bare = loads[f"site {network} {cache}"], loads[f"bare {network} {cache}"]
            rows.append(
                (f"ready, {cache}, {network} (ms)", ours["ready_ms"], bare["ready_ms"], ",.0f")
            )
    for cache in ("cold", "warm"):
        ours, bare = loads[f"site plain {cache}"], loads[f"bare plain {cache}"]
        rows.append((f"bytes, {cache} (bodies)", ours["bytes"], bare["bytes"], ",.0f"))
        rows.append(
            (f"bytes, {cache} (headers)", ours["header_bytes"], bare["header_bytes"], ",.0f")
        )
    rows.append(("build (s), hooks vs none", build["with_hooks"], build["without_hooks"], ",.2f"))
    print(f"Medians over {figures['runs']} runs (runtime {figures['runtime']})")
    print(f"{'measure':<34}{'site':>14}{'baseline':>14}{'ratio':>8}")
    for name, ours, baseline, number in rows:
        ratio = f"{ours / baseline:.2f}" if baseline else "-"
        print(f"{name:<34}{ours:>14{number}}{baseline:>14{number}}{ratio:>8}")
    print(f"{'submit to result (ms)':<34}{figures['submit_to_result_ms']:>14.1f}")
    print(f"\n{'team pages (ms)':<34}{'browser':>14}{'engine alone':>14}{'ratio':>8}")
    for key, what in (("team_report", "report, {} files"), ("overview", "overview, {} reports")):
        for size, browser_ms in figures[f"{key}_ms"].items():
            engine_ms = figures[f"{key}_cpython_ms"][size]
            label = "  drop to " + what.format(size)
            print(f"{label:<34}{browser_ms:>14.1f}{engine_ms:>14.1f}{browser_ms / engine_ms:>8.2f}")


if __name__ == "__main__":
    main()
