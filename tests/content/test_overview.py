"""The self-assessments overview lists every assessment with its real number of questions."""

from __future__ import annotations

import re
from pathlib import Path

from assessments.files import load_all

OVERVIEW = Path(__file__).resolve().parents[2] / "docs" / "zelftests" / "index.md"
ROW = re.compile(
    r"^\| \[(?P<title>[^\]]+)\]\((?P<page>[\w-]+\.md)\) \| [^|]+ \| (?P<items>\d+) \|", re.M
)


def test_overview_lists_every_assessment_with_its_question_count() -> None:
    rows = {
        m["page"]: (m["title"], int(m["items"])) for m in ROW.finditer(OVERVIEW.read_text("utf-8"))
    }
    expected = {a.page.removeprefix("zelftests/"): (a.title, len(a.items)) for a in load_all()}
    assert rows == expected
