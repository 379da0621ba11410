"""Comparisons and the quality of the measurement: pure statistics, no I/O.

**Benchmark.** Per component, over the organisations with at least ``min_group`` respondents
(at least `MIN_ORGANISATIONS` of them, else no benchmark): the median and the quartiles Q1, Q3
of the organisations' mean scores, by ``statistics.quantiles(method="inclusive")`` (linear
interpolation between the sorted means at position ``(N - 1) p``, as Excel's QUARTILE.INC),
computed exactly. An organisation's mean ``m`` is *among the highest 25 %* when ``m > Q3``,
*among the lowest 25 %* when ``m < Q1``, else above, at or below the median.

**Change.** Between two groups of respondents' score percentages (the previous round and now,
or a segment and the rest of its organisation), Welch's 95 % interval of the difference of the
means ``d = m2 - m1``::

    se = sqrt(s1^2/n1 + s2^2/n2)
    df = se^4 / ((s1^2/n1)^2/(n1 - 1) + (s2^2/n2)^2/(n2 - 1))
    d - t(0.975, df) se  ..  d + t(0.975, df) se

with ``s^2`` the sample variances (n - 1) and ``t`` Student's t quantile (`t_quantile`). The
change is *clear* (better or worse) only when the interval excludes zero; it needs two
respondents on each side.

**Previous round.** Organisations match by their normalised name, components and statements by
id; each component is compared over the statements both rounds have (each round's own scale
weights), and both rounds' means are placed in the current questionnaire's bands.

**Segments.** One per option of a choice question (a respondent in every option chosen). A
segment is shown only when it and the rest of its organisation have at least ``min_group``
respondents (or the rest none); everyone in no shown segment is in "overig", shown only when at
least ``min_group`` strong, else the smallest shown segment joins it, until it is (or nothing
is shown). The shown segments (but one of everyone) and "overig" must split the organisation:
when respondents of a multiple-choice question are in two shown segments, nothing is shown,
since overlapping means and the organisation's total can be solved for one person's score.
So no group below ``min_group`` can be shown or worked out from the others.

**Quality.** Per component over all respondents, Cronbach's alpha of its ``k`` statements'
weights ``x_i`` with total ``T = sum x_i``::

    alpha = k / (k - 1) * (1 - sum var(x_i) / var(T))

flagged below `ALPHA_FLAG`; and per statement the item-rest correlation, Pearson's r between
``x_i`` and ``T - x_i``. Sums are exact integers; None where a variance is zero.
"""

from __future__ import annotations

import enum
import math
import statistics
import textwrap
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from operator import mul

from krmscan.aggregate import agreement, organisation_key
from krmscan.collect import Respondent
from krmscan.messages import Messages
from krmscan.questionnaire import (
    MultipleChoiceQuestion,
    Questionnaire,
    SingleChoiceQuestion,
)
from krmscan.scoring import level_for

MIN_ORGANISATIONS = 5
"""A benchmark needs at least this many organisations of at least ``min_group``."""
ALPHA_FLAG = 0.6
"""Cronbach's alpha below this: the component may not measure one thing."""
CONFIDENCE = 0.95
SegmentQuestion = SingleChoiceQuestion | MultipleChoiceQuestion
"""The questions an organisation can be broken down by."""


# Student's t distribution, for Welch's interval (no scipy).


def _beta_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of the incomplete beta function (modified Lentz)."""
    tiny, eps = 1e-300, 1e-15
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 10_000):
        for numerator in (
            m * (b - m) * x / ((a - 1.0 + 2 * m) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 1.0 + 2 * m)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < eps:
            break
    return h


def beta_regularized(a: float, b: float, x: float) -> float:
    """The regularized incomplete beta function I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_fraction(a, b, x) / a
    return 1.0 - front * _beta_fraction(b, a, 1.0 - x) / b


def t_cdf(t: float, df: float) -> float:
    """P(T <= t) for Student's t with ``df`` degrees of freedom."""
    tail = 0.5 * beta_regularized(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t > 0 else tail


def _t_pdf(t: float, df: float) -> float:
    log = (
        math.lgamma((df + 1) / 2)
        - math.lgamma(df / 2)
        - 0.5 * math.log(df * math.pi)
        - (df + 1) / 2 * math.log1p(t * t / df)
    )
    return math.exp(log)


LARGE_DF = 1000.0
"""From here the Cornish-Fisher expansion (error below 1e-8) replaces the exact inversion."""


def t_quantile(p: float, df: float) -> float:
    """The ``p`` quantile of Student's t with ``df`` (> 0) degrees of freedom.

    Newton's method on `t_cdf` kept inside a bracket (accurate to ~1e-12); for ``df`` of
    `LARGE_DF` or more, the Cornish-Fisher expansion around the normal quantile ``z``:
    ``z + (z^3 + z)/(4 df) + (5z^5 + 16z^3 + 3z)/(96 df^2)``.
    """
    if not 0.0 < p < 1.0 or df <= 0:
        raise ValueError("t_quantile needs 0 < p < 1 and df > 0")
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    if p == 0.5:
        return 0.0
    z = statistics.NormalDist().inv_cdf(p)
    if df >= LARGE_DF:
        return z + (z**3 + z) / (4 * df) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)
    low, high = 0.0, max(1.0, z)
    while t_cdf(high, df) < p:
        low, high = high, 2.0 * high
    t = high
    for _ in range(200):
        error = t_cdf(t, df) - p
        if error == 0:
            break
        if error > 0:
            high = t
        else:
            low = t
        step = t - error / _t_pdf(t, df)
        step = step if low < step < high else (low + high) / 2.0
        if abs(step - t) < 1e-14 * t:
            return step
        t = step
    return t


# Groups of respondents' scores.


@dataclass(frozen=True)
class Sample:
    """Respondents' score percentages of one component, as exact sums of integer points."""

    n: int
    total: int
    squares: int
    most: int
    """The highest possible points (highest weight x statements): 100 %."""

    @classmethod
    def of(cls, points: Sequence[int], most: int) -> Sample:
        """The sample of these respondents' points."""
        return cls(len(points), sum(points), sum(p * p for p in points), most)

    @property
    def mean(self) -> Fraction:
        """The mean score percentage, exactly."""
        return Fraction(100 * self.total, self.most * self.n)

    @property
    def variance(self) -> Fraction | None:
        """The sample variance (n - 1) of the percentages; None below 2 respondents."""
        if self.n < 2:
            return None
        spread = Fraction(self.n * self.squares - self.total**2, self.n * (self.n - 1))
        return spread * Fraction(100, self.most) ** 2

    def __sub__(self, other: Sample) -> Sample:
        """The respondents of ``self`` that are not in ``other`` (a subset of them)."""
        return Sample(
            self.n - other.n, self.total - other.total, self.squares - other.squares, self.most
        )


@dataclass(frozen=True)
class Change:
    """A difference of two means with its 95 % interval, and whether it is clear."""

    difference: float
    low: float | None
    high: float | None
    """The interval; None with fewer than 2 respondents on a side."""

    @property
    def direction(self) -> int:
        """+1 clearly higher, -1 clearly lower, 0 no clear difference (or too few)."""
        if self.low is None or self.high is None:
            return 0
        return 1 if self.low > 0 else (-1 if self.high < 0 else 0)


def welch(first: Sample, second: Sample) -> Change:
    """Welch's 95 % interval of ``second.mean - first.mean`` (see the module's docstring)."""
    difference = second.mean - first.mean
    v1, v2 = first.variance, second.variance
    if v1 is None or v2 is None:
        return Change(float(difference), None, None)
    a, b = v1 / first.n, v2 / second.n
    se2 = a + b
    if se2 == 0:
        return Change(float(difference), float(difference), float(difference))
    df = se2 * se2 / (a * a / (first.n - 1) + b * b / (second.n - 1))
    margin = t_quantile((1 + CONFIDENCE) / 2, float(df)) * math.sqrt(se2)
    return Change(float(difference), float(difference) - margin, float(difference) + margin)


def _most(questionnaire: Questionnaire, statements: int) -> int:
    return max(point.weight for point in questionnaire.scale) * statements


def _statement_start(questionnaire: Questionnaire, index: int) -> int:
    return sum(len(c.statements) for c in questionnaire.components[:index])


# The benchmark.


class Position(enum.Enum):
    """Where an organisation's mean stands among the benchmark's organisations."""

    HIGHEST = "highest"
    ABOVE_MEDIAN = "above_median"
    AT_MEDIAN = "at_median"
    BELOW_MEDIAN = "below_median"
    LOWEST = "lowest"

    def words(self, messages: Messages) -> str:
        """The position in words, in the catalogue's language."""
        return {
            Position.HIGHEST: messages.benchmark_highest,
            Position.ABOVE_MEDIAN: messages.benchmark_above_median,
            Position.AT_MEDIAN: messages.benchmark_at_median,
            Position.BELOW_MEDIAN: messages.benchmark_below_median,
            Position.LOWEST: messages.benchmark_lowest,
        }[self]


@dataclass(frozen=True)
class BenchmarkComponent:
    """One component over the benchmark's organisations' mean scores."""

    id: str
    name: str
    q1: Fraction
    median: Fraction
    q3: Fraction

    def position(self, mean: Fraction) -> Position:
        """Where an organisation with this mean score stands."""
        if mean > self.q3:
            return Position.HIGHEST
        if mean < self.q1:
            return Position.LOWEST
        if mean == self.median:
            return Position.AT_MEDIAN
        return Position.ABOVE_MEDIAN if mean > self.median else Position.BELOW_MEDIAN


@dataclass(frozen=True)
class Benchmark:
    """The benchmark, or (``components`` empty) why there is none."""

    organisations: int
    """Organisations with at least ``min_group`` respondents."""
    min_group: int
    components: list[BenchmarkComponent]

    @property
    def available(self) -> bool:
        """Whether enough organisations qualify."""
        return self.organisations >= MIN_ORGANISATIONS


def benchmark(
    questionnaire: Questionnaire, respondents: Iterable[Respondent], *, min_group: int
) -> Benchmark:
    """Medians and quartiles of the mean scores of organisations of at least ``min_group``."""
    sizes = len(questionnaire.components)
    totals: dict[str, list[int]] = {}
    keys: dict[str, str] = {}
    for respondent in respondents:
        key = keys.get(respondent.organisation)
        if key is None:
            key = keys[respondent.organisation] = organisation_key(respondent.organisation)
        found = totals.get(key)
        if found is None:
            found = totals[key] = [0] * (sizes + 1)
        for index, points in enumerate(respondent.points):
            found[index] += points
        found[sizes] += 1
    counted = [sums for sums in totals.values() if sums[sizes] >= min_group]
    if len(counted) < MIN_ORGANISATIONS:
        return Benchmark(len(counted), min_group, [])
    components = []
    for index, component in enumerate(questionnaire.components):
        most = _most(questionnaire, len(component.statements))
        means = [Fraction(100 * sums[index], most * sums[sizes]) for sums in counted]
        q1, median, q3 = statistics.quantiles(means, n=4, method="inclusive")
        components.append(BenchmarkComponent(component.id, component.name, q1, median, q3))
    return Benchmark(len(counted), min_group, components)


def organisation_samples(
    questionnaire: Questionnaire, members: Sequence[Respondent]
) -> list[Sample]:
    """Per component, the sample of an organisation's respondents."""
    return [
        Sample.of([r.points[index] for r in members], _most(questionnaire, len(c.statements)))
        for index, c in enumerate(questionnaire.components)
    ]


def benchmark_json(
    found: Benchmark, samples: Sequence[Sample], messages: Messages
) -> dict[str, object]:
    """The ``benchmark`` of an organisation in the JSON output."""
    data: dict[str, object] = {
        "organisations": found.organisations,
        "min_group": found.min_group,
        "needed": MIN_ORGANISATIONS,
        "available": found.available,
        "reason": None if found.available else benchmark_reason(found, messages),
    }
    components = []
    for component, sample in zip(found.components, samples, strict=False):
        position = component.position(sample.mean)
        components.append(
            {
                "id": component.id,
                "name": component.name,
                "mean_pct": float(sample.mean),
                "median_pct": float(component.median),
                "q1_pct": float(component.q1),
                "q3_pct": float(component.q3),
                "iqr_pct": float(component.q3 - component.q1),
                "position": position.value,
                "position_text": position.words(messages),
            }
        )
    data["components"] = components
    return data


def benchmark_reason(found: Benchmark, messages: Messages) -> str:
    """Why there is no benchmark, in words."""
    return messages.benchmark_too_few.format(
        count=found.organisations, min_group=found.min_group, needed=MIN_ORGANISATIONS
    )


# The previous round.


@dataclass(frozen=True)
class Shared:
    """A component both rounds have, with the positions of the statements they share."""

    id: str
    name: str
    current: list[int]
    """Positions (in the current questionnaire's statement order) of the shared statements."""
    earlier: list[int]
    """The same statements' positions in the earlier questionnaire."""
    whole: tuple[int, int] | None
    """(current index, earlier index) when every statement is shared in both, in order."""


@dataclass(frozen=True)
class LeftOut:
    """A component or statement only one round has, in words."""

    component: str
    """The component's name (for a statement: the component it belongs to)."""
    statement: str | None
    """The statement's text; ``None`` for a whole component."""
    earlier: bool
    """Whether the earlier round has it (otherwise this round)."""


@dataclass(frozen=True)
class Common:
    """What two rounds' questionnaires have in common, and what is left out of the comparison."""

    components: list[Shared]
    components_left_out: list[str]
    """Ids of components only one round has."""
    statements_left_out: list[str]
    """Ids of statements of shared components that only one round has."""
    left_out: list[LeftOut]
    """The same components and statements in words: components first."""


SHORT_STATEMENT = 60
"""A statement left out of the comparison is named by its text, cut at a word to this length."""


def left_out_texts(found: Common, messages: Messages) -> list[str]:
    """What was left out of the comparison in words, each with the round that has it.

    Components by name, statements by their text (cut at a word, with ``…``) and component.
    """
    found_texts = []
    for item in found.left_out:
        where = messages.previous_only_earlier if item.earlier else messages.previous_only_now
        if item.statement is None:
            text = messages.previous_left_out_component.format(name=item.component, round=where)
        else:
            text = messages.previous_left_out_statement.format(
                text=textwrap.shorten(item.statement, SHORT_STATEMENT, placeholder="…"),
                component=item.component,
                round=where,
            )
        found_texts.append(text)
    return found_texts


def common(current: Questionnaire, earlier: Questionnaire) -> Common:
    """The components and statements both questionnaires have, matched by id."""
    before = {c.id: index for index, c in enumerate(earlier.components)}
    now = {c.id for c in current.components}
    shared, statements_left_out, statements = [], [], []
    for index, component in enumerate(current.components):
        other = before.get(component.id)
        if other is None:
            continue
        old = earlier.components[other]
        start, old_start = _statement_start(current, index), _statement_start(earlier, other)
        old_positions = {s.id: old_start + n for n, s in enumerate(old.statements)}
        ours = [(start + n, s.id) for n, s in enumerate(component.statements)]
        kept = [(position, old_positions[sid]) for position, sid in ours if sid in old_positions]
        ids = {s.id for s in component.statements}
        dropped = [(s, False) for s in component.statements if s.id not in old_positions]
        dropped += [(s, True) for s in old.statements if s.id not in ids]
        statements_left_out += [s.id for s, _ in dropped]
        statements += [LeftOut(component.name, s.text, then) for s, then in dropped]
        same = [s.id for s in component.statements] == [s.id for s in old.statements]
        shared.append(
            Shared(
                component.id,
                component.name,
                [p for p, _ in kept],
                [p for _, p in kept],
                (index, other) if same else None,
            )
        )
    left_out = [(c, False) for c in current.components if c.id not in before]
    left_out += [(c, True) for c in earlier.components if c.id not in now]
    return Common(
        shared,
        [c.id for c, _ in left_out],
        statements_left_out,
        [LeftOut(c.name, None, then) for c, then in left_out] + statements,
    )


@dataclass(frozen=True)
class Round:
    """One round's figures of a component over the statements both rounds share."""

    n: int
    mean_pct: float
    level: int
    level_name: str
    rwg: float | None


@dataclass(frozen=True)
class ComponentChange:
    """A component in the previous round and now, and the change."""

    id: str
    name: str
    statements: int
    """The statements compared (those both rounds have)."""
    earlier: Round
    current: Round
    change: Change


@dataclass(frozen=True)
class Previous:
    """An organisation's previous round, or (``name`` None) that it has none."""

    name: str | None
    """The organisation's name in the previous round (its most common spelling)."""
    components: list[ComponentChange]
    common: Common
    withheld: bool = False
    """Not compared: a round has fewer than ``min_group`` respondents."""


def by_organisation(respondents: Iterable[Respondent]) -> dict[str, list[Respondent]]:
    """Respondents per normalised organisation name."""
    found: dict[str, list[Respondent]] = {}
    for respondent in respondents:
        found.setdefault(organisation_key(respondent.organisation), []).append(respondent)
    return found


class _Round:
    """Points and answer codes of one round's respondents over the shared statements."""

    def __init__(self, questionnaire: Questionnaire, members: Sequence[Respondent]) -> None:
        self.questionnaire = questionnaire
        self.members = members
        self.top = max(point.weight for point in questionnaire.scale)
        self.weights = [0, *(point.weight for point in questionnaire.scale)]

    def figures(
        self, bands: Questionnaire, positions: Sequence[int], index: int | None
    ) -> tuple[Sample, Round]:
        most = self.top * len(positions)
        if index is not None:
            points = [r.points[index] for r in self.members]
        else:
            weights = self.weights
            points = [sum(weights[r.codes[p]] for p in positions) for r in self.members]
        sample = Sample.of(points, most)
        columns = [[r.codes[p] for r in self.members] for p in positions]
        level = level_for(bands.bands, sample.mean)
        figures = Round(
            n=sample.n,
            mean_pct=float(sample.mean),
            level=level,
            level_name=bands.level(level).name,
            rwg=agreement(columns, len(self.questionnaire.scale)),
        )
        return sample, figures


def previous_round(
    current: Questionnaire,
    earlier: Questionnaire,
    shared: Common,
    members: Sequence[Respondent],
    earlier_members: Sequence[Respondent] | None,
    *,
    min_group: int = 1,
) -> Previous:
    """An organisation's change per shared component since the previous round.

    Nothing is compared when either round has fewer than ``min_group`` respondents.
    """
    if not earlier_members:
        return Previous(None, [], shared)
    spellings = Counter(" ".join(r.organisation.split()) for r in earlier_members)
    name = spellings.most_common(1)[0][0]
    if min(len(members), len(earlier_members)) < min_group:
        return Previous(name, [], shared, withheld=True)
    now, then = _Round(current, members), _Round(earlier, earlier_members)
    changes = []
    for component in shared.components:
        if not component.current:
            continue
        whole = component.whole
        sample, figures = now.figures(
            current, component.current, None if whole is None else whole[0]
        )
        old_sample, old_figures = then.figures(
            current, component.earlier, None if whole is None else whole[1]
        )
        changes.append(
            ComponentChange(
                component.id,
                component.name,
                len(component.current),
                old_figures,
                figures,
                welch(old_sample, sample),
            )
        )
    return Previous(name, changes, shared)


def verdict(change: Change, messages: Messages) -> str:
    """A change in words: better, worse, no clear change, or too few respondents."""
    if change.low is None:
        return messages.change_too_few
    return {1: messages.change_better, -1: messages.change_worse, 0: messages.change_unclear}[
        change.direction
    ]


def _change_json(change: Change, messages: Messages) -> dict[str, object]:
    return {
        "change": change.difference,
        "interval": None if change.low is None else [change.low, change.high],
        "direction": change.direction,
        "verdict": verdict(change, messages),
    }


def previous_reason(found: Previous, min_group: int, messages: Messages) -> str | None:
    """Why an organisation's previous round is not compared, or None."""
    if found.name is None:
        return messages.previous_not_found
    return messages.previous_small.format(min_group=min_group) if found.withheld else None


def previous_json(found: Previous, min_group: int, messages: Messages) -> dict[str, object]:
    """The ``previous`` of an organisation in the JSON output."""
    return {
        "found": found.name is not None,
        "name": found.name,
        "withheld": found.withheld,
        "reason": previous_reason(found, min_group, messages),
        "components": [
            {
                "id": c.id,
                "name": c.name,
                "statements": c.statements,
                "earlier": vars(c.earlier),
                "current": vars(c.current),
                **_change_json(c.change, messages),
            }
            for c in found.components
        ],
        "left_out": {
            "components": found.common.components_left_out,
            "statements": found.common.statements_left_out,
        },
    }


# Segments.


@dataclass(frozen=True)
class SegmentComponent:
    """A segment's mean score of one component, against the rest of its organisation."""

    id: str
    name: str
    mean_pct: float
    level: int
    level_name: str
    against_rest: Change | None
    """The segment's mean minus the rest's; None when the segment is the whole organisation."""


@dataclass(frozen=True)
class Segment:
    """Respondents who chose an option (``option`` None: "overig", everyone else)."""

    option: str | None
    text: str
    n: int
    components: list[SegmentComponent]


@dataclass(frozen=True)
class Segments:
    """An organisation broken down by the answer to a choice question."""

    question: str
    text: str
    min_group: int
    segments: list[Segment]
    """Empty when no segment is large enough."""
    merged: list[str]
    """Option ids not shown on their own (in "overig", or left out with it)."""
    merged_texts: list[str]
    """The same options' texts."""
    overlapping: bool = False
    """Withheld: a multiple-choice question whose shown segments would share respondents."""

    def reason(self, messages: Messages) -> str | None:
        """Why no segment is shown, or None."""
        if self.overlapping:
            return messages.segments_overlap.format(min_group=self.min_group)
        return None if self.segments else messages.segments_none.format(min_group=self.min_group)


def segment_choices(
    questionnaire: Questionnaire,
) -> list[SegmentQuestion]:
    """The questions an organisation can be broken down by (choice questions, not personal)."""
    return [
        q
        for q in questionnaire.questions
        if isinstance(q, SingleChoiceQuestion | MultipleChoiceQuestion) and not q.personal
    ]


def segments(
    questionnaire: Questionnaire,
    question: SegmentQuestion,
    members: Sequence[Respondent],
    *,
    min_group: int,
    other: str,
) -> Segments:
    """An organisation's segments by ``question`` (see the module's docstring).

    ``other`` names the segment of everyone else ("overig").
    """
    n = len(members)
    chosen = {
        option.id: frozenset(
            i for i, r in enumerate(members) if option.id in r.choices.get(question.id, ())
        )
        for option in question.options
    }

    def alone(size: int) -> bool:
        return size >= min_group and (size == n or n - size >= min_group)

    shown = [option for option in question.options if alone(len(chosen[option.id]))]
    rest: set[int] = set()
    while True:
        covered = frozenset().union(*(chosen[option.id] for option in shown))
        rest = set(range(n)) - covered
        if not shown or not rest or len(rest) >= min_group:
            break
        smallest = min(len(chosen[option.id]) for option in shown)
        shown.remove([o for o in shown if len(chosen[o.id]) == smallest][-1])
    parts = [chosen[option.id] for option in shown if len(chosen[option.id]) < n]
    if len(frozenset().union(*parts)) < sum(map(len, parts)):
        return Segments(question.id, question.text, min_group, [], [], [], overlapping=True)
    groups: list[tuple[str | None, str, list[int]]] = [
        (option.id, option.text, sorted(chosen[option.id])) for option in shown
    ]
    if shown and rest:
        groups.append((None, other, sorted(rest)))
    whole = organisation_samples(questionnaire, members)
    found = [
        _segment(questionnaire, option, text, [members[i] for i in indexes], whole)
        for option, text, indexes in groups
    ]
    return Segments(
        question.id,
        question.text,
        min_group,
        found,
        [option.id for option in question.options if option not in shown],
        [option.text for option in question.options if option not in shown],
    )


def _segment(
    questionnaire: Questionnaire,
    option: str | None,
    text: str,
    members: Sequence[Respondent],
    whole: Sequence[Sample],
) -> Segment:
    components = []
    for sample, organisation, component in zip(
        organisation_samples(questionnaire, members), whole, questionnaire.components, strict=True
    ):
        level = level_for(questionnaire.bands, sample.mean)
        rest = organisation - sample
        components.append(
            SegmentComponent(
                component.id,
                component.name,
                float(sample.mean),
                level,
                questionnaire.level(level).name,
                welch(rest, sample) if rest.n else None,
            )
        )
    return Segment(option, text, len(members), components)


def segments_json(found: Segments, messages: Messages) -> dict[str, object]:
    """The ``segments`` of an organisation in the JSON output."""
    return {
        "question": found.question,
        "text": found.text,
        "min_group": found.min_group,
        "reason": found.reason(messages),
        "merged_options": found.merged,
        "segments": [
            {
                "option": segment.option,
                "text": segment.text,
                "n": segment.n,
                "components": [
                    {
                        "id": c.id,
                        "name": c.name,
                        "mean_pct": c.mean_pct,
                        "level": c.level,
                        "level_name": c.level_name,
                        "against_rest": None
                        if c.against_rest is None
                        else _change_json(c.against_rest, messages),
                    }
                    for c in segment.components
                ],
            }
            for segment in found.segments
        ],
    }


# The quality of the measurement.


@dataclass(frozen=True)
class ItemRest:
    """How one statement goes with the rest of its component."""

    id: str
    text: str
    r: float | None


@dataclass(frozen=True)
class Quality:
    """The internal consistency of one component."""

    id: str
    name: str
    n: int
    statements: int
    alpha: float | None
    item_rest: list[ItemRest]

    @property
    def flagged(self) -> bool:
        """Whether alpha is below `ALPHA_FLAG`."""
        return self.alpha is not None and self.alpha < ALPHA_FLAG


def quality(questionnaire: Questionnaire, respondents: Sequence[Respondent]) -> list[Quality]:
    """Cronbach's alpha and item-rest correlations per component (see the module)."""
    n = len(respondents)
    weights = [0, *(point.weight for point in questionnaire.scale)]
    table = bytes(weights).ljust(256, b"\0") if max(weights) < 256 else None
    found = []
    for index, component in enumerate(questionnaire.components):
        start = _statement_start(questionnaire, index)
        totals = [r.points[index] for r in respondents]
        sum_t, squares_t = sum(totals), sum(t * t for t in totals)
        var_t = n * squares_t - sum_t * sum_t
        items = []
        for offset in range(len(component.statements)):
            codes = bytes(r.codes[start + offset] for r in respondents)
            values: Sequence[int] = (
                codes.translate(table) if table is not None else [weights[c] for c in codes]
            )
            counts = Counter(values)
            total = sum(value * count for value, count in counts.items())
            squares = sum(value * value * count for value, count in counts.items())
            items.append((total, squares, sum(map(mul, values, totals))))
        k = len(items)
        variances = sum(n * squares - total * total for total, squares, _ in items)
        alpha = (
            float(Fraction(k, k - 1) * (1 - Fraction(variances, var_t)))
            if k > 1 and n > 1 and var_t > 0
            else None
        )
        rests = []
        for statement, (total, squares, cross) in zip(component.statements, items, strict=True):
            var_i = n * squares - total * total
            rest_total = sum_t - total
            var_r = n * (squares_t - 2 * cross + squares) - rest_total * rest_total
            cov = n * (cross - squares) - total * rest_total
            r = cov / math.sqrt(var_i * var_r) if var_i > 0 and var_r > 0 else None
            rests.append(ItemRest(statement.id, statement.text, r))
        found.append(Quality(component.id, component.name, n, k, alpha, rests))
    return found


def quality_json(found: Sequence[Quality], messages: Messages) -> dict[str, object]:
    """The top-level ``quality`` of the JSON output."""
    return {
        "threshold": ALPHA_FLAG,
        "components": [
            {
                "id": q.id,
                "name": q.name,
                "n": q.n,
                "statements": q.statements,
                "alpha": q.alpha,
                "flagged": q.flagged,
                "flag": messages.alpha_flag if q.flagged else None,
                "item_rest": [{"id": i.id, "text": i.text, "r": i.r} for i in q.item_rest],
            }
            for q in found
        ],
    }


# Everything per organisation.


@dataclass(frozen=True)
class Comparisons:
    """An organisation's comparisons: the benchmark, the previous round, its segments."""

    samples: list[Sample]
    benchmark: Benchmark
    previous: Previous | None
    segments: Segments | None

    def as_json(self, messages: Messages) -> dict[str, object]:
        """The keys this adds to the organisation in the JSON output."""
        data: dict[str, object] = {
            "benchmark": benchmark_json(self.benchmark, self.samples, messages)
        }
        if self.previous is not None:
            data["previous"] = previous_json(self.previous, self.benchmark.min_group, messages)
        if self.segments is not None:
            data["segments"] = segments_json(self.segments, messages)
        return data


def comparisons(
    questionnaire: Questionnaire,
    organisations: Sequence[Sequence[Respondent]],
    *,
    min_group: int,
    messages: Messages,
    benchmark_respondents: Iterable[Respondent],
    earlier: tuple[Questionnaire, Sequence[Respondent]] | None = None,
    by: SegmentQuestion | None = None,
) -> list[Comparisons]:
    """The comparisons of each organisation (its respondents), in the given order."""
    found_benchmark = benchmark(questionnaire, benchmark_respondents, min_group=min_group)
    shared, earlier_groups = None, {}
    if earlier is not None:
        shared = common(questionnaire, earlier[0])
        earlier_groups = by_organisation(earlier[1])
    found = []
    for members in organisations:
        previous = None
        if earlier is not None and shared is not None:
            key = organisation_key(members[0].organisation)
            previous = previous_round(
                questionnaire,
                earlier[0],
                shared,
                members,
                earlier_groups.get(key),
                min_group=min_group,
            )
        found.append(
            Comparisons(
                organisation_samples(questionnaire, members),
                found_benchmark,
                previous,
                None
                if by is None
                else segments(
                    questionnaire, by, members, min_group=min_group, other=messages.segment_other
                ),
            )
        )
    return found
