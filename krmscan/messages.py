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
    plain_not_utf8: str
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

    def respondents(self, count: int) -> str:
        """``1 respondent`` or ``{n} respondents``."""
        return (self.respondents_one if count == 1 else self.respondents_count).format(n=count)

    def files(self, count: int) -> str:
        """``1 file`` or ``{n} files``."""
        return (self.files_one if count == 1 else self.files_count).format(n=count)

    # issue 4: organisation results (score over many files, exports, the HTML report)
    org_heading: str
    org_spellings: str
    small_group: str
    small_group_withheld: str
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
    report_contents: str
    rep_contents_left_out: str
    rep_contents_left_out_one: str
    report_privacy: str
    axis_score: str
    chart_flag: str
    guide_bands: str
    guide_band: str
    decimal_mark: str
    respondents_count: str
    respondents_one: str
    files_count: str
    files_one: str
    more_other_texts: str
    levels_legend: str
    # issue 9: hardening (saving that fails, limits at input)
    not_saved: str
    not_saved_nothing: str
    text_too_long: str
    dropped_invalid: str
    not_in_questionnaire: str
    stdin_closed: str
    resume_needs_output: str
    resume_restart_both: str
    kiosk_names_files: str
    kiosk_not_plain: str
    kiosk_no_folder: str
    kiosk_needs_terminal: str
    lock_failed: str

    # issue 12: comparisons (benchmark, previous round, segments) and measurement quality
    benchmark_title: str
    benchmark_highest: str
    benchmark_above_median: str
    benchmark_at_median: str
    benchmark_below_median: str
    benchmark_lowest: str
    benchmark_too_few: str
    col_own: str
    col_benchmark_median: str
    col_benchmark_middle: str
    col_position: str
    previous_title: str
    previous_not_found: str
    previous_small: str
    previous_left_out: str
    previous_left_out_component: str
    previous_left_out_statement: str
    previous_only_earlier: str
    previous_only_now: str
    col_earlier: str
    col_now: str
    previous_figures_title: str
    col_n_earlier: str
    col_n_now: str
    col_level_earlier: str
    col_level_now: str
    col_rwg_earlier: str
    col_rwg_now: str
    col_change: str
    col_interval: str
    change_interval: str
    change_better: str
    change_worse: str
    change_unclear: str
    change_too_few: str
    segments_title: str
    segments_none: str
    segments_overlap: str
    segments_merged: str
    segments_legend: str
    segment_other: str
    quality_title: str
    quality_small_groups: str
    col_respondents: str
    col_alpha: str
    alpha_flag: str
    # issue 12: comparisons in the board's report and the consultant's overview
    rep_legend_benchmark: str
    rep_legend_median: str
    rep_legend_previous: str
    rep_col_benchmark: str
    rep_col_change: str
    rep_compared_heading: str
    rep_compared_benchmark: str
    rep_compared_previous: str
    rep_since_heading: str
    rep_since_clear: str
    rep_since_none: str
    rep_since_item: str
    rep_component_benchmark: str
    rep_component_change: str
    rep_segments_heading: str
    rep_segments_differ: str
    rep_segments_same: str
    rep_method_benchmark: str
    rep_method_no_benchmark: str
    rep_method_previous: str
    rep_method_segments: str
    rep_method_quality: str
    rep_method_quality_flagged: str
    ov_title: str
    ov_intro: str
    ov_col_organisation: str
    ov_col_participation: str
    ov_small: str
    ov_small_note: str
    ov_benchmark_row: str
    ov_quality_heading: str
    ov_item_rest_heading: str
    ov_col_statement: str
    ov_col_item_rest: str
    rep_bars_benchmark: str
    # issue 12: comparison columns of the xlsx organisations sheet
    code_benchmark_q1: str
    code_benchmark_median: str
    code_benchmark_q3: str
    code_benchmark_position: str
    code_previous_statements: str
    code_previous_n: str
    code_previous_mean: str
    code_previous_level: str
    code_previous_rwg: str
    code_change: str
    code_change_low: str
    code_change_high: str
    code_change_verdict: str
    code_alpha: str
    code_alpha_flag: str
    code_item_rest: str
    # issue 11: the board's report (cover, summary, ranking, components, method)
    rep_page_of: str
    rep_document_subtitle: str
    rep_made: str
    rep_fieldwork: str
    rep_period: str
    rep_respondents: str
    rep_invited: str
    rep_participation: str
    rep_small_notice: str
    rep_summary_heading: str
    rep_overall: str
    rep_overall_one: str
    rep_ambition: str
    rep_behind: str
    rep_not_behind: str
    rep_first_heading: str
    rep_nothing_first: str
    rep_kind_act: str
    rep_kind_talk: str
    rep_kind_keep: str
    rep_rule_short: str
    rep_overview_heading: str
    rep_radar_heading: str
    rep_radar_caption: str
    rep_bars_heading: str
    rep_bars_heading_small: str
    rep_bars_caption: str
    rep_bars_caption_small: str
    rep_choices_withheld: str
    rep_choices_shown: str
    rep_other_texts_left_out: str
    rep_method_heading: str
    rep_appendix_heading: str
    rep_appendix_skipped: str
    rep_appendix_duplicates: str
    rep_appendix_none: str
    rep_finding_act: str
    rep_finding_shared: str
    rep_finding_talk: str
    rep_now: str
    rep_next: str
    rep_weakest: str
    rep_col_score: str
    rep_col_level: str
    rep_col_ambition: str
    rep_col_points: str
    rep_col_below_own: str
    rep_col_rank: str
    rep_table_note: str
    rep_component_score: str
    rep_component_score_small: str
    rep_component_range: str
    rep_component_behind: str
    rep_component_reached: str
    rep_agreement_withheld: str
    rep_agreement_none: str
    rep_agreement: str
    rep_below_own: str
    rep_top_level: str
    rep_statements_heading: str
    rep_statements_withheld: str
    rep_legend_score: str
    rep_legend_ambition: str
    rep_method_scale: str
    rep_method_point: str
    rep_method_sizes: str
    rep_method_total: str
    rep_method_total_one: str
    rep_method_size: str
    rep_method_size_one: str
    rep_method_position: str
    rep_method_radar: str
    rep_method_agreement: str
    rep_method_ranking: str
    rep_method_top: str
    rep_method_top_one: str
    rep_method_top_weakest: str
    rep_method_weakest: str
    rep_method_privacy: str
    rep_small_left_out: str
    rep_written: str
    rep_nothing_left: str
    rep_invited_unreadable: str
    rep_file_unnamed: str
    rep_invited_not_utf8: str
    rep_invited_columns: str
    rep_invited_not_number: str
    rep_invited_below_one: str
    rep_invited_none: str
    rep_invited_too_few: str
    rep_invited_one: str
    rep_invited_both: str
    rep_split_dash: str
    rep_template_folder: str
    rep_template_missing: str
    rep_template_error: str
    rep_template_failed: str
    rep_output_extension: str
    rep_output_needed: str
    rep_overview_one_file: str
    rep_format_mismatch: str
    rep_split_not_folder: str
    rep_split_not_created: str

    # issue 13: exports (columns, codebook), notes about files, overview, progress
    code_respondent: str
    code_file: str
    code_organisation: str
    code_copies: str
    code_started: str
    code_completed: str
    code_anonymous: str
    code_yes_no: str
    code_weight: str
    code_score: str
    code_n: str
    code_small_group: str
    code_withheld_reason: str
    code_component_id: str
    code_min: str
    code_max: str
    code_level_count: str
    code_ambition_median: str
    code_ambition_mode: str
    code_ambition_pct: str
    col_to_ambition: str
    code_behind: str
    code_statement_id: str
    code_statement: str
    code_question_id: str
    code_question: str
    code_option_id: str
    code_other_text: str
    code_column: str
    code_text: str
    code_values: str
    code_reason: str
    codebook_sheet: str
    ambition_starts: str
    note_skipped: str
    note_other_version_skipped: str
    hint_other_version: str
    hint_previous_questionnaire: str
    note_duplicate: str
    note_progress_files: str
    note_warning: str
    note_more_warnings: str
    note_collected: str
    note_duplicates_counted: str
    note_skipped_count: str
    note_small_group: str
    note_small_group_withheld: str
    no_files_scored: str
    organisation_unknown: str
    overview_title: str
    overview_benchmark_row: str
    overview_changes: str
    overview_detail: str
    detail_benchmark: str
    detail_previous: str
    detail_segments: str
    col_organisation: str
    col_n: str
    progress_loading: str
    progress_aggregating: str
    progress_exporting: str

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
    welcome_anonymous: str
    welcome_start: str
    answered_none: str
    result_explained: str
    result_behind: str
    result_on: str
    result_above: str
    result_saved_next: str
    result_legend: str
    col_level_short: str
    control_characters: str
    preset_bad: str
    preset_unknown: str
    preset_syntax: str
    preset_no_group: str
    preset_no_option: str
    preset_other_needs_text: str
    preset_text_without_other: str
    preset_fixed: str
    review_next_page: str
    review_previous_page: str
    review_changed: str
    unfinished_title: str
    unfinished_title_many: str
    unfinished_scan: str
    unfinished_new: str
    kiosk_ended: str
    kiosk_unfinished_title: str
    kiosk_saved_next: str
    kiosk_next: str

    # answers-file reasons (issue 11): why an answers file is skipped or refused
    file_is_folder: str
    file_missing: str
    file_no_permission: str
    file_special: str
    file_too_large: str
    file_unreadable: str
    folder_no_permission: str
    folder_unreadable: str
    kind_folder: str
    kind_device: str
    kind_pipe: str
    kind_socket: str
    kind_special: str
    kind_link: str
    own_file_special: str
    output_exists: str
    name_too_long: str
    output_folder: str
    output_proc: str
    output_special: str
    output_is_input: str
    output_no_permission: str
    output_dangling_link: str
    output_no_folder: str
    output_unusable: str
    output_not_written: str
    binary_output: str
    stdout_closed: str
    os_no_space: str
    os_no_permission: str
    os_read_only: str
    os_name_too_long: str
    os_is_folder: str
    os_missing: str
    os_not_folder: str
    os_io_error: str
    os_too_large: str
    answers_wanted: str
    answers_kind: str
    answers_check: str
    progress_wanted: str
    progress_kind: str
    progress_check: str
    no_answers_files: str
    progress_file_skipped: str
    at_place: str
    file_empty: str
    duplicate_key: str
    not_utf8: str
    too_deep: str
    not_json: str
    not_json_where: str
    json_ends_early: str
    json_trailing_comma: str
    json_trailing_text: str
    json_expected_value: str
    json_expected: str
    json_or: str
    json_key_text: str
    json_control: str
    not_object: str
    format_missing: str
    format_wrong: str
    progress_format_missing: str
    progress_format_wrong: str
    version_newer: str
    version_unknown: str
    not_an_answer: str
    field_missing: str
    field_unknown: str
    field_sha256: str
    field_datetime: str
    field_text: str
    field_object: str
    field_bool: str
    field_integer: str
    field_value: str
    value_object: str
    value_list: str
    value_text: str
    value_bool: str
    value_number: str
    other_questionnaire: str
    other_version: str
    unknown_answer_id: str
    unknown_item: str
    missing_answer: str
    missing_statement: str
    off_scale: str
    not_option: str
    expects_one: str
    expects_list: str
    chosen_twice: str
    too_few_chosen: str
    too_many_chosen: str
    unknown_option: str
    other_needs_text: str
    takes_no_text: str
    other_text_empty: str
    expects_text: str
    file_text_too_long: str
    text_empty: str
    file_invalid_email: str
    or_leave_empty: str
    withheld_list: str
    withheld_object: str
    withheld_answer: str


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
    plain_not_utf8=(
        "Deze regel is geen UTF-8: de terminal gebruikt een andere codering. Stel hem in op "
        "UTF-8 (bijvoorbeeld LANG=nl_NL.UTF-8) of typ de regel zonder accenten."
    ),
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
    org_heading="{name}: {respondents}",
    org_spellings="Ook geschreven als: {names}",
    small_group=(
        "Let op: minder dan {min_group} respondenten. De uitkomsten kunnen tot personen "
        "herleidbaar zijn; deel ze alleen met wie ze mag zien."
    ),
    small_group_withheld=(
        "Minder dan {min_group} respondenten: alleen het aantal wordt getoond. Elke uitkomst "
        "kan naar één persoon wijzen (met één respondent is het gemiddelde diens score). "
        "--include-small-groups toont alles."
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
    priorities_title=(
        "Prioriteiten: eerst wat aandacht vraagt; per onderdeel het advies en de zwakste stellingen"
    ),
    frequencies_title="Antwoorden op de meerkeuzevragen",
    col_option="Antwoord",
    col_count="Aantal",
    col_share="Aandeel",
    other_texts="Zelf ingevuld bij '{option}':",
    report_contents="Inhoud",
    rep_contents_left_out=(
        "{n} organisaties met minder dan {min_group} respondenten staan niet in dit rapport."
    ),
    rep_contents_left_out_one=(
        "Eén organisatie met minder dan {min_group} respondenten staat niet in dit rapport."
    ),
    report_privacy="Namen en e-mailadressen van respondenten staan niet in dit rapport.",
    axis_score="Score %",
    chart_flag="geen gedeeld beeld",
    guide_bands="Een score valt in een niveau:",
    guide_band="niveau {level} ({name}): van {low} % tot {high} %",
    decimal_mark=",",
    respondents_count="{n} respondenten",
    respondents_one="1 respondent",
    files_count="{n} bestanden",
    files_one="1 bestand",
    more_other_texts="... en {n} andere (alle in --format json, csv of xlsx)",
    levels_legend="Niveaus: {levels}.",
    # issue 12: comparisons (benchmark, previous round, segments) and measurement quality
    benchmark_title="Benchmark: {count} organisaties met minstens {min_group} respondenten",
    benchmark_highest="bij de hoogste 25 %",
    benchmark_above_median="boven de mediaan",
    benchmark_at_median="op de mediaan",
    benchmark_below_median="onder de mediaan",
    benchmark_lowest="bij de laagste 25 %",
    benchmark_too_few=(
        "Geen benchmark: {count} organisatie(s) met minstens {min_group} respondenten, "
        "er zijn er minstens {needed} nodig."
    ),
    col_own="Eigen %",
    col_benchmark_median="Mediaan %",
    col_benchmark_middle="Middelste helft",
    col_position="Positie",
    previous_title="Sinds de vorige scan (toen {earlier} respondenten, nu {now})",
    previous_not_found="Geen antwoorden van deze organisatie in de vorige ronde.",
    previous_small=(
        "Niet vergeleken met de vorige ronde: een van beide rondes heeft minder dan "
        "{min_group} respondenten."
    ),
    previous_left_out="Niet vergeleken (niet in beide rondes): {items}.",
    previous_left_out_component="het onderdeel {name} ({round})",
    previous_left_out_statement="de stelling '{text}' van {component} ({round})",
    previous_only_earlier="alleen in de vorige ronde",
    previous_only_now="alleen in deze ronde",
    col_earlier="Toen %",
    col_now="Nu %",
    previous_figures_title="Toen en nu per onderdeel: respondenten, niveau en eensgezindheid",
    col_n_earlier="n toen",
    col_n_now="n nu",
    col_level_earlier="Niveau toen",
    col_level_now="Niveau nu",
    col_rwg_earlier="rwg toen",
    col_rwg_now="rwg nu",
    col_change="Verschil",
    col_interval="95 %-interval",
    change_interval="{low} tot {high}",
    change_better="beter",
    change_worse="slechter",
    change_unclear="geen duidelijke verandering",
    change_too_few="te weinig respondenten",
    segments_title="Naar '{question}' (gemiddelde score %)",
    segments_none="Geen segment met minstens {min_group} respondenten; niets getoond.",
    segments_overlap=(
        "Niet naar segment uitgesplitst: respondenten kozen meer dan één antwoord, zodat de "
        "segmenten elkaar overlappen en uit hun gemiddelden de score van één persoon te "
        "berekenen zou zijn."
    ),
    segments_merged=(
        "Niet apart getoond (om groepen kleiner dan {min_group} te beschermen): {options}."
    ),
    segments_legend="+ / -: duidelijk hoger / lager dan de rest van de organisatie.",
    segment_other="overig",
    quality_title="Kwaliteit van de meting: Cronbachs alfa over alle respondenten",
    quality_small_groups=(
        "Een organisatie onder --min-group telt alleen mee met --include-small-groups."
    ),
    col_respondents="n",
    col_alpha="Alfa",
    alpha_flag="onderdeel meet mogelijk niet één ding",
    # issue 12: comparisons in the board's report and the consultant's overview
    rep_legend_benchmark="Benchmark: middelste helft",
    rep_legend_median="Benchmark: mediaan",
    rep_legend_previous="Vorige scan",
    rep_col_benchmark="Benchmark",
    rep_col_change="Sinds vorige scan",
    rep_compared_heading="Vergeleken per onderdeel",
    rep_compared_benchmark=(
        "Benchmark: de mediaan van de vergeleken organisaties, tussen haakjes hun middelste "
        "helft, en waar deze organisatie staat."
    ),
    rep_compared_previous=(
        "Sinds vorige scan: de score van toen en het verschil in punten met het 95 %-interval; "
        "beter of slechter alleen als dat interval nul uitsluit."
    ),
    rep_since_heading="Sinds de vorige scan",
    rep_since_clear=(
        "Duidelijke veranderingen (toen {earlier} respondenten, nu {now}), grootste eerst:"
    ),
    rep_since_none=(
        "Geen duidelijke verandering sinds de vorige scan (toen {earlier} respondenten, nu {now})."
    ),
    rep_since_item="{name}: {verdict}, {change} punten (95 %-interval {low} tot {high})",
    rep_component_benchmark=(
        "Benchmark: mediaan {median} %, middelste helft {q1} tot {q3} %; deze organisatie "
        "staat {position}."
    ),
    rep_component_change=(
        "Vorige scan: {earlier} % (niveau {level}); verschil {change} punten, 95 %-interval "
        "{low} tot {high}: {verdict}."
    ),
    rep_segments_heading="Naar segment: {question}",
    rep_segments_differ="Duidelijk anders dan de rest van de organisatie: {items}.",
    rep_segments_same="Geen segment verschilt duidelijk van de rest van de organisatie.",
    rep_method_benchmark=(
        "De benchmark zet de gemiddelde score per onderdeel naast die van {count} organisaties "
        "met minstens {min_group} respondenten (een benchmark vraagt er minstens {needed}): "
        "de mediaan en de middelste helft, van het eerste tot het derde kwartiel. 'Bij de "
        "hoogste 25 %' betekent boven het derde kwartiel. Geen andere organisatie wordt in dit "
        "rapport genoemd."
    ),
    rep_method_no_benchmark=(
        "{reason} Een benchmark telt alleen organisaties met minstens {min_group} respondenten "
        "en wordt pas getoond vanaf {needed} zulke organisaties, zodat geen organisatie te "
        "herkennen is."
    ),
    rep_method_previous=(
        "De vorige scan is gekoppeld op de naam van de organisatie, onderdelen en stellingen op "
        "hun id; alleen wat beide rondes hebben wordt vergeleken. Een verschil heet beter of "
        "slechter alleen als het 95 %-interval van het verschil van de gemiddelden (Welch) nul "
        "niet bevat; anders 'geen duidelijke verandering'."
    ),
    rep_method_segments=(
        "Segmenten naar '{question}': een segment staat apart alleen als het en de rest van de "
        "organisatie minstens {min_group} respondenten hebben; kleinere gaan samen in 'overig' "
        "of blijven weg. Een segment heet duidelijk anders als het 95 %-interval (Welch) van "
        "het verschil met de rest nul niet bevat. Bij een vraag met meer antwoorden per "
        "respondent worden segmenten alleen getoond als niemand in twee ervan valt; anders zou "
        "uit hun gemiddelden de score van één persoon te berekenen zijn."
    ),
    rep_method_quality=(
        "Cronbachs alfa meet per onderdeel of de stellingen samen één ding meten, over alle "
        "{n} respondenten van de gegevens behalve die van kleine groepen; onder {threshold} staat: "
        "onderdeel meet mogelijk niet één ding."
    ),
    rep_method_quality_flagged="Alfa onder {threshold}: {items}.",
    ov_title="Overzicht voor de adviseur",
    ov_intro=(
        "Gemiddelde score per organisatie en onderdeel, gekleurd naar niveau. Alleen voor de "
        "adviseur: dit overzicht noemt organisaties; geef een bestuur zijn eigen rapport."
    ),
    ov_col_organisation="Organisatie",
    ov_col_participation="Respons",
    ov_small="n < {min_group}",
    ov_small_note=(
        "Organisaties met minder dan {min_group} respondenten zijn gemarkeerd en tonen geen "
        "cijfers; ze tellen niet mee in de benchmark."
    ),
    ov_benchmark_row="Benchmark (mediaan)",
    ov_quality_heading="Kwaliteit van de meting",
    ov_item_rest_heading="Samenhang per stelling (item-rest-correlatie)",
    ov_col_statement="Stelling",
    ov_col_item_rest="r",
    rep_bars_benchmark="Groene band: de middelste helft van de benchmark; stippellijn: de mediaan.",
    # issue 12: comparison columns of the xlsx organisations sheet
    code_benchmark_q1="Benchmark: eerste kwartiel %",
    code_benchmark_median="Benchmark: mediaan %",
    code_benchmark_q3="Benchmark: derde kwartiel %",
    code_benchmark_position="Benchmark: positie van de organisatie",
    code_previous_statements="Vorige ronde: vergeleken stellingen (die beide rondes hebben)",
    code_previous_n="Vorige ronde: aantal respondenten",
    code_previous_mean="Vorige ronde: gemiddeld %",
    code_previous_level="Vorige ronde: niveau van het gemiddelde",
    code_previous_rwg="Vorige ronde: eensgezindheid (rwg)",
    code_change="Verschil met de vorige ronde (procentpunten)",
    code_change_low="Verschil: ondergrens van het 95 %-interval",
    code_change_high="Verschil: bovengrens van het 95 %-interval",
    code_change_verdict="Verandering sinds de vorige ronde",
    code_alpha=(
        "Cronbachs alfa van het onderdeel (over alle respondenten, van een kleine groep alleen "
        "met --include-small-groups)"
    ),
    code_alpha_flag="Vlag: alfa onder 0,6",
    code_item_rest="Item-rest-correlatie: hoe de stelling samengaat met de rest van het onderdeel",
    # issue 11: the board's report (cover, summary, ranking, components, method)
    rep_page_of=" van ",
    rep_document_subtitle="Resultaten per organisatie",
    rep_made="Gemaakt met krmscan op {date}.",
    rep_fieldwork="Veldwerk",
    rep_period="{start} tot en met {end}",
    rep_respondents="Respondenten",
    rep_invited="Uitgenodigd",
    rep_participation="Respons",
    rep_small_notice=(
        "Kleine groep: {n} respondenten, minder dan {min_group}. Dit rapport laat daarom geen "
        "laagste en hoogste scores, geen standaardafwijking, geen aandeel onder eigen ambitie, "
        "geen aantallen per antwoord, geen scores per stelling (dus geen zwakste stellingen) en "
        "geen eensgezindheid zien: die zouden naar personen wijzen."
    ),
    rep_summary_heading="Managementsamenvatting",
    rep_overall=("De {n} respondenten scoren gemiddeld {pct} %: niveau {level}, {level_name}."),
    rep_overall_one="De ene respondent scoort {pct} %: niveau {level}, {level_name}.",
    rep_ambition=(
        "Hun gevoelsmatige ambitie (de mediaan, naar boven afgerond op een niveau) begint bij "
        "een score van {pct} %."
    ),
    rep_behind="Achter op de ambitie: {components}.",
    rep_not_behind="Geen enkel onderdeel ligt achter op de ambitie.",
    rep_first_heading="Wat eerst?",
    rep_nothing_first=(
        "Geen onderdeel ligt achter op de ambitie of vraagt eerst om een gesprek: houd vast "
        "wat er staat."
    ),
    rep_kind_act="Aanpakken",
    rep_kind_talk="Eerst bespreken",
    rep_kind_keep="Vasthouden",
    rep_rule_short=(
        "Volgorde: eerst wat achter ligt op de ambitie en waarover de medewerkers het eens "
        "zijn (aanpakken), dan wat zij verschillend zien (eerst bespreken), dan de rest "
        "(vasthouden). Zie de methode."
    ),
    rep_overview_heading="Overzicht per onderdeel",
    rep_radar_heading="Score per onderdeel tegenover de ambitie",
    rep_radar_caption=(
        "Blauw: de gemiddelde score per onderdeel (0 tot 100 %). Oranje stippellijn: waar de "
        "ambitie begint ({pct} %). Ligt blauw binnen oranje, dan ligt dat onderdeel achter op "
        "de ambitie. De ringen zijn de grenzen van de niveaus, de cijfers de niveaus."
    ),
    rep_bars_heading="Score per onderdeel, met spreiding",
    rep_bars_heading_small="Score per onderdeel",
    rep_bars_caption=(
        "Balk: gemiddelde score. Dikke lijn: gemiddelde ± standaardafwijking. Dunne lijn: "
        "laagste tot hoogste score. Oranje streep: waar de ambitie begint. De grijstinten zijn "
        "de {levels} niveaus."
    ),
    rep_bars_caption_small=(
        "Balk: gemiddelde score. Oranje streep: waar de ambitie begint. De grijstinten zijn "
        "de {levels} niveaus."
    ),
    rep_choices_withheld=(
        "Weggelaten: bij minder dan {min_group} respondenten wijzen aantallen per antwoord "
        "naar personen."
    ),
    rep_choices_shown=(
        "Per antwoord het aandeel van de respondenten en, tussen haakjes, hun aantal, zoals bij "
        "de stellingen: een groep van minder dan {min_group} respondenten krijgt geen cijfers."
    ),
    rep_other_texts_left_out=(
        "Wat zelf is ingevuld bij '{option}', staat niet in dit rapport: eigen woorden kunnen "
        "naar een persoon wijzen."
    ),
    rep_method_heading="Methode",
    rep_appendix_heading="Bijlage: de antwoordbestanden",
    rep_appendix_skipped="Niet meegeteld (onleesbaar of ongeldig):",
    rep_appendix_duplicates="Meer dan eens aangeleverd, één keer geteld (bestand: kopieën):",
    rep_appendix_none="Elk antwoordbestand is meegeteld, en elk één keer.",
    rep_finding_act=(
        "scoort {pct} %: {points} procentpunt onder waar de ambitie begint ({ambition} %)."
    ),
    rep_finding_shared="De medewerkers delen dat beeld (eensgezindheid {rwg}).",
    rep_finding_talk=(
        "scoort {pct} %, maar de medewerkers zien dit onderdeel verschillend (eensgezindheid "
        "{rwg}, onder {threshold}): bespreek eerst waarom, voordat u maatregelen kiest."
    ),
    rep_now="Nu, niveau {level} ({name}):",
    rep_next="Volgende stap, niveau {level} ({name}):",
    rep_weakest="Om mee te beginnen, de zwakste stellingen:",
    rep_col_score="Score %",
    rep_col_level="Niveau",
    rep_col_ambition="Ambitie vanaf %",
    rep_col_points="Punten tot ambitie",
    rep_col_below_own="Onder eigen ambitie",
    rep_col_rank="Advies",
    rep_table_note=(
        "'Onder eigen ambitie' is een apart cijfer: het deel van de respondenten van wie de "
        "eigen score in een lager niveau valt dan de eigen gekozen ambitie."
    ),
    rep_component_score=("Score {pct} % (standaardafwijking {sd}): niveau {level}, {level_name}."),
    rep_component_score_small="Score {pct} %: niveau {level}, {level_name}.",
    rep_component_range="Laagste {low} %, hoogste {high} %.",
    rep_component_behind=(
        "Achter op de ambitie: die begint bij {ambition} %, nog {points} procentpunt."
    ),
    rep_component_reached="De ambitie (vanaf {ambition} %) is bereikt.",
    rep_agreement_withheld=(
        "Eensgezindheid: niet getoond; bij minder dan {min_group} respondenten zegt ze weinig "
        "en wijst ze naar personen."
    ),
    rep_agreement_none="Eensgezindheid: niet te berekenen met één respondent.",
    rep_agreement="Eensgezindheid (rwg): {rwg}, {view}.",
    rep_below_own="Onder eigen ambitie: {pct} % van de respondenten.",
    rep_top_level="Dit is het hoogste niveau.",
    rep_statements_heading="Antwoorden per stelling, zwakste eerst",
    rep_statements_withheld=(
        "Weggelaten: bij minder dan {min_group} respondenten wijzen de antwoorden per "
        "stelling, ook hun gemiddelde, naar personen."
    ),
    rep_legend_score="Gemiddelde score",
    rep_legend_ambition="Ambitie begint",
    rep_method_scale="Elke stelling telt zoveel punten als haar antwoord: {scale}.",
    rep_method_point="{label} {weight}",
    rep_method_sizes=(
        "De score van een onderdeel is het aantal behaalde punten als percentage van het "
        "maximum: {sizes}."
    ),
    rep_method_total="Het totaal is het gemiddelde van de {n} onderdelen.",
    rep_method_total_one="Het totaal is de score van dit ene onderdeel.",
    rep_method_size="{name} {statements} stellingen, maximaal {points} punten",
    rep_method_size_one="{name} 1 stelling, maximaal {points} punten",
    rep_method_position=(
        "Eén getal per onderdeel: de gemiddelde score van de respondenten, geplaatst in de "
        "niveaus. De gevoelsmatige ambitie is de mediaan van de niveaus die de respondenten "
        "kozen, naar boven afgerond op een heel niveau; zij begint bij de ondergrens van dat "
        "niveau. Een onderdeel ligt achter op de ambitie als de gemiddelde score onder die "
        "grens ligt; de punten tot de ambitie zijn het verschil. Apart daarvan is 'onder eigen "
        "ambitie' het deel van de respondenten van wie de eigen score in een lager niveau valt "
        "dan de eigen keuze."
    ),
    rep_method_radar="In het spinnenweb ligt zo'n onderdeel binnen de ambitielijn.",
    rep_method_agreement=(
        "Eensgezindheid is rwg(j) (James, Demaree en Wolf, 1984) over de stellingen van een "
        "onderdeel, tegenover willekeurige antwoorden op de {points} antwoordmogelijkheden: 1 "
        "betekent dat iedereen hetzelfde antwoordt, 0 niet meer overeenstemming dan toeval. "
        "Onder {threshold} is er geen gedeeld beeld. Getoond vanaf {min_group} respondenten."
    ),
    rep_method_ranking=(
        "Volgorde in de samenvatting: eerst de onderdelen die achter liggen op de ambitie "
        "zonder teken van onenigheid (aanpakken; de grootste achterstand eerst), dan die "
        "zonder gedeeld beeld (eerst bespreken; de minste eensgezindheid eerst), dan de "
        "onderdelen op of boven de ambitie (vasthouden; de kleinste voorsprong eerst)."
    ),
    rep_method_top=(
        "Bij elk van de eerste {top} staan het gemeten en het volgende niveau uit de "
        "vragenlijst{weakest}; daaronder staat elk onderdeel bij zijn advies."
    ),
    rep_method_top_one=(
        "Bij het onderdeel staan het gemeten en het volgende niveau uit de vragenlijst"
        "{weakest}, en zijn advies."
    ),
    rep_method_top_weakest=" en de zwakste stellingen",
    rep_method_weakest=(
        "De zwakste stellingen zijn die met de laagste gemiddelde score, als percentage van "
        "het hoogste aantal punten ({top}) per stelling."
    ),
    rep_method_privacy=(
        "Namen en e-mailadressen staan niet in dit rapport. Een organisatie met minder dan "
        "{min_group} respondenten krijgt alleen op verzoek een rapport, en dan zonder "
        "laagste en hoogste scores, standaardafwijking, aandelen onder eigen ambitie, aantallen "
        "per antwoord, scores per stelling (dus zonder zwakste stellingen) en eensgezindheid."
    ),
    rep_small_left_out=(
        "{name}: {n} respondenten, minder dan {min_group}: geen rapport (--include-small-groups "
        "maakt het toch, zonder cijfers die naar personen wijzen)"
    ),
    rep_written="rapport geschreven: {path}",
    rep_nothing_left=(
        "elke organisatie heeft minder dan {min_group} respondenten: geen rapport; geef "
        "--include-small-groups of een lagere --min-group"
    ),
    rep_invited_unreadable="{path}: het bestand met uitgenodigden is niet te lezen: {problem}",
    rep_file_unnamed="organisatie",
    rep_invited_not_utf8=(
        "{path}: byte 0x{byte} is geen UTF-8; sla het bestand op als UTF-8 (in Excel: CSV UTF-8)"
    ),
    rep_invited_columns=(
        "{path}:{line}: verwacht twee kolommen, de organisatie en het aantal uitgenodigde "
        "medewerkers"
    ),
    rep_invited_not_number="{path}:{line}: '{value}' is geen heel aantal uitgenodigde medewerkers",
    rep_invited_below_one="{path}:{line}: het aantal uitgenodigden moet minstens 1 zijn",
    rep_invited_none="{path}: geen organisatie met een aantal uitgenodigden gevonden",
    rep_invited_too_few=(
        "{source}: {name} heeft {n} respondenten, maar er zijn er maar {invited} uitgenodigd; "
        "verbeter het aantal uitgenodigden"
    ),
    rep_invited_one=(
        "--invited N telt één organisatie: voeg --organisation NAAM toe of geef --invited-file CSV"
    ),
    rep_invited_both="--invited en --invited-file sluiten elkaar uit; geef er één",
    rep_split_dash=(
        "--split - kan niet: --split schrijft een bestand per organisatie in een map; geef een "
        "map, zoals --split rapporten (of -o - voor één rapport op de standaarduitvoer)"
    ),
    rep_template_folder="--template {path}: geen map met sjablonen",
    rep_template_missing=(
        "sjabloon {name} niet gevonden, niet in de map van --template en niet in het pakket"
    ),
    rep_template_error="{file}:{line}: fout in het sjabloon: {problem}",
    rep_template_failed="het sjabloon van het rapport liep vast: {problem}",
    rep_output_extension="-o {path}: geef een bestand dat eindigt op .html of .pdf",
    rep_output_needed="geef -o BESTAND.html|BESTAND.pdf of --split MAP",
    rep_overview_one_file="--overview schrijft één bestand: geef -o overzicht.html|overzicht.pdf",
    rep_format_mismatch="--format {format} past niet bij -o {path}",
    rep_split_not_folder="--split {path}: bestaat al en is geen map",
    rep_split_not_created="--split {path}: de map is niet te maken: {problem}",
    # issue 9: hardening (saving that fails, limits at input)
    not_saved=(
        "Opslaan in {file} lukte niet: {problem}.\nUw antwoorden tot dan toe staan in "
        "{progress}. Maak ruimte vrij (of los het probleem op) en ga verder met:\n  {command}"
    ),
    not_saved_nothing=(
        "Opslaan in {file} lukte niet: {problem}.\nEr is nog niets bewaard. Maak ruimte vrij "
        "(of los het probleem op) en begin opnieuw met:\n  {command}"
    ),
    text_too_long="Dit antwoord is te lang: {count} tekens, maximaal {limit}. Maak het korter.",
    dropped_invalid=(
        "Deze bewaarde antwoorden passen niet bij de vragenlijst. Ze vervallen en worden "
        "opnieuw gevraagd:"
    ),
    not_in_questionnaire="staat niet (meer) in de vragenlijst",
    stdin_closed=(
        "De standaardinvoer is gesloten, dus er kan geen antwoord gelezen worden. Start "
        "krmscan take in een terminal, of geef de antwoorden mee met < BESTAND."
    ),
    resume_needs_output=(
        "--resume en --restart hebben -o BESTAND nodig: het antwoordbestand om mee verder te gaan"
    ),
    resume_restart_both="--resume en --restart sluiten elkaar uit; geef er één",
    kiosk_names_files=(
        "--kiosk geeft elk antwoordbestand zelf een naam; laat -o, --resume en --restart weg"
    ),
    kiosk_not_plain="--kiosk gebruikt de schermen met pijltjestoetsen; laat --plain weg",
    kiosk_no_folder="--kiosk {folder}: deze map bestaat niet; maak hem eerst aan",
    kiosk_needs_terminal=(
        "--kiosk heeft een terminal nodig: de ene respondent na de andere aan het toetsenbord"
    ),
    lock_failed="{lock}: vergrendelen lukt niet: {problem}",
    # issue 13: exports (columns, codebook), notes about files, overview, progress
    code_respondent="Volgnummer van de respondent",
    code_file="Antwoordbestand",
    code_organisation="Organisatie",
    code_copies="Andere bestanden met dezelfde inhoud (één keer geteld)",
    code_started="Begonnen op (eigen klok van de respondent)",
    code_completed="Afgerond op (eigen klok van de respondent)",
    code_anonymous="Anoniem ingevuld (zonder naam en e-mail)",
    code_yes_no="1 = ja, 0 = nee",
    code_weight="gewicht",
    code_score="score %",
    code_n="Aantal respondenten",
    code_small_group="Kleine groep: uitkomsten kunnen tot personen herleidbaar zijn",
    code_withheld_reason="Waarom alleen het aantal respondenten getoond wordt",
    code_component_id="Onderdeel (id)",
    code_min="Laagste %",
    code_max="Hoogste %",
    code_level_count="Respondenten op niveau",
    code_ambition_median="Gevoelsmatige ambitie (mediaan)",
    code_ambition_mode="Gevoelsmatige ambitie (meest gekozen)",
    code_ambition_pct="Ambitie begint bij % (ondergrens van het niveau van de mediane ambitie)",
    col_to_ambition="Nog tot ambitie (%-punten)",
    code_behind="Achter op de ambitie (gemiddelde onder 'ambitie begint bij')",
    code_statement_id="Stelling (id)",
    code_statement="Stelling",
    code_question_id="Vraag (id)",
    code_question="Vraag",
    code_option_id="Antwoord (id)",
    code_other_text="Zelf ingevulde tekst",
    code_column="Kolom",
    code_text="Vraag of stelling",
    code_values="Codes",
    code_reason="Reden",
    codebook_sheet="codeboek",
    ambition_starts=(
        "De ambitie begint bij {pct} % (ondergrens van niveau {level}); rood: het gemiddelde "
        "ligt daaronder."
    ),
    note_skipped="overgeslagen {file}: {reason}",
    note_other_version_skipped=(
        "overgeslagen: {n} bestand(en) ingevuld met een andere versie van de vragenlijst "
        "(versie '{version}') passen er niet bij; {hint}. Bijvoorbeeld {file}: {reason}"
    ),
    hint_other_version="kies met -q de vragenlijst waarmee ze zijn ingevuld",
    hint_previous_questionnaire=(
        "geef met --previous-questionnaire de vragenlijst waarmee de vorige ronde is ingevuld"
    ),
    note_duplicate="dubbel: {copy} heeft dezelfde inhoud als {file}; één keer geteld",
    note_progress_files=(
        "let op: {n} voortgangsbestand(en) van niet afgeronde scans (*.partial) niet meegeteld"
    ),
    note_warning="waarschuwing: {warning}",
    note_more_warnings="waarschuwing: ... en nog {n} bestanden zoals deze",
    note_collected="{respondents} uit {files}",
    note_duplicates_counted=", {n} dubbel(e) één keer geteld",
    note_skipped_count=", {n} overgeslagen",
    note_small_group=(
        "waarschuwing: '{name}' heeft {n} respondent(en), minder dan --min-group {min_group}: "
        "de uitkomsten kunnen tot personen herleidbaar zijn"
    ),
    note_small_group_withheld=(
        "; de uitvoer toont er alleen het aantal respondenten van (--include-small-groups "
        "toont alles)"
    ),
    no_files_scored="geen enkel antwoordbestand kon worden gescoord; zie de redenen hierboven",
    organisation_unknown="geen antwoorden van organisatie '{name}'; gevonden organisaties: {known}",
    overview_title=(
        "{n} organisaties: één regel per organisatie (gemiddelde score % per onderdeel, niveau "
        "van het totaal); --detail toont alle tabellen, --organisation NAAM één organisatie"
    ),
    overview_benchmark_row="Benchmark (mediaan)",
    overview_changes=(
        "+ / -: duidelijk hoger / lager dan in de vorige scan ({n} van de {total} organisaties "
        "vergeleken)."
    ),
    overview_detail="--detail toont per organisatie {parts}.",
    detail_benchmark="de benchmark (mediaan, middelste helft, positie)",
    detail_previous="de vorige ronde",
    detail_segments="de segmenten",
    col_organisation="Organisatie",
    col_n="n",
    progress_loading="Antwoordbestanden lezen",
    progress_aggregating="Per organisatie berekenen",
    progress_exporting="Wegschrijven",
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
        "groep blijven cijfers die naar personen wijzen weg."
    ),
    welcome_personal="{questions}: niet verplicht, en nooit in een rapport.",
    welcome_anonymous="U vult de scan anoniem in: er wordt niet naar uw naam of gegevens gevraagd.",
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
    col_level_short="Niveau",
    control_characters="Het antwoord bevat een stuurteken; typ alleen gewone tekst.",
    preset_bad="--answer {id}={value}: {problem}",
    preset_unknown=(
        "--answer {id}=...: de vragenlijst heeft geen vraag of stelling '{id}'; kies een "
        "vraag uit {ids}, of de id van een stelling"
    ),
    preset_syntax="--answer {item}: schrijf het als VRAAG_ID=WAARDE",
    preset_no_group="--organisation: de vragenlijst heeft geen vraag die als 'group' is gemarkeerd",
    preset_no_option="deze keuze bestaat niet; kies uit {options}",
    preset_other_needs_text=(
        "geef de tekst bij '{option}' na een dubbele punt, bijvoorbeeld {option}:Uw tekst"
    ),
    preset_text_without_other=(
        "alleen een gekozen 'anders'-keuze krijgt een tekst (na de dubbele punt)"
    ),
    preset_fixed="(vastgezet)",
    review_next_page="Volgende pagina van het overzicht",
    review_previous_page="Vorige pagina van het overzicht",
    review_changed="Vraag {n} is gewijzigd: {answer}",
    unfinished_title="In deze map staat een scan die nog niet af is. Wilt u daarmee verder?",
    unfinished_title_many="In deze map staan scans die nog niet af zijn. Met welke wilt u verder?",
    unfinished_scan="Verdergaan met de scan van {started} ({count} van {total} beantwoord)",
    unfinished_new="Nee, een nieuwe scan beginnen",
    kiosk_ended="De scansessie is beëindigd.",
    kiosk_unfinished_title=(
        "Op deze computer staat een scan die nog niet af is. Ga er alleen mee verder als het "
        "uw eigen scan is; de vragen over uzelf worden dan opnieuw gesteld."
    ),
    kiosk_saved_next=(
        "Dank u wel, u bent klaar. Uw antwoorden blijven op deze computer voor de consultant; "
        "u hoeft er niets mee te doen. Met Enter verdwijnen ze van het scherm."
    ),
    kiosk_next="Enter = naar het welkomstscherm voor de volgende persoon",
    # answers-file reasons (issue 11): why an answers file is skipped or refused
    file_is_folder="{path}: is een map; geef {wanted}",
    file_missing="{path}: dit bestand bestaat niet; controleer de naam en de map",
    file_no_permission=(
        "{path}: geen toestemming om het te lezen (of om de map ervan te openen); vraag de "
        "eigenaar om leesrechten of een kopie"
    ),
    file_special="{path}: is {kind}, geen gewoon bestand; krmscan leest het niet. Geef {wanted}",
    file_too_large=(
        "{path}: het bestand is groter dan {kib} KiB, veel groter dan een {kind} ooit is; "
        "controleer of dit {check} is"
    ),
    file_unreadable="{path}: kan het niet lezen: {problem}",
    folder_no_permission=(
        "{path}: geen toestemming om een map op dit pad te openen; vraag de eigenaar om toegang"
    ),
    folder_unreadable="kan deze map niet lezen: {problem}",
    kind_folder="een map",
    kind_device="een apparaat",
    kind_pipe="een pipe (FIFO)",
    kind_socket="een socket",
    kind_special="een speciaal bestand",
    kind_link="een koppeling (symbolische link)",
    own_file_special=(
        "{path}: is {kind}, geen bestand dat krmscan maakte; krmscan verwijdert of vervangt "
        "alleen zijn eigen bestanden. Zet het ergens anders neer, of kies een ander bestand met -o"
    ),
    name_too_long=(
        "{path}: de naam is {length} bytes lang; krmscan bewaart ernaast dezelfde naam met "
        "{sibling} erachter, en een naam mag hier hoogstens {limit} bytes zijn. Kies met -o "
        "een naam van hoogstens {fits} bytes"
    ),
    output_exists=(
        "{path}: bestaat al; geef --force om het te overschrijven, of kies een ander bestand met -o"
    ),
    output_folder="{path}: is een map; geef een bestandsnaam, zoals {example}",
    output_proc=(
        "{path}: leidt naar /proc (een open bestand van een proces), geen gewoon bestand; "
        "geef -o - voor de standaarduitvoer"
    ),
    output_special=(
        "{path}: is {kind}, geen gewoon bestand; krmscan schrijft alleen gewone bestanden "
        "(geef -o - voor de standaarduitvoer)"
    ),
    output_is_input=(
        "{path}: is een van de invoerbestanden ({given}); schrijven zou het vernietigen, "
        "kies dus een ander uitvoerbestand"
    ),
    output_no_permission=(
        "{path}: geen toestemming om een map op dit pad te openen; kies een andere uitvoer"
    ),
    output_dangling_link=(
        "{path}: is een koppeling naar een bestand dat niet bestaat; geef een andere naam"
    ),
    output_no_folder="{path}: deze map voor het uitvoerbestand bestaat niet",
    output_unusable="{path}: kan deze uitvoer niet gebruiken: {problem}",
    output_not_written="{path}: kan het niet schrijven: {problem}",
    binary_output=(
        "{option} schrijft een binair bestand: geef het met -o {example} (of -o - naar een pipe)"
    ),
    stdout_closed=(
        "de standaarduitvoer is gesloten: geef een bestand met -o BESTAND, of start krmscan "
        "zonder >&-"
    ),
    os_no_space="de schijf is vol",
    os_no_permission="geen toestemming",
    os_read_only="de schijf is alleen-lezen",
    os_name_too_long="de bestandsnaam is te lang",
    os_is_folder="het is een map",
    os_missing="de map of het bestand bestaat niet",
    os_not_folder="een deel van het pad is geen map",
    os_io_error="een fout van de schijf (invoer/uitvoer)",
    os_too_large="het bestand wordt groter dan het systeem toestaat",
    answers_wanted="een antwoordbestand (.json)",
    answers_kind="antwoordbestand",
    answers_check="een antwoordbestand van krmscan",
    progress_wanted="het voortgangsbestand (.json.partial) dat krmscan take schreef",
    progress_kind="voortgangsbestand",
    progress_check="het voortgangsbestand dat krmscan take schreef",
    no_answers_files="deze map bevat geen antwoordbestanden (*.json, ook in submappen gezocht)",
    progress_file_skipped="is het voortgangsbestand van een niet afgeronde scan",
    at_place="regel {line}, kolom {column}: {problem}",
    file_empty="{path}: het bestand is leeg; het is geen antwoordbestand van krmscan",
    duplicate_key=(
        "de sleutel {key} staat twee keer in één object; houd er één over (krmscan "
        "schrijft een sleutel nooit twee keer)"
    ),
    not_utf8=(
        "{where}: byte 0x{byte} is geen UTF-8; zo schrijft krmscan geen antwoordbestand (sla "
        "het op als UTF-8)"
    ),
    too_deep="{where}: te diep genest; dit is geen antwoordbestand van krmscan",
    not_json="{where}: geen geldige JSON ({reason}); is het bestand compleet?",
    not_json_where="{where}: geen geldige JSON; is het bestand compleet?",
    json_ends_early="het bestand houdt midden in de JSON op",
    json_trailing_comma="een komma vóór een sluithaakje",
    json_trailing_text="tekst na het einde van de JSON",
    json_expected_value=(
        "hier hoort een waarde: tekst tussen aanhalingstekens, een getal, true, false of null"
    ),
    json_expected="hier hoort {signs}",
    json_or=" of ",
    json_key_text="een naam moet tekst tussen aanhalingstekens zijn",
    json_control="een stuurteken in een tekst",
    not_object="{path}: verwacht een JSON-object met de antwoorden, maar vond {kind}",
    format_missing='ontbreekt; dit is geen antwoordbestand van krmscan (geen "{field}")',
    format_wrong="is niet {format}; dit is geen antwoordbestand van krmscan",
    progress_format_missing=(
        'ontbreekt; dit is geen voortgangsbestand van krmscan take (geen "{field}")'
    ),
    progress_format_wrong="is niet {format}; dit is geen voortgangsbestand van krmscan take",
    version_newer=(
        "{found} is nieuwer dan deze krmscan leest (versie {version}); werk krmscan bij om dit "
        "bestand te lezen"
    ),
    version_unknown="{found} is een onbekende versie; krmscan leest versie {version}",
    not_an_answer=(
        "{shown} is geen antwoord; verwacht een tekst, een optie-id, een lijst van optie-ids, "
        'of {{"id": ..., "text": ...}} voor een optie "anders"'
    ),
    field_missing="veld ontbreekt; het bestand is onvolledig",
    field_unknown="onbekend veld; verwijder het (krmscan schrijft het niet)",
    field_sha256="verwacht de 64 hexadecimale tekens van een sha256",
    field_datetime=(
        "{shown} is geen datum en tijd met het verschil met UTC, zoals 2026-11-27T10:02:11+01:00"
    ),
    field_text="verwacht een tekst, maar vond {kind}",
    field_object="verwacht een JSON-object, maar vond {kind}",
    field_bool="verwacht true of false, maar vond {kind}",
    field_integer="verwacht een geheel getal, maar vond {kind}",
    field_value="{shown} is hier geen geldige waarde; krmscan schrijft hier iets anders",
    value_object="een object",
    value_list="een lijst",
    value_text="een tekst",
    value_bool="true/false",
    value_number="een getal",
    other_questionnaire=(
        "{path}: questionnaire.id: hoort bij een vragenlijst met id '{found}', niet "
        "'{expected}' ({questionnaire}); kies met -q de vragenlijst waar het bij hoort"
    ),
    other_version=(
        "{path}: ingevuld met een andere versie van de vragenlijst (de sha256 verschilt); elke "
        "id bestaat nog, dus het telt mee"
    ),
    unknown_answer_id=(
        "onbekende vraag-id; vragenlijst '{questionnaire}' heeft geen vraag of stelling met deze id"
    ),
    unknown_item="onbekende vraag-id {id}",
    missing_answer="geen antwoord op '{question}'",
    missing_statement="geen antwoord op de stelling '{statement}'",
    off_scale="{shown} staat niet op de schaal; gebruik een van {ids}",
    not_option="{shown} is geen optie; gebruik een van {ids}",
    expects_one="verwacht één optie-id, geen lijst",
    expects_list="verwacht een lijst van optie-ids",
    chosen_twice="optie {option} is twee keer gekozen; houd er één over",
    too_few_chosen="{count} optie(s) gekozen; kies er minstens {minimum}",
    too_many_chosen=(
        "{count} opties gekozen{listed}; de vraag staat er hoogstens {most} toe, verwijder er "
        "{remove}"
    ),
    unknown_option="onbekende optie-id {shown}; gebruik een van {ids}",
    other_needs_text=(
        'optie {option} is een optie "anders" en heeft een tekst nodig: {{"id": "{id}", '
        '"text": "..."}}'
    ),
    takes_no_text="optie {option} heeft geen tekst; bewaar alleen de id",
    other_text_empty="de tekst van optie {option} is leeg; vul die in of verwijder de optie",
    expects_text="verwacht een tekst, niet {shown}",
    file_text_too_long="de tekst heeft {count} tekens, meer dan de {limit} die krmscan aanneemt",
    text_empty="is leeg; '{question}' moet beantwoord worden",
    file_invalid_email="{shown} is geen geldig e-mailadres; verbeter het{empty}",
    or_leave_empty=" of laat het leeg",
    withheld_list="een lijst (niet getoond: persoonsgegevens)",
    withheld_object="een object (niet getoond: persoonsgegevens)",
    withheld_answer="het antwoord (niet getoond: persoonsgegevens)",
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
    plain_not_utf8=(
        "This line is not UTF-8: the terminal uses another encoding. Set it to UTF-8 (for "
        "example LANG=en_US.UTF-8) or type the line without accents."
    ),
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
    org_heading="{name}: {respondents}",
    org_spellings="Also written as: {names}",
    small_group=(
        "Caution: fewer than {min_group} respondents. The results can identify people; "
        "share them only with those allowed to see them."
    ),
    small_group_withheld=(
        "Fewer than {min_group} respondents: only the number is shown. Every result can point "
        "to one person (with one respondent the mean is that person's score). "
        "--include-small-groups shows everything."
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
    priorities_title=(
        "Priorities: what needs attention first; per component the advice and the weakest "
        "statements"
    ),
    frequencies_title="Answers to the multiple-choice questions",
    col_option="Answer",
    col_count="Count",
    col_share="Share",
    other_texts="Typed for '{option}':",
    report_contents="Contents",
    rep_contents_left_out=(
        "{n} organisations with fewer than {min_group} respondents are not in this report."
    ),
    rep_contents_left_out_one=(
        "One organisation with fewer than {min_group} respondents is not in this report."
    ),
    report_privacy="Names and e-mail addresses of respondents are not in this report.",
    axis_score="Score %",
    chart_flag="no shared view",
    guide_bands="A score falls in a level:",
    guide_band="level {level} ({name}): from {low} % to {high} %",
    decimal_mark=".",
    respondents_count="{n} respondents",
    respondents_one="1 respondent",
    files_count="{n} files",
    files_one="1 file",
    more_other_texts="... and {n} more (all in --format json, csv or xlsx)",
    levels_legend="Levels: {levels}.",
    # issue 12: comparisons (benchmark, previous round, segments) and measurement quality
    benchmark_title="Benchmark: {count} organisations with at least {min_group} respondents",
    benchmark_highest="among the highest 25 %",
    benchmark_above_median="above the median",
    benchmark_at_median="at the median",
    benchmark_below_median="below the median",
    benchmark_lowest="among the lowest 25 %",
    benchmark_too_few=(
        "No benchmark: {count} organisation(s) with at least {min_group} respondents, "
        "at least {needed} are needed."
    ),
    col_own="Own %",
    col_benchmark_median="Median %",
    col_benchmark_middle="Middle half",
    col_position="Position",
    previous_title="Since the previous scan ({earlier} respondents then, {now} now)",
    previous_not_found="No answers of this organisation in the previous round.",
    previous_small=(
        "Not compared with the previous round: a round has fewer than {min_group} respondents."
    ),
    previous_left_out="Not compared (not in both rounds): {items}.",
    previous_left_out_component="the component {name} ({round})",
    previous_left_out_statement="the statement '{text}' of {component} ({round})",
    previous_only_earlier="only in the previous round",
    previous_only_now="only in this round",
    col_earlier="Then %",
    col_now="Now %",
    previous_figures_title="Then and now per component: respondents, level and agreement",
    col_n_earlier="n then",
    col_n_now="n now",
    col_level_earlier="Level then",
    col_level_now="Level now",
    col_rwg_earlier="rwg then",
    col_rwg_now="rwg now",
    col_change="Change",
    col_interval="95 % interval",
    change_interval="{low} to {high}",
    change_better="better",
    change_worse="worse",
    change_unclear="no clear change",
    change_too_few="too few respondents",
    segments_title="By '{question}' (mean score %)",
    segments_none="No segment with at least {min_group} respondents; nothing shown.",
    segments_overlap=(
        "Not broken down by segment: respondents chose more than one answer, so the segments "
        "overlap and one person's score could be worked out from their means."
    ),
    segments_merged="Not shown on their own (to protect groups below {min_group}): {options}.",
    segments_legend="+ / -: clearly higher / lower than the rest of the organisation.",
    segment_other="other",
    quality_title="Quality of the measurement: Cronbach's alpha over all respondents",
    quality_small_groups=(
        "An organisation below --min-group counts only with --include-small-groups."
    ),
    col_respondents="n",
    col_alpha="Alpha",
    alpha_flag="the component may not measure one thing",
    # issue 12: comparisons in the board's report and the consultant's overview
    rep_legend_benchmark="Benchmark: middle half",
    rep_legend_median="Benchmark: median",
    rep_legend_previous="Previous scan",
    rep_col_benchmark="Benchmark",
    rep_col_change="Since previous scan",
    rep_compared_heading="Compared per component",
    rep_compared_benchmark=(
        "Benchmark: the median of the organisations compared, in brackets their middle half, "
        "and where this organisation stands."
    ),
    rep_compared_previous=(
        "Since previous scan: the score then and the difference in points with its 95 % "
        "interval; better or worse only when that interval excludes zero."
    ),
    rep_since_heading="Since the previous scan",
    rep_since_clear="Clear changes (then {earlier} respondents, now {now}), largest first:",
    rep_since_none=(
        "No clear change since the previous scan (then {earlier} respondents, now {now})."
    ),
    rep_since_item="{name}: {verdict}, {change} points (95 % interval {low} to {high})",
    rep_component_benchmark=(
        "Benchmark: median {median} %, middle half {q1} to {q3} %; this organisation is {position}."
    ),
    rep_component_change=(
        "Previous scan: {earlier} % (level {level}); change {change} points, 95 % interval "
        "{low} to {high}: {verdict}."
    ),
    rep_segments_heading="By segment: {question}",
    rep_segments_differ="Clearly different from the rest of the organisation: {items}.",
    rep_segments_same="No segment differs clearly from the rest of the organisation.",
    rep_method_benchmark=(
        "The benchmark sets the mean score per component beside those of {count} "
        "organisations with at least {min_group} respondents (a benchmark needs at least "
        "{needed}): the median and the middle half, from the first to the third quartile. "
        "'Among the highest 25 %' means above the third quartile. No other organisation is "
        "named in this report."
    ),
    rep_method_no_benchmark=(
        "{reason} A benchmark counts only organisations with at least {min_group} respondents "
        "and is shown only from {needed} such organisations on, so that none can be recognised."
    ),
    rep_method_previous=(
        "The previous scan is matched by the organisation's name, components and statements by "
        "their id; only what both rounds have is compared. A change is called better or worse "
        "only when the 95 % interval of the difference of the means (Welch) excludes zero; "
        "otherwise 'no clear change'."
    ),
    rep_method_segments=(
        "Segments by '{question}': a segment is shown on its own only when it and the rest of "
        "the organisation have at least {min_group} respondents; smaller ones join 'other' or "
        "are left out. A segment differs clearly when the 95 % interval (Welch) of its "
        "difference with the rest excludes zero. For a question with several answers per "
        "respondent, segments are shown only when nobody is in two of them; otherwise their "
        "means could give away one person's score."
    ),
    rep_method_quality=(
        "Cronbach's alpha tells per component whether its statements measure one thing "
        "together, over the {n} respondents of the data but those of small groups; below "
        "{threshold} it says: component may not measure one thing."
    ),
    rep_method_quality_flagged="Alpha below {threshold}: {items}.",
    ov_title="Overview for the consultant",
    ov_intro=(
        "Mean score per organisation and component, coloured by level. For the consultant "
        "only: this overview names organisations; give a board its own report."
    ),
    ov_col_organisation="Organisation",
    ov_col_participation="Participation",
    ov_small="n < {min_group}",
    ov_small_note=(
        "Organisations with fewer than {min_group} respondents are marked and show no figures; "
        "they do not count in the benchmark."
    ),
    ov_benchmark_row="Benchmark (median)",
    ov_quality_heading="Quality of the measurement",
    ov_item_rest_heading="How each statement fits (item-rest correlation)",
    ov_col_statement="Statement",
    ov_col_item_rest="r",
    rep_bars_benchmark="Green band: the benchmark's middle half; dotted line: its median.",
    # issue 12: comparison columns of the xlsx organisations sheet
    code_benchmark_q1="Benchmark: first quartile %",
    code_benchmark_median="Benchmark: median %",
    code_benchmark_q3="Benchmark: third quartile %",
    code_benchmark_position="Benchmark: the organisation's position",
    code_previous_statements="Previous round: statements compared (those both rounds have)",
    code_previous_n="Previous round: respondents",
    code_previous_mean="Previous round: mean %",
    code_previous_level="Previous round: level of the mean",
    code_previous_rwg="Previous round: agreement (rwg)",
    code_change="Change since the previous round (percentage points)",
    code_change_low="Change: lower end of the 95 % interval",
    code_change_high="Change: upper end of the 95 % interval",
    code_change_verdict="Change since the previous round",
    code_alpha=(
        "Cronbach's alpha of the component (over all respondents, of a small group only with "
        "--include-small-groups)"
    ),
    code_alpha_flag="Flag: alpha below 0.6",
    code_item_rest="Item-rest correlation: how the statement goes with the rest of its component",
    # issue 11: the board's report (cover, summary, ranking, components, method)
    rep_page_of=" of ",
    rep_document_subtitle="Results per organisation",
    rep_made="Made with krmscan on {date}.",
    rep_fieldwork="Fieldwork",
    rep_period="{start} to {end}",
    rep_respondents="Respondents",
    rep_invited="Invited",
    rep_participation="Response rate",
    rep_small_notice=(
        "Small group: {n} respondents, fewer than {min_group}. This report therefore shows no "
        "lowest and highest scores, no standard deviation, no share below own ambition, no "
        "counts per answer, no scores per statement (so no weakest statements) and no "
        "agreement: they would point at persons."
    ),
    rep_summary_heading="Management summary",
    rep_overall="The {n} respondents score {pct} % on average: level {level}, {level_name}.",
    rep_overall_one="The one respondent scores {pct} %: level {level}, {level_name}.",
    rep_ambition=(
        "Their felt ambition (the median, rounded up to a level) starts at a score of {pct} %."
    ),
    rep_behind="Behind the ambition: {components}.",
    rep_not_behind="No component is behind the ambition.",
    rep_first_heading="What first?",
    rep_nothing_first=(
        "No component is behind the ambition or calls for a conversation first: keep what is there."
    ),
    rep_kind_act="Act",
    rep_kind_talk="Talk first",
    rep_kind_keep="Keep",
    rep_rule_short=(
        "Order: first what is behind the ambition and what employees agree on (act), then what "
        "they see differently (talk first), then the rest (keep). See the method."
    ),
    rep_overview_heading="Overview per component",
    rep_radar_heading="Score per component against the ambition",
    rep_radar_caption=(
        "Blue: the mean score per component (0 to 100 %). Orange dashes: where the ambition "
        "starts ({pct} %). Where blue lies inside orange, that component is behind the "
        "ambition. The rings are the edges of the levels, the numbers the levels."
    ),
    rep_bars_heading="Score per component, with spread",
    rep_bars_heading_small="Score per component",
    rep_bars_caption=(
        "Bar: mean score. Thick line: mean ± standard deviation. Thin line: lowest to highest "
        "score. Orange mark: where the ambition starts. The grey shades are the {levels} "
        "levels."
    ),
    rep_bars_caption_small=(
        "Bar: mean score. Orange mark: where the ambition starts. The grey shades are the "
        "{levels} levels."
    ),
    rep_choices_withheld=(
        "Left out: with fewer than {min_group} respondents counts per answer point at persons."
    ),
    rep_choices_shown=(
        "Per answer the share of the respondents and, in brackets, their number, as for the "
        "statements: a group of fewer than {min_group} respondents gets no figures."
    ),
    rep_other_texts_left_out=(
        "What was typed for '{option}' is not in this report: own words can point at a person."
    ),
    rep_method_heading="Method",
    rep_appendix_heading="Appendix: the answers files",
    rep_appendix_skipped="Not counted (unreadable or invalid):",
    rep_appendix_duplicates="Given more than once, counted once (file: copies):",
    rep_appendix_none="Every answers file was counted, each once.",
    rep_finding_act=(
        "scores {pct} %: {points} percentage points below where the ambition starts ({ambition} %)."
    ),
    rep_finding_shared="Employees share that view (agreement {rwg}).",
    rep_finding_talk=(
        "scores {pct} %, but employees see this component differently (agreement {rwg}, below "
        "{threshold}): discuss why first, before choosing measures."
    ),
    rep_now="Now, level {level} ({name}):",
    rep_next="Next step, level {level} ({name}):",
    rep_weakest="To start with, the weakest statements:",
    rep_col_score="Score %",
    rep_col_level="Level",
    rep_col_ambition="Ambition from %",
    rep_col_points="Points to ambition",
    rep_col_below_own="Below own ambition",
    rep_col_rank="Advice",
    rep_table_note=(
        "'Below own ambition' is a separate figure: the share of respondents whose own score "
        "falls in a lower level than the ambition they chose."
    ),
    rep_component_score="Score {pct} % (standard deviation {sd}): level {level}, {level_name}.",
    rep_component_score_small="Score {pct} %: level {level}, {level_name}.",
    rep_component_range="Lowest {low} %, highest {high} %.",
    rep_component_behind=(
        "Behind the ambition: it starts at {ambition} %, {points} percentage points to go."
    ),
    rep_component_reached="The ambition (from {ambition} %) is reached.",
    rep_agreement_withheld=(
        "Agreement: not shown; with fewer than {min_group} respondents it says little and "
        "points at persons."
    ),
    rep_agreement_none="Agreement: cannot be computed from one respondent.",
    rep_agreement="Agreement (rwg): {rwg}, {view}.",
    rep_below_own="Below own ambition: {pct} % of the respondents.",
    rep_top_level="This is the highest level.",
    rep_statements_heading="Answers per statement, weakest first",
    rep_statements_withheld=(
        "Left out: with fewer than {min_group} respondents the answers per statement, their "
        "mean too, point at persons."
    ),
    rep_legend_score="Mean score",
    rep_legend_ambition="Ambition starts",
    rep_method_scale="Each statement counts the points of its answer: {scale}.",
    rep_method_point="{label} {weight}",
    rep_method_sizes=(
        "A component's score is the points scored as a percentage of the maximum: {sizes}."
    ),
    rep_method_total="The total is the mean of the {n} components.",
    rep_method_total_one="The total is the score of this one component.",
    rep_method_size="{name} {statements} statements, at most {points} points",
    rep_method_size_one="{name} 1 statement, at most {points} points",
    rep_method_position=(
        "One number per component: the respondents' mean score, placed in the levels. The "
        "felt ambition is the median of the levels the respondents chose, rounded up to a "
        "whole level; it starts at that level's lower edge. A component is behind the "
        "ambition when its mean score lies below that edge; the points to the ambition are "
        "the difference. Separately, 'below own ambition' is the share of respondents whose "
        "own score falls in a lower level than their own choice."
    ),
    rep_method_radar="On the radar such a component lies inside the ambition line.",
    rep_method_agreement=(
        "Agreement is rwg(j) (James, Demaree and Wolf, 1984) over a component's statements, "
        "against random answers on the {points} answer options: 1 means everyone answers "
        "alike, 0 no more agreement than chance. Below {threshold} there is no shared view. "
        "Shown from {min_group} respondents."
    ),
    rep_method_ranking=(
        "Order in the summary: first the components behind the ambition without a sign of "
        "disagreement (act; the largest gap first), then those without a shared view (talk "
        "first; the least agreement first), then the components at or above the ambition "
        "(keep; the smallest lead first)."
    ),
    rep_method_top=(
        "Each of the first {top} comes with the measured and the next level from the "
        "questionnaire{weakest}; below them every component is listed under its advice."
    ),
    rep_method_top_one=(
        "The component comes with the measured and the next level from the questionnaire"
        "{weakest}, and its advice."
    ),
    rep_method_top_weakest=" and the weakest statements",
    rep_method_weakest=(
        "The weakest statements are those with the lowest mean score, as a percentage of the "
        "most points ({top}) per statement."
    ),
    rep_method_privacy=(
        "Names and e-mail addresses are not in this report. An organisation with fewer than "
        "{min_group} respondents gets a report only on request, and then without lowest and "
        "highest scores, standard deviation, shares below own ambition, counts per answer, "
        "scores per statement (so no weakest statements) and agreement."
    ),
    rep_small_left_out=(
        "{name}: {n} respondents, fewer than {min_group}: no report (--include-small-groups "
        "makes it anyway, without figures that point at persons)"
    ),
    rep_written="report written: {path}",
    rep_nothing_left=(
        "every organisation has fewer than {min_group} respondents: no report; give "
        "--include-small-groups or a lower --min-group"
    ),
    rep_invited_unreadable="{path}: cannot read the invited file: {problem}",
    rep_file_unnamed="organisation",
    rep_invited_not_utf8=(
        "{path}: byte 0x{byte} is not UTF-8; save the file as UTF-8 (in Excel: CSV UTF-8)"
    ),
    rep_invited_columns=(
        "{path}:{line}: expected two columns, the organisation and the number of employees invited"
    ),
    rep_invited_not_number="{path}:{line}: '{value}' is not a whole number of employees invited",
    rep_invited_below_one="{path}:{line}: the number invited must be at least 1",
    rep_invited_none="{path}: no organisation with a number invited found",
    rep_invited_too_few=(
        "{source}: {name} has {n} respondents but only {invited} invited; correct the number "
        "invited"
    ),
    rep_invited_one=(
        "--invited N counts one organisation: add --organisation NAME or give --invited-file CSV"
    ),
    rep_invited_both="--invited and --invited-file exclude each other; pass one of them",
    rep_split_dash=(
        "--split - is not possible: --split writes one file per organisation into a folder; "
        "give a folder, such as --split reports (or -o - for one report on standard output)"
    ),
    rep_template_folder="--template {path}: not a folder of templates",
    rep_template_missing="template {name} not found in --template folder or package",
    rep_template_error="{file}:{line}: template error: {problem}",
    rep_template_failed="the report template failed: {problem}",
    rep_output_extension="-o {path}: give a file ending in .html or .pdf",
    rep_output_needed="give either -o FILE.html|FILE.pdf or --split DIR",
    rep_overview_one_file="--overview writes one file: give -o overzicht.html|overzicht.pdf",
    rep_format_mismatch="--format {format} does not match -o {path}",
    rep_split_not_folder="--split {path}: exists and is not a folder",
    rep_split_not_created="--split {path}: cannot create: {problem}",
    # issue 9: hardening (saving that fails, limits at input)
    not_saved=(
        "Could not save to {file}: {problem}.\nYour answers so far are in {progress}. Free "
        "some space (or solve the problem) and continue with:\n  {command}"
    ),
    not_saved_nothing=(
        "Could not save to {file}: {problem}.\nNothing has been saved yet. Free some space "
        "(or solve the problem) and start again with:\n  {command}"
    ),
    text_too_long="This answer is too long: {count} characters, at most {limit}. Shorten it.",
    dropped_invalid=(
        "These saved answers do not fit the questionnaire. They are dropped and asked again:"
    ),
    not_in_questionnaire="is not (or no longer) in the questionnaire",
    stdin_closed=(
        "Standard input is closed, so no answer can be read. Run krmscan take at a terminal, "
        "or give the answers with < FILE."
    ),
    resume_needs_output="--resume and --restart need -o FILE: the answers file to continue",
    resume_restart_both="--resume and --restart exclude each other; pass one of them",
    kiosk_names_files="--kiosk names each answers file itself; leave out -o/--resume/--restart",
    kiosk_not_plain="--kiosk uses the arrow-key screens; leave out --plain",
    kiosk_no_folder="--kiosk {folder}: no such folder; create it first",
    kiosk_needs_terminal=("--kiosk needs a terminal: one respondent after another at its keyboard"),
    lock_failed="{lock}: cannot lock: {problem}",
    # issue 13: exports (columns, codebook), notes about files, overview, progress
    code_respondent="Respondent number",
    code_file="Answers file",
    code_organisation="Organisation",
    code_copies="Other files with the same content (counted once)",
    code_started="Started at (the respondent's own clock)",
    code_completed="Completed at (the respondent's own clock)",
    code_anonymous="Taken anonymously (without name and e-mail)",
    code_yes_no="1 = yes, 0 = no",
    code_weight="weight",
    code_score="score %",
    code_n="Respondents",
    code_small_group="Small group: results can identify people",
    code_withheld_reason="Why only the number of respondents is shown",
    code_component_id="Component (id)",
    code_min="Lowest %",
    code_max="Highest %",
    code_level_count="Respondents at level",
    code_ambition_median="Felt ambition (median)",
    code_ambition_mode="Felt ambition (most chosen)",
    code_ambition_pct="Ambition starts at % (lower edge of the median ambition's level)",
    col_to_ambition="To ambition (points)",
    code_behind="Behind the ambition (mean below 'ambition starts at')",
    code_statement_id="Statement (id)",
    code_statement="Statement",
    code_question_id="Question (id)",
    code_question="Question",
    code_option_id="Option (id)",
    code_other_text="Text typed for 'other'",
    code_column="Column",
    code_text="Question or statement",
    code_values="Codes",
    code_reason="Reason",
    codebook_sheet="codebook",
    ambition_starts=(
        "The ambition starts at {pct} % (lower edge of level {level}); red: the mean lies below it."
    ),
    note_skipped="skipped {file}: {reason}",
    note_other_version_skipped=(
        "skipped: {n} file(s) answered with another version of the questionnaire "
        "(version '{version}') do not fit it; {hint}. For example {file}: {reason}"
    ),
    hint_other_version="choose the questionnaire they were answered with with -q",
    hint_previous_questionnaire=(
        "give the questionnaire the previous round answered with --previous-questionnaire"
    ),
    note_duplicate="duplicate: {copy} has the same content as {file}; counted once",
    note_progress_files="note: {n} progress file(s) of unfinished scans (*.partial) left out",
    note_warning="warning: {warning}",
    note_more_warnings="warning: ... and {n} more files like these",
    note_collected="{respondents} from {files}",
    note_duplicates_counted=", {n} duplicate(s) counted once",
    note_skipped_count=", {n} skipped",
    note_small_group=(
        "warning: '{name}' has {n} respondent(s), fewer than --min-group {min_group}: its "
        "results can identify people"
    ),
    note_small_group_withheld=(
        "; the output shows only its number of respondents (--include-small-groups shows "
        "everything)"
    ),
    no_files_scored="no answers files could be scored; see the reasons above",
    organisation_unknown="no answers of organisation '{name}'; organisations found: {known}",
    overview_title=(
        "{n} organisations: one line each (mean score % per component, level overall); --detail"
        " shows every table, --organisation NAME one organisation"
    ),
    overview_benchmark_row="Benchmark (median)",
    overview_changes=(
        "+ / -: clearly higher / lower than in the previous scan ({n} of the {total} "
        "organisations compared)."
    ),
    overview_detail="--detail shows per organisation {parts}.",
    detail_benchmark="the benchmark (median, middle half, position)",
    detail_previous="the previous round",
    detail_segments="the segments",
    col_organisation="Organisation",
    col_n="n",
    progress_loading="Reading answers files",
    progress_aggregating="Summarising per organisation",
    progress_exporting="Writing",
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
        "The results are reported per organisation, never per person; for a small group the "
        "figures that point at persons are left out."
    ),
    welcome_personal="{questions}: optional, and never in a report.",
    welcome_anonymous="You take the scan anonymously: it does not ask your name or details.",
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
    col_level_short="Level",
    control_characters="The answer holds a control character; type plain text only.",
    preset_bad="--answer {id}={value}: {problem}",
    preset_unknown=(
        "--answer {id}=...: the questionnaire has no question or statement '{id}'; choose a "
        "question from {ids}, or a statement's id"
    ),
    preset_syntax="--answer {item}: write it as QUESTION_ID=VALUE",
    preset_no_group="--organisation: the questionnaire has no question marked 'group'",
    preset_no_option="no such option; choose from {options}",
    preset_other_needs_text="give the text of '{option}' after a colon, e.g. {option}:Your text",
    preset_text_without_other="only a chosen 'other' option takes a text (after the colon)",
    preset_fixed="(fixed)",
    review_next_page="Next page of the overview",
    review_previous_page="Previous page of the overview",
    review_changed="Question {n} changed: {answer}",
    unfinished_title="This folder holds a scan that is not finished. Continue it?",
    unfinished_title_many="This folder holds scans that are not finished. Which one to continue?",
    unfinished_scan="Continue the scan of {started} ({count} of {total} answered)",
    unfinished_new="No, start a new scan",
    kiosk_ended="The scan session has ended.",
    kiosk_unfinished_title=(
        "This computer holds a scan that is not finished. Continue it only if it is your own; "
        "the questions about yourself are then asked again."
    ),
    kiosk_saved_next=(
        "Thank you, you are done. Your answers stay on this computer for the consultant; you "
        "need not do anything with them. Enter clears them from the screen."
    ),
    kiosk_next="Enter = to the welcome screen for the next person",
    # answers-file reasons (issue 11): why an answers file is skipped or refused
    file_is_folder="{path}: is a folder; give {wanted}",
    file_missing="{path}: no such file; check the name and folder",
    file_no_permission=(
        "{path}: no permission to read it (or to enter its folder); ask its owner for read "
        "access or a copy"
    ),
    file_special="{path}: is {kind}, not a regular file; krmscan does not read it. Give {wanted}",
    file_too_large=(
        "{path}: the file is larger than {kib} KiB, far beyond any {kind}; check that this is "
        "{check}"
    ),
    file_unreadable="{path}: cannot read: {problem}",
    folder_no_permission=(
        "{path}: no permission to enter a folder on this path; ask its owner for access"
    ),
    folder_unreadable="cannot read this folder: {problem}",
    kind_folder="a folder",
    kind_device="a device",
    kind_pipe="a pipe (FIFO)",
    kind_socket="a socket",
    kind_special="a special file",
    kind_link="a symbolic link",
    own_file_special=(
        "{path}: is {kind}, not a file krmscan made; krmscan removes or replaces only its own "
        "files. Move it away, or choose another file with -o"
    ),
    name_too_long=(
        "{path}: the name is {length} bytes long; krmscan keeps the same name with {sibling} "
        "added beside it, and a name can be at most {limit} bytes here. Choose a name of at "
        "most {fits} bytes with -o"
    ),
    output_exists="{path}: exists; pass --force to overwrite it, or choose another -o",
    output_folder="{path}: is a folder; give a file name such as {example}",
    output_proc=(
        "{path}: leads into /proc (an open file of a process), not a regular file; "
        "give -o - for standard output"
    ),
    output_special=(
        "{path}: is {kind}, not a regular file; krmscan writes only regular files "
        "(give -o - for standard output)"
    ),
    output_is_input=(
        "{path}: is one of the inputs ({given}); writing it would destroy it, "
        "so choose another output file"
    ),
    output_no_permission=(
        "{path}: no permission to enter a folder on this path; choose another output"
    ),
    output_dangling_link="{path}: is a link to a missing file; give another name",
    output_no_folder="{path}: no such folder for the output file",
    output_unusable="{path}: cannot use this output: {problem}",
    output_not_written="{path}: cannot write: {problem}",
    binary_output="{option} writes a binary file: give it with -o {example} (or -o - into a pipe)",
    stdout_closed="standard output is closed: give a file with -o FILE, or run krmscan without >&-",
    os_no_space="the disk is full",
    os_no_permission="no permission",
    os_read_only="the disk is read-only",
    os_name_too_long="the file name is too long",
    os_is_folder="it is a folder",
    os_missing="no such folder or file",
    os_not_folder="a part of the path is not a folder",
    os_io_error="a disk (input/output) error",
    os_too_large="the file would grow larger than the system allows",
    answers_wanted="an answers .json file",
    answers_kind="answers file",
    answers_check="the file krmscan wrote",
    progress_wanted="the progress file (.json.partial) krmscan take wrote",
    progress_kind="progress file",
    progress_check="the progress file krmscan take wrote",
    no_answers_files="this folder holds no answers files (*.json, searched in subfolders too)",
    progress_file_skipped="is the progress file of an unfinished scan",
    at_place="line {line}, column {column}: {problem}",
    file_empty="{path}: the file is empty; it is not a krmscan answers file",
    duplicate_key=(
        "the key {key} appears twice in one object; keep one of them (krmscan never writes a "
        "key twice)"
    ),
    not_utf8=(
        "{where}: byte 0x{byte} is not UTF-8; this is not an answers file as krmscan writes "
        "them (save it as UTF-8)"
    ),
    too_deep="{where}: nested too deeply; this is not a krmscan answers file",
    not_json="{where}: not valid JSON ({reason}); is the file complete?",
    not_json_where="{where}: not valid JSON; is the file complete?",
    json_ends_early="the file ends in the middle of the JSON",
    json_trailing_comma="a comma before a closing bracket",
    json_trailing_text="text after the end of the JSON",
    json_expected_value="a value belongs here: text in quotes, a number, true, false or null",
    json_expected="{signs} belongs here",
    json_or=" or ",
    json_key_text="a name must be text in quotes",
    json_control="a control character in a text",
    not_object="{path}: expected a JSON object with the answers, found {kind}",
    format_missing='missing; this is not a krmscan answers file (no "{field}")',
    format_wrong="is not {format}; this is not a krmscan answers file",
    progress_format_missing='missing; this is not a progress file of krmscan take (no "{field}")',
    progress_format_wrong="is not {format}; this is not a progress file of krmscan take",
    version_newer=(
        "{found} is newer than this krmscan reads (version {version}); update krmscan to read "
        "this file"
    ),
    version_unknown="{found} is not a version krmscan knows (it reads {version})",
    not_an_answer=(
        "{shown} is not an answer; expected a text, an option id, a list of option ids, or "
        '{{"id": ..., "text": ...}} for an "other" option'
    ),
    field_missing="field required; the file is incomplete",
    field_unknown="unknown field; remove it (krmscan does not write it)",
    field_sha256="expected the 64 hexadecimal characters of a sha256",
    field_datetime=(
        "{shown} is not a date and time with its UTC offset, such as 2026-11-27T10:02:11+01:00"
    ),
    field_text="expected a text, found {kind}",
    field_object="expected a JSON object, found {kind}",
    field_bool="expected true or false, found {kind}",
    field_integer="expected a whole number, found {kind}",
    field_value="{shown} is not a valid value here; krmscan writes something else here",
    value_object="an object",
    value_list="a list",
    value_text="a text",
    value_bool="true/false",
    value_number="a number",
    other_questionnaire=(
        "{path}: questionnaire.id: answers a questionnaire with id '{found}', not '{expected}' "
        "({questionnaire}); use -q to pick the questionnaire it answers"
    ),
    other_version=(
        "{path}: answered with another version of the questionnaire (sha256 differs); every id "
        "still exists, so it is scored"
    ),
    unknown_answer_id=(
        "unknown question id; questionnaire '{questionnaire}' has no question or statement "
        "with this id"
    ),
    unknown_item="unknown question id {id}",
    missing_answer="missing answer to '{question}'",
    missing_statement="missing answer to statement '{statement}'",
    off_scale="{shown} is not on the scale; use one of {ids}",
    not_option="{shown} is not an option; use one of {ids}",
    expects_one="expects one option id, not a list",
    expects_list="expects a list of option ids",
    chosen_twice="option {option} is chosen twice; keep it once",
    too_few_chosen="{count} option(s) chosen; choose at least {minimum}",
    too_many_chosen=(
        "{count} options chosen{listed}; the question allows at most {most}, so remove {remove}"
    ),
    unknown_option="unknown option id {shown}; use one of {ids}",
    other_needs_text=(
        'option {option} is an "other" option and needs its text: {{"id": "{id}", "text": "..."}}'
    ),
    takes_no_text="option {option} takes no text; store its id only",
    other_text_empty="the text of option {option} is empty; fill it in or remove the option",
    expects_text="expects a text, not {shown}",
    file_text_too_long="the text has {count} characters, more than the {limit} krmscan takes",
    text_empty="is empty; '{question}' needs an answer",
    file_invalid_email="{shown} is not a valid e-mail address; correct it{empty}",
    or_leave_empty=", or leave it empty",
    withheld_list="a list (not shown: personal data)",
    withheld_object="an object (not shown: personal data)",
    withheld_answer="the answer (not shown: personal data)",
)

CATALOGUE: dict[str, Messages] = {"nl": DUTCH, "en": ENGLISH}


def messages_for(language: str) -> Messages:
    """The catalogue of a questionnaire language (validated to exist when the file loads)."""
    return CATALOGUE[language]
