"""The command line as a content owner or a script uses it: output, JSON shapes and exit codes."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from assessments.files import DEFINITIONS_DIR, load_file
from assessments.spreadsheet import result_csv

PERSOONLIJK = load_file(DEFINITIONS_DIR / "persoonlijk.yaml")

BAD = Path(__file__).parent / "engine" / "bad"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assessments", *args], capture_output=True, text=True, check=False
    )


def answers_file(tmp_path: Path, answers: object) -> str:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    return str(path)


def test_list_shows_id_title_version_and_page() -> None:
    done = run("list", "--json")
    assert done.returncode == 0
    rows = {row["id"]: row for row in json.loads(done.stdout)}
    version = PERSOONLIJK.version
    assert rows["persoonlijk"] == {
        "id": "persoonlijk",
        "title": "Persoonlijke vertrouwensscan",
        "version": version,
        "page": "zelftests/persoonlijk.md",
        "team_report": False,
        "mirror_of": None,
        "self_rated": True,
    }
    assert rows["leiderschap-team"]["mirror_of"] == "leiderschap"
    assert f"persoonlijk\tv{version}\tzelftests/persoonlijk.md" in run("list").stdout


def test_validate_passes_the_project_definitions() -> None:
    done = run("validate")
    assert done.returncode == 0 and "in orde" in done.stdout


def test_validate_lists_every_problem_and_exits_1() -> None:
    done = run("validate", str(BAD / "unknown-key.yaml"), str(BAD / "bands-gap.yaml"))
    assert done.returncode == 1
    assert "unknown-key.yaml:4: titel: onbekend veld; bedoel je 'title'?" in done.stderr
    assert "bands-gap.yaml:18: bands[1].from: tussen 50 en 60 valt geen band" in done.stderr
    assert "Traceback" not in done.stderr


def test_validate_of_a_missing_file_is_a_usage_error() -> None:
    done = run("validate", "bestaat-niet.yaml")
    assert done.returncode == 2 and done.stderr.startswith("fout: bestaat-niet.yaml")


def test_export_prints_the_normalized_definition() -> None:
    done = run("export", "persoonlijk")
    assert done.returncode == 0
    document = json.loads(done.stdout)
    assert {"id", "version", "scale", "dimensions", "items", "bands"} <= set(document)
    assert document["scale"]["min"] == 1 and document["scale"]["max"] == 5
    assert set(document["dimensions"][0]) >= {"id", "title", "min_answered"}
    assert set(document["items"][0]) >= {"id", "dimension", "reverse", "text"}
    assert len(document["items"]) == len(PERSOONLIJK.items)
    assert document["self_rated"] is True


def test_score_prints_the_result(tmp_path: Path) -> None:
    definition = json.loads(run("export", "persoonlijk").stdout)
    answers = {item["id"]: 3 for item in definition["items"]}
    answers[definition["items"][0]["id"]] = None
    done = run("score", "persoonlijk", answers_file(tmp_path, answers))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["assessment"] == "persoonlijk" and result["version"] == PERSOONLIJK.version
    assert [d["score"] for d in result["dimensions"]] == [50.0] * len(PERSOONLIJK.dimensions)
    first = PERSOONLIJK.items_of(PERSOONLIJK.dimensions[0].id)
    assert result["dimensions"][0]["answered"] == len(first) - 1
    assert result["dimensions"][0]["items"] == len(first)
    assert result["overall"]["score"] == 50.0


def test_score_prints_the_csv_the_pages_offer(tmp_path: Path) -> None:
    definition = json.loads(run("export", "persoonlijk").stdout)
    answers = {item["id"]: 4 for item in definition["items"]}
    path = answers_file(tmp_path, answers)
    as_json = json.loads(run("score", "persoonlijk", path).stdout)
    done = subprocess.run(
        [sys.executable, "-m", "assessments", "score", "persoonlijk", path, "--csv"],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    # Byte for byte what the pages download (result_csv), with CRLF line ends kept.
    assert done.stdout.decode("utf-8") == result_csv(as_json)
    assert done.stdout.startswith("\ufeffdatum;zelftest;".encode())


def test_score_withholds_overall_with_too_few_answers(tmp_path: Path) -> None:
    done = run("score", "persoonlijk", answers_file(tmp_path, {"vak-bijhouden": 4}))
    result = json.loads(done.stdout)
    assert result["overall"] is None
    assert all(d["mean"] is None and d["score"] is None for d in result["dimensions"])


def test_score_rejects_an_unknown_item_with_one_line(tmp_path: Path) -> None:
    done = run("score", "persoonlijk", answers_file(tmp_path, {"geen-item": 3}))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "onbekende vraag 'geen-item'" in done.stderr


def test_score_rejects_a_value_off_the_scale(tmp_path: Path) -> None:
    done = run("score", "persoonlijk", answers_file(tmp_path, {"vak-bijhouden": 7}))
    assert done.returncode == 2 and "7 is geen antwoord op de schaal" in done.stderr


def test_score_rejects_a_malformed_file(tmp_path: Path) -> None:
    path = tmp_path / "kapot.json"
    path.write_text("{niet: json", encoding="utf-8")
    done = run("score", "persoonlijk", str(path))
    assert done.returncode == 2 and "geen geldige JSON" in done.stderr
    assert done.stderr.count("\n") == 1


def test_score_rejects_an_unknown_assessment(tmp_path: Path) -> None:
    done = run("score", "bestaat-niet", answers_file(tmp_path, {}))
    assert done.returncode == 2 and "onbekende zelftest 'bestaat-niet'" in done.stderr


#: Hostile answer files for `score`: each gives exit 2 and one Dutch line, in bounded time and
#: memory. Name -> (contents, a part of the line).
HOSTILE_ANSWERS = {
    "huge-number.json": (b'{"vak-bijhouden": ' + b"9" * 5000 + b"}", "getal dat te lang is"),
    "deep.json": (b"[" * 100_000 + b"]" * 100_000, "dieper genest"),
    "huge-key.json": (b'{"' + b"x" * 3_000_000 + b'": 1}', "groter dan 1 MB"),
    "long-key.json": (b'{"' + b"y" * 500_000 + b'": 1}', "onbekende vraag"),
    "duplicate.json": (b'{"vak-bijhouden": 1, "vak-bijhouden": 5}', "twee keer"),
    "nan.json": (b'{"vak-bijhouden": NaN}', "geen getal"),
    "escape.json": (b'{"\\u001b[2Jvak": 1}', "onbekende vraag"),
}


def run_limited(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI with 1 GB of memory and 30 seconds at most, as hostile input must allow."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))

    return subprocess.run(
        [sys.executable, "-m", "assessments", *args],
        capture_output=True,
        text=True,
        timeout=30,
        preexec_fn=limit,
        check=False,
    )


@pytest.mark.parametrize("name", sorted(HOSTILE_ANSWERS))
def test_score_answers_hostile_files_with_one_short_line(name: str, tmp_path: Path) -> None:
    data, expected = HOSTILE_ANSWERS[name]
    path = tmp_path / name
    path.write_bytes(data)
    done = run_limited("score", "persoonlijk", str(path))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and expected in done.stderr, done.stderr[:300]
    assert len(done.stderr) < 400 and "\x1b" not in done.stderr
    assert "Traceback" not in done.stderr


def test_score_of_dev_zero_stops_at_the_size_limit() -> None:
    done = run_limited("score", "persoonlijk", "/dev/zero")
    assert done.returncode == 2 and "groter dan 1 MB" in done.stderr


def test_a_closed_pipe_ends_the_output_quietly() -> None:
    # As in `python -m assessments list --json | head -1`: the reader has gone before the
    # command writes (it closes its end at once, while the command still loads).
    process = subprocess.Popen(
        [sys.executable, "-m", "assessments", "list", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    errors = process.stderr.read()
    assert process.wait(timeout=30) == 0
    assert errors == b""
