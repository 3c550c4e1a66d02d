"""Reading definition files: the bad-file corpus, encodings, line numbers and the project's own files."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessments import Assessment, DefinitionError
from assessments.files import definition_files, load_all, load_file
from tests.engine.test_scoring import assert_each_option_lands_in_its_own_band

BAD = Path(__file__).parent / "bad"
BAD_FILES = sorted(BAD.glob("*.yaml"))


def expectation(path: Path) -> str:
    """The message a bad file must produce, from its first line: '# expect: ...'."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect: "), f"{path.name} lacks an '# expect:' line"
    return first.removeprefix("# expect: ")


@pytest.mark.parametrize("path", BAD_FILES, ids=[path.stem for path in BAD_FILES])
def test_each_bad_file_fails_with_its_own_message(path: Path) -> None:
    with pytest.raises(DefinitionError) as caught:
        load_file(path)
    messages = [str(problem) for problem in caught.value.problems]
    assert any(expectation(path) in message for message in messages), messages
    assert all(message.startswith(str(path.relative_to(Path.cwd()))) for message in messages)


def test_the_corpus_covers_each_kind_of_mistake() -> None:
    expected = {path.stem for path in BAD_FILES}
    assert len(expected) >= 14
    assert len({expectation(path) for path in BAD_FILES}) == len(BAD_FILES)


def test_file_that_is_not_utf8_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("id: proef\ntitle: Caf\u00e9\n".encode("latin-1"))
    with pytest.raises(DefinitionError) as caught:
        load_file(path)
    (problem,) = caught.value.problems
    assert problem.line == 2 and "is geen UTF-8" in problem.message


def test_all_files_are_checked_before_reporting(tmp_path: Path) -> None:
    for name in ("unknown-key", "bands-gap"):
        (tmp_path / f"{name}.yaml").write_text((BAD / f"{name}.yaml").read_text("utf-8"), "utf-8")
    with pytest.raises(DefinitionError) as caught:
        load_all(definition_files(tmp_path))
    files = {Path(problem.file).name for problem in caught.value.problems}
    assert files == {"unknown-key.yaml", "bands-gap.yaml"}


def test_project_definitions_are_valid_and_have_unique_ids() -> None:
    assessments = load_all()
    assert "persoonlijk" in {assessment.id for assessment in assessments}
    assert len({assessment.id for assessment in assessments}) == len(assessments)


#: The dimensions of version 3: CONTENT.md's, with three split so that each measures one idea
#: (issue 9): the personal scan's "open houding", the team's "rollen en feedback" and the
#: climate's "sturing en autonomie"; leiderschap with distributive justice and purpose added and
#: interpersonal and informational justice apart (issue 19). The leadership mirror has the same
#: as leiderschap; the team tests end with a trust outcome (issue 19), listed apart.
BRIEF_DIMENSIONS = {
    "persoonlijk": [
        "Vakmanschap",
        "Goede wil",
        "Integriteit en afspraken nakomen",
        "Zorgvuldig communiceren",
        "Fouten toegeven en herstellen",
        "Durven uitspreken",
        "Vertrouwen geven",
    ],
    "team": [
        "Vertrouwen op elkaars kunde",
        "Openheid en zorg",
        "Psychologische veiligheid",
        "Heldere rollen",
        "Feedback aan elkaar",
    ],
    "leiderschap": [
        "Voorbeeldgedrag en integriteit",
        "Richting en betekenis",
        "Eerlijke procedures en inspraak",
        "Eerlijk verdelen",
        "Respectvolle bejegening",
        "Uitleg en openheid",
        "Steun en verwachtingen waarmaken",
        "Aandacht voor de mens",
    ],
    "klimaat": [
        "Heldere rollen",
        "Feedbackpraktijk",
        "Leren van fouten",
        "Gedeeld klantbeeld",
        "Sturen op cijfers die helpen",
        "Ruimte voor eigen oordeel",
    ],
    "klant": [
        "Vakmanschap",
        "Klantbelang",
        "Integriteit en beloftes",
        "Heldere verwachtingen",
        "Vertrouwen meten en luisteren",
        "Fouten toegeven en herstellen",
        "De klant vertrouwen",
        "Menselijke maat",
    ],
}


def _is_outcome(assessment: Assessment, dimension_id: str) -> bool:
    return next(d for d in assessment.dimensions if d.id == dimension_id).outcome


def by_id() -> dict[str, Assessment]:
    return {assessment.id: assessment for assessment in load_all()}


#: The trust outcomes: reported beside the profile, not in it (issue 19).
OUTCOMES = {
    "team": ["Vertrouwen in elkaar"],
    "leiderschap-team": ["Vertrouwen in je leidinggevende"],
}


def test_assessments_have_the_dimensions_of_the_brief() -> None:
    assessments = by_id()
    assert set(assessments) == {*BRIEF_DIMENSIONS, "leiderschap-team"}
    for assessment_id, titles in BRIEF_DIMENSIONS.items():
        assert [d.title for d in assessments[assessment_id].profile_dimensions] == titles
    for assessment_id, assessment in assessments.items():
        outcomes = [d.title for d in assessment.dimensions if d.outcome]
        assert outcomes == OUTCOMES.get(assessment_id, []), assessment_id
        # An outcome comes last, after the profile's dimensions.
        assert [d.outcome for d in assessment.dimensions] == sorted(
            d.outcome for d in assessment.dimensions
        )


def test_only_team_tests_have_a_trust_outcome_and_it_is_short() -> None:
    for assessment in load_all():
        for dimension in assessment.dimensions:
            if dimension.outcome:
                assert assessment.team_report, assessment.id
                items = assessment.items_of(dimension.id)
                assert 2 <= len(items) <= 3 and not any(item.reverse for item in items)


@pytest.mark.parametrize("assessment", load_all(), ids=lambda a: a.id)
def test_items_follow_the_item_writing_rules(assessment: Assessment) -> None:
    for dimension in assessment.profile_dimensions:
        items = assessment.items_of(dimension.id)
        assert 4 <= len(items) <= 6, f"{dimension.id}: {len(items)} items"
        assert sum(item.reverse for item in items) <= 1
        assert all(item.construct and item.source for item in items)
    texts = [item.text for item in assessment.items]
    assert len(set(texts)) == len(texts), "the same question twice"


def test_the_team_mirror_of_the_leadership_test_pairs_item_by_item() -> None:
    assessments = by_id()
    manager, team = assessments["leiderschap"], assessments["leiderschap-team"]
    # The team's trust in the manager (an outcome) has no counterpart and is not mirrored.
    assert [(d.id, d.title) for d in team.profile_dimensions] == [
        (d.id, d.title) for d in manager.dimensions
    ]
    mirrored = [i for i in team.items if not _is_outcome(team, i.dimension)]
    assert [item.id for item in mirrored] == [f"{item.id}-team" for item in manager.items]
    assert [(i.dimension, i.construct) for i in mirrored] == [
        (i.dimension, i.construct) for i in manager.items
    ]
    assert team.time_window == manager.time_window
    assert team.scale == manager.scale
    # The same edges and labels; the texts speak to a team member instead of the manager.
    assert [(b.id, b.lower, b.upper, b.label) for b in team.bands] == [
        (b.id, b.lower, b.upper, b.label) for b in manager.bands
    ]


@pytest.mark.parametrize("assessment", load_all(), ids=lambda a: a.id)
def test_answering_one_option_throughout_gives_the_band_that_contains_it(
    assessment: Assessment,
) -> None:
    # All "neutraal" is neutral, never "eerder eens" (CONTENT.md, scoring rules).
    assert_each_option_lands_in_its_own_band(assessment)


def test_only_the_self_rated_tests_say_so() -> None:
    # The self-view caveat belongs to tests where people rate themselves (CONTENT.md).
    rated = {assessment.id for assessment in load_all() if assessment.self_rated}
    assert rated == {"persoonlijk", "leiderschap"}
