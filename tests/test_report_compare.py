"""`krmscan report` with --benchmark, --previous, --by, and the consultant's --overview."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
from pypdf import PdfReader

from krmscan.questionnaire import LoadedQuestionnaire
from tests.boards import write_boards
from tests.browser import Browser, find_chromium
from tests.support import run_krmscan
from tests.test_compare_cli import write

SIZES = {
    "De Woonmaatschappij": 30,
    "Huis & Haard": 12,
    "Woonstad Oost": 3,
    "Alpha Wonen": 9,
    "Beta Wonen": 8,
    "Gamma Huur": 15,
}
"""Five organisations of at least 5 (a benchmark) and a small one."""


@pytest.fixture(scope="module")
def rounds(tmp_path_factory: pytest.TempPathFactory, shipped: LoadedQuestionnaire) -> Path:
    """This round under ``nu/``, the previous one (other answers) under ``toen/``."""
    root = tmp_path_factory.mktemp("rounds")
    write_boards(shipped, root / "nu", SIZES, seed=11)
    write_boards(shipped, root / "toen", SIZES, seed=5)
    return root


@pytest.fixture(scope="module")
def split_html(rounds: Path) -> Path:
    folder = rounds / "split"
    done = run_krmscan(
        "report",
        rounds / "nu",
        "--split",
        folder,
        "--format",
        "html",
        "--benchmark",
        rounds / "nu",
        "--previous",
        rounds / "toen",
        "--by",
        "krm_is",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return folder


def others_named(text: str, own: str) -> list[str]:
    """The organisations of the run other than ``own`` whose name is in ``text``."""
    flat = " ".join(text.split())
    return [name for name in SIZES if name != own and name in flat.replace("&amp;", "&")]


def test_no_other_organisation_named_in_a_split_report(split_html: Path) -> None:
    files = sorted(split_html.glob("*.html"))
    assert len(files) == 5  # the small organisation gets no report
    for file in files:
        html = file.read_text("utf-8")
        own = next(name for name in SIZES if file.stem == name or name in html[:2000])
        assert 'class="benchmark"' in html  # the benchmark is there ...
        assert others_named(html, own) == []  # ... and names nobody else


def test_no_other_organisation_named_in_a_split_pdf(rounds: Path) -> None:
    folder = rounds / "split-pdf"
    done = run_krmscan(
        "report",
        rounds / "nu",
        "--split",
        folder,
        "--organisation",
        "Huis & Haard",
        "--benchmark",
        rounds / "nu",
        "--previous",
        rounds / "toen",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    (pdf,) = folder.glob("*.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Huis & Haard" in text
    assert "Benchmark: mediaan" in text
    assert "Sinds de vorige scan" in text
    assert others_named(text, "Huis & Haard") == []


def test_the_comparisons_keep_their_heading_on_paper(rounds: Path) -> None:
    """The benchmark and previous round's table never sits alone on a page: its heading and
    caption go with it, and the segments follow it on the same page."""
    out = rounds / "huis.pdf"
    done = run_krmscan(
        "report",
        rounds / "nu",
        "-o",
        out,
        "--organisation",
        "Huis & Haard",
        "--benchmark",
        rounds / "nu",
        "--previous",
        rounds / "toen",
        "--by",
        "krm_is",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(out).pages]
    (page,) = [text for text in pages if "Vergeleken per onderdeel" in text]
    compared = page[page.index("Vergeleken per onderdeel") :]
    assert compared.startswith("Vergeleken per onderdeel Benchmark: de mediaan van de vergeleken")
    assert "Naar segment: KlantRelatieManagement" in compared  # the segments follow on
    table = compared[: compared.index("Naar segment")]
    assert "Positie Toen % Verschil" in table  # the table's heading, and all its rows
    for name in (
        "Strategie",
        "Klantmanagement",
        "Kanaalmanagement",
        "Datamanagement",
        "Operationeel management",
    ):
        assert re.search(rf"{name} \d+,\d ", table), name
    assert [text for text in pages if "Oordeel" in text] == [page]


def test_the_previous_round_in_the_report(split_html: Path) -> None:
    html = (split_html / "De Woonmaatschappij.html").read_text("utf-8")
    since = html[html.index("<h3>Sinds de vorige scan</h3>") :]
    since = since[: since.index("</div>")]
    assert "toen 30 respondenten, nu 30" in since
    radar = re.search(r'<figure class="chart radar">.*?</figure>', html, re.DOTALL)
    assert radar is not None
    assert ">Vorige scan<" in radar[0]  # the third line's legend ...
    assert "stroke: #6d6d6d" in radar[0]  # ... and the line drawn
    assert "Benchmark: middelste helft" in radar[0]
    table = html[html.index('<table class="components compared">') :]
    table = table[: table.index("</table>")]
    assert '<th colspan="3" class="group">Sinds vorige scan</th>' in table
    assert table.count('<td class="change number">') == 5
    assert "95\u00a0%-interval" in html  # per component page
    assert "Welch" in html  # the method


def test_the_report_without_comparisons_is_unchanged(rounds: Path) -> None:
    out = rounds / "plain.html"
    done = run_krmscan("report", rounds / "nu", "-o", out, timeout=120)
    assert done.returncode == 0, done.stderr
    html = out.read_text("utf-8")
    assert "Sinds de vorige scan" not in html
    assert "Vorige scan" not in html
    assert 'class="benchmark"' not in html


def test_fewer_than_five_organisations_no_benchmark_and_why(
    tmp_path: Path, shipped: LoadedQuestionnaire
) -> None:
    write_boards(shipped, tmp_path / "nu", {"Alpha Wonen": 9, "Beta Wonen": 8, "Klein": 2})
    out = tmp_path / "r.html"
    done = run_krmscan(
        "report", tmp_path / "nu", "-o", out, "--benchmark", tmp_path / "nu", timeout=120
    )
    assert done.returncode == 0, done.stderr
    html = " ".join(out.read_text("utf-8").split())
    assert "Geen benchmark: 2 organisatie(s) met minstens 5 respondenten" in html
    assert "vanaf 5 zulke organisaties" in html
    assert 'class="benchmark"' not in html


def test_small_segments_never_in_the_report(tmp_path: Path, shipped: LoadedQuestionnaire) -> None:
    choices = ["over_nadenken"] * 7 + ["al_veel_aan_doen"] * 3 + ["goed_beheersen"] * 2
    write(shipped, tmp_path / "in", "Woonstede", [14] * 7 + [2] * 5, choices=choices)
    out = tmp_path / "r.html"
    done = run_krmscan("report", tmp_path / "in", "-o", out, "--by", "krm_is", timeout=120)
    assert done.returncode == 0, done.stderr
    html = out.read_text("utf-8")
    table = html[html.index('<table class="segments">') :]
    table = table[: table.index("</table>")]
    rows = re.findall(r"<tr><th>(.*?)</th><td>(\d+)</td>", table)
    assert rows == [("iets waar wij over nadenken", "7"), ("overig", "5")]
    assert "al veel aan doen" not in table
    assert "goed beheersen" not in table
    assert "Niet apart getoond" in html  # and the report says so
    assert "+ / -: duidelijk hoger / lager dan de rest van de organisatie." in html
    assert "alleen getoond als niemand in twee ervan valt" in " ".join(html.split())  # method


def test_the_segment_legend_only_with_a_mark(tmp_path: Path, shipped: LoadedQuestionnaire) -> None:
    choices = ["over_nadenken"] * 5 + ["al_veel_aan_doen"] * 5
    write(shipped, tmp_path / "in", "Woonstede", [7, 9] * 5, choices=choices)
    out = tmp_path / "r.html"
    done = run_krmscan("report", tmp_path / "in", "-o", out, "--by", "krm_is", timeout=120)
    assert done.returncode == 0, done.stderr
    html = out.read_text("utf-8")
    assert "Geen segment verschilt duidelijk van de rest van de organisatie." in html
    assert "duidelijk hoger" not in html
    legend = html[html.index('<p class="legend levels">') :]
    legend = " ".join(legend[: legend.index("</p>")].split())
    assert "1 De klantvriendelijke corporatie" in legend  # what the cells' colours mean
    assert "4 De partner in wonen" in legend


@pytest.fixture(scope="module")
def overview(rounds: Path) -> Path:
    invited = rounds / "uitgenodigd.csv"
    invited.write_text("organisatie;uitgenodigd\nDe Woonmaatschappij;60\nWoonstad Oost;10\n")
    out = rounds / "overzicht.html"
    done = run_krmscan(
        "report", rounds / "nu", "--overview", "-o", out, "--invited-file", invited, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return out


def test_the_overview_heatmap_and_quality(overview: Path, shipped: LoadedQuestionnaire) -> None:
    html = overview.read_text("utf-8").replace("&amp;", "&")
    components = len(shipped.questionnaire.components)
    rows = re.findall(r'<tr class="(organisation|small)">\s*<th>(.*?)</th><td>(\d+)</td>', html)
    assert sorted(name for _, name, _ in rows) == sorted(SIZES)
    assert {name: int(n) for _, name, n in rows} == SIZES
    assert [name for kind, name, _ in rows if kind == "small"] == ["Woonstad Oost"]
    heatmap = html[html.index('<table class="heatmap">') : html.index("</table>")]
    organisations = [row for row in heatmap.split("<tr")[1:] if 'class="organisation"' in row]
    assert len(organisations) == 5
    for row in organisations:
        assert len(re.findall(r'<td class="cell l\d"', row)) == components
    small = next(row for row in heatmap.split("<tr")[1:] if 'class="small"' in row)
    assert "n &lt; 5" in small
    assert not re.search(r"\d,\d", small)  # no figure of the small organisation
    assert "50\u00a0%" in heatmap  # participation of De Woonmaatschappij: 30 of 60
    benchmark = heatmap[heatmap.index('<tr class="benchmark">') :]
    assert len(re.findall(r'<td class="cell l\d"', benchmark)) == components
    quality = html[html.index('<table class="quality">') :]
    for component in shipped.questionnaire.components:  # Woonstad Oost's 3 not counted
        assert f"<tr><td>{component.name}</td><td>74</td>" in quality
    statement_row = r'<tr>(<th rowspan="\d+">[^<]*</th>)?<td>[^<]*</td><td>-?\d,\d\d</td></tr>'
    rows = re.findall(statement_row, quality)
    assert len(rows) == len(shipped.questionnaire.statements)
    names = [c.name for c in shipped.questionnaire.components]
    assert [name for name in rows if name] == [f'<th rowspan="7">{name}</th>' for name in names]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = find_chromium()
    if executable is None:
        pytest.skip("Chromium is not installed (.ci/run installs the Debian package chromium)")
    with Browser(executable, width=1400) as running:
        yield running


def test_the_overview_in_headless_chromium(overview: Path, browser: Browser) -> None:
    browser.open(overview)
    cells = browser.evaluate(
        """[...document.querySelectorAll('table.heatmap td.cell')].map(td =>
             getComputedStyle(td).backgroundColor)"""
    )
    assert len(cells) == 6 * 5  # five organisations and the benchmark row
    assert "rgba(0, 0, 0, 0)" not in cells  # every cell coloured by its level
    assert browser.problems() == []
    assert browser.requests() == [overview.resolve().as_uri()]


def test_overview_needs_one_output_file(rounds: Path) -> None:
    done = run_krmscan("report", rounds / "nu", "--overview", "--split", rounds / "x")
    assert done.returncode == 2
    assert "--overview schrijft één bestand" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_benchmark_on_the_bars_below_three_components(tmp_path: Path) -> None:
    from krmscan import questionnaire

    text = (Path(__file__).parent / "data" / "second.yaml").read_text("utf-8")
    path = tmp_path / "two.yaml"
    path.write_text(text[: text.index("  - id: insight")], "utf-8")
    teams = {f"Team {letter}": 6 for letter in "ABCDE"}
    write_boards(questionnaire.load(path), tmp_path / "in", teams)
    out = tmp_path / "two.html"
    done = run_krmscan(
        "report", "-q", path, tmp_path / "in", "-o", out, "--benchmark", tmp_path / "in"
    )
    assert done.returncode == 0, done.stderr
    html = out.read_text("utf-8")
    assert '<figure class="chart radar">' not in html
    bars = re.findall(r'<figure class="chart bars">.*?</figure>', html, re.DOTALL)
    assert len(bars) == 5
    assert all("#2e7d32" in figure for figure in bars)  # the band and its median drawn
    assert all("Green band: the benchmark" in figure for figure in bars)


def test_what_was_left_out_when_the_questionnaire_changed(
    tmp_path: Path, shipped: LoadedQuestionnaire
) -> None:
    import yaml

    document = yaml.safe_load(shipped.path.read_text(encoding="utf-8"))
    dropped = document["components"][0]["statements"].pop(0)
    earlier = tmp_path / "vorige.yaml"
    earlier.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    from krmscan import questionnaire

    write(shipped, tmp_path / "nu", "Woonstede", [12] * 6)
    write(shipped, tmp_path / "nu", "De Key", [7] * 5)  # not in the previous round
    write(questionnaire.load(earlier), tmp_path / "toen", "Woonstede", [2] * 6)
    out = tmp_path / "r.html"
    done = run_krmscan(
        "report",
        tmp_path / "nu",
        "-o",
        out,
        "--previous",
        tmp_path / "toen",
        "--previous-questionnaire",
        earlier,
    )
    assert done.returncode == 0, done.stderr
    html = " ".join(unescape(out.read_text("utf-8")).split())
    assert dropped["id"] not in html
    short = "In onze missie staan onze huurders centraal, niet producten…"  # cut at a word
    assert dropped["text"].startswith(short[:-1] + " ")
    assert (
        f"Niet vergeleken (niet in beide rondes): de stelling '{short}' van Strategie "
        "(alleen in deze ronde)." in html
    )
    assert html.count("Niet vergeleken (niet in beide rondes)") == 1  # not for De Key
    assert "Sinds de vorige scan" in html


def test_the_overview_carries_no_control_character(
    tmp_path: Path, shipped: LoadedQuestionnaire
) -> None:
    write_boards(shipped, tmp_path / "in", {"Kwaad\x1b[2J\u202e Wonen": 6, "Goed Wonen": 5})
    out = tmp_path / "overzicht.html"
    done = run_krmscan("report", tmp_path / "in", "--overview", "-o", out, timeout=120)
    assert done.returncode == 0, done.stderr
    html = out.read_text("utf-8")
    assert "Wonen" in html
    assert "\x1b" not in html
    assert "\u202e" not in html
    assert "\x1b" not in done.stderr


def test_an_organisation_without_a_previous_round_says_so(
    tmp_path: Path, shipped: LoadedQuestionnaire
) -> None:
    write(shipped, tmp_path / "nu", "Woonstede", [12] * 5)
    write(shipped, tmp_path / "toen", "De Key", [7] * 5)
    out = tmp_path / "r.html"
    done = run_krmscan("report", tmp_path / "nu", "-o", out, "--previous", tmp_path / "toen")
    assert done.returncode == 0, done.stderr
    html = out.read_text("utf-8")
    since = html[html.index("<h3>Sinds de vorige scan</h3>") :]
    assert "Geen antwoorden van deze organisatie in de vorige ronde." in since[:400]
    assert "De Key" not in html  # the previous round's other organisations are never named
    assert 'class="change' not in html


def test_the_radar_legend_names_only_the_lines_drawn(
    tmp_path: Path, shipped: LoadedQuestionnaire
) -> None:
    """Two organisations on the same figure: only the one compared has "Vorige scan"."""
    write(shipped, tmp_path / "nu", "Woonstede", [12] * 5)
    write(shipped, tmp_path / "nu", "De Key", [7] * 5)
    write(shipped, tmp_path / "nu", "Ymere", [9] * 5)
    write(shipped, tmp_path / "toen", "De Key", [3] * 5)
    out = tmp_path / "r.html"
    done = run_krmscan("report", tmp_path / "nu", "-o", out, "--previous", tmp_path / "toen")
    assert done.returncode == 0, done.stderr
    html = out.read_text("utf-8")
    radars = re.findall(r'<figure class="chart radar">.*?</figure>', html, re.DOTALL)
    assert len(radars) == 3  # De Key, Woonstede, Ymere
    assert [">Vorige scan<" in radar for radar in radars] == [True, False, False]


def test_the_method_gives_the_respondents_alpha_rests_on(split_html: Path) -> None:
    html = " ".join((split_html / "De Woonmaatschappij.html").read_text("utf-8").split())
    total = sum(n for n in SIZES.values() if n >= 5)  # the small group's are not counted
    assert f"één ding meten, over alle {total} respondenten van de gegevens behalve" in html


def test_the_overview_quality_heading_stays_with_its_table(
    tmp_path: Path, shipped: LoadedQuestionnaire
) -> None:
    """Eight organisations fill the first page so far that the heading alone would fit."""
    write_boards(shipped, tmp_path / "in", {f"Corporatie {i:02}": 6 for i in range(8)}, seed=3)
    out = tmp_path / "overzicht.pdf"
    done = run_krmscan("report", tmp_path / "in", "--overview", "-o", out, timeout=120)
    assert done.returncode == 0, done.stderr
    pages = [page.extract_text() for page in PdfReader(out).pages]
    (page,) = [text for text in pages if "Kwaliteit van de meting" in text]
    below = page[page.index("Kwaliteit van de meting") :]
    assert "Strategie 48 " in below  # the table's first row: alpha over all 48 respondents


def test_the_overview_keeps_a_components_statements_together(
    tmp_path: Path, shipped: LoadedQuestionnaire
) -> None:
    """The item-rest table runs over pages: each component's rows on one page, under its name,
    and the table's heading on every page it is on."""
    write_boards(shipped, tmp_path / "in", {f"Corporatie {i}": 6 for i in range(8)}, seed=3)
    out = tmp_path / "overzicht.pdf"
    done = run_krmscan("report", tmp_path / "in", "--overview", "-o", out, timeout=120)
    assert done.returncode == 0, done.stderr
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(out).pages]
    holding = set()
    for component in shipped.questionnaire.components:
        found = {
            number
            for number, text in enumerate(pages)
            for statement in component.statements
            if " ".join(statement.text.split()[:8]) in text
        }
        assert len(found) == 1, (component.name, found)
        (number,) = found
        assert component.name in pages[number]
        holding |= found
    assert len(holding) > 1  # the table does run over pages
    for number in holding:
        assert "Onderdeel Stelling r" in pages[number]


def test_the_component_tables_fit_their_cells(split_html: Path, rounds: Path) -> None:
    """In Chromium at 1200 px no heading or cell runs into the next; on paper no heading is
    hyphenated (the benchmark and the previous round have a table of their own)."""
    executable = find_chromium()
    if executable is None:
        pytest.skip("Chromium is not installed (.ci/run installs the Debian package chromium)")
    page = split_html / "De Woonmaatschappij.html"
    with Browser(executable, width=1200) as browser:
        browser.open(page)
        overflowing = browser.evaluate(
            """[...document.querySelectorAll('table.components th, table.components td')]
                 .filter(cell => cell.scrollWidth > cell.clientWidth)
                 .map(cell => cell.textContent)"""
        )
        tables = browser.evaluate("document.querySelectorAll('table.components').length")
    assert overflowing == []
    assert tables == 2
    out = rounds / "woonmaatschappij.pdf"
    done = run_krmscan(
        "report",
        rounds / "nu",
        "-o",
        out,
        "--organisation",
        "De Woonmaatschappij",
        "--benchmark",
        rounds / "nu",
        "--previous",
        rounds / "toen",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "\u2010" not in text and "Sco-" not in text  # no word hyphenated
    assert "Mediaan % (middelste helft)" in " ".join(text.split())
