"""JSON Schemas of krmscan's files, generated from their pydantic models (never by hand).

Editors use them for completion and inline errors while a questionnaire is edited; the
cross-field rules (unique ids, bands, levels) are beyond a schema and stay with
`krmscan validate`.
"""

from __future__ import annotations

import json
from typing import Any, Literal

DIALECT = "https://json-schema.org/draft/2020-12/schema"

Kind = Literal["questionnaire", "answers"]


def json_schema(kind: Kind) -> dict[str, Any]:
    """The JSON Schema of a questionnaire (``questionnaire.yaml``) or of an answers file."""
    if kind == "questionnaire":
        from krmscan.questionnaire import Questionnaire

        generated = Questionnaire.model_json_schema()
        title = "krmscan questionnaire (questionnaire.yaml)"
    else:
        from krmscan.answers import AnswersFile

        generated = AnswersFile.model_json_schema()
        title = "krmscan answers file"
    return {"$schema": DIALECT, **generated, "title": title}


def as_text(kind: Kind) -> str:
    """The schema as indented JSON."""
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2)
