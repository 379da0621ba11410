"""The report's two drawn charts, as inline SVG: the radar and the score bars (matplotlib).

Text stays text (``svg.fonttype: none``): small, sharp and searchable in HTML and PDF. The
simple bars (answers per statement, multiple-choice shares) are SVG written by the templates.
Every figure is drawn once and saved once.
"""

from __future__ import annotations

import io
import math
import re
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from krmscan.aggregate import ComponentSummary
from krmscan.questionnaire import Questionnaire
from krmscan.text import printable

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.projections.polar import PolarAxes
    from matplotlib.typing import RcKeyType

MEASURED = "#1f5fa8"
AMBITION = "#c8611b"
FLAG = "#b3261e"
RADAR_FROM = 3
"""Fewer components than this: no radar (a line or a dot says nothing), only the bars."""
STYLE: dict[RcKeyType, Any] = {
    "text.parse_math": False,  # a "$" in a label is a dollar, not mathematics
    "svg.fonttype": "none",  # text as text
    "font.family": "DejaVu Sans",
    "font.size": 9,
}


def shades(count: int, light: str = "#f7f7f7", dark: str = "#c4c4c4") -> list[str]:
    """``count`` grey shades from light to dark: one per level, for any number of levels."""
    return gradient([light, dark], count)


def gradient(stops: Sequence[str], count: int) -> list[str]:
    """``count`` colours evenly spread over the colour ``stops`` (#rrggbb)."""
    rgb = [tuple(int(stop[i : i + 2], 16) for i in (1, 3, 5)) for stop in stops]
    if count == 1:
        return [stops[len(stops) // 2]]
    colours = []
    for index in range(count):
        where = index * (len(rgb) - 1) / (count - 1)
        low = min(int(where), len(rgb) - 2)
        part = where - low
        mixed = (round(a + (b - a) * part) for a, b in zip(rgb[low], rgb[low + 1], strict=True))
        colours.append("#" + "".join(f"{c:02x}" for c in mixed))
    return colours


def scale_colours(points: int) -> list[str]:
    """A colour per scale point: red (disagree) through grey to blue (agree)."""
    return gradient(["#c0392b", "#bdbdbd", "#1f5fa8"], points)


def _label(text: str, width: int = 18) -> str:
    return textwrap.fill(printable(text), width, break_long_words=False)


def radar_figure(
    questionnaire: Questionnaire, components: Sequence[ComponentSummary], legend: tuple[str, str]
) -> Figure:
    """Mean score per component on 0-100 against where the ambition starts.

    The rings are the band edges, each band labelled with its level; a component lies inside
    the ambition line exactly when it is behind (mean score below its ``ambition_pct``).
    """
    from matplotlib.figure import Figure

    names = [c.name for c in components]
    measured = [c.mean_pct for c in components]
    ambition = [c.ambition_pct for c in components]
    angles = [2 * math.pi * i / len(names) for i in range(len(names))]
    figure = Figure(figsize=(6.2, 4.6))
    axes = cast("PolarAxes", figure.add_subplot(projection="polar"))
    axes.set_theta_offset(math.pi / 2)
    axes.set_theta_direction(-1)
    bands = questionnaire.bands
    for band, shade in zip(bands, shades(len(bands)), strict=True):
        axes.bar(
            0,
            band.to_pct - band.from_pct,
            width=2 * math.pi,
            bottom=band.from_pct,
            color=shade,
            zorder=0,
            align="edge",
            linewidth=0,
        )
        axes.text(
            math.pi / len(names),
            (band.from_pct + band.to_pct) / 2,
            str(band.level),
            ha="center",
            va="center",
            fontsize=8,
            color="#777777",
            zorder=1,
        )
    closed = [*angles, angles[0]]
    (measured_line,) = axes.plot(
        closed,
        [*measured, measured[0]],
        color=MEASURED,
        linewidth=2.2,
        zorder=3,
        marker="o",
        markersize=4,
        gid="measured",
    )
    axes.fill(closed, [*measured, measured[0]], color=MEASURED, alpha=0.15, zorder=2)
    (ambition_line,) = axes.plot(
        closed,
        [*ambition, ambition[0]],
        color=AMBITION,
        linewidth=2.2,
        linestyle=(0, (4, 2)),
        zorder=4,
        gid="ambition",
    )
    edges = sorted({band.to_pct for band in bands} | {band.from_pct for band in bands} - {0.0})
    axes.set_ylim(0, 100)
    axes.set_yticks(edges)
    axes.set_yticklabels([f"{edge:g}" for edge in edges], color="#555555", fontsize=7)
    axes.set_rlabel_position(0)
    axes.set_xticks(angles)
    axes.set_xticklabels([_label(name, 16) for name in names], fontsize=8.5)
    axes.tick_params(axis="x", pad=12)
    axes.grid(color="#999999", linewidth=0.6)
    figure.legend(
        [measured_line, ambition_line],
        list(legend),
        loc="lower center",
        ncols=2,
        frameon=False,
        fontsize=8.5,
    )
    figure.subplots_adjust(left=0.1, right=0.9, top=0.9, bottom=0.14)
    return figure


def bars_figure(
    questionnaire: Questionnaire,
    components: Sequence[ComponentSummary],
    *,
    flags: Sequence[str],
    withheld: bool,
    axis: str,
) -> Figure:
    """Mean score per component on the level bands, the ambition marked, agreement flagged.

    With ``withheld`` (a small group) no lowest-to-highest line.
    """
    from matplotlib.figure import Figure

    count = len(components)
    figure = Figure(figsize=(7.0, 0.5 * count + 1.0))
    axes = figure.add_subplot()
    bands = questionnaire.bands
    for band, shade in zip(bands, shades(len(bands)), strict=True):
        axes.axvspan(band.from_pct, band.to_pct, color=shade, zorder=0, linewidth=0)
        axes.text(
            (band.from_pct + band.to_pct) / 2,
            count - 0.4,
            str(band.level),
            ha="center",
            va="bottom",
            fontsize=7.5,
            color="#666666",
        )
    rows = list(range(count))[::-1]
    axes.barh(rows, [c.mean_pct for c in components], color=MEASURED, height=0.5, zorder=2)
    for row, component, flag in zip(rows, components, flags, strict=True):
        if not withheld:
            axes.plot(
                [component.min_pct, component.max_pct],
                [row, row],
                color="#222222",
                linewidth=1,
                zorder=3,
            )
        if component.sd_pct is not None:
            low = max(0.0, component.mean_pct - component.sd_pct)
            high = min(100.0, component.mean_pct + component.sd_pct)
            axes.plot([low, high], [row, row], color="#222222", linewidth=3.5, zorder=3)
        axes.plot(
            [component.ambition_pct] * 2,
            [row - 0.38, row + 0.38],
            color=AMBITION,
            linewidth=2.4,
            zorder=4,
        )
        if flag:
            axes.text(101.5, row, flag, va="center", fontsize=7.5, color=FLAG, clip_on=False)
    axes.set_yticks(rows)
    axes.set_yticklabels([_label(c.name) for c in components], fontsize=8.5)
    axes.set_xlim(0, 100)
    axes.set_ylim(-0.6, count - 0.05)
    axes.set_xlabel(axis, fontsize=8.5)
    axes.tick_params(axis="x", labelsize=7.5)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.subplots_adjust(left=0.22, right=0.8, top=0.96, bottom=0.6 / (0.5 * count + 1.0))
    return figure


class Svg:
    """Saves figures as inline SVG elements with ids unique in the page."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, figure: Figure, title: str) -> str:
        """The figure as an ``<svg>`` element labelled ``title``; the figure is discarded."""
        import matplotlib

        self.count += 1
        prefix = f"c{self.count}-"
        buffer = io.StringIO()
        with matplotlib.rc_context({**STYLE, "svg.hashsalt": prefix}):
            figure.savefig(buffer, format="svg", metadata={"Date": None})
        return _inline(buffer.getvalue(), prefix, title)


_ID = re.compile(r'\bid="([^"]+)"')
_REFERENCE = re.compile(r'(url\(#|href="#)([^")]+)')
_SIZE = re.compile(r'<svg([^>]*?) width="[^"]*" height="[^"]*"')


def _inline(svg: str, prefix: str, title: str) -> str:
    """An SVG document as an element of the page: no XML header, ids made unique, labelled."""
    from markupsafe import escape

    element = svg[svg.index("<svg") :]
    element = _ID.sub(lambda m: f'id="{prefix}{m.group(1)}"', element)
    element = _REFERENCE.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}", element)
    element = _SIZE.sub(r"<svg\1", element, count=1)
    label = escape(printable(title))
    return element.replace("<svg", f'<svg role="img" aria-label="{label}"', 1)
