"""Ship the Python runtime and the scoring engine with the site: Pyodide plus our compiled wheel.

Everything the browser needs to score comes from the site itself: the Pyodide files from the
pinned npm package and the `assessments` package as a wheel, registered in Pyodide's lock file
(whose sha256 Chromium checks) and compiled to .pyc. No CDN, nothing fetched at run time.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

#: The files of the npm package that the browser loads; maps, consoles and types stay out.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip")
LOCK_FILE = "pyodide-lock.json"
#: The distribution that holds the `assessments` package (pyproject.toml).
DISTRIBUTION = "vertrouwenswijzer"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Check the runtime and the build Python fit together; publish the runtime's site path."""
    package = _runtime_package(config)
    info = json.loads((package / LOCK_FILE).read_text(encoding="utf-8"))["info"]
    runtime_python = tuple(int(part) for part in info["python"].split(".")[:2])
    if sys.version_info[:2] != runtime_python:
        # Pyodide loads only bytecode of its own Python minor: a mismatch builds a site whose
        # engine fails in every reader's browser with "bad magic number".
        raise PluginError(
            f"deze build draait op Python {sys.version_info[0]}.{sys.version_info[1]}, maar "
            f"Pyodide {_version(package)} bevat Python {info['python']}; .pyc-bestanden laden "
            "alleen op dezelfde versie. Bouw met Python "
            f"{runtime_python[0]}.{runtime_python[1]} ('make build' maakt de juiste omgeving)."
        )
    config.extra["zelftest_runtime"] = f"assets/pyodide/{_version(package)}/"
    return config


def on_post_build(config: MkDocsConfig) -> None:
    """Copy the runtime into the site, then build, lock and compile the engine's wheel."""
    package = _runtime_package(config)
    target = Path(config.site_dir) / config.extra["zelftest_runtime"]
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in RUNTIME_FILES:
        shutil.copy2(package / name, target / name)
    with tempfile.TemporaryDirectory(prefix="zelftest-wheel-") as staging:
        stage = Path(staging)
        wheel = _build_wheel(_engine_project(), stage)
        shutil.copy2(package / LOCK_FILE, stage / LOCK_FILE)
        # The order is fixed: add-wheels accepts only the pure py3-none-any wheel, then
        # py-compile turns it into a cp313 wheel and rewrites its lock entry (name, sha256).
        _pyodide(
            "lockfile",
            "add-wheels",
            "--input",
            LOCK_FILE,
            "--output",
            LOCK_FILE,
            wheel.name,
            cwd=stage,
        )
        _pyodide("py-compile", "--silent", ".", cwd=stage)
        compiled = [path for path in stage.glob("*.whl") if path.name != wheel.name]
        if len(compiled) != 1:
            raise PluginError(f"py-compile maakte {len(compiled)} wheels in plaats van één")
        shutil.copy2(compiled[0], target / compiled[0].name)
        _write_trimmed_lock(stage / LOCK_FILE, target / LOCK_FILE)


# ---- Helper functions ----


def _runtime_package(config: MkDocsConfig) -> Path:
    """The installed npm package `pyodide`, or a clear error saying how to install it."""
    package = Path(config.config_file_path).parent / "node_modules" / "pyodide"
    missing = [name for name in (*RUNTIME_FILES, LOCK_FILE) if not (package / name).is_file()]
    if missing:
        raise PluginError(
            f"de Pyodide-runtime is niet geïnstalleerd ({package} mist {', '.join(missing)}); "
            "voer 'make install' uit (of 'npm ci')."
        )
    return package


def _engine_project() -> Path:
    """The source tree of the `assessments` package this build imports (pyproject.toml beside it)."""
    import assessments

    project = Path(assessments.__file__).resolve().parent.parent
    if not (project / "pyproject.toml").is_file():
        raise PluginError(
            f"de wheel van de rekenmodule kan niet gebouwd worden: geen pyproject.toml in "
            f"{project}; installeer het project bewerkbaar ('make install' doet dat)."
        )
    return project


def _version(package: Path) -> str:
    """The version of the installed Pyodide npm package."""
    return str(json.loads((package / "package.json").read_text(encoding="utf-8"))["version"])


def _build_wheel(project: Path, out: Path) -> Path:
    """Build the pure-Python wheel of the engine, reproducibly (fixed timestamps).

    flit_core's WheelBuilder is given the time stamp directly, so the build changes neither the
    working directory nor the environment of the MkDocs process.
    """
    import time

    from flit_core.wheel import WheelBuilder

    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or _last_commit_time(project))
    staging = out / "engine.whl.part"
    with staging.open("w+b") as target:
        builder = WheelBuilder.from_ini_path(project / "pyproject.toml", target)
        # Zip stores local times from 1980 on, as flit_core does with SOURCE_DATE_EPOCH.
        builder.source_time_stamp = time.gmtime(max(epoch, 315532800))[:6]
        builder.build()
    wheel = out / builder.wheel_filename
    staging.replace(wheel)
    return wheel


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


def _pyodide(*args: str, cwd: Path) -> None:
    """Run a `pyodide` CLI command (pyodide-build, pyodide-lock) and fail the build loudly."""
    command = [str(Path(sys.executable).parent / "pyodide"), *args]
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        raise PluginError(f"'pyodide {' '.join(args)}' mislukte:\n{done.stdout}{done.stderr}")


def _write_trimmed_lock(source: Path, target: Path) -> None:
    """Keep only our package in the lock file: the site ships no other Pyodide packages."""
    lock = json.loads(source.read_text(encoding="utf-8"))
    ours = lock["packages"].get(DISTRIBUTION)
    if ours is None or ours["depends"]:
        raise PluginError(f"het lock-bestand mist '{DISTRIBUTION}' of geeft het afhankelijkheden")
    lock["packages"] = {DISTRIBUTION: ours}
    target.write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n", encoding="utf-8")
