"""The engine's compiled wheel: the same commit gives the same bytes, whenever it is built."""

from __future__ import annotations

import hashlib
import json
import time
import zipfile
from pathlib import Path

import sitebuild.runtime
from tests.hooks.test_build import ROOT

runtime_hook = sitebuild.runtime
RUNTIME_LOCK = ROOT / "node_modules" / "pyodide" / "pyodide-lock.json"


def test_two_builds_of_one_commit_give_the_same_wheel_and_lock(tmp_path: Path) -> None:
    first = runtime_hook.build_engine(ROOT, RUNTIME_LOCK, _folder(tmp_path / "a"))
    # Zip stores times in steps of two seconds: a stamp of the build time would show.
    time.sleep(2.1)
    second = runtime_hook.build_engine(ROOT, RUNTIME_LOCK, _folder(tmp_path / "b"))
    assert first.name == second.name and first.name.endswith("-cp313-none-any.whl")
    assert _sha256(first) == _sha256(second)
    locks = [(path.parent / "pyodide-lock.json").read_text("utf-8") for path in (first, second)]
    assert locks[0] == locks[1]
    entry = json.loads(locks[0])["packages"]["vertrouwenswijzer"]
    assert entry["sha256"] == _sha256(first) and entry["file_name"] == first.name


def test_wheel_holds_hash_based_bytecode_with_the_commit_time(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    wheel = runtime_hook.build_engine(ROOT, RUNTIME_LOCK, tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        compiled = [name for name in archive.namelist() if name.endswith(".pyc")]
        assert "assessments/browser.pyc" in compiled
        assert not any(name.endswith(".py") for name in archive.namelist())
        # PEP 552: flags 0b01 (hash-based) or 0b11 (checked hash); never 0 (source mtime).
        flags = {int.from_bytes(archive.read(name)[4:8], "little") for name in compiled}
    assert flags <= {1, 3}


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
