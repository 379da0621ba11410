"""What the respondent sees: the real `krmscan take` in a pseudo-terminal, read by pyte.

One whole walk at 80x24 and at 60x20 checks the screens of every kind of step; shorter runs
check plain mode's line editing, presets, resume discovery and the kiosk.
"""

from __future__ import annotations

import hashlib
import json
import re
import shlex
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from krmscan import flow
from krmscan.answers import AnswerValue, OtherAnswer
from krmscan.flow import Step
from krmscan.messages import DUTCH, ENGLISH
from krmscan.questionnaire import AmbitionQuestion, LoadedQuestionnaire
from tests.screen_support import (
    BACKSPACE,
    BACKTAB,
    ENTER,
    LEFT,
    Terminal,
    Walker,
    flat,
    keys_for,
)
from tests.support import KRMSCAN, plain_lines, run_krmscan, sample_answers


def as_json(answers: dict[str, AnswerValue]) -> dict[str, object]:
    return json.loads(json.dumps(answers, default=lambda value: value.model_dump()))


@pytest.mark.parametrize(("rows", "columns"), [(24, 80), (20, 60)])
def test_a_whole_walk_shows_every_text_before_it_is_answered(
    shipped: LoadedQuestionnaire, tmp_path: Path, rows: int, columns: int
) -> None:
    questionnaire = shipped.questionnaire
    answers = sample_answers(questionnaire)
    out = tmp_path / "a.json"
    terminal = Terminal(["take", "-o", out], rows=rows, columns=columns, history=True)
    welcome = terminal.wait_for(DUTCH.welcome_start, "the welcome")
    assert questionnaire.title in welcome
    assert "43 vragen" in welcome and "Ctrl-C" in welcome
    terminal.send(ENTER)
    steps = flow.steps(questionnaire)
    ambition = next(s for s in steps if isinstance(s.item, AmbitionQuestion))
    went_back = False

    def check(step: Step, shown: str) -> None:
        nonlocal went_back
        lines = shown.splitlines()
        assert len(lines[0]) <= columns and f"vraag {step.number} van 43" in lines[0]
        assert lines[0].startswith("Vragenlijst"), lines[0]  # the title, at 60 columns too
        assert (step.section_title or DUTCH.review_general).split()[0] in lines[0]
        for line in lines:  # no answered line of questionary's own, in English or bracketed
            assert "done (" not in line and "[" not in line, shown
        if step is ambition:
            show_each_description(terminal, shipped, step)
        if step.number == 12 and not went_back:  # back to 11: nothing of 12 stays
            went_back = True
            terminal.send(BACKTAB)
            earlier = steps[10]
            back = terminal.wait_for(f"vraag {earlier.number} van 43", "the question before")
            assert flat(" ".join(step.item.text.split()[:4])) not in flat(back)
            terminal.send(keys_for(questionnaire, earlier, answers[earlier.id]))
            terminal.wait_for(f"vraag {step.number} van 43", "the question again")

    walker = Walker(terminal, questionnaire, answers, on_screen=check)
    for step in steps:
        walker.step(step)
    # every introduction was on the screen, whole, before its first question; every page
    # holds text (not only a box's border), its key hint whole (wrapped at 60 columns)
    check_pages(walker.pages)
    for step in steps:
        shown = flat(" ".join(map(page_body, walker.intro_pages[step.id])))
        for intro in step.intros:
            assert flat(intro.text or "") in shown, (step.id, intro.title)
            assert flat(intro.title or "") in shown
    # the overview: a section a page; Enter turns them and saves at the last
    overview = terminal.wait_for(DUTCH.review_action, "the overview")
    assert "1 " in overview and "Naam" in overview and "Alice de Vries" in overview
    seen = []
    while True:
        shown = terminal.wait_for(
            lambda s: DUTCH.review_action in s or "Resultaat" in s, "overview or result"
        )
        if "Resultaat" in shown:
            break
        seen.append(shown)
        terminal.send(ENTER)
        terminal.wait_for(lambda s, old=shown: s != old, "the next screen")
    assert any("Operationeel management" in page for page in seen)
    assert all(len(page.splitlines()) <= rows for page in seen)
    assert not [page for page in seen if page.splitlines()[1].startswith(" ")]  # row whole
    check_result(terminal, questionnaire.title)
    saved = json.loads(out.read_text("utf-8"))["answers"]
    assert saved == as_json(answers)


def check_result(terminal: Terminal, title: str) -> None:
    """The result's pages: the table with its header and legend, then what it means.

    When `take` ends the whole result stays: the end on the screen, the table above it in
    the scrollback, no page's header between them.
    """
    result = terminal.wait_for(lambda s: DUTCH.col_component in s, "the result's header")
    assert DUTCH.result_title_ambition.split(":")[0] in result
    assert DUTCH.overall in result and "," in result  # decimal comma in a Dutch scan
    assert not re.search(r"\d\.\d", result)
    legend = "Niveaus: 1. De klantvriendelijke corporatie"
    assert legend in flat(result)  # the legend on the table's page
    assert "4. De" in result  # a level's number on its name's line
    shown = result
    while "opgeslagen in" not in shown:  # the result's pages, turned
        terminal.send(ENTER)
        shown = terminal.wait_for(lambda s, old=shown: s != old, "the next page")
    closing = terminal.wait_for("opgeslagen in", "where the file is")
    assert DUTCH.kiosk_next not in closing  # the program ends: the whole result stays
    assert terminal.finish() == 0
    assert "Strategie: niveau" in closing
    # the whole result stays: above the end on the screen, the table, with no header between
    left = terminal.scrollback + "\n" + terminal.display
    whole = left[left.rindex(DUTCH.result_title_ambition.split(":")[0]) :]
    assert DUTCH.overall in whole and "Strategie: niveau" in whole and "opgeslagen in" in whole
    assert title not in whole


BOX_LINES = str.maketrans("", "", "\u256d\u256e\u2570\u256f\u2500\u2502")


def check_pages(pages: list[str]) -> None:
    """Every page holds text, not only a box's border, and its key hint whole (wrapped).

    (An overview page starts with a row's number or a section's title: never with the rest
    of an answer whose question is on the page before.)
    """
    for page in pages:
        assert any(char.isalnum() for char in page_body(page).translate(BOX_LINES)), page
        tail = flat(" ".join(page.rstrip().splitlines()[-2:]))
        assert DUTCH.page_next in tail or DUTCH.page_to_question in tail, page
        number = re.search(r"pagina (\d+) van", tail)
        if number and number.group(1) != "1":
            assert DUTCH.page_back.lstrip(", ") in tail, page


def page_body(page: str) -> str:
    """A page without its header line and its key hint (the text shown in between)."""
    lines = page.rstrip().splitlines()
    blank = max(i for i, line in enumerate(lines) if not line.strip())  # above the hint
    return "\n".join(lines[1:blank])


def show_each_description(terminal: Terminal, shipped: LoadedQuestionnaire, step: Step) -> None:
    """Each option highlighted in turn (by its number): its whole description is on screen."""
    item = step.item
    assert isinstance(item, AmbitionQuestion)
    for number, option in enumerate(item.options, start=1):
        terminal.send(str(number))
        description = flat(shipped.questionnaire.level(option.level).description or "")
        terminal.wait_for(lambda s, d=description: d in flat(s), f"description {number}")
    terminal.send("1")  # back on the first: the walker's digit chooses
    terminal.settle()


def _prompt_after(question: str) -> Callable[[str], bool]:
    """True for a screen whose last line is the empty ``>`` prompt of ``question``."""
    return lambda shown: question in shown and shown.rstrip().endswith("\n>")


def test_plain_mode_on_a_terminal_edits_the_line(tmp_path: Path) -> None:
    """Arrow keys and Backspace edit the line; the stored answer is the edited text."""
    out = tmp_path / "a.json"
    terminal = Terminal(["take", "--plain", "-o", out], cwd=tmp_path)
    terminal.wait_for("[vraag 1 van 43]\nNaam\n(mag leeg blijven)\n>", "the first prompt")
    terminal.send("Alice" + ENTER)
    terminal.wait_for(_prompt_after("Organisatie"), "the second prompt")
    terminal.send("Woonstdx" + BACKSPACE + "e" + LEFT + LEFT + "e" + ENTER)
    # Ctrl-D is end of input only once readline reads the line: before its prompt the
    # terminal is still in cooked mode, where the kernel swallows it.
    terminal.wait_for(_prompt_after("E-mail"), "the third prompt")
    terminal.send("\x04")  # end of input: the progress stays
    assert terminal.finish() == 1
    saved = json.loads((tmp_path / "a.json.partial").read_text("utf-8"))["answers"]
    assert saved == {"naam": "Alice", "organisatie": "Woonstede"}


def test_presets_are_not_asked_and_are_stored(shipped: LoadedQuestionnaire, tmp_path: Path) -> None:
    questionnaire = shipped.questionnaire
    answers = sample_answers(questionnaire, organisation="Stg. Thuisvast")
    answers["krm_is"] = ["over_nadenken", "goed_beheersen"]
    lines = plain_lines(questionnaire, answers)
    assert lines[1] == "Stg. Thuisvast" and lines[3] == "1,3"
    del lines[3], lines[1]  # the preset questions are not asked
    out = tmp_path / "a.json"
    taken = run_krmscan(
        "take", "--organisation", "Stg. Thuisvast", "--answer", "krm_is=1, goed_beheersen",
        "-o", out, input="".join(f"{line}\n" for line in lines),
    )  # fmt: skip
    assert taken.returncode == 0, taken.stderr
    assert "]\nOrganisatie\n" not in taken.stdout  # no question under a progress line
    assert "KlantRelatieManagement (KRM) is" not in taken.stdout
    assert "[vraag 2 van 41]\nE-mail" in taken.stdout
    assert json.loads(out.read_text("utf-8"))["answers"] == as_json(answers)


def test_statements_and_other_texts_can_be_preset(
    shipped: LoadedQuestionnaire, tmp_path: Path
) -> None:
    questionnaire = shipped.questionnaire
    first, second = questionnaire.statements[:2]
    other = "Minder klachten, meer rust: echt"
    answers = sample_answers(questionnaire)
    answers["krm_doelen"] = [
        "doel_verkoop_aanvullende_dienstverlening",
        OtherAnswer(id="doel_anders", text=other),
    ]
    answers[first.id], answers[second.id] = "eens", "neutraal"
    lines = plain_lines(questionnaire, answers)
    statements = len(lines) - len(questionnaire.statements)
    assert lines[5] == other and lines[statements : statements + 2] == ["3", "2"]
    del lines[statements : statements + 2], lines[4:6]  # krm_doelen, its text, two statements
    out = tmp_path / "a.json"
    taken = run_krmscan(
        "take", "-o", out,
        "--answer", f"krm_doelen=1, Anders,namelijk:{other}",  # an option text with a comma
        "--answer", f"{first.id}=Eens", "--answer", f"{second.id}=2",
        input="".join(f"{line}\n" for line in lines),
    )  # fmt: skip
    assert taken.returncode == 0, taken.stderr
    assert "vraag 40 van 40]" in taken.stdout and first.text not in taken.stdout
    assert json.loads(out.read_text("utf-8"))["answers"] == as_json(answers)


def test_the_overview_wraps_the_presets_and_keeps_their_mark(
    shipped: LoadedQuestionnaire, tmp_path: Path
) -> None:
    questionnaire = shipped.questionnaire
    organisation = "Stichting Woonstede Regio Gelderse Vallei en Omstreken"
    other = "Een werkgroep van huurders, medewerkers en de raad van commissarissen"
    presets = [
        "--organisation", organisation, "--answer", f"krm_initiatief=1,init_overig:{other}",
    ]  # fmt: skip
    lines = plain_lines(questionnaire, sample_answers(questionnaire))
    del lines[-1], lines[6:8], lines[1]  # the last statement, the presets
    out = tmp_path / "a.json"
    ended = run_krmscan("take", *presets, "-o", out, input="".join(f"{x}\n" for x in lines))
    assert ended.returncode == 1  # stopped before the last statement
    terminal = Terminal(["take", *presets, "--resume", "-o", out], rows=20, columns=60)
    terminal.wait_for(DUTCH.welcome_start)
    terminal.send(ENTER)
    terminal.wait_for("vraag 41 van 41")
    terminal.send("3" + ENTER)
    shown = terminal.wait_for(DUTCH.review_save)
    top = flat(shown.split("Algemeen")[0])
    assert f"Organisatie: {organisation} {DUTCH.preset_fixed}" in top
    assert f"geïnitieerd? Directie / managementteam (top-down); Overig: {other} (vastgezet)" in top
    assert max(len(line) for line in shown.splitlines()) <= 60
    terminal.child.sendintr()
    assert terminal.finish() == 130


def test_the_organisation_from_the_environment(tmp_path: Path) -> None:
    env_run = subprocess.run(
        [str(KRMSCAN), "take"],
        input="Bob\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"KRMSCAN_ORGANISATION": "Woonstede", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert env_run.returncode == 1  # the input ended at the e-mail
    assert "Organisatie" not in env_run.stdout
    [progress] = tmp_path.glob("krmscan-woonstede-*.json.partial")
    assert json.loads(progress.read_text("utf-8"))["answers"]["organisatie"] == "Woonstede"
    assert "--organisation Woonstede --resume" in env_run.stderr


@pytest.mark.parametrize(
    ("preset", "message"),
    [
        (["--answer", "krm_is=1,2,3"], "Kies maximaal 2 antwoorden."),
        (["--answer", "nope=1"], "geen vraag of stelling 'nope'"),
        (["--answer", "email=alice@"], DUTCH.invalid_email),
        (["--answer", "krm_is"], "VRAAG_ID=WAARDE"),
        (["--answer", "krm_is=7"], "deze keuze bestaat niet; kies uit 1 = over_nadenken"),
        (["--answer", "strategie_huurders_centraal=ja"], "kies uit 1 = oneens, 2 = neutraal"),
        (["--answer", "krm_doelen=doel_anders"], "doel_anders:Uw tekst"),
        (["--answer", "krm_doelen=1:tekst"], DUTCH.preset_text_without_other),
        (["--answer", "krm_doelen=doel_anders:  "], "Vul in wat u bedoelt met 'Anders, namelijk'"),
        (["--organisation", "a\x1b[2J"], DUTCH.control_characters),
    ],
)
def test_a_bad_preset_is_refused_before_any_prompt(
    tmp_path: Path, preset: list[str], message: str
) -> None:
    refused = run_krmscan("take", *preset, cwd=tmp_path, input="Alice\n")
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert message in refused.stderr and "\x1b" not in refused.stderr
    assert list(tmp_path.iterdir()) == []


def test_take_without_o_offers_the_unfinished_scans(tmp_path: Path) -> None:
    for name in ("Alice", "Bob"):  # two unfinished scans, stopped at the e-mail
        ended = run_krmscan("take", cwd=tmp_path, input=f"{name}\nWoonstede {name}\n")
        assert ended.returncode == 1
        time.sleep(1.05)  # saved in another second: Bob's is the latest
    terminal = Terminal(["take"], cwd=tmp_path)
    terminal.wait_for(DUTCH.welcome_start)
    terminal.send(ENTER)
    offer = terminal.wait_for(DUTCH.unfinished_new, "the offer")
    assert "Woonstede Bob" in offer and "Woonstede Alice" in offer
    assert offer.index("Woonstede Bob") < offer.index("Woonstede Alice")  # the latest first
    assert "(2 van 43 beantwoord)" in flat(offer)
    assert DUTCH.unfinished_title_many in offer
    terminal.send(ENTER)  # continue the latest
    terminal.wait_for("vraag 3 van 43", "the next question of Bob's scan")
    terminal.send("\x03")
    assert terminal.finish() == 130
    stopped = terminal.display
    assert "woonstede-bob" in stopped
    assert len(list(tmp_path.glob("*.partial"))) == 2


def test_a_kiosk_takes_two_respondents_and_forgets_the_first(
    shipped: LoadedQuestionnaire, tmp_path: Path
) -> None:
    questionnaire = shipped.questionnaire
    folder = tmp_path / "sessie"
    folder.mkdir()
    terminal = Terminal(
        ["take", "--kiosk", folder, "--organisation", "Woonstede"], cwd=tmp_path, history=True
    )
    steps = flow.steps(questionnaire, skip=lambda question: question.group)
    for name, mail in [("Alice Eerste", "alice@eerste.nl"), ("Bob Tweede", "bob@tweede.nl")]:
        welcome = terminal.wait_for(DUTCH.welcome_start, "the welcome")
        seen = f"{terminal.scrollback}\n{welcome}"
        for earlier in ("Alice", "alice@eerste.nl", "Resultaat", "opgeslagen"):
            assert earlier not in seen
        terminal.send(ENTER)
        answers = sample_answers(questionnaire)
        answers["naam"], answers["email"] = name, mail
        walker = Walker(terminal, questionnaire, answers)
        for step in steps:
            walker.step(step)
        shown = terminal.wait_for(DUTCH.review_action, "the overview")
        while DUTCH.kiosk_next not in shown:  # the overview's pages, saving, the result's
            terminal.send(ENTER)
            shown = terminal.wait_for(
                lambda s, old=shown: s != old and (DUTCH.review_action in s or "Niveaus" in s
                                                   or DUTCH.kiosk_next in s),
                "the next page",
            )  # fmt: skip
        assert flat(DUTCH.kiosk_saved_next) in flat(shown)  # no file to hand in or delete
        assert "verwijderen" not in shown and str(folder) not in flat(shown)
        terminal.send(ENTER)
    terminal.wait_for(DUTCH.welcome_start, "the third welcome")
    terminal.send("\x03")  # Ctrl-C at the welcome ends the kiosk
    assert terminal.finish() == 0
    files = sorted(folder.iterdir())
    assert len(files) == 2 and files[0].name != files[1].name
    names = {json.loads(f.read_text("utf-8"))["answers"]["naam"] for f in files}
    assert names == {"Alice Eerste", "Bob Tweede"}
    assert all(json.loads(f.read_text())["answers"]["organisatie"] == "Woonstede" for f in files)
    assert "Bob" not in terminal.scrollback + terminal.display


def test_a_kiosk_never_hands_one_persons_scan_to_the_next(tmp_path: Path) -> None:
    """A new scan is the default; a scan continued there asks the personal questions again."""
    folder = tmp_path / "sessie"
    folder.mkdir()
    args = ["take", "--kiosk", folder, "--organisation", "Woonstede"]
    terminal = Terminal(args, cwd=tmp_path, history=True)

    def stop_and_return() -> str:
        terminal.send("\x03")  # Ctrl-C: the progress stays
        terminal.wait_for(DUTCH.kiosk_next, "the stop message")
        terminal.send(ENTER)
        terminal.wait_for(DUTCH.welcome_start, "the next welcome")
        terminal.send(ENTER)
        return terminal.wait_for(DUTCH.unfinished_new, "the offer of the unfinished scan")

    def seen() -> str:
        return f"{terminal.scrollback}\n{terminal.display}"

    terminal.wait_for(DUTCH.welcome_start)
    terminal.send(ENTER)
    for typed, header in [("Alice Eerste", "vraag 1 "), ("alice@eerste.nl", "vraag 2 ")]:
        terminal.wait_for(header)
        terminal.send(typed + ENTER)
    terminal.wait_for("vraag 3 van 42")
    terminal.send("1" + ENTER)
    terminal.wait_for("vraag 4 van 42")
    offer = stop_and_return()
    assert flat(DUTCH.kiosk_unfinished_title) in flat(offer)
    assert f"» 1) {DUTCH.unfinished_new}" in offer  # the default: a new scan
    terminal.send(ENTER)
    fresh = terminal.wait_for("vraag 1 van 42", "a new scan")
    assert "Alice" not in seen() and "alice@" not in seen()
    assert "Naam" in fresh
    offer = stop_and_return()
    assert flat(offer).count("beantwoord") == 1  # the name and e-mail are not counted:
    assert "(1 van 42 beantwoord)" in flat(offer)  # they will be asked again
    terminal.send("\x1b[B" + ENTER)  # the next person continues the unfinished scan anyway
    asked = terminal.wait_for("vraag 1 van 42", "the name, asked again")
    assert "Naam" in asked
    terminal.send("Bob" + ENTER)
    terminal.wait_for("vraag 2 van 42", "the e-mail, asked again")
    terminal.send(BACKTAB)  # back to the name: only what this person typed
    terminal.wait_for("vraag 1 van 42")
    terminal.send(ENTER)
    terminal.wait_for("vraag 2 van 42")
    terminal.send(ENTER)  # no e-mail this time
    terminal.wait_for("vraag 4 van 42", "on at the first unanswered question")
    assert "Alice" not in seen() and "alice@" not in seen()
    terminal.send("\x03")
    terminal.wait_for(DUTCH.kiosk_next)
    terminal.send(ENTER)
    terminal.wait_for(DUTCH.welcome_start)
    terminal.send("\x03")
    assert terminal.finish() == 0
    answers = [json.loads(p.read_text("utf-8"))["answers"] for p in folder.glob("*.partial")]
    continued = max(answers, key=len)
    assert continued == {
        "naam": "Bob", "organisatie": "Woonstede", "email": "", "krm_is": ["over_nadenken"]
    }  # fmt: skip


def test_the_printed_command_runs_as_printed(tmp_path: Path) -> None:
    ended = run_krmscan("take", "--organisation", "Stg. Thuisvast", cwd=tmp_path, input="Al\n")
    assert ended.returncode == 1
    printed = ended.stderr.rstrip("\n").splitlines()[-1].strip()
    assert shlex.split(printed)[:2] == [str(KRMSCAN), "take"]
    assert "'Stg. Thuisvast'" in printed
    resumed = subprocess.run(
        printed, shell=True, cwd=tmp_path, input="", capture_output=True, text=True, check=False
    )
    assert resumed.returncode == 1  # continued (and the input ended again), not refused
    assert "(2. E-mail)" in resumed.stderr


def test_the_printed_command_runs_for_a_name_with_control_characters(tmp_path: Path) -> None:
    """Shown made visible the name would be another file: it is written $'...' instead."""
    name = "scan \x1b[2J\u202e\x07 it's.json"
    ended = run_krmscan("take", "-o", name, cwd=tmp_path, input="Al\n")
    assert ended.returncode == 1
    printed = ended.stderr.rstrip("\n").splitlines()[-1].strip()
    assert printed.endswith("""-o $'scan \\x1b[2J\\u202e\\x07 it\\'s.json'""")
    resumed = subprocess.run(
        ["bash", "-c", printed], cwd=tmp_path, input="", capture_output=True, text=True, check=False
    )
    assert resumed.returncode == 1  # continued (and the input ended again), not refused
    assert "(2. Organisatie)" in resumed.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == [f"{name}.partial"]


def test_a_bell_from_the_data_is_shown_as_its_picture(tmp_path: Path) -> None:
    """Rich drops BEL (and BS, VT, FF, CR) silently; krmscan shows it, as it shows ESC."""
    valid = Path(__file__).parent / "bad_inputs" / "questionnaires" / "valid.yaml"
    text = valid.read_text("utf-8")
    text = text.replace("title: Mini scan", 'title: "Mini\\a scan\\e"')
    text = text.replace("text: Better service", 'text: "Better\\a service"')
    (tmp_path / "q.yaml").write_text(text, "utf-8")
    saved = {
        "format": "krmscan-progress",
        "format_version": 1,
        "questionnaire": {
            "id": "mini_scan",
            "version": "1",
            "sha256": hashlib.sha256((tmp_path / "q.yaml").read_bytes()).hexdigest(),
        },
        "started_at": "2026-11-27T10:02:11+01:00",
        "saved_at": "2026-11-27T10:05:11+01:00",
        "position": {"id": "goals", "number": 2, "total": 5},
        "answers": {"organisation": "Woon\astede\x1b]0;x\a"},
    }
    (tmp_path / "a.json.partial").write_text(json.dumps(saved), "utf-8")
    terminal = Terminal(["take", "-q", "q.yaml", "-o", "a.json", "--resume"], cwd=tmp_path)
    welcome = terminal.wait_for(ENGLISH.welcome_start, "the welcome")
    assert "Mini\u2407 scan\u241b" in welcome  # the title, its BEL and ESC shown
    terminal.send(ENTER)
    question = terminal.wait_for("Better\u2407 service", "the option with its BEL shown")
    assert "Mini\u2407 scan\u241b" in question.splitlines()[0]  # the header
    terminal.send(BACKTAB)  # back to the organisation, its answer offered again
    again = terminal.wait_for("Woon\u2407stede\u241b]0;x\u2407", "the saved answer shown")
    assert "\a" not in welcome + question + again
    terminal.send("\x03")
    terminal.finish()


@pytest.mark.parametrize(("rows", "columns"), [(24, 80), (20, 60)])
def test_the_reason_for_a_too_long_answer_stays_on_the_screen(
    tmp_path: Path, rows: int, columns: int
) -> None:
    """A refused answer of many lines is offered again; the question and reason stay above it."""
    terminal = Terminal(["take", "-o", "a.json"], rows=rows, columns=columns, cwd=tmp_path)
    terminal.wait_for(DUTCH.welcome_start, "the welcome")
    terminal.send(ENTER)
    terminal.wait_for("? Naam", "the first question")
    terminal.send("abcdefghi " * 210 + ENTER)  # 2100 characters: 27 lines at 80 columns
    shown = terminal.wait_for(lambda s: "2100" in s, "the reason")
    assert "Dit antwoord is te lang: 2100 tekens, maximaal 2000." in flat(shown)
    assert "? Naam" in shown
    terminal.send("\x15Alice" + ENTER)  # Ctrl-U empties the line
    shown = terminal.wait_for("? Organisatie", "the next question")
    assert "te lang" not in shown
    terminal.send("\x03")
    assert terminal.finish() == 130


def test_a_kiosk_stop_message_keeps_paths_whole_at_60_columns(tmp_path: Path) -> None:
    """Ctrl-C in a kiosk: the message wrapped at words, each path whole on one line."""
    folder = tmp_path / "een-lange-mapnaam-voor-de-kiosk-van-vandaag" / "sessie"
    folder.mkdir(parents=True)
    args = ["take", "--kiosk", folder, "--organisation", "Stg. Thuisvast"]
    terminal = Terminal(args, rows=20, columns=60, cwd=tmp_path)
    terminal.wait_for(DUTCH.welcome_start)
    terminal.send(ENTER)
    for typed, header in [("Alice", "vraag 1 "), ("", "vraag 2 "), ("1", "vraag 3 ")]:
        terminal.wait_for(header)
        terminal.send(typed + ENTER)
    terminal.wait_for("vraag 4 van 42")
    terminal.send("\x03")
    stopped = terminal.wait_for(DUTCH.kiosk_next, "the stop message")
    progress = [path.name for path in folder.iterdir()]
    assert progress
    assert flat(DUTCH.kiosk_next) in flat(stopped)
    written = terminal.output.decode("utf-8", "replace")  # the terminal wraps a path, the
    assert f"{folder}/{progress[0]}" in written  # program writes it whole (to copy it)
    assert "'Stg. Thuisvast' --resume -o " in written
    terminal.send(ENTER)
    terminal.wait_for(DUTCH.welcome_start)
    terminal.send("\x03")
    assert terminal.finish() == 0


@pytest.mark.parametrize(("rows", "columns"), [(24, 80), (20, 60)])
def test_back_from_an_other_text_draws_the_options_afresh(
    tmp_path: Path, rows: int, columns: int
) -> None:
    """Shift+Tab in the text of "Anders, namelijk": the options' screen, nothing of the text's."""
    args = ["take", "--anonymous", "--organisation", "X", "-o", tmp_path / "a.json"]
    terminal = Terminal(args, rows=rows, columns=columns)
    terminal.wait_for(DUTCH.welcome_start)
    terminal.send(ENTER)
    terminal.wait_for("vraag 1 van 40")
    terminal.send("1" + ENTER)
    first = terminal.wait_for("vraag 2 van 40")
    terminal.send("8" + ENTER)
    terminal.wait_for("Anders, namelijk:", "the other option's text")
    terminal.send("abc" + BACKTAB)
    again = terminal.wait_for(lambda s: "8) Anders" in s and "abc" not in s, "the options")
    lines = again.splitlines()
    assert "vraag 2 van 40" in lines[0]
    assert flat(again).count("Welk(e) doel(en)") == 1, again
    assert flat(DUTCH.text_back_hint) not in flat(again)
    assert again.split("Welk(e)")[0] == first.split("Welk(e)")[0]  # the same lines above it
    terminal.send(ENTER)
    terminal.wait_for("Anders, namelijk:")
    terminal.send("abc" + ENTER)
    terminal.wait_for("vraag 3 van 40", "the next question")
