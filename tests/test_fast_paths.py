"""The fast paths for many files give the same verdicts and scores as the plain rules."""

from __future__ import annotations

import json
import random
from datetime import datetime, timezone
from fractions import Fraction
from pathlib import Path

from email_validator import EmailNotValidError, validate_email
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from krmscan import answers, collect, scoring
from krmscan.answers import AnswerValue, OtherAnswer, Rules, is_email
from krmscan.questionnaire import LoadedQuestionnaire, Questionnaire
from tests.respondents import write_all
from tests.support import sample_answers

# Values to put in place of an answer: right and wrong ids, texts, lists, "other" answers.
VALUES: list[AnswerValue] = [
    "",
    "   ",
    "Woonstede",
    "eens",
    "oneens",
    "neutraal",
    "nope",
    "klantgedreven",
    "over_nadenken",
    "doel_anders",
    "a@b",
    "alice@example.org",
    "bob@example.test",
    [],
    ["over_nadenken"],
    ["over_nadenken", "over_nadenken"],
    ["over_nadenken", "al_veel_aan_doen", "goed_beheersen"],
    ["doel_anders"],
    ["doel_trouwe_huurders_belonen", OtherAnswer(id="doel_anders", text="iets")],
    [OtherAnswer(id="doel_anders", text=" ")],
    [OtherAnswer(id="doel_wooncarriere", text="x")],
    [OtherAnswer(id="doel_anders", text="a"), OtherAnswer(id="doel_anders", text="b")],
    ["init_overig", "init_directie"],
    [OtherAnswer(id="init_overig", text="bestuur")],
    OtherAnswer(id="doel_anders", text="los"),
    ["eens"],
]


def expected_verdict(questionnaire: Questionnaire, given: dict[str, AnswerValue]) -> bool:
    return not list(answers.answer_problems(questionnaire, given))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_accepts_agrees_with_problems(shipped: LoadedQuestionnaire, data: st.DataObject) -> None:
    questionnaire = shipped.questionnaire
    given_answers: dict[str, AnswerValue] = dict(sample_answers(questionnaire))
    keys = [*given_answers, "unknown_id"]
    for _ in range(data.draw(st.integers(0, 4))):
        key = data.draw(st.sampled_from(keys))
        if data.draw(st.booleans()) and key in given_answers:
            del given_answers[key]
        else:
            given_answers[key] = data.draw(st.sampled_from(VALUES))
    rules = Rules(questionnaire)
    assert rules.accepts(given_answers) == expected_verdict(questionnaire, given_answers)


PLAIN = (
    r"[A-Za-z0-9]{1,12}([._+-][A-Za-z0-9]{1,8}){0,3}"
    r"@([A-Za-z0-9]{1,40}(--?[A-Za-z0-9]{1,40})?\.){1,3}[A-Za-z]{2,8}"
)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(PLAIN, fullmatch=True) | st.text(max_size=40))
def test_fast_email_check_agrees_with_email_validator(address: str) -> None:
    try:
        validate_email(address, check_deliverability=False)
        valid = True
    except EmailNotValidError:
        valid = False
    assert is_email(address) == valid


def reference_score(questionnaire: Questionnaire, given: dict[str, AnswerValue]) -> scoring.Result:
    """Scoring written out plainly with fractions, per component and overall."""
    weights = {point.id: point.weight for point in questionnaire.scale}
    level = next(
        o.level
        for o in questionnaire.ambition_question.options
        if o.id == given[questionnaire.ambition_question.id]
    )
    percentages = [
        Fraction(100 * sum(weights[str(given[s.id])] for s in c.statements), 2 * len(c.statements))
        for c in questionnaire.components
    ]
    components = [
        scoring.ComponentScore(
            id=c.id, name=c.name, **vars(scoring.compare(questionnaire, pct, level))
        )
        for c, pct in zip(questionnaire.components, percentages, strict=True)
    ]
    overall = scoring.compare(questionnaire, sum(percentages, Fraction(0)) / 5, level)
    return scoring.Result(components=components, overall=overall)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(0, 2), min_size=35, max_size=35),
    st.integers(1, 4),
)
def test_scorer_tables_agree_with_plain_fractions(
    shipped: LoadedQuestionnaire, points: list[int], ambition: int
) -> None:
    questionnaire = shipped.questionnaire
    given_answers = sample_answers(questionnaire, ambition=ambition, statement_points=points)
    assert scoring.score(questionnaire, given_answers) == reference_score(
        questionnaire, given_answers
    )


def test_many_files_collected_equal_one_by_one(
    shipped: LoadedQuestionnaire, tmp_path: Path
) -> None:
    rng = random.Random(4)
    moment = datetime(2026, 11, 27, 9, 0, tzinfo=timezone.utc)
    start = answers.build(shipped, sample_answers(shipped.questionnaire), moment, moment)
    for number in range(60):
        points = [rng.randrange(3) for _ in shipped.questionnaire.statements]
        given_answers = sample_answers(
            shipped.questionnaire,
            organisation=f"Corporatie {number % 3}",
            ambition=rng.randint(1, 4),
            statement_points=points,
        )
        built = start.model_copy(update={"answers": given_answers})
        (tmp_path / f"{number:03}.json").write_bytes(answers.dump(built))
    (tmp_path / "bad.json").write_text("{}", "utf-8")
    write_all(shipped, tmp_path / "more")
    collected = collect.collect([tmp_path], shipped)
    loader = collect.Loader(shipped)
    files, _, _ = collect.find([tmp_path], loader.messages)
    one_by_one = [loader.load(file) for file in files]
    assert collected.respondents == [r for r in one_by_one if isinstance(r, collect.Respondent)]
    assert collected.skipped == [r for r in one_by_one if isinstance(r, collect.Skipped)]
    assert len(collected.respondents) == 60 + 8
    assert [Path(s.file).name for s in collected.skipped] == ["bad.json"]


def test_loaded_respondent_matches_the_file(shipped: LoadedQuestionnaire, tmp_path: Path) -> None:
    written = write_all(shipped, tmp_path)
    loader = collect.Loader(shipped)
    loaded = loader.load(str(written[0]))
    assert isinstance(loaded, collect.Respondent)
    raw_file = json.loads(written[0].read_text("utf-8"))
    raw = raw_file["answers"]
    assert loaded.organisation == raw["organisatie"]
    assert loaded.choices["krm_doelen"] == ("doel_trouwe_huurders_belonen", "doel_anders")
    assert loaded.others == {"krm_doelen": "Minder klachten"}
    assert loaded.points == (14, 13, 7, 7, 7)
    assert loaded.codes[:7] == bytes([3] * 7)
    assert loaded.started_at.isoformat() == raw_file["started_at"]
    assert loaded.completed_at.isoformat() == raw_file["completed_at"]
    assert loaded.anonymous is False
