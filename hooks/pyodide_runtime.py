"""Refuse, before any page is built, a build Python whose .pyc the Python runtime cannot load.

The runtime itself (Pyodide, the engine's wheel, the snapshot) is shipped after the pages are
written, by the post-build step (sitebuild, run by hooks/postbuild.py), which checks the same;
this hook only says it at once instead of after a whole build.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from sitebuild import BuildError
from sitebuild.runtime import check_python


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Check the runtime and the build Python fit together."""
    try:
        check_python(Path(config.config_file_path).parent)
    except BuildError as error:
        raise PluginError(str(error)) from None
    return config
