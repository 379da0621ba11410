"""Every rule of the questionnaire model, each broken once in a copy of the shipped file.

Each case edits the text of ``questionnaire.yaml`` and marks with ``‸`` where every expected
problem must point; the marks are removed before the file is written, and their line and column
in the edited text give the exact ``FILE:LINE:COL: path: message`` lines `validate` must print.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from krmscan import questionnaire
from krmscan.cli import app
from krmscan.errors import ProblemsError
from krmscan.yaml_source import MAX_DEPTH, MAX_NODES
from tests.support import REPO, capped, run_krmscan

SHIPPED = (REPO / "questionnaire.yaml").read_text("utf-8")
MARK = "‸"
assert MARK not in SHIPPED


def line_of(needle: str) -> int:
    """The 1-based line of the only occurrence of ``needle`` in the shipped file."""
    assert SHIPPED.count(needle) == 1, needle
    return SHIPPED[: SHIPPED.index(needle)].count("\n") + 1


def between(start: str, end: str) -> str:
    """The shipped text from ``start`` up to and including ``end``."""
    first = SHIPPED.index(start)
    return SHIPPED[first : SHIPPED.index(end, first) + len(end)]


@dataclass(frozen=True)
class Case:
    """Edits (old text -> new text, each old text found exactly once) and the problems expected.

    The n-th ``problems`` entry (dotted path or None for a YAML syntax error, message) belongs
    to the n-th mark in the edited text.
    """

    id: str
    edits: list[tuple[str, str]]
    problems: list[tuple[str | None, str]]
    prefix: str = ""


def edited(case: Case) -> str:
    text = SHIPPED
    for old, new in case.edits:
        assert text.count(old) == 1, f"{case.id}: {old!r} must occur once"
        text = text.replace(old, new)
    return case.prefix + text


def expected_lines(text: str, problems: list[tuple[str | None, str]], path: Path) -> list[str]:
    """The problem lines for a marked text (marks in order of appearance)."""
    lines = []
    for path_text, message in problems:
        offset = text.index(MARK)
        text = text[:offset] + text[offset + 1 :]
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        where = f"{path}:{line}:{column}:"
        lines.append(f"{where} {path_text}: {message}" if path_text else f"{where} {message}")
    assert MARK not in text, "more marks than expected problems"
    return lines


GAP = "must equal the previous band's to_pct ({}): bands may not overlap or leave a gap"
AMBITION_SECTION = between("  - id: ambitie\n", "{id: partner_in_wonen, level: 4}\n")
NAAM = "      - id: naam\n        type: text\n        text: Naam\n"
UNKNOWN_FIELD = (
    "unknown field 'statments'; did you mean 'statements'? (fields: `krmscan schema questionnaire`)"
)
BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)

CASES = [
    # ids unique across the whole file
    Case(
        "duplicate question id",
        [("      - id: organisatie\n", f"      - {MARK}id: naam\n")],
        [
            (
                "sections[0].questions[1].id",
                "id 'naam' is used twice (also at sections[0].questions[0])",
            )
        ],
    ),
    Case(
        "statement id equal to an option id",
        [
            (
                "      - id: strategie_omgang_huurders_omschreven\n",
                f"      - {MARK}id: over_nadenken\n",
            )
        ],
        [
            (
                "components[0].statements[1].id",
                "id 'over_nadenken' is used twice (also at sections[0].questions[3].options[0])",
            )
        ],
    ),
    Case(
        "component id equal to a scale id",
        [
            ("  - id: eens\n", "  - id: strategie\n"),
            ("  - id: strategie\n    name:", f"  - {MARK}id: strategie\n    name:"),
        ],
        [("components[0].id", "id 'strategie' is used twice (also at scale[2])")],
    ),
    Case(
        "ambition option id equal to a section id",
        [("{id: klantgericht, level: 2}", f"{{{MARK}id: profiel, level: 2}}")],
        [
            (
                "sections[1].questions[0].options[1].id",
                "id 'profiel' is used twice (also at sections[0])",
            )
        ],
    ),
    # duplicate YAML keys
    Case(
        "duplicate top-level key",
        [('version: "1"\n', f'version: "1"\n{MARK}version: "2"\n')],
        [
            (
                "version",
                f"duplicate key 'version' (first at line {line_of('version: ')}); keep one of them",
            )
        ],
    ),
    Case(
        "duplicate key inside a question",
        [
            (
                "        text: Organisatie\n",
                f"        text: Organisatie\n        {MARK}text: Bedrijf\n",
            )
        ],
        [
            (
                "sections[0].questions[1].text",
                f"duplicate key 'text' (first at line {line_of('text: Organisatie')}); "
                "keep one of them",
            )
        ],
    ),
    # levels
    Case(
        "levels not counting 1..N",
        [
            ("  - level: 3\n", f"  - {MARK}level: 5\n"),
            ("\nbands:\n", f"\n{MARK}bands:\n"),
            ("{id: klantgedreven, level: 3}", f"{{id: klantgedreven, {MARK}level: 3}}"),
        ],
        [
            ("levels[2].level", "must be 3: levels count 1, 2, 3, ..."),
            ("bands", "need one band per level, in order [1, 2, 5, 4]; found [1, 2, 3, 4]"),
            (
                "sections[1].questions[0].options[2].level",
                "level 3 is not declared under 'levels'",
            ),
        ],
    ),
    Case(
        "ambition option refers to an undeclared level",
        [("{id: klantgedreven, level: 3}", f"{{id: klantgedreven, {MARK}level: 7}}")],
        [("sections[1].questions[0].options[2].level", "level 7 is not declared under 'levels'")],
    ),
    # bands
    Case(
        "bands overlap",
        [("{level: 2, from_pct: 25,", f"{{level: 2, {MARK}from_pct: 20,")],
        [("bands[1].from_pct", GAP.format(25))],
    ),
    Case(
        "bands leave a gap",
        [("{level: 2, from_pct: 25,", f"{{level: 2, {MARK}from_pct: 30,")],
        [("bands[1].from_pct", GAP.format(25))],
    ),
    Case(
        "first band does not start at 0",
        [("{level: 1, from_pct: 0,", f"{{level: 1, {MARK}from_pct: 5,")],
        [("bands[0].from_pct", "the first band must start at 0")],
    ),
    Case(
        "last band does not end at 100",
        [("from_pct: 75, to_pct: 100}", f"from_pct: 75, {MARK}to_pct: 90}}")],
        [("bands[3].to_pct", "the last band must end at 100")],
    ),
    Case(
        "bands not ascending",
        [
            (
                "{level: 2, from_pct: 25, to_pct: 50}\n  - {level: 3, from_pct: 50, to_pct: 75}",
                f"{{level: 2, {MARK}from_pct: 50, to_pct: 75}}\n"
                f"  - {{level: 3, {MARK}from_pct: 25, to_pct: 50}}",
            ),
            ("{level: 4, from_pct: 75,", f"{{level: 4, {MARK}from_pct: 75,"),
        ],
        [
            ("bands[1].from_pct", GAP.format(25)),
            ("bands[2].from_pct", GAP.format(75)),
            ("bands[3].from_pct", GAP.format(50)),
        ],
    ),
    Case(
        "an empty band",
        [
            (
                "{level: 2, from_pct: 25, to_pct: 50}",
                f"{{level: 2, from_pct: 25, {MARK}to_pct: 25}}",
            ),
            ("{level: 3, from_pct: 50,", f"{{level: 3, {MARK}from_pct: 50,"),
        ],
        [("bands[1].to_pct", "must be above from_pct"), ("bands[2].from_pct", GAP.format(25))],
    ),
    Case(
        "bands out of level order",
        [
            ("\nbands:\n", f"\n{MARK}bands:\n"),
            (
                "{level: 2, from_pct: 25, to_pct: 50}\n  - {level: 3,",
                "{level: 3, from_pct: 25, to_pct: 50}\n  - {level: 2,",
            ),
        ],
        [("bands", "need one band per level, in order [1, 2, 3, 4]; found [1, 3, 2, 4]")],
    ),
    Case(
        "a level without a band",
        [
            ("\nbands:\n", f"\n{MARK}bands:\n"),
            (
                "to_pct: 75}\n  - {level: 4, from_pct: 75, to_pct: 100}\n",
                "to_pct: 100}\n",
            ),
        ],
        [("bands", "need one band per level, in order [1, 2, 3, 4]; found [1, 2, 3]")],
    ),
    Case(
        "a band beyond 100",
        [
            (
                "{level: 2, from_pct: 25, to_pct: 50}",
                f"{{level: 2, from_pct: 25, {MARK}to_pct: 150}}",
            )
        ],
        [("bands[1].to_pct", "must be at most 100, found 150")],
    ),
    # the ambition question
    Case(
        "no ambition question",
        [(AMBITION_SECTION, ""), ("\nsections:\n", f"\n{MARK}sections:\n")],
        [("sections", "declare one question of type 'ambition'")],
    ),
    Case(
        "two ambition questions",
        [
            (
                "{id: partner_in_wonen, level: 4}\n",
                "{id: partner_in_wonen, level: 4}\n"
                "      - id: tweede_ambitie\n"
                f"        {MARK}type: ambition\n"
                "        text: Nog een keer\n"
                "        options:\n"
                "          - {id: nog_klantvriendelijk, level: 1}\n"
                "          - {id: nog_klantgericht, level: 2}\n",
            )
        ],
        [("sections[1].questions[1].type", "only one ambition question is allowed")],
    ),
    # min_choices <= max_choices <= number of options
    Case(
        "max_choices above the number of options",
        [("        max_choices: 2\n", f"        {MARK}max_choices: 6\n")],
        [("sections[0].questions[3].max_choices", "is above the number of options (5)")],
    ),
    Case(
        "min_choices above max_choices",
        [
            (
                "        min_choices: 1\n        max_choices: 2\n",
                f"        {MARK}min_choices: 3\n        max_choices: 2\n",
            )
        ],
        [("sections[0].questions[3].min_choices", "is above max_choices (2)")],
    ),
    Case(
        "min_choices above the number of options",
        [
            (
                "        min_choices: 1\n        options:\n          - id: doel_verkoop",
                f"        {MARK}min_choices: 9\n        options:\n          - id: doel_verkoop",
            )
        ],
        [("sections[0].questions[4].min_choices", "is above the number of options (8)")],
    ),
    Case(
        "max_choices zero",
        [("        max_choices: 2\n", f"        {MARK}max_choices: 0\n")],
        [("sections[0].questions[3].max_choices", "must be at least 1, found 0")],
    ),
    # "other" options
    Case(
        "two other options",
        [
            (
                "        options:\n          - id: doel_verkoop",
                f"        {MARK}options:\n          - id: doel_verkoop",
            ),
            (
                "            text: Trouwe huurders belonen\n",
                "            text: Trouwe huurders belonen\n            other: true\n",
            ),
        ],
        [("sections[0].questions[4].options", "at most one option can be an 'other' option")],
    ),
    # the grouping question
    Case(
        "grouping question not required",
        [("        group: true\n", f"        {MARK}group: true\n        required: false\n")],
        [("sections[0].questions[1].group", "the grouping question must be a required text")],
    ),
    Case(
        "grouping question not a text",
        [
            ("        group: true\n", "\n"),
            (
                "        min_choices: 1\n        max_choices: 2\n",
                f"        min_choices: 1\n        max_choices: 2\n        {MARK}group: true\n",
            ),
        ],
        [("sections[0].questions[3].group", "the grouping question must be a required text")],
    ),
    Case(
        "two grouping questions",
        [
            (
                "        text: Organisatie\n        group: true",
                f"        text: Organisatie\n        {MARK}group: true",
            ),
            (
                NAAM + "        required: false\n        personal: true\n",
                NAAM + "        group: true\n",
            ),
        ],
        [("sections[0].questions[1].group", "only one question can name the organisation")],
    ),
    Case(
        "grouping question marked personal",
        [("        group: true\n", f"        group: true\n        {MARK}personal: true\n")],
        [("sections[0].questions[1].personal", "a question cannot be both personal and the group")],
    ),
    # the language
    Case(
        "unknown language",
        [("language: nl\n", f"{MARK}language: fr\n")],
        [("language", "'fr' has no message catalogue; use one of en, nl")],
    ),
    # structure: unknown fields, unknown types, missing texts
    Case(
        "unknown field (typo)",
        [
            (
                "    statements:\n      - id: strategie_huurders_centraal",
                f"    {MARK}statments:\n      - id: strategie_huurders_centraal",
            ),
        ],
        [
            # one message: the missing "statements" is the misspelt field, not a second fault
            ("components[0].statments", UNKNOWN_FIELD),
        ],
    ),
    Case(
        "unknown question type",
        [(NAAM, f"      - id: naam\n        {MARK}type: txt\n        text: Naam\n")],
        [
            (
                "sections[0].questions[0].type",
                "unknown type 'txt'; use one of ambition, multiple_choice, single_choice, text",
            )
        ],
    ),
    Case(
        "question without a type",
        [(NAAM, f"      - {MARK}id: naam\n        text: Naam\n")],
        [
            (
                "sections[0].questions[0]",
                "field 'type' required (text, single_choice, multiple_choice or ambition)",
            )
        ],
    ),
    Case(
        "question without a text",
        [
            (
                "      - id: organisatie\n        type: text\n        text: Organisatie\n",
                f"      - {MARK}id: organisatie\n        type: text\n",
            )
        ],
        [("sections[0].questions[1].text", "field required; add it")],
    ),
    Case(
        "statement without a text",
        [
            (
                "      - id: strategie_huurders_centraal\n"
                "        text: In onze missie staan onze huurders centraal, niet producten of"
                " processen\n",
                f"      - {MARK}id: strategie_huurders_centraal\n",
            )
        ],
        [("components[0].statements[0].text", "field required; add it")],
    ),
    Case(
        "empty option text",
        [("            text: Trouwe huurders belonen\n", f"            {MARK}text: ''\n")],
        [
            (
                "sections[0].questions[4].options[1].text",
                "must not be empty",
            )
        ],
    ),
    Case(
        "id not snake_case",
        [("  - id: strategie\n    name:", f"  - {MARK}id: Strategie\n    name:")],
        [
            (
                "components[0].id",
                "'Strategie' is not a valid id; use lowercase letters, digits and _, "
                "starting with a letter",
            )
        ],
    ),
    # YAML that is refused before the model sees it
    Case(
        "python object tag",
        [
            (
                "title: Vragenlijst Medewerkerscan-KRM\n",
                f"title: {MARK}!!python/object/apply:os.system [touch PWNED]\n",
            )
        ],
        [
            (
                None,
                "the tag '!!python/object/apply:os.system' is not allowed: krmscan reads "
                "plain YAML only; remove the tag",
            )
        ],
    ),
    Case(
        "tab in the indentation",
        [("        text: Organisatie\n", f"    {MARK}\t    text: Organisatie\n")],
        [(None, "a tab indents this line; use spaces")],
    ),
    Case(
        "alias bomb (billion laughs)",
        [],
        [
            (
                None,
                f"this value expands to 597871 values through aliases (at most {MAX_NODES} "
                "allowed); write the values out instead",
            )
        ],
        prefix="a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + BOMB.replace("f: &f", f"f: {MARK}&f"),
    ),
    Case(
        "alias inside itself",
        [],
        [(None, "an alias refers to the value that contains it; write the values out instead")],
        prefix=f"loop: {MARK}&loop [1, *loop]\n",
    ),
    Case(
        "nesting too deep",
        [],
        [(None, f"values are nested more than {MAX_DEPTH} levels deep here; flatten the file")],
        prefix="deep: " + "[" * MAX_DEPTH + MARK + "[[" + "]" * (MAX_DEPTH + 2) + "\n",
    ),
    # issue 9: scalars the model takes no type for, failed tags, rules the model was missing
    *(
        Case(
            f"title {value}",
            [("title: Vragenlijst Medewerkerscan-KRM\n", f"title: {MARK}{value}\n")],
            [(None, message)],
        )
        for value, message in [
            (
                "2026-02-30",
                "'2026-02-30' reads as a date or time, which no field takes; put it in quotes "
                "if it is meant as text",
            ),
            (
                "2026-11-27 10:00:00",
                "'2026-11-27 10:00:00' reads as a date or time, which no field takes; put it in "
                "quotes if it is meant as text",
            ),
            ("!!int abc", "'abc' cannot be read as a whole number; correct it, or remove the tag"),
            ("!!float abc", "'abc' cannot be read as a number; correct it, or remove the tag"),
            (
                "!!bool maybe",
                "'maybe' cannot be read as true or false; correct it, or remove the tag",
            ),
            (
                "!!timestamp yesterday",
                "'yesterday' reads as a date or time, which no field takes; put it in quotes if "
                "it is meant as text",
            ),
            ("!!map x", "the tag '!!map' does not fit a single value; remove the tag"),
            ("!!int [1]", "the tag '!!int' does not fit a list; remove the tag"),
            (
                "!!binary aGFsbG8=",
                "the tag '!!binary' is not allowed: krmscan reads plain YAML only; remove the tag",
            ),
            (
                "!!set {a: null}",
                "the tag '!!set' is not allowed: krmscan reads plain YAML only; remove the tag",
            ),
            (
                "9" * 4301,
                "'" + "9" * 37 + "...' cannot be read as a whole number (it has 4301 digits); "
                "correct it, or remove the tag",
            ),
            (
                "*nergens",
                "the alias '*nergens' refers to no anchor; define '&nergens' on a value above "
                "it, or write the value out",
            ),
        ]
    ),
    Case(
        "title empty",
        [("title: Vragenlijst Medewerkerscan-KRM\n", f"{MARK}title:\n")],
        [
            (
                "title",
                "expected a text, found an empty value; put it in quotes if it is meant as text",
            )
        ],
    ),
    Case(
        "scale weights all zero",
        [
            ("    weight: 1\n", f"    {MARK}weight: 0\n"),
            ("    weight: 2\n", f"    {MARK}weight: 0\n"),
        ],
        [
            (
                "scale[1].weight",
                "must be above the weight before it (0, 'oneens'): the scale's weights go up "
                "strictly, from disagreeing to agreeing",
            ),
            (
                "scale[2].weight",
                "must be above the weight before it (0, 'neutraal'): the scale's weights go up "
                "strictly, from disagreeing to agreeing",
            ),
        ],
    ),
    Case(
        "scale weights not ascending",
        [("    weight: 1\n", "    weight: 3\n"), ("    weight: 2\n", f"    {MARK}weight: 2\n")],
        [
            (
                "scale[2].weight",
                "must be above the weight before it (3, 'neutraal'): the scale's weights go up "
                "strictly, from disagreeing to agreeing",
            ),
        ],
    ),
    Case(
        "no grouping question",
        [("        group: true\n", ""), ("sections:\n", f"{MARK}sections:\n")],
        [
            (
                "sections",
                "mark one required text question with 'group: true': its answer names the "
                "organisation each respondent belongs to (results are reported per organisation)",
            )
        ],
    ),
    Case(
        "a problem inside an alias is shown at the alias",
        [
            (
                "          - id: over_nadenken\n",
                f"          - &leeg {{id: x_leeg, {MARK}text: ''}}\n"
                "          - id: over_nadenken\n",
            ),
            (
                "          - id: doel_verkoop_aanvullende_dienstverlening\n",
                f"          - {MARK}*leeg\n"
                "          - id: doel_verkoop_aanvullende_dienstverlening\n",
            ),
        ],
        [
            ("sections[0].questions[3].options[0].text", "must not be empty"),
            ("sections[0].questions[4].options[0].text", "must not be empty"),
        ],
    ),
    Case(
        "footnote without a marked statement",
        [
            ("de partners* zich", "de partners zich"),
            ("onze partners* is", "onze partners is"),
            ("Partners* zijn co", "Partners zijn co"),
            ("    footnote: >-\n", f"    {MARK}footnote: >-\n"),
        ],
        [
            (
                "components[2].footnote",
                "no statement of this component has a '*', so the footnote would never be "
                "shown; mark the word it explains with '*' or remove the footnote",
            )
        ],
    ),
]


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ProblemsError) as raised:
        questionnaire.load(path)
    return raised.value.problems


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_each_rule_reports_its_line(case: Case, tmp_path: Path) -> None:
    text = edited(case)
    path = tmp_path / "questionnaire.yaml"
    path.write_text(text.replace(MARK, ""), "utf-8")
    assert problems_of(path) == expected_lines(text, case.problems, path)


def test_case_ids_are_unique() -> None:
    assert len({case.id for case in CASES}) == len(CASES)


def test_python_tag_runs_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "q.yaml"
    path.write_text(
        SHIPPED.replace("title: Vragenlijst", "title: !!python/object/apply:os.system [touch X]"),
        "utf-8",
    )
    problems_of(path)
    assert not (tmp_path / "X").exists()


def test_alias_bomb_is_refused_without_expanding(tmp_path: Path) -> None:
    """Nine levels of nine aliases (387 million values) are refused without expanding them.

    Expanding would take minutes and gigabytes: the child runs under a CPU and memory cap,
    so an expansion is killed and the exit code and message below do not hold.
    """
    path = tmp_path / "q.yaml"
    path.write_text("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + BOMB + SHIPPED)
    result = run_krmscan("validate", path, preexec_fn=capped())
    assert result.returncode == 1, result.stderr
    assert "expands to 597871 values" in result.stderr
    assert "Traceback" not in result.stderr


def test_several_problems_are_all_reported_sorted_by_line(tmp_path: Path) -> None:
    """Cross-field rules of different kinds, found out of file order, come out by line."""
    text = SHIPPED
    for old, new in [
        ("        max_choices: 2\n", f"        {MARK}max_choices: 9\n"),  # choices, line ~115
        ("{level: 2, from_pct: 25,", f"{{level: 2, {MARK}from_pct: 30,"),  # bands, line 88
        ("      - id: organisatie\n", f"      - {MARK}id: naam\n"),  # ids, line 100
        ("language: nl\n", f"{MARK}language: xx\n"),  # language, line 35
    ]:
        text = text.replace(old, new)
    path = tmp_path / "q.yaml"
    path.write_text(text.replace(MARK, ""), "utf-8")
    problems = [
        ("language", "'xx' has no message catalogue; use one of en, nl"),
        ("bands[1].from_pct", GAP.format(25)),
        (
            "sections[0].questions[1].id",
            "id 'naam' is used twice (also at sections[0].questions[0])",
        ),
        ("sections[0].questions[3].max_choices", "is above the number of options (5)"),
    ]
    assert problems_of(path) == expected_lines(text, problems, path)


def test_syntax_and_structure_problems_together(tmp_path: Path) -> None:
    """A duplicate key (found while reading) and field errors (found by the model) together."""
    text = SHIPPED
    for old, new in [
        (
            "    statements:\n      - id: strategie_huurders_centraal",
            f"    {MARK}statments:\n      - id: strategie_huurders_centraal",
        ),
        ('version: "1"\n', f'version: "1"\n{MARK}version: "2"\n'),
        (NAAM, f"      - id: naam\n        {MARK}type: txt\n        text: Naam\n"),
    ]:
        text = text.replace(old, new)
    path = tmp_path / "q.yaml"
    path.write_text(text.replace(MARK, ""), "utf-8")
    problems = [
        (
            "version",
            f"duplicate key 'version' (first at line {line_of('version: ')}); keep one of them",
        ),
        (
            "sections[0].questions[0].type",
            "unknown type 'txt'; use one of ambition, multiple_choice, single_choice, text",
        ),
        ("components[0].statments", UNKNOWN_FIELD),
    ]
    assert problems_of(path) == expected_lines(text, problems, path)


runner = CliRunner()


def test_validate_cli_prints_problems_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "q.yaml"
    path.write_text(
        SHIPPED.replace("language: nl", "language: xx").replace("max_choices: 2", "max_choices: 9")
    )
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{path}:{line_of('language: nl')}:1: language: 'xx' has no message catalogue; "
        "use one of en, nl",
        f"{path}:{line_of('max_choices: 2')}:9: sections[0].questions[3].max_choices: "
        "is above the number of options (5)",
    ]
    assert "Traceback" not in result.output


def test_validate_cli_success_summary(shipped: questionnaire.LoadedQuestionnaire) -> None:
    result = runner.invoke(app, ["validate"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"{shipped.path}: valid. 2 sections, 8 questions, 5 components, 35 statements."
    )
    rows = [line.split() for line in lines[2:]]
    assert [(" ".join(row[:-1]), row[-1]) for row in rows] == [
        (component.name, "7") for component in shipped.questionnaire.components
    ]


@pytest.mark.parametrize("how", ["argument", "option"])
def test_validate_another_file_by_argument_or_option(tmp_path: Path, how: str) -> None:
    path = tmp_path / "mijn.yaml"
    path.write_text(SHIPPED.replace("\n  - id: strategie_huurders_centraal", "\n  - id: s1"))
    args = ["validate", str(path)] if how == "argument" else ["validate", "-q", str(path)]
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{path}: valid.")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "missing.yaml", "{path}: no such file; check the name and folder"),
        (lambda tmp: tmp, "{path}: is a folder; give the questionnaire's .yaml file"),
        (
            lambda tmp: _write(tmp / "q.yaml", b"id: \xff\n"),
            "{path}:1:5: byte 0xFF is not UTF-8; save the file as UTF-8",
        ),
        (
            lambda tmp: _write(tmp / "q.yaml", b"- a\n- b\n"),
            "{path}:1:1: (top): expected the questionnaire's fields (name: value lines), "
            "found a list",
        ),
        (
            lambda tmp: _write(tmp / "q.yaml", b"id: [\n"),
            "{path}:2:1: while parsing a flow node: did not find expected node content",
        ),
    ],
    ids=["missing", "folder", "not utf-8", "not a mapping", "broken syntax"],
)
def test_validate_unreadable_files_exit_1(tmp_path: Path, make, message: str) -> None:
    path = make(tmp_path)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stderr == message.format(path=path) + "\n"
    assert "Traceback" not in result.output


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
