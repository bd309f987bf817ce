"""Lemma triggers and the grammar rules around them: every data row's own example, voice, scope, roles.

The examples are French sentences written for ``event_triggers.json``; the tree tests at the bottom use
hand-made token lists, so the grammar rules are checked without the model.
"""

from __future__ import annotations

import pytest

from veilleur.annotate import Annotator, Token
from veilleur.datafiles import load_json
from veilleur.extract.cues import load_cues
from veilleur.extract.frames import exclusion_reason
from veilleur.extract.grammar import Tree, clause_of, is_negated, is_passive, roles
from veilleur.extract.mentions import Mentions
from veilleur.extract.triggers import _describes_a_state, load_triggers, noun_key, spellings_keyed

ROWS = load_json("event_triggers.json")["triggers"]


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator()


def _triggers(annotator: Annotator, text: str) -> list[tuple[str, str, str | None]]:
    """(trigger word, category, exclusion reason) for every trigger of the text."""
    annotation = annotator.annotate(text)
    lexicon, cues = load_triggers(), load_cues()
    out = []
    for start, end in annotation.sentences:
        tree = Tree.of(annotation.tokens_within(start, end))
        for trigger, token, _ in lexicon.find(tree):
            reason = exclusion_reason(text, tree, token, cues, lexicon, Mentions())
            out.append((token.text, trigger.category.name, reason))
    return out


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['category']}-{r['lemmas'][0]}" for r in ROWS])
def test_each_row_fires_on_its_own_example(annotator: Annotator, row: dict) -> None:
    found = _triggers(annotator, row["example"])
    assert any(category == row["category"] and reason is None for _, category, reason in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Les soldats ont repris le village de Kiro.",
        "Le village de Kiro a été repris par les soldats.",
        "Le village de Kiro avait été repris lundi.",
        "Les soldats, reprenant le village de Kiro, ont hissé leur drapeau.",
        "Les soldats ont d'abord repris le village de Kiro.",
    ],
)
def test_one_row_covers_every_inflection_and_voice(annotator: Annotator, text: str) -> None:
    assert ("territory", None) in [(c, r) for _, c, r in _triggers(annotator, text)]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Les combats ont repris dans la soirée à Gao.", "territory"),  # resumed, not retaken
        ("Les deux otages ont été libérés samedi à Gao.", "territory"),  # freed, not a place won
        ("Les rebelles ont violé le cessez-le-feu à Gao.", "sexual"),  # a truce breached
        ("Les blessés ont été transportés par avion à Sévaré.", "air"),  # an aircraft is not a strike
        ("Trois suspects ont été interpellés lors d'un raid de la police à Gao.", "air"),  # a raid on foot
        # the coalition named in the object's complement is not the subject an air row asks for
        ("Une bombe a visé un convoi de la coalition près de Bagdad.", "air"),
        ("Les hommes armés ont ordonné au convoi de s'arrêter près de Gao.", "arrest"),  # to stop, not arrest
        ("Les assaillants ont pillé le marché de Gao avant de se retirer.", "transfer"),  # raiders leave
        ("Les bandits ont rassemblé les élèves dans la cour de l'école de Kuriga.", "protest"),  # gathered, not a rally
        # crowd-control weapons are not explosives; thrown objects are not shelling
        ("La police a répliqué par des bombes lacrymogènes place de l'Indépendance.", "ied"),
        ("Des grenades assourdissantes ont été lancées sur le cortège à Conakry.", "grenade"),
        ("Jets de pierres et de projectiles ont visé le commissariat de Dakar.", "shelling"),
        ("Le ministre de la Défense s'est rendu lundi à Gao.", "agreement"),  # went, not surrendered
        ("Cette décision a mis le feu aux poudres à Bamako.", "looting"),  # sparked, not set on fire
        ("Des roquettes se sont abattues sur Donetsk.", "air"),  # fell upon, not shot down
        ("Cet attentat qui frappe la capitale turque a fait dix morts.", "air"),  # the verb, not "des frappes"
        ("Des réservoirs de la base de Gao ont pris feu lundi.", "territory"),  # caught fire, not taken
        ("Les manifestants ont envahi les rues de la capitale samedi.", "territory"),  # a crowd, not a conquest
        ("Deux gendarmes ont trouvé la mort dans l'explosion d'une mine près de Gao.", "weapons"),  # died
        ("Les assaillants ont ouvert le feu avec des lance-roquettes près de Gao.", "shelling"),  # a launcher
        ("Des tirs de lance-roquettes ont visé le convoi près de Gao.", "shelling"),
        # weapons found, seized or defused are no explosion: the find is the event
        ("Les militaires ont découvert une cache d'armes contenant des obus de mortier près de Gao.", "shelling"),
        ("Une patrouille a neutralisé deux bombes artisanales près de Gao.", "ied"),
        ("Un détachement a neutralisé des engins explosifs au nord de Tillabéri.", "ied"),  # "des" read as ADP
        ("Les gendarmes ont découvert puis détruit deux mines artisanales près de Kaya.", "ied"),  # shared object
        ("Les démineurs ont détruit une voiture piégée devant la mairie de Kismayo.", "ied"),
        # weapons laid have not gone off
        ("Des mines sont placées sur les pistes autour de Douentza.", "ied"),
        ("Les insurgés ont enfoui des engins explosifs sous la chaussée près de Kaya.", "ied"),
        ("Un avion militaire a largué des vivres sur le camp de déplacés de Rann.", "air"),  # aid, not a strike
        # fire opened on demonstrators is their repression, told by the protest's own cues
        ("La police a ouvert le feu sur les manifestants devant la mairie de Kankan.", "attack"),
        ("Les soldats ont ouvert le feu pour disperser le rassemblement de Kankan.", "attack"),
        ("Le bourg de Tessit est tombé samedi aux mains des mutins du MNLA.", "change"),  # people, not a mutiny
        # a mine that is dug is no explosive, whatever adjective the parser hangs on its mineral
        ("Un éboulement dans une mine d'or artisanale a fait six morts près de Kéniéba.", "ied"),
        ("Les rebelles tiennent depuis l'an dernier plusieurs mines de coltan près de Rubaya.", "ied"),
        ("La panique s'est emparée de la ville de Gao lundi.", "territory"),  # a feeling takes no town
        ("Les rebelles ont pris le chemin de Kidal, une ville du nord du Mali.", "territory"),  # set off for it
        ("Les familles ont pris la route de Kidal, une ville du nord du Mali.", "territory"),  # set off too
        ("Le parti a remporté une victoire face aux militants de l'opposition à Bamako.", "clash"),  # a vote
        ("Les manifestants ont fui les policiers dans les rues de Labé.", "riot"),  # fled them, no violence
        # aircraft shot down are no fighters killed; a battlefield a town is turned into is no battle
        ("Le ciel de Koursk a connu une intense activité de drones, avec un total de douze appareils ayant été "
         "abattus ou interceptés entre 12h00 et 15h15 par les défenses aériennes.", "clash"),
        ("Les tirs de drones ont transformé le centre de Koursk en champ de bataille.", "clash"),
        # a bare 'de combat' says what kind of thing its noun is
        ("Alors que les opérations de combat s'achèvent près de Mossoul, la reconstruction commence.", "clash"),
        ("Des avions de combat ont survolé la ville de Koursk.", "clash"),
    ],
)
def test_polysemous_cues_do_not_fire(annotator: Annotator, text: str, category: str) -> None:
    assert category not in [c for _, c, r in _triggers(annotator, text) if r is None]


@pytest.mark.parametrize(
    "text",
    [
        "Les jihadistes menacent d'attaquer la ville de Ménaka.",
        "L'armée attaquera la ville de Ménaka demain.",
        "Le retrait des casques bleus de Ménaka doit s'achever en décembre.",  # what is due, not done
        "L'armée n'a pas attaqué la ville de Ménaka.",
        "Aucune attaque n'a été signalée à Ménaka.",
        "Les soldats se préparent à reprendre la ville de Ménaka.",
        "Y a-t-il eu des combats à Ménaka ?",
        "Les affrontements ont été quasi quotidiens à Ménaka.",
        "À chaque fois qu'un convoi passe, des mines sont posées sur la route de Ménaka.",  # a habit
        "Une force régionale créée pour combattre les jihadistes est basée à Ménaka.",  # what it is for
        "Ce type d'attaques avait diminué à Ménaka.",  # a kind of event, not one
        "Les habitants redoutent la recrudescence des attaques autour de Ménaka.",  # a trend
        "Les chefs coutumiers ont négocié la fin des combats à Ménaka.",  # an end
        "Le cessez-le-feu a mis un terme aux affrontements à Ménaka lundi.",  # what it ended
        "L'ambassade évoque le risque d'attentats à Ménaka.",  # a risk
        "Le groupe a retrouvé à Ménaka son style d'attaques de guérilla.",  # a manner, through a noun between
        "Le maire de Ménaka défend la liberté de manifestation.",  # a right
        "Deux hommes ont été condamnés à Ménaka pour complicité d'assassinat.",  # a charge
        "La Croix-Rouge tente pour le troisième jour de pénétrer dans le quartier de Ménaka.",  # "tente", lemma "tente"
        "Les médiateurs ont exhorté les deux camps à conclure un cessez-le-feu à Ménaka.",  # urged, not done
        "Les rebelles ont intimé aux soldats de se retirer de Ménaka avant lundi.",  # ordered, not done
        "Le gouverneur a autorisé les gendarmes à ouvrir le feu sur les pillards de Ménaka.",  # allowed, not done
    ],
)
def test_clauses_that_report_no_fact_are_excluded(annotator: Annotator, text: str) -> None:
    found = _triggers(annotator, text)
    assert found and all(reason is not None for _, _, reason in found), found


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("De violents heurts ont opposé pendant plusieurs heures des jeunes aux policiers à Gao.", "heurts"),  # hours
        ("Des manifestants ont fait fuir les gendarmes à Dalaba.", "manifestants"),  # made them flee
    ],
)
def test_short_spans_and_causatives_are_reported(annotator: Annotator, text: str, cue: str) -> None:
    assert [r for t, _, r in _triggers(annotator, text) if t == cue] == [None]


@pytest.mark.parametrize(
    ("text", "cue", "category"),
    [
        # weapons found, seized or defused: the disruption is the event, not an explosion
        ("Une patrouille a neutralisé deux bombes artisanales près de Gao.", "neutralisé", "weapons"),
        # the parser hangs "cessez-le-feu" on "octobre", "octobre" on "23", "23" on "vendredi"
        ("Les belligérants ont signé vendredi 23 octobre un cessez-le-feu permanent à Genève.", "cessez-le-feu",
         "agreement"),
        ("Le meurtre d'un commerçant par des hommes armés a eu lieu lundi à Gao.", "meurtre", "vac"),
        # the parser reads a passive's far "par" complement as obl:mod: it is still the agent, an aircraft here
        ("Deux éleveurs ont été tués à Tudun Makera, village du nord du pays, par un hélicoptère de l'armée.",
         "tués", "air"),
        ("L'aviation a mené jeudi une opération aérienne contre un camp rebelle près de Kidal.", "opération",
         "air"),
        # an aircraft that attacks, or a weapon dropped, is a strike from the air
        ("Dans la nuit, des drones ont attaqué le hameau de Tchaïkino.", "attaqué", "air"),
        ("Un hélicoptère a largué deux bombes sur le marché de Kutkai.", "largué", "air"),
        ("Un drone a largué un engin explosif sur une ferme près de Koursk.", "largué", "air"),
        # opening fire, shooting at people: an attack, whose target makes it a clash or an attack on civilians
        ("Des inconnus ont ouvert le feu sur un poste de contrôle près de Tillabéri.", "ouvert", "attack"),
        ("Un chauffeur a reçu une balle dans l'épaule près de Tillabéri.", "reçu", "attack"),  # the target
        ("L'assaillant a déclenché sa veste explosive à l'entrée du marché de Bannu.", "veste", "suicide"),
    ],
)
def test_a_cue_reports_its_category(annotator: Annotator, text: str, cue: str, category: str) -> None:
    assert (cue, category, None) in _triggers(annotator, text)


def test_exclusion_stays_in_its_clause(annotator: Annotator) -> None:
    # the background "depuis deux ans" belongs to the relative clause, the attack is still reported
    found = _triggers(annotator, "Des jihadistes, qui occupent la région depuis deux ans, ont attaqué Boni mardi.")
    assert ("attaqué", "attack", None) in found


def test_a_purpose_carried_out_is_reported(annotator: Annotator) -> None:
    found = _triggers(annotator, "Dimanche, l'aviation est intervenue pour bombarder les positions des rebelles à Gao.")
    assert ("bombarder", "air", None) in found


@pytest.mark.parametrize(
    "text",
    [
        # the tagger calls "massacré" a noun (lemma "massacré") or a determiner, thrown by the words after it
        "Les ADF ont massacré au moins quarante civils lundi à Beni.",
        "Les terroristes ont massacré lundi plus de vingt villageois à Djibo.",
    ],
)
def test_a_participle_with_its_auxiliary_is_a_verb_whatever_its_tag(annotator: Annotator, text: str) -> None:
    assert ("massacré", "vac", None) in _triggers(annotator, text)


@pytest.mark.parametrize(
    "text",
    [
        # the parser labels the counted victims an oblique with no preposition ("obl:mod"), not an object
        "Des jihadistes ont exécuté six bergers jeudi à Ménaka.",
        "L'armée burkinabè a exécuté au moins cinquante civils lundi à Djibo.",
    ],
)
def test_a_counted_noun_after_the_verb_is_its_object(annotator: Annotator, text: str) -> None:
    assert ("exécuté", "vac", None) in _triggers(annotator, text)


def test_claimed_attack_is_still_an_event(annotator: Annotator) -> None:
    text = "L'attaque de mardi contre le camp de Boni, revendiquée par le JNIM, a fait dix morts."
    found = _triggers(annotator, text)
    assert any(category == "attack" and reason is None for _, category, reason in found), found


def test_a_compound_cut_at_its_hyphen_is_still_its_cue(annotator: Annotator) -> None:
    found = _triggers(annotator, "Des dizaines d'enseignants ont tenu jeudi un sit-in devant le ministère à Niamey.")
    assert ("sit", "protest", None) in found


def test_pas_moins_de_is_not_a_negation(annotator: Annotator) -> None:
    found = _triggers(annotator, "Des affrontements ont fait pas moins de 40 morts dimanche à Kunduz.")
    assert ("affrontements", "clash", None) in found


# ---------------------------------------------------------------- hand-made trees (no model)


def _tree(rows: list[tuple[str, str, str, str, int, str]]) -> Tree:
    """(text, lemma, pos, dep, head, morph) rows, one a token, joined by single spaces."""
    tokens, offset = [], 0
    for i, (text, lemma, pos, dep, head, morph) in enumerate(rows):
        tokens.append(Token(i, offset, offset + len(text), text, lemma, pos, dep, head, morph))
        offset += len(text) + 1
    return Tree.of(tokens)


# "Trois soldats ont été tués par des jihadistes"
PASSIVE = _tree([
    ("Trois", "trois", "NUM", "nummod", 1, ""),
    ("soldats", "soldat", "NOUN", "nsubj:pass", 4, ""),
    ("ont", "avoir", "AUX", "aux:tense", 4, "Tense=Pres|VerbForm=Fin"),
    ("été", "être", "AUX", "aux:pass", 4, "Tense=Past|VerbForm=Part"),
    ("tués", "tuer", "VERB", "ROOT", 4, "Tense=Past|VerbForm=Part|Voice=Pass"),
    ("par", "par", "ADP", "case", 7, ""),
    ("des", "un", "DET", "det", 7, ""),
    ("jihadistes", "jihadiste", "NOUN", "obl:agent", 4, ""),
])


def test_passive_agent_acts_and_passive_subject_suffers() -> None:
    verb = PASSIVE.tokens[4]
    assert is_passive(PASSIVE, verb)
    found = roles(PASSIVE, verb, frozenset(), nominal=False)
    assert [(s, e) for s, e in found.agents] == [(PASSIVE.tokens[5].start, PASSIVE.tokens[7].end)]
    assert found.patients == ((PASSIVE.tokens[0].start, PASSIVE.tokens[1].end),)


def test_a_par_agent_labelled_an_oblique_still_acts() -> None:
    # the parser may label the "par"-agent of a passive obl:mod: "Trois soldats ont été tués par des jihadistes"
    rows = [(t.text, t.lemma, t.pos, "obl:mod" if t.dep == "obl:agent" else t.dep, t.head, t.morph)
            for t in PASSIVE.tokens]
    tree = _tree(rows)
    found = roles(tree, tree.tokens[4], frozenset(), nominal=False)
    assert [(s, e) for s, e in found.agents] == [(tree.tokens[5].start, tree.tokens[7].end)]


def test_a_subject_labelled_passive_under_avoir_alone_acts() -> None:
    # "Les gendarmes ont arrêté un suspect": the parser may label the subject nsubj:pass; "avoir" without "être"
    # makes the verb active all the same
    tree = _tree([
        ("Les", "le", "DET", "det", 1, ""),
        ("gendarmes", "gendarme", "NOUN", "nsubj:pass", 3, ""),
        ("ont", "avoir", "AUX", "aux:tense", 3, "Tense=Pres|VerbForm=Fin"),
        ("arrêté", "arrêter", "VERB", "ROOT", 3, "Tense=Past|VerbForm=Part"),
        ("un", "un", "DET", "det", 5, ""),
        ("suspect", "suspect", "NOUN", "obj", 3, ""),
    ])
    verb = tree.tokens[3]
    assert not is_passive(tree, verb)
    found = roles(tree, verb, frozenset(), nominal=False)
    assert [(s, e) for s, e in found.agents] == [(tree.tokens[0].start, tree.tokens[1].end)]
    assert [(s, e) for s, e in found.patients] == [(tree.tokens[4].start, tree.tokens[5].end)]


# "Ils ont mené une attaque"
SUPPORT = _tree([
    ("Ils", "il", "PRON", "nsubj", 2, ""),
    ("ont", "avoir", "AUX", "aux:tense", 2, ""),
    ("mené", "mener", "VERB", "ROOT", 2, "VerbForm=Part"),
    ("une", "un", "DET", "det", 4, ""),
    ("attaque", "attaque", "NOUN", "obj", 2, ""),
])


def test_support_verb_subject_acts_for_its_action_noun() -> None:
    found = roles(SUPPORT, SUPPORT.tokens[4], frozenset({"mener"}), nominal=True)
    assert found.agents == ((0, 3),)


# "ils n' ont pas attaqué"
NEGATED = _tree([
    ("ils", "il", "PRON", "nsubj", 3, ""),
    ("n'", "ne", "ADV", "advmod", 3, ""),
    ("ont", "avoir", "AUX", "aux:tense", 3, ""),
    ("attaqué", "attaquer", "VERB", "ROOT", 3, "VerbForm=Part"),
    ("pas", "pas", "ADV", "advmod", 3, ""),
])


def test_negation_needs_ne_on_the_clause_verb() -> None:
    assert is_negated(NEGATED, NEGATED.tokens[3])
    assert not is_negated(PASSIVE, PASSIVE.tokens[4])


# "attaqué , qui occupent" : the relative clause is not the main clause
RELATIVE = _tree([
    ("jihadistes", "jihadiste", "NOUN", "nsubj", 4, ""),
    ("qui", "qui", "PRON", "nsubj", 2, ""),
    ("occupent", "occuper", "VERB", "acl:relcl", 0, ""),
    ("ont", "avoir", "AUX", "aux:tense", 4, ""),
    ("attaqué", "attaquer", "VERB", "ROOT", 4, "VerbForm=Part"),
])


def test_clause_of_leaves_out_embedded_clauses() -> None:
    main = [t.text for t in clause_of(RELATIVE, RELATIVE.tokens[4])]
    assert main == ["jihadistes", "ont", "attaqué"]
    assert [t.text for t in clause_of(RELATIVE, RELATIVE.tokens[2])] == ["qui", "occupent"]


def test_a_misspelt_category_key_is_refused() -> None:
    from veilleur.extract.cues import _category

    with pytest.raises(ValueError, match="non_state_sub_event_type"):
        _category("air", {"event_type": "Explosions/Remote violence", "non_state_sub_event_type": "Attack"})


@pytest.mark.parametrize(
    ("text", "names_a_street"),
    [
        ("Ils ont défilé jusqu'à la place de l'Étoile", True),
        ("La foule a envahi l'avenue de la Liberté", True),
        ("Les manifestants ont occupé la place Tahrir", True),
        ("Un engin a explosé au marché de Maroua", False),  # the market of a town: the town is the place
        ("Les combats ont repris dans la ville de Kidal", False),
        # a waterway or landmark named after a town is not the town
        ("Le navire a été attaqué en entrant dans le canal de Suez", True),
        ("Un cargo a été arraisonné dans le golfe d'Aden", True),
        ("Deux passants ont été poignardés devant la porte de Damas", True),
        ("Les rebelles ont repris la route de Kidal", False),
    ],
)
def test_a_name_after_a_street_noun_names_the_street_not_the_town(text: str, names_a_street: bool) -> None:
    name_start = max(text.rfind(" "), text.rfind("'")) + 1
    assert load_cues().names_facility(text, name_start) is names_a_street


def test_spellings_keyed_are_the_words_noun_key_maps_to_the_keys() -> None:
    keys = {"frappe", "tir", "obus", "raid", "feu", "as"}
    spellings = spellings_keyed(keys)
    words = ["frappe", "Frappes", "frappex", "tir", "TIRS", "tirx", "obus", "obu", "raids", "feux", "feus", "fe",
             "as", "ass", "asx", "attaque", "frapp", "s", ""]
    for word in words:
        assert (word.lower() in spellings) == (noun_key(word) in keys), word


def test_surroundings_read_what_every_row_reads_around_a_word() -> None:
    """A relative's antecedent fills its pronoun's slot, an unmarked oblique is an object, and the governor is
    read past a date's words: what each row saw of the word, read once for all of them."""
    from veilleur.extract.triggers import surroundings

    # "la ville qui a reconquis lundi Kidal"
    tree = _tree([
        ("la", "le", "DET", "det", 1, ""),
        ("ville", "ville", "NOUN", "ROOT", 1, ""),
        ("qui", "qui", "PRON", "nsubj", 4, "PronType=Rel"),
        ("a", "avoir", "AUX", "aux:tense", 4, ""),
        ("reconquis", "reconquérir", "VERB", "acl:relcl", 1, "VerbForm=Part"),
        ("lundi", "lundi", "NOUN", "obl:mod", 4, ""),
        ("Kidal", "Kidal", "PROPN", "obl:arg", 4, ""),
    ])
    kids, head = surroundings(tree, tree.tokens[4], frozenset({"lundi"}))
    assert [(k.text, k.dep) for k in kids] == [
        ("qui", "nsubj"), ("a", "aux:tense"), ("lundi", "obl:mod"), ("Kidal", "obl:arg"), ("Kidal", "obj"),
        ("ville", "nsubj")]
    assert head is not None and head.text == "ville"
    # "ont signé lundi un accord": the parser hangs "accord" on the day
    signed = _tree([
        ("ont", "avoir", "AUX", "aux:tense", 1, ""),
        ("signé", "signer", "VERB", "ROOT", 1, "VerbForm=Part"),
        ("lundi", "lundi", "NOUN", "obl:mod", 1, ""),
        ("un", "un", "DET", "det", 4, ""),
        ("accord", "accord", "NOUN", "nmod", 2, ""),
    ])
    kids, head = surroundings(signed, signed.tokens[4], frozenset({"lundi"}))
    assert [k.text for k in kids] == ["un"]
    assert head is not None and head.text == "signé"


def test_a_participle_with_its_own_far_agent_or_day_is_an_event() -> None:
    # "civils tués le 1er juin par l'armée": the parser labels the agent obl:mod and hangs "juin" on "1er";
    # the participle has its own agent and its own day, so it tells an event, not a state of the civilians
    participle = "Tense=Past|VerbForm=Part"
    words = [("civils", "civil", "NOUN", "ROOT", 0, ""), ("tués", "tuer", "VERB", "acl", 0, participle),
             ("le", "le", "DET", "det", 3, ""), ("1er", "premier", "ADJ", "obl:mod", 1, ""),
             ("juin", "juin", "NOUN", "nmod", 3, ""), ("par", "par", "ADP", "case", 7, ""),
             ("l'", "le", "DET", "det", 7, ""), ("armée", "armée", "NOUN", "obl:mod", 1, "")]
    time_nouns = load_triggers().time_nouns
    tree = _tree(words)
    assert not _describes_a_state(tree, tree.tokens[1], time_nouns)
    bare = _tree(words[:2])  # "les civils tués": a state
    assert _describes_a_state(bare, bare.tokens[1], time_nouns)
    only_day = _tree(words[:5])  # "tués le 1er juin": a day of its own
    assert not _describes_a_state(only_day, only_day.tokens[1], time_nouns)


def test_an_attribution_is_a_whole_word() -> None:
    cues = load_cues()
    said = "Des obus sont tombés sur le camp, d'après un officier de Mopti."
    assert cues.follows_attribution(said, said.index("un officier"), reach=30, max_words=3)
    afternoon = "Des obus sont tombés en fin d'après-midi sur le camp."
    assert not cues.follows_attribution(afternoon, afternoon.index("sur le camp"), reach=30, max_words=3)
