"""The on-disk index: SQLite (articles, chunks, vectors, FTS5) is the truth, vector stores
and the lexical mirror are checked copies of it.

An index folder holds `manifest.json` (which generation is current, what built it, counts),
`store-N.sqlite` (articles, chunks with their vectors, sentences, FTS5 over chunk text; WAL
mode), `store-N.faiss` (FAISS over the same chunk ids, exact or IVF past IVF_MIN_CHUNKS,
rewritten at the end of a sync that changed > 1 %), `store-N.lexical/` (tantivy over each
chunk's title and text, updated after every commit) and `.lock` (held by the one process
allowed to write). Crash safety comes from SQLite transactions (one per batch of whole
articles) and atomic renames. Every write that changes chunks bumps a change number
(`chunks_version`) and logs the ids it removes (`removed_chunks`) in its transaction; the
FAISS file and the mirror record the change number and highest chunk id they hold (ids are
never reused), so catching one up reads only the ids above that and the removals since,
never every id. The FAISS file may lag behind SQLite (by design, up to 1 % of the chunks,
so that adding an article to a large index does not rewrite the whole file; or after a
kill): readers memory-map it and keep what it lacks beside it in memory, so a loaded index
always matches its SQLite snapshot. The mirror is caught up by the next writer after a
kill; until then readers search FTS5. A file that is not the one recorded (damaged, an
older copy) is compared id by id as before. With a Qdrant server the collection is updated
after each commit and reconciled when a writer finds it behind. A rebuild writes generation
N+1 beside N and switches by replacing the manifest. No pickle anywhere: FAISS's own binary
format, tantivy's, SQLite and JSON.

Modules: `schema` (SQL, version, connecting), `files` (manifest, generations, atomic
writes, the lock), `reader`, `writer` (the write transaction, the FAISS rewrite policy),
`vectors` (the `ChunkVectors` seam every store implements, `reconcile`, the store registry),
`faiss_store`, `qdrant_store`, `lexical` (the tantivy mirror).
"""

from .files import MANIFEST, Identity, IndexLock, Manifest, atomic_write, write_failed
from .reader import IndexReader
from .schema import SCHEMA_VERSION
from .vectors import ChunkVectors, Snapshot, VectorConfig, reconcile, stores
from .writer import IndexWriter

__all__ = [
    "MANIFEST", "SCHEMA_VERSION", "ChunkVectors", "Identity", "IndexLock", "IndexReader",
    "IndexWriter", "Manifest", "Snapshot", "VectorConfig", "atomic_write", "reconcile", "stores", "write_failed",
]
