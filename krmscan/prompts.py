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
import sys
import textwrap
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING, TextIO

from rich.console import Console, RenderableType
from rich.console import Group as RichGroup
from rich.padding import Padding

from krmscan import render, screens
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
    typed_problem,
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
from krmscan.render import Text
from krmscan.text import printable

if TYPE_CHECKING:
    from prompt_toolkit.key_binding import KeyBindings
    from questionary import Question as Prompt
    from questionary.prompts.common import InquirerControl


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


def unfinished_title(messages: Messages, scans: Sequence[str], *, kiosk: bool) -> str:
    """The question over the unfinished scans; a kiosk's says to continue only one's own."""
    if kiosk:
        return messages.kiosk_unfinished_title
    return messages.unfinished_title_many if len(scans) > 1 else messages.unfinished_title


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
        self.screen = screens.Screen(console, questionnaire.title, messages)
        self._to_overview = False
        self._intros: list[Intro] = []
        self._changed: tuple[int, str] | None = None
        """The number and old answer of the question changed from the overview."""
        self._notes: list[str] = []
        self._step: Step | None = None
        """The step being asked, and its header line's parts (to draw its screen again)."""
        self._header: tuple[str, str, float] = ("", "", 0.0)
        self.fixed: list[str] = []
        """The preset answers in words, shown at the top of the overview."""
        self._prepared = False

    def prepare(self) -> None:
        """Import and build once what every prompt needs (before the first is drawn)."""
        if not self._prepared:
            self._prepared = True
            _prepare_prompt_toolkit()
            import questionary  # noqa: F401 - imported while the respondent reads

    def welcome(self, fixed: Collection[str] = (), *, anonymous: bool = False) -> None:
        """The welcome screen, until Enter; the prompt libraries load while it is read.

        ``fixed`` (the presets) and ``anonymous`` leave what is not asked out of its words.
        """
        shown = screens.welcome(self.questionnaire, self.messages, fixed=fixed, anonymous=anonymous)
        lines = screens.lines_of(self.console, shown)
        drawn = screens.already_drawn()
        self.screen.read(lines, last=self.messages.welcome_start, prepare=self.prepare, drawn=drawn)

    def show_intro(self, intro: Intro) -> None:
        """Keep an introduction for the next step's screens (read a page at a time).

        A title without a text gets no page: the header names the section already.
        """
        if intro.text:
            self._intros.append(intro)

    def result(self, parts: Sequence[Sequence[RenderableType]], *, wait: bool = False) -> None:
        """The result, each part from a new page, each of its blocks whole on one page.

        With ``wait`` the last page stays until Enter. Without, the whole result is printed
        once more after the pages, so it all stays on the terminal (the end on the screen,
        the rest in its scrollback) when `take` ends.
        """
        last = self.messages.kiosk_next if wait else None
        blocks = [[screens.lines_of(self.console, block) for block in part] for part in parts]
        paged = self._result_pages(blocks, *self.screen.heights())
        first, later = self.screen.heights(last or "")
        if len(paged[-1]) > (later if len(paged) > 1 else first):  # no room for its hint
            paged = self._result_pages(blocks, first, later)
        self.screen.read_pages(paged, last=last, wait_last=wait)
        if not wait and len(paged) > 1:
            self.console.clear()
            for number, part in enumerate(parts):
                if number:
                    self.console.print()
                for block in part:
                    self.console.print(block)

    @staticmethod
    def _result_pages(parts: list[list[list[str]]], first: int, later: int) -> list[list[str]]:
        """The result's parts paged, each from a new page, each block whole on one page."""
        paged: list[list[str]] = []
        for blocks in parts:
            paged += screens.paged_blocks(blocks, later if paged else first, later)
        return paged

    def _begin(self, step: Step) -> None:
        """The step's pending introductions page by page, then a cleared screen for it."""
        self.prepare()
        section = step.section_title or self.messages.review_general
        if step.component is not None:
            section = f"{section} {step.position_in_component}/{len(step.component.statements)}"
        counter = self.messages.question_counter.format(k=step.number, total=step.total)
        fraction = (step.number - 1) / step.total if step.total else 0.0
        if self._intros:
            lines: list[str] = []
            for intro in self._intros:
                lines += screens.lines_of(self.console, render.intro_panel(intro))
            self._intros = []
            self.screen.read(lines, section, counter, fraction, last=self.messages.page_to_question)
        self._header = (section, counter, fraction)
        self.screen.start(*self._header)
        for note in self._notes:
            self.console.print(Text(note, style="bold"))
        self._notes = []

    def notify(self, text: str) -> None:
        """Keep a short message for the next screen, under its header."""
        self._notes.append(text)

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
        self._step = step
        self._begin(step)
        self._above(step)
        if isinstance(item, Statement):
            labels = [(point.label, point.id) for point in self.questionnaire.scale]
            return self._select(item.text, labels, _text_of(previous), back=can_go_back)
        if isinstance(item, TextQuestion):
            return self._text(item, previous, back=can_go_back)
        if isinstance(item, AmbitionQuestion):
            levels = [(self.questionnaire.level(o.level), o.id) for o in item.options]
            names = [(level.name, option_id) for level, option_id in levels]
            described = {option_id: level.description or "" for level, option_id in levels}
            return self._select(
                item.text, names, _text_of(previous), back=can_go_back, described=described
            )
        if isinstance(item, SingleChoiceQuestion):
            return self._single(item, previous, back=can_go_back)
        return self._multiple(item, previous, back=can_go_back)

    def _above(self, step: Step) -> None:
        """The lines between a step's header and its prompt."""
        if self._to_overview:
            self.console.print(Text(self.messages.back_to_overview_hint, style="dim"))
        if step.note:
            self.console.print(render.note(step.note))
        if not isinstance(step.item, Statement) and step.item.hint:
            self.console.print(render.note(step.item.hint))

    def _again(self) -> None:
        """The step's screen drawn afresh (back from an "other" text to its options)."""
        self.screen.start(*self._header)
        if self._step is not None:
            self._above(self._step)

    def review(self, groups: Sequence[Group], total: int) -> Save | Change:
        """The overview a page at a time; then save, or pick a question to answer again.

        After a change the overview opens at the page of the changed question, with a line
        that confirms the new answer.
        """
        self.prepare()
        paged: list[list[str]] = []
        # the presets above the first section, wrapped at words (never cropped)
        lines = [line for text in self.fixed for line in screens.lines_of(self.console, Text(text))]
        fixed = [[*lines, ""]] if lines else []
        for section in render.review_lines(self.questionnaire, groups, self.messages):
            table = render.ReviewTable([section], self.messages, titled=False)
            blocks = [
                [line for part in block for line in screens.lines_of(self.console, part)]
                for block in table.blocks(self.console.width)
            ]  # a question and its answer stay on one page
            paged += screens.paged_blocks([*fixed, *blocks], self.console.height - 10)
            fixed = []
        answers = {
            step.number: render.answer_text(self.questionnaire, step, value, self.messages)
            for group in groups
            for step, value in group.rows
        }
        index, note = self._reopened(paged, answers)
        while True:
            counter = self.messages.page_of.format(n=index + 1, count=len(paged))
            self.screen.start(self.messages.review_title, counter, 1.0)
            for line in paged[index]:
                self.console.print(Text.from_ansi(line), no_wrap=True, overflow="crop")
            self.console.print()
            if note:
                self.console.print(Text(note, style="bold green"))
                note = ""
            choices = [(self.messages.review_save, "save"), (self.messages.review_change, "change")]
            if index + 1 < len(paged):
                choices.insert(0, (self.messages.review_next_page, "next"))
            if index:
                choices.append((self.messages.review_previous_page, "previous"))
            default = "next" if index + 1 < len(paged) else "save"
            action = self._select(self.messages.review_action, choices, default, back=False)
            if action in {"next", "previous"}:
                index += 1 if action == "next" else -1
                continue
            if action == "save":
                return Save()
            picked = self._review_number(total)
            if picked is not None:
                self._changed = (picked, answers.get(picked, ""))
                return Change(picked - 1)

    def _reopened(self, paged: list[list[str]], answers: dict[int, str]) -> tuple[int, str]:
        """The page to open the overview at and the line that confirms a change."""
        if self._changed is None:
            return 0, ""
        number, before = self._changed
        self._changed = None
        index = next(
            (i for i, page in enumerate(paged) if any(_row_of(line, number) for line in page)), 0
        )
        if answers.get(number) == before:
            return index, ""
        return index, self.messages.review_changed.format(n=number, answer=answers.get(number))

    def _review_number(self, total: int) -> int | None:
        """The number of the question to change, or None to stay at the overview."""

        def problem(value: str) -> str | None:
            value = value.strip()
            if not value or number_in_range(value, total) is not None:
                return None
            return self.messages.review_number_range.format(total=total)

        self._hint(self.messages.review_number_hint)
        message = self.messages.review_number.format(total=total)
        number = self._typed(message, "", problem, back=True)
        return number_in_range(number, total) if isinstance(number, str) else None

    def choose_unfinished(self, scans: Sequence[str], *, kiosk: bool = False) -> int | None:
        """Offer the unfinished scans (the latest first) or a new one.

        The default is the latest scan; in a ``kiosk`` a new scan, listed first.
        """
        self.prepare()
        self.screen.start()
        choices = [(scan, str(index)) for index, scan in enumerate(scans)]
        new = (self.messages.unfinished_new, "new")
        choices = [new, *choices] if kiosk else [*choices, new]
        title = unfinished_title(self.messages, scans, kiosk=kiosk)
        chosen = self._select(title, choices, "new" if kiosk else "0", back=False)
        return None if chosen == "new" else int(str(chosen))

    def ask_resume(self, summary: str) -> bool:
        """Show what was saved; continue (the default) or start over."""
        self.prepare()
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

    def _run(
        self,
        prompt: Prompt,
        *,
        back: bool,
        answered: tuple[str, dict[str, str]] | None = None,
        keys: KeyBindings | None = None,
    ) -> object:
        """Ask ``prompt`` with krmscan's keys added: Shift+Tab goes back, SIGINT interrupts.

        The prompt is erased when answered; krmscan writes the answered line itself, in the
        questionnaire's language and shortened at a word: ``answered`` is the question and
        the option texts by value (none for a text).
        """
        from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings
        from prompt_toolkit.keys import Keys

        keys = keys or KeyBindings()

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
        application.erase_when_done = True
        _collect_garbage_once_shown(prompt)
        try:
            result = prompt.unsafe_ask()
        except EOFError:
            raise InputEndedError(self.messages.interrupted) from None
        except KeyboardInterrupt:
            raise InterruptedByUser(self.messages.interrupted) from None
        if answered is not None and not isinstance(result, Navigation):
            self._answered(answered, result)
        return result

    def _answered(self, answered: tuple[str, dict[str, str]], result: object) -> None:
        """``? question  answer``: the question shortened at a word, the answer whole.

        The option texts are joined by commas and wrap between words onto the next lines.
        """
        question, titles = answered
        values = result if isinstance(result, list) else [result]
        words = ", ".join(titles.get(str(v), str(v)) for v in values) if titles else str(result)
        width = self.console.width
        asked = screens.shorten(question.replace("\n", " "), max(20, width * 2 // 5))
        line = Text("? ", style="bold")
        line.append(asked, style="bold")
        line.append("  ")
        line.append(printable(words.strip() or self.messages.answered_none))
        self.console.print(line)

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
        self,
        message: str,
        choices: Sequence[tuple[str, str]],
        default: str,
        *,
        back: bool,
        described: dict[str, str] | None = None,
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
        if described:
            self._describe(prompt, described)
        answer = self._run(
            prompt, back=back, answered=(message, {value: title for title, value in choices})
        )
        return answer if isinstance(answer, Navigation) else str(answer)

    def _describe(self, prompt: Prompt, described: dict[str, str]) -> None:
        """Under the list, the highlighted option's whole description, wrapped at words."""
        from prompt_toolkit.filters import is_done, to_filter
        from prompt_toolkit.formatted_text import FormattedText
        from prompt_toolkit.layout import ConditionalContainer, HSplit, Window
        from prompt_toolkit.layout.controls import FormattedTextControl

        control = _inquirer(prompt)
        width = max(20, self.console.width - 3)
        wrapped = {
            value: "\n".join("  " + line for line in _wrap(text, width - 2))
            for value, text in described.items()
        }

        def description() -> FormattedText:
            pointed = control.get_pointed_at().value
            return FormattedText([("", "\n" + wrapped.get(str(pointed), ""))])

        below = Window(FormattedTextControl(description), dont_extend_height=True)
        container = prompt.application.layout.container
        if not isinstance(container, HSplit):
            raise TypeError("questionary's list layout changed: no HSplit to add the text to")
        for child in container.children:  # the list keeps its height: the text follows it
            inner = child.content if isinstance(child, ConditionalContainer) else child
            if isinstance(inner, Window) and inner.content is control:
                inner.dont_extend_height = to_filter(True)
        container.children.insert(2, ConditionalContainer(below, filter=~is_done))

    def _text(
        self, question: TextQuestion, previous: AnswerValue | None, *, back: bool
    ) -> str | Navigation:
        hint = self.messages.text_back_hint if self._names_back(back) else self.messages.text_hint
        if not question.required:
            hint = f"{hint} {self.messages.optional_hint}"
        self._hint(hint)
        return self._typed(
            question.text,
            printable(_text_of(previous)),  # an earlier answer offered again: never obeyed
            lambda value: (
                typed_problem(value, self.messages) or text_problem(question, value, self.messages)
            ),
            back=back,
        )

    def _typed(
        self, message: str, default: str, problem: Callable[[str], str | None], *, back: bool
    ) -> str | Navigation:
        """A typed text, asked again with the reason (wrapped at words) until it is valid.

        The reason is part of the prompt, on lines of their own between the question and the
        input: prompt_toolkit keeps a message's upper lines on the screen however long the
        answer grows (printed above the prompt, a long answer would scroll it away; the
        one-line validation bar would cut it; the bottom toolbar needs a terminal that reports
        the cursor's position).
        """
        import questionary

        question = self._fit(message, "")[0]
        reason: str | None = None
        while True:
            shown = question
            if reason is not None:
                lines = _wrap(reason, max(20, self.console.width - 3))
                shown = "\n".join([question, *lines, ""])
            prompt = questionary.text(shown, default=default)
            answer = self._run(prompt, back=back)
            if isinstance(answer, Navigation):
                return answer
            reason = problem(str(answer))
            if reason is None:
                self._answered((message, {}), answer)
                return str(answer).strip()
            default = str(answer)

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
            self._again()

    def _multiple(
        self, question: MultipleChoiceQuestion, previous: AnswerValue | None, *, back: bool
    ) -> list[Choice] | Navigation:
        import questionary

        def validate(chosen: list[str]) -> bool | str:
            """The reason on the line under the list, wrapped at words."""
            problem = count_problem(question, len(chosen), self.messages)
            return "\n".join(_wrap(problem, self.console.width - 1)) if problem else True

        ticked = set(_chosen_ids(previous))
        by_id = {option.id: option for option in question.options}
        hint = self.messages.checkbox_hint
        if self._names_back(back):
            hint = self.messages.checkbox_back_hint
        message, hint = self._fit(question.text, hint)
        while True:
            options = [
                questionary.Choice(
                    self._title(f"{n}) {o.text}" if n <= 9 else o.text),
                    o.id,
                    checked=o.id in ticked,
                )
                for n, o in enumerate(question.options, start=1)
            ]
            prompt = questionary.checkbox(message, options, validate=validate, instruction=hint)
            titles = {o.id: o.text for o in question.options}
            chosen = self._run(
                prompt, back=back, answered=(question.text, titles), keys=_ticking(prompt)
            )
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
            self._again()

    def _with_other_text(
        self, option: Option, previous: AnswerValue | None
    ) -> OtherAnswer | Navigation:
        self._hint(self.messages.text_back_hint)
        text = self._typed(
            f"{option.text}:",
            printable(_other_text(previous, option.id)),
            lambda value: (
                typed_problem(value, self.messages)
                or other_text_problem(option, value, self.messages)
            ),
            back=True,
        )
        if isinstance(text, Navigation):
            return text
        return OtherAnswer(id=option.id, text=text)


def _row_of(line: str, number: int) -> bool:
    """Whether an overview line is the row of question ``number``."""
    return re.match(rf"\s*(\x1b\[[0-9;]*m)*{number}[.\s]", line) is not None


def _inquirer(prompt: Prompt) -> InquirerControl:
    """The list control of a questionary select or checkbox."""
    from questionary.prompts.common import InquirerControl

    controls = prompt.application.layout.find_all_controls()
    return next(c for c in controls if isinstance(c, InquirerControl))


def _ticking(prompt: Prompt) -> KeyBindings:
    """A checkbox's keys: a number ticks (or unticks) that option; ``a`` and ``i`` do nothing.

    questionary binds ``a`` to tick every option and ``i`` to invert the ticks: one stray
    key would tick five options of a "maximaal 2" question. krmscan's bindings are merged
    after questionary's, and the last binding for a key is the one prompt_toolkit runs.
    """
    from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent

    control = _inquirer(prompt)
    keys = KeyBindings()

    @keys.add("a", eager=True)
    @keys.add("i", eager=True)
    def _nothing(event: KeyPressEvent) -> None:
        """Neither tick all nor invert."""

    values = [c.value for c in control.choices if not isinstance(c.value, type(None))]
    for number, value in enumerate(values[:9], start=1):

        def tick(_: KeyPressEvent, value: object = value) -> None:
            control.pointed_at = next(i for i, c in enumerate(control.choices) if c.value == value)
            if value in control.selected_options:
                control.selected_options.remove(value)
            else:
                control.selected_options.append(value)

        keys.add(str(number), eager=True)(tick)
    return keys


def named(step: Step) -> str:
    """A step as the respondent knows it: its number and its text, shortened at a word."""
    return f"{step.number}. {screens.shorten(step.item.text.rstrip(':'), 60)}"


@functools.cache
def _line_editing() -> None:
    """Give `input` the standard line editing (where Python has ``readline``)."""
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401 - importing it is what turns line editing on


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
        self.fixed: list[str] = []
        """The preset answers in words, shown at the top of the overview."""
        self.paging = self._typed_by_hand()
        """Whether output waits for Enter after each screenful (a person at a terminal)."""
        self._shown = 0
        """Lines printed since the respondent last pressed Enter."""
        self._changed: tuple[int, str] | None = None
        """The number and old answer of the question changed from the overview."""

    def _typed_by_hand(self) -> bool:
        return self.stdin is sys.stdin and self.stdin.isatty() and sys.stdout.isatty()

    def say(
        self, renderable: RenderableType = "", *, soft_wrap: bool = False, keep: int = 0
    ) -> None:
        """Print ``renderable``; typed by hand, a screenful at a time (Enter for more).

        So nothing scrolls away unread: an introduction, the ambition's descriptions, the
        overview and the result stop when the screen is full. What fits on a screen is not
        split over two; of a longer text, the first ``keep`` lines stay on one page (a
        heading with what follows it). With ``soft_wrap`` rich does not wrap the lines (a
        path stays whole).
        """
        if not self.paging:
            self.console.print(renderable, soft_wrap=soft_wrap)
            return
        lines = screens.lines_of(self.console, renderable, soft_wrap=soft_wrap)
        room = self.console.height - 2  # under it: the hint and the line typed
        whole = len(lines) if len(lines) <= room else min(keep, room)
        if self._shown and self._shown + whole > room:
            self._more()
        for line in lines:
            if self._shown >= room:
                self._more()
            self.console.print(Text.from_ansi(line), soft_wrap=True)
            self._shown += 1

    def _more(self) -> None:
        """Wait for Enter before the next screenful."""
        self.read("-", prompt=f"{self.messages.page_next} ")

    def show_intro(self, intro: Intro) -> None:
        """Print an introduction as a heading and a paragraph."""
        self.say()
        parts = [Text(intro.title, style="bold")] if intro.title else []
        parts += [Text(intro.text)] if intro.text else []
        self.say(RichGroup(*parts), keep=2)  # the heading with the text's first line

    def notify(self, text: str) -> None:
        """Print a short message."""
        self.say()
        self.say(Text(text))

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
        self.say()
        self.say(Text(f"[{progress(step, self.messages)}]"))
        if step.note:
            self.say(Text(step.note))
        ask = _Asking(self, step, previous, can_go_back)
        ask.to_overview = to_overview
        if isinstance(item, Statement):
            labels = [point.label for point in self.questionnaire.scale]
            index = ask.number(item.text, labels, words=True)
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
        """Print the overview as numbered lines; Enter saves, a number answers that again.

        After a change only a line that confirms the new answer is printed, not the whole
        overview again.
        """
        answers = {
            step.number: render.answer_text(self.questionnaire, step, value, self.messages)
            for group in groups
            for step, value in group.rows
        }
        if self._changed is None:
            self._print_overview(groups)
        else:
            number, before = self._changed
            self._changed = None
            if answers.get(number) != before:
                changed = self.messages.review_changed.format(n=number, answer=answers[number])
                self.say()
                self.say(Text(changed, style="bold"))
        while True:
            self.say()
            self.say(Text(self.messages.plain_review_prompt))
            line = self.read("-").strip()
            if not line:
                return Save()
            if (chosen := number_in_range(line, total)) is not None:
                self._changed = (chosen, answers.get(chosen, ""))
                return Change(chosen - 1)
            self.complain(self.messages.review_number_range.format(total=total))

    def _print_overview(self, groups: Sequence[Group]) -> None:
        self.say()
        self.say(Text(self.messages.review_title, style="bold"))
        for line in self.fixed:
            self.say(Text(line))
        for title, rows in render.review_lines(self.questionnaire, groups, self.messages):
            self.say()
            for row, (number, question, answer) in enumerate(rows):
                line = render.labelled(render.shorten(question), answer)
                shown = Text(  # a long row continues under its text, not at column 0
                    textwrap.fill(
                        printable(f"{number:>3}. {line}"),
                        max(20, self.console.width - 1),
                        subsequent_indent=" " * 5,
                        break_long_words=False,
                        break_on_hyphens=False,
                    )
                )
                heading = [Text(title or "", style="bold")] if row == 0 else []
                self.say(RichGroup(*heading, shown), keep=len(heading) + 1)

    def choose_unfinished(self, scans: Sequence[str], *, kiosk: bool = False) -> int | None:
        """The unfinished scans and a new one as numbered lines; Enter takes the first line.

        The first line is the latest scan; in a ``kiosk`` a new scan.
        """
        self.say()
        title = unfinished_title(self.messages, scans, kiosk=kiosk)
        self.say(Text(title, style="bold"))
        new = self.messages.unfinished_new
        listed = [new, *scans] if kiosk else [*scans, new]
        for number, scan in enumerate(listed, start=1):
            self.say(Text(f"  {number}. {scan}"))
        while True:
            self.say(Text(self.messages.plain_choose_one))
            line = self.read("-").strip()
            chosen = 1 if not line else number_in_range(line, len(listed))
            if chosen is not None:
                index = chosen - (2 if kiosk else 1)  # the scan's index (-1 or len: a new scan)
                return index if 0 <= index < len(scans) else None
            self.complain(self.messages.plain_number_range.format(n=len(listed)))

    def ask_resume(self, summary: str) -> bool:
        """Show what was saved; 1 (or Enter) continues it, 2 starts over."""
        self.say(Text(summary))
        self.say(Text(self.messages.resume_action, style="bold"))
        self.say(Text(f"  1. {self.messages.resume_continue}"))
        self.say(Text(f"  2. {self.messages.resume_restart}"))
        while True:
            self.say(Text(self.messages.plain_choose_one))
            line = self.read("-").strip()
            if line in {"", "1"}:
                return True
            if line == "2":
                return False
            self.complain(self.messages.plain_number_range.format(n=2))

    def read(self, question: str, prompt: str = "> ") -> str:
        """One line of input (without its line end); raises `InputEndedError` at the end.

        On a terminal the line is read with the standard line editing (arrow keys,
        Backspace, history), so no escape code of a cursor key ends up in an answer; piped
        lines are read as they come. ``question`` names the question for the end of input.
        A line that came in as bytes the locale could not decode (``LC_ALL=C``) is read as
        UTF-8; a line that is not UTF-8 either is refused and asked again.
        """
        while True:
            line = _as_utf8(self._line(question, prompt), self.stdin)
            if line is not None:
                return line
            self.complain(self.messages.plain_not_utf8)

    def _line(self, question: str, prompt: str) -> str:
        if self._typed_by_hand():
            _line_editing()
            try:
                line = input(prompt)
                self._shown = 0
                return line
            except EOFError:
                self.console.print()
                raise InputEndedError(self.messages.input_ended.format(question=question)) from None
        self.console.print("> ", end="")
        self.console.file.flush()
        line = self.stdin.readline()
        self._shown = 0
        if not line or not self.stdin.isatty():
            self.console.print()  # piped input is not echoed: end the prompt's line ourselves
        if not line:
            raise InputEndedError(self.messages.input_ended.format(question=question))
        return line.rstrip("\r\n")

    def complain(self, message: str) -> None:
        """Say why a line was not accepted."""
        self.say(Text(message, style="red"))


_UNDECODED = re.compile("[\udc80-\udcff]")
"""A byte the locale's encoding could not decode, kept as a lone surrogate (surrogateescape)."""


def _as_utf8(line: str, stream: TextIO) -> str | None:
    """``line`` with the bytes its stream could not decode read as UTF-8; None if they are not."""
    if not _UNDECODED.search(line):
        return line
    try:
        raw = line.encode(getattr(stream, "encoding", None) or "utf-8", "surrogateescape")
        return raw.decode("utf-8")
    except (UnicodeError, LookupError):
        return None


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
            self.prompter.say(Text(f"({'; '.join(keys)})", style="dim"))
        while True:
            line = self.prompter.read(named(self.step))
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
        self.prompter.say(Text(text, style="bold"))
        if hint:
            self.prompter.say(Text(hint))
        for number, label in enumerate(labels, start=1):
            first, _, rest = label.partition("\n")
            line = Text(f"  {number}. {first}")
            more = [Padding(Text(rest, style="dim"), (0, 0, 0, 5))] if rest else []
            self.prompter.say(RichGroup(line, *more), keep=2)  # a name with its description

    def number(
        self,
        text: str,
        labels: Sequence[str],
        hint: str | None = None,
        *,
        words: bool = False,
    ) -> int | Navigation:
        """The index of one numbered option (an empty line keeps the earlier one).

        With ``words`` an option may also be typed as its label, in any case (``eens``).
        """
        self.show(text, hint, labels)
        folded = [label.casefold() for label in labels] if words else []
        self.prompter.say(Text(self.messages.plain_choose_one))
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
            if line.casefold() in folded:
                return folded.index(line.casefold())
            self.prompter.complain(self.messages.plain_number_range.format(n=len(labels)))
            self.prompter.say(Text(self.messages.plain_choose_one))

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
            problem = typed_problem(value, self.messages) or text_problem(
                question, value, self.messages
            )
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
            self.prompter.say(Text(self.messages.plain_choose_many))
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
                self.prompter.say(Text(f"{option.text}:", style="bold"))
                line = self.line(earlier or None)
                if isinstance(line, Navigation):
                    return line
                value = earlier if line is None else line.strip()
                problem = typed_problem(value, self.messages) or other_text_problem(
                    option, value, self.messages
                )
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
