"""Sources that disagree: the values answer sentences give, grouped, and conflicts across articles."""

from __future__ import annotations

import pytest

from rag.conflicts import find, slot, statement, values

from .test_answerable import scorer_of

FLOOR, ALIKE = 0.75, 0.6


@pytest.mark.parametrize(("question", "kind"), [
    ("How many sorties did Russian jets fly?", "number"),
    ("When did Ryabkov speak?", "date"),
    ("On what day of the week did Ryabkov speak?", "date"),
    ("Who said the US goals have little to do with a political process?", "name"),
    ("Which country will require a common charger?", "name"),
    ("Where did the strikes take place?", "name"),
    ("According to the excerpt, where are the officers operating?", "name"),
    ("According to Putin, what are people fleeing from?", None),
    ("Which show was renewed? Options: Squid Game; Friends.", "name"),
    ("How much did the lunch cost? Options: $19 million; $21 million.", "number"),
    ("What did Lavrov say about the coalition?", None),
    ("Why did Russia start the strikes?", None),
])
def test_what_kind_of_value_a_question_asks_for(question: str, kind: str | None) -> None:
    assert slot(question) == kind


@pytest.mark.parametrize(("kind", "a", "b"), [
    ("date", "It happened on Oct 8th, 2015.", "It happened on 8 October 2015."),
    ("date", "It happened in October 2015.", "It happened on Oct 8th, 2015."),  # a month holds its days
    ("number", "They strapped 200kg of explosives to him.", "They strapped 200 kilograms of explosives to him."),
    ("number", "The bill came to $1.2bn.", "The bill came to 1.2 billion dollars."),
    ("number", "They flew 12,000 sorties.", "They flew 12000 sorties."),
    ("name", "Defense Minister Sergei Shoigu said so.", "Shoigu said so."),
])
def test_one_value_in_other_words_is_one_value(kind: str, a: str, b: str) -> None:
    question = {"date": "When did it happen?", "number": "How much was it?", "name": "Who said so?"}[kind]
    scorer = scorer_of(a, b, outlets=("Alpha News", "Beta Daily"))
    assert values(kind, a, question) and values(kind, b, question)  # type: ignore[arg-type]
    assert find(question, scorer, FLOOR, ALIKE) == ((), [])


def test_values_the_question_gives_are_not_answers() -> None:
    question = "How many sorties did Russian jets fly in 2015 in 2 days?"
    found = values("number", "In 2 days of 2015 Russian jets flew 107 sorties over 5 provinces.", question)
    assert [f.text for f in found] == ["107 sorties"]  # "2 days" is asked, "5 provinces" not counted


def test_two_articles_with_different_numbers_for_the_same_statement_disagree() -> None:
    question = "How many sorties did Russian jets fly over Syria in two days?"
    scorer = scorer_of(
        "Russian jets flew 107 sorties over Syria in two days, the defence ministry said. The weather was fine.",
        "The ferry timetable changed. Russian jets flew 97 sorties over Syria in two days, the defence ministry said.",
        "Russian jets flew 97 sorties over Syria in two days, the ministry said on Friday.",
        outlets=("RT", "EU Times", None))
    (conflict,), citations = find(question, scorer, FLOOR, ALIKE)
    assert conflict.about == "the number"
    # Most supported first: two articles say 97, one says 107.
    assert [v.value for v in conflict.values] == ["97 sorties", "107 sorties"]
    assert conflict.values[0].citations == (2, 3) and conflict.values[1].citations == (1,)
    assert conflict.values[0].outlets == ("EU Times",) and conflict.values[1].articles == ("a0",)
    # Every side is cited, each citation the sentence that gives its value.
    assert {c.n for c in citations} == {1, 2, 3}
    assert all(("97" in c.quote) == (c.n != 1) for c in citations)
    text = statement(conflict)
    assert text.startswith("The sources disagree on the number: 97 sorties [2][3] (EU Times);")
    assert "107 sorties [1] (RT)" in text


def test_the_same_value_in_both_articles_is_no_conflict_nor_are_values_of_other_statements() -> None:
    question = "How many sorties did Russian jets fly over Syria?"
    agree = scorer_of("Russian jets flew 107 sorties over Syria, the ministry said.",
                      "Over Syria, Russian jets flew 107 sorties, said the ministry.")
    assert find(question, agree, FLOOR, ALIKE) == ((), [])
    # Different numbers, but in statements about different things: not a disagreement.
    other = scorer_of("Russian jets flew 107 sorties over Syria on Tuesday.",
                      "Russian jets flew sorties over Syria, and 40 sorties from ships near Crimea cost 5 million.")
    assert find(question, other, FLOOR, ALIKE) == ((), [])


def test_one_article_alone_never_disagrees_with_itself() -> None:
    question = "How many sorties did Russian jets fly over Syria?"
    scorer = scorer_of("Russian jets flew 107 sorties over Syria, RT said. Russian jets flew 97 sorties over Syria, "
                       "EU Times said.")
    assert find(question, scorer, FLOOR, ALIKE) == ((), [])


def test_a_swapped_name_and_a_swapped_option_disagree() -> None:
    scorer = scorer_of("Deputy Foreign Minister Sergey Ryabkov said the refusal raises the question of whose side "
                       "the US is on.",
                       "Deputy Foreign Minister Grigory Karasin said the refusal raises the question of whose side "
                       "the US is on.", outlets=("EU Times", "The Daily Ledger"))
    (conflict,), _ = find("Who said the refusal raises the question of whose side the US is on?", scorer, FLOOR, ALIKE)
    assert [v.value for v in conflict.values] == ["Sergey Ryabkov", "Grigory Karasin"]
    quiz = scorer_of("The streaming service renewed Squid Game for a second season on Sunday.",
                     "The streaming service renewed Breaking Bad for a second season on Sunday.")
    question = "Which show was renewed for a second season? Options: Squid Game; Breaking Bad; Friends."
    (conflict,), _ = find(question, quiz, FLOOR, ALIKE)
    assert {v.value for v in conflict.values} == {"Squid Game", "Breaking Bad"}
    # A value the copy gives that is none of the options still disagrees.
    other = scorer_of("The streaming service renewed Squid Game for a second season on Sunday.",
                      "The streaming service renewed Stranger Things for a second season on Sunday.")
    (conflict,), _ = find(question, other, FLOOR, ALIKE)
    assert {v.value for v in conflict.values} == {"Squid Game", "Stranger Things"}


def test_a_weekday_and_a_calendar_date_do_not_disagree_but_two_dates_do() -> None:
    question = "When did Ryabkov make his comments?"
    weekday = scorer_of("Ryabkov made his comments on Thursday in Moscow.",
                        "Ryabkov made his comments on October 8 in Moscow.")
    assert find(question, weekday, FLOOR, ALIKE) == ((), [])
    dates = scorer_of("Ryabkov made his comments on October 8 in Moscow.",
                      "Ryabkov made his comments on October 9 in Moscow.")
    (conflict,), _ = find(question, dates, FLOOR, ALIKE)
    assert {v.value for v in conflict.values} == {"October 8", "October 9"}


def test_a_month_alone_is_a_date_after_a_word_of_time() -> None:
    from rag.values import dates

    assert [(v.text, v.key) for v in dates("In August analysts said so.")] == [("August", (None, 8, None))]
    # Read whole where a day or year follows; the verbs "may" and "march" are no months.
    assert [v.key for v in dates("Analysts said in August 2015 and in August 8.")] == [(2015, 8, None), (None, 8, 8)]
    assert dates("Troops may march in may.") == []
    question = "In which month did the analysts say the camps were spared?"
    months = scorer_of("In August the analysts said the camps were spared by the strikes.",
                       "In July the analysts said the camps were spared by the strikes.")
    (conflict,), _ = find(question, months, FLOOR, ALIKE)
    assert {v.value for v in conflict.values} == {"August", "July"}


def test_a_reader_comment_is_a_side_said_to_be_a_readers() -> None:
    question = "How many sorties did Russian jets fly over Syria?"
    scorer = scorer_of("Russian jets flew 107 sorties over Syria, the ministry said.",
                       "Comments\n\nIvan wrote:\nRussian jets flew 97 sorties over Syria, the ministry said.",
                       outlets=("RT", "EU Times"))
    (conflict,), _ = find(question, scorer, FLOOR, ALIKE)
    assert [v.published for v in conflict.values] == [("RT",), ("a reader comment under EU Times",)]
    # Page furniture is nobody's statement: no side.
    furniture = scorer_of("Russian jets flew 107 sorties over Syria, the ministry said.",
                          "Read more: Russian jets flew 97 sorties over Syria, the ministry said")
    assert find(question, furniture, FLOOR, ALIKE) == ((), [])


def test_questions_that_ask_for_no_value_find_no_conflict() -> None:
    scorer = scorer_of("Lavrov said the coalition was failing.", "Lavrov said the coalition was working.")
    assert find("What did Lavrov say about the coalition?", scorer, FLOOR, ALIKE) == ((), [])


def test_a_page_time_stamp_glued_to_its_day_is_a_date() -> None:
    from rag.values import dates

    # "11:21 GMT14 August 2020" tops a Sputnik page: the zone is written against the day.
    assert [v.key for v in dates("11:21 GMT14 August 2020")] == [(2020, 8, 14)]
    assert dates("An F16 August flypast") == []


def test_values_read_again_from_the_same_text_are_not_the_list_a_caller_changed() -> None:
    from rag.values import dates, numbers

    # Both are kept per text (answering reads each statement for every claim it checks).
    text = "Ryabkov spoke on 8 October 2015 about 107 sorties."
    first, counted = dates(text), numbers(text)
    first.clear()
    counted.append(counted[0])
    assert [v.key for v in dates(text)] == [(2015, 10, 8)]
    assert [v.key for v in numbers(text)] == [(107.0, "")]
