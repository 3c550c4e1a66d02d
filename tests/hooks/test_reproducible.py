"""The same commit gives the same runtime folder, byte for byte, in any folder it is built in.

The snapshot holds Python's memory after the engine's import: a build path that reached it would
make two checkouts of one commit ship different snapshots (and miss the compression cache). Two
copies of the engine's source in folders of different path lengths, built with the same time
stamp, must give the same wheel, lock file and snapshot.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitebuild.runtime import LOCK_FILE, SNAPSHOT, ship_runtime
from tests.hooks.test_build import ROOT


def checkout(folder: Path) -> Path:
    """A copy of what the engine's wheel is built from: pyproject.toml and the package."""
    folder.mkdir(parents=True)
    shutil.copy2(ROOT / "pyproject.toml", folder / "pyproject.toml")
    shutil.copytree(
        ROOT / "assessments", folder / "assessments", ignore=shutil.ignore_patterns("__pycache__")
    )
    return folder


def test_two_folders_give_the_same_wheel_lock_and_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796601600")  # the same commit: the same time stamp
    short = checkout(tmp_path / "a")
    long = checkout(tmp_path / "een" / "veel" / "langere" / "map" / "voor" / "dezelfde" / "commit")
    folders = []
    for engine in (short, long):
        site = engine / "site"
        site.mkdir()
        folders.append(ship_runtime(site, ROOT, engine))
    first, second = folders
    names = sorted(path.name for path in first.iterdir())
    assert names == sorted(path.name for path in second.iterdir())
    assert SNAPSHOT in names and LOCK_FILE in names and any(n.endswith(".whl") for n in names)
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
