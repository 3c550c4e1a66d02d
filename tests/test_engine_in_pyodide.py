"""The engine's tests again, inside real Pyodide (Node), importing the built and compiled wheel."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ENGINE_TESTS = Path(__file__).parent / "engine"
RUNNER = Path(__file__).parent / "pyodide" / "run_engine_tests.mjs"
#: The modules with no files and no pytest: they run unchanged in CPython and in Pyodide.
PORTABLE = (
    "test_scoring.py",
    "test_definitions.py",
    "test_documents.py",
    "test_history.py",
    "test_team.py",
    "test_team_rules.py",
    "test_spreadsheet.py",
    "test_v3_rules.py",
)


def test_engine_tests_pass_inside_pyodide(node: str, runtime_dir: Path) -> None:
    files = [str(ENGINE_TESTS / name) for name in PORTABLE]
    done = subprocess.run(
        [node, str(RUNNER), str(runtime_dir), *files], capture_output=True, text=True, timeout=300
    )
    output = done.stdout + done.stderr
    summary = re.search(r"^(\d+) passed, (\d+) failed$", done.stdout, re.MULTILINE)
    assert summary, output
    passed, failed = int(summary.group(1)), int(summary.group(2))
    assert failed == 0 and done.returncode == 0, output
    # Every test function of the portable modules ran: none was silently skipped.
    expected = sum(
        len(re.findall(r"^def test_", (ENGINE_TESTS / name).read_text("utf-8"), re.MULTILINE))
        for name in PORTABLE
    )
    assert passed == expected, output
    assert "on Python 3.13" in done.stdout and "emscripten" in done.stdout
