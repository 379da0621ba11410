"""Pure scoring: answers in, per-component and overall results out. No I/O.

A statement scores its scale weight (Oneens 0, Neutraal 1, Eens 2). A component's ``score_pct``
is 100 x the sum of its weights / (highest weight x number of statements); the overall score is
the mean of the components. A percentage falls in a level's band ``[from_pct, to_pct)`` (the
last band includes 100). ``gap`` is the measured level minus the felt ambition, and
``points_to_ambition`` the percentage points still missing to the ambition band's lower bound.
Arithmetic is exact (fractions), so band edges never depend on rounding.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import cast

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
    return Scorer(questionnaire).score(answers)


class Scorer:
    """Scores many answer sets of one questionnaire, its tables prepared once.

    A component's result depends only on its points and the felt ambition, and the overall
    result only on the points summed over a common denominator, so each distinct result is
    computed once (exactly, with fractions) and shared; the results are immutable.
    """

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.questionnaire = questionnaire
        self.weights = {point.id: point.weight for point in questionnaire.scale}
        self.top = max(self.weights.values())
        self.ambitions = {
            option.id: option.level for option in questionnaire.ambition_question.options
        }
        self.ambition_id = questionnaire.ambition_question.id
        self.statement_ids = [
            [statement.id for statement in component.statements]
            for component in questionnaire.components
        ]
        self._statement_order = [i for ids in self.statement_ids for i in ids]
        self._positions = {point.id: n for n, point in enumerate(questionnaire.scale, start=1)}
        self._weight_of_code = [0, *(point.weight for point in questionnaire.scale)]
        self._weights_by_code = (
            bytes(self._weight_of_code).ljust(256, b"\0") if self.top < 256 else None
        )
        ends = list(itertools.accumulate(len(ids) for ids in self.statement_ids))
        self._slices = list(zip([0, *ends[:-1]], ends, strict=True))
        sizes = [self.top * len(ids) for ids in self.statement_ids]
        common = math.lcm(*sizes)
        self._multipliers = [common // size for size in sizes]
        self._overall_denominator = common * len(sizes)
        self._components: dict[tuple[int, int, int], ComponentScore] = {}
        self._overall: dict[tuple[int, int], Score] = {}

    def codes(self, answers: Answers) -> bytes:
        """Each statement's answer as its position on the scale (1, 2, 3), in order."""
        answer = cast("Mapping[str, str]", answers).__getitem__  # valid: scale ids
        return bytes(map(self._positions.__getitem__, map(answer, self._statement_order)))

    def points(self, answers: Answers) -> list[int]:
        """The summed statement weights of each component, in questionnaire order."""
        return self.points_of(self.codes(answers))

    def points_of(self, codes: bytes) -> list[int]:
        """Component points from statement `codes`."""
        if self._weights_by_code is None:
            weights = [self._weight_of_code[code] for code in codes]
            return [sum(weights[start:end]) for start, end in self._slices]
        weighted = codes.translate(self._weights_by_code)
        return [sum(weighted[start:end]) for start, end in self._slices]

    def ambition(self, answers: Answers) -> int:
        """The level of the felt ambition the respondent chose."""
        return self.ambitions[str(answers[self.ambition_id])]

    def score(self, answers: Answers) -> Result:
        """Score complete, valid answers."""
        return self.result(self.points(answers), self.ambition(answers))

    def result(self, points: list[int], ambition: int) -> Result:
        """The result of a respondent with these component ``points`` and ``ambition`` level."""
        components = [self._component(index, p, ambition) for index, p in enumerate(points)]
        common = sum(p * m for p, m in zip(points, self._multipliers, strict=True))
        overall = self._overall.get((common, ambition))
        if overall is None:
            pct = Fraction(100 * common, self._overall_denominator)
            overall = self._overall[common, ambition] = compare(self.questionnaire, pct, ambition)
        return Result(components=components, overall=overall)

    def _component(self, index: int, points: int, ambition: int) -> ComponentScore:
        key = (index, points, ambition)
        found = self._components.get(key)
        if found is None:
            component = self.questionnaire.components[index]
            pct = Fraction(100 * points, self.top * len(component.statements))
            measured = compare(self.questionnaire, pct, ambition)
            found = ComponentScore(id=component.id, name=component.name, **vars(measured))
            self._components[key] = found
        return found


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
