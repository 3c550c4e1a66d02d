"""Validate the self-assessment definitions when MkDocs starts, and the pages they name.

The forms themselves come from the Markdown extension (vwmarkdown, listed in mkdocs.yml), which
works in any generator; the post-build step (sitebuild) checks that every assessment is shown on
its page. This hook only makes MkDocs stop early, with every problem listed and no traceback,
when a definition is broken or names a page that does not exist.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from assessments import Assessment
from sitebuild import BuildError, load_definitions

# The catalog of one build: set in on_config, read in on_files.
_assessments: dict[str, Assessment] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and validate every definition; a broken file stops the build with all its problems."""
    # The definitions beside this mkdocs.yml, so that a copy of the project builds its own.
    try:
        assessments = load_definitions(Path(config.config_file_path).parent)
    except BuildError as error:
        raise PluginError(str(error)) from None
    _assessments.clear()
    _assessments.update((assessment.id, assessment) for assessment in assessments)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Every definition names pages that exist: its own page and its guidance pages."""
    for assessment in _assessments.values():
        if files.get_file_from_path(assessment.page) is None:
            raise PluginError(
                f"zelftest '{assessment.id}' noemt pagina '{assessment.page}', maar die staat niet "
                f"in docs/; maak hem aan met de regel <!-- zelftest: {assessment.id} --> of "
                "verbeter 'page'."
            )
        for dimension in assessment.dimensions:
            for path in dimension.guidance:
                if files.get_file_from_path(path) is None:
                    raise PluginError(
                        f"zelftest '{assessment.id}', dimensie '{dimension.id}': leespagina "
                        f"'{path}' staat niet in docs/; verbeter het pad of haal het weg."
                    )
    return files
