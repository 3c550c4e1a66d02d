"""Every package the project installs is pinned and verified: pip and npm refuse changed files."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pins(name: str) -> dict[str, str]:
    """The packages of a requirements file and their versions, each checked for a hash."""
    # One entry per package: "name==version" and its "--hash=sha256:..." lines, joined by "\".
    text = (ROOT / name).read_text("utf-8")
    entries = [e for e in re.split(r"\n(?=\S)", text) if e.strip() and not e.startswith("#")]
    found = {}
    for entry in entries:
        first = entry.split()[0]
        assert re.fullmatch(r"[A-Za-z0-9_.-]+==[^\s;]+", first), f"{name}: not pinned: {first}"
        assert re.search(r"--hash=sha256:[0-9a-f]{64}", entry), f"{name}: no hash: {first}"
        package, version = first.split("==")
        found[package.lower()] = version
    # Hashes make pip check every file; an index or a local folder is the machine's business.
    assert not re.search(r"^--(extra-)?index-url|^--find-links", text, re.MULTILINE)
    return found


def test_every_python_requirement_is_pinned_with_a_hash() -> None:
    build, tests = pins("requirements.txt"), pins("requirements-test.txt")
    assert len(build) > 20 and len(tests) > 20
    # Where both files pin a package, they pin the same version (requirements-test.in is
    # constrained by requirements.txt), so installing the tests never moves the build.
    assert {p: v for p, v in tests.items() if p in build and build[p] != v} == {}


def test_serving_the_site_installs_no_test_tool_or_oracle() -> None:
    build = pins("requirements.txt")
    for tool in ("pytest", "playwright", "pingouin", "scipy", "numpy", "pandas", "mypy", "ruff"):
        assert tool not in build, (
            f"{tool} is in requirements.txt; it belongs in requirements-test.in"
        )


def test_every_npm_package_is_locked_with_its_integrity() -> None:
    lock = json.loads((ROOT / "package-lock.json").read_text("utf-8"))
    packages = {name: entry for name, entry in lock["packages"].items() if name}
    assert packages
    for name, entry in packages.items():
        assert entry.get("integrity", "").startswith("sha512-"), name
