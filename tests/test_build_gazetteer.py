"""The gazetteer build's name rules (``scripts/build_gazetteer.py``), on names written for the tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from veilleur.resolve.places.gazetteer import default_gazetteer
from veilleur.resolve.places.keys import name_key

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "build_gazetteer.py"


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_gazetteer", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("North Kivu", ["Nord-Kivu", "Kivu du Nord", "Kivu-Nord"]),
        ("Southern Kordofan", ["Sud-Kordofan", "Kordofan du Sud", "Kordofan-Sud"]),
        ("West Pokot County", ["Ouest-Pokot", "Pokot de l'Ouest", "Pokot-Ouest"]),
        ("North-West", []),  # a direction alone
    ],
)
def test_a_compass_word_before_a_name_is_put_the_french_way(build: ModuleType, name: str, forms: list[str]) -> None:
    assert build.french_compass_forms(name) == forms


@pytest.mark.parametrize("name", ["West Bank", "Northern Ireland", "South Australia", "Eastern Cape",
                                  "Southern Red Sea", "North Side"])
def test_no_english_french_hybrid_is_made(build: ModuleType, name: str) -> None:
    # "Ouest-Bank" or "Sud-Australia" is written by no one: French says "Cisjordanie", "Australie-Méridionale"
    assert build.french_compass_forms(name) == []


@pytest.mark.parametrize(("english", "hybrid"), [("West Bank", "Ouest-Bank"), ("West Bank", "Bank de l'Ouest"),
                                               ("Northern Ireland", "Nord-Ireland")])
def test_the_shipped_gazetteer_holds_no_hybrid_alias(english: str, hybrid: str) -> None:
    gazetteer = default_gazetteer()
    provinces = [p for p in gazetteer.candidates(name_key(english)) if p.feature == "admin1" and p.name == english]
    assert provinces and not any(gazetteer.spelled(p, hybrid) for p in provinces)


def test_a_citys_other_spelling_of_a_key_it_has_is_kept(build: ModuleType) -> None:
    # "Alexandrie" folds like "Aleksandrii", listed before it: the French spelling must survive, as the geocoder
    # prefers the place spelt as the text spells it; a respelling of the own name is none ("Kandi" for Kandy)
    aliases = build.useful_aliases("Alexandria", ["Aleksandrii", "Alexandrie", "aleksandrie"], respell=True)
    assert aliases == ["Aleksandrii", "Alexandrie"]
    assert build.useful_aliases("Kandy", ["Kandi"], respell=True) == []
    assert build.useful_aliases("Alexandria", ["Aleksandrii", "Alexandrie"]) == ["Aleksandrii"]

