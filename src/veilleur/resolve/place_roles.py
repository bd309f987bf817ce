"""Where the parse says a proper noun is a place, whatever its entity label.

spaCy's French model labels a village it has never seen as a person ("Bint Jbeil"), as MISC, or not at
all, and the geocoder trusts small places only where the text supports them. The grammar gives that
support: the direct object of a verb that takes places ("ont bombardé Bint Jbeil"), a name governed by a
place noun ("les villages de Haddatha"), a name fronted by "à" that opens the sentence ("À Nyambaka, ...") and
the names coordinated with those ("les villages d'At Tiri, Haddatha et Rachaf"). The verbs and nouns are data
(``data/place_roles.json``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from veilleur.annotate import PLACE_LABELS, Token
from veilleur.datafiles import load_json

NAME_PARTS = frozenset({"flat:name", "flat", "fixed"})


@dataclass(frozen=True)
class PlaceRoles:
    """The verbs whose object and the nouns whose complement is a place."""

    verbs: frozenset[str]
    nouns: frozenset[str]
    time_words: frozenset[str] = frozenset()  # skipped between a verb and the bare name it takes ("dimanche")

    @classmethod
    def from_data(cls) -> PlaceRoles:
        data = load_json("place_roles.json")
        return cls(frozenset(data["object_of_verbs"]), frozenset(data["governed_by_nouns"]),
                   frozenset(data["time_words"]))

    def spans(self, tokens: Sequence[Token]) -> list[tuple[int, int]]:
        """Character spans of the proper nouns the grammar puts in a place's position."""
        parts: dict[int, list[Token]] = {}  # a name's head -> its name parts, in order
        for token in tokens:
            if token.dep in NAME_PARTS and token.head != token.i:
                parts.setdefault(token.head, []).append(token)
        found: list[tuple[int, int]] = []
        in_place: set[int] = set()  # names found in a place's position: their conjuncts are places too
        taken = self._bare_names_taken(tokens)
        for token in tokens:  # heads come before their conjuncts, so one pass follows a list
            if token.dep in NAME_PARTS or token.head == token.i:
                continue
            own = parts.get(token.i, [])
            head = tokens[token.head]
            # the tagger may call a fronted village a common noun ("À Nyambaka, ..."): the position says enough
            if token.i in taken or _fronted_locative(tokens, token, own) or token.pos == "PROPN" and (
                    token.dep == "obj" and head.pos == "VERB" and head.lemma in self.verbs
                    or token.dep == "nmod" and head.pos == "NOUN" and head.lemma in self.nouns
                    or token.dep == "conj" and (head.i in in_place or _second_object(tokens, token, head, in_place))):
                found.extend(_name_spans(token, own))
                in_place.update([token.i, *(t.i for t in own)])
            elif _placed_by_a(tokens, token):
                in_place.add(token.i)  # "à Djugu et Mahagi": its conjuncts are places too
        return found

    def _bare_names_taken(self, tokens: Sequence[Token]) -> set[int]:
        """The capitalised words right after one of the verbs ("ont repris hier Tombouctou", "reprendre Konna"):
        the parser often gives an unknown town there another label than an object, or another part of speech."""
        taken = set()
        for verb in tokens:
            if verb.pos == "VERB" and verb.lemma in self.verbs and (
                    name := bare_name_after(tokens[verb.i + 1 : verb.i + 1 + NAME_AFTER_REACH], self.time_words)):
                taken.add(name.i)
        return taken


LOCATIVE_OPENERS = frozenset({"à", "a"})  # "A Nyambaka, ...": the accent is often dropped on a capital
SENTENCE_ENDS = frozenset({".", "!", "?", "…", ":", ";"})


def _placed_by_a(tokens: Sequence[Token], name: Token) -> bool:
    """"à Djugu": a capitalised name the parser labels a place, after "à". The name is found as a place already
    (the locative cue says so); the names coordinated with it ("à Djugu et Mahagi") are places too, whatever
    entity the parser gave them. A person after "à" ("a remis à Amadou Koné et ...") is labelled no place."""
    return name.ent in PLACE_LABELS and name.text[:1].isupper() and any(
        t.dep == "case" and t.head == name.i and t.text.lower() in LOCATIVE_OPENERS
        for t in tokens[max(0, name.i - 2) : name.i])


def _fronted_locative(tokens: Sequence[Token], name: Token, parts: list[Token]) -> bool:
    """"À Nyambaka, les proches pleurent": a capitalised name that opens the sentence after "à" and is closed by
    a comma frames the sentence in a place (a person is not put there)."""
    opener = tokens[name.i - 1] if name.i > 0 else None
    if opener is None or opener.text.lower() not in LOCATIVE_OPENERS or opener.head != name.i:
        return False
    if not name.text[:1].isupper() or opener.i > 0 and tokens[opener.i - 1].text not in SENTENCE_ENDS:
        return False
    last = max([name.i, *(p.i for p in parts)])
    return last + 1 < len(tokens) and tokens[last + 1].text == ","


def _name_spans(token: Token, parts: list[Token]) -> list[tuple[int, int]]:
    """The name a token heads: its adjacent name parts ("Bint Jbeil"); a part the parser attached across a
    comma ("At Tiri, Haddatha") is a name of its own."""
    spans = [(token.start, token.end)]
    last = token.i
    for part in (t for t in parts if t.i > token.i):
        if part.i == last + 1:
            spans[-1] = (spans[-1][0], part.end)
        else:
            spans.append((part.start, part.end))
        last = part.i
    return spans


NAME_AFTER_REACH = 4  # words from a verb to the bare name it takes: "a brièvement occupé dimanche Tessit"
NOT_A_NAME = frozenset({"DET", "ADP", "PRON", "PUNCT", "NUM", "AUX", "CCONJ", "SCONJ", "SYM"})
# the verbs an auxiliary is: a capitalised word tagged as one with another lemma is an unknown name the parser
# read as a verb form ("ont repris jeudi Konna et Douentza": "Konna" an auxiliary)
AUXILIARY_LEMMAS = frozenset({"être", "avoir", "pouvoir", "devoir", "faire", "aller", "venir", "sembler", "falloir"})


def bare_name_after(following: Iterable[Token], time_words: frozenset[str]) -> Token | None:
    """The capitalised word that directly follows a verb, past adverbs, commas and words of time ("ont repris
    Gao", "ont repris hier Tombouctou", "a brièvement occupé Tessit"): the verb's object, whatever the parser made
    of it. It often mislabels an unknown town after a verb (an oblique, an adverb, a second verb: "reprendre
    Konna" gives the verb "konner"); a bare capitalised word there is a name, and an article ("les combats")
    or a preposition stops the search. ``following``: the sentence's tokens after the verb, in order."""
    for count, token in enumerate(following):
        if count >= NAME_AFTER_REACH:
            return None
        if token.pos == "ADV" or token.text == "," or token.text.lower() in time_words:
            continue
        if not token.text[:1].isupper() or token.pos in NOT_A_NAME and not _misread_auxiliary(token):
            return None
        return token
    return None


def _second_object(tokens: Sequence[Token], name: Token, verb: Token, in_place: set[int]) -> bool:
    """"ont occupé Mocimboa da Praia et Quissanga": the parser may hang the second name on the verb as its
    conjunct; after a place the verb took as its object, it is a second place taken."""
    return verb.pos == "VERB" and any(t.head == verb.i and t.i in in_place and t.i < name.i
                                      for t in tokens[verb.i + 1 : name.i])


def _misread_auxiliary(token: Token) -> bool:
    """A word tagged as an auxiliary that no auxiliary verb gives: a name the parser read as a verb form."""
    return token.pos == "AUX" and token.lemma.lower() not in AUXILIARY_LEMMAS
