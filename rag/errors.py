"""Domain errors: each carries a message a user can act on."""


class RagError(Exception):
    """An expected failure with a one-line, user-facing message."""


class StoreError(RagError):
    """The index folder is missing, damaged, or built with other settings."""


class IndexBusyError(RagError):
    """Another process holds the index write lock."""


def redact_url(url: str) -> str:
    """The URL without user:password, query or fragment (any of them may carry a secret)."""
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        netloc = f"{host}:{parts.port}" if parts.port else host
    except ValueError:
        return "(unparseable URL)"
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))
