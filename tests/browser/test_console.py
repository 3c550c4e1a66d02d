"""No page says anything on the console while it loads: no error, no warning, no uncaught exception.

The pages are loaded the way a reader meets them: from the dev server (tools/serve.py) with the
strict Content-Security-Policy, at the root. An assessment page is watched until its engine is
ready, the installation check until it has run; then until the network is
quiet, so that what loads late (Material's search index) is heard too.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import CHECK_WITHIN_MS, Visit
from tests.browser.test_accessibility import ASSESSMENT_PAGES

pytestmark = pytest.mark.browser
#: The home page, a guidance page, the team pages and the overview (pages with a module of their
#: own), the installation check, and every assessment.
TEAM_PAGES = ["zelftests/teamrapport/", "zelftests/spiegel/", "zelftests/afdelingsoverzicht/"]
CHECK_PAGE = "over/controle/"
PAGES = [
    "",
    "klantvertrouwen/vertrouwen-meten/",
    *TEAM_PAGES,
    CHECK_PAGE,
    *ASSESSMENT_PAGES,
]


def listen(visit: Visit) -> list[str]:
    """Every console error and warning, and every uncaught exception, from now on."""
    heard: list[str] = []
    visit.page.on(
        "console",
        lambda message: (
            heard.append(f"{message.type}: {message.text} ({message.location})")
            if message.type in ("error", "warning")
            else None
        ),
    )
    visit.page.on("pageerror", lambda error: heard.append(f"exception: {error}"))
    return heard


@pytest.mark.parametrize("path", PAGES)
def test_a_page_loads_without_a_console_error_or_warning(visit: Visit, path: str) -> None:
    heard = listen(visit)
    page = visit.open(path)
    if path in ASSESSMENT_PAGES:
        visit.wait_until_ready()
    elif path in TEAM_PAGES:
        page.wait_for_selector(".teampagina[data-script]")
    elif path == CHECK_PAGE:
        page.wait_for_selector(".vw-controle[data-state=klaar]", timeout=CHECK_WITHIN_MS)
    page.wait_for_load_state("networkidle")
    assert heard == []
    # The check's HEAD requests end as "aborted" in Playwright's eyes; its own tests cover them.
    if path != CHECK_PAGE:
        visit.assert_stayed_local()
