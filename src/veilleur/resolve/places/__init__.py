"""Place resolution: find place names in French conflict news and map them to gazetteer entries.

Matching works on *name keys*: a spelling-tolerant form of a name in which French and English
transliterations of Arabic, Persian, Ukrainian... names coincide ("Deir Ezzor", "Dayr az Zawr" and
"Deir ez-Zor" all give ``dir zur``). The text is cut into word tokens, each folded the same way, and the
runs of tokens that start at a capital are looked up in each gazetteer's key index; matches map back to
text offsets through the tokens. Then each match is disambiguated (country prior, admin context, proximity, size)
and given a ``geo_precision`` from the cue before it (codebook section 4).

Data: ``data/gazetteer/base.tsv.gz`` and one ``places-XX.tsv.gz`` per country (built by
``scripts/build_gazetteer.py``), ``data/gazetteer/countries.csv`` and ``data/gazetteer_stoplist.csv``. The base
and the small tables are read once per process through cached loaders; each :class:`Geocoder` keeps the
country files it loaded within a memory budget.

The modules, in the order a text goes through them:

- :mod:`.keys`: name keys and the text's word tokens;
- :mod:`.gazetteer`: the gazetteer files, their key index and near-miss look-up;
- :mod:`.countries`: country names and adjectives in a text, the country table;
- :mod:`.stoplist`: names that are not places;
- :mod:`.cues`: the precision cue before a name ("près de", "la province de");
- :mod:`.name_context`: what the words around a name say of it (a person's title, an acronym, a compound);
- :mod:`.matching`: the scan of a text against gazetteers, and which hits may name a place;
- :mod:`.votes`: the article's countries, ranked by votes;
- :mod:`.choice`: one place among a name's candidates, and its precision;
- :mod:`.links`: what the text says between two names (an administrative chain, a list, a distance);
- :mod:`.capitals`: "la capitale" with no name;
- :mod:`.results`: what the geocoder returns;
- :mod:`.geocoder`: :class:`~.geocoder.Geocoder`, which runs them.
"""
