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
