"""Finish the site after MkDocs: the one post-build step (sitebuild), run as the last hook.

The step itself needs no MkDocs (`python -m sitebuild SITE_DIR` runs it after any generator);
this adapter only calls it at the end of `mkdocs build`, and turns its error into MkDocs' own.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitebuild import BuildError, finish

#: The mkdocs command running; `mkdocs serve` (make preview) sends no precompressed files.
_command = {"name": "build"}


def on_startup(*, command: str, dirty: bool) -> None:
    """Remember the command, so that a live preview skips work its server never uses."""
    _command["name"] = command


@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    """Finish the site once every other hook and plugin has written its files."""
    project = Path(config.config_file_path).parent
    try:
        finish(Path(config.site_dir), project, compress=_command["name"] != "serve")
    except BuildError as error:
        raise PluginError(str(error)) from None
