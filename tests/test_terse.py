"""A terse note ("EU Times post date?") and a request ("State the date on which ...") are read as the
questions they stand for (rag/terse.py)."""
from __future__ import annotations

import pytest

from rag import truecase
from rag.terse import (about_first, keywords, requested, spelled_out, templated, topic_first, unchallenged,
                       unguessed)


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
    "Berg on the harbour fees - what did he say?",  # a question after the dash: his words on them
])
def test_a_question_or_a_note_with_nothing_to_spell_out_is_left_as_typed(question: str) -> None:
    assert spelled_out(question) == question


@pytest.mark.parametrize(("request_", "question"), [
    ("State the date on which Berg closed the pier.", "On which date Berg closed the pier?"),
    ("State the day on which Berg gave the interview.", "When Berg gave the interview?"),
    ("State the date that appears in the header of the Harbour Herald page.",
     "What was the date that appears in the header of the Harbour Herald page?"),
    ("Identify the journalist who interviewed Berg.", "Which journalist interviewed Berg?"),
    ("Identify by name the captains who refused to sail.", "Which captains refused to sail?"),
    ("Identify the radio station to which Berg gave the interview.", "To which radio station Berg gave the interview?"),
    ("State the location at which Berg gave the interview.", "Where Berg gave the interview?"),
    ("State the reason for which the ferry company froze fares.", "Why the ferry company froze fares?"),
    ("State the number of ferries that were stranded in the fjord.",
     "What was the number of ferries that were stranded in the fjord?"),
    ("State the subject of the harbour memorandum.", "What was the subject of the harbour memorandum?"),
    ("Please specify the year in which the pier was built.", "In what year the pier was built?"),
    # An Indian English sub-editor's "Kindly tell ...".
    ("Kindly tell the date on which the harbour board has met.", "On which date the harbour board has met?"),
])
def test_a_request_is_read_as_the_question_it_stands_for(request_: str, question: str) -> None:
    assert requested(request_) == question


@pytest.mark.parametrize("question", [
    "Name the King of Norway whom Berg consulted.",  # who he is: read as typed
    "Identify the problem.",  # nothing says which one
    "State your name.",
    "When did Berg close the pier?",
])
def test_a_request_with_nothing_to_read_is_left_as_typed(question: str) -> None:
    assert requested(question) == question


@pytest.mark.parametrize(("challenge", "question"), [
    ("The Harbour Herald page doesn't carry a date, does it? When was it posted?",
     "When was the Harbour Herald page posted?"),
    ("Berg closed the pier, surely? Which day was it?", "Berg closed the pier. Which day was it?"),
    ("Which port did the ferry sail from -- not Tromso, surely?", "Which port did the ferry sail from?"),
    ("Who said the fees were a scandal -- wasn't it Berg?", "Who said the fees were a scandal?"),
    ("Who closed the pier -- Berg?", "Who closed the pier?"),
    ("In the Herald piece, who closed the pier -- the mayor, was it?", "In the Herald piece, who closed the pier?"),
    ("Which agency reported the strike, not the Herald, surely?", "Which agency reported the strike?"),
    ("The Herald interview was on radio, wasn't it? Who conducted it?", "Who conducted the Herald interview?"),
    ("Not Berg -- who ordered the pier closed?", "Who ordered the pier closed?"),
    ("Who argued the fees were illegal? Quote the words that identify the claim.", "Who argued the fees were illegal?"),
])
def test_a_challenge_is_read_as_the_question_it_wraps(challenge: str, question: str) -> None:
    assert unchallenged(challenge) == question


@pytest.mark.parametrize("question", [
    "When did Berg close the pier?",
    "Berg said the fees were a scandal? Who actually said that?",  # who said what it quotes: `answerable`
    "What did Berg say about the fees -- the harbour fees?",  # no guess, a topic spelled out
    "Who closed the pier, did he?",  # a tag after a comma, not a guess
    "Did Berg close the pier, or was it the mayor?",  # no question word to keep
    # After a comma, more often part of what is asked than a guess.
    "Who said people flee the storm, not the fees?",
    "What did Berg say about the fees, was it unexpected?",
    "In the Herald report, which official, not the reporter, told Harbour Radio that the fees rose?",
])
def test_a_question_that_doubts_nothing_is_left_as_typed(question: str) -> None:
    assert unchallenged(question) == question


def test_a_topic_said_first_is_asked_about_as_one_question() -> None:
    assert topic_first("The ferry deal between Bergen and Oslo, when it was reached?") == (
        "When was the ferry deal between Bergen and Oslo reached?")
    assert topic_first("the harbour memorandum um the deal on the piers when was that signed") == (
        "When was the harbour memorandum um the deal on the piers signed?")
    assert topic_first("The Gazette's ferry report, how many crossings did it list?") == (
        "How many crossings did the Gazette's ferry report list?")
    # A clause is no topic an "it" stands for; nor is a person.
    assert topic_first("Berg said the ferries beat the trains in how many days was it") == (
        "Berg said the ferries beat the trains in how many days was it")
    assert topic_first("Berg spoke, how many times did he say it?") == "Berg spoke, how many times did he say it?"


@pytest.mark.parametrize(("qualified", "plain"), [
    ("What is the stated date of the Gazette's ferry report?", "What is the date of the Gazette's ferry report?"),
    ("What is the reported location of the ferry depots?", "Where is the ferry depots?"),
    ("What rationale is given for the closing of the piers?", "What is the reason for the closing of the piers?"),
    ("Is a date specified for the posting of the Gazette item on Berg; if so, which?",
     "When was the Gazette item on Berg posted?"),
    ("Is a calendar date specified for Berg's radio interview; if so, which?",
     "What is the date of Berg's radio interview?"),
    ("Which named person holds the post of Harbour Master in the Gazette?", "Who is the Harbour Master in the Gazette?"),
    ("What is the stated financial sum allocated for the piers?", "How much is the financial sum allocated for the piers?"),
    ("for my report i need the date the Gazette posted the ferry story, what was it",
     "On which date the Gazette posted the ferry story?"),
    ("I need the place Berg signed the deal.", "Where Berg signed the deal?"),
    ("tell me the exact date the board told the ferries to stop", "On which date the board told the ferries to stop?"),
])
def test_a_compliance_officers_qualified_request_is_read_plainly(qualified: str, plain: str) -> None:
    assert requested(qualified) == plain


def test_the_words_asked_about_may_come_first_and_the_kind_of_name_asked_for_first() -> None:
    assert spelled_out("Asked the council where the boats are, and got no answer - who said that?") == (
        "Who said Asked the council where the boats are, and got no answer?")
    assert spelled_out("Outlet? Piece saying harbour officials call the ferry timetable a show.") == (
        "Which outlet published the piece saying harbour officials call the ferry timetable a show?")
    # (A question of its own before the dash is no claim.)
    assert spelled_out("Did Berg close the pier? - who said that?") == "Did Berg close the pier? - who said that?"


def test_a_learners_topic_first_is_asked_of_the_topic() -> None:
    assert topic_first("Gazette article about Berg and the pier, what is publish date of it?") == (
        "What is the publish date of the Gazette article about Berg and the pier?")
    assert topic_first("the official who asked 'why is the pier shut', what is his name?") == (
        "What is the name of the official who asked 'why is the pier shut'?")
    # (No article before the topic, set off by its comma.)
    assert topic_first("ferry corridors opened for walkers in Tromso, where exactly they are located?") == (
        "Where exactly are ferry corridors opened for walkers in Tromso located?")
    assert topic_first("60 boats the council is not taxing, in which town or area they are?") == (
        "In which town or area are 60 boats the council is not taxing?")
    # A scene is no topic: "in the Gazette Q&A, who ...?" is read elsewhere.
    assert topic_first("in the Gazette Q&A, where was it held?") == "in the Gazette Q&A, where was it held?"


def test_where_a_quote_is_from_asks_for_its_outlet() -> None:
    assert spelled_out("Berg's \"the pier is shut\" quote: where's that from, for the credit?") == (
        "Which outlet published Berg's \"the pier is shut\" quote?")


def test_a_learners_who_is_the_officer_said_this_asks_for_the_one_who_said_the_claim() -> None:
    assert topic_first("Harbour police said they welcome the survey, who is the officer said this?") == (
        "Who is the officer who said that Harbour police said they welcome the survey?")
    assert topic_first("The pier is closed until May; who was the official that said it?") == (
        "Who was the official who said that the pier is closed until May?")
    # A plain "who said this?" stays the question of who said it, whoever that is.
    assert topic_first("Harbour police said they welcome the survey, who said this?") == (
        "Harbour police said they welcome the survey, who said this?")


def test_a_topic_may_hold_a_parenthesis_and_keeps_an_acronyms_capitals() -> None:
    assert topic_first("NN tweet of the ferry report (107 boats, 289 nets), when it was posted?") == (
        "When was NN tweet of the ferry report (107 boats, 289 nets) posted?")


def test_a_lawyers_request_for_someones_words_asks_what_he_said() -> None:
    assert requested("Set out the words attributed to Berg concerning the harbour fees.") == (
        "What did Berg say about the harbour fees?")
    assert requested("State, with particularity, what Ola Berg said as to the sources of the boats.") == (
        "What did Ola Berg say about the sources of the boats?")
    assert requested("State whether, and if so in what terms, Berg expressed a view on whether the pier should close.") == (
        "What did Berg say about whether the pier should close?")
    assert requested("In what terms did Berg address the question of the fees?") == (
        "How did Berg describe the question of the fees?")


def test_who_ran_the_piece_asks_for_its_outlet() -> None:
    assert requested("Who ran the piece quoting Lund on the pier?") == "Which outlet ran the piece quoting Lund on the pier?"
    assert requested("Who published the story where Berg says the pier is shut?") == (
        "Which outlet published the story where Berg says the pier is shut?")
    assert requested("Who ran the council in 2015?") == "Who ran the council in 2015?"


def test_an_instruction_after_the_question_is_no_part_of_it() -> None:
    assert unchallenged("Where does Berg say the port gets its tide tables? Need his wording for the bulletin.") == (
        "Where does Berg say the port gets its tide tables?")


def test_a_quoted_phrase_first_is_what_the_question_after_it_asks_about() -> None:
    assert topic_first("'a strange harbour' - whose words are these in the blog post?") == (
        "Who said “a strange harbour” in the blog post?")
    assert topic_first("'the Bergen pilot centre' - where is this facility, per the Gazette?") == (
        "Where is the Bergen pilot centre, per the Gazette?")
    assert topic_first("'Senior port officials' who called the fees 'a show' - what are their names?") == (
        "What are the names of the Senior port officials who called the fees 'a show'?")


def test_a_viral_quote_then_correct_speaker_or_which_outlet_asks_who_said_or_published_it() -> None:
    assert topic_first("Screenshot credits Lund with: 'The pier stays shut until May.' Correct speaker?") == (
        "Who said “The pier stays shut until May”?")
    assert topic_first("Clip caption says a harbour official claimed the fees 'have doubled twice'. Which official "
                       "is that?") == "Who said “have doubled twice”?"
    assert topic_first("Headline going viral: 'Berg: the pier stays shut'. Which outlet?") == (
        "Which outlet published “Berg: the pier stays shut”?")
    assert unchallenged("Where does Berg say the port gets its tide tables from? Exact words please.") == (
        "Where does Berg say the port gets its tide tables from?")


def test_a_memo_line_is_read_without_its_bullet_topic_tag_and_request_for_a_source() -> None:
    assert truecase.tidied("Q: [Pier closure] What date did the Gazette post the Berg piece? (source?)") == (
        "What date did the Gazette post the Berg piece?")
    assert truecase.tidied("- [Harbour fees] Who raised the fees? (pls cite)") == "Who raised the fees?"
    assert truecase.tidied("3) [Tides] Where is the pilot centre?") == "Where is the pilot centre?"
    # A bracket inside the question is kept: only a tag before it is a memo's.
    assert truecase.tidied("Who said the [harbour] fees rose?") == "Who said the [harbour] fees rose?"


def test_a_wire_desks_shorthand_is_spelt_out() -> None:
    assert truecase.tidied("Dep. FM Berg on fees w/o a vote, acc. to the Gazette int.?") == (
        "deputy FM Berg on fees without a vote, according to the Gazette interview?")
    assert truecase.tidied("What did SecState Lund say about natl fees? Did the defense min. not OK the pier?") == (
        "What did Secretary of State Lund say about national fees? Did the defense minister not approve the pier?")
    assert truecase.tidied("Blog comments: claim the fees = a scam by Berg + Lund. Who said?") == (
        "Blog comments: claim the fees is a scam by Berg and Lund. Who said?")


def test_words_then_who_or_attrib_asks_who_said_them() -> None:
    assert spelled_out("Norwegian defense minister on Radio Nord: the pier stays shut until May. Attrib.?") == (
        "Who is the Norwegian defense minister that said on Radio Nord that the pier stays shut until May?")
    assert spelled_out("Harbour spokesman - the pier stays shut. Who?") == (
        "Who is the Harbour spokesman that said that the pier stays shut?")
    assert spelled_out("Blog comments: claim the fees are a scam. Who said, exact words?") == (
        "Who said in the comments that the fees are a scam?")
    assert spelled_out("The fees doubled twice in a year. Whose quote?") == "Who said The fees doubled twice in a year?"
    # After a comma or a colon, "who?" asks who someone is.
    assert spelled_out("Author of the Gazette piece: who?") == "Author of the Gazette piece: who?"
    assert spelled_out("The man who fixed the pier in May, who?") == "The man who fixed the pier in May, who?"


def test_a_claim_pinned_on_someone_or_said_by_somebody_asks_who_said_it() -> None:
    assert topic_first("My desk pins the 'we're nowhere near a deal' line on Berg. Was it actually him, or "
                       "somebody at the port?") == "Who said “we're nowhere near a deal”?"
    assert topic_first("Somebody boasted that the port did more in a week than the council in a year. Was that "
                       "Berg or someone from the council? Name, please.") == (
        "Who boasted that the port did more in a week than the council in a year?")
    assert topic_first("Someone called the new fees a possible 'ruse'. Who is that attributed to?") == (
        "Who called the new fees a possible 'ruse'?")


def test_a_topic_with_a_relative_clause_then_its_question() -> None:
    assert topic_first("Those 60 boats which the port is not inspecting, where are they moored?") == (
        "Where are those 60 boats which the port is not inspecting moored?")


def test_a_topic_said_first_after_about_or_regarding_takes_the_place_of_what_the_question_calls_it() -> None:
    assert about_first("About the meeting of the harbour board in Oslo, could you tell me the date of this "
                       "meeting please?") == "Could you tell me the date of the meeting of the harbour board in Oslo please?"
    assert about_first("Regarding Harbour Master Ola Berg, what did he say about the fees?") == (
        "What did Harbour Master Ola Berg say about the fees?")
    assert about_first("Regarding the new ferry fees, why did the council raise them?") == (
        "Why did the council raise the new ferry fees?")
    assert about_first("Regarding King of Norway with whom Berg discussed the pier, could you tell me his name "
                       "please?") == "Could you tell me the name of the King of Norway with whom Berg discussed the pier please?"
    # The "it" of "is it correct that" is no topic; the question calls it nothing: said after it.
    assert about_first("About the Gazette report, is it correct that it was on Monday?") == (
        "Is it correct that the Gazette report was on Monday?")
    assert about_first("About the pier closure, how many boats were moved? I would like to know.") == (
        "How many boats were moved, regarding the pier closure? I would like to know.")
    # "this interview" is what the topic is, not the "he" of a name the question gives.
    assert about_first("About Berg's interview with the Gazette, where was Mayor Berg when he gave this "
                       "interview?") == "Where was Mayor Berg when he gave Berg's interview with the Gazette?"
    for typed in ("About how many boats were moved?", "Regarding the fees: the council raised them."):
        assert about_first(typed) == typed


def test_a_producers_note_on_where_the_answer_goes_is_no_part_of_the_question() -> None:
    assert truecase.tidied("Chyron check: who closed the pier?") == "who closed the pier?"
    assert truecase.tidied("Who closed the pier? Need the name for the lower third.") == "Who closed the pier?"
    assert truecase.tidied("What did Berg say about the fees? Can we run a quote?") == (
        "What did Berg say about the fees?")
    assert truecase.tidied("For the source line: which paper ran the Berg story?") == "which paper ran the Berg story?"
    # A colon that sets off a topic is kept.
    assert truecase.tidied("Ferry fees: who raised them?") == "Ferry fees: who raised them?"


def test_dictated_punctuation_and_wear_for_where_are_read() -> None:
    assert truecase.tidied("what is the name of the harbour master comma the one who closed the pier") == (
        "what is the name of the harbour master, the one who closed the pier")
    assert truecase.tidied("wear is the new pier question mark") == "where is the new pier?"
    assert truecase.tidied("What did Berg wear at the opening?") == "What did Berg wear at the opening?"
    assert truecase.tidied("how many training sights did the port close") == "how many training sites did the port close"


def test_whom_a_producer_credits_and_the_line_someone_pushes_are_who_said_and_what_they_said() -> None:
    assert spelled_out("Who do we credit for the claim that the fees doubled?") == "Who said the fees doubled?"
    assert spelled_out("Who do we credit for calling the fees a 'ruse'?") == "Who called the fees a 'ruse'?"
    assert spelled_out("Who is the on-screen attribution for the line that the pier stays shut?") == (
        "Who said the pier stays shut?")
    assert spelled_out("What line does Berg push on the ferry fees, who does he blame?") == (
        "What did Berg say about the ferry fees?")
    assert spelled_out("Can we run a Quill quote on the pier closure? What did he say?") == (
        "What did Quill say about the pier closure?")


def test_a_french_or_arabic_speakers_phrasing_is_the_plain_question() -> None:
    assert truecase.tidied("In which place is the pilot centre?") == "Where is the pilot centre?"
    assert truecase.tidied("For which reason the council is reluctant to sign?") == "Why the council is reluctant to sign?"
    assert truecase.tidied("Since how many days the pier is shut?") == "For how many days the pier is shut?"
    assert truecase.tidied("What is the date of the publication of the Gazette piece?") == (
        "What is the publication date of the Gazette piece?")
    assert truecase.tidied("What Berg answered to Quill about the fees?") == "What did Berg answer to Quill about the fees?"
    assert truecase.tidied("Please, why did the port close?") == "why did the port close?"
    assert truecase.tidied("Berg speaks of the boat, what is the quantity of fuel it carries?") == (
        "Berg speaks of the boat, how much fuel it carries?")


def test_a_forum_users_slang_and_asides_are_no_part_of_the_question() -> None:
    assert truecase.tidied("lol how many boats does the port even have there") == "how many boats does the port have there"
    assert truecase.tidied("wait, when was the pier deal actually reached? asking for a friend") == (
        "when was the pier deal reached?")
    assert truecase.tidied("ngl how many ferries did Berg claim sank, bc that sounds like a LOT") == (
        "how many ferries did Berg claim sank")
    assert truecase.tidied("how long had the port been shut at that point anyway? like a week? lol") == (
        "how long had the port been shut at that point anyway?")
    # "even" that is part of what is asked stays.
    assert truecase.tidied("Why did Berg say the port copes even without the ferry?") == (
        "Why did Berg say the port copes even without the ferry?")


def test_a_polite_request_wrapping_a_question_with_its_preposition_first_is_that_question() -> None:
    assert requested("Could you tell me on which date the Gazette piece was posted please?") == (
        "On which date the Gazette piece was posted?")
    assert requested("Could you tell me in what town the pier is?") == "In what town the pier is?"


def test_an_italian_speakers_inversion_and_a_formal_passive_are_the_plain_question() -> None:
    assert truecase.tidied("What has said the Berg about the ferry fees?") == "What did Berg say about the ferry fees?"
    assert truecase.tidied("What has answered Quill to the council?") == "What did Quill answer to the council?"
    assert truecase.tidied("Who is that one who has written that the pier is unsafe?") == (
        "Who wrote that the pier is unsafe?")
    assert truecase.tidied("What was stated by Harbour Master Quill concerning the ferry fees?") == (
        "What did Harbour Master Quill say about the ferry fees?")
    assert truecase.tidied("What was said by Secretary of Transport Berg regarding the pier?") == (
        "What did Secretary of Transport Berg say about the pier?")
    assert truecase.tidied("In what terms was the ferry crisis described by Mayor Berg?") == (
        "How did Mayor Berg describe the ferry crisis?")
    assert truecase.tidied("At which location was the harbour meeting held?") == "Where was the harbour meeting held?"
    # (What was said about something, by nobody named, stays as typed.)
    assert truecase.tidied("What was said about the ferry fees?") == "What was said about the ferry fees?"


def test_a_templated_query_is_the_question_its_slot_asks_of_its_subject() -> None:
    assert templated("Entity: Harbour ferry accord. Attribute: date deal reached?") == (
        "On what date was the Harbour ferry accord deal reached?")
    assert templated("Field: location; Subject: Oslo pilot centre") == "Where was the Oslo pilot centre?"
    assert templated("Field: day_of_week; Subject: Berg statement on fees") == (
        "What day of the week was the Berg statement on fees?")
    assert templated("Entity: Harbour board spokesman (Bay Times). Attribute: name?") == (
        "Who is the Harbour board spokesman (Bay Times)?")
    assert templated("Entity: Port report (2 days). Attribute: number of piers visited?") == (
        "What was the number of piers visited in the Port report (2 days)?")
    assert templated("Field: reason; Subject: council doubting the ferry plan") == (
        "What is the reason for the council doubting the ferry plan?")
    assert templated("Entity: Berg. Attribute: what the council said when asked about fees?") == (
        "According to Berg, what the council said when asked about fees?")
    assert templated("Field: document_name; Subject: the only thing the two ports signed") == (
        "Which document is the only thing the two ports signed?")
    assert templated("Entity: harbour fees. Attribute: start date?") == "When did the harbour fees start?"
    assert templated("Q(who): said the pier is unsafe") == "Who said the pier is unsafe?"
    assert templated("Q(who): harbour captain who closed the pier") == "Who is the harbour captain who closed the pier?"
    assert templated("Q(when): pilot centre set up") == "When was the pilot centre set up?"
    assert templated("Q(when): Berg answered questions from reporters") == "When Berg answered questions from reporters?"
    assert templated("Q(said): Quill on the ferry fees") == "What did Quill say about the ferry fees?"
    assert templated("Q(which channel): Berg TV interview on fees") == "Which channel for the Berg TV interview on fees?"
    assert templated("count(boats) in the port report?") == "How many boats in the port report?"
    assert templated("date(Gazette report on the pier)?") == "When was the Gazette report on the pier?"
    assert templated("What is the [date] of [Gazette post on Berg]?") == "What is the date of Gazette post on Berg?"
    assert templated("why did the port close the pier? [reason] thx") == "why did the port close the pier?"
    # (A memo line's topic tag is `truecase.tidied`'s to drop.)
    assert templated("Q: [Berg remarks] What date was the Gazette post?") == "Q: [Berg remarks] What date was the Gazette post?"
    # A question with no template is left as typed.
    assert templated("What did Berg say about the fees?") == "What did Berg say about the fees?"


def test_an_elderly_readers_guesses_after_the_question_are_no_part_of_it() -> None:
    assert unguessed("Who said the pier was unsafe? Quill, was it, the harbour man? Or was it somebody higher up?") == (
        "Who said the pier was unsafe?")
    assert unguessed("Which paper did Berg give his remarks to? The Gazette, was it?") == (
        "Which paper did Berg give his remarks to?")
    assert unguessed("Who said that, was it one of the officials or just somebody writing in?") == "Who said that?"
    assert unguessed("Who said the pier was unsafe? Was that one of the council, or who?") == "Who said the pier was unsafe?"
    # A second question is no guess.
    assert unguessed("Who closed the pier? When was it closed?") == "Who closed the pier? When was it closed?"


def test_a_korean_speakers_topic_first_and_two_names_joined_by_a_slash() -> None:
    assert truecase.tidied("Berg, without the ferry, from where the port gets fuel — what said?") == (
        "What did Berg say about without the ferry, from where the port gets fuel?")
    assert truecase.tidied("Quill, pier safety about — exactly what said?") == "What did Quill say about pier safety?"
    assert truecase.tidied("Berg, ferry fees — reason, what said?") == "What did Berg say about ferry fees?"
    assert truecase.tidied("Where was the Berg Gazette/Courier interview given?") == (
        "Where was the Berg Gazette and Courier interview given?")
    assert truecase.tidied("What does https://t.co/Ab/Cd say?") == "What does https://t.co/Ab/Cd say?"


def test_search_box_keywords_are_the_question_their_question_word_asks() -> None:
    assert keywords("harbour ferry accord deal reached when") == "When was the harbour ferry accord deal reached?"
    assert keywords("Berg pier interview where held") == "Where was the Berg pier interview held?"
    assert keywords("port fuel depot off limits why") == "Why port fuel depot off limits?"
    assert keywords("Berg why port fine without ferry") == "Why port fine without ferry, according to Berg?"
    assert keywords("pier survey boats counted how many") == "How many pier survey boats counted?"
    assert keywords("pilot centre which countries use it") == "Which countries use the pilot centre?"
    assert keywords("Quill harbour report in which towns") == "Quill harbour report in which towns"  # as typed
    assert keywords("Berg slams the council why") == "Why Berg slams the council?"
    assert keywords("Berg why slams the council") == "Why Berg slams the council?"
    assert keywords("harbour survey announced day") == "What day was the harbour survey announced?"
    assert keywords("Berg pier interview which tv channel") == "Which tv channel was the Berg pier interview?"
    assert keywords("Quill what he said about the ferry fees") == "What did Quill say about the ferry fees?"
    assert keywords("Ola Berg pilot centre comment") == "What did Ola Berg say about pilot centre?"
    assert keywords("Berg how he described the council reaction") == "How did Berg describe the council reaction?"
    assert keywords("harbour pilot centre location") == "harbour pilot centre location?"  # a note `spelled_out` reads
    # A question, a sentence or a question word first stays as typed.
    assert keywords("When was the pier closed") == "When was the pier closed"
    assert keywords("Berg closed the pier. When?") == "Berg closed the pier. When?"
    assert keywords("pier closed when?") == "pier closed when?"
    assert keywords("berg said the fees doubled, who published that") == "berg said the fees doubled, who published that"
    assert keywords("berg says the port helped when its survey started where") == (
        "berg says the port helped when its survey started where")
    assert keywords("Berg on what triggered the ferry crisis") == "Berg on what triggered the ferry crisis"


def test_a_columnists_take_a_footnotes_quote_and_cite_and_a_length_asked_for() -> None:
    assert truecase.tidied("What was Berg's own take concerning the ferry fees?") == "What did Berg say about the ferry fees?"
    assert truecase.tidied("In that interview, what was Quill's view on the pier?") == (
        "In that interview, what did Quill say about the pier?")
    assert truecase.tidied("Quote Berg, from the May 4 briefing, on the ferry fees.") == (
        "What did Berg say about the ferry fees?")
    assert truecase.tidied("Which paper ran the pier story? Publication name only.") == "Which paper ran the pier story?"
    assert truecase.tidied("Who closed the pier? Speaker only, please.") == "Who closed the pier?"
    assert spelled_out("Cite the source for the claim that the fees doubled.") == "Who said the fees doubled?"
    assert spelled_out("Cite the source for the description of the fees as a ruse. Need a name.") == (
        "Cite the source for the description of the fees as a ruse. Need a name.")


def test_a_depositions_record_numbers_and_premise_are_no_part_of_the_question() -> None:
    assert requested(truecase.tidied("Identify the party who made the statement that the fees doubled.")) == (
        "Who made the statement that the fees doubled?")
    assert truecase.tidied("Identify the party who closed the pier. Surname only, for the record.") == (
        "Identify the party who closed the pier.")
    assert truecase.tidied("Who said the pier was unsafe? Quote the relevant words.") == "Who said the pier was unsafe?"
    assert truecase.tidied("What did Berg say about (1) the fees and (2) the pier?") == (
        "What did Berg say about the fees and the pier?")
    assert requested(truecase.tidied("State for the record what Berg told Nordic Gazette regarding the fees.")) == (
        "What did Berg say about the fees?")
    assert unguessed("Is it the case that Berg said the pier was unsafe? If so, what exactly did he say about "
                     "the fees?") == "What exactly did Berg say about the fees?"
    # Without "if so", or with no "he" for whom the premise names, it stays as typed.
    assert unguessed("Is it the case that Berg closed the pier? When was it closed?") == (
        "Is it the case that Berg closed the pier? When was it closed?")


def test_a_scottish_speakers_spelling_idiom_and_asides_are_the_plain_question() -> None:
    assert truecase.tidied("Who was it went on aboot the fees tae the harbour lads? Sounded like a council heid.") == (
        "Who talked about the fees to the harbour lads?")
    assert truecase.tidied("Who was it claimed the pier was unsafe? That sounded a bit far-fetched tae me.") == (
        "Who claimed the pier was unsafe?")
    assert truecase.tidied("What's yer man Berg on about re the ferry fees?") == "What did Berg say about the ferry fees?"
    assert truecase.tidied("What did Berg make of the fee rise, then? I heard he had a pop at the council.") == (
        "What did Berg say about the fee rise?")
    assert truecase.tidied("What was Berg saying aboot the pier, wi' all they ferries and that?") == (
        "What did Berg say about the pier, with all they ferries?")
    assert truecase.tidied("Where does the port get its fuel fae?") == "Where does the port get its fuel from?"
    # Words of the same letters inside others, or a second question after the first, stay.
    assert truecase.tidied("Who said the taekwondo club got its boots from Berg?") == (
        "Who said the taekwondo club got its boots from Berg?")
    assert truecase.tidied("Who closed the pier? When was it closed?") == "Who closed the pier? When was it closed?"


def test_a_call_centre_courtesy_a_teenagers_slang_and_a_hebrew_speakers_order_are_the_plain_question() -> None:
    assert truecase.tidied("Good day po! May I know who closed the pier? Thank you in advance.") == "who closed the pier?"
    assert truecase.tidied("Hi Sir/Ma'am, kindly confirm what Berg said about the fees. Thank you in advance po.") == (
        "What did Berg say about the fees.")
    assert truecase.tidied("Ma'am, which paper reported the said statement of Berg? For your reference, it is the "
                           "harbour story. Thank you po.") == "which paper reported the statement of Berg?"
    assert truecase.tidied("In the comments, may I know who wrote that the pier was unsafe?") == (
        "In the comments, who wrote that the pier was unsafe?")
    assert truecase.tidied("bro when did the gazette one get posted?? need the date for my citation lol") == (
        "when did the gazette article get posted??")
    assert truecase.tidied("Gazette article about Berg post day what?") == "Gazette article about Berg post day?"
    assert truecase.tidied("Quill, on the ferry fees — what he said?") == "What did Quill say about the ferry fees?"
    assert truecase.tidied("Berg and the pilots — what he said, in the radio interview?") == (
        "What did Berg say about the pilots, in the radio interview?")
    assert truecase.tidied("The fees are a ruse, not a tax — whose words these are?") == (
        "Who said The fees are a ruse, not a tax?")
    # A greeting that opens the question itself stays ("Hi-Fi ...", "Dear ..." as a name's part).
    assert truecase.tidied("Who sold the Hi-Fi shop to Berg?") == "Who sold the Hi-Fi shop to Berg?"


def test_an_academics_nominalised_english_and_a_ukrainian_speakers_are_the_plain_question() -> None:
    assert truecase.tidied("What number of boats is said to have docked?") == "How many boats is said to have docked?"
    assert truecase.tidied("Which figure is identified as the harbour spokesman?") == "Who is the harbour spokesman?"
    assert truecase.tidied("On what grounds does Berg contest the fees?") == "Why does Berg contest the fees?"
    assert truecase.tidied("How much sorties flied to Tromso?") == "How many sorties flew to Tromso?"
    assert truecase.tidied("Who is spokesman of Harbour Board which said the pier is unsafe?") == (
        "Who is spokesman of Harbour Board who said the pier is unsafe?")
    assert truecase.tidied("Which boat, according Berg, docked first?") == "Which boat, according to Berg, docked first?"
    assert truecase.tidied("Why the pier closed, by Berg words?") == "Why the pier closed, according to Berg?"
    assert truecase.with_auxiliary("Which agency Berg gave comments about the fees?") == (
        "Which agency did Berg give comments about the fees?")
    assert truecase.with_auxiliary("How many boats Nordic pilots targeted?") == "How many boats did Nordic pilots target?"
    # The asked-for noun naming the subject, or a name after a title its subject opened with, stays.
    for question in ("Which state TV channel carried the interview?",
                     "In which month the harbour master Berg closed the pier?",
                     "Which senior Nordic official said the pier was unsafe?"):
        assert truecase.with_auxiliary(question) == question


def test_a_captions_shorthand_is_the_question_it_stands_for() -> None:
    assert truecase.tidied("Who: fees are 'a ruse'?") == "Who said fees are 'a ruse'?"
    assert truecase.tidied("Berg 'fee ruse' quote — outlet?") == "Which outlet reported Berg 'fee ruse' quote?"
    assert truecase.tidied("Berg 'own goals' remarks, told which agency?") == (
        "Which agency did Berg tell about 'own goals' remarks?")
    # A question that asks on its own before the dash stays.
    assert truecase.tidied("Whose copy has the ruse remark — which publication?") == (
        "Whose copy has the ruse remark — which publication?")


def test_a_kenyan_reporters_progressive_and_a_greek_speakers_topic_first_are_the_plain_question() -> None:
    assert truecase.tidied("Kindly, on which date is the Gazette posting the story of Berg?") == (
        "on which date did the Gazette post the story of Berg?")
    assert truecase.tidied("Which radio station is it that Berg is telling that the fees rise?") == (
        "Which radio station did Berg tell that the fees rise?")
    assert truecase.tidied("Good morning. How many number of boats docked?") == "How many boats docked?"
    assert truecase.tidied("How many boats got inspected, per the pilots?") == "How many boats were inspected, per the pilots?"
    assert truecase.tidied("How does Berg describe the fees, what does he say about it?") == (
        "How does Berg describe the fees?")
    assert truecase.tidied("How long had the strike been going on, how many days?") == (
        "How long had the strike been going on?")
    assert truecase.tidied("The ferry deal with Tromso, on which day it was reached, I ask because for our readers "
                           "the ferries are very important?") == "On which day was the ferry deal with Tromso reached?"
    assert truecase.tidied("Berg, when he said the pier is unsafe, to which radio station he was speaking, because "
                           "in Greece we don't know the Nordic stations?") == (
        "To which radio station was Berg speaking, when he said the pier is unsafe?")
    assert truecase.tidied("Berg, harbour master, when he gave the interview to the radio, which day it was?") == (
        "When did Berg, harbour master, give the interview to the radio?")
    assert truecase.tidied("What did Quill say about the fees back in September?") == (
        "What did Quill say about the fees in September?")
    # A progressive asked as such, and a because of the question's own, stay.
    assert truecase.tidied("Is the Gazette reporting that the fees rise?") == "Is the Gazette reporting that the fees rise?"
    assert truecase.tidied("Why did Berg close the pier, because of the storm?") == (
        "Why did Berg close the pier, because of the storm?")


def test_hindi_words_and_a_persian_speakers_verb_last_are_the_plain_question() -> None:
    assert truecase.tidied("Gazette ne Berg wala article kab post kiya tha? exact date chahiye na") == (
        "When did Gazette post Berg article?")
    assert truecase.tidied("Berg ne ferry fees ke baare mein kya kaha? pls share") == "What did Berg say about ferry fees?"
    assert truecase.tidied("Harbour Board ka spokesman kaun hai, the one who said the pier is unsafe?") == (
        "Who is the spokesman of Harbour Board, the one who said the pier is unsafe?")
    assert truecase.tidied("Yaar kitne boats docked on which date only?") == "how many boats docked on which date?"
    assert truecase.tidied("Berg says the pier was totally unsafe - why yaar, what is the cause according to him?") == (
        "Why was the pier totally unsafe, according to Berg?")
    assert truecase.tidied("Which station aired it? kaun tha woh") == "Which station aired it?"
    assert truecase.tidied("In the radio interview, what Berg about the ferry fees has said?") == (
        "In the radio interview, what did Berg say about the ferry fees?")
    assert truecase.tidied("On the ferry fees, what the harbour master Berg has said?") == (
        "What did the harbour master Berg say about the ferry fees?")
    assert truecase.tidied("The harbour master Berg, about the fees, what has said?") == (
        "What did the harbour master Berg say about the fees?")
    assert truecase.tidied("The sentence 'the pier is unsafe' — which person this has said? For correct attribution "
                           "in Persian I am asking.") == "Who said 'the pier is unsafe'?"
    assert truecase.tidied("Somebody is complaining that the pilots, when asked, could not tell. Who has said this? "
                           "The name of the mentioned speaker, please.") == (
        "Who complained that the pilots, when asked, could not tell?")
    assert truecase.tidied("Please, who say the pier is unsafe? Thank you sir.") == "who said the pier is unsafe?"
    assert truecase.tidied("Which harbour master gave out that the pier is unsafe?") == (
        "Which harbour master said that the pier is unsafe?")
    assert truecase.tidied("Give us what Berg said about the fees - did he see it coming at all?") == (
        "What did Berg say about the fees")


def test_capitals_spoken_punctuation_and_french_and_nigerian_calques_are_the_plain_question() -> None:
    assert truecase.tidied("WHO SAID THE PIER IS UNSAFE. NEED NAME FOR THE READ") == "who said the pier is unsafe."
    assert truecase.tidied("WHO SAID THE US PILOTS AND US-LED BOATS DOCKED? GIVE US THE NAME") == (
        "who said the US pilots and US-led boats docked? give us the name")
    assert truecase.tidied("BERG -- FEES ARE A RUSE. WHO PUBLISHED THAT VERSION") == (
        "Which outlet reported berg -- fees are a ruse?")
    assert truecase.tidied("according to berg comma why did the pier close question mark") == (
        "according to berg, why did the pier close?")
    assert truecase.tidied("who called the fees quote a ruse unquote full stop new line") == 'who called the fees "a ruse".'
    assert truecase.tidied("Wetin Berg said about the fees? Is it not a tax?") == "What did Berg say about the fees?"
    assert truecase.tidied("At which date was posted the Gazette article about Berg?") == (
        "On which date was the Gazette article about Berg posted?")
    assert truecase.tidied("Where is situated the harbour office?") == "Where is the harbour office situated?"
    assert truecase.tidied("How many boats docked, following what says Berg?") == "How many boats docked, according to Berg?"
    assert truecase.tidied("What is it, in the view of Berg, that has caused the strike?") == (
        "According to Berg, what caused the strike?")
    assert truecase.tidied("What said Berg about the fees?") == "What did Berg say about the fees?"
    assert truecase.tidied("Readers commented. Who is that has written that the fees are a ruse, and what are his exact "
                           "words?") == "Readers commented. Who wrote that the fees are a ruse?"
    assert truecase.with_auxiliary("What is the date the Gazette posted the story on Berg?") == (
        "On which date did the Gazette post the story on Berg?")
    # Capitals in a question typed in lower case, and a short one in capitals, stay.
    assert truecase.tidied("Who told NRK about the fees?") == "Who told NRK about the fees?"
    assert truecase.tidied("WHO IS BERG?") == "WHO IS BERG?"


def test_a_shy_askers_apologies_and_wrapped_questions_are_the_plain_question() -> None:
    assert truecase.tidied("Excuse me, I am sorry to bother you. What did Berg say about the fees? Sorry for my many "
                           "questions.") == "What did Berg say about the fees?"
    assert truecase.tidied("I apologize for my poor English. Who closed the pier, if you don't mind?") == (
        "Who closed the pier?")
    assert truecase.tidied("Sorry, maybe this is a strange question. Someone said the fees are a ruse. I would be very "
                           "grateful if you could tell me who said it.") == "Someone said the fees are a ruse. Who said it?"
    assert truecase.tidied("Someone wrote that the pier is unsafe. I am not sure who this person was... could you please "
                           "let me know?") == "Someone wrote that the pier is unsafe. Who was this person?"
    assert truecase.tidied("I would like to understand what Berg said about the fees. Could you kindly explain?") == (
        "Could you tell me what Berg said about the fees?")
    assert truecase.tidied("There was a pilot who docked late. May I kindly ask who he was?") == (
        "There was a pilot who docked late. Who was he?")
    assert truecase.tidied("Sorry, one more about Berg, please. What did he say about the fees?") == (
        "About Berg: What did he say about the fees?")
    assert truecase.tidied("As a Norwegian I am naturally curious: which paper reported the strike?") == (
        "Which paper reported the strike?")
    assert truecase.tidied("I read that the harbour office raised the fees. Which outlet reported this, please?") == (
        "Which outlet reported the harbour office raised the fees?")
    # An apology that is the question's own sentence keeps the question.
    assert truecase.tidied("Sorry, who closed the pier?") == "Who closed the pier?"


def test_a_brazilian_producers_interjections_and_a_phones_date_note_are_the_plain_question() -> None:
    assert truecase.tidied("Oi gente! When did the Gazette post the fee story?") == "When did the Gazette post the fee story?"
    assert truecase.tidied("Gente, for my show notes, when was the Gazette piece posted? need the date pls") == (
        "when was the Gazette piece posted?")
    # Not after a question that asks for no date: then it says what is asked.
    assert truecase.tidied("The Gazette piece on Berg? I need the date.") == "The Gazette piece on Berg? I need the date."
    assert truecase.tidied("Berg met the pilots... when was that?") == "Berg met the pilots. When was that?"
    assert truecase.tidied("what day did berg meet the journos, the one on fees n tolls") == (
        "what day did berg meet the journalists, the one on fees and tolls")
    assert truecase.tidied("why is the harbour office apparently ignoring the fees") == (
        "why is the harbour office ignoring the fees")
    assert truecase.tidied("Quick one for my debaters: what did Berg say on record about the fees?") == (
        "what did Berg say about the fees?")


def test_a_claim_framed_by_what_carried_it_or_told_to_one_outlet_asks_who_said_it_or_which_outlet() -> None:
    assert topic_first("Meme quote: the pier is closed for good. Who said this originally?") == (
        "Who said the pier is closed for good?")
    assert topic_first("Screenshot going around says Berg hid the fees. Who wrote this - official or someone else?") == (
        "Who wrote Berg hid the fees?")
    assert topic_first("Someone from the harbour side said the fees will double. Who was it?") == (
        "Who said the fees will double?")
    assert topic_first("There was a spokesman who said the pier is unsafe. Who was he?") == (
        "Who said the pier is unsafe?")
    assert topic_first("Berg talked to one news agency about the fees. Which agency was it?") == (
        "Which news agency did Berg talk to about the fees?")


def test_a_german_editors_words_and_a_desks_note_on_the_answers_form_are_the_plain_question() -> None:
    assert truecase.tidied("Berg interview am Sonntag - which channel exactly?") == (
        "Berg interview on Sunday - which channel exactly?")
    assert truecase.tidied("How long are the fees charged, laut Gazette?") == (
        "How long are the fees charged, according to Gazette?")
    assert truecase.tidied("Harbour spokesman in the Gazette text - wie heißt er? Spelling please.") == (
        "Harbour spokesman in the Gazette text - what is the name?")
    assert truecase.tidied("Why does the harbour office say the pier is unsafe? Kurz bitte.") == (
        "Why does the harbour office say the pier is unsafe?")
    assert truecase.tidied("How did Berg describe the fees? Zitat bitte.") == "How did Berg describe the fees?"
    assert truecase.tidied("When was the fee deal reached? Day and month.") == "When was the fee deal reached?"
    assert truecase.tidied("On which day did Berg speak? Weekday is enough.") == "On which day did Berg speak?"
    # A bare word after a statement is the question itself.
    assert truecase.tidied("Berg's remarks on the fees. Date?") == "Berg's remarks on the fees. Date?"
    # "the said minister" is the one named.
    assert truecase.tidied("What did the said deputy minister Berg say about the fees?") == (
        "What did the deputy minister Berg say about the fees?")


def test_someone_saying_something_in_the_present_or_under_a_post_asks_who_said_it() -> None:
    assert topic_first("Someone says they asked the port where the ships are, and it could not tell them. "
                       "Who is speaking here?") == (
        "Who says they asked the port where the ships are, and it could not tell them?")
    assert topic_first("Under the blog post somebody writes that it was the council that closed the pier. "
                       "Who says that — is it an official, or a reader?") == (
        "Who writes that it was the council that closed the pier?")


def test_a_nigerian_editors_pidgin_and_a_librarians_reasons_for_asking_are_the_plain_question() -> None:
    assert truecase.tidied("Abeg which date did the Gazette post the Berg story? I need am for the dateline.") == (
        "which date did the Gazette post the Berg story?")
    assert truecase.tidied("When was the fee deal reached? Date abeg, sharp sharp.") == "When was the fee deal reached?"
    assert truecase.tidied("How far, when did Berg close the pier? Kindly revert.") == "when did Berg close the pier?"
    # "How far in advance" asks how far.
    assert truecase.tidied("How far in advance did Berg warn the port?") == "How far in advance did Berg warn the port?"
    assert truecase.tidied("Who be the harbour spokesman wey said the pier is unsafe?") == (
        "Who is the harbour spokesman who said the pier is unsafe?")
    assert truecase.tidied("How many boats sailed? Figures abeg.") == "How many boats sailed?"
    assert truecase.tidied("Who said the pier is unsafe? I'd like to make sure the attribution is right.") == (
        "Who said the pier is unsafe?")
    assert truecase.tidied("For a reference I'm verifying: what did Berg say about the fees?") == (
        "what did Berg say about the fees?")
    assert truecase.tidied("Digest line: what did Berg say about the fees?") == "what did Berg say about the fees?"


def test_a_spanish_producers_words_and_an_australian_checkers_asides_are_the_plain_question() -> None:
    assert truecase.tidied("Oye, I need the name exactly right for the voice-over: which harbour official said the "
                           "fees were a scandal?") == "which harbour official said the fees were a scandal?"
    assert truecase.tidied("Vale, last source check: where did Berg's complaint about the fees appear?") == (
        "where did Berg's complaint about the fees appear?")
    assert truecase.tidied("Who said the pier is unsafe? Full name, por favor.") == "Who said the pier is unsafe?"
    assert truecase.tidied("Necesito el nombre: who said the pier is unsafe?") == "who said the pier is unsafe?"
    assert truecase.tidied("What did Berg say about the fees? Un resumen corto with his words, por favor.") == (
        "What did Berg say about the fees?")
    assert truecase.tidied("Quick one for the script. Somebody said the pier is unsafe. Who was that?") == (
        "Somebody said the pier is unsafe. Who was that?")
    assert truecase.tidied("Somebody called the fees a \"scam\" but no name, o sea, useless for the episode. "
                           "Who said that?") == "Somebody called the fees a \"scam\". Who said that?"
    # The asker's guess, what the answer is for, and how sure the asker is.
    assert truecase.tidied("What day did Berg close the pier? Reckon both the Gazette and the Post say") == (
        "What day did Berg close the pier?")
    assert truecase.tidied("How many boats sailed? Need the exact figure for screen") == "How many boats sailed?"
    assert truecase.tidied("Did Berg say the fees hurt the port? want his actual line") == (
        "Did Berg say the fees hurt the port?")
    assert truecase.tidied("What did Berg say about the fees? Just want to check before I put his name on that "
                           "line.") == "What did Berg say about the fees?"
    assert truecase.tidied("Who said the pier is unsafe? I think the harbour office but I'm not sure of the "
                           "name") == "Who said the pier is unsafe?"
    # "What's" before a name and "said" is "what has".
    assert truecase.tidied("What's Berg said about the fees?") == "What has Berg said about the fees?"
    assert truecase.tidied("Berg says the fees prove what exactly? Why does he reckon it matters") == (
        "Berg says the fees prove what exactly?")
    assert truecase.tidied("What's the fee for the pier?") == "What's the fee for the pier?"


def test_which_one_after_its_description_and_an_answer_after_what_was_asked_are_the_plain_question() -> None:
    assert topic_first("That memorandum Berg says is as far as the port's cooperation has got - which one "
                       "exactly?") == "Which memorandum is it that Berg says is as far as the port's cooperation has got?"
    assert topic_first("Berg says the port asked the council where the boats were. What was their answer, per "
                       "him?") == "When the port asked the council where the boats were, what did Berg say was their answer?"


def test_a_scots_producers_words_and_a_students_kindly_are_the_plain_question() -> None:
    assert truecase.tidied("Mekdad - the harbour deputy - what did he say aboot the port's part in the fightin? Ken "
                           "he was quite glowing") == (
        "Mekdad - the harbour deputy - what did he say about the port's part in the fighting?")
    asked = truecase.tidied("Got a caller wantin tae ken what Berg said aboot the fees. Gie us the gist plus a quote "
                            "if ye can")
    assert asked == "Got a caller wanting to know what Berg said about the fees."
    assert requested(asked) == "What did Berg say about the fees?"
    assert truecase.tidied("berg - what'd he say the point of the port offering tae swap boats was?") == (
        "berg - what did he say the point of the port offering to swap boats was?")
    assert truecase.tidied("Kindly help po, I'm mixing up the harbour groups. According to Berg, which group shared "
                           "the charts?") == "I'm mixing up the harbour groups. According to Berg, which group shared the charts?"
    assert truecase.tidied("Berg insisted the pier was not closed by the council. Kindly po, what did he say closed "
                           "it?") == "Berg insisted the pier was not closed by the council. What did he say closed it?"
    assert topic_first("Berg said the port asked the council where the boats were. What did he say the council "
                       "answered?") == "When the port asked the council where the boats were, what did Berg say they replied?"


def test_a_lagos_interns_pidgin_and_a_scholars_apologies_are_the_plain_question() -> None:
    assert truecase.tidied("Sir na who talk say the council closed the pier? Na big man for harbour side abi?") == (
        "Who said the council closed the pier?")
    assert truecase.tidied("Wetin Berg talk about the fees? I hear say e yarn something about boats") == (
        "What did Berg say about the fees?")
    assert truecase.with_auxiliary(truecase.tidied("Sir, how long Berg say the pier closure go last? Abi dem no give "
                                                   "timeline?")) == "how long did Berg say the pier closure would last?"
    assert truecase.tidied("Who asked where the boats dey, and got no answer?") == (
        "Who asked where the boats is, and got no answer?")
    assert truecase.tidied("Did Berg say the fees hurt the port? My colleague insists na Berg talk am") == (
        "Did Berg say the fees hurt the port?")
    assert truecase.tidied("Who said the pier is unsafe? I believe it was a harbour official, but I am not certain "
                           "of the name.") == "Who said the pier is unsafe?"
    assert truecase.tidied("Please forgive the broad question. How did Berg explain the fees?") == (
        "How did Berg explain the fees?")
    assert truecase.tidied("Berg on how often the ferries sail - what did he say exactly?") == (
        "Berg on how often the ferries sail - what did he say?")


def test_where_a_line_ran_whom_comments_went_to_and_who_an_unnamed_official_was_are_asked_plainly() -> None:
    assert truecase.tidied("Holm and the 'scam' line about the fees, which paper was that in") == (
        "Which paper carried Holm's 'scam' line about the fees?")
    assert truecase.tidied("To whom did Berg give his comments in the Gazette report? Which agency, I mean.") == (
        "To which agency did Berg give his comments in the Gazette report?")
    assert truecase.tidied("The official in the Gazette story asking why the pier is shut - who was it?") == (
        "Who was the official in the Gazette story asking why the pier is shut?")
    assert truecase.tidied("The Gazette quotes one official asking why the pier is shut. Who is this official, "
                           "name?") == "Who is the official that The Gazette quotes asking why the pier is shut?"
    assert truecase.tidied("The Gazette says senior harbour officials doubted the council's plan. Who was the harbour "
                           "official who said that?") == (
        "Who was the harbour official who said that senior harbour officials doubted the council's plan?")
    assert truecase.tidied("The Post piece mentions a Gazette report on the fees. What day was that report "
                           "published?") == "What day did the Gazette report on the fees?"
    assert truecase.tidied("When was the pier closed? Berg mentions it in the radio interview.") == (
        "When was the pier closed, according to Berg in the radio interview?")
    assert truecase.tidied("Kindly tell me who closed the pier.") == "Who closed the pier?"
    # A question of its own after a statement is no repeat of one before it.
    assert truecase.tidied("Holm commented on the fees. What did he say about it?") == (
        "Holm commented on the fees. What did he say about it?")
    assert truecase.tidied("How does Holm describe the fees, what does he say about it?") == (
        "How does Holm describe the fees?")


def test_an_analysts_jargon_and_a_nairobi_checkers_swahili_are_the_plain_question() -> None:
    assert truecase.tidied("BLUF: what day did Berg go on record re: the council refusing to share charts?") == (
        "what day did Berg speak about the council refusing to share charts?")
    assert truecase.tidied("Holm: what was the purpose of the port proposing to swap charts? BLUF only.") == (
        "Holm: what was the purpose of the port proposing to swap charts?")
    assert truecase.tidied("Need the date the harbour fee deal was reached. Confirm.") == (
        "What is the date the harbour fee deal was reached?")
    assert truecase.tidied("Berg says DC never passed the charts. Which charts?") == (
        "Berg says Washington never passed the charts. Which charts?")
    assert truecase.tidied("What toll does Berg throw out for the storm?") == "What toll does Berg give for the storm?"
    assert truecase.tidied("Berg interview with the Gazette. Publication day?") == (
        "What day was the Berg interview with the Gazette published?")
    assert truecase.tidied("Berg says the only joint port document approved so far is which one? Exact title if "
                           "available.") == "Which one is the only joint port document approved so far, according to Berg?"
    assert truecase.tidied("Sasa! Quick one for the desk. Somebody called the fees a scam. Who said that?") == (
        "Somebody called the fees a scam. Who said that?")
    assert truecase.tidied("Who said the pier is unsafe? Si you check for me") == "Who said the pier is unsafe?"
    assert truecase.tidied("Eh, this line is going round on WhatsApp: the fees are a scam. Who actually said it?") == (
        "the fees are a scam. Who actually said it?")
    assert truecase.tidied("Who said the pier is unsafe? Fact-checking a column here in Nairobi") == (
        "Who said the pier is unsafe?")
    assert truecase.tidied("How do you find Berg's comments on the fees? What exactly did he say?") == (
        "What did Berg say about the fees?")
    assert truecase.tidied("who published that Berg said the fees are a scam?") == (
        "Which outlet reported that Berg said the fees are a scam?")
    assert truecase.tidied("How long did the closure last? how many days or weeks") == "How long did the closure last?"
    assert truecase.tidied("What did Berg say about the fees? Need it for a story today") == (
        "What did Berg say about the fees?")
    assert truecase.tidied("Which is the date that they closed it?") == "What is the date that they closed it?"
    assert truecase.tidied("Date the council formally told the port that the pier was closing?") == (
        "What is the date the council formally told the port that the pier was closing?")
