"""The respondent-facing texts of krmscan itself, one catalogue per questionnaire language.

Texts of the scan (questions, options, statements) live in ``questionnaire.yaml``; these are
the tool's own words around them: hints, validation messages and the result table.
Templates use ``str.format`` fields.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Messages:
    """All texts the tool shows to a respondent, in one language."""

    question_counter: str
    statement_progress: str
    select_hint: str
    checkbox_hint: str
    text_hint: str
    optional_hint: str
    required: str
    min_choices_one: str
    min_choices_many: str
    max_choices_one: str
    max_choices_many: str
    invalid_email: str
    other_text_required: str
    plain_choose_one: str
    plain_choose_many: str
    plain_number_range: str
    plain_numbers_range: str
    input_ended: str
    interrupted: str
    saved: str
    result_title_ambition: str
    overall: str
    col_component: str
    col_score: str
    col_level: str
    col_gap: str
    col_verdict: str
    col_points: str
    verdict_behind: str
    verdict_on: str
    verdict_above: str
    level_title: str

    # issue 3: going back, review, pause and resume
    back_choice: str
    select_back_hint: str
    checkbox_back_hint: str
    text_back_hint: str
    back_word: str
    plain_back_hint: str
    plain_keep_hint: str
    plain_clear_hint: str
    plain_first_question: str
    empty_answer: str
    review_title: str
    review_general: str
    col_number: str
    col_question: str
    col_answer: str
    review_action: str
    review_save: str
    review_change: str
    review_number: str
    review_number_range: str
    plain_review_prompt: str
    resume_found: str
    resume_action: str
    resume_continue: str
    resume_restart: str
    resume_needs_flag: str
    resume_nothing: str
    resume_unreadable: str
    resume_other_questionnaire: str
    resumed_at: str
    dropped_answers: str
    locked: str
    paused: str
    input_ended_saved: str
    back_to_overview_choice: str
    back_to_overview_hint: str
    plain_back_to_overview_hint: str
    review_number_hint: str

    def choices_limit(self, *, minimum: bool, count: int) -> str:
        """The message for too few (``minimum``) or too many chosen options."""
        if minimum:
            template = self.min_choices_one if count == 1 else self.min_choices_many
        else:
            template = self.max_choices_one if count == 1 else self.max_choices_many
        return template.format(n=count)

    def verdict(self, gap: int) -> str:
        """Words for a gap between measured level and felt ambition."""
        if gap < 0:
            return self.verdict_behind
        return self.verdict_on if gap == 0 else self.verdict_above


DUTCH = Messages(
    question_counter="vraag {k} van {total}",
    statement_progress="{component} {n}/{count} · vraag {k} van {total}",
    select_hint="(pijltjestoetsen of cijfer, Enter = kiezen)",
    checkbox_hint="(pijltjestoetsen, spatie = aan/uit, Enter = verder)",
    text_hint="(typ uw antwoord, Enter = verder)",
    optional_hint="(mag leeg blijven)",
    required="Dit antwoord is verplicht.",
    min_choices_one="Kies minimaal 1 antwoord.",
    min_choices_many="Kies minimaal {n} antwoorden.",
    max_choices_one="Kies maximaal 1 antwoord.",
    max_choices_many="Kies maximaal {n} antwoorden.",
    invalid_email=(
        "Dit is geen geldig e-mailadres. Typ bijvoorbeeld naam@corporatie.nl, of laat het leeg."
    ),
    other_text_required="Vul in wat u bedoelt met '{option}'.",
    plain_choose_one="Typ het nummer van uw antwoord:",
    plain_choose_many="Typ de nummers van uw antwoorden, gescheiden door komma's:",
    plain_number_range="Typ één nummer van 1 tot en met {n}.",
    plain_numbers_range="Typ nummers van 1 tot en met {n}, gescheiden door komma's.",
    input_ended="De invoer stopte vóór de laatste vraag ({question}); er is niets opgeslagen.",
    interrupted="Afgebroken; er is niets opgeslagen.",
    saved="Uw antwoorden zijn opgeslagen in {path}",
    result_title_ambition="Resultaat tegenover de gevoelsmatige ambitie: {ambition}",
    overall="Totaal",
    col_component="Onderdeel",
    col_score="Score %",
    col_level="Gemeten niveau",
    col_gap="Verschil",
    col_verdict="Oordeel",
    col_points="Punten tot ambitie",
    verdict_behind="achter op ambitie",
    verdict_on="op ambitie",
    verdict_above="boven ambitie",
    level_title="{level}. {name}",
    # issue 3: going back, review, pause and resume
    back_choice="< Vorige vraag",
    select_back_hint="(pijltjestoetsen of cijfer, Enter = kiezen, Shift+Tab = vorige vraag)",
    checkbox_back_hint=(
        "(pijltjestoetsen, spatie = aan/uit, Enter = verder, Shift+Tab = vorige vraag)"
    ),
    text_back_hint="(typ uw antwoord, Enter = verder, Shift+Tab = vorige vraag)",
    back_word="terug",
    plain_back_hint="< of terug = vorige vraag",
    plain_keep_hint="Enter = houden: {answer}",
    plain_clear_hint="- = leeg laten",
    plain_first_question="Dit is de eerste vraag; verder terug kan niet.",
    empty_answer="(leeg)",
    review_title="Overzicht van uw antwoorden",
    review_general="Algemeen",
    col_number="Nr",
    col_question="Vraag",
    col_answer="Antwoord",
    review_action="Kloppen uw antwoorden?",
    review_save="Ja, opslaan en afronden",
    review_change="Nee, een antwoord wijzigen",
    review_number="Welke vraag wilt u wijzigen? Typ het nummer (1 tot en met {total}):",
    review_number_range=(
        "Typ een nummer van 1 tot en met {total}, of laat het leeg voor het overzicht."
    ),
    plain_review_prompt=(
        "Typ het nummer van een vraag om het antwoord te wijzigen, of druk op Enter om op te slaan:"
    ),
    resume_found=(
        "U was al begonnen: {count} van de {total} vragen zijn beantwoord en bewaard in "
        "{progress} ({saved})."
    ),
    resume_action="Wat wilt u doen?",
    resume_continue="Verdergaan waar u was",
    resume_restart="Opnieuw beginnen (de bewaarde antwoorden vervallen)",
    resume_needs_flag=(
        "{progress} bevat bewaarde antwoorden voor {output}. Geef --resume om verder te gaan "
        "(vanaf de eerste onbeantwoorde vraag) of --restart om opnieuw te beginnen."
    ),
    resume_nothing=(
        "Er zijn geen bewaarde antwoorden voor {output} ({progress} bestaat niet); "
        "laat --resume weg om te beginnen."
    ),
    resume_unreadable=(
        "{progress}: de bewaarde antwoorden zijn onleesbaar ({problem}); "
        "geef --restart om opnieuw te beginnen."
    ),
    resume_other_questionnaire=(
        "{progress}: de bewaarde antwoorden horen bij vragenlijst '{found}', niet bij "
        "'{expected}'; kies die vragenlijst met -q, of geef --restart om opnieuw te beginnen."
    ),
    resumed_at="Verder bij vraag {k} van {total}.",
    dropped_answers=(
        "De vragenlijst is gewijzigd sinds uw antwoorden werden bewaard. Deze antwoorden "
        "vervallen en worden opnieuw gevraagd:"
    ),
    locked=(
        "{output} wordt al ingevuld door een andere 'krmscan take' (slot: {lock}). Rond die "
        "eerst af, of kies een ander bestand met -o."
    ),
    paused=(
        "Onderbroken. Uw antwoorden tot nu toe zijn bewaard in {progress}.\n"
        "Ga verder met:\n  {command}"
    ),
    input_ended_saved=(
        "De invoer stopte vóór de laatste vraag ({question}); uw antwoorden tot nu toe zijn "
        "bewaard in {progress}.\nGa verder met:\n  {command}"
    ),
    back_to_overview_choice="< Terug naar het overzicht",
    back_to_overview_hint="(Shift+Tab = terug naar het overzicht, zonder wijziging)",
    plain_back_to_overview_hint="< of terug = terug naar het overzicht, zonder wijziging",
    review_number_hint="(leeg laten of Shift+Tab = terug naar het overzicht)",
)

ENGLISH = Messages(
    question_counter="question {k} of {total}",
    statement_progress="{component} {n}/{count} · question {k} of {total}",
    select_hint="(arrow keys or number, Enter = choose)",
    checkbox_hint="(arrow keys, space = toggle, Enter = continue)",
    text_hint="(type your answer, Enter = continue)",
    optional_hint="(may be left empty)",
    required="An answer is required.",
    min_choices_one="Choose at least 1 answer.",
    min_choices_many="Choose at least {n} answers.",
    max_choices_one="Choose at most 1 answer.",
    max_choices_many="Choose at most {n} answers.",
    invalid_email=(
        "This is not a valid e-mail address. Type e.g. name@example.org, or leave it empty."
    ),
    other_text_required="Please describe what you mean by '{option}'.",
    plain_choose_one="Type the number of your answer:",
    plain_choose_many="Type the numbers of your answers, separated by commas:",
    plain_number_range="Type one number from 1 to {n}.",
    plain_numbers_range="Type numbers from 1 to {n}, separated by commas.",
    input_ended="Input ended before the last question ({question}); nothing was saved.",
    interrupted="Interrupted; nothing was saved.",
    saved="Your answers were saved to {path}",
    result_title_ambition="Result against the felt ambition: {ambition}",
    overall="Overall",
    col_component="Component",
    col_score="Score %",
    col_level="Measured level",
    col_gap="Gap",
    col_verdict="Verdict",
    col_points="Points to ambition",
    verdict_behind="behind ambition",
    verdict_on="on ambition",
    verdict_above="above ambition",
    level_title="{level}. {name}",
    # issue 3: going back, review, pause and resume
    back_choice="< Previous question",
    select_back_hint="(arrow keys or number, Enter = choose, Shift+Tab = previous question)",
    checkbox_back_hint=(
        "(arrow keys, space = toggle, Enter = continue, Shift+Tab = previous question)"
    ),
    text_back_hint="(type your answer, Enter = continue, Shift+Tab = previous question)",
    back_word="back",
    plain_back_hint="< or back = previous question",
    plain_keep_hint="Enter = keep: {answer}",
    plain_clear_hint="- = leave empty",
    plain_first_question="This is the first question; you cannot go back further.",
    empty_answer="(empty)",
    review_title="Your answers",
    review_general="General",
    col_number="No",
    col_question="Question",
    col_answer="Answer",
    review_action="Are your answers right?",
    review_save="Yes, save and finish",
    review_change="No, change an answer",
    review_number="Which question do you want to change? Type its number (1 to {total}):",
    review_number_range="Type a number from 1 to {total}, or leave it empty for the overview.",
    plain_review_prompt=(
        "Type the number of a question to change its answer, or press Enter to save:"
    ),
    resume_found=(
        "You had already started: {count} of the {total} questions are answered and kept in "
        "{progress} ({saved})."
    ),
    resume_action="What do you want to do?",
    resume_continue="Continue where you were",
    resume_restart="Start over (the kept answers are dropped)",
    resume_needs_flag=(
        "{progress} holds saved answers for {output}. Pass --resume to continue (from the "
        "first unanswered question) or --restart to start over."
    ),
    resume_nothing=(
        "There are no saved answers for {output} ({progress} does not exist); "
        "leave out --resume to start."
    ),
    resume_unreadable=(
        "{progress}: the saved answers cannot be read ({problem}); pass --restart to start over."
    ),
    resume_other_questionnaire=(
        "{progress}: the saved answers belong to questionnaire '{found}', not '{expected}'; "
        "choose that questionnaire with -q, or pass --restart to start over."
    ),
    resumed_at="Continuing at question {k} of {total}.",
    dropped_answers=(
        "The questionnaire has changed since your answers were saved. These answers are "
        "dropped and will be asked again:"
    ),
    locked=(
        "{output} is already being filled in by another 'krmscan take' (lock: {lock}). "
        "Finish that one first, or choose another file with -o."
    ),
    paused="Interrupted. Your answers so far are kept in {progress}.\nContinue with:\n  {command}",
    input_ended_saved=(
        "Input ended before the last question ({question}); your answers so far are kept in "
        "{progress}.\nContinue with:\n  {command}"
    ),
    back_to_overview_choice="< Back to the overview",
    back_to_overview_hint="(Shift+Tab = back to the overview, unchanged)",
    plain_back_to_overview_hint="< or back = back to the overview, unchanged",
    review_number_hint="(leave empty or Shift+Tab = back to the overview)",
)

CATALOGUE: dict[str, Messages] = {"nl": DUTCH, "en": ENGLISH}


def messages_for(language: str) -> Messages:
    """The catalogue of a questionnaire language (validated to exist when the file loads)."""
    return CATALOGUE[language]
