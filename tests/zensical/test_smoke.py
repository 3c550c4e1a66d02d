"""The site built with Zensical, Material's successor, as `make build GENERATOR=zensical` builds it.

Zensical runs the Markdown extension (the forms and team pages) but no MkDocs hook; the post-build
step (`python -m sitebuild`) adds the runtime, the engine, the server files and the policy. The
smoke set, in real Chromium over HTTP with the policy the step wrote and every other host
unreachable: each assessment gets ready and scores as the CLI does, a team report from files is
the CLI's byte for byte, the installation check says "In orde" throughout, Zensical's own search
finds a page, and nothing breaks the policy or logs an error.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from assessments.files import load_all
from tests.browser.conftest import Visit, _visit, check_verdicts, cli_export, cli_score
from tests.browser.test_assessment_flow import (
    answer_and_submit,
    answer_patterns,
    band_text,
    shown_rows,
)
from tests.browser.test_team_pages import cli_json, download, make_report, team_files
from tools.serve import SiteServer, serving, site_policy

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
#: What a project needs to be built: the pages, the configuration and what the markers read.
PROJECT_PARTS = ("docs", "overrides", "includes", "mkdocs.yml", "deploy", "assessments")
PAGES = {a.id: a.page.removesuffix(".md") + "/" for a in load_all()}


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project copied (Zensical writes site/ and .cache/ inside it), built, then finished."""
    zensical = Path(sys.executable).parent / "zensical"
    if not zensical.is_file():
        pytest.fail(
            "Zensical is not installed: run 'make install-test' (requirements-zensical.txt)"
        )
    project = tmp_path_factory.mktemp("zensical")
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, project / part)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    built = subprocess.run(
        [str(zensical), "build", "--clean", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    site = project / "site"
    assert (site / "search.json").is_file(), "not a Zensical build: no search.json"
    finished = subprocess.run(
        [sys.executable, "-m", "sitebuild", str(site), "--project", str(project)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    return site


@pytest.fixture(scope="module")
def zensical_server(zensical_site: Path) -> Iterator[SiteServer]:
    """The Zensical site behind the policy the post-build step wrote for it."""
    with serving(zensical_site, csp=site_policy(zensical_site)) as running:
        yield running


@pytest.fixture()
def zvisit(browser: Browser, zensical_server: SiteServer) -> Iterator[Visit]:
    yield from _visit(browser, zensical_server)


def test_the_policy_allows_zensicals_own_inline_scripts(zensical_site: Path) -> None:
    policy = site_policy(zensical_site)
    # Zensical writes its storage helper differently from Material: the step found its hash.
    assert "'sha256-FnzPjIa2+7LhDSWlbaMBEIPh+9rL3lPN6J/MWljUoE0='" in policy
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert (zensical_site / ".htaccess").read_text("utf-8").count(policy) == 1


@pytest.mark.parametrize("assessment_id", sorted(PAGES))
def test_each_assessment_gets_ready_and_scores_as_the_cli_does(
    zvisit: Visit, assessment_id: str, tmp_path: Path
) -> None:
    definition = cli_export(assessment_id)
    answers = answer_patterns(definition)["mixed"]
    expected = cli_score(assessment_id, answers, tmp_path)
    answer_and_submit(zvisit, PAGES[assessment_id], answers)
    rows = shown_rows(zvisit)
    for dimension in expected["dimensions"]:
        answered = f"{dimension['answered']} van {dimension['items']}"
        if dimension["mean"] is None:
            assert rows[dimension["id"]] == ["te weinig antwoorden", answered]
        else:
            assert rows[dimension["id"]] == [
                dimension["shown_mean"],
                dimension["shown_score"],
                band_text(dimension),
                answered,
            ]
    zvisit.assert_stayed_local()


def test_a_team_report_from_files_is_the_clis(zvisit: Visit, tmp_path: Path) -> None:
    files = team_files(6, tmp_path)
    page = make_report(zvisit, files)
    _, data = download(page, "json")
    assert data == cli_json("team", files, tmp_path)
    zvisit.assert_stayed_local()


def test_the_installation_check_finds_everything_in_order(zvisit: Visit) -> None:
    page = zvisit.open("over/controle/")
    verdicts = check_verdicts(page)
    assert len(verdicts) >= 15 and {k: v for k, v in verdicts.items() if v != "ok"} == {}
    assert page.inner_text(".vw-controle-status").startswith("Alles in orde")
    # The check's own HEAD requests count as failed in Chromium's log when it reads no body, so
    # only the origin is checked here (as in tests/browser/test_installation_check.py).
    origin = zensical_origin(zvisit)
    assert [url for url in zvisit.requests if not url.startswith(origin)] == []
    assert zvisit.errors == []


def zensical_origin(visit: Visit) -> str:
    return "/".join(visit.server.url.split("/", 3)[:3]) + "/"


def test_zensicals_search_finds_a_page_under_the_policy(zvisit: Visit) -> None:
    page = zvisit.open("")
    page.wait_for_load_state("networkidle")
    page.click(".md-search__button")
    page.keyboard.type("klokkenluider", delay=30)
    # The dialog lives in Zensical's own shadow DOM; Playwright's locators look inside it.
    found = page.locator("a:has-text('Melden en klokkenluiders')").first
    found.wait_for(timeout=10_000)
    assert found.get_attribute("href")
    zvisit.assert_stayed_local()
