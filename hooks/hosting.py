"""Put the web server configurations from deploy/ into the built site, where IT staff need them.

MkDocs copies no dotfiles from docs/, and these are configuration, not content; so they live in
deploy/ and this hook copies them. Apache and IIS read theirs from the site's root folder
(.htaccess, web.config; both servers refuse to send these files to browsers). nginx reads no file
from the site: its snippets go to site/deploy/, for the administrator to copy into nginx's own
configuration: nginx.conf always, nginx-brotli.conf beside it where the brotli module is loaded.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

#: Each file in deploy/ and where it goes in the built site.
DEPLOY_FILES = {
    ".htaccess": ".htaccess",
    "web.config": "web.config",
    "nginx.conf": "deploy/nginx.conf",
    "nginx-brotli.conf": "deploy/nginx-brotli.conf",
}


def on_post_build(config: MkDocsConfig) -> None:
    """Copy the server configurations into the finished site."""
    copy_deploy_files(Path(config.config_file_path).parent / "deploy", Path(config.site_dir))


# ---- Helper functions ----


def copy_deploy_files(source: Path, site: Path) -> None:
    """Copy every file of DEPLOY_FILES from source to its place in site; fail on a missing one."""
    for name, target in DEPLOY_FILES.items():
        if not (source / name).is_file():
            raise PluginError(
                f"{source / name} is missing: the hosting hook copies it into the site"
            )
        (site / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / name, site / target)
