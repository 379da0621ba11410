"""The organisation report: one self-contained HTML file with its charts inline.

A section per organisation: a summary in words, a radar chart of the measured level against
the felt ambition, the score per component with its spread and agreement, the priorities and
the answers to the multiple-choice questions; then a reading guide. Charts come from matplotlib
as inline SVG (text drawn as paths, so they look the same on every machine); nothing is loaded
from the network. A print stylesheet lays it out on A4 without cutting a chart.
"""

from __future__ import annotations

import html as markup
import io
import re
import textwrap
import warnings
from datetime import date
from typing import TYPE_CHECKING, cast

from krmscan.aggregate import SHARED_VIEW, ComponentSummary, OrganisationSummary, Results
from krmscan.collect import Collected
from krmscan.messages import Messages, messages_for
from krmscan.questionnaire import Questionnaire
from krmscan.render import joined, level_number, slashed
from krmscan.text import printable

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.projections.polar import PolarAxes

MEASURED = "#1f5fa8"
AMBITION = "#c8611b"
FLAG = "#b3261e"
BAND_SHADES = ("#f4f4f4", "#e6e6e6", "#d8d8d8", "#cacaca")


def html(results: Results, collected: Collected, *, today: date | None = None) -> str:
    """The whole report as one HTML document."""
    questionnaire = results.questionnaire
    messages = messages_for(questionnaire.language)
    charts = _Charts(messages)
    files = len(collected.respondents) + sum(len(r.copies) for r in collected.respondents)
    made = messages.report_made.format(
        date=(today or date.today()).isoformat(),
        n=sum(summary.n for summary in results.summaries),
        files=files,
    )
    contents = "".join(
        f'<li><a href="#org-{index}">{_e(summary.name)}</a> ({summary.n})</li>'
        for index, summary in enumerate(results.summaries, start=1)
    )
    import matplotlib

    with (
        matplotlib.rc_context(
            {
                "text.parse_math": False,  # a "$" in a label is a dollar, not mathematics
                "svg.fonttype": "path",  # text drawn as shapes: the same on every machine
                "font.family": "DejaVu Sans",  # shipped with matplotlib
            }
        ),
        warnings.catch_warnings(),
    ):
        # A label may hold a character the font lacks (a control character, a rare script):
        # it is drawn as a box, and matplotlib's warning would echo it raw on stderr.
        warnings.filterwarnings("ignore", "Glyph .* missing from font", UserWarning)
        sections = "".join(
            _organisation(
                questionnaire,
                summary,
                index=index,
                messages=messages,
                charts=charts,
                min_group=results.min_group,
            )
            for index, summary in enumerate(results.summaries, start=1)
        )
    # Every text from the data, in the page and in its charts, with its controls made visible.
    return printable(
        f"""<!DOCTYPE html>
<html lang="{_e(questionnaire.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(messages.report_title)}</title>
<style>{STYLE}</style>
</head>
<body>
<header>
<h1>{_e(messages.report_title)}</h1>
<p>{_e(made)}</p>
<p class="privacy">{_e(messages.report_privacy)}</p>
<nav><h2>{_e(messages.report_contents)}</h2><ol>{contents}
<li><a href="#guide">{_e(messages.guide_heading)}</a></li></ol></nav>
</header>
<main>
{sections}
{_guide(questionnaire, messages, results.min_group)}
</main>
</body>
</html>
""",
        lines=True,
    )


def _e(text: object) -> str:
    return markup.escape(str(text), quote=True)


def number(value: float, messages: Messages, decimals: int = 1) -> str:
    """A number with the catalogue's decimal mark."""
    return f"{value:.{decimals}f}".replace(".", messages.decimal_mark)


def summary_sentences(
    questionnaire: Questionnaire, summary: OrganisationSummary, messages: Messages
) -> list[str]:
    """The organisation's results in a few sentences."""
    overall = summary.overall
    sentences = [
        messages.summary_respondents.format(n=summary.n, name=summary.name),
        messages.summary_level.format(
            pct=number(overall.mean_pct, messages),
            level=overall.level,
            level_name=overall.level_name,
        ),
        messages.summary_ambition.format(
            level=level_number(summary.ambition.median).replace(".", messages.decimal_mark),
            level_name=_level_words(questionnaire, summary.ambition.median, messages),
        ),
    ]
    ambition = summary.ambition
    sentences.append(
        messages.ambition_line.format(
            median=level_number(ambition.median).replace(".", messages.decimal_mark),
            mode=joined([str(level) for level in ambition.mode], messages),
            levels=slashed(ambition.distribution),
            distribution=slashed(ambition.distribution.values()),
        )
    )
    behind = sorted(
        (c for c in summary.components if c.ambition_gap < 0), key=lambda c: c.ambition_gap
    )
    if behind:
        names = [f"{c.name} ({_signed(c.ambition_gap, messages)})" for c in behind]
        sentences.append(messages.summary_behind.format(components=joined(names, messages)))
    else:
        sentences.append(messages.summary_not_behind)
    if summary.n < 2:
        sentences.append(messages.summary_single)
    else:
        apart = [c.name for c in summary.components if c.shared_view is False]
        sentences.append(
            messages.summary_no_shared_view.format(components=joined(apart, messages))
            if apart
            else messages.summary_shared_view
        )
    sentences.append(messages.summary_priorities)
    return sentences


def _level_words(questionnaire: Questionnaire, median: float, messages: Messages) -> str:
    if float(median).is_integer():
        return questionnaire.level(int(median)).name
    return messages.summary_between.format(
        low=questionnaire.level(int(median)).name, high=questionnaire.level(int(median) + 1).name
    )


def _signed(value: float, messages: Messages) -> str:
    decimals = 0 if float(value).is_integer() else 1
    return ("+" if value > 0 else "") + number(value, messages, decimals)


def _organisation(
    questionnaire: Questionnaire,
    summary: OrganisationSummary,
    *,
    index: int,
    messages: Messages,
    charts: _Charts,
    min_group: int,
) -> str:
    warning = (
        f'<p class="warning">{_e(messages.small_group.format(min_group=min_group))}</p>'
        if summary.small
        else ""
    )
    sentences = "".join(
        f"<li>{_e(s)}</li>" for s in summary_sentences(questionnaire, summary, messages)
    )
    count = messages.respondents_count.format(n=summary.n)
    frequencies = "".join(
        _figure(
            charts.frequency(
                [o.text for o in f.options],
                [o.share for o in f.options],
                [o.count for o in f.options],
                f.text,
            ),
            f.text,
            "frequency",
        )
        + _other_texts(f.other_option, f.other_counts(), messages)
        for f in summary.frequencies
    )
    return f"""<section class="organisation" id="org-{index}">
<h2>{_e(summary.name)} <span class="n">({_e(count)})</span></h2>
{warning}
<div class="keep">
<h3>{_e(messages.summary_heading)}</h3>
<ul class="summary">{sentences}</ul>
</div>
{_figure(charts.radar(summary), messages.radar_heading, "radar")}
{_figure(charts.bars(questionnaire, summary), messages.bars_heading, "bars", messages.bars_caption)}
{_component_table(summary, messages)}
<div class="keep">
<h3>{_e(messages.priorities_title)}</h3>
{_priorities(summary)}
</div>
<h3>{_e(messages.frequencies_title)}</h3>
{frequencies}
</section>
"""


def _figure(svg: str, title: str, kind: str, caption: str | None = None) -> str:
    detail = f"<p>{_e(caption)}</p>" if caption else ""
    return (
        f'<figure class="chart {kind}"><figcaption><strong>{_e(title)}</strong>{detail}'
        f"</figcaption>{svg}</figure>"
    )


def _other_texts(option: str | None, texts: list[tuple[str, int]], messages: Messages) -> str:
    if not texts or option is None:
        return ""
    items = "".join(
        f"<li>{_e(text)}{f' ({count})' if count > 1 else ''}</li>" for text, count in texts
    )
    return (
        f'<div class="other"><p>{_e(messages.other_texts.format(option=option))}</p>'
        f"<ul>{items}</ul></div>"
    )


def _component_table(summary: OrganisationSummary, messages: Messages) -> str:
    rows = "".join(_component_row(c, messages) for c in summary.components)
    headings = (
        messages.col_component,
        messages.col_mean,
        messages.col_sd,
        messages.col_level_of_mean,
        messages.col_ambition_gap,
        messages.col_below,
        messages.col_rwg,
    )
    head = "".join(f"<th>{_e(h)}</th>" for h in headings)
    return f'<table class="components"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def _component_row(c: ComponentSummary, messages: Messages) -> str:
    if c.rwg is None:
        agreement = _e(messages.too_few_for_rwg)
    elif c.shared_view:
        agreement = _e(number(c.rwg, messages, 2))
    else:
        agreement = (
            f'{_e(number(c.rwg, messages, 2))} <span class="flag">'
            f"{_e(messages.no_shared_view)}</span>"
        )
    sd = "-" if c.sd_pct is None else number(c.sd_pct, messages)
    cells = (
        _e(c.name),
        _e(number(c.mean_pct, messages)),
        _e(sd),
        _e(f"{c.level}. {c.level_name}"),
        _e(_signed(c.ambition_gap, messages)),
        _e(number(100 * c.below_ambition, messages, 0) + " %"),
        agreement,
    )
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def _priorities(summary: OrganisationSummary) -> str:
    blocks = []
    for component in summary.components:
        items = "".join(f"<li>{_e(p.text)}</li>" for p in component.priorities)
        blocks.append(f'<div class="priority"><h4>{_e(component.name)}</h4><ol>{items}</ol></div>')
    return f'<div class="priorities">{"".join(blocks)}</div>'


def _guide(questionnaire: Questionnaire, messages: Messages, min_group: int) -> str:
    bands = "".join(
        "<li>"
        + _e(
            messages.guide_band.format(
                level=band.level,
                name=questionnaire.level(band.level).name,
                low=number(band.from_pct, messages, 0),
                high=number(band.to_pct, messages, 0),
            )
        )
        + "</li>"
        for band in questionnaire.bands
    )
    paragraphs = (
        messages.guide_ambition,
        messages.guide_radar,
        messages.guide_spread,
        messages.guide_rwg,
        messages.guide_priorities,
        messages.guide_frequencies,
        messages.guide_privacy.format(min_group=min_group),
    )
    rest = "".join(f"<p>{_e(p)}</p>" for p in paragraphs)
    return f"""<section class="guide" id="guide">
<h2>{_e(messages.guide_heading)}</h2>
<p>{_e(messages.guide_scoring)}</p>
<p>{_e(messages.guide_bands)}</p>
<ul>{bands}</ul>
{rest}
</section>"""


class _Charts:
    """Draws the charts with matplotlib and returns them as inline SVG with unique ids."""

    def __init__(self, messages: Messages) -> None:
        self.messages = messages
        self.count = 0

    def radar(self, summary: OrganisationSummary) -> str:
        """The mean measured level and the median felt ambition per component, on the levels."""
        import math

        names = [c.name for c in summary.components]
        measured = [c.mean_level for c in summary.components]
        ambition = [summary.ambition.median] * len(names)
        angles = [2 * math.pi * i / len(names) for i in range(len(names))]
        figure = _figure_of(6.0, 5.4)
        axes = cast("PolarAxes", figure.add_subplot(projection="polar"))
        axes.set_theta_offset(math.pi / 2)
        axes.set_theta_direction(-1)
        closed = [*angles, angles[0]]
        (measured_line,) = axes.plot(
            closed, [*measured, measured[0]], color=MEASURED, linewidth=2.2, zorder=3
        )
        axes.fill(closed, [*measured, measured[0]], color=MEASURED, alpha=0.15, zorder=2)
        (ambition_line,) = axes.plot(
            closed,
            [*ambition, ambition[0]],
            color=AMBITION,
            linewidth=2.2,
            linestyle=(0, (4, 2)),
            zorder=4,
        )
        levels = list(summary.ambition.distribution)  # the questionnaire's level numbers
        axes.set_ylim(0, max(levels))
        axes.set_yticks(levels)
        axes.set_yticklabels([str(level) for level in levels], color="#555555", fontsize=8)
        axes.set_rlabel_position(180 / len(names))
        axes.set_xticks(angles)
        axes.set_xticklabels(
            [textwrap.fill(name, 16, break_long_words=False) for name in names], fontsize=9
        )
        axes.tick_params(axis="x", pad=14)
        figure.legend(
            [measured_line, ambition_line],
            [self.messages.radar_measured, self.messages.radar_ambition],
            loc="lower center",
            ncols=2,
            frameon=False,
            fontsize=9,
        )
        figure.subplots_adjust(left=0.12, right=0.88, top=0.9, bottom=0.14)
        return self._svg(figure, self.messages.radar_heading)

    def bars(self, questionnaire: Questionnaire, summary: OrganisationSummary) -> str:
        """Mean score per component with its sd and range, on the level bands, rwg flagged."""
        components = summary.components
        figure = _figure_of(7.0, 0.55 * len(components) + 1.1)
        axes = figure.add_subplot()
        for band, shade in zip(questionnaire.bands, BAND_SHADES, strict=False):
            axes.axvspan(band.from_pct, band.to_pct, color=shade, zorder=0)
            axes.text(
                (band.from_pct + band.to_pct) / 2,
                len(components) - 0.35,
                str(band.level),
                ha="center",
                va="bottom",
                fontsize=8,
                color="#666666",
            )
        rows = list(range(len(components)))[::-1]
        axes.barh(rows, [c.mean_pct for c in components], color=MEASURED, height=0.5, zorder=2)
        for row, c in zip(rows, components, strict=True):
            axes.plot([c.min_pct, c.max_pct], [row, row], color="#222222", linewidth=1, zorder=3)
            if c.sd_pct is not None:
                low, high = max(0.0, c.mean_pct - c.sd_pct), min(100.0, c.mean_pct + c.sd_pct)
                axes.plot([low, high], [row, row], color="#222222", linewidth=3.5, zorder=3)
            axes.text(
                101.5,
                row,
                self._agreement(c),
                va="center",
                fontsize=8,
                color=FLAG if c.shared_view is False else "#333333",
                clip_on=False,
            )
        axes.set_yticks(rows)
        axes.set_yticklabels(
            [textwrap.fill(c.name, 16, break_long_words=False) for c in components], fontsize=9
        )
        axes.set_xlim(0, 100)
        axes.set_ylim(-0.6, len(components) - 0.05)
        axes.set_xlabel(self.messages.axis_score, fontsize=9)
        axes.tick_params(axis="x", labelsize=8)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        figure.subplots_adjust(left=0.2, right=0.78, top=0.97, bottom=0.18)
        return self._svg(figure, self.messages.bars_heading)

    def _agreement(self, component: ComponentSummary) -> str:
        messages = self.messages
        if component.rwg is None:
            return f"rwg -\n{textwrap.fill(messages.too_few_for_rwg, 18)}"
        value = f"rwg {number(component.rwg, messages, 2)}"
        if component.rwg < SHARED_VIEW:
            return f"{value}\n{textwrap.fill(messages.chart_flag, 18)}"
        return value

    def frequency(
        self, labels: list[str], shares: list[float], counts: list[int], title: str
    ) -> str:
        """Share of respondents per option, longest labels wrapped."""
        wrapped = [textwrap.fill(label, 42, break_long_words=False) for label in labels]
        extra_lines = sum(label.count("\n") for label in wrapped)
        figure = _figure_of(7.0, 0.27 * len(labels) + 0.13 * extra_lines + 0.75)
        axes = figure.add_subplot()
        rows = list(range(len(labels)))[::-1]
        axes.barh(rows, [100 * s for s in shares], color=MEASURED, height=0.6)
        for row, value, count in zip(rows, shares, counts, strict=True):
            axes.text(
                100 * value + 1,
                row,
                f"{number(100 * value, self.messages, 0)} % ({count})",
                va="center",
                fontsize=8,
            )
        axes.set_yticks(rows)
        axes.set_yticklabels(wrapped, fontsize=8)
        axes.set_xlim(0, 118)
        axes.set_xticks([0, 25, 50, 75, 100])
        axes.set_xlabel(self.messages.axis_share, fontsize=8)
        axes.tick_params(axis="x", labelsize=8)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        figure.tight_layout()
        return self._svg(figure, title)

    def _svg(self, figure: Figure, title: str) -> str:
        import matplotlib

        self.count += 1
        prefix = f"c{self.count}-"
        buffer = io.StringIO()
        with matplotlib.rc_context({"svg.hashsalt": prefix}):
            figure.savefig(buffer, format="svg", metadata={"Date": None})
        return _inline(buffer.getvalue(), prefix, title)


def _figure_of(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout=None)


_ID = re.compile(r'\bid="([^"]+)"')
_REFERENCE = re.compile(r'(url\(#|href="#)([^")]+)')


def _inline(svg: str, prefix: str, title: str) -> str:
    """An SVG document as an element of the page: no XML header, ids made unique, labelled."""
    start = svg.index("<svg")
    element = svg[start:]
    element = _ID.sub(lambda m: f'id="{prefix}{m.group(1)}"', element)
    element = _REFERENCE.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}", element)
    element = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r"<svg\1", element, count=1)
    return element.replace("<svg", f'<svg role="img" aria-label="{_e(title)}"', 1)


STYLE = """
:root { color-scheme: light; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
       color: #1b1b1b; max-width: 60rem; margin: 0 auto; padding: 1.5rem; line-height: 1.45; }
h1 { font-size: 1.7rem; margin-bottom: 0.3rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #1f5fa8; padding-bottom: 0.2rem;
     margin-top: 2.5rem; }
h2 .n { font-weight: normal; font-size: 1rem; color: #555; }
h3 { font-size: 1.1rem; margin-top: 1.6rem; }
h4 { font-size: 1rem; margin: 0.6rem 0 0.2rem; }
.privacy { color: #555; font-size: 0.9rem; }
.warning { background: #fff4d6; border-left: 4px solid #c8611b; padding: 0.5rem 0.8rem; }
.summary li { margin-bottom: 0.2rem; }
figure.chart { margin: 1.2rem 0; }
figure.chart figcaption { margin-bottom: 0.4rem; }
figure.chart figcaption p { margin: 0.2rem 0 0; font-size: 0.85rem; color: #444; }
figure.chart svg { display: block; width: 100%; height: auto; }
figure.radar svg { max-width: 34rem; }
table.components { border-collapse: collapse; width: 100%; font-size: 0.9rem; margin: 1rem 0; }
table.components th, table.components td { border-bottom: 1px solid #ccc; padding: 0.3rem 0.4rem;
                                           text-align: left; vertical-align: top; }
table.components td:nth-child(n+2) { white-space: nowrap; }
.flag { color: #b3261e; font-weight: 600; white-space: normal; }
.priorities ol { margin-top: 0.2rem; }
.other { font-size: 0.9rem; margin: -0.4rem 0 1rem; }
.guide p, .guide li { max-width: 48rem; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { break-after: page; }
  section.organisation, section.guide { break-before: page; }
  h2 { margin-top: 0; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  figure.chart, table.components, .priority, .keep, .other, .warning {
    break-inside: avoid; page-break-inside: avoid; }
  figure.chart svg { max-height: 200mm; }
  a { color: inherit; text-decoration: none; }
}
"""
