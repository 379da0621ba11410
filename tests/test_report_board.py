"""The board's report as a board reads it: every decision named, the words fit what is shown.

One organisation with components of every kind (three to act on, one to talk about first, one
to keep), a small organisation, a broken file and a copy in a consultant's folders; the whole
run's report is made once as HTML and once as PDF by real processes.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from markupsafe import escape
from pypdf import PdfReader

from krmscan import answers, questionnaire
from krmscan.answers import AnswerValue
from krmscan.messages import DUTCH, ENGLISH
from krmscan.questionnaire import LoadedQuestionnaire
from tests.support import run_krmscan, sample_answers

SECOND = Path(__file__).parent / "data" / "second.yaml"
ACT, TALK, KEEP = (0, 1, 2), 3, 4
"""Component positions in the shipped scan: all Oneens (behind, agreed), split, all Eens."""


def _write(
    loaded: LoadedQuestionnaire,
    path: Path,
    organisation: str,
    points: list[int],
    number: int,
    **chosen: AnswerValue,
) -> None:
    """One respondent's answers file, begun ``number`` minutes after the first."""
    begun = datetime(2026, 11, 2, 9, number, tzinfo=timezone(timedelta(hours=1)))
    given = sample_answers(loaded.questionnaire, organisation=organisation, statement_points=points)
    given.update(chosen)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(answers.dump(answers.build(loaded, given, begun, begun + timedelta(hours=1))))


def _points(loaded: LoadedQuestionnaire, split_high: bool) -> list[int]:
    """Statement points per component: ACT all Oneens, TALK all Eens or all Oneens, KEEP Eens."""
    points = []
    for index, component in enumerate(loaded.questionnaire.components):
        point = 2 if index == KEEP or (index == TALK and split_high) else 0
        points += [point] * len(component.statements)
    return points


@pytest.fixture(scope="module")
def run_folder(tmp_path_factory: pytest.TempPathFactory, shipped: LoadedQuestionnaire) -> Path:
    """Woonplus (8: every kind of finding), Woonbouw (6), Klein (2), a broken file, a copy."""
    root = tmp_path_factory.mktemp("board") / "consultant-jansen-map"
    for number in range(8):
        _write(
            shipped,
            root / "woonplus" / f"r{number}.json",
            "Woonplus",
            _points(shipped, number % 2 == 0),
            number,
            **({"krm_is": ["goed_beheersen"]} if number == 1 else {}),  # one person's choice
        )
    for number in range(6):
        _write(
            shipped,
            root / "woonbouw" / f"b{number}.json",
            "Woonbouw",
            _points(shipped, number % 3 == 0),
            number,
        )
    for number in range(2):
        _write(shipped, root / "klein" / f"k{number}.json", "Klein", _points(shipped, True), number)
    (root / "woonplus" / "kopie-r0.json").write_bytes((root / "woonplus" / "r0.json").read_bytes())
    (root / "stuk" / "kapot.json").parent.mkdir()
    (root / "stuk" / "kapot.json").write_text('{"format": ', "utf-8")
    return root


@pytest.fixture(scope="module")
def whole_html(run_folder: Path) -> str:
    out = run_folder.parent / "alles.html"
    done = run_krmscan("report", run_folder, "-o", out, timeout=120)
    assert done.returncode == 1, done.stderr  # a file was skipped
    return out.read_text("utf-8")


@pytest.fixture(scope="module")
def whole_pdf(run_folder: Path) -> Path:
    out = run_folder.parent / "alles.pdf"
    done = run_krmscan("report", run_folder, "-o", out, timeout=300)
    assert done.returncode == 1, done.stderr
    return out


def _summary(html: str, organisation: str = "Woonplus") -> str:
    own = html.index(f'<h1 class="running">{organisation}</h1>')
    start = html.index('<div class="summary page">', own)
    return html[start : html.index("</div>", start)]


def test_every_component_that_needs_a_decision_is_named_in_the_summary(
    whole_html: str, shipped: LoadedQuestionnaire
) -> None:
    components = shipped.questionnaire.components
    summary = _summary(whole_html)
    assert summary.count('<li class="finding act">') == 3  # the three spelled out
    talk = components[TALK].name
    assert f"<strong>{DUTCH.rep_kind_talk}:</strong> {talk}." in summary
    acts = ", ".join(components[i].name for i in ACT)
    assert f"<strong>{DUTCH.rep_kind_act}:</strong> {acts}." in summary
    assert f"<strong>{DUTCH.rep_kind_keep}:</strong> {components[KEEP].name}." in summary


def test_the_appendix_names_files_inside_the_folder_given(
    whole_html: str, run_folder: Path
) -> None:
    appendix = whole_html[whole_html.index('<section class="appendix"') :]
    assert "<li>stuk/kapot.json</li>" in appendix
    assert "<li>woonplus/kopie-r0.json: woonplus/r0.json</li>" in appendix
    assert "consultant-jansen-map" not in whole_html
    assert str(run_folder.parent) not in whole_html


def test_the_contents_say_a_small_group_is_left_out(whole_html: str) -> None:
    cover = whole_html[: whole_html.index('<section class="organisation"')]
    assert DUTCH.rep_contents_left_out_one.format(min_group=5) in cover
    assert "Klein" not in whole_html  # not named: nothing of it in the file
    assert 'id="org-3"' not in whole_html  # and it is not in it


def test_one_way_to_write_a_percentage(whole_html: str) -> None:
    """A number, a space that never breaks, the sign: in the words and in the bars alike."""
    assert re.findall(r"\d%", whole_html.replace("%;", "").replace('%"', "")) == []
    assert not re.search(r"\d %", whole_html)  # no line break between number and sign
    assert re.search(r">100\u00a0%</span>", whole_html)  # a stacked bar's share
    assert "(50\u00a0%)" in whole_html  # the radar's caption, from the catalogue


def test_the_method_mentions_the_radar_only_where_there_is_one(whole_html: str) -> None:
    assert escape(DUTCH.rep_method_radar) in whole_html
    assert DUTCH.rep_method_total.format(n=5) in whole_html


def test_one_component_method_worded_for_one(tmp_path: Path) -> None:
    text = SECOND.read_text("utf-8")
    path = tmp_path / "one.yaml"
    path.write_text(text[: text.index("  - id: people")], "utf-8")
    loaded = questionnaire.load(path)
    for number in range(5):
        _write(loaded, tmp_path / "in" / f"{number}.json", "Solo Team", [number % 5] * 4, number)
    out = tmp_path / "one.html"
    done = run_krmscan("report", "-q", path, tmp_path / "in", "-o", out)
    assert done.returncode == 0, done.stderr
    html = out.read_text("utf-8")
    assert ENGLISH.rep_method_total_one in html
    assert "mean of the 1 components" not in html
    assert ENGLISH.rep_method_radar not in html
    assert '<figure class="chart radar">' not in html


def test_a_small_groups_report_mentions_no_standard_deviation(run_folder: Path) -> None:
    out = run_folder.parent / "klein.html"
    done = run_krmscan("report", run_folder / "klein", "--include-small-groups", "-o", out)
    assert done.returncode == 0, done.stderr
    html = out.read_text("utf-8")
    # named only among what is withheld (the notice, the method): never as a figure
    assert html.count("standaardafwijking") == 2 and DUTCH.col_sd not in html
    assert not re.search(r"standaardafwijking \d", html)
    assert "spreiding" not in html.lower()  # neither the bars' heading nor the table's
    assert DUTCH.rep_bars_heading_small in html
    assert "Score 0,0\u00a0%: niveau 1" in html


def _text_sizes(pdf: Path, page: int) -> list[tuple[float, str]]:
    """Every text on a page with the size it prints at, in points."""
    found: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            c = tm[2] * cm[0] + tm[3] * cm[2]
            d = tm[2] * cm[1] + tm[3] * cm[3]
            found.append((size * (c * c + d * d) ** 0.5, text.strip()))

    PdfReader(pdf).pages[page].extract_text(visitor_text=visit)
    return found


def test_chart_text_prints_at_eight_points_at_least(whole_pdf: Path) -> None:
    pages = [page.extract_text() for page in PdfReader(whole_pdf).pages]
    overview = next(
        i for i, text in enumerate(pages) if text.startswith(DUTCH.rep_overview_heading)
    )
    sizes = _text_sizes(whole_pdf, overview)
    rings = [size for size, text in sizes if text in {"25", "50", "75"}]
    assert len(rings) >= 3  # the radar's ring labels, as text
    assert min(size for size, _ in sizes) >= 7.99, sorted(sizes)[:5]


def test_every_page_of_the_appendix_names_it_in_the_footer(whole_pdf: Path) -> None:
    pages = [page.extract_text() for page in PdfReader(whole_pdf).pages]
    appendix = [text for text in pages if text.startswith(DUTCH.rep_appendix_heading)]
    assert appendix
    for text in appendix:
        footer = text.strip().splitlines()[-2:]
        assert any(DUTCH.rep_appendix_heading in line for line in footer), footer
        assert not any(line.startswith(DUTCH.rep_method_heading) for line in footer)


def _choices(html: str, organisation: str = "Woonplus") -> str:
    own = html.index(f'<h1 class="running">{organisation}</h1>')
    start = html.index('<div class="choices">', own)
    return html[start : html.index("</section>", start)]


def test_an_answer_few_chose_is_counted_as_the_statements_are(whole_html: str) -> None:
    """Above the minimum group, an option fewer than 5 chose shows its share and count too."""
    choices = _choices(whole_html)
    row = choices[choices.index("iets dat wij goed beheersen") :]
    row = row[: row.index("</tr>")]
    assert re.search(r'<td class="score">\d+\xa0%\s\([1-4]\)</td>', row), row
    assert "&lt;" not in choices
    assert "(7)" in choices and "(8)" in choices
    assert escape(DUTCH.rep_choices_shown.format(min_group=5)) in choices


def test_other_texts_only_when_asked(whole_html: str, run_folder: Path) -> None:
    choices = _choices(whole_html)
    assert "eigen tekst bij" not in whole_html
    left_out = DUTCH.rep_other_texts_left_out.format(option="Anders, namelijk")
    assert escape(left_out) in choices
    out = run_folder.parent / "met-teksten.html"
    done = run_krmscan("report", run_folder / "woonplus", "--other-texts", "-o", out)
    assert done.returncode == 0, done.stderr
    shown = out.read_text("utf-8")
    assert "eigen tekst bij krm_doelen" in shown
    assert escape(left_out) not in shown
