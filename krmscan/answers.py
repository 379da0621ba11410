"""The answers file: its model, the rules an answer must keep, and saving and loading it.

An answers file is JSON (UTF-8)::

    {"format": "krmscan-answers", "format_version": 1,
     "questionnaire": {"id": ..., "version": ..., "sha256": ...},
     "started_at": "2026-11-27T10:00:00+01:00", "completed_at": "...",
     "answers": {"organisatie": "Woonstede", "krm_is": ["over_nadenken"],
                 "krm_doelen": ["doel_belonen", {"id": "doel_anders", "text": "..."}],
                 "gevoelsmatige_ambitie": "klantgedreven", "strategie_...": "eens", ...}}

Files store ids; an "other" option is stored as ``{"id", "text"}`` with the text typed for it.
"""

import contextlib
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_serializer,
)
from pydantic_core import PydanticCustomError

from krmscan.errors import BadDataError, NotSavedError, ProblemsError
from krmscan.files import read_input, without_bom, write_private
from krmscan.messages import Messages, messages_for
from krmscan.questionnaire import (
    AmbitionQuestion,
    ChoiceQuestion,
    LoadedQuestionnaire,
    MultipleChoiceQuestion,
    Option,
    Question,
    Questionnaire,
    SingleChoiceQuestion,
    TextQuestion,
)
from krmscan.text import has_control, printable

FORMAT = "krmscan-answers"
FORMAT_VERSION = 1
MAX_ANSWERS_BYTES = 1024 * 1024


class Strict(BaseModel):
    """Base of the file's parts: unknown fields are errors."""

    model_config = ConfigDict(extra="forbid", defer_build=True, protected_namespaces=())


class OtherAnswer(Strict):
    """An "other" option with the text the respondent typed for it."""

    id: str
    text: str


Choice = Annotated[str | OtherAnswer, Field(union_mode="left_to_right")]
AnswerValue = Annotated[
    str | OtherAnswer | list[Choice],
    Field(
        description="Text, an option id, a scale id, or a list of option ids.",
        union_mode="left_to_right",  # the kinds cannot overlap; trying them in order is faster
    ),
]
Answers = Mapping[str, AnswerValue]
_Shower = Callable[[AnswerValue], str]
"""How a message quotes an answer: `_shown`, or `Rules._withheld` for a personal question."""


class QuestionnaireRef(Strict):
    """Which questionnaire file the answers belong to."""

    id: str
    version: str
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]

    @classmethod
    def of(cls, loaded: LoadedQuestionnaire) -> "QuestionnaireRef":
        """The reference to a loaded questionnaire file."""
        questionnaire = loaded.questionnaire
        return cls(id=questionnaire.id, version=questionnaire.version, sha256=loaded.sha256)


def _exact_integer(value: object) -> object:
    """A version is a JSON integer: not ``true``, not ``1.0`` (which `Literal` would take)."""
    if type(value) is not int:
        raise ValueError("expected an integer")
    return value


FormatVersion = Annotated[Literal[1], BeforeValidator(_exact_integer)]

_ISO_MOMENT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}")


def _iso_text(value: object) -> object:
    """A moment read is an ISO 8601 text with an offset: not a number, nor a Unix time text."""
    if isinstance(value, datetime):  # built by krmscan itself
        return value
    if isinstance(value, str) and _ISO_MOMENT.match(value):
        with contextlib.suppress(ValueError):
            moment = datetime.fromisoformat(value)
            if moment.utcoffset() is not None:
                return moment
    raise PydanticCustomError("datetime_iso", "expected an ISO 8601 date and time")


Moment = Annotated[AwareDatetime, BeforeValidator(_iso_text)]
"""A date and time as written: ISO 8601 with its offset from UTC."""


class AnswersFile(Strict):
    """The whole answers file."""

    format: Literal["krmscan-answers"]
    format_version: FormatVersion
    questionnaire: QuestionnaireRef
    started_at: Moment
    completed_at: Moment
    answers: dict[str, AnswerValue]

    @field_serializer("started_at", "completed_at")
    def _with_offset(self, moment: datetime) -> str:
        """ISO 8601 with a numeric offset, ``+00:00`` rather than ``Z`` (Python 3.10 reads it)."""
        return moment.isoformat()


# The rules of one answer, with messages in the questionnaire's language.


MAX_TEXT_LENGTH = 2000
"""The most characters a typed text (a text answer, an "other" text) may have.

`take` refuses more at input, and `score` and ``--resume`` hold files to the same limit, so
whatever `take` accepts, they accept (and files stay far below `MAX_ANSWERS_BYTES`).
"""
ASCII_NUMBER = re.compile(r"[0-9]{1,9}")
"""A number typed to choose: ASCII digits only (not ``²``), never thousands of them."""


def number_in_range(text: str, highest: int) -> int | None:
    """The number 1..``highest`` that ``text`` is (spaces around it ignored), or None."""
    text = text.strip()
    if ASCII_NUMBER.fullmatch(text) is None:
        return None
    number = int(text)
    return number if 1 <= number <= highest else None


def length_problem(value: str, messages: Messages) -> str | None:
    """Why ``value`` is too long for a typed text, or None."""
    if len(value) <= MAX_TEXT_LENGTH:
        return None
    return messages.text_too_long.format(count=len(value), limit=MAX_TEXT_LENGTH)


def typed_problem(value: str, messages: Messages) -> str | None:
    """Why a text typed at `take` is refused before the rules of its question, or None.

    Control characters are refused at input only: a file that holds them (edited by hand,
    or hostile) is still read and shown with them made visible (`krmscan.text.printable`).
    """
    return messages.control_characters if has_control(value) else None


def text_problem(question: TextQuestion, value: str, messages: Messages) -> str | None:
    """Why ``value`` cannot answer a text question, or None."""
    if (too_long := length_problem(value, messages)) is not None:
        return too_long
    if not value.strip():
        return messages.required if question.required else None
    if question.format == "email" and not is_email(value.strip()):
        return messages.invalid_email
    return None


_PLAIN_EMAIL = re.compile(
    r"(?=.{1,254}\Z)(?=[^@]{1,64}@)"
    r"[A-Za-z0-9]+(?:[._+-][A-Za-z0-9]+)*"
    r"@(?:(?=[A-Za-z0-9-]{1,63}\.)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*\.)+([A-Za-z]{2,63})\Z"
)
"""Plain ASCII addresses that email-validator always accepts (tested with hypothesis).

Checking such an address with email-validator costs ~50 us; checking ten thousand answers
files would spend most of its time there. Everything else still goes to email-validator.
"""
_SPECIAL_USE_TLDS = frozenset({"arpa", "invalid", "local", "localhost", "onion", "test"})
"""email-validator's special-use domain names (all single labels): never on the plain path."""


def is_email(value: str) -> bool:
    """Whether ``value`` is a syntactically valid e-mail address (no DNS lookup)."""
    plain = _PLAIN_EMAIL.match(value)
    if plain is not None and plain.group(1).lower() not in _SPECIAL_USE_TLDS:
        return True
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def count_problem(question: MultipleChoiceQuestion, count: int, messages: Messages) -> str | None:
    """Why ``count`` chosen options break the question's minimum or maximum, or None."""
    if count < question.min_choices:
        return messages.choices_limit(minimum=True, count=question.min_choices)
    if count > question.most_choices:
        return messages.choices_limit(minimum=False, count=question.most_choices)
    return None


def other_text_problem(option: Option, text: str, messages: Messages) -> str | None:
    """Why ``text`` cannot describe a chosen "other" option, or None."""
    if (too_long := length_problem(text, messages)) is not None:
        return too_long
    return None if text.strip() else messages.other_text_required.format(option=option.text)


def choice_id(choice: Choice) -> str:
    """The option id of a stored choice."""
    return choice.id if isinstance(choice, OtherAnswer) else choice


# Checking a whole set of answers against the questionnaire.


def answer_problems(questionnaire: Questionnaire, answers: Answers) -> Iterator[str]:
    """Every way ``answers`` break the questionnaire, as ``answers.ID: message`` lines."""
    return Rules(questionnaire).problems(answers)


def problems_of(questionnaire: Questionnaire, item_id: str, value: AnswerValue) -> list[str]:
    """Why ``value`` cannot answer the question or statement ``item_id`` (empty when it can)."""
    return Rules(questionnaire).problems_of(item_id, value)


class Rules:
    """The answer rules of one questionnaire, with its lookups prepared once.

    Checking many files builds this once and asks `accepts` per file: plain loops without
    messages, a few set and dict lookups per question. Only a refused file is walked again by
    `problems` for its messages (a property test holds the two to the same verdict).
    """

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.messages = messages_for(questionnaire.language)
        self.questionnaire_id = questionnaire.id
        self.scale_ids = [point.id for point in questionnaire.scale]
        self.questions = questionnaire.questions
        self.statements = questionnaire.statements
        self.statement_ids = [statement.id for statement in self.statements]
        self.known = frozenset([*(q.id for q in self.questions), *(s.id for s in self.statements)])
        self.scale = frozenset(point.id for point in questionnaire.scale)
        self.options: dict[str, dict[str, Option]] = {
            question.id: {option.id: option for option in question.options}
            for question in self.questions
            if isinstance(question, SingleChoiceQuestion | MultipleChoiceQuestion)
        }
        self.levels = {
            question.id: frozenset(option.id for option in question.options)
            for question in self.questions
            if isinstance(question, AmbitionQuestion)
        }
        self.plain_options = {
            question.id: frozenset(o.id for o in question.options if not o.other)
            for question in self.questions
            if isinstance(question, MultipleChoiceQuestion)
        }
        # A personal question may be left out of the file (taken with --anonymous).
        self._checks = [
            (q.id, q.required and not q.personal, self._check(q)) for q in self.questions
        ]

    def accepts(self, answers: Answers) -> bool:
        """Whether ``answers`` keep every rule, that is, `problems` would find none."""
        if not self.known.issuperset(answers):
            return False
        for question_id, required, accepted in self._checks:
            value = answers.get(question_id)
            if value is None:
                if required:
                    return False
            elif not accepted(value):
                return False
        try:  # every statement answered with a scale id: one set operation
            return self.scale.issuperset(map(answers.get, self.statement_ids))
        except TypeError:  # a list or an object: not on the scale
            return False

    def _check(self, question: Question) -> Callable[[AnswerValue], bool]:
        """The fast check of one question's answer, its kind decided once."""
        if isinstance(question, TextQuestion):
            messages = self.messages
            return lambda value: (
                isinstance(value, str) and text_problem(question, value, messages) is None
            )
        if isinstance(question, AmbitionQuestion):
            levels = self.levels[question.id]
            return lambda value: isinstance(value, str) and value in levels
        options = self.options[question.id]
        if isinstance(question, SingleChoiceQuestion):
            return lambda value: (
                not isinstance(value, list) and self._accepts_choice(options, value)
            )
        plain = self.plain_options[question.id]
        fewest, most = question.min_choices, question.most_choices  # as in count_problem

        def multiple(value: AnswerValue) -> bool:
            if not isinstance(value, list) or not fewest <= len(value) <= most:
                return False
            try:  # the common case, plain option ids only: set operations
                if plain.issuperset(value):
                    return len(set(value)) == len(value)
            except TypeError:  # an "other" option with its text among them
                pass
            return len({choice_id(choice) for choice in value}) == len(value) and all(
                self._accepts_choice(options, choice) for choice in value
            )

        return multiple

    def _accepts_choice(self, options: dict[str, Option], choice: Choice) -> bool:
        if isinstance(choice, OtherAnswer):
            option = options.get(choice.id)
            return (
                option is not None
                and option.other
                and other_text_problem(option, choice.text, self.messages) is None
            )
        option = options.get(choice)
        return option is not None and not option.other

    def problems(self, answers: Answers) -> Iterator[str]:
        """Every way ``answers`` break the questionnaire, as ``answers.ID: message`` lines."""
        if not self.known.issuperset(answers):
            unknown = self.messages.unknown_answer_id.format(questionnaire=self.questionnaire_id)
            for answer_id in answers:
                if answer_id not in self.known:
                    yield f"answers.{answer_id}: {unknown}"
        for question in self.questions:
            value = answers.get(question.id)
            if value is None:
                if question.required and not question.personal:  # personal may be withheld
                    missing = self.messages.missing_answer.format(question=question.text)
                    yield f"answers.{question.id}: {missing}"
                continue
            for problem in self._question_problems(question, value):
                yield f"answers.{question.id}: {problem}"
        yield from self._statement_problems(answers)

    def problems_of(self, item_id: str, value: AnswerValue) -> list[str]:
        """Why ``value`` cannot answer the question or statement ``item_id`` (empty if it can)."""
        question = next((q for q in self.questions if q.id == item_id), None)
        if question is not None:
            return list(self._question_problems(question, value))
        if item_id not in self.statement_ids:
            return [self.messages.unknown_item.format(id=repr(item_id))]
        if isinstance(value, str) and value in self.scale:
            return []
        return [self._off_scale(value)]

    def _statement_problems(self, answers: Answers) -> Iterator[str]:
        scale = self.scale
        for statement in self.statements:
            value = answers.get(statement.id)
            if value is None:
                missing = self.messages.missing_statement.format(statement=statement.text)
                yield f"answers.{statement.id}: {missing}"
            elif not isinstance(value, str) or value not in scale:
                yield f"answers.{statement.id}: {self._off_scale(value)}"

    def _off_scale(self, value: AnswerValue) -> str:
        return self.messages.off_scale.format(shown=_shown(value), ids=_listed(self.scale_ids))

    def _question_problems(self, question: Question, value: AnswerValue) -> Iterator[str]:
        """Why ``value`` cannot answer ``question``, in words for the analyst reading them.

        The answer to a personal question is never quoted: the message names the question
        and what is wrong, and it travels into exports and onto screens.
        """
        show = self._withheld if question.personal else _shown
        m = self.messages
        if isinstance(question, TextQuestion):
            yield from self._text_problems(question, value, show)
        elif isinstance(question, AmbitionQuestion):
            ids = [option.id for option in question.options]
            if not isinstance(value, str) or value not in ids:
                yield m.not_option.format(shown=show(value), ids=_listed(ids))
        elif isinstance(question, SingleChoiceQuestion):
            if isinstance(value, list):
                yield m.expects_one
            else:
                yield from self._choice_problems(question, value, show)
        elif not isinstance(value, list):
            yield m.expects_list
        else:
            yield from self._multiple_problems(question, value, show)

    def _multiple_problems(
        self, question: MultipleChoiceQuestion, value: list[Choice], show: _Shower
    ) -> Iterator[str]:
        m = self.messages
        chosen = [choice_id(choice) for choice in value]
        for twice in dict.fromkeys(c for c in chosen if chosen.count(c) > 1):
            yield m.chosen_twice.format(option=show(twice))
        count = len(set(chosen))
        most = question.most_choices
        if count < question.min_choices:
            yield m.too_few_chosen.format(count=count, minimum=question.min_choices)
        elif count > most:
            listed = "" if question.personal else f" ({_listed(chosen)})"
            yield m.too_many_chosen.format(
                count=count, listed=listed, most=most, remove=count - most
            )
        for choice in value:
            yield from self._choice_problems(question, choice, show)

    def _choice_problems(
        self, question: ChoiceQuestion, choice: Choice, show: _Shower
    ) -> Iterator[str]:
        m = self.messages
        options = self.options[question.id]
        option = options.get(choice_id(choice))
        if option is None:
            yield m.unknown_option.format(shown=show(choice_id(choice)), ids=_listed(options))
        elif option.other and not isinstance(choice, OtherAnswer):
            yield m.other_needs_text.format(option=repr(option.id), id=option.id)
        elif isinstance(choice, OtherAnswer):
            if not option.other:
                yield m.takes_no_text.format(option=repr(option.id))
            elif len(choice.text) > MAX_TEXT_LENGTH:
                yield self._too_long(choice.text)
            elif not choice.text.strip():
                yield m.other_text_empty.format(option=repr(option.id))

    def _text_problems(
        self, question: TextQuestion, value: AnswerValue, show: _Shower
    ) -> Iterator[str]:
        m = self.messages
        if not isinstance(value, str):
            yield m.expects_text.format(shown=show(value))
        elif len(value) > MAX_TEXT_LENGTH:
            yield self._too_long(value)
        elif not value.strip():
            if question.required:
                yield m.text_empty.format(question=question.text)
        elif question.format == "email" and not is_email(value.strip()):
            empty = "" if question.required else m.or_leave_empty
            yield m.file_invalid_email.format(shown=show(value), empty=empty)

    def _too_long(self, text: str) -> str:
        return self.messages.file_text_too_long.format(count=len(text), limit=MAX_TEXT_LENGTH)

    def _withheld(self, value: AnswerValue) -> str:
        """A personal answer in a message: what kind of value it is, never the value."""
        if isinstance(value, list):
            return self.messages.withheld_list
        if isinstance(value, OtherAnswer):
            return self.messages.withheld_object
        return self.messages.withheld_answer


def _shown(value: AnswerValue) -> str:
    """A value as JSON, shortened to a readable length."""
    import json  # only for messages: `score` never needs the module otherwise

    if isinstance(value, OtherAnswer):
        shown = json.dumps(value.model_dump(), ensure_ascii=False)
    elif isinstance(value, list):
        shown = json.dumps([choice_id(c) for c in value], ensure_ascii=False)
    else:
        shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _listed(ids: Iterable[str]) -> str:
    return ", ".join(f'"{item}"' for item in ids)


# Files.


class LoadedAnswers(NamedTuple):
    """A valid answers file, with warnings that did not stop it from being scored."""

    path: Path
    file: AnswersFile
    warnings: tuple[str, ...]


def build(
    loaded: LoadedQuestionnaire, answers: Answers, started_at: datetime, completed_at: datetime
) -> AnswersFile:
    """A complete answers file for ``answers`` given to ``loaded``."""
    return AnswersFile(
        format=FORMAT,
        format_version=FORMAT_VERSION,
        questionnaire=QuestionnaireRef.of(loaded),
        started_at=started_at,
        completed_at=completed_at,
        answers=dict(answers),
    )


def dump(answers_file: AnswersFile) -> bytes:
    """The JSON bytes of an answers file (UTF-8, indented, texts unescaped)."""
    import json

    data = answers_file.model_dump(mode="json")
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def save(path: Path, answers_file: AnswersFile) -> None:
    """Write an answers file atomically, readable by its owner only (it holds personal data)."""
    try:
        write_private(path, dump(answers_file))
    except OSError as error:
        raise NotSavedError(path, error) from None


def load(path: Path, loaded: LoadedQuestionnaire) -> LoadedAnswers:
    """Read an answers file and check it against ``loaded``; raises `BadDataError`.

    Every message is in the questionnaire's language.
    """
    questionnaire = loaded.questionnaire
    messages = messages_for(questionnaire.language)
    raw = read(path, messages)
    answers_file = parse(raw, path, personal=personal_ids(questionnaire), messages=messages)
    return LoadedAnswers(path, answers_file, tuple(check(answers_file, loaded, path)))


def read(path: Path | str, messages: Messages) -> bytes:
    """The bytes of an answers file (at most `MAX_ANSWERS_BYTES`); raises `BadDataError`.

    A larger file is refused before it is read whole.
    """
    return read_input(
        path,
        max_bytes=MAX_ANSWERS_BYTES,
        wanted=messages.answers_wanted,
        kind=messages.answers_kind,
        check=messages.answers_check,
        messages=messages,
    )


def parse(
    raw: bytes, path: Path | str, *, personal: Collection[str] = (), messages: Messages
) -> AnswersFile:
    """Validate the bytes of an answers file's structure; raises `BadDataError`.

    Problems come one per field, in words an analyst can act on: a file of another kind or
    version gets one message, not one per field it lacks. ``format_version`` must be exactly
    the integer 1, and a key given twice in one object is an error. The answers to
    ``personal`` question ids are never quoted. Messages come from ``messages``.
    """
    raw = without_bom(raw)  # an editor on Windows may have added one
    if not raw or raw.isspace():
        raise BadDataError(messages.file_empty.format(path=path))
    try:
        parsed = AnswersFile.model_validate_json(raw)
    except ValidationError as error:
        problems = Structure(messages).problems(error, raw, path, personal)
        raise ProblemsError(list(problems)) from None
    refuse_duplicate_keys(raw, path, messages)
    return parsed


def refuse_duplicate_keys(raw: bytes, path: Path | str, messages: Messages) -> None:
    """Raise `BadDataError` when a JSON object in ``raw`` holds a key twice.

    JSON parsers silently keep the last of two equal keys; a file that says two things about
    one answer is refused instead, as a YAML questionnaire is. (A second parse: ~12 us for a
    typical answers file, beside pydantic's ~40 us.)
    """
    problem = duplicate_key_problem(raw, messages)
    if problem is not None:
        raise BadDataError(f"{path}: {problem}")


def duplicate_key_problem(raw: bytes, messages: Messages) -> str | None:
    """The message for the first key that a JSON object in ``raw`` holds twice, or None."""
    import json

    try:
        json.loads(raw, object_pairs_hook=_unique_keys)
    except _DuplicateKeyError as duplicate:
        return messages.duplicate_key.format(key=repr(duplicate.key))
    return None


class _DuplicateKeyError(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = printable(key)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return found


class Structure:
    """The structure problems of one refused file, worded from one message catalogue.

    Answers files and progress files share it: both are JSON with the same kinds of fields.
    """

    def __init__(self, messages: Messages, *, progress: bool = False) -> None:
        self.messages = messages
        self.progress = progress
        """Whether the file is a progress file (its format is named so), not an answers file."""

    def problems(
        self, error: ValidationError, raw: bytes, path: Path | str, personal: Collection[str]
    ) -> Iterator[str]:
        """One ``FILE: field: message`` line per field (one line for another kind of file)."""
        m = self.messages
        details = error.errors(include_url=False)
        for detail in details:
            if detail["type"] == "json_invalid":
                yield self._json_problem(str(detail["ctx"]["error"]), raw, path)
                return
            if not detail["loc"]:
                yield m.not_object.format(path=path, kind=self._kind(detail["input"]))
                return
        for field in ("format", "format_version"):  # another kind of file: its other fields differ
            found = next((d for d in details if d["loc"] == (field,)), None)
            if found is not None:
                yield f"{path}: {field}: {self._format_problem(field, found)}"
                return
        reported: set[str] = set()
        for detail in details:
            loc = detail["loc"]
            if loc[0] == "answers" and len(loc) > 1:
                where = f"answers.{loc[1]}"
                given = _answer_input(details, loc[1])
                message = self.not_an_answer(given, personal=loc[1] in personal)
            else:
                where = ".".join(str(part) for part in loc if not _is_union_tag(part))
                message = self._field_problem(detail)
            if where not in reported:
                reported.add(where)
                yield f"{path}: {where}: {message}"

    def _json_problem(self, reason: str, raw: bytes, path: Path | str) -> str:
        """Bytes that are not UTF-8, JSON nested too deeply, or JSON cut short, at their line."""
        m = self.messages
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as bad:
            before = raw[: bad.start]
            line, column = before.count(b"\n") + 1, bad.start - (before.rfind(b"\n") + 1) + 1
            return m.not_utf8.format(where=f"{path}:{line}:{column}", byte=f"{raw[bad.start]:02X}")
        match = _JSON_POSITION.match(reason)
        where, reason = (
            (f"{path}:{match[2]}:{match[3]}", match[1]) if match else (str(path), reason)
        )
        if "recursion limit" in reason:
            return m.too_deep.format(where=where)
        said = _json_reason(reason, m)
        if said is None:  # a rarer fault: its place is enough, the parser's words are English
            return m.not_json_where.format(where=where)
        return m.not_json.format(where=where, reason=said)

    def _format_problem(self, field: str, detail: Any) -> str:
        m = self.messages
        if detail["type"] == "missing":
            missing = m.progress_format_missing if self.progress else m.format_missing
            return missing.format(field=field)
        if field == "format":
            if self.progress:
                return m.progress_format_wrong.format(format=repr("krmscan-progress"))
            return m.format_wrong.format(format=repr(FORMAT))
        found = detail["input"]
        if isinstance(found, int) and not isinstance(found, bool) and found > FORMAT_VERSION:
            return m.version_newer.format(found=found, version=FORMAT_VERSION)
        return m.version_unknown.format(found=_shown_input(found), version=FORMAT_VERSION)

    def _field_problem(self, detail: Any) -> str:
        m = self.messages
        kind = detail["type"]
        fixed = {
            "missing": m.field_missing,
            "extra_forbidden": m.field_unknown,
            "string_pattern_mismatch": m.field_sha256,
        }
        if kind in fixed:
            return fixed[kind]
        if kind.startswith("datetime") or kind == "timezone_aware":
            return m.field_datetime.format(shown=_shown_input(detail["input"]))
        by_kind = {
            "string_type": m.field_text,
            "model_type": m.field_object,
            "dict_type": m.field_object,
            "bool_type": m.field_bool,
            "int_type": m.field_integer,
        }
        if kind in by_kind:
            return by_kind[kind].format(kind=self._kind(detail["input"]))
        return m.field_value.format(shown=_shown_input(detail["input"]))

    def not_an_answer(self, value: Any, *, personal: bool) -> str:
        """Why ``value`` is no answer at all; only its kind when the question is personal."""
        shown = self._kind(value) if personal else _shown_input(value)
        return self.messages.not_an_answer.format(shown=shown)

    def _kind(self, value: Any) -> str:
        """What a JSON value is, in words."""
        m = self.messages
        names = {dict: m.value_object, list: m.value_list, str: m.value_text, bool: m.value_bool}
        if value is None:
            return "null"
        return names.get(type(value), m.value_number)


_JSON_POSITION = re.compile(r"(.*) at line (\d+) column (\d+)$")
_JSON_SIGN = re.compile(r"`([^`]+)`")


def _json_reason(reason: str, m: Messages) -> str | None:
    """The JSON parser's reason in the catalogue's words; None for a rarer one."""
    if reason.startswith("EOF while parsing"):
        return m.json_ends_early
    if reason in ("expected value", "expected ident"):
        return m.json_expected_value
    signs = _JSON_SIGN.findall(reason)
    if reason.startswith("expected") and signs:
        return m.json_expected.format(signs=m.json_or.join(f"'{sign}'" for sign in signs))
    known = {
        "trailing comma": m.json_trailing_comma,
        "trailing characters": m.json_trailing_text,
        "key must be a string": m.json_key_text,
    }
    if reason.startswith("control character"):
        return m.json_control
    return known.get(reason)


def without_file_name(message: str, file: str, messages: Messages) -> str:
    """A problem message without the file name each of its lines starts with.

    ``FILE:LINE:COL: problem`` (a fault found while reading the JSON) keeps its place in words.
    """
    return "; ".join(_without_file(line, file, messages) for line in message.splitlines())


def _without_file(line: str, file: str, messages: Messages) -> str:
    if not line.startswith(file):
        return line
    rest = line[len(file) :]
    place = _PLACE.match(rest)
    if place is None:
        return rest.removeprefix(": ")
    return messages.at_place.format(line=place[1], column=place[2], problem=rest[place.end() :])


_PLACE = re.compile(r":(\d+):(\d+): ")


def _answer_input(details: Any, answer_id: int | str) -> Any:
    """The value given for an answer (pydantic reports it once per member of the union)."""
    for detail in details:
        if detail["loc"] in {("answers", answer_id), ("answers", answer_id, "str")}:
            return detail["input"]
    return "the value"


def _shown_input(value: Any) -> str:
    import json

    try:
        shown = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _is_union_tag(part: int | str) -> bool:
    return isinstance(part, str) and (part in {"str", "OtherAnswer"} or part.startswith("list["))


def personal_ids(questionnaire: Questionnaire) -> frozenset[str]:
    """The ids of the questions marked personal: their answers are never quoted."""
    return frozenset(question.id for question in questionnaire.questions if question.personal)


def check(
    answers_file: AnswersFile,
    loaded: LoadedQuestionnaire,
    path: Path | str,
    rules: Rules | None = None,
) -> list[str]:
    """Check answers against the questionnaire: raise on a mismatch, return warnings.

    Pass the questionnaire's `Rules` when checking many files, to prepare them only once.
    """
    reference = answers_file.questionnaire
    questionnaire = loaded.questionnaire
    rules = rules or Rules(questionnaire)
    if reference.id != questionnaire.id:
        raise BadDataError(
            rules.messages.other_questionnaire.format(
                path=path, found=reference.id, expected=questionnaire.id, questionnaire=loaded.path
            )
        )
    if not rules.accepts(answers_file.answers):
        raise ProblemsError(
            [f"{path}: {problem}" for problem in rules.problems(answers_file.answers)]
        )
    if reference.sha256 != loaded.sha256:
        return [rules.messages.other_version.format(path=path)]
    return []
