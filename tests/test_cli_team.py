"""The team report and the leader mirror on the command line: exit codes, what goes to stdout and
stderr, and hostile files read in bounded time and memory, without a traceback."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assessments import result_document, score
from assessments.files import load_all
from assessments.team import MAX_FILES, catalog_of

CATALOG = catalog_of(load_all())
#: A hostile file may cost time, never the machine: each run gets at most this much memory.
MEMORY_LIMIT = 1024**3
TEAM_TITLE = CATALOG["team"].title


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "assessments", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        preexec_fn=limit_memory,
        check=False,
    )
    assert "Traceback" not in done.stderr + done.stdout, done.stderr[-3000:]
    return done


def result_bytes(assessment_id: str, seed: int = 0) -> bytes:
    """A saved result of one of the site's tests, answers varied by ``seed``."""
    assessment = CATALOG[assessment_id]
    answers = {
        item.id: 1 + (index * 7 + seed * 3) % 5 for index, item in enumerate(assessment.items)
    }
    return json.dumps(result_document(score(assessment, answers)), ensure_ascii=False).encode()


def write(folder: Path, name: str, data: bytes) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


def team_files(folder: Path, count: int = 5, assessment_id: str = "team") -> list[str]:
    return [
        write(folder, f"{assessment_id}-{n}.json", result_bytes(assessment_id, n))
        for n in range(count)
    ]


def lines(text: str) -> list[str]:
    return text.splitlines()


# ---- list ----


def test_list_json_says_which_tests_are_for_teams_and_what_they_mirror() -> None:
    done = run("list", "--json")
    rows = {row["id"]: (row["team_report"], row["mirror_of"]) for row in json.loads(done.stdout)}
    assert rows == {
        "klant": (True, None),
        # The manager's own test since version 3: five managers' "mijn team" are five teams.
        "klimaat": (False, None),
        "leiderschap-team": (True, "leiderschap"),
        "leiderschap": (False, None),
        "persoonlijk": (False, None),
        "team": (True, None),
    }


# ---- team ----


def test_team_prints_the_report_and_exits_0(tmp_path: Path) -> None:
    done = run("team", *team_files(tmp_path))
    assert done.returncode == 0 and done.stderr == ""
    report = json.loads(done.stdout)
    assert report["format"] == "vertrouwenswijzer-teamrapport"
    assert (report["assessment"], report["respondents"], report["left_out"]) == ("team", 5, [])
    dimensions = next(a for a in load_all() if a.id == "team").dimensions
    assert [d["n"] for d in report["dimensions"]] == [5] * len(dimensions)


@pytest.mark.parametrize("assessment_id", ["team", "klant", "leiderschap-team"])
def test_every_team_test_makes_a_report(tmp_path: Path, assessment_id: str) -> None:
    done = run("team", *team_files(tmp_path, 5, assessment_id))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["assessment"] == assessment_id


def test_klimaat_results_make_no_team_report_and_each_file_says_why(tmp_path: Path) -> None:
    done = run("team", *team_files(tmp_path, 5, "klimaat"))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("een test die één persoon voor zichzelf invult") == 5


def test_team_names_each_left_out_file_on_stderr_in_order(tmp_path: Path) -> None:
    bad = [
        write(tmp_path, "kapot.json", b"{niet: json"),
        write(tmp_path, "map/diep/definitie.json", run("export", "team").stdout.encode()),
        write(tmp_path, "eigen.json", result_bytes("leiderschap")),
        write(tmp_path, "persoonlijk.json", result_bytes("persoonlijk")),
    ]
    done = run("team", bad[0], *team_files(tmp_path), *bad[1:])
    assert done.returncode == 0
    report = json.loads(done.stdout)
    assert report["respondents"] == 5
    assert [e["file"] for e in report["left_out"]] == [
        "kapot.json",
        "definitie.json",
        "eigen.json",
        "persoonlijk.json",
    ]
    assert lines(done.stderr) == [
        f"niet meegeteld: {e['file']}: {e['reason']}" for e in report["left_out"]
    ]
    assert lines(done.stderr)[0] == "niet meegeteld: kapot.json: is geen geldige JSON (regel 1)."
    assert "telt nooit mee in de cijfers van het team" in lines(done.stderr)[2]


def test_team_with_fewer_than_five_usable_files_prints_nothing_and_exits_2(
    tmp_path: Path,
) -> None:
    bad = [write(tmp_path, "kapot.json", b"["), write(tmp_path, "leeg.json", b"")]
    done = run("team", *team_files(tmp_path, 4), *bad)
    assert done.returncode == 2 and done.stdout == ""
    assert lines(done.stderr) == [
        "niet meegeteld: kapot.json: is geen geldige JSON (regel 1).",
        "niet meegeteld: leeg.json: is geen geldige JSON (regel 1).",
        f"fout: Er zijn 4 bruikbare uitslagen van '{TEAM_TITLE}'; een teamrapport heeft er "
        "minstens 5 nodig, zodat niemand aan zijn antwoorden te herkennen is.",
    ]


def test_team_of_only_self_rated_files_exits_2(tmp_path: Path) -> None:
    files = [write(tmp_path, f"p{n}.json", result_bytes("persoonlijk", n)) for n in range(5)]
    done = run("team", *files)
    assert done.returncode == 2 and done.stdout == ""
    assert [line[:16] for line in lines(done.stderr)] == ["niet meegeteld: "] * 5 + [
        "fout: Er zijn 0 "
    ]


def test_team_refuses_more_than_200_files_with_one_line(tmp_path: Path) -> None:
    one = write(tmp_path, "een.json", result_bytes("team"))
    done = run("team", *[one] * (MAX_FILES + 1))
    assert done.returncode == 2 and done.stdout == ""
    assert lines(done.stderr) == [
        "fout: Dat zijn 201 bestanden; een teamrapport neemt er hoogstens 200. "
        "Maak een rapport per team."
    ]
    many = run("team", *[one] * 5000)
    assert many.returncode == 2 and many.stdout == "" and len(lines(many.stderr)) == 1


def test_team_of_a_missing_file_or_a_folder_is_one_line(tmp_path: Path) -> None:
    for path in (str(tmp_path / "bestaat-niet.json"), str(tmp_path)):
        done = run("team", *team_files(tmp_path), path)
        assert done.returncode == 2 and done.stdout == ""
        assert len(lines(done.stderr)) == 1 and "kan niet gelezen worden" in done.stderr


def test_reading_dev_zero_stops_at_the_size_limit(tmp_path: Path) -> None:
    started = time.monotonic()
    done = run("team", "/dev/zero", *team_files(tmp_path), timeout=30)
    assert time.monotonic() - started < 30
    assert done.returncode == 0
    assert lines(done.stderr) == [
        "niet meegeteld: zero: is groter dan 64 kB; zo groot is een bestand van deze site nooit "
        "(een uitslag is een paar kB)."
    ]


def test_a_file_name_with_escape_codes_is_escaped_and_cut(tmp_path: Path) -> None:
    named = write(tmp_path, "\x1b[31mrood\x1b[0m\x07\x7f.json", b"{")
    long = write(tmp_path, "n" * 200 + ".json", b"{")
    done = run("team", named, long, *team_files(tmp_path))
    assert done.returncode == 0
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr and "\x7f" not in done.stderr
    assert lines(done.stderr) == [
        "niet meegeteld: \\x1b[31mrood\\x1b[0m\\x07\\x7f.json: is geen geldige JSON (regel 1).",
        "niet meegeteld: " + "n" * 80 + "…: is geen geldige JSON (regel 1).",
    ]


def test_a_missing_file_with_escape_codes_is_named_safely(tmp_path: Path) -> None:
    done = run("team", str(tmp_path / "\x1b]0;titel\x07.json"))
    assert done.returncode == 2 and "\x1b" not in done.stderr and "\x07" not in done.stderr
    assert len(lines(done.stderr)) == 1


def hostile_corpus() -> dict[str, bytes]:
    """Files that try to break, slow down or fill up a reader; none is a result."""
    valid = json.loads(result_bytes("team"))
    return {
        "vijf-mb.json": b"[" + b"0," * 2_500_000 + b"0]",
        "net-te-groot.json": b" " * 64_001,
        # The rest fit within a result file's 64 kB, so they are read, and refused for what
        # they are.
        "diep.json": b"[" * 32_000 + b"]" * 31_999,
        "diepe-objecten.json": b'{"a":' * 10_000 + b"1" + b"}" * 10_000,
        "haakjes.json": b"[" + b"[]," * 21_000 + b"[]]",
        "aanhalingstekens.json": b'"' + b'\\"' * 31_000,
        "getal.json": b"1" * 5000,
        "nan.json": b'{"format": NaN}',
        "dubbel.json": b'{"format": 1, "format": 2}',
        "latin1.json": '{"titel": "café"}'.encode("latin-1"),
        "utf16.json": json.dumps(valid).encode("utf-16"),
        "opmaak.json": json.dumps(
            {**valid, "assessment": "<script>alert(1)</script>" * 20}
        ).encode(),
        "nagemaakt.json": json.dumps(
            {**valid, "overall": {**valid["overall"], "score": 100}}
        ).encode(),
        "teamrapport.json": json.dumps({"format": "vertrouwenswijzer-teamrapport"}).encode(),
    }


def test_hostile_files_are_each_left_out_in_bounded_time_and_memory(tmp_path: Path) -> None:
    good = team_files(tmp_path)
    corpus = {**hostile_corpus(), "kopie.json": Path(good[0]).read_bytes()}
    hostile = [write(tmp_path / "vijandig", name, data) for name, data in corpus.items()]
    started = time.monotonic()
    done = run("team", *good, *hostile, timeout=60)
    assert time.monotonic() - started < 60
    assert done.returncode == 0
    report = json.loads(done.stdout)
    assert report["respondents"] == 5
    assert [e["file"] for e in report["left_out"]] == list(corpus)
    assert len(lines(done.stderr)) == len(corpus)
    reasons = {e["file"]: e["reason"] for e in report["left_out"]}
    assert "groter dan 64 kB" in reasons["vijf-mb.json"]
    assert "groter dan 64 kB" in reasons["net-te-groot.json"]
    assert (
        "dieper genest" in reasons["diep.json"]
        and "dieper genest" in reasons["diepe-objecten.json"]
    )
    assert "te lang" in reasons["getal.json"] and "NaN" in reasons["nan.json"]
    assert "twee keer" in reasons["dubbel.json"] and "geen UTF-8" in reasons["latin1.json"]
    assert (
        "niet kloppen" in reasons["nagemaakt.json"] and "dezelfde uitslag" in reasons["kopie.json"]
    )
    assert "<script>alert(1)</script><script>alert(1)</script>" not in done.stderr


def test_two_hundred_files_of_a_megabyte_in_bounded_time_and_memory(tmp_path: Path) -> None:
    # The largest input the CLI accepts: 200 files at the size limit (195 of them padding), all
    # held in memory at once. What each kind of content costs, the hostile corpus measures.
    big = b" " * (1_000_000 - 2) + b"[]"
    hostile = [write(tmp_path, f"groot-{n}.json", big) for n in range(MAX_FILES - 5)]
    started = time.monotonic()
    done = run("team", *team_files(tmp_path), *hostile, timeout=120)
    assert time.monotonic() - started < 120
    assert done.returncode == 0
    assert json.loads(done.stdout)["respondents"] == 5
    assert len(lines(done.stderr)) == MAX_FILES - 5


# ---- mirror ----


def test_mirror_prints_the_manager_beside_the_team(tmp_path: Path) -> None:
    own = write(tmp_path, "ik.json", result_bytes("leiderschap", 2))
    done = run("mirror", own, *team_files(tmp_path, 6, "leiderschap-team"))
    assert done.returncode == 0 and done.stderr == ""
    mirror = json.loads(done.stdout)
    assert mirror["format"] == "vertrouwenswijzer-spiegel"
    version = next(a for a in load_all() if a.id == "leiderschap").version
    assert mirror["self"] == {"assessment": "leiderschap", "version": version, "file": "ik.json"}
    assert mirror["team"]["assessment"] == "leiderschap-team" and mirror["team"]["respondents"] == 6
    assert [row["id"] for row in mirror["dimensions"]] == [
        d.id for d in CATALOG["leiderschap"].dimensions
    ]
    for row in mirror["dimensions"]:
        assert row["difference"] == pytest.approx(row["team"] - row["self"], abs=1e-9)


@pytest.mark.parametrize("own_test", ["team", "leiderschap-team", "persoonlijk"])
def test_mirror_refuses_an_own_file_of_another_test_with_one_line(
    tmp_path: Path, own_test: str
) -> None:
    own = write(tmp_path, "ik.json", result_bytes(own_test))
    done = run("mirror", own, *team_files(tmp_path, 5, "leiderschap-team"))
    assert done.returncode == 2 and done.stdout == ""
    [line] = lines(done.stderr)
    assert line.startswith("fout: Het eigen bestand 'ik.json' is een uitslag van ")
    assert "geen teamversie" in line and f"'{CATALOG['leiderschap'].title}'" in line


def test_mirror_refuses_an_own_file_that_is_no_result(tmp_path: Path) -> None:
    own = write(tmp_path, "ik.json", b"\x00\x01")
    done = run("mirror", own, *team_files(tmp_path, 5, "leiderschap-team"))
    assert done.returncode == 2 and done.stdout == ""
    assert lines(done.stderr) == [
        "fout: Het eigen bestand 'ik.json' telt niet: het is geen geldige JSON (regel 1)."
    ]


def test_mirror_with_fewer_than_five_usable_team_files_exits_2(tmp_path: Path) -> None:
    own = write(tmp_path, "ik.json", result_bytes("leiderschap"))
    done = run("mirror", own, *team_files(tmp_path, 4, "leiderschap-team"))
    assert done.returncode == 2 and done.stdout == ""
    [line] = lines(done.stderr)
    assert line.startswith("fout: Er zijn 4 bruikbare uitslagen van ")


def test_mirror_leaves_the_managers_own_file_out_of_the_team(tmp_path: Path) -> None:
    own = write(tmp_path, "ik.json", result_bytes("leiderschap"))
    copy = write(tmp_path, "ook-ik.json", result_bytes("leiderschap", 1))
    done = run("mirror", own, copy, *team_files(tmp_path, 5, "leiderschap-team"))
    assert done.returncode == 0
    assert json.loads(done.stdout)["team"]["respondents"] == 5
    [line] = lines(done.stderr)
    assert line.startswith("niet meegeteld: ook-ik.json: is een eigen uitslag van ")
    assert "telt nooit mee in de cijfers van het team" in line


def test_mirror_refuses_more_than_200_team_files_with_one_line(tmp_path: Path) -> None:
    own = write(tmp_path, "ik.json", result_bytes("leiderschap"))
    one = write(tmp_path, "lid.json", result_bytes("leiderschap-team"))
    done = run("mirror", own, *[one] * (MAX_FILES + 1))
    assert done.returncode == 2 and done.stdout == "" and len(lines(done.stderr)) == 1
    assert "hoogstens 200" in done.stderr


# ---- CSV from the engine, overlapping reports, the overview ----


def test_team_csv_is_the_engines_csv_of_the_same_report(tmp_path: Path) -> None:
    from assessments.spreadsheet import team_csv

    files = team_files(tmp_path, 6)
    report = json.loads(run("team", *files).stdout)
    done = run("team", "--csv", *files)
    assert done.returncode == 0
    assert done.stdout == team_csv(report, CATALOG["team"]).replace("\r\n", "\n")
    assert done.stdout.startswith("\ufeffsoort;zelftest;versie;id;titel;dimensie;n;")


def test_team_refuses_a_report_of_nearly_the_same_people_as_a_previous_one(tmp_path: Path) -> None:
    files = team_files(tmp_path, 6)
    previous = write(tmp_path, "rapport-6.json", run("team", *files).stdout.encode())
    done = run("team", "--previous", previous, *files[:5])
    assert done.returncode == 2 and done.stdout == ""
    (line,) = lines(done.stderr)
    assert line.startswith("fout: dit rapport verschilt maar 1 uitslag van 'rapport-6.json'")
    assert "--confirm-replaces" in line
    confirmed = run("team", "--previous", previous, "--confirm-replaces", *files[:5])
    assert confirmed.returncode == 0
    report = json.loads(confirmed.stdout)
    assert report["replaces"] == [{"source": "rapport-6.json", "added": 0, "removed": 1}]
    # Another group of people, or the very same people, is no reason to stop.
    others = [write(tmp_path, f"ander-{n}.json", result_bytes("team", 10 + n)) for n in range(5)]
    assert run("team", "--previous", previous, *others).returncode == 0
    assert run("team", "--previous", previous, *files).returncode == 0


def test_team_with_a_previous_file_that_is_no_report_is_one_line(tmp_path: Path) -> None:
    files = team_files(tmp_path, 5)
    done = run("team", "--previous", files[0], *files)
    assert done.returncode == 2
    (line,) = lines(done.stderr)
    assert line.startswith("fout: Het bestand 'team-0.json' is geen teamrapport")


def test_mirror_prints_items_and_its_csv(tmp_path: Path) -> None:
    from assessments.spreadsheet import mirror_csv

    own = write(tmp_path, "ik.json", result_bytes("leiderschap", 3))
    team = team_files(tmp_path, 6, "leiderschap-team")
    mirror = json.loads(run("mirror", own, *team).stdout)
    assert len(mirror["items"]) == len(CATALOG["leiderschap"].items)
    assert {row["self_item"] for row in mirror["items"]} == {
        i.id for i in CATALOG["leiderschap"].items
    }
    done = run("mirror", "--csv", own, *team)
    assert done.returncode == 0 and done.stdout == mirror_csv(mirror).replace("\r\n", "\n")


def test_overview_prints_json_and_csv_and_names_a_refused_report(tmp_path: Path) -> None:
    from assessments.spreadsheet import overview_csv

    reports = []
    for team in range(3):
        files = [
            write(tmp_path / f"t{team}", f"{n}.json", result_bytes("team", team * 10 + n))
            for n in range(5 + team)
        ]
        reports.append(write(tmp_path, f"team-{team}.json", run("team", *files).stdout.encode()))
    copy = write(tmp_path, "kopie.json", (tmp_path / "team-0.json").read_bytes())
    done = run("overview", *reports, copy)
    assert done.returncode == 0
    overview = json.loads(done.stdout)
    assert [t["file"] for t in overview["teams"]] == ["team-0.json", "team-1.json", "team-2.json"]
    (line,) = lines(done.stderr)
    assert line.startswith("niet meegeteld: kopie.json: deelt 5 uitslagen met 'team-0.json'")
    assert all(d["icc1"] is not None for d in overview["dimensions"])
    as_csv = run("overview", "--csv", *reports, copy)
    assert as_csv.stdout == overview_csv(overview).replace("\r\n", "\n")


def test_overview_of_one_report_exits_2_with_one_line(tmp_path: Path) -> None:
    report = write(tmp_path, "team.json", run("team", *team_files(tmp_path, 5)).stdout.encode())
    done = run("overview", report)
    assert done.returncode == 2 and done.stdout == ""
    assert lines(done.stderr) == [
        "fout: Er is 1 bruikbaar teamrapport; een afdelingsoverzicht heeft er minstens 2 nodig."
    ]
