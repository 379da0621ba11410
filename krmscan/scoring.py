"""Pure scoring: answers in, per-component and overall results out. No I/O.

A statement scores its scale weight (Oneens 0, Neutraal 1, Eens 2). A component's ``score_pct``
is 100 x the sum of its weights / (highest weight x number of statements); the overall score is
the mean of the components. A percentage falls in a level's band ``[from_pct, to_pct)`` (the
last band includes 100). ``gap`` is the measured level minus the felt ambition, and
``points_to_ambition`` the percentage points still missing to the ambition band's lower bound.
Arithmetic is exact (fractions), so band edges never depend on rounding.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from krmscan.answers import Answers
from krmscan.questionnaire import Band, Component, Questionnaire


@dataclass(frozen=True)
class Score:
    """A measured maturity compared with the felt ambition."""

    score_pct: float
    level: int
    level_name: str
    ambition_level: int
    gap: int
    points_to_ambition: float


@dataclass(frozen=True)
class ComponentScore(Score):
    """The score of one component."""

    id: str
    name: str


@dataclass(frozen=True)
class Result:
    """One respondent's result: each component in questionnaire order, and overall."""

    components: list[ComponentScore]
    overall: Score


def level_for(bands: list[Band], pct: Fraction) -> int:
    """The level whose band holds ``pct``."""
    for band in bands:
        if Fraction(band.from_pct) <= pct < Fraction(band.to_pct):
            return band.level
    return bands[-1].level


def component_pct(questionnaire: Questionnaire, component: Component, answers: Answers) -> Fraction:
    """The exact score percentage of one component."""
    weights = {point.id: point.weight for point in questionnaire.scale}
    top = max(weights.values())
    total = sum(weights[str(answers[statement.id])] for statement in component.statements)
    return Fraction(100 * total, top * len(component.statements))


def ambition_level(questionnaire: Questionnaire, answers: Answers) -> int:
    """The level of the felt ambition the respondent chose."""
    question = questionnaire.ambition_question
    chosen = answers[question.id]
    return next(option.level for option in question.options if option.id == chosen)


def compare(questionnaire: Questionnaire, pct: Fraction, ambition: int) -> Score:
    """Place ``pct`` in its band and compare it with the ``ambition`` level."""
    level = level_for(questionnaire.bands, pct)
    floor = Fraction(questionnaire.band(ambition).from_pct)
    return Score(
        score_pct=float(pct),
        level=level,
        level_name=questionnaire.level(level).name,
        ambition_level=ambition,
        gap=level - ambition,
        points_to_ambition=float(max(Fraction(0), floor - pct)),
    )


def score(questionnaire: Questionnaire, answers: Answers) -> Result:
    """Score complete, valid answers (see `krmscan.answers.answer_problems`)."""
    ambition = ambition_level(questionnaire, answers)
    percentages = [component_pct(questionnaire, c, answers) for c in questionnaire.components]
    components = [
        ComponentScore(id=c.id, name=c.name, **vars(compare(questionnaire, pct, ambition)))
        for c, pct in zip(questionnaire.components, percentages, strict=True)
    ]
    overall = compare(questionnaire, sum(percentages, Fraction(0)) / len(percentages), ambition)
    return Result(components=components, overall=overall)


def as_dict(result: Result) -> dict[str, object]:
    """The JSON shape of a result: components in questionnaire order, floats unrounded."""
    keys = ("score_pct", "level", "level_name", "ambition_level", "gap", "points_to_ambition")
    return {
        "components": [
            {"id": c.id, "name": c.name, **{key: getattr(c, key) for key in keys}}
            for c in result.components
        ],
        "overall": {key: getattr(result.overall, key) for key in keys},
    }
