"""`krmscan report`: the board's documents, as a consultant makes them and a board reads them.

Real processes write HTML and PDF; pypdf reads the PDF's text, pdftoppm renders a page, a real
headless Chromium opens the HTML.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from krmscan import questionnaire
from krmscan.messages import DUTCH, ENGLISH
from krmscan.questionnaire import LoadedQuestionnaire
from krmscan.report import document
from tests.boards import BOARDS, write_boards
from tests.browser import Browser, find_chromium
from tests.support import KRMSCAN, run_krmscan, write_edge

SECOND = Path(__file__).parent / "data" / "second.yaml"
SECOND_TEAMS = {"North Team": 14, "South Team": 7}


@pytest.fixture(scope="module")
def boards(tmp_path_factory: pytest.TempPathFactory, shipped: LoadedQuestionnaire) -> Path:
    """Answers files of three organisations: 25, 12 and 3 respondents."""
    folder = tmp_path_factory.mktemp("boards") / "answers"
    write_boards(shipped, folder)
    return folder


@pytest.fixture(scope="module")
def html_report(boards: Path) -> Path:
    out = boards.parent / "rapport.html"
    done = run_krmscan("report", boards, "-o", out, "--include-small-groups", timeout=120)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def split_pdfs(boards: Path) -> Path:
    """One PDF per organisation, small group included."""
    folder = boards.parent / "per-organisatie"
    done = run_krmscan("report", boards, "--split", folder, "--include-small-groups", timeout=300)
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture(scope="module")
def second_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report of another questionnaire: English, 3 components, 5 points, 5 levels."""
    root = tmp_path_factory.mktemp("second")
    write_boards(questionnaire.load(SECOND), root / "answers", SECOND_TEAMS)
    out = root / "report.html"
    done = run_krmscan("report", "-q", SECOND, root / "answers", "-o", out, timeout=120)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = find_chromium()
    if executable is None:
        pytest.skip(
            "Chromium is not installed and could not be installed here "
            "(.ci/run installs the Debian package chromium with apt-get)"
        )
    with Browser(executable) as running:
        yield running


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_report_is_one_private_self_contained_file(html_report: Path) -> None:
    text = html_report.read_text("utf-8")
    assert html_report.stat().st_mode & 0o777 == 0o600
    assert text.startswith("<!DOCTYPE html>")
    assert '<html lang="nl">' in text
    assert not re.search(r"""(src|href)\s*=\s*["'](?!#)""", text)  # nothing to fetch
    assert "@import" not in text
    assert "url(http" not in text
    assert text.count('<section class="organisation"') == 3
    assert "Huis &amp; Haard" in text  # escaped, not markup
    assert "@example.nl" not in text  # no e-mail addresses
    assert "Medewerker " not in text  # no names
    # Charts keep their text as text, each organisation's drawn once.
    assert text.count('<figure class="chart radar">') == 3
    assert text.count("<text") > 50


def test_every_component_and_statement_is_there(
    html_report: Path, shipped: LoadedQuestionnaire
) -> None:
    text = html_report.read_text("utf-8")
    for component in shipped.questionnaire.components:
        assert text.count(f"<h2>{component.name}</h2>") == 3
        if component.footnote:
            assert text.count(component.footnote.split(" ")[1]) >= 3
    for point in shipped.questionnaire.scale:
        assert f"{point.label} ({point.weight})" in text  # the scale's own labels and weights


def test_split_pdfs_hold_nothing_of_another_organisation(split_pdfs: Path) -> None:
    files = sorted(split_pdfs.iterdir())
    assert [f.name for f in files] == sorted(f"{name}.pdf" for name in BOARDS)
    for file in files:
        own = file.stem
        pages = pdf_pages(file)
        text = "\n".join(pages)
        others = [name for name in BOARDS if name != own]
        assert not [name for name in others if name in text], file.name
        raw = file.read_bytes()
        assert not [name for name in others if name.encode() in raw], file.name
        assert "40" not in re.findall(r"\b(\d+) respondenten\b", text)  # no run total
        assert file.stat().st_mode & 0o777 == 0o600


def test_pdf_pages_numbered_with_the_organisation_and_no_browser_header(split_pdfs: Path) -> None:
    pages = pdf_pages(split_pdfs / "De Woonmaatschappij.pdf")
    assert len(pages) >= 10
    for number, page in enumerate(pages, start=1):
        assert f"{number} van {len(pages)}" in page
        assert "De Woonmaatschappij" in page
        assert "file:" not in page
        assert not re.search(
            r"\d{1,2}[-/]\d{1,2}[-/]\d{2,4},? \d{1,2}:\d{2}", page
        )  # a date header
    assert pages[1].startswith("Managementsamenvatting")
    assert "Wat eerst?" in pages[1]


def test_pdf_page_rendered_shows_its_charts(split_pdfs: Path, tmp_path: Path) -> None:
    from PIL import Image

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (Debian package poppler-utils) is not installed")
    pdf = split_pdfs / "De Woonmaatschappij.pdf"
    overview = next(i for i, page in enumerate(pdf_pages(pdf), 1) if page.startswith("Overzicht"))
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            str(overview),
            "-l",
            str(overview),
            pdf,
            tmp_path / "p",
        ],
        check=True,
    )
    (png,) = tmp_path.glob("p*.png")
    image = Image.open(png).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20) or []

    def near(target: tuple[int, int, int]) -> int:
        return sum(
            n for n, c in colours if all(abs(a - b) < 30 for a, b in zip(c, target, strict=True))
        )

    assert near((0x1F, 0x5F, 0xA8)) > 2000  # the measured score: radar line and bars
    assert near((0xC8, 0x61, 0x1B)) > 100  # the ambition line and marks
    if os.environ.get("KRMSCAN_SCREENSHOT_DIR"):
        shutil.copy(png, Path(os.environ["KRMSCAN_SCREENSHOT_DIR"]) / "overview.png")


def test_small_group_report_withholds_what_shows_one_person(
    split_pdfs: Path, boards: Path, shipped: LoadedQuestionnaire
) -> None:
    out = boards.parent / "klein.html"
    done = run_krmscan(
        "report", boards, "--organisation", "Woonstad Oost", "--include-small-groups", "-o", out
    )
    assert done.returncode == 0, done.stderr
    text = out.read_text("utf-8")
    assert "Kleine groep: 3 respondenten, minder dan 5" in text
    assert "Laagste" not in text  # no min/max
    assert "Onder eigen ambitie:" not in text and DUTCH.rep_col_below_own not in text
    assert "Eensgezindheid (rwg)" not in text and "rwg " not in text
    assert 'class="flag"' not in text
    assert not re.search(rf">\s*{DUTCH.chart_flag}\s*<", text)  # not in the chart either
    assert not re.search(r"% \(\d+\)", text)  # no counts
    assert 'class="stacked"' not in text  # no answer counts per statement
    assert "bij minder dan 5 respondenten zegt ze weinig" in text  # why
    # A statement's mean over three people is their answers (0 %: all three said the lowest),
    # so no statement is shown at all: no means, no weakest statements.
    shown = [s.text for s in shipped.questionnaire.statements if html.escape(s.text) in text]
    assert shown == []
    assert 'class="statements' not in text and 'class="weakest"' not in text
    assert DUTCH.rep_weakest not in text
    assert DUTCH.rep_statements_withheld.format(min_group=5) in text  # and why
    # with the mean, a standard deviation of two or three people gives away their scores
    assert not re.search(r"standaardafwijking \d", text) and DUTCH.col_sd not in text
    assert "± standaardafwijking" not in text  # the bars' caption of a larger group
    pdf = "\n".join(pdf_pages(split_pdfs / "Woonstad Oost.pdf"))
    assert "Laagste" not in pdf and "Eensgezindheid (rwg)" not in pdf
    assert "zwakste stellingen:" not in pdf


def test_small_group_left_out_without_the_flag(boards: Path) -> None:
    out = boards.parent / "zonder.html"
    done = run_krmscan("report", boards, "-o", out)
    assert done.returncode == 0, done.stderr
    assert "Woonstad Oost: 3 respondenten, minder dan 5: geen rapport" in done.stderr
    text = out.read_text("utf-8")
    assert "Woonstad Oost" not in text
    assert text.count('<section class="organisation"') == 2


def test_cover_with_participation(boards: Path, tmp_path: Path) -> None:
    invited = tmp_path / "uitgenodigd.csv"
    invited.write_text(
        "organisatie;uitgenodigd\nde woonmaatschappij;40\nHuis & Haard;12\n", "utf-8"
    )
    out = tmp_path / "r.html"
    done = run_krmscan("report", boards, "--invited-file", invited, "-o", out)
    assert done.returncode == 0, done.stderr
    text = out.read_text("utf-8")
    assert "<th>Respons</th><td>63\u00a0%</td>" in text  # 25 of 40
    assert "<th>Respons</th><td>100\u00a0%</td>" in text
    assert "<th>Veldwerk</th><td>2026-11-" in text


def test_bad_invited_file_names_the_line(boards: Path, tmp_path: Path) -> None:
    invited = tmp_path / "uitgenodigd.csv"
    invited.write_text("organisatie,uitgenodigd\nHuis & Haard,veel\n", "utf-8")
    done = run_krmscan("report", boards, "--invited-file", invited, "-o", tmp_path / "r.html")
    assert done.returncode == 1
    assert f"{invited}:2: 'veel' is geen heel aantal uitgenodigde medewerkers" in done.stderr
    assert "Traceback" not in done.stderr
    too_few = tmp_path / "te-weinig.csv"
    too_few.write_text("Huis & Haard,5\n", "utf-8")
    done = run_krmscan("report", boards, "--invited-file", too_few, "-o", tmp_path / "r.html")
    assert done.returncode == 1
    assert "Huis & Haard heeft 12 respondenten, maar er zijn er maar 5 uitgenodigd" in done.stderr
    assert not (tmp_path / "r.html").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "rapport.docx"], "-o rapport.docx: geef een bestand dat eindigt op .html of .pdf"),
        ([], "geef -o BESTAND.html|BESTAND.pdf of --split MAP"),
        (["--invited", "30", "-o", "r.html"], "--invited N telt één organisatie"),
        (["--template", "nergens", "-o", "r.html"], "--template nergens: geen map met sjablonen"),
        (
            ["--invited", "3", "--invited-file", "u.csv", "-o", "r.html"],
            "--invited en --invited-file sluiten elkaar uit",
        ),
    ],
)
def test_wrong_usage(boards: Path, tmp_path: Path, args: list[str], message: str) -> None:
    done = run_krmscan("report", boards, *args, cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_own_templates_and_control_characters(
    boards: Path, tmp_path: Path, shipped: LoadedQuestionnaire
) -> None:
    own = tmp_path / "templates"
    own.mkdir()
    (own / "report.css").write_text("body { color: #123456; }\n", "utf-8")
    answers = tmp_path / "in"
    write_boards(shipped, answers, {"Evil\x1b]0;pwned\x07 Corp": 6})
    out = tmp_path / "r.html"
    done = run_krmscan("report", answers, "--template", own, "-o", out)
    assert done.returncode == 0, done.stderr
    text = out.read_text("utf-8")
    assert "color: #123456" in text
    assert "\x1b" not in text and "\x07" not in text
    # caret notation, as terminals print them: the report's fonts have no Control Pictures
    assert "Evil^[]0;pwned^G Corp" in text
    pdf = tmp_path / "r.pdf"
    assert run_krmscan("report", answers, "-o", pdf).returncode == 0
    pages = "\n".join(pdf_pages(pdf))
    assert "Evil^[]0;pwned^G Corp" in pages
    assert not re.search("[\u2400-\u243f]", text + pages)  # they would print as empty boxes
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "report.html.j2").write_text("<p>\n{% if %}\n", "utf-8")
    done = run_krmscan("report", answers, "--template", broken, "-o", tmp_path / "x.html")
    assert done.returncode == 1
    assert "report.html.j2:2: fout in het sjabloon" in done.stderr


def test_second_questionnaire_has_no_text_of_the_krm_scan(
    second_report: Path, shipped: LoadedQuestionnaire
) -> None:
    text = second_report.read_text("utf-8")
    krm = shipped.questionnaire
    words = [krm.title, "KRM", "corporatie", "Oneens", "Neutraal", "Eens"]
    words += [c.name for c in krm.components] + [level.name for level in krm.levels]
    words += [DUTCH.rep_summary_heading, DUTCH.rep_method_heading, "vijf", "7 stellingen"]
    assert [word for word in words if word in text] == []
    assert "Service Maturity Check" in text
    assert '<html lang="en">' in text
    scale = "Strongly disagree 0, Disagree 1, Undecided 2, Agree 3 and Strongly agree 4"
    assert scale in text
    assert "Service design 4 statements, at most 16 points" in text
    assert "Customer insight 9 statements, at most 36 points" in text
    assert text.count('class="swatch" style="background') >= 5 + 3 * 5  # 5 level shades, scale
    assert "* Our team: everyone who answers the customer line." in text
    assert ENGLISH.rep_summary_heading in text


def test_fewer_than_three_components_get_bars_not_a_radar(tmp_path: Path) -> None:
    text = SECOND.read_text("utf-8")
    two = text[: text.index("  - id: insight")]
    path = tmp_path / "two.yaml"
    path.write_text(two, "utf-8")
    write_boards(questionnaire.load(path), tmp_path / "in", {"Solo Team": 6})
    out = tmp_path / "two.html"
    done = run_krmscan("report", "-q", path, tmp_path / "in", "-o", out)
    assert done.returncode == 0, done.stderr
    html = out.read_text("utf-8")
    assert '<figure class="chart radar">' not in html
    assert html.count('<figure class="chart bars">') == 1


@pytest.mark.parametrize("which", ["shipped", "second"])
def test_report_in_headless_chromium(
    which: str, html_report: Path, second_report: Path, browser: Browser, tmp_path: Path
) -> None:
    report = html_report if which == "shipped" else second_report
    browser.open(report)
    charts = browser.evaluate(
        """[...document.querySelectorAll('figure.chart svg')].map(svg => {
             const box = svg.getBoundingClientRect();
             return [svg.closest('figure').className, Math.round(box.width),
                     Math.round(box.height), svg.querySelectorAll('path, use, text').length];
           })"""
    )
    organisations = 3 if which == "shipped" else 2
    assert len([c for c in charts if c[0] == "chart radar"]) == organisations
    assert len([c for c in charts if c[0] == "chart bars"]) == organisations
    for kind, width, height, shapes in charts:
        assert width > 300, kind
        assert height > 150, kind
        assert shapes > 20, kind
    # Every statement's stacked bar is drawn the full width of its cell, its parts in order.
    stacks = browser.evaluate(
        """[...document.querySelectorAll('td.bar .stack')].map(stack => {
             const spans = [...stack.children].map(s => s.getBoundingClientRect());
             const box = stack.getBoundingClientRect();
             return [Math.round(box.width), Math.round(box.height),
                     Math.round(spans.reduce((sum, s) => sum + s.width, 0))];
           })"""
    )
    statements = 35 if which == "shipped" else 19
    assert len(stacks) == 2 * statements  # the small group shows no counts
    for width, height, filled in stacks:
        assert width > 100 and height > 8
        assert abs(width - filled) <= 2
    assert browser.problems() == []
    assert browser.requests() == [report.resolve().as_uri()]
    shot = Path(os.environ.get("KRMSCAN_SCREENSHOT_DIR", tmp_path)) / f"report-{which}.png"
    browser.screenshot(shot)
    width, height = struct.unpack(">II", shot.read_bytes()[16:24])
    assert width >= 1000
    assert height > 3000


def test_the_browser_check_sees_console_errors(browser: Browser, tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text(
        "<!DOCTYPE html><html><body><script>console.error('kapot');"
        "undefinedFunction();</script></body></html>",
        "utf-8",
    )
    browser.open(page)
    problems = browser.problems()
    assert any("kapot" in problem for problem in problems)
    assert any("undefinedFunction" in problem for problem in problems)


def test_report_without_the_report_extra_says_how_to_install(boards: Path, tmp_path: Path) -> None:
    """As after `pip install .`: matplotlib, jinja2 and weasyprint cannot be imported."""
    code = (
        "import sys\n"
        "for name in ('matplotlib', 'jinja2', 'weasyprint'):\n"
        "    sys.modules[name] = None\n"
        "from krmscan.cli import main\n"
        "sys.argv = ['krmscan', *sys.argv[1:]]\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "report", str(boards), "-o", str(tmp_path / "r.pdf")],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "pip install 'krmscan[report]'" in lines[0]
    assert "matplotlib, jinja2, weasyprint" in lines[0]
    assert not (tmp_path / "r.pdf").exists()
    scored = subprocess.run(  # the light install scores without them
        [sys.executable, "-c", code, "score", str(boards), "-f", "csv"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert scored.returncode == 0, scored.stderr
    assert scored.stdout.count("\n") > 30


def test_progress_bar_on_a_terminal_only(boards: Path, tmp_path: Path) -> None:
    import pexpect

    child = pexpect.spawn(
        str(KRMSCAN),
        ["report", str(boards), "--split", str(tmp_path / "tty"), "-f", "html"],
        env={**os.environ, "TERM": "xterm-256color", "COLUMNS": "80"},
        dimensions=(24, 80),
        timeout=120,
    )
    shown = child.read().decode("utf-8", "replace")
    child.close()
    assert child.exitstatus == 0, shown
    assert "━" in shown  # rich's bar
    assert "2/2" in shown
    piped = run_krmscan("report", boards, "--split", tmp_path / "piped", "-f", "html")
    assert piped.returncode == 0
    assert "━" not in piped.stderr
    assert "\x1b" not in piped.stderr


def test_no_page_half_empty_but_a_sections_last(
    split_pdfs: Path, tmp_path: Path, shipped: LoadedQuestionnaire
) -> None:
    """A page followed by one that continues its section is at least half full."""
    from PIL import Image, ImageOps

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (Debian package poppler-utils) is not installed")
    q = shipped.questionnaire
    starts = [q.title, DUTCH.rep_summary_heading, DUTCH.rep_overview_heading]
    starts += [c.name for c in q.components]
    starts += [DUTCH.frequencies_title, DUTCH.rep_method_heading, DUTCH.rep_appendix_heading]
    checked = 0
    for name in ("De Woonmaatschappij", "Huis & Haard"):
        pdf = split_pdfs / f"{name}.pdf"
        pages = pdf_pages(pdf)
        folder = tmp_path / name
        folder.mkdir()
        subprocess.run(["pdftoppm", "-png", "-r", "30", pdf, folder / "p"], check=True)
        images = sorted(folder.glob("p*.png"))
        assert len(images) == len(pages)
        for number, image in enumerate(images, start=1):
            following = pages[number] if number < len(pages) else ""
            if not following or following.startswith(tuple(starts)):
                continue  # the last page of its section
            grey = Image.open(image).convert("L")
            width, height = grey.size
            body = grey.crop((0, 0, width, int(height * 0.9)))  # above the running footer
            ink = ImageOps.invert(body).point(lambda value: 255 if value > 55 else 0).getbbox()
            assert ink is not None and ink[3] > 0.5 * body.height, f"{name}: page {number}"
            checked += 1
    assert checked >= 2  # the multiple-choice results run over two pages


def test_report_to_standard_output(boards: Path) -> None:
    """``-o -``: HTML by default, PDF with ``-f pdf`` into a pipe."""
    html = run_krmscan("report", boards, "--organisation", "Huis & Haard", "-o", "-")
    assert html.returncode == 0, html.stderr
    assert html.stdout.startswith("<!DOCTYPE html>")
    command = [str(KRMSCAN), "report", str(boards), "--organisation", "Huis & Haard"]
    pdf = subprocess.run(
        [*command, "-o", "-", "-f", "pdf"],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert pdf.returncode == 0, pdf.stderr
    assert pdf.stdout.startswith(b"%PDF-")


def test_a_mean_just_below_a_band_edge_reads_below_it(
    shipped: LoadedQuestionnaire, tmp_path: Path
) -> None:
    """Strategie at 49.95 % (level 2, behind) is 49,9 % with 0,1 points to go, never 50,0."""
    write_edge(shipped, tmp_path)
    out = tmp_path / "rapport.html"
    done = run_krmscan("report", tmp_path, "-o", out, timeout=120)
    assert done.returncode == 0, done.stderr
    text = html.unescape(re.sub(r"<[^>]+>", " ", out.read_text(encoding="utf-8")))
    assert "49,9" in text and "0,1 procentpunt" in text
    assert "0,0 procentpunt" not in text
    assert "<td>Strategie</td><td>49,9</td>" in out.read_text(encoding="utf-8")


def test_own_template_extends_the_shipped_one(boards: Path, tmp_path: Path) -> None:
    """An own report.html.j2 overrides one block of the shipped one and keeps the rest."""
    own = tmp_path / "templates"
    own.mkdir()
    (own / "report.html.j2").write_text(
        '{% extends "krmscan/report.html.j2" %}\n'
        "{% block summary %}<p>Eigen samenvatting van {{ report.summary.name }}</p>"
        "{% endblock %}\n",
        "utf-8",
    )
    out = tmp_path / "r.html"
    done = run_krmscan("report", boards, "--template", own, "-o", out, timeout=120)
    assert done.returncode == 0, done.stderr
    text = html.unescape(out.read_text("utf-8"))
    assert "Eigen samenvatting van De Woonmaatschappij" in text
    assert DUTCH.rep_summary_heading not in text  # the block replaced
    assert DUTCH.rep_overview_heading in text and DUTCH.rep_method_heading in text


def test_appendix_names_files_from_the_folder_given(
    shipped: LoadedQuestionnaire, tmp_path: Path
) -> None:
    """Two r0000.json in different folders stay apart; no folder above the argument shows."""
    answers = tmp_path / "scans-jansen" / "meting-a"
    write_boards(shipped, answers, {"Corporatie": 6})
    copy = answers / "kopie" / "r0000.json"
    copy.parent.mkdir()
    shutil.copyfile(answers / "org000" / "r0000.json", copy)
    out = tmp_path / "r.html"
    done = run_krmscan("report", answers, "-o", out, timeout=120)
    assert done.returncode == 0, done.stderr
    text = html.unescape(out.read_text("utf-8"))
    assert "<li>kopie/r0000.json: org000/r0000.json</li>" in text
    assert str(tmp_path) not in text and "scans-jansen" not in text and "meting-a" not in text
    other = tmp_path / "scans-jansen" / "meting-b"  # with two folders given, each by its own name
    other.mkdir()
    shutil.copyfile(copy, other / "r0000.json")
    done = run_krmscan("report", answers, other, "-o", out, timeout=120)
    assert done.returncode == 0, done.stderr
    text = html.unescape(out.read_text("utf-8"))
    assert "meting-a/kopie/r0000.json: meting-a/org000/r0000.json, meting-b/r0000.json" in text
    assert str(tmp_path) not in text and "scans-jansen" not in text


def test_wording_of_edge_cases(shipped: LoadedQuestionnaire, tmp_path: Path) -> None:
    """A missing invited file, a name without letters for a file, one respondent: in Dutch."""
    answers = tmp_path / "in"
    write_boards(shipped, answers, {"..": 6, "Eenling": 1})
    missing = tmp_path / "weg.csv"
    done = run_krmscan("report", answers, "--invited-file", missing, "-o", tmp_path / "r.html")
    assert done.returncode == 1
    assert (
        DUTCH.rep_invited_unreadable.format(path=missing, problem=DUTCH.os_missing) in done.stderr
    )
    assert "No such file" not in done.stderr
    split = tmp_path / "los"
    done = run_krmscan(
        "report", answers, "--split", split, "-f", "html", "--include-small-groups", timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in split.iterdir()) == ["Eenling.html", "organisatie.html"]
    whole = tmp_path / "heel.html"
    done = run_krmscan("report", answers, "-o", whole, "--include-small-groups", timeout=120)
    assert "(1 respondent)" in whole.read_text("utf-8")
    table = run_krmscan("score", answers, "--include-small-groups", env={"NO_COLOR": "1"})
    assert "Eenling: 1 respondent\n" in table.stdout


def test_method_says_what_a_report_shows(shipped: LoadedQuestionnaire) -> None:
    """No weakest statements for a small group; one component is not 'the first 3'."""
    q = shipped.questionnaire
    full = " ".join(document.method(q, DUTCH, 5).after)
    assert DUTCH.rep_method_top.format(top=3, weakest=DUTCH.rep_method_top_weakest) in full
    small = " ".join(document.method(q, DUTCH, 5, withheld=True).after)
    assert DUTCH.rep_method_top.format(top=3, weakest="") in small
    assert "zwakste stellingen zijn" not in small
    assert "standaardafwijking" in small and "scores per stelling" in small
    one = q.model_copy(update={"components": q.components[:1]})
    alone = " ".join(document.method(one, ENGLISH, 5).after)
    assert "Each of the first" not in alone
    assert ENGLISH.rep_method_top_one.format(weakest=ENGLISH.rep_method_top_weakest) in alone


@pytest.mark.parametrize("loaded", [questionnaire.load(), questionnaire.load(SECOND)])
def test_radar_names_stay_clear_of_its_circle(loaded: LoadedQuestionnaire) -> None:
    """Every component's name lies outside the outer circle, so off the points on it too."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from krmscan.report import charts

    q = loaded.questionnaire
    with matplotlib.rc_context(charts.STYLE):
        radar = charts.Radar(q, [c.name for c in q.components], ("score", "ambition"))
        figure = radar.figure
        renderer = FigureCanvasAgg(figure).get_renderer()
        axes = figure.axes[0]
        centre = axes.transData.transform((0, 0))
        outer = abs(axes.transData.transform((0, 100))[1] - centre[1])
        names = [t for t in axes.texts if t.get_gid() == "component-label"]
        assert sorted(t.get_text().replace("\n", " ") for t in names) == sorted(
            c.name for c in q.components
        )
        for text in names:
            box = text.get_window_extent(renderer)
            nearest_x = min(max(centre[0], box.x0), box.x1)
            nearest_y = min(max(centre[1], box.y0), box.y1)
            gap = ((nearest_x - centre[0]) ** 2 + (nearest_y - centre[1]) ** 2) ** 0.5 - outer
            assert gap > 3, (text.get_text(), gap)  # pixels: not touching the circle
        rings = [t.get_text() for t in axes.texts if t.get_gid() != "component-label"]
        assert "100" not in rings  # no label on the outer circle
