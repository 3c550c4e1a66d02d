"""The command line: list, validate, export, score and release the self-assessments, and
combine result files into a team report or a leader mirror, and team reports into a
department overview.

Exit codes: 0 success; 1 invalid definitions (validate); 2 bad usage or bad input (score,
team, mirror). Messages are Dutch, like the validator's: content owners read them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .definitions import DefinitionError, problems_text
from .documents import answers_from_json, definition_document, document_text, result_document
from .files import load_all, release, unreleased
from .model import Assessment
from .overlap import OverlapError, read_earlier_report
from .overview import department_overview
from .scoring import AnswerError, score
from .spreadsheet import mirror_csv, overview_csv, result_csv, team_csv
from .team import MAX_FILES, MAX_REPORTS, TeamError, catalog_of, mirror_report, team_report
from .untrusted import MAX_FILE_BYTES, base_name, shown


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.command(args))
    except DefinitionError as error:
        print(
            f"fout: de definities hebben problemen:\n{problems_text(error.problems)}",
            file=sys.stderr,
        )
        return 2
    except (_UsageError, OverlapError) as error:
        print(f"fout: {error}", file=sys.stderr)
        return 2
    except TeamError as error:
        _name_left_out([{"file": e.file, "reason": e.reason} for e in error.left_out])
        print(f"fout: {error}", file=sys.stderr)
        return 2


# ---- Commands ----


def list_command(args: argparse.Namespace) -> int:
    """Print id, title, version and page of each assessment."""
    assessments = load_all()
    if args.json:
        rows = [
            {
                "id": a.id,
                "title": a.title,
                "version": a.version,
                "page": a.page,
                "team_report": a.team_report,
                "mirror_of": a.mirror_of,
                "self_rated": a.self_rated,
            }
            for a in assessments
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for assessment in assessments:
        print(f"{assessment.id}\tv{assessment.version}\t{assessment.page}\t{assessment.title}")
    return 0


def validate_command(args: argparse.Namespace) -> int:
    """Validate definition files; list every problem of every file."""
    paths = [Path(path) for path in args.paths] or None
    for path in paths or []:
        if not path.is_file():
            raise _UsageError(f"{shown(str(path))}: dit bestand bestaat niet")
    try:
        assessments = load_all(paths)
    except DefinitionError as error:
        print(problems_text(error.problems), file=sys.stderr)
        return 1
    print(f"{len(assessments)} definitie(s) in orde: {', '.join(a.id for a in assessments)}")
    if paths is None and (drafts := unreleased(assessments)):
        print(
            f"let op: nog niet uitgebracht: {', '.join(drafts)}; "
            "leg ze vast met 'python -m assessments release' voordat je ze samenvoegt."
        )
    return 0


def release_command(args: argparse.Namespace) -> int:
    """Record the current version of every assessment as released (releases.json)."""
    added = release(load_all())
    print(
        f"uitgebracht: {', '.join(added)}"
        if added
        else "niets nieuws: elke versie is al uitgebracht"
    )
    return 0


def export_command(args: argparse.Namespace) -> int:
    """Print one normalized definition as JSON."""
    document = definition_document(_find(args.id))
    print(json.dumps(document, ensure_ascii=False, indent=2))
    return 0


def score_command(args: argparse.Namespace) -> int:
    """Score an answers file and print the result as JSON."""
    assessment = _find(args.id)
    data = _read_files([args.answers])[0][1]
    try:
        result = score(assessment, answers_from_json(data))
    except AnswerError as error:
        raise _UsageError(f"{shown(args.answers)}: {error}") from None
    document = result_document(result)
    if args.csv:
        # The same CSV the pages offer; stdout keeps its own line ends (CRLF is in the text).
        sys.stdout.write(result_csv(document))
    else:
        print(json.dumps(document, ensure_ascii=False, indent=2))
    return 0


def team_command(args: argparse.Namespace) -> int:
    """Combine result files into a team report; print it as JSON (or CSV).

    With --previous, an earlier report of nearly the same people (1-4 files differ) stops the
    command: side by side, the two would reveal those people's answers. --confirm-replaces
    says that the new report replaces the earlier one; the report then says so.
    """
    catalog = catalog_of(load_all())
    earlier = [read_earlier_report(*file) for file in _read_files(args.previous or [])]
    report = team_report(_read_files(args.files), catalog, earlier=earlier)
    _name_left_out(report["left_out"])
    if report["replaces"] and not args.confirm_replaces:
        replaced = report["replaces"][0]
        differ = replaced["added"] + replaced["removed"]
        raise _UsageError(
            f"dit rapport verschilt maar {differ} "
            f"{'uitslag' if differ == 1 else 'uitslagen'} van '{replaced['source']}'; naast "
            "elkaar verraden de twee de antwoorden van wie erbij kwam of wegging. Deel ze nooit "
            "allebei; is het nieuwe rapport de vervanger, geef dan --confirm-replaces."
        )
    if args.csv:
        sys.stdout.write(team_csv(report, catalog[report["assessment"]]))
    else:
        sys.stdout.write(document_text(report))
    return 0


def mirror_command(args: argparse.Namespace) -> int:
    """Set a manager's own result beside the team's report; print the mirror as JSON (or CSV)."""
    own, *team = _read_files([args.self, *args.files])
    mirror = mirror_report(own, team, catalog_of(load_all()))
    _name_left_out(mirror["left_out"])
    if args.csv:
        sys.stdout.write(mirror_csv(mirror))
    else:
        sys.stdout.write(document_text(mirror))
    return 0


def overview_command(args: argparse.Namespace) -> int:
    """Combine team reports into a department overview; print it as JSON (or CSV)."""
    if len(args.files) > MAX_REPORTS:
        raise TeamError(
            f"Dat zijn {len(args.files)} bestanden; een afdelingsoverzicht neemt er hoogstens "
            f"{MAX_REPORTS}."
        )
    overview = department_overview(_read_files(args.files), catalog_of(load_all()))
    _name_left_out(overview["left_out"])
    if args.csv:
        sys.stdout.write(overview_csv(overview))
    else:
        sys.stdout.write(document_text(overview))
    return 0


# ---- Helper functions ----


def _read_files(paths: list[str]) -> list[tuple[str, bytes]]:
    """Each file's name and at most one byte more than a result file may have.

    Reading stops there, so a huge file or a device (/dev/zero) cannot fill the memory; the
    engine then says the file is too large. A file that cannot be read is a usage error.
    """
    if len(paths) > MAX_FILES + 1:
        raise TeamError(
            f"Dat zijn {len(paths)} bestanden; een teamrapport neemt er hoogstens {MAX_FILES}."
        )
    files = []
    for path in paths:
        try:
            with open(path, "rb") as handle:
                files.append((base_name(path), handle.read(MAX_FILE_BYTES + 1)))
        except OSError as error:
            raise _UsageError(
                f"{shown(path)}: kan niet gelezen worden ({error.strerror or error})"
            ) from None
    return files


def _name_left_out(left_out: list[dict[str, str]]) -> None:
    """Name every file left out of a report on stderr, one line each."""
    for entry in left_out:
        print(f"niet meegeteld: {entry['file']}: {entry['reason']}", file=sys.stderr)


class _UsageError(Exception):
    """Bad input on the command line: printed as one line, exit code 2."""


def _find(assessment_id: str) -> Assessment:
    """The project's assessment with this id."""
    assessments = load_all()
    for assessment in assessments:
        if assessment.id == assessment_id:
            return assessment
    known = ", ".join(a.id for a in assessments)
    raise _UsageError(f"onbekende zelftest {shown(assessment_id)!r}; bekend zijn: {known}")


def _parser() -> argparse.ArgumentParser:
    """The argument parser with its commands."""
    parser = argparse.ArgumentParser(
        prog="python -m assessments",
        description="List, validate, export and score the Vertrouwenswijzer self-assessments.",
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    listing = commands.add_parser("list", help="id, title, version and page of each assessment")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(command=list_command)

    validate = commands.add_parser("validate", help="validate definition files")
    validate.add_argument("paths", nargs="*", metavar="PATH", help="default: all of the project's")
    validate.set_defaults(command=validate_command)

    export = commands.add_parser("export", help="print a normalized definition as JSON")
    export.add_argument("id", metavar="ID")
    export.set_defaults(command=export_command)

    scoring = commands.add_parser("score", help="score an answers file, print the result JSON")
    scoring.add_argument("id", metavar="ID")
    scoring.add_argument(
        "answers", metavar="ANSWERS.json", help="item id -> value, null = weet ik niet"
    )
    scoring.add_argument(
        "--csv", action="store_true", help="print the result as CSV (as the pages offer it)"
    )
    scoring.set_defaults(command=score_command)

    team = commands.add_parser(
        "team", help="combine result files (JSON) of a team into a team report, printed as JSON"
    )
    team.add_argument("files", nargs="+", metavar="FILE", help="result files (JSON)")
    team.add_argument(
        "--previous",
        action="append",
        metavar="REPORT.json",
        help="an earlier team report (repeat for more): refuse a report of nearly the same people",
    )
    team.add_argument(
        "--confirm-replaces",
        action="store_true",
        help="the new report replaces the earlier one of nearly the same people; it says so",
    )
    team.add_argument("--csv", action="store_true", help="print the report as CSV")
    team.set_defaults(command=team_command)

    mirror = commands.add_parser(
        "mirror", help="a manager's own result beside the team's report, printed as JSON"
    )
    mirror.add_argument("self", metavar="SELF", help="the manager's own result file")
    mirror.add_argument("files", nargs="+", metavar="FILE", help="the team's result files")
    mirror.add_argument("--csv", action="store_true", help="print the mirror as CSV")
    mirror.set_defaults(command=mirror_command)

    overview = commands.add_parser(
        "overview", help="combine team reports (JSON) into a department overview, printed as JSON"
    )
    overview.add_argument("files", nargs="+", metavar="REPORT.json", help="team reports (JSON)")
    overview.add_argument("--csv", action="store_true", help="print the overview as CSV")
    overview.set_defaults(command=overview_command)

    releasing = commands.add_parser(
        "release", help="record each assessment's current version and content as released"
    )
    releasing.set_defaults(command=release_command)
    return parser
