"""Ship the Python runtime and the scoring engine with a built site: Pyodide plus our wheel.

Everything the browser needs to score comes from the site itself: the Pyodide files from the
pinned npm package and the `assessments` package as a wheel, registered in Pyodide's lock file
(whose sha256 Chromium checks) and compiled to .pyc. No CDN, nothing fetched at run time.

Beside them goes a memory snapshot (tools/snapshot.mjs): Pyodide's memory after start-up with
the engine imported, from which a reader's browser starts several times faster. Snapshots use
private Pyodide API, so the runtime stays pinned to one exact version (package.json) and the
build checks that the snapshot belongs to the runtime it ships.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from . import BuildError

#: The files of the npm package that the browser loads; maps, consoles and types stay out.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip")
LOCK_FILE = "pyodide-lock.json"
#: The distribution that holds the `assessments` package (pyproject.toml).
DISTRIBUTION = "vertrouwenswijzer"
#: The memory snapshot in the runtime's folder (worker.mjs loads it by this name), and the
#: record beside it of what it was made from.
SNAPSHOT = "zelftest.snapshot"
SNAPSHOT_RECORD = "zelftest.snapshot.json"
#: The Node script that makes the snapshot.
SNAPSHOT_SCRIPT = Path(__file__).resolve().parent.parent / "tools" / "snapshot.mjs"
#: The snapshot file is packed (tools/snapshot.mjs, pack): it starts with "VWSP", format 1, and
#: holds Pyodide's own snapshot header from byte 20 on.
PACKED_MAGIC = int.from_bytes(b"VWSP", "little")
PACKED_VERSION = 1
PACKED_FIXED = 20
#: Pyodide's snapshot header starts with this number; the runtime's build id is at bytes 16-48.
SNAPSHOT_MAGIC = 1886286592


def runtime_folder(project: Path) -> str:
    """The runtime's folder in the site, relative to its root: assets/pyodide/VERSION/."""
    return f"assets/pyodide/{_version(runtime_package(project))}/"


def check_python(project: Path) -> None:
    """Refuse a build Python whose minor differs from the runtime's: its .pyc would not load."""
    package = runtime_package(project)
    info = json.loads((package / LOCK_FILE).read_text(encoding="utf-8"))["info"]
    runtime_python = tuple(int(part) for part in info["python"].split(".")[:2])
    if sys.version_info[:2] != runtime_python:
        # Pyodide loads only bytecode of its own Python minor: a mismatch builds a site whose
        # engine fails in every reader's browser with "bad magic number".
        raise BuildError(
            f"deze build draait op Python {sys.version_info[0]}.{sys.version_info[1]}, maar "
            f"Pyodide {_version(package)} bevat Python {info['python']}; .pyc-bestanden laden "
            "alleen op dezelfde versie. Bouw met Python "
            f"{runtime_python[0]}.{runtime_python[1]} ('make build' maakt de juiste omgeving)."
        )


def ship_runtime(site: Path, project: Path, engine: Path | None = None) -> Path:
    """Copy the runtime into the site, build, lock and compile the engine, then snapshot both.

    ``project`` has node_modules/ (the runtime); ``engine`` is the source tree of the engine's
    wheel, by default the one this Python imports. Returns the runtime's folder in the site.
    """
    check_python(project)
    package = runtime_package(project)
    target = site / runtime_folder(project)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in RUNTIME_FILES:
        shutil.copy2(package / name, target / name)
    with tempfile.TemporaryDirectory(prefix="zelftest-wheel-") as staging:
        wheel = build_engine(engine or _engine_project(), package / LOCK_FILE, Path(staging))
        shutil.copy2(wheel, target / wheel.name)
        shutil.copy2(Path(staging) / LOCK_FILE, target / LOCK_FILE)
    make_snapshot(target, target / wheel.name)
    check_snapshot(target)
    return target


# ---- Helper functions ----


def runtime_package(project: Path) -> Path:
    """The installed npm package `pyodide`, or a clear error saying how to install it."""
    package = project / "node_modules" / "pyodide"
    missing = [name for name in (*RUNTIME_FILES, LOCK_FILE) if not (package / name).is_file()]
    if missing:
        raise BuildError(
            f"de Pyodide-runtime is niet geïnstalleerd ({package} mist {', '.join(missing)}); "
            "voer 'make install' uit (of 'npm ci')."
        )
    return package


def _engine_project() -> Path:
    """The source tree of the `assessments` package this build imports (pyproject.toml beside it)."""
    import assessments

    project = Path(assessments.__file__).resolve().parent.parent
    if not (project / "pyproject.toml").is_file():
        raise BuildError(
            f"de wheel van de rekenmodule kan niet gebouwd worden: geen pyproject.toml in "
            f"{project}; installeer het project bewerkbaar ('make install' doet dat)."
        )
    return project


def _version(package: Path) -> str:
    """The version of the installed Pyodide npm package."""
    return str(json.loads((package / "package.json").read_text(encoding="utf-8"))["version"])


def build_engine(project: Path, runtime_lock: Path, out: Path) -> Path:
    """Build the engine's wheel, lock it and compile it to .pyc; the same commit, the same bytes.

    Writes the compiled wheel and the trimmed lock file into ``out``; returns the wheel.
    """
    epoch = _source_epoch(project)
    wheel = _build_wheel(project, out)
    shutil.copy2(runtime_lock, out / LOCK_FILE)
    # The order is fixed: add-wheels accepts only the pure py3-none-any wheel, then py-compile
    # turns it into a cp313 wheel and rewrites its lock entry (name, sha256).
    _pyodide(
        "lockfile", "add-wheels", "--input", LOCK_FILE, "--output", LOCK_FILE, wheel.name, cwd=out
    )
    # With SOURCE_DATE_EPOCH, py_compile writes hash-based .pyc files instead of ones stamped
    # with the source's mtime (the moment py-compile unpacked it).
    _pyodide("py-compile", "--silent", ".", cwd=out, env={"SOURCE_DATE_EPOCH": str(epoch)})
    compiled = [path for path in out.glob("*.whl") if path.name != wheel.name]
    if len(compiled) != 1:
        raise BuildError(f"py-compile maakte {len(compiled)} wheels in plaats van één")
    _fix_zip_dates(compiled[0], epoch)
    _write_trimmed_lock(out / LOCK_FILE, compiled[0])
    return compiled[0]


def make_snapshot(runtime: Path, wheel: Path) -> None:
    """Make the memory snapshot with Node from the runtime and wheel in the site; record both."""
    node = shutil.which("node")
    if node is None:
        raise BuildError(
            "Node.js is nodig om de snapshot van de rekenmodule te maken, maar 'node' is niet "
            "gevonden; installeer Node.js 20 of nieuwer (Debian: apt-get install nodejs)."
        )
    with tempfile.TemporaryDirectory(prefix="zelftest-engine-") as unpacked:
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(unpacked)
        command = [node, str(SNAPSHOT_SCRIPT), str(runtime), unpacked, str(runtime / SNAPSHOT)]
        done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise BuildError(
            f"Node kon de snapshot van de rekenmodule niet maken ({SNAPSHOT_SCRIPT.name}, "
            f"exitcode {done.returncode}):\n{done.stderr.strip()[-2000:]}"
        )
    record = {
        "pyodide": runtime.name,
        "build_id": _runtime_build_id(runtime),
        "wheel": wheel.name,
        "wheel_sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(),
    }
    (runtime / SNAPSHOT_RECORD).write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")


def check_snapshot(runtime: Path) -> None:
    """Refuse a snapshot that was not made by this runtime from this wheel.

    The browser refuses such a snapshot too, but only after downloading it, and then starts
    the slow way for every reader: the build says so at once instead.
    """
    record = json.loads((runtime / SNAPSHOT_RECORD).read_text(encoding="utf-8"))
    made_by = snapshot_build_id(runtime / SNAPSHOT)
    build_id = _runtime_build_id(runtime)
    lock = json.loads((runtime / LOCK_FILE).read_text(encoding="utf-8"))["packages"][DISTRIBUTION]
    wheel = runtime / lock["file_name"]
    if made_by is None:
        problem = f"{SNAPSHOT} is geen (volledige) verpakte Pyodide-snapshot"
    elif made_by != build_id or record["build_id"] != build_id:
        problem = (
            f"{SNAPSHOT} is gemaakt door Pyodide-build {made_by[:12]}…, maar de site levert "
            f"build {build_id[:12]}… (Pyodide {runtime.name})"
        )
    elif record["wheel"] != wheel.name or record["wheel_sha256"] != lock["sha256"]:
        problem = f"{SNAPSHOT} is gemaakt van een andere wheel dan {wheel.name} in de site"
    elif hashlib.sha256(wheel.read_bytes()).hexdigest() != lock["sha256"]:
        problem = f"{wheel.name} klopt niet met de sha256 in {LOCK_FILE}"
    else:
        return
    raise BuildError(
        f"{problem}. Zo'n snapshot laadt niet in de browser. Bouw opnieuw met 'make build'; "
        "blijft dit, controleer dan of node_modules/pyodide de versie uit package.json is "
        "('npm ci')."
    )


def snapshot_build_id(path: Path) -> str | None:
    """The runtime build id in a packed snapshot's header; None when the file is not one, whole.

    Checks the layout as worker.mjs reads it: the fixed numbers, Pyodide's own header behind
    them, and exactly as many stored blocks as the block map says.
    """
    data = path.read_bytes()
    if len(data) < PACKED_FIXED + 48:
        return None
    magic, version, block, memory, header = (
        int.from_bytes(data[i : i + 4], "little") for i in range(0, PACKED_FIXED, 4)
    )
    inner = data[PACKED_FIXED : PACKED_FIXED + header]
    fits = block > 0 and memory > 0 and memory % 65536 == 0 and memory % block == 0
    if magic != PACKED_MAGIC or version != PACKED_VERSION or not fits or len(inner) < 48:
        return None
    if int.from_bytes(inner[:4], "little") != SNAPSHOT_MAGIC or header % 16 != 0:
        return None
    blocks = memory // block
    start = PACKED_FIXED + header
    block_map = data[start : start + (blocks + 7) // 8]
    stored = int.from_bytes(block_map, "little").bit_count()
    if len(data) != start + len(block_map) + stored * block:
        return None
    return "".join(f"{int.from_bytes(inner[i : i + 4], 'little'):08x}" for i in range(16, 48, 4))


def _build_wheel(project: Path, out: Path) -> Path:
    """Build the pure-Python wheel of the engine, reproducibly (fixed timestamps).

    flit_core's WheelBuilder is given the time stamp directly, so the build changes neither the
    working directory nor the environment of the process that builds.
    """
    from flit_core.wheel import WheelBuilder

    staging = out / "engine.whl.part"
    with staging.open("w+b") as target:
        builder = WheelBuilder.from_ini_path(project / "pyproject.toml", target)
        builder.source_time_stamp = _zip_date(_source_epoch(project))
        builder.build()
    wheel: Path = out / builder.wheel_filename
    staging.replace(wheel)
    return wheel


def _source_epoch(project: Path) -> int:
    """The time the build stamps into the wheel: SOURCE_DATE_EPOCH, else the last commit's."""
    return int(os.environ.get("SOURCE_DATE_EPOCH") or _last_commit_time(project))


def _zip_date(epoch: int) -> tuple[int, int, int, int, int, int]:
    """A zip entry's date for a Unix time; zip stores no time before 1980 (as flit_core does)."""
    return time.gmtime(max(epoch, 315532800))[:6]


def _fix_zip_dates(wheel: Path, epoch: int) -> None:
    """Rewrite a wheel with every entry dated ``epoch``, in the same order with the same bytes.

    py-compile dates the entries it writes with the time of the build.
    """
    with zipfile.ZipFile(wheel) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(wheel, "w") as target:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, _zip_date(epoch))
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)


def _last_commit_time(project: Path) -> str:
    """The time of the last commit, so a rebuild of the same commit gives the same wheel."""
    try:
        found = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=project, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        found = ""
    # Zip cannot store times before 1980; this fallback serves a tree without git history.
    return found or "315532800"


def _pyodide(*args: str, cwd: Path, env: dict[str, str] | None = None) -> None:
    """Run a `pyodide` CLI command (pyodide-build, pyodide-lock) and fail the build loudly."""
    command = [str(Path(sys.executable).parent / "pyodide"), *args]
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})}
    )
    if done.returncode != 0:
        raise BuildError(f"'pyodide {' '.join(args)}' mislukte:\n{done.stdout}{done.stderr}")


def _write_trimmed_lock(lock_file: Path, wheel: Path) -> None:
    """Keep only our package in the lock file (the site ships no other), with the wheel's sha256."""
    lock = json.loads(lock_file.read_text(encoding="utf-8"))
    ours = lock["packages"].get(DISTRIBUTION)
    if ours is None or ours["depends"] or ours["file_name"] != wheel.name:
        raise BuildError(
            f"het lock-bestand mist '{DISTRIBUTION}' ({wheel.name}) of geeft het afhankelijkheden"
        )
    ours["sha256"] = hashlib.sha256(wheel.read_bytes()).hexdigest()
    lock["packages"] = {DISTRIBUTION: ours}
    lock_file.write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _runtime_build_id(runtime: Path) -> str:
    """The build id Pyodide writes into its snapshots and checks on loading one."""
    found = re.search(r'BUILD_ID:"([0-9a-f]{64})"', (runtime / "pyodide.mjs").read_text("utf-8"))
    if found is None:
        raise BuildError(
            f"geen BUILD_ID gevonden in {runtime / 'pyodide.mjs'}: de snapshot-API is privé en "
            "deze Pyodide-versie werkt anders; pas sitebuild/runtime.py en "
            "tools/snapshot.mjs aan bij een nieuwe Pyodide-versie."
        )
    return found.group(1)
