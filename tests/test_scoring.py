"""Scoring as a table of cases: band edges, the overall mean, gaps, points to the ambition."""

from __future__ import annotations

from fractions import Fraction

import pytest
import yaml

from krmscan import scoring
from krmscan.questionnaire import LoadedQuestionnaire, Questionnaire
from tests.support import REPO, sample_answers

LEVEL_NAMES = {
    1: "De klantvriendelijke corporatie",
    2: "De klantgerichte corporatie",
    3: "De klantgedreven corporatie",
    4: "De partner in wonen",
}


def points(*raw: int) -> list[int]:
    """Scale indices for 7 statements per component giving these raw points (0..14) each."""
    indices: list[int] = []
    for total in raw:
        assert 0 <= total <= 14
        eens, neutraal = divmod(total, 2)
        indices += [2] * eens + [1] * neutraal + [0] * (7 - eens - neutraal)
    return indices


def result_for(
    questionnaire: Questionnaire, raw: tuple[int, ...], ambition: int = 3
) -> scoring.Result:
    answers = sample_answers(questionnaire, ambition=ambition, statement_points=points(*raw))
    return scoring.score(questionnaire, answers)


# Raw points of the first component (others at 7/14), its exact percentage and level.
BAND_EDGES = [
    (0, Fraction(0), 1),
    (3, Fraction(300, 14), 1),  # 21.4 %
    (4, Fraction(400, 14), 2),  # 28.6 %
    (7, Fraction(50), 3),  # exactly on the edge of band 3
    (10, Fraction(1000, 14), 3),  # 71.4 %
    (11, Fraction(1100, 14), 4),  # 78.6 %
    (14, Fraction(100), 4),  # the last band includes 100
]


@pytest.mark.parametrize(
    ("raw", "pct", "level"), BAND_EDGES, ids=[f"{r}/14" for r, *_ in BAND_EDGES]
)
def test_band_edges(shipped: LoadedQuestionnaire, raw: int, pct: Fraction, level: int) -> None:
    result = result_for(shipped.questionnaire, (raw, 7, 7, 7, 7))
    first = result.components[0]
    assert first.score_pct == float(pct)
    assert first.level == level
    assert first.level_name == LEVEL_NAMES[level]
    assert [c.score_pct for c in result.components[1:]] == [50.0] * 4


# (raw points per component, ambition) -> component levels, overall pct and level.
OVERALL = [
    ((3, 4, 7, 10, 11), 3, [1, 2, 3, 3, 4], Fraction(50), 3),  # mean exactly on an edge
    ((0, 0, 0, 0, 0), 1, [1, 1, 1, 1, 1], Fraction(0), 1),
    ((14, 14, 14, 14, 14), 4, [4, 4, 4, 4, 4], Fraction(100), 4),
    ((14, 0, 14, 0, 7), 2, [4, 1, 4, 1, 3], Fraction(50), 3),
    ((3, 3, 3, 3, 4), 2, [1, 1, 1, 1, 2], Fraction(1600, 70), 1),  # 22.9 %
    ((8, 7, 6, 7, 7), 3, [3, 3, 2, 3, 3], Fraction(3500, 70), 3),
    ((11, 11, 10, 10, 11), 4, [4, 4, 3, 3, 4], Fraction(5300, 70), 4),  # 75.7 %
]


@pytest.mark.parametrize("case", OVERALL, ids=["-".join(map(str, case[0])) for case in OVERALL])
def test_overall_is_the_mean_of_the_components(
    shipped: LoadedQuestionnaire, case: tuple[tuple[int, ...], int, list[int], Fraction, int]
) -> None:
    raw, ambition, levels, overall_pct, overall_level = case
    result = result_for(shipped.questionnaire, raw, ambition)
    assert [c.score_pct for c in result.components] == [float(Fraction(100 * r, 14)) for r in raw]
    assert [c.level for c in result.components] == levels
    assert result.overall.score_pct == float(overall_pct)
    assert result.overall.level == overall_level
    assert result.overall.level_name == LEVEL_NAMES[overall_level]
    assert result.overall.ambition_level == ambition
    assert {c.ambition_level for c in result.components} == {ambition}


# (raw points, ambition) -> gap, verdict, points to the ambition band's lower bound.
GAPS = [
    (8, 3, 0, False, Fraction(0)),  # the README's worked example: Strategie
    (6, 3, -1, True, 50 - Fraction(600, 14)),  # ...and Kanaalmanagement: 7.1
    (0, 4, -3, True, Fraction(75)),
    (3, 3, -2, True, 50 - Fraction(300, 14)),
    (4, 2, 0, False, Fraction(0)),
    (3, 2, -1, True, 25 - Fraction(300, 14)),  # 3.6 points
    (7, 3, 0, False, Fraction(0)),  # exactly on the lower bound: reached
    (14, 1, 3, False, Fraction(0)),
    (11, 3, 1, False, Fraction(0)),
    (10, 4, -1, True, 75 - Fraction(1000, 14)),
    (14, 4, 0, False, Fraction(0)),
]


@pytest.mark.parametrize("case", GAPS, ids=[f"{r}/14-ambition-{a}" for r, a, *_ in GAPS])
def test_gap_and_points_to_ambition(
    shipped: LoadedQuestionnaire, case: tuple[int, int, int, bool, Fraction]
) -> None:
    raw, ambition, gap, behind, to_go = case
    first = result_for(shipped.questionnaire, (raw, 7, 7, 7, 7), ambition).components[0]
    assert first.gap == gap
    assert (first.gap < 0) == behind == (first.points_to_ambition > 0)
    assert first.points_to_ambition == float(to_go)


def test_worked_example_of_the_readme(shipped: LoadedQuestionnaire) -> None:
    result = result_for(shipped.questionnaire, (8, 7, 6, 7, 7), ambition=3)
    strategie, _, kanaal, *_ = result.components
    assert (strategie.name, round(strategie.score_pct, 1), strategie.level) == (
        "Strategie",
        57.1,
        3,
    )
    assert (kanaal.name, round(kanaal.score_pct, 1), kanaal.level) == ("Kanaalmanagement", 42.9, 2)
    assert (kanaal.gap, round(kanaal.points_to_ambition, 1)) == (-1, 7.1)


def test_components_in_questionnaire_order(shipped: LoadedQuestionnaire) -> None:
    result = result_for(shipped.questionnaire, (1, 2, 3, 4, 5))
    assert [(c.id, c.name) for c in result.components] == [
        (c.id, c.name) for c in shipped.questionnaire.components
    ]


def test_bands_and_weights_are_read_from_the_questionnaire() -> None:
    data = yaml.safe_load((REPO / "questionnaire.yaml").read_text("utf-8"))
    data["bands"] = [
        {"level": 1, "from_pct": 0, "to_pct": 40},
        {"level": 2, "from_pct": 40, "to_pct": 60},
        {"level": 3, "from_pct": 60, "to_pct": 90},
        {"level": 4, "from_pct": 90, "to_pct": 100},
    ]
    data["scale"][1]["weight"] = 2  # Neutraal counts as much as Eens
    data["scale"][2]["weight"] = 4
    questionnaire = Questionnaire.model_validate(data)
    # 7/14 raw is Eens x3, Neutraal x1, Oneens x3: (3 x 4 + 2) / 28 = 50 % -> level 2
    result = result_for(questionnaire, (7, 14, 0, 13, 7), ambition=3)
    assert [c.score_pct for c in result.components] == [
        50.0,
        100.0,
        0.0,
        float(Fraction(2600, 28)),
        50.0,
    ]
    assert [c.level for c in result.components] == [2, 4, 1, 4, 2]
    assert result.components[0].points_to_ambition == 10.0


def test_as_dict_keys_and_order(shipped: LoadedQuestionnaire) -> None:
    result = result_for(shipped.questionnaire, (3, 4, 7, 10, 11), ambition=3)
    data = scoring.as_dict(result)
    assert list(data) == ["components", "overall"]
    components = data["components"]
    assert isinstance(components, list)
    assert [list(c) for c in components] == [
        [
            "id",
            "name",
            "score_pct",
            "level",
            "level_name",
            "ambition_level",
            "gap",
            "points_to_ambition",
        ]
    ] * 5
    assert [c["id"] for c in components] == [c.id for c in shipped.questionnaire.components]
    assert components[0] == {
        "id": "strategie",
        "name": "Strategie",
        "score_pct": 300 / 14,
        "level": 1,
        "level_name": "De klantvriendelijke corporatie",
        "ambition_level": 3,
        "gap": -2,
        "points_to_ambition": 400 / 14,
    }
    assert data["overall"] == {
        "score_pct": 50.0,
        "level": 3,
        "level_name": "De klantgedreven corporatie",
        "ambition_level": 3,
        "gap": 0,
        "points_to_ambition": 0.0,
    }
    assert list(data["overall"]) == [  # type: ignore[call-overload]
        "score_pct",
        "level",
        "level_name",
        "ambition_level",
        "gap",
        "points_to_ambition",
    ]
