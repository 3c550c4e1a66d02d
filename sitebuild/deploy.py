"""Put the web server configurations from deploy/ into the built site, where IT staff need them.

Generators copy no dotfiles from docs/, and these are configuration, not content; so they live in
deploy/ and this step copies them. Apache and IIS read theirs from the site's root folder
(.htaccess, web.config; both servers refuse to send these files to browsers). nginx reads no file
from the site: its snippets go to site/deploy/, for the administrator to copy into nginx's own
configuration: nginx.conf always, nginx-brotli.conf beside it where the brotli module is loaded.

Each Content-Security-Policy in them allows the theme's small inline scripts by their sha256. The
copies get the hashes of the inline scripts actually in the built pages: another generator
(Zensical writes its storage helper differently) or a theme update then still gets a policy that
fits. deploy/ itself holds the hashes of the default build (MkDocs with Material); the whole
policy also goes to site/deploy/content-security-policy.txt, which the dev server sends.
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
from pathlib import Path

from . import BuildError
from .pages import ZENSICAL_SEARCH_INDEX

#: Each file in deploy/ and where it goes in the built site.
DEPLOY_FILES = {
    ".htaccess": ".htaccess",
    "web.config": "web.config",
    "nginx.conf": "deploy/nginx.conf",
    "nginx-brotli.conf": "deploy/nginx-brotli.conf",
}
#: The files whose Content-Security-Policy gets the built site's script hashes.
WITH_POLICY = (".htaccess", "web.config", "nginx.conf")
#: The policy as one line, for the dev server (tools/serve.py) and for any other server.
POLICY_FILE = "deploy/content-security-policy.txt"
#: Every <script> element with its attributes and its exact text (what a browser hashes).
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)
#: The run of hash sources in a policy's script-src: 'sha256-...' 'sha256-...'.
HASHES = re.compile(r"'sha256-[A-Za-z0-9+/]+=*'(?: 'sha256-[A-Za-z0-9+/]+=*')*")
#: Styles a generator's own script adds to the page, which no built HTML shows: Zensical 0.1.2's
#: search dialog puts one <style> element into it (Chromium names the hash in its CSP report).
#: Allowed by hash in a Zensical build, recognised by its search index (search.json); a Zensical
#: update that changes it fails tests/zensical/ with that report.
ZENSICAL_STYLE_HASHES = ("'sha256-NwSx/R2V/U4jnW0Tq5pQ53Y/rzPVJ4dqE7D6UTA/J1k='",)
#: A whole policy in one of the files: from default-src to the end of frame-ancestors.
POLICY = re.compile(r"default-src [^\"]*?frame-ancestors '[a-z]+'")


def copy_deploy_files(source: Path, site: Path) -> None:
    """Copy every file of DEPLOY_FILES from source to its place in site, with the site's hashes."""
    for name in DEPLOY_FILES:
        if not (source / name).is_file():
            raise BuildError(f"{source / name} ontbreekt: de bouwstap kopieert het naar de site.")
    hashes = inline_script_hashes(site)
    styles = list(ZENSICAL_STYLE_HASHES) if (site / ZENSICAL_SEARCH_INDEX).is_file() else []
    policies = set()
    for name, target in DEPLOY_FILES.items():
        (site / target).parent.mkdir(parents=True, exist_ok=True)
        if name in WITH_POLICY:
            text = with_script_hashes((source / name).read_text("utf-8"), hashes, source / name)
            if styles:
                text = text.replace("style-src 'self';", f"style-src 'self' {' '.join(styles)};")
            (site / target).write_text(text, "utf-8", newline="")
            policies.update(POLICY.findall(text))
        else:
            shutil.copyfile(source / name, site / target)
    if len(policies) != 1:
        raise BuildError(
            f"de bestanden {', '.join(WITH_POLICY)} in {source} hebben niet één en dezelfde "
            f"Content-Security-Policy ({len(policies)} verschillende); maak ze gelijk."
        )
    (site / POLICY_FILE).write_text(policies.pop() + "\n", "utf-8")


def inline_script_hashes(site: Path) -> list[str]:
    """The sha256 sources ('sha256-...') of every inline script the pages run, in first-seen order.

    JSON data blocks (type application/json) do not run, so a policy does not concern them.
    """
    found: dict[str, None] = {}
    for page in sorted(site.rglob("*.html")):
        for attributes, text in SCRIPT.findall(page.read_text("utf-8")):
            if "src=" in attributes or "application/json" in attributes:
                continue
            digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
            found[f"'sha256-{digest}'"] = None
    return list(found)


def with_script_hashes(text: str, hashes: list[str], source: Path) -> str:
    """The configuration text with the hash sources of every policy replaced by ``hashes``."""
    if HASHES.search(text) is None:
        raise BuildError(
            f"{source}: geen 'sha256-...' in de Content-Security-Policy gevonden; zet de hashes "
            "van de inline scripts achter script-src, zodat de bouwstap ze kan bijwerken."
        )
    return HASHES.sub(" ".join(hashes), text) if hashes else HASHES.sub("", text)
