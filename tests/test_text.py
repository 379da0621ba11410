"""Control characters from data are shown, never obeyed."""

from __future__ import annotations

import shlex

from hypothesis import given
from hypothesis import strategies as st

from krmscan.text import has_control, printable, shell_command


def test_escape_sequences_become_visible() -> None:
    assert printable("Woon\x1b]0;pwned\x07stede") == "Woon\u241b]0;pwned\u2407stede"
    assert printable("a\x9bb\u202ec\x7f") == "a\ufffdb\ufffdc\u2421"


def test_the_report_gets_caret_notation_its_fonts_have() -> None:
    assert printable("Woon\x1b]0;x\x07\x7f\x9b", pictures=False) == "Woon^[]0;x^G^?\ufffd"


@given(st.lists(st.text(min_size=1), min_size=1, max_size=3))
def test_a_command_is_plain_text_and_plain_words_read_back(words: list[str]) -> None:
    command = shell_command(words)
    assert not has_control(command)
    if not any(has_control(word) for word in words):
        assert shlex.split(command) == words


def test_newlines_kept_only_when_asked() -> None:
    assert printable("a\nb") == "a\u240ab"
    assert printable("a\nb\tc", lines=True) == "a\nb\u2409c"


@given(st.text())
def test_nothing_left_to_obey(text: str) -> None:
    assert not has_control(printable(text))
    assert printable(text, lines=True).replace("\n", "") == printable(text, lines=True).replace(
        "\n", ""
    )
    assert not has_control(printable(text, lines=True).replace("\n", ""))


def test_plain_text_is_unchanged() -> None:
    text = "Stg. Thuisvast \u2013 Woonstéde 'eens' 😀"
    assert printable(text) == text
    assert not has_control(text)
