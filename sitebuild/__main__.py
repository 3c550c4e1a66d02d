"""`python -m sitebuild SITE_DIR`: finish a site the generator built (see :mod:`sitebuild`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import BuildError, finish


def main(argv: list[str] | None = None) -> int:
    """Run the step; a problem is one Dutch message on stderr and exit code 1, no traceback."""
    parser = argparse.ArgumentParser(
        prog="python -m sitebuild",
        description="Maak een gebouwde site af: rekenmodule, snapshot, serverconfiguratie en "
        "gecomprimeerde kopieën.",
    )
    parser.add_argument("site", type=Path, help="de map met de gebouwde site, zoals site/")
    parser.add_argument(
        "--project",
        type=Path,
        default=Path("."),
        help="de map van het project (met assessments/, deploy/, docs/ en node_modules/); "
        "standaard de huidige map",
    )
    parser.add_argument(
        "--no-compress",
        action="store_true",
        help="geen .br- en .gz-kopieën (een voorvertoning heeft ze niet nodig)",
    )
    args = parser.parse_args(argv)
    try:
        finish(args.site.resolve(), args.project.resolve(), compress=not args.no_compress)
    except BuildError as error:
        print(f"fout: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
