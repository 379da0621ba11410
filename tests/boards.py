"""Answers files of whole organisations for the board's report: varied, reproducible.

Each organisation gets its own tendency per component (some components clearly behind the
ambition, some agreed on, some split), so every kind of finding appears.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

from krmscan import answers
from krmscan.answers import AnswerValue, OtherAnswer
from krmscan.questionnaire import (
    AmbitionQuestion,
    LoadedQuestionnaire,
    SingleChoiceQuestion,
    TextQuestion,
)

BOARDS = {"De Woonmaatschappij": 25, "Huis & Haard": 12, "Woonstad Oost": 3}
"""A realistic run: a big, a middle and a small organisation."""


def answers_for(
    loaded: LoadedQuestionnaire, rng: random.Random, organisation: str, tendency: list[float]
) -> dict[str, AnswerValue]:
    """One respondent: statement answers drawn around the component's ``tendency`` (0..1)."""
    questionnaire = loaded.questionnaire
    given: dict[str, AnswerValue] = {}
    for question in questionnaire.questions:
        if isinstance(question, TextQuestion):
            if question.group:
                given[question.id] = organisation
            elif question.format == "email":
                given[question.id] = f"medewerker{rng.randrange(10**6)}@example.nl"
            else:
                given[question.id] = f"Medewerker {rng.randrange(10**6)}"
        elif isinstance(question, AmbitionQuestion):
            given[question.id] = question.options[
                min(
                    len(question.options) - 1,
                    2 if rng.random() < 0.7 else rng.randrange(len(question.options)),
                )
            ].id
        elif isinstance(question, SingleChoiceQuestion):
            given[question.id] = rng.choice(question.options).id
        else:
            count = rng.randint(max(1, question.min_choices), question.most_choices)
            given[question.id] = [
                OtherAnswer(id=option.id, text=f"eigen antwoord {rng.randint(1, 3)}")
                if option.other
                else option.id
                for option in rng.sample(question.options, count)
            ]
    points = len(questionnaire.scale)
    for component, centre in zip(questionnaire.components, tendency, strict=True):
        for statement in component.statements:
            spread = 0.15 if centre > 0.5 else 0.35
            where = min(0.999, max(0.0, rng.gauss(centre, spread)))
            given[statement.id] = questionnaire.scale[int(where * points)].id
    return given


def write_boards(
    loaded: LoadedQuestionnaire, folder: Path, sizes: dict[str, int] | None = None, seed: int = 11
) -> list[Path]:
    """Answers files of every organisation in ``sizes`` under ``folder/<n>/``."""
    rng = random.Random(seed)
    start = datetime(2026, 11, 2, 9, 0, tzinfo=timezone(timedelta(hours=1)))
    written = []
    components = len(loaded.questionnaire.components)
    for index, (organisation, size) in enumerate((sizes or BOARDS).items()):
        tendency = [rng.choice([0.25, 0.45, 0.6, 0.8]) for _ in range(components)]
        sub = folder / f"org{index:03}"
        sub.mkdir(parents=True, exist_ok=True)
        for number in range(size):
            begun = start + timedelta(days=rng.randint(0, 20), minutes=number)
            built = answers.build(
                loaded,
                answers_for(loaded, rng, organisation, tendency),
                begun,
                begun + timedelta(minutes=rng.randint(8, 30)),
            )
            path = sub / f"r{number:04}.json"
            path.write_bytes(answers.dump(built))
            written.append(path)
    return written
