"""The engine's memory snapshot: made by the build, checked against the runtime, safe to share."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import sitebuild.runtime
from sitebuild import BuildError
from tests.hooks.test_build import GOOD, build, project

runtime_hook = sitebuild.runtime


@pytest.fixture(scope="module")
def built_runtime(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The runtime folder of a minimal project's build: Pyodide, wheel, lock and snapshot."""
    directory = project(tmp_path_factory.mktemp("build"), GOOD, "<!-- zelftest: proef -->\n")
    done = build(directory)
    assert done.returncode == 0, done.stderr
    (runtime,) = (directory / "site" / "assets" / "pyodide").iterdir()
    return runtime


@pytest.fixture()
def runtime_copy(built_runtime: Path, tmp_path: Path) -> Path:
    """A copy of the built runtime folder to spoil."""
    copy = tmp_path / built_runtime.name
    shutil.copytree(built_runtime, copy)
    return copy


#: Where the packed file holds Pyodide's own header, and in that the build id (bytes 16-48).
PYODIDE_HEADER = 20
BUILD_ID = slice(PYODIDE_HEADER + 16, PYODIDE_HEADER + 48)


def words(data: bytes, count: int, at: int = 0) -> list[int]:
    return [int.from_bytes(data[at + 4 * i : at + 4 * i + 4], "little") for i in range(count)]


def unpack(packed: bytes) -> bytes:
    """Pyodide's snapshot from the packed file, written here from the layout in tools/snapshot.mjs
    (pack) as a second reading beside worker.mjs."""
    magic, version, block, memory, header = words(packed, 5)
    assert (magic, version) == (int.from_bytes(b"VWSP", "little"), 1)
    start = PYODIDE_HEADER + header
    block_map = packed[start : start + (memory // block + 7) // 8]
    stored = start + len(block_map)
    out = bytearray(packed[PYODIDE_HEADER:start]) + bytearray(memory)
    for number in range(memory // block):
        if block_map[number // 8] >> (number % 8) & 1:
            out[header + number * block : header + (number + 1) * block] = packed[
                stored : stored + block
            ]
            stored += block
    assert stored == len(packed)
    return bytes(out)


def test_build_writes_the_snapshot_with_the_runtimes_build_id(built_runtime: Path) -> None:
    snapshot = built_runtime / runtime_hook.SNAPSHOT
    record = json.loads((built_runtime / runtime_hook.SNAPSHOT_RECORD).read_text("utf-8"))
    build_id = runtime_hook._runtime_build_id(built_runtime)
    assert runtime_hook.snapshot_build_id(snapshot) == record["build_id"] == build_id
    raw = unpack(snapshot.read_bytes())
    assert words(raw, 1) == [runtime_hook.SNAPSHOT_MAGIC]
    header = words(raw, 2)[1]
    # Packed, the file leaves out the blocks of zeros: at least a third of the memory.
    assert len(raw) - header >= 1.5 * snapshot.stat().st_size
    assert (len(raw) - header) % 65536 == 0
    assert record["pyodide"] == built_runtime.name
    lock = json.loads((built_runtime / "pyodide-lock.json").read_text("utf-8"))
    ours = lock["packages"]["vertrouwenswijzer"]
    assert record["wheel"] == ours["file_name"] and record["wheel_sha256"] == ours["sha256"]
    runtime_hook.check_snapshot(built_runtime)  # the build's own check passes


def test_snapshot_of_another_runtime_build_fails_in_dutch(runtime_copy: Path) -> None:
    snapshot = runtime_copy / runtime_hook.SNAPSHOT
    data = bytearray(snapshot.read_bytes())
    data[BUILD_ID.start : BUILD_ID.start + 4] = bytes(4)  # the first word of the build id
    snapshot.write_bytes(bytes(data))
    with pytest.raises(BuildError, match=r"is gemaakt door Pyodide-build 00000000.*Bouw opnieuw"):
        runtime_hook.check_snapshot(runtime_copy)


def test_snapshot_of_another_wheel_fails_in_dutch(runtime_copy: Path) -> None:
    record_file = runtime_copy / runtime_hook.SNAPSHOT_RECORD
    record = json.loads(record_file.read_text("utf-8"))
    record["wheel_sha256"] = "0" * 64
    record_file.write_text(json.dumps(record), "utf-8")
    with pytest.raises(BuildError, match=r"is gemaakt van een andere wheel dan"):
        runtime_hook.check_snapshot(runtime_copy)


def test_a_file_that_is_no_snapshot_fails_in_dutch(runtime_copy: Path) -> None:
    (runtime_copy / runtime_hook.SNAPSHOT).write_text("<html>Niet gevonden</html>", "utf-8")
    with pytest.raises(BuildError, match=r"zelftest\.snapshot is geen \(volledige\) verpakte"):
        runtime_hook.check_snapshot(runtime_copy)


@pytest.mark.parametrize("cut", [1, 1024, 100_000])
def test_a_cut_off_snapshot_fails_in_dutch(runtime_copy: Path, cut: int) -> None:
    snapshot = runtime_copy / runtime_hook.SNAPSHOT
    snapshot.write_bytes(snapshot.read_bytes()[:-cut])
    with pytest.raises(BuildError, match=r"geen \(volledige\) verpakte Pyodide-snapshot"):
        runtime_hook.check_snapshot(runtime_copy)


def test_a_raw_pyodide_snapshot_is_refused(runtime_copy: Path) -> None:
    # The unpacked form is a snapshot too, but not what worker.mjs reads.
    snapshot = runtime_copy / runtime_hook.SNAPSHOT
    snapshot.write_bytes(unpack(snapshot.read_bytes()))
    with pytest.raises(BuildError, match=r"geen \(volledige\) verpakte Pyodide-snapshot"):
        runtime_hook.check_snapshot(runtime_copy)


def test_build_without_node_says_what_to_install(runtime_copy: Path, monkeypatch) -> None:
    monkeypatch.setattr(runtime_hook.shutil, "which", lambda name: None)
    wheel = next(runtime_copy.glob("*.whl"))
    with pytest.raises(BuildError, match=r"Node\.js is nodig .* installeer Node\.js 20"):
        runtime_hook.make_snapshot(runtime_copy, wheel)


def test_failing_node_script_fails_the_build_with_its_message(
    runtime_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    script = tmp_path / "kapot.mjs"
    script.write_text('console.error("kapotte runtime"); process.exit(3);\n', "utf-8")
    monkeypatch.setattr(runtime_hook, "SNAPSHOT_SCRIPT", script)
    wheel = next(runtime_copy.glob("*.whl"))
    with pytest.raises(
        BuildError, match=r"(?s)Node kon de snapshot .* exitcode 3.*kapotte runtime"
    ):
        runtime_hook.make_snapshot(runtime_copy, wheel)


def test_same_inputs_give_the_same_snapshot(runtime_copy: Path, tmp_path: Path) -> None:
    # The precompressed copies are cached by content: a snapshot that changed with every build
    # would be compressed anew (slowly) every time, and no two builds would be the same.
    first = (runtime_copy / runtime_hook.SNAPSHOT).read_bytes()
    runtime_hook.make_snapshot(runtime_copy, next(runtime_copy.glob("*.whl")))
    assert (runtime_copy / runtime_hook.SNAPSHOT).read_bytes() == first


#: Start Pyodide twice from the same snapshot, as two browser tabs do, and print what each
#: gives for a result id (uuid4) and for `random` before and after the worker's reseed.
TWO_STARTS = """
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const [runtime, unpacked] = process.argv.slice(1);
const snapshot = readFileSync(unpacked);
const { loadPyodide } = await import(pathToFileURL(runtime + "pyodide.mjs").href);
const seen = [];
for (let start = 0; start < 2; start++) {
  const pyodide = await loadPyodide({ indexURL: runtime, _loadSnapshot: new Uint8Array(snapshot) });
  const before = pyodide.runPython("import random; random.random()");
  pyodide.runPython("import random; random.seed(); del random");  // what worker.mjs does
  seen.push({
    before,
    after: pyodide.runPython("import random; random.random()"),
    id: pyodide.runPython("from assessments.documents import new_result_id; new_result_id()"),
    engine: pyodide.runPython("import assessments.browser as b; b.__file__"),
  });
}
console.log(JSON.stringify(seen));
"""


def test_two_starts_from_one_snapshot_give_different_ids_and_random_numbers(
    built_runtime: Path, node: str, tmp_path: Path
) -> None:
    unpacked = tmp_path / "unpacked.snapshot"
    unpacked.write_bytes(unpack((built_runtime / runtime_hook.SNAPSHOT).read_bytes()))
    done = subprocess.run(
        [node, "--input-type=module", "-e", TWO_STARTS, str(built_runtime) + "/", str(unpacked)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    first, second = json.loads(done.stdout)
    # Without the reseed both would draw the same numbers: they share the snapshot's memory.
    assert first["before"] == second["before"]
    assert first["after"] != second["after"]
    assert first["id"] != second["id"] and len(first["id"]) == 32
    assert first["engine"].endswith("assessments/browser.pyc")
