"""`krmscan report`: one self-contained HTML file, opened in a real headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest

from krmscan.questionnaire import LoadedQuestionnaire
from tests.browser import Browser, find_chromium
from tests.respondents import PERSONAL, write_all
from tests.support import run_krmscan

CHARTS_PER_ORGANISATION = 2 + 4  # radar, bars, a frequency chart per multiple-choice question
A4_PRINTABLE_HEIGHT_PX = (297 - 2 * 16) / 25.4 * 96  # the print stylesheet's @page margins


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, shipped: LoadedQuestionnaire) -> Path:
    """The report of the hand-made respondents, written by the real command."""
    root = tmp_path_factory.mktemp("report")
    write_all(shipped, root / "answers")
    out = root / "rapport.html"
    done = run_krmscan("report", root / "answers", "-o", out, timeout=300)
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


def test_report_is_one_private_self_contained_file(report: Path) -> None:
    text = report.read_text("utf-8")
    assert report.stat().st_mode & 0o777 == 0o600
    assert text.startswith("<!DOCTYPE html>")
    assert '<html lang="nl">' in text
    # Nothing to fetch: no scripts, stylesheets, images or fonts from elsewhere.
    assert not re.search(r"""(src|href)\s*=\s*["'](?!#)""", text)
    assert "@import" not in text
    assert "url(http" not in text
    assert text.count('<section class="organisation"') == 3
    assert text.count('<svg role="img"') == 3 * CHARTS_PER_ORGANISATION
    assert not [personal for personal in PERSONAL if personal in text]


def test_report_words(report: Path) -> None:
    text = report.read_text("utf-8")
    assert "5 medewerkers van Woonstede vulden de scan in." in text
    # Woonstede overall 58.857 %: level 3; median ambition 3.
    assert "Gemiddeld scoren zij 58,9 %: niveau 3, De klantgedreven corporatie." in text
    assert "Geen gedeeld beeld bij Strategie" in text
    assert "Let op: minder dan 5 respondenten" in text
    assert "Leeswijzer" in text
    assert "rwg(j)" in text
    # De Key's median ambition 2.5 lies between two levels.
    assert "niveau 2,5, tussen De klantgerichte corporatie en De klantgedreven corporatie" in text
    # The "other" texts, counted once each.
    assert "minder klachten (2)" in text


def test_report_in_headless_chromium(report: Path, browser: Browser, tmp_path: Path) -> None:
    browser.open(report)
    charts = browser.evaluate(
        """[...document.querySelectorAll('figure.chart svg')].map(svg => {
             const box = svg.getBoundingClientRect();
             return [svg.closest('figure').className, Math.round(box.width),
                     Math.round(box.height), svg.querySelectorAll('path, use').length];
           })"""
    )
    assert len(charts) == 3 * CHARTS_PER_ORGANISATION
    for kind, width, height, shapes in charts:
        assert width > 300, kind
        assert height > 150, kind
        assert shapes > 20, kind  # drawn, not an empty frame
    kinds = [kind for kind, *_ in charts]
    assert kinds.count("chart radar") == 3
    assert kinds.count("chart bars") == 3
    assert browser.problems() == []
    assert browser.requests() == [report.resolve().as_uri()]

    shot = Path(os.environ.get("KRMSCAN_SCREENSHOT_DIR", tmp_path)) / "rapport.png"
    browser.screenshot(shot)
    width, height = struct.unpack(">II", shot.read_bytes()[16:24])
    assert shot.read_bytes().startswith(b"\x89PNG")
    assert width >= 1000
    assert height > 3000


def test_report_prints_on_a4_without_cutting_a_chart(report: Path, browser: Browser) -> None:
    browser.open(report)
    browser.call("Emulation.setEmulatedMedia", media="print")
    try:
        figures = browser.evaluate(
            """[...document.querySelectorAll('figure.chart')].map(figure => [
                 getComputedStyle(figure).breakInside,
                 figure.getBoundingClientRect().height])"""
        )
        sections = browser.evaluate(
            "[...document.querySelectorAll('section')].map(s => getComputedStyle(s).breakBefore)"
        )
    finally:
        browser.call("Emulation.setEmulatedMedia", media="")
    assert figures
    for break_inside, height in figures:
        assert break_inside == "avoid"
        assert height < A4_PRINTABLE_HEIGHT_PX  # fits a page, so it need never be cut
    assert set(sections) == {"page"}
    pdf = browser.pdf()
    assert pdf.startswith(b"%PDF")
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") >= 4
    assert browser.problems() == []


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


def test_report_of_one_organisation_and_bad_files(report: Path, tmp_path: Path) -> None:
    answers = report.parent / "answers"
    shutil.copytree(answers, tmp_path / "in")
    (tmp_path / "in" / "kapot.json").write_text("{", "utf-8")
    out = tmp_path / "woonstede.html"
    done = run_krmscan(
        "report", tmp_path / "in", "--organisation", "woonstede", "-o", out, timeout=300
    )
    assert done.returncode == 1
    assert "overgeslagen" in done.stderr  # notes in the questionnaire's language
    assert "kapot.json" in done.stderr
    text = out.read_text("utf-8")
    assert text.count('<section class="organisation"') == 1
    assert "Woonstede" in text
