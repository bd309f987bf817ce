"""Ingest: readers, title detection, dates, offset maps and rejections."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import pytest

from veilleur.ingest import (
    article_from_text,
    detect_title,
    load_published_map,
    load_source_map,
    normalise,
    parse_date,
    read_paths,
)
from veilleur.records import Article, Rejection

FIXTURES = Path(__file__).parent / "fixtures"
FOLDER = FIXTURES / "folder"
SAMPLE = Path(__file__).parent.parent / "examples" / "sample"

FRENCH = (
    "Des hommes armés ont attaqué mardi un poste de police à Kidal, tuant trois agents, "
    "a indiqué une source sécuritaire."
)


def by_id(results: list[Article | Rejection]) -> dict[str, Article | Rejection]:
    return {r.id if isinstance(r, Article) else r.doc: r for r in results}


def article(result: Article | Rejection) -> Article:
    assert isinstance(result, Article), result
    return result


def rejection(result: Article | Rejection) -> Rejection:
    assert isinstance(result, Rejection), result
    return result


# --- normalisation and offset maps -------------------------------------------------------------


def test_normalise_replacements() -> None:
    raw = "\ufeffL\u2019armée\u00a0:\u202f«\u00a0Cinq morts\u00a0»\r\n\tà\u200b  Gao\u2009!  \r\n"
    text, offsets = normalise(raw)
    assert text == "L'armée : \" Cinq morts \"\nà Gao !"
    assert len(offsets) == len(text) + 1


def test_normalise_nfc_and_map() -> None:
    raw = "Me\u0301naka\u2014te\u0301moins"  # decomposed accents
    text, offsets = normalise(raw)
    assert text == "Ménaka\u2014témoins"
    start = text.index("témoins")
    assert raw[offsets[start] : offsets[len(text)]] == "te\u0301moins"


def _canon(s: str) -> str:
    """Compare modulo the replacements: normalised, white space folded."""
    return " ".join(normalise(s)[0].split())


def test_offsets_map_back_random_substrings() -> None:
    rng = random.Random(7)
    pieces = ["L\u2019armée", " ", "\u00a0", "\t", "«", "»", "\r\n", "\n", "e\u0301", "\u200b", "tués",
              "“Mossoul”", "12", "  ", "\u202f", "a", "'", "Idleb"]
    for _ in range(50):
        raw = "".join(rng.choice(pieces) for _ in range(40))
        text, offsets = normalise(raw)
        assert len(offsets) == len(text) + 1
        assert list(offsets) == sorted(offsets)
        for _ in range(30):
            i = rng.randrange(len(text) + 1)
            j = rng.randrange(i, len(text) + 1)
            assert _canon(raw[offsets[i] : offsets[j]]) == _canon(text[i:j])


def test_article_span_points_into_original() -> None:
    raw = "Selon l\u2019OSDH,\u00a0« quatorze\u00a0civils » ont été tués mardi à Maaret al-Noomane (Idleb)."
    art = article(article_from_text("x", raw))
    start = art.text.index("quatorze")
    span = art.span(start, start + len("quatorze civils"))
    assert span.text == "quatorze\u00a0civils"
    assert art.original == raw


# --- title detection ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Mali : attaque à Gao\nDes hommes armés ont attaqué lundi...", "Mali : attaque à Gao"),
        ("Trois soldats tués à Gao.\nLa suite du texte.", ""),  # a sentence, not a headline
        ("Mali : attaque à Gao", ""),  # nothing follows
        ("A" * 250 + "\nsuite", ""),  # too long
        ("Pourquoi Mossoul ?\nLe texte.", "Pourquoi Mossoul ?"),
    ],
)
def test_detect_title(text: str, title: str) -> None:
    assert detect_title(text) == title


def test_text_file_title_stays_in_text() -> None:
    art = article(by_id(list(read_paths([FOLDER / "a_titled.txt"])))["a_titled"])
    assert art.title == "Burkina Faso : six gendarmes tués dans une embuscade près de Djibo"
    assert art.text.startswith(art.title + "\n")


def test_text_file_without_title() -> None:
    art = article(by_id(list(read_paths([FOLDER / "sub" / "k_untitled.txt"])))["k_untitled"])
    assert art.title == ""


# --- readers -----------------------------------------------------------------------------------


def test_jsonl_reader_keeps_going_after_bad_lines() -> None:
    results = by_id(list(read_paths([FOLDER / "e_records.jsonl"])))
    rec1 = article(results["rec-1"])
    assert (rec1.title, rec1.published, rec1.url, rec1.source) == (
        "Somalie : explosion à Baidoa", date(2018, 3, 15), "https://example.org/baidoa",
        "Corne de l'Afrique Hebdo",
    )
    assert rejection(results["e_records:4"]).reason.startswith("line 4: invalid JSON:")
    assert rejection(results["rec-4"]).reason == "line 5: record has no 'text' field"
    assert rejection(results["rec-5"]).reason == "line 6: not French (looks like English)"
    assert rejection(results["e_records:7"]).reason == "line 7: record is not a JSON object"
    # an unreadable date is said, not silently dropped
    assert rejection(results["rec-6"]).reason.startswith("line 8: unreadable publication date 'pas une date'")
    assert article(results["rec-2"]).text.startswith("Les forces gouvernementales")


def test_json_list_and_single_record() -> None:
    results = by_id(list(read_paths([FIXTURES / "records.json", FIXTURES / "single.json"])))
    assert article(results["json-1"]).published == date(2019, 2, 8)
    assert rejection(results["json-2"]).reason == "record 1: record has no 'text' field"
    single = article(results["json-single"])
    assert (single.title, single.source) == ("Libye : combats au sud de Tripoli", "Maghreb Dépêches")


def test_invalid_json_file() -> None:
    (result,) = read_paths([FIXTURES / "broken.json"])
    assert rejection(result).reason.startswith("invalid JSON:")


def test_html_reader_metadata() -> None:
    (result,) = read_paths([FOLDER / "f_page.html"], source="Fallback")
    art = article(result)
    assert art.id == "f_page"
    assert art.title == "Niger : attaque contre un poste militaire à Inates"
    assert art.published == date(2019, 7, 2)
    assert art.url == "https://example.org/niger-inates"
    assert art.source == "Le Courrier du Sahel"
    assert "dix-huit soldats" in art.text
    assert "Accueil" not in art.text and "<p>" not in art.text


def test_html_reader_tiny_page_falls_back(tmp_path: Path) -> None:
    page = tmp_path / "petite.htm"
    page.write_text(f"<html><body><div><p>{FRENCH}</p></div></body></html>", encoding="utf-8")
    (result,) = read_paths([page])
    assert article(result).text == FRENCH
    assert article(result).published is None


def test_rss_reader() -> None:
    (result,) = read_paths([FIXTURES / "feed.rss"])
    art = article(result)
    assert len(art.id) == 12
    assert art.title == "Syrie : tirs d'artillerie sur Jisr al-Choghour"
    assert art.published == date(2019, 5, 6)
    assert art.source == "Dépêches du Levant"
    assert art.url == "https://example.org/levant/jisr"
    assert "<p>" not in art.text and art.text.startswith("Des tirs d'artillerie")


def test_atom_feed_sniffed_without_extension() -> None:
    results = list(read_paths([FOLDER / "g_feed"], published=date(2019, 12, 1)))
    first, second = (article(r) for r in results)
    assert first.published == date(2019, 11, 4)  # published, not updated
    assert "neuf soldats" in first.text
    assert first.url == "https://example.org/tabankort"
    assert second.published == date(2019, 12, 1)  # no date of its own: the fallback
    assert second.url == ""  # the urn id is not a link
    assert first.id != second.id
    assert [article(a).id for a in read_paths([FOLDER / "g_feed"])] == [first.id, second.id]  # stable ids


def test_feed_without_entries(tmp_path: Path) -> None:
    empty = tmp_path / "vide.xml"
    empty.write_text("<?xml version='1.0'?><rss version='2.0'><channel><title>x</title></channel></rss>")
    (result,) = read_paths([empty])
    assert rejection(result).reason == "feed has no entries"


# --- dates and sources -------------------------------------------------------------------------


def test_date_precedence(tmp_path: Path) -> None:
    mapping = {"a_titled": date(2018, 5, 5), "rec-1": date(2000, 1, 1)}
    results = by_id(list(read_paths([FOLDER / "a_titled.txt", FOLDER / "e_records.jsonl"],
                                    published=date(2020, 1, 1), published_map=mapping)))
    assert article(results["a_titled"]).published == date(2018, 5, 5)  # map beats the argument
    assert article(results["rec-1"]).published == date(2018, 3, 15)  # own date beats the map
    assert article(results["rec-2"]).published == date(2020, 1, 1)  # the argument last
    (plain,) = read_paths([FOLDER / "a_titled.txt"])
    assert article(plain).published is None  # never the clock


def test_load_maps(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    lines = [
        json.dumps({"doc": "001", "published": "2017-05-09", "events": []}),
        json.dumps({"id": "002", "published": "2017-10-24T08:00:00", "source": "Dépêche"}),
        "pas du json",
        json.dumps({"id": "003"}),
        "",
    ]
    gold.write_text("\n".join(lines), encoding="utf-8")
    assert load_published_map(gold) == {"001": date(2017, 5, 9), "002": date(2017, 10, 24)}
    assert load_source_map(gold) == {"002": "Dépêche"}


def test_source_argument_fills_missing_source() -> None:
    results = by_id(list(read_paths([FOLDER / "e_records.jsonl"], source="Fallback")))
    assert article(results["rec-1"]).source == "Corne de l'Afrique Hebdo"
    assert article(results["rec-2"]).source == "Fallback"


# --- bad inputs --------------------------------------------------------------------------------


def test_folder_reads_everything_and_reports_each_bad_file() -> None:
    results = by_id(list(read_paths([FOLDER])))
    reasons = {doc: r.reason for doc, r in results.items() if isinstance(r, Rejection)}
    assert reasons["b_empty"] == "empty document"
    assert reasons["b_blank"] == "empty document"
    assert reasons["c_image"] == "binary content (NUL bytes)"
    assert reasons["d_english"] == "not French (looks like English)"
    assert reasons["i_mojibake"].startswith("mis-encoded:")
    assert reasons["j_short"].startswith("too short to hold an event")
    assert reasons["l_controls"].startswith("binary content (")
    assert reasons["m_undecodable"] == "undecodable: neither UTF-8 nor cp1252"
    for good in ("a_titled", "k_untitled", "rec-1", "rec-2", "f_page", "h_cp1252"):
        assert isinstance(results[good], Article), good
    assert all(r.path for r in results.values() if isinstance(r, Rejection))


def test_cp1252_french_is_accepted() -> None:
    (result,) = read_paths([FOLDER / "h_cp1252.txt"])
    assert "été attaqués à l'aube près de Ménaka" in article(result).text


def test_utf8_bom_and_utf16(tmp_path: Path) -> None:
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + FRENCH.encode("utf-8"))
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(FRENCH.encode("utf-16"))
    results = by_id(list(read_paths([bom, utf16])))
    assert article(results["bom"]).text == FRENCH
    assert article(results["utf16"]).text == FRENCH


def test_missing_and_unreadable(tmp_path: Path) -> None:
    good = tmp_path / "bon.txt"
    good.write_text(FRENCH, encoding="utf-8")
    (tmp_path / "lien.txt").symlink_to(tmp_path / "disparu.txt")  # listed but cannot be opened
    results = by_id(list(read_paths([tmp_path / "absent.txt", tmp_path])))
    assert rejection(results["absent"]).reason == "unreadable: no such file or folder"
    assert rejection(results["lien"]).reason.startswith("unreadable:")
    assert isinstance(results["bon"], Article)


def test_huge_limit(tmp_path: Path) -> None:
    big = tmp_path / "gros.txt"
    big.write_text(FRENCH * 10, encoding="utf-8")
    (result,) = read_paths([big], max_chars=500)
    assert rejection(result).reason.startswith("too large:")
    assert isinstance(article_from_text("x", FRENCH * 10), Article)
    assert rejection(article_from_text("x", FRENCH * 10, max_chars=100)).reason.startswith("too large")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "empty document"),
        ("  \n\t ", "empty document"),
        ("Tirs à Gao.", "too short to hold an event: 11 characters (minimum 40)"),
        ("Bewaffnete Männer haben am Montag das Lager der Armee angegriffen und mehrere Soldaten "
         "getötet, sagte ein Sprecher.", "not French (looks like German)"),
        ("Hombres armados atacaron el lunes un cuartel del ejército y mataron a varios soldados, "
         "según una fuente de seguridad.", "not French (looks like Spanish)"),
        ("قتل ثلاثة جنود في هجوم على معسكر للجيش قرب مدينة تمبكتو يوم الاثنين",
         "not French (looks like Arabic script)"),
        ("texte\x00binaire " * 5, "binary content (NUL bytes)"),
    ],
)
def test_article_from_text_rejections(raw: str, reason: str) -> None:
    assert rejection(article_from_text("doc", raw)).reason == reason


def test_french_with_english_quote_is_french() -> None:
    raw = FRENCH + ' Un témoin a déclaré : "They came at night and we ran."'
    assert isinstance(article_from_text("x", raw), Article)


# --- bundled sample ----------------------------------------------------------------------------


def test_sample_reads_cleanly() -> None:
    mapping = SAMPLE / "published.jsonl"
    results = list(read_paths([SAMPLE / "articles", SAMPLE / "feed.xml"],
                              published_map=load_published_map(mapping),
                              source_map=load_source_map(mapping)))
    articles = [article(r) for r in results]
    assert 8 <= len(articles) <= 10
    assert all(a.title and a.published and a.source for a in articles)
    assert all(date(2017, 1, 1) <= a.published <= date(2020, 12, 31) for a in articles if a.published)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-06-13T10:00:00+02:00", date(2016, 6, 13)),
        ("Mon, 13 Jun 2016 10:00:00 GMT", date(2016, 6, 13)),
        ("13/06/2016", date(2016, 6, 13)),
        ("05/06/2016", date(2016, 6, 5)),  # day first, as French writes it
        ("13 juin 2016", date(2016, 6, 13)),
        ("31/02/2020", None),
        ("juin 2016", None),
    ],
)
def test_publication_dates_in_common_forms(value: str, expected: date | None) -> None:
    assert parse_date(value) == expected


def test_unreadable_publication_date_is_a_reason_not_a_silent_loss(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    text = "Des combats ont opposé lundi l'armée à des rebelles près de la ville de Goma, selon des habitants."
    path.write_text(json.dumps({"id": "x", "text": text, "published": "31/02/2020"}) + "\n", encoding="utf-8")
    (item,) = list(read_paths([path]))
    assert isinstance(item, Rejection) and "unreadable publication date '31/02/2020'" in item.reason
    (item,) = list(read_paths([path], published=date(2020, 3, 1)))
    assert not isinstance(item, Rejection) and item.published == date(2020, 3, 1)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "a\\u0000b", "text": "x"}', "NUL byte in 'id'"),
        ('{"id": "n", "source": "Radio\\u0000", "text": "x"}', "NUL byte in 'source'"),
        ('{"id": "' + "x" * 300 + '", "text": "x"}', "'id' longer than 200 characters"),
        ('{"id": "s", "source": "' + "y" * 300 + '", "text": "x"}', "'source' longer than 200 characters"),
        ('{"id": "t", "text": 42}', "'text' is not a string (int)"),
        ("[" * 100000 + "]" * 100000, "invalid JSON: nested too deeply"),
    ],
)
def test_one_bad_record_is_one_reason_and_the_next_line_is_read(tmp_path: Path, line: str, reason: str) -> None:
    good = json.dumps({"id": "good", "text": "Des combats ont opposé lundi l'armée à des rebelles près de Goma, "
                       "selon des sources locales concordantes.", "published": "2020-03-02"}, ensure_ascii=False)
    path = tmp_path / "mixed.jsonl"
    path.write_text(line + "\n" + good + "\n", encoding="utf-8")
    first, second = list(read_paths([path]))
    assert isinstance(first, Rejection) and reason in first.reason
    assert isinstance(second, Article) and second.id == "good"


def test_a_publication_date_in_the_future_is_rejected_with_its_reason(tmp_path: Path) -> None:
    records = tmp_path / "articles.jsonl"
    text = "Des hommes armés ont attaqué le village de Kiro lundi, tuant trois civils."
    records.write_text(
        json.dumps({"id": "typo", "text": text, "published": "2999-01-01"}) + "\n"
        + json.dumps({"id": "good", "text": text, "published": "2021-06-07"}) + "\n",
        encoding="utf-8",
    )
    results = list(read_paths([records]))
    rejected = [r for r in results if isinstance(r, Rejection)]
    assert [r.doc for r in rejected] == ["typo"]
    assert "in the future" in rejected[0].reason
    assert [a.id for a in results if isinstance(a, Article)] == ["good"]


def test_reasons_name_the_real_problem(tmp_path: Path) -> None:
    text = "Des hommes armés ont attaqué le village de Kiro lundi, tuant trois civils, selon des sources locales."
    (tmp_path / "sans-bom.txt").write_bytes(text.encode("utf-16-le"))  # UTF-16 saved without a BOM
    (tmp_path / "boucle").symlink_to(tmp_path / "boucle")
    (tmp_path / "immense.jsonl").write_text(json.dumps({"id": "immense", "text": text * 21_000}) + "\n",
                                            encoding="utf-8")
    results = {r.id if isinstance(r, Article) else r.doc: r for r in read_paths(
        [tmp_path / "sans-bom.txt", tmp_path / "boucle", tmp_path / "immense.jsonl"], published=date(2021, 6, 7))}
    assert isinstance(results["sans-bom"], Article) and results["sans-bom"].text.startswith("Des hommes armés")
    assert isinstance(results["boucle"], Rejection) and "symbolic link loop" in results["boucle"].reason
    assert isinstance(results["immense"], Rejection) and "too large" in results["immense"].reason


def test_a_feed_cut_in_an_entry_says_so(tmp_path: Path) -> None:
    text = "Des hommes armés ont attaqué le village de Kiro lundi, tuant trois civils, selon des sources locales."
    feed = tmp_path / "coupe.xml"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Radio Test</title>'
        f"<item><title>Attaque à Kiro</title><link>https://exemple.test/1</link><description>{text}</description>"
        "</item><item><title>Deuxième dépêche</title><link>https://exemple.test/2</link><descr",
        encoding="utf-8",
    )
    results = list(read_paths([feed], published=date(2021, 6, 7)))
    assert isinstance(results[0], Article)
    assert isinstance(results[1], Rejection) and "feed entry without text" in results[1].reason
    assert "cut short" in results[1].reason
