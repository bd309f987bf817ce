"""Grammar over the typed token view: trees, clauses, voice, scope and roles.

Everything here reads :class:`veilleur.annotate.Token` lists (no spaCy), so the rules can be tested on
hand-made trees. Labels are the Universal Dependencies ones that ``fr_core_news_md`` produces
(``nsubj``, ``nsubj:pass``, ``obj``, ``obl:agent``, ``aux:pass``, ``acl:relcl`` ...).

- :func:`clause_of` — the tokens of the clause that governs a token: climbing from a noun or participle
  to the verb that heads its clause, then that verb's subtree without the clauses embedded in it. Exclusions
  (negation, future, plans, habitual or long-period wording) are looked for there, never in the whole
  sentence.
- :func:`roles` — who acts and who is acted upon for a trigger: the subject of an active verb or the
  "par"-agent of a passive one; the object or the passive subject; for an action noun, its "de"/"par"
  complement, or the subject of the support verb that governs it ("mener une attaque").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property

from veilleur.annotate import Token
from veilleur.datafiles import load_json

# Dependents that open a clause of their own.
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "acl:relcl", "parataxis", "xcomp", "csubj"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubj:pass"})
OBJECT_DEPS = frozenset({"obj", "obl:arg", "iobj"})
AGENT_DEPS = frozenset({"obl:agent"})
# Written French negates a verb with "ne" ("n'ont pas", "ne ... jamais"); "pas" alone is a quantifier
# ("pas moins de 40 morts"). A noun is negated by its determiner ("aucune attaque").
VERB_NEGATION = frozenset({"ne"})
NOUN_NEGATION = frozenset({"aucun", "aucune", "nul", "nulle"})
TARGET_MARKS = frozenset({"contre"})  # the preposition of what an act or a grievance is against
RELATIVE_PRONOUNS = frozenset({"qui", "que", "lequel", "laquelle", "lesquels", "lesquelles"})


@dataclass(frozen=True)
class Tree:
    """One sentence's tokens with their children, indexed by the tokens' document index."""

    tokens: tuple[Token, ...]
    offset: int  # document index of tokens[0]

    @classmethod
    def of(cls, tokens: Sequence[Token]) -> Tree:
        return cls(tuple(tokens), tokens[0].i if tokens else 0)

    def get(self, i: int) -> Token | None:
        local = i - self.offset
        return self.tokens[local] if 0 <= local < len(self.tokens) else None

    def head(self, token: Token) -> Token | None:
        return None if token.head == token.i else self.get(token.head)

    @cached_property
    def _children(self) -> dict[int, tuple[Token, ...]]:
        """Each token's children in text order, by the token's index: built on the first question, as the
        rules ask a sentence for children hundreds of times."""
        children: dict[int, list[Token]] = {}
        for t in self.tokens:
            if t.head != t.i:
                children.setdefault(t.head, []).append(t)
        return {head: tuple(kids) for head, kids in children.items()}

    def children(self, token: Token) -> list[Token]:
        return list(self._children.get(token.i, ()))

    @cached_property
    def _subtrees(self) -> dict[int, tuple[Token, ...]]:
        """The subtrees asked for so far, by their top token's index: the rules ask for the same ones again
        (a clause's head for each trigger, its embedded clauses, the arguments' spans)."""
        return {}

    def subtree(self, token: Token) -> list[Token]:
        """The token and every token below it, in text order."""
        known = self._subtrees.get(token.i)
        if known is None:  # what it holds depends only on the index and the tree
            known = self._subtrees[token.i] = tuple(self._subtree(token))
        return list(known)

    def _subtree(self, token: Token) -> list[Token]:
        inside = {token.i}
        below = [token.i]
        while below:
            for kid in self._children.get(below.pop(), ()):
                if kid.i not in inside:
                    inside.add(kid.i)
                    below.append(kid.i)
        return [t for t in self.tokens if t.i in inside]

    @cached_property
    def _relative_verbs(self) -> tuple[tuple[Token, tuple[Token, ...]], ...]:
        """The words that open a relative clause (dependency ``acl:relcl``, or with a relative pronoun among
        their children), each with those pronouns, in text order: found once per sentence, not once per
        trigger (:func:`past_relative_clauses`)."""
        pronouns: dict[int, list[Token]] = {}  # by the word they hang on, in text order
        for k in self.tokens:
            # the substring test first: most words' morphology names no relative pronoun
            if "PronType=Rel" in k.morph and k.head != k.i and k.feature("PronType") == "Rel":
                pronouns.setdefault(k.head, []).append(k)
        return tuple((verb, tuple(pronouns.get(verb.i, ()))) for verb in self.tokens
                     if verb.dep == "acl:relcl" or verb.i in pronouns)

    def span(self, tokens: Iterable[Token]) -> tuple[int, int] | None:
        chosen = list(tokens)
        if not chosen:
            return None
        return min(t.start for t in chosen), max(t.end for t in chosen)


def clause_head(tree: Tree, token: Token) -> Token:
    """The verb (or root) that heads the clause ``token`` belongs to."""
    current = token
    for _ in range(len(tree.tokens)):
        if current.dep in CLAUSE_DEPS and (current.pos in ("VERB", "AUX") or current.dep == "ROOT"):
            return current
        parent = tree.head(current)
        if parent is None:
            return current
        current = parent
    return current


def clause_of(tree: Tree, token: Token) -> list[Token]:
    """The tokens of ``token``'s clause: its head's subtree minus embedded clauses not containing it (a
    participle that modifies a noun is one: "Kitchanga, occupée depuis un mois par le M23")."""
    head = clause_head(tree, token)
    inside = tree.subtree(head)
    own = {t.i for t in inside}
    for t in inside:
        if t.i != head.i and (t.dep in CLAUSE_DEPS or t.dep == "acl" and t.pos == "VERB") and t.i in own:
            embedded = {x.i for x in tree.subtree(t)}
            if token.i not in embedded:
                own -= embedded
    return [t for t in inside if t.i in own]


# relative pronouns after a preposition that take up an event noun, whatever word the parser hangs them on
EVENT_RELATIVES = frozenset({"lequel", "laquelle", "lesquels", "lesquelles", "duquel", "desquels", "desquelles",
                             "auquel", "auxquels", "auxquelles"})


def past_relative_clauses(tree: Tree, token: Token) -> list[tuple[int, int]]:
    """The character spans of the relative clauses in the imperfect or pluperfect that do not contain
    ``token``: they describe a noun by what was before ("la ville où s'était immolé en 2010 un vendeur",
    "d'où était partie en 2010 la contestation"), not ``token``'s event."""
    # a relative clause on the trigger itself, or for an action noun on its noun phrase ("un attentat attribué à
    # Boko Haram, dans lequel 15 personnes avaient péri en juillet"), does tell when the event was
    own = {t.i for t in tree.subtree(token)} if token.pos == "NOUN" else {token.i}
    spans = []
    for verb, pronouns in tree._relative_verbs:
        if verb.head in own or _agrees_with_own_noun(tree, verb, pronouns, own):
            continue
        if any(k.text.lower() in EVENT_RELATIVES for k in pronouns):
            continue  # "dans lequel", "au cours duquel", "lors de laquelle": the parse may hang it elsewhere
        tenses = {verb.feature("Tense")} | {a.feature("Tense") for a in auxiliaries(tree, verb)}
        inside = tree.subtree(verb)
        if "Imp" in tenses and all(t.i != token.i for t in inside):
            span = tree.span(inside)
            if span is not None:
                spans.append(span)
    return spans


def subject_relatives_on_others(tree: Tree, token: Token, own: set[int]) -> list[tuple[int, int]]:
    """The character spans of the "qui" clauses hung on a noun outside ``own`` (the trigger's phrase) that end
    before ``token``: what they tell that noun did ("les proches des victimes de l'explosion, qui a tué 200
    personnes, ont manifesté") is that noun's story, not the later cue's event. One after the cue is left alone:
    the parse hangs the cue's own ("un attentat contre une mosquée, qui a fait cinq morts") on its last noun."""
    spans = []
    for verb, pronouns in tree._relative_verbs:
        head = tree.head(verb)
        if head is None or head.pos != "NOUN" or verb.head in own:
            continue
        if not any(p.dep.startswith("nsubj") and p.lemma == "qui" for p in pronouns):
            continue
        if _agrees_with_own_noun(tree, verb, pronouns, own):
            continue
        span = tree.span(tree.subtree(verb))
        if span is not None and span[1] <= token.start:
            spans.append(span)
    return spans


def _agrees_with_own_noun(tree: Tree, verb: Token, pronouns: tuple[Token, ...], own: set[int]) -> bool:
    """The parse hung a "qui" clause on a noun its verb does not agree with ("les accusés au procès de
    l'attentat, qui avait fait 19 morts": "avait" is singular, "accusés" plural), and the trigger's phrase
    holds a nearer noun that agrees: the clause is about that noun."""
    subject = next((p for p in pronouns if p.dep == "nsubj"), None)
    finite = next((f for f in (*auxiliaries(tree, verb), verb) if f.feature("VerbForm") == "Fin"), None)
    head = tree.head(verb)
    if subject is None or finite is None or head is None or not (number := finite.feature("Number")):
        return False
    if head.feature("Number") in ("", number):
        return False
    nearer = [t for t in tree.tokens if head.i < t.i < subject.i and t.pos == "NOUN" and t.feature("Number") == number]
    return bool(nearer) and nearer[-1].i in own


def governing_chain(tree: Tree, token: Token) -> list[Token]:
    """The token, then the heads above it up to and including its clause head, then the clause heads that
    embed that clause (for "veulent reprendre", "menacent d'attaquer")."""
    chain = [token]
    current = token
    for _ in range(len(tree.tokens)):
        parent = tree.head(current)
        if parent is None:
            break
        chain.append(parent)
        current = parent
    return chain


def is_passive(tree: Tree, verb: Token) -> bool:
    """"ont été tués", "tués par", a participle with a "par" agent."""
    kids = tree.children(verb)
    if _with_avoir_only(kids):
        return False  # "les unités ont arrêté un individu": the parser may still call the subject passive
    if _with_etre_only(kids) and verb.lemma in unaccusative_verbs():
        # "les rebelles sont entrés dans la ville": a compound past with "être", the subject acts (the parser may
        # still call the auxiliary, the subject and even the participle passive)
        return False
    if any(k.dep in ("aux:pass", "nsubj:pass") for k in kids):
        return True
    if verb.feature("Voice") == "Pass":
        return True
    return verb.feature("VerbForm") == "Part" and any(k.dep in AGENT_DEPS for k in kids)


@cache
def unaccusative_verbs() -> frozenset[str]:
    """The verbs whose compound past takes "être" and no object (``event_triggers.json``): "sont entrés" is
    active."""
    return frozenset(load_json("event_triggers.json")["unaccusative_verbs"])


def auxiliaries(tree: Tree, verb: Token) -> list[Token]:
    return [k for k in tree.children(verb) if k.dep.startswith("aux")]


def is_irrealis_verb(tree: Tree, verb: Token) -> bool:
    """Future or conditional, on the verb or its auxiliaries ("aurait été tué", "attaqueront")."""
    for form in (verb, *auxiliaries(tree, verb)):
        if form.feature("Tense") == "Fut" or form.feature("Mood") == "Cnd":
            return True
    return False


def is_negated(tree: Tree, token: Token) -> bool:
    """A negation on the token, or on the verb of its clause ("n'ont pas été attaqués", "aucune attaque")."""
    targets = [token]
    head = clause_head(tree, token)
    if head.i != token.i:
        targets.append(head)
    for target in targets:
        for kid in tree.children(target):
            if kid.lemma in VERB_NEGATION and kid.dep == "advmod" or kid.lemma in NOUN_NEGATION and kid.dep == "det":
                return True
    return False


@dataclass(frozen=True)
class Roles:
    """Spans of the sides a trigger names: who acts, who is acted upon (character offsets)."""

    agents: tuple[tuple[int, int], ...] = ()
    patients: tuple[tuple[int, int], ...] = ()
    undergone: bool = False  # "le convoi est tombé dans une embuscade": the subject, named or not, suffers


def _spans(tree: Tree, heads: Iterable[Token], exclude: Token | None = None,
           without_targets: bool = False) -> tuple[tuple[int, int], ...]:
    """The spans of the ``heads``' phrases, less the ``exclude`` word's; ``without_targets``: less what a word of
    the phrase is against too ("des émeutiers en colère contre la police", "des jeunes protestant contre
    l'armée": the side the crowd is angry with is what it acts against, not one of those who act)."""
    out = []
    skip = {t.i for t in tree.subtree(exclude)} if exclude is not None else set()
    for head in heads:
        if without_targets:
            skip |= {t.i for k in tree.subtree(head) if k.i != head.i and k.pos in ("NOUN", "PROPN")
                     and prepositions_of(tree, k) & TARGET_MARKS for t in tree.subtree(k)}
        tokens = [t for t in tree.subtree(head) if t.i not in skip]
        span = tree.span(tokens)
        if span is not None:
            out.append(span)
    return tuple(out)


def _antecedent(tree: Tree, pronoun: Token, verb: Token) -> Token | None:
    """"les jihadistes qui ont attaqué": the relative pronoun stands for the noun the clause hangs on."""
    if pronoun.lemma in RELATIVE_PRONOUNS and verb.dep == "acl:relcl":
        return tree.head(verb)
    return None


def _with_conjuncts(tree: Tree, tokens: list[Token]) -> list[Token]:
    out = list(tokens)
    for token in tokens:
        out += [k for k in tree.children(token) if k.dep == "conj"]
    return out


def roles(
    tree: Tree, trigger: Token, support_verbs: frozenset[str], nominal: bool,
    undergo_words: frozenset[str] = frozenset(), harm_verbs: frozenset[str] = frozenset(),
) -> Roles:
    """Who acts and who is acted upon, read from the dependency tree.

    Verbs: active subject / passive "par"-agent act; object / passive subject suffer. A verb with no
    subject of its own (a conjunct, a gerund "tuant", an infinitive) shares its governing verb's subject.
    Nouns: a "de"/"par" complement acts ("l'attaque des shebab"), "contre" marks the target; a noun that
    is the object of a support verb ("ont mené une attaque") takes that verb's subject as agent, a noun
    governed by a word of suffering ("est tombé dans une embuscade", "a été la cible de frappes") has that
    word's subject as target, a noun that is the subject of a verb ("des frappes ont visé X") takes that
    verb's object as target, and a noun in which a verb of harm was done ("ont tué quatre policiers dans une
    embuscade") takes that verb's active subject as agent and its object as target.
    """
    if nominal:
        return _noun_roles(tree, trigger, support_verbs, undergo_words, harm_verbs)
    kids = tree.children(trigger)
    passive = is_passive(tree, trigger)
    subject_deps = PASSIVE_SUBJECT_DEPS if passive else SUBJECT_DEPS
    subjects = [k for k in kids if k.dep in subject_deps]
    # "l'armée a annoncé avoir neutralisé mardi une cinquantaine de terroristes": the parser makes the
    # count the subject, but an infinitive has none of its own; a noun it governs after it is its object
    misread = [s for s in subjects if not passive and s.i > trigger.i and _has_no_subject(tree, trigger)]
    subjects = [s for s in subjects if s not in misread]
    if not subjects and not passive:
        # ... unless the verb is passive: the tagger may say so of a participle after "avoir" and an adverb ("ont
        # brièvement occupé"), which is active all the same
        subjects = [k for k in kids if k.dep in PASSIVE_SUBJECT_DEPS
                    and (trigger.feature("Voice") != "Pass" or _with_avoir_only(kids))]
    resolved = []
    for subject in subjects:
        antecedent = _antecedent(tree, subject, trigger)
        resolved.append(antecedent if antecedent is not None else subject)
    source = trigger
    while not resolved and source.dep in ("conj", "advcl", "xcomp") and tree.head(source) is not None:
        source = tree.head(source)  # type: ignore[assignment]
        shared = [k for k in tree.children(source) if k.dep in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
        resolved = [(_antecedent(tree, s, source) or s) for s in shared]
        if shared and any(s.dep in PASSIVE_SUBJECT_DEPS for s in shared) != passive:
            resolved = []  # "X ont été attaqués et ont riposté": the passive subject is not the agent
            break
    if not resolved and not passive:
        resolved = detached_subject(tree, source)
    agents_from = [k for k in kids if par_agent(tree, k)] + complement_agents(tree, trigger) if passive else resolved
    patients_from = resolved if passive else [k for k in kids if k.dep in OBJECT_DEPS or k in misread]
    exclude = trigger if any(t.dep == "acl:relcl" for t in [trigger]) else None
    return Roles(
        agents=_spans(tree, _with_conjuncts(tree, agents_from), exclude=exclude, without_targets=True),
        patients=_spans(tree, _with_conjuncts(tree, patients_from), exclude=exclude),
    )


def detached_subject(tree: Tree, verb: Token) -> list[Token]:
    """"Israël, disant vouloir protéger la minorité, a bombardé des positions": with a clause set between
    commas after it, the parser may leave the sentence's opening name as a root of its own and the finite
    verb with no subject; that name, standing alone before a comma, is the verb's subject."""
    if tree.head(verb) is not None or not tree.tokens:
        return []
    if verb.feature("VerbForm") != "Fin" and not any(k.dep.startswith("aux") for k in tree.children(verb)):
        return []
    first = tree.tokens[0]
    top = first
    while (parent := tree.head(top)) is not None:
        top = parent
    if top.i == verb.i or top.i > verb.i or top.pos not in ("NOUN", "PROPN"):
        return []
    words = [w for w in tree.subtree(top) if w.pos != "PUNCT"]
    after = tree.get(words[-1].i + 1)
    if after is None or after.text != "," or any(w.pos in ("VERB", "AUX") for w in words):
        return []
    return [top]


def _auxiliary_lemmas(kids: list[Token]) -> set[str]:
    return {k.lemma for k in kids if k.dep.startswith("aux")}


def _with_avoir_only(kids: list[Token]) -> bool:
    """A compound tense made with "avoir" and no "être" ("ont occupé"): the active voice."""
    auxiliary = _auxiliary_lemmas(kids)
    return "avoir" in auxiliary and "être" not in auxiliary


def _with_etre_only(kids: list[Token]) -> bool:
    """A compound tense made with "être" and no "avoir" ("sont entrés", "ont été tués" has both)."""
    auxiliary = _auxiliary_lemmas(kids)
    return "être" in auxiliary and "avoir" not in auxiliary


# verbs whose infinitive complement has its own agent after it ("a laissé partir les otages")
CAUSATIVE_HEADS = frozenset({"faire", "laisser", "voir", "entendre", "regarder", "sentir"})


def _has_no_subject(tree: Tree, verb: Token) -> bool:
    """An infinitive, simple ("tuer") or perfect ("avoir tué"), outside a causative: French gives it no
    subject of its own."""
    infinitive = verb.feature("VerbForm") == "Inf" or any(
        k.dep.startswith("aux") and k.feature("VerbForm") == "Inf" for k in tree.children(verb))
    head = tree.head(verb)
    return infinitive and (head is None or head.lemma not in CAUSATIVE_HEADS)


def prepositions_of(tree: Tree, token: Token) -> set[str]:
    """The prepositions that introduce ``token`` ("par", "contre", "de")."""
    return {k.lemma for k in tree.children(token) if k.dep == "case"}


def complement_agents(tree: Tree, verb: Token) -> list[Token]:
    """"brûlés vifs par une foule": the parser may hang a passive's "par" agent on the adjective that completes
    the verb."""
    return [g for k in tree.children(verb) if k.dep in ("amod", "xcomp") and k.pos == "ADJ"
            for g in tree.children(k) if par_agent(tree, g)]


def par_agent(tree: Tree, token: Token) -> bool:
    """A passive's "par"-agent, however the parser labels it ("a été pilonnée par l'artillerie": obl:mod)."""
    return token.dep in AGENT_DEPS or token.dep.startswith("obl") and "par" in prepositions_of(tree, token)


def _noun_roles(tree: Tree, noun: Token, support_verbs: frozenset[str], undergo_words: frozenset[str],
                harm_verbs: frozenset[str] = frozenset()) -> Roles:
    agents: list[Token] = []
    patients: list[Token] = []
    for kid in tree.children(noun):
        if kid.dep == "amod" and kid.pos == "ADJ":
            agents.append(kid)  # "une frappe israélienne", "les raids russes": the adjective names who acts
            continue
        if kid.dep == "acl" and kid.lemma in support_verbs:
            # "une attaque menée par des membres de Boko Haram": the support verb's participle has the agent
            agents += [k for k in tree.children(kid) if par_agent(tree, k)]
            continue
        if kid.dep != "nmod":
            continue
        cases = prepositions_of(tree, kid)
        if cases & {"contre"}:
            patients.append(kid)
        elif cases & {"de", "par", "du", "des"} and kid.pos in ("NOUN", "PROPN"):
            agents.append(kid)
    verb = tree.head(noun)
    if verb is not None and verb.pos == "NOUN" and noun.dep in OBJECT_DEPS and verb.dep.startswith("obl"):
        # "ont tendu jeudi une embuscade": the parser hangs the object on the date before it, whose head is the
        # verb the noun is the object of
        verb = tree.head(verb) or verb
    if verb is not None and verb.pos == "ADV" and noun.dep.startswith("obl"):
        # "ont tué deux soldats lors d'une embuscade": the parser hangs the noun on the adverb of a compound
        # preposition ("lors de"), which hangs on the verb the noun complements
        verb = tree.head(verb) or verb
    if verb is not None and verb.lemma in undergo_words and noun.dep not in SUBJECT_DEPS:
        sufferers = [k for k in tree.children(verb) if k.dep in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
        return Roles(agents=_spans(tree, agents), patients=_spans(tree, sufferers), undergone=True)
    if verb is not None and verb.pos == "VERB":
        verb_kids = tree.children(verb)
        if noun.dep in OBJECT_DEPS and verb.lemma in support_verbs and not agents:
            agents = [k for k in verb_kids if k.dep in SUBJECT_DEPS]
            agents = [(_antecedent(tree, a, verb) or a) for a in agents]
            # "ont tendu une embuscade à un bus", "ont livré un assaut à la garnison": the support verb's "à"
            # argument is what the action hits
            patients = patients or [k for k in verb_kids if k.dep == "obl:arg" and "à" in prepositions_of(tree, k)]
        elif noun.dep in SUBJECT_DEPS and not patients:
            patients = [k for k in verb_kids if k.dep in OBJECT_DEPS]
        elif noun.dep.startswith("obl") and verb.lemma in harm_verbs and not is_passive(tree, verb):
            agents += [(_antecedent(tree, a, verb) or a) for a in verb_kids if a.dep in SUBJECT_DEPS]
            patients = patients or [k for k in verb_kids if k.dep in OBJECT_DEPS]
    # "une attaque de l'EIGS contre l'armée": the parser may hang the target on the agent's noun rather than on the
    # action's; it is what the action hits, not one of those who act
    patients += [k for a in agents for k in _targets_within(tree, a) if k not in patients]
    return Roles(agents=_spans(tree, agents, exclude=None, without_targets=True),
                 patients=_spans(tree, patients, exclude=None))


def _targets_within(tree: Tree, head: Token) -> list[Token]:
    """The nouns of a phrase that a word of target ("contre") introduces."""
    return [k for k in tree.subtree(head) if k.i != head.i and k.pos in ("NOUN", "PROPN")
            and prepositions_of(tree, k) & TARGET_MARKS]


def _misparsed_object(tree: Tree, kid: Token) -> bool:
    """"ont attaqué Bamenda, dans la région du Nord-Ouest": the parser may make the bare name after a verb its
    open clausal complement (``xcomp``); a proper noun heading no verb of its own is the verb's object, not a
    clause embedded in it."""
    return kid.dep == "xcomp" and kid.pos == "PROPN" and not any(
        k.pos in ("VERB", "AUX") for k in tree.children(kid))


def attachment(tree: Tree, trigger: Token, nominal: bool) -> list[Token]:
    """The words a trigger's circumstances hang on: a verb's subtree without its subject and without the
    clauses embedded in it; for an action noun, its own subtree plus the obliques of the verb it is the
    subject or object of ("des combats ont eu lieu à Gao", "ont mené une attaque contre Boni")."""
    def without(head: Token, dropped: frozenset[str]) -> list[Token]:
        skip: set[int] = set()
        for kid in tree.children(head):
            if kid.dep in dropped and not _misparsed_object(tree, kid):
                skip |= {t.i for t in tree.subtree(kid)}
        return [t for t in tree.subtree(head) if t.i not in skip]

    clause_deps = CLAUSE_DEPS | {"conj"}
    if not nominal:
        return without(trigger, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | clause_deps)
    own = tree.subtree(trigger)
    verb = tree.head(trigger)
    arguments = SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | OBJECT_DEPS
    if verb is None or verb.pos not in ("VERB", "AUX") or trigger.dep not in arguments:
        return own
    inside = {t.i for t in own}
    extra = without(verb, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | clause_deps)
    return own + [t for t in extra if t.i not in inside and t.i != verb.i]
