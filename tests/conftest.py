"""Fixtures shared by the tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from krmscan import questionnaire
from krmscan.questionnaire import LoadedQuestionnaire


@pytest.fixture(scope="session")
def shipped() -> LoadedQuestionnaire:
    """The questionnaire shipped with krmscan."""
    return questionnaire.load()


@pytest.fixture
def keys() -> Iterator[PipeInput]:
    """Real questionary prompts reading keys from a pipe (send keys, then ``close()``)."""
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe
