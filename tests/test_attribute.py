"""Who says each sentence: one Attribution per sentence span, by rules over the article's text."""

from __future__ import annotations

from collections import Counter

import pytest

from rag.attribute import attribute
from rag.ingest import make_article
from rag.text import sentence_spans
from rag.types import Article, Attribution

from .conftest import SEEDS


def article(text: str, outlet: str | None = "Daily Planet") -> Article:
    return make_article("t", text, "test.txt", title="Test", outlet=outlet)


def by_sentence(text: str, outlet: str | None = "Daily Planet") -> dict[str, Attribution]:
    art = article(text, outlet)
    return {art.text[a.start:a.end]: a for a in attribute(art)}


def one(text: str, sentence: str, outlet: str | None = "Daily Planet") -> Attribution:
    found = by_sentence(text, outlet)
    assert sentence in found, list(found)
    return found[sentence]


def summary(a: Attribution) -> tuple:
    return a.kind, a.speaker, a.role, a.cue, a.via


def seed(number: str) -> Article:
    path = next(SEEDS.glob(f"{number}_*.txt"))
    return make_article(path.stem, path.read_text(encoding="utf-8"), str(path))


def seed_sentence(art: Article, start: str) -> Attribution:
    found = [a for a in attribute(art) if art.text[a.start:a.end].startswith(start)]
    assert len(found) == 1, start
    return found[0]


# --- The contract -----------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_one_attribution_per_sentence_span_in_order(number: str) -> None:
    art = seed(number)
    got = attribute(art)
    assert [(a.start, a.end) for a in got] == sentence_spans(art.text)
    assert all(a.kind in ("reporting", "quote", "indirect", "transcript", "comment", "embedded",
                          "furniture") for a in got)


def test_an_empty_article_has_no_attributions() -> None:
    assert attribute(Article("e", "", "", "x", None, "0")) == []


# --- Reported speech ------------------------------------------------------------------------------

PROFILE = "Deputy Foreign Minister Sergey Ryabkov spoke in Moscow on Monday.\n"


def test_said_after_a_quote_names_the_speaker_and_resolves_a_surname() -> None:
    got = one(PROFILE + "“The talks failed,” Ryabkov said.", "“The talks failed,” Ryabkov said.")
    assert summary(got) == ("quote", "Sergey Ryabkov", "Deputy Foreign Minister", "said", None)


def test_inverted_said_after_a_quote_and_an_appositive_role() -> None:
    got = one("“We will not share it,” said John Kirby, a State Department spokesman.",
              "“We will not share it,” said John Kirby, a State Department spokesman.")
    assert summary(got) == ("quote", "John Kirby", "State Department spokesman", "said", None)


def test_reported_speech_with_said_that_and_a_trailing_said() -> None:
    text = PROFILE + "Ryabkov said that the talks had failed.\nThe talks had failed, Ryabkov said."
    found = by_sentence(text)
    for sentence in ("Ryabkov said that the talks had failed.", "The talks had failed, Ryabkov said."):
        assert summary(found[sentence]) == (
            "indirect", "Sergey Ryabkov", "Deputy Foreign Minister", "said", None)


def test_according_to_with_a_role_description_resolves_to_the_named_person() -> None:
    text = PROFILE + "The talks failed, according to the Deputy Foreign Minister."
    got = one(text, "The talks failed, according to the Deputy Foreign Minister.")
    assert summary(got) == ("indirect", "Sergey Ryabkov", "Deputy Foreign Minister",
                            "according to", None)


@pytest.mark.parametrize("verb", ["claimed", "accused", "stated", "added", "noted", "insisted",
                                  "warned", "denied"])
def test_each_reporting_verb_makes_reported_speech(verb: str) -> None:
    text = PROFILE + f"Ryabkov {verb} that Washington had not shared its data."
    got = one(text, f"Ryabkov {verb} that Washington had not shared its data.")
    assert (got.kind, got.speaker, got.cue) == ("indirect", "Sergey Ryabkov", verb)


def test_told_a_medium_that_names_the_medium_as_via() -> None:
    text = PROFILE + "Ryabkov told RIA Novosti that the talks had failed."
    got = one(text, "Ryabkov told RIA Novosti that the talks had failed.")
    assert summary(got) == ("indirect", "Sergey Ryabkov", "Deputy Foreign Minister",
                            "told RIA Novosti", "RIA Novosti")


def test_an_unnamed_spokesman_speaks_through_an_agency() -> None:
    got = one("Troops left the base, a ministry spokesman told Interfax.",
              "Troops left the base, a ministry spokesman told Interfax.")
    assert summary(got) == ("indirect", "a ministry spokesman", None, "told Interfax", "Interfax")


def test_the_newspaper_is_the_newspaper_the_article_named() -> None:
    text = ("Britain's The Guardian newspaper published a report on Monday.\n"
            "Rebels gained ground near Aleppo, the newspaper reported.")
    got = one(text, "Rebels gained ground near Aleppo, the newspaper reported.")
    assert (got.kind, got.speaker, got.cue) == ("indirect", "The Guardian", "reported")


def test_a_pronoun_is_the_last_named_speaker() -> None:
    text = ("President Vladimir Putin spoke on Friday. Foreign Minister Sergei Lavrov said talks "
            "would go on.\nHe said the coalition knows where the camps are.")
    got = one(text, "He said the coalition knows where the camps are.")
    assert (got.kind, got.speaker, got.role) == ("indirect", "Sergei Lavrov", "Foreign Minister")


@pytest.mark.parametrize("description, expected", [
    ("the Russian diplomat", "Sergey Ryabkov"),  # a diplomat ~ a (deputy) foreign minister
    ("the Russian president", "Vladimir Putin"),
])
def test_a_role_description_is_the_named_person_whose_role_fits(description: str, expected: str) -> None:
    text = ("President Vladimir Putin met envoys.\n" + PROFILE
            + f"“We have our own means,” {description} said.")
    got = one(text, f"“We have our own means,” {description} said.")
    assert (got.kind, got.speaker) == ("quote", expected)


def test_a_named_person_of_a_firm_is_the_person() -> None:
    text = "Hamish Kinnear, a senior analyst, spoke.\n“Prices will rise,” Kinnear of Verisk Maplecroft said."
    got = one(text, "“Prices will rise,” Kinnear of Verisk Maplecroft said.")
    assert (got.kind, got.speaker) == ("quote", "Hamish Kinnear")


def test_an_indefinite_description_stays_unnamed() -> None:
    text = PROFILE + "Talks failed, a senior Russian diplomat has said."
    got = one(text, "Talks failed, a senior Russian diplomat has said.")
    assert (got.kind, got.speaker) == ("indirect", "a senior Russian diplomat")


# --- Quotes ----------------------------------------------------------------------------------------


def test_a_quote_across_sentences_takes_the_speaker_named_at_its_end() -> None:
    text = ("Officials met on Monday.\n“I don’t know how you can share it. We are nowhere near "
            "that point. There is no objective,” said John Kirby, a State Department spokesman.")
    found = by_sentence(text)
    for sentence in ("“I don’t know how you can share it.", "We are nowhere near that point."):
        assert (found[sentence].kind, found[sentence].speaker) == ("quote", "John Kirby")


def test_a_quote_that_opens_after_a_said_keeps_that_speaker() -> None:
    text = (PROFILE + "“We have worked with them,” he said. “Our jets struck targets they named. "
            "We excluded their areas.”\nThe talks resume on Friday.")
    found = by_sentence(text)
    for sentence in ("“Our jets struck targets they named.", "We excluded their areas.”"):
        assert (found[sentence].kind, found[sentence].speaker) == ("quote", "Sergey Ryabkov")
    assert found["The talks resume on Friday."].kind == "reporting"


def test_an_unattributed_quote_paragraph_continues_the_last_speaker() -> None:
    text = (PROFILE + "“The talks failed,” Ryabkov said.\n“I would risk saying more. Which side "
            "are you on?”")
    found = by_sentence(text)
    assert (found["Which side are you on?”"].kind, found["Which side are you on?”"].speaker) == (
        "quote", "Sergey Ryabkov")


def test_scare_quotes_in_the_outlets_own_sentence_are_reporting() -> None:
    got = one("Washington backs \"moderate opposition groups\" in the country.",
              "Washington backs \"moderate opposition groups\" in the country.")
    assert (got.kind, got.speaker) == ("reporting", "Daily Planet")


def test_a_quoted_word_inside_reported_speech_is_reported_speech() -> None:
    got = one(PROFILE + "Ryabkov said the offer was “reliable” and fair.",
              "Ryabkov said the offer was “reliable” and fair.")
    assert (got.kind, got.speaker) == ("indirect", "Sergey Ryabkov")


def test_a_name_inside_a_quote_is_not_its_speaker() -> None:
    got = one(PROFILE + "“If the president wants it, why wait?” one official said.",
              "“If the president wants it, why wait?” one official said.")
    assert (got.kind, got.speaker) == ("quote", "one official")


# --- Transcripts, comments, embedded posts, furniture -----------------------------------------------


def test_a_transcript_label_holds_until_the_next_label() -> None:
    text = ("Putin answered questions on Friday.\nQuestion: Mr President, what next? Will you act?\n"
            "Vladimir Putin: We are taking steps. We act publicly.\n\nWe will go on.\n"
            "Question: And Europe?\nVladimir Putin: Europe follows.")
    found = by_sentence(text)
    assert found["Putin answered questions on Friday."].kind == "reporting"
    assert summary(found["Will you act?"])[:2] == ("transcript", None)
    for sentence in ("Vladimir Putin: We are taking steps.", "We act publicly.", "We will go on.",
                     "Vladimir Putin: Europe follows."):
        assert (found[sentence].kind, found[sentence].speaker) == ("transcript", "Vladimir Putin")
    assert found["Question: And Europe?"].speaker is None


def test_a_single_name_label_is_a_headline_not_a_transcript() -> None:
    text = ("Vladimir Putin: Rebels share intel on targets\nPresident Vladimir Putin spoke on Friday.\n"
            "Troops moved north.")
    found = by_sentence(text)
    headline = found["Vladimir Putin: Rebels share intel on targets"]
    assert (headline.kind, headline.speaker, headline.cue) == ("indirect", "Vladimir Putin", ":")
    assert found["Troops moved north."].kind == "reporting"


def test_reader_comments_start_at_a_comment_header_and_run_to_the_end() -> None:
    text = ("Troops moved north on Monday.\nOfficials said the move was planned.\n"
            "Sunni man wrote: Everyone knows who funds them.\n\nGranny says she didn't know it...\n"
            "The mess was not created by us. We shouldn't have gotten involved.\nReply")
    found = by_sentence(text)
    assert found["Troops moved north on Monday."].kind == "reporting"
    assert found["Officials said the move was planned."].kind == "indirect"
    for sentence in ("Sunni man wrote: Everyone knows who funds them.",
                     "Granny says she didn't know it...", "We shouldn't have gotten involved."):
        assert found[sentence].kind == "comment", sentence
    assert found["Reply"].kind == "furniture"
    # The header names who wrote its own line; the next lines carry no header, so no name.
    assert found["Sunni man wrote: Everyone knows who funds them."].speaker == "Sunni man"
    assert found["Granny says she didn't know it..."].speaker is None
    assert found["We shouldn't have gotten involved."].speaker is None


@pytest.mark.parametrize("header", ["Biden said: “We are giving more.”", "Mnuchin also said:",
                                    "As Nate says: “You don’t get stronger.”",
                                    "Another user wrote: “Back to normal.”",
                                    "President Joe Biden wrote: “We are giving more.”"])
def test_news_quoting_someone_after_a_colon_is_not_a_comment_section(header: str) -> None:
    text = f"Troops moved north on Monday.\n{header}\nThe talks resume on Friday."
    assert not any(a.kind == "comment" for a in attribute(article(text)))


def test_an_embedded_tweet_and_its_signature() -> None:
    text = ("Troops moved north.\nCombat Report: jets fly 107 sorties https://t.co/7QCp "
            "pic.twitter.com/08sT\n— RT (@RT_com) November 13, 2015\nThe talks resume on Friday.")
    found = by_sentence(text)
    tweet = [a for s, a in found.items() if s.startswith("Combat Report")]
    signature = found["— RT (@RT_com) November 13, 2015"]
    assert [(a.kind, a.speaker) for a in tweet + [signature]] == [("embedded", "RT")] * 2
    assert found["The talks resume on Friday."].kind == "reporting"


@pytest.mark.parametrize("line", [
    "Listen Live", "Get short URL", "Read more", "READ MORE: ‘US not interested in defeating ISIS’",
    "11:21 GMT14 August 2020", "Russia Versus ISIL in Syria (618)", "Community standardsDiscussion",
    "Support The Moscow Times!", "Russian Defense Minister Sergei Shoigu Russian Defense Ministry / AP",
    "Syrian conflict, Russian Foreign Ministry, Sergei Ryabkov, Syria, United States, Russia",
    "Posted by EU Times on Oct 8th, 2015 // No Comment", "-- John Fritze",
    "— Jessie Yeung and Sophia Saifi contributed reporting.",
])
def test_page_furniture(line: str) -> None:
    text = f"Troops moved north on Monday.\n{line}\nThe talks resume on Friday."
    found = by_sentence(text)
    assert [a.kind for a in found.values()] == ["reporting", "furniture", "reporting"]


def test_related_headlines_closing_an_article_are_furniture() -> None:
    text = ("Troops moved north on Monday.\nThe talks resume on Friday.\nSyria Versus ISIL (618)\n"
            "Free Syrian Army Ready for Contacts With Russia\n'No-Fly Zone Not on the Agenda'\n"
            "Community standardsDiscussion")
    kinds = [a.kind for a in attribute(article(text))]
    assert kinds == ["reporting", "reporting"] + ["furniture"] * 4


def test_the_outlets_own_voice_is_reporting_by_the_outlet() -> None:
    got = one("The city is one of the last strongholds of the insurgents.",
              "The city is one of the last strongholds of the insurgents.", outlet="Sputnik")
    assert summary(got) == ("reporting", "Sputnik", None, None, None)


# --- The seeds -----------------------------------------------------------------------------------------


def test_seed_000_ryabkov_quote_and_his_unattributed_follow_up() -> None:
    art = seed("000")
    got = seed_sentence(art, "The refusal to share intelligence on terrorists")
    assert summary(got) == ("quote", "Sergey Ryabkov", "Deputy Foreign Minister", "said", None)
    follow = seed_sentence(art, "The question is: which side")
    assert (follow.kind, follow.speaker) == ("quote", "Sergey Ryabkov")
    diplomat = seed_sentence(art, "“There are our own means of reconnaissance.")
    assert (diplomat.kind, diplomat.speaker) == ("quote", "Sergey Ryabkov")
    kirby = seed_sentence(art, "We’re not at that")
    assert (kirby.kind, kirby.speaker, kirby.role) == ("quote", "John Kirby", "State Department spokesman")
    assert seed_sentence(art, "Posted by EU Times").kind == "furniture"


def test_seed_001_furniture_and_ryabkov_via_ria_novosti() -> None:
    art = seed("001")
    got = {art.text[a.start:a.end]: a for a in attribute(art)}
    for line in ("11:21 GMT14 August 2020", "Listen Live", "Get short URL",
                 "Russia Versus ISIL in Syria (618)", "Free Syrian Army Ready for Contacts With Russia",
                 "Syrian conflict, Russian Foreign Ministry, Sergei Ryabkov, Syria, United States, Russia",
                 "Community standardsDiscussion"):
        assert got[line].kind == "furniture", line
    novosti = seed_sentence(art, "“Of course, the fact")
    assert summary(novosti) == ("quote", "Sergei Ryabkov", "Deputy Foreign Minister",
                                "told RIA Novosti", "RIA Novosti")
    for start in ("The diplomat also expressed", "He said that the Russian Air Force",
                  "The United States' reluctance"):
        assert seed_sentence(art, start).speaker == "Sergei Ryabkov", start
    assert Counter(a.kind for a in attribute(art))["reporting"] == 0


def test_seed_002_shoigu_claimed_and_the_guardian_reported() -> None:
    art = seed("002")
    got = seed_sentence(art, "Speaking in an interview with state television on Sunday, Shoigu claimed")
    assert (got.kind, got.speaker, got.role, got.cue) == (
        "indirect", "Sergei Shoigu", "Defense Minister", "claimed")
    assert seed_sentence(art, "He also claimed").speaker == "Sergei Shoigu"
    guardian = seed_sentence(art, "Anti-regime forces have recently made gains")
    assert (guardian.kind, guardian.speaker, guardian.cue) == ("indirect", "The Guardian", "reported")
    assert seed_sentence(art, "Support The Moscow Times!").kind == "furniture"
    assert seed_sentence(art, "Russian Defense Minister Sergei Shoigu Russian Defense Ministry / AP"
                         ).kind == "furniture"


def test_seed_003_comments_are_comments_and_the_interview_is_a_transcript() -> None:
    art = seed("003")
    got = attribute(art)
    start = art.text.index("Sunni man wrote:")
    after = [a for a in got if a.start >= start]
    assert after and all(a.kind == "comment" for a in after)
    before = [a for a in got if a.start < start]
    assert not any(a.kind == "comment" for a in before)
    putin = seed_sentence(art, "However, I pin my hopes")
    assert (putin.kind, putin.speaker) == ("transcript", "Vladimir Putin")
    assert seed_sentence(art, "How do you see the creation").kind == "transcript"
    lavrov = seed_sentence(art, "Lavrov told Channel one")
    assert (lavrov.speaker, lavrov.role, lavrov.via) == ("Sergei Lavrov", "Foreign Minister", "Channel one")
    assert seed_sentence(art, "He also said the coalition").speaker == "Sergei Lavrov"


def test_seed_004_the_fsa_sentence_is_putins() -> None:
    art = seed("004")
    got = seed_sentence(art, "“Russian aviation has conducted several strikes")
    assert (got.kind, got.speaker, got.role) == ("quote", "Vladimir Putin", "President")
    president = seed_sentence(art, "The Russian president also said")
    assert (president.kind, president.speaker) == ("indirect", "Vladimir Putin")
    assert seed_sentence(art, "— RT (@RT_com)").kind == "embedded"
    assert seed_sentence(art, "READ MORE:Putin talks").kind == "furniture"
    assert not any(a.kind == "transcript" for a in attribute(art))


# --- Patterns added by tuning on the dev labels ------------------------------------------------------


@pytest.mark.parametrize("verb", ["recalled", "vowed", "announced", "described", "condemned",
                                  "apologized", "voiced"])
def test_more_reporting_verbs_make_reported_speech(verb: str) -> None:
    text = PROFILE + f"Ryabkov {verb} that Washington had not shared its data."
    got = one(text, f"Ryabkov {verb} that Washington had not shared its data.")
    assert (got.kind, got.speaker, got.cue) == ("indirect", "Sergey Ryabkov", verb)


@pytest.mark.parametrize("sentence", [
    "The Syrian Army announced a major offensive against the rebels.",
    "The United States has repeatedly insisted on the need for a new government.",
    "Deputies responded Monday to the area for a fire that was spreading.",
])
def test_deeds_that_look_like_reporting_verbs_are_reporting(sentence: str) -> None:
    assert one(sentence, sentence).kind == "reporting"


def test_a_headline_verb_is_capitalised() -> None:
    got = one("Russia Accuses U.S. of Failing to Cooperate\nTroops moved.",
              "Russia Accuses U.S. of Failing to Cooperate")
    assert (got.kind, got.speaker) == ("indirect", "Russia")


def test_a_subject_cut_off_by_a_relative_clause_still_speaks() -> None:
    text = ("President Joe Biden spoke on Monday.\n"
            "Biden, who pledged to end the war, later said the troops would come home.")
    got = one(text, "Biden, who pledged to end the war, later said the troops would come home.")
    assert (got.kind, got.speaker) == ("indirect", "Joe Biden")


def test_a_man_who_identified_himself_speaks_under_that_name() -> None:
    sentence = "The man, who identified himself as Cory Allan Martin, said he had found a spider."
    got = one(sentence, sentence)
    assert (got.kind, got.speaker) == ("indirect", "Cory Allan Martin")


def test_a_sentence_split_at_an_abbreviated_title_shares_its_speaker() -> None:
    text = ("The nominee will be a \"beneficiary\" of the policy, Republican Sen. "
            "Roger Wicker of Mississippi said Friday.\n"
            "\"The case is about quotas,\" department Director Dr. Sameer Vohra said at a briefing.")
    found = by_sentence(text)
    # (The splitter no longer ends a sentence at a title before a name: each is one sentence.)
    assert len(found) == 2
    wicker = "The nominee will be a \"beneficiary\" of the policy, Republican Sen. Roger Wicker of Mississippi said Friday."
    assert (found[wicker].kind, found[wicker].speaker) == ("indirect", "Roger Wicker")
    vohra = "\"The case is about quotas,\" department Director Dr. Sameer Vohra said at a briefing."
    assert (found[vohra].kind, found[vohra].speaker) == ("quote", "Sameer Vohra")


def test_a_department_is_not_its_named_spokesman() -> None:
    text = ("“We will not share it,” said John Kirby, a State Department spokesman.\n"
            "But the US State Department said it would not be possible.")
    got = one(text, "But the US State Department said it would not be possible.")
    assert (got.kind, got.speaker) == ("indirect", "US State Department")


def test_a_ministry_of_two_things_is_named_whole_and_its_acronym_is_it() -> None:
    text = ("Shops were raided, a tweet from the Qatari Ministry of Commerce and Industry said (MOCI).\n"
            "“The campaigns resulted in seizures of a number of toys,” MOCI said.")
    found = by_sentence(text)
    first = found["Shops were raided, a tweet from the Qatari Ministry of Commerce and Industry said (MOCI)."]
    assert first.speaker == "Qatari Ministry of Commerce and Industry"
    second = found["“The campaigns resulted in seizures of a number of toys,” MOCI said."]
    assert (second.kind, second.speaker) == ("quote", "Qatari Ministry of Commerce and Industry")


def test_a_short_quoted_phrase_inside_reported_speech_stays_indirect() -> None:
    sentence = ("Vohra said the agency made the vaccine available \"without jumping through the "
                "normal hoops,\" so parents can get their kids vaccinated.")
    got = one("Dr. Sameer Vohra spoke.\n" + sentence, sentence)
    assert (got.kind, got.speaker) == ("indirect", "Sameer Vohra")


def test_a_long_quote_ending_reported_speech_is_a_quote() -> None:
    sentence = ("Ursula von der Leyen said Ukraine deserved the status because it \"has clearly shown "
                "the country's aspiration and determination to live up to European values.\"")
    got = one(sentence, sentence)
    assert got.kind == "quote"


def test_a_pronoun_is_the_person_its_own_sentence_opens_with_past_a_dateline() -> None:
    text = ("Hong Kong (CNN) Chinese leader Xi Jinping gave a speech, in which he decried sanctions.\n"
            "“Blocs bring no peace,” Xi said.")
    found = by_sentence(text)
    assert found["Hong Kong (CNN) Chinese leader Xi Jinping gave a speech, in which he decried sanctions."
                 ].speaker == "Xi Jinping"
    assert found["“Blocs bring no peace,” Xi said."].speaker == "Xi Jinping"


def test_a_definite_description_speaks() -> None:
    got = one("The lighthouse keeper said the beacon was repaired in March.",
              "The lighthouse keeper said the beacon was repaired in March.")
    assert (got.kind, got.speaker) == ("indirect", "The lighthouse keeper")


@pytest.mark.parametrize("line", ["CNN —", "Associated Press"])
def test_a_dateline_or_agency_credit_alone_is_furniture(line: str) -> None:
    found = by_sentence(f"{line}\nTroops moved north on Monday.")
    assert [a.kind for a in found.values()] == ["furniture", "reporting"]


def test_said_according_to_someone_is_the_sayer_through_them() -> None:
    sentence = "Cory Allan Martin said he had found a spider, according to the sheriff's office."
    got = one(sentence, sentence)
    assert (got.kind, got.speaker, got.via) == ("indirect", "Cory Allan Martin", "the sheriff's office")


def test_an_official_from_a_ministry_keeps_the_ministry() -> None:
    sentence = "“We look out for slogans,” said an official from the Ministry of Commerce."
    got = one(sentence, sentence)
    assert (got.kind, got.speaker) == ("quote", "an official from the Ministry of Commerce")


def test_a_statement_speaks_for_the_body_that_issued_it() -> None:
    text = ("The Academy of Motion Picture Arts in a statement issued on Monday condemned the slap.\n"
            "“We condemn the actions,” the statement said.\n"
            "Smith was arrested, according to a probable cause statement from the Utah County Sheriff's Office.")
    found = by_sentence(text)
    assert [(a.kind, a.speaker) for a in found.values()] == [
        ("indirect", "Academy of Motion Picture Arts"), ("quote", "Academy of Motion Picture Arts"),
        ("indirect", "Utah County Sheriff's Office")]


def test_the_source_is_the_source_introduced_earlier() -> None:
    text = ("Leaders considered removing him, according to a source close to the situation.\n"
            "“There were immediate discussions,” the source said.")
    got = one(text, "“There were immediate discussions,” the source said.")
    assert (got.kind, got.speaker) == ("quote", "a source close to the situation")


# --- Patterns that generalise beyond the first dev articles -----------------------------------------


def test_told_names_the_listener_not_the_speaker_and_an_appositive_needs_no_article() -> None:
    sentence = "“Prices will rise,” Mark Stone, senior economist with the Bank of Nowhere, told CNN."
    got = one(sentence, sentence)
    assert (got.kind, got.speaker, got.cue, got.via) == ("quote", "Mark Stone", "told CNN", "CNN")


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("The fire spread quickly, police said.", "police"),
    ("A witness said the car was red.", "A witness"),
    ("Local health authorities have noted that cases are rising.", "Local health authorities"),
])
def test_unnamed_groups_and_witnesses_speak(sentence: str, speaker: str) -> None:
    got = one(sentence, sentence)
    assert (got.kind, got.speaker) == ("indirect", speaker)


def test_a_time_between_the_speaker_and_the_verb() -> None:
    sentence = "Governor Ann Lee on Wednesday announced the closure of all schools."
    got = one(sentence, sentence)
    assert (got.kind, got.speaker, got.role) == ("indirect", "Ann Lee", "Governor")


@pytest.mark.parametrize("sentence", ["Trains run according to the schedule.",
                                      "Cases rose 5%, according to the latest data."])
def test_according_to_a_plan_or_data_is_nobody_speaking(sentence: str) -> None:
    assert one(sentence, sentence).kind == "reporting"


def test_according_to_an_abbreviated_name_and_a_named_report() -> None:
    found = by_sentence("The talks stalled, according to U.S. officials.\n"
                        "The dam leaked, according to an Acme Times report.")
    assert [(a.kind, a.speaker) for a in found.values()] == [("indirect", "U.S. officials"),
                                                             ("indirect", "Acme Times")]


def test_a_relative_clause_is_not_the_speakers_sentence_but_a_speech_in_which_is() -> None:
    text = ("Governor Ann Lee spoke on Monday.\nThe jets that Lee has said are needed did not arrive.\n"
            "She gave a speech in which she said the jets would come.")
    found = by_sentence(text)
    assert [(a.kind, a.speaker) for a in found.values()] == [
        ("reporting", "Daily Planet"), ("reporting", "Daily Planet"), ("indirect", "Ann Lee")]


def test_a_participle_speaks_for_the_sentences_subject_but_adding_a_number_does_not() -> None:
    found = by_sentence("City officials closed the park on Monday, saying it was unsafe.\n"
                        "Texas broke its record, adding 85,000 cases.")
    assert [(a.kind, a.speaker, a.cue) for a in found.values()] == [
        ("indirect", "City officials", "saying"), ("reporting", "Daily Planet", None)]


def test_a_person_of_an_organisation_described_by_a_relative_clause_speaks() -> None:
    text = ("Emma Stone of the nonprofit Bee Trust, which counts bees, said hives are failing.\n"
            "“Bees are dying,” she said.")
    assert [(a.kind, a.speaker) for a in by_sentence(text).values()] == [("indirect", "Emma Stone"),
                                                                          ("quote", "Emma Stone")]


@pytest.mark.parametrize("line", ["A plan to save bees:Last year, farmers tried something new",
                                  "Get the Daily Planet's weekly newsletter Sign up here."])
def test_teasers_and_newsletter_promotions_are_furniture(line: str) -> None:
    assert one(line + "\nThe bees returned.", line).kind == "furniture"


def test_a_verb_of_finding_reports_only_with_a_that_clause() -> None:
    found = by_sentence("Governor Ann Lee estimates that half the bees have died.\n"
                        "Lee estimated the damage at $5 million.")
    assert [(a.kind, a.speaker) for a in found.values()] == [("indirect", "Ann Lee"), ("reporting", "Daily Planet")]


def test_an_acronym_the_article_spells_out_is_the_full_name() -> None:
    text = ("The Metropolitan Transportation Authority cut services.\n"
            "“We run what trains we can,” the MTA wrote on Twitter.")
    got = one(text, "“We run what trains we can,” the MTA wrote on Twitter.")
    assert (got.kind, got.speaker) == ("quote", "Metropolitan Transportation Authority")


def test_a_person_with_age_and_town_before_a_relative_clause_speaks() -> None:
    sentence = "Jane Roe, 60, of Springfield, who attended the meeting, said most people were angry."
    assert (one(sentence, sentence).kind, one(sentence, sentence).speaker) == ("indirect", "Jane Roe")


def test_a_cue_that_ends_the_sentence_says_who_speaks_all_of_it() -> None:
    text = ("Mara Quill spoke to reporters on Friday. The harbour board officially informed the ferry "
            "companies of the closure in good time, she said.")
    said = one(text, "The harbour board officially informed the ferry companies of the closure in good time, she said.")
    assert (said.kind, said.speaker, said.cue) == ("indirect", "Mara Quill", "said")


def test_a_colon_inside_a_link_is_not_a_teaser() -> None:
    line = "The keeper said visitors should [click](javascript:alert(1)) for the timetable."
    assert one(line, line).kind == "indirect"


def test_a_description_in_the_lead_is_the_person_named_next_and_stays_anonymous_later() -> None:
    text = ("Harbour talks stall, a senior Norwegian diplomat has said.\n"
            "Deputy Foreign Minister Ola Berg said the talks had stalled.\n"
            "The ferry left at noon. The tide was high. Gulls circled the pier for hours.\n"
            "Fishermen unloaded cod and haddock onto the quay while the rain kept falling.\n"
            "The harbour board met again on Friday and discussed the fishing quotas at length.\n"
            "Later that day the mayor opened a new quay for the coastal express boats.\n"
            "A senior Norwegian diplomat said the quotas were unfair.")
    found = by_sentence(text)
    assert found["Harbour talks stall, a senior Norwegian diplomat has said."].speaker == "Ola Berg"
    assert found["A senior Norwegian diplomat said the quotas were unfair."].speaker == "A senior Norwegian diplomat"


# --- Rules v9: organisations, oral histories, owners, page furniture ---------------------------


def test_the_company_is_the_organisation_named_lately() -> None:
    text = ("Cinemark announced that it will close its theaters. Moviegoers in Redding loved Cinemark.\n\n"
            "Cinemark also will not bill monthly fees, the company said.\n\n"
            "It added that gift cards stay valid.")
    assert one(text, "Cinemark also will not bill monthly fees, the company said.").speaker == "Cinemark"
    assert one(text, "It added that gift cards stay valid.").speaker == "Cinemark"


def test_a_description_holding_a_bodys_words_is_that_body() -> None:
    text = ("The Tsunami Science and Technology Advisory Panel published a report on Monday.\n\n"
            "Doctors were not asked.\n\n"
            "The advisory panel said that warning centers must coordinate better.")
    got = one(text, "The advisory panel said that warning centers must coordinate better.")
    assert got.speaker == "Tsunami Science and Technology Advisory Panel"


def test_a_common_word_opening_a_sentence_is_no_organisation() -> None:
    # "Doctors" opens its sentence but the article never capitalises it elsewhere.
    text = "Doctors removed the gallbladder.\n\nThe company said it was investigating."
    assert one(text, "The company said it was investigating.").speaker != "Doctors"


def test_it_without_an_organisation_that_spoke_is_nobody() -> None:
    text = "The storm hit the coast on Monday.\n\nIt said nothing about the damage, officials noted later."
    assert one(text, "It said nothing about the damage, officials noted later.").speaker != "It"


def test_the_sheriff_is_the_sheriff_the_article_named() -> None:
    text = ("Lauderdale County Sheriff Rick Singleton told CNN the search goes on.\n\n"
            "Deputies found the car on Monday, the sheriff said.")
    got = one(text, "Deputies found the car on Monday, the sheriff said.")
    assert got.speaker == "Rick Singleton" and got.role.endswith("Sheriff")


def test_an_owner_before_a_name_is_not_part_of_it() -> None:
    text = "New York Magazine's Helen Shaw wrote that the show falters."
    assert one(text, text).speaker == "Helen Shaw"


def test_a_broadcasters_name_in_capitals_stays_whole() -> None:
    text = "Royal aides hope the visit goes well, said ITV News."
    assert one(text, text).speaker == "ITV News"


def test_adding_to_something_is_no_speech() -> None:
    text = "Thousands of migrants reached the border, adding to the administration's challenges."
    assert one(text, text).kind == "reporting"


def test_an_oral_history_gives_each_turn_its_speaker_and_the_writers_lines_to_the_outlet() -> None:
    text = ("Rick Hite was the police chief. Mark Herrmann was a quarterback.\n\n"
            "Hite: We had off-duty police there.\n\nI had to wake the mayor.\n\n"
            "Herrmann: I was back in Denver.\n\nNobody called me.\n\nHite: The mayor called back.\n\n"
            "Hite was amused when told about the trucks.\n\n"
            "Hite, who got the news by phone: I remember it was a cold day.\n\n"
            "Herrmann: The trucks left at night.")
    assert summary(one(text, "I had to wake the mayor."))[:2] == ("transcript", "Rick Hite")
    assert summary(one(text, "Nobody called me."))[:2] == ("transcript", "Mark Herrmann")
    assert one(text, "Hite was amused when told about the trucks.").kind == "reporting"
    assert summary(one(text, "Hite, who got the news by phone: I remember it was a cold day."))[:2] == (
        "transcript", "Rick Hite")


@pytest.mark.parametrize("line", ["JUST WATCHED Expert explains the eruption video. Replay More Videos ...",
                                  "MUST WATCH Expert explains the eruption video 02:12", "BREAKFAST BROWSE"])
def test_a_video_players_captions_and_section_heads_are_furniture(line: str) -> None:
    found = by_sentence(f"The volcano erupted on Saturday.\n\n{line}\n\nScientists expect more eruptions.")
    assert found["The volcano erupted on Saturday."].kind == "reporting"
    assert [a.kind for s, a in found.items() if s in line] in (["furniture"], ["furniture", "furniture"])


def test_a_name_before_its_description_speaks_through_a_capitalised_title_or_a_relative_clause() -> None:
    # The appositive may open with an organisation's capitals ("NFL senior vice president"),
    # and a description with a relative clause may run up to the verb with no comma.
    text = ("“Injuries fell,” Jeff Stone, NFL senior vice president of health, said on Tuesday.\n\n"
            "“We are seeing a growing culture of safety.”\n\n"
            "“You need land,” Neil Borkan, the bakery owner who will run the Chicago shop told the Daily Planet.")
    got = [(a.kind, a.speaker) for a in by_sentence(text).values()]
    assert got == [("quote", "Jeff Stone"), ("quote", "Jeff Stone"), ("quote", "Neil Borkan")]


@pytest.mark.parametrize("sentence, speaker, cue, via", [
    ("Matovic “defended the purchase” by arguing that it would speed up vaccination, says Deutsche Welle.",
     "Igor Matovic", "arguing", "Deutsche Welle"),
    ("Matovic’s critics had piled on the pressure by also accusing him of “poor communication”, the "
     "German broadcaster adds.", "Matovic’s critics", "accusing", "the German broadcaster"),
    ("Two of the ruling parties - For the People and Freedom and Solidarity - said they would leave the "
     "government, the news site adds.", "For the People and Freedom and Solidarity", "said", "the news site"),
])
def test_an_outlet_passing_on_what_someone_said_is_the_via_not_the_speaker(sentence, speaker, cue, via) -> None:
    text = ("Slovak Prime Minister Igor Matovic has stepped down. His government bought two million doses "
            "of the Sputnik V vaccine. " + sentence)
    got = one(text, sentence)
    assert (got.speaker, got.cue, got.via) == (speaker, cue, via)


def test_a_person_closing_a_sentence_after_another_speaker_speaks_himself() -> None:
    text = "Foreign Minister Sergey Lavrov met his guest. Putin said the talks went well, Lavrov added."
    got = one(text, "Putin said the talks went well, Lavrov added.")
    assert (got.speaker, got.cue) == ("Sergey Lavrov", "added")


@pytest.mark.parametrize("sentence, speaker", [
    ("Company officials think that a stiffer drink might pad the receipts.", "Company officials"),
    ("Amnesty International denounced the arrests as a crackdown on dissent.", "Amnesty International"),
    ("She found luck using the delivery app, but said it was scary.", "Kaity Jacobsen"),
])
def test_opinions_denunciations_and_a_second_verb_report_their_subjects_speech(sentence, speaker) -> None:
    text = "Kaity Jacobsen, a mother of one, looked for formula. " + sentence
    got = one(text, sentence)
    assert (got.kind, got.speaker) == ("indirect", speaker)


@pytest.mark.parametrize("sentence, speaker", [
    ("Owners should stop driving the vans, according to Fjord Motors' announcement.", "Fjord Motors"),
    ("The average price stood at $3.54, according to figures AAA collected from gas stations.", "AAA"),
    ("Both lots came from one plant, according to the company statement.", "Fjord Motors"),
])
def test_according_to_a_document_is_according_to_whose_document_it_is(sentence: str, speaker: str) -> None:
    text = "Fjord Motors recalled 260 vans built by Fjord Motors in Oslo, the company said. " + sentence
    assert one(text, sentence).speaker == speaker


def test_a_described_spokesman_speaks_and_he_goes_on_speaking() -> None:
    text = ("Prince Harry has repaid the money used to renovate his home. A spokesman for the couple said "
            "Monday that the money had been repaid. He said the cottage will remain their home.")
    found = by_sentence(text)
    first, second = found["A spokesman for the couple said Monday that the money had been repaid."], found[
        "He said the cottage will remain their home."]
    assert first.speaker == second.speaker == "A spokesman for the couple"


@pytest.mark.parametrize("sentence, speaker", [
    ("Kloza believes the national average will likely reach $4 a gallon.", "Tom Kloza"),
    ("Kloza expects that record to fall by May.", "Tom Kloza"),
    ("If you are owed a refund, experts suggest filing as soon as possible.", "experts"),
    ("But she did not answer when asked whether she believes prices will fall.", None),
])
def test_a_view_or_an_expectation_with_its_clause_is_reported_speech(sentence: str, speaker: str | None) -> None:
    text = "Tom Kloza, an oil analyst, spoke to reporters on Friday. " + sentence
    got = one(text, sentence)
    assert (got.kind, got.speaker) == (("indirect", speaker) if speaker else ("reporting", "Daily Planet"))


# --- Rules v15: found by a tester on 25 unseen news-dev articles ---------------------------------


def test_a_name_before_a_word_starting_like_a_particle_is_registered_whole() -> None:
    # "Ned Price de|flected", "Kamala Harris al|so": "de" and "al" are particles only as words.
    text = ("Agency spokesperson Tom Price deflected questions about the visit, calling it a \"hypothetical\". "
            "\"I will not be giving advice from this podium,\" Price said.")
    found = by_sentence(text)
    first = found["Agency spokesperson Tom Price deflected questions about the visit, calling it a \"hypothetical\"."]
    assert (first.kind, first.speaker, first.cue) == ("indirect", "Tom Price", "calling")
    assert found["\"I will not be giving advice from this podium,\" Price said."].speaker == "Tom Price"


def test_she_after_an_opening_clause_is_the_subject_it_introduced() -> None:
    text = ("Setting out her plans as national coach, Anna Velde was sure of one thing. "
            "\"Three tournaments are enough,\" she said on Thursday.")
    assert one(text, "\"Three tournaments are enough,\" she said on Thursday.").speaker == "Anna Velde"


@pytest.mark.parametrize("text, sentence, speaker, role", [
    ("\"We have a plan,\" Club Chief Baseball Officer Chaim Bloom said.",
     "\"We have a plan,\" Club Chief Baseball Officer Chaim Bloom said.", "Chaim Bloom", "Club Chief Baseball Officer"),
    ("When Hillside Fire Chief Henry Calder arrived, the field was burning. \"We went up there to save him,\" "
     "Calder said.", "\"We went up there to save him,\" Calder said.", "Henry Calder", "Hillside Fire Chief"),
    ("The party chose Rishi Sunak and Foreign Secretary Liz Truss as finalists. Sunak said he would win.",
     "Sunak said he would win.", "Rishi Sunak", None),
    ("The party chose Rishi Sunak and Foreign Secretary Liz Truss as finalists. Truss said she would win.",
     "Truss said she would win.", "Liz Truss", "Foreign Secretary"),
])
def test_a_title_holds_neither_a_sentences_opening_word_nor_the_name_before_and(text, sentence, speaker, role) -> None:
    got = one(text, sentence)
    assert (got.speaker, got.role) == (speaker, role)


def test_a_company_named_with_a_title_word_is_no_titled_person() -> None:
    text = "General Motors said demand is strong. General Milley said the drill went well. Milley left."
    found = by_sentence(text)
    assert (found["General Motors said demand is strong."].speaker,
            found["General Motors said demand is strong."].role) == ("General Motors", None)
    assert found["General Milley said the drill went well."].speaker == "Milley"


def test_according_to_a_statement_by_a_team_posted_somewhere_is_the_team() -> None:
    sentence = ("The singer fainted from the heat, according to a statement by his management team posted "
                "on his official page.")
    assert one("The singer played in Detroit. " + sentence, sentence).speaker == "his management team"


def test_in_a_statement_after_the_verb_is_said_by_the_subject_not_the_place_before_it() -> None:
    sentence = "Actress Lena Hart thanked the crew for filming in Scotland, in a statement released Wednesday."
    got = one("The studio shelved the film. " + sentence, sentence)
    assert got.speaker != "Scotland"


def test_a_sentence_opening_with_a_quoted_term_after_a_quote_is_the_writers() -> None:
    text = ("\"Our kids don't need to be repaired,\" Mayor Greg Fisher said. \"They need to be loved.\" "
            "\"Conversion therapy\" tries to change a person's orientation and has been condemned by doctors.")
    found = by_sentence(text)
    assert found["\"They need to be loved.\""].speaker == "Greg Fisher"
    narration = found["\"Conversion therapy\" tries to change a person's orientation and has been condemned by doctors."]
    assert (narration.kind, narration.speaker) == ("reporting", "Daily Planet")


def test_two_named_people_after_their_description_speak_together() -> None:
    sentence = "\"Moonfall\" directors Adil Arbi and Bilal Fallah said they were shocked by the news."
    got = one("The studio shelved the film. " + sentence, sentence)
    assert (got.speaker, got.role) == ("Adil Arbi and Bilal Fallah", "directors")


def test_a_possessive_is_no_part_of_a_registered_name() -> None:
    text = "Protesters marched after Attica Stone's arrest. Stone said she would keep marching."
    assert one(text, "Stone said she would keep marching.").speaker == "Attica Stone"


def test_an_organisation_named_with_for_the_inside_is_whole() -> None:
    sentence = "The International Union for the Conservation of Nature said the butterfly is endangered."
    assert one("Butterflies are in decline. " + sentence, sentence).speaker == \
        "International Union for the Conservation of Nature"


@pytest.mark.parametrize("text, speaker, role", [
    ("\"We will act,\" Fed Chair Jerome Powell said.", "Jerome Powell", "Fed Chair"),
    ("The image is the deepest yet, NASA Administrator Bill Nelson said.", "Bill Nelson", "NASA Administrator"),
])
def test_chair_and_administrator_are_titles(text: str, speaker: str, role: str) -> None:
    got = one(text, text)
    assert (got.speaker, got.role) == (speaker, role)


@pytest.mark.parametrize("sentence, kind, speaker", [
    ("Officials in southwestern Virginia say dozens of people are missing.", "indirect",
     "Officials in southwestern Virginia"),
    ("A source familiar with the conversation on Thursday told reporters that the deal was off.", "indirect",
     "A source familiar with the conversation"),
    ("Boris Jonson has been described as a Teflon leader for surviving every crisis.", "reporting", "Daily Planet"),
])
def test_a_group_by_its_place_a_source_by_what_it_knows_and_no_speaker_for_a_passive(sentence, kind, speaker) -> None:
    text = "Flooding hit West Virginia and the county on Tuesday. " + sentence
    got = one(text, sentence)
    assert (got.kind, got.speaker) == (kind, speaker)


@pytest.mark.parametrize("text, sentence, speaker, role", [
    # A sentence opening with "He" has him for its subject, not the person he speaks of.
    ("Ada Corwin protested on Friday. He has called Lena Moss an \"ignorant child\" and "
     "in 2018 he told LBC that the report was wrong.", "He has called Lena Moss an \"ignorant child\" and in 2018 he "
     "told LBC that the report was wrong.", "Ada Corwin", None),
    ("Barthélémy Aguerre, the firm's chief executive, said: \"I don't apologize.\" Later Aguerre said he was sorry.",
     "Later Aguerre said he was sorry.", "Barthélémy Aguerre", "chief executive"),
    ("The accounts are held at Credit Suisse bank, the paper reported. The bank has said it \"strongly rejects\" "
     "the allegations.", "The bank has said it \"strongly rejects\" the allegations.", "Credit Suisse", None),
    ("Rain hit the county. In the county, Hurley called the situation a \"dire, catastrophic situation.\"",
     "In the county, Hurley called the situation a \"dire, catastrophic situation.\"", "Hurley", None),
    ("Keeper of the Privy Purse Michael Stevens said the palace needs repairs.",
     "Keeper of the Privy Purse Michael Stevens said the palace needs repairs.", "Michael Stevens",
     "Keeper of the Privy Purse"),
])
def test_rules_v19_speakers_from_a_third_testers_articles(text, sentence, speaker, role) -> None:
    got = one(text, sentence)
    assert (got.speaker, got.role) == (speaker, role)



@pytest.mark.parametrize("text, sentence, speaker, role", [
    ("Tony Roulstone from the University of Cambridge's Department of Engineering told CNN that fusion is far off.",
     "Tony Roulstone from the University of Cambridge's Department of Engineering told CNN that fusion is far off.",
     "Tony Roulstone", None),
    # A clause after a name and a comma is no role: Goodell's title is not Penner's.
    ("Carrie Walton Penner, and her husband, Greg Penner, were introduced by NFL Commissioner Roger Goodell. "
     "\"It is too early,\" Greg Penner said.", "\"It is too early,\" Greg Penner said.", "Greg Penner", None),
])
def test_rules_v20_a_person_from_an_organisation_and_no_role_from_a_clause(text, sentence, speaker, role) -> None:
    got = one(text, sentence)
    assert (got.speaker, got.role) == (speaker, role)


def test_an_acronym_opening_a_role_is_no_clause() -> None:
    text = "“Authorities responded swiftly,” said Matshidiso Moeti, WHO regional director for Africa."
    assert one(text, text).role == "WHO regional director for Africa"


@pytest.mark.parametrize("sentence, speaker", [
    ("Although Martin Sheen said the show was over, fans waited.", "Martin Sheen"),
    ("What Abbott said on Friday was that the bill would pass.", "Abbott"),
])
def test_a_sentence_opener_is_no_part_of_a_speakers_name(sentence: str, speaker: str) -> None:
    assert one("Fans gathered in Austin. " + sentence, sentence).speaker == speaker


def test_her_family_is_the_family_of_the_person_last_named_and_they_is_the_body_that_spoke() -> None:
    text = ("Mara Quill, who ran the harbour museum for 30 years, has died at 81.\n\n"
            "Her family said Quill “loved every ship that came in”.\n\n"
            "“She never missed a launch,” they added.")
    said = one(text, "Her family said Quill “loved every ship that came in”.")
    assert said.speaker == "family of Mara Quill"
    assert one(text, "“She never missed a launch,” they added.").speaker == "family of Mara Quill"
    # "they" that speaks inside a sentence of the writer's is nobody's words to resolve.
    assert one("Officials raided the shops, where they announced fines.",
               "Officials raided the shops, where they announced fines.").speaker != "family of Mara Quill"


@pytest.mark.parametrize(("text", "sentence", "speaker", "role"), [
    # A modal verb opening a sentence is no first name ("Should England" had become a speaker).
    ("Harbour pundit Ola Berg said he felt proud. Should Norway win the cup, the ferries will sail late.\n\n"
     "“Whatever happens in the final, the girls must play,” he said.",
     "“Whatever happens in the final, the girls must play,” he said.", "Ola Berg", "Harbour pundit"),
    ("“He is two-faced,” said Supervisor Ivo Brand.", "“He is two-faced,” said Supervisor Ivo Brand.",
     "Ivo Brand", "Supervisor"),
    ("County Recorder Mara Quill said the count was fair.", "County Recorder Mara Quill said the count was fair.",
     "Mara Quill", "County Recorder"),
])
def test_rules_v23_no_modal_verb_in_a_name_and_local_offices_as_titles(text, sentence, speaker, role) -> None:
    said = one(text, sentence)
    assert (said.speaker, said.role) == (speaker, role)


@pytest.mark.parametrize(("text", "sentence", "speaker"), [
    # "McCarthy" is a name (a capital after "Mc"), "Minority" part of his title, and "the
    # Republican leader" the leader named: a party says nothing against the role.
    ("House Minority Leader Kevin McCarthy, a California Republican, wrote that he had seen enough.\n\n"
     "“The harbour office has reached an intolerable state,” the Republican leader wrote.",
     "“The harbour office has reached an intolerable state,” the Republican leader wrote.", "Kevin McCarthy"),
    # Where a company is based is no part of its name: the airline is the one named lately.
    ("JetBlue and Frontier say a merger would create a low-fare airline. Frontier criticized that notion.\n\n"
     "“A takeover would lead to higher fares,” the Denver-based airline said in a statement.",
     "“A takeover would lead to higher fares,” the Denver-based airline said in a statement.", "Frontier"),
])
def test_rules_v25_a_description_by_party_or_base_is_the_one_named(text, sentence, speaker) -> None:
    assert one(text, sentence).speaker == speaker


@pytest.mark.parametrize(("text", "sentence", "speaker"), [
    # The splitter ends a sentence at a middle initial: both halves are one, and his.
    ("“Students can prepare with fewer constraints,” Harbour College President Ivo K. Brand said in a statement.",
     "“Students can prepare with fewer constraints,” Harbour College President Ivo K.", "Ivo K. Brand"),
    # A lawmaker named with his party after a relative clause's verb, then "said Sunday".
    ("It is not fair to blame the chief, who officials say made the decision, state Sen. Ola Berg, D-Tromso, "
     "said Sunday.\n\n“Everybody failed here,” he said.", "“Everybody failed here,” he said.", "Ola Berg"),
    # An analyst's title is no part of his name.
    ("“The delays cost lives,” said CNN Law Enforcement Analyst Ivo Brand.",
     "“The delays cost lives,” said CNN Law Enforcement Analyst Ivo Brand.", "Ivo Brand"),
    # A family's name in a spokesperson's description is not the speaker.
    ("Mara Quill was freed on Tuesday.\n\n“It is meaningless,” said Quill family spokesperson Ola Berg.",
     "“It is meaningless,” said Quill family spokesperson Ola Berg.", "Ola Berg"),
])
def test_rules_v26_initials_parties_analysts_and_family_spokespeople(text, sentence, speaker) -> None:
    assert one(text, sentence).speaker == speaker


def test_a_role_given_where_a_person_speaks_names_him_for_a_description_later() -> None:
    text = ("The team must bring her home, Griner's Mercury head coach Mara Quill said.\n\n"
            "“The question is, would a star be home?” the coach said.")
    assert one(text, "“The question is, would a star be home?” the coach said.").speaker == "Mara Quill"


@pytest.mark.parametrize(("text", "sentence", "speaker"), [
    # A middle initial the splitter ended a sentence at goes on into the surname, and so does a title.
    ("“You could never say he was illogical,” says Peter T. Quill, a professor of history.",
     "“You could never say he was illogical,” says Peter T.", "Peter T. Quill"),
    ("“Not all of them can handle it,” said Dr. Lisa Vell, chief medical officer for Harbour Health, said.",
     "“Not all of them can handle it,” said Dr. Lisa Vell, chief medical officer for Harbour Health, said.",
     "Lisa Vell"),
    # A description of lower-case words after the verb ends in the name.
    ("“The household will bear the burden,” said RSM chief economist Joe Brand.",
     "“The household will bear the burden,” said RSM chief economist Joe Brand.", "Joe Brand"),
    # The verb first, the speaker before a colon.
    ("Ola Berg called it an honour.\n\nSaid Patriots owner Robert Quill: “Words cannot describe it.”",
     "Said Patriots owner Robert Quill: “Words cannot describe it.”", "Robert Quill"),
    # Two apostrophes close a quote in some wire copy.
    ("“Our fares will be equally competitive,'' JetBlue President Ann Vell said in an interview.",
     "“Our fares will be equally competitive,'' JetBlue President Ann Vell said in an interview.", "Ann Vell"),
])
def test_rules_v28_initials_titles_descriptions_after_the_verb_and_wire_quotes(text, sentence, speaker) -> None:
    assert one(text, sentence).speaker == speaker


def test_arguing_with_someone_is_a_deed_not_speech() -> None:
    text = "Ann Vell argues with umpire Ivo Brand during her final match in 2018."
    assert one(text, text).kind == "reporting"
    said = "Ann Vell argues that the rules are unfair."
    assert one(said, said).speaker == "Ann Vell"


def test_cautioning_against_a_thing_is_speech() -> None:
    text = "But Vell cautions against imports, reminding families that they are not reviewed."
    assert (one(text, text).kind, one(text, text).speaker) == ("indirect", "Vell")


def test_rules_v31_a_description_after_the_verb_need_not_be_a_known_title() -> None:
    text = "“The first time I got traded, I cried,” says designated hitter Ola Berg, whose first half was poor."
    assert one(text, text).speaker == "Ola Berg"
    # A time before the name is no description of him.
    text = "“We will win,” said last week Ola Berg."
    assert "week" not in f"{one(text, text).speaker} {one(text, text).role}"


def test_an_outlet_named_with_a_document_word_is_the_outlet() -> None:
    text = "The Washington Post reported Thursday that the files were among the items."
    assert one(text, text).speaker in ("The Washington Post", "Washington Post")
    text = "An IndyStar report said the talks failed."
    assert one(text, text).speaker == "IndyStar"  # a report by an outlet the list does not know


@pytest.mark.parametrize(("text", "sentence", "speaker"), [
    # A title abbreviation inside a description after the verb (rules v33).
    ("“I'm really pleased,” said committee member Dr. Ola Berg, of the vaccine program at Harbour Hospital.",
     "“I'm really pleased,” said committee member Dr. Ola Berg, of the vaccine program at Harbour Hospital.",
     "Ola Berg"),
    # A sentence does not end at "U.S." before a titled name and its verb.
    ("“We have wildfires the size of Rhode Island,” U.S. House Speaker Mara Quill said Saturday.",
     "“We have wildfires the size of Rhode Island,” U.S. House Speaker Mara Quill said Saturday.", "Mara Quill"),
])
def test_rules_v33_titles_and_country_initials_the_splitter_ended_at(text, sentence, speaker) -> None:
    assert one(text, sentence).speaker == speaker
    first = by_sentence(text)
    assert all(a.speaker == speaker for a in first.values()), first


def test_speech_going_on_is_a_cue() -> None:
    text = "Harbour critics have been warning the board was leaning toward closure."
    assert (one(text, text).kind, one(text, text).speaker) == ("indirect", "Harbour critics")
    text = "Ola Berg has been arguing that the harbour is too small."
    assert one(text, text).speaker == "Ola Berg"


def test_rules_v35_in_someones_opinion_is_their_view_reported() -> None:
    text = ("Mara Quill reviewed the statue for the Harbour Times.\n\n"
            "In Quill’s opinion, the sculptor should “certainly have been local”, not a stranger. "
            "Ola Berg wrote that it was kitsch. In his view, the garden outshines it. In the end, the statue stays.")
    opinion = one(text, "In Quill’s opinion, the sculptor should “certainly have been local”, not a stranger.")
    assert (opinion.kind, opinion.speaker) == ("indirect", "Mara Quill")
    assert one(text, "In his view, the garden outshines it.").speaker == "Ola Berg"
    assert one(text, "In the end, the statue stays.").kind == "reporting"


def test_rules_v36_an_organisation_cut_after_its_countrys_initials_goes_on() -> None:
    text = ("Ola Berg, former chief of the U.S. Harbour Police who also served as the port's warden, described "
            "Wednesday’s protests as unprecedented.\n\n“It’s dangerous,” Berg said.")
    second = one(text, "Ola Berg, former chief of the U.S. Harbour Police who also served as the port's warden, "
                       "described Wednesday’s protests as unprecedented.")
    assert (second.kind, second.speaker) == ("indirect", "Ola Berg")
    # The role reads on past the initials.
    assert "U.S. Harbour Police" in (one(text, "“It’s dangerous,” Berg said.").role or "")


def test_rules_v37_by_telling_someone_is_speech() -> None:
    text = "Defence Secretary Ola Berg later backed this by telling Harbour Radio that the ferries were unsafe."
    assert (one(text, text).kind, one(text, text).speaker) == ("indirect", "Ola Berg")


def test_rules_v38_a_quote_alone_on_its_line_is_the_next_lines_dashed_speakers() -> None:
    text = ("Ferries ran late all week.\n\nTODAY'S QUOTE\n\n"
            "\"We have not yet seen how bad this season is going to get.\"\n\n"
            "-- Former harbour adviser Ola Berg, on the ferries running late.")
    quote = one(text, "\"We have not yet seen how bad this season is going to get.\"")
    assert (quote.kind, quote.speaker) == ("quote", "Ola Berg")
    assert one(text, "Ferries ran late all week.").kind == "reporting"


def test_rules_v39_a_description_then_the_name_it_describes_between_commas() -> None:
    text = "Norway’s ambassador to the islands, Ola Berg, said from the harbour it was time to close the route."
    assert (one(text, text).kind, one(text, text).speaker) == ("indirect", "Ola Berg")


@pytest.mark.parametrize(("text", "speaker"), [
    # "according to" a description, then the name it describes.
    ("The ferry can reach the reef in an hour, according to the company that builds the engines, HarbourWorks.",
     "HarbourWorks"),
    ("Ferry traffic fell by half, according to the chief of the harbour authority, Ola Berg.", "Ola Berg"),
    # An adverb between the name and the verb.
    ("Harbour’s head Mara Quill first announced the closure earlier Thursday in an interview.", "Mara Quill"),
])
def test_rules_v40_according_to_a_description_then_its_name_and_a_first_between(text: str, speaker: str) -> None:
    assert one(text, text).speaker == speaker


def test_rules_v42_according_to_a_reporter_the_people_he_cites_speak() -> None:
    text = ("According to Ola Berg of the Harbour Herald, officials have stated the pier is closed “because of the "
            "storms.”")
    label = one(text, text)
    assert (label.kind, label.speaker, label.via) == ("indirect", "officials", "Ola Berg of the Harbour Herald")
    # Whom "according to" cites still speaks when nobody else does after it.
    text = "According to Ola Berg of the Harbour Herald, the pier is closed."
    assert one(text, text).speaker == "Ola Berg"
