"""One truth in chart and words: on random data sets, the components inside the radar's
ambition line are exactly those the summary calls behind, and those the ranking puts first."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

import matplotlib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matplotlib.lines import Line2D

from krmscan import aggregate, questionnaire
from krmscan.collect import Collected, Respondent
from krmscan.questionnaire import LoadedQuestionnaire
from krmscan.report import charts, content, document
from krmscan.scoring import Scorer

STARTED = datetime(2026, 11, 27, 10, 0, tzinfo=timezone.utc)

SECOND = Path(__file__).parent / "data" / "second.yaml"
LOADED = {"shipped": questionnaire.load(), "second": questionnaire.load(SECOND)}


@st.composite
def data_sets(draw: st.DrawFn) -> tuple[LoadedQuestionnaire, list[Respondent]]:
    """A questionnaire and up to 3 organisations of random respondents (band edges included)."""
    loaded = LOADED[draw(st.sampled_from(sorted(LOADED)))]
    q = loaded.questionnaire
    scorer = Scorer(q)
    levels = [level.level for level in q.levels]
    statements = len(q.statements)
    points = len(q.scale)
    respondents = []
    for index in range(draw(st.integers(1, 3))):
        # Answers drawn around a tendency per organisation, so 'behind' and 'not' both occur.
        high = draw(st.integers(1, points))
        for number in range(draw(st.integers(1, 9))):
            codes = bytes(
                draw(st.lists(st.integers(1, high), min_size=statements, max_size=statements))
            )
            respondents.append(
                Respondent(
                    file=f"{index}-{number}.json",
                    organisation=f"Org {index}",
                    ambition=draw(st.sampled_from(levels)),
                    points=tuple(scorer.points_of(codes)),
                    codes=codes,
                    choices={},
                    others={},
                    texts={},
                    digest=bytes([index, number]),
                    started_at=STARTED,
                    completed_at=STARTED,
                    anonymous=False,
                )
            )
    return loaded, respondents


def inside_on_the_radar(figure: matplotlib.figure.Figure) -> list[int]:
    """Indexes of the components whose measured point lies inside the ambition line."""
    (axes,) = figure.axes
    lines = {line.get_gid(): line for line in axes.get_lines() if isinstance(line, Line2D)}
    measured = list(lines["measured"].get_ydata())[:-1]  # closed: the first point repeated
    ambition = list(lines["ambition"].get_ydata())[:-1]
    return [i for i, (m, a) in enumerate(zip(measured, ambition, strict=True)) if m < a]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data_sets())
def test_inside_the_ambition_line_is_what_the_words_call_behind(
    data: tuple[LoadedQuestionnaire, list[Respondent]],
) -> None:
    loaded, respondents = data
    q = loaded.questionnaire
    results = aggregate.results(q, respondents, min_group=3)
    renderer = document.Renderer(results, Collected(respondents, []))
    reports = content.organisation_reports(results, include_small=True)
    names = [c.name for c in q.components]
    with matplotlib.rc_context(charts.STYLE):  # one radar, redrawn per report, as the report does
        radar = charts.Radar(q, names, ("score", "ambition"))
    for report in reports:
        components = report.summary.components
        assert [c.name for c in components] == names
        with matplotlib.rc_context(charts.STYLE):
            figure = radar.update(components)
        chart = {names[i] for i in inside_on_the_radar(figure)}
        html = renderer.html(
            document.Document("", [report], whole_run=False), lambda _: {"radar": "", "bars": ""}
        )
        said = re.search(r'<p class="behind">([^<]*)</p>', html)
        assert said is not None
        words = said.group(1).strip()
        if chart:
            named = words.removeprefix("Achter op de ambitie: ").removeprefix(
                "Behind the ambition: "
            )
            assert set(named.rstrip(".").split(", ")) == chart
        else:
            assert words in (
                "Geen enkel onderdeel ligt achter op de ambitie.",
                "No component is behind the ambition.",
            )
        # The ranking agrees: behind and not disputed is 'act', and nothing else is.
        acted = {f.component.name for f in report.findings if f.kind is aggregate.Kind.ACT}
        disputed = {c.name for c in components if c.shared_view is False and not report.withheld}
        assert acted == chart - disputed
        # The table says the same: points to the ambition above 0 exactly when inside.
        assert {c.name for c in components if c.points_to_ambition > 0} == chart
