"""Publish where the Python runtime lives in the site, and refuse a build Python that cannot fill it.

The runtime itself (Pyodide, the engine's wheel, the snapshot) is shipped after the pages are
written, by the post-build step (sitebuild, run by hooks/sitebuild.py); the pages only need to
know its folder, and that folder's name is the runtime's version.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

# MkDocs loads a hook from its file: the project's root (with sitebuild/) is not on the path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sitebuild import BuildError
from sitebuild.runtime import check_python, runtime_folder


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Check the runtime and the build Python fit together; publish the runtime's site path."""
    project = Path(config.config_file_path).parent
    try:
        check_python(project)
        config.extra["zelftest_runtime"] = runtime_folder(project)
    except BuildError as error:
        raise PluginError(str(error)) from None
    return config
