"""Gazetteer load time, memory, and toponym resolutions per second on a generated French text.

Run: ``.venv/bin/python benchmarks/bench_places.py``.
"""

from __future__ import annotations

import random
import time
import tracemalloc

from veilleur.resolve.places.countries import load_countries
from veilleur.resolve.places.gazetteer import Gazetteer, country_gazetteer
from veilleur.resolve.places.geocoder import Geocoder

NAMES = (
    "Alep", "Damas", "Deir Ezzor", "Mayadine", "Boukamal", "Palmyre", "Raqqa", "Mossoul", "Bagdad",
    "Falloujah", "Kirkouk", "Hodeïda", "Sanaa", "Tombouctou", "Gao", "Maiduguri", "Mogadiscio", "Kaboul",
    "Kandahar", "Goma", "Bakhmout", "Lougansk", "Benghazi", "Syrte", "Djibo", "Diffa", "Beyrouth", "Kilis",
)
FRAMES = (
    "Des frappes ont visé {} dans la nuit.",
    "Les combats se poursuivent près de {}, selon une source locale.",
    "Un convoi a été attaqué à 20 km au nord de {}.",
    "La province de {} reste le théâtre d'affrontements.",
    "Des habitants ont fui la ville de {} après les bombardements.",
)


def generated_text(sentences: int, seed: int = 7) -> tuple[str, int]:
    rng = random.Random(seed)
    parts = [rng.choice(FRAMES).format(rng.choice(NAMES)) for _ in range(sentences)]
    return " ".join(parts), sentences


def main() -> None:
    import resource

    t0 = time.perf_counter()
    gazetteer = Gazetteer.load()  # the index is all a text is read against (no automaton to build)
    load_s = time.perf_counter() - t0
    # Memory in a second load: tracemalloc slows allocation down, so it must not be on while timing.
    tracemalloc.start()
    _ = Gazetteer.load()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"base gazetteer: {len(gazetteer)} entries, {len(gazetteer.index)} keys")
    print(f"base load: {load_s:.2f} s, peak traced memory {peak / 1e6:.1f} MB")
    # Per-country files load lazily, for the article's countries: time the largest ones and all of them.
    for code in ("SY", "ML", "NG", "CD", "PK"):
        t0 = time.perf_counter()
        detail = country_gazetteer(code)
        size = len(detail) if detail else 0
        print(f"country {code}: {size} entries loaded in {time.perf_counter() - t0:.2f} s")
    t0 = time.perf_counter()
    every = [country_gazetteer(c.code) for c in load_countries()]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"every country file (worst case, {sum(len(d) for d in every if d)} entries): "
          f"{time.perf_counter() - t0:.1f} s, {sum(d.size for d in every if d) / 2**20:.0f} MiB by their size "
          f"estimate, process peak RSS {rss:.0f} MiB")

    geocoder = Geocoder(gazetteer)  # base + the generated text's countries
    text, names = generated_text(2000)
    # Articles are short: geocode them in chunks of 20 sentences, as the pipeline would.
    chunks = [" ".join(text.split(". ")[i:i + 20]) for i in range(0, 2000, 20)]
    t0 = time.perf_counter()
    found = sum(len(geocoder.find(chunk).mentions) for chunk in chunks)
    elapsed = time.perf_counter() - t0
    print(f"{found} mentions for {names} generated names in {elapsed:.2f} s: {found / elapsed:,.0f} resolutions/s")


if __name__ == "__main__":
    main()
