"""The team pages: the team report (Teamrapport), the leader mirror (Spiegel) and the department
overview (Afdelingsoverzicht).

A page shows one with the marker <!-- teamrapport -->, <!-- spiegel --> or
<!-- afdelingsoverzicht --> on a line of its own. The marker becomes file pickers with drop
zones; the script (teamrapport.mjs) hands the files to the engine in the reader's browser. The
page embeds the engine's catalog document: every definition a file may belong to, and the
limits on files.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import NamedTuple

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from assessments.documents import script_json
from assessments.files import definition_files, load_all
from assessments.team import catalog_document

#: Any marker that starts like a team page's; the name must be one of PAGES.
MARKER = re.compile(r"<!--\s*(?P<name>(?:teamrapport|spiegel|afdelingsoverzicht)[^\s>]*)\s*-->")
#: The marker names and the kind of page each becomes (data-team in the browser).
PAGES = {"teamrapport": "rapport", "spiegel": "spiegel", "afdelingsoverzicht": "overzicht"}

# One build's state: set in on_config, read while pages render.
_catalog: dict[str, str] = {}
#: (title of the manager's own test, title of the team's mirror of it), per mirror.
_mirror_titles: list[tuple[str, str]] = []
_rendered: dict[str, str] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load the definitions once; hooks/zelftests.py (before this hook) has validated them."""
    directory = Path(config.config_file_path).parent / "assessments" / "definitions"
    assessments = load_all(definition_files(directory))
    # Every assessment, so the engine can say what a wrong file is ("een test over jezelf") in the
    # same words as the CLI, which knows them all too.
    _catalog["json"] = script_json(catalog_document(assessments))
    titles = {assessment.id: assessment.title for assessment in assessments}
    _mirror_titles[:] = [
        (titles[a.mirror_of], a.title) for a in assessments if a.mirror_of in titles
    ]
    _rendered.clear()
    return config


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace a team page's marker with its file pickers, drop zones and catalog."""

    def render(match: re.Match[str]) -> str:
        name = match.group("name")
        if name not in PAGES:
            known = ", ".join(f"<!-- {known} -->" for known in sorted(PAGES))
            raise PluginError(
                f"{page.file.src_uri}: onbekende regel '<!-- {name} -->' voor een teampagina; "
                f"bekend zijn: {known}."
            )
        if name in _rendered:
            raise PluginError(
                f"{page.file.src_uri}: de regel <!-- {name} --> staat al op "
                f"{_rendered[name]}; toon elke teampagina één keer, op één pagina."
            )
        _rendered[name] = page.file.src_uri
        root = _Root(
            runtime=get_relative_url(config.extra["zelftest_runtime"], page.url).rstrip("/") + "/",
            # The site's root, for the storage key of what the report page remembers (dom.mjs
            # siteKey): one host may serve other sites, or another copy of this one.
            site_root=get_relative_url(".", page.url) + "/",
            catalog_json=_catalog["json"],
        )
        if name == "spiegel":
            return render_mirror_page(root, _mirror_titles)
        if name == "afdelingsoverzicht":
            return render_overview_page(root)
        return render_report_page(root)

    return MARKER.sub(render, html)


# ---- Helper functions ----


class _Root(NamedTuple):
    """What every team page's root element carries: where the runtime and the site's root are
    (relative to the page) and the catalog."""

    runtime: str
    site_root: str
    catalog_json: str


def render_report_page(root: _Root) -> str:
    """The Teamrapport page: a picker for many result files and one for earlier reports (to warn
    about reports of nearly the same people), a status line, an empty result."""
    pickers = "\n".join(
        [
            _picker(
                "teampagina-rapport-bestanden",
                "team",
                "Uitslagbestanden van het team (JSON)",
                "Kies alle bestanden tegelijk, of sleep ze in dit vak. Ze blijven in je browser.",
                multiple=True,
            ),
            _picker(
                "teampagina-rapport-eerder",
                "eerder",
                "Eerdere rapporten (optioneel)",
                "Maakte je eerder een teamrapport van (bijna) dezelfde mensen, op een ander "
                "apparaat? Voeg het JSON-bestand van dat rapport hier toe. Dan waarschuwt de "
                "pagina als de twee rapporten samen iets over één persoon verraden.",
                multiple=True,
            ),
        ]
    )
    return _root("teampagina-rapport", "rapport", root, pickers)


def render_overview_page(root: _Root) -> str:
    """The Afdelingsoverzicht page: one picker for the team reports of several teams."""
    picker = _picker(
        "teampagina-overzicht-rapporten",
        "rapporten",
        "Teamrapporten (JSON)",
        "Kies de JSON-bestanden van de teamrapporten, allemaal tegelijk, of sleep ze in dit vak. "
        "Ze blijven in je browser.",
        multiple=True,
    )
    return _root("teampagina-overzicht", "overzicht", root, picker)


def render_mirror_page(root: _Root, mirrors: list[tuple[str, str]]) -> str:
    """The Spiegel page: a picker for the manager's own file and one for the team's files."""
    own_titles = " of ".join(f"\u2018{own}\u2019" for own, _ in mirrors)
    team_titles = " of ".join(f"\u2018{team}\u2019" for _, team in mirrors)
    pickers = "\n".join(
        [
            _picker(
                "teampagina-spiegel-eigen",
                "eigen",
                "Je eigen uitslag (JSON)",
                f"Het bestand dat je opsloeg na {own_titles or 'de test over jezelf'}.",
                multiple=False,
            ),
            _picker(
                "teampagina-spiegel-team",
                "team",
                "Uitslagbestanden van het team (JSON)",
                f"De bestanden van {team_titles or 'de teamversie'}. Kies ze allemaal tegelijk, "
                "of sleep ze in dit vak.",
                multiple=True,
            ),
        ]
    )
    return _root("teampagina-spiegel", "spiegel", root, pickers)


def _root(prefix: str, kind: str, root: _Root, pickers: str) -> str:
    """The page's root element: catalog, pickers, status line and the (hidden) result."""
    return f"""
<div class="teampagina" id="{prefix}" data-team="{kind}" data-state="idle" data-runtime="{escape(root.runtime)}" data-site-root="{escape(root.site_root)}">
<script type="application/json" class="team-catalogus">{root.catalog_json}</script>
<div class="teampagina-invoer">
{pickers}
</div>
<div class="teampagina-status" role="status" aria-live="polite">
<noscript>Voor deze pagina is JavaScript nodig: de bestanden worden in je eigen browser doorgerekend, niet op een server.</noscript>
<span class="teampagina-status-tekst">Er zijn nog geen bestanden gekozen.</span>
</div>
<div class="teampagina-uitslag" id="{prefix}-uitslag" hidden></div>
</div>
"""


def _picker(input_id: str, role: str, label: str, hint: str, *, multiple: bool) -> str:
    """A labelled native file input inside a box that takes dropped files too."""
    many = " multiple" if multiple else ""
    return (
        f'<div class="teampagina-vak" data-bestanden="{role}">\n'
        f'<label for="{input_id}">{escape(label)}</label>\n'
        f'<p class="teampagina-hint" id="{input_id}-hint">{escape(hint)}</p>\n'
        f'<input type="file" id="{input_id}" name="{role}"{many} accept=".json,application/json" '
        f'aria-describedby="{input_id}-hint">\n'
        "</div>"
    )
