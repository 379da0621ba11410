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
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from krmscan.aggregate import ComponentSummary
from krmscan.questionnaire import Questionnaire
from krmscan.text import printable

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend
    from matplotlib.projections.polar import PolarAxes
    from matplotlib.typing import RcKeyType

MEASURED = "#1f5fa8"
AMBITION = "#c8611b"
FLAG = "#b3261e"
BENCHMARK = "#2e7d32"
PREVIOUS = "#6d6d6d"
RADAR_FROM = 3
"""Fewer components than this: no radar (a line or a dot says nothing), only the bars."""
FONT = 8
"""Every chart text in points, as printed: a figure is printed at its own size."""
RADAR_SIZE = (4.6, 2.9)
LABEL_GAP = 7
"""Points between the radar's outer circle (and a point on it) and a component's name."""
BARS_WIDTH = 6.8
"""Inches; the print stylesheet shows each SVG at its own width (within the page's 182 mm)."""
STYLE: dict[RcKeyType, Any] = {
    "text.parse_math": False,  # a "$" in a label is a dollar, not mathematics
    "svg.fonttype": "none",  # text as text
    "font.family": "DejaVu Sans",
    "font.size": FONT,
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


def dark(colour: str) -> bool:
    """Whether white text reads better than black on ``colour`` (#rrggbb)."""
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.5


def _label(text: str, width: int = 18) -> str:
    return textwrap.fill(printable(text, pictures=False), width, break_long_words=False)


def _outward(angle: float) -> dict[str, Any]:
    """Where a label at ``angle`` (0 at the top, clockwise) starts: away from the circle."""
    x, y = math.sin(angle), math.cos(angle)
    return {
        "ha": "left" if x > 0.2 else ("right" if x < -0.2 else "center"),
        "va": "bottom" if y > 0.2 else ("top" if y < -0.2 else "center"),
        "transform_rotates_text": False,
        "clip_on": False,
        "gid": "component-label",
    }


class Radar:
    """Mean score per component on 0-100 against where the ambition starts.

    The rings are the band edges, each band numbered with its level; a component lies inside
    the ambition line exactly when it is behind (mean score below its ``ambition_pct``).
    Built once per questionnaire; `update` moves the lines for each organisation. With
    ``benchmark`` (the benchmark's quartiles and median per component, the same for every
    organisation) its middle half is shaded and its median dotted; with ``previous`` a third
    line (``update``'s ``earlier``) shows the previous round.
    """

    def __init__(
        self,
        questionnaire: Questionnaire,
        names: Sequence[str],
        legend: tuple[str, str],
        *,
        benchmark: Band | None = None,
        previous: str | None = None,
    ) -> None:
        from matplotlib.figure import Figure
        from matplotlib.transforms import offset_copy

        count = len(names)
        self.angles = [2 * math.pi * i / count for i in range(count)]
        self.figure = Figure(figsize=RADAR_SIZE)
        axes = cast("PolarAxes", self.figure.add_subplot(projection="polar"))
        axes.set_theta_offset(math.pi / 2)
        axes.set_theta_direction(-1)
        axes.patch.set_visible(False)  # the page is white: no background disc to write
        bands = questionnaire.bands
        for band in bands:  # each band's level between its rings
            axes.text(
                math.pi / count,
                (band.from_pct + band.to_pct) / 2,
                str(band.level),
                ha="center",
                va="center",
                fontsize=FONT,
                color="#777777",
                zorder=1,
            )
        closed = [*self.angles, self.angles[0]]
        zeros = [0.0] * len(closed)
        (self.measured,) = axes.plot(
            closed,
            zeros,
            color=MEASURED,
            linewidth=2.2,
            zorder=3,
            marker="o",
            markersize=4,
            gid="measured",
        )
        (self.area,) = axes.fill(closed, zeros, color=MEASURED, alpha=0.15, zorder=2)
        (self.ambition,) = axes.plot(
            closed,
            zeros,
            color=AMBITION,
            linewidth=2.2,
            linestyle=(0, (4, 2)),
            zorder=4,
            gid="ambition",
        )
        handles: list[Any] = [self.measured, self.ambition]
        labels = list(legend)
        if benchmark is not None:
            q1, median, q3 = ([*values, values[0]] for values in benchmark.values)
            outline = list(zip(closed, q3, strict=True)) + list(zip(closed, q1, strict=True))[::-1]
            (shaded,) = axes.fill(
                [a for a, _ in outline],
                [r for _, r in outline],
                color=BENCHMARK,
                alpha=0.16,
                linewidth=0,
                zorder=1,
                gid="benchmark-band",
            )
            (middle,) = axes.plot(
                closed,
                median,
                color=BENCHMARK,
                linewidth=1.4,
                linestyle=(0, (1, 1.5)),
                zorder=2,
                gid="benchmark-median",
            )
            handles += [shaded, middle]
            labels += list(benchmark.legend)
        self.earlier = None
        if previous is not None:
            (self.earlier,) = axes.plot(
                closed,
                zeros,
                color=PREVIOUS,
                linewidth=1.6,
                linestyle=(0, (6, 2, 1, 2)),
                marker="s",
                markersize=3,
                zorder=3,
                gid="previous",
            )
            handles.append(self.earlier)
            labels.append(previous)
        edges = sorted({b.to_pct for b in bands} | {b.from_pct for b in bands} - {0.0})
        axes.set_ylim(0, 100)
        axes.set_yticks(edges)
        axes.set_yticklabels([])
        between = 2 * math.pi - math.pi / count  # between the last and the first axis
        inner = [edge for edge in edges if edge < 100]  # the outer circle is 100: no label on it
        for edge in inner:  # above every line, on a white ground: never hidden by one
            axes.text(
                between,
                edge,
                f"{edge:g}",
                ha="center",
                va="center",
                fontsize=FONT,
                color="#555555",
                zorder=6,
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"},
            )
        axes.set_xticks(self.angles)
        axes.set_xticklabels([])
        for angle, name in zip(self.angles, names, strict=True):  # outside the outer circle
            axes.text(
                angle,
                100,
                _label(name, 16),
                fontsize=FONT,
                transform=offset_copy(
                    axes.transData,
                    self.figure,
                    LABEL_GAP * math.sin(angle),
                    LABEL_GAP * math.cos(angle),
                    units="points",
                ),
                **_outward(angle),
            )
        axes.grid(color="#999999", linewidth=0.6)
        self.handles, self.labels = handles, labels
        self.legend: Legend | None = None
        self._legend(handles, labels)

    def _legend(self, handles: Sequence[Any], labels: Sequence[str]) -> None:
        """The legend of what this drawing shows (replacing the previous drawing's)."""
        if self.legend is not None:
            self.legend.remove()
        self.legend = self.figure.legend(
            handles,
            labels,
            loc="lower center",
            ncols=min(3, len(handles)),
            frameon=False,
            fontsize=FONT,
        )
        self.figure.subplots_adjust(
            left=0.2, right=0.8, top=0.86, bottom=0.19 if len(handles) <= 3 else 0.26
        )

    def update(
        self,
        components: Sequence[ComponentSummary],
        earlier: Sequence[float | None] | None = None,
    ) -> Figure:
        """The figure showing ``components`` (in the names' order).

        ``earlier``: the previous round's mean score per component (None: not compared); the
        line, and its entry in the legend, are left out when no component was compared.
        """
        measured = [c.mean_pct for c in components]
        closed = [*self.angles, self.angles[0]]
        self.measured.set_ydata([*measured, measured[0]])
        self.area.set_xy(list(zip(closed, [*measured, measured[0]], strict=True)))
        ambition = [c.ambition_pct for c in components]
        self.ambition.set_ydata([*ambition, ambition[0]])
        if self.earlier is not None:
            shown = [math.nan if value is None else value for value in earlier or []]
            visible = any(not math.isnan(value) for value in shown)
            if visible != self.earlier.get_visible():  # the legend names what is drawn
                self.earlier.set_visible(visible)
                kept = [
                    (handle, label)
                    for handle, label in zip(self.handles, self.labels, strict=True)
                    if visible or handle is not self.earlier
                ]
                self._legend([h for h, _ in kept], [label for _, label in kept])
            if shown:
                self.earlier.set_ydata([*shown, shown[0]])
        return self.figure


@dataclass(frozen=True)
class Band:
    """The benchmark per component in the chart's order: Q1, median and Q3, and the legend."""

    values: tuple[list[float], list[float], list[float]]
    legend: tuple[str, str]
    """The middle half's and the median's labels."""


class Bars:
    """Mean score per component on the level bands, the ambition marked, agreement flagged.

    With ``withheld`` (a small group) no lowest-to-highest line. Built once per questionnaire
    (and small or not); `update` sets the bars for each organisation.
    """

    def __init__(
        self,
        questionnaire: Questionnaire,
        names: Sequence[str],
        *,
        withheld: bool,
        axis: str,
        benchmark: Band | None = None,
    ) -> None:
        from matplotlib.figure import Figure

        count = len(names)
        self.withheld = withheld
        height = 0.32 * count + 0.75
        self.figure = Figure(figsize=(BARS_WIDTH, height))
        axes = self.figure.add_subplot()
        bands = questionnaire.bands
        for band, shade in zip(bands, shades(len(bands)), strict=True):
            axes.axvspan(band.from_pct, band.to_pct, color=shade, zorder=0, linewidth=0)
            axes.text(
                (band.from_pct + band.to_pct) / 2,
                count - 0.4,
                str(band.level),
                ha="center",
                va="bottom",
                fontsize=FONT,
                color="#666666",
            )
        rows = list(range(count))[::-1]
        if benchmark is not None:  # the benchmark's middle half behind each bar, median a tick
            q1, median, q3 = benchmark.values
            axes.barh(
                rows,
                [high - low for low, high in zip(q1, q3, strict=True)],
                left=q1,
                height=0.8,
                color=BENCHMARK,
                alpha=0.22,
                zorder=1,
                gid="benchmark-band",
                label=benchmark.legend[0],
            )
            for row, value in zip(rows, median, strict=True):
                axes.plot(
                    [value, value],
                    [row - 0.42, row + 0.42],
                    color=BENCHMARK,
                    linewidth=1.4,
                    linestyle=(0, (1, 1)),
                    zorder=4,
                    gid="benchmark-median",
                )
        self.bars = axes.barh(rows, [0.0] * count, color=MEASURED, height=0.5, zorder=2)
        self.ranges = [
            axes.plot([0, 0], [row, row], color="#222222", linewidth=1, zorder=3)[0] for row in rows
        ]
        self.spreads = [
            axes.plot([0, 0], [row, row], color="#222222", linewidth=3.5, zorder=3)[0]
            for row in rows
        ]
        self.marks = [
            axes.plot([0, 0], [row - 0.38, row + 0.38], color=AMBITION, linewidth=2.4, zorder=4)[0]
            for row in rows
        ]
        self.flags = [
            axes.text(101.5, row, "", va="center", fontsize=FONT, color=FLAG, clip_on=False)
            for row in rows
        ]
        axes.set_yticks(rows)
        axes.set_yticklabels([_label(name) for name in names], fontsize=FONT)
        axes.set_xlim(0, 100)
        axes.set_ylim(-0.6, count - 0.05)
        axes.set_xlabel(axis, fontsize=FONT)
        axes.tick_params(axis="x", labelsize=FONT)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        self.figure.subplots_adjust(left=0.22, right=0.8, top=1 - 0.2 / height, bottom=0.5 / height)

    def update(self, components: Sequence[ComponentSummary], flags: Sequence[str]) -> Figure:
        """The figure showing ``components`` with a flag text each ('' for none)."""
        for index, component in enumerate(components):
            self.bars[index].set_width(component.mean_pct)
            lowest, highest = component.min_pct, component.max_pct
            if lowest is not None and highest is not None:
                self.ranges[index].set_xdata([lowest, highest])
            self.ranges[index].set_visible(lowest is not None and not self.withheld)
            sd = component.sd_pct
            if sd is not None:
                low, high = max(0.0, component.mean_pct - sd), min(100.0, component.mean_pct + sd)
                self.spreads[index].set_xdata([low, high])
            self.spreads[index].set_visible(sd is not None and not self.withheld)
            self.marks[index].set_xdata([component.ambition_pct] * 2)
            self.flags[index].set_text(flags[index])
        return self.figure


class Svg:
    """Saves figures as inline SVG elements with ids unique in the page."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, figure: Figure, title: str) -> str:
        """The figure as an ``<svg>`` element labelled ``title``."""
        import matplotlib

        self.count += 1
        prefix = f"c{self.count}-"
        buffer = io.StringIO()
        with matplotlib.rc_context({**STYLE, "svg.hashsalt": prefix}):
            figure.savefig(buffer, format="svg", metadata={"Date": None})
        return _inline(buffer.getvalue(), prefix, title)


_ID = re.compile(r'\bid="([^"]+)"')
_REFERENCE = re.compile(r'(url\(#|href="#)([^")]+)')
_METADATA = re.compile(r"<metadata>.*?</metadata>", re.DOTALL)
_LAYOUT = re.compile(r"\s*\n\s*")
_GEOMETRY = re.compile(r'(?<= )(d|transform|x|y)="([^"]*)"')
_DECIMALS = re.compile(r"(\d+\.\d\d)\d+")
_GROUP_ID = re.compile(r'<g id="[^"]*"')
_NO_ROTATION = re.compile(r' transform="rotate\(-?0 [^")]*\)"')
_FONT = "font-family: 'DejaVu Sans'; "


def _rounded(match: re.Match[str]) -> str:
    """Coordinates of a path or a placement with at most 2 decimals."""
    shorter = _DECIMALS.sub(r"\1", match[2])
    return f'{match[1]}="{shorter}"'


def _inline(svg: str, prefix: str, title: str) -> str:
    """An SVG document as an element of the page: no XML header, ids made unique, labelled."""
    from markupsafe import escape

    element = svg[svg.index("<svg") :]
    element = _METADATA.sub("", element)
    element = _LAYOUT.sub(" ", element)  # indentation and line breaks
    element = _GEOMETRY.sub(_rounded, element)  # 0.01 pt is finer than any printer
    element = _GROUP_ID.sub("<g", element)  # groups are never referred to
    element = _NO_ROTATION.sub("", element)  # matplotlib writes rotate(-0 x y) for level text
    element = element.replace(_FONT, "")  # the page's stylesheet names the font once
    element = _ID.sub(lambda m: f'id="{prefix}{m.group(1)}"', element)
    element = _REFERENCE.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}", element)
    label = escape(printable(title, pictures=False))
    return element.replace("<svg", f'<svg role="img" aria-label="{label}"', 1)
