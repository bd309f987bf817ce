"""Trigger cues as lemma and dependency patterns (data: ``event_triggers.json``).

A row names lemmas and, optionally, the dependents the word must have (``with``: at least one) or must
not have (``unless``: none), and a governing word that cancels it (``unless_head``). Matching runs over the
typed token view of :mod:`veilleur.annotate`, so one row covers "a repris", "ont été reprises", "avait
repris", "reprenant" and "la reprise de": the lemma and the tree carry the inflection and the voice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from veilleur.annotate import Token
from veilleur.datafiles import load_json
from veilleur.extract.cues import REMOTE_VIOLENCE, Category, Trigger, load_categories
from veilleur.extract.grammar import (
    AGENT_DEPS,
    CLAUSE_DEPS,
    RELATIVE_PRONOUNS,
    Tree,
    complement_agents,
    is_passive,
    par_agent,
    prepositions_of,
)
from veilleur.resolve.place_roles import PlaceRoles, bare_name_after

TRIGGERS_FILE = "event_triggers.json"
ADJACENT_TOKENS = 3  # a matched modifier this close joins the trigger's span ("frappes aériennes")
OBJECT_REACH = 6  # tokens from a verb to an object the parser lost
PARTITIVES = frozenset({"des", "du"})  # "a tiré des obus", "a saisi du matériel": articles the parser reads as "de"
DATE_WORDS = 3  # "vendredi 23 octobre": the words of a date the parser may put between a cue and its governor
SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
ACTING_DEPS = frozenset({"nsubj", "obl:agent"})  # the slots of who acts
HELD_DEPS = frozenset({"obj", "obl:arg", "nsubj:pass", "nmod", "acl"})  # how a held weapon hangs on what holds it
# ("a neutralisé des engins": the parser reads the partitive "des" as a preposition, its noun as obl:arg)
HELD_REACH = 3  # "obus" -> "contenant" -> "cache" -> "découvert"
WENT_OFF = frozenset({"exploser", "sauter", "détoner"})  # "une bombe qui a explosé": a weapon laid that was fired
VERBAL = frozenset({"VERB", "AUX", "ADJ", "ADV"})  # the tagger sometimes calls a participle ADJ or ADV
TENSE_AUXILIARIES = frozenset({"aux:tense", "aux:pass"})  # "ont massacré", "ont été massacrés"
ER_PARTICIPLE_ENDINGS = ("ées", "és", "ée", "é")  # longest first: the ending cut to make the infinitive


@dataclass(frozen=True)
class DependentTest:
    """A test on one dependent: its labels, lemmas, part of speech, entity label (any left empty passes)."""

    deps: frozenset[str] = frozenset()
    lemmas: frozenset[str] = frozenset()
    pos: frozenset[str] = frozenset()
    ents: frozenset[str] = frozenset()

    def passes(self, token: Token) -> bool:
        return (
            (not self.deps or token.dep in self.deps)
            and (not self.lemmas or token.lemma in self.lemmas)
            and (not self.pos or token.pos in self.pos)
            and (not self.ents or token.ent in self.ents)
        )


@dataclass(frozen=True)
class TriggerRow:
    category: Category
    lemmas: frozenset[str]
    pos: frozenset[str]
    with_any: tuple[DependentTest, ...] = ()
    # a second test that must pass too ("battu à mort" by "des habitants": the manner and the agent)
    and_with: tuple[DependentTest, ...] = ()
    unless: tuple[DependentTest, ...] = ()
    unless_head: DependentTest | None = None
    head: DependentTest | None = None  # a governing word that must be there, unless the cue heads a headline
    inverted: bool = False
    toll_only: bool = False
    anaphoric: bool = False
    passive_only: bool = False
    active_only: bool = False
    not_imperfect: bool = False  # "était occupée", "contrôlait": a state the story describes, not a change
    not_present: bool = False  # "l'armée occupe une partie de la ville": who holds a place, not a change of hands
    agent_via: frozenset[str] = frozenset()  # "aux mains des rebelles": who acts is the complement of these nouns
    example: str = ""
    nominal: bool = False  # an action noun ("frappe", "attaque"), whose sides hang on it differently
    # the capture verbs of the row whose bare object is the place taken: a capitalised word right after one is
    # that place, whatever its label ("ont repris Gao dimanche"), and a name one took stays out of the cue's words,
    # so that it places the event
    takes_a_name: frozenset[str] = frozenset()

    def match(self, tree: Tree, token: Token, time_nouns: frozenset[str],
              around: Surroundings | None = None) -> list[Token] | None:
        """The dependents that satisfied ``with`` (empty when it has none), or None when the row fails.

        ``time_nouns``: heads the parser may put between the cue and its governing word ("vendredi");
        ``around``: the word's :func:`surroundings`, when the caller tries several rows on it."""
        if token.lemma not in self.lemmas and not (self.nominal and noun_key(token.text) in self.lemmas):
            return None
        if self.pos and token.pos not in self.pos:
            return None
        if token.pos == "DET" or token.pos == "ADP":
            return None
        kids, head = around or surroundings(tree, token, time_nouns)
        if any(test.passes(k) for test in self.unless for k in kids):
            return None
        if self.nominal and token.pos == "VERB" and any(k.dep in SUBJECTS or k.dep == "obj" for k in kids):
            return None  # "l'attentat qui frappe la capitale": a verb with a subject or an object, not "frappes"
        if self.unless_head is not None and head is not None and self.unless_head.passes(head):
            return None
        if self.head is not None and token.dep != "ROOT" and (head is None or not self.head.passes(head)):
            return None  # "un cessez-le-feu" is an event when concluded, signed, in force
        if self.passive_only or self.active_only:
            passive = is_passive(tree, token)
            if (self.passive_only and not passive) or (self.active_only and passive):
                return None
        if self.not_imperfect and any(
            form.feature("Tense") == "Imp" for form in (token, *(k for k in kids if k.dep.startswith("aux")))
        ):
            return None
        if self.not_present and token.feature("Tense") == "Pres" and token.feature("VerbForm") == "Fin" and not any(
                k.dep.startswith("aux") for k in kids):
            return None
        if self.and_with and not any(test.passes(k) for test in self.and_with
                                     for k in (*kids, *_grandchildren(tree, kids))):
            return None  # "ont brûlé vifs quatre villageois": the parser may hang the manner on the victims
        if not self.with_any:
            return []
        found = [k for k in kids if any(test.passes(k) for test in self.with_any)]
        if not found:
            # the parser often hangs a complement one level too low ("saisi dimanche un dépôt": dépôt under
            # dimanche; "découvert et saisi un dépôt": the shared object under the conjunct): a grandchild
            # outside any embedded clause passes on its lemma alone
            found = [g for g in _grandchildren(tree, kids) if self._passes_on_lemma(g, tree)]
        if not found:
            # "l'attaque-suicide": the parser cuts the compound at its hyphen and roots the second half apart
            found = [j for j in _hyphen_joined(tree, token) if self._passes_on_lemma(j)]
        if not found and token.pos == "VERB":
            found = self._object_after(tree, token)
        if not found and token.lemma in self.takes_a_name and token.pos == "VERB":
            name = bare_name_after((t for t in tree.tokens if t.i > token.i), time_nouns)
            found = [name] if name is not None and name.dep not in SUBJECTS else []
        return found or None

    def _passes_on_lemma(self, token: Token, tree: Tree | None = None) -> bool:
        """A ``with`` test passes on the word's lemma alone, whatever its dependency label; given the ``tree``,
        a test of who acts only on a possible agent (a "par" complement hung too low, "tués près de Gao par un
        drone"), never on another word ("un engin a visé un convoi de la coalition": the coalition did not
        strike)."""
        tests = [test for test in self.with_any if test.lemmas and token.lemma in test.lemmas]
        if not tests:
            return False  # most words: no need to read their prepositions
        agent = tree is None or "par" in prepositions_of(tree, token)
        return any(agent or not test.deps <= ACTING_DEPS for test in tests)

    def _object_after(self, tree: Tree, token: Token) -> list[Token]:
        """A date set off by commas loses the parser the object ("ont pris, samedi, le contrôle de la ville":
        "contrôle" becomes the next verb's subject): the first noun after the verb, not a time complement,
        passes an object test on its lemma alone."""
        nouns = [t for t in tree.tokens if token.i < t.i <= token.i + OBJECT_REACH and t.pos in ("NOUN", "PROPN")
                 and t.dep != "obl:mod"]
        if not nouns or tree.head(nouns[0]) is token:
            return []  # the noun the verb governs was tested already
        first = nouns[0]
        passes = any(test.lemmas and "obj" in test.deps and first.lemma in test.lemmas for test in self.with_any)
        return [first] if passes else []


class Surroundings(NamedTuple):
    """What a row reads around a word, the same whatever the row: a word of a sentence is tried against
    about two rows, which read these once (:meth:`TriggerLexicon.find`)."""

    kids: tuple[Token, ...]  # its dependents, as the rows see them
    head: Token | None  # its governing word, past the words of a date between them


def surroundings(tree: Tree, token: Token, time_nouns: frozenset[str]) -> Surroundings:
    """A word's :class:`Surroundings`; ``time_nouns``: heads the parser may put between the word and its
    governing word ("vendredi")."""
    kids = tree.children(token)
    # "a saisi mardi des armes": the parser may read the partitive "des" as a preposition, making the object an
    # oblique; "a abattu mardi trois drones": or leave an oblique with no preposition at all, which only an
    # object is
    kids += [k._replace(dep="obj") for k in kids if k.dep == "obl:arg" and _unmarked_or_partitive(tree, k)]
    # "ont exécuté six bergers jeudi": a counted noun after a verb with no preposition is its object, however the
    # parser labels it (a date, "jeudi", is no counted noun)
    kids += [k._replace(dep="obj") for k in kids if k.dep == "obl:mod" and k.i > token.i
             and _counted_and_unmarked(tree, k, time_nouns)]
    # "tuées à Tudun, village de Kaduna, par un drone": a passive's far "par" complement, read as obl:mod
    agents = [k for k in kids if k.dep not in AGENT_DEPS and par_agent(tree, k)] + complement_agents(tree, token)
    if agents and is_passive(tree, token):
        kids += [k._replace(dep="obl:agent") for k in agents]
    if token.dep == "acl:relcl" and (antecedent := tree.head(token)) is not None:
        # "la ville qui a été libérée": the relative pronoun's antecedent fills its slot
        kids += [antecedent._replace(dep=k.dep) for k in kids if k.lemma in RELATIVE_PRONOUNS]
    if token.dep == "conj" and not any(k.dep in SUBJECTS for k in kids) and (first := tree.head(token)):
        # "conquise en 2015, reprise en 2016": a conjunct shares the first verb's subject
        kids += [k for k in tree.children(first) if k.dep in SUBJECTS]
    head = tree.head(token)
    for _ in range(DATE_WORDS):
        # "ont signé vendredi 23 octobre un cessez-le-feu": the parse hangs it on the date's words
        if head is None or not (head.lemma in time_nouns or head.pos == "NUM") or not head.dep.startswith(
                ("obl", "nmod")):
            break
        head = tree.head(head)
    return Surroundings(tuple(kids), head)


# "ont pris Kidal", "se sont emparés de Djibo", "sont entrés mardi dans Gao" (the parser labels this oblique a
# modifier: a row that reads a name so, entering a place, has the place as its complement)
OBJECT_DEPS = frozenset({"obj", "obl:arg", "obl:mod"})
NAME_LABELS = frozenset({"LOC", "GPE"})


def _named_object(token: Token) -> bool:
    """A capitalised name, labelled a place or a proper noun, that the parser made the verb's object: the place
    taken, when the places resolve it as one ("ont pris Kidal"); a person ("a repris Moussa Traoré") is none."""
    return token.dep in OBJECT_DEPS and token.text[:1].isupper() and (token.pos == "PROPN" or token.ent in NAME_LABELS)


def _told_as_news(tree: Tree, verb: Token, time_nouns: frozenset[str], earlier_adverbs: frozenset[str]) -> bool:
    """A capture the sentence reports on its day ("ont pris Kidal dimanche"), not one that describes a side ("les
    soldats, qui ont repris Mayadine, avancent"), that it recalls as done already ("a déjà repris Alep") or that
    it names with no day of its own, as a story recalls what led to it ("depuis, l'armée a repris Palmyre")."""
    return verb.dep != "acl:relcl" and not any(
        k.dep == "advmod" and k.lemma in earlier_adverbs for k in tree.children(verb)) and any(
        t.lemma in time_nouns for t in tree.subtree(verb))


def _told_as_background(tree: Tree, verb: Token, before_marks: frozenset[str]) -> bool:
    """"avait déjà repris Alep en décembre", "après avoir repris Palmyre, ...": a capture in the pluperfect or
    in a clause that the main event follows is what led to the story, told or dated elsewhere, not its news."""
    kids = tree.children(verb)
    return any(k.dep.startswith("aux") and k.feature("Tense") == "Imp" for k in kids) or any(
        k.dep == "mark" and k.lemma in before_marks for k in kids)


def _unmarked_or_partitive(tree: Tree, oblique: Token) -> bool:
    cases = [c.text.lower() for c in tree.children(oblique) if c.dep == "case"]
    return any(case in PARTITIVES for case in cases) or (not cases and oblique.pos in ("NOUN", "PROPN"))


def _counted_and_unmarked(tree: Tree, noun: Token, time_nouns: frozenset[str]) -> bool:
    kids = tree.children(noun)
    return (noun.pos == "NOUN" and noun.lemma not in time_nouns and any(k.dep == "nummod" for k in kids)
            and not any(k.dep == "case" for k in kids))


def _hyphen_joined(tree: Tree, token: Token) -> list[Token]:
    """The word written after the token with a hyphen and no space ("attaque-suicide" -> "suicide")."""
    hyphen, second = tree.get(token.i + 1), tree.get(token.i + 2)
    if hyphen is None or second is None or hyphen.text != "-":
        return []
    return [second] if hyphen.start == token.end and second.start == hyphen.end else []


@dataclass(frozen=True)
class RelativeDays:
    """How an action noun is placed some days from its sentence's day ("cinq jours après un attentat")."""

    marks: dict[str, int]  # the preposition's lemma -> direction from the sentence's day to the noun's event
    units: dict[str, int]  # the counted noun's lemma -> days per unit ("semaine": 7)
    heads: dict[str, int]  # a noun that is an offset by itself ("au lendemain de l'attaque": -1)


@dataclass(frozen=True)
class TriggerLexicon:
    """The rows, indexed by lemma, plus the word lists the grammar rules use."""

    rows: tuple[TriggerRow, ...]
    by_lemma: dict[str, tuple[TriggerRow, ...]]
    nominal_by_lemma: dict[str, tuple[TriggerRow, ...]]  # the nominal rows of by_lemma, looked up by noun_key
    nominal_spellings: frozenset[str]  # the lower-cased words whose noun_key nominal_by_lemma holds
    compound_starts: frozenset[str]  # the first words of the rows' two-word lemmas ("ville" of "ville morte")
    support_verbs: frozenset[str]
    governing_verbs: frozenset[str]  # the words a row's cue must hang on ("signer", "conclure" a ceasefire)
    undergo_words: frozenset[str]  # "tombé dans une embuscade", "a subi une attaque": the subject suffers
    undergo_on_words: frozenset[str]  # "a sauté sur une mine": ... when the noun is their oblique
    harm_verbs: frozenset[str]  # "ont tué quatre soldats dans une embuscade": the subject set the ambush
    state_participles: frozenset[str]  # "des hommes armés", "une balle perdue": what the noun is, no event of its own
    plan_lemmas: frozenset[str]
    habit_lemmas: frozenset[str]  # "n'hésite pas à exécuter ses otages": a disposition, not one act
    purpose_marks: frozenset[str]
    aim_lemmas: frozenset[str]  # after "pour", these verbs state an aim, not an outcome ("pour reprendre")
    negating_marks: frozenset[str]
    comparison_marks: frozenset[str]  # "comme ils l'ont fait à Fataki": a clause likening the event to another
    period_marks: frozenset[str]  # "depuis que ...": the clause sums a period
    occasion_words: frozenset[str]  # "lors d'une opération menée lundi": the noun is the event's occasion
    abstract_heads: frozenset[str]  # "l'augmentation des attaques": a trend, an end, a risk, not one event
    perception_verbs: frozenset[str]  # "ont entendu des tirs": a sound heard, not an event told
    trend_verbs: frozenset[str]  # "les enlèvements ont augmenté", "spécialisé dans les rapts": a trend, not one event
    nowadays_adverbs: frozenset[str]  # "procède maintenant à des attaques": what a side now does, not one event
    home_nouns: frozenset[str]  # "une milice de Misrata": the place says whose the force is, not where it acted
    area_nouns: frozenset[str]  # "les forces de la région du Kurdistan": between a home noun and its place
    zone_nouns: frozenset[str]  # "la zone des bombardements": a zone named by the cue
    aftermath_heads: frozenset[str]  # "les vestiges du combat", "des années de combats": background, not one event
    series_heads: frozenset[str]  # "une série d'attaques": a run of events
    series_modifiers: frozenset[str]  # "les premières attaques": the start of a run of events
    anticipation_modifiers: frozenset[str]  # "la prochaine bataille", "une éventuelle attaque": not yet an event
    any_determiners: frozenset[str]  # "tout rassemblement", "chaque attaque": any event of the kind, not one
    habit_modifiers: frozenset[str]  # "des affrontements réguliers": a kind of event, not one
    additive_adverbs: frozenset[str]  # "ont également visé": the clause adds to what was told
    occurrence_verbs: frozenset[str]  # "des heurts se sont aussi produits à": something took place
    hit_verbs: frozenset[str]  # "le village de X a été le plus touché": where the event told struck hardest...
    hit_intensifiers: frozenset[str]  # ... told with one of these
    another_modifiers: frozenset[str]  # "une autre frappe", "un autre poste": another happening than the one told
    ordinal_pronouns: frozenset[str]  # "la première ..., la seconde ...": each takes up one of the events told
    tally_min_events: int  # "350 assauts": a cue noun counted this high is a tally of events, not one
    counted_within_one_event: frozenset[str]  # "35 arrestations": ... unless one event counts them
    held_weapon_heads: frozenset[str]  # "ont découvert des obus": a weapon found or seized, not fired
    gunfire_nouns: frozenset[str]  # "à l'arme automatique", "des tirs": a grenade beside them is a fight's weapon
    compound_heads: frozenset[str]  # "lance-roquettes": a launcher, not rockets
    classifier_nouns: frozenset[str]  # "les opérations de combat", "un avion de combat": a kind of thing, no fight
    name_idioms: frozenset[str]  # "ont pris Damas pour cible": complements that make a capture verb another verb
    achievement_verbs: frozenset[str]  # "a réussi à reprendre Kidal": a capture in the infinitive that was done
    earlier_adverbs: frozenset[str]  # "a déjà repris Alep": a capture told as done before the story
    before_marks: frozenset[str]  # "après avoir repris Gao, ...": a capture the main event follows
    time_nouns: frozenset[str]  # a head the parser may put between a cue and its governor ("signé vendredi un")
    place_nouns: frozenset[str]  # "ville", "village", "région": nouns that name a place
    relative_days: RelativeDays

    def find(self, tree: Tree, named_people: frozenset[int] = frozenset()) -> list[tuple[Trigger, Token, TriggerRow]]:
        """Each token that some row accepts, with the first such row (rows are ordered specific first).

        ``named_people``: the words that name aircraft elsewhere but open the name of a group of people here
        ("des chasseurs dozos"): no row's ``with`` test passes on them."""
        found = []
        # the words a hyphen follows, found in one pass: most words are neither a cue nor a compound's first half
        before_hyphen = {t.i - 1 for t in tree.tokens if t.text == "-"}
        rows_of, nominal_spellings = self.by_lemma.get, self.nominal_spellings  # asked for every word
        for token in tree.tokens:
            if token.text.endswith(ER_PARTICIPLE_ENDINGS) and token.pos not in ("VERB", "AUX"):
                token = _participle_misread(tree, token)
            rows = rows_of(token.lemma, ())
            # one set look-up tells the few words a nominal row is keyed by, before their key is made
            if token.text.lower() in nominal_spellings and (key := noun_key(token.text)) != token.lemma:
                rows = rows + self.nominal_by_lemma[key]
            if not rows and token.i in before_hyphen and (second := _hyphen_joined(tree, token)):
                # "sit-in": the tokenizer cuts a compound at its hyphen, and its first half is no cue
                compound = f"{token.text}-{second[0].text}".lower()
                rows = self.by_lemma.get(compound, ())
                token = token._replace(lemma=compound) if rows else token
            if not rows and token.text.lower() in self.compound_starts and (following := tree.get(token.i + 1)):
                # "une journée ville morte": a compound written in two words, whose words are no cue apart (the
                # parser hangs the second on whatever comes before)
                compound = f"{token.text} {following.text}".lower()
                rows = self.by_lemma.get(compound, ())
                token = token._replace(lemma=compound) if rows else token
            if not rows or _describes_a_state(tree, token, self.time_nouns) or self._compound_tail(tree, token):
                continue  # most words are no trigger: asked first
            held = token.pos == "NOUN" and self._held_weapon(tree, token)
            around = surroundings(tree, token, self.time_nouns)
            for row in rows:
                if held and row.category.event_type == REMOTE_VIOLENCE:
                    continue  # "ont découvert une cache contenant des obus": the find is the event
                matched = row.match(tree, token, self.time_nouns, around)
                if matched and named_people:
                    matched = [k for k in matched if k.i not in named_people] or None
                if matched is None or matched and all(self._compound_tail(tree, k) for k in matched):
                    continue  # "des tirs de lance-roquettes" are no shelling
                taken = -1
                if (token.lemma in row.takes_a_name and not row.nominal
                        and not _told_as_background(tree, token, self.before_marks)
                        and self._told_as_done(tree, token)):
                    # "ont repris hier Tombouctou", "reprendre Konna": a town the parser mislabelled is where the event
                    # is, named apart from the cue's words; so is a bare name the parser made the verb's object ("ont
                    # pris Kidal dimanche", "se sont emparés de Djibo"), which stayed in the cue's words, where a
                    # capture's place is not looked for. A name with an article is a country's or a region's ("a
                    # envahi l'Ukraine"), read as before
                    names = [k for k in matched if k.i > token.i and k.lemma not in self.place_nouns
                             and not any(d.dep == "det" for d in tree.children(k))
                             and (not any(test.passes(k) for test in row.with_any)
                                  or _named_object(k)
                                  and _told_as_news(tree, token, self.time_nouns, self.earlier_adverbs))
                             and not self._idiom_with(tree, token, k)]
                    matched = [k for k in matched if k not in names]
                    taken = min((k.start for k in names), default=-1)
                near = [k for k in matched if abs(k.i - token.i) <= ADJACENT_TOKENS]
                start = min([token.start, *(k.start for k in near)])
                end = max([token.end, *(k.end for k in near)])
                passive = not row.nominal and is_passive(tree, token)
                words = " ".join(t.text for t in sorted([token, *near], key=lambda t: t.i))
                # "un drone des Houthis a visé l'aéroport": the word the row asked for, too far to join the cue's
                # span, still says by what means
                means = " ".join(k.text for k in matched if k not in near)
                trigger = Trigger(
                    start, end, words, row.category, row.inverted, row.toll_only, row.anaphoric, passive, token.i,
                    means, taken,
                )
                found.append((trigger, token, row))
                break
        return found

    def _idiom_with(self, tree: Tree, verb: Token, name: Token) -> bool:
        """"ont pris Damas pour cible", "ont pris Gao en otage": a complement of the verb (the parser may hang it on
        the name) that makes it another verb than a capture, whose name is no place taken."""
        complements = [k for k in tree.children(verb) if k.dep.startswith("obl")]
        complements += [c for c in tree.children(name) if c.dep == "nmod" and any(
            m.dep == "case" for m in tree.children(c))]
        return any(c.lemma in self.name_idioms for c in complements)

    def _told_as_done(self, tree: Tree, verb: Token) -> bool:
        """A capture verb in a bare infinitive tells a plan, a duty, a hope or a failure ("va reprendre Raqqa",
        "doit reprendre", "a échoué à reprendre"), unless a verb of achievement governs it ("a réussi à
        reprendre", "a pu reprendre"); a past infinitive ("affirme avoir repris") tells it done."""
        if verb.feature("VerbForm") != "Inf" or any(k.dep.startswith("aux") for k in tree.children(verb)):
            return True
        head = tree.head(verb)
        return head is not None and head.i != verb.i and head.lemma in self.achievement_verbs

    def _compound_tail(self, tree: Tree, token: Token) -> bool:
        """The second half of a compound the parser cut at its hyphen, whose first half makes it another
        thing ("lance-roquettes", "anti-missiles")."""
        hyphen, first = tree.get(token.i - 1), tree.get(token.i - 2)
        return (hyphen is not None and first is not None and hyphen.text == "-" and hyphen.end == token.start
                and first.end == hyphen.start and first.text.lower() in self.compound_heads)

    def _held_weapon(self, tree: Tree, token: Token) -> bool:
        """A weapon noun that is the object or complement of a find, a seizure or a store, directly or
        through a participle ("une cache d'armes contenant des obus"); coordinated verbs share their object ("ont
        découvert et détruit trois engins": the parser hangs it on the second). A weapon its own relative clause
        says harmed or went off acted ("ont posé une bombe qui a tué trois soldats"): it was fired."""
        if any(k.dep == "acl:relcl" and (k.lemma in self.harm_verbs or k.lemma in WENT_OFF)
               for k in tree.children(token)):
            return False
        current = token
        for _ in range(HELD_REACH):
            head = tree.head(current)
            if head is None or current.dep not in HELD_DEPS:
                return False
            first = tree.head(head) if head.dep == "conj" else None
            if head.lemma in self.held_weapon_heads or first is not None and first.lemma in self.held_weapon_heads:
                return True
            current = head
        return False


def spellings_keyed(keys: Iterable[str]) -> frozenset[str]:
    """Every lower-cased word whose :func:`noun_key` is one of ``keys``: the key itself, or it with the plural's
    "s" or "x" that noun_key drops."""
    return frozenset(word for key in keys for word in (key, key + "s", key + "x") if noun_key(word) == key)


def noun_key(word: str) -> str:
    """The singular a noun's plural spelling points to: the tagger sometimes takes "frappes" for a verb
    and lemmatises it as "frapper"; nominal rows also look the word up by this key."""
    word = word.lower()
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


def _grandchildren(tree: Tree, kids: Iterable[Token]) -> list[Token]:
    """The dependents of ``kids`` outside any clause embedded in them: where the parser often hangs a cue's
    complement, one level too low."""
    return [g for k in kids if k.dep not in CLAUSE_DEPS for g in tree.children(k)]


def _participle_misread(tree: Tree, token: Token) -> Token:
    """A participle in "-é" that the tagger took for a noun or a determiner ("ont massacré au moins quarante
    civils": the words after it throw the tagger, which then lemmatises the word as itself): with a tense or
    passive auxiliary it is a verb, its lemma the infinitive in "-er". Any other word is returned as it is."""
    if not any(k.dep in TENSE_AUXILIARIES for k in tree.children(token)):
        return token
    lemma = token.lemma
    if lemma == token.text.lower():
        ending = next(e for e in ER_PARTICIPLE_ENDINGS if lemma.endswith(e))
        lemma = lemma[: -len(ending)] + "er"
    return token._replace(lemma=lemma, pos="VERB")


def _describes_a_state(tree: Tree, token: Token, time_nouns: frozenset[str]) -> bool:
    """"les soldats enlevés", "une ville libérée": a participle used as an adjective names a state the
    noun is in, not an event the sentence reports (unless it has its own agent, "tués par des hommes armés", or
    its own time, "Konna, tombée la veille aux mains des islamistes")."""
    if token.pos not in VERBAL or token.dep not in ("amod", "acl") or token.feature("VerbForm") != "Part":
        return False
    if token.feature("Tense") == "Pres":
        return False  # "les soldats, reprenant le village": a present participle acts
    # the parser often labels a far "par" agent obl:mod ("tués le 1er juin par l'armée"), and hangs a date on its
    # day number ("le 1er juin": "1er", with "juin" below it)
    return not any(k.dep in ("obl:agent", "aux:pass", "aux:tense") or k.dep.startswith("obl") and (
        k.lemma in time_nouns or par_agent(tree, k) or any(g.lemma in time_nouns for g in tree.children(k)))
                   for k in tree.children(token))


def _tests(specs: Sequence[dict[str, Any]] | None, classes: dict[str, list[str]]) -> tuple[DependentTest, ...]:
    return tuple(_test(spec, classes) for spec in specs or ())


def _test(spec: dict[str, Any], classes: dict[str, list[str]]) -> DependentTest:
    lemmas = spec.get("lemma", [])
    if isinstance(lemmas, str):
        lemmas = classes[lemmas[1:]] if lemmas.startswith("@") else [lemmas]
    return DependentTest(
        deps=frozenset(spec.get("dep", [])),
        lemmas=frozenset(lemma.lower() for lemma in lemmas),
        pos=frozenset(spec.get("pos", [])),
        ents=frozenset(spec.get("ent", [])),
    )


@lru_cache(maxsize=4)
def load_triggers(name: str = TRIGGERS_FILE) -> TriggerLexicon:
    """Read the trigger rows; their categories are those of ``event_cues.json``."""
    data = load_json(name)
    categories = load_categories()
    classes: dict[str, list[str]] = data["classes"]
    rows = []
    for spec in data["triggers"]:
        unless_head = spec.get("unless_head")
        rows.append(
            TriggerRow(
                category=categories[spec["category"]],
                lemmas=frozenset(lemma.lower() for lemma in spec["lemmas"]),
                # the tagger mislabels nouns (ADV, PRON, VERB: "De nouvelles frappes"): for a noun row the
                # lemma decides alone
                pos=frozenset() if "NOUN" in spec.get("pos", []) else frozenset(spec.get("pos", [])),
                nominal="NOUN" in spec.get("pos", []),
                with_any=_tests(spec.get("with"), classes),
                and_with=_tests(spec.get("and_with"), classes),
                unless=_tests(spec.get("unless"), classes),
                unless_head=_test(unless_head, classes) if unless_head else None,
                head=_test(spec["head"], classes) if "head" in spec else None,
                inverted=bool(spec.get("inverted", False)),
                toll_only=bool(spec.get("toll_only", False)),
                anaphoric=bool(spec.get("anaphoric", False)),
                passive_only=bool(spec.get("passive_only", False)),
                active_only=bool(spec.get("active_only", False)),
                not_imperfect=bool(spec.get("not_imperfect", False)),
                not_present=bool(spec.get("not_present", False)),
                agent_via=frozenset(spec.get("agent_via", [])),
                takes_a_name=frozenset(spec.get("takes_a_name", [])),
                example=spec.get("example", ""),
            )
        )
    by_lemma: dict[str, list[TriggerRow]] = {}
    for row in rows:
        for lemma in row.lemmas:
            by_lemma.setdefault(lemma, []).append(row)
    nominal_by_lemma = {lemma: nominal for lemma, group in by_lemma.items()
                        if (nominal := tuple(row for row in group if row.nominal))}
    return TriggerLexicon(
        rows=tuple(rows),
        by_lemma={lemma: tuple(group) for lemma, group in by_lemma.items()},
        nominal_by_lemma=nominal_by_lemma,
        nominal_spellings=spellings_keyed(nominal_by_lemma),
        compound_starts=frozenset(lemma.split(" ")[0] for lemma in by_lemma if " " in lemma),
        support_verbs=frozenset(data["support_verbs"]),
        governing_verbs=frozenset(lemma for row in rows if row.head is not None for lemma in row.head.lemmas),
        undergo_words=frozenset(data["undergo_words"]),
        undergo_on_words=frozenset(data["undergo_on_words"]),
        harm_verbs=frozenset(data["harm_verbs"]),
        state_participles=frozenset(data["state_participles"]),
        plan_lemmas=frozenset(data["plan_lemmas"]),
        habit_lemmas=frozenset(data["habit_lemmas"]),
        purpose_marks=frozenset(data["purpose_marks"]),
        aim_lemmas=frozenset(data["aim_lemmas"]),
        negating_marks=frozenset(data["negating_marks"]),
        comparison_marks=frozenset(data["comparison_marks"]),
        period_marks=frozenset(data["period_marks"]),
        occasion_words=frozenset(data["occasion_words"]),
        abstract_heads=frozenset(data["abstract_heads"]),
        perception_verbs=frozenset(data["perception_verbs"]),
        trend_verbs=frozenset(data["trend_verbs"]),
        nowadays_adverbs=frozenset(data["nowadays_adverbs"]),
        home_nouns=frozenset(data["home_nouns"]),
        area_nouns=frozenset(data["area_nouns"]),
        zone_nouns=frozenset(data["zone_nouns"]),
        aftermath_heads=frozenset(data["aftermath_heads"]),
        series_heads=frozenset(data["series_heads"]),
        series_modifiers=frozenset(data["series_modifiers"]),
        anticipation_modifiers=frozenset(data["anticipation_modifiers"]),
        any_determiners=frozenset(data["any_determiners"]),
        habit_modifiers=frozenset(data["habit_modifiers"]),
        additive_adverbs=frozenset(data["additive_adverbs"]),
        occurrence_verbs=frozenset(data["occurrence_verbs"]),
        hit_verbs=frozenset(data["hit_verbs"]),
        hit_intensifiers=frozenset(data["hit_intensifiers"]),
        another_modifiers=frozenset(data["another_modifiers"]),
        ordinal_pronouns=frozenset(data["ordinal_pronouns"]),
        tally_min_events=int(data["tally_min_events"]),
        counted_within_one_event=frozenset(data["counted_within_one_event"]),
        held_weapon_heads=frozenset(data["held_weapon_heads"]),
        gunfire_nouns=frozenset(data["gunfire_nouns"]),
        compound_heads=frozenset(data["compound_heads"]),
        classifier_nouns=frozenset(data["classifier_nouns"]),
        name_idioms=frozenset(data["name_idioms"]),
        achievement_verbs=frozenset(data["achievement_verbs"]),
        earlier_adverbs=frozenset(data["earlier_adverbs"]),
        before_marks=frozenset(data["before_marks"]),
        # one list of words of time for the places the verbs take and the cues hung on them (place_roles.json)
        time_nouns=PlaceRoles.from_data().time_words,
        place_nouns=frozenset(data["classes"]["place_nouns"]),
        relative_days=RelativeDays(**data["relative_days"]),
    )
