"""Messages about answers files speak the questionnaire's language (issue 11).

The command-line cases, Dutch and English side by side, are in test_score_cli.py and
test_organisations.py; these check the catalogue and the functions underneath.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from krmscan import answers, collect, questionnaire
from krmscan.errors import KrmscanError
from krmscan.messages import DUTCH, ENGLISH, Messages
from krmscan.questionnaire import LoadedQuestionnaire

REPO = Path(__file__).resolve().parent.parent


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_both_catalogues_fill_in_the_same_fields() -> None:
    """A translation never drops the file, the field path or an id a message names."""
    differ = [
        name
        for name in Messages._fields
        if _fields(getattr(DUTCH, name)) != _fields(getattr(ENGLISH, name))
    ]
    assert differ == []
    assert _fields(DUTCH.too_many_chosen) == {"count", "listed", "most", "remove"}


def test_every_catalogue_entry_is_used() -> None:
    """No entry is translated for nothing: each is named in the code or the templates."""
    package = REPO / "krmscan"
    sources = [
        path.read_text("utf-8")
        for path in package.rglob("*")
        if path.suffix in {".py", ".j2"} and path.name != "messages.py"
    ]
    catalogue = (package / "messages.py").read_text("utf-8")
    methods = catalogue[catalogue.index("    def ") : catalogue.index("DUTCH = Messages(")]
    words = set(re.findall(r"\w+", "\n".join([*sources, methods])))
    assert [name for name in Messages._fields if name not in words] == []


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> LoadedQuestionnaire:
    path = tmp_path_factory.mktemp("en") / "english.yaml"
    text = (REPO / "questionnaire.yaml").read_text("utf-8")
    path.write_text(text.replace("language: nl", "language: en"), "utf-8")
    return questionnaire.load(path)


def _problem(loaded: LoadedQuestionnaire, raw: bytes, path: Path) -> str:
    with pytest.raises(KrmscanError) as refused:
        path.write_bytes(raw)
        answers.load(path, loaded)
    return refused.value.message


STRUCTURE = [  # (bytes of the file, the Dutch reason, words of the English one)
    (b"[]", "verwacht een JSON-object met de antwoorden, maar vond een lijst", "found a list"),
    (b'{"format": 1', "geen geldige JSON", "not valid JSON"),
    (b'{"a": 1}', "format: ontbreekt; dit is geen antwoordbestand", "format: missing; this is"),
    (b"\xff\xfe", "byte 0xFF is geen UTF-8", "byte 0xFF is not UTF-8"),
    (b" ", "het bestand is leeg", "the file is empty"),
]


@pytest.mark.parametrize("case", STRUCTURE)
def test_structure_problems_in_the_questionnaires_language(
    shipped: LoadedQuestionnaire,
    english: LoadedQuestionnaire,
    tmp_path: Path,
    case: tuple[bytes, str, str],
) -> None:
    raw, dutch, english_words = case
    path = tmp_path / "a.json"
    assert dutch in _problem(shipped, raw, path)
    assert english_words in _problem(english, raw, path)


def test_rules_word_their_reasons_from_the_questionnaires_catalogue(
    shipped: LoadedQuestionnaire, english: LoadedQuestionnaire
) -> None:
    given = {"krm_is": ["over_nadenken", "over_nadenken"], "naam": 42, "onbekend": "x"}
    dutch = list(answers.Rules(shipped.questionnaire).problems(given))  # type: ignore[arg-type]
    in_english = list(answers.Rules(english.questionnaire).problems(given))  # type: ignore[arg-type]
    assert len(dutch) == len(in_english) > 5
    assert "answers.onbekend: onbekende vraag-id; vragenlijst 'medewerkerscan_krm'" in dutch[0]
    assert (
        "answers.onbekend: unknown question id; questionnaire 'medewerkerscan_krm'"
        in (in_english[0])
    )
    assert 'answers.krm_is: optie "over_nadenken" is twee keer gekozen; houd er één over' in dutch
    assert 'answers.krm_is: option "over_nadenken" is chosen twice; keep it once' in in_english
    # the same places, one message each, in the same order
    assert [line.split(":")[0] for line in dutch] == [line.split(":")[0] for line in in_english]
    # a personal answer is never quoted, in either language
    assert any("niet getoond: persoonsgegevens" in line for line in dutch)
    assert not any("42" in line for line in dutch + in_english)


def test_finding_files_gives_reasons_in_the_questionnaires_language(tmp_path: Path) -> None:
    (tmp_path / "leeg").mkdir()
    progress = tmp_path / "a.json.partial"
    progress.write_text("{}", "utf-8")
    given = [tmp_path / "leeg", progress]
    for messages in (DUTCH, ENGLISH):
        files, skipped, _ = collect.find(given, messages)
        assert files == []
        assert [s.reason for s in skipped] == [
            messages.no_answers_files,
            messages.progress_file_skipped,
        ]
    assert DUTCH.no_answers_files.startswith("deze map bevat geen antwoordbestanden")
    assert ENGLISH.progress_file_skipped == "is the progress file of an unfinished scan"
