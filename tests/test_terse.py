"""A terse note ("EU Times post date?") is read as the question it stands for (rag/terse.py)."""
from __future__ import annotations

import pytest

from rag.terse import spelled_out


@pytest.mark.parametrize(("note", "question"), [
    ("Harbour Gazette post date?", "When was the Harbour Gazette post published?"),
    ("Ferry strike: which day?", "Which day was the Ferry strike?"),  # (a capital kept: it may be a name)
    ("Berg's interview: where held?", "Where was Berg's interview held?"),
    ("Fees a 'ruse': who said?", "Who said fees a 'ruse'?"),
    ("Ferries stranded in the fjord: count?", "How many Ferries stranded in the fjord?"),
    ("Harbour fees paid: percent?", "What percentage of the Harbour fees paid?"),
    ("Date Berg raised the fees?", "On what date Berg raised the fees?"),
    ("Nordic Gazette fee piece: publication date?", "When was the Nordic Gazette fee piece published?"),
    ("Channel airing Berg's interview?", "Which channel airing Berg's interview?"),
    ("Paper on the harbour fees?", "Which paper on the harbour fees?"),
    ("Harbour office's chief?", "Who is the Harbour office's chief?"),
    ("Ferry company spokesman, Sputnik?", "Who is the Ferry company spokesman, according to Sputnik?"),
    ("Berg's read on the fees?", "What did Berg say about the fees?"),
    ("Ferry captain giving the order: name?", "What is the name of the Ferry captain giving the order?"),
])
def test_a_terse_note_is_read_as_the_question_it_stands_for(note: str, question: str) -> None:
    assert spelled_out(note) == question


@pytest.mark.parametrize("question", [
    "What did Berg say about the fees?",  # a question word
    "Did Berg raise the fees?",  # an auxiliary
    "Berg on the harbour fees?",  # his words, read by `answerable`
    "Berg said the fees rose by what share?",
    "Harbour fees rose.",  # no question
    "Aleppo humanitarian corridors: why?",  # no clause to ask why of
])
def test_a_question_or_a_note_with_nothing_to_spell_out_is_left_as_typed(question: str) -> None:
    assert spelled_out(question) == question
