"""Reading definition files from disk: YAML with line numbers, UTF-8 only, every problem reported.

This is the one module of the package that does I/O and needs PyYAML; the engine itself
(model, definitions, scoring, documents) stays standard-library only for Pyodide.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .definitions import DefinitionError, Problem, check_catalog, parse_assessment
from .model import Assessment

#: The project's own definitions, shipped inside the package.
DEFINITIONS_DIR = Path(__file__).parent / "definitions"


class LocatedDict(dict[Any, Any]):
    """A mapping that remembers the line of each key (and its own, under None)."""

    lines: dict[object, int]


class LocatedList(list[Any]):
    """A list that remembers the line of each entry (and its own, under None)."""

    lines: dict[object, int]


def definition_files(directory: Path = DEFINITIONS_DIR) -> list[Path]:
    """The definition files of a directory, in name order."""
    return sorted(directory.glob("*.yaml"))


def load_file(path: Path) -> Assessment:
    """Read and validate one definition file; raise DefinitionError naming every problem."""
    return parse_assessment(read_yaml(path), file=_display(path))


def load_all(paths: Iterable[Path] | None = None) -> list[Assessment]:
    """Read and validate several files (default: the project's), with cross-file checks.

    Raises one DefinitionError listing the problems of every file.
    """
    problems: list[Problem] = []
    loaded: list[tuple[str, Assessment]] = []
    for path in definition_files() if paths is None else paths:
        try:
            loaded.append((_display(path), load_file(path)))
        except DefinitionError as error:
            problems.extend(error.problems)
    problems.extend(check_catalog(loaded))
    if problems:
        raise DefinitionError(problems)
    return [assessment for _, assessment in loaded]


def read_yaml(path: Path) -> object:
    """Parse a YAML file into dicts and lists that carry line numbers.

    Raises DefinitionError for a file that cannot be read, is not UTF-8 or is not valid YAML.
    """
    import yaml  # Imported here: the engine must import without PyYAML (Pyodide).

    file = _display(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DefinitionError(
            [Problem(file, "(bestand)", f"kan niet gelezen worden: {error.strerror}.")]
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DefinitionError(
            [
                Problem(
                    file,
                    "(bestand)",
                    f"is geen UTF-8 (byte {error.start}); sla het bestand op als UTF-8.",
                    line,
                )
            ]
        ) from None
    try:
        return yaml.load(text, Loader=_loader_class())
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or str(error)
        raise DefinitionError(
            [
                Problem(
                    file,
                    "(YAML)",
                    f"ongeldige YAML: {reason}; controleer inspringing, dubbele punten en "
                    "aanhalingstekens op deze regel.",
                    mark.line + 1 if mark else None,
                )
            ]
        ) from None


# ---- Helper functions ----


def _display(path: Path) -> str:
    """A path as the content owner knows it: relative to the working directory if possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _loader_class() -> type:
    """A safe YAML loader whose mappings and lists record line numbers, rejecting duplicate keys."""
    import yaml

    class LocatingLoader(yaml.SafeLoader):
        def construct_mapping(self, node: Any, deep: bool = False) -> LocatedDict:
            mapping = LocatedDict()
            mapping.lines = {None: node.start_mark.line + 1}
            for key_node, value_node in node.value:
                key = self.construct_object(key_node, deep=True)
                if key in mapping:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"veld '{key}' staat twee keer in dezelfde lijst met velden",
                        key_node.start_mark,
                    )
                mapping[key] = self.construct_object(value_node, deep=True)
                mapping.lines[key] = key_node.start_mark.line + 1
            return mapping

        def construct_sequence(self, node: Any, deep: bool = False) -> LocatedList:
            sequence = LocatedList(self.construct_object(child, deep=True) for child in node.value)
            sequence.lines = {None: node.start_mark.line + 1}
            sequence.lines.update(
                (index, child.start_mark.line + 1) for index, child in enumerate(node.value)
            )
            return sequence

    LocatingLoader.add_constructor("tag:yaml.org,2002:map", LocatingLoader.construct_mapping)
    LocatingLoader.add_constructor("tag:yaml.org,2002:seq", LocatingLoader.construct_sequence)
    return LocatingLoader


def problems_text(problems: Sequence[Problem]) -> str:
    """Problems as lines for a terminal or a build log, with a count."""
    count = f"{len(problems)} probleem" if len(problems) == 1 else f"{len(problems)} problemen"
    return "\n".join([*(f"  {problem}" for problem in problems), f"({count})"])
