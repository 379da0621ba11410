"""questionnaire.yaml must match the paper form word for word.

The seed (tests/data/seed.txt, a text copy of the paper form) is parsed here on its
own, without copying expected texts into this file. The only textual deviations
allowed are the FIXES below, which are also listed in the header comment of
questionnaire.yaml, and the form blanks " _____" of the "Anders, namelijk" / "Overig"
options and the "Naam: _____"-style fields.
"""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
QUESTIONNAIRE = ROOT / "questionnaire.yaml"
SEED = Path(__file__).resolve().parent / "data" / "seed.txt"

RADIO = '<input type="radio"/>'
BLANK = " _____"
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
STATEMENT_PREFIX = {
    "strategie": "strategie_",
    "klantmanagement": "klant_",
    "kanaalmanagement": "kanaal_",
    "datamanagement": "data_",
    "operationeel_management": "operationeel_",
}

# (text in the seed, text in questionnaire.yaml); each must occur exactly once in the seed.
FIXES = [
    # page-number debris "- 4 " removed and the paragraph split by the PDF conversion
    # joined (Inbedding van de missie)
    ("aandacht moeten\n\n- 4 uitgaan", "aandacht moeten uitgaan"),
    # paragraphs split over lines by the PDF conversion joined
    (
        "inzetten van data\n\nvoor het beheren",
        "inzetten van data voor het beheren",
    ),  # Infrastructuur
    ("niet langer\n\neen kwestie", "niet langer een kwestie"),  # Kosten en opbrengsten
    # spelling slips
    ("De distributiekkanalen", "De distributiekanalen"),  # Kanaalmanagement intro
    ("\nDistributiekkanalen\n", "\nDistributiekanalen\n"),  # sub-part title
    ("zich verkeerd ontwikkeld", "zich verkeerd ontwikkelt"),  # statement
]


# --------------------------------------------------------------------------- seed parser


def raw_seed():
    return SEED.read_text(encoding="utf-8")


def fixed_seed():
    text = raw_seed()
    for old, new in FIXES:
        text = text.replace(old, new)
    return text


def split_blocks(text):
    """Blocks of the seed: runs of lines separated by blank lines."""
    return [block for block in re.split(r"\n[ \t]*\n", text) if block.strip()]


def is_heading(block):
    """A heading is a single line that is not a sentence."""
    return "\n" not in block and not block.endswith((".", "?", "!", ":"))


def parse_choice_questions(blocks):
    """A multiple-choice question: question block, "(hint)" block, block of "- option" lines."""
    questions = []
    for i, block in enumerate(blocks):
        if re.fullmatch(r"\([^\n]+\)", block):
            lines = blocks[i + 1].split("\n")
            assert all(line.startswith("- ") for line in lines), blocks[i + 1]
            questions.append(
                {"text": blocks[i - 1], "hint": block, "options": [line[2:] for line in lines]}
            )
    return questions


def parse_components(blocks):
    """Components: heading, intro paragraph(s), (part heading, part intro)+, statement
    table, optional "* " footnote."""
    components = []
    current = None
    for block in blocks:
        if RADIO in block:
            header, *rows = block.split("\n")
            assert all(row.count(RADIO) == 3 for row in rows), block
            current["scale"] = [cell for cell in header.split("\t") if cell]
            current["statements"] = [row.split("\t")[0] for row in rows]
        elif block.startswith("* "):
            current["footnote"] = block
        elif is_heading(block):
            if current is None or "statements" in current:
                current = {"name": block, "intro": [], "parts": []}
                components.append(current)
            else:
                current["parts"].append({"title": block, "intro": []})
        else:
            (current["parts"][-1] if current["parts"] else current)["intro"].append(block)
    for component in components:
        component["intro"] = "\n".join(component["intro"])
        for part in component["parts"]:
            part["intro"] = "\n".join(part["intro"])
    return components


@pytest.fixture(scope="module")
def seed():
    text = fixed_seed()
    blocks = split_blocks(text)
    return {
        "text": text,
        "blocks": blocks,
        "title": blocks[0],
        "fields": [m.group(1) for b in blocks if (m := re.fullmatch(r"(.+): _____", b))],
        "choice_questions": parse_choice_questions(blocks),
        "statement_rows": [line.split("\t")[0] for line in text.split("\n") if RADIO in line],
    }


@pytest.fixture(scope="module")
def q():
    return yaml.safe_load(QUESTIONNAIRE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def ambition(q):
    (section,) = [s for s in q["sections"] if any(x["type"] == "ambition" for x in s["questions"])]
    (question,) = [x for x in section["questions"] if x["type"] == "ambition"]
    return section, question


@pytest.fixture(scope="module")
def seed_ambition(seed, ambition):
    """Each corporation type in the seed: name block, description block, then the
    block with the ambition question text."""
    _, question = ambition
    blocks = seed["blocks"]
    positions = [i for i, b in enumerate(blocks) if b == question["text"]]
    assert positions, "ambition question text not found in the seed"
    first_name = positions[0] - 2
    return {
        "title": blocks[first_name - 2],
        "intro": blocks[first_name - 1],
        "levels": [(blocks[i - 2], blocks[i - 1]) for i in positions],
        "components": parse_components(blocks[positions[-1] + 1 :]),
    }


def questions(q):
    return [x for s in q["sections"] for x in s["questions"]]


def all_ids(node):
    if isinstance(node, dict):
        if "id" in node:
            yield node["id"]
        for value in node.values():
            yield from all_ids(value)
    elif isinstance(node, list):
        for item in node:
            yield from all_ids(item)


def all_texts(node):
    for key in ("text", "title", "intro", "name", "description", "hint", "footnote", "label"):
        if isinstance(node, dict) and isinstance(node.get(key), str):
            yield node[key]
    if isinstance(node, dict):
        node = list(node.values())
    if isinstance(node, list):
        for item in node:
            yield from all_texts(item)


# --------------------------------------------------------------------------- tests


def test_fixes_apply_once_and_are_documented():
    text = raw_seed()
    for old, _ in FIXES:
        assert text.count(old) == 1, old
    header = QUESTIONNAIRE.read_text(encoding="utf-8").split("\nid:")[0]
    for mention in [
        '"- 4 "',
        "Distributiekkanalen",
        "distributiekkanalen",
        "ontwikkeld",
        "inzetten van data",
        "niet langer",
        "Anders, namelijk _____",
        "Overig _____",
    ]:
        assert mention in header, mention


def test_every_text_is_from_the_seed(q, seed):
    # Two-paragraph intros are separated by one "\n" in the YAML, a blank line in the seed.
    for text in all_texts(q):
        assert text.replace("\n", "\n\n") in seed["text"], text


def test_title(q, seed):
    assert q["title"] == seed["title"]


def test_text_fields(q, seed):
    assert [x["text"] for x in questions(q) if x["type"] == "text"] == seed["fields"]


def test_multiple_choice_questions(q, seed):
    expected = [
        {
            "text": sq["text"],
            "hint": sq["hint"],
            "options": [o.removesuffix(BLANK) for o in sq["options"]],
            "other": [o.endswith(BLANK) for o in sq["options"]],
        }
        for sq in seed["choice_questions"]
    ]
    actual = [
        {
            "text": x["text"],
            "hint": x["hint"],
            "options": [o["text"] for o in x["options"]],
            "other": [o.get("other", False) for o in x["options"]],
        }
        for x in questions(q)
        if x["type"] == "multiple_choice"
    ]
    assert len(expected) == 4
    assert actual == expected


def test_ambition_section(ambition, seed_ambition, seed):
    section, question = ambition
    assert section["title"] == seed_ambition["title"]
    assert section["intro"] == seed_ambition["intro"]
    assert seed["blocks"].count(question["text"]) == 4


def test_levels(q, ambition, seed_ambition):
    _, question = ambition
    assert [(lv["name"], lv["description"]) for lv in q["levels"]] == seed_ambition["levels"]
    assert [lv["level"] for lv in q["levels"]] == [1, 2, 3, 4]
    assert [o["level"] for o in question["options"]] == [1, 2, 3, 4]


def test_all_35_statements(q, seed):
    actual = [s["text"] for c in q["components"] for s in c["statements"]]
    assert len(seed["statement_rows"]) == 35
    assert actual == seed["statement_rows"]


def test_components(q, seed_ambition):
    expected = seed_ambition["components"]
    assert [c["name"] for c in q["components"]] == [c["name"] for c in expected]
    assert len(expected) == 5
    for component, sc in zip(q["components"], expected, strict=True):
        assert component["intro"] == sc["intro"], component["name"]
        assert [(p["title"], p["intro"]) for p in component["parts"]] == [
            (p["title"], p["intro"]) for p in sc["parts"]
        ], component["name"]
        assert [s["text"] for s in component["statements"]] == sc["statements"]
        assert len(sc["statements"]) == 7
        assert component.get("footnote") == sc.get("footnote"), component["name"]
    assert sum("footnote" in sc for sc in expected) == 1


def test_scale(q, seed_ambition):
    labels = [option["label"] for option in q["scale"]]
    for sc in seed_ambition["components"]:
        assert labels == sc["scale"]
    assert [(o["label"], o["weight"]) for o in q["scale"]] == [
        ("Oneens", 0),
        ("Neutraal", 1),
        ("Eens", 2),
    ]


def test_ids_unique_and_snake_case(q):
    ids = list(all_ids(q["sections"])) + list(all_ids(q["components"]))
    ids += [*all_ids(q["scale"]), q["id"]]
    assert all(ID_RE.match(i) for i in ids), [i for i in ids if not ID_RE.match(i)]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates


def test_statement_ids_prefixed_by_component(q):
    assert [c["id"] for c in q["components"]] == list(STATEMENT_PREFIX)
    for component in q["components"]:
        for statement in component["statements"]:
            assert statement["id"].startswith(STATEMENT_PREFIX[component["id"]]), statement["id"]
