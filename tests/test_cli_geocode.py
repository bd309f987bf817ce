"""``veilleur geocode``: one name, and ``--batch`` files where some lines are bad (each gets its own reason)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from veilleur.cli import app


def test_batch_answers_good_lines_and_names_each_bad_one(tmp_path: Path) -> None:
    queries = tmp_path / "queries.jsonl"
    queries.write_text(
        "\n".join([
            json.dumps({"name": "Gao", "country": "ML"}),
            "ceci n'est pas du JSON",
            json.dumps({"country": "ML"}),
            json.dumps(["Gao", "ML"]),
            json.dumps({"name": 5}),
            "",
            json.dumps({"name": "Kidal", "country": "XX"}),
            json.dumps({"name": "Kidal", "context": ["au nord"]}),
            json.dumps({"name": "Tombouctou", "country": "Mali", "context": None}),
        ]) + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["geocode", "--batch", str(queries)])
    assert result.exit_code == 0, result.output
    answers = [json.loads(line) for line in result.output.splitlines()]
    assert [a.get("name") for a in answers if "error" not in a] == ["Gao", "Timbuktu"]
    errors = {a["line"]: a["error"] for a in answers if "error" in a}
    assert sorted(errors) == [2, 3, 4, 5, 7, 8]  # the blank line 6 is skipped, not an error
    assert "not JSON" in errors[2]
    assert '"name" must be a non-empty string' in errors[3] and '"name" must be' in errors[5]
    assert "JSON object" in errors[4]
    assert "unknown country 'XX'" in errors[7]
    assert '"context" must be a string' in errors[8]
    assert all("\n" not in e and "Traceback" not in e for e in errors.values())


def test_an_unreadable_batch_file_is_one_clear_error(tmp_path: Path) -> None:
    queries = tmp_path / "queries.jsonl"
    queries.write_bytes(b"\xff\xfe\x00garbage")
    result = CliRunner().invoke(app, ["geocode", "--batch", str(queries)])
    assert result.exit_code == 2 and "cannot read" in result.output
    assert "Traceback" not in result.output


def test_an_unknown_country_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["geocode", "Gao", "--country", "Atlantide"])
    assert result.exit_code == 2 and "unknown country 'Atlantide'" in result.output
    named = CliRunner().invoke(app, ["geocode", "Gao", "--country", "mali", "--json"])
    assert json.loads(named.output)["country"] == "Mali"


def test_a_name_found_nowhere_is_not_found_with_exit_code_1() -> None:
    # a made-up village with no country to look in: no town of the world is offered in its place
    result = CliRunner().invoke(app, ["geocode", "Kourgoulboukou"])
    assert result.exit_code == 1 and result.output.startswith("Kourgoulboukou: not found (")
    assert "give a country" in result.output and " -> " not in result.output
    as_json = CliRunner().invoke(app, ["geocode", "Kourgoulboukou", "--json"])
    assert as_json.exit_code == 1 and json.loads(as_json.output)["name"] is None


def test_a_village_of_a_usual_country_is_found_without_a_country() -> None:
    # Quissanga is a village of Mozambique, one of the countries searched when nothing names one
    found = CliRunner().invoke(app, ["geocode", "Quissanga", "--json"])
    assert found.exit_code == 0 and json.loads(found.output)["country"] == "Mozambique"
    named = CliRunner().invoke(app, ["geocode", "Quissanga", "--country", "MZ", "--json"])
    assert named.exit_code == 0 and json.loads(named.output)["admin1"].startswith("Cabo Delgado")


def test_a_province_written_without_its_unit_word_names_the_country() -> None:
    # "Cabo Delgado" is GeoNames' "Cabo Delgado Province": it says the story is in Mozambique
    context = "Des insurgés ont attaqué Quissanga, dans la province de Cabo Delgado."
    result = CliRunner().invoke(app, ["geocode", "Quissanga", "--context", context, "--json"])
    assert result.exit_code == 0 and json.loads(result.output)["country"] == "Mozambique"
