"""The one step after the site generator: everything that needs only the finished site folder.

`python -m sitebuild SITE_DIR` (or :func:`finish`) does, in this order:

1. the pages made whole: addresses relative to each page, the engine's early start, the start
   check's texts, every assessment on its own page (:mod:`sitebuild.pages`);
2. the Pyodide runtime, the engine's compiled wheel and its lock file, and the memory snapshot
   (:mod:`sitebuild.runtime`);
3. the web server configurations from deploy/, with the hashes of the inline scripts actually
   in the built HTML in their Content-Security-Policy (:mod:`sitebuild.deploy`);
4. a brotli and a gzip copy beside every large file (:mod:`sitebuild.precompress`), last, so that
   it compresses what the steps before wrote.

It knows nothing of MkDocs: any generator that writes the pages (MkDocs with Material, Zensical)
can be followed by it. hooks/postbuild.py runs it at the end of `mkdocs build`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING


class BuildError(Exception):
    """Something the build cannot fix itself; the message (Dutch) says what to do."""


#: The project's root folder: node_modules/, deploy/ and pyproject.toml are here.
PROJECT = Path(__file__).resolve().parent.parent

if TYPE_CHECKING:
    from assessments import Assessment


def load_definitions(project: Path) -> list[Assessment]:
    """The project's assessment definitions, validated; every problem in one Dutch BuildError.

    One loader for every place a build reads them: the MkDocs hook (early), the Markdown
    extension and this step.
    """
    from assessments import DefinitionError
    from assessments.definitions import problems_text
    from assessments.files import definition_files, load_all

    try:
        return load_all(definition_files(project / "assessments" / "definitions"))
    except DefinitionError as error:
        raise BuildError(
            f"de definities van de zelftests hebben problemen:\n{problems_text(error.problems)}"
        ) from None


def finish(site: Path, project: Path = PROJECT, *, compress: bool = True) -> None:
    """Complete a generated site in place: runtime, engine, snapshot, deploy files, compression."""
    from .deploy import copy_deploy_files
    from .pages import finish_pages
    from .precompress import cache_dir, precompress
    from .runtime import runtime_folder, ship_runtime

    if not (site / "index.html").is_file():
        raise BuildError(
            f"{site} is geen gebouwde site (index.html ontbreekt); bouw eerst de pagina's "
            "('make build')."
        )
    finish_pages(site, runtime_folder(project), load_definitions(project), project / "docs")
    ship_runtime(site, project)
    copy_deploy_files(project / "deploy", site)
    if compress:
        precompress(site, cache_dir())
