"""The records model is one place to import from, though its dataclasses are made only when first used."""

from __future__ import annotations

import dataclasses
import importlib
import subprocess
import sys

from cpi_chat.records import model

PARTS = ("model_people", "model_goals", "model_sessions", "model_caseload")


def test_every_dataclass_of_the_model_is_found_in_records_model() -> None:
    for part in PARTS:
        module = importlib.import_module(f"cpi_chat.records.{part}")
        made_there = [value for value in vars(module).values()
                      if dataclasses.is_dataclass(value) and value.__module__ == module.__name__]
        assert made_there, part
        for cls in made_there:
            assert getattr(model, cls.__name__) is cls


def test_importing_the_model_makes_only_the_dataclasses_asked_for() -> None:
    script = ("import sys\nfrom cpi_chat.records.model import Goal, require_choice\n"
              f"print(sorted(p for p in {PARTS!r} if 'cpi_chat.records.' + p in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "['model_goals']"


def test_every_public_name_of_the_model_is_listed_and_found() -> None:
    assert all(hasattr(model, name) for name in model.__all__)
    public = {name for name in vars(model) if not name.startswith("_") and name not in {"TYPE_CHECKING", "Any", "Literal",
              "TypeVar", "T", "annotations", "imported_on_first_use", "fields", "get_args"}}
    assert public <= set(model.__all__)
