"""`rag eval`: retrieval recall, answer accuracy, citation precision, refusals, latency."""

from __future__ import annotations

import json
import re
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from .cite import teller
from .errors import RagError
from .pipeline import Pipeline
from .settings import Settings
from .types import Filter
from .text import normalise_answer

RETRIEVERS = ("hybrid", "dense", "lexical")
KS = (1, 2, 3, 5, 10)


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    answers: tuple[str, ...]
    gold_ids: tuple[str, ...]
    unanswerable: bool
    choices: tuple[str, ...] = ()
    kind: str | None = None  # what it asks for ("date", "said", ...), where the file says
    date: str | None = None  # the day it was asked (news-dev's quiz week), where the file says

    @property
    def asked(self) -> str:
        """The question as the user would pose it; quiz choices are part of the question."""
        if not self.choices:
            return self.question
        return f"{self.question} Options: {'; '.join(self.choices)}."


def load_questions(path: Path) -> list[Question]:
    questions = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise RagError(f"cannot read questions file {path}: {exc.strerror}") from exc
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            answers = row.get("answers") or ([row["answer"]] if row.get("answer") else [])
            unanswerable = bool(row.get("unanswerable", False))
            if not unanswerable and not answers:
                raise KeyError("answer")
            questions.append(Question(str(row.get("id", lineno)), row["question"], tuple(answers),
                                      tuple(row.get("gold_ids", ())), unanswerable,
                                      tuple(row.get("choices", ())), row.get("kind"),
                                      str(row["date"]).replace("/", "-") if row.get("date") else None))
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            raise RagError(f"{path}:{lineno}: bad question line ({type(exc).__name__}: {exc})") from exc
    if not questions:
        raise RagError(f"{path} holds no questions")
    return questions


def quantiles(values: Sequence[float], digits: int = 1) -> dict[str, float]:
    if not values:
        return {"p50": 0.0, "p95": 0.0}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50": round(statistics.median(ordered), digits), "p95": round(p95, digits)}


def retrieval_metrics(pipeline: Pipeline, questions: Sequence[Question], mode: str,
                      where: Filter | None = None, as_of: str | None = None) -> dict:
    """Recall@k (a passage of a gold article among the top k) and MRR over answerable questions,
    searched as `rag ask` would (the question's time, the filter, the --as-of day). With a
    filter, only questions with a gold article inside it count."""
    ranks, times = [], []
    retriever = pipeline.current_retriever()
    inside = retriever.reader.article_ids(where) if where else None
    for q in questions:
        if q.unanswerable or not q.gold_ids or (inside is not None and not inside & set(q.gold_ids)):
            continue
        t = time.perf_counter()
        scope = pipeline.scope(q.asked, where, q.date if as_of == "question" else as_of, retriever)
        passages = retriever.retrieve(q.asked, max(KS), mode, where=scope.within, prefer=scope.prefer)
        times.append((time.perf_counter() - t) * 1000)
        hit = next((i for i, p in enumerate(passages, start=1) if p.article_id in q.gold_ids), None)
        ranks.append(hit)
    n = len(ranks) or 1
    out = {f"recall@{k}": round(sum(1 for r in ranks if r and r <= k) / n, 4) for k in KS}
    out["mrr"] = round(sum(1 / r for r in ranks if r) / n, 4)
    out["questions"] = len(ranks)
    out["retrieve_ms"] = quantiles(times)
    return out


def answer_metrics(pipeline: Pipeline, questions: Sequence[Question], llm: str, mode: str,
                   progress: bool | None = None, where: Filter | None = None,
                   as_of: str | None = None) -> tuple[dict, list[dict]]:
    rows = []
    for q in tqdm(questions, desc=f"answering ({llm})", unit="q", disable=True if progress is False else None):
        t = time.perf_counter()
        answer = pipeline.ask(q.asked, llm=llm, mode=mode, where=where,
                              as_of=q.date if as_of == "question" else as_of)
        total_ms = (time.perf_counter() - t) * 1000
        text = normalise_answer(answer.text)
        correct = (not answer.refused) and any(normalise_answer(a) in text for a in q.answers)
        good_cites = sum(1 for c in answer.citations if c.supported and c.article_id in q.gold_ids)
        rows.append({
            "id": q.id, "unanswerable": q.unanswerable, "refused": answer.refused, "kind": q.kind,
            "conflicts": len(answer.conflicts),
            "correct": correct, "citations": len(answer.citations), "good_citations": good_cites,
            "supported_citations": sum(c.supported for c in answer.citations),
            "answer": answer.text, "timings": answer.timings.__dict__, "total_ms": total_ms,
        })
    answerable = [r for r in rows if not r["unanswerable"]]
    unanswerable = [r for r in rows if r["unanswerable"]]
    cites = sum(r["citations"] for r in answerable)
    metrics = {
        "accuracy": round(sum(r["correct"] for r in answerable) / max(1, len(answerable)), 4),
        "citation_precision": round(sum(r["good_citations"] for r in answerable) / cites, 4) if cites else None,
        "citations_supported": round(sum(r["supported_citations"] for r in rows)
                                     / max(1, sum(r["citations"] for r in rows)), 4),
        "refusal_rate_unanswerable": round(sum(r["refused"] for r in unanswerable) / len(unanswerable), 4)
        if unanswerable else None,
        "false_refusal_rate": round(sum(r["refused"] for r in answerable) / max(1, len(answerable)), 4),
        # On questions whose articles agree, a reported conflict is a false alarm.
        "conflict_rate": _share(sum(bool(r["conflicts"]) for r in rows if not r["refused"]),
                                sum(not r["refused"] for r in rows)),
        "refused_by_kind": {
            kind: {"unanswerable": _share(sum(r["refused"] for r in unanswerable if r["kind"] == kind),
                                          sum(r["kind"] == kind for r in unanswerable)),
                   "answerable": _share(sum(r["refused"] for r in answerable if r["kind"] == kind),
                                        sum(r["kind"] == kind for r in answerable))}
            for kind in sorted({r["kind"] for r in rows if r["kind"]})},
        "latency_ms": {
            stage: quantiles([r["timings"][f"{stage}_ms"] for r in rows])
            for stage in ("retrieve", "generate", "first_token")
        } | {"total": quantiles([r["total_ms"] for r in rows])},
    }
    return metrics, rows


def markdown(report: dict) -> str:
    lines = [f"# rag eval: {report['questions_file']}", "",
             f"{report['questions']} questions ({report['unanswerable']} unanswerable), "
             f"{report['index']['articles']} articles / {report['index']['chunks']} chunks.", "",
             "| retriever | " + " | ".join(f"R@{k}" for k in KS) + " | MRR | retrieve p50/p95 ms |",
             "|---|" + "---|" * (len(KS) + 2)]
    for mode, m in report["retrieval"].items():
        lat = m["retrieve_ms"]
        lines.append(f"| {mode} | " + " | ".join(f"{m[f'recall@{k}']:.3f}" for k in KS)
                     + f" | {m['mrr']:.3f} | {lat['p50']} / {lat['p95']} |")
    lines += ["", "| backend | accuracy | citation precision | refused (unanswerable) | "
              "false refusals | conflicts reported | first token p50/p95 ms | total p50/p95 ms |",
              "|---|---|---|---|---|---|---|---|"]
    for llm, m in report["answers"].items():
        ft, tot = m["latency_ms"]["first_token"], m["latency_ms"]["total"]
        lines.append(f"| {llm} | {m['accuracy']:.3f} | {m['citation_precision']} | "
                     f"{m['refusal_rate_unanswerable']} | {m['false_refusal_rate']:.3f} | {m['conflict_rate']} | "
                     f"{ft['p50']} / {ft['p95']} | {tot['p50']} / {tot['p95']} |")
    for llm, m in report["answers"].items():
        if m["refused_by_kind"]:
            lines += ["", f"Refused by question kind ({llm}): unanswerable / answerable", ""] + [
                f"- {kind}: {r['unanswerable']} / {r['answerable']}" for kind, r in m["refused_by_kind"].items()]
    return "\n".join(lines) + "\n"


def plot(report: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
    for mode, m in report["retrieval"].items():
        ax.plot(KS, [m[f"recall@{k}"] for k in KS], marker="o", label=mode)
    ax.set_xlabel("k (passages)")
    ax.set_ylabel("recall@k (gold article retrieved)")
    ax.set_title(f"Retrieval recall: {Path(report['questions_file']).name}")
    ax.set_ylim(0, 1.02)
    ax.set_xticks(KS)
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def run_eval(pipeline: Pipeline, questions_file: Path, llms: Sequence[str], mode: str,
             out_dir: Path, where: Filter | None = None, as_of: str | None = None) -> dict:
    """Every metric over a questions file; `where` and `as_of` as `rag ask` takes them, and
    `as_of="question"` reads each question as of its own `date`."""
    questions = load_questions(questions_file)
    reader = pipeline.reader
    report = {
        "questions_file": str(questions_file), "questions": len(questions),
        "unanswerable": sum(q.unanswerable for q in questions),
        "index": {"articles": reader.count_articles(), "chunks": reader.count_chunks()},
        "retriever": mode,
        "filter": where.describe() if where else "",
        "as_of": as_of,
        "retrieval": {m: retrieval_metrics(pipeline, questions, m, where, as_of) for m in RETRIEVERS},
        "answers": {},
    }
    per_question = {}
    for llm in llms:
        report["answers"][llm], per_question[llm] = answer_metrics(pipeline, questions, llm, mode,
                                                                   where=where, as_of=as_of)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "eval.json").write_text(json.dumps(report, indent=2) + "\n")
    (out_dir / "eval-questions.json").write_text(json.dumps(per_question, indent=1) + "\n")
    (out_dir / "eval.md").write_text(markdown(report))
    plot(report, out_dir / "recall.png")
    return report


def attribution_metrics(labels_file: Path, corpora: dict[str, Path], outlets_file: Path | None = None,
                        parser: str = "") -> dict:
    """`rag eval --attribution`: the index-time attribution (the rules, and the spaCy pipeline
    `parser` where they find no cue; "" for the rules alone) against labelled sentences.
    Speaker precision and recall for direct speech (quotes, transcript turns) and indirect
    speech separately, kind accuracy, and outlet/date accuracy per article, by split."""
    from .attribute import attribute, attribution_version
    from .parse import SpeakerParser
    from .ingest import CorpusReader

    rows = _jsonl(labels_file)
    articles = {}
    for name in sorted({r["corpus"] for r in rows} | ({r["corpus"] for r in _jsonl(outlets_file)}
                                                       if outlets_file else set())):
        if name not in corpora:
            raise RagError(f"{labels_file} labels articles of corpus {name!r}: give --articles {name}=PATH")
        reader = CorpusReader(corpora[name], 256 * 2**20)
        stamps, _ = reader.stamps()
        articles[name] = {a.id: a for s in stamps for a in reader.read(s).articles}
    finder = SpeakerParser(parser) if parser else None
    predicted: dict[tuple[str, str], dict[tuple[int, int], object]] = {}
    report: dict = {"attribution_version": attribution_version(finder), "sentences": len(rows)}
    for split in ("dev", "heldout", "all"):
        chosen = [r for r in rows if split == "all" or r.get("split") == split]
        pairs = []
        for r in chosen:
            key = (r["corpus"], r["article_id"])
            if key not in predicted:
                article = articles[r["corpus"]].get(r["article_id"])
                if article is None:
                    raise RagError(f"{labels_file}: no article {r['article_id']!r} in corpus {r['corpus']!r}")
                predicted[key] = {(a.start, a.end): a for a in attribute(article, finder)}
            pairs.append((r, predicted[key].get((r["start"], r["end"]))))
        report[split] = {"sentences": len(pairs),
                         "kind_accuracy": _share(sum(p is not None and p.kind == r["kind"] for r, p in pairs), len(pairs)),
                         "direct": _speaker_scores(pairs, ("quote", "transcript")),
                         "indirect": _speaker_scores(pairs, ("indirect",))}
    if outlets_file is not None:
        outlets = _jsonl(outlets_file)
        found = [(r, articles[r["corpus"]].get(r["article_id"])) for r in outlets]
        report["articles"] = {
            "articles": len(found),
            # "USA Today" is USA TODAY: the name, not its capitals, is what attribution gets right.
            "outlet_accuracy": _share(sum(a is not None and (a.outlet or "").casefold() == (r["outlet"] or "").casefold()
                                          for r, a in found), len(found)),
            "date_accuracy": _share(sum(a is not None and a.date == r["date"] for r, a in found), len(found))}
    return report


def _speaker_scores(pairs: list, kinds: tuple[str, ...]) -> dict:
    """Precision: of the sentences predicted as `kinds` with a speaker, how many name the
    labelled speaker; recall: of those labelled as `kinds` with a speaker, how many get him."""
    said = [(r, p) for r, p in pairs if p is not None and p.kind in kinds and p.speaker]
    gold = [(r, p) for r, p in pairs if r["kind"] in kinds and r.get("speaker")]
    right = sum(same_speaker(r.get("speaker"), p.speaker) for r, p in said)
    found = sum(p is not None and same_speaker(r["speaker"], p.speaker) for r, p in gold)
    return {"precision": _share(right, len(said)), "recall": _share(found, len(gold)),
            "predicted": len(said), "labelled": len(gold)}


def same_speaker(gold: str | None, said: str | None) -> bool:
    """The same person: equal names, or the same last name ("Sergei"/"Sergey" Shoigu, with or
    without "II" or "Jr." after it); a surname alone is also the first word of a name written
    surname first ("Liu" Junyan)."""
    if not gold or not said:
        return False
    g, s = normalise_answer(gold), normalise_answer(said)
    if not g or not s:  # a name of articles and punctuation only ("The")
        return gold.strip().lower() == said.strip().lower()
    g, s = _without_generation(g), _without_generation(s)
    return g == s or g.split()[-1] == s.split()[-1] or len(g.split()) == 1 == len(s.split()) - 1 and g == s.split()[0]


def _without_generation(name: str) -> str:
    """A name without a generation after it: "art rooney ii" is "art rooney" ("jr", "sr" too)."""
    return re.sub(r"(?<=\w) (?:ii|iii|iv|jr|sr)$", "", name)


def _share(n: int, d: int) -> float | None:
    return round(n / d, 4) if d else None


def _jsonl(path: Path) -> list[dict]:
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise RagError(f"cannot read {path}: {exc}") from exc


def attribution_question_metrics(pipeline: Pipeline, questions_file: Path, llm: str) -> dict:
    """Accuracy on "who said", "what did X say about Y", "which outlet" questions and near
    misses (X is in the articles, but not on Y): an answer is right when it names the right
    speaker or outlet and holds the content; a near miss is right when it gives nobody's
    words under X's name (refusing, as it should, or quoting only others as others)."""
    rows = _jsonl(questions_file)
    scored = []
    for q in rows:
        answer = pipeline.ask(q["question"], llm=llm)
        said = [c for c in answer.citations if c.supported]
        text = normalise_answer(answer.text)
        if q["kind"] == "near_miss":
            right = not any(same_speaker(q["not_speaker"], c.speaker) for c in said) and (
                answer.refused or normalise_answer(q["not_speaker"]) not in text)
        else:
            holds = not q.get("answers") or any(normalise_answer(a) in text for a in q["answers"])
            # "commenter": any reader's comment (most name no commenter), never an official. The
            # journalist a speaker told is who reported it ("Which journalist reported that officials
            # ...?": "According to Bill Gertz of the Free Beacon, officials have stated ...").
            who = not q.get("speaker") or any(
                c.kind == "comment" if q["speaker"] in ("commenter", "reader") else same_speaker(q["speaker"], c.speaker)
                or q["kind"] == "who" and c.via is not None
                and same_speaker(q["speaker"], teller(c.via))
                for c in said)
            where = not q.get("outlet") or normalise_answer(q["outlet"]) in text
            right = not answer.refused and holds and who and where
        scored.append({"id": q["id"], "kind": q["kind"], "split": q.get("split"), "right": right,
                       "refused": answer.refused, "answer": answer.text, "notice": answer.notice})
    report: dict = {}
    for split in ("dev", "heldout", "all"):
        chosen = [r for r in scored if split == "all" or r["split"] == split]
        report[split] = {"questions": len(chosen),
                         "accuracy": _share(sum(r["right"] for r in chosen), len(chosen))} | {
            kind: _share(sum(r["right"] for r in chosen if r["kind"] == kind),
                         sum(r["kind"] == kind for r in chosen))
            for kind in ("who", "what_did_x_say", "which_outlet", "near_miss")}
    report["per_question"] = scored
    return report


def conflict_metrics(rows_file: Path, corpora: dict[str, Path], question_files: dict[str, list[Path]],
                     settings: Settings, llm: str, work: Path, progress: bool | None = None) -> dict:
    """`rag eval --conflicts`: counterfactual copies of gold articles, the answer swapped for
    a false value and published under another outlet, each added to an index of its corpus
    in turn (incrementally, as a user would add it) and the question asked. A row is flagged
    when the answer reports a conflict with the gold value on one side and the false value
    on another; it cites both sides when its citations hold the copy and another article."""
    import shutil

    from .ingest import CorpusReader
    from .sync import Indexer

    rows = _jsonl(rows_file)
    questions: dict[tuple[str, str], Question] = {}
    for name, files in question_files.items():
        for path in files:
            questions |= {(name, q.id): q for q in load_questions(path)}
    scored = []
    for name in sorted({r["set"] for r in rows}):
        if name not in corpora:
            raise RagError(f"{rows_file} has rows of corpus {name!r}: give --articles {name}=PATH")
        corpus = work / name / "corpus"
        if not corpus.exists():
            corpus.mkdir(parents=True)
            source = corpora[name]
            if source.is_dir():
                shutil.copytree(source, corpus, dirs_exist_ok=True)
            else:
                shutil.copy(source, corpus / source.name)
        reader = CorpusReader(corpora[name], 256 * 2**20)
        stamps, _ = reader.stamps()
        articles = {a.id: a for s in stamps for a in reader.read(s).articles}
        local = settings.model_copy(update={"corpus": corpus, "index": work / name / "index"})
        pipeline = Pipeline(local, fallback=False)
        indexer = Indexer(local, pipeline.embedder, progress=progress, on_message=lambda m: None)
        copy = corpus / "counterfactual.jsonl"
        for r in tqdm([r for r in rows if r["set"] == name], desc=f"conflicts ({name})", unit="q",
                      disable=True if progress is False else None):
            question = questions.get((name, r["question_id"]))
            article = articles.get(r["article_id"])
            if question is None or article is None:
                raise RagError(f"{rows_file}: row {r['id']} names an unknown question or article; "
                               f"give --question-set {name}=FILE")
            false = r["replacements"] if "replacements" in r else [question.choices[r["replacement_choice"]]] * len(r["spans"])
            text, title = article.text, article.title
            for (start, end), value in sorted(zip(r["spans"], false), reverse=True):
                title = title.replace(article.text[start:end], value)  # a headline naming the value too
                text = text[:start] + value + text[end:]
            copy.write_text(json.dumps({"id": f"counterfactual-{r['id']}", "title": title, "text": text,
                                         "outlet": r["outlet"], "date": r["date"]}) + "\n")
            indexer.sync()
            pipeline.refresh()
            answer = pipeline.ask(question.asked, llm=llm)
            gold = {normalise_answer(article.text[a:b]) for a, b in r["spans"]}
            wrong = {normalise_answer(v) for v in false}
            flagged = any(_sides(c, gold, wrong) for c in answer.conflicts)
            cited = {c.article_id for c in answer.citations if c.supported}
            both = flagged and f"counterfactual-{r['id']}" in cited and len(cited) > 1
            scored.append({"id": r["id"], "set": name, "split": r.get("split"), "kind": r.get("kind"),
                           "flagged": flagged, "cites_both": both, "refused": answer.refused,
                           "conflicts": [{"about": c.about, "values": [v.value for v in c.values]}
                                         for c in answer.conflicts],
                           "answer": answer.text})
        copy.unlink(missing_ok=True)
        indexer.sync()
    report: dict = {}
    for split in ("dev", "heldout", "all"):
        chosen = [r for r in scored if split == "all" or r["split"] == split]
        report[split] = {"rows": len(chosen),
                         "flagged": _share(sum(r["flagged"] for r in chosen), len(chosen)),
                         "cites_both": _share(sum(r["cites_both"] for r in chosen), len(chosen))} | {
            name: _share(sum(r["flagged"] for r in chosen if r["set"] == name), sum(r["set"] == name for r in chosen))
            for name in sorted({r["set"] for r in scored})}
    report["per_row"] = scored
    return report


def _sides(conflict, gold: set[str], wrong: set[str]) -> bool:
    """Whether the conflict has the gold value on one side and the false one on another (a
    value matches when it is, holds, or is held by one of the forms)."""
    def matches(value: str, forms: set[str]) -> bool:
        value = normalise_answer(value)
        return any(f and (f in value or value in f) for f in forms)
    return any(matches(x.value, gold) and matches(y.value, wrong)
               for x in conflict.values for y in conflict.values if x is not y)
