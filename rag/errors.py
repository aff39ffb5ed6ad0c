"""Domain errors: each carries a message a user can act on."""


class RagError(Exception):
    """An expected failure with a one-line, user-facing message."""


class StoreError(RagError):
    """The index folder is missing, damaged, or built with other settings."""


class IndexBusyError(RagError):
    """Another process holds the index write lock."""
