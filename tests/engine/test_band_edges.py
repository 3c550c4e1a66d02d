"""The band rule on the site's own tests: every answer pattern of 4 and 5 answered items.

A mean exactly on an inner band edge (with four answered items about a quarter of all patterns)
belongs to the lower band, and the result says it lies on the boundary, naming both bands
(CONTENT.md). The expectation is computed here with exact fractions, independently of the
engine's floating point.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations_with_replacement

import pytest

from assessments import result_document, score
from assessments.files import load_all
from assessments.scoring import reverse

ASSESSMENTS = load_all()
#: Each test with 4 and with 5 answered items, where a dimension has that many (klant's
#: dimensions have four items each).
CASES = [
    (assessment, answered)
    for assessment in ASSESSMENTS
    for answered in (4, 5)
    if any(len(assessment.items_of(d.id)) >= answered for d in assessment.dimensions)
]


@pytest.mark.parametrize(("assessment", "answered"), CASES, ids=[f"{a.id}-{n}" for a, n in CASES])
def test_a_mean_on_an_edge_gets_the_lower_band_and_the_boundary_wording(assessment, answered):
    scale, bands = assessment.scale, assessment.bands
    values = [option.value for option in scale.options]
    edges = {
        Fraction(band.upper).limit_denominator(1000): index for index, band in enumerate(bands[:-1])
    }
    checked = on_edge = 0
    for dimension in assessment.dimensions:
        items = assessment.items_of(dimension.id)
        if len(items) < answered:
            continue
        for pattern in combinations_with_replacement(values, answered):
            # The keyed answers are the pattern; a reverse-keyed item is answered the other way.
            answers: dict[str, int | None] = {
                item.id: reverse(value, scale) if item.reverse else value
                for item, value in zip(items, pattern, strict=False)
            }
            answers.update({item.id: None for item in items[answered:]})
            document = result_document(score(assessment, answers))
            figures = next(d for d in document["dimensions"] if d["id"] == dimension.id)
            if figures["score"] is None:  # too few answered for this dimension's length
                continue
            checked += 1
            position = Fraction(
                100 * (sum(pattern) - answered * scale.min), answered * (scale.max - scale.min)
            )
            if position in edges:
                on_edge += 1
                lower, upper = bands[edges[position]], bands[edges[position] + 1]
                assert figures["band"]["id"] == lower.id, (dimension.id, pattern)
                assert figures["boundary"]["upper"]["id"] == upper.id
                assert figures["boundary"]["text"] == (
                    f"op de grens van '{lower.label}' en '{upper.label}'"
                )
            else:
                band = next(
                    b for b in bands if b.lower <= position < b.upper or position == b.upper == 100
                )
                assert figures["band"]["id"] == band.id and figures["boundary"] is None
    assert checked > 0
    if answered == 4 and scale.max - scale.min == 4:
        # Means of four answers land on x.5 (the edges of a 1-5 scale) in about a quarter of
        # the patterns: the rule is not an edge case here.
        assert on_edge >= checked // 5, (on_edge, checked)
