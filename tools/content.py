"""Content checks on the built site: own words, Dutch spelling and readability (B1).

Reads the text a reader sees: the article of each built page, without scripts, code and the
reference lists of "Bronnen" sections (English titles). `python -m tools.content` prints the
readability report per page; the tests in tests/content use the same functions.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
SEED_FINGERPRINTS = ROOT / "tests" / "content" / "seed-8grams.txt"
WORD_LIST = ROOT / "tests" / "content" / "woordenlijst.txt"
RUN_LENGTH = 8
LONG_SENTENCE = 25
#: Sentences shorter than this many words read as choppy when there are many of them.
SHORT_SENTENCE = 6
BLOCKS = {"p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "legend", "label", "caption"}
PROSE = {"p", "li", "dd"}
SOURCE_HEADINGS = {"Bronnen", "Onderzoek en boeken", "Cijfers en rapporten"}


@dataclass(frozen=True)
class PageText:
    """The reader-visible text of one built page."""

    path: str
    text: str
    #: Only running text (paragraphs, list items, descriptions): what sentence length is about.
    prose: str


# ---- Reading pages ----


class _ArticleText(HTMLParser):
    """Collects the text inside <article>, skipping what a reader does not read as prose."""

    SKIP: ClassVar[set[str]] = {"script", "style", "code", "pre", "svg", "noscript", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_article = 0
        self.skipping = 0
        self.in_sources = False
        self.source_list_depth = 0
        self.heading: str | None = None
        self.heading_text: list[str] = []
        self.parts: list[str] = []
        self.prose: list[str] = []
        self.blocks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.in_article += 1
        if not self.in_article:
            return
        if tag in self.SKIP:
            self.skipping += 1
        if tag in ("h1", "h2", "h3"):
            self.heading, self.heading_text = tag, []
        if tag in ("ul", "ol") and self.in_sources:
            self.source_list_depth += 1
        if tag in BLOCKS:
            self.blocks.append(tag)
            self.parts.append("\n")
            self.prose.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if not self.in_article:
            return
        if tag == "article":
            self.in_article -= 1
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        if tag in ("ul", "ol") and self.source_list_depth:
            self.source_list_depth -= 1
        if tag == self.heading:
            title = "".join(self.heading_text).replace("¶", "").strip()
            # The reference lists under these headings hold (English) titles: not our prose.
            if tag in ("h1", "h2"):
                self.in_sources = title in SOURCE_HEADINGS
            self.heading = None
        if tag in BLOCKS and self.blocks:
            self.blocks.pop()
            self.parts.append("\n")
            self.prose.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.in_article or self.skipping:
            return
        if self.heading:
            self.heading_text.append(data)
        if self.source_list_depth:
            return
        self.parts.append(data)
        if self.blocks and self.blocks[-1] in PROSE:
            self.prose.append(data)


def page_texts(site: Path) -> list[PageText]:
    """The text of every content page of the built site (not the 404 page or the tag index)."""
    pages = []
    for html in sorted(site.rglob("index.html")):
        relative = html.parent.relative_to(site).as_posix()
        if relative.startswith(("assets", "search", "__")):
            continue
        parser = _ArticleText()
        parser.feed(html.read_text(encoding="utf-8"))
        pages.append(PageText(relative or "(home)", _clean(parser.parts), _clean(parser.prose)))
    return pages


def _clean(parts: list[str]) -> str:
    """Joined text with one line per block and single spaces."""
    text = re.sub(r"[ \t]+", " ", "".join(parts))
    return re.sub(r"\n\s*\n+", "\n", text).replace("¶", "").strip()


# ---- Own words ----


def words(text: str) -> list[str]:
    """Lower-case words, punctuation ignored."""
    return re.findall(r"[0-9a-zà-ÿ]+", text.lower())


def fingerprint(run: tuple[str, ...]) -> str:
    """A short hash of a run of words: lets the repo check overlap without holding the seeds."""
    return hashlib.sha256(" ".join(run).encode("utf-8")).hexdigest()[:16]


def runs(text: str, length: int = RUN_LENGTH) -> list[tuple[str, ...]]:
    """Every run of `length` consecutive words."""
    found = words(text)
    return [tuple(found[i : i + length]) for i in range(len(found) - length + 1)]


def seed_fingerprints() -> set[str]:
    """The 8-word runs of the seed articles: from ../shared/seeds when present, else the stored list."""
    if SEEDS.is_dir():
        return {
            fingerprint(run)
            for path in SEEDS.glob("*.txt")
            for run in runs(path.read_text("utf-8"))
        }
    return set(SEED_FINGERPRINTS.read_text(encoding="utf-8").split())


def write_seed_fingerprints() -> int:
    """Store the seeds' 8-word run hashes in the repo (no seed text), for clones without shared/."""
    prints = sorted(seed_fingerprints())
    SEED_FINGERPRINTS.write_text("\n".join(prints) + "\n", encoding="utf-8")
    return len(prints)


def shared_runs(page: PageText, seeds: set[str]) -> list[str]:
    """The runs of a page that also occur in a seed."""
    return [" ".join(run) for run in runs(page.text) if fingerprint(run) in seeds]


# ---- Spelling ----


def unknown_words(pages: list[PageText]) -> dict[str, list[str]]:
    """Words Dutch hunspell does not know and the project word list does not name, per page."""
    hunspell = shutil.which("hunspell")
    if hunspell is None:
        raise RuntimeError(
            "hunspell is not installed (Debian: apt-get install hunspell hunspell-nl)"
        )
    allowed = {
        line.strip()
        for line in WORD_LIST.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    found: dict[str, list[str]] = {}
    for page in pages:
        done = subprocess.run(
            [hunspell, "-d", "nl_NL", "-l", "-i", "utf-8"],
            input=_for_spelling(page.text),
            capture_output=True,
            text=True,
            check=True,
        )
        tokens = {word.strip(".'") for word in done.stdout.split()}
        unknown = sorted(
            word for word in tokens if re.search(r"[^\W\d_]", word) and word not in allowed
        )
        if unknown:
            found[page.path] = unknown
    return found


def _for_spelling(text: str) -> str:
    """Text with typographic quotes made plain, so that hunspell sees the words themselves."""
    text = re.sub(r"(?<=\w)’(?=\w)", "'", text)  # KPI’s -> KPI's
    return re.sub(r"[‘’“”\"/+()\[\]]", " ", text)


# ---- Readability ----


@dataclass(frozen=True)
class Readability:
    """Sentence figures of one page."""

    path: str
    sentences: int
    average_words: float
    long_share: float
    short_share: float


def sentences(text: str) -> list[list[str]]:
    """Sentences as word lists: split at . ! ? and at line ends (headings, list items, cells)."""
    found = []
    for line in text.splitlines():
        # Abbreviations with dots ("o.a.", "bijv.") would split sentences early; join them first.
        line = re.sub(r"\b([a-z])\.([a-z])\.", r"\1\2", line)
        for part in re.split(r"(?<=[.!?])\s+", line):
            sentence = re.findall(r"[\w'’-]+", part)
            if sentence:
                found.append(sentence)
    return found


def readability(page: PageText) -> Readability:
    """Average sentence length in words, and the shares of long (> 25) and short (< 6) sentences."""
    found = sentences(page.prose)
    lengths = [len(sentence) for sentence in found] or [0]
    long_share = sum(length > LONG_SENTENCE for length in lengths) / len(lengths)
    short_share = sum(0 < length < SHORT_SENTENCE for length in lengths) / len(lengths)
    return Readability(page.path, len(found), sum(lengths) / len(lengths), long_share, short_share)


def main() -> None:
    """Print the readability report of the built site (and refresh the seed fingerprints)."""
    site = ROOT / "site"
    if not (site / "index.html").is_file():
        raise SystemExit("error: site/ is not built; run 'make build' first")
    if "--write-seed-fingerprints" in sys.argv:
        print(f"stored {write_seed_fingerprints()} seed fingerprints in {SEED_FINGERPRINTS}")
    reports = [readability(page) for page in page_texts(site)]
    print(f"{'page':<58}{'sentences':>10}{'avg words':>10}{'> 25':>8}{'< 6':>8}")
    for report in reports:
        print(
            f"{report.path:<58}{report.sentences:>10}{report.average_words:>10.1f}"
            f"{report.long_share:>8.1%}{report.short_share:>8.1%}"
        )
    total = sum(r.sentences for r in reports)
    average = sum(r.average_words * r.sentences for r in reports) / total
    long_share = sum(r.long_share * r.sentences for r in reports) / total
    print(f"{'whole site':<58}{total:>10}{average:>10.1f}{long_share:>8.1%}")


if __name__ == "__main__":
    main()
