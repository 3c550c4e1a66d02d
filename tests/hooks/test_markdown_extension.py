"""The Markdown extension (vwmarkdown) and the post-build page step (sitebuild.pages) together.

The extension knows no page: it writes addresses from the site's root (vw-root:...) and leaves an
element where a marker is wrong. The page step makes the addresses relative to each page, adds
the engine's early start and the start check's texts, and stops the build on a wrong marker or an
assessment that is not shown on its own page. Both run in any generator; no browser here.
"""

from __future__ import annotations

import json
from pathlib import Path

import markdown
import pytest

from assessments.files import load_all
from sitebuild import BuildError
from sitebuild.pages import START_CHECK_ID, finish_pages
from vwmarkdown import MarkersExtension
from vwmarkdown.render import ROOT, page_title, page_url

PROJECT = Path(__file__).resolve().parents[2]
RUNTIME = "assets/pyodide/0.0.0/"


def render_markdown(text: str) -> str:
    """A page's Markdown through the project's extension, as MkDocs and Zensical run it."""
    root = Path(__file__).resolve().parents[2]
    return markdown.markdown(
        text, extensions=[MarkersExtension(project=str(root)), "pymdownx.superfences"]
    )


def test_team_markers_become_team_pages_and_wrong_ones_an_error_for_the_build() -> None:
    html = render_markdown("# Rapport\n\n<!-- teamrapport -->\n")
    assert 'data-team="rapport"' in html and 'data-state="idle"' in html
    # Addresses from the site's root: the post-build step makes them relative to the page.
    assert 'data-site-root="vw-root:"' in html and 'data-runtime="vw-root:assets/pyodide/' in html
    assert 'id="teampagina-rapport-eerder"' in html and "Eerdere rapporten (optioneel)" in html
    assert "<" not in html.split('class="team-catalogus">')[1].split("</script>")[0]
    assert "<p>" not in html.split("<h1")[0] + html.split("</h1>")[1][:20]
    overview = render_markdown("<!-- afdelingsoverzicht -->\n")
    assert 'data-team="overzicht"' in overview and 'id="teampagina-overzicht-rapporten"' in overview
    twice = render_markdown("<!-- teamrapport -->\n\n<!-- teamrapport -->\n")
    assert twice.count('data-team="rapport"') == 1
    assert "staat twee keer op deze pagina" in twice and 'class="vw-bouwfout"' in twice
    unknown = render_markdown("<!-- spiegels -->\n")
    assert "onbekende regel &#x27;&lt;!-- spiegels --&gt;&#x27; voor een teampagina" in unknown
    # An example in code stays code.
    code = render_markdown("```markdown\n<!-- teamrapport -->\n```\n\n    <!-- spiegel -->\n")
    assert "teampagina" not in code and "vw-bouwfout" not in code


def test_an_assessment_marker_becomes_its_form_with_guidance_from_the_pages_own_titles() -> None:
    html = render_markdown("# Test\n\n<!-- zelftest: klant -->\n")
    assert html.count("<fieldset") == len(next(a for a in load_all() if a.id == "klant").items)
    assert 'data-runtime="vw-root:assets/pyodide/' in html and "<p><div" not in html
    links = json.loads(html.split('class="zelftest-leesverder">')[1].split("</script>")[0])
    first = links["fouten-herstellen"][0]
    assert first["href"].startswith(ROOT) and first["href"].endswith("/")
    source = first["href"].removeprefix(ROOT).rstrip("/") + ".md"
    assert first["title"] == page_title(PROJECT / "docs", source)
    unknown = render_markdown("<!-- zelftest: bestaat-niet -->\n")
    assert "onbekende zelftest &#x27;bestaat-niet&#x27;" in unknown and "vw-bouwfout" in unknown


def test_page_addresses_and_titles_follow_the_generators() -> None:
    assert page_url("a/index.md") == "a/" and page_url("index.md") == ""
    assert page_url("zelftests/klant.md") == "zelftests/klant/"
    assert page_title(PROJECT / "docs", "zelftests/klant.md") == "Klantvertrouwen-audit"


def site_with(tmp_path: Path, pages: dict[str, str]) -> Path:
    site = tmp_path / "site"
    for name, body in pages.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(f"<html><head></head><body>{body}</body></html>", "utf-8")
    return site


def form(assessment_id: str) -> str:
    return (
        f'<div class="zelftest" id="zelftest-{assessment_id}" data-assessment="{assessment_id}" '
        f'data-runtime="{ROOT}{RUNTIME}" data-site-root="{ROOT}"></div>'
    )


def every_page(exclude: str = "") -> dict[str, str]:
    """A site where every assessment stands on its page."""
    return {
        a.page.removesuffix(".md") + "/index.html": form(a.id)
        for a in load_all()
        if a.id != exclude
    } | {"index.html": "<p>Home</p>", "over/installeren/index.html": "<p>Installeren</p>"}


def test_the_page_step_makes_every_address_relative_to_its_page(tmp_path: Path) -> None:
    site = site_with(tmp_path, every_page())
    finish_pages(site, RUNTIME, load_all())
    klant = (site / "zelftests" / "klant" / "index.html").read_text("utf-8")
    assert ROOT not in klant
    assert 'data-runtime="../../assets/pyodide/0.0.0/" data-site-root="../../"' in klant
    assert '<meta name="vertrouwenswijzer-runtime" content="../../assets/pyodide/0.0.0/">' in klant
    assert (
        '<script type="module" async src="../../assets/javascripts/zelftest/runtime.mjs">' in klant
    )
    home = (site / "index.html").read_text("utf-8")
    assert "vertrouwenswijzer-runtime" not in home  # no form, no engine
    texts = json.loads(home.split(f'id="{START_CHECK_ID}">')[1].split("</script>")[0])
    assert texts["installerenAdres"] == "over/installeren/"
    # Twice gives the same pages: nothing is added again.
    before = {p: p.read_bytes() for p in site.rglob("*.html")}
    finish_pages(site, RUNTIME, load_all())
    assert before == {p: p.read_bytes() for p in site.rglob("*.html")}


def test_a_wrong_marker_stops_the_build_naming_its_source(tmp_path: Path) -> None:
    pages = every_page() | {
        "zelftests/index.html": '<div class="vw-bouwfout" data-bouwfout="de regel is fout &amp; zo"></div>'
    }
    site = site_with(tmp_path, pages)
    with pytest.raises(BuildError, match=r"^zelftests/index\.md: de regel is fout & zo$"):
        finish_pages(site, RUNTIME, load_all(), PROJECT / "docs")


def test_an_assessment_not_on_its_own_page_stops_the_build(tmp_path: Path) -> None:
    site = site_with(tmp_path, every_page(exclude="team"))
    with pytest.raises(BuildError, match=r"pagina 'zelftests/team\.md' moet zelftest 'team' tonen"):
        finish_pages(site, RUNTIME, load_all())
    twice = site_with(tmp_path / "b", every_page() | {"elders/index.html": form("team")})
    with pytest.raises(BuildError, match=r"\(nu: elders/index\.html, zelftests/team/index\.html\)"):
        finish_pages(twice, RUNTIME, load_all())


def test_a_team_page_on_two_pages_stops_the_build(tmp_path: Path) -> None:
    team = '<div class="teampagina" id="teampagina-rapport" data-team="rapport"></div>'
    site = site_with(tmp_path, every_page() | {"a/index.html": team, "b/index.html": team})
    with pytest.raises(BuildError, match=r"de teampagina 'rapport' staat op 2 pagina's"):
        finish_pages(site, RUNTIME, load_all())


def test_the_check_page_asks_for_the_search_index_the_generator_wrote(tmp_path: Path) -> None:
    check = markdown.markdown(
        "<!-- installatiecontrole -->\n", extensions=[MarkersExtension(project=str(PROJECT))]
    )
    assert 'data-zoekindex="vw-zoekindex"' in check
    for index in ("search/search_index.json", "search.json"):  # Material's, Zensical's
        site = site_with(
            tmp_path / index.replace("/", "-"), every_page() | {"over/controle/index.html": check}
        )
        (site / index).parent.mkdir(parents=True, exist_ok=True)
        (site / index).write_text("{}", "utf-8")
        finish_pages(site, RUNTIME, load_all())
        html = (site / "over" / "controle" / "index.html").read_text("utf-8")
        assert f'data-zoekindex="{index}"' in html and 'data-site-root="../../"' in html
