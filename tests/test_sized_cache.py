from veilleur.resolve.sized_cache import SizedCache


def test_keeps_values_within_the_budget_dropping_the_least_recently_used() -> None:
    loaded: list[str] = []

    def load(key: str) -> str:
        loaded.append(key)
        return key * 2

    cache = SizedCache(load, len, budget=6)  # "aa", "bb", "cc" fit; a fourth value pushes out the oldest
    assert [cache(k) for k in "abca"] == ["aa", "bb", "cc", "aa"]
    assert loaded == ["a", "b", "c"]
    cache("d")  # "b" was used least recently
    assert cache.total == 6
    cache("a")
    cache("b")
    assert loaded == ["a", "b", "c", "d", "b"] and cache.loads == 5


def test_the_newest_value_is_kept_even_over_budget() -> None:
    cache = SizedCache(lambda key: key, len, budget=2)
    cache("long value")
    cache("long value")
    assert cache.loads == 1
