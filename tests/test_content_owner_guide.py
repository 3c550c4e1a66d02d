"""The example on the content owners' page is a valid definition: the guide cannot drift."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from assessments import parse_assessment

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "over" / "zelftest-maken.md"


def test_the_example_in_the_guide_is_a_valid_definition() -> None:
    (example,) = re.findall(r"```yaml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL)
    assessment = parse_assessment(yaml.safe_load(example), file=str(GUIDE))
    assert assessment.id == "voorbeeld"
    assert [item.reverse for item in assessment.items] == [False, False, True]
