"""The report's documents: the templates filled in, as HTML, or printed to PDF by WeasyPrint.

The templates (``templates/`` in the package, or a folder of one's own given with
``--template DIR``, whose files take precedence) are Jinja2 with autoescape on. Every value a
template prints passes `krmscan.text.printable` first (the Environment's ``finalize``), so a
control character from an answers file or questionnaire is shown, never obeyed.
"""

from __future__ import annotations

import re
import sys
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from krmscan.aggregate import SHARED_VIEW, Kind, Results, organisation_key
from krmscan.collect import Collected
from krmscan.errors import BadDataError, UsageError
from krmscan.files import os_problem
from krmscan.messages import Messages, messages_for
from krmscan.numbers import judged, number, score, signed, to_go
from krmscan.questionnaire import Questionnaire
from krmscan.report import charts
from krmscan.report.content import (
    TOP_FINDINGS,
    Compared,
    OrganisationReport,
    check_invited,
    compared,
    file_name,
    organisation_reports,
    overview_rows,
    read_invited,
)
from krmscan.text import printable

STDOUT = Path("-")
"""``-o -``: the report goes to standard output."""

if TYPE_CHECKING:
    import jinja2

    from krmscan.compare import Benchmark, Change, Comparisons, Quality

TEMPLATE = "report.html.j2"
OVERVIEW = "overview.html.j2"


@dataclass(frozen=True)
class Document:
    """One file to write: a file name stem and the organisations it holds."""

    stem: str
    organisations: list[OrganisationReport]
    whole_run: bool
    """Holds every organisation of the run: the files skipped may be named."""


def documents(
    reports: list[OrganisationReport], *, split: bool, whole_run: bool, unnamed: str
) -> list[Document]:
    """One document with every organisation, or one per organisation with unique stems.

    ``unnamed`` is the stem of an organisation whose name leaves nothing for a file name.
    """
    if not split:
        return [Document("", reports, whole_run)]
    found: list[Document] = []
    used: set[str] = set()
    for report in reports:
        stem = base = file_stem(report.summary.name) or unnamed
        number = 1
        while stem.casefold() in used:
            number += 1
            stem = f"{base}-{number}"
        used.add(stem.casefold())
        found.append(Document(stem, [report], whole_run=False))
    return found


def file_stem(name: str) -> str:
    """An organisation name as a file name: separators, wildcards and controls replaced.

    Empty when nothing is left (a name like ``..``).
    """
    kept = re.sub(r'[\\/:*?"<>|\x00-\x1f\x7f]+', "_", " ".join(name.split()))
    return kept.strip(" ._")[:80]


def environment(template_dir: Path | None, m: Messages) -> jinja2.Environment:
    """The Jinja2 environment: autoescape on, every printed value made `printable`."""
    import jinja2

    shipped = jinja2.PackageLoader("krmscan.report", "templates")
    # the shipped templates also as "krmscan/NAME", for an own template that extends one
    loaders: list[jinja2.BaseLoader] = [shipped, jinja2.PrefixLoader({"krmscan": shipped})]
    if template_dir is not None:
        if not template_dir.is_dir():
            raise UsageError(m.rep_template_folder.format(path=template_dir))
        loaders.insert(0, jinja2.FileSystemLoader(template_dir))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["unbroken"] = unbroken
    return env


def unbroken(text: str) -> str:
    """``text`` with its percent signs kept to their numbers (``25 %``, ``95 %-interval``)."""
    return text.replace(" %", "\u00a0%").replace("%-", "%\u2011")


def _finalize(value: object) -> object:
    from markupsafe import Markup

    if isinstance(value, Markup):  # built here from escaped parts (the charts)
        return value
    if isinstance(value, str):
        return _PERCENT.sub("\u00a0%", printable(value, pictures=False))
    return value


_PERCENT = re.compile(r"(?<=\d) %")
"""A number and its percent sign: one space, never a line break between them."""


class Renderer:
    """Fills the template for documents of one run; charts drawn once per organisation."""

    def __init__(
        self,
        results: Results,
        collected: Collected,
        *,
        template_dir: Path | None = None,
        today: date | None = None,
        other_texts: bool = False,
    ) -> None:
        self.results = results
        self.other_texts = other_texts
        """Show what respondents typed for an "other" option (only when asked: own words)."""
        self.questionnaire = results.questionnaire
        self.messages = messages_for(self.questionnaire.language)
        self.collected = collected
        self.today = today or date.today()
        self.env = environment(template_dir, self.messages)
        try:
            self.template = self.env.get_template(TEMPLATE)
        except Exception as error:
            raise _template_error(error, self.messages) from None
        self.compared: dict[str, Compared] | None = None
        self.benchmark: Benchmark | None = None
        self.quality: list[Quality] = []
        self.segments_by: str | None = None

    def compare(self, figures: Sequence[Comparisons], quality: list[Quality]) -> None:
        """Show these comparisons (one per organisation of the results) and the quality."""
        self.compared = {
            organisation_key(summary.name): compared(found, self.messages)
            for (summary, _), found in zip(self.results.organisations, figures, strict=True)
        }
        self.benchmark = figures[0].benchmark if figures else None
        self.quality = quality
        segments = next((f.segments for f in figures if f.segments is not None), None)
        self.segments_by = None if segments is None else segments.text

    def compared_of(self, report: OrganisationReport) -> Compared | None:
        """An organisation's comparisons; None when the run compares nothing."""
        if self.compared is None:
            return None
        return self.compared.get(organisation_key(report.summary.name))

    def html(self, document: Document, charts_of: Callable[[OrganisationReport], Any]) -> str:
        """One document as HTML."""
        m = self.messages
        q = self.questionnaire
        try:
            page = self.template.render(
                q=q,
                m=m,
                doc=document,
                organisations=[(r, charts_of(r)) for r in document.organisations],
                single=len(document.organisations) == 1,
                made=self.today.isoformat(),
                min_group=self.results.min_group,
                other_texts=self.other_texts,
                threshold=number(SHARED_VIEW, m, 2),
                Kind=Kind,
                num=lambda value, decimals=1: number(value, m, decimals),
                **_judged(q, m),
                pct=lambda value: percentage(value, m),
                first_sentence=first_sentence,
                left_out=self.left_out(document),
                skipped=[file_name(s.file, self.collected.given) for s in self.collected.skipped]
                if document.whole_run
                else [],
                scale_colours=charts.scale_colours(len(q.scale)),
                dark=charts.dark,
                level_shades=charts.shades(len(q.bands)),
                top_weight=max(point.weight for point in q.scale),
                radar=len(q.components) >= charts.RADAR_FROM,
                method=method(
                    q,
                    m,
                    self.results.min_group,
                    withheld=all(r.withheld for r in document.organisations),
                ),
                compared_of=self.compared_of,
                comparing=self.compared is not None,
                comparison_method=self.comparison_method(),
                signed=lambda value: _signed(value, m),
                verdict=lambda change: _verdict(change, m),
                level_colours=level_colours(len(q.bands)),
            )
        except Exception as error:  # any fault of a template is the user's file
            raise _template_error(error, self.messages) from None
        return _INDENT.sub("\n", page)  # the templates' indentation: 5 % of a sector's file

    def left_out(self, document: Document) -> int:
        """How many organisations (too small) a whole run's document leaves out; not named."""
        if not document.whole_run:
            return 0
        return len(self.results.summaries) - len(document.organisations)

    def comparison_method(self) -> list[str]:
        """The method section's paragraphs on the comparisons; none when nothing is compared."""
        if self.compared is None or self.benchmark is None:
            return []
        from krmscan.compare import ALPHA_FLAG, MIN_ORGANISATIONS, benchmark_reason

        m = self.messages
        found = self.benchmark
        texts = [
            m.rep_method_benchmark.format(
                count=found.organisations, min_group=found.min_group, needed=MIN_ORGANISATIONS
            )
            if found.available
            else m.rep_method_no_benchmark.format(
                reason=benchmark_reason(found, m),
                min_group=found.min_group,
                needed=MIN_ORGANISATIONS,
            )
        ]
        if any(c.previous is not None for c in self.compared.values()):
            texts.append(m.rep_method_previous)
        if self.segments_by is not None:
            texts.append(
                m.rep_method_segments.format(
                    question=self.segments_by, min_group=self.results.min_group
                )
            )
        if self.quality:
            threshold = number(ALPHA_FLAG, m, 1)
            n = self.quality[0].n  # every component over the same respondents
            texts.append(m.rep_method_quality.format(n=n, threshold=threshold))
            flagged = [
                f"{q.name} ({judged(q.alpha, (ALPHA_FLAG,), m, 2)})"
                for q in self.quality
                if q.flagged and q.alpha is not None
            ]
            if flagged:
                texts.append(
                    m.rep_method_quality_flagged.format(
                        threshold=threshold, items=", ".join(flagged)
                    )
                )
        return texts

    def _no_benchmark(self) -> str:
        from krmscan.compare import benchmark_reason

        found = self.benchmark
        return "" if found is None or found.available else benchmark_reason(found, self.messages)

    def overview_html(self, invited: dict[str, int] | None) -> str:
        """The consultant's overview: every organisation x component, the benchmark, quality."""
        m = self.messages
        q = self.questionnaire
        try:
            template = self.env.get_template(OVERVIEW)
            page = template.render(
                q=q,
                m=m,
                rows=overview_rows(self.results, invited),
                benchmark=self.benchmark,
                quality=self.quality,
                min_group=self.results.min_group,
                made=self.today.isoformat(),
                num=lambda value, decimals=1: number(value, m, decimals),
                **_judged(q, m),
                pct=lambda value: percentage(value, m),
                level_colours=level_colours(len(q.bands)),
                level_of=lambda pct: _level_of(q, pct),
                alpha_flag=_alpha_flag(),
                no_benchmark=self._no_benchmark(),
            )
        except Exception as error:  # any fault of a template is the user's file
            raise _template_error(error, self.messages) from None
        return _INDENT.sub("\n", page)


_INDENT = re.compile(r"\n[ \t]+")


def level_colours(count: int) -> list[str]:
    """A light colour per level, red (lowest) through yellow to green (highest)."""
    return charts.gradient(["#f2c4bd", "#f7e7a6", "#bfe0c2"], count)


def _level_of(questionnaire: Questionnaire, pct: float) -> int:
    from fractions import Fraction

    from krmscan.scoring import level_for

    return level_for(questionnaire.bands, Fraction(pct))


def _judged(questionnaire: Questionnaire, messages: Messages) -> dict[str, Callable[[float], str]]:
    """The templates' numbers shown next to a judgement, never rounded across its edge."""
    from krmscan.compare import ALPHA_FLAG

    return {
        "score": lambda value: score(value, questionnaire.bands, messages),
        "to_go": lambda value: to_go(value, messages),
        "rwg": lambda value: judged(value, (SHARED_VIEW,), messages, 2),
        "alpha": lambda value: judged(value, (ALPHA_FLAG,), messages, 2),
    }


def _verdict(change: Change, messages: Messages) -> str:
    from krmscan.compare import verdict

    return verdict(change, messages)


def _alpha_flag() -> float:
    from krmscan.compare import ALPHA_FLAG

    return ALPHA_FLAG


def _signed(value: float, messages: Messages) -> str:
    """A change with its sign: +4,2 or -1,0 (a typographic minus)."""
    return signed(value, messages).replace("-", "\u2212")


def chart_maker(renderer: Renderer) -> Callable[[OrganisationReport], dict[str, str]]:
    """Draws each organisation's radar and bars once, on figures built once per run."""
    from markupsafe import Markup

    svg = charts.Svg()
    m = renderer.messages
    q = renderer.questionnaire
    names = [c.name for c in q.components]
    radar: list[charts.Radar] = []
    bars: dict[bool, charts.Bars] = {}
    band = None
    found = renderer.benchmark
    if found is not None and found.available:
        band = charts.Band(
            (
                [float(c.q1) for c in found.components],
                [float(c.median) for c in found.components],
                [float(c.q3) for c in found.components],
            ),
            (m.rep_legend_benchmark, m.rep_legend_median),
        )
    compared_any = renderer.compared or {}
    previous = any(c.previous is not None for c in compared_any.values())

    def make(report: OrganisationReport) -> dict[str, str]:
        import matplotlib

        components = report.summary.components
        flags = [
            "" if report.withheld or c.shared_view is not False else m.chart_flag
            for c in components
        ]
        seen = renderer.compared_of(report)
        earlier = None
        if seen is not None:
            changes = seen.changes
            earlier = [
                changes[c.id].earlier.mean_pct if c.id in changes else None for c in components
            ]
        drawn: dict[str, str] = {}
        with matplotlib.rc_context(charts.STYLE), warnings.catch_warnings():
            # A label may hold a character the font lacks (a control character, a rare script):
            # the SVG keeps it as text, and matplotlib's warning would echo it raw on stderr.
            warnings.filterwarnings("ignore", "Glyph .* missing from font", UserWarning)
            if len(components) >= charts.RADAR_FROM:
                if not radar:
                    radar.append(
                        charts.Radar(
                            q,
                            names,
                            (m.rep_legend_score, m.rep_legend_ambition),
                            benchmark=band,
                            previous=m.rep_legend_previous if previous else None,
                        )
                    )
                figure = radar[0].update(components, earlier)
                drawn["radar"] = Markup(svg(figure, m.rep_radar_heading))
            if report.withheld not in bars:
                bars[report.withheld] = charts.Bars(
                    q,
                    names,
                    withheld=report.withheld,
                    axis=m.axis_score,
                    benchmark=band if len(components) < charts.RADAR_FROM else None,
                )
            figure = bars[report.withheld].update(components, flags)
            heading = m.rep_bars_heading_small if report.withheld else m.rep_bars_heading
            drawn["bars"] = Markup(svg(figure, heading))
        return drawn

    return make


@dataclass(frozen=True)
class Method:
    """The method section's words, from the questionnaire's own scale, sizes and bands."""

    before: list[str]
    bands: list[str]
    after: list[str]


def method(
    questionnaire: Questionnaire, m: Messages, min_group: int, *, withheld: bool = False
) -> Method:
    """How scores, levels, the ambition, agreement and the ranking are computed.

    ``withheld``: every organisation of the document a small group, without weakest statements.
    """
    from krmscan.render import joined

    top = max(point.weight for point in questionnaire.scale)
    scale = joined(
        [m.rep_method_point.format(label=p.label, weight=p.weight) for p in questionnaire.scale],
        m,
    )
    sizes = "; ".join(
        (m.rep_method_size_one if len(c.statements) == 1 else m.rep_method_size).format(
            name=c.name, statements=len(c.statements), points=top * len(c.statements)
        )
        for c in questionnaire.components
    )
    count = len(questionnaire.components)
    total = m.rep_method_total_one if count == 1 else m.rep_method_total.format(n=count)
    position = m.rep_method_position
    weakest = "" if withheld else m.rep_method_top_weakest
    top_words = (
        m.rep_method_top_one.format(weakest=weakest)
        if count == 1
        else m.rep_method_top.format(top=min(TOP_FINDINGS, count), weakest=weakest)
    )
    if count >= charts.RADAR_FROM:
        position += " " + m.rep_method_radar
    return Method(
        before=[
            m.rep_method_scale.format(scale=scale),
            m.rep_method_sizes.format(sizes=sizes) + " " + total,
            m.guide_bands,
        ],
        bands=[
            m.guide_band.format(
                level=band.level,
                name=questionnaire.level(band.level).name,
                low=number(band.from_pct, m, 0),
                high=number(band.to_pct, m, 0),
            )
            for band in questionnaire.bands
        ],
        after=[
            position,
            m.rep_method_agreement.format(
                points=len(questionnaire.scale),
                threshold=number(SHARED_VIEW, m, 2),
                min_group=min_group,
            ),
            f"{m.rep_method_ranking} {top_words}",
            *([] if withheld else [m.rep_method_weakest.format(top=top)]),
            m.rep_method_privacy.format(min_group=min_group),
        ],
    )


def percentage(value: float, messages: Messages) -> str:
    """A percentage as the report writes every one: whole, a space, the sign (``40 %``)."""
    return f"{number(value, messages, 0)} %"


def first_sentence(text: str) -> str:
    """The first sentence of a description (up to the first '. ', '! ' or '? ')."""
    match = re.search(r"[.!?](\s|$)", text)
    return text if match is None else text[: match.start() + 1]


def _template_error(error: Exception, m: Messages) -> KrmscanErrorLike:
    import jinja2

    if isinstance(error, jinja2.TemplateSyntaxError):
        return BadDataError(
            m.rep_template_error.format(
                file=error.filename or error.name, line=error.lineno, problem=error.message
            )
        )
    if isinstance(error, jinja2.TemplateNotFound):
        return UsageError(m.rep_template_missing.format(name=error.name))
    return BadDataError(m.rep_template_failed.format(problem=f"{type(error).__name__}: {error}"))


KrmscanErrorLike = BadDataError | UsageError


def pdf(html: str, base: Path) -> bytes:
    """The HTML printed by WeasyPrint (CSS paged media: its @page rules, no browser header)."""
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    document = HTML(string=html, base_url=str(base))
    data = document.write_pdf()
    assert data is not None  # no target given: the bytes are returned
    return bytes(data)


class Format(str, Enum):
    """The report's file formats."""

    html = "html"
    pdf = "pdf"


def format_of(path: Path, m: Messages, given: Format | None = None) -> Format:
    """The format an output file's extension asks for; `UsageError` for another one.

    ``-o -`` (standard output) has no extension: ``--format`` says, HTML by default.
    """
    if path == STDOUT:
        return given or Format.html
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return Format.html
    if suffix == ".pdf":
        return Format.pdf
    raise UsageError(m.rep_output_extension.format(path=path))


@dataclass(frozen=True)
class Job:
    """The files one `krmscan report` run writes."""

    renderer: Renderer
    documents: list[Document]
    targets: list[Path]
    file_format: Format
    folder: Path | None
    """The --split folder, created when missing."""
    overview: bool = False
    """The consultant's overview, not the boards' reports."""
    invited: dict[str, int] | None = None
    """Employees invited per organisation, for the overview."""


def plan(
    results: Results,
    collected: Collected,
    *,
    output: Path | None,
    split: Path | None,
    file_format: Format | None,
    include_small: bool,
    invited: dict[str, int] | None,
    invited_source: str,
    template_dir: Path | None,
    whole_run: bool,
    overview: bool = False,
    other_texts: bool = False,
) -> Job:
    """What to write where; raises `UsageError` or `BadDataError` before anything is drawn."""
    m = messages_for(results.questionnaire.language)
    if overview and (split is not None or output is None):
        raise UsageError(m.rep_overview_one_file)
    if (output is None) == (split is None):
        raise UsageError(m.rep_output_needed)
    chosen = (
        format_of(output, m, file_format) if output is not None else (file_format or Format.pdf)
    )
    if output is not None and file_format is not None and file_format is not chosen:
        raise UsageError(m.rep_format_mismatch.format(format=file_format.value, path=output))
    if overview:
        assert output is not None
        everyone = organisation_reports(
            results, include_small=True, invited=invited, given=collected.given
        )
        check_invited(everyone, invited_source, m)
        renderer = Renderer(results, collected, template_dir=template_dir)
        return Job(renderer, [], [output], chosen, None, overview=True, invited=invited)
    reports = organisation_reports(
        results, include_small=include_small, invited=invited, given=collected.given
    )
    if not reports:
        raise BadDataError(m.rep_nothing_left.format(min_group=results.min_group))
    check_invited(reports, invited_source, m)
    renderer = Renderer(results, collected, template_dir=template_dir, other_texts=other_texts)
    docs = documents(
        reports, split=split is not None, whole_run=whole_run, unnamed=m.rep_file_unnamed
    )
    if split is not None:
        if split.exists() and not split.is_dir():
            raise UsageError(m.rep_split_not_folder.format(path=split))
        targets = [split / f"{doc.stem}.{chosen.value}" for doc in docs]
    else:
        assert output is not None
        targets = [output]
    return Job(renderer, docs, targets, chosen, split)


def run(job: Job, advance: Callable[[], None] = lambda: None) -> None:
    """Render and write every file of ``job`` (atomically, mode 0600), calling ``advance``."""
    from krmscan.export import write

    if job.folder is not None:
        try:
            job.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            problem = os_problem(error, job.renderer.messages)
            message = job.renderer.messages.rep_split_not_created
            raise BadDataError(message.format(path=job.folder, problem=problem)) from None
    make = chart_maker(job.renderer)
    pages = (
        [job.renderer.overview_html(job.invited)]
        if job.overview
        else (job.renderer.html(doc, make) for doc in job.documents)
    )
    for page, target in zip(pages, job.targets, strict=True):
        # Every text from the data, in the page and in its charts, with its controls made visible.
        text = printable(page, lines=True, pictures=False)
        data = pdf(text, target.parent) if job.file_format is Format.pdf else text.encode()
        if target == STDOUT:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            write(target, data, job.renderer.messages)
        advance()


@dataclass(frozen=True)
class Choices:
    """What the report command was asked for."""

    output: Path | None
    split: Path | None
    file_format: Format | None
    organisation: str | None
    min_group: int
    include_small: bool
    invited: int | None
    invited_file: Path | None
    template_dir: Path | None
    overview: bool = False
    other_texts: bool = False
    """Show the texts typed for an "other" option."""


def prepare(
    results: Results,
    collection: Collected,
    choices: Choices,
    *,
    note: Callable[[str], object],
) -> Job:
    """Plan the files of the loaded ``results``; tell ``note`` which organisations are left out."""
    messages = messages_for(results.questionnaire.language)
    counts = None
    if choices.invited_file is not None:
        counts = read_invited(choices.invited_file, messages)
    elif choices.invited is not None:
        if len(results.summaries) != 1:
            raise UsageError(messages.rep_invited_one)
        counts = {results.summaries[0].name: choices.invited}
    for summary in results.summaries:
        if summary.small and not choices.include_small and not choices.overview:
            note(
                messages.rep_small_left_out.format(
                    name=printable(summary.name), n=summary.n, min_group=choices.min_group
                )
            )
    return plan(
        results,
        collection,
        output=choices.output,
        split=choices.split,
        file_format=choices.file_format,
        include_small=choices.include_small,
        invited=counts,
        invited_source=str(choices.invited_file or "--invited"),
        template_dir=choices.template_dir,
        whole_run=choices.organisation is None and choices.split is None,
        overview=choices.overview,
        other_texts=choices.other_texts,
    )
