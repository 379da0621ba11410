"""One comparison with the ambition: the mean score against where the ambition's band starts."""

from __future__ import annotations

from datetime import datetime, timezone
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from krmscan import aggregate
from krmscan.collect import Respondent
from krmscan.questionnaire import LoadedQuestionnaire
from krmscan.scoring import level_for

STARTED = datetime(2026, 11, 27, 10, 0, tzinfo=timezone.utc)


def _respondent(number: int, points: tuple[int, ...], ambition: int) -> Respondent:
    return Respondent(
        file=f"r{number}.json",
        organisation="Woonstede",
        ambition=ambition,
        points=points,
        codes=bytes([1] * 35),
        choices={},
        others={},
        texts={},
        digest=bytes([number % 256]),
        started_at=STARTED,
        completed_at=STARTED,
        anonymous=False,
    )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.tuples(*[st.integers(0, 14)] * 5), st.integers(1, 4)),
        min_size=1,
        max_size=12,
    )
)
def test_behind_exactly_when_the_mean_is_below_the_ambition_edge(
    shipped: LoadedQuestionnaire, people: list[tuple[tuple[int, ...], int]]
) -> None:
    questionnaire = shipped.questionnaire
    respondents = [_respondent(i, points, ambition) for i, (points, ambition) in enumerate(people)]
    summary = aggregate.organisation_summary(questionnaire, ["Woonstede"], respondents)
    for index, component in enumerate(summary.components):
        mean = Fraction(sum(r.points[index] for r in respondents) * 100, 14 * len(respondents))
        assert component.behind == (mean < Fraction(component.ambition_pct))
        assert component.behind == (level_for(questionnaire.bands, mean) < summary.ambition.median)
        missing = max(Fraction(0), Fraction(component.ambition_pct) - mean)
        assert abs(Fraction(component.points_to_ambition) - missing) < Fraction(1, 10**9)
