"""Actor registry and resolver. Every sentence here is written for the tests, not taken from an article."""

from __future__ import annotations

import json
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest

from veilleur.resolve.actors import Actor, ActorMention, ActorRegistry, default_registry

IS = "Islamic State"
SYRIA = "Military Forces of Syria"
HTS = "Hayat Tahrir al-Sham / Jabhat al-Nusra"


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return default_registry()


def names(registry: ActorRegistry, text: str, country: str | None = None) -> list[str]:
    return [m.actor.name for m in registry.find(text, country)]


def only(registry: ActorRegistry, text: str, country: str | None = None) -> ActorMention:
    mentions = registry.find(text, country)
    assert len(mentions) == 1, mentions
    return mentions[0]


# ----------------------------------------------------------------------------- registry file


def test_default_registry_is_cached_and_complete(registry: ActorRegistry) -> None:
    assert default_registry() is registry
    assert len(registry) >= 60
    required = [
        SYRIA,
        "Military Forces of Russia",
        "Military Forces of Iran (Islamic Revolutionary Guard Corps)",
        "Military Forces of Iran",
        "Military Forces of Turkey",
        "Military Forces of the United States",
        "Military Forces of Iraq",
        "Police Forces of Iraq",
        "Military Forces of Lebanon",
        "Hezbollah",
        IS,
        "Syrian Democratic Forces",
        HTS,
        "Jaish al-Islam",
        "Faylaq al-Rahman",
        "Ahrar al-Sham",
        "Free Syrian Army",
        "Jaysh Usud al-Sharqiya",
        "Forces of Martyr Ahmad al-Abdo",
        "Aknaf Beit al-Maqdis",
        "Jaysh al-Ababil",
        "Desert Hawks Brigade",
        "Popular Mobilization Forces",
        "Global Coalition Against Daesh",
        "Saudi-led Coalition",
        "Houthis (Ansar Allah)",
        "Military Forces of Yemen",
        "al-Shabaab",
        "Military Forces of Somalia",
        "Boko Haram",
        "Military Forces of Nigeria",
        "Ansar Dine",
        "Military Forces of Mali",
        "Military Forces of France",
        "Taliban",
        "Military Forces of Afghanistan",
        "Police Forces of Afghanistan",
        "Military Forces of Ukraine",
        "Military Forces of Israel",
        "Hamas",
        "Military Forces of Libya",
        "Military Forces of the Democratic Republic of Congo",
        "Military Forces of Burkina Faso",
        "Military Forces of Niger",
    ]
    missing = [name for name in required if registry.get(name) is None]
    assert missing == []


def test_actor_types_are_acled_labels(registry: ActorRegistry) -> None:
    labels = {
        "State Forces",
        "Rebel Forces",
        "Political Militia",
        "Identity Militia",
        "Rioters",
        "Protesters",
        "Civilians",
        "External/Other Forces",
    }
    assert {a.actor_type for a in registry.actors} <= labels
    assert registry.get(SYRIA) == Actor(SYRIA, "State Forces", "Syria", True)
    islamic_state = registry.get(IS)
    assert islamic_state is not None and islamic_state.state is False


def test_get_builds_template_names(registry: ActorRegistry) -> None:
    assert registry.get("Civilians (Mali)") == Actor("Civilians (Mali)", "Civilians", "Mali", False)
    assert registry.get("Unidentified Armed Group (Syria)") == Actor(
        "Unidentified Armed Group (Syria)", "Political Militia", "Syria", False
    )
    assert registry.get("Police Forces of Chad") == Actor(
        "Police Forces of Chad", "State Forces", "Chad", True
    )
    us = registry.get("Military Forces of the United States")
    assert us is not None and us.country == "United States"
    assert registry.get("Cadets du Khalifa") is None


def test_load_from_explicit_path(tmp_path: Path) -> None:
    data = {
        "actors": [
            {
                "name": "Test Front",
                "actor_type": "Rebel Forces",
                "country": "Mali",
                "state": False,
                "aliases": ["Front du test"],
                "abbreviations": ["FDT"],
            }
        ],
        "templates": [
            {
                "name": "Civilians ({country})",
                "actor_type": "Civilians",
                "state": False,
                "kind": "civilians",
                "aliases": ["villageois"],
            }
        ],
        "nationality_heads": {"civilians": ["civils"]},
    }
    nationalities = {"adjectives": {"maliens": "Mali"}}
    (tmp_path / "actors.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "nationalities.json").write_text(json.dumps(nationalities), encoding="utf-8")
    reg = ActorRegistry.load(tmp_path / "actors.json")
    found = reg.find("Le Front du test (FDT) a enlevé des villageois et deux civils maliens.", "Niger")
    assert [(m.text, m.actor.name, m.generic) for m in found] == [
        ("Front du test", "Test Front", False),
        ("FDT", "Test Front", False),
        ("villageois", "Civilians (Niger)", True),
        ("civils maliens", "Civilians (Mali)", False),
    ]
    assert "fdt" not in [m.text for m in reg.find("le fdt")]


# ----------------------------------------------------------------------------- spellings found in the seeds


@pytest.mark.parametrize(
    ("sentence", "phrase", "actor"),
    [
        (
            "Les avions ont visé la milice wahhabite terroriste Daech près du fleuve.",
            "milice wahhabite terroriste Daech",
            IS,
        ),
        ("Les takfiristes ont quitté le village à l'aube.", "takfiristes", IS),
        ("Des miliciens takfiristes se sont repliés vers le sud.", "miliciens takfiristes", IS),
        ("Le bilan des combattants daechistes tués reste incertain.", "combattants daechistes", IS),
        ("Selon un responsable, Daesh a perdu la colline.", "Daesh", IS),
        ("Une position de Daêch a été détruite.", "Daêch", IS),
        ("Le groupe État islamique a revendiqué l'attentat.", "groupe État islamique", IS),
        ("L'organisation Etat islamique recule encore.", "organisation Etat islamique", IS),
        ("Un chef de l'EI a été capturé.", "EI", IS),
        ("La coalition frappe l'ISIS depuis des mois.", "ISIS", IS),
        ("Le bastion de l'EIIL est tombé.", "EIIL", IS),
        ("Jaïsh al-Islam a accepté la trêve.", "Jaïsh al-Islam", "Jaish al-Islam"),
        ("Jaïch al-Islam a rendu ses armes lourdes.", "Jaïch al-Islam", "Jaish al-Islam"),
        ("Jaych al-Islam contrôle encore Douma.", "Jaych al-Islam", "Jaish al-Islam"),
        ("Faylak al-Rahmane tient le quartier.", "Faylak al-Rahmane", "Faylaq al-Rahman"),
        ("Le front al-Nosra a lancé une contre-attaque.", "front al-Nosra", HTS),
        ("Fateh al-Cham a changé de nom.", "Fateh al-Cham", HTS),
        ("Les combattants de HTS ont reculé.", "combattants de HTS", HTS),
        ("Tahrir al-Cham domine la province.", "Tahrir al-Cham", HTS),
        (
            "Les paramilitaires du Hachd al-Chaabi avancent vers la frontière.",
            "paramilitaires du Hachd al-Chaabi",
            "Popular Mobilization Forces",
        ),
        (
            "Les Unités de mobilisation populaire sont entrées dans la ville.",
            "Unités de mobilisation populaire",
            "Popular Mobilization Forces",
        ),
        (
            "Les Gardiens de la révolution iranienne ont envoyé des conseillers.",
            "Gardiens de la révolution iranienne",
            "Military Forces of Iran (Islamic Revolutionary Guard Corps)",
        ),
        (
            "Des pasdaran ont été tués.",
            "pasdaran",
            "Military Forces of Iran (Islamic Revolutionary Guard Corps)",
        ),
        (
            "Un général du CGRI est mort.",
            "CGRI",
            "Military Forces of Iran (Islamic Revolutionary Guard Corps)",
        ),
        (
            "Les Forces démocratiques syriennes négocient.",
            "Forces démocratiques syriennes",
            "Syrian Democratic Forces",
        ),
        ("Les Faucons du désert ont repris la route.", "Faucons du désert", "Desert Hawks Brigade"),
        ("Jaïsh Ossoud Al-Charki a quitté la zone.", "Jaïsh Ossoud Al-Charki", "Jaysh Usud al-Sharqiya"),
        ("Les Forces Ahmad AlAbdo ont reculé.", "Forces Ahmad AlAbdo", "Forces of Martyr Ahmad al-Abdo"),
        ("Aknaf Beit al-Maqdis a déposé les armes.", "Aknaf Beit al-Maqdis", "Aknaf Beit al-Maqdis"),
        ("Jaych al-Ababil a signé l'accord.", "Jaych al-Ababil", "Jaysh al-Ababil"),
        ("L'Armée syrienne libre a perdu deux villages.", "Armée syrienne libre", "Free Syrian Army"),
        ("Des combattants de l'ASL ont été capturés.", "combattants de l'ASL", "Free Syrian Army"),
        ("Le Hezbollah a envoyé des renforts.", "Hezbollah", "Hezbollah"),
        ("L'armée arabe syrienne a pris la crête.", "armée arabe syrienne", SYRIA),
        ("L'Armée de l'air syrienne a frappé deux convois.", "Armée de l'air syrienne", SYRIA),
        ("Les forces fidèles à Bachar el-Assad progressent.", "forces fidèles à Bachar el-Assad", SYRIA),
        ("Les forces de Damas ont ouvert un corridor.", "forces de Damas", SYRIA),
        (
            "Le Service de contre-terrorisme a nettoyé le quartier.",
            "Service de contre-terrorisme",
            "Military Forces of Iraq",
        ),
        ("La Force de réaction rapide a pris le pont.", "Force de réaction rapide", "Police Forces of Iraq"),
        ("La police fédérale a pris le pont.", "police fédérale", "Police Forces of Iraq"),
        ("Les Shebab ont attaqué un poste.", "Shebab", "al-Shabaab"),
        ("Des chebab ont attaqué un poste.", "chebab", "al-Shabaab"),
        ("Les talibans ont revendiqué l'explosion.", "talibans", "Taliban"),
        ("Les Houthis ont tiré un missile.", "Houthis", "Houthis (Ansar Allah)"),
        ("Boko Haram a enlevé des lycéennes.", "Boko Haram", "Boko Haram"),
        (
            "L'État islamique au Grand Sahara a revendiqué l'embuscade.",
            "État islamique au Grand Sahara",
            "Islamic State (Greater Sahara)",
        ),
        ("Les FARDC ont repoussé le M23.", "FARDC", "Military Forces of the Democratic Republic of Congo"),
        ("La force Barkhane a neutralisé un chef.", "force Barkhane", "Military Forces of France"),
        ("Tsahal a frappé une cible.", "Tsahal", "Military Forces of Israel"),
        # the wider French-speaking conflict world
        ("Les miliciens de la Codeco ont attaqué un camp.", "miliciens de la Codeco",
         "CODECO: Cooperative for Development of Congo"),
        ("Les Forces de soutien rapide contrôlent la ville.", "Forces de soutien rapide", "RSF: Rapid Support Forces"),
        ("Les FSR ont bombardé un marché.", "FSR", "RSF: Rapid Support Forces"),
        ("Des anti-balaka ont tué deux éleveurs.", "anti-balaka", "Anti-Balaka"),
        ("Les séparatistes anglophones ont incendié une école.", "séparatistes anglophones", "Ambazonian Separatists"),
        ("Des indépendantistes ambazoniens ont tendu une embuscade.", "indépendantistes ambazoniens",
         "Ambazonian Separatists"),
        ("Le groupe Wagner appuie l'armée.", "groupe Wagner", "Wagner Group"),
        ("Les Volontaires pour la défense de la patrie ont repoussé l'attaque.",
         "Volontaires pour la défense de la patrie", "VDP: Volunteers for the Defense of the Homeland"),
        ("Le gang 400 Mawozo a enlevé des religieux.", "gang 400 Mawozo", "400 Mawozo"),
        ("Les talibans pakistanais ont revendiqué l'attentat.", "talibans pakistanais",
         "TTP: Tehreek-i-Taliban Pakistan"),
        ("L'Armée de libération nationale a attaqué une base.", "Armée de libération nationale",
         "ELN: National Liberation Army"),
        ("Le groupe Abu Sayyaf a enlevé deux pêcheurs.", "groupe Abu Sayyaf", "ASG: Abu Sayyaf Group"),
        ("Des militants du MRC ont été interpellés.", "militants du MRC", "MRC: Cameroon Renaissance Movement"),
        ("Les Forces spéciales de dissuasion ont arrêté un chef.", "Forces spéciales de dissuasion",
         "Rada Special Deterrence Force"),
        ("Les partisans des Frères musulmans ont manifesté.", "Frères musulmans", "Muslim Brotherhood"),
        ("Les miliciens de Misrata ont repris le quartier.", "miliciens de Misrata", "Misrata Militia"),
        ("Les rebelles de Riek Machar ont attaqué la ville.", "rebelles de Riek Machar",
         "SPLM/A-IO: Sudan People's Liberation Movement/Army (In Opposition)"),
        ("Des miliciens dozos ont encerclé un hameau.", "miliciens dozos", "Dozo Militia"),
        ("Les Dozo contrôlent la piste.", "Dozo", "Dozo Militia"),
        # groups added with their ACLED names (sentences written for the tests)
        ("La katiba Macina a attaqué un poste.", "katiba Macina", "JNIM: Group for Support of Islam and Muslims"),
        ("Des hommes de la katiba Serma ont brûlé un pont.", "hommes de la katiba Serma",
         "JNIM: Group for Support of Islam and Muslims"),
        ("La province du Sahel de l'État islamique a frappé Ménaka.", "province du Sahel de l'État islamique",
         "Islamic State (Greater Sahara)"),
        ("L'ISSP a revendiqué l'embuscade.", "ISSP", "Islamic State (Greater Sahara)"),
        ("Le Haut conseil pour l'unité de l'Azawad a renforcé Kidal.", "Haut conseil pour l'unité de l'Azawad",
         "HCUA: High Council for the Unity of Azawad"),
        ("Des combattants du HCUA ont été vus.", "combattants du HCUA", "HCUA: High Council for the Unity of Azawad"),
        ("Le Mouvement arabe de l'Azawad a repris Ber.", "Mouvement arabe de l'Azawad", "MAA: Arab Movement of Azawad"),
        ("La CMFPR a signé le document.", "CMFPR",
         "CMFPR: Coordination of Patriotic Resistance Movements and Forces"),
        ("Les groupes armés de la Plateforme tiennent Anéfis.", "groupes armés de la Plateforme", "Platform"),
        ("Al-Mourabitoune a revendiqué l'attaque de l'hôtel.", "Al-Mourabitoune", "Al Mourabitoune"),
        ("Le groupe Lakurawa a tué des éleveurs.", "groupe Lakurawa", "Lakurawa"),
        ("Le Front patriotique de libération a saboté l'oléoduc.", "Front patriotique de libération",
         "FPL: Patriotic Liberation Front"),
        ("L'ESN a attaqué un commissariat.", "ESN", "ESN: Eastern Security Network"),
        ("Les miliciens de la CJTF ont repoussé les assaillants.", "miliciens de la CJTF",
         "CJTF: Civilian Joint Task Force"),
        ("Le CCMSR a attaqué une garnison.", "CCMSR",
         "CCMSR: Military Command Council for the Salvation of the Republic"),
        ("Une colonne de l'Union des forces de la résistance avance.", "Union des forces de la résistance",
         "UFR: Union of Resistance Forces"),
        ("Le FPRC a pris Ndélé.", "FPRC", "FPRC: Popular Front for the Renaissance of the Central African Republic"),
        ("Le Mouvement patriotique pour la Centrafrique a levé des taxes.",
         "Mouvement patriotique pour la Centrafrique", "MPC: Central African Patriotic Movement"),
        ("Le mouvement Révolution et Justice a tué un berger.", "mouvement Révolution et Justice",
         "RJ: Revolution and Justice"),
        ("L'Armée de résistance du Seigneur a enlevé des enfants.", "Armée de résistance du Seigneur",
         "LRA: Lord's Resistance Army"),
        ("Les miliciens Azandé Ani Kpi Gbé ont brûlé un camp.", "miliciens Azandé Ani Kpi Gbé", "Azande Ani Kpi Gbe"),
        ("L'Alliance Fleuve Congo tient Goma.", "Alliance Fleuve Congo", "M23: March 23 Movement"),
        ("La milice Twirwaneho a attaqué un village.", "milice Twirwaneho", "Twirwaneho"),
        ("L'Iswap a revendiqué l'embuscade.", "Iswap", "Islamic State West Africa Province"),
        ("Les Faca ont repris Bossangoa.", "Faca", "Military Forces of the Central African Republic"),
        ("Les forces de Hemedti ont pillé le marché.", "forces de Hemedti", "RSF: Rapid Support Forces"),
        ("Des miliciens Nyatura ont tué un chef.", "miliciens Nyatura", "Nyatura Militia"),
        ("Les Raïa Mutomboki ont occupé la route.", "Raïa Mutomboki", "Raia Mutomboki Militia"),
        ("Le NDC-R a repris Pinga.", "NDC-R", "NDC-R: Nduma Defence of Congo-Renovated"),
        ("La Force de résistance patriotique de l'Ituri a pillé un marché.",
         "Force de résistance patriotique de l'Ituri", "FRPI: Patriotic Resistance Front of Ituri"),
        ("La Convention pour la révolution populaire a attaqué Djugu.", "Convention pour la révolution populaire",
         "CRP: Convention for the Popular Revolution"),
        ("Des miliciens Mobondo ont tué des villageois.", "miliciens Mobondo", "Mobondo Militia"),
        ("Les Kamuina Nsapu ont attaqué Tshimbulu.", "Kamuina Nsapu", "Kamuina Nsapu Militia"),
        ("Les Forces nationales de libération ont tendu une embuscade.", "Forces nationales de libération",
         "FNL: National Forces of Liberation"),
        ("L'EACRF s'est retirée de Kibumba.", "EACRF", "EACRF: East African Community Regional Force"),
        ("La SAMIDRC a perdu deux soldats.", "SAMIDRC",
         "SAMIDRC: Southern African Development Community Mission in the Democratic Republic of Congo"),
        ("Le Mouvement pour la justice et l'égalité a attaqué Omdurman.", "Mouvement pour la justice et l'égalité",
         "JEM: Justice and Equality Movement"),
        ("Le SPLM-N a pris une base.", "SPLM-N", "SPLM-N: Sudan People's Liberation Movement-North"),
        ("L'ONLF a attaqué un champ pétrolier.", "ONLF", "ONLF: Ogaden National Liberation Front"),
        ("Les rebelles casamançais ont enlevé des démineurs.", "rebelles casamançais",
         "MFDC: Movement of Democratic Forces of Casamance"),
        ("La force conjointe du G5 Sahel a été visée.", "force conjointe du G5 Sahel", "G5 Sahel Joint Force"),
        ("La brigade de Souq al-Joumaa tient le barrage.", "brigade de Souq al-Joumaa",
         "Souq al-Jumaa Communal Militia (Libya)"),
        ("Les milices de Zintan ont quitté l'aéroport.", "milices de Zintan", "Zintan Communal Militia (Libya)"),
        ("La Brigade des révolutionnaires de Tripoli a arrêté un ministre.", "Brigade des révolutionnaires de Tripoli",
         "Tripoli Revolutionaries Brigade"),
        ("La brigade Nawasi contrôle le port.", "brigade Nawasi", "Nawasi Brigade"),
        ("L'Appareil de soutien à la stabilité a arrêté un militant.", "Appareil de soutien à la stabilité",
         "SSA: Stability Support Apparatus"),
        ("Les Brigades de défense de Benghazi ont attaqué le terminal.", "Brigades de défense de Benghazi",
         "Benghazi Defense Brigades"),
        ("Le Conseil de la choura des révolutionnaires de Benghazi a reculé.",
         "Conseil de la choura des révolutionnaires de Benghazi", "Shura Council of Benghazi Revolutionaries"),
        ("Le mouvement Hasm a revendiqué l'assassinat.", "mouvement Hasm", "Hasm Movement"),
        ("Ajnad Misr a posé une bombe au Caire.", "Ajnad Misr", "Ajnad Misr"),
        ("Les forces du gouvernement de transition syrien ont pris le village.",
         "forces du gouvernement de transition syrien", SYRIA),
        ("Jaych Khaled Ben al-Walid tenait le bassin du Yarmouk.", "Jaych Khaled Ben al-Walid", IS),
        ("Un chef de Hurras al-Din a été tué par un drone.", "Hurras al-Din", "Hurras al-Din"),
        ("Le Parti islamique du Turkestan a attaqué Jisr al-Choughour.", "Parti islamique du Turkestan",
         "Turkistan Islamic Party"),
        ("Le mouvement Noureddine al-Zinki a perdu des positions.", "mouvement Noureddine al-Zinki",
         "Nour al-Din al-Zenki Movement"),
        ("Liwa al-Qods a participé à l'offensive.", "Liwa al-Qods", "Liwa al-Quds"),
        ("Les miliciens de la Défense nationale gardent le pont.", "miliciens de la Défense nationale",
         "NDF: National Defense Forces"),
        ("Des combattants de la brigade Fatemiyoun ont été tués.", "combattants de la brigade Fatemiyoun",
         "Liwa Fatemiyoun"),
        ("Les Zainabiyoun ont renforcé la ligne.", "Zainabiyoun", "Liwa Zainebiyoun"),
        ("Jaych al-Izza a bombardé une position.", "Jaych al-Izza", "Jaish al-Izza"),
        ("La division Sultan Mourad a pris une colline.", "division Sultan Mourad", "Sultan Murad Division"),
        ("La division Hamza a arrêté des civils.", "division Hamza", "Hamza Division"),
        ("Maghawir al-Thawra patrouille près d'al-Tanf.", "Maghawir al-Thawra", "Maghawir al-Thawra"),
        ("Le mouvement Amal a perdu deux combattants.", "mouvement Amal", "Amal Movement"),
        ("La Finul a essuyé des tirs.", "Finul", "UNIFIL: United Nations Interim Force in Lebanon"),
        ("Les Brigades d'Aisha Umm al-Moemeneen ont revendiqué l'explosion.",
         "Brigades d'Aisha Umm al-Moemeneen", "Aisha Umm al-Mouminin Brigades"),
        ("Les Brigades Abdallah Azzam ont visé l'ambassade.", "Brigades Abdallah Azzam", "Abdullah Azzam Brigades"),
        ("Le groupe al-Nujaba a tiré des roquettes.", "groupe al-Nujaba", "Harakat Hezbollah al-Nujaba"),
        ("Les Kataeb Sayyed al-Chouhada ont défilé.", "Kataeb Sayyed al-Chouhada", "Kataib Sayyid al-Shuhada"),
        ("Saraya al-Salam a déployé des hommes.", "Saraya al-Salam", "Saraya al-Salam"),
        ("L'organisation Badr a repris le barrage.", "organisation Badr", "Badr Organization"),
        ("La Résistance islamique en Irak a lancé un drone.", "Résistance islamique en Irak",
         "Islamic Resistance in Iraq"),
        ("Les forces de la Ceinture de sécurité ont pris Aden.", "forces de la Ceinture de sécurité",
         "Security Belt Forces"),
        ("Les brigades des Géants avancent vers Hodeïda.", "brigades des Géants", "Giants Brigades"),
        ("Le FPLP a revendiqué l'attaque.", "FPLP", "PFLP: Popular Front for the Liberation of Palestine"),
        ("Le groupe de la Fosse aux lions a tiré sur un barrage.", "groupe de la Fosse aux lions", "Lions' Den"),
        ("Le Bataillon de Jénine a affronté l'armée.", "Bataillon de Jénine", "Jenin Brigade"),
        ("Saraya al-Qods a tiré des roquettes.", "Saraya al-Qods", "Palestinian Islamic Jihad"),
        ("Le Front national de résistance a attaqué un poste taliban.", "Front national de résistance",
         "NRF: National Resistance Front"),
        ("Le Front de la liberté de l'Afghanistan a revendiqué l'attaque.", "Front de la liberté de l'Afghanistan",
         "AFF: Afghanistan Freedom Front"),
        ("Le Lashkar-e-Taiba a planifié l'attaque.", "Lashkar-e-Taiba", "LeT: Lashkar-e-Taiba"),
        ("Le JeM a revendiqué l'attentat de Pulwama.", "JeM", "JeM: Jaish-e-Mohammed"),
        ("Le Lashkar-e-Jhangvi a visé des pèlerins.", "Lashkar-e-Jhangvi", "LeJ: Lashkar-e-Jhangvi"),
        ("Le Jamaat-ul-Ahrar a revendiqué l'attentat.", "Jamaat-ul-Ahrar", "JuA: Jamaat-ul-Ahrar"),
        ("Le Front de libération du Baloutchistan a tué des ouvriers.", "Front de libération du Baloutchistan",
         "BLF: Balochistan Liberation Front"),
        ("Le TRF a revendiqué l'attaque au Cachemire.", "TRF", "TRF: The Resistance Front"),
        ("Le Hizbul Mujahideen a perdu un commandant.", "Hizbul Mujahideen", "Hizbul Mujahideen"),
        ("Des rebelles naxalites ont attaqué un convoi.", "rebelles naxalites",
         "CPI (Maoist): Communist Party of India (Maoist)"),
        ("Jaïch al-Adl a enlevé des gardes-frontières.", "Jaïch al-Adl", "Jaish al-Adl"),
        ("Le PJAK a affronté les pasdaran.", "PJAK", "PJAK: Party of Free Life of Kurdistan"),
        ("Le PDKI a été visé par des drones.", "PDKI", "KDPI: Kurdistan Democratic Party of Iran"),
        ("Le camp de Komala a été bombardé.", "Komala", "Komala"),
        ("Le DHKP-C a revendiqué l'attentat.", "DHKP-C", "DHKP-C: Revolutionary People's Liberation Party-Front"),
        ("La Légion Liberté de la Russie a franchi la frontière.", "Légion Liberté de la Russie",
         "Freedom of Russia Legion"),
        ("Le Corps des volontaires russes a attaqué Belgorod.", "Corps des volontaires russes",
         "Russian Volunteer Corps"),
        ("L'Émirat du Caucase a revendiqué l'attentat.", "Émirat du Caucase", "Caucasus Emirate"),
        ("La Tatmadaw a bombardé un village.", "Tatmadaw", "Military Forces of Myanmar"),
        ("L'Union nationale karen a repris une base.", "Union nationale karen", "KNLA: Karen National Liberation Army"),
        ("La KNDF a attaqué Loikaw.", "KNDF", "KNDF: Karenni Nationalities Defense Force"),
        ("L'Armée du salut des Rohingyas de l'Arakan a attaqué des postes.",
         "Armée du salut des Rohingyas de l'Arakan", "ARSA: Arakan Rohingya Salvation Army"),
        ("La Nouvelle armée du peuple a tendu une embuscade.", "Nouvelle armée du peuple", "NPA: New People's Army"),
        ("Le MILF a signé un accord.", "MILF", "MILF: Moro Islamic Liberation Front"),
        ("Les BIFF ont attaqué un camp.", "BIFF", "BIFF: Bangsamoro Islamic Freedom Fighters"),
        ("Le groupe Maute a pris Marawi.", "groupe Maute", "Maute Group"),
        ("La Segunda Marquetalia a tué deux soldats.", "Segunda Marquetalia", "FARC Dissidents"),
        ("Le Clan del Golfo a décrété une grève armée.", "Clan del Golfo",
         "AGC: Gaitanist Self-Defense Forces of Colombia"),
        ("Le cartel du Golfe a attaqué des policiers.", "cartel du Golfe", "Gulf Cartel"),
        ("Les Zetas ont enlevé des migrants.", "Zetas", "Los Zetas"),
        ("Le Cartel del Noreste a bloqué des routes.", "Cartel del Noreste", "CDN: Cartel del Noreste"),
        ("La Familia Michoacana a tendu une embuscade.", "La Familia Michoacana", "La Familia Michoacana"),
        ("Le cartel des Chevaliers templiers contrôle la région.", "cartel des Chevaliers templiers",
         "Knights Templar Cartel"),
        ("Les Guerreros Unidos ont enlevé les étudiants.", "Guerreros Unidos", "Guerreros Unidos"),
        ("Le cartel Beltran Leyva a attaqué un convoi.", "cartel Beltran Leyva", "Beltran Leyva Organization"),
        ("Les Chapitos affrontent leurs rivaux.", "Chapitos", "Sinaloa Cartel"),
        ("Le Tren de Aragua a enlevé un opposant.", "Tren de Aragua", "Tren de Aragua"),
        ("Le gang 5 Segond a attaqué un commissariat.", "5 Segond", "5 Segond Gang"),
        ("Le gang de Grand Ravine a envahi Carrefour-Feuilles.", "gang de Grand Ravine", "Grand Ravine Gang"),
        ("Le gang Kraze Baryè a incendié des maisons.", "gang Kraze Baryè", "Kraze Barye Gang"),
        ("Le gang de Canaan a bloqué la route.", "gang de Canaan", "Canaan Gang"),
        ("La coalition G-Pèp a riposté.", "coalition G-Pèp", "G-Pep"),
        ("Le gang Ti Makak a tué deux policiers.", "gang Ti Makak", "Ti Makak Gang"),
        ("Le gang Kokorat San Ras a attaqué Pont-Sondé.", "gang Kokorat San Ras", "Kokorat San Ras Gang"),
        ("Le gang Chen Mechan a tué un policier.", "gang Chen Mechan", "Chen Mechan Gang"),
        ("La Mission multinationale d'appui à la sécurité a repris le port.",
         "Mission multinationale d'appui à la sécurité", "MSS: Multinational Security Support Mission in Haiti"),
        ("La Minuss a ouvert ses portes aux déplacés.", "Minuss", "UNMISS: United Nations Mission in South Sudan"),
        ("Un convoi de la Minuad a été attaqué.", "Minuad",
         "UNAMID: United Nations-African Union Hybrid Operation in Darfur"),
        ("La Minustah a patrouillé à Cité Soleil.", "Minustah",
         "MINUSTAH: United Nations Stabilization Mission in Haiti"),
        ("La force Licorne a sécurisé l'aéroport.", "force Licorne", "Military Forces of France"),
    ],
)
def test_named_spellings(registry: ActorRegistry, sentence: str, phrase: str, actor: str) -> None:
    found = {(m.text, m.actor.name) for m in registry.find(sentence)}
    assert (phrase, actor) in found, found


def test_offsets_point_into_the_given_text(registry: ActorRegistry) -> None:
    text = "Hier, l’aviation  syrienne a bombardé des positions de Daêch."
    for mention in registry.find(text):
        assert text[mention.start : mention.end] == mention.text
    assert [m.text for m in registry.find(text)] == ["aviation  syrienne", "Daêch"]


def test_seed_style_paragraph(registry: ActorRegistry) -> None:
    text = (
        "Lundi, les forces régulières et le Hezbollah ont chassé les terroristes de Daech de deux collines, "
        "tandis que l'aviation russe visait le front al-Nosra et que des civils fuyaient."
    )
    found = [(m.text, m.actor.name, m.generic) for m in registry.find(text, "Syria")]
    assert found == [
        ("forces régulières", SYRIA, True),
        ("Hezbollah", "Hezbollah", False),
        ("terroristes de Daech", IS, False),
        ("aviation russe", "Military Forces of Russia", False),
        ("front al-Nosra", HTS, False),
        ("civils", "Civilians (Syria)", True),
    ]


# ----------------------------------------------------------------------------- nationality phrases


@pytest.mark.parametrize(
    ("phrase", "actor"),
    [
        ("l'armée syrienne", SYRIA),
        ("l'aviation russe", "Military Forces of Russia"),
        ("les drones russes", "Military Forces of Russia"),
        ("les bombardiers russes", "Military Forces of Russia"),
        ("le navire russe", "Military Forces of Russia"),
        ("des frappes russes", "Military Forces of Russia"),
        ("des missiles russes", "Military Forces of Russia"),  # a state's missiles and shells are its forces'
        ("les obus israéliens", "Military Forces of Israel"),
        ("les soldats maliens", "Military Forces of Mali"),
        ("un soldat malien", "Military Forces of Mali"),
        ("les policiers afghans", "Police Forces of Afghanistan"),
        ("les forces irakiennes", "Military Forces of Iraq"),
        ("les forces gouvernementales syriennes", SYRIA),
        ("la garde nationale ukrainienne", "Military Forces of Ukraine"),
        ("l'armée turque", "Military Forces of Turkey"),
        ("les forces spéciales américaines", "Military Forces of the United States"),
        ("les militaires nigérians", "Military Forces of Nigeria"),
        ("les soldats nigériens", "Military Forces of Niger"),
        ("l'armée burkinabè", "Military Forces of Burkina Faso"),
        ("l'armée libanaise", "Military Forces of Lebanon"),
        ("l'armée israélienne", "Military Forces of Israel"),
        ("l'armée iranienne", "Military Forces of Iran"),
        ("les troupes yéménites", "Military Forces of Yemen"),
        ("les soldats somaliens", "Military Forces of Somalia"),
        ("les soldats congolais", "Military Forces of the Democratic Republic of Congo"),
        ("la police libyenne", "Police Forces of Libya"),
        ("les forces de Kiev", "Military Forces of Ukraine"),
        ("l'armée du Mali", "Military Forces of Mali"),
        ("les civils syriens", "Civilians (Syria)"),
        ("les rebelles syriens", "Unidentified Armed Group (Syria)"),
        ("un assaillant palestinien", "Unidentified Armed Group (Palestine)"),
        ("les terroristes nigérians", "Unidentified Armed Group (Nigeria)"),
        ("un kamikaze somalien", "Unidentified Armed Group (Somalia)"),
        ("les avions de chasse saoudiens", "Military Forces of Saudi Arabia"),
    ],
)
def test_nationality_phrases(registry: ActorRegistry, phrase: str, actor: str) -> None:
    sentence = f"Selon un témoin, {phrase} sont arrivés jeudi."
    mention = only(registry, sentence, "Chad")  # the phrase's own country wins over the event country
    assert mention.actor.name == actor
    assert mention.generic is False
    assert phrase.endswith(mention.text)


def test_nationality_phrase_beats_template(registry: ActorRegistry) -> None:
    mention = only(registry, "L'armée malienne a riposté.", "Syria")
    assert (mention.text, mention.actor.name, mention.generic) == (
        "armée malienne",
        "Military Forces of Mali",
        False,
    )


@pytest.mark.parametrize(
    ("country", "actor"),
    [
        ("Mali", "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali"),
        ("Central African Republic",
         "MINUSCA: United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic"),
        ("Haiti", None),
    ],
)
def test_peacekeepers_are_the_mission_of_the_country(registry: ActorRegistry, country: str, actor: str | None) -> None:
    found = [m.actor.name for m in registry.find("Deux casques bleus ont été blessés près du camp.", country)]
    assert (found[0] if found else None) == actor


@pytest.mark.parametrize(
    ("initials", "country", "actor"),
    [
        ("ANP", "Algeria", "Military Forces of Algeria"),
        ("ANP", "Afghanistan", "Police Forces of Afghanistan"),
        ("ANP", "Mali", None),
        ("FDS", "Syria", "Syrian Democratic Forces"),
        ("FDS", "Ivory Coast", "Military Forces of Ivory Coast"),
        ("UPC", "Central African Republic", "UPC: Union for Peace in the Central African Republic"),
        ("UPC", "Cameroon", None),  # a party there
    ],
)
def test_the_same_initials_name_the_force_of_the_story_country(
    registry: ActorRegistry, initials: str, country: str, actor: str | None
) -> None:
    found = [m.actor.name for m in registry.find(f"Un détachement des {initials} a saisi trois fusils.", country)]
    assert (found[0] if found else None) == actor


@pytest.mark.parametrize(
    ("sentence", "country", "actor"),
    [
        # Hezbollah's name for its armed wing in its communiqués
        ("La Résistance islamique a tiré des roquettes sur une position israélienne.", "Lebanon", "Hezbollah"),
        ("Le Mouvement de la résistance islamique a revendiqué les tirs.", "Israel", "Hamas"),
        ("La Résistance islamique a tiré des roquettes.", "Iraq", None),
    ],
)
def test_the_islamic_resistance_is_hezbollah_in_a_lebanese_story(
    registry: ActorRegistry, sentence: str, country: str, actor: str | None
) -> None:
    found = [m.actor.name for m in registry.find(sentence, country)]
    assert (found[0] if found else None) == actor


def test_coalition_fighters(registry: ActorRegistry) -> None:
    mention = only(registry, "Les chasseurs de la coalition ont bombardé un pont.", "Syria")
    assert mention.actor.name == "Global Coalition Against Daesh"
    assert mention.text == "chasseurs de la coalition"
    assert registry.find("Les chasseurs de la coalition ont bombardé un pont.") == []
    raid = registry.find("Un raid de la coalition a tué six civils.", "Yemen")[0]
    assert (raid.text, raid.actor.name) == ("raid de la coalition", "Saudi-led Coalition")


# ----------------------------------------------------------------------------- case-sensitive abbreviations


@pytest.mark.parametrize(
    "text",
    [
        "Il a neigé sur la ville.",  # "ei" inside words
        "Les ei n'existent pas en français.",  # lower-case "ei"
        "Ei, dit-il.",  # capitalised but not the abbreviation
        "Le geste fut asl et fds et hts.",  # lower-case abbreviations
        "Une réunion de l'AESL a eu lieu.",  # inside a longer abbreviation
        "Les CTSX ont publié un rapport.",
    ],
)
def test_abbreviations_need_exact_case_and_boundaries(registry: ActorRegistry, text: str) -> None:
    assert registry.find(text) == []


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("L'EI a perdu Raqqa.", IS),
        ("Des cellules de l’EI restent actives.", IS),
        ("Les djihadistes (EI) ont fui.", IS),
        ("L'ASL a perdu la bataille.", "Free Syrian Army"),
        ("Le CTS a repris le quartier.", "Military Forces of Iraq"),
        ("HTS a annoncé sa dissolution.", HTS),
    ],
)
def test_abbreviations_match(registry: ActorRegistry, text: str, actor: str) -> None:
    assert actor in names(registry, text)


# ----------------------------------------------------------------------------- folding


@pytest.mark.parametrize(
    "text",
    [
        "DAECH A PERDU LA VILLE.",
        "daech a perdu la ville.",
        "Da’esh a perdu la ville.",
        "Dae-ch",
    ],
)
def test_accent_case_apostrophe_insensitive(registry: ActorRegistry, text: str) -> None:
    expected = [] if text == "Dae-ch" else [IS]
    assert names(registry, text) == expected


def test_hyphen_and_apostrophe_variants(registry: ActorRegistry) -> None:
    assert names(registry, "Le Front al Nosra recule.") == [HTS]
    assert names(registry, "Jaish-al-Islam accepte.") == ["Jaish al-Islam"]
    assert names(registry, "L'Armee de l’air syrienne frappe.") == [SYRIA]


def test_word_boundaries(registry: ActorRegistry) -> None:
    assert registry.find("Les Hezbollahistes n'existent pas.") == []
    assert registry.find("Le soldatesque.", "Mali") == []
    assert registry.find("Des talibanisations.") == []


# ----------------------------------------------------------------------------- templates


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("L'armée a repris la ville.", "Military Forces of Mali"),
        ("Les soldats ont riposté.", "Military Forces of Mali"),
        ("Trois militaires ont été tués.", "Military Forces of Mali"),
        ("Les forces régulières avancent.", "Military Forces of Mali"),
        ("Les forces de sécurité ont bouclé le marché.", "Military Forces of Mali"),
        ("L'aviation a bombardé le camp.", "Military Forces of Mali"),
        ("Le régime a nié.", "Military Forces of Mali"),
        ("Les troupes sont entrées.", "Military Forces of Mali"),
        ("Deux policiers ont été blessés.", "Police Forces of Mali"),
        ("La police a dispersé la foule.", "Police Forces of Mali"),
        ("La défense antiaérienne a abattu un drone.", "Military Forces of Mali"),
        ("Les systèmes de défense aérienne ont intercepté deux missiles.", "Military Forces of Mali"),
        ("Des rebelles ont pillé le dépôt.", "Unidentified Armed Group (Mali)"),
        ("Des hommes armés ont enlevé le maire.", "Unidentified Armed Group (Mali)"),
        ("Les assaillants ont fui.", "Unidentified Armed Group (Mali)"),
        ("Des djihadistes ont incendié l'école.", "Unidentified Armed Group (Mali)"),
        ("Des jihadistes ont incendié l'école.", "Unidentified Armed Group (Mali)"),
        ("Des terroristes ont incendié l'école.", "Unidentified Armed Group (Mali)"),
        ("Des islamistes ont incendié l'école.", "Unidentified Armed Group (Mali)"),
        ("Des insurgés ont incendié l'école.", "Unidentified Armed Group (Mali)"),
        ("Les milices ont incendié l'école.", "Unidentified Armed Group (Mali)"),
        ("Des individus non identifiés ont ouvert le feu.", "Unidentified Armed Group (Mali)"),
        ("Des tireurs non identifiés ont ouvert le feu.", "Unidentified Armed Group (Mali)"),
        ("Des civils ont fui.", "Civilians (Mali)"),
        ("Les habitants ont fui.", "Civilians (Mali)"),
        ("Les villageois ont fui.", "Civilians (Mali)"),
        ("Des enfants ont été tués.", "Civilians (Mali)"),
        ("Des femmes ont été tuées.", "Civilians (Mali)"),
        ("Huit personnes ont été tuées.", "Civilians (Mali)"),
        ("Des fidèles ont été tués.", "Civilians (Mali)"),
        ("Des manifestants ont bloqué la route.", "Protesters (Mali)"),
    ],
)
def test_templates_with_country(registry: ActorRegistry, text: str, actor: str) -> None:
    mention = only(registry, text, "Mali")
    assert mention.actor.name == actor
    assert mention.generic is True
    assert mention.actor.country == "Mali"


def test_templates_need_a_country(registry: ActorRegistry) -> None:
    text = "L'armée et la police ont arrêté des rebelles pendant que les civils fuyaient."
    assert registry.find(text) == []
    assert names(registry, text, "Mali") == [
        "Military Forces of Mali",
        "Police Forces of Mali",
        "Unidentified Armed Group (Mali)",
        "Civilians (Mali)",
    ]


def test_template_uses_registry_actor_when_named(registry: ActorRegistry) -> None:
    mention = only(registry, "Les soldats ont avancé.", "United States")
    assert mention.actor == registry.get("Military Forces of the United States")
    loyal = only(registry, "Les loyalistes ont repris la colline.", "Syria")
    assert loyal.actor.name == SYRIA


@pytest.mark.parametrize(
    ("country", "actor"),
    [
        ("Afghanistan", "Islamic State Khorasan Province"),
        ("Nigeria", "Islamic State West Africa Province"),
        ("Syria", "Islamic State"),  # the core group
        ("Pakistan", "Islamic State"),  # ACLED's Islamic State (Pakistan), not the Khorasan Province
        (None, "Islamic State"),
    ],
)
def test_a_group_with_provinces_is_its_province_in_a_story_from_there(
    registry: ActorRegistry, country: str | None, actor: str
) -> None:
    mentions = registry.find("Le groupe État islamique a revendiqué l'attentat de vendredi.", country)
    assert [m.actor.name for m in mentions] == [actor]


def test_militaires_as_adjective_is_not_an_actor(registry: ActorRegistry) -> None:
    assert registry.find("Les opérations militaires continuent.", "Mali") == []


# ----------------------------------------------------------------------------- overlaps and exclusions


def test_longest_match_wins(registry: ActorRegistry) -> None:
    assert names(registry, "L'Armée syrienne libre a reculé.", "Syria") == ["Free Syrian Army"]
    assert names(registry, "L'État islamique au Grand Sahara frappe.", "Mali") == [
        "Islamic State (Greater Sahara)"
    ]
    assert names(registry, "Les séparatistes prorusses tirent.", "Ukraine") == [
        "NAF: United Armed Forces of Novorossiya"
    ]
    assert names(registry, "L'Armée de la conquête contrôle Idleb.", "Syria") == ["Jaish al-Fatah"]


def test_member_and_appositive_phrases_take_the_named_actor(registry: ActorRegistry) -> None:
    assert [(m.text, m.actor.name) for m in registry.find("Les terroristes de Daech ont fui.", "Syria")] == [
        ("terroristes de Daech", IS)
    ]
    assert [
        (m.text, m.actor.name) for m in registry.find("Les rebelles yéménites Houthis tirent.", "Yemen")
    ] == [("rebelles yéménites Houthis", "Houthis (Ansar Allah)")]
    assert names(registry, "Le groupe jihadiste Boko Haram a frappé.", "Nigeria") == ["Boko Haram"]
    assert names(registry, "Les drones des Gardiens de la révolution ont frappé.", "Syria") == [
        "Military Forces of Iran (Islamic Revolutionary Guard Corps)"
    ]


def test_a_member_phrase_grows_over_an_appositive_one(registry: ActorRegistry) -> None:
    # "éléments du" before "groupe terroriste Daech": the whole phrase names the group, so no "du" is left
    # between an agent's "par" and its name
    text = "Une embuscade a été tendue par les éléments du groupe terroriste Daech."
    assert [(m.text, m.actor.name) for m in registry.find(text, "Iraq")] == [
        ("éléments du groupe terroriste Daech", IS)
    ]


def test_mentions_are_sorted_and_disjoint(registry: ActorRegistry) -> None:
    text = (
        "Les soldats maliens et la force Barkhane ont repoussé des jihadistes liés au JNIM, "
        "selon la Minusma, tandis que des villageois fuyaient."
    )
    mentions = registry.find(text, "Mali")
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    for first, second in pairwise(mentions):
        assert first.end <= second.start
    assert [m.actor.name for m in mentions] == [
        "Military Forces of Mali",
        "Military Forces of France",
        "Unidentified Armed Group (Mali)",
        "JNIM: Group for Support of Islam and Muslims",
        "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali",
        "Civilians (Mali)",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Selon Média de guerre, la ville est calme.",
        "L'agence Sana rapporte que la route est ouverte.",
        "La chaîne al-Mayadeen cite des témoins.",
        "L'OSDH fait état de combats.",
        "L'Observatoire syrien des droits de l'Homme fait état de combats.",
        "Le Réseau médiatique de l'armée syrienne a diffusé des images.",
        "La coalition patriotique avance vers le nord.",
        "Une source militaire syrienne confirme.",
        "Le ministère russe de la Défense a publié un communiqué.",
        "Les Cadets du Khalifa ont été dissous.",
    ],
)
def test_sources_and_unknown_names_are_not_actors(registry: ActorRegistry, text: str) -> None:
    assert registry.find(text, "Syria") == []


def test_bare_coalition_depends_on_country(registry: ActorRegistry) -> None:
    assert names(registry, "La coalition a frappé un convoi.", "Iraq") == ["Global Coalition Against Daesh"]
    assert names(registry, "La coalition a frappé un convoi.", "Mali") == []
    assert names(registry, "La coalition internationale a frappé un convoi.") == [
        "Global Coalition Against Daesh"
    ]
    assert names(registry, "La coalition arabe a frappé un convoi.") == ["Saudi-led Coalition"]


def test_growth_stops_at_punctuation_and_skips_templates(registry: ActorRegistry) -> None:
    found = [
        (m.text, m.actor.name) for m in registry.find("Des rebelles, Houthis selon Sanaa, ont tiré.", "Yemen")
    ]
    assert found == [("rebelles", "Unidentified Armed Group (Yemen)"), ("Houthis", "Houthis (Ansar Allah)")]
    found = [(m.text, m.actor.name) for m in registry.find("Les rebelles médecins ont soigné.", "Syria")]
    assert found == [("rebelles", "Unidentified Armed Group (Syria)"), ("médecins", "Civilians (Syria)")]


def test_a_coalition_of_groups_is_not_the_global_coalition(registry: ActorRegistry) -> None:
    text = "Une coalition formée de plusieurs groupes tient la ville."
    assert names(registry, text, "Syria") == []


def test_a_group_that_fights_across_borders_reaches_the_countries_it_operates_in(registry: ActorRegistry) -> None:
    text = "Des combattants de Boko Haram ont incendié des cases avant que l'armée ne les repousse."
    ties = registry.ties(registry.scan(text))
    # one vote for its own country; the others are where its places may lie, not votes
    assert ties.votes == Counter({"Nigeria": 1})
    assert ties.reach == ("Nigeria", "Cameroon", "Chad", "Niger")


@pytest.mark.parametrize(
    ("name", "states"),
    [
        ("Hezbollah", ("Syria",)),  # a Lebanese party whose fighters served beside Syria's army
        ("Popular Mobilization Forces", ("Iraq",)),  # its own country's, unless the registry says otherwise
        ("Islamic State", ()),  # no government ally
    ],
)
def test_a_government_ally_fights_for_states(registry: ActorRegistry, name: str, states: tuple[str, ...]) -> None:
    actor = registry.get(name)
    assert actor is not None and actor.fights_for == states


def test_a_generic_mention_ties_the_text_to_no_country(registry: ActorRegistry) -> None:
    ties = registry.ties(registry.scan("Les rebelles ont attaqué un convoi de l'armée."))
    assert not ties.votes and ties.reach == ()


def test_a_groups_countries_of_operation_hold_its_own() -> None:
    data = {"actors": [{"name": "Groupe X", "actor_type": "Rebel Forces", "country": "Mali",
                        "operates_in": ["Niger"]}]}
    with pytest.raises(ValueError, match="operates_in"):
        ActorRegistry(data, {})


def test_countries_of_operation_are_gazetteer_countries(registry: ActorRegistry) -> None:
    from veilleur.resolve.places.countries import country_codes

    reach = {c for actor in registry.actors for c in actor.operates_in}
    assert reach and reach <= set(country_codes())


@pytest.mark.parametrize(
    "text",
    [
        "Il a tout compris en 5 secondes.",  # a gang's name, not the phrase
        "Le ministre est entré dans la fosse aux lions.",  # an idiom, not the Palestinian group
        "Une nouvelle plateforme de dialogue a été lancée.",  # 'Plateforme' alone is no group
        "Le village de Canaan est calme.",  # a place, not its gang
        "Les habitants de Village de Dieu ont fui.",  # a place, not its gang
        "Le NPA a appelé à manifester.",  # France's party, not the Philippine guerrilla
        "Les étudiants de l'UFR ont voté.",  # a university department, not Chad's rebels
        "Amal a témoigné devant le tribunal.",  # a first name, not the movement
        "Il n'avait pas bouclé sa ceinture de sécurité.",
        "Le sultan Mourad a régné longtemps.",
    ],
)
def test_new_names_do_not_catch_ordinary_phrases(registry: ActorRegistry, text: str) -> None:
    assert [m.actor.name for m in registry.find(text) if not m.generic] == []


@pytest.mark.parametrize(
    ("country", "actor"),
    [
        ("Libya", "Ansar al Sharia (Libya)"),
        ("Tunisia", "Ansar al Sharia (Tunisia)"),
        ("Yemen", "AQAP: Al Qaeda in the Arabian Peninsula"),
        ("Mali", None),
    ],
)
def test_ansar_al_sharia_is_the_group_of_the_story_country(
    registry: ActorRegistry, country: str, actor: str | None
) -> None:
    found = names(registry, "Ansar al-Charia a revendiqué l'attaque.", country)
    assert found == ([actor] if actor else [])


@pytest.mark.parametrize(
    ("country", "actor"),
    [
        ("Syria", "NDF: National Defense Forces"),
        ("Burundi", "Military Forces of Burundi"),
    ],
)
def test_national_defense_forces_are_a_militia_in_syria_only(registry: ActorRegistry, country: str, actor: str) -> None:
    assert names(registry, "Les Forces de défense nationale ont repris la colline.", country) == [actor]


@pytest.mark.parametrize(
    ("country", "actor"),
    [
        ("Lebanon", "UNIFIL: United Nations Interim Force in Lebanon"),
        ("South Sudan", "UNMISS: United Nations Mission in South Sudan"),
    ],
)
def test_more_peacekeepers_are_the_mission_of_the_country(registry: ActorRegistry, country: str, actor: str) -> None:
    assert names(registry, "Des casques bleus ont été blessés.", country) == [actor]


@pytest.mark.parametrize(
    ("country", "actors"),
    [
        ("Sudan", ["RSF: Rapid Support Forces"]),
        ("Iraq", ["Popular Mobilization Forces"]),
        ("India", ["Police Forces of India"]),  # the central armed police (CRPF, BSF) that fight in Kashmir
        ("Mali", []),  # the word names no one side where no paramilitary force fights the war
    ],
)
def test_the_paramilitaries_are_the_country_s(registry: ActorRegistry, country: str, actors: list[str]) -> None:
    assert names(registry, "Les paramilitaires ont attaqué le marché.", country) == actors


def test_jem_initials_keep_their_case(registry: ActorRegistry) -> None:
    assert names(registry, "Le JEM a attaqué Omdurman.") == ["JEM: Justice and Equality Movement"]
    assert names(registry, "Le JeM a frappé au Cachemire.") == ["JeM: Jaish-e-Mohammed"]


def test_no_two_bundled_actors_share_an_abbreviation_or_an_alias() -> None:
    # a phrase two actors claim resolves to whichever was listed first: one canonical actor per group (the SPLM/A-IO
    # was listed twice, under two spellings of its name)
    from importlib import resources

    data = json.loads(resources.files("veilleur").joinpath("data", "actors.json").read_text(encoding="utf-8"))
    claims = Counter(
        claim
        for actor in data["actors"]
        for claim in {("aliases", phrase.lower()) for phrase in actor.get("aliases", [])}
        | {("abbreviations", phrase) for phrase in actor.get("abbreviations", [])}
    )
    assert [claim for claim, count in claims.items() if count > 1] == []
