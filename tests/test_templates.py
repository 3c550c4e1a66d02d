"""Our corrections to Material's templates (overrides/main.html): escaped meta tags, a named search
dialog. Built in a small project of its own, so that any text is tried, not only today's pages."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Texts that break an attribute written without escaping.
AWKWARD = "Waarom \"de klant centraal\" niet genoeg is: <zeg> 'het' & meer"
SEARCH_DIALOG_NAME = "Zoeken op deze site"


class _Head(HTMLParser):
    """The attributes of every <meta name=...> and of the search dialog."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[dict[str, str | None]]] = {}
        self.dialogs: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "meta" and "name" in found:
            self.meta.setdefault(found["name"] or "", []).append(found)
        if found.get("role") == "dialog":
            self.dialogs.append(found)


def head(html: str) -> _Head:
    parsed = _Head()
    parsed.feed(html)
    return parsed


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with Material, our overrides and pages whose front matter is awkward."""
    project = tmp_path_factory.mktemp("sjablonen")
    (project / "docs").mkdir()
    (project / "docs" / "index.md").write_text("# Thuis\n", "utf-8")
    (project / "docs" / "pagina.md").write_text(
        f"---\ndescription: '{AWKWARD.replace(chr(39), chr(39) * 2)}'\n"
        f"author: 'Jan \"de Schrijver\" & co'\n---\n\n# Pagina\n",
        "utf-8",
    )
    (project / "mkdocs.yml").write_text(
        "site_name: Proef\n"
        'site_description: Een "site" & meer\n'
        "theme:\n  name: material\n  language: nl\n  font: false\n"
        f"  custom_dir: {ROOT / 'overrides'}\n"
        "plugins:\n  - search\n",
        "utf-8",
    )
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    done = subprocess.run(
        [mkdocs, "build", "--quiet", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return project / "site"


def test_a_description_with_quotes_and_brackets_stays_one_intact_attribute(
    small_site: Path,
) -> None:
    page = head((small_site / "pagina" / "index.html").read_text("utf-8"))
    assert page.meta["description"] == [{"name": "description", "content": AWKWARD}]
    assert page.meta["author"] == [{"name": "author", "content": 'Jan "de Schrijver" & co'}]
    home = head((small_site / "index.html").read_text("utf-8"))
    assert home.meta["description"] == [{"name": "description", "content": 'Een "site" & meer'}]


def test_the_search_dialog_has_a_dutch_name(small_site: Path) -> None:
    for html in (small_site / "index.html", small_site / "pagina" / "index.html"):
        dialogs = head(html.read_text("utf-8")).dialogs
        assert [d.get("aria-label") for d in dialogs] == [SEARCH_DIALOG_NAME], html


def test_every_page_of_the_site_has_one_intact_description_and_a_named_search(
    site: Path,
) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 30
    for path in pages:
        page = head(path.read_text("utf-8"))
        [description] = page.meta["description"]
        assert set(description) == {"name", "content"}, path
        assert [d.get("aria-label") for d in page.dialogs] == [SEARCH_DIALOG_NAME], path
