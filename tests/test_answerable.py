"""The model-free answerability checks: what a question asks for, and who it asks about."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from rag.answerable import (asked_name, asked_noun, asked_speaker, asks_for, asks_why, best_sentences, entity_kind,
                            expected, focus, holds, names, on_topic,
                            refusal_reason, speakers_own, statements, unknown_names, in_other_words, Slot,
                            published_subject, Floors, asks_about_page, asks_reporter, asked_claim, own_coverage, counted,
                            asked_role, Office, _REASON, _stems, options, without_options, date_part, topic_coverage,
                            _said_by_named, said_by_name, _gives_reason, _gives_entity, _said_for, spoken_for,
                            _holds_role, said_claim, _part_of_described, asks_how_long, _names_half)
from rag import truecase
from rag.settings import Settings
from rag.attribute import attribute, role_fits
from rag.cite import SupportScorer, by_speaker, claims_of, disputes, reported_by, who_and_where
from rag.parse import EntityTagger
from rag.types import Article, Citation, Claim, Passage
from rag.text import query_terms
from rag.values import numbers

from .fakes import HashEmbedder


@pytest.mark.parametrize(("question", "kind"), [
    ("How many sorties did Russian jets fly in 2 days?", "number"),
    ("What was the population of Aleppo in 2015?", "number"),
    ("What percentage of Syria did ISIS control?", "percentage"),
    ("When did Putin give the interview?", "date"),
    ("On what date was the deal reached?", "date"),
    ("What is the name of the official who spoke to the Free Beacon?", "name"),
    ("Which numbered resolution did Putin say Washington bypassed?", "number"),
    ("What did Lavrov say about the coalition?", None),
    ("Who accused the United States of failing to share information?", None),
    ("What was the date of the interview?", "date"),
    ("What was the exact date of the interview?", "date"),
    # "When" opening a clause that sets the scene asks for no time.
    ("When Putin complained about the delay, which operation did he say Moscow helped with?", None),
    ("When, according to Putin, did the strikes start?", "date"),
    ("When Avel asked for help at the start of which winter crossing did Brin respond at once?", None),
    ("what was the harbour's new ferry route called", "name"),
    # When an article was published is its metadata's, not a sentence's (`asks_for`).
    ("When was the EU Times piece on Ryabkov posted?", None),
])
def test_expected_kind_of_answer(question: str, kind: str | None) -> None:
    assert expected(question) == kind


@pytest.mark.parametrize(("question", "sentence", "ok"), [
    ("How many kilograms of explosives did Shoigu mention?", "They strap 200kg of explosives to him.", True),
    ("How many kilos of fish did Berg say were landed?", "They landed 200kg of fish.", True),
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
    # "TV" is capitalised, yet no name an article must mention ("state television").
    assert unknown_names("Which TV channel in Syria did Russia use?", index.__contains__) == []
    # An "-ish" adjective is known when the people it is of are named ("Jews" for "Jewish").
    assert unknown_names("Which Jewish leader spoke?", {"jews"}.__contains__) == []
    assert unknown_names("Which Kurdish leader spoke?", {"jews"}.__contains__) == ["Kurdish"]
    # So is a demonym when its country is ("Germany" for "German").
    assert unknown_names("Were German soldiers on standby?", {"germany"}.__contains__) == []
    assert unknown_names("Were German soldiers on standby?", {"jews"}.__contains__) == ["German"]
    # Half a name is enough to be worth searching: "New York Times" shares "Times".
    assert unknown_names("Which New York Times excerpt mentions Syria?", index.__contains__) == []
    assert unknown_names("Where is Russia-US cooperation going?", index.__contains__) == []
    # An acronym a retrieved passage spells out is known; a passage spelling something else is not enough.
    spelled = ["said Ola Berg, an epidemiologist at the University of California, San Francisco."]
    assert unknown_names("What did UCSF epidemiologist Ola Berg say?", {"ola", "berg"}.__contains__, spelled) == []
    assert unknown_names("What did UCSD epidemiologist Ola Berg say?", {"ola", "berg"}.__contains__, spelled) == [
        "UCSD"]
    assert unknown_names("Which crisis? Options: Nutella; Syria", index.__contains__) == []
    # A month is no name, nor is a letter: "In his Sept 4 Q&A, ...".
    assert unknown_names("In his Sept 4 Q&A, what did the US Defense Secretary say?", index.__contains__) == []


@pytest.mark.parametrize(("question", "asks"), [
    ("Who said the coalition bombs ISIS?", "speaker"),
    ("Who claimed that Russia hit hospitals?", "speaker"),
    ("Who estimated that the fire would cost well over $200,000?", "speaker"),
    ("Who criticized the ruling as unfair?", "speaker"),
    ("Who led the convoy?", None),
    # A setting before "who", a description after it.
    ("During the harbour festival, who described the key to the city as an honour?", "speaker"),
    ("Who, as head of a harbour charity, said the fees were unfair?", "speaker"),
    ("Who, in the end, led the convoy?", None),
    ("Which outlet reported that Shoigu accused the US?", "outlet"),
    ("What newspaper said the rebels used suicide bombers?", "outlet"),
    ("Which news agency did the spokesman talk to?", None),  # whom he told, not who reports it
    ("Which news agency did the spokesman talk to when he said the fees rose?", None),
    ("In which agency's interview did the spokesman say the fees rose?", None),
    ("Who is Ryabkov?", None),
    ("What did Lavrov say about the coalition?", None),
    ("When was the EU Times piece on Ryabkov posted?", "published"),
    ("On what date did RT publish the story about Putin?", "published"),
    ("When was the blog post published?", "published"),
    ("EU Times post date for the Ryabkov story?", "published"),  # terse, no "when"
    ("Who wrote the EU Times article about Ryabkov?", None),  # its author, not who said what it says
    # "the blog post" is where it was said, not its publishing.
    ("On what date did Putin take questions, as quoted in the blog post?", None),
    ("When did Putin say the FSA shared intelligence?", None),
    # A tweet is dated in its own line, not by the article's metadata.
    ("On which date the Herald's Twitter account posted the fare report?", None),
    # Where the speaker is found, or as what.
    ("Who in the thread says the fees are fair?", "speaker"),
    ("Who's the voice below the article arguing the fees are fair?", "speaker"),
])
def test_questions_asking_who_said_it_or_which_outlet(question: str, asks: str | None) -> None:
    assert asks_for(question) == asks


def scorer_of(*texts: str, outlets: tuple[str | None, ...] = (), tagger: EntityTagger | None = None) -> SupportScorer:
    """Passages of made-up articles, attributed by the rules, scored by the fake embedder."""
    passages, labels = [], {}
    for i, text in enumerate(texts):
        article = Article(f"a{i}", f"Title {i}", text, f"a{i}.txt", None, "0" * 64,
                          outlet=outlets[i] if i < len(outlets) else None)
        labels[article.id] = attribute(article)
        passages.append(Passage(article.id, article.title, article.source, None, 0, len(text), text, 1.0, 1.0, (i,),
                                outlet=article.outlet))
    return SupportScorer(HashEmbedder(), passages, attributions=labels, tagger=tagger)


def test_a_quote_over_two_sentences_is_one_statement_on_its_topic() -> None:
    scorer = scorer_of("“The lighthouse beams were repaired last spring. They now reach the northern reef,” "
                       "said Mara Quill, the harbour master. The ferry left at noon.")
    assert statements(scorer) == [[0, 1], [2]]
    # The second sentence says nothing of the beams itself, yet it is what she said of them.
    assert on_topic("the lighthouse beams", scorer) == [0, 1]


def test_a_sentence_cut_after_an_abbreviation_joins_the_next() -> None:
    # "U.S." before "Secretary" ends no sentence: hers holds the topic it names.
    scorer = scorer_of("The council opened new ferry routes to the islands, but U.S. "
                       "Secretary of Transport Ann Vell labeled the routes a ruse.")
    assert len(scorer.texts) == 1
    picked = best_sentences("What did Ann Vell say about the ferry routes to the islands?", scorer, 2)
    assert [j for _, j in picked] == [0]
    # One that does end there ("... the U.S." | "The ...") is cut, and its parts stay one statement.
    cut = scorer_of("Ann Vell said the ferry routes were agreed with the U.S. The islands wanted more of them.")
    assert len(cut.texts) == 2 and statements(cut) == [[0, 1]]


def test_what_did_x_say_puts_the_statement_holding_more_of_y_first() -> None:
    scorer = scorer_of("Mara Quill said the harbour is busy. Quill said the lighthouse beams were "
                       "repaired with new lenses. The ferry left at noon.")
    picked = best_sentences("What did Mara Quill say about repairing the lighthouse beams?", scorer, 1)
    assert "lenses" in scorer.texts[picked[0][1]]
    # An inflected topic word still meets its sentence: "repairing" and "repaired".
    assert 1 in on_topic("repairing the beams", scorer)


def test_who_said_it_lists_every_outlet_carrying_the_claim_by_that_speaker() -> None:
    claim = "the northern reef light will be dark all winter"
    scorer = scorer_of(f"Mara Quill said {claim}.", f"Mara Quill said {claim}.",
                       f"Tom Brack said {claim}.", outlets=("Harbour News", "Coast Daily", "Bay Times"))
    first = scorer.citation(1, scorer.span_of(0), True)
    lead, added = who_and_where("speaker", [first], scorer, 0.5)
    assert lead.ours and lead.text == "Mara Quill said it, as reported by Harbour News and Coast Daily."
    assert lead.cites == (1, 2) and [(c.n, c.speaker) for c in added] == [(2, "Mara Quill")]
    outlet, _ = who_and_where("outlet", [first], scorer, 0.5)
    assert outlet.text == "Reported by Harbour News and Coast Daily, which attribute it to Mara Quill."
    # Two passages from one outlet name it once.
    twice = scorer_of(f"Mara Quill said {claim}.", f"Mara Quill said {claim}.", outlets=("Harbour News",) * 2)
    lead, _ = who_and_where("speaker", [twice.citation(1, twice.span_of(0), True)], twice, 0.5)
    assert lead.text == "Mara Quill said it, as reported by Harbour News." and lead.cites == (1, 2)
    # No supported citation, or nobody speaking: no lead of ours.
    assert who_and_where("speaker", [Citation(**{**first.__dict__, "supported": False})], scorer, 0.5) is None


@pytest.mark.parametrize(("question", "asks"), [
    ("Which journalist reported that officials put the camps off limits?", True),
    ("Whose reporting do we cite for officials saying the camps are off limits?", True),
    ("Who is the reporter cited for the claim that the camps are off limits?", True),
    ("Who reported that officials called the camps off limits?", True),
    ("Upon the reporting of which Free Beacon journalist does that contention rest?", True),
    ("Which journalist asked Putin about the refugees?", False),  # a question put to him
    ("Who said the camps were off limits?", False),
])
def test_a_question_asking_which_journalist_reported_it(question: str, asks: bool) -> None:
    assert asks_reporter(question) is asks


def test_which_journalist_reported_it_is_whom_the_speaker_told() -> None:
    scorer = scorer_of("According to Tom Brack of the Harbour Beacon, officials have stated the reef is closed. "
                       "Officials told RIA Novosti the ferry was late.")
    told = scorer.citation(1, scorer.span_of(0), True)
    assert told.via and told.via.startswith("Tom Brack")
    lead = reported_by([told])
    assert lead is not None and lead.ours and lead.cites == (1,)
    assert lead.text.startswith(f"{told.via} reported it, attributing it to {told.speaker}")
    # An agency told is an outlet, no journalist; an unsupported citation reports nothing.
    agency = scorer.citation(1, scorer.span_of(1), True)
    assert agency.via == "RIA Novosti" and reported_by([agency]) is None
    assert reported_by([Citation(**{**told.__dict__, "supported": False})]) is None


def test_what_did_x_say_counts_each_statement_once() -> None:
    # Her first statement's three sentences filled all three places; her second statement on the
    # fares, after another voice, was left out.
    scorer = scorer_of("“The ferry fares doubled this spring. The ferry fares hurt the islanders. Ferry fares must "
                       "fall,” said Mara Quill. Ivo Brand called that a ruse. “The operators fix the ferry fares at "
                       "night,” Quill said.")
    picked = [j for _, j in best_sentences("What did Mara Quill say about the ferry fares?", scorer, 3)]
    assert {0, 1, 2} <= set(picked) and 4 in picked and 3 not in picked


def test_what_did_x_say_quotes_a_short_statement_whole() -> None:
    # The statement's last sentence words the topic; the two before it are what she said of it too.
    scorer = scorer_of("The gulls left at noon. “I cannot see how. We are nowhere near that point. There is no "
                       "shared fare plan,” said Mara Quill.")
    one = Floors(speaker_sentences=1)
    picked = [j for _, j in best_sentences("What did Mara Quill say about a shared fare plan?", scorer, 1, one)]
    assert sorted(picked) == [1, 2, 3]


def test_what_did_x_say_on_where_something_comes_from_quotes_where_from() -> None:
    scorer = scorer_of("Mara Quill said the operators refuse to share ferry fuel with the island. The gulls left. "
                       "“We get our fuel from the northern depot,” Quill said.")
    question = "What did Mara Quill say about where the island gets ferry fuel if the operators won't share it?"
    assert [j for _, j in best_sentences(question, scorer, 1)] == [2]
    # Not a "from" of time: "from the very start" says where from nothing.
    start = scorer_of("Mara Quill said the operators refuse to share ferry fuel with the island, as they have "
                      "from the very start.")
    assert [j for _, j in best_sentences(question, start, 1)] == [0]


def test_who_says_what_groups_one_person_spelt_two_ways() -> None:
    def claim(speaker: str, role: str | None) -> Claim:
        return Claim(speaker, role, "quote", 1, 0, 1, "...", None, None)
    groups = by_speaker([claim("Sergei Ryabkov", "Deputy Foreign Minister"), claim("Russia", None),
                         claim("Sergey Ryabkov", None), claim("Bill Clinton", None), claim("Hillary Clinton", None),
                         claim("Sergey Ryabkov", "Deputy Foreign Minister")])
    assert [(g.speaker, g.role, len(g.claims)) for g in groups] == [
        ("Sergei Ryabkov", "Deputy Foreign Minister", 3), ("Russia", None, 1),
        ("Bill Clinton", None, 1), ("Hillary Clinton", None, 1)]


def test_the_speaker_asked_about_is_not_cut_at_a_capitalised_verb() -> None:
    assert asked_speaker("What did the US State Department say about the request?") == (
        "the US State Department", "the request")


def test_a_reply_to_the_sentence_before_is_on_its_topic() -> None:
    scorer = scorer_of("The harbour board asked for the lighthouse logs. But Mara Quill said "
                       "it would not be possible before spring.")
    assert 1 in on_topic("the lighthouse logs", scorer)
    assert best_sentences("What did Mara Quill say about the lighthouse logs?", scorer, 1)[0][1] == 1


def test_a_named_person_who_never_speaks_in_the_passages_gets_no_one_elses_words() -> None:
    scorer = scorer_of("Tom Brack said the lighthouse beams were repaired. Ann Vell visited the lighthouse.")
    own = speakers_own("What did Ann Vell say about the lighthouse beams?", scorer)
    assert own is not None and not own.any()  # refused: nothing of hers, not Brack's words
    # A description the rules may not have tied to anyone is left to the ordinary answer.
    assert speakers_own("What did the harbour official say about the beams?", scorer) is None


def test_who_does_speak_on_a_named_topic_is_never_someone_whose_passage_does_not_name_it() -> None:
    scorer = scorer_of(" ".join(f"The Tromso eruption closed {place} on Monday." for place in (
        "schools", "roads", "the port", "the airport", "two ferries", "the market")) +
        " Mara Quill said the Tromso eruption was the largest in a century. Ivo Brand visited the volcano.",
        "“It was a big party,” a neighbour said of the harbour festival.")
    question = "What did Ivo Brand say about how big the Tromso eruption was?"
    reason = refusal_reason(question, scorer.passages, scorer, lambda w: True, Settings())
    # The neighbour's "big" party is in an article that never names Tromso: no pointer to him.
    assert reason == "The articles quote nobody named Ivo Brand on how big the Tromso eruption was."


def test_who_said_a_reader_comment_says_a_reader_wrote_it_not_the_article() -> None:
    scorer = scorer_of("The ferry left at noon.\nSunni man wrote: The lighthouse is run by spies.\n"
                       "Another reader thinks so too.", outlets=("Harbour News",))
    j = next(j for j, label in enumerate(scorer.labels) if label.kind == "comment" and label.speaker)
    comment = scorer.citation(1, scorer.span_of(j), True)
    lead, added = who_and_where("speaker", [comment], scorer, 0.5)
    assert lead.text == ("A reader, Sunni man, wrote it in a comment under Harbour News, "
                         "not in the article's reporting.") and added == []
    # A commenter's handle is no speaker's name: "man" in a claim conflicts with nobody.
    assert not scorer.speaker_conflicts("A man said the lighthouse is run by spies.").any()


@pytest.mark.parametrize(("question", "kind"), [
    ("What is the name of the Iranian official who said the airstrikes are a show?", "person"),
    ("Which reporter wrote the EU Times article?", "person"),
    ("In which city did Putin give the interview?", "place"),
    ("Where was the memorandum signed?", "place"),
    ("To which news agency did Konashenkov say it?", "organisation"),
    ("Who is in charge of the Baghdad center?", "name"),
    ("Which outlet reported the Aleppo corridors?", None),  # the article's outlet answers it
    ("Who said the corridors were a ruse?", None),  # the attribution answers it
    ("Which show was renewed? Options: Squid Game; Friends.", None),
    ("What did Lavrov say about the coalition?", None),
    ("What did Ryabkov tell reporters about the operation?", None),  # a verb between: no person asked
    ("Where was it reported that the Guardian said so?", None),  # the outlet: asks_for
    ("Which Russian news agency did Ryabkov speak to?", "organisation"),
    ("Who was the RIA Novosti journalist that interviewed Ryabkov?", "person"),  # not a body nor a place
    ("Who wrote the Guardian report about the bombers?", "person"),  # its author, not who said what it says
])
def test_the_kind_of_name_a_question_asks_for(question: str, kind: str | None) -> None:
    found = entity_kind(question)
    assert (found[0] if found else None) == kind


def test_to_which_agency_asks_whom_he_told_not_who_published_it() -> None:
    assert asks_for("Which news agency reported the remarks?") == "outlet"
    assert asks_for("Where was it reported that the Guardian said so?") == "outlet"
    assert asks_for("To which news agency did Konashenkov say that the strikes rarely hit?") is None
    assert asks_for("Which news agency did Konashenkov speak to?") is None  # whom he told, as above
    assert asks_for("Which news agency did Ryabkov give his comments to, per the Sputnik report?") is None


def test_a_name_asked_for_is_no_day_people_or_country_unless_a_place_is_asked_for() -> None:
    offensive = "What was the name of the offensive the Syrian Army announced on Tuesday?"
    assert not holds("name", "As Russia's effort paid off, on Tuesday the Syrian Army announced an offensive.", offensive)
    assert holds("name", "On Tuesday the Syrian Army announced Operation Dawn, an offensive.", offensive)
    assert holds("name", "He was born in France.", "What is the name of the country he was born in?")


@pytest.mark.parametrize(("question", "sentence", "ok"), [
    ("In which month did Lavrov speak to Channel One?", "Lavrov said on Sunday that the goal differs.", False),
    ("In which month did Lavrov speak to Channel One?", "Lavrov said on October 4 that the goal differs.", True),
    ("In what year did Putin say it?", "Putin said it on Friday.", False),
    ("In what year did Putin say it?", "Putin said it in 2015.", True),
    ("On what day of the week did Ryabkov speak?", "Ryabkov said so on Oct 8th, 2015.", False),
    ("On what day of the week did Ryabkov speak?", "Ryabkov said so on Thursday.", True),
    ("On which weekday did Ryabkov speak?", "Ryabkov said so on Oct 8th, 2015.", False),
    ("On which weekday did Ryabkov speak?", "Ryabkov said so on Thursday.", True),
    ("On what date did Putin answer questions?", "On September 4th Putin answered questions.", True),
    ("On what date did Putin answer questions?", "In September Putin answered questions.", False),
    ("When did Putin answer questions?", "In September Putin answered questions.", True),
    ("What was the date of the interview?", "He gave the interview on Sunday.", False),  # a weekday is no date
    ("On what calendar date was the interview?", "He gave the interview on Sunday.", False),
    ("What was the date of the interview?", "He gave the interview on October 4.", True),
    # A date the question gives is no answer.
    ("In which year after October 2015 did Putin speak?", "Putin spoke in October 2015.", False),
])
def test_a_date_question_needs_the_part_of_a_date_it_asks_for(question: str, sentence: str, ok: bool) -> None:
    assert holds(expected(question), sentence, question) is ok


def test_a_typed_answer_must_be_about_what_the_question_names() -> None:
    assert focus("On which day did Sergei Lavrov tell Channel One about the Russian strikes?") == [
        {"sergei", "lavrov", "#ls"}, {"channel"}]  # "Russian" describes, it names nobody; "one" is a stopword
    scorer = scorer_of("The ferry to Oslo left on Sunday, the harbour master said.",
                       "Mara Quill said on Monday the lighthouse beams were repaired.")
    # Each sentence gives a weekday; only the second is about Mara Quill.
    assert best_sentences("On which day did Mara Quill say the lighthouse beams were repaired?", scorer, 1) == [(2, 1)]
    assert best_sentences("On which day did Ivo Brand say the lighthouse beams were repaired?", scorer, 1) == []


def test_a_speaker_answers_which_x_only_if_he_carries_the_names_describing_x() -> None:
    quoted = scorer_of("“We kept away from the reefs the Harbour Board officials had marked,” said Mara Quill.")
    # She quotes what the officials marked; she is none of them.
    assert best_sentences("Which Harbour Board officials told the crews where the reefs were?", quoted, 1) == []
    staff = scorer_of("According to Ivo Brand of the Harbour Board, the reefs were marked in spring.")
    assert best_sentences("Which Harbour Board official reported that the reefs were marked?", staff, 1) == [(1, 0)]


def test_a_publication_date_question_is_searched_for_by_what_was_published() -> None:
    assert published_subject("When was the EU Times piece on Ryabkov posted?") == "the EU Times piece on Ryabkov"
    assert published_subject("On what date did RT publish the story about Putin?") == "RT the story about Putin"
    assert published_subject("When did Putin speak?") is None
    assert asks_for("when was the EU Times article put up, date-wise?") == "published"


def test_an_interview_answer_is_on_what_the_question_put_to_it_asks() -> None:
    scorer = scorer_of("Question: The ferry fares have doubled in the harbour this winter. What is your view?\n\n"
                       "Mara Quill: We warned about this long ago. Nobody listened to us then.\n\n"
                       "Question: And the lighthouse?\n\nMara Quill: It shines again.")
    picked = best_sentences("What was Mara Quill's view on the doubled ferry fares?", scorer, 1)
    assert [scorer.texts[j] for _, j in picked][:1] == ["Mara Quill: We warned about this long ago."]


def test_a_quote_goes_on_from_its_speakers_own_summary_with_other_voices_between() -> None:
    scorer = scorer_of("Mara Quill again criticized the ferry fares, claiming the operators were using price cartels. "
                       "Fares doubled, the Harbour Gazette reported. Ivo Brand called the claim a ruse. "
                       "“They meet at night and fix the fares,” Quill said.")
    picked = best_sentences("What did Mara Quill say about the operators' price cartels on fares?", scorer, 3)
    assert any("meet at night" in scorer.texts[j] for _, j in picked)
    # Not another speaker's quote: Brand's words stay his.
    assert not any("ruse" in scorer.texts[j] for _, j in picked)


def test_a_route_asked_for_is_no_medium() -> None:
    assert Slot.of("Which channel broadcast the interview with Putin?").medium
    assert not Slot.of("Through which channels does Russia coordinate the intelligence it gets?").medium


def test_a_name_asked_about_is_also_found_as_its_acronym() -> None:
    scorer = scorer_of("Combat report: jets fly 107 sorties, target 289 terror sites in 2 days - MoD",
                       "The harbour master said 40 ferries left in 2 days.")
    question = "According to the Russian Defence Ministry's combat report, how many sites were targeted?"
    assert best_sentences(question, scorer, 1) == [(1, 0)]
    # Initials are no acronym of a name they do not begin: "MoD" is not the Finance Ministry.
    assert best_sentences("According to the Finance Ministry, how many sites were targeted?", scorer, 1) == []
    # Nor is a name with capitals inside it ("McCain") an acronym.
    mccain = scorer_of("McCain said 40 ferries left in 2 days.")
    assert best_sentences("According to the Mayor's Council, how many ferries left?", mccain, 1) == []


def test_a_person_question_is_not_answered_by_the_person_it_names() -> None:
    scorer = scorer_of("Deputy Foreign Minister Sergey Ryabkov said on Thursday that the refusal confirms it.")
    # "Sergey" is new to the question, but the name is Ryabkov's, whom it asks about.
    question = "Which reporter wrote the article about Ryabkov's remarks on the refusal?"
    assert best_sentences(question, scorer, 1) == []
    assert refusal_reason(question, scorer.passages, scorer, lambda w: True, Settings()) == (
        "No retrieved sentence gives a person's name about Ryabkov.")


def test_a_why_question_needs_a_sentence_that_gives_a_reason() -> None:
    assert asks_why("Why did the ferry leave early?") and asks_why("According to Mara Quill, why did it leave?")
    assert not asks_why("What did Mara Quill say about the ferry?")
    scorer = scorer_of("The ferry left Oslo early on Sunday, the harbour master said.",
                       "The ferry left Oslo early because a storm was coming, the harbour master said.")
    assert best_sentences("Why did the ferry leave Oslo early?", scorer, 1) == [(2, 1)]
    silent = scorer_of("The ferry left Oslo early on Sunday, the harbour master said.")
    assert best_sentences("Why did the ferry leave Oslo early?", silent, 1) == []
    assert refusal_reason("Why did the ferry leave Oslo early?", silent.passages, silent, lambda w: True,
                          Settings()) == "No retrieved sentence gives a reason about Oslo."


def test_what_something_was_designated_as_is_why_it_was_treated_so() -> None:
    scorer = scorer_of("The ferry skipped the northern piers, which had been marked by the pilots as being unsafe.")
    assert _gives_reason(scorer, 0, "Why did the ferry skip the northern piers?")
    plain = scorer_of("The ferry skipped the northern piers, which had been marked on the map.")
    assert not _gives_reason(plain, 0, "Why did the ferry skip the northern piers?")


def test_a_speakers_words_go_on_from_his_statement_on_the_topic_with_his_others_between() -> None:
    # Her second statement on the reef beacons holds too little of the topic's words alone; her
    # words on the weather between do not break it from her first.
    scorer = scorer_of("Mara Quill said the harbour board knows the reef beacons are broken. Quill told the Coast "
                       "Radio that the weather was calm. She said the board has the repair lists but will not pay "
                       "for the beacons.")
    topic = "what the harbour board knows about the broken reef beacons"
    assert topic_coverage(topic, scorer)[2] >= 0.5
    alone = scorer_of("Quill told the Coast Radio that the weather was calm. She said the board has the repair lists "
                      "but will not pay for the beacons.")
    assert topic_coverage(topic, alone)[1] < 0


def test_where_is_answered_by_a_place_after_a_preposition_of_place() -> None:
    scorer = scorer_of("Rebels made gains, Britain's Guardian newspaper reported on Saturday.",
                       "Rebels made gains in the besieged city of Aleppo, the newspaper reported.")
    assert best_sentences("In which city did the rebels make gains?", scorer, 1) == [(2, 1)]
    only_britain = scorer_of("Rebels made gains, Britain's Guardian newspaper reported on Saturday.")
    assert best_sentences("In which city did the rebels make gains?", only_britain, 1) == []


def test_a_denial_is_paired_with_the_claim_it_answers() -> None:
    scorer = scorer_of("The harbour authority has accused the ferry company of skipping safety checks, it said. "
                       "The ferry company denies the allegations. The ferry left at noon.")
    claims = claims_of(scorer)
    (dispute,) = disputes(claims)
    assert dispute.assertion.quote.startswith("The harbour authority has accused")
    assert dispute.denial.quote == "The ferry company denies the allegations."
    # A claim nobody denies is no dispute.
    assert disputes([c for c in claims if c is not dispute.denial]) == []


def test_what_did_x_say_with_a_clause_asks_for_xs_words_on_it() -> None:
    assert asked_speaker("What did Putin say Russia's cooperation with the Free Syrian Army proves?") == (
        "Putin", "Russia's cooperation with the Free Syrian Army proves")
    # Other "how did ..." questions are not about someone's words; how someone responded is.
    assert asked_speaker("How did the crisis start?") is None
    assert asked_speaker("How did harbour master Mara Quill respond to the ferry crash?") == (
        "harbour master Mara Quill", "the ferry crash")
    # How he said or explained something is what he said of it.
    assert asked_speaker("How did Mara Quill say the harbour would cope without the ferry?") == (
        "Mara Quill", "the harbour would cope without the ferry")
    assert asked_speaker("How did Mara Quill explain why the fares rose?") == ("Mara Quill", "the fares rose")
    # A clause and then "about": both are the topic; whom he told is not.
    assert asked_speaker("What did Mara Quill say the closing of the pier revealed about the ferry's owners?") == (
        "Mara Quill", "the closing of the pier revealed about the ferry's owners")
    assert asked_speaker("What did Mara Quill tell Harbour Radio about the ferry's owners?") == (
        "Mara Quill", "the ferry's owners")
    assert asked_speaker("What was Mara Quill's comment on the fares?") == ("Mara Quill", "the fares")
    # A reader described by where he writes is still a commenter.
    assert asked_speaker("What did one of the readers commenting under the post say about the fares?") == (
        "one of the readers commenting under the post", "the fares")
    # Where it was reported, said first, is no part of the question's speaker or topic.
    assert asked_speaker("As reported by the Harbour Gazette, what was Mara Quill's view on the fares?") == (
        "Mara Quill", "the fares")


def test_a_statement_over_sentences_is_on_the_topic_its_sentences_hold_together() -> None:
    scorer = scorer_of("“We worked with the harbour pilots,” said Mara Quill. “Each night they guided the "
                       "ferries in. This proves the beacons were never needed.” The gulls left at noon.")
    assert statements(scorer) == [[0, 1, 2], [3]]
    # No sentence holds both "pilots" and "proves"; the statement does.
    assert on_topic("the harbour pilots proves", scorer) == [0, 1, 2]


def test_what_did_x_say_quotes_the_statement_on_from_the_sentence_naming_the_topic() -> None:
    scorer = scorer_of("“The beacon repairs are done,” said Mara Quill. “How can the ferries run "
                       "at night on the northern reef? They cannot, the rocks are unlit. Pilots refuse. "
                       "Owners wait.” The gulls left at noon.")
    picked = [j for _, j in best_sentences("What did Mara Quill say about the ferries on the northern reef?",
                                           scorer, 1)]
    assert picked[:4] == [1, 2, 3, 4]  # the topic's sentence, then what she went on to say of it
    assert 5 not in picked  # the outlet's own line is never hers


@pytest.mark.parametrize(("question", "asked"), [
    ("What did the commenter who doubted the ferry plan say about the harbour fees?",
     ("the commenter", "the harbour fees, doubted the ferry plan")),
    ("What was a reader's view of the harbour fees?", ("a reader", "the harbour fees")),
    ("What did one commenter ask people who like the ferry?", ("one commenter", "people who like the ferry")),
    ("What did the official who spoke to the radio say about the fees?", None),  # a description, no name
    ("What was Dr. Ann Vell's advice on ordering ferry tickets online?",
     ("Dr. Ann Vell", "ordering ferry tickets online")),
    ("Speaking to reporters on Sept 4, what did Ola Berg say about the fees?", ("Ola Berg", "the fees")),
    ("What was Berg's claim about the fees?", ("Berg", "the fees")),
    ("What's Berg's view on the fees?", ("Berg", "the fees")),
    # A name typed in lower case is a name when the asker capitalises nothing; a description is not.
    ("what did ola berg say about the fees", ("ola berg", "the fees")),
    ("what did the harbour master say about the fees", None),
    ("In Berg's words, how did the ferry company react to the fees?",
     ("Berg", "how did the ferry company react to the fees")),
])
def test_what_did_a_reader_or_a_described_speaker_say(question: str, asked: tuple | None) -> None:
    assert asked_speaker(question) == asked


def test_what_did_a_commenter_say_answers_from_the_comments_only() -> None:
    scorer = scorer_of("Mara Quill said the harbour fees will rise in May.\n\n12 Comments\n\n"
                       "Tom Vell wrote: The harbour fees are a scandal. Nobody voted for them.\n\n"
                       "Ferries are late again.")
    picked = [scorer.texts[j] for _, j in best_sentences("What did the commenter say about the harbour fees?",
                                                         scorer, 2)]
    assert picked and "Mara Quill" not in " ".join(picked)  # an official's words are no reader's
    assert "Nobody voted for them." in picked  # the rest of the comment comes along
    # A named commenter's words are his: "Tom Vell" is asked for like any speaker.
    assert any("scandal" in scorer.texts[j] for _, j in best_sentences(
        "What did Tom Vell say about the harbour fees?", scorer, 2))


def test_the_slot_a_question_describes_must_be_filled_not_only_its_kind() -> None:
    # "which Norwegian official": a Swede's words name a person, not the one asked for.
    question = "What is the name of the Norwegian official who said the fishing quotas were unfair?"
    assert best_sentences(question, scorer_of("Swedish Fisheries Minister Ola Berg said the fishing quotas "
                                              "were unfair."), 1) == []
    assert best_sentences(question, scorer_of("Norwegian Fisheries Minister Ola Berg said the fishing quotas "
                                              "were unfair."), 1) == [(1, 0)]
    # "to which news agency": a medium is named, or is whom the speaker told.
    question = "To which news agency did Ola Berg say the fishing quotas were unfair?"
    assert best_sentences(question, scorer_of("Ola Berg said the fishing quotas were unfair, in Oslo."), 1) == []
    assert best_sentences(question, scorer_of("Ola Berg told Interfax the fishing quotas were unfair."), 1) == [(1, 0)]
    # "state television" is a kind of medium, not the name "which channel" asks for.
    state = scorer_of("Ola Berg told state television the fishing quotas were unfair.")
    assert best_sentences("Which channel did Ola Berg tell the fishing quotas were unfair?", state, 1) == []
    assert best_sentences("What kind of broadcaster did Ola Berg tell the fishing quotas were unfair?",
                          state, 1) == [(1, 0)]
    # Who says a sentence answers only for the one who says something: not "the mayor with
    # whom the minister discussed the quotas", which the minister says.
    scorer = scorer_of("Deputy Minister Ola Berg visited Tromso harbour.\n\n"
                       "“We discussed the fishing quotas with the mayor,” he said.")
    assert best_sentences("What is the name of the mayor with whom the minister discussed the fishing quotas?",
                          scorer, 1) == []
    # "Who ...?" is answered by whoever says the sentence, named in it or not.
    scorer = scorer_of("Deputy Minister Ola Berg visited Tromso harbour.\n\n"
                       "“The fishing quotas are unfair to the islands,” he complained.")
    assert best_sentences("Who complained that the fishing quotas were unfair to the islands?", scorer, 1) == [(1, 1)]
    # Whom the speaker told may be said at another of his sentences in the passage: that
    # sentence, which names the agency, comes first, then the words asked about.
    told = scorer_of("Ola Berg said the fishing quotas were unfair to the islands. “We will fight them,” Berg told Interfax.")
    assert best_sentences("To which news agency did Ola Berg say the fishing quotas were unfair to the islands?",
                          told, 2) == [(1, 1), (1, 0)]


def test_furniture_sets_no_floor_for_a_question_it_matches_best() -> None:
    scorer = scorer_of("Posted by Harbour News on Oct 8th, 2015 // No Comment Mara Quill, harbour master.\n\n"
                       "Mara Quill said the lighthouse beams were repaired.")
    assert scorer.labels[0].kind == "furniture"
    question = "Which site posted, on Oct 8th 2015, harbour master Mara Quill on the lighthouse beams?"
    assert scorer.sentence_scores(question)[0] > scorer.sentence_scores(question)[1] / 0.8  # the byline is best
    assert best_sentences(question, scorer, 1) == [(1, 1)]


def test_furniture_answers_only_a_question_about_the_page() -> None:
    scorer = scorer_of("Mara Quill said the lighthouse beams were repaired.\n\nREAD MORE: Ferry fares rise 40% "
                       "in Tromso\n\nThe ferry left at noon.")
    assert scorer.labels[1].kind == "furniture"
    assert best_sentences("By how much did ferry fares rise in Tromso?", scorer, 1) == []
    assert best_sentences("By how much did ferry fares rise in Tromso, per the related headlines?", scorer, 1) == [
        (1, 1)]
    assert best_sentences("A related harbour headline: by how much did ferry fares rise in Tromso?", scorer, 1) == [
        (1, 1)]


def test_a_medium_asked_for_is_the_one_the_person_asked_about_told() -> None:
    story = ("OSLO (Nordnews) – Fisheries Minister Ola Berg said the fishing quotas were unfair to the islands. "
             "“We will fight them in the courts,” Berg told Interfax.")
    scorer = scorer_of(story)
    # The dateline names who published it; the sentence naming whom he told answers first.
    assert best_sentences("To which news agency did Ola Berg give his comments on the fishing quotas?",
                          scorer, 1) == [(1, 1)]
    assert scorer.texts[0].startswith("OSLO (Nordnews)")
    # Nobody quoted is asked about: a medium elsewhere is no answer below the floor.
    scorer = scorer_of("The harbour analysts said the lighthouse beams were repaired last spring. "
                       "Mayor Ann Vell told Interfax the ferry fares would rise.")
    question = "Which survey agency employs the harbour analysts who said the lighthouse beams were repaired?"
    assert best_sentences(question, scorer, 1) == []
    # Another speaker's interview is not the one asked about.
    scorer = scorer_of("Ola Berg said the fishing quotas were unfair. Mayor Ann Vell told Interfax she agreed "
                       "with his comments on the fishing quotas.")
    assert best_sentences("To which news agency did Ola Berg give his comments on the fishing quotas?",
                          scorer, 1) == []


@pytest.mark.parametrize(("question", "noun"), [
    ("Which Russian warplane did Turkey shoot down near the border?", "warplane"),
    ("Which Russian air base in Syria is used for the airstrikes?", "base"),
    ("Across which border are the weapons funneled?", "border"),
    ("Which outlet noted that the strikes went on?", None),  # the outlet is asked: "noted" is no noun
    ("In which city did the rebels make gains?", None),  # a city goes without its noun: "in Aleppo"
    ("Which Russian news agency did Ryabkov speak to?", None),
    ("Which warplane fits best? Options: Su-24; MiG-29", None),  # the options are the candidates
    ("What model of aircraft does the coastguard fly?", "aircraft"),
    ("What type of nets did the trawler use?", "nets"),
    ("Which type of Norwegian trawler sank?", "trawler"),  # the noun, not the people's adjective
    # A speaker asked for by what he is: nothing after his verb is a thing to name.
    ("Which forecaster said people caught in the floods were stranded?", None),
    ("Which historian said that Putin had never been illogical?", None),
])
def test_which_thing_a_question_asks_to_be_named(question: str, noun: str | None) -> None:
    assert asked_noun(question) == noun


def test_a_thing_or_a_facility_is_named_with_its_noun() -> None:
    question = "Which Norwegian trawler did the coastguard seize near Tromso in November?"
    named = scorer_of("The coastguard seized the Norwegian trawler Polar Star near Tromso in November.")
    assert best_sentences(question, named, 1) == [(1, 0)]
    other = scorer_of("The coastguard seized nets and a Norwegian flag near Tromso in November.")
    assert best_sentences(question, other, 1) == []
    assert refusal_reason(question, other.passages, other, lambda w: True, Settings()) == (
        "No retrieved sentence names a trawler about Norwegian and Tromso.")
    # "a Norwegian trawler" has the noun, but does not say which one.
    some = scorer_of("The coastguard seized a Norwegian trawler near Tromso in November.")
    assert best_sentences(question, some, 1) == []


def test_who_leads_something_needs_a_sentence_that_says_who_leads_it() -> None:
    question = "Who is in charge of the Tromso harbour office?"
    silent = scorer_of("The Tromso harbour office coordinates sailings with Bergen, Ola Berg said.")
    assert best_sentences(question, silent, 1) == []
    assert refusal_reason(question, silent.passages, silent, lambda w: True, Settings()) == (
        "No retrieved sentence gives a leader's name about Tromso.")
    said = scorer_of("Mara Quill, head of the Tromso harbour office, said sailings resume on Monday.")
    assert best_sentences(question, said, 1) == [(1, 0)]


def test_the_source_who_told_a_newspaper_is_not_its_reporter() -> None:
    question = "What is the name of the official who told the Harbour Gazette that the fishing quotas were unfair?"
    reporter = scorer_of("According to Ivo Brand of the Harbour Gazette, officials have said the fishing quotas "
                         "were unfair.")
    assert best_sentences(question, reporter, 1) == []
    source = scorer_of("A fisheries official, Ola Berg, told the Harbour Gazette that the fishing quotas were unfair.")
    assert best_sentences(question, source, 1) == [(1, 0)]


@pytest.mark.parametrize(("question", "not_a_place", "place"), [
    # spaCy's small model calls both "Arab" and "Aleppo" (before "province") a people (NORP).
    ("In which city did the strikes hit the rebels' depots?",
     "The strikes hit the rebels' depots in the Arab republic, the ministry said.",
     "The strikes hit the rebels' depots in Aleppo province, the ministry said."),
    # A country is no city.
    ("Which city did the trawler fleet sail from in November?",
     "The trawler fleet sailed from Norway in November, Ola Berg said.",
     "The trawler fleet sailed from Oslo in November, Ola Berg said."),
])
def test_a_city_is_not_answered_by_a_people_named_as_an_adjective_or_by_a_country(
        question: str, not_a_place: str, place: str) -> None:
    tagger = EntityTagger(Settings().entity_tagger)
    assert best_sentences(question, scorer_of(not_a_place, tagger=tagger), 1) == []
    assert best_sentences(question, scorer_of(place, tagger=tagger), 1) == [(1, 0)]


def test_who_holds_an_office_needs_that_office_not_a_deputys_or_anothers() -> None:
    question = "Who is Norway's fisheries minister?"
    deputy = scorer_of("Norway's Deputy Fisheries Minister Ola Berg said the quotas were unfair.")
    assert best_sentences(question, deputy, 1) == []
    assert refusal_reason(question, deputy.passages, deputy, lambda w: True, Settings()) == (
        "No retrieved sentence gives the name of a fisheries minister about Norway.")
    foreign = scorer_of("Icelandic Fisheries Minister Ola Berg said the quotas were unfair to Norway.")
    assert best_sentences(question, foreign, 1) == []  # another country's minister
    minister = scorer_of("Norway's Fisheries Minister Mara Quill said the quotas were fair.")
    assert best_sentences(question, minister, 1) == [(1, 0)]
    # The deputy asked for is the deputy.
    tagger = EntityTagger(Settings().entity_tagger)
    asked = "Who is Norway's deputy fisheries minister who called the quotas unfair?"
    assert best_sentences(asked, scorer_of(deputy.passages[0].text, tagger=tagger), 1) == [(1, 0)]
    assert best_sentences(asked, scorer_of(minister.passages[0].text, tagger=tagger), 1) == []
    # The office's words may come in another order: "the Defense Secretary" for "secretary of defense".
    assert best_sentences("Who was the US Secretary of Defense?",
                          scorer_of("US Defense Secretary Ashton Carter flew to Tromso."), 1) == [(1, 0)]


def test_the_name_of_an_office_holder_needs_the_name_beside_the_office() -> None:
    question = "What is the name of the President of Iceland with whom Mara Quill discussed the quotas?"
    listed = scorer_of("Mara Quill said she discussed the quotas with the King of Norway, the President of "
                       "Iceland and Ola Berg of the harbour office.")
    # The office is there, and names too, but nobody is named as the President of Iceland.
    assert best_sentences(question, listed, 1) == []
    assert refusal_reason(question, listed.passages, listed, lambda w: True, Settings()) == (
        "No retrieved sentence gives the name of a President of Iceland about Iceland and Mara Quill.")
    for named in ("Mara Quill said she discussed the quotas with the President of Iceland, Ivo Brand.",
                  "Mara Quill said she discussed the quotas with Ivo Brand, the President of Iceland.",
                  "Mara Quill said she discussed the quotas with Icelandic President Ivo Brand."):
        assert best_sentences(question, scorer_of(named), 1) == [(1, 0)], named


def test_what_did_a_speaker_named_by_description_say_is_answered_from_the_person_it_fits() -> None:
    scorer = scorer_of("Norwegian Deputy Foreign Minister Ola Berg met his Icelandic colleagues. “We will share "
                       "the fishing quotas with the islands,” Berg said. Harbour master Mara Quill said the "
                       "fishing quotas for the islands were unfair.")
    own = speakers_own("What did the Norwegian diplomat say about the fishing quotas for the islands?", scorer)
    assert own is not None and own.tolist() == [False, True, False]  # Berg's, not the harbour master's


def test_a_summary_and_the_quote_after_it_are_one_statement_across_chunks() -> None:
    text = ("Harbour master Mara Quill said the storm was not hampering the ferries.\n\n"
            "“This in no way affects the timetable,” Quill said. The ferry left at noon.")
    article = Article("a0", "Title", text, "a0.txt", None, "0" * 64)
    cut = text.index("“")
    passages = [Passage("a0", "Title", "a0.txt", None, 0, cut - 2, text[:cut - 2], 1.0, 1.0, (0,)),
                Passage("a0", "Title", "a0.txt", None, cut, len(text), text[cut:], 0.9, 0.9, (1,))]
    scorer = SupportScorer(HashEmbedder(), passages, attributions={"a0": attribute(article)})
    assert [scorer.follows(j) for j in range(3)] == [False, True, True]
    assert statements(scorer) == [[0, 1], [2]]
    own = speakers_own("What did Quill say the storm meant for the ferries?", scorer)
    assert own is not None and best_sentences("What did Quill say the storm meant for the ferries?", scorer, 1) == [
        (1, 0), (2, 1)]


def test_the_writers_sentence_before_a_statement_names_its_topic_another_speakers_does_not() -> None:
    scorer = scorer_of("Agency spokesperson Tom Vane was asked about the minister's trip to the islands. "
                       "“I will not be offering any advice on that,” Vane said. "
                       "Harbour master Mara Quill said the ferries to the islands were late. "
                       "“That is a matter for the courts,” said Ola Berg.")
    own = speakers_own("What did Tom Vane say about the minister's trip to the islands?", scorer)
    assert own is not None and own.tolist() == [False, True, False, False]
    # Quill's words on the ferries are hers: Berg's reply after them is not on the ferries.
    own = speakers_own("What did Ola Berg say about the ferries to the islands?", scorer)
    assert own is not None and not own.any()


def test_a_speaker_question_asks_for_words_not_for_the_kind_of_name_in_its_topic() -> None:
    assert entity_kind("What group led the march?") is not None
    assert entity_kind("What did Mayor Jim Hale say about what the arrested group might have done?") is None


def test_whether_is_the_questions_wording_not_its_topic() -> None:
    scorer = scorer_of("“I do not expect moves of this size to be common,” Fed Chair Anna Vell said on Wednesday. "
                       "Vell said inflation is high.")
    assert on_topic("whether rate hikes of this size will be common", scorer) == [0]


def test_a_topic_meets_its_words_in_other_forms_but_not_in_common_verbs() -> None:
    scorer = scorer_of("Mara Quill said she quit smoking cigarettes during the winter.",
                       "The ferry timetable changed in the winter.")
    assert on_topic("quitting smoking pipes", scorer) == [0]  # "quitting" is "quit"
    scorer = scorer_of("Ivo Brand said the council would pay for the harbour works.")
    assert on_topic("how the harbour repairs were paid for", scorer) == [0]  # "paid" is "pay"
    # "get" and "see" say nothing of the topic: the galaxies are not about getting emotional.
    scorer = scorer_of("“The telescope can see galaxies so far away that their light takes years to get here,” "
                       "Ivo Brand said.")
    assert on_topic("getting emotional when he saw the telescope images", scorer) == []


def test_who_said_it_is_answered_by_a_sentence_holding_most_of_it_not_by_one_naming_its_subject() -> None:
    scorer = scorer_of("“The Ivo Brand I knew was not the Ivo Brand I heard on those tapes,” Mara Quill said. "
                       "“He is two-faced,” Ola Berg said.")
    assert best_sentences("Who called Ivo Brand two-faced?", scorer, 1) == [(1, 1)]
    # Nobody says it: the economist quoted beside the words is not named for it.
    scorer = scorer_of("The harbour crisis grew in the winter. “The tax cuts were a mistake,” said Ola Berg, an economist.")
    question = "Who said the harbour crisis was 30% misfortune and 70% mismanagement?"
    assert best_sentences(question, scorer, 1) == []
    assert refusal_reason(question, scorer.passages, scorer, lambda w: True, Settings()) == (
        "No retrieved sentence says most of “the harbour crisis was 30% misfortune and 70% mismanagement”.")


def test_no_sentence_is_cut_after_v() -> None:
    scorer = scorer_of("Tennis champion Mara Quill said she had no thoughts on Roe v. "
                       "Wade she was ready to share. The ferry left at noon.")
    assert scorer.texts[0].endswith("Wade she was ready to share.") and statements(scorer)[0] == [0]
    assert 0 in on_topic("Roe v. Wade being overturned", scorer)


def test_a_speaker_asked_about_with_an_affiliation_is_the_person() -> None:
    scorer = scorer_of("“Millions of people have put the climate first,” said Amanda Quill of the Climate Council.")
    own = speakers_own("What did Amanda Quill of the Climate Council say about the climate?", scorer)
    assert own is not None and own.tolist() == [True]


def test_a_writers_sentence_holding_less_than_half_the_topic_lends_it_nothing() -> None:
    scorer = scorer_of("Other members were more cautious about the trip. "
                       "“Congress is divided and relations are strained,” Judy Quill said.")
    # "members" alone is not what she answers: lobbying members of Congress is someone else's subject.
    own = speakers_own("What did Judy Quill say about the embassy lobbying members of Congress?", scorer)
    assert own is not None and not own.any()


def test_an_organisation_asked_by_its_first_word_is_itself_not_a_group_named_after_someone() -> None:
    scorer = scorer_of("Abbott Nutrition said the cause of the infection has not been determined. "
                       "The Biden administration said the cause of the shortage was the recall.")
    own = speakers_own("What did Abbott say about the cause of the infection?", scorer)
    assert own is not None and own.tolist() == [True, False]
    biden = speakers_own("What did Biden say about the cause of the shortage?", scorer)
    assert biden is None or not biden.any()



def test_a_line_of_its_own_on_another_matter_does_not_name_the_next_statements_topic() -> None:
    scorer = scorer_of("The judge who signed the harbour warrant was removed from the court website\n\n"
                       "In a message to staff, harbour master Mara Quill said their safety was her first concern.")
    own = speakers_own("What did Mara Quill say about the harbour warrant judge?", scorer)
    assert own is not None and not own.any()
    # In her paragraph, or naming her, it still does.
    scorer = scorer_of("Mara Quill was asked about the judge who signed the harbour warrant. "
                       "In a message to staff, harbour master Mara Quill said their safety was her first concern.")
    own = speakers_own("What did Mara Quill say about the harbour warrant judge?", scorer)
    assert own is not None and own.tolist() == [False, True]


def test_which_role_said_it_is_answered_by_somebodys_words_not_the_outlets() -> None:
    scorer = scorer_of("The Lightning lost the first game of the final to the Avalanche. "
                       "“We did not give them our best game,” coach Ola Berg said.")
    picked = best_sentences("Which coach conceded the Lightning lost the first game of the final?", scorer, 1)
    assert [j for _, j in picked] == [1]


def test_which_role_said_it_may_leave_the_claims_names_to_the_sentences_around_the_speakers_words() -> None:
    scorer = scorer_of("Ola and Ivo Brand of Harbour Farms were charged on Thursday with six misdemeanour counts. "
                       "Their statement said the charges imply nothing. Prosecutors pursued the case anyway. "
                       "The misdemeanour “was the most serious charge we could find,” said Mara Quill, the "
                       "prosecutors' spokeswoman. Nobody else commented.")
    question = "Which prosecutors' spokeswoman defended the misdemeanour counts against the Brand brothers?"
    assert [j for _, j in best_sentences(question, scorer, 1)] == [3]
    # A speaker described at length is still asked for by what he is.
    question = ("Which spokeswoman for the harbour's prosecutors' office defended the misdemeanour counts "
                "against the Brand brothers?")
    assert [j for _, j in best_sentences(question, scorer, 1)] == [3]
    # A question put to someone is no claim: whom it was put to is found around the answer.
    asked = best_sentences("Which spokeswoman asked Ivo Brand about the misdemeanour counts?", scorer, 1)
    assert 3 not in [j for _, j in asked]


def test_the_in_other_words_notice_only_when_the_closest_statement_answers() -> None:
    scorer = scorer_of("The ferry left at noon. “The harbour is closed to all boats,” said Mara Quill.")
    # Nobody words "taxes on fishing licences", and Ivo Brand speaks nowhere: refused, no notice.
    assert in_other_words("What did Ivo Brand say about taxes on fishing licences?", scorer, 0.0, 0.0) is None
    assert in_other_words("What did Mara Quill say about the harbour?", scorer, 0.0, 0.0) is None  # her words hold it
    notice = in_other_words("What did Mara Quill say about taxes on fishing licences?", scorer, 0.0, 0.0)
    assert notice is not None and notice.startswith("No retrieved sentence words")
    assert "closest to it in meaning" in notice
    assert in_other_words("What did Mara Quill say about taxes on fishing licences?", scorer, 1.01, 0.0) is None


def test_when_others_word_the_topic_x_answers_in_other_words_only_about_as_close_to_it() -> None:
    scorer = scorer_of("Taxes on fishing licences rose in May.\n\n"
                       "“The harbour is closed to all boats,” said Mara Quill.")
    question = "What did Mara Quill say about taxes on fishing licences?"
    # The writer words the topic and is far closer to it than anything she says: a near miss.
    own = speakers_own(question, scorer, 0.0, 0.0)
    assert own is not None and not own.any()
    assert in_other_words(question, scorer, 0.0, 0.0) is None
    # Let her statement be any amount less close, and it answers, the notice saying whose words miss the topic.
    own = speakers_own(question, scorer, 0.0, 2.0)
    assert own is not None and own.tolist() == [False, True]
    notice = in_other_words(question, scorer, 0.0, 2.0)
    assert notice is not None and notice.startswith("No retrieved statement by Mara Quill words")


def test_who_said_a_claim_about_a_person_needs_the_person_in_the_holders_passage() -> None:
    tagger = EntityTagger(Settings().entity_tagger)
    scorer = scorer_of("“I will run for political office again next year,” said Ola Berg, the harbour master.",
                       tagger=tagger)
    # Her words hold "run for political office", but the passage never names Mara Quill.
    assert best_sentences("Who said Mara Quill plans to run for political office?", scorer, 1) == []
    assert best_sentences("Who said Ola Berg plans to run for political office again?", scorer, 1) == [(1, 0)]
    assert best_sentences("Who said he plans to run for political office again next year?", scorer, 1) == [(1, 0)]


def test_who_said_a_claim_is_not_answered_by_its_denial() -> None:
    scorer = scorer_of("Ola Berg said the ferry company had not paid the harbour fees.")
    assert best_sentences("Who said the ferry company had not paid the harbour fees?", scorer, 1) == [(1, 0)]
    assert best_sentences("Who said the ferry company had paid the harbour fees?", scorer, 1) == []
    # A claim that denies may be held by the rest of its speaker's statement.
    scorer = scorer_of("“We asked the ferry company for the harbour fees. They never paid them,” Ola Berg said.")
    assert best_sentences("Who said the ferry company did not pay when asked for the harbour fees?", scorer, 1)
    # "Other than" sets one thing against another, as "instead of" does.
    scorer = scorer_of("Ola Berg said that instead of fixing the pier, the harbour board is concerned with the fees.")
    assert best_sentences("Who said the harbour board is concerned with something other than fixing the pier?",
                          scorer, 1) == [(1, 0)]


def test_who_said_a_claim_needs_its_numbers_and_names_in_the_statement() -> None:
    scorer = scorer_of("“They strap 200kg of explosives to the boats,” Ola Berg said.")
    assert best_sentences("Who said they strap 200 kilograms of explosives to the boats?", scorer, 1) == [(1, 0)]
    assert best_sentences("Who said they strap 500kg of explosives to the boats?", scorer, 1) == []
    scorer = scorer_of("Ola Berg said the ferry targets were identified by the harbour police.")
    assert best_sentences("Who said the ferry targets were identified by Swedish police?", scorer, 1) == []
    # A capital stands for its country ("Moscow coordinated"), not where it is a place ("in Moscow").
    scorer = scorer_of("Ola Berg said Russia coordinated the ferry convoys through a centre in Baghdad.")
    assert best_sentences("Who said Moscow coordinated the ferry convoys through a centre in Baghdad?", scorer, 1)
    assert best_sentences("Who said Russia coordinated the ferry convoys through a centre in Moscow?", scorer, 1) == []
    # A speaker's "we" is his country, which his passage names and the asker may too.
    scorer = scorer_of("Norway closed the port. The storm grew. The waves rose. The quay froze. "
                       "“We are not letting the ferries leave the harbour,” Ola Berg said.")
    assert best_sentences("Who said Norway was not letting the ferries leave the harbour?", scorer, 1) == [(1, 4)]


def test_who_said_a_claim_in_other_words_quotes_the_closest_statement_and_says_so() -> None:
    scorer = scorer_of("Ola Berg said the ferry company had paid the harbour fees.", outlets=("Harbour News",))
    question = "Who said the boat operator settled its port charges?"
    assert best_sentences(question, scorer, 1, Floors(claim_paraphrase=1.0)) == []
    assert best_sentences(question, scorer, 1, Floors(claim_paraphrase=0.0)) == [(1, 0)]
    notice = in_other_words(question, scorer, 0.5, 0.0, claim_floor=0.0)
    assert notice is not None and notice.startswith("No retrieved sentence says “the boat operator settled")
    assert in_other_words("Who said the ferry company had paid the harbour fees?", scorer, 0.5, 0.0, 0.0) is None
    lead, _ = who_and_where("speaker", [scorer.citation(1, scorer.span_of(0), True)], scorer, 0.5, closest=True)
    assert lead.text == "The closest statement in meaning is by Ola Berg, as reported by Harbour News."


def test_a_text_asked_about_is_embedded_and_tagged_once_per_question() -> None:
    scorer = scorer_of("“I will run for office again,” said Ola Berg.")
    before = len(scorer.embedder.calls)  # (the passage sentences, embedded when it was made)
    first = scorer.vectors_of(["taxes on fishing licences"])
    again = scorer.vectors_of(["taxes on fishing licences"])
    assert len(scorer.embedder.calls) == before + 1 and (first == again).all()

    class Counting:
        asked: list[str] = []

        def entities(self, texts):
            self.asked.extend(texts)
            return [() for _ in texts]

    scorer.tagger = Counting()
    assert scorer.entities_of("Mara Quill runs") == () and scorer.entities_of("Mara Quill runs") == ()
    assert Counting.asked == ["Mara Quill runs"]


def test_the_writers_sentences_lead_the_topic_on_to_the_statement_after_them() -> None:
    scorer = scorer_of("Mara Quill learned that her harbour fees were wiped clean. Quill, who wants to sail "
                       "to the islands, is glad. “It takes the pressure off,” Quill said.")
    own = speakers_own("What did Mara Quill say about having her harbour fees wiped out?", scorer)
    assert own is not None and own.tolist() == [False, False, True]


def test_a_person_named_in_full_in_the_topic_is_found_by_surname() -> None:
    tagger = EntityTagger(Settings().entity_tagger)
    scorer = scorer_of("Werfel starts at the agency on Monday. Treasury Secretary Ola Berg said Werfel has what it "
                       "takes. “Danny is a talented servant,” Berg said.", tagger=tagger)
    # "Daniel" is in no sentence, "Werfel" in several: by their weights, "Werfel" alone was too little of the topic.
    own = speakers_own("What did Ola Berg say about Daniel Werfel?", scorer)
    assert own is not None and own.tolist() == [False, True, True]


def test_a_quote_holding_some_of_the_topic_goes_on_from_the_writers_paragraph_before() -> None:
    scorer = scorer_of("The 32-year-old Vell is dealing with hip inflammation.\n\n"
                       "“She is going to be down for some time. We need to let the hip calm down,” "
                       "coach Ola Berg said.")
    own = speakers_own("What did Ola Berg say about Vell's hip?", scorer)
    assert own is not None and own.tolist() == [False, True, True]


def test_the_askers_recent_or_latest_is_no_word_of_the_topic() -> None:
    # "recent" is in no sentence: weighed as the rarest word held, it had left his words on
    # the tests short of half the topic.
    scorer = scorer_of("Harbour tests of the new ferry engines were held in March and May. Officials said the "
                       "ferry engines failed twice. “The ferry engine tests were not meant to show their range,” "
                       "Ola Berg said.")
    own = speakers_own("What did Ola Berg say about the harbour's recent ferry engine tests?", scorer)
    assert own is not None and own.tolist() == [False, False, True]


def test_a_quotes_dashed_speaker_line_says_what_the_quote_is_on() -> None:
    scorer = scorer_of("TODAY'S QUOTE\n\n\"The harbour will determine the losses and demand compensation.\"\n\n"
                       "-- Mara Quill, the harbour minister, on the oil tanker that sank off the northern reef.")
    own = speakers_own("What did Mara Quill say about the oil tanker that sank off the reef?", scorer)
    assert own is not None and own.tolist()[:2] == [False, True]


def test_the_value_asked_for_may_sit_in_the_sentence_after_the_best() -> None:
    scorer = scorer_of("The ports of Avel and Brin approved the Memorandum of Understanding on Prevention of Ferry "
                       "Safety Incidents in the Course of Winter Crossings, and the crossings were frozen on the "
                       "Avel initiative. The deal reached on October 20 is aimed at smooth sailing for both fleets. "
                       "The harbour master spoke of tides.")
    # Below the typed floor, yet the sentence after the best names the deal the question asks about.
    assert best_sentences("When was the Avel-Brin deal on preventing ferry safety incidents reached?", scorer, 2) == [
        (1, 1)]
    # The crossings' freezing has no date: the deal's is no answer.
    assert best_sentences("When were the crossings frozen on the Avel initiative?", scorer, 2) == []


def test_who_is_a_name_is_asked_however_far_its_vector_is_from_the_passages() -> None:
    scorer = scorer_of("“There is no shared objective,” said Ola Berg, a harbour spokesman.")
    far = [replace(p, similarity=0.05) for p in scorer.passages]
    settings = Settings()
    assert refusal_reason("Who is Berg?", far, scorer, lambda w: True, settings) is None
    assert refusal_reason("Who was Ola Berg", far, scorer, lambda w: True, settings) is None
    # Anything more asked, or a name no passage holds, still needs a close passage.
    assert refusal_reason("What is Berg's favourite food?", far, scorer, lambda w: True, settings) == ""
    assert refusal_reason("Who is Lund?", far, scorer, lambda w: True, settings) == ""
    # As is whom a named person works for.
    writer = scorer_of("According to Ola Berg of the Financial Times, the pier is shut.",
                       tagger=EntityTagger(settings.entity_tagger))
    far = [replace(p, similarity=0.05) for p in writer.passages]
    assert refusal_reason("Which publication is Ola Berg with?", far, writer, lambda w: True, settings) is None
    assert refusal_reason("Which publication is Mara Lund with?", far, writer, lambda w: True, settings) == ""


def test_a_dateline_names_no_one_a_question_asks_for() -> None:
    scorer = scorer_of("GRANITE (Harbour Post) – Ola Berg said the pier was closed, Berg told Radio North.")
    assert best_sentences("Who was the Radio North journalist that interviewed Ola Berg?", scorer, 1) == []
    filed = scorer_of("GRANITE (Harbour Post) – Ola Berg said the pier was closed.")
    assert best_sentences("Which city is in the dateline of the Harbour Post report on Ola Berg?", filed, 1) == [
        (1, 0)]


def test_the_two_nations_are_the_countries_a_question_names() -> None:
    scorer = scorer_of("Ministers met in Geneva for a week. The deal reached on October 20 covers the two "
                       "nations' fishing fleets.")
    assert best_sentences("When was the Norway-Iceland fishing deal reached?", scorer, 1) == [(1, 1)]
    # Only the sentence saying "the two nations" is about them, not the one before it.
    before = scorer_of("Ministers met. The fleets fished in Arctic waters. The deal reached on October 20 "
                       "covers the two nations' fishing fleets.")
    assert best_sentences("Where did the Norway-Iceland fleets fish?", before, 1) == []
    assert best_sentences("When was the Norway fishing deal reached?", scorer_of(
        "Ministers met in Geneva for a week. The deal reached on October 20 covers the fishing fleets."), 1) == []


def test_who_is_a_name_is_answered_by_a_sentence_giving_the_role_the_articles_give_him() -> None:
    scorer = scorer_of("Berg said the fishing quotas were unfair, and Berg will say it again. "
                       "Harbour spokesman Ola Berg said the pier was closed. The ferry left at noon.")
    assert best_sentences("Who is Berg?", scorer, 1) == [(1, 1)]


def test_a_sentence_referring_back_takes_its_value_from_the_one_before() -> None:
    scorer = scorer_of("The talks went on in Geneva. Fighting continues in the besieged city of Tromso. "
                       "The city is one of the last strongholds of the harbour rebels.")
    question = "Which besieged city is one of the last strongholds of the harbour rebels?"
    assert best_sentences(question, scorer, 1) == [(1, 1)]
    # Without "The city" to refer back, the sentence before answers nothing asked.
    scorer = scorer_of("The talks went on in Geneva. Fighting continues in the besieged city of Tromso. "
                       "Harbour rebels hold one of their last strongholds.")
    assert best_sentences(question, scorer, 1) == []


def test_whom_a_person_spoke_to_is_asked_with_his_name_first() -> None:
    assert Slot.of("Berg spoke to which radio station about the fees?").named == {"berg"}
    assert Slot.of("Berg's remarks were given in an interview with which news agency?").named == {"berg"}
    told = scorer_of("Ola Berg said the ferry fees were unfair. “We will fight them,” Berg told Interfax. "
                     "Ann Lund told Reuters the fees were fair.")
    assert best_sentences("Berg spoke to which news agency about the ferry fees?", told, 1) == [(1, 1)]


def test_who_wrote_an_article_is_never_a_reader_comment_nor_whom_it_quotes() -> None:
    assert not Slot.of("Who wrote the Harbour News article about the fees?").speaker
    scorer = scorer_of("Mara Quill said the harbour fees will rise in May.\n\n12 Comments\n\n"
                       "The harbour fees are a scandal, Ola Berg knows it.")
    assert scorer.labels[-1].kind == "comment"
    assert best_sentences("Who wrote the article about the fees?", scorer, 1) == []


def test_a_two_letter_acronym_the_passages_spell_out_is_known() -> None:
    index = {"berg", "harbour"}.__contains__
    texts = ["Deputy Fisheries Minister Ola Berg said the fees are fair."]
    assert unknown_names("Which paper quoted the deputy FM on the harbour?", index, texts) == []
    assert unknown_names("Which paper quoted the deputy PM on the harbour?", index, texts) == ["PM"]


def test_a_speaker_typed_in_lower_case_is_searched_for_and_must_be_in_the_index() -> None:
    assert asked_name("what did ola berg say about the fees") == "berg"
    assert asked_name("What did Ola Berg say about the fees?") == "Ola Berg"
    scorer = scorer_of("“The harbour fees are unfair,” Ola Berg said.")
    index = {"ola", "berg", "harbour", "fees"}.__contains__
    assert refusal_reason("what did lund say about the fees", scorer.passages, scorer, index, Settings()) == (
        "The indexed articles never mention lund.")
    assert refusal_reason("what did berg say about the fees", scorer.passages, scorer, index, Settings()) is None
    # A capital elsewhere in the question does not make the lower-case name readable by its capitals.
    assert refusal_reason("did lund say anything about the Harbour fees?", scorer.passages, scorer, index,
                          Settings()) == "The indexed articles never mention lund."


def test_what_kind_of_thing_is_said_by_the_words_before_a_one() -> None:
    said = scorer_of("“The owners have put themselves in a politically ticklish situation,” Ola Berg said.")
    assert best_sentences("What kind of situation did Berg say the owners were in?", said, 1) == [(1, 0)]
    bare = scorer_of("“The owners are in a situation,” Ola Berg said.")
    assert best_sentences("What kind of situation did Berg say the owners were in?", bare, 1) == []
    # Which one is asked: "a" one of any kind does not say which.
    assert best_sentences("Which situation did Berg say the owners were in?", said, 1) == []


def test_an_acronym_with_dots_is_the_acronym_a_question_names() -> None:
    scorer = scorer_of("The H.M.S. officers reached the northern harbour on Friday.")
    assert best_sentences("When did the HMS officers reach the northern harbour?", scorer, 1) == [(1, 0)]
    assert best_sentences("When did the RNLI officers reach the northern harbour?", scorer, 1) == []


def test_did_x_say_anything_about_y_asks_for_his_words_on_it() -> None:
    assert asked_speaker("Did Ola Berg say anything about the fares?") == ("Ola Berg", "the fares")
    assert asked_speaker("Has Berg commented on the US fares") == ("Berg", "the US fares")
    # One lower-case word is a surname, though the asker capitalises other words; a group is none.
    assert asked_speaker("did berg say anything about the US fares") == ("berg", "the US fares")
    assert asked_name("did berg say anything about the US fares") == "berg"
    assert asked_speaker("What did officials say about the US fares?") is None
    # Said with a clause of its own, and a second question after it.
    assert asked_speaker("What did Berg say Lund asked the owners about the fares, and what answer did he get?") == (
        "Berg", "Lund asked the owners about the fares")
    assert asked_speaker("What did Berg tell Harbour Radio about the fares?") == ("Berg", "the fares")
    # X's view, bare; not a question about something else that names his remarks.
    assert asked_speaker("berg's view on whether the fares are fair") == ("berg", "whether the fares are fair")
    assert asked_speaker("Which reporter wrote the article about Berg's remarks on the fares?") is None
    assert asked_speaker("The reporter who covered Berg's remarks on the fares, who was it?") is None
    assert asked_speaker("Which minister's view on the fares won?") is None


def test_a_list_of_names_ends_a_topic_part_rather_than_making_parts() -> None:
    scorer = scorer_of("“Dell is a fine port,” Ola Berg said.",
                       "The pier is open. “The centre used by Avel, Brin, Cor and Dell is closed,” Ola Berg said.")
    assert on_topic("the harbour centre used by Avel, Brin, Cor and Dell", scorer) == [2]
    assert on_topic("Dell and the ferries", scorer) == [0, 2]


def test_whom_a_person_works_for_is_no_outlet_reporting_it() -> None:
    assert asks_for("Which publication is Ola Berg with?") is None
    assert asks_for("Which paper does Ola Berg write for?") is None
    assert entity_kind("Which publication is Ola Berg with?") == ("organisation", frozenset({"ORG"}))
    assert asks_for("Which paper reported that Ola Berg left?") == "outlet"
    assert asks_for("Which news agencies did Berg give the interview to where he said the pier was shut?") is None


def test_a_story_series_is_a_question_about_the_page() -> None:
    assert asks_about_page("How many stories are in the 'Harbour Watch' series?")
    assert not asks_about_page("How many ferries sank in a series of storms?")


def test_a_value_below_the_best_sentence_must_say_something_of_the_event_asked_about() -> None:
    scorer = scorer_of("Avel and Brin had pledged closer cooperation. The harbour is busy. The refusal of Avel "
                       "and Brin on Thursday to share tide charts raises questions, Ola Berg said.")
    assert best_sentences("When did Avel and Brin pledge to cooperate?", scorer, 1) == []
    assert best_sentences("When did Avel and Brin refuse to share tide charts?", scorer, 1) == [(1, 2)]
    # Words no sentence above it holds are the asker's own: no sentence need share them.
    assert best_sentences("When did Avel and Brin quarrel?", scorer, 1) == [(1, 2)]
    # Whom a speaker told is named once, whatever he told them.
    told = scorer_of("Ola Berg said the pier is shut for the winter. The harbour is busy. Berg told the BBC, "
                     "the largest broadcaster in the land, that the ferries are late.",
                     tagger=EntityTagger(Settings().entity_tagger))
    assert best_sentences("Which channel did Berg tell that the pier is shut?", told, 1) == [(1, 2)]


def test_an_extractive_answer_quotes_a_quote_whole() -> None:
    from rag.generate import ExtractiveGenerator, rest_of_quote
    scorer = scorer_of("“The ferries have sailed late for a year. We believe they rarely keep time,” said Ola "
                       "Berg. The pier is open.")
    assert [rest_of_quote(scorer, j) for j in range(3)] == [[1], [], []]
    answer = "".join(ExtractiveGenerator(1).stream("How long have the ferries sailed late?", scorer.passages, scorer))
    assert answer == ("“The ferries have sailed late for a year. [1]\nWe believe they rarely keep time,” said Ola "
                      "Berg. [1]")
    # A speech that runs on is not quoted whole.
    assert rest_of_quote(scorer_of("“One is here. Two is here. Three is here. Four,” said Berg."), 0) == []


def test_a_page_an_outlet_is_named_for_is_that_outlets_page() -> None:
    scorer = scorer_of("Posted by Harbour Herald on Oct 8th, 2015 // No Comment Ola Berg, harbour master.\n"
                       "Ola Berg said the pier is shut.", "Ola Berg said the ferries are late.",
                       outlets=("Harbour Herald", "Tide News"))
    assert best_sentences("What date is shown on the Harbour Herald page about Ola Berg?", scorer, 1) == [(1, 0)]
    assert best_sentences("What date is shown on the Tide News page about Ola Berg, harbour master?", scorer, 1) == []


def test_whom_a_speaker_told_is_no_part_of_what_he_said() -> None:
    assert asked_claim("Who told Harbour Radio that the pier is shut for winter?") == "the pier is shut for winter"
    assert asked_claim("Who said the deal that Avel signed was unfair?") == "the deal that Avel signed was unfair"
    # Yet the sentence that answers often names whom he told: its wording counts as asked.
    scorer = scorer_of("Speaking in an interview with Harbour Radio on Sunday, Ola Berg claimed the pier was closed.")
    question = "Who told Harbour Radio that the pier is shut for winter?"
    assert best_sentences(question, scorer, 1, Floors(claim_paraphrase=0.47)) == [(1, 0)]  # 0.44 without it


def test_whom_a_speaker_spoke_to_is_asked_with_an_outlet_named_after_it_or_in_lower_case() -> None:
    assert asks_for("which news agency did berg speak to according to harbour news") is None
    assert asks_for("Besides Interfax, which news agency interviewed Berg in the Harbour News story?") is None
    assert asks_for("Which news agency published the story about Berg?") == "outlet"
    # (Whom Berg told is named far below the sentence closest to the question.)
    told = "OSLO (Nordnews) – Ola Berg did speak of news agency rules. “We will fight them,” Berg told Interfax."
    assert best_sentences("which news agency did berg speak to", scorer_of(told), 1) == [(1, 1)]


def test_a_name_set_against_the_answer_is_not_what_the_answer_is_about() -> None:
    assert focus("Which country's troops are there for the ferry crisis rather than Syria?") == []
    assert focus("Which country's troops are there for the ferry crisis in Syria?") == [{"syria"}]


def test_a_city_dateline_is_no_place_the_sentence_gives() -> None:
    scorer = scorer_of("OSLO — A small number of officers are working in northern Norway, officials said.")
    assert best_sentences("which city in northern norway are the officers based in", scorer, 1) == []
    scorer = scorer_of("A small number of officers are working in Tromso in northern Norway, officials said.")
    assert best_sentences("which city in northern norway are the officers based in", scorer, 1) == [(1, 0)]


def test_a_time_of_day_is_a_clock_time_or_a_part_of_the_day() -> None:
    assert expected("What time of day was the harbour post published?") == "date"
    assert expected("In what time frame will the ferries return?") is None
    post = scorer_of("Ferry fares rise 40% in Tromso. — Harbour News (@harbour) November 13, 2015")
    assert best_sentences("What time of day was the Harbour News post about fares published?", post, 1) == []
    post = scorer_of("Ferry fares rise 40% in Tromso, Harbour News posted at 9.30am on November 13, 2015.")
    assert best_sentences("What time of day was the Harbour News post about fares published?", post, 1) == [(1, 0)]


def test_a_page_line_answers_a_question_about_the_page_before_the_article() -> None:
    assert asks_about_page("Who is the photo of Berg credited to?")
    assert not asks_about_page("Which minister credited Berg with the pier's repair?")  # no credit line
    scorer = scorer_of("11:21 GMT14 August 2020\n\nOla Berg said on October 8, 2015 that the pier is shut for "
                       "the winter and the ferries are late.", outlets=("Harbour Herald",))
    assert scorer.labels[0].kind == "furniture"
    assert best_sentences("What date is shown at the top of the Harbour Herald page carrying Ola Berg's comments?",
                          scorer, 1) == [(1, 0)]


def test_how_did_x_describe_or_did_x_think_ask_for_his_words() -> None:
    assert asked_speaker("How did Ola Berg characterise the harbour fees?") == ("Ola Berg", "the harbour fees")
    assert asked_speaker("How did Berg justify not sharing the ferry timetable?") == (
        "Berg", "not sharing the ferry timetable")
    assert asked_speaker("Did Berg think the ferries would stop?") == ("Berg", "the ferries would stop")
    assert asked_speaker("What political changes in Norway did Berg talk about?") == (
        "Berg", "political changes in Norway")
    assert asked_speaker("What did Berg say about the fees?") == ("Berg", "the fees")


def test_the_statement_closest_in_meaning_joins_those_wording_the_topic() -> None:
    # Berg's words on the fees' legality hold none of "harbour", "fees" and "Oslo", yet are
    # closer to the question than his sentence holding them, which is about a rise.
    scorer = scorer_of("Ola Berg said ferry fees at the Oslo harbour rise soon. Berg spoke at noon. "
                       "“How did anyone describe this as the end of the rule of the law in the land of the free?” "
                       "Berg said. Ann Lund said the harbour fees in Oslo are lawful.")
    question = "How did Ola Berg describe the legality of the harbour fees in Oslo?"
    assert list(np.flatnonzero(speakers_own(question, scorer))) == [0]
    own = speakers_own(question, scorer, 0.5)
    assert list(np.flatnonzero(own)) == [0, 2]
    # and ranks with the statement wording most of it (then by its closeness to the question).
    coverage = own_coverage("the legality of the harbour fees in Oslo", scorer, own)
    assert coverage[2] == coverage[0] > 0


def test_keeping_someone_in_the_dark_is_not_telling_them() -> None:
    scorer = scorer_of("Ola Berg claimed that the council had not informed the ferry crews of the storm.")
    assert best_sentences("Who accused the council of keeping the ferry crews in the dark about the storm?",
                          scorer, 1) == [(1, 0)]
    # (A claim that denies nothing is still not met by a denial.)
    assert best_sentences("Who said the council informed the ferry crews of the storm?", scorer, 1) == []


def test_according_to_a_person_asks_for_his_words_unless_it_asks_for_a_value() -> None:
    assert asked_speaker("How long will the ferries keep running, according to Berg?") == (
        "Berg", "How long will the ferries keep running")
    assert asked_speaker("how long will the ferries run, according to berg") == (
        "berg", "how long will the ferries run")
    assert asked_speaker("Why did Oslo raise the fees, in Berg's words?") == ("Berg", "Why did Oslo raise the fees")
    assert asked_speaker("Berg on the harbour fees - what did he say?") == ("Berg", "the harbour fees")
    assert asked_speaker("According to Berg, do the fees hurt the islands?") == ("Berg", "the fees hurt the islands")
    # An outlet is where it was read; a value asked for is the answer, whoever gives it.
    assert asked_speaker("Why did Oslo raise the fees, according to Sputnik?") is None
    assert asked_speaker("why did oslo raise the fees according to sputnik") is None
    assert asked_speaker("How many ferries sank, according to Berg?") is None
    assert asked_speaker("Whose boats sank in the storm, according to Berg?") is None
    assert asked_speaker("Why did Oslo raise the fees, according to him?") is None
    # The question's own speaker comes first.
    assert asked_speaker("What did Lund tell Berg about the fees, according to Berg?")[0] == "Lund"


def test_a_page_line_answers_a_question_about_the_page_typed_in_lower_case() -> None:
    # "herald" typed in lower case is no name, and the dateline holds it: still no event word
    # a page's time stamp must share.
    scorer = scorer_of("11:21 GMT14 August 2020\n\nListen Live\n\nOSLO (Harbour Herald) – Ola Berg said the pier "
                       "is shut for the winter, and the ferries that top the list are late.",
                       outlets=("Harbour Herald",))
    assert best_sentences("what date is displayed at the top of the harbour herald page", scorer, 1) == [(1, 0)]


def test_a_part_of_an_article_asked_for_by_what_it_is_is_looked_for_however_far() -> None:
    scorer = scorer_of("Ferry fares rise 40% in Tromso. — Harbour News (@harbour) November 13, 2015",
                       outlets=("Harbour News",))
    far = [replace(p, similarity=0.05) for p in scorer.passages]
    index = {"harbour", "news", "ferry", "tweet"}.__contains__
    assert refusal_reason("What date does the embedded Harbour News tweet carry?", far, scorer, index,
                          Settings()) is None
    assert refusal_reason("What date does the Harbour News story carry?", far, scorer, index, Settings()) == ""


def test_an_outlet_asked_for_is_no_title_of_an_article_without_one() -> None:
    question = "Which outlet published Ola Berg's answers to the harbour journalists?"
    text = "On September 4th Ola Berg gave his answers to the harbour journalists."
    index = {"ola", "berg", "harbour", "journalists", "answers"}.__contains__
    blog = scorer_of(text)
    assert refusal_reason(question, blog.passages, blog, index, Settings()) == (
        "The article that says it, “Title 0”, names no outlet.")
    paper = scorer_of(text, outlets=("Harbour News",))
    assert refusal_reason(question, paper.passages, paper, index, Settings()) is None
    for relayed in (scorer_of(text + " Bill Gertz of the Free Beacon reported them."),
                    scorer_of(text + " Even the NYT's has been upfront about them.")):
        assert refusal_reason(question, relayed.passages, relayed, index, Settings()) is None


def test_an_outlet_the_question_was_read_in_answers_before_another() -> None:
    scorer = scorer_of("Ola Berg complained that the council could not say where the ferries were.",
                       "Fisheries minister Ann Lund complained the ferries were lost.",
                       outlets=("Harbour News", "Tide News"))
    question = "In the Tide News piece, which minister complained the council could not say where the ferries were?"
    assert best_sentences(question, scorer, 1) == [(2, 1)]


def test_a_capital_standing_for_its_government_describes_whom_a_question_asks_for() -> None:
    slot = Slot.of("Which Damascus deputy minister said the ferries are late?")
    assert (slot.nations, slot.described) == ({"syri"}, frozenset())
    scorer = scorer_of("Syrian Deputy Minister Ola Berg said the ferries are late.")
    assert best_sentences("Which Damascus deputy minister said the ferries are late?", scorer, 1) == [(1, 0)]


def test_which_outlet_posted_a_story_is_answered_from_its_metadata_however_far() -> None:
    scorer = scorer_of("Ola Berg said the pier is shut.", outlets=("Harbour News",))
    far = [replace(p, similarity=0.05) for p in scorer.passages]
    index = {"ola", "berg", "pier", "story"}.__contains__
    assert refusal_reason("Which website posted the Berg story?", far, scorer, index, Settings()) is None
    assert refusal_reason("What did the Berg story cost?", far, scorer, index, Settings()) == ""


def test_a_branch_department_or_service_is_an_organisation_asked_for() -> None:
    for question in ("Which military branch is not hurt by the storm?", "Which department does Berg speak for?",
                     "Which intelligence service works in Oslo?"):
        assert entity_kind(question)[0] == "organisation"
    assert entity_kind("Through which facility does the harbour pool its data?")[0] == "place"


def test_a_value_a_named_person_says_is_taken_from_his_words_however_far_down() -> None:
    scorer = scorer_of("Ola Berg said the storm hit the harbour and the harbour cargo. Ann Lund said 200 tonnes of "
                       "harbour cargo were lost in the storm. “It took 40 tonnes of our cargo,” Berg said.")
    assert best_sentences("How much harbour cargo did Berg say the storm took?", scorer, 1) == [(1, 2)]
    assert best_sentences("How much harbour cargo, according to Berg?", scorer, 1) == [(1, 2)]
    # Not a body, nor a country, nor a group: their words need not be those the passages give them.
    scorer = scorer_of("Norway said the storm hit the harbour. Ann Lund said 200 tonnes of harbour cargo were lost.")
    assert best_sentences("How much harbour cargo did Norway say the storm took?", scorer, 1) == [(1, 1)]


def test_whom_a_speaker_told_or_gave_his_comments_to_is_not_who_published_them() -> None:
    assert asks_for("Which agency did Berg tell about the fees?") is None
    assert asks_for("what news agency did berg give his comments to in the harbour news report") is None
    assert asks_for("Which news agency did Berg speak to in the Harbour News report?") is None
    assert asks_for("Which news agency reported Berg's comments?") == "outlet"


def test_a_country_the_question_names_is_no_speaker_whose_medium_is_asked_for() -> None:
    scorer = scorer_of("Norway said on Monday the fees would rise. Fisheries Minister Ola Berg told Channel One that "
                       "the harbour fees rise.")
    assert best_sentences("On which channel did Norway's fisheries minister say the harbour fees rise?",
                          scorer, 1) == [(1, 1)]


def test_american_and_the_united_states_are_the_us_a_topic_names() -> None:
    assert _stems("American operations") == _stems("US operations") == _stems("United States operations")
    assert _REASON.search("The proposal is tied, first and foremost, to the need of showing results")
    assert not _REASON.search("Oslo has repeatedly insisted on the need for new ferries")


def test_according_to_a_name_typed_in_lower_case_or_with_no_comma_asks_for_his_words() -> None:
    assert asked_speaker("according to ola berg, why did the fees rise") == ("ola berg", "why did the fees rise")
    assert asked_speaker("according to berg why did the fees rise") == ("berg", "why did the fees rise")
    assert asked_speaker("berg on how the harbour copes without ferries") == (
        "berg", "how the harbour copes without ferries")
    assert asked_speaker("according to the harbour officials, why did the fees rise") is None
    assert asked_speaker("Did Berg accuse the council of lying?") == ("Berg", "the council of lying")
    assert asked_speaker("What steps did Berg say the council had agreed to?") == (
        "Berg", "steps the council had agreed to")
    assert asked_speaker("What date did Berg say the council had agreed to it?") is None


def test_plain_words_ask_for_a_time_stamp_a_reason_a_bare_count_and_a_foreign_office() -> None:
    assert expected("What timestamp is shown at the top of the Harbour News page?") == "date"
    assert asks_why("What reason did officials give for leaving the pier alone?")
    assert counted("how many items does harbour news list in its ferries series") is None
    assert counted("how many ferries does harbour news list") == "ferries"
    assert asked_role("who is the norwegian fisheries minister") == Office("fisheries minister", "norw")


def test_who_published_the_post_itself_is_not_an_outlet_it_cites() -> None:
    text = "On September 4th Ola Berg gave his answers. Bill Gertz of the Free Beacon reported them."
    index = {"ola", "berg", "answers", "post"}.__contains__
    blog = scorer_of(text)
    assert refusal_reason("Which website published the post about Berg's answers?", blog.passages, blog, index,
                          Settings()) == "The article that says it, “Title 0”, names no outlet."
    assert refusal_reason("Which outlet reported Berg's answers?", blog.passages, blog, index, Settings()) is None


def test_which_office_holder_did_something_is_named_beside_the_office() -> None:
    assert asked_role("Which harbour commander closed the pier?") == Office("commander", None)
    assert asked_role("Which president did Berg say he spoke with?") is None  # named where Berg says it
    assert asked_role("What did the Norwegian president say about the pier?") is None
    scorer = scorer_of("Ola Berg said the storm closed the pier and the harbour data went to the navy.")
    assert best_sentences("Which harbour commander gave the navy the harbour data?", scorer, 1) == []
    scorer = scorer_of("Harbour commander Ola Berg gave the navy the harbour data.")
    assert best_sentences("Which harbour commander gave the navy the harbour data?", scorer, 1) == [(1, 0)]


def test_who_carried_an_interview_is_whom_the_speaker_told() -> None:
    assert asks_for("Which news agencies carried the interview in which Berg said the pier is shut?") is None
    assert asks_for("Which news agencies reported that Berg said the pier is shut?") == "outlet"


def test_a_medium_asked_of_a_person_described_by_office_is_the_one_its_holder_told() -> None:
    scorer = scorer_of("OSLO (Nordnews) – The fees at the harbour of Oslo rise, the deputy fisheries minister said. "
                       "Ann Lund spoke at noon. “Of course the harbour fees are fair,” Norwegian Deputy Fisheries "
                       "Minister Ann Lund told Interfax.")
    assert Slot.of("Which news agency did the Norwegian deputy fisheries minister speak to?").office == (
        "deputy", "fisheries", "minister")
    question = "Which news agency did the Norwegian deputy fisheries minister speak to when she said the fees rise?"
    assert best_sentences(question, scorer, 1) == [(1, 2)]


def test_a_web_address_asked_for_is_one_a_sentence_gives_not_a_page_line_naming_one() -> None:
    assert expected("what is the short url for the harbour news story") == "url"
    assert not holds("url", "Get short URL")
    assert holds("url", "Fares rise 40% https://t.co/7QCpEy1oU7")


def test_a_day_after_a_verb_of_saying_dates_the_words_not_the_event_asked_about() -> None:
    said = "The proposal, which Berg said yesterday, is about the ferries."
    assert not holds("date", said, "When did Berg phone Lund about the ferries?")
    assert holds("date", said, "When did Berg make the proposal he said was about the ferries?")
    assert holds("date", "Berg phoned Lund on Sunday about the ferries.", "When did Berg phone Lund about the ferries?")


def test_an_office_asked_for_by_name_or_with_a_deputy_before_it_is_read_whole() -> None:
    assert asked_role("what's the name of the king of norway") == Office("king of norway", None)
    assert asked_role("Who is the Norwegian deputy fisheries minister?") == Office("deputy fisheries minister", "norw")


def test_an_office_holder_is_named_before_what_the_office_is_of() -> None:
    scorer = scorer_of("“The pier is shut,” said Ola Berg, a Harbour Board spokesman.")
    assert best_sentences("Who is the harbour board spokesman who said the pier is shut?", scorer, 1) == [(1, 0)]
    scorer = scorer_of("Berg spoke with the King of Norway, the President of Iceland and others.")
    assert best_sentences("Who is the President of Iceland?", scorer, 1) == []


def test_whom_the_words_of_a_sentence_say_says_it_however_it_is_labelled() -> None:
    from rag.answerable import _said_in_text
    scorer = scorer_of("The pier is shut. The ferries are late, one senior harbour official said. The Oslo council "
                       "has said it is not closing the pier.")
    assert list(np.flatnonzero(_said_in_text("one senior harbour official", scorer))) == [1]
    assert list(np.flatnonzero(_said_in_text("the Oslo council", scorer))) == [2]


def test_an_office_asked_for_by_its_initials_or_in_british_spelling_is_its_holders() -> None:
    from rag.attribute import role_fits
    assert role_fits(["defence", "minister"], "Defense Minister")
    scorer = scorer_of("Norwegian Deputy Foreign Minister Ola Berg said the harbour fees rise. Ann Lund said "
                       "the harbour fees are fair.")
    assert list(np.flatnonzero(speakers_own("What did the Norwegian deputy FM say about the harbour fees?",
                                            scorer))) == [0]


def test_a_speaker_described_by_where_he_is_quoted_is_the_speaker() -> None:
    scorer = scorer_of("Ola Berg of the Harbour News reported the closure. “Why is the pier still shut?” one "
                       "official said. Ann Lund said the pier opens in May.")
    question = "What did the official quoted in Ola Berg's reporting ask about the pier?"
    assert list(np.flatnonzero(speakers_own(question, scorer))) == [1]


def test_two_alternatives_set_off_in_a_question_are_its_options() -> None:
    question = "Which minister, Lavrov or Shoigu, told state television that the opposition hid?"
    assert options(question) == ["Lavrov", "Shoigu"]
    assert without_options(question) == "Which minister told state television that the opposition hid?"
    # Neither alternative is a name the index must mention, nor one the answer must be about.
    assert names(question) == [] and unknown_names("Which king, of Jordan or Morocco, met him?", lambda n: False) == []
    assert options("Who, in the end, said so?") == [] and options("Which one, A or B?") == []


def test_an_aside_after_the_speaker_is_not_part_of_his_name() -> None:
    assert asked_speaker("How did Putin, answering Russian journalists in early September, explain the "
                         "refugee crisis?") == ("Putin", "the refugee crisis")


def test_a_word_ending_as_a_demonym_may_be_none() -> None:
    from rag.attribute import is_demonym
    assert is_demonym("Iranian") and is_demonym("Chinese") and not is_demonym("Guardian")
    assert Slot.of("Which Guardian reporter wrote about the rebels?").nations == frozenset()


def test_a_military_rank_or_a_date_after_according_to_is_a_typed_question() -> None:
    assert asked_noun("What military rank does Igor Konashenkov hold?") == "rank"
    assert asked_noun("What is Konashenkov's rank?") == "rank" and asked_noun("What did Shoigu rank first?") is None
    assert expected("According to Putin, when will Syria hold the early elections?") == "date"


def test_per_names_whose_words_are_asked_for() -> None:
    assert asked_speaker("Per Ryabkov, how does Russia cope without US data?") == (
        "Ryabkov", "how does Russia cope without US data")


@pytest.mark.parametrize(("question", "asked"), [
    ("Sergei Ryabkov, asked how Moscow manages without American reconnaissance, said what?",
     ("Sergei Ryabkov", "asked how Moscow manages without American reconnaissance")),
    ("Shoigu, in his Sunday interview on state TV, said what about asking the Americans to locate the rebels?",
     ("Shoigu", "asking the Americans to locate the rebels")),
    ("Is it right that Lavrov said the coalition knows where ISIS is? What were his words?",
     ("Lavrov", "the coalition knows where ISIS is")),
    ("Did Ryabkov really claim the West was misrepresenting the mission? What did he say about it?",
     ("Ryabkov", "the West was misrepresenting the mission")),
    ("Is it right that Putin blamed Assad for the exodus? What did he actually say about who people are running from?",
     ("Putin", "who people are running from")),
    ("sergei shoigu's line on the moderate opposition and its suicide bombers — what was it",
     ("sergei shoigu", "the moderate opposition and its suicide bombers")),
    ("what did the deputy foreign minister, ryabkov, say about the american refusal",
     ("ryabkov", "the american refusal")),
])
def test_a_fact_checkers_questions_on_someones_words(question: str, asked: tuple[str, str]) -> None:
    assert asked_speaker(question) == asked


def test_is_it_right_that_x_said_it_who_actually_did_asks_who_said_it() -> None:
    question = ("Is it right that Lavrov was the one who said the air force seldom hits its targets? "
                "Who actually said it?")
    assert without_options(question) == "Who said the air force seldom hits its targets?"
    assert asks_for(question) == "speaker" and asked_claim(question) == "the air force seldom hits its targets"


def test_what_a_choice_depends_on_is_its_reason_and_a_rank_asked_by_whats() -> None:
    assert _REASON.search("the duration of the strikes will depend on the army's offensive")
    assert asked_noun("what's Igor Konashenkov's military rank") == "rank"


def test_which_name_and_which_of_the_organisations_ask_for_names() -> None:
    assert expected("Which name does Putin use for the US-led coalition?") == "name"
    assert asked_noun("Which name does Putin use for the US-led coalition?") is None
    assert entity_kind("which of the opposition organisations does Russia ban, by name")[0] == "organisation"
    assert {"led"} not in focus("What did the US-led coalition bomb in Syria?")


@pytest.mark.parametrize("question, asked", [
    ("Before we run this: what did Ola Berg say about the harbour fees?", ("Ola Berg", "the harbour fees")),
    ("Quote check on Ola Berg: what was his line on the harbour fees?", ("Ola Berg", "the harbour fees")),
    ("Ola Berg, Monday briefing with reporters: what did he say the ferries need?", ("Ola Berg", "the ferries need")),
    ("Can you check what Ola Berg said about the harbour fees?", ("Ola Berg", "the harbour fees")),
    ("Berg on the harbour fees: what did he say?", ("Berg", "the harbour fees")),  # a topic, no preface
])
def test_an_editors_preface_is_no_part_of_the_question_and_its_name_is_whom_he_means(
        question: str, asked: tuple[str, str]) -> None:
    assert asked_speaker(question) == asked


def test_who_was_the_official_who_said_asks_which_official_said() -> None:
    assert without_options("who was the harbour official who said the fees were paid") == (
        "Which harbour official said the fees were paid")
    assert without_options("harbour report: how many ferries left") == "harbour report: how many ferries left"


def test_the_medium_a_speaker_told_is_not_what_his_words_name() -> None:
    scorer = scorer_of("“Of course the ferries will sail on time,” Ola Berg told Interfax.")
    assert best_sentences("Which company did Ola Berg say runs the ferries?", scorer, 1) == []
    assert best_sentences("Which news agency did Ola Berg tell about the ferries?", scorer, 1) == [(1, 0)]


def test_a_length_of_time_is_one_claim_in_any_unit() -> None:
    assert numbers("twelve months")[0].key == numbers("over a year")[0].key == (1.0, "yr")
    assert numbers("two weeks")[0].key == numbers("14 days")[0].key != numbers("14")[0].key
    scorer = scorer_of("Ola Berg said the ferries carried more cars in seven days than the old boats did in a year.")
    assert best_sentences("Who said the ferries carried more cars in a week than the old boats in twelve months?",
                          scorer, 1) == [(1, 0)]
    assert best_sentences("Who said the ferries carried more cars in a week than the old boats in two years?",
                          scorer, 1) == []


def test_a_length_of_time_the_question_gives_must_not_differ_from_the_answers() -> None:
    scorer = scorer_of("The harbour board said the ferries made 40 crossings in 2 days.")
    assert best_sentences("How many crossings did the ferries make in the week-long trial?", scorer, 1) == []
    assert best_sentences("How many crossings did the ferries make in two days?", scorer, 1) == [(1, 0)]


def test_which_force_asks_for_an_organisation_and_which_aircraft_type_for_an_aircraft() -> None:
    assert entity_kind("Which opposition force did Ola Berg say guards the harbour?")[0] == "organisation"
    assert asked_noun("Which opposition force did Ola Berg say guards the harbour?") is None
    assert entity_kind("Which specific local ferry companies did the board fine, by name?")[0] == "organisation"
    assert asked_noun("Which aircraft type did the coastguard use to find the ferry?") == "aircraft"


def test_an_exact_calendar_date_or_a_resolution_number_is_asked_for() -> None:
    assert date_part("What was the exact calendar date of Ola Berg's radio interview?") == "day"
    assert date_part("What was the exact date the ferries started sailing?") == "day"
    assert date_part("what was the actual date of ola berg's sunday radio interview") == "day"
    assert expected("Which harbour board resolution number does Ola Berg say the town ignored?") == "number"


def test_the_people_a_question_names_in_the_plural_are_their_country() -> None:
    scorer = scorer_of("“We have asked our [Norwegian] colleagues where the ferries are. They couldn’t tell us,” "
                       "Ola Berg said.")
    assert best_sentences("Who was the one complaining that the Norwegians couldn't say where the ferries are?",
                          scorer, 1) == [(1, 0)]
    assert best_sentences("Who was the one complaining that the Danes couldn't say where the ferries are?",
                          scorer, 1) == []


def test_a_source_the_question_reads_in_is_named_in_its_passage_not_its_answer_sentence() -> None:
    scorer = scorer_of("A reader pasted this from the Gazette. The ferry service started in May. It sails twice a "
                       "day. The ferries were paid for by Bergen and Molde, the harbour board said.")
    question = "Which towns paid for the ferries, according to the Gazette excerpt in the comments?"
    assert best_sentences(question, scorer, 1) == [(1, 3)]
    assert best_sentences(question.replace("Gazette", "Herald"), scorer, 1) == []


def test_an_answer_below_the_best_sentence_tells_half_of_what_it_does_of_the_event() -> None:
    scorer = scorer_of("The harbour board has been reluctant to answer the proposal to sign an agreement on "
                       "the rescue of stranded ferry crews. The board proposed new fees in order to repair the docks.")
    assert best_sentences("Why did the harbour board decline the proposed agreement on rescuing ferry crews?",
                          scorer, 1) == []
    assert best_sentences("Why did the harbour board propose new fees?", scorer, 1) == [(1, 1)]


def test_the_next_sentence_gives_a_reason_only_for_what_the_sentence_before_says() -> None:
    assert _REASON.search("in order\xa0to prove it")
    question = "Why were the ferry contacts frozen?"
    assert best_sentences(question, scorer_of(
        "The ferry contacts were frozen by the board. The new deal is aimed at preventing incidents."), 1) == []
    assert best_sentences(question, scorer_of(
        "The ferry contacts were frozen by the board. This was because of the strike."), 1) == [(1, 0)]


def test_a_write_up_is_published_and_remarks_before_a_dash_are_the_questions_context() -> None:
    assert asks_for("When was the Gazette write-up on Ola Berg posted?") == "published"
    assert without_options("Berg's remarks about the fees - which paper was he talking to?") == (
        "which paper was Berg talking to, in his remarks about the fees?")
    assert asked_speaker("How did Ola Berg size up the ferry crisis?") == ("Ola Berg", "the ferry crisis")


def test_what_did_x_have_to_say_about_y_asks_for_xs_words() -> None:
    assert asked_speaker("What did the Norwegian minister have to say about the new fees?") == (
        "the Norwegian minister", "the new fees")


def test_a_persons_role_holds_in_every_passage_that_quotes_him() -> None:
    scorer = scorer_of("Norwegian Transport Minister Ola Berg said on Monday that the fees will rise.",
                       "Question: What do the ferries need?\nOla Berg: The ferries need new docks before the storms.")
    own = speakers_own("What did the Norwegian transport minister say about the ferries' docks?", scorer)
    assert own is not None and list(own) == [False, False, True]


def test_a_scene_set_before_the_question_is_when_it_was_said_not_what_about() -> None:
    assert without_options("When Ola Berg was asked about the fees, which paper did he speak to?") == (
        "Which paper did Ola Berg speak to, when Ola Berg was asked about the fees?")
    assert asked_speaker("When the ferries were late again, what did Ola Berg say about the harbour fees?") == (
        "Ola Berg", "the harbour fees")
    assert without_options("In the September briefing with reporters, who said the fees were paid?") == (
        "Who said the fees were paid?")
    question = "In the Gazette's version of Berg's remarks, how did he describe the fees?"
    assert without_options(question) == question


def test_an_english_language_paper_is_a_kind_of_outlet_and_who_was_it_that_reasoned_asks_who_said() -> None:
    question = "Which English-language newspaper reported the harbour fees?"
    assert unknown_names(question, lambda word: False) == [] and focus(question) == []
    assert asks_for(question) == "outlet"
    assert asks_for("Who was it that reasoned the fees were too high?") == "speaker"
    assert without_options("When the board met in May, who was it that said the fees were paid?") == (
        "Who was it that said the fees were paid?")


def test_which_aircraft_type_flew_asks_for_an_aircraft() -> None:
    assert asked_noun("Which Norwegian aircraft type carried out the rescue?") == "aircraft"


def test_a_read_more_link_is_the_page_around_the_article() -> None:
    assert asks_about_page("In which town is the fair mentioned in the Gazette's read-more link held?")


def test_a_bare_plural_says_not_which() -> None:
    scorer = scorer_of("Ola Berg said winter storms destroy harbour cranes every year.")
    assert best_sentences("Which harbour cranes did Ola Berg say winter storms destroy?", scorer, 1) == []
    scorer = scorer_of("Ola Berg said the storms destroyed the harbour cranes at Molde.")
    assert best_sentences("Which harbour cranes did Ola Berg say the storms destroyed?", scorer, 1) == [(1, 0)]
    scorer = scorer_of("Ola Berg said the town agreed to hold early local elections.")
    assert best_sentences("What kind of elections did Ola Berg say the town agreed to hold?", scorer, 1) == [(1, 0)]


def test_a_question_typed_in_lower_case_gets_the_capitals_its_passages_give_its_names() -> None:
    texts = ["The ferries sailed late, Harbour Master Ola Berg told the Nordic Gazette. They could not tell us why.",
             "Berg said the terrorist army of gulls had moved on."]
    assert truecase.needed("what did ola berg tell the nordic gazette") and not truecase.needed("What did Berg say")
    assert truecase.cased("what did ola berg tell the nordic gazette about us", texts) == (
        "what did Ola Berg tell the Nordic Gazette about us")
    assert truecase.cased("which army did berg mean", texts) == "which army did Berg mean"
    # A name in the possessive, which the texts never write so.
    assert truecase.cased("where did berg's talk with the nordic gazette take place", texts) == (
        "where did Berg's talk with the Nordic Gazette take place")


def test_a_question_asked_in_place_is_asked_as_a_question() -> None:
    assert without_options("Ola Berg said the town agreed to what kind of elections") == (
        "What kind of elections did Ola Berg say the town agreed to?")
    assert without_options("Ola Berg said people are leaving from where, not from Molde") == (
        "Where did Ola Berg say people are leaving from, not from Molde?")
    question = "Who said the harbour could not tell Molde where the ferries were?"
    assert without_options(question) == question


def test_which_of_the_outlets_and_a_statement_before_its_question() -> None:
    assert asks_for("Which of the outlets quoted Ola Berg on the harbour fees?") == "outlet"
    # (He is the person the statement opens with, and the statement is the context asked in.)
    assert without_options("Ola Berg relayed the board's comments on the fees. Which paper does he write for?") == (
        "Which paper does Ola Berg write for, Ola Berg relayed the board's comments on the fees?")


def test_one_counts_only_what_it_stands_before() -> None:
    question = "How many C.I.A. officers are stationed at the harbour?"
    assert counted(question) == "officers"
    assert not holds("number", "The officers have been at the harbour for weeks, one senior official said.", question)
    assert holds("number", "One officer has been at the harbour since May.", question)
    assert holds("number", "Twelve officers arrived, one senior official said.", question)


def test_a_medium_of_another_kind_fills_no_slot_for_a_kind_asked() -> None:
    scorer = scorer_of("In an interview with the Nordic and Baltic news agencies, Ola Berg said the ferries would "
                       "sail again in May.")
    assert Slot.of("Which television channel aired Ola Berg's remarks on the ferries?").medium_kind == "broadcast"
    assert best_sentences("Which television channel aired Ola Berg's remarks on the ferries?", scorer, 1) == []
    assert best_sentences("Which news agencies published Ola Berg's remarks on the ferries?", scorer, 1) == [(1, 0)]


def test_an_aside_on_where_words_were_said_is_no_part_of_their_topic() -> None:
    assert asked_speaker("What was Ola Berg's view, in his radio interview, on the ferry timetable?") == (
        "Ola Berg", "the ferry timetable")
    question = "According to Berg in his remarks to the Nordic Gazette, did the storm delay the ferries?"
    assert asked_speaker(question) == ("Berg", "the storm delay the ferries")
    assert asked_speaker("What did Berg say about the cranes in the radio interview, per the Gazette?") == (
        "Berg", "the cranes")
    # (Where the asker read it is no aside on where he spoke: a why-question stays one.)
    assert asked_speaker("According to Berg in the Gazette piece, why did the ferries stop?") is None


def test_who_replied_by_doing_something_asks_who_did_it() -> None:
    question = "Who replied to the reporter asking about the ferries by blaming the storm?"
    assert asked_claim(question) == "blaming the storm"
    # Whom he spoke to, besides the one named; not who published it.
    question = "Alongside the Gazette, which news agency interviewed Berg about the ferries?"
    assert asks_for(question) is None and Slot.of(question).medium


def test_a_tweets_signature_names_whose_account_it_is() -> None:
    scorer = scorer_of("Storm report: harbour cranes down, ferries stopped https://t.co/abc pic.twitter.com/xyz\n"
                       "— Harbour News (@HarbourNews) May 3, 2021")
    question = "Which network's Twitter account posted the storm report on the cranes?"
    assert best_sentences(question, scorer, 2) == [(1, 1)]


def test_name_the_office_asks_for_its_holder_and_quoted_by_excludes_the_papers_staff() -> None:
    assert asked_role("Name the King of Jordan whom Berg says he met.") == Office("king of jordan", None)
    assert Slot.of("Who is the official quoted by the Free Beacon on the camps?").told == "Free Beacon"


def test_so_called_is_no_topic_word() -> None:
    scorer = scorer_of("Ola Berg said the moderate opposition has gulls.")
    assert topic_coverage("the so-called moderate opposition fighters rely on", scorer)[0] > 0


def test_a_capitals_leader_is_its_head_of_state() -> None:
    assert role_fits(["leader"], "President") and not role_fits(["leader"], "Deputy Foreign Minister")
    assert focus("Where did the Kremlin leader say the generals met?") == []
    assert focus("Where did the Kremlin say the generals met?") == [{"kremlin"}]


def test_is_it_a_or_b_who_said_asks_who_of_the_two() -> None:
    question = "Is it Berg or Quill who said the ferries will sail in May?"
    assert options(question) == ["Berg", "Quill"]
    assert asked_claim(question) == "the ferries will sail in May"
    assert asked_speaker("What was Berg's response when asked whether the storm hurt the ferries?") == (
        "Berg", "the storm hurt the ferries")


def test_what_view_x_articulated_concerning_y_asks_for_his_words() -> None:
    assert asked_speaker("What view did the harbour master, Ola Berg, express concerning the ferry strike?") == (
        "Ola Berg", "the ferry strike")
    assert asked_speaker("What position did Berg articulate with respect to the fees?") == ("Berg", "the fees")


def test_a_desk_editors_x_on_y_asks_for_his_words() -> None:
    assert asked_speaker("Berg line on the ferry fees - gist?") == ("Berg", "the ferry fees")
    assert asked_speaker("Ola Berg on the storm") == ("Ola Berg", "the storm")
    # Where it was read, and a scene, are no speaker.
    assert asked_speaker("Gazette: which day did the ferries stop") is None
    assert asked_speaker("Commenting on the storm, what did the mayor do?") is None


def test_what_x_answered_or_commented_asks_for_his_words() -> None:
    assert asked_speaker("What did Berg answer about the ferry strike?") == ("Berg", "the ferry strike")
    assert asked_speaker("What did Berg describe about the storm?") == ("Berg", "the storm")
    assert asked_speaker("Did Berg comment the ferry strike?") == ("Berg", "the ferry strike")


def test_a_quizs_choices_after_a_colon_are_options_not_the_question() -> None:
    question = "Who said the ferries will sail in May: Berg, Quill or the harbour master?"
    assert options(question) == ["Berg", "Quill", "the harbour master"]
    assert without_options(question) == "Who said the ferries will sail in May?"
    # A quote after a colon is no list of choices.
    assert options('Who said this: "peace or war"?') == []


def test_where_a_claim_was_said_set_off_by_commas_is_not_part_of_it() -> None:
    assert asked_claim("Who accused Oslo, in a Sunday radio interview, of closing the port?") == (
        "Oslo of closing the port")
    assert asked_claim("Who said, on Monday, that the port is shut?") == "the port is shut"


def test_a_learners_question_has_the_auxiliary_it_dropped_put_back() -> None:
    assert truecase.with_auxiliary("What Berg say about the ferries?") == "What did Berg say about the ferries?"
    assert truecase.with_auxiliary("Why officials say the port is shut?") == "Why did officials say the port is shut?"
    assert truecase.with_auxiliary("When the Gazette post the piece?") == "When did the Gazette post the piece?"
    assert truecase.with_auxiliary("In which Nordic port Berg meet the king?") == (
        "In which Nordic port did Berg meet the king?")
    # The asked-for is the subject: its verb is put in the past.
    assert truecase.with_auxiliary("Who is say the ferries stop?") == "Who said the ferries stop?"
    assert truecase.with_auxiliary("Which paper report the strike?") == "Which paper reported the strike?"
    assert truecase.with_auxiliary("Who from Nordic Gazette write it?") == "Who from Nordic Gazette wrote it?"
    # A name, then a bare verb: "did he?", or what he said where the question word stands.
    assert truecase.with_auxiliary("Berg talk about the ferries?") == "Did Berg talk about the ferries?"
    assert truecase.with_auxiliary("Berg say the ferries carry how many cars?") == (
        "Berg said the ferries carry how many cars?")
    # A source named last is read as "according to" it.
    assert truecase.with_auxiliary("How many ferries sail, by the Gazette?") == (
        "How many ferries sail, according to the Gazette?")
    assert truecase.with_auxiliary("Where ferries meet, the Gazette say?") == (
        "Where did ferries meet, according to the Gazette?")
    # Careful questions are left as typed, and so is a name that is the object of a verb.
    for question in ("What did Berg say?", "Who heard Berg say that?", "Who wrote the Gazette report on Berg?",
                     "What made Berg say that?", "When was the piece posted?", "Who is the harbour master?",
                     "Which name does Berg use for the ferry?",
                     "Which harbour or ferry official, by name, dismissed the fees as a show?"):
        assert truecase.with_auxiliary(question) == question


def test_a_hurried_question_is_tidied_as_a_careful_writer_types_it() -> None:
    assert truecase.tidied("ok so what date did the Gazette post the Berg piece") == (
        "what date did the Gazette post the Berg piece")
    assert truecase.tidied("double-check: whats the date stamp") == "what’s the date stamp"
    assert truecase.tidied("Byline check: who wrote the Gazette piece?") == "who wrote the Gazette piece?"
    assert truecase.tidied("Name of the pilot who docked first?") == "What is the name of the pilot who docked first?"
    assert truecase.tidied("why did the Harbour Dept shut the pier") == "why did the Harbour Department shut the pier"
    assert truecase.tidied("why couldnt berg sail w/ the ferry") == "why couldn’t berg sail with the ferry"
    assert truecase.tidied("its harbour fees") == "its harbour fees"  # a word, not a contraction
    # A lower-case start is haste, whatever capitals follow; a careful question is left as typed.
    assert truecase.needed("when did berg do that Q&A") and not truecase.needed("When did Berg do that Q&A?")
    # An office alone stays a common noun, and "the" opens no name.
    texts = ["Then Ola Berg met the King of Norway, The Gazette reported."]
    assert truecase.cased("which king did berg meet, per the gazette", texts) == (
        "which king did Berg meet, per the Gazette")


@pytest.mark.parametrize(("question", "plain"), [
    # A scene before a question asked in place.
    ("Describing the storm damage, Ola Berg said the harbour lost how many cranes?",
     "How many cranes did Ola Berg say the harbour lost, describing the storm damage?"),
    # "What is that president's name?" after a statement naming the office: the office's holder.
    ("Ola Berg lists the Mayor of Molde among those he met - what is that mayor's name?",
     "What is the name of the Mayor of Molde?"),
    ("Whose assessment was it that the ferries sank in May?", "Who said the ferries sank in May?"),
    ("What, in Berg's telling, sank the ferries?", "In Berg's words, what sank the ferries?"),
    ("Who is Norway's defence chief?", "Who is Norway's defense minister?"),
    # A scene naming an outlet first means the person after it by "he".
    ("In the Harbour Herald version of Berg's comments, how did he describe the fees?",
     "How did Berg describe the fees?"),
])
def test_other_ways_of_asking_are_asked_plainly(question: str, plain: str) -> None:
    assert without_options(question) == plain


def test_what_someone_pointed_to_or_took_a_position_on_asks_for_his_words() -> None:
    assert asked_speaker("What position did Berg take on the ferry fees?") == ("Berg", "the ferry fees")
    assert asked_speaker("What alternative routes did Berg point to, absent the ferries?") == (
        "Berg", "alternative routes")
    assert asks_for("Apart from the Gazette, which agency ran the Berg interview in which he said it?") is None


def test_an_office_by_its_initials_and_a_weekday_are_no_names_an_answer_must_hold() -> None:
    assert focus("which TV network did the Russian FM talk to on Sunday") == []


def test_a_name_of_the_kind_asked_for_answers_though_the_question_gives_its_noun() -> None:
    scorer = scorer_of("Ola Berg said the storm had no effect on the Nordic Air Force.")
    question = "Which Nordic force did Ola Berg say the storm had no effect on?"
    assert Slot.of(question).noun == "force"
    assert best_sentences(question, scorer, 1) == [(1, 0)]


@pytest.mark.parametrize(("question", "kind"), [
    ("Which harbour board resolution, by number, did Ola Berg say the town ignored?", "number"),
    ("Berg said he met the mayor by the pier - do you remember when exactly that was?", "date"),
    ("Berg grumbled that the ferries had been stopped - when was it that the town stopped them?", "date"),
])
def test_a_number_by_number_and_a_time_after_a_statement_are_asked_for(question: str, kind: str) -> None:
    assert expected(question) == kind


def test_a_page_sidebar_and_an_interview_published_by_a_possessive_are_read() -> None:
    assert asks_about_page("The Gazette page had a sidebar headline about the cranes - what did it say?")
    assert asks_for("Besides the Gazette, which news agency published Berg's interview about the ferries?") is None


def test_who_interviewed_someone_asks_for_a_person_and_no_determiner_is_a_gap() -> None:
    assert entity_kind("Who interviewed Ola Berg on the radio?") == ("person", frozenset({"PERSON"}))
    # Typed without "did", a day is asked for, not the army after it.
    question = "Which day the Harbour Army declared the closure?"
    assert entity_kind(question) is None and expected(question) == "date"


def test_what_someone_said_typed_without_did_asks_for_his_words() -> None:
    assert asked_speaker("What Ola Berg said about the ferry fees?") == ("Ola Berg", "the ferry fees")
    # "did not tell" names nobody who said it; "according to Berg" does.
    scorer = scorer_of("“The gulls took the pier,” Ola Berg said. The town shut the pier.")
    said = _said_by_named("Which birds the town did not tell to the harbour, according to Berg?", scorer)
    assert said is not None and said.tolist() == [True, False]


def test_hedges_say_how_sure_the_asker_is_not_what_is_asked() -> None:
    assert truecase.tidied("what did the harbour spokesman, Berg I believe, say about the fees?") == (
        "what did the harbour spokesman, Berg, say about the fees?")
    assert truecase.tidied("Berg (or Bergh) said the ferries stopped. in which town?") == (
        "Berg said the ferries stopped. in which town?")
    assert truecase.tidied("if I remember right, when did Berg sail?") == "when did Berg sail?"
    assert truecase.tidied("the mayor, Quill or however it's spelled, was the one who sailed") == (
        "the mayor, Quill, was the one who sailed")


def test_a_misspelt_name_is_read_as_the_passages_spell_it() -> None:
    texts = ["Ola Berg and Ivar Quill met the Mayor of Molde."]
    assert truecase.respelled("Did Bergh meet Quil?", ["Bergh", "Quil"], texts) == (
        "Did Berg meet Quill?", [("Bergh", "Berg"), ("Quil", "Quill")])
    # Another name, not a misspelling: "Quinn" is two letters off "Quill", 0.6 alike.
    assert truecase.respelled("Did Quinn meet Berg?", ["Quinn"], texts) == ("Did Quinn meet Berg?", [])


def test_a_statement_before_the_question_is_the_context_it_is_asked_in() -> None:
    # "he" is the person the statement opens with, not an office nor the asker ("I'm").
    question = "Berg said the town hoped for new cranes. what did he say about how the board reacted?"
    assert asked_speaker(question)[0] == "Berg"
    assert "Berg made those remarks" in without_options(
        "for my paper I'm trying to pin down the timeline, and the Norwegian Deputy Foreign minister, Berg, was the "
        "one complaining about fees. what day of the week was it that he made those remarks?")
    assert names("So I'm asking: when did Berg sail?") == ["Berg"]
    # The question first, whatever it opens with ("according to ...").
    assert asks_why("In the comments there's a back and forth about Norway's ferries. According to the reader who "
                    "disagreed, why were the ferries stopped?")
    # "Who said that?": the statement is what is asked about, and stays the question.
    for question in ("The Gazette reports somebody saying the ferries are a show. Who said that, according to the "
                     "page?",
                     "There's that bit where the mayor asked the board where the ferries were. Who told that story?"):
        assert without_options(question) == question
    assert asked_speaker("Back in that September Q&A with journalists, what did Berg say about the fees?") == (
        "Berg", "the fees")


def test_a_q_and_a_by_its_month_is_no_name_an_answer_must_hold() -> None:
    assert focus("In the September Q&A, which mayor did Berg say he phoned?") == [{"berg"}]


def test_a_people_is_its_country_and_what_someone_is_to_do_is_a_reason() -> None:
    scorer = scorer_of("The soldiers going on standby are to confront the floods in Norway.")
    assert best_sentences("According to the reader, why were the Norwegian soldiers on standby?", scorer, 1) == [(1, 0)]


def test_the_day_someone_argued_something_is_the_day_he_said_it() -> None:
    scorer = scorer_of("The refusal proves what their aims are, Ola Berg said Thursday.")
    assert best_sentences("On which weekday did Berg argue that the refusal proved their aims?", scorer, 1) == [(1, 0)]


def test_a_claim_is_held_by_the_part_of_a_sentence_that_words_it() -> None:
    # "instead of ..." denies something after the claim, not the claim.
    scorer = scorer_of("Ola Berg told the Gazette that the fees “create a strange impression” and instead of "
                       "ferries “there is something else at stake”.")
    assert best_sentences("Who said that the fees create a strange impression?", scorer, 1) == [(1, 0)]


def test_capitals_are_the_two_nations_a_sentence_speaks_of() -> None:
    scorer = scorer_of("The cooperation deal reached on October 20 is aimed at the safe passage of the two nations' "
                       "ferries.")
    assert best_sentences("Moscow and Washington agreed on ferry safety - what was the exact date of that deal?",
                          scorer, 1) == [(1, 0)]


def test_a_negated_auxiliary_is_no_topic_word() -> None:
    assert query_terms("Why wouldn't Berg share the fees, and why couldn’t he?") == ["berg", "share", "fees"]


def test_that_officials_name_asks_for_a_person() -> None:
    assert entity_kind("The Gazette quotes an official asking about the fees. What was that official's name?") == (
        "person", frozenset({"PERSON"}))


def test_what_someone_said_about_a_topic_of_its_own_is_asked_without_the_context() -> None:
    assert asked_speaker("Berg was on the radio talking about the cranes. what did Berg say about the ferries?") == (
        "Berg", "the ferries")


def test_elections_are_a_kind_of_vote_and_a_ruse_for_something_a_reason() -> None:
    scorer = scorer_of("Ola Berg said the mayor agrees to hold early municipal elections.")
    assert best_sentences("What kind of vote did Berg say the mayor agrees to hold?", scorer, 1) == [(1, 0)]
    assert _REASON.search("Quill labeled the move a potential “ruse” for a later assault")


def test_the_person_a_typed_question_says_spoke_is_named_for_his_passages() -> None:
    assert said_by_name("How many people did Ola Berg say the storm killed?") == "Berg"
    assert said_by_name("How many people did the Gazette say the storm killed?") is None
    assert said_by_name("How many people did Norway say the storm killed?") is None


def test_where_the_asker_read_it_first_is_said_after_the_question() -> None:
    assert without_options("Per the Gazette page, who is the Nordic harbour master who closed the pier?") == (
        "Who is the Nordic harbour master who closed the pier, per the Gazette page?")
    assert asks_for("Per its page byline, on what date did the Gazette post its piece on the fees?") == "published"


def test_an_office_after_a_possessive_is_the_office_asked_about() -> None:
    assert Slot.of("Which news agency did Norway's deputy foreign minister speak to?").office == (
        "deputy", "foreign", "minister")
    assert _REASON.search("It has refused to deal with Oslo, saying that the mayor must go")


@pytest.mark.parametrize(("typed", "careful"), [
    ("what did Berg say re legality of RU ops", "what did Berg say about legality of Russia operations"),
    ("date on the Gazette tweet", "What is the date on the Gazette tweet"),
    ("Nordic DFM in the Gazette story - name?", "What is the name of the Nordic deputy foreign minister in the "
     "Gazette story?"),
    ("Berg Sep 4 remarks: how many cranes", "Berg September 4 remarks: how many cranes"),
    ("who sailed w the ferry", "who sailed with the ferry"),
])
def test_an_editors_shorthand_is_spelt_out(typed: str, careful: str) -> None:
    assert truecase.tidied(typed) == careful


def test_a_terse_question_may_open_with_a_name_and_an_acronym_stands_for_its_name() -> None:
    assert names("EU Times Berg post - what date did it go up") == ["EU Times Berg"]
    assert names("Berg said the ferries sank.") == []
    assert without_options("Berg September 4 remarks: how many cranes does he say fell") == (
        "how many cranes does Berg say fell")
    scorer = scorer_of("Fighting continues in the besieged city of Molde.", outlets=("The Harbour Gazette",))
    assert best_sentences("HG piece - which besieged city is the fighting in", scorer, 1) == [(1, 0)]


def test_the_text_a_question_was_read_in_neither_scores_nor_must_be_named() -> None:
    from rag.answerable import _unsourced
    assert _unsourced("In the Harbour Gazette excerpt reproduced in the blog article, which three towns paid for the "
                      "cranes?") == "Which three towns paid for the cranes?"
    question = "Why were the officers posted there, according to that story - wasn't it to keep guns away?"
    assert _unsourced(question) == question
    # "New York Times" is what "NYT" stands for: a pasted excerpt citing the NYT is the one read.
    assert focus("In the New York Times excerpt, which city?") == [{"york", "times", "#nty"}]
    scorer = scorer_of("Even the NYT has been upfront about the harbour. Officers operate secretly in southern Molde.")
    assert best_sentences("In the New York Times excerpt, where do the officers operate secretly?", scorer, 1) == [
        (1, 1)]


def test_the_names_of_people_or_a_named_representative_ask_for_a_person() -> None:
    for question in ("What are the names of the harbour commanders who told Berg which piers were closed?",
                     "Which named representative of the harbour board put the proposal forward with Berg?"):
        assert entity_kind(question) == ("person", frozenset({"PERSON"}))


def test_a_later_sentences_opening_adverb_is_no_name_nor_a_capital_a_he() -> None:
    assert names("The Gazette cites analysts saying the board left cranes untouched. Roughly how many cranes?") == [
        "Gazette"]
    question = ("Both Reuters and the BBC carry Moscow's complaint about the fees in Norway. On which weekday "
                "do they say he made it?")
    assert "he made it" in without_options(question)


def test_did_one_of_several_named_say_it_is_a_quiz_with_them_as_choices() -> None:
    question = "Did Berg, Dahl or Lund call the fees a scam?"
    assert options(question) == ["Berg", "Dahl", "Lund"]
    assert without_options(question) == "Who called the fees a scam?"
    assert options("Did Berg call the fees a scam?") == []


def test_is_it_accurate_that_he_said_it_then_what_did_he_say_about_that_asks_for_his_words_on_it() -> None:
    question = "Is it accurate that Berg called the fees a scam? What did Berg say about that?"
    assert asked_speaker(question) == ("Berg", "the fees a scam")
    assert without_options("Was it Dahl who said the fees were a scam? Who actually said this, and on which channel?") \
        == "Who said the fees were a scam?"


def test_a_name_on_a_topic_before_a_dash_is_the_speaker_not_the_topic() -> None:
    assert asked_speaker("Berg on the NHF - what did he claim?") == ("Berg", "the NHF")


def test_a_states_formal_name_is_a_country_and_the_place_of_an_interview_is_not_in_the_words_said() -> None:
    from rag.answerable import _ASKS_WHERE_SPOKEN, _in_words_said, _is_country
    from rag.types import Attribution
    assert _is_country("the Russian Federation") and _is_country("the Syrian Arab Republic") and not _is_country("Oslo")
    assert _ASKS_WHERE_SPOKEN.search("Where was Berg when he gave the interview to NRK?")
    assert _ASKS_WHERE_SPOKEN.search("In which city did Berg give the interview?")
    assert not _ASKS_WHERE_SPOKEN.search("Where did Berg say the ferries sank?")
    text = "In an interview published on Friday in Oslo, Berg said the ferries sank off Bergen."
    said = Attribution(start=0, end=len(text), kind="indirect", speaker="Ola Berg", cue="said")
    assert not _in_words_said(text, said, text.index("Oslo")) and _in_words_said(text, said, text.index("Bergen"))


def test_a_context_set_off_by_a_semicolon_comes_after_the_question_and_names_no_participle_or_place() -> None:
    question = ("Writing about the storm in Bergen, I want to quote Berg's account of the ferries; how many ferries "
                "did he say sank?")
    assert without_options(question).startswith("how many ferries did Berg say sank, writing about the storm")
    assert without_options("Since I cite the Gazette piece on Berg, I need its date; what date was it posted on?") \
        .startswith("what date was it posted on, since I cite")


def test_who_asked_that_after_a_statement_asks_who_said_it() -> None:
    from rag.answerable import _WHO_SAID_THAT
    assert _WHO_SAID_THAT.match("who asked that?")


def test_where_the_asker_read_it_is_no_part_of_the_claim_a_role_is_asked_for() -> None:
    from rag.answerable import said_claim
    assert said_claim("Which minister said the ferries sank, per the Gazette?") == "the ferries sank"
    assert said_claim("Which minister said the ferries sank, in the Gazette piece?") == "the ferries sank"


def test_a_name_then_a_colon_and_a_question_asks_it_according_to_him() -> None:
    assert without_options("Berg: how long will the ferries stop?") == (
        "how long will the ferries stop, according to Berg?")
    # An outlet is where the asker read it (stop 27: it was left as typed).
    assert without_options("Harbour News: which day did the ferries stop?") == (
        "Which day did the ferries stop, according to Harbour News?")


def test_his_quote_a_sentence_or_two_after_his_reported_words_on_a_topic_is_his_words_on_it() -> None:
    scorer = scorer_of("Ola Berg again criticised the harbour board, claiming that its ferries were unsafe. "
                       "The Tide Gazette reported two ferries lost on Saturday. "
                       "“They load them with cars until the deck floods,” Berg said.")
    own = speakers_own("What did Berg say about the ferries?", scorer)
    assert own is not None and list(own) == [True, False, True]


def test_which_reader_argued_it_is_answered_by_a_comment_and_pushing_back_is_saying() -> None:
    from rag.answerable import _ASKS_READER, said_claim
    assert _ASKS_READER.match("Which reader argued that the ferries were sold?")
    assert not _ASKS_READER.match("Which minister argued that the ferries were sold?")
    assert said_claim("Which reader pushed back by arguing that the ferries were sold?") is not None
    assert asked_noun("Which reader pushed back on the blog by arguing that the ferries were sold?") is None


def test_a_translators_and_a_producers_questions_ask_for_xs_words() -> None:
    assert asked_speaker("What exact words did Ola Berg use for the harbour fees?") == ("Ola Berg", "the harbour fees")
    assert asked_speaker("What wording did Berg use to compare the fares with Bergen's?") == (
        "Berg", "the fares with Bergen's")
    assert asked_speaker("How did Berg put it, in the Herald report, when explaining the fare rise?") == (
        "Berg", "the fare rise")
    assert asked_speaker("How did Berg phrase the fare rise?") == ("Berg", "the fare rise")
    assert asked_speaker("Do we have Berg on record about the pier?") == ("Berg", "the pier")
    assert asked_speaker("Do we have Berg saying the pier is shut?") == ("Berg", "the pier is shut")
    assert asked_speaker("Give me Berg's line on the pier.") == ("Berg", "the pier")


def test_who_in_the_thread_or_which_voice_says_asks_who_said_the_claim() -> None:
    assert asked_claim("Who in the thread says the ferries should stop?") == "the ferries should stop"
    assert asked_claim("Who's the voice below the article arguing the fees are fair?") == "the fees are fair"
    # "Who wrote that ...?" asks who wrote those words, not who wrote an article: no byline needed.
    scorer = scorer_of("Ola Berg said the harbour fees were unfair.")
    assert best_sentences("Who wrote that the harbour fees were unfair?", scorer, 1) == [(1, 0)]


def test_an_office_before_a_name_is_his_title_not_the_noun_asked_for() -> None:
    assert entity_kind("To which radio station Harbour Minister Berg gave the interview?") == (
        "organisation", frozenset({"ORG"}))
    assert entity_kind("Which harbour minister closed the pier?") == ("person", frozenset({"PERSON"}))


def test_a_contracted_what_is_asks_for_a_date_or_a_number() -> None:
    assert expected("what’s the date of the pier closing") == "date"
    assert expected("what’s the number of ferries stranded") == "number"
    assert asks_about_page("What number is next to the Herald's 'Harbour Watch' tag?")


def test_a_page_named_by_what_its_article_reports_answers_from_its_own_lines() -> None:
    # The page's lines name neither Berg nor Radio Nord; its article does, further on.
    scorer = scorer_of("11:21 GMT14 August 2020\n\nListen Live\n\nGet short URL\n\nRead more: Ferries 98% full\n\n"
                       "OSLO (Harbour Herald) – The ferries are late again this week. The fjord froze early. "
                       "Fares rose in October. Ola Berg told Radio Nord that the pier is shut.",
                       outlets=("Harbour Herald",))
    assert scorer.labels[0].kind == "furniture"
    assert best_sentences("What was the date that appears in the header of the Harbour Herald page reporting Berg's "
                          "remarks to Radio Nord?", scorer, 1) == [(1, 0)]


def test_a_scene_before_the_question_or_a_first_question_leaves_xs_words_asked_for() -> None:
    assert asked_speaker("For my essay on the harbour, what did Berg say about the fees?") == ("Berg", "the fees")
    assert asked_speaker("Describing the strike at the pier, what did harbour master Berg say about the fees?") == (
        "harbour master Berg", "the fees")
    assert asked_speaker("Checking a quote: what steps did Berg say are needed to reopen the pier?") == (
        "Berg", "steps are needed to reopen the pier")
    assert asked_speaker("Did Berg again criticise the fees?") == ("Berg", "the fees")
    # A fact-checker's first question has him do something; the second asks for his words on it.
    assert asked_speaker("Is it true that Berg set an end date for the strike? What did he actually say about how long "
                         "it would last?") == ("Berg", "how long it would last")
    assert without_options("Is it accurate that Berg admitted the fees were unfair? What did he say about the fares?"
                           ) == "What did Berg say about the fares?"


@pytest.mark.parametrize(("question", "asked"), [
    # A wire editor's, a teacher's and a sceptic's ways of asking for his words on a topic.
    ("What was Berg's own quote on the fees?", ("Berg", "the fees")),
    ("Did Berg call the fees a scandal?", ("Berg", "the fees a scandal")),
    ("Berg's line on the fees - the gist?", ("Berg", "the fees")),
    ("Berg: does the pier reopen in May?", ("Berg", "the pier reopen in May")),
    ("Berg to Harbour Radio and the Gazette: does the pier reopen in May?", ("Berg", "the pier reopen in May")),
    # His words about others are not asked for: a reporter who wrote of them, whom he quoted.
    ("Which reporter wrote about Berg's remarks on the fees?", None),
    ("Berg quoted the mayor on the fees?", None),
])
def test_what_did_x_say_asked_as_an_editor_a_teacher_or_a_sceptic_asks_it(question: str, asked: tuple | None) -> None:
    assert asked_speaker(question) == asked


def test_whose_claim_it_is_may_say_first_where_it_was_read() -> None:
    assert asked_claim("In the Herald piece, whose claim is it that the fees were illegal?") == "the fees were illegal"


def test_according_to_the_articles_is_no_source_of_the_question() -> None:
    assert truecase.tidied("According to the articles, what did Berg say about the fees?") == (
        "what did Berg say about the fees?")
    # Nor is what the answer is for part of it.
    assert truecase.tidied("For the briefing note: how did Berg say the fees would rise?") == (
        "how did Berg say the fees would rise?")



@pytest.mark.parametrize(("question", "kind"), [
    ("Who at the Harbour Board closed the pier?", "person"),  # someone of the board, not the board
    ("Who was the Norwegian counterpart whom Berg phoned?", "person"),
    ("Which coastguard brigade rescued the crew?", "organisation"),
])
def test_a_person_of_a_body_and_a_unit_are_asked_for_by_their_kind(question: str, kind: str) -> None:
    assert entity_kind(question)[0] == kind
    # A speaker: who says what reads it, as a claim whose speaker is of the board (`spoken_for`).
    assert entity_kind("Who at the Harbour Board said the pier was closed?") is None
    assert asked_claim("Who at the Harbour Board said the pier was closed?") == "the pier was closed"


def test_since_when_asks_for_a_date() -> None:
    assert expected("Since when do the ferries sail at night?") == "date"


def test_a_place_none_of_his_words_name_is_a_topic_he_did_not_speak_of() -> None:
    scorer = scorer_of("“The situation on the islands is calm,” said Ola Berg. Storms hit the port of Tromso. "
                       "Mara Quill said the situation in Tromso was grave.")
    own = speakers_own("What did Ola Berg say about the situation in Tromso?", scorer)
    assert own is not None and not own.any()  # his "situation" is the islands'
    assert speakers_own("What did Mara Quill say about the situation in Tromso?", scorer).any()


def test_a_time_asked_for_has_a_late_auxiliary_put_before_its_subject() -> None:
    assert truecase.with_auxiliary("In what month harbour pilots have said the beacons failed?") == (
        "In what month did harbour pilots say the beacons failed?")
    assert truecase.with_auxiliary("In what month harbour pilots were told the beacons failed?") == (
        "In what month were harbour pilots told the beacons failed?")
    assert truecase.with_auxiliary("On which day Berg has closed the pier?") == "On which day has Berg closed the pier?"
    # After the asked-for noun a name (or "the") opens the subject; a learner's present perfect
    # is the past the answer checks know.
    assert truecase.with_auxiliary("How much fuel Berg has said the ferries carry?") == (
        "How much fuel did Berg say the ferries carry?")
    assert truecase.with_auxiliary("Which paper Berg has given his remarks to?") == "Which paper did Berg give his remarks to?"
    assert truecase.with_auxiliary("How many boats Nordic pilots have targeted?") == (
        "How many boats did Nordic pilots target?")
    assert truecase.with_auxiliary("In which besieged port the Gazette is reporting fighting?") == (
        "In which besieged port is the Gazette reporting fighting?")
    assert truecase.with_auxiliary("Why the council has frozen the fees?") == "Why has the council frozen the fees?"
    assert truecase.with_auxiliary("Where Berg was when he gave the interview?") == (
        "Where was Berg when he gave the interview?")
    # Where a longer wh-phrase ends no rule tells: as typed.
    for question in ("On which state TV channel has Berg spoken?", "From which quay in Tromso are the ferries sailing?",
                     "In which Nordic or Baltic ports are the ferries?", "In what month was it?",
                     # (A verb or a clause first: the auxiliary is the clause's own.)
                     "Which paper reported the Gazette was closing?", "Which paper's Twitter account is embedded?",
                     "When Berg was asked about the fees, what did he say?", "Which Nordic official has said that?",
                     "Why, according to Berg, has the pier closed?"):
        assert truecase.with_auxiliary(question) == question


def test_which_are_by_name_the_groups_asks_for_organisations() -> None:
    assert entity_kind("Which are by name the ferry groups that the mayor supports?")[0] == "organisation"


def test_a_formal_askers_question_is_read_as_a_plain_one() -> None:
    # A courtesy title is no part of a name a sentence must hold; "in respect of" is "about".
    assert truecase.tidied("What assurance did Mr Berg offer in respect of the ferry fees?") == (
        "What assurance did Berg offer about the ferry fees?")
    assert truecase.tidied("Whom did the reporter call Mr President?") == "Whom did the reporter call Mr President?"
    assert truecase.tidied("As per Berg, why did the ferry sail?") == "According to Berg, why did the ferry sail?"
    # An auxiliary is no office's owner: the mayor's words on the fees are asked for, not a mayor.
    assert asked_speaker("What assurance did Mayor Berg offer about the ferry fees?") == (
        "Mayor Berg", "the ferry fees")
    assert asked_role("What assurance did Mayor Berg offer about the ferry fees?") is None
    assert asked_speaker("In what terms did Berg describe the ferry fees?") == ("Berg", "the ferry fees")
    assert asked_speaker("What did Berg make of the ferry fees?") == ("Berg", "the ferry fees")
    # A hurried possessive without its apostrophe; not an acronym's last capital.
    assert asked_speaker("what was bergs take on the ferry fees") == ("berg", "the ferry fees")
    assert asked_speaker("What is the US position on the ferry fees?") is None
    assert expected("What sum of money did the harbour set aside?") == "number"
    assert expected("Of what order of magnitude were the losses?") == "number"
    assert asks_why("What induced the Gazette to print the letter?") and asks_why("What led to the ferry crash?")
    assert asks_why("On what grounds did the board refuse the ferry licence?")
    # ... which, for a criticism, a sentence answers with what its critic claims (after a quoted
    # label too); not why anything else happened.
    scorer = scorer_of('Berg again criticized the label "harbour friends", claiming that they were smugglers.')
    assert _gives_reason(scorer, 0, "On what grounds did Berg criticise the label?")
    assert not _gives_reason(scorer, 0, "Why could the board not tell Berg where the smugglers were?")
    assert asks_for("berg says the fees are a ruse which site is that from") == "outlet"
    assert asks_for("Which paper is the reporter Ola Berg from?") is None  # whom he works for


def test_telling_and_saying_are_no_topic_words_as_tell_and_say_are_not() -> None:
    scorer = scorer_of("“Please tell us where the ferries are,” Berg said. The harbour board met on Monday.")
    assert topic_coverage("the board not telling them where the ferries are", scorer)[0] >= 0


def test_whose_words_asked_after_the_topic_or_with_no_mark_between() -> None:
    assert asked_speaker("berg on whether the board knows where the ferries are what did he say") == (
        "berg", "whether the board knows where the ferries are")
    assert asked_speaker("how long will the ferry strike go on, what did berg say on that") == (
        "berg", "how long will the ferry strike go on")
    # A name the topic asks for is still a value in his words, not his words on a topic.
    assert asked_speaker("Which ferries were stranded, according to Berg?") is None


def test_a_polite_askers_question_inside_a_request_is_read() -> None:
    for polite in ("Would you kindly tell me what the harbour master, Ola Berg, said about the ferry fees?",
                   "I would like to know what Ola Berg said about the ferry fees.",
                   "Could you please explain what Ola Berg said about the ferry fees?"):
        assert asked_speaker(without_options(polite))[1] == "the ferry fees", polite


def test_no_day_of_a_date_nor_a_count_of_owners_counts_what_is_asked_for() -> None:
    question = "The board has bought how many ferries in Norway?"
    assert not holds("number", "The deal reached on October 20 covers the two towns' ferries.", question)
    assert holds("number", "The board bought 12 ferries on 3 October.", question)


def test_a_place_ending_a_documents_title_is_not_where_it_was_signed() -> None:
    scorer = scorer_of("Berg signed the Memorandum of Understanding on Safety of Ferry Crossings in the Course of "
                       "Operations in Norway. He signed the second deal in Bergen.")
    question = "Where did Berg sign the memorandum?"
    slot = Slot.of(question)
    labels = entity_kind(question)[1]
    assert not _gives_entity(labels, scorer, 0, question, slot)
    assert _gives_entity(labels, scorer, 1, question, slot)


def test_a_russian_speakers_question_is_read() -> None:
    occurs = {"Ola Berg", "Harbour Gazette"}.__contains__
    # A name written surname first is written as the articles write it; other pairs as typed.
    assert truecase.name_order("What Berg Ola said about the ferry fees?", occurs) == (
        "What Ola Berg said about the ferry fees?")
    assert truecase.name_order("What did Harbour Gazette say?", occurs) == "What did Harbour Gazette say?"
    assert asked_speaker("What Berg is saying about so-called ferry fees?") == ("Berg", "so-called ferry fees")
    assert asked_speaker("What Berg told to Channel One about the ferry fees?") == ("Berg", "the ferry fees")
    assert asked_speaker("About ferry fees in Norway what Berg said?") == ("Berg", "ferry fees in Norway")
    assert asked_speaker("Berg Ola, what he is telling about the ferry fees?") == ("Berg Ola", "the ferry fees")
    assert asked_speaker("How long the ferry strike goes on, what Berg told about this?") == (
        "Berg", "How long the ferry strike goes on")
    assert asks_for("Where is published report with Berg saying the fees rose?") == "outlet"


def test_by_name_asks_for_a_speaker_the_text_names() -> None:
    scorer = scorer_of("Officials said the pier was off limits because of storm damage. "
                       "“The ferries will not sail,” said Ola Berg, the harbour master.")
    assert list(_said_for("Which official said the pier was off limits?", scorer)) == [True, True]
    assert list(_said_for("Which official by name said the pier was off limits?", scorer)) == [False, True]


def test_a_person_asked_for_is_named_of_the_nation_asked_and_is_who_speaks() -> None:
    scorer = scorer_of("“Why are the piers still closed?” one official said.",
                       "Estonian Deputy Harbour Minister Ola Berg said that Norway had shut the piers, "
                       "as the government of President Per Lund wanted. Norwegian spokesman Jon Vik said the piers "
                       "would open in May.")
    labels = frozenset({"PERSON"})
    # "Who is the person who ...?" wants a name: "one official" is none.
    question = "Who is the person who has asked why the piers are still closed?"
    assert not _gives_entity(labels, scorer, 0, question, Slot.of(question))
    # An Estonian is no Norwegian official, wherever his sentence names Norway; nor is a person named
    # in what he says the one who said it.
    question = "Which Norwegian official said that Norway had shut the piers?"
    assert Slot.of(question).says
    assert not _gives_entity(labels, scorer, 1, question, Slot.of(question))
    assert _gives_entity(labels, scorer, 2, question, Slot.of(question))
    question = "Which Estonian official, by name, said that Norway had shut the piers?"
    assert Slot.of(question).says and _gives_entity(labels, scorer, 1, question, Slot.of(question))
    # Who is named saying it inside another's words says it too; a journalist who reported it
    # is not the one quoted.
    scorer = scorer_of("“The plan, which Per Lund announced yesterday, is sound,” Ola Berg said.")
    question = "According to Berg, which official had voiced the plan yesterday?"
    assert _gives_entity(labels, scorer, 0, question, Slot.of(question))
    assert not Slot.of("Which Harbour Post journalist reported that the piers were shut?").says


def test_where_in_a_country_asks_for_a_place_inside_it() -> None:
    scorer = scorer_of("The ferries are coordinated through the Baghdad centre, a facility in the Iraqi capital.",
                       "The ferries are moored in Homs.")
    question = "Where in Syria are the ferries moored?"
    labels = entity_kind(question)[1]
    assert not _gives_entity(labels, scorer, 0, question, Slot.of(question))
    assert _gives_entity(labels, scorer, 1, question, Slot.of(question))


def test_to_which_source_an_outlet_attributes_a_report_asks_whom_it_cites() -> None:
    assert truecase.tidied("To which source does the Gazette attribute the report that the piers shut?") == (
        "To whom does the Gazette attribute the report that the piers shut?")
    assert truecase.tidied("To which source was the pier named?") == "To which source was the pier named?"


def test_an_analysts_abbreviations_are_spelt_out() -> None:
    assert truecase.tidied("Which State spox tied it to ISR sharing?") == (
        "Which State Department spokesman tied it to intelligence sharing?")
    assert truecase.tidied("who is the Russian MoD spokesman") == "who is the Russian Defense Ministry spokesman"
    # "MoD" alone is what a tweet signs its report with.
    assert truecase.tidied("How many sorties in the MoD combat report?") == "How many sorties in the MoD combat report?"
    assert truecase.tidied("Did the USAF sign the MoU before the UNSC met?") == (
        "Did the US Air Force sign the memorandum before the UN Security Council met?")


def test_a_report_another_source_cites_is_dated_by_its_text() -> None:
    assert asks_for("Per the Harbour Times, on which day did the Ferry Gazette run its report about the piers?") is None
    assert asks_for("When was the Harbour Gazette piece on Berg posted?") == "published"
    assert asks_for("On what date did the Gazette publish the story, per the Gazette page?") == "published"


def test_a_word_glued_to_a_number_on_a_page_is_mentioned() -> None:
    assert unknown_names("What date is in the page's GMT timestamp?", lambda w: False,
                         ["11:21 GMT14 August 2020"]) == []
    assert unknown_names("What date is in the page's UTC timestamp?", lambda w: False,
                         ["11:21 GMT14 August 2020"]) == ["UTC"]


def test_why_people_flee_is_answered_by_what_they_flee_from() -> None:
    scorer = scorer_of("People are not fleeing from the storm, they are fleeing from the floods. The ferries sailed.")
    assert _gives_reason(scorer, 0, "Why are people fleeing the islands?")
    assert not _gives_reason(scorer, 0, "Why did the ferries sail?")


def test_per_a_person_in_the_middle_of_a_question_keeps_to_his_words() -> None:
    assert said_by_name("Why, per Berg in the transcript, are people leaving the islands?") == "Berg"
    assert said_by_name("Why, per Berg, are people leaving the islands?") == "Berg"
    assert asked_claim("Who argued that people are fleeing the floods, in the context of the ferry strike?") == (
        "people are fleeing the floods")


def test_who_on_a_side_or_at_a_body_said_it_is_one_of_them() -> None:
    scorer = scorer_of("Estonian Harbour Minister Ola Berg said the piers had shut. Norwegian envoy Jon Vik said "
                       "the piers had shut too. Per Lund, a Harbour Board spokesman, said the piers had shut.")
    assert asked_claim("Who on the Norwegian side said the piers had shut?") == "the piers had shut"
    assert asked_claim("Who at the Harbour Board said, in reply to Berg, that the piers had shut?") == (
        "the piers had shut")
    assert list(spoken_for("Who on the Norwegian side said the piers had shut?", scorer)) == [False, True, True]
    assert list(spoken_for("Who at the Harbour Board said the piers had shut?", scorer)) == [False, False, True]
    # A body's own spokesman is one of it, where the article gives him no nation.
    assert list(spoken_for("Who at the Norwegian Harbour Board said the piers had shut?", scorer)) == [
        False, False, True]
    assert spoken_for("Who said the piers had shut?", scorer) is None


def test_a_spanish_speakers_word_order_asks_for_someones_words() -> None:
    assert asked_speaker("What said Ola Berg about the ferry fees?") == ("Ola Berg", "the ferry fees")
    assert asked_speaker("What opinion gave Berg about the ferry fees?") == ("Berg", "the ferry fees")
    assert asked_speaker("What said the harbour master about the fees?") is None
    # "made his declarations" asks when he spoke, not when what he spoke of happened.
    question = "Berg made his declarations about the ferry fees, which day of the week?"
    assert holds(expected(question), "The fees rose in May, Berg said Thursday.", question)


def test_a_clarification_in_parentheses_ends_no_sentence_and_an_airbase_is_a_place() -> None:
    assert truecase.tidied("Who complained (i.e. about the piers) that the fees rose?") == (
        "Who complained (that is about the piers) that the fees rose?")
    assert truecase.tidied("Which towns (e.g. Bergen) closed?") == "Which towns (for example Bergen) closed?"
    assert entity_kind("From which airbase or locality were the ferries flown?")[0] == "place"
    # "The official quoted via the Gazette" is not its reporter.
    assert Slot.of("Who was the individual (the official quoted via the Harbour Gazette) who asked why?").told == (
        "Harbour Gazette")
    assert Slot.of("Who was the individual who shut the piers?").one_person


def test_a_texters_shorthand_and_a_french_speakers_word_order_are_read() -> None:
    assert truecase.tidied("wat day did berg sign the deal w the board") == "what day did berg sign the deal with the board"
    assert truecase.tidied("y r the ferries late abt the fees idk") == "why are the ferries late about the fees"
    assert truecase.tidied("how many ppl r on the ferry u think") == "how many people are on the ferry you think"
    assert truecase.tidied("Is the U.S. r-value in section y of the report?") == (
        "Is the U.S. r-value in section y of the report?")
    assert asked_speaker(truecase.tidied("What has said Mister Berg about the ferry fees ?")) == ("Berg", "the ferry fees")
    assert asked_speaker("What has told Berg to Harbour Radio concerning the fees ?") == ("Berg", "the fees")
    assert asked_speaker("On the subject of the ferry fees, what thinks Berg ?") == ("Berg", "the ferry fees")
    assert asks_for("Which journal has published the declaration of Berg about the fees ?") == "outlet"
    # A lower-case name is read as the passages spell it.
    assert truecase.respelled("wat did riabkov say", ["riabkov"], ["Sergei Ryabkov said."]) == (
        "wat did Ryabkov say", [("riabkov", "Ryabkov")])


def test_a_trouble_and_the_condition_that_brings_it_give_a_reason() -> None:
    assert _REASON.search("We are in for large-scale problems if our partners continue with their policy.")
    assert not _REASON.search("The ferries sail if the weather holds.")


def test_a_why_question_is_answered_by_the_interview_answer_to_it() -> None:
    scorer = scorer_of("Question: The ferry fares have doubled in the harbour this winter. Why is it happening?\n\n"
                       "Mara Quill: We talked about this long ago. We are in for large-scale problems if the "
                       "operators continue with their cartel.\n\nThe gulls left the harbour, Ivo Brand said.")
    picked = best_sentences("Why does Mara Quill say the ferry fares doubled in the harbour?", scorer, 1)
    assert [scorer.texts[j] for _, j in picked] == [
        "We are in for large-scale problems if the operators continue with their cartel."]
    # Nobody else's words answer for her.
    assert best_sentences("Why does Ivo Brand say the ferry fares doubled in the harbour?", scorer, 1) == []


def test_a_tabloids_slang_and_a_dash_asking_for_his_words_are_read() -> None:
    assert truecase.tidied("Which Yank top dog said the corridors were a ruse?") == (
        "Which American top dog said the corridors were a ruse?")
    assert truecase.tidied("Did the Pentagon bloke swap spy data with the Yanks?") == (
        "Did the Pentagon man swap intelligence with the Americans?")
    assert truecase.tidied("Which rag ran the Berg rant?") == "Which newspaper ran the Berg rant?"
    assert asked_speaker("Berg on the ferry fares - what's his take?") == ("Berg", "the ferry fares")
    assert asked_speaker("Harbour Board's Berg on swapping ferry data - give us his words.") == (
        "Harbour Board's Berg", "swapping ferry data")
    # "it" is the topic of the preface.
    assert asked_speaker(
        "Vlad on the ferry fares in Bergen: what did Berg say about why it's happening?") == (
        "Berg", "the ferry fares in Bergen, why it's happening")
    # The second question asks for his words on what the first one asks.
    assert asked_speaker("How long will the ferries stay in port? What did Berg say decides it?") == (
        "Berg", "how long will the ferries stay in port")
    assert asks_for("Where did we read Berg praising the ferry fares?") == "outlet"
    assert asks_for("Which channel's site ran Berg moaning about the fees?") == "outlet"
    assert asks_for("When the Gazette was posting the article about Berg and the fees?") == "published"


def test_a_value_asked_after_is_it_true_is_asked_of_its_claim() -> None:
    from rag import terse
    assert terse.unchallenged("Is it true that Berg called Vik by telephone about the fees, and when was this call?") == (
        "When was this call that Berg called Vik by telephone about the fees?")
    assert terse.unchallenged("Is it true that Berg shut the piers, and why?") == "Why Berg shut the piers?"
    assert terse.unchallenged("Is it true that Berg shut the piers?") == "Is it true that Berg shut the piers?"


def test_the_last_question_word_of_a_statement_is_what_is_asked() -> None:
    assert without_options("Berg said the ferries answered a call when their crossing began in which port?") == (
        "Which port did Berg say the ferries answered a call when their crossing began in?")


def test_a_holder_of_an_office_another_article_gives_a_nation_holds_it_for_that_nation() -> None:
    scorer = scorer_of("The Gazette says the rebels fought the regime of Norwegian president Ola Al-Berg.",
                       "The rebels, whom Oslo backs, want to replace the government of President Ola Al-Berg.",
                       tagger=EntityTagger(Settings().entity_tagger))
    office = asked_role("Who is the Norwegian president that Oslo wants the rebels to replace?")
    assert office == Office("president", "norw")
    assert _holds_role(office, scorer, 1)
    assert not _holds_role(Office("president", "swed"), scorer, 1)


def test_a_refusal_in_other_words_and_a_document_by_its_kind() -> None:
    assert "refus" in _stems("The board was not prepared to share the ferry data.")
    assert "refus" in _stems("The board's reluctance to share data.")
    assert _stems("sharing air") <= _stems("Swapping data on aviation.")
    scorer = scorer_of("We have not gone beyond the joint approval of the Memorandum on Ferry Safety, Berg said.")
    assert asked_noun("Which document have the boards approved jointly, per Berg?") == "document"
    assert best_sentences("Which document have the boards approved jointly, per Berg?", scorer, 1)
    assert not best_sentences("Which budget have the boards approved jointly, per Berg?", scorer, 1)


def test_a_speaker_named_after_the_question_or_in_an_aside_about_his_remarks_keeps_to_his_words() -> None:
    assert said_by_name("How much fuel is kept in the depot, says Berg?") == "Berg"
    assert said_by_name("Where, according to Berg's remarks on the fees, did the ferries dock?") == "Berg"
    assert said_by_name("How much fuel is kept in the depot?") is None


def test_quoted_as_claiming_asks_who_claimed_it() -> None:
    assert said_claim("Which commenter is quoted as claiming the ferries are a front?") == "the ferries are a front"
    assert asked_claim("Who's quoted as writing that the ferries are a front?") == "the ferries are a front"


def test_a_medium_named_with_the_interview_leaves_the_outlet_asked_for() -> None:
    assert asks_for("Which outlet carried Berg's interview with Harbour Radio where he calls the fees unfair?") == (
        "outlet")
    assert asks_for("Which outlet carried Berg's interview where he calls the fees unfair?") is None
    assert asks_for("Where was Berg's remark about the fees published?") == "outlet"
    assert asked_speaker("I need a direct quote from Berg on the ferry fees.") == ("Berg", "the ferry fees")


def test_who_is_the_person_who_said_it_asks_who_said_it() -> None:
    assert asked_claim("Who is the person who asked which piers the boards will shut?") == "which piers the boards will shut"
    assert asked_claim("Who was the man who claimed the fees are a ruse?") == "the fees are a ruse"
    assert without_options("Who is the person who asked why the piers shut?") == "Who, by name, asked why the piers shut?"
    # Not one whom something was done to.
    assert asked_claim("Who was the man that the boards fined in Bergen?") is None
    assert Slot.of("Who was the man that the boards fined in Bergen?").one_person



def test_a_sceptics_verbs_ask_for_someones_words() -> None:
    assert asked_speaker("What did the Norwegian harbour master allege happened when the Board asked where the ferries "
                         "were?") == ("the Norwegian harbour master", "happened when the Board asked where the ferries were")
    assert asked_speaker("What did the Norwegian minister, Berg, assert about the ferry fees?") == ("Berg", "the ferry fees")


def test_a_thing_between_two_is_one_topic_part() -> None:
    scorer = scorer_of("“The fees rose in Norway and the US,” Ola Berg said. "
                       "“The accord on ferry safety between Norway and the US holds,” Per Lund said.")
    assert list(topic_coverage("the accord on ferry safety between Norway and the US", scorer) > 0) == [False, True]


def test_an_office_with_its_body_is_held_by_one_of_that_body() -> None:
    scorer = scorer_of("“The depots are full,” said Ola Berg, a Harbour Board spokesman. "
                       "“The ferries are late,” said Per Lund, spokesman for the Fisheries Ministry.")
    own = speakers_own("What did the Harbour Board spokesman say about the depots and the ferries?", scorer)
    assert list(own) == [True, False]


def test_a_person_asked_for_by_what_he_did_is_one_the_text_speaks_of() -> None:
    assert Slot.of("Who was the suicide bomber Berg talked about?").noun == "bomber"
    scorer = scorer_of("“The bombers came at night,” Ola Berg said.", tagger=EntityTagger(Settings().entity_tagger))
    # Berg, who speaks of the bombers, is none of them.
    assert best_sentences("Who was the suicide bomber Berg talked about in Bergen?", scorer, 1) == []
    assert best_sentences("Who is the Norwegian pilot that was rescued?", scorer, 1) == []


def test_a_students_how_come_asks_why_and_leaving_asks_what_people_flee() -> None:
    assert truecase.tidied("how come the ferries are late") == "why the ferries are late"
    assert truecase.tidied("How come the ferries are late?") == "Why the ferries are late?"
    scorer = scorer_of("People are not fleeing from the storm, they are fleeing from the floods. The ferries sailed.")
    assert _gives_reason(scorer, 0, "Why are people leaving the islands?")


def test_a_learners_third_person_verb_gets_its_auxiliary_and_not_accepting_is_rejecting() -> None:
    assert truecase.with_auxiliary("Why Berg says the ferries are late?") == "Why does Berg say the ferries are late?"
    assert truecase.with_auxiliary("Why the news says so?") == "Why the news says so?"
    scorer = scorer_of("Berg again criticized the board's classification of \"safe ferries\", claiming that the "
                       "ferries were using old engines.")
    assert _gives_reason(scorer, 0, "Why doesn't Berg accept calling those ferries safe?")
    assert not _gives_reason(scorer, 0, "Why does Berg call those ferries safe?")


def test_a_talkback_callers_fillers_and_slang_are_read() -> None:
    assert truecase.tidied("G'day mate, quick one - what date was the Gazette piece posted?") == (
        "what date was the Gazette piece posted?")
    assert truecase.tidied("How many boats did the Ruskies send, mate?") == "How many boats did the Russians send?"
    assert truecase.tidied("Why was Berg having a go at the board?") == "Why was Berg criticizing the board?"
    assert truecase.tidied("Whereabouts in Norway were the piers?") == "Where in Norway were the piers?"
    assert truecase.tidied("I recall Berg speaking on the fees. What did he say?") == (
        "Berg speaking on the fees. What did he say?")


def test_a_statement_then_a_question_about_it() -> None:
    # "that" is what the statement has him do.
    assert asked_speaker(without_options("Berg dismissed the ferry fees as a ruse - how did he justify that?")) == (
        "Berg", "the claim that he dismissed the ferry fees as a ruse")
    assert asked_speaker(without_options("Berg weighed in on the ferry fees. What was his assessment of it?")) == (
        "Berg", "the ferry fees")
    # A value asked of what the statement tells comes first, the statement its context.
    assert without_options("Berg says the boards shut several piers - where in Norway were those piers?") == (
        "Where in Norway were those piers, berg says the boards shut several piers?")
    assert asks_why(without_options("The boards bypassing the council on fees - why didn't they ask it?"))
    assert _stems("fleeing") <= _stems("People are running away from the storm.")


def test_an_office_holder_is_named_where_he_speaks_by_the_role_his_article_gives_him() -> None:
    text = ("Norwegian Fisheries Minister Ola Berg said on Sunday the pier would stay shut. Boats waited in the bay. "
            "The harbour lights were dim. Fishermen mended their nets. Berg told Channel Nine that the harbour "
            "fees were fair.")
    scorer = scorer_of(text)
    # The title and the channel are sentences apart; Berg's words name him, and he holds it.
    question = "Who is the fisheries minister that went on Channel Nine?"
    assert best_sentences(question, scorer, 1) == [(1, 4)]
    # A deputy holds no minister's office, nor is a nation given him that his title lacks.
    deputy = scorer_of(text.replace("Fisheries Minister", "Deputy Fisheries Minister"))
    assert best_sentences(question, deputy, 1) == []
    assert best_sentences("Who is the Danish fisheries minister that went on Channel Nine?", scorer, 1) == []


def test_a_historians_office_of_the_time_is_the_office() -> None:
    assert truecase.tidied("When the then harbour master asked which boats were late, what day was it?") == (
        "When the harbour master asked which boats were late, what day was it?")
    assert truecase.tidied("Who was the Norwegian fisheries minister of the day who closed the pier?") == (
        "Who was the Norwegian fisheries minister who closed the pier?")
    assert truecase.tidied("Back in autumn 2015, when did the Gazette post it?") == (
        "back in autumn 2015, when did the Gazette post it?")
    # (Words of time that are no office's stay: "the news of the day".)
    assert truecase.tidied("What was the news of the day at the pier?") == "What was the news of the day at the pier?"


def test_a_people_is_the_country_a_sentence_names_in_full() -> None:
    scorer = scorer_of("OSLO (Nordnews) – The United States’ refusal to sell boats raises questions, Norwegian "
                       "Fisheries Minister Ola Berg said Thursday.")
    # "the Americans" asked about are the US the sentence writes as "The United States".
    assert best_sentences("When the minister in Oslo asked about the Americans' refusal, what day was it?",
                          scorer, 1) == [(1, 0)]


def test_an_interviewers_question_is_about_whom_it_is_put_to() -> None:
    scorer = scorer_of("Question: The ferry crisis has reached a critical point in Tromso. It is very tense.\n\n"
                       "Ola Berg: We expected this crisis a long time ago.")
    assert best_sentences("A journalist asked Berg about a ferry crisis that had reached a critical point. Where was "
                          "that crisis unfolding?", scorer, 1) == [(1, 0)]


def test_a_monitors_x_on_y_asks_for_his_words_on_it() -> None:
    assert asked_speaker("Berg on the pier and the ferries: quote?") == ("Berg", "the pier and the ferries")
    assert asked_speaker("Berg on the ferry crisis: how did he characterise it?") == ("Berg", "the ferry crisis")


def test_that_ones_name_after_a_statement_asks_for_the_holder_named_beside_the_office() -> None:
    question = "Berg said he had discussed the quotas with the King of Norway. What was that king's name?"
    assert asked_role(question) == Office("king of norway", None)
    listed = scorer_of("Ola Berg said he discussed the quotas with the King of Norway and others.")
    assert best_sentences(question, listed, 1) == []
    assert entity_kind("Which harbour chiefs attended the meeting Berg spoke of?") == ("person", frozenset({"PERSON"}))


def test_a_learners_dropped_article_and_source_named_last_are_read() -> None:
    assert truecase.tidied("what is date of Gazette article about Berg?") == "what is the date of Gazette article about Berg?"
    assert truecase.tidied("who is author (reporter) of Gazette article?") == "who is the author (reporter) of Gazette article?"
    assert truecase.tidied("why are the boats off limits, what officials said?") == (
        "why are the boats off limits, according to officials?")
    # ("what he says" is no source named last: his words on the fees.)
    assert truecase.tidied("Berg about the fees, what he says?") == "What did Berg say about the fees?"
    assert truecase.tidied("Fisheries Minister who tell Nordnews about the fees, what is his name?") == (
        "Fisheries Minister who told Nordnews about the fees, what is his name?")
    assert asks_for("what is the date of Gazette article about Berg?") == "published"
    assert asks_for("What is the publish date of the Gazette article about Berg?") == "published"
    assert asks_for("What is the date of the pier's closing?") is None


def test_a_person_named_first_then_what_he_said_is_asked_of_his_words() -> None:
    assert asked_speaker("Obama, what he said to Berg on the telephone about the quotas?") == (
        "Obama", "the telephone about the quotas")
    assert asked_speaker("Berg, how he describe the ferry crisis in Tromso, was it surprise or not?") == (
        "Berg", "the ferry crisis in Tromso")
    # "he" after "X on Y -" is X, whatever he is asked to have said.
    assert asked_speaker("Lund on the ferries - what did he say people in Tromso are fleeing from?") == (
        "Lund", "what people in Tromso are fleeing from")
    # (Not "what did he say?" nor "... say it was meant to show?": the topic is the preface's.)
    assert asked_speaker("Lund on the ferries - what did he say?") == ("Lund", "the ferries")
    # (An outlet opening the preface is no "he": "The Harbour Times on Lund - ...".)
    assert asked_speaker("The Harbour Times on Lund - what did he say people are fleeing from?") is None


def test_a_source_named_first_with_in_is_read_last() -> None:
    assert without_options("in Berg Q&A on the blog, who is the journalist asking him about the pier?") == (
        "Who is the journalist asking him about the pier, in Berg Q&A on the blog?")
    # (Only before "who is": "In the interview with Nordnews, what did Berg say ...?" is read as asked.)
    asked = "In the interview with Nordnews, what did Berg say would decide the fees?"
    assert not without_options(asked).endswith("in the interview with Nordnews?")


def test_which_site_to_credit_asks_for_the_outlet_of_the_item_before() -> None:
    assert asks_for("There's an Oslo-datelined piece where Berg tells Nordnews the pier is shut. Which station or "
                    "site do I credit?") == "outlet"
    assert without_options("There's an Oslo-datelined piece where Berg tells Nordnews the pier is shut. Which site "
                           "should I credit?") == ("Which outlet published the Oslo-datelined piece where Berg tells "
                                                   "Nordnews the pier is shut?")


def test_a_news_service_or_a_source_that_reported_is_an_outlet_but_a_blog_commenter_is_no_outlet() -> None:
    assert asks_for("Which news service reported Berg's statement that the pier is shut?") == "outlet"
    assert asks_for("Which source reported the council's reluctance to answer Berg?") == "outlet"
    assert asks_for("which blog commenter wrote that the pier is a ruse") != "outlet"


def test_a_researchers_on_record_and_exact_words_ask_who_said_it_and_his_words() -> None:
    assert asked_claim("Who is on record saying the pier is nowhere near ready?") == "the pier is nowhere near ready"
    assert asked_speaker("Pull Lund's exact words on the ferry fares for the voice-over.") == ("Lund", "the ferry fares")
    assert asked_speaker("Lund's own words on the ferry fares") == ("Lund", "the ferry fares")


def test_four_words_may_describe_the_people_asked_for() -> None:
    found = entity_kind("Which senior Danish and Swedish officials questioned the fares?")
    assert found is not None and found[0] == "person"


def test_a_part_of_a_place_named_is_asked_for_inside_it() -> None:
    found = entity_kind("In what part of Tromso did the council open the walkways?")
    assert found is not None and found[0] == "place"
    scorer = scorer_of("The council opened walkways to let walkers leave the area, Mara Quill said in Tromso.")
    asked = "In what part of Tromso did the council open the walkways?"
    # Tromso is the place the question names, not where in it.
    assert not _gives_entity(found[1], scorer, 0, asked, Slot.of(asked))


def test_reasons_to_believe_are_no_reason_given() -> None:
    assert not _REASON.search("We have reasons to believe that they rarely check the boats, said Lund.")
    assert _REASON.search("The pier was shut for two reasons: storms and rot.")


def test_a_sentence_pointing_back_by_a_noun_the_one_before_lacks_gives_it_no_reason() -> None:
    scorer = scorer_of("Lund said that the council has begun a campaign against the ferry firm. “This proposal was "
                       "made in order to stop further questions,” Lund added.")
    assert not _gives_reason(scorer, 0, "Why did the council begin a campaign against the ferry firm?")
    scorer = scorer_of("Lund said that the council made a proposal to the ferry firm. “This proposal was made in "
                       "order to stop further questions,” Lund added.")
    assert _gives_reason(scorer, 0, "Why did the council make a proposal to the ferry firm?")


def test_the_kind_asked_for_is_not_said_by_the_questions_own_words() -> None:
    scorer = scorer_of("Combat Report: Nordic ferries sail 107 crossings in 2 days.")
    assert best_sentences("What kind of Nordic ferries sailed the 107 crossings?", scorer, 1) == []
    # (A learner's topic first.)
    assert asked_noun("Nordic ferries sail 107 crossings, which type of boat they use?") == "boat"
    scorer = scorer_of("Question: The ferry crisis has reached a critical point in Tromso. Why is it happening?\n\n"
                       "Mara Quill: We warned about this long ago. I believe this is an absolutely expected crisis.")
    # The answer to the question put to her says what kind, in her turn, not the question's turn.
    picked = best_sentences("What kind of crisis did Mara Quill call the ferry crisis in Tromso?", scorer, 1)
    assert picked and all(scorer.texts[j].startswith(("Mara Quill:", "I believe")) for _, j in picked)


def test_the_day_of_an_interview_or_of_publishing_is_no_date_of_another_event() -> None:
    question = "When did Berg phone Lund about the ferry deal?"
    assert not holds("date", "The council backs the ferry deal, Berg said in an interview on Friday.", question)
    assert not holds("date", "In an interview published on Friday, Berg said the ferry deal holds.", question)
    assert holds("date", "In an interview published on Friday, Berg said the ferry deal holds.",
                 "On what day was Berg's interview published?")


def test_a_body_asked_for_by_another_bodys_name_is_one_named_as_its_own() -> None:
    question = "Which NPA brigades passed the harbour maps to the council?"
    found = entity_kind(question)
    assert found is not None and found[0] == "organisation"
    tagger = EntityTagger(Settings().entity_tagger)
    # The Nordic Pilots Association (NPA) itself, and the Harbour Guild it names, are no brigade of it.
    plain = scorer_of("The council has been working with the Nordic Pilots Association (NPA), which passed the "
                      "Harbour Guild's maps on, Berg said.", tagger=tagger)
    assert best_sentences(question, plain, 1) == []
    assert refusal_reason(question, plain.passages, plain, lambda w: True, Settings()).startswith(
        "No retrieved sentence names a brigade")


def test_a_thing_that_did_something_is_asked_for_by_its_noun() -> None:
    assert asked_noun("Which Nordic aircraft flew the 107 patrols?") == "aircraft"
    assert asked_noun("Which Nordic ferries carried the 300 walkers?") == "ferries"


def test_words_on_a_site_named_by_its_place_must_name_the_place_and_x_is_no_one_who_does() -> None:
    scorer = scorer_of("Ivo Brand said the council gets the information and the data it passes on from other "
                       "ports. Mara Quill said the council gets its ferry data through the Bergen information center.")
    question = "What did Ivo Brand say about the Bergen information center and the data it passes on?"
    own = speakers_own(question, scorer)
    assert own is not None and not own.any()
    reason = refusal_reason(question, scorer.passages, scorer, lambda w: True, Settings())
    assert "Who does: Mara Quill" in reason and "Ivo Brand [" not in reason


def test_a_why_question_is_answered_about_its_subject() -> None:
    scorer = scorer_of("The council proposed to share its ferry data with Bergen in order to prove that the piers "
                       "are safe, Lund said.")
    # Whose reasons are asked: the NPA's, which no sentence gives (the council's are not theirs).
    assert best_sentences("Why did the NPA agree to share ferry data with Bergen?", scorer, 1) == []
    assert best_sentences("Why did the council propose to share its ferry data with Bergen?", scorer, 1) == [(1, 0)]


def test_an_editors_bare_dates_of_asks_for_a_date() -> None:
    assert expected("dates of the G20 summit in Tromso?") == "date"
    assert expected("Berg interview date?") == "date"
    assert expected("Who gave the update?") is None


def test_the_one_asking_a_question_is_asked_for_by_name() -> None:
    assert Slot.of("What is the name of the official asking why the piers are still shut?").says
    assert entity_kind("What is the name of official asking why the piers are still shut?") is not None


def test_a_persons_topic_preface_then_why_does_he_say_asks_why_he_says_it() -> None:
    assert without_options("Berg on the ferries: why does he say people are leaving Tromso?") == (
        "Why does Berg say people are leaving Tromso?")


def test_a_plural_noun_opening_a_context_sentence_is_no_name() -> None:
    asked = without_options("Students often ask how long the ferries will sail. What did Berg say decides it?")
    assert "students often ask" in asked and "Students" not in names(asked)


def test_where_x_says_something_comes_from_asks_his_words_on_its_source() -> None:
    assert asked_speaker("Without council data, where does Berg say the port gets its tide tables?") == (
        "Berg", "the port gets its tide tables")
    assert asked_speaker("Where does Berg say the port gets its tide tables from?") == (
        "Berg", "the port gets its tide tables from")
    # (A place asked for is no such source: "Where does Berg say the ferry docked?")
    assert asked_speaker("Where does Berg say the ferry docked?") is None


def test_someone_said_then_who_was_it_asks_who_said_it() -> None:
    assert without_options("Someone said there's no shared plan for the piers. Who was it?") == (
        "Who said there's no shared plan for the piers?")


def test_what_he_said_about_them_is_about_what_he_looked_at() -> None:
    assert without_options("Berg looked at the council's ferry timetables. What did he say about them, word for "
                           "word?") == "What did Berg say about the council's ferry timetables?"
    assert asked_speaker("What did Berg say exactly about where the ferries dock?") == ("Berg", "where the ferries dock")


def test_a_teachers_find_the_sentence_and_how_did_x_answer_ask_his_words() -> None:
    assert asked_speaker("Find the sentence where Berg talks about the ferry fees.") == ("Berg", "the ferry fees")
    assert asked_speaker("How did Lund answer Berg's question 'who pays for the pier?'") == (
        "Lund", "Berg's question 'who pays for the pier")


def test_reasons_or_evidence_and_calendar_dates_are_asked_for() -> None:
    assert asks_why("Lund says the fees are too high - what reasons or evidence does he give?")
    assert expected("What calendar dates do the Gazette and the blog give for the two interviews?") == "date"
    assert expected("By when had Bergen and Oslo struck their ferry deal?") == "date"


def test_a_where_question_is_answered_about_its_subject_and_a_capital_is_a_place() -> None:
    tagger = EntityTagger(Settings().entity_tagger)
    scorer = scorer_of("Berg said the council gets its Bergen data through a centre in the Norwegian capital.",
                       "Lund said the council would not share its data with the port.", tagger=tagger)
    assert best_sentences("Where does the council get its Bergen data through, per Berg?", scorer, 1) == [(1, 0)]
    # Lund's comments were not made in the Norwegian capital: the sentence that names it is Berg's.
    assert best_sentences("Where did Lund make his comments on not sharing Bergen data with the port?", scorer, 1) == []


def test_units_of_a_named_army_are_asked_for_by_the_lower_case_noun() -> None:
    assert Slot.of("Which Free Nordic Army units or brigades passed the maps to the council?").noun == "units"
    # Nor is its people's own army a brigade of it.
    described = Slot.of("Which Free Nordic Army units passed the maps?").described
    assert not _part_of_described("the Nordic Army’s", described)
    assert _part_of_described("the Free Nordic Army's Harbour Brigade", described)


def test_a_quoted_title_is_asked_about_as_a_title_and_an_apostrophe_re_is_no_about() -> None:
    assert truecase.tidied("Who is the 'Mayor of Bergen' with whom Berg says he spoke?") == (
        "Who is the Mayor of Bergen with whom Berg says he spoke?")
    assert truecase.tidied("Which outlet quoted 'We're not at that'?") == "Which outlet quoted 'We're not at that'?"


def test_its_after_a_scene_is_whom_the_scene_has_him_address() -> None:
    assert without_options("When Berg asked the harbour council which side it is on, what did he say about its "
                           "dubious position?") == "What did Berg say about the harbour council’s dubious position?"


def test_who_did_a_deed_is_answered_where_the_deed_is_told() -> None:
    scorer = scorer_of("Berg said the harbour memorandum was approved jointly, with a reservation by the council.")
    # Berg spoke of the memorandum; no sentence tells who signed it.
    assert best_sentences("Who signed the harbour memorandum for the council side?", scorer, 1) == []
    signed = scorer_of("The harbour memorandum was signed by Ola Lund for the council.")
    assert best_sentences("Who signed the harbour memorandum for the council side?", signed, 1) == [(1, 0)]


def test_a_verification_editors_questions_ask_his_words_and_the_outlet() -> None:
    assert asked_speaker("Berg on the ferry fees - what was the actual quote?") == ("Berg", "the ferry fees")
    assert asked_speaker("What was Berg's actual wording on the ferry fees?") == ("Berg", "the ferry fees")
    assert asks_for("Where did the Berg story about the pier first appear among these sources?") == "outlet"
    assert truecase.tidied("Viral claim: Berg said the pier is shut.") == "Berg said the pier is shut."


def test_a_spokesperson_is_the_spokesman_an_article_names() -> None:
    scorer = scorer_of("“The ferries rarely run on time,” said Ola Lund, the spokesman for the Harbour Authority.")
    assert best_sentences("Who is the Harbour Authority spokesperson quoted about the ferries running late?",
                          scorer, 1) == [(1, 0)]


def test_whom_a_speaker_gave_his_words_is_a_medium_named_by_its_number() -> None:
    assert Slot.of("Per Bay Times, who did Berg actually give his comments to?").medium
    assert not Slot.of("Who did Berg meet at the pier?").medium
    assert entity_kind("Per Bay Times, who did Berg give his comments to?") is not None
    assert entity_kind("According to Bay Times, who called the fees a ruse?") is None  # who said it
    scorer = scorer_of("Berg told Channel one, the largest network in the region, that the fees were fair.")
    assert best_sentences("Berg gave his Sunday interview to which channel?", scorer, 1) == [(1, 0)]
    # The channel's journalist is not the channel.
    assert best_sentences("Which Channel One journalist interviewed Berg?", scorer, 1) == []


def test_a_day_asked_of_his_speaking_is_the_day_he_spoke() -> None:
    said = "The harbour fees will rise, harbour master Ola Berg said Thursday."
    assert holds("date", said, "Bay Times and Coast Daily both have Berg speaking on what day")
    assert not holds("date", said, "On what day did the fees rise?")


def test_a_formal_askers_purpose_number_outlet_and_view_questions() -> None:
    assert expected("Exact number of ferries the council bought?") == "number"
    assert asks_why("What was the council's point in proposing the ferry swap?")
    assert asks_why("According to Bay Times, what was the purpose of the ferry swap?")
    assert asks_for("Where did the report appear that the council had been reluctant to answer Berg?") == "outlet"
    assert asked_speaker("Is Berg quoted anywhere on the ferry fees?") == ("Berg", "the ferry fees")
    assert asked_speaker("Did the Harbour Master express a view on raising the ferry fees?") == (
        "the Harbour Master", "raising the ferry fees")
    assert asked_speaker("What, precisely, did the Harbour Master say concerning the ferry fees?") == (
        "the Harbour Master", "the ferry fees")
    assert asked_speaker("Kindly set out what the Harbour Master said about the ferry fees.") == (
        "the Harbour Master", "the ferry fees")
    assert asked_speaker("How does Berg phrase his point about where the council gets its ferries?") == (
        "Berg", "where the council gets its ferries")
    assert asked_role("Who is named, in the Bay Times report, as holding the office of spokesman for the Harbour "
                      "Authority?") == Office("spokesman", None)
    assert without_options("Harbour Deputy Mayor - what is this official's name in the Bay Times article?") == (
        "What is the name of the Harbour Deputy Mayor in the Bay Times article?")


def test_the_reporter_a_claim_is_sourced_to_is_named_after_it() -> None:
    scorer = scorer_of("In May harbour analysts said the council is not inspecting about 60 ferry docks. "
                       "According to Ola Lund of the Coast Beacon, officials have stated these docks are off limits.")
    picked = best_sentences("Which reporter is the claim that the council left 60 ferry docks uninspected sourced to?",
                            scorer, 1)
    assert [j for _, j in picked] == [1]


def test_an_image_used_as_a_figure_of_speech_is_no_photo_on_the_page() -> None:
    assert not asks_about_page("Who used the image of a ferry sinking to describe the harbour fees?")
    assert asks_about_page("Who is the image of the harbour master credited to?")


def test_a_teachers_and_a_fact_checkers_questions_are_read_as_asked() -> None:
    from rag.answerable import _unsourced
    assert without_options("According to the text, on what date was the Bay Times piece posted?") == (
        "On what date was the Bay Times piece posted?")
    assert "commenter" in without_options("Which reader comment author wrote that the fees are a scam?")
    assert asks_for("which outlet did Berg speak to in the Bay Times version") is None  # whom he told
    assert asks_for("Outlet check: where did the Berg quote on the ferry fees appear?") == "outlet"
    assert expected("State the date of the harbour council's tweet.") == "date"
    assert expected("What figure did Berg give for the ferry fees?") == "number"
    assert asks_why("Reason the council gave for closing the pier?")
    assert asks_why("Explain why the council closed the pier, according to Bay Times.")
    assert asked_speaker("Did Berg give a timeline for how long the pier will stay closed?") == (
        "Berg", "how long the pier will stay closed")
    # Where the tweet is embedded says which article it is in, not what it says.
    assert _unsourced("State the date of the Bay Times fee tweet that is embedded in the article about Berg and "
                      "the harbour council.") == "State the date of the Bay Times fee tweet"


def test_a_minister_speaks_for_his_ministry() -> None:
    from rag.answerable import spoken_for
    scorer = scorer_of("Deputy Harbour Minister Ola Berg said the ferry fees were fair. “The pier is safe,” said "
                       "Tom Lund, a spokesman for the Harbour Ministry.")
    at_ministry = spoken_for("Who at the Harbour Ministry said the ferry fees were fair?", scorer)
    assert at_ministry is not None and at_ministry[0] and at_ministry[1]


def test_a_monitors_log_entries_and_an_analysts_roles_are_read_as_asked() -> None:
    assert asked_speaker("Log Berg's statement on the ferry fees.") == ("Berg", "the ferry fees")
    assert asked_speaker("Berg on the ferry fees -- anything for the log?") == ("Berg", "the ferry fees")
    assert asked_speaker("Quote me Berg precisely: what did he say about the ferry fees?") == ("Berg", "the ferry fees")
    assert asked_speaker("A student claims Berg talked about the pier fire. What exactly did Berg say about "
                         "that?") == ("Berg", "the pier fire")
    assert asked_speaker("what did the state dept spokesman say about the ferry fees") == (
        "the state dept spokesman", "the ferry fees")
    assert asks_why("What made the harbour council decide to close the pier?")
    assert asked_role("Who speaks for the Nordic Harbour Ministry in the Bay Times report?") == Office("spokesman", None)
    assert truecase.with_auxiliary("Who speaks for the Harbour Ministry in the Bay Times report?") == (
        "Who speaks for the Harbour Ministry in the Bay Times report?")
    # A television interview is carried by whoever reports it, not by the channel it was given to.
    assert asks_for("Which outlet carried Berg's state-TV interview about the ferry fees?") == "outlet"
    assert asks_for("Which news agencies carried the interview in which Berg said the fees rose?") is None


def test_an_ombudsmans_and_an_interns_questions_are_read_as_asked() -> None:
    assert asked_speaker("According to Berg himself, what was the point of the ferry swap?") == (
        "Berg", "what was the point of the ferry swap")
    assert asked_speaker("Berg's verbatim remark on the ferry fees?") == ("Berg", "the ferry fees")
    assert asked_speaker("Ola Berg on the ferry fees: give me his exact words.") == ("Ola Berg", "the ferry fees")
    assert asks_for("Where did Ola Berg's comparison of the two ferry fees appear?") == "outlet"
    assert without_options("The claim that the ferries run late -- which official made it?") == (
        "Who said the ferries run late?")
    # A reporter cited at the outlet the question names wrote its report.
    scorer = scorer_of("According to Ola Lund of the Coast Beacon, officials have said the docks are unsafe.")
    assert best_sentences("Who wrote the Coast Beacon report on the docks?", scorer, 1) == [(1, 0)]
    assert best_sentences("Who wrote the Bay Times report on the docks?", scorer, 1) == []


def test_a_sub_editors_outlet_first_and_a_news_desks_outlet_questions_are_read_as_asked() -> None:
    from rag.answerable import read_in
    # Where the asker read it, set before the question, is said after it, as usual.
    assert without_options("Bay Times: why did the council close the pier?") == (
        "Why did the council close the pier, according to Bay Times?")
    assert "according to" not in without_options("Berg: what did he say about the ferry fees?")  # his "he"
    passages = [Passage("a0", "T", "a0.txt", None, 0, 1, "x", 1.0, 1.0, (0,), outlet="Bay Times")]
    assert read_in("How many ferries does the Bay Times give?", passages) == {"Bay Times"}
    assert read_in("How many ferries left the harbour?", passages) == set()
    assert asks_for("Who ran Berg saying the ferry fees were fair?") == "outlet"
    assert asks_for("Where's the piece with Berg telling the Coast Beacon the fees were fair?") == "outlet"
    assert asks_for("Who ran the harbour council?") is None  # who led it


def test_a_translators_descriptions_are_read_as_the_articles_name_them() -> None:
    from rag.answerable import focus
    from rag.when import resolve
    from datetime import date
    assert asked_role("Name the spokesperson of Norway's harbour ministry quoted in the Bay Times report.") == (
        Office("spokesman", None))
    assert asked_role("Who is the Secretary of State?") == Office("secretary of state", None)
    assert truecase.tidied("what reason did the american foreign ministry give") == (
        "what reason did the US State Department give")
    assert truecase.tidied("who is the russian vice foreign minister") == "who is the russian deputy foreign minister"
    # A lone "Ministry" names no one the answer must be about (the combat summary signs "MoD").
    assert focus("how many ferries did the harbour Ministry's two-day summary list") == []
    # "go after" is whom they went for, not a time after an event.
    assert resolve("how many ships did the navy go after in the harbour report", date(2015, 10, 8)) is None



def test_the_city_a_report_was_filed_from_is_its_datelines() -> None:
    filed = scorer_of("GRANITE (Harbour Post) – Ola Berg said the pier was closed.")
    assert best_sentences("From what city was the Harbour Post report on Ola Berg filed?", filed, 1) == [(1, 0)]


def test_an_office_of_one_nation_is_not_its_namesake_of_another() -> None:
    question = "According to the Kremlin's deputy harbour minister, as quoted by Bay Times, what should the board be asked?"
    assert asked_speaker(question) == ("the Kremlin's deputy harbour minister", "what should the board be asked")
    scorer = scorer_of("Russian Deputy Harbour Minister Ola Berg said the board should be asked about the fees. "
                       "Syrian Deputy Harbour Minister Per Lund said the board should be asked about the ferries.")
    own = speakers_own("What did the Kremlin's deputy harbour minister say about the board?", scorer)
    assert own is not None and list(own) == [True, False]


def test_a_night_editors_outlet_first_and_an_archivists_catalogue_entries_are_read_as_asked() -> None:
    from rag import terse
    assert without_options("Bay Times piece: what date is the post stamped with?") == (
        "What date is the post stamped with, in the Bay Times piece?")
    assert asks_for("What date is the post stamped with, in the Bay Times piece?") == "published"
    # A page is nobody's "he": Berg is.
    assert without_options("Blog page: which mayor did Berg say he met?") == (
        "Which mayor did Berg say he met, in the blog page?")
    assert without_options("Harbour News - why did the ferries stop?") == (
        "Why did the ferries stop, according to Harbour News?")
    assert terse.spelled_out("Dateline city of the Bay Times Berg story?") == (
        "Which dateline city of the Bay Times Berg story?")
    assert terse.spelled_out("Author of the Bay Times Berg article?") == "Who wrote the Bay Times Berg article?"
    assert terse.spelled_out("Agency Berg spoke to?") == "Which agency did Berg speak to?"  # whom he told


def test_a_speechwriters_and_a_monitors_quote_checks_are_read_as_asked() -> None:
    assert without_options('Did Berg really say "the fees are fair"? If not, who did?') == 'Who said "the fees are fair"?'
    assert without_options('Did Berg call the pier a "ruin"? If not, who used that word?') == (
        'Who called the pier a "ruin"?')
    assert asked_speaker("Harbour Ministry spokesman Ola Berg on the ferry fees: what exactly did he say?") == (
        "Ola Berg", "the ferry fees")
    assert asked_speaker("Berg, on the ferry fees: give me his words verbatim.") == ("Berg", "the ferry fees")
    assert asked_speaker("Berg's assessment of the ferry fees in the May 4 Q&A with local reporters -- quote "
                         "please.") == ("Berg", "the ferry fees")
    # "Berg's claim about ...?" names his claim: no auxiliary is missing.
    assert truecase.with_auxiliary("Berg's claim about the ferry fees?") == "Berg's claim about the ferry fees?"



def test_a_law_students_paraphrases_find_their_sentences() -> None:
    from rag.answerable import holds, _name_initials
    # A day asked of words voiced is the day they were said.
    assert holds("date", "Ola Berg said Thursday the pier was unsafe.", "On which weekday did Berg voice doubts about "
                 "the pier?")
    # "the arrangement on ferry safety" is the deal the sentence after the memorandum dates.
    scorer = scorer_of("“We approved the Memorandum on Harbour Safety,” Berg said. The cooperation deal reached on "
                       "May 3 covers the ferries.")
    assert best_sentences("When was the harbour arrangement on ferry safety concluded?", scorer, 1) == [(1, 1)]
    # "an agreement regarding ..." says which agreement.
    proposed = scorer_of("The council proposed an agreement regarding the rescue of ferry crews.")
    assert best_sentences("Which agreement did the council propose?", proposed, 1) == [(1, 0)]
    # "HT" is the Harbour Times at the end of a longer run of capitals.
    assert "#ht" in _name_initials("Support The Harbour Times! Read on.")


def test_how_long_asks_for_a_length_of_time() -> None:
    from rag.answerable import asks_how_long
    assert asks_how_long("For how long has the pier been shut?")
    # A length he gave is one too; his words on how long are not.
    assert asks_how_long("How long did Berg say the pier would stay shut?")
    assert not asks_how_long("What did Berg say about how long the pier would stay shut?")
    scorer = scorer_of("The harbour council has shut the pier to ferries, officials said on Monday. "
                       "The pier has been shut for over a year while divers inspect it.")
    # The sentence nearest the question gives no length of time: no answer (and so a wider search).
    assert best_sentences("For how long has the harbour council shut the pier?", scorer, 1) == []
    assert best_sentences("For how long has the pier been shut?", scorer, 1) == [(1, 1)]


def test_an_event_asked_on_a_day_is_answered_only_near_that_day() -> None:
    scorer = scorer_of("Harbour council wary of ferry cooperation proposals. The ferry deal reached on May 3 covers "
                       "the pier.")
    # Neither sentence gives June 9: a sentence with no day near it is not the deal asked about.
    assert best_sentences("What ferry cooperation deal did the council reach on June 9?", scorer, 1) == []
    assert best_sentences("What ferry deal did the council reach on May 3?", scorer, 1) == [(1, 1)]


def test_a_thing_asked_for_by_name_is_looked_for_below_the_floor() -> None:
    import numpy as np
    from rag.answerable import _named_below
    scorer = scorer_of("“We are ready to talk with the council on the harbour,” Berg said. “We have not gone beyond "
                       "the joint approval of the Memorandum on Ferry Safety,” he said. The board wants a ferry "
                       "agreement. The board and the council approved jointly the Ferry Charter.")
    scores = np.array([1.0, 0.7, 0.68, 0.5])
    # The memorandum, under the floor of 0.75, gives two words the best sentence lacks; "a ferry
    # agreement" names no one agreement; the charter is under NAMED_BELOW.
    assert _named_below("Which document have the board and the council jointly approved?", "document", scorer,
                        np.argsort(-scores), scores, 0.75) == [1]


def test_a_clerks_requests_and_a_spoken_questions_restarts_are_read_as_asked() -> None:
    from rag import terse
    assert terse.requested("Name the only document the board and the council jointly approved.") == (
        "Which document that the board and the council jointly approved?")
    assert terse.requested("Name the author of the Bay Times article on Berg.") == "Who wrote the Bay Times article on Berg?"
    assert terse.requested("Name the King of Jordan whom Berg met.") == "Name the King of Jordan whom Berg met."
    assert asked_speaker("Please set out Harbour Minister Berg's position on the ferry fees.") == (
        "Harbour Minister Berg", "the ferry fees")
    assert asked_speaker("Did Mr Berg make any statement concerning the ferry fees?") == ("Mr Berg", "the ferry fees")
    assert asked_speaker("Please set out Berg's position on the true nature of the ferry fees.") == (
        "Berg", "the ferry fees")
    # A corrections editor's: whom others named is not asked about; "Someone" is nobody's name.
    assert terse.unchallenged("Who called the fees a 'ruse'? A columnist pinned it on Berg.") == (
        "Who called the fees a 'ruse'?")
    assert asked_speaker("Someone paraphrased Berg as saying the fees were fair. What did he actually say about the "
                         "ferry fees?") == ("Berg", "the ferry fees")
    assert truecase.tidied("how many ferries, no wait, how many boats left the harbour") == (
        "how many boats left the harbour")
    assert truecase.tidied("so how many boats, um, ferries left the harbour") == "how many boats, ferries left the harbour"
    assert truecase.tidied("how long was the pier shut, like how many years or whatever") == (
        "how long was the pier shut, like how many years")


def test_counts_deaths_interviewers_and_datelines_are_asked_for_as_such() -> None:
    from rag.answerable import asks_about_page, holds
    # A sortie is a flight: "40 sorties" counts the flights asked for.
    assert holds("number", "Harbour jets flew 40 sorties over the bay.", "How many flights did the harbour jets fly?")
    assert not holds("number", "Harbour jets flew 40 sorties over the bay.", "How many pilots did the harbour jets have?")
    # A site is a location (or a position) a paraphrase counts.
    assert holds("number", "Inspectors visit 289 harbour sites in 2 days", "How many harbour locations did inspectors go to?")
    assert holds("number", "Harbour jets flew 40 sorties over the bay.", "How many bombing runs did the harbour jets fly?")
    assert not holds("number", "Harbour jets flew 40 sorties over the bay.", "How many raids did the harbour jets fly?")
    assert holds("number", "Inspectors closed 60 smuggler camps.", "How many smuggler hideouts did inspectors close?")
    assert expected("what was the reported harbour fire death toll from the storm") == "number"
    assert counted("how many harbour boats, ferries does the council have") == "ferries"  # the last, spoken
    assert entity_kind("who conducted Berg's interview for Harbour News") == ("person", frozenset({"PERSON"}))
    assert asks_about_page("Give the date shown in the dateline of the Bay Times article on Berg.")


def test_x_on_how_long_is_answered_by_his_words_that_give_a_length() -> None:
    scorer = scorer_of("Ola Berg said the pier will stay shut to ferries, as the council wants. Per Lund said the pier "
                       "will stay shut until the divers finish.")
    # Berg gives no length of time: his words on the pier staying shut are not his words on how long.
    own = speakers_own("Please set out Berg's position on how long the pier will stay shut.", scorer, 0.0)
    assert own is not None and not own.any()
    lund = speakers_own("What did Lund say about how long the pier will stay shut?", scorer, 0.0)
    assert lund is not None and list(lund) == [False, True]


def test_the_us_names_the_united_states_in_a_longer_name() -> None:
    from rag.answerable import _holds_name
    assert _holds_name({"united", "states", "harbour", "guard"}, "The US Harbour Guard has patrolled for a year.")
    assert not _holds_name({"united", "states", "harbour", "guard"}, "The Harbour Guard told us it patrolled.")


def test_a_commander_asked_for_is_named_where_a_commander_is_told_of() -> None:
    spoke = scorer_of("Deputy Harbour Minister Ola Berg said the ferry offensive began on Tuesday.")
    assert best_sentences("Who was the harbour commander leading the ferry offensive?", spoke, 1) == []
    led = scorer_of("The ferry offensive, which began on Tuesday, is led by harbour commander Per Lund.")
    assert best_sentences("Who was the harbour commander leading the ferry offensive?", led, 1) == [(1, 0)]


def test_a_childrens_presenters_and_a_phone_typists_words_are_read_as_news_words() -> None:
    assert truecase.tidied("what did the man who runs russia's army say about the pier?") == (
        "what did the Russian defense minister say about the pier?")
    assert truecase.tidied("which agency did the helper foreign minister talk to?") == (
        "which agency did the deputy foreign minister talk to?")
    assert truecase.tidied("why did america's foreign affairs office keep its spy information?") == (
        "why did the US State Department keep its intelligence?")
    assert truecase.tidied("for how long had the team of countries been dropping bombs on the harbour?") == (
        "for how long had the coalition been bombing the harbour?")
    assert truecase.tidied("hw many ferries left thru the gate, wich side are u on") == (
        "how many ferries left through the gate, which side are you on")


def test_an_office_described_by_its_title_is_its_one_holder() -> None:
    from rag.answerable import office_holders
    scorer = scorer_of("Norwegian Defence Minister Ola Berg said the pier was shut on Sunday. Deputy Defence Minister "
                       "Per Lund said on Thursday that the fees rose.")
    assert office_holders("On what day did the defence minister speak about the pier?", scorer) == [{"berg"}]
    assert office_holders("On what day did the Norwegian defence minister speak?", scorer) == [{"berg"}]
    assert office_holders("On what day did the deputy defence minister speak?", scorer) == [{"lund"}]
    # The answer is about him, not his deputy, who spoke that week too.
    assert best_sentences("On what day of the week did the defence minister speak about the fees?", scorer, 1) == []


def test_a_reviewers_and_a_subtitlers_questions_are_read_as_asked() -> None:
    from rag import terse
    from rag.answerable import _valued_here
    assert without_options("For the Berg segment: what does he say about the ferry fees?") == (
        "what does Berg say about the ferry fees?")
    assert without_options("Berg, ferry fees: what does he call it?") == "What did Berg say about ferry fees?"
    assert asked_speaker("What is Berg actually on record as saying about the fees?") == ("Berg", "the fees")
    assert terse.topic_first('Line: "the fees are fair" -- who said it?') == "Who said “the fees are fair”?"
    assert terse.spelled_out("date stamped on the Bay Times page?") == "What is the date stamped on the Bay Times page?"
    assert asks_about_page("at what time was the Bay Times page stamped")
    assert asks_for("when did @BayTimes post the ferry report") is None  # the post's own line dates it
    assert asks_for("on what day did the Bay Times put its story about the harbour minister online?") == "published"
    # A number the question gives names the passage that gives it, however far its meaning.
    passage = scorer_of("Harbour jets fly 40 sorties in 2 days.").passages
    assert _valued_here("the 40 sorties were flown over how many days", passage)
    assert not _valued_here("the 41 sorties were flown over how many days", passage)


def test_a_librarians_polite_requests_are_read_as_the_questions_they_wrap() -> None:
    from rag import terse
    assert terse.requested("I'm looking for the date on which the Bay Times posted its piece about Berg.") == (
        "On which date the Bay Times posted its piece about Berg?")
    assert terse.requested("A patron would like to know where Berg was when he spoke to Harbour News.") == (
        "Where Berg was when he spoke to Harbour News?")
    assert terse.requested("Could you find the date Berg closed the pier?") == "When Berg closed the pier?"
    assert terse.requested("I need the reason the council froze the ferry fees.") == "Why the council froze the ferry fees?"
    assert terse.requested("I need the number of ferries the council runs.") == "What was the number of ferries the council runs?"
    # Two sentences, or a reason someone gives, are read as typed (other rules read them).
    assert terse.requested("I would like to know who it was that shut the pier. I taught history.") == (
        "I would like to know who it was that shut the pier. I taught history.")
    # "what ..." is read as typed (the checks of "what did X say" read its word order).
    assert terse.requested("I'd like to know what Berg said about the fees.") == (
        "I'd like to know what Berg said about the fees.")
    # A request's word order still says what is counted.
    assert counted("How many ferries Harbour Lines ran in May?") == "ferries"
    assert expected(terse.requested("Can you tell me where the harbour camps are located?")) is None
    assert entity_kind(terse.requested("Can you tell me where the harbour camps are located?"))[0] == "place"


def test_a_professors_capitals_and_an_annotators_keys_are_read_as_asked() -> None:
    assert truecase.tidied("how much did the kremlin's defence chief say the pier cost?") == (
        "how much did the Russian defence chief say the pier cost?")
    assert truecase.tidied("when did the kremlin leader speak to the harbour reporters?") == (
        "when did the Russian president speak to the harbour reporters?")
    assert truecase.tidied("on what day did damascus's army close the pier?") == "on what day did the Syrian army close the pier?"
    assert asked_speaker("What did Berg in fact say about the ferry fees?") == ("Berg", "the ferry fees")
    assert asked_speaker("Statements by Berg on the ferry fees?") == ("Berg", "the ferry fees")


def test_a_compliance_officers_kindly_confirm_is_read_as_the_request_it_wraps() -> None:
    from rag import terse
    assert terse.requested("Kindly confirm the number of ferries the council runs.") == (
        "What was the number of ferries the council runs?")
    assert terse.requested("Please verify the date Berg closed the pier.") == "When Berg closed the pier?"
    # "whether ..." is no value asked for: read as typed.
    assert terse.requested("Kindly confirm whether Berg closed the pier.") == "Kindly confirm whether Berg closed the pier."


def test_a_wire_desks_speaker_on_a_topic_asks_for_his_words_whatever_his_title() -> None:
    assert asked_speaker(truecase.tidied("Harbour spox Quill on the ferry fees - quote?")) == ("Quill", "the ferry fees")
    assert asked_speaker("Quill (harbour spokesman) on the ferry fees - exact wording?") == ("Quill", "the ferry fees")
    assert asked_speaker("Norwegian deputy FM Berg on the pier - quote?") == ("Berg", "the pier")
    assert asked_speaker("Berg on the pier, the tides - what exactly?") == ("Berg", "the pier, the tides")


def test_a_learners_word_order_asks_what_the_person_said() -> None:
    assert truecase.tidied("Ola Berg what said about the pier?") == "What did Ola Berg say about the pier?"
    assert truecase.tidied("Berg how answered Quill accusation about the fees?") == (
        "How did Berg answer Quill accusation about the fees?")
    assert truecase.tidied("What said Berg to Quill about the pier?") == "What did Berg say to Quill about the pier?"
    assert asked_speaker(truecase.tidied("Ola Berg what said about the pier?")) == ("Ola Berg", "the pier")


def test_a_portuguese_speakers_which_was_the_date_and_no_tag_are_a_plain_question() -> None:
    assert truecase.tidied("Which was the date that the Gazette posted the Berg piece?") == (
        "What was the date that the Gazette posted the Berg piece?")
    assert truecase.tidied("Which is the date that the port closes, no?") == "What is the date that the port closes?"
    assert truecase.tidied("Who's the engineer running the pier?") == "Who is the engineer running the pier?"
    # "Which ... was" asking for one of several stays a which-question.
    assert truecase.tidied("Which pier was closed?") == "Which pier was closed?"



def test_which_outlet_a_quote_is_sourced_to_asks_for_its_outlet() -> None:
    assert asks_for("Which outlet do we source the Berg 'very rarely' quote to?") == "outlet"
    assert asks_for("Which outlet did Berg speak to?") is None


def test_what_someone_said_their_answer_was_is_on_what_the_clause_before_says_was_asked() -> None:
    assert asked_speaker("When the port asked the council where the boats are, what did Berg say was their "
                         "answer?") == ("Berg", "the port asked the council where the boats are")
    assert asked_speaker("What did Berg say was their answer?") == ("Berg", "was their answer")


def test_what_one_did_before_where_one_is_now_is_a_reason() -> None:
    assert _REASON.search("Oslo, after it blindly followed the council, is now bearing the brunt of the fees")
    assert not _REASON.search("After the meeting, Oslo raised the fees")


def test_a_number_counting_its_own_noun_or_inside_a_link_counts_nothing_asked() -> None:
    # "boats" are named apart from the number, which counts trips.
    assert not holds("number", "Harbour boats sail 107 trips, visit 289 piers in 2 days", "How many boats does the port have?")
    assert holds("number", "The port has 12 boats in service", "How many boats does the port have?")
    # Sites may be the targets asked about: the sentence names no targets apart from them.
    assert holds("number", "Inspectors target 289 harbour sites in 2 days", "How many targets did the inspectors hit?")
    assert not holds("number", "Harbour boats report https://t.co/7QCpEy1oU7pic.twitter.com", "How many boats sailed?")
    assert holds("number", "They strap 200kg of explosives to him", "How many kg of explosives do they strap to him?")
    # A name ending in "s" before the noun counted is no plural of its own.
    assert holds("number", "Berg said on Tuesday that the port has inspected 8,000 ISIS boats since last year.",
                 "How many ISIS boats did Berg say the port has inspected?")
    # "The number of X" counts its common plural, not its first word.
    assert not holds("number", "Harbour boats sail 107 trips, visit 289 piers in 2 days",
                     "I need the number of harbour boats deployed to sail the 107 trips")
    assert holds("number", "Harbour boats sail 107 trips, visit 289 piers in 2 days", "What was the number of trips sailed?")
    assert holds("number", "Inspectors visited 60 ISIS training camps in 2 days", "the number of ISIS training camps visited?")


def test_a_sub_editors_said_clauses_calls_present_tense_and_asides_are_read_as_asked() -> None:
    # The clause after "say" is what he said, not part of his name.
    assert asked_speaker("What did Berg say the port had asked the council to tell them, which they could not "
                         "tell?") == ("Berg", "the port had asked the council to tell them, which they could not tell")
    assert asked_speaker("What did Berg call the fee crisis in Oslo when the reporters asked for his view?") == (
        "Berg", "the fee crisis in Oslo when the reporters asked for his view")
    # A question put to his words about others; not one about him.
    assert asked_speaker("According to Berg, what have they asked the council to tell them?") == (
        "Berg", "what have they asked the council to tell them")
    assert asked_speaker("Berg, what have they asked the council to tell them?") == (
        "Berg", "what have they asked the council to tell them")
    assert asked_speaker("Berg, which office does he speak for?") is None
    # Where something comes from is his words on it; where people met is a place.
    assert asked_speaker("According to Berg, where does the port get its fuel if the council won't sell any?") == (
        "Berg", "where does the port get its fuel if the council won't sell any")
    assert asked_speaker("According to Berg, where did the harbour masters get together?") is None
    assert asked_speaker("What did Berg say on the question of raising the fees?") == ("Berg", "raising the fees")
    assert asked_claim("Who writes that it was the council that closed the pier?") == (
        "it was the council that closed the pier")
    assert Slot.of("Which harbour official affirms that the council knows where the boats are?").speaker


def test_a_speakers_we_is_his_country_and_a_reason_beside_the_best_sentence_answers_why() -> None:
    scorer = scorer_of("Norway has worked with the NATO navy, said Ola Berg, the harbour master. “We have even "
                       "worked with the NATO navy,” he said. “Norwegian boats have sailed to piers named by NATO. We "
                       "closed piers, which had been marked by NATO captains as being unsafe.”")
    # "We" are Norway, which his passage names; the reason is in the sentence after the best one.
    for question in ("Why did Norway close piers marked by NATO captains?",
                     "Why did the Norwegian boats close some piers?"):
        assert [scorer.texts[j] for _, j in best_sentences(question, scorer, 2)] == [
            "We closed piers, which had been marked by NATO captains as being unsafe.”"], question


def test_where_it_comes_from_is_not_where_the_asker_says_it_does_not() -> None:
    scorer = scorer_of("“There are signals from the Norwegian council on the impossibility of selling fuel,” Ola "
                       "Berg, the harbour master, said. The port is busy. “We get fuel from a number of other "
                       "ports and coordinate it through the Bergen depot,” Berg said.")
    for question in ("What did Berg say about where the port gets its fuel if the council won't sell any?",
                     "What did Berg say about where the port gets its fuel, if not from the Norwegian council?"):
        picked = [scorer.texts[j] for _, j in best_sentences(question, scorer, 3)]
        assert any("Bergen depot" in text for text in picked), question
        assert not any("signals" in text for text in picked), question
    # "From" last asks where from too.
    picked = [scorer.texts[j] for _, j in best_sentences("Where does Berg say the port gets its fuel from?", scorer, 3)]
    assert any("Bergen depot" in text for text in picked)
    # "they replied" is the answer to what the clause before it says was asked.
    assert asked_speaker("When the port asked the council where the boats are, what did Berg say they replied?") == (
        "Berg", "the port asked the council where the boats are")


def test_a_length_or_reason_asked_of_someones_words_and_the_west_of_western() -> None:
    # A reason asked after what it is the reason of.
    assert asks_why("Berg says the council has been reluctant on the fee deal - did they give a reason why?")
    assert asks_why("The council was reluctant, any reason given?")
    assert not asks_why("Did Berg give a speech?")
    # When he was asked is no part of what his words are about.
    assert asked_speaker("What did Berg say about the fees when reporters asked him about it in May?") == (
        "Berg", "the fees")
    # "make them" is no make of anything; "them" are the comments the preface names.
    question = "Berg's 'the pier is unsafe' comments - what day did he make them?"
    assert asked_noun(question) is None
    assert without_options(question) == "what day did Berg make the 'the pier is unsafe' comments?"
    # "Several" days are no count: most askers of "how many" want a number.
    assert not holds("number", "The port achieved in several days more than the council in a year.",
                     "The port did better than the council in how many days?")
    # "Western" partners are the West's.
    assert _names_half([{"west"}], "if our so-called western partners continue")


def test_the_point_of_something_a_reason_asked_with_it_and_a_network_given_comments() -> None:
    assert asked_speaker("What did Berg say the whole point of the port offering to swap boats was?") == (
        "Berg", "the point of the port offering to swap boats")
    assert asked_speaker("What did Berg say the boats were fleeing from, and why?") == (
        "Berg", "the boats were fleeing from")
    # A network one gives comments to, or one on television, is a broadcaster; a terrorist one is not.
    assert Slot.of("Which network did Berg give his comments to?").medium
    assert Slot.of("Berg spoke on television. Which network was it?").medium
    assert not Slot.of("Which terrorist network attacked the port?").medium


def test_overlapping_passages_of_one_article_quote_each_sentence_once() -> None:
    from rag.generate import ExtractiveGenerator
    text = "The ferries sail late. Ola Berg said the fees are a scandal. Berg said the pier is unsafe. The port is busy."
    article = Article("a0", "Title", text, "a0.txt", None, "0" * 64)
    labels = {article.id: attribute(article)}
    spans = [(0, 59), (23, len(text))]  # the second passage holds the first's last sentence again
    passages = [Passage(article.id, article.title, article.source, None, a, b, text[a:b], 1.0, 1.0, (i,))
                for i, (a, b) in enumerate(spans)]
    scorer = SupportScorer(HashEmbedder(), passages, attributions=labels)
    answer = "".join(ExtractiveGenerator(3).stream("What did Berg say about the fees and the pier?", passages, scorer))
    assert answer.count("the fees are a scandal") == 1, answer


def test_where_he_refers_to_an_aim_asked_of_his_words_and_a_bare_how_many() -> None:
    # "Where is he referring to?" asks the place he names, however he names it (no "in" before it).
    scorer = scorer_of("“The council does not have to deal with the queues, while Norway, after it blindly "
                       "followed the council, is now bearing the brunt of it,” Ola Berg said.")
    picked = best_sentences("Where is he referring to, Berg says one country followed the council blindly and now "
                            "bears the brunt of the queues?", scorer, 1)
    assert [scorer.texts[j] for _, j in picked] == [scorer.texts[0]]
    # The point of a proposal is asked of his words that give an aim.
    scorer = scorer_of("Ola Berg said the port has begun a campaign against the council. “This proposal was made in "
                       "order to stop the queues,” Berg added. Berg said the proposal was late.")
    picked = [scorer.texts[j] for _, j in best_sentences("What did Berg say the point of that proposal was?", scorer, 3)]
    assert any("in order to stop the queues" in text for text in picked)
    assert not any("campaign" in text for text in picked)
    # "how many does he say?" counts what the statement before it names last.
    assert counted("Berg says the storms sank boats - how many does he say?") == "boats"
    assert counted("How many did the storms sink?") is None


def test_an_unnamed_official_asked_for_where_he_is_quoted_and_words_told_to_someone() -> None:
    assert Slot.of("Who was the official in the Gazette story asking why the pier is shut?").says
    assert Slot.of("Who is the official that the Gazette quotes asking why the pier is shut?").says
    assert asked_speaker("What did Holm tell Berg when they discussed the fees over the phone?") == (
        "Holm", "when they discussed the fees over the phone")
    # What he is said to have insisted is the topic of "What did he say ...?" after it, not his insisting.
    assert without_options("In his May remarks Berg insisted the boats were not leaving because of the fees. What did "
                           "he say they were actually leaving because of?") == (
        "What did Berg say they were actually leaving because of, the boats were not leaving because of the fees?")


def test_a_motive_a_casualty_figure_a_second_question_and_a_statement_before_a_dash() -> None:
    assert asks_why("What's the council's motive for closing the pier?")
    assert asks_why("What is the port's reason for the fees?")
    assert expected("What casualty figure does Berg give for the storm?") == "number"
    # A second question asks more of the same words; it is no part of their topic.
    assert asked_speaker("How did Berg say the port would manage without the charts? Where do they get them from?") == (
        "Berg", "the port would manage without the charts")
    assert asked_speaker("Berg statement on the harbour fees - what did he say?") == ("Berg", "the harbour fees")
    # "What is the date the piece was posted?" asks when it came out, as "When was it posted?" does.
    assert asks_for("What is the date the Gazette article on Berg was posted?") == "published"
    assert asks_for("What is the date of the storm?") is None
