"""The questionnaire: a pydantic model of ``questionnaire.yaml``, its rules, and its loading.

Structure is checked by the field types; cross-field rules (unique ids, levels, bands, the
ambition question) by validators on the model itself, so every command agrees on what is valid.
Problems are reported all at once as ``FILE:LINE:COL: dotted.path: message``.
"""

import hashlib
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticCustomError

from krmscan.errors import BadDataError, ProblemsError
from krmscan.files import read_input, without_bom
from krmscan.messages import CATALOGUE
from krmscan.yaml_source import (
    PathKey,
    Position,
    Problem,
    YamlDocument,
    YamlSyntaxError,
    load_yaml,
)

MAX_QUESTIONNAIRE_BYTES = 2 * 1024 * 1024

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=80),
    Field(description="A stable snake_case id, unique in the whole questionnaire."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
RULES_ERROR = "questionnaire_rules"


class Model(BaseModel):
    """Base of the questionnaire's parts: immutable, unknown fields are errors.

    Validators are built when first used (``defer_build``), once for the whole questionnaire,
    and no field name needs pydantic's check against its own ``model_`` names.
    """

    model_config = ConfigDict(
        extra="forbid", frozen=True, defer_build=True, protected_namespaces=()
    )


class ScalePoint(Model):
    """One answer on the statement scale, with the weight it scores."""

    id: Id
    label: Text
    weight: Annotated[int, Field(ge=0)]


class Level(Model):
    """A corporation type: the ambition a respondent can feel and the maturity a score shows."""

    level: Annotated[int, Field(ge=1)]
    name: Text
    description: Text | None = None


class Band(Model):
    """Score percentages from ``from_pct`` (included) to ``to_pct`` (excluded, 100 included)."""

    level: int
    from_pct: Annotated[float, Field(ge=0, le=100)]
    to_pct: Annotated[float, Field(ge=0, le=100)]


class Option(Model):
    """A choice of a choice question; an ``other`` option asks for a text when chosen."""

    id: Id
    text: Text
    other: bool = False


class AmbitionOption(Model):
    """A choice of the ambition question: one of the declared levels."""

    id: Id
    level: int


class QuestionBase(Model):
    """What every question has."""

    id: Id
    text: Text
    hint: Text | None = None
    required: bool = True
    personal: bool = Field(False, description="Holds personal data (name, e-mail).")
    group: bool = Field(False, description="Names the organisation respondents belong to.")


class TextQuestion(QuestionBase):
    """A free text answer, optionally an e-mail address."""

    type: Literal["text"]
    format: Literal["email"] | None = None


class SingleChoiceQuestion(QuestionBase):
    """Exactly one option."""

    type: Literal["single_choice"]
    options: Annotated[list[Option], Field(min_length=2)]


class MultipleChoiceQuestion(QuestionBase):
    """Between ``min_choices`` and ``max_choices`` options."""

    type: Literal["multiple_choice"]
    options: Annotated[list[Option], Field(min_length=2)]
    min_choices: Annotated[int, Field(ge=0)] = 1
    max_choices: Annotated[int | None, Field(ge=1)] = None

    @property
    def most_choices(self) -> int:
        """The maximum number of options, the number of options when unbounded."""
        return self.max_choices if self.max_choices is not None else len(self.options)


class AmbitionQuestion(QuestionBase):
    """The felt ambition: one of the levels."""

    type: Literal["ambition"]
    options: Annotated[list[AmbitionOption], Field(min_length=2)]


Question = Annotated[
    TextQuestion | SingleChoiceQuestion | MultipleChoiceQuestion | AmbitionQuestion,
    Field(discriminator="type"),
]
ChoiceQuestion = SingleChoiceQuestion | MultipleChoiceQuestion


class Section(Model):
    """Questions under an optional title and introduction."""

    id: Id
    title: Text | None = None
    intro: Text | None = None
    questions: Annotated[list[Question], Field(min_length=1)]


class Part(Model):
    """A sub-part of a component: a title and an introduction shown before its statements."""

    id: Id
    title: Text
    intro: Text | None = None


class Statement(Model):
    """A statement answered on the scale."""

    id: Id
    text: Text


class Component(Model):
    """One of the five components: introductions and the statements that measure it."""

    id: Id
    name: Text
    intro: Text | None = None
    parts: list[Part] = []
    statements: Annotated[list[Statement], Field(min_length=1)]
    footnote: Text | None = None


class Questionnaire(Model):
    """The whole scan as declared in ``questionnaire.yaml``."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        defer_build=True,
        protected_namespaces=(),
        ignored_types=(cached_property,),
    )

    id: Id
    version: Annotated[str, StringConstraints(min_length=1)]
    language: str = Field(description="Language of the texts; picks the tool's own messages.")
    title: Text
    introduction: Annotated[
        Text | None,
        Field(
            description=(
                "Shown on the welcome screen of `krmscan take`, under the tool's own words "
                "about purpose, duration and privacy (plain text; paragraphs by blank lines)."
            ),
            max_length=1500,
        ),
    ] = None
    scale: Annotated[list[ScalePoint], Field(min_length=2)]
    levels: Annotated[list[Level], Field(min_length=1)]
    bands: Annotated[list[Band], Field(min_length=1)]
    sections: Annotated[list[Section], Field(min_length=1)]
    components: Annotated[list[Component], Field(min_length=1)]

    @model_validator(mode="after")
    def _cross_field_rules(self) -> "Questionnaire":
        problems = [
            *self._language_problems(),
            *self._introduction_problems(),
            *self._duplicate_id_problems(),
            *self._level_problems(),
            *self._band_problems(),
            *self._question_role_problems(),
            *self._choice_problems(),
            *self._scale_problems(),
            *self._footnote_problems(),
        ]
        if problems:
            raise _rules(problems)
        return self

    def _introduction_problems(self) -> Iterator[tuple[PathKey, str]]:
        from krmscan.text import printable

        if self.introduction and printable(self.introduction, lines=True) != self.introduction:
            yield ("introduction",), "holds a control character; write plain text and newlines"

    def _language_problems(self) -> Iterator[tuple[PathKey, str]]:
        if self.language not in CATALOGUE:
            known = ", ".join(sorted(CATALOGUE))
            yield ("language",), f"'{self.language}' has no message catalogue; use one of {known}"

    def _duplicate_id_problems(self) -> Iterator[tuple[PathKey, str]]:
        first_seen: dict[str, PathKey] = {}
        for path, item_id in self._ids():
            if item_id in first_seen:
                where = _dotted(first_seen[item_id])
                yield (*path, "id"), f"id '{item_id}' is used twice (also at {where})"
            else:
                first_seen[item_id] = path

    def _ids(self) -> Iterator[tuple[PathKey, str]]:
        for p, point in enumerate(self.scale):
            yield ("scale", p), point.id
        for s, section in enumerate(self.sections):
            yield ("sections", s), section.id
            for q, question in enumerate(section.questions):
                yield ("sections", s, "questions", q), question.id
                options: Sequence[Option | AmbitionOption] = (
                    [] if isinstance(question, TextQuestion) else question.options
                )
                for o, option in enumerate(options):
                    yield ("sections", s, "questions", q, "options", o), option.id
        for c, component in enumerate(self.components):
            yield ("components", c), component.id
            for p, part in enumerate(component.parts):
                yield ("components", c, "parts", p), part.id
            for t, statement in enumerate(component.statements):
                yield ("components", c, "statements", t), statement.id

    def _level_problems(self) -> Iterator[tuple[PathKey, str]]:
        for index, level in enumerate(self.levels):
            if level.level != index + 1:
                yield ("levels", index, "level"), f"must be {index + 1}: levels count 1, 2, 3, ..."
        declared = {level.level for level in self.levels}
        for s, q, question in self._questions_with_path():
            if isinstance(question, AmbitionQuestion):
                for o, option in enumerate(question.options):
                    if option.level not in declared:
                        path = ("sections", s, "questions", q, "options", o, "level")
                        yield path, f"level {option.level} is not declared under 'levels'"

    def _band_problems(self) -> Iterator[tuple[PathKey, str]]:
        declared = [level.level for level in self.levels]
        banded = [band.level for band in self.bands]
        if banded != declared:
            yield ("bands",), f"need one band per level, in order {declared}; found {banded}"
        if self.bands[0].from_pct != 0:
            yield ("bands", 0, "from_pct"), "the first band must start at 0"
        if self.bands[-1].to_pct != 100:
            yield ("bands", len(self.bands) - 1, "to_pct"), "the last band must end at 100"
        for index, band in enumerate(self.bands):
            if band.to_pct <= band.from_pct:
                yield ("bands", index, "to_pct"), "must be above from_pct"
            if index and band.from_pct != self.bands[index - 1].to_pct:
                previous = self.bands[index - 1].to_pct
                yield (
                    ("bands", index, "from_pct"),
                    f"must equal the previous band's to_pct ({previous:g}): "
                    "bands may not overlap or leave a gap",
                )

    def _question_role_problems(self) -> Iterator[tuple[PathKey, str]]:
        roles = Counter[str]()
        for s, q, question in self._questions_with_path():
            path = ("sections", s, "questions", q)
            if isinstance(question, AmbitionQuestion):
                roles["ambition"] += 1
                if roles["ambition"] > 1:
                    yield (*path, "type"), "only one ambition question is allowed"
            if question.group:
                roles["group"] += 1
                if roles["group"] > 1:
                    yield (*path, "group"), "only one question can name the organisation"
                if not isinstance(question, TextQuestion) or not question.required:
                    yield (*path, "group"), "the grouping question must be a required text"
            if question.personal and question.group:
                yield (*path, "personal"), "a question cannot be both personal and the group"
        if not roles["ambition"]:
            yield ("sections",), "declare one question of type 'ambition'"
        if not roles["group"]:
            yield (
                ("sections",),
                "mark one required text question with 'group: true': its answer names the "
                "organisation each respondent belongs to (results are reported per organisation)",
            )

    def _choice_problems(self) -> Iterator[tuple[PathKey, str]]:
        for s, q, question in self._questions_with_path():
            path = ("sections", s, "questions", q)
            if not isinstance(question, SingleChoiceQuestion | MultipleChoiceQuestion):
                continue
            if sum(option.other for option in question.options) > 1:
                yield (*path, "options"), "at most one option can be an 'other' option"
            if not isinstance(question, MultipleChoiceQuestion):
                continue
            count = len(question.options)
            if question.max_choices is not None and question.max_choices > count:
                yield (*path, "max_choices"), f"is above the number of options ({count})"
            if question.min_choices > question.most_choices:
                limit = (
                    "max_choices" if question.max_choices is not None else "the number of options"
                )
                yield (*path, "min_choices"), f"is above {limit} ({question.most_choices})"

    def _scale_problems(self) -> Iterator[tuple[PathKey, str]]:
        """Weights go up along the scale, so scores and agreement read it the same way.

        With weights of at least 0, that also puts the highest above 0 (a score can be earned).
        """
        for index in range(1, len(self.scale)):
            before, point = self.scale[index - 1], self.scale[index]
            if point.weight <= before.weight:
                yield (
                    ("scale", index, "weight"),
                    f"must be above the weight before it ({before.weight}, '{before.id}'): "
                    "the scale's weights go up strictly, from disagreeing to agreeing",
                )

    def _footnote_problems(self) -> Iterator[tuple[PathKey, str]]:
        """A footnote is shown under the statements marked with ``*``: one must be marked."""
        for c, component in enumerate(self.components):
            if component.footnote and not any("*" in s.text for s in component.statements):
                yield (
                    ("components", c, "footnote"),
                    "no statement of this component has a '*', so the footnote would never be "
                    "shown; mark the word it explains with '*' or remove the footnote",
                )

    def _questions_with_path(self) -> Iterator[tuple[int, int, Question]]:
        for s, section in enumerate(self.sections):
            for q, question in enumerate(section.questions):
                yield s, q, question

    # Lookups used by the flow and scoring.

    @property
    def questions(self) -> list[Question]:
        """Every question, in order."""
        return [question for section in self.sections for question in section.questions]

    @property
    def statements(self) -> list[Statement]:
        """Every statement, in order."""
        return [statement for component in self.components for statement in component.statements]

    @property
    def ambition_question(self) -> AmbitionQuestion:
        """The one question of type ``ambition``."""
        return next(q for q in self.questions if isinstance(q, AmbitionQuestion))

    @property
    def group_question(self) -> TextQuestion | None:
        """The question naming the organisation, if one is marked."""
        return next((q for q in self.questions if isinstance(q, TextQuestion) and q.group), None)

    def level(self, number: int) -> Level:
        """The declared level with this number."""
        return self.levels[number - 1]

    def band(self, level: int) -> Band:
        """The band of a level."""
        return self.bands[level - 1]


def _rules(problems: list[tuple[PathKey, str]]) -> PydanticCustomError:
    """One pydantic error carrying several located rule violations (expanded by `load`)."""
    return PydanticCustomError(
        RULES_ERROR,
        "{summary}",
        {"summary": "; ".join(message for _, message in problems), "problems": problems},
    )


def _dotted(path: PathKey) -> str:
    """``("sections", 2, "text")`` -> ``sections[2].text``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


QUESTION_TYPES = {"text", "single_choice", "multiple_choice", "ambition"}


class LoadedQuestionnaire(NamedTuple):
    """A valid questionnaire with the file it came from and that file's sha256."""

    questionnaire: Questionnaire
    path: Path
    sha256: str


def default_path() -> Path:
    """The questionnaire shipped inside the package."""
    return Path(__file__).with_name("questionnaire.yaml")


_parsed: dict[str, Questionnaire] = {}
"""Questionnaires already validated in this process, by the sha256 of their file."""


def load(path: Path | None = None) -> LoadedQuestionnaire:
    """Read, parse and validate a questionnaire; raises `ProblemsError` listing every problem.

    A file is parsed once per process: loading the same bytes again reuses the result.
    """
    path = path or default_path()
    raw = read_input(
        path,
        max_bytes=MAX_QUESTIONNAIRE_BYTES,
        wanted="the questionnaire's .yaml file",
        kind="questionnaire",
        check="the questionnaire's .yaml file",
    )
    sha256 = hashlib.sha256(raw).hexdigest()
    questionnaire = _parsed.get(sha256)
    if questionnaire is None:
        questionnaire = parse(_decoded(raw, path), path)
        _parsed[sha256] = questionnaire
    return LoadedQuestionnaire(questionnaire=questionnaire, path=path, sha256=sha256)


def _decoded(raw: bytes, path: Path) -> str:
    """The text of a UTF-8 file (a leading byte order mark is allowed)."""
    raw = without_bom(raw)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise BadDataError(
            f"{path}:{line}:{column}: byte 0x{raw[error.start]:02X} is not UTF-8; "
            "save the file as UTF-8"
        ) from None


def parse(text: str, path: Path) -> Questionnaire:
    """Validate YAML ``text`` as a questionnaire; ``path`` only names the file in messages."""
    try:
        document = load_yaml(text)
    except YamlSyntaxError as error:
        raise ProblemsError([_syntax_problem(error, text, path)]) from None
    problems = list(document.problems)
    if document.data is None:
        problems.append(
            Problem(
                (),
                document.position_of(()),
                "the file holds no questionnaire; it starts with id:, version:, language:, "
                "title:, scale:, levels:, bands:, sections: and components:",
            )
        )
    elif not isinstance(document.data, dict):
        problems.append(
            Problem(
                (),
                document.position_of(()),
                f"expected the questionnaire's fields (name: value lines), found "
                f"{_kind(document.data)}",
            )
        )
    else:
        try:
            questionnaire = Questionnaire.model_validate(document.data, strict=True)
        except ValidationError as error:
            problems.extend(_without_misspelt_missing(list(_problems_from(error, document))))
        else:
            if not problems:
                return questionnaire
    problems.sort(key=lambda p: (p.position.line, p.position.column))
    raise ProblemsError(
        [
            f"{path}:{p.position.line}:{p.position.column}: {_dotted(p.path) or '(top)'}: "
            f"{p.message}"
            for p in _once_per_place(problems)
        ]
    )


def _once_per_place(problems: list[Problem]) -> Iterator[Problem]:
    """Each problem once, however often the mapping that holds it is merged in with ``<<``.

    Its faults stand where the mapping is written, and are reported there once.
    """
    seen: set[tuple[Position, str]] = set()
    for problem in problems:
        if (problem.position, problem.message) not in seen:
            seen.add((problem.position, problem.message))
            yield problem


def _problems_from(error: ValidationError, document: YamlDocument) -> Iterator[Problem]:
    """Turn pydantic errors into located problems; rule errors expand into their parts."""
    for detail in error.errors(include_url=False):
        base = _yaml_path(detail["loc"], document.data)
        if detail["type"] == RULES_ERROR:
            for sub_path, message in detail["ctx"]["problems"]:
                path = (*base, *sub_path)
                yield Problem(path, document.position_of(path), message)
        else:
            if detail["type"] == "union_tag_invalid":
                base = (*base, "type")
            yield Problem(base, document.position_of(base), _pydantic_message(detail))


def _yaml_path(loc: tuple[int | str, ...], data: Any) -> PathKey:
    """Drop the discriminator tags pydantic puts in ``loc`` so the path follows the YAML.

    A tag follows the question it selects (``questions, 0, "text", "text"``: the tag, then the
    field), so it is dropped only once per question: a question's ``text`` field is kept.
    """
    path: list[str | int] = []
    node = data
    tag_dropped = False
    for part in loc:
        if (
            not tag_dropped
            and isinstance(node, dict)
            and part in QUESTION_TYPES
            and node.get("type") == part
        ):
            tag_dropped = True
            continue
        path.append(part)
        node = node.get(part) if isinstance(node, dict) else _item(node, part)
        tag_dropped = False
    return tuple(path)


def _item(node: Any, index: int | str) -> Any:
    if isinstance(node, list) and isinstance(index, int) and 0 <= index < len(node):
        return node[index]
    return None


_MESSAGES = {
    "missing": "field required; add it",
    "string_too_short": "must not be empty",
    "string_pattern_mismatch": (
        "{input} is not a valid id; use lowercase letters, digits and _, starting with a letter"
    ),
    "string_type": "expected a text, found {kind}; put it in quotes if it is meant as text",
    "bool_type": "expected true or false, found {input}",
    "bool_parsing": "expected true or false, found {input}",
    "int_type": "expected a whole number, found {input}",
    "int_parsing": "expected a whole number, found {input}",
    "int_from_float": "expected a whole number, found {input}",
    "float_type": "expected a number, found {input}",
    "float_parsing": "expected a number, found {input}",
    "greater_than_equal": "must be at least {ge}, found {input}",
    "less_than_equal": "must be at most {le}, found {input}",
    "too_short": "needs at least {min_length} item(s)",
    "list_type": "expected a list (lines starting with '- '), found {kind}",
    "model_type": "expected a mapping of fields (name: value lines), found {kind}",
    "model_attributes_type": "expected a mapping of fields (name: value lines), found {kind}",
    "dict_type": "expected a mapping of fields (name: value lines), found {kind}",
    "literal_error": "must be {expected}, found {input}",
    "union_tag_not_found": (
        "field 'type' required (text, single_choice, multiple_choice or ambition)"
    ),
}


def _pydantic_message(detail: Any) -> str:
    """Pydantic's error in an author's words, saying what to write instead."""
    kind = detail["type"]
    if kind == "extra_forbidden":
        return _unknown_field(str(detail["loc"][-1]))
    if kind == "union_tag_invalid":
        expected = ", ".join(sorted(QUESTION_TYPES))
        return f"unknown type {detail['ctx']['tag']!r}; use one of {expected}"
    template = _MESSAGES.get(kind)
    if template is None:
        return str(detail["msg"])
    value = detail["input"]
    if kind.startswith("int") and isinstance(value, float):  # `1.0`, not "found 1"
        return template.format(input=repr(value))
    return template.format(
        **{
            key: item if isinstance(item, str) else _shown(item)
            for key, item in (detail.get("ctx") or {}).items()
        },
        input=_shown(value),
        kind=_kind(value),
    )


def _unknown_field(name: str) -> str:
    import difflib

    close = difflib.get_close_matches(name, sorted(_field_names()), n=1, cutoff=0.75)
    hint = f"did you mean '{close[0]}'?" if close else "remove it or check its spelling"
    return f"unknown field '{name}'; {hint} (fields: `krmscan schema questionnaire`)"


def _field_names() -> set[str]:
    models: list[type[BaseModel]] = [
        ScalePoint,
        Level,
        Band,
        Option,
        AmbitionOption,
        TextQuestion,
        SingleChoiceQuestion,
        MultipleChoiceQuestion,
        AmbitionQuestion,
        Section,
        Part,
        Statement,
        Component,
        Questionnaire,
    ]
    return {name for model in models for name in model.model_fields}


def _without_misspelt_missing(problems: list[Problem]) -> Iterator[Problem]:
    """Drop "field required" where an unknown field beside it is its misspelling.

    ``statments:`` then gets one message (unknown field, did you mean 'statements'?) instead
    of two.
    """
    import difflib

    unknown = [p for p in problems if p.message.startswith("unknown field")]
    for problem in problems:
        if problem.message == _MESSAGES["missing"] and any(
            other.path[:-1] == problem.path[:-1]
            and difflib.get_close_matches(str(other.path[-1]), [str(problem.path[-1])], 1, 0.75)
            for other in unknown
        ):
            continue
        yield problem


def _kind(value: Any) -> str:
    """What a YAML value is, in words."""
    if value is None:
        return "an empty value"
    names = {dict: "a mapping", list: "a list", str: "a text", bool: "true/false"}
    if type(value) in names:
        return names[type(value)]
    if isinstance(value, int | float):
        return f"the number {value}"
    return "a value of another kind"


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"  # as YAML writes it, not Python's True
    if value is None or isinstance(value, dict | list):
        return _kind(value)
    if not isinstance(value, str | int | float):  # never a Python repr in a message
        return _kind(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    shown = repr(value) if isinstance(value, str) else str(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _syntax_problem(error: YamlSyntaxError, text: str, path: Path) -> str:
    """One line for a YAML syntax error, saying so plainly when a tab indents the line."""
    if error.position is None:
        return f"{path}:1:1: {error.message}"
    line, column = error.position.line, error.position.column
    lines = text.splitlines()
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in source[: len(source) - len(source.lstrip(" \t"))]:
        return f"{path}:{line}:{source.index(chr(9)) + 1}: a tab indents this line; use spaces"
    return f"{path}:{line}:{column}: {error.message}"
