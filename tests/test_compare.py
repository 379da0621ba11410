"""The comparisons and the quality of the measurement, against values worked out by hand."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from datetime import datetime, timezone
from fractions import Fraction

import numpy as np
import pytest

from krmscan import compare
from krmscan.collect import Respondent
from krmscan.compare import Position, Sample
from krmscan.messages import DUTCH, ENGLISH
from krmscan.questionnaire import (
    Component,
    LoadedQuestionnaire,
    MultipleChoiceQuestion,
    Option,
    Questionnaire,
    SingleChoiceQuestion,
    Statement,
)

STARTED = datetime(2026, 11, 27, 10, 0, tzinfo=timezone.utc)
CODES = {"O": 1, "N": 2, "E": 3}
WEIGHTS = {"O": 0, "N": 1, "E": 2}


def letters(points: int, size: int = 7) -> str:
    """``size`` answers whose weights add up to ``points``: Eens, then Neutraal, then Oneens."""
    assert 0 <= points <= 2 * size
    text = "E" * (points // 2) + "N" * (points % 2)
    return text + "O" * (size - len(text))


def person(
    questionnaire: Questionnaire,
    organisation: str,
    answers: Sequence[str],
    *,
    choices: dict[str, tuple[str, ...]] | None = None,
    number: int = 0,
) -> Respondent:
    """A respondent with these answer letters per component."""
    assert [len(a) for a in answers] == [len(c.statements) for c in questionnaire.components]
    return Respondent(
        file=f"{organisation}-{number}.json",
        organisation=organisation,
        ambition=3,
        points=tuple(sum(WEIGHTS[x] for x in a) for a in answers),
        codes=bytes(CODES[x] for a in answers for x in a),
        choices=choices or {},
        others={},
        texts={},
        digest=bytes([number % 256]) * 32,
        started_at=STARTED,
        completed_at=STARTED,
        anonymous=False,
    )


def by_points(
    questionnaire: Questionnaire, organisation: str, points: Sequence[int], *, first: int = 0
) -> list[Respondent]:
    """One respondent per entry of ``points``: that many points on the first component, the
    others answered Neutraal."""
    rest = [letters(len(c.statements), len(c.statements)) for c in questionnaire.components[1:]]
    return [
        person(questionnaire, organisation, [letters(p), *rest], number=first + n)
        for n, p in enumerate(points)
    ]


# Student's t.


def test_t_quantile_against_closed_forms() -> None:
    """df 1, 2 and 4 have closed forms; the module inverts the incomplete beta function."""
    for p in (0.6, 0.9, 0.975, 0.995, 0.025):
        assert compare.t_quantile(p, 1) == pytest.approx(math.tan(math.pi * (p - 0.5)), abs=1e-9)
        two = (2 * p - 1) / math.sqrt(2 * p * (1 - p))
        assert compare.t_quantile(p, 2) == pytest.approx(two, abs=1e-9)
        alpha = 4 * p * (1 - p)
        q = math.cos(math.acos(math.sqrt(alpha)) / 3) / math.sqrt(alpha)
        four = math.copysign(2 * math.sqrt(q - 1), p - 0.5)
        assert compare.t_quantile(p, 4) == pytest.approx(four, abs=1e-9)


@pytest.mark.parametrize(
    ("df", "expected"),
    [  # t(0.975, df), as scipy.stats.t.ppf gives it
        (3, 3.182446305284263),
        (8, 2.306004135204166),
        (10, 2.228138851986273),
        (30, 2.042272456301238),
        (999, 1.962341461),
        (1000, 1.962339081),  # from here the expansion
        (100_000, 1.959987708),
    ],
)
def test_t_quantile_against_tables(df: float, expected: float) -> None:
    assert compare.t_quantile(0.975, df) == pytest.approx(expected, abs=1e-7)


def test_t_quantile_inverts_the_cdf_for_fractional_df() -> None:
    for df in (1.3, 2.7, 7.25, 41.9, 512.5):
        for p in (0.55, 0.8, 0.975, 0.999):
            assert compare.t_cdf(compare.t_quantile(p, df), df) == pytest.approx(p, abs=1e-12)


# The benchmark.

POINTS = {"A": 2, "B": 4, "C": 6, "D": 8, "E": 10, "F": 12}
"""Six organisations' mean points on Strategie (out of 14), each of 5 respondents."""


def six_organisations(questionnaire: Questionnaire) -> list[Respondent]:
    found = []
    for name, p in POINTS.items():
        found += by_points(questionnaire, name, [p - 1, p + 1, p, p, p])
    # a seventh organisation below --min-group 5: it does not count
    found += by_points(questionnaire, "Klein", [14, 14, 14], first=50)
    return found


def test_benchmark_of_six_organisations(shipped: LoadedQuestionnaire) -> None:
    q = shipped.questionnaire
    respondents = six_organisations(q)
    found = compare.benchmark(q, respondents, min_group=5)
    assert found.available
    assert found.organisations == 6
    strategie = found.components[0]
    # Means 2, 4, 6, 8, 10, 12 points of 14; inclusive quartiles at positions (6 - 1) p:
    # Q1 at 1.25 -> 4 + 0.25 x 2 = 4.5, median at 2.5 -> 7, Q3 at 3.75 -> 8 + 0.75 x 2 = 9.5.
    assert strategie.q1 == Fraction(450, 14)
    assert strategie.median == Fraction(700, 14)
    assert strategie.q3 == Fraction(950, 14)
    # Every other component is answered Neutraal throughout: 50 % everywhere.
    assert {(c.q1, c.median, c.q3) for c in found.components[1:]} == {(50, 50, 50)}
    positions = {}
    for name in POINTS:
        members = [r for r in respondents if r.organisation == name]
        sample = compare.organisation_samples(q, members)[0]
        positions[name] = strategie.position(sample.mean)
    assert positions == {
        "A": Position.LOWEST,
        "B": Position.LOWEST,
        "C": Position.BELOW_MEDIAN,
        "D": Position.ABOVE_MEDIAN,
        "E": Position.HIGHEST,
        "F": Position.HIGHEST,
    }
    assert found.components[1].position(Fraction(50)) is Position.AT_MEDIAN
    data = compare.benchmark_json(found, compare.organisation_samples(q, respondents[:5]), DUTCH)
    first = data["components"][0]  # type: ignore[index]
    assert first["median_pct"] == pytest.approx(50.0)
    assert first["iqr_pct"] == pytest.approx(500 / 14)
    assert first["position_text"] == "bij de laagste 25 %"


def test_no_benchmark_below_five_organisations(shipped: LoadedQuestionnaire) -> None:
    q = shipped.questionnaire
    respondents = [r for r in six_organisations(q) if r.organisation not in {"A", "B"}]
    found = compare.benchmark(q, respondents, min_group=5)
    assert not found.available
    assert found.components == []
    data = compare.benchmark_json(found, [], DUTCH)
    assert data["available"] is False
    assert data["reason"] == (
        "Geen benchmark: 4 organisatie(s) met minstens 5 respondenten, er zijn er minstens 5 nodig."
    )
    # with --min-group 3 the small organisation counts too: 5 qualify
    assert compare.benchmark(q, respondents, min_group=3).available


# The previous round.


def test_changes_and_intervals_by_hand(shipped: LoadedQuestionnaire) -> None:
    q = shipped.questionnaire
    earlier = by_points(q, "Woonstede", [4, 6, 8, 6, 6])
    now = by_points(q, " WOONSTEDE", [10, 12, 14, 12, 12])
    found = compare.previous_round(q, q, compare.common(q, q), now, earlier)
    assert found.name == "Woonstede"
    strategie = found.components[0]
    # Both rounds: variance 2 points^2; a point is 100/14 %. d = 6 points, se^2 = (2/5 + 2/5)
    # points^2, df = 0.8^2 / (2 x 0.4^2 / 4) = 8, t(0.975, 8) = 2.306004135.
    f = 100 / 14
    margin = 2.306004135204166 * math.sqrt(0.8) * f
    assert strategie.change.difference == pytest.approx(6 * f)
    assert strategie.change.low == pytest.approx(6 * f - margin)
    assert strategie.change.high == pytest.approx(6 * f + margin)
    assert strategie.change.direction == 1
    assert compare.verdict(strategie.change, DUTCH) == "beter"
    assert (strategie.earlier.n, strategie.current.n) == (5, 5)
    assert strategie.earlier.mean_pct == pytest.approx(6 * f)
    assert (strategie.earlier.level, strategie.current.level) == (2, 4)  # 42.9 and 85.7 %
    assert strategie.statements == 7
    assert strategie.earlier.rwg is not None
    # the other components did not change at all: a zero-width interval around 0
    assert {c.change.direction for c in found.components[1:]} == {0}


def test_a_change_inside_the_interval_is_no_clear_change(shipped: LoadedQuestionnaire) -> None:
    q = shipped.questionnaire
    earlier = by_points(q, "De Key", [2, 10, 6, 4, 8])  # mean 6
    now = by_points(q, "De Key", [3, 11, 6, 4, 8])  # mean 6.4
    change = compare.previous_round(q, q, compare.common(q, q), now, earlier).components[0]
    assert change.change.difference == pytest.approx(0.4 * 100 / 14)
    assert change.change.low is not None and change.change.low < 0 < change.change.high  # type: ignore[operator]
    assert compare.verdict(change.change, DUTCH) == "geen duidelijke verandering"
    data = compare.previous_json(
        compare.previous_round(q, q, compare.common(q, q), now, earlier), 5, DUTCH
    )
    assert data["components"][0]["verdict"] == "geen duidelijke verandering"  # type: ignore[index]


def test_welch_with_unequal_groups_by_hand() -> None:
    first, second = [0, 2, 4], [2, 4, 6, 8, 10, 6]
    a, b = Sample.of(first, 100), Sample.of(second, 100)  # most 100: points are percentages
    # means 2 and 6, sample variances 8/2 = 4 and 40/5 = 8: se^2 = 4/3 + 8/6 = 8/3,
    # df = (8/3)^2 / ((4/3)^2 / 2 + (4/3)^2 / 5) = 40/7
    change = compare.welch(a, b)
    margin = compare.t_quantile(0.975, 40 / 7) * math.sqrt(8 / 3)
    assert change.difference == pytest.approx(4.0)
    assert (change.low, change.high) == pytest.approx((4 - margin, 4 + margin))
    assert compare.welch(Sample.of([5], 100), b).low is None  # one respondent: no interval


def test_a_questionnaire_that_dropped_a_statement(shipped: LoadedQuestionnaire) -> None:
    q = shipped.questionnaire
    first, *others = q.components
    dropped = first.statements[0]
    earlier_q = q.model_copy(
        update={
            "components": [
                first.model_copy(update={"statements": first.statements[1:]}),
                *others[:-1],  # and the last component did not exist then
            ]
        }
    )
    shared = compare.common(q, earlier_q)
    assert shared.statements_left_out == [dropped.id]
    assert shared.components_left_out == [others[-1].id]
    neutral = [len(c.statements) * "N" for c in earlier_q.components[1:]]
    earlier = [person(earlier_q, "X", ["OOOOOO", *neutral], number=n) for n in range(5)]
    # now everyone agrees with the dropped statement only: 2 of 14 points, but 0 of the shared 12
    now = [person(q, "X", ["EOOOOOO", *neutral, "N" * 7], number=n) for n in range(5)]
    found = compare.previous_round(q, earlier_q, shared, now, earlier)
    assert [c.id for c in found.components] == [c.id for c in earlier_q.components]
    strategie = found.components[0]
    assert strategie.statements == 6
    assert strategie.current.mean_pct == 0
    assert strategie.change.difference == 0
    assert compare.verdict(strategie.change, DUTCH) == "geen duidelijke verandering"
    left = compare.previous_json(found, 5, DUTCH)["left_out"]
    assert left == {"components": [others[-1].id], "statements": [dropped.id]}
    # in words: the component by its name, the statement by its text (cut at a word, one
    # ellipsis) and its component, each with the round that has it
    short = "In onze missie staan onze huurders centraal, niet producten…"
    assert dropped.text.startswith(short[:-1] + " ")
    assert compare.left_out_texts(shared, DUTCH) == [
        "het onderdeel Operationeel management (alleen in deze ronde)",
        f"de stelling '{short}' van Strategie (alleen in deze ronde)",
    ]
    assert compare.left_out_texts(compare.common(earlier_q, q), ENGLISH) == [
        "the component Operationeel management (only in the previous round)",
        f"the statement '{short}' of Strategie (only in the previous round)",
    ]


def test_an_organisation_without_a_previous_round(shipped: LoadedQuestionnaire) -> None:
    q = shipped.questionnaire
    found = compare.previous_round(q, q, compare.common(q, q), by_points(q, "Y", [3] * 5), None)
    data = compare.previous_json(found, 5, DUTCH)
    assert data["found"] is False
    assert data["reason"] == DUTCH.previous_not_found


def test_a_small_round_is_not_compared(shipped: LoadedQuestionnaire) -> None:
    """Four earlier respondents: their mean beside today's would show a small group."""
    q = shipped.questionnaire
    now, earlier = by_points(q, "Y", [3] * 6), by_points(q, "Y", [9] * 4)
    found = compare.previous_round(q, q, compare.common(q, q), now, earlier, min_group=5)
    assert found.withheld and found.components == []
    data = compare.previous_json(found, 5, DUTCH)
    assert data["found"] is True and data["components"] == []
    assert data["reason"] == (
        "Niet vergeleken met de vorige ronde: een van beide rondes heeft minder dan 5 respondenten."
    )
    assert compare.previous_round(q, q, compare.common(q, q), now, earlier, min_group=4).components


# Segments.

AFDELING = SingleChoiceQuestion(
    id="afdeling",
    type="single_choice",
    text="Afdeling",
    options=[Option(id=x, text=f"Afdeling {x}") for x in ("a", "b", "c")],
)


def department(q: Questionnaire, sizes: dict[str, int], points: dict[str, int]) -> list[Respondent]:
    found: list[Respondent] = []
    for option, size in sizes.items():
        for member in by_points(q, "Org", [points.get(option, 7)] * size, first=len(found)):
            found.append(
                Respondent(**{**_fields(member), "choices": {"afdeling": (option,)}})  # type: ignore[arg-type]
            )
    return found


def _fields(respondent: Respondent) -> dict[str, object]:
    return {name: getattr(respondent, name) for name in Respondent.__slots__}


def test_small_segments_merge_into_overig(shipped: LoadedQuestionnaire) -> None:
    q = shipped.questionnaire
    members = department(q, {"a": 7, "b": 3, "c": 2}, {"a": 12, "b": 2, "c": 4})
    found = compare.segments(q, AFDELING, members, min_group=5, other="overig")
    assert [(s.option, s.text, s.n) for s in found.segments] == [
        ("a", "Afdeling a", 7),
        (None, "overig", 5),
    ]
    assert found.merged == ["b", "c"]
    a, overig = found.segments
    assert a.components[0].mean_pct == pytest.approx(1200 / 14)
    assert overig.components[0].mean_pct == pytest.approx((3 * 2 + 2 * 4) * 100 / (5 * 14))
    assert a.components[0].against_rest is not None
    assert a.components[0].against_rest.direction == 1  # clearly higher than the rest
    assert a.components[1].against_rest is not None
    assert a.components[1].against_rest.direction == 0
    text = str(compare.segments_json(found, DUTCH))
    assert "Afdeling b" not in text and "Afdeling c" not in text


def test_a_small_overig_takes_the_next_segment_with_it(shipped: LoadedQuestionnaire) -> None:
    """8 + 3 + 1: "overig" (4) is too small, and showing 'a' would give it away (12 - 8)."""
    q = shipped.questionnaire
    members = department(q, {"a": 8, "b": 3, "c": 1}, {})
    found = compare.segments(q, AFDELING, members, min_group=5, other="overig")
    assert found.segments == []
    assert found.merged == ["a", "b", "c"]
    assert compare.segments_json(found, DUTCH)["reason"] == (
        "Geen segment met minstens 5 respondenten; niets getoond."
    )


def test_a_large_option_whose_rest_is_small_is_not_shown(shipped: LoadedQuestionnaire) -> None:
    """Multiple choice: 10 of 12 chose 'a', so 'a' beside the whole would reveal the other 2."""
    q = shipped.questionnaire
    question = MultipleChoiceQuestion(
        id="afdeling",
        type="multiple_choice",
        text="Afdeling",
        options=AFDELING.options,
        min_choices=0,
    )
    members = department(q, {"a": 10, "b": 2}, {})
    found = compare.segments(q, question, members, min_group=5, other="overig")
    assert found.segments == []
    # every respondent chose 'a' and 'b' or 'c': 'a' (12) is the whole organisation, shown
    both = [
        Respondent(**{**_fields(m), "choices": {"afdeling": ("a", "bc"[n % 2])}})  # type: ignore[arg-type]
        for n, m in enumerate(members)
    ]
    found = compare.segments(q, question, both, min_group=5, other="overig")
    assert [(s.option, s.n) for s in found.segments] == [("a", 12), ("b", 6), ("c", 6)]
    assert found.segments[0].components[0].against_rest is None


def test_segments_of_a_small_organisation(shipped: LoadedQuestionnaire) -> None:
    q = shipped.questionnaire
    found = compare.segments(q, AFDELING, department(q, {"a": 4}, {}), min_group=5, other="o")
    assert found.segments == []


# The quality of the measurement.


def three_statements(q: Questionnaire) -> Questionnaire:
    component = Component(
        id="x",
        name="X",
        statements=[Statement(id=f"s{i}", text=f"Stelling {i}") for i in (1, 2, 3)],
    )
    return q.model_copy(update={"components": [component]})


def test_cronbach_alpha_and_item_rest_by_hand(shipped: LoadedQuestionnaire) -> None:
    q = three_statements(shipped.questionnaire)
    rows = ["EEN", "NNO", "ENN", "OOO"]  # weights 2 2 1 / 1 1 0 / 2 1 1 / 0 0 0
    found = compare.quality(q, [person(q, "Z", [row], number=n) for n, row in enumerate(rows)])
    (x,) = found
    # item variances 11/12, 2/3, 1/3 (sum 23/12); total 5, 2, 4, 0 has variance 59/12:
    # alpha = 3/2 (1 - 23/59) = 54/59
    assert x.alpha == pytest.approx(54 / 59)
    assert x.n == 4 and x.statements == 3
    assert not x.flagged
    # statement 1 against the rest 3, 1, 2, 0: cross products 3.5, sums of squares 2.75 and 5
    assert [i.r for i in x.item_rest] == pytest.approx(
        [3.5 / math.sqrt(2.75 * 5), 3 / math.sqrt(2 * 6.75), 2.5 / math.sqrt(1 * 8.75)]
    )


def test_quality_against_numpy(shipped: LoadedQuestionnaire) -> None:
    """A second implementation: the covariance matrix and numpy's correlation coefficients."""
    q = shipped.questionnaire
    rng = random.Random(12)
    respondents = []
    for n in range(300):
        tendency = rng.random()
        answers = [
            "".join(
                "OEN"[min(2, int(3 * (0.6 * tendency + 0.4 * rng.random())))]
                if index != 4
                else rng.choice("OEN")  # the last component measures nothing
                for _ in c.statements
            )
            for index, c in enumerate(q.components)
        ]
        respondents.append(person(q, "R", answers, number=n))
    found = compare.quality(q, respondents)
    start = 0
    for index, component in enumerate(q.components):
        k = len(component.statements)
        x = np.array(
            [[WEIGHTS["ONE"[r.codes[start + i] - 1]] for i in range(k)] for r in respondents],
            dtype=float,
        )
        covariance = np.cov(x, rowvar=False)
        alpha = k / (k - 1) * (1 - np.trace(covariance) / covariance.sum())
        assert found[index].alpha == pytest.approx(alpha, abs=1e-12)
        totals = x.sum(axis=1)
        for i, rest in enumerate(found[index].item_rest):
            expected = np.corrcoef(x[:, i], totals - x[:, i])[0, 1]
            assert rest.r == pytest.approx(expected, abs=1e-12)
        start += k
    assert [f.flagged for f in found] == [False, False, False, False, True]
    data = compare.quality_json(found, DUTCH)
    assert data["components"][4]["flag"] == "onderdeel meet mogelijk niet één ding"  # type: ignore[index]


def test_no_alpha_without_variance(shipped: LoadedQuestionnaire) -> None:
    q = three_statements(shipped.questionnaire)
    (x,) = compare.quality(q, [person(q, "Z", ["NNN"], number=n) for n in range(4)])
    assert x.alpha is None
    assert [i.r for i in x.item_rest] == [None, None, None]


# What the terminal shows.


def test_both_catalogues_name_the_comparisons(shipped: LoadedQuestionnaire) -> None:
    from krmscan import render

    q = shipped.questionnaire
    respondents = six_organisations(q)
    members = [r for r in respondents if r.organisation == "A"]
    (figures,) = compare.comparisons(
        q, [members], min_group=5, messages=ENGLISH, benchmark_respondents=respondents
    )
    text = " ".join(render.as_text(render.comparison_view(figures, ENGLISH), width=80).split())
    assert "Benchmark: 6 organisations with at least 5 respondents" in text
    assert "among the lowest 25 %" in text
    assert set(ENGLISH._fields) == set(DUTCH._fields)
    assert all(getattr(ENGLISH, name) for name in ENGLISH._fields)


@pytest.mark.parametrize("width", [60, 80])
def test_the_comparison_tables_fit_the_terminal(shipped: LoadedQuestionnaire, width: int) -> None:
    from krmscan import render

    q = shipped.questionnaire
    respondents = six_organisations(q)
    members = [r for r in respondents if r.organisation == "E"]
    earlier = by_points(q, "e", [4, 6, 8, 6, 6])
    (figures,) = compare.comparisons(
        q,
        [members],
        min_group=5,
        messages=DUTCH,
        benchmark_respondents=respondents,
        earlier=(q, earlier),
        by=AFDELING,
    )
    text = render.as_text(render.comparison_view(figures, DUTCH), width=width)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width
    flat = " ".join(text.split())
    assert "Benchmark: 6 organisaties met minstens 5 respondenten" in flat
    assert "bij de hoogste 25 %" in flat  # E: 10 points, above Q3 = 9.5
    assert "Sinds de vorige scan (toen 5 respondenten, nu 5)" in flat
    assert "beter" in flat  # 6 -> 10 points
    assert "Geen segment met minstens 5 respondenten" in flat  # nobody answered 'afdeling'
    quality = render.as_text(
        render.quality_view(compare.quality(q, respondents), DUTCH), width=width
    )
    assert max(len(line) for line in quality.splitlines()) <= width
    assert "Kwaliteit van de meting" in quality
