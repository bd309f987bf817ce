"""Merging within an article (veilleur.extract.merge) on hand-built events: what a province-level lead hands
down to the finer events it summarises."""

from __future__ import annotations

from veilleur.extract.merge import merge_events
from veilleur.records import Event, Span

TEXT = ("Mardi, l'armée a combattu l'Etat islamique dans le nord du Sinaï. Les jihadistes ont attaqué des "
        "checkpoints à Rafah.")


def _span(word: str) -> Span:
    start = TEXT.index(word)
    return Span("doc", start, start + len(word), word)


def _clash(location: str, precision: int, actor1: str, actor2: str, actor1_word: str) -> Event:
    event = Event(doc="doc", event_type="Battles", sub_event_type="Armed clash", actor1=actor1, actor2=actor2,
                  location=location, admin1="North Sinai", country="Egypt", geo_precision=precision,
                  event_date="2015-06-30")
    event.add_evidence("actor1", _span(actor1_word))
    event.add_evidence("location", _span(location.split()[-1]))
    return event


def test_a_detail_whose_unnamed_actor_is_the_leads_target_keeps_the_sides_reversed() -> None:
    army, group = "Military Forces of Egypt", "Islamic State Sinai Province"
    lead = _clash("Sinaï", 3, army, group, "armée")
    lead.add_evidence("actor2", _span("Etat islamique"))
    detail = _clash("Rafah", 1, group, "", "jihadistes")
    merged = merge_events([lead, detail], TEXT)
    rafah = next(e for e in merged if e.location == "Rafah")
    assert (rafah.actor1, rafah.actor2) == (group, army)


def test_a_target_the_lead_only_borrowed_from_the_story_does_not_reverse_the_sides() -> None:
    army, group = "Military Forces of Egypt", "Islamic State Sinai Province"
    lead = _clash("Sinaï", 3, group, army, "Etat islamique")  # the army is the story's, not the sentence's
    detail = _clash("Rafah", 1, army, "", "jihadistes")
    merged = merge_events([lead, detail], TEXT)
    assert next(e for e in merged if e.location == "Rafah").actor1 == group
