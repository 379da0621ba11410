"""One place that asks each kind of question: arrow-key prompts (questionary) and plain lines.

Both prompters implement `krmscan.flow.Prompter` and apply the same rules from
`krmscan.answers`, so an answer accepted by one is accepted by the other.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.text import Text

from krmscan import render
from krmscan.answers import (
    AnswerValue,
    Choice,
    OtherAnswer,
    choice_id,
    count_problem,
    other_text_problem,
    text_problem,
)
from krmscan.errors import InputEndedError, InterruptedByUser
from krmscan.flow import Intro, Step
from krmscan.messages import Messages
from krmscan.questionnaire import (
    AmbitionQuestion,
    MultipleChoiceQuestion,
    Option,
    Questionnaire,
    SingleChoiceQuestion,
    Statement,
    TextQuestion,
)

if TYPE_CHECKING:
    from questionary import Question as Prompt


def progress(step: Step, messages: Messages) -> str:
    """Where the respondent is: the component and statement number, and the question count."""
    if step.component is not None:
        return messages.statement_progress.format(
            component=step.component.name,
            n=step.position_in_component,
            count=len(step.component.statements),
            k=step.number,
            total=step.total,
        )
    return messages.question_counter.format(k=step.number, total=step.total)


def _text_of(answer: AnswerValue | None) -> str:
    return answer if isinstance(answer, str) else ""


def _chosen_ids(answer: AnswerValue | None) -> list[str]:
    if isinstance(answer, list):
        return [choice_id(choice) for choice in answer]
    if isinstance(answer, OtherAnswer):
        return [answer.id]
    return [answer] if answer else []


def _other_text(answer: AnswerValue | None, option_id: str) -> str:
    choices = answer if isinstance(answer, list) else [answer]
    for choice in choices:
        if isinstance(choice, OtherAnswer) and choice.id == option_id:
            return choice.text
    return ""


def pause_garbage_collection() -> None:
    """Process policy while arrow-key prompts run (`krmscan take` sets it).

    Each questionary prompt builds and drops a prompt_toolkit application of some hundred
    thousand objects; the collector's automatic runs then land between an answer and the next
    prompt, as pauses of up to a few hundred ms. With them off (and start-up's objects frozen
    out of every collection), `QuestionaryPrompter` collects once each prompt is on screen,
    while the respondent reads it.
    """
    gc.freeze()
    gc.disable()


def _collect_garbage_once_shown(prompt: Prompt) -> None:
    """Under `pause_garbage_collection`, collect once ``prompt`` has been drawn."""
    if gc.isenabled():
        return
    done = False

    def collect(_: object) -> None:
        nonlocal done
        if not done:
            done = True
            gc.collect()

    prompt.application.after_render += collect


class QuestionaryPrompter:
    """Arrow-key prompts in a terminal, with introductions in rich panels."""

    def __init__(self, questionnaire: Questionnaire, messages: Messages, console: Console) -> None:
        self.questionnaire = questionnaire
        self.messages = messages
        self.console = console

    def show_intro(self, intro: Intro) -> None:
        """Print an introduction panel."""
        self.console.print(render.intro_panel(intro))

    def ask(self, step: Step, previous: AnswerValue | None) -> AnswerValue:
        """Ask one step with the prompt its kind needs."""
        item = step.item
        self.console.print(Text(progress(step, self.messages), style="dim"))
        if step.note:
            self.console.print(render.note(step.note))
        if isinstance(item, Statement):
            labels = [(point.label, point.id) for point in self.questionnaire.scale]
            return self._select(item.text, labels, _text_of(previous))
        if item.hint:
            self.console.print(render.note(item.hint))
        if isinstance(item, TextQuestion):
            return self._text(item, previous)
        if isinstance(item, AmbitionQuestion):
            levels = [(self.questionnaire.level(o.level), o.id) for o in item.options]
            for level, _ in levels:
                self.console.print(render.level_panel(level, self.messages))
            names = [(level.name, option_id) for level, option_id in levels]
            return self._select(item.text, names, _text_of(previous))
        if isinstance(item, SingleChoiceQuestion):
            chosen = self._select(
                item.text,
                [(o.text, o.id) for o in item.options],
                next(iter(_chosen_ids(previous)), ""),
            )
            option = next(o for o in item.options if o.id == chosen)
            return self._with_other_text(option, previous) if option.other else chosen
        return self._checkbox(item, previous)

    def _run(self, prompt: Prompt) -> object:
        _collect_garbage_once_shown(prompt)
        try:
            return prompt.unsafe_ask()
        except EOFError:
            raise InputEndedError(self.messages.interrupted) from None
        except KeyboardInterrupt:
            raise InterruptedByUser(self.messages.interrupted) from None

    def _select(self, message: str, choices: Sequence[tuple[str, str]], default: str) -> str:
        import questionary

        options = [questionary.Choice(title, value) for title, value in choices]
        prompt = questionary.select(
            message,
            options,
            default=next((o for o in options if o.value == default), None),
            use_shortcuts=len(options) <= 9,
            instruction=self.messages.select_hint,
        )
        return str(self._run(prompt))

    def _text(self, question: TextQuestion, previous: AnswerValue | None) -> str:
        import questionary

        def validate(value: str) -> bool | str:
            return text_problem(question, value, self.messages) or True

        hint = self.messages.text_hint
        if not question.required:
            hint = f"{hint} {self.messages.optional_hint}"
        prompt = questionary.text(
            question.text, default=_text_of(previous), validate=validate, instruction=hint
        )
        return str(self._run(prompt)).strip()

    def _checkbox(
        self, question: MultipleChoiceQuestion, previous: AnswerValue | None
    ) -> list[Choice]:
        import questionary

        ticked = set(_chosen_ids(previous))
        options = [
            questionary.Choice(o.text, o.id, checked=o.id in ticked) for o in question.options
        ]

        def validate(chosen: list[str]) -> bool | str:
            return count_problem(question, len(chosen), self.messages) or True

        prompt = questionary.checkbox(
            question.text, options, validate=validate, instruction=self.messages.checkbox_hint
        )
        chosen = self._run(prompt)
        assert isinstance(chosen, list)
        by_id = {option.id: option for option in question.options}
        return [
            self._with_other_text(by_id[c], previous) if by_id[c].other else str(c) for c in chosen
        ]

    def _with_other_text(self, option: Option, previous: AnswerValue | None) -> OtherAnswer:
        import questionary

        def validate(value: str) -> bool | str:
            return other_text_problem(option, value, self.messages) or True

        prompt = questionary.text(
            f"{option.text}:", default=_other_text(previous, option.id), validate=validate
        )
        return OtherAnswer(id=option.id, text=str(self._run(prompt)).strip())


class PlainPrompter:
    """One line per prompt: numbered options, numbers typed; for screen readers and scripts."""

    def __init__(
        self, questionnaire: Questionnaire, messages: Messages, console: Console, stdin: TextIO
    ) -> None:
        self.questionnaire = questionnaire
        self.messages = messages
        self.console = console
        self.stdin = stdin

    def show_intro(self, intro: Intro) -> None:
        """Print an introduction as a heading and a paragraph."""
        self.console.print()
        if intro.title:
            self.console.print(Text(intro.title, style="bold"))
        if intro.text:
            self.console.print(Text(intro.text))

    def ask(self, step: Step, previous: AnswerValue | None) -> AnswerValue:  # noqa: ARG002
        """Print the prompt and read lines until one is a valid answer."""
        item = step.item
        self.console.print()
        self.console.print(Text(f"[{progress(step, self.messages)}]"))
        if step.note:
            self.console.print(Text(step.note))
        if isinstance(item, Statement):
            labels = [point.label for point in self.questionnaire.scale]
            index = self._number(step, item.text, labels)
            return self.questionnaire.scale[index].id
        if isinstance(item, TextQuestion):
            return self._text(step, item)
        if isinstance(item, AmbitionQuestion):
            levels = [self.questionnaire.level(option.level) for option in item.options]
            labels = [f"{level.name}\n{level.description or ''}".rstrip() for level in levels]
            return item.options[self._number(step, item.text, labels, item.hint)].id
        if isinstance(item, SingleChoiceQuestion):
            option = item.options[
                self._number(step, item.text, [o.text for o in item.options], item.hint)
            ]
            return self._other(step, option) if option.other else option.id
        return self._multiple(step, item)

    def _read(self, step: Step) -> str:
        self.console.print("> ", end="")
        self.console.file.flush()
        line = self.stdin.readline()
        if not line:
            self.console.print()
            raise InputEndedError(self.messages.input_ended.format(question=step.id))
        return line.rstrip("\r\n")

    def _show(self, text: str, hint: str | None, labels: Sequence[str] = ()) -> None:
        self.console.print(Text(text, style="bold"))
        if hint:
            self.console.print(Text(hint))
        for number, label in enumerate(labels, start=1):
            first, _, rest = label.partition("\n")
            self.console.print(Text(f"  {number}. {first}"))
            if rest:
                self.console.print(Text(rest), style="dim")

    def _complain(self, message: str) -> None:
        self.console.print(Text(message, style="red"))

    def _number(self, step: Step, text: str, labels: Sequence[str], hint: str | None = None) -> int:
        self._show(text, hint, labels)
        while True:
            self.console.print(Text(self.messages.plain_choose_one))
            line = self._read(step).strip()
            if line.isdigit() and 1 <= int(line) <= len(labels):
                return int(line) - 1
            self._complain(self.messages.plain_number_range.format(n=len(labels)))

    def _text(self, step: Step, question: TextQuestion) -> str:
        hint = question.hint or ("" if question.required else self.messages.optional_hint)
        self._show(question.text, hint or None)
        while True:
            value = self._read(step).strip()
            problem = text_problem(question, value, self.messages)
            if problem is None:
                return value
            self._complain(problem)

    def _multiple(self, step: Step, question: MultipleChoiceQuestion) -> list[Choice]:
        count = len(question.options)
        self._show(question.text, question.hint, [o.text for o in question.options])
        while True:
            self.console.print(Text(self.messages.plain_choose_many))
            numbers = _parse_numbers(self._read(step))
            if numbers is None or any(not 1 <= n <= count for n in numbers):
                self._complain(self.messages.plain_numbers_range.format(n=count))
                continue
            problem = count_problem(question, len(numbers), self.messages)
            if problem is None:
                break
            self._complain(problem)
        chosen = [question.options[n - 1] for n in numbers]
        return [self._other(step, o) if o.other else o.id for o in chosen]

    def _other(self, step: Step, option: Option) -> OtherAnswer:
        while True:
            self.console.print(Text(f"{option.text}:", style="bold"))
            value = self._read(step).strip()
            problem = other_text_problem(option, value, self.messages)
            if problem is None:
                return OtherAnswer(id=option.id, text=value)
            self._complain(problem)


def _parse_numbers(line: str) -> list[int] | None:
    """``"1, 3"`` -> ``[1, 3]`` (order kept, repeats dropped); None when not numbers."""
    parts = [part for part in re.split(r"[,\s;]+", line.strip()) if part]
    if not all(part.isdigit() for part in parts):
        return None
    return list(dict.fromkeys(int(part) for part in parts))
