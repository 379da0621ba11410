"""A small set of answers files whose organisation results are worked out by hand.

Eight respondents in three organisations, written with the shipped questionnaire:

- Woonstede (5 respondents, spelled "Woonstede" x3, " woonstede " and "WOONSTEDE"): at
  --min-group 5, not a small group. Strategie and Klantmanagement vary; the other three
  components are answered Neutraal throughout.
- De Key (2 respondents: all Eens, all Oneens): below --min-group.
- Eigen Haard (1 respondent): below --min-group, no sd and no rwg.

Statement answers per component are written as 7 letters: E = Eens (weight 2, code 3),
N = Neutraal (1, code 2), O = Oneens (0, code 1). Every respondent has a personal name and
e-mail address that must not leak into aggregated output.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import NamedTuple

from krmscan import answers
from krmscan.answers import AnswerValue, Choice, OtherAnswer
from krmscan.questionnaire import LoadedQuestionnaire

LETTERS = {"O": "oneens", "N": "neutraal", "E": "eens"}
AMBITIONS = {1: "klantvriendelijk", 2: "klantgericht", 3: "klantgedreven", 4: "partner_in_wonen"}
NEUTRAL = "NNNNNNN"


class Respondent(NamedTuple):
    """One hand-made answers file."""

    file: str
    organisation: str
    ambition: int
    components: tuple[str, str, str, str, str]
    krm_is: list[str]
    krm_doelen: list[Choice]
    name: str
    email: str


RESPONDENTS = [
    Respondent(
        "woonstede/r1.json",
        "Woonstede",
        4,
        ("EEEEEEE", "EEEEEEN", NEUTRAL, NEUTRAL, NEUTRAL),
        ["over_nadenken"],
        ["doel_trouwe_huurders_belonen", OtherAnswer(id="doel_anders", text="Minder klachten")],
        "Anna Geheim",
        "anna.geheim@woonstede.nl",
    ),
    Respondent(
        "woonstede/r2.json",
        "Woonstede",
        3,
        ("EEEENNN", "EEEEENN", NEUTRAL, NEUTRAL, NEUTRAL),
        ["over_nadenken", "al_veel_aan_doen"],
        [OtherAnswer(id="doel_anders", text="minder  klachten")],
        "Bram Verborgen",
        "bram.verborgen@woonstede.nl",
    ),
    Respondent(
        "woonstede/sub/r3.json",
        " woonstede ",
        3,
        ("EENNNOO", "EEEENNN", NEUTRAL, NEUTRAL, NEUTRAL),
        ["al_veel_aan_doen"],
        ["doel_trouwe_huurders_belonen"],
        "Cor Onbekend",
        "cor.onbekend@woonstede.nl",
    ),
    Respondent(
        "woonstede/r4.json",
        "WOONSTEDE",
        2,
        ("NNNNNNN", "EEEEEEE", NEUTRAL, NEUTRAL, NEUTRAL),
        ["goed_beheersen"],
        ["doel_wooncarriere"],
        "Dirk Anoniem",
        "dirk.anoniem@woonstede.nl",
    ),
    Respondent(
        "woonstede/r5.json",
        "Woonstede",
        4,
        ("OOOOOOE", "EEENNNN", NEUTRAL, NEUTRAL, NEUTRAL),
        ["over_nadenken"],
        ["doel_trouwe_huurders_belonen", "doel_wooncarriere"],
        "Eva Privé",
        "eva.prive@woonstede.nl",
    ),
    Respondent(
        "dekey/r6.json",
        "De Key",
        4,
        ("EEEEEEE",) * 5,  # type: ignore[arg-type]
        ["goed_beheersen"],
        ["doel_onderscheiden"],
        "Fien Stil",
        "fien.stil@dekey.nl",
    ),
    Respondent(
        "dekey/r7.json",
        "De Key",
        1,
        ("OOOOOOO",) * 5,  # type: ignore[arg-type]
        ["niet_nastreven"],
        ["doel_onderscheiden"],
        "Gijs Zwijg",
        "gijs.zwijg@dekey.nl",
    ),
    Respondent(
        "eigenhaard.json",
        "Eigen Haard",
        2,
        ("EEENNNN",) * 5,  # type: ignore[arg-type]
        ["over_nadenken"],
        ["doel_huurdersinformatie"],
        "Hans Verstopt",
        "hans.verstopt@eigenhaard.nl",
    ),
]

PERSONAL = [text for r in RESPONDENTS for text in (r.name, r.email)]


def answers_of(loaded: LoadedQuestionnaire, respondent: Respondent) -> dict[str, AnswerValue]:
    """The answers of one hand-made respondent."""
    questionnaire = loaded.questionnaire
    given: dict[str, AnswerValue] = {
        "naam": respondent.name,
        "organisatie": respondent.organisation,
        "email": respondent.email,
        "krm_is": list(respondent.krm_is),
        "krm_doelen": list(respondent.krm_doelen),
        "krm_initiatief": ["init_directie"],
        "krm_barrieres": ["barriere_cultuur"],
        "gevoelsmatige_ambitie": AMBITIONS[respondent.ambition],
    }
    for component, letters in zip(questionnaire.components, respondent.components, strict=True):
        for statement, letter in zip(component.statements, letters, strict=True):
            given[statement.id] = LETTERS[letter]
    return given


def write_all(loaded: LoadedQuestionnaire, folder: Path) -> list[Path]:
    """Write every respondent's answers file under ``folder``; returns their paths."""
    written = []
    start = datetime(2026, 11, 27, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    for number, respondent in enumerate(RESPONDENTS):
        path = folder / respondent.file
        path.parent.mkdir(parents=True, exist_ok=True)
        started = start + timedelta(minutes=number)
        built = answers.build(
            loaded, answers_of(loaded, respondent), started, started + timedelta(minutes=12)
        )
        answers.save(path, built)
        written.append(path)
    return written
