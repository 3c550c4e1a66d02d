"""Every built page is valid HTML: the Nu Html Checker (npm vnu-jar, run by Debian's Java).

One run of the checker over the whole site (a JVM starts once). Only Material's own template
markup is let through, each piece named by the checker's exact message and the exact tag it
points at; everything our content, hooks and template overrides write must be valid.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
#: (message, the flagged markup) of the errors in Material's templates, which the site cannot
#: change without a copy of Material's base.html and partials.
MATERIAL_TEMPLATE_ERRORS = (
    # partials/nav-item.html: a section's label in the menu, with an empty tabindex.
    (
        "Bad value “” for attribute “tabindex” on element “label”: "
        "The empty string is not a valid integer.",
        re.compile(
            r'<label class="md-nav__link (?:md-nav__link--active)?" for="__nav(?:_\d+)+" '
            r'id="__nav(?:_\d+)+_label" tabindex="">'
        ),
    ),
    # partials/toc.html: the label of a page's table of contents, on pages where Material leaves
    # out the checkbox (__toc) it names.
    (
        "The value of the “for” attribute of the “label” element must be the ID of a non-hidden "
        "form control.",
        re.compile(r'<label class="md-nav__title" for="__toc">'),
    ),
    # base.html: the two checkboxes that open the menu and the search on a phone carry
    # autocomplete="off", so that Firefox does not open them again after a reload.
    (
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
        "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, “search”, "
        "“tel”, “text”, “time”, “url”, or “week”.",
        re.compile(
            r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" '
            r'id="__\1" autocomplete="off">'
        ),
    ),
)
#: A page the checker must refuse: proof that it ran and reads what it is given.
BROKEN_PAGE = (
    '<!doctype html><html lang="nl"><head><title>x</title>'
    '<meta name="description" content="een "kapotte" beschrijving"></head><body></body></html>'
)


def run_checker(*paths: Path) -> list[dict]:
    """The checker's error messages (as its JSON gives them) for these files and folders."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is needed for the HTML check: run tools/ensure-test-tools.sh")
    if not VNU.is_file():
        pytest.fail(f"{VNU.relative_to(ROOT)} is missing: run 'make install' (npm ci)")
    done = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html"]
        + [str(path) for path in paths],
        capture_output=True,
        text=True,
        timeout=600,
    )
    # The report goes to stderr; exit code 1 means "errors found", anything else a failed run.
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return json.loads(done.stderr)["messages"]


def flagged(message: dict) -> str:
    """The exact markup a message points at."""
    start = message.get("hiliteStart", 0)
    return (message.get("extract") or "")[start : start + message.get("hiliteLength", 0)]


def is_material_template_error(message: dict) -> bool:
    return message.get("type") == "error" and any(
        message.get("message") == text and pattern.fullmatch(flagged(message))
        for text, pattern in MATERIAL_TEMPLATE_ERRORS
    )


def test_every_built_page_is_valid_html(site: Path, tmp_path: Path) -> None:
    broken = tmp_path / "kapot.html"
    broken.write_text(BROKEN_PAGE, "utf-8")
    messages = run_checker(site, broken)
    assert any(m.get("url", "").endswith("/kapot.html") for m in messages), "vnu checked nothing"
    found = [
        f"{m.get('url', '').partition(str(site))[2]}:{m.get('lastLine')}: {m.get('message')} "
        f"[{flagged(m)}]"
        for m in messages
        if not m.get("url", "").endswith("/kapot.html") and not is_material_template_error(m)
    ]
    assert found == []
