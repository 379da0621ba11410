"""The respondent-facing texts of krmscan itself, one catalogue per questionnaire language.

Texts of the scan (questions, options, statements) live in ``questionnaire.yaml``; these are
the tool's own words around them: hints, validation messages and the result table.
Templates use ``str.format`` fields.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, eq=False, repr=False)
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
)

CATALOGUE: dict[str, Messages] = {"nl": DUTCH, "en": ENGLISH}


def messages_for(language: str) -> Messages:
    """The catalogue of a questionnaire language (validated to exist when the file loads)."""
    return CATALOGUE[language]
