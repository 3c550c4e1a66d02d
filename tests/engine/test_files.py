"""Reading definition files: the bad-file corpus, encodings, line numbers and the project's own files."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessments import DefinitionError
from assessments.files import definition_files, load_all, load_file

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


def test_personal_scan_has_the_five_dimensions_of_the_brief() -> None:
    (scan,) = [a for a in load_all() if a.id == "persoonlijk"]
    assert [d.title for d in scan.dimensions] == [
        "Vakmanschap",
        "Goede wil",
        "Integriteit en afspraken nakomen",
        "Zorgvuldig communiceren",
        "Open houding",
    ]
    for dimension in scan.dimensions:
        items = scan.items_of(dimension.id)
        assert 4 <= len(items) <= 6
        assert sum(item.reverse for item in items) <= 1
        assert all(item.construct and item.source for item in items)
