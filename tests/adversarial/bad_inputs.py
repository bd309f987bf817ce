"""Kinds of bad input, written as files into a folder: each with the words its rejection reason must carry.

French sentences here are ours. Every kind is one file (or one record of a file) that must be rejected
alone, with a precise reason, while the good document written beside them is still read.
"""

from __future__ import annotations

import json
from pathlib import Path

FRENCH = ("Des hommes armés ont attaqué lundi un poste de gendarmerie à Djibo, dans le nord du Burkina Faso, "
          "tuant quatre gendarmes, selon des sources sécuritaires. Les assaillants ont ensuite incendié des "
          "boutiques du marché avant de se retirer vers la frontière malienne, ont indiqué des habitants. ")
ENGLISH = ("Armed men attacked a police post on Monday in the north of the country, killing four officers, "
           "security sources said. The attackers then set fire to shops in the market before withdrawing. ")
RUSSIAN = "Вооружённые люди в понедельник напали на пост жандармерии на севере страны и убили четырёх человек. "
ARABIC = "هاجم مسلحون يوم الاثنين مركزا للدرك في شمال البلاد وقتلوا أربعة من رجال الدرك حسب مصادر أمنية. "
RSS = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Le Fil</title><link>http://127.0.0.1/</link>'
       "<description>fil</description>{items}</channel></rss>")


def record(**fields: object) -> str:
    return json.dumps({"id": "r", "published": "2024-03-04", "source": "Test", "text": FRENCH, **fields},
                      ensure_ascii=False)


def write_bad_inputs(folder: Path) -> dict[str, str]:
    """Write every kind into ``folder``; return {document id: words its rejection reason must contain}."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "blank.txt": b"  \n\t \n",
        "nul.txt": FRENCH.encode() + b"\x00\x00\x00" + FRENCH.encode(),
        "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "gzip.txt": b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(range(256)) * 4,
        "english.txt": (ENGLISH * 3).encode(),
        "russian.txt": (RUSSIAN * 3).encode(),
        "arabic.txt": (ARABIC * 3).encode(),
        "short.txt": "Attaque à Djibo.".encode(),
        "mojibake.txt": (FRENCH * 2).encode().decode("latin-1").encode(),
        "undecodable.txt": (FRENCH * 2).encode("utf-8")[:40] + b"\x81\x8d\x8f\x90\x9d" * 40,
        "controls.txt": ("\x01\x02\x03\x04\x05\x06\x07\x0e\x0f" * 30 + FRENCH).encode(),
        "huge.txt": (FRENCH * 7200).encode(),
        "invalid.json": b'{"id": "x", "text": ',
        "list.json": b"[1, 2, 3]",
        "notext.json": json.dumps({"id": "notext", "title": "Sans texte"}).encode(),
        "numbertext.json": json.dumps({"id": "numbertext", "text": 12345}).encode(),
        "nulltext.json": json.dumps({"id": "nulltext", "text": None}).encode(),
        "feed-empty.xml": RSS.format(items="").encode(),
        "feed-cut.xml": RSS.format(items="<item><title>Attaque</title><link>http://127.0.0.1/a</link>"
                                   "<guid>cut-entry</guid></item>").encode(),
        "menu.html": ("<html><body><nav><a href='/'>Accueil</a> <a href='/monde'>Monde</a></nav>"
                      "<footer>Tous droits réservés</footer></body></html>").encode(),
    }
    records = [
        record(id="bad-date", published="31/02/2020"),
        record(id="future", published="2999-01-01"),
        record(id="nul-title", title="Titre\x00coupé"),
        record(id="nul-source", source="Agence\x00X"),
        record(id="i" * 300),
        json.dumps({"id": "surrogate", "published": "2024-03-04", "text": FRENCH + "\ud800"}),
        record(id="english-record", text=ENGLISH * 2),
        '{"id": "nested", "text": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '"juste une chaîne"',
        "{pas du json}",
        record(id="good", text=FRENCH * 2),
    ]
    files["records.jsonl"] = "\n".join(records).encode("utf-8", "surrogatepass")
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    return {
        "empty": "empty document", "blank": "empty document", "nul": "binary content (NUL bytes)",
        "image": "binary content", "gzip": "binary content", "english": "not French (looks like English)",
        "russian": "not French (mostly non-Latin script)", "arabic": "not French (looks like Arabic script)",
        "short": "too short to hold an event", "mojibake": "mis-encoded", "undecodable": "undecodable",
        "controls": "control characters", "huge": "too large", "invalid": "invalid JSON",
        "list:0": "not a JSON object", "notext": "no 'text' field", "numbertext": "'text' is not a string (int)",
        "nulltext": "'text' is not a string (NoneType)", "feed-empty": "feed has no entries",
        "f697926f2f09": "feed entry without text", "menu": "too short to hold an event",
        "bad-date": "unreadable publication date '31/02/2020'", "future": "in the future",
        "nul-title": "NUL byte in 'title'", "nul-source": "NUL byte in 'source'",
        "i" * 40: "longer than 200 characters", "surrogate": "lone surrogate",
        "english-record": "not French (looks like English)", "records:8": "nested too deeply",
        "records:9": "not a JSON object", "records:10": "invalid JSON", "loop": "symbolic link loop",
        "dangling": "dangling symbolic link",
    }
