"""The built site as IT hosts it: relative URLs only, nothing loaded from outside, CSP-friendly code."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from tools.serve import INLINE_SCRIPT_HASHES, STRICT_CSP

JS_DIR = Path(__file__).resolve().parent.parent / "docs" / "assets" / "javascripts" / "zelftest"
#: Attributes that make a browser load something (links a reader clicks are not loads).
#: Every <script> element with its attributes and its exact text.
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)
LOADING = re.compile(
    r"<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc=\"([^\"]+)\"|<link\b[^>]*\bhref=\"([^\"]+)\""
)


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def matches_per_page(site: Path, pattern: str, skip: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """Every page (by its path in the site) where pattern matches, with the matches."""
    found = {}
    for page in pages(site):
        if page.name not in skip and (hits := re.findall(pattern, page.read_text("utf-8"))):
            found[str(page.relative_to(site))] = hits
    return found


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
    assert matches_per_page(site, r"(?:href|src)=\"(/[^/\"][^\"]*)\"", skip=("404.html",)) == {}


def test_no_inline_event_handlers_in_the_pages(site: Path) -> None:
    assert matches_per_page(site, r"<[^>]+\son[a-z]+=\"") == {}


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
            'setAttribute("style"',
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


def directives(policy: str) -> dict[str, list[str]]:
    return {
        name: sources
        for name, *sources in (part.split() for part in policy.split(";") if part.strip())
    }


def test_the_policy_allows_no_inline_code_and_no_eval() -> None:
    policy = directives(STRICT_CSP)
    for name, sources in policy.items():
        assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources, name
    assert policy["style-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'"] + [
        f"'{digest}'" for digest in INLINE_SCRIPT_HASHES
    ]


def test_every_inline_script_is_allowed_by_its_hash(site: Path) -> None:
    # A browser hashes the exact text between the tags. JSON data blocks (Material's __config)
    # are not run, so the policy does not concern them.
    allowed = set(directives(STRICT_CSP)["script-src"])
    found: dict[str, set[str]] = {}
    for page in pages(site):
        for attributes, text in SCRIPT.findall(page.read_text("utf-8")):
            if "src=" in attributes or "application/json" in attributes:
                continue
            digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
            found.setdefault(f"'sha256-{digest}'", set()).add(str(page.relative_to(site)))
    unknown = {
        digest: sorted(where)[:3] for digest, where in found.items() if digest not in allowed
    }
    assert unknown == {}, "new inline scripts: add their hashes to tools/serve.py"
    # One script text for every page depth (mkdocs.yml extra.scope): no hash per folder level.
    assert len(found) == len(INLINE_SCRIPT_HASHES)
    assert all(len(where) == len(pages(site)) for where in found.values())


def test_no_page_has_inline_styles(site: Path) -> None:
    # style-src 'self' blocks style="" attributes and <style> elements written in the HTML
    # (styles a script sets through element.style stay allowed).
    assert matches_per_page(site, r"<style\b|<[^>]+\sstyle=") == {}
