"""Organisation results: pure statistics over scored respondents. No I/O.

Respondents are grouped by the answer to the question marked ``group: true``: names compared
without regard to case and runs of whitespace, shown in their most common spelling. Per
organisation and component: the mean, median, sample standard deviation, minimum and maximum
of ``score_pct``; the level of the mean; how many respondents measure at each level; the gap
between the level of the mean and the median felt ambition; the share of respondents measuring
below their own felt ambition; the agreement rwg(j); and the three weakest statements. An
organisation below the minimum group shows only its number of respondents (`size_only`)
unless asked otherwise; a small group's report keeps its means (`withhold_small`).

Agreement (James, Demaree & Wolf, 1984)::

    rwg(j) = J (1 - s2/E) / (J (1 - s2/E) + s2/E)

with ``J`` the number of statements of the component, ``s2`` the mean over its statements of
the sample variance (n - 1) of the answers coded 1..A (Oneens 1, Neutraal 2, Eens 3), clamped to
at most ``E``, and ``E = (A^2 - 1) / 12`` the variance of uniformly random answers over the
``A`` scale points. 1 is full agreement, 0 is no more agreement than chance; below
`SHARED_VIEW` the component has no shared view. It needs at least 2 respondents (else None).

Means, levels and rwg are computed exactly (fractions of integer points) and converted to
floats at the end, so a level never depends on rounding.
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from fractions import Fraction

from krmscan.collect import Respondent
from krmscan.errors import BadDataError
from krmscan.meter import Track, untracked
from krmscan.questionnaire import (
    MultipleChoiceQuestion,
    Questionnaire,
    SingleChoiceQuestion,
)
from krmscan.scoring import level_for

SHARED_VIEW = 0.70
"""rwg below this: the respondents do not share one view of the component."""
PRIORITIES = 3
"""The weakest statements listed per component."""


@dataclass(frozen=True)
class Priority:
    """A statement with its mean answer: the lower, the more it needs attention."""

    id: str
    text: str
    mean: float
    """Mean scale weight (Oneens 0, Neutraal 1, Eens 2)."""
    pct: float
    """The mean as a percentage of the highest weight (as ``score_pct``)."""


@dataclass(frozen=True)
class ComponentSummary:
    """One component over an organisation's respondents."""

    id: str
    name: str
    mean_pct: float
    median_pct: float | None
    """None when withheld (`withhold_small`), as every figure below that may be None."""
    sd_pct: float | None
    """None below 2 respondents too."""
    min_pct: float | None
    max_pct: float | None
    level: int
    """The level of the mean score."""
    level_name: str
    level_distribution: dict[int, int]
    """Measured level -> respondents, every level present; empty when withheld."""
    ambition_gap: float
    """The level of the mean minus the median felt ambition (negative: behind)."""
    ambition_pct: float
    """Where the ambition starts: the lower edge of the band of the median felt ambition,
    a half median rounded up (2.5 -> level 3). Behind the ambition exactly when the mean
    score is below it, the one comparison the radar, the words and every export use."""
    points_to_ambition: float
    """Percentage points from the mean score up to `ambition_pct` (0 when reached)."""
    below_ambition: float | None
    """Share (0..1) of respondents whose measured level is below their own felt ambition."""
    rwg: float | None
    """None below 2 respondents too."""
    priorities: list[Priority]
    """Empty when withheld."""

    @property
    def behind(self) -> bool:
        """Whether the mean score lies below where the ambition starts."""
        return self.ambition_gap < 0

    @property
    def shared_view(self) -> bool | None:
        """Whether rwg reaches `SHARED_VIEW`; None without an rwg."""
        return None if self.rwg is None else self.rwg >= SHARED_VIEW


class Kind(str, Enum):
    """The advice for a component, by the rule of `ranking`."""

    ACT = "act"
    TALK = "talk"
    KEEP = "keep"


def kind_of(component: ComponentSummary, *, withheld: bool) -> Kind:
    """The advice for a component (a withheld rwg never says 'no shared view')."""
    shared = None if withheld else component.shared_view
    if shared is False:
        return Kind.TALK
    return Kind.ACT if component.behind else Kind.KEEP


def ranking(
    components: Sequence[ComponentSummary], *, withheld: bool
) -> list[tuple[Kind, ComponentSummary]]:
    """The components with their advice, in the order the report and `score` rank them.

    1. *act*: behind the felt ambition (`ComponentSummary.behind`) and no sign that employees
       disagree: largest gap first;
    2. *talk first*: no shared view (rwg below `SHARED_VIEW`): the least agreement first;
    3. *keep*: the rest, at or above the ambition: the smallest margin first.

    Ties keep questionnaire order.
    """
    order = {Kind.ACT: 0, Kind.TALK: 1, Kind.KEEP: 2}

    def key(component: ComponentSummary) -> tuple[int, float]:
        kind = kind_of(component, withheld=withheld)
        if kind is Kind.ACT:
            return order[kind], -component.points_to_ambition
        if kind is Kind.TALK:
            return order[kind], component.rwg or 0.0
        return order[kind], component.mean_pct - component.ambition_pct

    return [(kind_of(c, withheld=withheld), c) for c in sorted(components, key=key)]


@dataclass(frozen=True)
class Overall:
    """The mean of the respondents' overall scores, its level, and the ambition's edge."""

    mean_pct: float
    level: int
    level_name: str
    ambition_pct: float
    """The lower edge of the band of the median felt ambition (as for a component)."""
    points_to_ambition: float
    """Percentage points from the mean score up to `ambition_pct` (0 when reached)."""

    @property
    def behind(self) -> bool:
        """Whether the mean score lies below where the ambition starts."""
        return self.points_to_ambition > 0


@dataclass(frozen=True)
class StatementAnswers:
    """How an organisation's respondents answered one statement."""

    id: str
    component_id: str
    text: str
    counts: dict[str, int]
    """Scale point id -> respondents who chose it, in the scale's order."""
    mean: float
    """Mean scale weight."""
    pct: float
    """The mean as a percentage of the highest weight (as ``score_pct``)."""


@dataclass(frozen=True)
class Ambition:
    """The felt ambition of an organisation's respondents."""

    distribution: dict[int, int]
    """Level -> respondents who chose it, every level present; empty when withheld."""
    median: float
    """May fall halfway between two levels."""
    mode: list[int]
    """The most chosen level(s), ascending: more than one on a tie; empty when withheld."""


@dataclass(frozen=True)
class OptionCount:
    """How many respondents chose an option, and their share of all respondents."""

    id: str
    text: str
    count: int
    share: float


@dataclass(frozen=True)
class Frequency:
    """The answers to one choice question."""

    id: str
    text: str
    options: list[OptionCount]
    other_option: str | None
    """The text of the question's "other" option, if it has one."""
    other_texts: list[str]
    """Texts typed for the "other" option, sorted (not in respondent order)."""

    def other_counts(self) -> list[tuple[str, int]]:
        """The "other" texts once each (case and spacing ignored), most common first."""
        counts: Counter[str] = Counter()
        spelling: dict[str, str] = {}
        for text in self.other_texts:
            key = organisation_key(text)
            counts[key] += 1
            spelling.setdefault(key, " ".join(text.split()))
        return [(spelling[key], count) for key, count in counts.most_common()]


@dataclass(frozen=True)
class OrganisationSummary:
    """Everything the results say about one organisation."""

    name: str
    n: int
    small: bool
    """Fewer respondents than the minimum group: results can identify people."""
    components: list[ComponentSummary]
    """Empty when only n is shown (`size_only`)."""
    overall: Overall | None
    """None when only n is shown (`size_only`), as ``ambition``."""
    ambition: Ambition | None
    frequencies: list[Frequency]
    statements: list[StatementAnswers]
    """Every statement in questionnaire order, with its count per scale point."""
    spellings: list[str]
    """Every spelling of the name found, most common first."""
    withheld: bool = False
    """Small, and the figures that can show one person's answers left out (`withhold_small`,
    `size_only`)."""


def organisation_key(name: str) -> str:
    """The form in which organisation names are compared: as they look, case and spaces ignored.

    Unicode-normalised (NFKC, before and after case folding) and without invisible format
    characters (category Cf): "Woonstéde" with a composed é or e + a combining accent, with a
    zero-width space or in full-width letters is one organisation, as it looks.
    """
    compatible = unicodedata.normalize("NFKC", name)
    visible = "".join(c for c in compatible if unicodedata.category(c) != "Cf")
    return unicodedata.normalize("NFKC", " ".join(visible.split()).casefold())


def name_order(name: str) -> tuple[tuple[str | int, ...], str]:
    """The sort key of organisation names: natural order, numbers by value.

    "Corporatie 2" before "Corporatie 10"; case and runs of spaces ignored (`organisation_key`).
    Names equal but for leading zeros ("Org 01", "Org 1") fall back on their text.
    """
    key = organisation_key(name)
    parts = re.split(r"([0-9]+)", key)  # text, number, text, ...: the same types line up
    return tuple(int(part) if index % 2 else part for index, part in enumerate(parts)), key


def group(respondents: Sequence[Respondent]) -> list[tuple[list[str], list[Respondent]]]:
    """Respondents per organisation, sorted by name: (spellings most common first, members).

    Ties between spellings go to the one found first (files in path order).
    """
    members: dict[str, list[Respondent]] = {}
    keys: dict[str, str] = {}
    for respondent in respondents:
        name = respondent.organisation
        key = keys.get(name)
        if key is None:
            key = keys[name] = organisation_key(name)
        members.setdefault(key, []).append(respondent)
    spellings: dict[str, Counter[str]] = {}
    for name, count in Counter(r.organisation for r in respondents).items():
        spellings.setdefault(keys[name], Counter())[" ".join(name.split())] += count
    first_seen: dict[str, int] = {}
    for name in keys:  # raw names in the order found
        first_seen.setdefault(" ".join(name.split()), len(first_seen))
    return [
        (
            sorted(
                spellings[key],
                key=lambda name: (-spellings[key][name], first_seen[name]),
            ),
            members[key],
        )
        for key in sorted(members, key=name_order)
    ]


def organisation_summary(
    questionnaire: Questionnaire,
    names: list[str],
    respondents: Sequence[Respondent],
    *,
    min_group: int = 5,
    include_personal: bool = False,
    levels: Sequence[Sequence[int]] | None = None,
) -> OrganisationSummary:
    """The results of one organisation's respondents (at least one).

    ``levels`` is `point_levels` of the questionnaire (computed when not given).
    """
    ambition = _ambition(questionnaire, respondents)
    columns = code_columns(respondents)
    levels = levels or point_levels(questionnaire)
    components = [
        _component(questionnaire, index, respondents, columns, ambition.median, levels[index])
        for index in range(len(questionnaire.components))
    ]
    return OrganisationSummary(
        name=names[0],
        n=len(respondents),
        small=len(respondents) < min_group,
        components=components,
        overall=_overall(questionnaire, respondents, ambition.median),
        ambition=ambition,
        frequencies=frequencies(questionnaire, respondents, include_personal=include_personal),
        statements=statement_answers(questionnaire, columns),
        spellings=names,
    )


def withhold_small(summary: OrganisationSummary) -> OrganisationSummary:
    """A small group's summary for its report: no figure that shows one person's answers.

    Kept: n, the mean scores (per component and overall), their levels and the comparison
    with the ambition (its median). Left out (None or empty): per component the median,
    standard deviation, lowest and highest score, the respondents per level, the share below
    their own ambition, the agreement and the weakest statements; the felt ambition's
    distribution and mode; the frequencies with their "other" texts; the answers per
    statement; the other spellings of the name. An organisation of at least the minimum group
    is returned as it is.
    """
    if not summary.small or summary.withheld or summary.ambition is None:
        return summary
    components = [
        replace(
            component,
            median_pct=None,
            sd_pct=None,
            min_pct=None,
            max_pct=None,
            level_distribution={},
            below_ambition=None,
            rwg=None,
            priorities=[],
        )
        for component in summary.components
    ]
    return replace(
        summary,
        components=components,
        ambition=replace(summary.ambition, distribution={}, mode=[]),
        frequencies=[],
        statements=[],
        spellings=summary.spellings[:1],
        withheld=True,
    )


def size_only(summary: OrganisationSummary) -> OrganisationSummary:
    """A small group's summary as `score` shows it without ``--include-small-groups``: n only.

    No means, levels, comparison with the ambition or anything else: with one respondent the
    mean is that person's score, with two each knows the other's from their own. An
    organisation of at least the minimum group is returned as it is.
    """
    if not summary.small:
        return summary
    return replace(
        summary,
        components=[],
        overall=None,
        ambition=None,
        frequencies=[],
        statements=[],
        spellings=summary.spellings[:1],
        withheld=True,
    )


def _ambition(questionnaire: Questionnaire, respondents: Sequence[Respondent]) -> Ambition:
    levels = [respondent.ambition for respondent in respondents]
    counts = Counter(levels)
    return Ambition(
        distribution={level.level: counts[level.level] for level in questionnaire.levels},
        median=float(statistics.median(levels)),
        mode=sorted(statistics.multimode(levels)),
    )


def _top(questionnaire: Questionnaire) -> int:
    return max(point.weight for point in questionnaire.scale)


def point_levels(questionnaire: Questionnaire) -> list[list[int]]:
    """Per component, the level of every possible number of points (0 up to the most)."""
    top = _top(questionnaire)
    found = []
    for component in questionnaire.components:
        most = top * len(component.statements)
        found.append(
            [level_for(questionnaire.bands, Fraction(100 * p, most)) for p in range(most + 1)]
        )
    return found


def _component(  # noqa: PLR0917 - one organisation's data, passed down once
    questionnaire: Questionnaire,
    index: int,
    respondents: Sequence[Respondent],
    columns: Sequence[Sequence[int]],
    median_ambition: float,
    levels: Sequence[int],
) -> ComponentSummary:
    component = questionnaire.components[index]
    most = _top(questionnaire) * len(component.statements)
    points = sorted(respondent.points[index] for respondent in respondents)
    n = len(points)
    mean = Fraction(100 * sum(points), most * n)
    level = level_for(questionnaire.bands, mean)
    measured = [levels[p] for p in points]
    counts = Counter(measured)
    below = sum(levels[r.points[index]] < r.ambition for r in respondents)
    ambition_edge = _ambition_edge(questionnaire, median_ambition)
    return ComponentSummary(
        id=component.id,
        name=component.name,
        mean_pct=float(mean),
        median_pct=float(Fraction(100, most) * Fraction(statistics.median(points))),
        sd_pct=_sd(points, most),
        min_pct=float(Fraction(100 * points[0], most)),
        max_pct=float(Fraction(100 * points[-1], most)),
        level=level,
        level_name=questionnaire.level(level).name,
        level_distribution={lvl.level: counts[lvl.level] for lvl in questionnaire.levels},
        ambition_gap=level - median_ambition,
        ambition_pct=float(ambition_edge),
        points_to_ambition=float(max(Fraction(0), ambition_edge - mean)),
        below_ambition=below / n,
        rwg=rwg(questionnaire, index, columns),
        priorities=priorities(questionnaire, index, columns),
    )


def _ambition_edge(questionnaire: Questionnaire, median_ambition: float) -> Fraction:
    """Where the ambition starts: the lower edge of its band, a half median rounded up."""
    return Fraction(questionnaire.band(math.ceil(median_ambition)).from_pct)


def _sd(points: Sequence[int], most: int) -> float | None:
    """Sample standard deviation (n - 1) of the percentages of integer ``points``."""
    n = len(points)
    if n < 2:
        return None
    total, squares = sum(points), sum(p * p for p in points)
    variance = Fraction(n * squares - total * total, n * (n - 1)) * Fraction(100, most) ** 2
    return math.sqrt(variance)


def _overall(
    questionnaire: Questionnaire, respondents: Sequence[Respondent], median_ambition: float
) -> Overall:
    top = _top(questionnaire)
    sizes = [top * len(component.statements) for component in questionnaire.components]
    mean = sum(
        (
            Fraction(100 * sum(r.points[i] for r in respondents), size)
            for i, size in enumerate(sizes)
        ),
        Fraction(0),
    ) / (len(sizes) * len(respondents))
    level = level_for(questionnaire.bands, mean)
    edge = _ambition_edge(questionnaire, median_ambition)
    return Overall(
        mean_pct=float(mean),
        level=level,
        level_name=questionnaire.level(level).name,
        ambition_pct=float(edge),
        points_to_ambition=float(max(Fraction(0), edge - mean)),
    )


def _statement_range(questionnaire: Questionnaire, index: int) -> range:
    start = sum(len(c.statements) for c in questionnaire.components[:index])
    return range(start, start + len(questionnaire.components[index].statements))


def code_columns(respondents: Sequence[Respondent]) -> list[tuple[int, ...]]:
    """Per statement in questionnaire order, every respondent's answer code (1..A)."""
    return list(zip(*(respondent.codes for respondent in respondents), strict=True))


def rwg(questionnaire: Questionnaire, index: int, columns: Sequence[Sequence[int]]) -> float | None:
    """The agreement on one component (see the module's docstring); None below 2 answers.

    ``columns`` holds the answer codes per statement (`code_columns`).
    """
    chosen = [columns[position] for position in _statement_range(questionnaire, index)]
    return agreement(chosen, len(questionnaire.scale))


def agreement(columns: Sequence[Sequence[int]], scale: int) -> float | None:
    """rwg(j) over the answer codes (1..``scale``) of the given statements; None below 2.

    Every column has the same ``n``, so the variances share the denominator ``n (n - 1)``
    and are summed as integers.
    """
    spread = 0  # the sum over statements of n (n - 1) times the sample variance
    statements = 0
    n = 0
    for column in columns:
        n = len(column)
        if n < 2:
            return None
        counts = [column.count(code) for code in range(1, scale + 1)]
        total = sum(code * count for code, count in enumerate(counts, start=1))
        squares = sum(code * code * count for code, count in enumerate(counts, start=1))
        spread += n * squares - total * total
        statements += 1
    if not statements:
        return None
    # s2 / E = (spread / (J n (n - 1))) / ((A^2 - 1) / 12), clamped to at most 1
    expected = statements * n * (n - 1) * (scale * scale - 1)
    ratio = Fraction(min(12 * spread, expected), expected)
    return float(statements * (1 - ratio) / (statements * (1 - ratio) + ratio))


def priorities(
    questionnaire: Questionnaire, index: int, columns: Sequence[Sequence[int]]
) -> list[Priority]:
    """The `PRIORITIES` statements of a component with the lowest mean answer weight.

    ``columns`` holds the answer codes per statement (`code_columns`); ties keep the
    questionnaire's order.
    """
    weights = [point.weight for point in questionnaire.scale]
    top = max(weights)
    component = questionnaire.components[index]
    means = []
    for statement, position in zip(
        component.statements, _statement_range(questionnaire, index), strict=True
    ):
        column = columns[position]
        total = sum(w * column.count(code) for code, w in enumerate(weights, start=1))
        means.append((total, len(column), statement))
    means.sort(key=lambda found: found[0])  # every column has the same n: totals order means
    return [
        Priority(statement.id, statement.text, total / n, 100 * total / (n * top))
        for total, n, statement in means[:PRIORITIES]
    ]


def statement_answers(
    questionnaire: Questionnaire, columns: Sequence[Sequence[int]]
) -> list[StatementAnswers]:
    """Per statement: respondents per scale point, the mean weight and its percentage.

    ``columns`` holds the answer codes per statement (`code_columns`).
    """
    scale = questionnaire.scale
    top = max(point.weight for point in scale)
    found = []
    positions = iter(columns)
    for component in questionnaire.components:
        for statement in component.statements:
            column = next(positions)
            counts = [column.count(code) for code in range(1, len(scale) + 1)]
            total = sum(point.weight * count for point, count in zip(scale, counts, strict=True))
            n = len(column)
            found.append(
                StatementAnswers(
                    id=statement.id,
                    component_id=component.id,
                    text=statement.text,
                    counts={point.id: count for point, count in zip(scale, counts, strict=True)},
                    mean=total / n,
                    pct=100 * total / (n * top),
                )
            )
    return found


def frequencies(
    questionnaire: Questionnaire,
    respondents: Sequence[Respondent],
    *,
    include_personal: bool = False,
) -> list[Frequency]:
    """Per choice question: respondents per option (and share of all), the "other" texts.

    Questions marked personal are left out unless ``include_personal``.
    """
    found = []
    n = len(respondents)
    for question in questionnaire.questions:
        if not isinstance(question, SingleChoiceQuestion | MultipleChoiceQuestion):
            continue
        if question.personal and not include_personal:
            continue
        counts = Counter(
            itertools.chain.from_iterable(r.choices.get(question.id, ()) for r in respondents)
        )
        texts = [text for r in respondents if (text := r.others.get(question.id, "").strip())]
        found.append(
            Frequency(
                id=question.id,
                text=question.text,
                options=[
                    OptionCount(o.id, o.text, counts[o.id], counts[o.id] / n)
                    for o in question.options
                ],
                other_option=next((o.text for o in question.options if o.other), None),
                other_texts=sorted(texts, key=lambda text: (text.casefold(), text)),
            )
        )
    return found


@dataclass(frozen=True)
class Results:
    """Organisation results with the respondents behind them and the output choices."""

    questionnaire: Questionnaire
    organisations: list[tuple[OrganisationSummary, list[Respondent]]]
    """Every organisation's full summary, sorted by name, with its respondents: for the
    report, which withholds a small group's figures itself (`withhold_small`)."""
    min_group: int
    include_personal: bool
    include_small: bool

    @property
    def summaries(self) -> list[OrganisationSummary]:
        """The organisations' results as `score` shows them, sorted by name.

        A small group's is `size_only`'s unless ``include_small``.
        """
        return [
            summary if self.include_small else size_only(summary)
            for summary, _ in self.organisations
        ]

    def counted_respondents(self, respondents: Iterable[Respondent]) -> list[Respondent]:
        """Those of ``respondents`` a figure over the whole run may count.

        Without ``include_small`` only those of organisations of at least the minimum group:
        with the rows of the others exported, a figure over everyone could be solved for a
        small group's answers.
        """
        found = list(respondents)
        if self.include_small:
            return found
        return [
            respondent
            for _, members in group(found)
            if len(members) >= self.min_group
            for respondent in members
        ]

    def shown_respondents(self) -> list[tuple[OrganisationSummary, Respondent]]:
        """The respondents whose rows may be shown, per organisation, in file order."""
        return [
            (summary, respondent)
            for summary, members in self.organisations
            if self.include_small or not summary.small
            for respondent in members
        ]


def results(
    questionnaire: Questionnaire,
    respondents: Sequence[Respondent],
    *,
    organisation: str | None = None,
    min_group: int = 5,
    include_personal: bool = False,
    include_small: bool = False,
    track: Track = untracked,
) -> Results:
    """Group and summarise ``respondents``, only those of ``organisation`` when given.

    Raises `BadDataError` when no respondent belongs to ``organisation``.
    """
    groups = group(respondents)
    levels = point_levels(questionnaire)
    if organisation is not None:
        wanted = organisation_key(organisation)
        found = [g for g in groups if organisation_key(g[0][0]) == wanted]
        if not found:
            from krmscan.messages import messages_for
            from krmscan.text import printable

            known = ", ".join(f"'{printable(names[0])}'" for names, _ in groups) or "-"
            message = messages_for(questionnaire.language).organisation_unknown
            raise BadDataError(message.format(name=printable(organisation), known=known))
        groups = found
    return Results(
        questionnaire=questionnaire,
        organisations=[
            (
                organisation_summary(
                    questionnaire,
                    names,
                    members,
                    min_group=min_group,
                    include_personal=include_personal,
                    levels=levels,
                ),
                members,
            )
            for names, members in track(groups, len(groups), "aggregating")
        ],
        min_group=min_group,
        include_personal=include_personal,
        include_small=include_small,
    )
