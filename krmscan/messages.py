"""The respondent-facing texts of krmscan itself, one catalogue per questionnaire language.

Texts of the scan (questions, options, statements) live in ``questionnaire.yaml``; these are
the tool's own words around them: hints, validation messages and the result table.
Templates use ``str.format`` fields.
"""

from typing import NamedTuple


class Messages(NamedTuple):
    """All texts the tool shows to a respondent, in one language.

    A named tuple, not a dataclass, and without postponed annotations: the catalogue is
    defined on every start, and this is its cheapest immutable form.
    """

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

    # issue 4: organisation results (score over many files, exports, the HTML report)
    org_heading: str
    org_spellings: str
    small_group: str
    scores_title: str
    col_mean: str
    col_median: str
    col_sd: str
    col_range: str
    col_level_of_mean: str
    col_level_counts: str
    against_title: str
    col_ambition_gap: str
    col_below: str
    col_rwg: str
    col_view: str
    shared_view: str
    no_shared_view: str
    too_few_for_rwg: str
    ambition_line: str
    and_word: str
    priorities_title: str
    frequencies_title: str
    col_option: str
    col_count: str
    col_share: str
    other_texts: str
    report_title: str
    report_made: str
    report_contents: str
    report_privacy: str
    summary_heading: str
    summary_respondents: str
    summary_level: str
    summary_ambition: str
    summary_between: str
    summary_behind: str
    summary_not_behind: str
    summary_no_shared_view: str
    summary_shared_view: str
    summary_single: str
    summary_priorities: str
    radar_heading: str
    radar_measured: str
    radar_ambition: str
    bars_heading: str
    bars_caption: str
    axis_score: str
    axis_share: str
    chart_flag: str
    guide_heading: str
    guide_scoring: str
    guide_bands: str
    guide_band: str
    guide_ambition: str
    guide_radar: str
    guide_spread: str
    guide_rwg: str
    guide_priorities: str
    guide_frequencies: str
    guide_privacy: str
    decimal_mark: str
    respondents_count: str
    more_other_texts: str
    levels_legend: str

    # issue 10: the respondent's screens
    page_next: str
    page_of: str
    page_back: str
    page_to_question: str
    welcome_purpose: str
    welcome_duration: str
    welcome_saving: str
    welcome_privacy: str
    welcome_personal: str
    welcome_start: str
    answered_none: str
    result_explained: str
    result_behind: str
    result_on: str
    result_above: str
    result_saved_next: str
    result_legend: str
    result_close: str
    col_level_short: str
    input_ended_at: str
    control_characters: str
    preset_bad: str
    preset_unknown: str
    preset_fixed: str
    plain_label_hint: str
    review_next_page: str
    review_previous_page: str
    review_changed: str
    unfinished_title: str
    unfinished_title_many: str
    unfinished_scan: str
    unfinished_new: str
    kiosk_ended: str
    kiosk_next: str


DUTCH = Messages(
    question_counter="vraag {k} van {total}",
    statement_progress="{component} {n}/{count} · vraag {k} van {total}",
    select_hint="(pijltjestoetsen of cijfer, Enter = kiezen)",
    checkbox_hint="(pijltjestoetsen, spatie of cijfer = aan/uit, Enter = verder)",
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
    col_points="Tot ambitie",
    verdict_behind="achter op ambitie",
    verdict_on="op ambitie",
    verdict_above="boven ambitie",
    level_title="{level}. {name}",
    # issue 3: going back, review, pause and resume
    back_choice="< Vorige vraag",
    select_back_hint="(pijltjestoetsen of cijfer, Enter = kiezen, Shift+Tab = vorige vraag)",
    checkbox_back_hint=(
        "(pijltjestoetsen, spatie of cijfer = aan/uit, Enter = verder, Shift+Tab = vorige vraag)"
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
    # issue 4: organisation results (score over many files, exports, the HTML report)
    org_heading="{name}: {n} respondenten",
    org_spellings="Ook geschreven als: {names}",
    small_group=(
        "Let op: minder dan {min_group} respondenten. De uitkomsten kunnen tot personen "
        "herleidbaar zijn; deel ze alleen met wie ze mag zien."
    ),
    scores_title="Score per onderdeel",
    col_mean="Gemiddeld %",
    col_median="Mediaan %",
    col_sd="Spreiding (sd)",
    col_range="Min-max %",
    col_level_of_mean="Niveau van het gemiddelde",
    col_level_counts="Per niveau {levels}",
    against_title="Tegenover de gevoelsmatige ambitie, en eensgezindheid",
    col_ambition_gap="Verschil met ambitie (mediaan)",
    col_below="Onder eigen ambitie",
    col_rwg="Eensgezindheid (rwg)",
    col_view="Beeld",
    shared_view="gedeeld beeld",
    no_shared_view="geen gedeeld beeld",
    too_few_for_rwg="te weinig respondenten",
    ambition_line=(
        "Gevoelsmatige ambitie: mediaan {median}, meest gekozen {mode}; "
        "respondenten per niveau {levels}: {distribution}."
    ),
    and_word="en",
    priorities_title="Prioriteiten: de zwakste stellingen per onderdeel",
    frequencies_title="Antwoorden op de meerkeuzevragen",
    col_option="Antwoord",
    col_count="Aantal",
    col_share="Aandeel",
    other_texts="Zelf ingevuld bij '{option}':",
    report_title="Medewerkerscan KRM: resultaten per organisatie",
    report_made="Gemaakt met krmscan op {date}: {n} respondenten uit {files} antwoordbestanden.",
    report_contents="Inhoud",
    report_privacy="Namen en e-mailadressen van respondenten staan niet in dit rapport.",
    summary_heading="Samenvatting",
    summary_respondents="{n} medewerkers van {name} vulden de scan in.",
    summary_level=("Gemiddeld scoren zij {pct} %: niveau {level}, {level_name}."),
    summary_ambition="De gevoelsmatige ambitie (mediaan) is niveau {level}, {level_name}.",
    summary_between="tussen {low} en {high}",
    summary_behind="Achter op de ambitie: {components}.",
    summary_not_behind="Op geen enkel onderdeel ligt het gemiddelde onder de ambitie.",
    summary_no_shared_view=(
        "Geen gedeeld beeld bij {components}: de medewerkers denken daar verschillend over; "
        "bespreek eerst waarom."
    ),
    summary_shared_view="Over elk onderdeel bestaat een gedeeld beeld.",
    summary_single="Met één respondent is over eensgezindheid niets te zeggen.",
    summary_priorities="De zwakste stellingen per onderdeel staan onder 'Prioriteiten'.",
    radar_heading="Gemeten niveau tegenover de gevoelsmatige ambitie",
    radar_measured="Gemeten niveau (gemiddelde)",
    radar_ambition="Gevoelsmatige ambitie (mediaan)",
    bars_heading="Score per onderdeel, met spreiding en eensgezindheid",
    bars_caption=(
        "Balk: gemiddelde score. Dikke lijn: gemiddelde ± standaardafwijking. Dunne lijn: "
        "laagste tot hoogste score. De grijstinten achter de balken zijn de vier niveaus."
    ),
    axis_score="Score %",
    axis_share="% van de respondenten",
    chart_flag="geen gedeeld beeld",
    guide_heading="Leeswijzer",
    guide_scoring=(
        "Elke stelling telt Oneens 0, Neutraal 1 en Eens 2 punten. De score van een onderdeel "
        "is het behaalde aantal punten als percentage van het maximum (7 stellingen x 2 = 14 "
        "punten). Het totaal is het gemiddelde van de vijf onderdelen."
    ),
    guide_bands="Een score valt in een niveau:",
    guide_band="niveau {level} ({name}): van {low} % tot {high} %",
    guide_ambition=(
        "Vóór de stellingen koos elke respondent een gevoelsmatige ambitie: het soort "
        "corporatie dat de organisatie over 5 jaar wil zijn. De mediaan is de middelste keuze; "
        "een mediaan van 2,5 ligt tussen niveau 2 en 3. Het verschil met de ambitie is het "
        "niveau van de gemiddelde score min de mediaan van de ambitie: negatief betekent "
        "achter op de ambitie. 'Onder eigen ambitie' is het deel van de respondenten van wie "
        "de eigen score onder de eigen ambitie ligt."
    ),
    guide_radar=(
        "Het spinnenweb zet per onderdeel het gemiddelde gemeten niveau van de respondenten "
        "(1 tot 4) naast de mediaan van de gevoelsmatige ambitie. Waar de lijn van het "
        "gemeten niveau binnen die van de ambitie ligt, is werk te doen."
    ),
    guide_spread=(
        "De balken tonen de gemiddelde score per onderdeel met de spreiding: de "
        "standaardafwijking en de laagste en hoogste score."
    ),
    guide_rwg=(
        "Eensgezindheid is gemeten met rwg(j) (James, Demaree en Wolf, 1984): 1 betekent dat "
        "iedereen hetzelfde antwoordt, 0 dat de antwoorden niet meer overeenkomen dan bij "
        "toeval. Onder 0,70 staat 'geen gedeeld beeld': de medewerkers zien het onderdeel "
        "verschillend, en het gemiddelde zegt dan weinig. Met één respondent is het niet te "
        "berekenen."
    ),
    guide_priorities=(
        "Prioriteiten zijn per onderdeel de drie stellingen met de laagste gemiddelde "
        "instemming: een goed beginpunt voor het gesprek over verbeteren."
    ),
    guide_frequencies=(
        "De meerkeuzevragen tonen per antwoord het deel van de respondenten dat het koos; "
        "bij meerdere antwoorden tellen de delen op tot meer dan 100 %."
    ),
    guide_privacy=(
        "Bij minder dan {min_group} respondenten kunnen uitkomsten tot personen herleidbaar "
        "zijn; zulke organisaties zijn gemarkeerd."
    ),
    decimal_mark=",",
    respondents_count="{n} respondenten",
    more_other_texts="... en {n} andere (alle in --format json, csv of xlsx)",
    levels_legend="Niveaus: {levels}.",
    # issue 10: the respondent's screens
    page_next="Enter = volgende pagina",
    page_of="pagina {n} van {count}",
    page_back=", Backspace = vorige pagina",
    page_to_question="Enter = naar de vraag",
    welcome_purpose=(
        "Met deze scan geeft u aan hoe uw corporatie met haar klanten omgaat, en waar zij "
        "naartoe wil. Er zijn geen goede of foute antwoorden: het gaat om uw eigen beeld."
    ),
    welcome_duration="De scan telt {count} vragen en duurt ongeveer {minutes} minuten.",
    welcome_saving=(
        "Uw antwoorden worden na elke vraag bewaard. Met Ctrl-C stopt u; de antwoorden blijven "
        "bewaard en u kunt later verdergaan."
    ),
    welcome_privacy=(
        "De uitkomsten worden per organisatie gerapporteerd, nooit per persoon; bij een kleine "
        "groep ziet men dat het herleidbaar kan zijn."
    ),
    welcome_personal="{questions}: niet verplicht, en nooit in een rapport.",
    welcome_start="Enter = beginnen, Ctrl-C = stoppen",
    answered_none="(geen)",
    result_explained=(
        "Score %: het deel van de haalbare punten. Verschil: gemeten niveau min uw ambitie. "
        "Tot ambitie: de punten die nog ontbreken tot het niveau van uw ambitie."
    ),
    result_behind="{name}: niveau {level}, onder uw ambitie ({ambition}); nog {points} punten.",
    result_on="{name}: niveau {level}, op uw ambitie.",
    result_above="{name}: niveau {level}, boven uw ambitie ({ambition}).",
    result_saved_next=(
        "Geef dit bestand aan de consultant of de contactpersoon van de scan; daarna mag u "
        "het verwijderen."
    ),
    result_legend="Niveaus: {levels}.",
    result_close="Enter = afsluiten",
    col_level_short="Niveau",
    input_ended_at=("De invoer stopte bij vraag {k} ({text}); er is niets opgeslagen."),
    control_characters="Het antwoord bevat een stuurteken; typ alleen gewone tekst.",
    preset_bad="--answer {id}={value}: {problem}",
    preset_unknown=("--answer {id}=...: de vragenlijst heeft geen vraag '{id}'; kies uit: {ids}"),
    preset_fixed="(vastgezet)",
    plain_label_hint="(of typ het antwoord zelf, bijvoorbeeld '{label}')",
    review_next_page="Volgende pagina van het overzicht",
    review_previous_page="Vorige pagina van het overzicht",
    review_changed="Vraag {n} is gewijzigd: {answer}",
    unfinished_title="In deze map staat een scan die nog niet af is. Wilt u daarmee verder?",
    unfinished_title_many="In deze map staan scans die nog niet af zijn. Met welke wilt u verder?",
    unfinished_scan="Verdergaan met de scan van {started} ({count} van {total} beantwoord)",
    unfinished_new="Nee, een nieuwe scan beginnen",
    kiosk_ended="De scansessie is beëindigd.",
    kiosk_next="Enter = naar het welkomstscherm voor de volgende",
)

ENGLISH = Messages(
    question_counter="question {k} of {total}",
    statement_progress="{component} {n}/{count} · question {k} of {total}",
    select_hint="(arrow keys or number, Enter = choose)",
    checkbox_hint="(arrow keys, space or digit = toggle, Enter = continue)",
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
    col_points="To ambition",
    verdict_behind="behind ambition",
    verdict_on="on ambition",
    verdict_above="above ambition",
    level_title="{level}. {name}",
    # issue 3: going back, review, pause and resume
    back_choice="< Previous question",
    select_back_hint="(arrow keys or number, Enter = choose, Shift+Tab = previous question)",
    checkbox_back_hint=(
        "(arrow keys, space or digit = toggle, Enter = continue, Shift+Tab = previous question)"
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
    # issue 4: organisation results (score over many files, exports, the HTML report)
    org_heading="{name}: {n} respondents",
    org_spellings="Also written as: {names}",
    small_group=(
        "Caution: fewer than {min_group} respondents. The results can identify people; "
        "share them only with those allowed to see them."
    ),
    scores_title="Score per component",
    col_mean="Mean %",
    col_median="Median %",
    col_sd="Spread (sd)",
    col_range="Min-max %",
    col_level_of_mean="Level of the mean",
    col_level_counts="Per level {levels}",
    against_title="Against the felt ambition, and agreement",
    col_ambition_gap="Gap to ambition (median)",
    col_below="Below own ambition",
    col_rwg="Agreement (rwg)",
    col_view="View",
    shared_view="shared view",
    no_shared_view="no shared view",
    too_few_for_rwg="too few respondents",
    ambition_line=(
        "Felt ambition: median {median}, most chosen {mode}; "
        "respondents per level {levels}: {distribution}."
    ),
    and_word="and",
    priorities_title="Priorities: the weakest statements per component",
    frequencies_title="Answers to the multiple-choice questions",
    col_option="Answer",
    col_count="Count",
    col_share="Share",
    other_texts="Typed for '{option}':",
    report_title="Employee scan CRM: results per organisation",
    report_made="Made with krmscan on {date}: {n} respondents from {files} answers files.",
    report_contents="Contents",
    report_privacy="Names and e-mail addresses of respondents are not in this report.",
    summary_heading="Summary",
    summary_respondents="{n} employees of {name} took the scan.",
    summary_level="On average they score {pct} %: level {level}, {level_name}.",
    summary_ambition="The felt ambition (median) is level {level}, {level_name}.",
    summary_between="between {low} and {high}",
    summary_behind="Behind the ambition: {components}.",
    summary_not_behind="On no component is the mean below the ambition.",
    summary_no_shared_view=(
        "No shared view on {components}: the employees see these differently; discuss why first."
    ),
    summary_shared_view="There is a shared view on every component.",
    summary_single="With one respondent nothing can be said about agreement.",
    summary_priorities="The weakest statements per component are under 'Priorities'.",
    radar_heading="Measured level against the felt ambition",
    radar_measured="Measured level (mean)",
    radar_ambition="Felt ambition (median)",
    bars_heading="Score per component, with spread and agreement",
    bars_caption=(
        "Bar: mean score. Thick line: mean ± standard deviation. Thin line: lowest to highest "
        "score. The grey shades behind the bars are the four levels."
    ),
    axis_score="Score %",
    axis_share="% of respondents",
    chart_flag="no shared view",
    guide_heading="Reading guide",
    guide_scoring=(
        "Each statement scores Disagree 0, Neutral 1 and Agree 2 points. A component's score "
        "is its points as a percentage of the maximum (7 statements x 2 = 14 points). The "
        "overall score is the mean of the five components."
    ),
    guide_bands="A score falls in a level:",
    guide_band="level {level} ({name}): from {low} % to {high} %",
    guide_ambition=(
        "Before the statements each respondent chose a felt ambition: the kind of corporation "
        "the organisation wants to be in 5 years. The median is the middle choice; a median "
        "of 2.5 lies between levels 2 and 3. The gap to the ambition is the level of the mean "
        "score minus the median ambition: negative means behind the ambition. 'Below own "
        "ambition' is the share of respondents whose own score is below their own ambition."
    ),
    guide_radar=(
        "The radar chart sets, per component, the respondents' mean measured level (1 to 4) "
        "beside the median felt ambition. Where the measured line lies inside the ambition's, "
        "there is work to do."
    ),
    guide_spread=(
        "The bars show each component's mean score with its spread: the standard deviation "
        "and the lowest and highest score."
    ),
    guide_rwg=(
        "Agreement is measured with rwg(j) (James, Demaree and Wolf, 1984): 1 means everyone "
        "answers alike, 0 that answers agree no more than by chance. Below 0.70 reads 'no "
        "shared view': employees see the component differently, and its mean says little. "
        "It cannot be computed for one respondent."
    ),
    guide_priorities=(
        "Priorities are, per component, the three statements with the lowest mean agreement: "
        "a good starting point for the conversation about improving."
    ),
    guide_frequencies=(
        "The multiple-choice questions show, per answer, the share of respondents who chose "
        "it; with several answers allowed the shares add up to more than 100 %."
    ),
    guide_privacy=(
        "With fewer than {min_group} respondents results can identify people; such "
        "organisations are marked."
    ),
    decimal_mark=".",
    respondents_count="{n} respondents",
    more_other_texts="... and {n} more (all in --format json, csv or xlsx)",
    levels_legend="Levels: {levels}.",
    # issue 10: the respondent's screens
    page_next="Enter = next page",
    page_of="page {n} of {count}",
    page_back=", Backspace = previous page",
    page_to_question="Enter = to the question",
    welcome_purpose=(
        "With this scan you tell how your organisation deals with its customers, and where it "
        "wants to go. There are no right or wrong answers: it is about your own view."
    ),
    welcome_duration="The scan has {count} questions and takes about {minutes} minutes.",
    welcome_saving=(
        "Your answers are saved after every question. Ctrl-C stops; the answers stay saved "
        "and you can continue later."
    ),
    welcome_privacy=(
        "The results are reported per organisation, never per person; a small group is "
        "marked as one whose results could identify people."
    ),
    welcome_personal="{questions}: optional, and never in a report.",
    welcome_start="Enter = start, Ctrl-C = stop",
    answered_none="(none)",
    result_explained=(
        "Score %: the share of the points possible. Gap: measured level minus your ambition. "
        "To ambition: the points still missing to your ambition's level."
    ),
    result_behind="{name}: level {level}, below your ambition ({ambition}); {points} points to go.",
    result_on="{name}: level {level}, on your ambition.",
    result_above="{name}: level {level}, above your ambition ({ambition}).",
    result_saved_next=(
        "Give this file to the consultant or the contact person of the scan; then you may "
        "delete it."
    ),
    result_legend="Levels: {levels}.",
    result_close="Enter = close",
    col_level_short="Level",
    input_ended_at="The input ended at question {k} ({text}); nothing was saved.",
    control_characters="The answer holds a control character; type plain text only.",
    preset_bad="--answer {id}={value}: {problem}",
    preset_unknown=(
        "--answer {id}=...: the questionnaire has no question '{id}'; choose from: {ids}"
    ),
    preset_fixed="(fixed)",
    plain_label_hint="(or type the answer itself, e.g. '{label}')",
    review_next_page="Next page of the overview",
    review_previous_page="Previous page of the overview",
    review_changed="Question {n} changed: {answer}",
    unfinished_title="This folder holds a scan that is not finished. Continue it?",
    unfinished_title_many="This folder holds scans that are not finished. Which one to continue?",
    unfinished_scan="Continue the scan of {started} ({count} of {total} answered)",
    unfinished_new="No, start a new scan",
    kiosk_ended="The scan session has ended.",
    kiosk_next="Enter = to the welcome screen for the next person",
)

CATALOGUE: dict[str, Messages] = {"nl": DUTCH, "en": ENGLISH}


def messages_for(language: str) -> Messages:
    """The catalogue of a questionnaire language (validated to exist when the file loads)."""
    return CATALOGUE[language]
