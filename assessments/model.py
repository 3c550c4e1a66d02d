"""The assessment model: frozen dataclasses that the loader builds and the scoring reads."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Option:
    """One answer option of the scale, e.g. 4 = "vaak"."""

    value: int
    label: str


@dataclass(frozen=True)
class Scale:
    """The answer scale shared by all items of an assessment, plus the separate "weet ik niet"."""

    min: int
    max: int
    options: tuple[Option, ...]
    dont_know: str

    @property
    def option_count(self) -> int:
        """A, the number of answer options (used by r_wg's uniform null distribution)."""
        return len(self.options)


@dataclass(frozen=True)
class Item:
    """One question: the construct it measures and the literature its construct comes from."""

    id: str
    dimension: str
    text: str
    construct: str
    source: str
    reverse: bool = False


@dataclass(frozen=True)
class Dimension:
    """A group of items scored together, e.g. "vakmanschap"."""

    id: str
    title: str
    description: str = ""
    #: Guidance pages (paths under docs/) the result links to for this dimension.
    guidance: tuple[str, ...] = ()
    #: A trust outcome (willingness to rely on the other), not a condition of trust: reported
    #: beside the profile, never inside the overall score or the profile, and not mirrored.
    outcome: bool = False


@dataclass(frozen=True)
class Band:
    """A range of the 0-100 scale position with its text: lower <= position < upper.

    The last band also includes its upper edge (100).
    """

    id: str
    lower: float
    upper: float
    label: str
    text: str


@dataclass(frozen=True)
class Assessment:
    """A complete, validated self-assessment definition."""

    id: str
    version: int
    title: str
    page: str
    respondent: str
    intro: str
    scale: Scale
    dimensions: tuple[Dimension, ...]
    items: tuple[Item, ...]
    bands: tuple[Band, ...]
    #: Whether answers of several people may be combined into a team report: only for tests
    #: whose referent is shared by the whole team (the team, its manager, the organisation).
    team_report: bool = False
    #: The self-rated test this one mirrors item by item (the team's view of a manager), or None.
    mirror_of: str | None = None
    #: Whether respondents rate themselves (persoonlijk, leiderschap): only then does the result
    #: add that people who rate themselves tend to be kinder to themselves than others are.
    self_rated: bool = False
    #: The one period the items are about ("de afgelopen drie maanden"), stated in the intro;
    #: None when no item needs one.
    time_window: str | None = None

    @property
    def profile_dimensions(self) -> tuple[Dimension, ...]:
        """The dimensions that make up the profile and the overall score (outcomes left out)."""
        return tuple(dimension for dimension in self.dimensions if not dimension.outcome)

    def items_of(self, dimension_id: str) -> tuple[Item, ...]:
        """The items of one dimension, in definition order."""
        return tuple(item for item in self.items if item.dimension == dimension_id)
