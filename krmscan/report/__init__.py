"""The board's report: HTML from Jinja2 templates, PDF from the same HTML by WeasyPrint.

`content` decides what the report says (pure), `charts` draws the radar and the score bars,
`document` fills the templates. Needs the ``report`` extra (matplotlib, Jinja2, WeasyPrint);
`missing` says how to install what is not there.
"""

from __future__ import annotations

import importlib.util

INSTALL = "pip install 'krmscan[report]'"


def missing(*, pdf: bool) -> str | None:
    """One line saying how to install the report's libraries, or None when they are there."""
    needed = ["matplotlib", "jinja2"] + (["weasyprint"] if pdf else [])
    absent = [name for name in needed if _absent(name)]
    if absent:
        return (
            f"krmscan report needs {', '.join(absent)}, which the light install leaves out: "
            f"install the report extra with {INSTALL} (in a checkout: pip install '.[report]')"
        )
    if pdf:
        try:
            import weasyprint  # noqa: F401 - loads pango
        except OSError as error:  # the system library is missing
            return (
                f"a PDF needs the system library pango ({error}); install it (Debian: "
                "apt-get install libpango-1.0-0 libpangoft2-1.0-0) or write -o FILE.html"
            )
    return None


def _absent(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is None
    except (ImportError, ValueError):  # a module set to None in sys.modules, a broken one
        return True
