"""One place that asks each kind of question: arrow-key prompts (questionary) and plain lines.

Both prompters implement `krmscan.flow.Prompter` (and `krmscan.take.Conversation`) and apply
the same rules from `krmscan.answers`, so an answer accepted by one is accepted by the other.
An earlier answer is offered again (ticked, selected or prefilled; in plain mode an empty line
keeps it), and the reply `krmscan.flow.BACK` goes to the previous question: Shift+Tab or the
last choice of a list in the arrow-key interface, ``<`` or the catalogue's back word in plain
mode.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import re
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.text import Text

from krmscan import render
from krmscan.answers import (
    ASCII_NUMBER,
    AnswerValue,
    Choice,
    OtherAnswer,
    choice_id,
    count_problem,
    number_in_range,
    other_text_problem,
    text_problem,
)
from krmscan.errors import InputEndedError, InterruptedByUser
from krmscan.flow import BACK, Change, Group, Intro, Navigation, Save, Step
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
from krmscan.text import printable

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


def _prepare_prompt_toolkit() -> None:
    """Do once, before the first prompt, what prompt_toolkit would redo or defer per prompt.

    - Every questionary prompt is a new prompt_toolkit ``Application``, and each one builds
      the library's default key bindings (basic, Emacs, Vi, mouse: some five hundred) afresh:
      about half of the time from one answer to the next prompt. The bindings keep no state
      of their own (every key acts on ``event.app``, every filter asks the running
      application when a key is pressed), so one set serves every application in turn.
    - The first application run in the main thread imports ``ctypes`` (for its Ctrl-C
      handling); imported here, that happens before the respondent answers anything.
    """
    with contextlib.suppress(ImportError):  # as prompt_toolkit itself imports it
        import ctypes  # noqa: F401 - see above

    from prompt_toolkit.application import application
    from prompt_toolkit.key_binding.defaults import load_key_bindings

    if getattr(application, "load_key_bindings", None) is load_key_bindings:
        shared = functools.cache(load_key_bindings)
        shared().bindings  # noqa: B018 - merges the ~500 bindings now, once, not at a key press
        # the name the Application class looks up, not a public attribute of the module
        setattr(application, "load_key_bindings", shared)  # noqa: B010


class QuestionaryPrompter:
    """Arrow-key prompts in a terminal, with introductions in rich panels.

    Going back: Shift+Tab at every prompt, and a last choice "< Vorige vraag" in every list of
    single choices; the hint line of each prompt names the key.
    """

    CHOICE_INDENT = 6
    """Columns before a choice's title in questionary's lists (pointer, shortcut or box)."""

    def __init__(self, questionnaire: Questionnaire, messages: Messages, console: Console) -> None:
        self.questionnaire = questionnaire
        self.messages = messages
        self.console = console
        self._to_overview = False
        _prepare_prompt_toolkit()

    def show_intro(self, intro: Intro) -> None:
        """Print an introduction panel."""
        self.console.print(render.intro_panel(intro))

    def notify(self, text: str) -> None:
        """Print a short message."""
        self.console.print(Text(text))

    def ask(
        self,
        step: Step,
        previous: AnswerValue | None,
        *,
        can_go_back: bool = False,
        to_overview: bool = False,
    ) -> AnswerValue | Navigation:
        """Ask one step with the prompt its kind needs; `BACK` when the respondent goes back."""
        item = step.item
        self._to_overview = to_overview
        self.console.print(Text(progress(step, self.messages), style="dim"))
        if to_overview:
            self.console.print(Text(self.messages.back_to_overview_hint, style="dim"))
        if step.note:
            self.console.print(render.note(step.note))
        if isinstance(item, Statement):
            labels = [(point.label, point.id) for point in self.questionnaire.scale]
            return self._select(item.text, labels, _text_of(previous), back=can_go_back)
        if item.hint:
            self.console.print(render.note(item.hint))
        if isinstance(item, TextQuestion):
            return self._text(item, previous, back=can_go_back)
        if isinstance(item, AmbitionQuestion):
            levels = [(self.questionnaire.level(o.level), o.id) for o in item.options]
            for level, _ in levels:
                self.console.print(render.level_panel(level, self.messages))
            names = [(level.name, option_id) for level, option_id in levels]
            return self._select(item.text, names, _text_of(previous), back=can_go_back)
        if isinstance(item, SingleChoiceQuestion):
            return self._single(item, previous, back=can_go_back)
        return self._multiple(item, previous, back=can_go_back)

    def review(self, groups: Sequence[Group], total: int) -> Save | Change:
        """Show the overview; then save, or pick a question by its number to answer again."""
        import questionary

        self.console.print()
        self.console.print(render.review_table(self.questionnaire, groups, self.messages))
        while True:
            action = self._select(
                self.messages.review_action,
                [(self.messages.review_save, "save"), (self.messages.review_change, "change")],
                "save",
                back=False,
            )
            if action == "save":
                return Save()

            def valid(value: str) -> bool | str:
                value = value.strip()
                if not value or number_in_range(value, total) is not None:
                    return True
                return self.messages.review_number_range.format(total=total)

            self._hint(self.messages.review_number_hint)
            message = self._fit(self.messages.review_number.format(total=total), "")[0]
            prompt = questionary.text(message, validate=valid)
            number = self._run(prompt, back=True)
            chosen = number_in_range(number, total) if isinstance(number, str) else None
            if chosen is not None:
                return Change(chosen - 1)

    def ask_resume(self, summary: str) -> bool:
        """Show what was saved; continue (the default) or start over."""
        self.console.print(Text(summary))
        choice = self._select(
            self.messages.resume_action,
            [
                (self.messages.resume_continue, "continue"),
                (self.messages.resume_restart, "restart"),
            ],
            "continue",
            back=False,
        )
        return choice == "continue"

    # Prompts.

    def _run(self, prompt: Prompt, *, back: bool) -> object:
        """Ask ``prompt`` with krmscan's keys added: Shift+Tab goes back, SIGINT interrupts."""
        from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings
        from prompt_toolkit.keys import Keys

        keys = KeyBindings()

        @keys.add(Keys.SIGINT, eager=True)
        def _interrupt(event: KeyPressEvent) -> None:
            event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

        if back:

            @keys.add(Keys.BackTab, eager=True)
            def _back(event: KeyPressEvent) -> None:
                event.app.erase_when_done = True
                event.app.exit(result=BACK)

        application = prompt.application
        application.key_bindings = merge_key_bindings(
            [application.key_bindings or KeyBindings(), keys]
        )
        _collect_garbage_once_shown(prompt)
        try:
            return prompt.unsafe_ask()
        except EOFError:
            raise InputEndedError(self.messages.interrupted) from None
        except KeyboardInterrupt:
            raise InterruptedByUser(self.messages.interrupted) from None

    def _names_back(self, back: bool) -> bool:
        """Whether the hint names Shift+Tab (returning to the overview has a line of its own)."""
        return back and not self._to_overview

    def _hint(self, hint: str) -> None:
        """A text prompt's keys, above it (questionary would keep them on the answered line)."""
        self.console.print(Text(hint, style="dim"))

    def _fit(self, message: str, hint: str) -> tuple[str, str]:
        """Wrap a prompt's message and hint between words to the terminal's width.

        prompt_toolkit would break long lines anywhere, even inside a word.
        """
        width = max(20, self.console.width - 3)
        lines = _wrap(message, width)
        if hint and len(lines[-1]) + 2 + len(hint) > width:
            return "\n".join(lines), "\n" + "\n".join(_wrap(hint, width))
        return "\n".join(lines), hint

    def _title(self, title: str) -> str:
        """A choice's title wrapped between words, continued under its first word."""
        width = max(20, self.console.width - self.CHOICE_INDENT - 1)
        return f"\n{' ' * self.CHOICE_INDENT}".join(_wrap(title, width))

    def _select(
        self, message: str, choices: Sequence[tuple[str, str]], default: str, *, back: bool
    ) -> str | Navigation:
        import questionary

        options = [questionary.Choice(self._title(title), value) for title, value in choices]
        listed: list[questionary.Choice] = list(options)
        if back:
            label = self.messages.back_choice
            if self._to_overview:
                label = self.messages.back_to_overview_choice
            listed += [questionary.Separator(" "), questionary.Choice(label, BACK)]
        hint = (
            self.messages.select_back_hint if self._names_back(back) else self.messages.select_hint
        )
        text, hint = self._fit(message, hint)
        prompt = questionary.select(
            text,
            listed,
            default=next((o for o in options if o.value == default), None),
            use_shortcuts=len(options) <= 9,
            instruction=hint,
        )
        answer = self._run(prompt, back=back)
        return answer if isinstance(answer, Navigation) else str(answer)

    def _text(
        self, question: TextQuestion, previous: AnswerValue | None, *, back: bool
    ) -> str | Navigation:
        import questionary

        def validate(value: str) -> bool | str:
            return text_problem(question, value, self.messages) or True

        hint = self.messages.text_back_hint if self._names_back(back) else self.messages.text_hint
        if not question.required:
            hint = f"{hint} {self.messages.optional_hint}"
        self._hint(hint)
        prompt = questionary.text(
            self._fit(question.text, "")[0], default=_text_of(previous), validate=validate
        )
        answer = self._run(prompt, back=back)
        return answer if isinstance(answer, Navigation) else str(answer).strip()

    def _single(
        self, question: SingleChoiceQuestion, previous: AnswerValue | None, *, back: bool
    ) -> AnswerValue | Navigation:
        default = next(iter(_chosen_ids(previous)), "")
        while True:
            chosen = self._select(
                question.text, [(o.text, o.id) for o in question.options], default, back=back
            )
            if isinstance(chosen, Navigation):
                return chosen
            option = next(o for o in question.options if o.id == chosen)
            if not option.other:
                return chosen
            other = self._with_other_text(option, previous)
            if not isinstance(other, Navigation):
                return other
            default = chosen  # back from the text: choose again

    def _multiple(
        self, question: MultipleChoiceQuestion, previous: AnswerValue | None, *, back: bool
    ) -> list[Choice] | Navigation:
        import questionary

        def validate(chosen: list[str]) -> bool | str:
            return count_problem(question, len(chosen), self.messages) or True

        ticked = set(_chosen_ids(previous))
        by_id = {option.id: option for option in question.options}
        hint = self.messages.checkbox_hint
        if self._names_back(back):
            hint = self.messages.checkbox_back_hint
        message, hint = self._fit(question.text, hint)
        while True:
            options = [
                questionary.Choice(self._title(o.text), o.id, checked=o.id in ticked)
                for o in question.options
            ]
            prompt = questionary.checkbox(message, options, validate=validate, instruction=hint)
            chosen = self._run(prompt, back=back)
            if isinstance(chosen, Navigation):
                return chosen
            assert isinstance(chosen, list)
            answer: list[Choice] = []
            for option_id in map(str, chosen):
                option = by_id[option_id]
                if option.other:
                    other = self._with_other_text(option, previous)
                    if isinstance(other, Navigation):
                        break
                    answer.append(other)
                else:
                    answer.append(option_id)
            else:
                return answer
            ticked = set(map(str, chosen))  # back from a text: choose again

    def _with_other_text(
        self, option: Option, previous: AnswerValue | None
    ) -> OtherAnswer | Navigation:
        import questionary

        def validate(value: str) -> bool | str:
            return other_text_problem(option, value, self.messages) or True

        self._hint(self.messages.text_back_hint)
        prompt = questionary.text(
            self._fit(f"{option.text}:", "")[0],
            default=_other_text(previous, option.id),
            validate=validate,
        )
        text = self._run(prompt, back=True)
        if isinstance(text, Navigation):
            return text
        return OtherAnswer(id=option.id, text=str(text).strip())


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters, broken between words only (paragraphs kept).

    Every arrow-key prompt's message and choice passes here: control characters and
    bidirectional overrides from the questionnaire are made visible (`printable`).
    """
    lines: list[str] = []
    for paragraph in printable(text, lines=True).split("\n"):
        lines.extend(
            textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False) or [""]
        )
    return lines


class PlainPrompter:
    """One line per prompt: numbered options, numbers typed; for screen readers and scripts.

    ``<`` or the back word (``terug``) goes to the previous question; an empty line keeps an
    earlier answer (``-`` empties an optional text). With piped input nothing else changes:
    one line per question, plus one after each chosen "other" option.
    """

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

    def notify(self, text: str) -> None:
        """Print a short message."""
        self.console.print()
        self.console.print(Text(text))

    def ask(
        self,
        step: Step,
        previous: AnswerValue | None,
        *,
        can_go_back: bool = False,
        to_overview: bool = False,
    ) -> AnswerValue | Navigation:
        """Print the prompt and read lines until one is a valid answer (or goes back)."""
        item = step.item
        self.console.print()
        self.console.print(Text(f"[{progress(step, self.messages)}]"))
        if step.note:
            self.console.print(Text(step.note))
        ask = _Asking(self, step, previous, can_go_back)
        ask.to_overview = to_overview
        if isinstance(item, Statement):
            labels = [point.label for point in self.questionnaire.scale]
            index = ask.number(item.text, labels)
            return index if isinstance(index, Navigation) else self.questionnaire.scale[index].id
        if isinstance(item, TextQuestion):
            return ask.text(item)
        if isinstance(item, AmbitionQuestion):
            levels = [self.questionnaire.level(option.level) for option in item.options]
            labels = [f"{level.name}\n{level.description or ''}".rstrip() for level in levels]
            index = ask.number(item.text, labels, item.hint)
            return index if isinstance(index, Navigation) else item.options[index].id
        if isinstance(item, SingleChoiceQuestion):
            return ask.single(item)
        return ask.multiple(item)

    def review(self, groups: Sequence[Group], total: int) -> Save | Change:
        """Print the overview as numbered lines; Enter saves, a number answers that again."""
        self.console.print()
        self.console.print(Text(self.messages.review_title, style="bold"))
        for title, rows in render.review_lines(self.questionnaire, groups, self.messages):
            self.console.print()
            self.console.print(Text(title or "", style="bold"))
            for number, question, answer in rows:
                self.console.print(Text(f"{number:>3}. {render.shorten(question)}: {answer}"))
        while True:
            self.console.print()
            self.console.print(Text(self.messages.plain_review_prompt))
            line = self.read("-").strip()
            if not line:
                return Save()
            if (chosen := number_in_range(line, total)) is not None:
                return Change(chosen - 1)
            self.complain(self.messages.review_number_range.format(total=total))

    def ask_resume(self, summary: str) -> bool:
        """Show what was saved; 1 (or Enter) continues it, 2 starts over."""
        self.console.print(Text(summary))
        self.console.print(Text(self.messages.resume_action, style="bold"))
        self.console.print(Text(f"  1. {self.messages.resume_continue}"))
        self.console.print(Text(f"  2. {self.messages.resume_restart}"))
        while True:
            self.console.print(Text(self.messages.plain_choose_one))
            line = self.read("-").strip()
            if line in {"", "1"}:
                return True
            if line == "2":
                return False
            self.complain(self.messages.plain_number_range.format(n=2))

    def read(self, question_id: str) -> str:
        """One line of input (without its line end); raises `InputEndedError` at the end."""
        self.console.print("> ", end="")
        self.console.file.flush()
        line = self.stdin.readline()
        if not line or not self.stdin.isatty():
            self.console.print()  # piped input is not echoed: end the prompt's line ourselves
        if not line:
            raise InputEndedError(self.messages.input_ended.format(question=question_id))
        return line.rstrip("\r\n")

    def complain(self, message: str) -> None:
        """Say why a line was not accepted."""
        self.console.print(Text(message, style="red"))


class _Asking:
    """Reading the lines of one step in plain mode: going back, keeping an earlier answer."""

    def __init__(
        self,
        prompter: PlainPrompter,
        step: Step,
        previous: AnswerValue | None,
        can_go_back: bool,
    ) -> None:
        self.prompter = prompter
        self.messages = prompter.messages
        self.console = prompter.console
        self.step = step
        self.previous = previous
        self.can_go_back = can_go_back
        self.to_overview = False

    def line(self, keep: str | None = None, *, clear: bool = False) -> str | Navigation | None:
        """The next line, `BACK` for ``<`` or the back word, or None to keep ``keep``.

        ``keep`` is the earlier answer in words (an empty line keeps it); ``clear`` offers
        ``-`` to empty an optional text.
        """
        keys = []
        if keep is not None:
            keys.append(self.messages.plain_keep_hint.format(answer=keep))
        if clear:
            keys.append(self.messages.plain_clear_hint)
        if self.can_go_back:
            keys.append(
                self.messages.plain_back_to_overview_hint
                if self.to_overview
                else self.messages.plain_back_hint
            )
        if keys:
            self.console.print(Text(f"({'; '.join(keys)})", style="dim"))
        while True:
            line = self.prompter.read(self.step.id)
            word = line.strip()
            if word == "<" or word.lower() == self.messages.back_word:
                if self.can_go_back:
                    return BACK
                self.prompter.complain(self.messages.plain_first_question)
                continue
            if not word and keep is not None:
                return None
            return line

    def kept(self) -> str | None:
        """The earlier answer in words, if there is one."""
        if self.previous is None:
            return None
        return render.answer_text(
            self.prompter.questionnaire, self.step, self.previous, self.messages
        )

    def show(self, text: str, hint: str | None, labels: Sequence[str] = ()) -> None:
        """The question, its hint and its numbered options."""
        self.console.print(Text(text, style="bold"))
        if hint:
            self.console.print(Text(hint))
        for number, label in enumerate(labels, start=1):
            first, _, rest = label.partition("\n")
            self.console.print(Text(f"  {number}. {first}"))
            if rest:
                self.console.print(Text(rest), style="dim")

    def number(self, text: str, labels: Sequence[str], hint: str | None = None) -> int | Navigation:
        """The index of one numbered option (an empty line keeps the earlier one)."""
        self.show(text, hint, labels)
        self.console.print(Text(self.messages.plain_choose_one))
        keep = self.kept()
        while True:
            line = self.line(keep)
            if isinstance(line, Navigation):
                return line
            if line is None:
                return self._previous_index()
            line = line.strip()
            if (chosen := number_in_range(line, len(labels))) is not None:
                return chosen - 1
            self.prompter.complain(self.messages.plain_number_range.format(n=len(labels)))
            self.console.print(Text(self.messages.plain_choose_one))

    def _previous_index(self) -> int:
        item = self.step.item
        if isinstance(item, Statement):
            ids = [point.id for point in self.prompter.questionnaire.scale]
        elif isinstance(item, TextQuestion):
            raise TypeError("a text question has no options")
        else:
            ids = [option.id for option in item.options]
        return ids.index(next(iter(_chosen_ids(self.previous))))

    def text(self, question: TextQuestion) -> str | Navigation:
        """A text; an empty line keeps an earlier text, ``-`` empties an optional one."""
        hint = question.hint or ("" if question.required else self.messages.optional_hint)
        self.show(question.text, hint or None)
        earlier = _text_of(self.previous)
        clear = bool(earlier) and not question.required
        while True:
            line = self.line(earlier or None, clear=clear)
            if isinstance(line, Navigation):
                return line
            value = earlier if line is None else line.strip()
            if clear and value == "-":
                return ""
            problem = text_problem(question, value, self.messages)
            if problem is None:
                return value
            self.prompter.complain(problem)

    def single(self, question: SingleChoiceQuestion) -> AnswerValue | Navigation:
        """One option (and its text when it is an "other" option)."""
        while True:
            index = self.number(question.text, [o.text for o in question.options], question.hint)
            if isinstance(index, Navigation):
                return index
            option = question.options[index]
            if not option.other:
                return option.id
            other = self.other(option)
            if not isinstance(other, Navigation):
                return other

    def multiple(self, question: MultipleChoiceQuestion) -> list[Choice] | Navigation:
        """Several options by number (and a text for a chosen "other" option)."""
        count = len(question.options)
        while True:
            self.show(question.text, question.hint, [o.text for o in question.options])
            numbers = self._numbers(question, count)
            if isinstance(numbers, Navigation):
                return numbers
            if numbers is None:
                return list(self.previous) if isinstance(self.previous, list) else []
            chosen = [question.options[n - 1] for n in numbers]
            answer: list[Choice] = []
            for option in chosen:
                other = self.other(option) if option.other else option.id
                if isinstance(other, Navigation):
                    break
                answer.append(other)
            else:
                return answer

    def _numbers(
        self, question: MultipleChoiceQuestion, count: int
    ) -> list[int] | Navigation | None:
        """Valid option numbers, `BACK`, or None to keep the earlier answer."""
        keep = self.kept()
        while True:
            self.console.print(Text(self.messages.plain_choose_many))
            line = self.line(keep)
            if line is None or isinstance(line, Navigation):
                return line
            numbers = _parse_numbers(line)
            if numbers is None or any(not 1 <= n <= count for n in numbers):
                self.prompter.complain(self.messages.plain_numbers_range.format(n=count))
                continue
            problem = count_problem(question, len(numbers), self.messages)
            if problem is None:
                return numbers
            self.prompter.complain(problem)

    def other(self, option: Option) -> OtherAnswer | Navigation:
        """The text of a chosen "other" option; `BACK` chooses the options again."""
        earlier = _other_text(self.previous, option.id)
        back, self.can_go_back = self.can_go_back, True
        to_overview, self.to_overview = self.to_overview, False
        try:
            while True:
                self.console.print(Text(f"{option.text}:", style="bold"))
                line = self.line(earlier or None)
                if isinstance(line, Navigation):
                    return line
                value = earlier if line is None else line.strip()
                problem = other_text_problem(option, value, self.messages)
                if problem is None:
                    return OtherAnswer(id=option.id, text=value)
                self.prompter.complain(problem)
        finally:
            self.can_go_back, self.to_overview = back, to_overview


def _parse_numbers(line: str) -> list[int] | None:
    """``"1, 3"`` -> ``[1, 3]`` (order kept, repeats dropped); None when not numbers."""
    parts = [part for part in re.split(r"[,\s;]+", line.strip()) if part]
    if not all(ASCII_NUMBER.fullmatch(part) for part in parts):
        return None
    return list(dict.fromkeys(int(part) for part in parts))
