"""Settings: grouped, yet every field is read from its RAG_ variable and described."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
from pydantic import SecretStr

from rag.settings import GROUPS, Settings


def test_every_field_belongs_to_exactly_one_group() -> None:
    for name in Settings.model_fields:
        owners = [g.__name__ for g in GROUPS if name in g.model_fields]
        assert len(owners) == 1, (name, owners)
    assert set(Settings.model_fields) == {n for g in GROUPS for n in g.model_fields}


def test_every_group_and_field_is_described() -> None:
    for group in GROUPS:
        assert group.__doc__ and group.__doc__.strip(), group.__name__
    for name, field in Settings.model_fields.items():
        assert field.description and len(field.description) > 10, name


def _other_value(name: str, field) -> tuple[str, object]:
    """An env string for the field that differs from its default, and the value it should give."""
    annotation = field.annotation
    if typing.get_origin(annotation) is typing.Literal:
        choice = next(c for c in typing.get_args(annotation) if c != field.default)
        return choice, choice
    if annotation is bool:
        return str(not field.default).lower(), not field.default
    if annotation is int:
        return str(field.default + 1), field.default + 1
    if annotation is float:
        # Half the default stays within every bound (all are >= 0 and <= their default's range).
        value = field.default / 2 if field.default else 0.25
        return str(value), value
    if annotation is Path:
        return "/tmp/rag-settings-test", Path("/tmp/rag-settings-test")
    if annotation is SecretStr:
        return "s3cret", "s3cret"
    if annotation is str:
        return "from-env", "from-env"
    raise AssertionError(f"no test value for {name}: {annotation}")


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_every_field_is_read_from_its_rag_variable(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    field = Settings.model_fields[name]
    text, expected = _other_value(name, field)
    monkeypatch.setenv(f"RAG_{name.upper()}", text)
    value = getattr(Settings(), name)
    if isinstance(value, SecretStr):
        value = value.get_secret_value()
    assert value == expected
    assert getattr(Settings(), name) != Settings.model_fields[name].get_default(call_default_factory=True)


def test_each_group_reads_its_own_fields_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    from rag.settings import RetrievalSettings, ServeSettings

    monkeypatch.setenv("RAG_MAX_MERGE", "2")
    monkeypatch.setenv("RAG_AUTH", "u:p")
    assert RetrievalSettings().max_merge == 2 and not hasattr(RetrievalSettings(), "auth")
    assert ServeSettings().auth.get_secret_value() == "u:p"
