"""Versions: a released version keeps its content, so results saved under it stay comparable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assessments import DefinitionError
from assessments.files import (
    DEFINITIONS_DIR,
    RELEASES_FILE,
    definition_files,
    load_all,
    load_file,
    release,
    unreleased,
)

SOURCE = DEFINITIONS_DIR / "persoonlijk.yaml"


@pytest.fixture()
def released(tmp_path: Path) -> Path:
    """A definitions directory with the personal scan, released as version 1."""
    text = SOURCE.read_text(encoding="utf-8")
    version = next(line for line in text.splitlines() if line.startswith("version: "))
    (tmp_path / SOURCE.name).write_text(text.replace(version, "version: 1", 1), encoding="utf-8")
    assert release(load_all(definition_files(tmp_path)), tmp_path) == ["persoonlijk v1"]
    return tmp_path / SOURCE.name


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(path: Path) -> list[str]:
    with pytest.raises(DefinitionError) as caught:
        load_all([path])
    return [str(problem) for problem in caught.value.problems]


def first_item_text(path: Path) -> str:
    return load_file(path).items[0].text


def test_changed_question_under_a_released_version_is_refused(released: Path) -> None:
    edit(released, first_item_text(released), "Ik weet overal alles van.")
    (message,) = problems(released)
    line = released.read_text("utf-8").splitlines().index("version: 1") + 1
    assert message.startswith(f"{released}:{line}: version: ")  # tmp_path: shown whole
    assert "Verhoog 'version' naar 2" in message


def test_changed_reverse_key_under_a_released_version_is_refused(released: Path) -> None:
    edit(released, "reverse: true", "reverse: false")
    assert any("Verhoog 'version' naar 2" in message for message in problems(released))


def test_wording_that_changes_no_score_keeps_the_version(released: Path) -> None:
    title = load_file(released).title
    edit(released, f"title: {title}", "title: Een andere titel")
    assert load_all([released])[0].title == "Een andere titel"


def test_raised_version_is_a_draft_until_it_is_released(released: Path) -> None:
    edit(released, first_item_text(released), "Ik weet overal alles van.")
    edit(released, "version: 1", "version: 2")
    (assessment,) = load_all([released])
    assert unreleased([assessment], released.parent) == ["persoonlijk v2"]
    assert release([assessment], released.parent) == ["persoonlijk v2"]
    assert unreleased([assessment], released.parent) == []
    recorded = json.loads((released.parent / RELEASES_FILE).read_text("utf-8"))
    assert list(recorded["assessments"]["persoonlijk"]) == ["1", "2"]
    assert release([assessment], released.parent) == []


def test_version_below_the_latest_release_is_refused(released: Path) -> None:
    edit(released, "version: 1", "version: 3")
    release(load_all([released]), released.parent)
    edit(released, "version: 3", "version: 2")
    (message,) = problems(released)
    assert "lager dan de laatst uitgebrachte versie 3; gebruik 4" in message


def test_broken_releases_file_is_reported_without_a_traceback(released: Path) -> None:
    (released.parent / RELEASES_FILE).write_text("{niet: json", encoding="utf-8")
    (message,) = problems(released)
    assert RELEASES_FILE in message and "git checkout" in message


def test_every_project_definition_is_released() -> None:
    drafts = unreleased(load_all())
    assert drafts == [], (
        f"not yet released: {', '.join(drafts)}; run 'python -m assessments release' and commit "
        f"assessments/definitions/{RELEASES_FILE}"
    )


def test_broken_releases_file_does_not_hide_the_other_problems(released: Path) -> None:
    (released.parent / RELEASES_FILE).write_text("{niet: json", encoding="utf-8")
    edit(released, "version: 1", "version: nul")
    found = problems(released)
    assert any(RELEASES_FILE in message for message in found)
    assert any("'nul' is geen geheel getal" in message for message in found)
