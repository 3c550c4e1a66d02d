"""Content quality on the built site: own words, Dutch spelling, plain language, citations."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tools import content

SECTIONS = (
    "vertrouwen-begrijpen/",
    "klantvertrouwen/",
    "onderling-vertrouwen/",
    "leiderschap-en-integriteit/",
    "betrouwbare-organisatie/",
    "vertrouwen-in-nederland/",
)
#: The section with conversation scripts, templates and checklists.
TOOLS = "hulpmiddelen/"
#: The one page that explains the model of Mayer, Davis & Schoorman (1995) in full.
MAYER_PAGE = "vertrouwen-begrijpen/waarop-vertrouwen-mensen"
#: Outcomes of a made-up case that would read as evidence: figures and doublings.
INVENTED_OUTCOME = re.compile(r"%|\bprocent\b|gehalveerd|halveerde|verdubbel|twee keer zo", re.I)
#: A case on a page: Material's example admonition, its title and its text.
EXAMPLE = re.compile(
    r'<div class="admonition example">\s*<p class="admonition-title">(?P<title>.*?)</p>'
    r"(?P<body>.*?)</div>",
    re.S,
)
#: The paragraph inside a case that names its cost, setback or partial result.
COST = re.compile(r"<p>\s*<strong>Wat het kostte:</strong>\s*\S")
#: The smallest share of cases that must show a cost: not every story on the site ends well.
COST_SHARE = 0.25
#: "(Mayer, Davis & Schoorman, 1995)" or "O'Neill (2002)": an author's name and a year.
CITATION = re.compile(
    r"\([^()]*[A-Z][\w'’-]+[^()]*\b(19|20)\d\d[a-z]?\)|[A-Z][\w'’-]+\s\((19|20)\d\d[a-z]?\)"
)


@pytest.fixture(scope="module")
def pages(site: Path) -> list[content.PageText]:
    found = content.page_texts(site)
    assert len(found) >= 30, "fewer pages than the site has: did the text extraction break?"
    return found


def guidance_pages(pages: list[content.PageText]) -> list[content.PageText]:
    """The content pages of the six sections (their overview pages excluded)."""
    return [page for page in pages if page.path.startswith(SECTIONS)]


def written_pages(pages: list[content.PageText]) -> list[content.PageText]:
    """Every page of reading matter: the six sections and the tools, overview pages included."""
    prefixes = tuple(section.rstrip("/") for section in (*SECTIONS, TOOLS))
    return [page for page in pages if page.path.startswith(prefixes)]


def test_no_page_shares_a_run_of_eight_words_with_a_seed(pages: list[content.PageText]) -> None:
    seeds = content.seed_fingerprints()
    assert len(seeds) > 1000
    shared = {page.path: content.shared_runs(page, seeds) for page in pages}
    assert {path: runs for path, runs in shared.items() if runs} == {}


def test_the_check_finds_a_copied_sentence() -> None:
    seeds = content.seed_fingerprints()
    if content.SEEDS.is_dir():
        seed = next(content.SEEDS.glob("*.txt")).read_text(encoding="utf-8")
        copied = " ".join(content.words(seed)[100:112])
    else:  # Without the seeds, prove the mechanism on the stored fingerprints' own source.
        pytest.skip("the seed articles (../shared/seeds) are not beside this clone")
    page = content.PageText("proef", f"Een zin vooraf. {copied} En een zin erna.", "")
    assert content.shared_runs(page, seeds)


def test_stored_seed_fingerprints_are_current() -> None:
    if not content.SEEDS.is_dir():
        pytest.skip("the seed articles (../shared/seeds) are not beside this clone")
    stored = set(content.SEED_FINGERPRINTS.read_text(encoding="utf-8").split())
    assert stored == content.seed_fingerprints(), (
        "run: python -m tools.content --write-seed-fingerprints"
    )


def test_every_word_is_known_to_dutch_hunspell_or_the_word_list(
    pages: list[content.PageText],
) -> None:
    assert content.unknown_words(pages) == {}


def test_hunspell_check_catches_a_misspelling() -> None:
    page = content.PageText(
        "proef", "Vertrouwen komt te voet en gaat te paard, zegt eem spreekwoord.", ""
    )
    assert content.unknown_words([page]) == {"proef": ["eem"]}


def test_pages_are_written_in_short_sentences(pages: list[content.PageText]) -> None:
    reports = [content.readability(page) for page in pages if page.prose]
    too_long = {r.path: round(r.average_words, 1) for r in reports if r.average_words > 15}
    assert too_long == {}
    many_long = {r.path: f"{r.long_share:.0%}" for r in reports if r.long_share > 0.10}
    assert many_long == {}


def test_guidance_pages_cite_literature_and_list_their_sources(
    pages: list[content.PageText], site: Path
) -> None:
    checked = guidance_pages(pages)
    assert len(checked) >= 20
    for page in checked:
        assert CITATION.search(page.prose), f"{page.path}: no (Auteur, jaar) citation"
        html = (site / page.path / "index.html").read_text(encoding="utf-8")
        assert 'id="bronnen"' in html, f"{page.path}: no 'Bronnen' section"


def test_guidance_pages_give_steps_and_an_example(
    site: Path, pages: list[content.PageText]
) -> None:
    for page in guidance_pages(pages):
        html = (site / page.path / "index.html").read_text(encoding="utf-8")
        assert 'id="wat-kun-je-doen"' in html, f"{page.path}: no 'Wat kun je doen?'"
        assert "admonition example" in html, f"{page.path}: no example from practice"
        assert "zelftests/" in html, f"{page.path}: no link to a self-assessment"


def test_pages_flow_instead_of_staccato(pages: list[content.PageText]) -> None:
    reports = [content.readability(page) for page in written_pages(pages) if page.prose]
    assert len(reports) >= 40
    choppy = {r.path: f"{r.short_share:.0%}" for r in reports if r.short_share > 0.12}
    assert choppy == {}


def test_no_two_sentences_in_a_row_lean_on_daarom(pages: list[content.PageText]) -> None:
    found = {}
    for page in pages:
        said = [{word.lower() for word in sentence} for sentence in content.sentences(page.prose)]
        pairs = [i for i in range(len(said) - 1) if "daarom" in said[i] and "daarom" in said[i + 1]]
        if pairs:
            found[page.path] = len(pairs)
    assert found == {}


def test_no_sentence_of_the_guidance_is_said_twice(pages: list[content.PageText]) -> None:
    seen: dict[str, str] = {}
    repeated = []
    for page in written_pages(pages):
        for sentence in content.sentences(page.prose):
            if len(sentence) < content.SHORT_SENTENCE:
                continue
            key = " ".join(sentence).lower()
            if key in seen and seen[key] != page.path:
                repeated.append((seen[key], page.path, key))
            seen.setdefault(key, page.path)
    assert repeated == []


def test_no_page_opens_with_the_same_formula(pages: list[content.PageText]) -> None:
    assert [page.path for page in pages if "op deze pagina lees je" in page.prose.lower()] == []


def test_mayer_is_explained_on_one_page_and_linked_from_the_others(
    pages: list[content.PageText], site: Path
) -> None:
    mentions = [page for page in written_pages(pages) if "Mayer" in page.prose]
    assert any(page.path == MAYER_PAGE for page in mentions)
    home = (site / MAYER_PAGE / "index.html").read_text(encoding="utf-8")
    assert 'id="het-model-van-mayer-en-collegas"' in home
    unlinked = [
        page.path
        for page in mentions
        if page.path != MAYER_PAGE
        and "waarop-vertrouwen-mensen/" not in (site / page.path / "index.html").read_text("utf-8")
    ]
    assert unlinked == []
    # Elsewhere the model gets a sentence or two, not a second explanation.
    wordy = {
        page.path: page.prose.count("Mayer")
        for page in mentions
        if page.path != MAYER_PAGE and page.prose.count("Mayer") > 2
    }
    assert wordy == {}


def test_every_case_is_marked_as_an_illustration_without_invented_results(site: Path) -> None:
    titles: dict[str, str] = {}
    problems = []
    for html in sorted(site.rglob("index.html")):
        page = html.parent.relative_to(site).as_posix()
        source = html.read_text(encoding="utf-8")
        for block in EXAMPLE.finditer(source):
            title = re.sub(r"<[^>]+>", "", block["title"]).strip()
            body = re.sub(r"<[^>]+>", " ", block["body"])
            if not title.startswith("Ter illustratie"):
                problems.append(f"{page}: '{title}' is not marked 'Ter illustratie'")
            if not re.search(r"verzonnen", body, re.I):
                problems.append(f"{page}: '{title}' does not say the case is made up")
            if INVENTED_OUTCOME.search(body):
                problems.append(f"{page}: '{title}' reports a figure as its outcome")
            if title in titles:
                problems.append(f"{page}: '{title}' is also the title of a case on {titles[title]}")
            titles[title] = page
    assert len(titles) >= 25
    assert problems == []


def test_a_quarter_of_the_cases_show_a_cost_or_a_setback(site: Path) -> None:
    cases, costly = [], []
    for html in sorted(site.rglob("index.html")):
        page = html.parent.relative_to(site).as_posix()
        for block in EXAMPLE.finditer(html.read_text(encoding="utf-8")):
            title = re.sub(r"<[^>]+>", "", block["title"]).strip()
            cases.append(f"{page}: {title}")
            if COST.search(block["body"]):
                costly.append(f"{page}: {title}")
    assert len(cases) >= 25
    assert len(costly) >= COST_SHARE * len(cases), (
        f"{len(costly)} of {len(cases)} cases start a paragraph with '**Wat het kostte:**'"
        f" (at least {COST_SHARE:.0%} must): {costly}"
    )


def test_every_tool_cites_its_sources(pages: list[content.PageText], site: Path) -> None:
    tools = [page for page in pages if page.path.startswith(TOOLS)]
    assert len(tools) >= 10
    for page in tools:
        assert CITATION.search(page.prose), f"{page.path}: no (Auteur, jaar) citation"
        html = (site / page.path / "index.html").read_text(encoding="utf-8")
        assert 'id="bronnen"' in html, f"{page.path}: no 'Bronnen' section"
