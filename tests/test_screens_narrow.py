"""What the respondent reads at 60 columns and in plain mode typed by hand (issue 10).

The real `krmscan take` runs in a pseudo-terminal: messages wrap between words and the
screen is cleared for them, the overview's number check is read whole, and plain mode at a
terminal waits for Enter before its output would scroll away unread.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pexpect
import pytest
from rich.console import Console

from krmscan import flow, render, screens
from krmscan.flow import Intro
from krmscan.messages import DUTCH
from krmscan.prompts import PlainPrompter
from krmscan.questionnaire import LoadedQuestionnaire
from krmscan.render import Text
from tests.screen_support import ENTER, Terminal, flat
from tests.support import KRMSCAN, plain_lines, run_krmscan, sample_answers

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def words_whole(text: str, shown: str) -> bool:
    """Whether ``text`` is on the screen with no word broken (lines joined by a space)."""
    return flat(text) in flat(shown)


def test_ctrl_c_leaves_a_clean_screen_and_a_message_wrapped_at_words(tmp_path: Path) -> None:
    terminal = Terminal(["take", "-o", "a.json"], rows=20, columns=60, cwd=tmp_path)
    terminal.wait_for(DUTCH.welcome_start, "the welcome")
    terminal.send(ENTER)
    terminal.wait_for("Naam", "the first question")
    terminal.send("Alice" + ENTER)
    terminal.wait_for("vraag 2 van 43", "the second question")
    terminal.send("\x03")
    assert terminal.finish() == 130
    shown = terminal.display
    assert "vraag 2 van 43" not in shown and "Organisatie" not in shown  # no stale header
    paused = DUTCH.paused.format(progress="a.json.partial", command="")
    first = paused.split("\n")[0]
    assert shown.startswith(first.split()[0])
    assert words_whole(first, shown), shown
    assert all(len(line) <= 60 for line in shown.splitlines())


def _half_done(shipped: LoadedQuestionnaire, folder: Path) -> Path:
    """An answers file whose progress holds every answer but the last (piped, ended early)."""
    out = folder / "a.json"
    lines = plain_lines(shipped.questionnaire, sample_answers(shipped.questionnaire))
    ended = run_krmscan("take", "-o", out, input="\n".join(lines[:-1]) + "\n", cwd=folder)
    assert ended.returncode == 1 and out.with_name("a.json.partial").exists()
    return out


def test_the_overview_number_check_is_read_whole_at_60_columns(
    shipped: LoadedQuestionnaire, tmp_path: Path
) -> None:
    out = _half_done(shipped, tmp_path)
    terminal = Terminal(["take", "--resume", "-o", out], rows=20, columns=60, cwd=tmp_path)
    terminal.wait_for(DUTCH.welcome_start, "the welcome")
    terminal.send(ENTER)
    terminal.wait_for("vraag 43 van 43", "the last question")
    terminal.send("1")
    terminal.send(ENTER)
    overview = terminal.wait_for(DUTCH.review_action, "the overview")
    assert DUTCH.review_general in overview
    terminal.send("3" + ENTER)  # Nee, een antwoord wijzigen
    terminal.wait_for(lambda s: "1 tot en met" in s, "the number prompt")
    terminal.send("99" + ENTER)
    reason = DUTCH.review_number_range.format(total=43)
    shown = terminal.wait_for(lambda s: words_whole(reason, s), "the reason, whole")
    assert "99" in shown.split(reason.split()[-1])[-1]  # asked again, what was typed kept
    terminal.child.terminate(force=True)


def _spawn_plain(out: Path, folder: Path, rows: int, columns: int) -> pexpect.spawn:
    environment = {**os.environ, "TERM": "xterm-256color"}
    for name in ("COLUMNS", "LINES", "NO_COLOR"):
        environment.pop(name, None)
    return pexpect.spawn(
        str(KRMSCAN),
        ["take", "--plain", "-o", str(out)],
        env=environment,
        cwd=str(folder),
        dimensions=(rows, columns),
        encoding="utf-8",
        timeout=20,
    )


def _until(child: pexpect.spawn, wanted: str | type[pexpect.EOF] = "> ") -> list[str]:
    """What is printed up to ``wanted``, a screenful per item: each page turned with Enter."""
    screens = []
    while child.expect_exact([wanted, DUTCH.page_next]) == 1:
        screens.append(ANSI.sub("", child.before))
        child.sendline("")
    return [*screens, ANSI.sub("", child.before)]


@pytest.mark.parametrize(("rows", "columns"), [(24, 80), (20, 60)])
def test_plain_mode_typed_by_hand_never_scrolls_text_away(
    shipped: LoadedQuestionnaire, tmp_path: Path, rows: int, columns: int
) -> None:
    """Each screenful waits for Enter; a change is confirmed, not the overview reprinted."""
    questionnaire = shipped.questionnaire
    out = tmp_path / "a.json"  # with the message longer than a line, shorter than one alone
    child = _spawn_plain(out, tmp_path, rows, columns)
    printed: list[str] = []
    for line in plain_lines(questionnaire, sample_answers(questionnaire)):
        printed += _until(child)
        child.sendline(line)
    assert printed[0].lstrip().startswith(questionnaire.title)  # the plain welcome's title
    ambition = next(i for i, shown in enumerate(printed) if "De partner in wonen" in shown)
    assert "Onze interne processen zijn leidend" not in printed[ambition]  # an earlier page
    overview = _until(child)
    assert len(overview) > 1 and DUTCH.review_title in overview[0]
    titles = {DUTCH.review_general, *(c.name for c in questionnaire.components)}
    titles |= {s.title for s in questionnaire.sections if s.title}
    for shown in overview[1:]:  # each screenful starts with a row or a title: rows stay whole
        first = next(line for line in shown.split("\r\n")[1:] if line.strip())
        whole = first.strip() in titles or DUTCH.plain_review_prompt.startswith(first.strip())
        assert re.match(r"\s*\d+\. ", first) or whole, shown
    for shown in overview:  # a row's wrapped lines continue under its text, not at column 0
        for line in shown.split(DUTCH.plain_review_prompt[:20])[0].split("\r\n")[1:]:
            starts = re.match(r"\s*\d+\. ", line) or line.startswith(" " * 5)
            assert starts or not line.strip() or line.strip() in titles | {DUTCH.review_title}
    # a heading (an introduction's, a section's, a level's name) never ends a screenful
    headings = titles | {i.title for s in flow.steps(questionnaire) for i in s.intros if i.title}
    headings |= {f"{level.level}. {level.name}" for level in questionnaire.levels}
    for shown in [*printed, *overview]:
        last = [line.strip() for line in shown.split("\r\n") if line.strip()][-1]
        assert last not in headings, shown
    child.sendline("20")
    printed = _until(child)
    child.sendline("1")  # Oneens
    again = _until(child)
    assert DUTCH.review_changed.format(n=20, answer="Oneens") in again[-1]
    assert DUTCH.review_title not in "".join(again)  # not the whole overview again
    child.sendline("")
    result = _until(child, pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    for shown in [*printed, *overview, *again, *result]:
        assert len(shown.rstrip().split("\r\n")) <= rows  # a screenful between two Enters
    path = str(out.resolve())
    lines = "".join(result).split("\r\n")
    assert path in lines  # whole on its line; the rest wrapped at words
    assert all(len(line) <= columns for line in lines if line != path), lines[-8:]


def test_no_page_holds_only_a_box_border() -> None:
    console = Console(file=io.StringIO(), width=60, color_system=None)
    lines = screens.lines_of(console, render.intro_panel(Intro("Strategie", "Een tekst. " * 20)))
    for height in range(3, len(lines) + 1):
        paged = screens.pages(lines, height)
        assert [line for page in paged for line in page] == lines  # nothing lost, in order
        assert all(len(page) <= height for page in paged)
        assert all(any(char.isalnum() for line in page for char in line) for page in paged)


def test_an_overview_row_stays_with_its_answer_on_one_page() -> None:
    blocks = [["Algemeen", "1  Naam   Alice"], ["2  Doelen  een,", "           twee"], ["3  x  y"]]
    paged = screens.paged_blocks(blocks, 3)
    assert paged == [
        ["Algemeen", "1  Naam   Alice"],
        ["2  Doelen  een,", "           twee", "3  x  y"],
    ]


def test_plain_paging_keeps_a_heading_with_its_text(shipped: LoadedQuestionnaire) -> None:
    """A heading on a screen's last line waits for the next screen, with its text."""
    console = Console(file=io.StringIO(), width=60, height=20, color_system=None)
    prompter = PlainPrompter(shipped.questionnaire, DUTCH, console, io.StringIO("\n" * 20))
    prompter.paging = True
    prompter.say(Text("\n".join(["regel"] * 16)))  # a blank line, then one line is left
    prompter.show_intro(Intro("Inbedding van de missie", "Een tekst. " * 100))
    pages = [page.split("\n") for page in console.file.getvalue().split("> ")]  # Enter typed
    assert len(pages) > 2
    for page in pages:
        assert all(len(line) <= 60 for line in page)
    assert pages[0][:-1] == ["regel"] * 16 + [""]
    assert pages[1][1] == "Inbedding van de missie"  # not alone at the foot of the first
    assert pages[1][2].startswith("Een tekst.")
