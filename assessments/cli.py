"""The command line: list, validate, export, score and release the self-assessments.

Exit codes: 0 success; 1 invalid definitions (validate); 2 bad usage or bad input (score).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .definitions import DefinitionError
from .documents import answers_from_json, definition_document, result_document
from .files import load_all, problems_text, release, unreleased
from .model import Assessment
from .scoring import AnswerError, score


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.command(args))
    except DefinitionError as error:
        print(
            f"error: the definitions have problems:\n{problems_text(error.problems)}",
            file=sys.stderr,
        )
        return 2
    except _UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


# ---- Commands ----


def list_command(args: argparse.Namespace) -> int:
    """Print id, title, version and page of each assessment."""
    assessments = load_all()
    if args.json:
        rows = [
            {"id": a.id, "title": a.title, "version": a.version, "page": a.page}
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
            raise _UsageError(f"{path}: no such file")
    try:
        assessments = load_all(paths)
    except DefinitionError as error:
        print(problems_text(error.problems), file=sys.stderr)
        return 1
    print(f"{len(assessments)} definition(s) valid: {', '.join(a.id for a in assessments)}")
    if paths is None and (drafts := unreleased(assessments)):
        print(
            f"note: not yet released: {', '.join(drafts)}; "
            "record them with 'python -m assessments release' before merging."
        )
    return 0


def release_command(args: argparse.Namespace) -> int:
    """Record the current version of every assessment as released (releases.json)."""
    added = release(load_all())
    print(f"released: {', '.join(added)}" if added else "nothing new: every version is released")
    return 0


def export_command(args: argparse.Namespace) -> int:
    """Print one normalized definition as JSON."""
    document = definition_document(_find(args.id))
    print(json.dumps(document, ensure_ascii=False, indent=2))
    return 0


def score_command(args: argparse.Namespace) -> int:
    """Score an answers file and print the result as JSON."""
    assessment = _find(args.id)
    try:
        text = Path(args.answers).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise _UsageError(f"{args.answers}: cannot read the answers file ({error})") from None
    try:
        result = score(assessment, answers_from_json(text))
    except AnswerError as error:
        raise _UsageError(f"{args.answers}: {error}") from None
    print(json.dumps(result_document(result), ensure_ascii=False, indent=2))
    return 0


# ---- Helper functions ----


class _UsageError(Exception):
    """Bad input on the command line: printed as one line, exit code 2."""


def _find(assessment_id: str) -> Assessment:
    """The project's assessment with this id."""
    assessments = load_all()
    for assessment in assessments:
        if assessment.id == assessment_id:
            return assessment
    known = ", ".join(a.id for a in assessments)
    raise _UsageError(f"unknown assessment {assessment_id!r}; known: {known}")


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
    scoring.set_defaults(command=score_command)

    releasing = commands.add_parser(
        "release", help="record each assessment's current version and content as released"
    )
    releasing.set_defaults(command=release_command)
    return parser
