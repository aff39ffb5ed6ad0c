"""The parser behind the attribution rules (rag/parse.py): asked only where the rules find no
cue, it fills the speaker from spaCy's dependency parse; off, missing or broken, it says so."""

from __future__ import annotations

import json
import threading

import pytest

from rag.attribute import ATTRIBUTION_VERSION, attribute, attribution_version
from rag.errors import RagError
from rag.ingest import make_article
from rag.parse import SpeakerParser
from rag.settings import Settings
from rag.sync import Indexer
from rag.types import SpeakerPhrase

from .fakes import HashEmbedder

PARSER = Settings.model_fields["attribution_parser"].default
# Made up. The rules find no subject before "told"/"said" in the first two (a possessive, a
# participle phrase); the third they read themselves; the fourth holds no reporting word.
TEXT = ("Harbour lights go dark\n\n"
        "The lighthouse keeper's daughter told reporters the lamp had failed twice.\n"
        "Several fishermen interviewed on Monday said the lamp had been dim for weeks.\n"
        "Mayor Ann Lee said the town would pay for it.\n"
        "The harbour was closed for a week.")


def labels(finder=None) -> dict[str, tuple]:
    art = make_article("t", TEXT, "t.txt", title="Harbour lights go dark", outlet="Daily Planet")
    return {art.text[a.start:a.end][:20]: (a.kind, a.speaker, a.cue) for a in attribute(art, finder)}


class Asked:
    """A finder that records what it is asked and finds nobody."""

    version = "asked-1"

    def __init__(self):
        self.sentences: list[str] = []

    def speakers(self, sentences, quoted):
        self.sentences += sentences
        return [None] * len(sentences)


def test_only_sentences_without_a_rules_cue_that_hold_a_common_reporting_word_are_parsed() -> None:
    asked = Asked()
    assert labels(asked) == labels()  # finding nobody changes nothing
    assert [s[:20] for s in asked.sentences] == ["The lighthouse keepe", "Several fishermen in"]


def test_the_parser_fills_the_speakers_the_rules_miss() -> None:
    rules, filled = labels(), labels(SpeakerParser(PARSER))
    assert rules["The lighthouse keepe"] == ("reporting", "Daily Planet", None)
    assert filled["The lighthouse keepe"] == ("indirect", "The lighthouse keeper's daughter", "told")
    assert rules["Several fishermen in"] == ("reporting", "Daily Planet", None)
    assert filled["Several fishermen in"] == ("indirect", "Several fishermen", "said")
    for sentence in ("Mayor Ann Lee said t", "The harbour was clos"):  # as the rules had them
        assert filled[sentence] == rules[sentence]


def test_the_finder_reads_outside_quotes_and_names_the_listener() -> None:
    parser = SpeakerParser(PARSER)
    sentence = "“The minister said nothing,” the harbour master told the Daily Planet."
    found = parser.speakers([sentence, sentence], [[], [(0, sentence.index("”") + 1)]])
    assert found[1] == SpeakerPhrase("the harbour master", "told", "the Daily Planet")
    assert parser.speakers(["The harbour was closed."], [[]]) == [None]


def test_two_threads_parse_as_one_does() -> None:
    parser = SpeakerParser(PARSER)
    sentences = [f"The keeper number {i} told reporters the lamp had failed." for i in range(40)]
    alone = parser.speakers(sentences, [[]] * len(sentences))
    got: list = [None, None]

    def run(k: int) -> None:
        got[k] = parser.speakers(sentences, [[]] * len(sentences))

    threads = [threading.Thread(target=run, args=(k,)) for k in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == [alone, alone]


def test_an_empty_setting_gives_the_rules_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAG_ATTRIBUTION_PARSER", "")
    indexer = Indexer(Settings(), HashEmbedder(), progress=False, on_message=lambda m: None)
    assert indexer.parser is None and attribution_version(indexer.parser) == ATTRIBUTION_VERSION
    on = Indexer(Settings(attribution_parser=PARSER), HashEmbedder(), progress=False).parser
    assert attribution_version(on).startswith(f"{ATTRIBUTION_VERSION}+en_core_web_sm")
    assert attribution_version(on).endswith("+spacy-3.8.18")


def test_a_missing_parser_stops_the_sync_with_one_line_naming_the_setting(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT)
    settings = Settings(corpus=corpus, index=tmp_path / "index", attribution_parser="no_such_pipeline")
    with pytest.raises(RagError, match="RAG_ATTRIBUTION_PARSER=''") as err:
        Indexer(settings, HashEmbedder(), progress=False, on_message=lambda m: None).sync()
    assert "\n" not in str(err.value) and "no_such_pipeline" in str(err.value)
    assert not (tmp_path / "index").exists()  # checked before anything is written


def test_a_broken_pipeline_folder_says_it_does_not_load(tmp_path) -> None:
    folder = tmp_path / "pipeline"
    folder.mkdir()
    with pytest.raises(RagError, match="no readable meta.json"):
        SpeakerParser(str(folder))
    (folder / "meta.json").write_text(json.dumps({"lang": "en", "name": "broken", "version": "0.1"}))
    parser = SpeakerParser(str(folder))  # described without loading
    assert parser.version.startswith("en_broken-0.1+spacy-")
    with pytest.raises(RagError, match="does not load .*RAG_ATTRIBUTION_PARSER=''") as err:
        parser.speakers(["He said so."], [[]])
    assert "\n" not in str(err.value)


class Says:
    """A finder that reads every sentence as its given phrase."""

    version = "says-1"

    def __init__(self, phrase: SpeakerPhrase):
        self.phrase = phrase

    def speakers(self, sentences, quoted):
        return [self.phrase] * len(sentences)


@pytest.mark.parametrize("sentence, phrase", [
    ("Beds filled up, according to the latest data.", SpeakerPhrase("the latest data", "according to")),
    ("On Tuesday the army announced a major offensive.", SpeakerPhrase("the army", "announced")),
    ("The United States has insisted on a change of course.", SpeakerPhrase("The United States", "insisted")),
])
def test_what_the_rules_know_is_no_one_speaking_the_parser_does_not_make_speech(sentence, phrase) -> None:
    art = make_article("t", sentence, "t.txt", title="T", outlet="Daily Planet")
    assert [a.kind for a in attribute(art, Says(phrase))] == ["reporting"]

