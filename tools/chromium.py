"""How the project runs Chromium: Debian's build, headless, with no traffic of its own."""

from __future__ import annotations

import os
import shutil

#: Flags for every run; the resolver rule makes any host but 127.0.0.1 unreachable, so a page
#: that tries to load something from outside fails visibly instead of silently working.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]


def chromium_path() -> str | None:
    """Debian's Chromium ($CHROMIUM first); never a test tool's own browser download."""
    return (
        os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )
