"""A definition full of markup builds into pages that show it as text, and nothing else.

Content owners' strings (titles, labels, band texts, question texts) reach the methods page,
the form and the JSON embedded in the page. None may add an element, an attribute, a link or a
table cell, nor end a script element early: checked in the HTML and in Chromium.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.hooks.test_build import CONFIG, GOOD, build, project
from tools.serve import serving

ATTACK = "<img src=x onerror=alert(1)>"
SCRIPT_END = "</script><!--<script>alert(2)</script>"
HOSTILE = (
    GOOD.replace("title: Proeftest", f'title: "Proef {{onclick=alert(3)}} | {ATTACK}"')
    .replace("label: Laag, text: Weinig.", f'label: "{ATTACK}", text: "Weinig | te weinig"')
    .replace("label: Altijd", 'label: "[klik](javascript:alert(4))"')
    .replace("text: Vraag zes.", f'text: "Vraag zes {SCRIPT_END}"')
    .replace("title: Zorg", 'title: "Zorg <b>vet</b> &amp;"')
)
pytestmark = pytest.mark.browser
METHODS_PAGE = "# Verantwoording\n\n<!-- zelftest-verantwoording -->\n"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = project(tmp_path_factory.mktemp("vijandig"), HOSTILE, "<!-- zelftest: proef -->\n")
    (directory / "docs" / "verantwoording.md").write_text(METHODS_PAGE, "utf-8")
    (directory / "mkdocs.yml").write_text(
        CONFIG.replace("  - vwmarkdown\n", "  - vwmarkdown\n  - attr_list\n  - tables\n"), "utf-8"
    )
    done = build(directory)
    assert done.returncode == 0, done.stderr
    return directory / "site"


def _pages(site: Path) -> dict[str, str]:
    return {
        name: (site / name / "index.html").read_text("utf-8")
        for name in ("verantwoording", "zelftests/proef")
    }


class _Elements(HTMLParser):
    """Every start tag of a page with its attributes, and the text of JSON script elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.json: list[str] = []
        self._in_json = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_json = tag == "script" and dict(attrs).get("type") == "application/json"

    def handle_endtag(self, tag: str) -> None:
        self._in_json = False

    def handle_data(self, data: str) -> None:
        if self._in_json:
            self.json.append(data)


def test_no_markup_from_a_definition_reaches_the_html(hostile_site: Path) -> None:
    for name, html in _pages(hostile_site).items():
        elements = _Elements()
        elements.feed(html)
        tags = [tag for tag, _ in elements.tags]
        assert "img" not in tags and "b" not in tags, name
        handlers = [(t, a) for t, attrs in elements.tags for a in attrs if a.startswith("on")]
        assert handlers == [], name
        links = [attrs.get("href") or "" for tag, attrs in elements.tags if tag == "a"]
        assert not any(link.startswith("javascript:") for link in links), name
        # Embedded JSON holds no "<": nothing in it can end its script element early.
        assert elements.json and not any("<" in body for body in elements.json), name
    methods = _pages(hostile_site)["verantwoording"]
    assert "<td>Weinig | te weinig</td>" in methods  # a "|" stays inside its cell
    assert "&lt;img src=x onerror=alert(1)&gt;" in methods


def test_embedded_definition_reads_back_whole(hostile_site: Path) -> None:
    html = _pages(hostile_site)["zelftests/proef"]
    found = re.search(
        r'<script type="application/json" class="zelftest-definitie">(.*?)</script>',
        html,
        re.DOTALL,
    )
    assert found and "<" not in found.group(1)
    definition = json.loads(found.group(1))
    assert definition["items"][-1]["text"] == f"Vraag zes {SCRIPT_END}"


def test_in_chromium_the_markup_is_text_and_no_script_runs(
    browser: Browser, hostile_site: Path
) -> None:
    with serving(hostile_site) as server:
        context = browser.new_context()
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in ("verantwoording/", "zelftests/proef/"):
            page.goto(server.url + path)
            assert page.locator("article img").count() == 0, path
            assert page.locator("article b").count() == 0, path
            assert page.locator("article a[href^='javascript:']").count() == 0, path
            assert page.locator("[onclick], [onerror]").count() == 0, path
        # The form is whole: every question is there, the last with its text as text.
        page.goto(server.url + "zelftests/proef/")
        assert page.locator("fieldset.zelftest-vraag").count() == 6
        assert SCRIPT_END in page.locator("fieldset.zelftest-vraag").last.inner_text()
        assert page.locator(".zelftest").get_attribute("data-state") in ("loading", "ready")
        context.close()
    assert dialogs == []
