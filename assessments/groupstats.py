"""The statistics of a group's answers: agreement, reliability, uncertainty and team differences.

Each function states its formula and its edge cases, as in a methods section; the team report
(:mod:`assessments.team`) and the department overview (:mod:`assessments.overview`) apply them
by the rules of CONTENT.md ("Team rules"). Standard library only, so that the same code runs in
CPython and in Pyodide. Sources: James, Demaree & Wolf (1984) and LeBreton & Senter (2008) for
agreement; Cronbach (1951) for alpha; Student's t for the interval of a mean; Bliese (2000) and
R's multilevel package for ICC(1).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from statistics import fmean, variance

#: The agreement labels of LeBreton & Senter (2008), highest first: (lowest value, label).
AGREEMENT_LABELS = (
    (0.71, "sterke overeenstemming"),
    (0.51, "matige overeenstemming"),
    (-math.inf, "weinig overeenstemming"),
)
#: The confidence of every interval of a team mean.
CONFIDENCE = 0.95


@dataclass(frozen=True)
class Interval:
    """A confidence interval of a mean on the answer scale, clipped to the scale's ends."""

    low: float
    high: float
    half_width: float

    def overlaps(self, other: Interval) -> bool:
        """Whether two intervals share a point (touching ends count as overlapping)."""
        return self.low <= other.high and other.low <= self.high


@dataclass(frozen=True)
class Group:
    """One group's summary of a figure: its size, mean and sample standard deviation."""

    n: int
    mean: float
    sd: float


# ---- Agreement and reliability ----


def uniform_variance(option_count: int) -> float:
    """sigma2_EU = (A^2 - 1) / 12: the variance of answers spread evenly over A options.

    >>> uniform_variance(5)
    2.0
    """
    return (option_count**2 - 1) / 12


def rwg_j(item_answers: Sequence[Sequence[float]], option_count: int) -> float | None:
    """Within-group agreement over J items, r_wg(J) (James, Demaree & Wolf 1984).

    ``item_answers`` holds, per item, the (reverse-keyed) answers given to it; items with fewer
    than two answers are skipped. With s2 the mean of the items' sample variances and
    sigma2_EU = (A^2 - 1) / 12 the variance of a uniform answer over A options:

        r_wg(J) = J (1 - s2/sigma2_EU) / (J (1 - s2/sigma2_EU) + s2/sigma2_EU)

    None when no item is left; 0 when s2 >= sigma2_EU (the convention of R's multilevel
    package, rwg.j), so that more disagreement than chance never reads as agreement. It rises
    with J: the same answers read as more agreement on more items, so it carries no label.

    >>> rwg_j([[4, 4, 4], [5, 5, 5]], 5)
    1.0
    >>> round(rwg_j([[4, 5, 4, 3], [3, 4, 4, 4]], 5), 4)
    0.8706
    >>> rwg_j([[1, 5, 1, 5], [5, 1, 5, 1]], 5), rwg_j([[3]], 5)
    (0.0, None)
    """
    variances = [variance(answers) for answers in item_answers if len(answers) >= 2]
    if not variances:
        return None
    items = len(variances)
    ratio = fmean(variances) / uniform_variance(option_count)
    if ratio >= 1:
        return 0.0
    return items * (1 - ratio) / (items * (1 - ratio) + ratio)


def rwg_items(item_answers: Sequence[Sequence[float]], option_count: int) -> float | None:
    """The mean single-item agreement: the mean over items of r_wg,j = max(0, 1 - s2_j/sigma2_EU).

    Items with fewer than two answers are skipped; None when none is left. Unlike r_wg(J) it
    does not grow with the number of items, so the agreement label is read from it.

    >>> rwg_items([[2, 3, 4, 4, 5]] * 5, 5) == rwg_items([[2, 3, 4, 4, 5]] * 4, 5)
    True
    >>> round(rwg_items([[2, 3, 4, 4, 5]], 5), 4), rwg_items([[1, 5], [3]], 5), rwg_items([[3]], 5)
    (0.35, 0.0, None)
    """
    expected = uniform_variance(option_count)
    agreements = [
        max(0.0, 1 - variance(answers) / expected) for answers in item_answers if len(answers) >= 2
    ]
    return fmean(agreements) if agreements else None


def agreement_label(value: float) -> str:
    """The Dutch label of an agreement value (LeBreton & Senter 2008).

    >>> agreement_label(0.71), agreement_label(0.6), agreement_label(0.2)
    ('sterke overeenstemming', 'matige overeenstemming', 'weinig overeenstemming')
    """
    return next(label for lowest, label in AGREEMENT_LABELS if value >= lowest)


def cronbach_alpha(rows: Sequence[Sequence[float]]) -> float | None:
    """Cronbach's alpha of complete rows (one per respondent, one column per item).

    alpha = k / (k - 1) * (1 - sum of the item variances / variance of the row totals), with
    sample variances. None with fewer than two items or two rows, or when the totals do not
    vary (every respondent gave the same total): alpha is undefined then. It shows how strongly
    the items hang together, not that they measure one thing.

    >>> round(cronbach_alpha([[1, 2, 2], [2, 3, 3], [4, 4, 5], [3, 3, 4]]), 4)
    0.9706
    """
    if len(rows) < 2 or len(rows[0]) < 2:
        return None
    items = len(rows[0])
    total_variance = variance([sum(row) for row in rows])
    if total_variance == 0:
        return None
    item_variances = sum(variance([row[j] for row in rows]) for j in range(items))
    return items / (items - 1) * (1 - item_variances / total_variance)


# ---- Uncertainty of a mean ----


@cache
def t_quantile(p: float, df: int) -> float:
    """The p-quantile of Student's t distribution with df degrees of freedom (0.5 < p < 1).

    Solved by bisection on the distribution function (:func:`t_cdf`) to the precision of a
    float; it agrees with scipy.stats.t.ppf far within 1e-6.

    >>> round(t_quantile(0.975, 4), 6), round(t_quantile(0.975, 29), 6)
    (2.776445, 2.04523)
    """
    if not 0.5 < p < 1 or df < 1:
        raise ValueError(f"t_quantile needs 0.5 < p < 1 and df >= 1, not p={p}, df={df}")
    low, high = 0.0, 1.0
    while t_cdf(high, df) < p:
        low, high = high, high * 2
    for _ in range(200):
        middle = (low + high) / 2
        if middle in (low, high):
            break
        if t_cdf(middle, df) < p:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def t_cdf(t: float, df: int) -> float:
    """P(T <= t) for Student's t with df degrees of freedom, from the incomplete beta function:
    for t >= 0, 1 - I_x(df/2, 1/2) / 2 with x = df / (df + t^2); symmetric for t < 0.

    >>> t_cdf(0.0, 7), round(t_cdf(2.776445105, 4), 9)
    (0.5, 0.975)
    """
    tail = regularized_beta(df / (df + t * t), df / 2, 0.5) / 2
    return 1 - tail if t >= 0 else tail


def regularized_beta(x: float, a: float, b: float) -> float:
    """The regularized incomplete beta function I_x(a, b), by its continued fraction
    (the modified Lentz method), on the side where that converges fast.

    >>> regularized_beta(0.5, 2, 2), round(regularized_beta(0.3, 1, 1), 12)
    (0.5, 0.3)
    """
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    front = math.exp(
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x < (a + 1) / (a + b + 2):
        return front * _beta_fraction(x, a, b) / a
    return 1 - front * _beta_fraction(1 - x, b, a) / b


def mean_interval(group: Group, low: float, high: float) -> Interval:
    """The 95% interval of a group's mean: mean +- h, h = t(0.975, n - 1) * sd / sqrt(n),
    clipped to the scale [low, high]. With 5 people and sd 0.5, h is about 0.62 scale points.

    >>> interval = mean_interval(Group(5, 3.0, 0.5), 1, 5)
    >>> round(interval.half_width, 4), round(interval.low, 4), round(interval.high, 4)
    (0.6208, 2.3792, 3.6208)
    >>> mean_interval(Group(5, 4.8, 0.5), 1, 5).high
    5
    """
    if group.n < 2:
        raise ValueError("an interval needs at least two people")
    half = t_quantile((1 + CONFIDENCE) / 2, group.n - 1) * group.sd / math.sqrt(group.n)
    return Interval(max(low, group.mean - half), min(high, group.mean + half), half)


# ---- Several groups: pooled figures and ICC(1) ----


def pooled_mean(groups: Sequence[Group]) -> float:
    """The mean of all people in the groups: sum n_g mean_g / N.

    >>> pooled_mean([Group(5, 3.0, 0.5), Group(15, 4.0, 0.5)])
    3.75
    """
    return sum(g.n * g.mean for g in groups) / sum(g.n for g in groups)


def total_sd(groups: Sequence[Group]) -> float:
    """The sample SD of all people, from the groups' summaries alone:
    sqrt((sum (n_g - 1) sd_g^2 + sum n_g (mean_g - pooled)^2) / (N - 1)).

    >>> round(total_sd([Group(2, 1.5, math.sqrt(0.5)), Group(2, 3.5, math.sqrt(0.5))]), 6)
    1.290994
    """
    pooled = pooled_mean(groups)
    total = sum(g.n for g in groups)
    within = sum((g.n - 1) * g.sd**2 for g in groups)
    between = sum(g.n * (g.mean - pooled) ** 2 for g in groups)
    return math.sqrt((within + between) / (total - 1))


def icc1(groups: Sequence[Group]) -> float | None:
    """ICC(1), the share of the differences that lies between groups, as R's multilevel::ICC1
    computes it from a one-way ANOVA (Bliese 2000):

        MSB = sum n_g (mean_g - pooled)^2 / (G - 1), MSW = sum (n_g - 1) sd_g^2 / (N - G),
        k = N / G, ICC1 = (MSB - MSW) / (MSB + (k - 1) MSW)

    It may be negative (less difference between groups than chance gives). None with fewer than
    three groups, no freedom within them, or MSB + (k - 1) MSW = 0 (nobody differs at all).

    >>> round(icc1([Group(5, 2.0, 0.5), Group(5, 3.0, 0.5), Group(5, 4.0, 0.5)]), 6)
    0.791667
    """
    count, total = len(groups), sum(g.n for g in groups)
    if count < 3 or total <= count:
        return None
    pooled = pooled_mean(groups)
    between = sum(g.n * (g.mean - pooled) ** 2 for g in groups) / (count - 1)
    within = sum((g.n - 1) * g.sd**2 for g in groups) / (total - count)
    size = total / count
    denominator = between + (size - 1) * within
    return None if denominator == 0 else (between - within) / denominator


# ---- Helper functions ----


def _beta_fraction(x: float, a: float, b: float) -> float:
    """The continued fraction of the incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    c, d = 1.0, 1 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > tiny else tiny)
    fraction = d
    for m in range(1, 1000):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1 + numerator * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + numerator / c
            c = c if abs(c) > tiny else tiny
            fraction *= c * d
        if abs(c * d - 1) < 1e-16:
            break
    return fraction
