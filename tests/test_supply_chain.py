"""Every package the project installs is pinned and verified: pip and npm refuse changed files."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_python_requirement_is_pinned_with_a_hash() -> None:
    # One entry per package: "name==version" and its "--hash=sha256:..." lines, joined by "\".
    text = (ROOT / "requirements.txt").read_text("utf-8")
    entries = [e for e in re.split(r"\n(?=\S)", text) if e.strip() and not e.startswith("#")]
    assert len(entries) > 20
    for entry in entries:
        first = entry.split()[0]
        assert re.fullmatch(r"[A-Za-z0-9_.-]+==[^\s;]+", first), f"not pinned: {first}"
        assert re.search(r"--hash=sha256:[0-9a-f]{64}", entry), f"no hash: {first}"
    # Hashes make pip check every file; an index or a local folder is the machine's business.
    assert not re.search(r"^--(extra-)?index-url|^--find-links", text, re.MULTILINE)


def test_every_npm_package_is_locked_with_its_integrity() -> None:
    lock = json.loads((ROOT / "package-lock.json").read_text("utf-8"))
    packages = {name: entry for name, entry in lock["packages"].items() if name}
    assert packages
    for name, entry in packages.items():
        assert entry.get("integrity", "").startswith("sha512-"), name
