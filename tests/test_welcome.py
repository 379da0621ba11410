"""The welcome screen, the questionnaire's optional introduction, and the header line."""

from __future__ import annotations

import io
import json
from pathlib import Path

from rich.console import Console

from krmscan import questionnaire, screens
from krmscan.messages import DUTCH
from krmscan.questionnaire import LoadedQuestionnaire
from tests.screen_support import ENTER, Terminal, flat
from tests.support import REPO, run_krmscan

INTRODUCTION = "Vul de scan in vóór 1 december.\nVragen? Mail de consultant."


def with_introduction(folder: Path, text: str) -> Path:
    path = folder / "scan.yaml"
    source = (REPO / "questionnaire.yaml").read_text("utf-8")
    title = next(line for line in source.splitlines() if line.startswith("title:"))
    path.write_text(source.replace(title, f"{title}\nintroduction: {json.dumps(text)}"), "utf-8")
    return path


def shown(renderable: object, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(renderable)
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


def test_the_welcome_says_what_how_long_and_who_sees_what(tmp_path: Path) -> None:
    loaded = questionnaire.load(with_introduction(tmp_path, INTRODUCTION))
    text = shown(screens.welcome(loaded.questionnaire, DUTCH), 60)
    assert max(map(len, text.splitlines())) <= 60
    flat = " ".join(text.split())
    assert "De scan telt 43 vragen en duurt ongeveer 15 minuten." in flat
    assert "Naam en E-mail: niet verplicht" in flat  # the personal questions, by name
    assert "per organisatie" in flat and "Ctrl-C" in flat
    assert "Vul de scan in vóór 1 december.\nVragen? Mail de consultant." in text


def test_the_welcome_counts_and_names_only_what_is_asked(shipped: LoadedQuestionnaire) -> None:
    statement = shipped.questionnaire.statements[0].id
    fixed = {"organisatie", "naam", statement}
    text = " ".join(shown(screens.welcome(shipped.questionnaire, DUTCH, fixed=fixed), 80).split())
    assert "De scan telt 40 vragen" in text
    assert "E-mail: niet verplicht" in text and "Naam" not in text  # the name is preset
    anonymous = shown(screens.welcome(shipped.questionnaire, DUTCH, anonymous=True), 80)
    assert "De scan telt 41 vragen" in " ".join(anonymous.split())
    assert DUTCH.welcome_anonymous in " ".join(anonymous.split())
    assert "Naam" not in anonymous and "E-mail" not in anonymous


def test_the_first_screen_of_an_anonymous_scan_with_presets(tmp_path: Path) -> None:
    """The welcome drawn before the prompt libraries load, and the unfinished scan it offers."""
    ended = run_krmscan(
        "take", "--anonymous", "--organisation", "Woonstede", cwd=tmp_path, input="1\n2\n"
    )
    assert ended.returncode == 1  # stopped after two answers: an unfinished scan
    args = ["take", "--anonymous", "--organisation", "Woonstede", "--answer", "krm_is=1"]
    terminal = Terminal(args, cwd=tmp_path)
    welcome = flat(terminal.wait_for(DUTCH.welcome_start))
    assert "De scan telt 39 vragen" in welcome and DUTCH.welcome_anonymous in welcome
    assert "Naam" not in welcome and "E-mail" not in welcome
    terminal.send(ENTER)
    offer = flat(terminal.wait_for(DUTCH.unfinished_new))
    assert "(1 van 39 beantwoord)" in offer  # krm_doelen; krm_is and the organisation preset
    terminal.child.sendintr()
    assert terminal.finish() == 130


def test_an_introduction_with_a_control_character_is_refused_at_its_line(tmp_path: Path) -> None:
    path = with_introduction(tmp_path, "Welkom\x1b[2J")
    refused = run_krmscan("validate", path)
    assert refused.returncode == 1
    line = 1 + next(
        number
        for number, text in enumerate(path.read_text("utf-8").splitlines())
        if text.startswith("introduction:")
    )
    assert f"{path}:{line}:1: introduction: holds a control character" in refused.stderr


def test_the_schema_describes_the_introduction() -> None:
    printed = run_krmscan("schema", "questionnaire")
    schema = json.loads(printed.stdout)
    assert "introduction" in schema["properties"]
    assert "welcome screen" in json.dumps(schema["properties"]["introduction"])


def test_the_header_keeps_the_title_and_the_count_at_every_width() -> None:
    title = "Vragenlijst Medewerkerscan-KRM"
    sections = ["Operationeel management 7/7", "De gevoelsmatige ambitie van de corporatie"]
    for width in (80, 60, 40):
        for section in [*sections, "Strategie 1/7", DUTCH.review_general]:
            line = screens.header(title, section, "vraag 43 van 43", 1.0, width, ascii=False)
            assert line.cell_len == width, line.plain
            assert line.plain.startswith("Vragenlijst"), line.plain
            assert "vraag 43 van 43" in line.plain
            if width >= 60:  # the section too, its place (7/7) kept when shortened
                assert section.split()[0] in line.plain and section.split()[-1] in line.plain
    short = screens.header(title, "Strategie 1/7", "vraag 9 van 43", 0.2, 60, ascii=False)
    assert short.plain.startswith("Vragenlijst\u2026 \u00b7 Strategie 1/7")  # cut at a word
    assert short.plain.rstrip().endswith("vraag 9 van 43  " + "\u2501" * 2 + "\u2500" * 8)
    ascii_line = screens.header(title, sections[1], "vraag 8 van 43", 0.2, 60, ascii=True)
    assert ascii_line.plain.isascii() and "Vragenlijst..." in ascii_line.plain
