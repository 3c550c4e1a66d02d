"""The Python-Markdown extension: a preprocessor that replaces marker lines before HTML blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from assessments import Assessment
from assessments.documents import script_json
from assessments.files import definition_files
from assessments.team import catalog_document

from .render import (
    ROOT,
    TEXTS_FILE,
    MarkerError,
    TeamRoot,
    guidance_links,
    render_check,
    render_form,
    render_methods,
    render_mirror_page,
    render_overview_page,
    render_report_page,
    script_free_texts,
)

FORM = re.compile(r"<!--\s*zelftest:\s*(?P<id>[^\s>]*)\s*-->")
#: Any marker that starts like a team page's; the name must be one of TEAM_PAGES.
TEAM = re.compile(r"<!--\s*(?P<name>(?:teamrapport|spiegel|afdelingsoverzicht)[^\s>]*)\s*-->")
TEAM_PAGES = ("teamrapport", "spiegel", "afdelingsoverzicht")
CHECK = "<!-- installatiecontrole -->"
METHODS = "<!-- zelftest-verantwoording -->"
#: The element a wrong marker becomes: the post-build step fails the build with its message.
ERROR_CLASS = "vw-bouwfout"
#: After the fenced code blocks are stashed (25: a marker shown as an example in code stays
#: code) and before the HTML block preprocessor (20): a marker is still a plain line then.
PRIORITY = 22


class MarkersExtension(Extension):
    """The markers of the Vertrouwenswijzer's pages (see the package's docstring)."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "project": [".", "the project's folder: assessments/definitions/ and node_modules/"],
            "docs": ["docs", "the pages' folder, relative to project (for guidance titles)"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the preprocessor that replaces the marker lines."""
        project = Path(self.getConfig("project")).resolve()
        docs = project / self.getConfig("docs")
        md.preprocessors.register(
            MarkerPreprocessor(md, project, docs), "vertrouwenswijzer", PRIORITY
        )


def makeExtension(**kwargs: Any) -> MarkersExtension:
    """The entry point Python-Markdown calls for ``- vwmarkdown`` in mkdocs.yml."""
    return MarkersExtension(**kwargs)


@dataclass(frozen=True)
class _Site:
    """What the markers need of the project, read once per build (and again when files change)."""

    assessments: dict[str, Assessment]
    texts: dict[str, str]
    #: The runtime's folder, from the site's root (vw-root:assets/pyodide/VERSION/).
    runtime: str
    catalog_json: str
    mirrors: list[tuple[str, str]]


_cache: dict[tuple[object, ...], _Site] = {}


class MarkerPreprocessor(Preprocessor):
    """Each line that is exactly a marker becomes its HTML (stashed, so Markdown leaves it be)."""

    def __init__(self, md: Markdown, project: Path, docs: Path) -> None:
        super().__init__(md)
        self.project, self.docs = project, docs

    def run(self, lines: list[str]) -> list[str]:
        if not any("<!--" in line for line in lines):
            return lines
        out: list[str] = []
        seen: set[str] = set()
        for line in lines:
            # A marker stands at the start of its line: an indented one is code.
            marker = line.rstrip()
            if not marker.startswith("<!--"):
                out.append(line)
            elif marker == METHODS:
                out.extend(self._methods())
            elif (found := FORM.fullmatch(marker)) or (found := TEAM.fullmatch(marker)):
                key = found.group(0)
                html = (
                    self._error(
                        f"de regel {marker} staat twee keer op deze pagina; toon hem één keer."
                    )
                    if key in seen
                    else self._html(found)
                )
                seen.add(key)
                out += ["", self._stash(html), ""]
            elif marker == CHECK:
                out += ["", self._stash(self._check()), ""]
            else:
                out.append(line)
        return out

    # ---- Helper functions ----

    def _html(self, found: re.Match[str]) -> str:
        """The HTML of one form or team page marker, or the error element."""
        site = self._site()
        if isinstance(site, str):
            return self._error(site)
        if "id" in found.groupdict():
            assessment = site.assessments.get(found.group("id"))
            if assessment is None:
                known = ", ".join(sorted(site.assessments)) or "(geen)"
                return self._error(
                    f"de regel noemt een onbekende zelftest '{found.group('id')}'; bekend zijn: "
                    f"{known}."
                )
            try:
                links = guidance_links(assessment, self.docs)
            except MarkerError as error:
                return self._error(str(error))
            return render_form(assessment, site.runtime, site.texts, links)
        name = found.group("name")
        if name not in TEAM_PAGES:
            known = ", ".join(f"<!-- {known} -->" for known in sorted(TEAM_PAGES))
            return self._error(
                f"onbekende regel '<!-- {name} -->' voor een teampagina; bekend zijn: {known}."
            )
        root = TeamRoot(runtime=site.runtime, site_root=ROOT, catalog_json=site.catalog_json)
        if name == "spiegel":
            return render_mirror_page(root, site.mirrors)
        if name == "afdelingsoverzicht":
            return render_overview_page(root)
        return render_report_page(root)

    def _check(self) -> str:
        """The installation check's place, or the error element."""
        site = self._site()
        return (
            self._error(site) if isinstance(site, str) else render_check(site.runtime, site.texts)
        )

    def _methods(self) -> list[str]:
        """The methods page's generated part, as Markdown lines."""
        site = self._site()
        if isinstance(site, str):
            return ["", self._stash(self._error(site)), ""]
        return render_methods(list(site.assessments.values())).splitlines()

    def _stash(self, html: str) -> str:
        """Keep HTML from Markdown; starting with its tag, it replaces its paragraph whole."""
        placeholder: str = self.md.htmlStash.store(html.strip())
        return placeholder

    def _error(self, message: str) -> str:
        """The element a wrong marker becomes; the post-build step stops the build on it."""
        return f'<div class="{ERROR_CLASS}" data-bouwfout="{escape(message)}"></div>'

    def _site(self) -> _Site | str:
        """The project's definitions, texts and runtime folder; or what is wrong, in Dutch."""
        directory = self.project / "assessments" / "definitions"
        paths = definition_files(directory)
        key = (
            str(self.project),
            *((str(p), p.stat().st_mtime_ns) for p in paths),
            TEXTS_FILE.stat().st_mtime_ns if TEXTS_FILE.exists() else None,
        )
        if key in _cache:
            return _cache[key]
        # Imported here: sitebuild reads node_modules, which a page without markers never needs.
        from sitebuild import BuildError, load_definitions
        from sitebuild.runtime import runtime_folder

        try:
            assessments = load_definitions(self.project)
            texts = script_free_texts(TEXTS_FILE)
            runtime = runtime_folder(self.project)
        except (MarkerError, BuildError) as error:
            return str(error)
        titles = {assessment.id: assessment.title for assessment in assessments}
        site = _Site(
            assessments={assessment.id: assessment for assessment in assessments},
            texts=texts,
            runtime=ROOT + runtime,
            # Every assessment, so that the engine can say what a wrong file is in the CLI's words.
            catalog_json=script_json(catalog_document(assessments)),
            mirrors=[(titles[a.mirror_of], a.title) for a in assessments if a.mirror_of in titles],
        )
        _cache.clear()
        _cache[key] = site
        return site
