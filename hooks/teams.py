"""The team pages: the team report (Teamrapport) and the leader mirror (Spiegel).

A page shows one with the marker <!-- teamrapport --> or <!-- spiegel --> on a line of its own.
The marker becomes a file picker and a drop zone; the script (teamrapport.mjs) hands the files
to the engine in the reader's browser. The page embeds the engine's catalog document: every
definition a file may belong to, and the limits on files.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from assessments.documents import script_json
from assessments.files import definition_files, load_all
from assessments.team import catalog_document

#: Any marker that starts like a team page's; the name must be one of PAGES.
MARKER = re.compile(r"<!--\s*(?P<name>(?:teamrapport|spiegel)[^\s>]*)\s*-->")
#: The marker names and the kind of page each becomes (data-team in the browser).
PAGES = {"teamrapport": "rapport", "spiegel": "spiegel"}

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
    """Replace a team page's marker with its file picker, drop zone and catalog."""

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
        runtime = get_relative_url(config.extra["zelftest_runtime"], page.url).rstrip("/") + "/"
        if name == "spiegel":
            return render_mirror_page(runtime, _catalog["json"], _mirror_titles)
        return render_report_page(runtime, _catalog["json"])

    return MARKER.sub(render, html)


# ---- Helper functions ----


def render_report_page(runtime: str, catalog_json: str) -> str:
    """The Teamrapport page: one picker for many result files, a status line, an empty result."""
    picker = _picker(
        "teampagina-rapport-bestanden",
        "team",
        "Uitslagbestanden van het team (JSON)",
        "Kies alle bestanden tegelijk, of sleep ze in dit vak. Ze blijven in je browser.",
        multiple=True,
    )
    return _root("teampagina-rapport", "rapport", runtime, catalog_json, picker)


def render_mirror_page(runtime: str, catalog_json: str, mirrors: list[tuple[str, str]]) -> str:
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
    return _root("teampagina-spiegel", "spiegel", runtime, catalog_json, pickers)


def _root(prefix: str, kind: str, runtime: str, catalog_json: str, pickers: str) -> str:
    """The page's root element: catalog, pickers, status line and the (hidden) result."""
    return f"""
<div class="teampagina" id="{prefix}" data-team="{kind}" data-state="idle" data-runtime="{escape(runtime)}">
<script type="application/json" class="team-catalogus">{catalog_json}</script>
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
