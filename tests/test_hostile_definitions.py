"""Hostile definition files: each gives exit 1 and one clear problem line, fast and small.

Content owners edit the definitions, and a file may come from anywhere (a mail, a copy of
another site). `validate` and the build must answer every such file with the file, the field
and what is wrong, within seconds and a bounded amount of memory, and never echo a huge or
control-character value back into a terminal.
"""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

HOSTILE = Path(__file__).parent / "hostile"
GOOD = (Path(__file__).parent / "engine" / "bad" / "unknown-key.yaml").read_text("utf-8")
GOOD = GOOD.split("\n", 1)[1].replace("titel:", "title:")
#: Memory a validation run may use: the real files need a few tens of MB.
MEMORY_LIMIT = 512 * 1024 * 1024
TIME_LIMIT_S = 20

#: Case -> a part of the one problem line it must give.
CASES = {
    "laughs.yaml": "ankers (&) en verwijzingen (*) zijn niet toegestaan",
    "unhashable-key.yaml": "een veldnaam moet een woord zijn",
    "id-trailing-newline.yaml": "id: 'proef\\n' is geen geldig id",
    "ansi-escape.yaml": "id: 'a\\x1b[2J\\x1b[31mrood' is geen geldig id",
    "huge-scale.yaml": "scale.max: een schaal heeft hoogstens 11 antwoordopties",
    "big-scale.yaml": "scale.max: een schaal heeft hoogstens 11 antwoordopties",
    "deep.yaml": "is te diep genest",
    "too-large.yaml": "is groter dan 1000 kB",
    "long-value.yaml": "is geen geldig id",
    "not-utf8.yaml": "is geen UTF-8",
    # Longer than Python turns into an int (4300 digits): PyYAML raised a bare ValueError.
    "long-version.yaml": "version: is een getal van meer dan 4300 cijfers",
    "long-scale-max.yaml": "max: is een getal van meer dan 4300 cijfers",
    "long-band-edge.yaml": "from: is een getal van meer dan 4300 cijfers",
    "long-option-value.yaml": "value: is een getal van meer dan 4300 cijfers",
}
#: Each long-number case: the text in GOOD to replace, and what to put there.
LONG_NUMBERS = {
    "long-version.yaml": ("version: 1", "version: " + "9" * 5000),
    "long-scale-max.yaml": ("max: 5", "max: " + "5" * 5000),
    "long-band-edge.yaml": ("from: 0,", "from: " + "1" * 5000 + ","),
    "long-option-value.yaml": ("value: 2,", "value: " + "2" * 5000 + ","),
}


def generated(name: str, folder: Path) -> Path:
    """The cases too large to keep in the repository, written on the fly."""
    path = folder / name
    if name == "deep.yaml":
        path.write_text("id: " + "[" * 5000 + "]" * 5000 + "\n", "utf-8")
    elif name == "too-large.yaml":
        path.write_text(GOOD + "# " + "x" * 1_100_000 + "\n", "utf-8")
    elif name == "long-value.yaml":
        path.write_text(GOOD.replace("id: proef", "id: " + "X" * 200_000, 1), "utf-8")
    elif name == "not-utf8.yaml":
        path.write_bytes(GOOD.encode("utf-8") + b"# \xff\xfe\n")
    elif name in LONG_NUMBERS:
        old, new = LONG_NUMBERS[name]
        assert old in GOOD, (name, old)
        path.write_text(GOOD.replace(old, new, 1), "utf-8")
    else:
        return HOSTILE / name
    return path


def limited() -> None:
    """Run the child with bounded memory, as a shared machine would like it."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_definition_gives_one_clear_line(name: str, tmp_path: Path) -> None:
    path = generated(name, tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "assessments", "validate", str(path)],
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT_S,
        preexec_fn=limited,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 2 and lines[1] == "(1 probleem)", done.stderr[:2000]
    assert CASES[name] in lines[0]
    assert path.name in lines[0]
    assert "Traceback" not in done.stderr and "\x1b" not in done.stderr
    assert len(lines[0]) < 400, "a value from the file was echoed at length"


@pytest.mark.parametrize(
    "name",
    ["laughs.yaml", "deep.yaml", "huge-scale.yaml", "ansi-escape.yaml", "long-version.yaml"],
)
def test_the_build_gives_the_same_line_as_validate(name: str, tmp_path: Path) -> None:
    from tests.hooks.test_build import build, project

    definition = generated(name, tmp_path).read_text("utf-8")
    (tmp_path / "project").mkdir()
    directory = project(tmp_path / "project", definition, "<!-- zelftest: proef -->\n")
    done = build(directory)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    # Material's own end-of-life notice is coloured; our lines about the file must not be.
    ours = [line for line in done.stderr.splitlines() if "proef.yaml" in line]
    assert len(ours) == 1 and CASES[name] in ours[0] and "\x1b" not in ours[0]
