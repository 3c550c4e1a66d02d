"""The built site as IT hosts it: relative URLs only, nothing loaded from outside, CSP-friendly code."""

from __future__ import annotations

import re
from pathlib import Path

JS_DIR = Path(__file__).resolve().parent.parent / "docs" / "assets" / "javascripts" / "zelftest"
#: Attributes that make a browser load something (links a reader clicks are not loads).
LOADING = re.compile(
    r"<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc=\"([^\"]+)\"|<link\b[^>]*\bhref=\"([^\"]+)\""
)


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_loads_only_files_of_the_site_itself(site: Path) -> None:
    outside = {}
    for page in pages(site):
        for match in LOADING.finditer(page.read_text(encoding="utf-8")):
            url = match.group(1) or match.group(2)
            if re.match(r"^([a-z]+:)?//", url) and not url.startswith("data:"):
                outside.setdefault(str(page.relative_to(site)), []).append(url)
    assert outside == {}


def test_no_page_uses_root_relative_urls(site: Path) -> None:
    # "/assets/..." breaks when an intranet serves the site under a path. The 404 page is the
    # exception: served at any address, it can only link from the root (README: site_url).
    found = {
        str(page.relative_to(site)): hits
        for page in pages(site)
        if page.name != "404.html"
        and (hits := re.findall(r"(?:href|src)=\"(/[^/\"][^\"]*)\"", page.read_text("utf-8")))
    }
    assert found == {}


def test_no_inline_event_handlers_in_the_pages(site: Path) -> None:
    found = {
        str(page.relative_to(site)): hits
        for page in pages(site)
        if (hits := re.findall(r"<[^>]+\son[a-z]+=\"", page.read_text("utf-8")))
    }
    assert found == {}


def test_our_javascript_has_no_eval_and_no_html_injection() -> None:
    # The modules, and the classic start check beside them (startcontrole.js).
    modules = sorted(JS_DIR.glob("*.mjs")) + sorted(JS_DIR.parent.glob("*.js"))
    assert len(modules) >= 5 and JS_DIR.parent / "startcontrole.js" in modules
    for module in modules:
        code = module.read_text(encoding="utf-8")
        for forbidden in (
            "eval(",
            "new Function",
            "innerHTML",
            "outerHTML",
            "document.write",
            'setTimeout("',
        ):
            assert forbidden not in code, f"{module.name} uses {forbidden}"


def test_runtime_ships_only_what_the_browser_loads(runtime_dir: Path) -> None:
    names = {path.name for path in runtime_dir.iterdir()}
    wheels = [name for name in names if name.endswith(".whl")]
    assert len(wheels) == 1 and re.fullmatch(
        r"vertrouwenswijzer-[\d.]+-cp313-none-any\.whl", wheels[0]
    )
    loaded = {
        "pyodide-lock.json",
        "pyodide.asm.js",
        "pyodide.asm.wasm",
        "pyodide.mjs",
        "python_stdlib.zip",
        "zelftest.snapshot",
    }
    # Beside them: precompressed copies of the large ones, and the record of what the snapshot
    # was made from (for whoever checks a deployed site; the browser does not load it).
    compressed = {
        name + suffix for name in loaded - {"pyodide-lock.json"} for suffix in (".br", ".gz")
    }
    assert names == loaded | compressed | {wheels[0], "zelftest.snapshot.json"}
