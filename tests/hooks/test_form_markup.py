"""The static form has no Dutch text of the hook's own: what it says comes from teksten.mjs.

The hook writes the questions (from the definitions) and the one sentence a reader without
JavaScript needs; that sentence, and the start check's messages, are teksten.mjs's ZONDER_SCRIPT.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest

from assessments.files import load_all
from vwmarkdown.render import PAGE_ONLY_KEYS, TEXTS_FILE, MarkerError, script_free_texts

TEXTS = script_free_texts(TEXTS_FILE)


class _FormText(HTMLParser):
    """The text inside div.zelftest that does not come from the definition, and its tags."""

    #: Text from the definition: the questions, the answer labels, the intro; and embedded data.
    FROM_DEFINITION: ClassVar[set[str]] = {"legend", "label", "script"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open div elements inside div.zelftest, itself included
        self.skipping = 0
        self.texts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "div" and (self.depth or "zelftest" in classes):
            self.depth += 1
        if not self.depth:
            return
        self.tags.append(tag)
        if tag in self.FROM_DEFINITION or "zelftest-intro" in classes or self.skipping:
            self.skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if not self.depth:
            return
        if self.skipping:
            self.skipping -= 1
        if tag == "div":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skipping and data.strip():
            self.texts.append(data.strip())


@pytest.mark.parametrize("assessment", load_all(), ids=lambda a: a.id)
def test_the_static_form_says_only_the_noscript_sentence_of_teksten(site: Path, assessment) -> None:
    html = (site / assessment.page.removesuffix(".md") / "index.html").read_text("utf-8")
    form = _FormText()
    form.feed(html)
    assert form.texts == [TEXTS["zonderJavaScript"]]
    # What needs the script is made by the script: no button, no progress line, no result.
    assert "button" not in form.tags and "section" not in form.tags
    assert "wordt geladen" not in html


@pytest.mark.parametrize("assessment", load_all(), ids=lambda a: a.id)
def test_the_browser_restores_no_answers_of_its_own_and_no_radio_carries_autocomplete(
    site: Path, assessment
) -> None:
    # autocomplete="off" on the form keeps the browser from filling in the radios again after a
    # reload or Back (the draft does that, when there is one); HTML allows it on no radio.
    html = (site / assessment.page.removesuffix(".md") / "index.html").read_text("utf-8")
    [form] = re.findall(r'<form class="zelftest-formulier"[^>]*>', html)
    assert ' autocomplete="off"' in form
    radios = re.findall(r'<input type="radio"[^>]*>', html)
    assert len(radios) >= len(assessment.items) * 2
    assert [radio for radio in radios if "autocomplete" in radio] == []


def test_every_page_carries_the_start_checks_texts_and_a_working_install_link(site: Path) -> None:
    pages = [page for page in site.rglob("*.html") if page.name != "404.html"]
    assert len(pages) >= 30
    pattern = re.compile(
        r'<script type="application/json" id="vertrouwenswijzer-startcontrole">(.*?)</script>'
    )
    for page in pages:
        found = pattern.findall(page.read_text("utf-8"))
        assert len(found) == 1, page
        texts = json.loads(found[0])
        assert {k: v for k, v in texts.items() if k != "installerenAdres"} == {
            k: v for k, v in TEXTS.items() if k not in PAGE_ONLY_KEYS
        }
        target = (page.parent / texts["installerenAdres"] / "index.html").resolve()
        assert target == (site / "over" / "installeren" / "index.html").resolve(), page


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("export const TEKSTEN = {};\n", "het blok ZONDER_SCRIPT ontbreekt"),
        (
            "// ---- ZONDER_SCRIPT: begin ----\n"
            "export const ZONDER_SCRIPT = Object.freeze({zonderJavaScript: 'x',});\n"
            "// ---- ZONDER_SCRIPT: end ----\n",
            "ZONDER_SCRIPT is geen geldige JSON",
        ),
        (
            "// ---- ZONDER_SCRIPT: begin ----\n"
            'export const ZONDER_SCRIPT = Object.freeze({"zonderJavaScript": "Zonder."});\n'
            "// ---- ZONDER_SCRIPT: end ----\n",
            "ZONDER_SCRIPT mist de tekst(en) vanSchijfKop, vanSchijf, startNiet, installeren",
        ),
    ],
)
def test_a_missing_or_broken_text_block_stops_the_build(
    tmp_path: Path, source: str, message: str
) -> None:
    path = tmp_path / "teksten.mjs"
    path.write_text(source, "utf-8")
    with pytest.raises(MarkerError, match=re.escape(message)):
        script_free_texts(path)
