"""Answers that say who says what, where and when: on the seed articles, real model."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from rag.cite import SupportScorer, attribution_phrase, in_marks, quote_runs, render, verify
from rag.pipeline import Pipeline
from rag.settings import Settings
from rag.sync import Indexer
from rag.types import Citation, Sentence

from .conftest import SEEDS, check_near_miss, check_what_did_x_say, check_which_outlet, check_who, run_rag


@pytest.fixture
def pipeline(settings: Settings, embedder) -> Pipeline:
    Indexer(settings, embedder, progress=False, on_message=lambda m: None).sync()
    return Pipeline(settings.model_copy(update={"llm": "extractive"}), embedder)


def test_a_quote_says_who_said_it_in_which_outlet_and_stays_verbatim(pipeline: Pipeline) -> None:
    answer = pipeline.ask("What did Ryabkov say about the US refusal to share intelligence?")
    # (His reported words may lead: "..., a senior Russian diplomat has said" is his statement too.)
    first = next(s for s in answer.sentences if "EU Times" in s.attribution and " said, in " in s.attribution)
    assert first.attribution.startswith("Sergey Ryabkov (Deputy Foreign Minister) said, in EU Times (2015-10-08)")
    citation = next(c for c in answer.citations if c.supported and c.quote == first.text)
    assert (citation.speaker, citation.speaker_role, citation.kind) == (
        "Sergey Ryabkov", "Deputy Foreign Minister", "quote")
    assert (citation.outlet, citation.date) == ("EU Times", "2015-10-08")
    # Ours, then the article's words (with the same speaker's next sentences in one quote).
    assert f'{first.attribution} "{first.text}' in answer.text
    quote = answer.text.split(f'{first.attribution} "', 1)[1].split('" [', 1)[0]
    assert quote.startswith(first.text) and quote.endswith("which side are you fighting for in this war?\u201d")


def test_an_interviewers_question_is_not_the_outlets_reporting() -> None:
    turn = Citation(1, "a", "Talk", "a.txt", 0, 9, "Question: Why?", True, "RT", "2015-11-13", kind="transcript")
    assert attribution_phrase(turn) == "An interview turn with no named speaker, in RT (2015-11-13):"
    assert attribution_phrase(Citation(1, "a", "Talk", "a.txt", 0, 9, "It rained.", True, "RT", None,
                                       kind="reporting")) == "RT reports:"
    # Furniture answers only a question about the page, and says it is the page, not the reporting.
    assert attribution_phrase(Citation(1, "a", "Talk", "a.txt", 0, 9, "Ferries Resume (12)", True, "RT", None,
                                       kind="furniture")) == (
        "From the page around RT, not its reporting (a headline, link or caption):")


def test_whom_a_speaker_told_is_in_the_attribution() -> None:
    told = Citation(1, "a", "Talk", "a.txt", 0, 9, "“We will fight,” Berg told Interfax.", True, "Sputnik", None,
                    "Ola Berg", "Mayor", "quote", via="Interfax")
    assert attribution_phrase(told) == "Ola Berg (Mayor) told Interfax, in Sputnik:"
    reported = Citation(**{**told.__dict__, "kind": "indirect", "via": "state television"})
    assert attribution_phrase(reported) == "Ola Berg (Mayor), to state television, as reported in Sputnik:"


def test_sentences_in_a_row_by_one_speaker_are_one_quote() -> None:
    said = "Vladimir Putin said, in RT:"
    text = render([Sentence("One.", (1,), True, said), Sentence("Two.", (1,), True, said),
                   Sentence("Three.", (2,), True, said), Sentence("Ours.", (2,), True, "")])
    assert text == 'Vladimir Putin said, in RT: "One. Two." [1] Vladimir Putin said, in RT: "Three." [2] Ours. [2]'
    # An unsupported sentence is never folded into a supported quote: its flag stays its own.
    runs = quote_runs([Sentence("One.", (1,), True, said), Sentence("Two.", (1,), False, said)])
    assert [len(r) for r in runs] == [1, 1]
    # Nor is a headline (no full stop) run into the sentence after it.
    runs = quote_runs([Sentence("Putin: FSA shares intel", (1,), True, said), Sentence("Two.", (1,), True, said)])
    assert [len(r) for r in runs] == [1, 1]


def test_a_quote_whose_speaker_is_named_in_the_sentence_before_gets_his_name(pipeline: Pipeline) -> None:
    answer = pipeline.ask("Who said Russian aviation has conducted several strikes on targets identified by the FSA?")
    assert not answer.refused
    lead, quote = answer.sentences[:2]
    assert lead.ours and lead.text.startswith("Vladimir Putin (President) said it, as reported by RT")
    assert quote.attribution.startswith("Vladimir Putin (President) said, in RT")


def test_who_said_it_names_him_and_every_outlet_that_reports_it(pipeline: Pipeline) -> None:
    answer = pipeline.ask("Who said Russia gets intelligence from a number of other countries and "
                          "coordinates it through the Baghdad center?")
    lead = answer.sentences[0]
    assert lead.ours and lead.text.startswith("Sergey Ryabkov (Deputy Foreign Minister) said it, as reported by")
    assert "EU Times (2015-10-08)" in lead.text and "Sputnik" in lead.text  # the same quote in both
    cited = {c.n: c for c in answer.citations if c.supported and c.n in lead.cites}
    assert {c.outlet for c in cited.values()} == {"EU Times", "Sputnik"}
    assert all(c.speaker.endswith("Ryabkov") for c in cited.values())


def test_which_outlet_names_the_outlet_and_whom_it_cites(pipeline: Pipeline) -> None:
    answer = pipeline.ask("Which newspaper reported that anti-regime forces made gains in Aleppo using suicide bombers?")
    assert answer.sentences[0].text == "Reported by The Moscow Times, which attributes it to The Guardian."
    assert answer.citations[0].outlet == "The Moscow Times"


def test_who_said_a_paraphrased_claim_quotes_the_closest_statement_and_says_it_is_only_that(
        pipeline: Pipeline) -> None:
    answer = pipeline.ask("Who argued that Syrians escaping their country are running from the Islamic State "
                          "rather than from Assad's government?")
    assert answer.sentences[0].text.startswith("The closest statement in meaning is by Vladimir Putin")
    assert "people are not fleeing from the Bashar Assad regime" in answer.text
    assert "in these words" in answer.notice
    # A claim reversed is not what its denial says: Shoigu said Washington had not informed Russia.
    assert pipeline.ask("Who told state television that Russia had given Washington the locations of al-Nusra "
                        "fighters?").refused


def test_the_agency_a_speaker_told_is_the_one_his_quote_names_not_the_dateline(pipeline: Pipeline) -> None:
    # Sputnik's "MOSCOW (Sputnik) – ..., Ryabkov said" opens the article; he told RIA Novosti.
    answer = pipeline.ask("Which Russian news agency did Ryabkov give his comments to, according to Sputnik?")
    assert "Ryabkov told RIA Novosti" in answer.sentences[0].text
    assert answer.citations[0].outlet == "Sputnik" and answer.citations[0].via == "RIA Novosti"
    assert answer.sentences[0].attribution == "Sergei Ryabkov (Deputy Foreign Minister) told RIA Novosti, in Sputnik:"


def test_what_did_x_say_searches_xs_own_statements_too(pipeline: Pipeline) -> None:
    # The passage holding Lavrov's Channel One statement matches the question worse than five others.
    answer = pipeline.ask("What was Lavrov's take on the coalition's air operations in Syria?")
    assert not answer.refused and "Lavrov told Channel one" in answer.sentences[0].text
    assert answer.sentences[0].attribution.startswith("Sergei Lavrov (Foreign Minister), to Channel one,")


def test_who_is_a_name_answers_with_the_role_the_articles_give_him(pipeline: Pipeline) -> None:
    # A two-word question's vector is far from every passage (cosines under 0.1): the name decides.
    answer = pipeline.ask("Who is Kirby?")
    assert not answer.refused and "State Department spokesman John Kirby" in answer.sentences[0].text
    assert pipeline.ask("Who is Angela Merkel?").refused


def test_when_an_article_was_published_is_its_dated_metadata_or_a_refusal_saying_so(pipeline: Pipeline) -> None:
    answer = pipeline.ask("When was the EU Times piece on Ryabkov posted?")
    assert not answer.refused and answer.sentences[0].ours
    assert answer.sentences[0].text.startswith("EU Times published \u201cWashington\u2019s failure")
    # With the date as the cited line writes it, to check ours by.
    assert answer.sentences[0].text.endswith("on 2015-10-08 (\u201cOct 8th, 2015\u201d on its page).")
    assert "Oct 8th, 2015" in answer.citations[0].quote
    assert (answer.citations[0].outlet, answer.citations[0].date) == ("EU Times", "2015-10-08")
    assert any(c.speaker == "Sergey Ryabkov" for c in answer.claims)  # who says what in those passages
    # Asked tersely, far from every passage in meaning (cosines under 0.3), it names the article.
    terse = pipeline.ask("EU Times post date for the Ryabkov story on intel sharing?")
    assert terse.sentences[0].text == answer.sentences[0].text
    # RT's page carries no date: nothing is guessed.
    undated = pipeline.ask("On what date did RT publish the story about Putin and the Free Syrian Army?")
    assert undated.refused and undated.notice == "RT gives no date of publication."
    # A report an article mentions is not the article.
    other = pipeline.ask("When was the Pentagon report on the ISIS training camps published?")
    assert other.refused and "not when the report asked about was" in other.notice


def test_what_did_x_say_quotes_his_statements_on_y_not_only_his_summary(pipeline: Pipeline) -> None:
    answer = pipeline.ask("What did Shoigu say about the moderate opposition and suicide bombers?")
    said = [c for c in answer.citations if c.supported]
    assert said and all(c.speaker == "Sergei Shoigu" for c in said)
    assert any("explosives" in c.quote for c in said)  # the point, in the quote after his summary
    # "U.S." ends a sentence for the splitter; what follows is still about the corridors.
    kerry = pipeline.ask("What did John Kerry say about the humanitarian corridors in Aleppo?")
    assert not kerry.refused and "ruse" in kerry.text
    assert all(c.speaker == "John Kerry" for c in kerry.citations if c.supported)


def test_what_did_x_say_about_y_never_gives_another_speakers_words(pipeline: Pipeline) -> None:
    near_miss = pipeline.ask("What did Lavrov say about the suicide bomber?")
    assert near_miss.refused and not near_miss.citations
    assert "quote nobody named Lavrov on the suicide bomber" in near_miss.notice
    assert "Sergei Shoigu" in near_miss.notice  # who does speak about it
    assert any(c.speaker == "Sergei Shoigu" and "suicide" in c.quote for c in near_miss.claims)
    own = pipeline.ask("What did Lavrov say about the coalition?")
    assert not own.refused
    assert all(c.speaker == "Sergei Lavrov" for c in own.citations if c.supported)
    assert all(c.kind != "comment" for c in own.citations)


def test_a_name_asked_about_is_a_topic_only_where_it_is_named(pipeline: Pipeline) -> None:
    # Lavrov's "the terrorist army ... in Syria" holds two of the Free Syrian Army's three words.
    near_miss = pipeline.ask("What Lavrov say about the Free Syrian Army?")  # (as a learner asks it)
    assert near_miss.refused and "quote nobody named Lavrov on the Free Syrian Army" in near_miss.notice
    assert "Vladimir Putin" in near_miss.notice and "Sergei Lavrov" not in near_miss.notice
    own = pipeline.ask("What did Putin say about the Free Syrian Army?")
    assert not own.refused and "worked together with the Free Syrian Army" in own.text


def test_a_claim_naming_a_three_word_name_is_held_only_where_it_is_named(pipeline: Pipeline) -> None:
    # Ryabkov's "The United States' reluctance to share intelligence with Russia ..." holds "Syria"
    # (of the Free Syrian Army) and most of the claim's words, but not its subject.
    answer = pipeline.ask("Who said the Free Syrian Army had refused to share intelligence with Russia?")
    assert not any(c.speaker and "Ryabkov" in c.speaker for c in answer.citations if c.supported), answer.text


def test_a_model_sentence_that_names_the_wrong_speaker_is_not_supported(pipeline: Pipeline) -> None:
    question = "What did Putin say about the Free Syrian Army?"
    passages = pipeline.retriever.retrieve(question, 5)
    scorer = SupportScorer.from_index(pipeline.embedder, passages, pipeline.reader)
    rt = next(n for n, p in enumerate(passages, start=1) if p.article_id.startswith("004"))
    right = "Putin said Russia has been cooperating with the Free Syrian Army, which shared intelligence."
    wrong = "The Russian diplomat said Russia has been cooperating with the Free Syrian Army, which shared intelligence."
    sentences, _ = verify(f"{right} [{rt}] {wrong} [{rt}]", scorer, 0.7, 0.6)
    assert [s.supported for s in sentences] == [True, False]


def test_reader_comments_are_labelled_and_furniture_is_never_quoted(pipeline: Pipeline) -> None:
    answer = pipeline.ask("Which countries have gone against US wishes on the coalition?")
    for s, c in ((s, c) for s in answer.sentences for c in answer.citations if c.quote == s.text and c.supported):
        assert c.kind != "furniture"
        if c.kind == "comment":
            assert s.attribution.startswith("A reader comment")
    furniture = pipeline.ask("Listen Live Get short URL")
    assert not any(c.kind == "furniture" for c in furniture.citations)


def test_ask_json_carries_speaker_kind_outlet_and_date(corpus) -> None:
    out = json.loads(run_rag("ask", "What did Shoigu say about the moderate opposition?", "--llm", "extractive",
                             "--json", check=True).stdout)
    cited = [c for c in out["citations"] if c["supported"]]
    assert cited and cited[0]["speaker"] == "Sergei Shoigu" and cited[0]["outlet"] == "The Moscow Times"
    assert cited[0]["kind"] in ("quote", "indirect")
    assert {p["outlet"] for p in out["passages"]} >= {"The Moscow Times"}
    claims = out["claims"]
    assert claims and {"speaker", "role", "kind", "n", "start", "end", "quote", "outlet", "date", "cue"} == set(claims[0])
    assert any(c["speaker"] == "Sergei Shoigu" for c in claims)
    for c in claims:  # each claim quotes its passage exactly
        p = out["passages"][c["n"] - 1]
        assert p["text"][c["start"] - p["start"]:c["end"] - p["start"]] == c["quote"]


# ---------------------------------------------------------------- each kind, end to end: `rag ask --json`


# One question per kind (tests/data/attribution_questions.jsonl, split "dev", except the near
# miss, which is the README's), each checked the way its kind must be answered.
KINDS = {
    "who": ("Who said the West has begun a smear campaign against Russia over its activities in Syria?",
            lambda out: check_who(out, "Ryabkov", "Sputnik")),
    "what_did_x_say": ("What did Ryabkov say was the purpose of Russia's proposal to exchange intelligence "
                       "with the coalition?",
                       lambda out: check_what_did_x_say(out, "Ryabkov", ("IS infrastructure", "operating against"))),
    "which_outlet": ("Which site posted the story about Washington's failure to share data with Russian "
                     "intelligence on October 8, 2015?", lambda out: check_which_outlet(out, "EU Times")),
    "near_miss": ("What did Lavrov say about the suicide bomber?", lambda out: check_near_miss(out, "Lavrov")),
}


@pytest.fixture(scope="module")
def seeds_index(tmp_path_factory: pytest.TempPathFactory, embedder) -> Path:
    """One index of the seeds for every kind's CLI call (`rag ask` reuses an index it is given)."""
    root = tmp_path_factory.mktemp("seeds-index")
    corpus = root / "corpus"
    shutil.copytree(SEEDS, corpus)
    with pytest.MonkeyPatch.context() as env:  # module scope runs before the hermetic fixture
        for key in [k for k in os.environ if k.startswith("RAG_")]:
            env.delenv(key)
        Indexer(Settings(corpus=corpus, index=root / "index"), embedder, progress=False,
                on_message=lambda m: None).sync()
    return root / "index"


@pytest.mark.parametrize("kind", KINDS)
def test_ask_json_answers_each_attribution_kind(kind: str, seeds_index: Path) -> None:
    question, check = KINDS[kind]
    out = json.loads(run_rag("ask", question, "--index", str(seeds_index), "--llm", "extractive", "--json",
                             check=True).stdout)
    check(out)


def test_who_said_it_names_who_says_the_sentence_holding_it_not_the_first_speaker_quoted(
        tmp_path: Path, embedder) -> None:
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text(
        "Harbour board member resigns after recordings surface\n\n"
        "Ivo Brand, a member of the harbour board, resigned on Tuesday after recordings of his remarks surfaced.\n\n"
        "“The Ivo Brand I knew and worked with for six years was not the Ivo Brand I heard on those tapes,” "
        "board chair Mara Quill said.\n\n"
        "“He is two-faced,” Ola Berg said.\n", encoding="utf-8")
    settings = Settings(corpus=corpus, index=tmp_path / "index", llm="extractive")
    Indexer(settings, embedder, progress=False, on_message=lambda m: None).sync()
    answer = Pipeline(settings, embedder).ask("Who called Ivo Brand two-faced?")
    assert answer.text.startswith("Ola Berg said it"), answer.text
    refused = Pipeline(settings, embedder).ask("Who said Ivo Brand's resignation was 30% misfortune and 70% spite?")
    assert refused.refused and "No retrieved sentence says most of" in refused.notice
    # Two speakers' sentences hold some of it; the answer may quote both, in the article's
    # order, but who said it is who says the one holding it best.
    (corpus / "harbour.txt").write_text(
        "Harbour board weighs the ferry trip\n\n"
        "“We discuss the plans for every trip,” harbour spokesman Ola Berg said.\n\n"
        "“Maybe they feared my plane could be shot down on the trip,” board chair Mara Quill said.\n",
        encoding="utf-8")
    Indexer(settings, embedder, progress=False, on_message=lambda m: None).sync()
    answer = Pipeline(settings, embedder).ask("Who suggested her plane could be shot down on the trip?")
    assert answer.text.startswith("Mara Quill (chair) said it"), answer.text



def test_what_did_x_say_in_the_askers_own_words_quotes_his_closest_statement_and_says_so(pipeline: Pipeline) -> None:
    # No retrieved sentence words "will decide how long Russian forces remain in Syria": his
    # statement closest to it in meaning answers, and the notice says it was chosen so.
    answer = pipeline.ask("What did Putin say will decide how long Russian forces remain in Syria?")
    assert not answer.refused and "depend on the Syrian Army" in answer.text, answer.notice
    assert all(c.speaker == "Vladimir Putin" for c in answer.citations if c.supported)
    assert "closest to it in meaning" in answer.notice
    # A topic nobody words and he says nothing near is still refused, as are topics the
    # passages do word that are not his (the suicide bombers are Shoigu's).
    assert pipeline.ask("What did Putin say about the price of bread in Moscow?").refused
    assert pipeline.ask("What did Putin say about the suicide bombers in Aleppo?").refused


def test_a_quote_that_opens_with_the_articles_own_marks_gets_no_second_pair() -> None:
    said = "Igor Konashenkov said, in EU Times:"
    text = render([Sentence("“The US Air Force hits nothing.", (1,), True, said),
                   Sentence("We know it.”", (1,), True, said)])
    assert text == "Igor Konashenkov said, in EU Times: “The US Air Force hits nothing. We know it.” [1]"
    assert in_marks("Russia acts.") == "“Russia acts.”" and in_marks("“Russia acts.”") == "“Russia acts.”"


def test_a_wire_desks_words_then_who_are_answered_with_their_speaker(pipeline: Pipeline) -> None:
    answer = pipeline.ask("Russian FM on Channel One - coalition knows where ISIS positions are but won't OK strikes. Who?")
    assert not answer.refused and answer.text.startswith("Sergei Lavrov"), answer.text
    answer = pipeline.ask("Russian defense min. on state TV: asked US where moderate opposition is, they couldn't say. "
                          "Attrib.?")
    assert not answer.refused and answer.text.startswith("Sergei Shoigu"), answer.text


def test_a_producers_credit_and_line_questions_are_answered_with_the_speakers_words(pipeline: Pipeline) -> None:
    answer = pipeline.ask("Who do we credit for 'We have asked our [American] colleagues, to please tell us where the "
                          "moderate opposition is'? Need the name for the chyron.")
    assert not answer.refused and answer.text.startswith("Sergei Shoigu"), answer.text
    answer = pipeline.ask("What line does Putin push on refugee crisis in Europe, who does he blame for it?")
    assert not answer.refused and "absolutely expected crisis" in answer.text, answer.text
    assert all(c.speaker == "Vladimir Putin" for c in answer.citations if c.supported)
    answer = pipeline.ask("When Russia asked American colleagues where moderate opposition is, what did Shoigu say was "
                          "their answer?")
    assert not answer.refused and "couldn’t tell us" in answer.text, answer.text
