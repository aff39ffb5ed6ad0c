"""Reading articles of every supported type, and refusing bad ones out loud."""

from __future__ import annotations

import json
from pathlib import Path

from rag.ingest import CorpusReader, decode, guess_title, text_sha256
from rag.text import normalise_article as normalise
from rag.types import Article, Skipped


def read_all(corpus: Path, max_bytes: int = 2**20) -> tuple[list[Article], list[Skipped]]:
    reader = CorpusReader(corpus, max_bytes)
    stamps, skipped = reader.stamps()
    articles: list[Article] = []
    for stamp in stamps:
        result = reader.read(stamp)
        articles += result.articles
        skipped += result.skipped
    return articles, list(skipped)


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF with `text` in Helvetica; offsets in the xref are computed for real."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


HTML = """<html><head><title>Ignored site title</title>
<meta property="og:title" content="Shoigu accuses Washington">
<meta property="article:published_time" content="2015-10-11"></head>
<body><nav>Home | World | Sport | Subscribe</nav><article><h1>Shoigu accuses Washington</h1>
<p>Russian Defense Minister Sergei Shoigu said on Sunday that the United States had not
shared information about the positions of militants in Syria with Moscow.</p>
<p>He told state television that Russia was ready to coordinate with the coalition, and that
military contacts had been limited so far, according to the ministry.</p></article>
<footer>Copyright 2015 Example News. All rights reserved.</footer></body></html>"""


def test_every_supported_type_becomes_an_article(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text("Ryabkov criticises US\n\nSergey Ryabkov said the US goals differ.\n")
    (corpus / "sub" / "b.md").write_text("# Lavrov on coalition goals\n\nLavrov spoke on Sunday.\n")
    (corpus / "c.html").write_text(HTML)
    (corpus / "d.pdf").write_bytes(minimal_pdf("Putin says the Free Syrian Army shares intelligence"))
    (corpus / "e.jsonl").write_text(
        json.dumps({"id": "n1", "title": "T1", "url": "https://x.test/1", "date": "2022-06-17",
                    "text": "First line article."}) + "\n"
        + json.dumps({"text": "No id here, so the id is the file and line."}) + "\n"
    )
    articles, skipped = read_all(corpus)
    assert skipped == []
    by_id = {a.id: a for a in articles}
    assert set(by_id) == {"a.txt", "sub/b.md", "c.html", "d.pdf", "n1", "e.jsonl#2"}
    assert by_id["a.txt"].title == "Ryabkov criticises US"
    assert by_id["sub/b.md"].title == "Lavrov on coalition goals"
    html = by_id["c.html"]
    assert html.title == "Shoigu accuses Washington" and html.date == "2015-10-11"
    assert "positions of militants" in html.text
    assert "Subscribe" not in html.text and "Copyright" not in html.text
    assert "Free Syrian Army" in by_id["d.pdf"].text
    n1 = by_id["n1"]
    assert (n1.title, n1.source, n1.date) == ("T1", "https://x.test/1", "2022-06-17")
    assert by_id["e.jsonl#2"].source == "e.jsonl#2"
    for article in articles:
        assert article.sha256 == text_sha256(article.text)
        assert article.text == normalise(article.text)


def test_bad_files_are_skipped_each_with_a_reason(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blank.txt").write_text("  \n\t\n ")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (corpus / "big.txt").write_bytes(b"word " * 300_000)
    (corpus / "broken.pdf").write_bytes(minimal_pdf("Half a document")[:120])
    (corpus / "nav.html").write_text("<html><body><nav>Home</nav></body></html>")
    (corpus / "image.png").write_bytes(b"\x89PNG\r\n")
    (corpus / "ok.txt").write_text("A fine article about Syria and the coalition.")
    outside = tmp_path / "secret.txt"
    outside.write_text("not part of the corpus")
    (corpus / "link.txt").symlink_to(outside)
    (corpus / "lines.jsonl").write_text(
        '{"id": "good1", "text": "kept"}\n{broken\n[1, 2]\n{"id": "x"}\n\n{"id": "good2", "text": "kept too"}\n'
    )
    articles, skipped = read_all(corpus)
    assert sorted(a.id for a in articles) == ["good1", "good2", "ok.txt"]
    reasons = {s.source: s.reason for s in skipped}
    assert reasons["empty.txt"] == "empty file"
    assert "whitespace" in reasons["blank.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "over the 1 MiB limit" in reasons["big.txt"]
    assert "malformed PDF" in reasons["broken.pdf"]
    assert "no main text" in reasons["nav.html"]
    assert "unsupported" in reasons["image.png"]
    assert "outside the corpus" in reasons["link.txt"]
    assert "invalid JSON" in reasons["lines.jsonl#2"]
    assert "not a JSON object" in reasons["lines.jsonl#3"]
    assert '"text"' in reasons["lines.jsonl#4"]
    assert len(skipped) == 11


def test_legacy_encodings_are_decoded_as_text() -> None:
    assert decode("Café déjà vu".encode("latin-1")) == "Café déjà vu"
    assert decode("“Quoted” – dash €5".encode("cp1252")) == "“Quoted” – dash €5"
    assert decode("plain utf-8 ✓".encode()) == "plain utf-8 ✓"
    assert decode(b"\x00\x01\x02binary") is None


def test_normalised_text_hashes_the_same_across_newline_styles() -> None:
    unix = normalise("Title\n\nBody line.\n")
    windows = normalise("\ufeffTitle\r\n\r\nBody line.\r\n")
    assert unix == windows == "Title\n\nBody line."


def test_title_heuristic_skips_page_furniture() -> None:
    text = "11:21 GMT14 August 2020\nListen Live\nSupport The Moscow Times!\nRussia Accuses U.S. of Failing to Cooperate\nBody."
    assert guess_title(text, "x") == "Russia Accuses U.S. of Failing to Cooperate"
    assert guess_title("", "fallback.txt") == "fallback.txt"


def test_single_jsonl_file_is_a_corpus(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text('{"id": "a", "text": "alpha"}\n')
    articles, skipped = read_all(path)
    assert [a.id for a in articles] == ["a"] and skipped == []
