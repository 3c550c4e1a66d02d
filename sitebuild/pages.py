"""Make the built pages whole: every address relative to its page, the engine's early start, the
start check's texts, and a check that every assessment is shown, once, on its own page.

The Markdown extension (vwmarkdown) writes addresses from the site's root, as ``vw-root:...``: it
does not know the page. Here each becomes the way up from its page ("../../"), so the site works
at any depth and under any path. A marker the extension could not render left an element with
its reason (class vw-bouwfout): the build stops on it, naming the page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from html import escape, unescape
from pathlib import Path

from assessments import Assessment
from assessments.documents import script_json
from vwmarkdown.extension import ERROR_CLASS
from vwmarkdown.render import (
    PAGE_ONLY_KEYS,
    ROOT,
    SEARCH_INDEX,
    TEXTS_FILE,
    page_url,
    script_free_texts,
)

from . import BuildError

#: A page with an assessment form, and the id of each form on it.
FORM = re.compile(r'<div class="zelftest" id="zelftest-[^"]*" data-assessment="([^"]+)"')
#: The team pages by their kind (data-team), each to be on one page only.
TEAM_PAGE = re.compile(r'<div class="teampagina" id="[^"]*" data-team="([^"]+)"')
#: What a wrong marker left in the page.
ERROR = re.compile(rf'<div class="{ERROR_CLASS}" data-bouwfout="([^"]*)"></div>')
#: The module that starts the engine early, from an assessment page's head, and the classic
#: script before it that holds back the search index until the engine is ready.
EARLY_START_MODULE = "assets/javascripts/zelftest/runtime.mjs"
SEARCH_LATER_SCRIPT = "assets/javascripts/zoekindex-later.js"
RUNTIME_META = "vertrouwenswijzer-runtime"
#: The element with the start check's texts (read by assets/javascripts/startcontrole.js).
START_CHECK_ID = "vertrouwenswijzer-startcontrole"
#: Where generators write their search index: Material, Zensical. The check page asks for the one
#: the site has; the server files allow Zensical's search styles where its index is found.
MATERIAL_SEARCH_INDEX = "search/search_index.json"
ZENSICAL_SEARCH_INDEX = "search.json"
SEARCH_INDEXES = (MATERIAL_SEARCH_INDEX, ZENSICAL_SEARCH_INDEX)
#: The page on installing the site; the start check links to it when it exists.
INSTALL_PAGE = "over/installeren.md"


def finish_pages(
    site: Path, runtime: str, assessments: Iterable[Assessment], docs: Path | None = None
) -> None:
    """Rewrite every HTML page of the site in place (see the module's docstring).

    ``runtime`` is the runtime's folder under the site's root (assets/pyodide/VERSION/); ``docs``
    the pages' sources, to name the file a problem is in. Running it twice changes nothing the
    second time.
    """
    texts = {k: v for k, v in script_free_texts(TEXTS_FILE).items() if k not in PAGE_ONLY_KEYS}
    install = page_url(INSTALL_PAGE)
    has_install = _html_of(site, INSTALL_PAGE) is not None
    index = next((p for p in SEARCH_INDEXES if (site / p).is_file()), SEARCH_INDEXES[0])
    shown: dict[str, list[str]] = {}
    team_pages: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        name = str(page.relative_to(site))
        if name == "404.html":
            # Served at any depth, so its addresses start at the server's root: no relative ones.
            continue
        html = page.read_text("utf-8")
        if errors := ERROR.findall(html):
            raise BuildError(f"{_source_of(name, docs)}: {unescape(errors[0])}")
        up = "../" * (len(page.relative_to(site).parts) - 1)
        forms = FORM.findall(html)
        for assessment_id in forms:
            shown.setdefault(assessment_id, []).append(name)
        for kind in TEAM_PAGE.findall(html):
            team_pages.setdefault(kind, []).append(name)
        if forms and f'name="{RUNTIME_META}"' not in html:
            html = _with_early_start(html, up + runtime, up)
        if f'id="{START_CHECK_ID}"' not in html:
            data = {**texts, "installerenAdres": up + install if has_install else None}
            check = f'<script type="application/json" id="{START_CHECK_ID}">{script_json(data)}</script>'
            end = html.rfind("</body>")
            html = html + check if end == -1 else html[:end] + check + "\n" + html[end:]
        html = html.replace(f'data-zoekindex="{SEARCH_INDEX}"', f'data-zoekindex="{index}"')
        # The root itself as "./" (an empty address would be the page); any other address as
        # the way up and its path ("assets/..." at the root, "../../assets/..." two deep).
        page.write_text(html.replace(f'"{ROOT}"', f'"{up or "./"}"').replace(ROOT, up), "utf-8")
    _check_shown(site, shown, team_pages, assessments)


# ---- Helper functions ----


def _source_of(name: str, docs: Path | None) -> str:
    """The Markdown file a built page came from (a/b/index.html: a/b.md or a/b/index.md)."""
    stem = name.removesuffix(".html").removesuffix("index").rstrip("/")
    for candidate in (f"{stem}.md", f"{stem}/index.md" if stem else "index.md"):
        if docs is not None and (docs / candidate).is_file():
            return candidate
    return name


def _html_of(site: Path, source: str) -> Path | None:
    """The built page of a Markdown source (directory URLs or not), if the site has it."""
    for candidate in (site / page_url(source) / "index.html", site / (source[:-3] + ".html")):
        if candidate.is_file():
            return candidate
    return None


def _with_early_start(html: str, runtime: str, up: str) -> str:
    """Start the engine from the page's head: runtime.mjs, async, with the runtime's folder.

    Without this the worker starts only once the whole page is parsed and main.mjs's imports have
    arrived, about half a second later on a warm load. runtime.mjs imports nothing and is the same
    module main.mjs imports, so the page keeps one runtime. Before it goes zoekindex-later.js, a
    classic script (it must run before the theme's bundle), so the search index waits its turn.
    """
    head_end = html.find("</head>")
    if head_end == -1:
        return html
    tags = (
        f'<meta name="{RUNTIME_META}" content="{escape(runtime)}">'
        f'<script src="{escape(up + SEARCH_LATER_SCRIPT)}"></script>'
        f'<script type="module" async src="{escape(up + EARLY_START_MODULE)}"></script>'
    )
    return html[:head_end] + tags + html[head_end:]


def _check_shown(
    site: Path,
    shown: dict[str, list[str]],
    team_pages: dict[str, list[str]],
    assessments: Iterable[Assessment],
) -> None:
    """Every assessment on the page its definition names, once; every team page once."""
    for assessment in assessments:
        own = _html_of(site, assessment.page)
        where = shown.pop(assessment.id, [])
        if own is None or where != [str(own.relative_to(site))]:
            raise BuildError(
                f"pagina '{assessment.page}' moet zelftest '{assessment.id}' tonen, en alleen "
                f"daar (nu: {', '.join(where) or 'nergens'}): zet de regel "
                f"<!-- zelftest: {assessment.id} --> op een eigen regel in die pagina."
            )
    for kind, where in team_pages.items():
        if len(where) > 1:
            raise BuildError(
                f"de teampagina '{kind}' staat op {len(where)} pagina's ({', '.join(where)}); "
                "toon elke teampagina één keer, op één pagina."
            )
    if shown:
        raise BuildError(f"onbekende zelftest op {json.dumps(shown, ensure_ascii=False)}")
