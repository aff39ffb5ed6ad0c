"""The model-free answerability checks: what a question asks for, and who it asks about."""

from __future__ import annotations

import pytest

from rag.answerable import expected, holds, names, unknown_names


@pytest.mark.parametrize(("question", "kind"), [
    ("How many sorties did Russian jets fly in 2 days?", "number"),
    ("What was the population of Aleppo in 2015?", "number"),
    ("What percentage of Syria did ISIS control?", "percentage"),
    ("When did Putin give the interview?", "date"),
    ("On what date was the deal reached?", "date"),
    ("What is the name of the official who spoke to the Free Beacon?", "name"),
    ("What did Lavrov say about the coalition?", None),
    ("Who accused the United States of failing to share information?", None),
])
def test_expected_kind_of_answer(question: str, kind: str | None) -> None:
    assert expected(question) == kind


@pytest.mark.parametrize(("question", "sentence", "ok"), [
    ("How many kilograms of explosives did Shoigu mention?", "They strap 200kg of explosives to him.", True),
    ("How many civilians were killed in October 2015?", "Russian jets fly 107 sorties.", False),
    ("How many sorties did Russian jets fly in 2 days?", "Russian jets fly 107 sorties in 2 days.", True),
    ("How many sorties did Russian jets fly in 2 days?", "Russian jets fly sorties every 2 days.", False),
    ("What was the population of Aleppo in 2015?", "RT, November 13, 2015", False),
    ("What percentage of Syria did ISIS control?", "ISIS controlled 60 camps.", False),
    ("What percentage of Syria did ISIS control?", "ISIS held about 50% of Syria.", True),
    ("When did Putin speak?", "Putin spoke on Friday.", True),
    ("When did Putin speak?", "Putin spoke to journalists.", False),
    ("What is the name of the official?", "“Why?” one official said.", False),
    ("What is the name of the official?", "The official, John Kirby, said so.", True),
    ("What did Lavrov say?", "Anything at all.", True),
    # Listed alternatives are candidates: "60%" answers, it is not given by the question.
    ("What percentage disapprove? Options: 20%; 30%; 60%", "60% of adults disapprove.", True),
])
def test_sentence_holds_the_kind_of_answer(question: str, sentence: str, ok: bool) -> None:
    assert holds(expected(question), sentence, question) is ok


def test_names_the_index_never_mentions() -> None:
    index = {"syria", "refugee", "crisis", "new", "times", "us", "russia", "defense", "secretary"}
    assert names("What did Angela Merkel say about the Syrian refugee crisis?") == ["Angela Merkel", "Syrian"]
    assert unknown_names("What did Angela Merkel say about Syria?", index.__contains__) == ["Angela Merkel"]
    assert unknown_names("What did US Defense Secretary Ashton Carter say?", index.__contains__) == [
        "US Defense Secretary Ashton Carter"]
    # Half a name is enough to be worth searching: "New York Times" shares "Times".
    assert unknown_names("Which New York Times excerpt mentions Syria?", index.__contains__) == []
    assert unknown_names("Where is Russia-US cooperation going?", index.__contains__) == []
    assert unknown_names("Which crisis? Options: Nutella; Syria", index.__contains__) == []
