"""French date mentions resolved against a publication date (codebook section 5).

:func:`find_dates` reads weekdays ("samedi dernier", "dans la nuit de samedi à dimanche"), relative days
("hier", "ces dernières heures"), explicit days ("le vendredi 6 octobre dernier", "12/06/2016"), months
("en octobre", "le mois dernier", "mi-octobre"), years ("en 2014") and periods ("durant les 125 derniers
jours", "depuis trois ans") with plain regular expressions over a folded copy of the text. The
publication date is always an input: nothing here looks at the clock.

A day number is only a date when a month name follows it, so "Le 19 août, 12 soldats" is 19 August
(of the right year), never the year 2012; times of day ("7h", "à 20h45") match no pattern.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from veilleur.datafiles import load_json
from veilleur.matching import PhraseWords, may_hold, phrase_words
from veilleur.resolve.numbers import fold_text, parse_quantity, without_overlaps

PRECISION_DAY = 1
PRECISION_WEEK = 2
PRECISION_MONTH = 3
# a date known only to its month is written as its 1st, as the codebook writes a publication known only to its
# month (section 5: `published` = the 1st)
MONTH_DAY = 1
PRECISION_YEAR = 4

# Years outside this window are numbers of something else ("19 août 1500 soldats").
_EARLIEST_YEAR = 1900
_SATURDAY = 5
SHIFT = "shift"  # a day counted from another ("la veille"), until find_dates anchors it
SAME_DAY = "same"  # "le même jour": no day of its own, dropped by find_dates
_SHORT_RANGE_DAYS = 7  # "du 3 au 5 mai": one event's span, not a long-period total
_SUNDAY = 6


@dataclass(frozen=True)
class DateMention:
    """A date phrase and the day it resolves to; offsets point into the text given to find_dates."""

    start: int
    end: int
    text: str
    value: date
    precision: int  # 1 day, 2 week, 3 month (codebook time_precision); 4 = year only
    kind: str  # "day" | "week" | "month" | "year" | "period"


def _vocabulary() -> dict[str, Any]:
    """The French date vocabulary (cached per process by the shared data loader)."""
    data: dict[str, Any] = load_json("french_dates.json")
    return data


def _alternation(phrases: Any) -> str:
    """A regex alternation of folded phrases, longest first so the longest phrase wins."""
    parts = [re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True)]
    return "(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=64)
def _phrase_words(keys: tuple[str, ...]) -> PhraseWords:
    """The words of each phrase of the vocabulary lists ``keys``, as :func:`_alternation` keeps them literal."""
    vocab = _vocabulary()
    return phrase_words(phrase.split() for key in keys for phrase in sorted(set(vocab[key])))


def _may_hold(folded: str, *keys: str) -> bool:
    """False only when no phrase of the vocabulary lists ``keys`` can occur in ``folded`` (:func:`may_hold`):
    most texts name no month, no later day, no week."""
    return may_hold(folded, _phrase_words(keys))


@lru_cache(maxsize=4)
def _names_month(folded: str) -> bool:
    """Whether a month's name (or its abbreviation) is in ``folded``: the month finders' common condition,
    asked once per text (a month name inside a word, "maison", "mars" in "marsouin", does not count)."""
    return _month_name_pattern().search(folded) is not None


_FOUR_DIGITS = re.compile(r"\d{4}")
_DIGIT_SEPARATOR_DIGIT = re.compile(r"\d[/.]\d")


@lru_cache(maxsize=4)
def _has_year_digits(folded: str) -> bool:
    """Whether ``folded`` holds four digits in a row, which every written year ("en 2014", "1998-2003") needs:
    most short texts hold none, and the year finders, asked once per text, are then not run."""
    return _FOUR_DIGITS.search(folded) is not None


@lru_cache(maxsize=1)
def _month_name_pattern() -> re.Pattern[str]:
    return re.compile(_pieces()["any_month"])


# --- calendar arithmetic -------------------------------------------------------------------------


def _latest_weekday(published: date, weekday: int, strictly_before: bool = False) -> date:
    """The latest given weekday on (or, if ``strictly_before``, before) the publication day."""
    back = (published.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return published - timedelta(days=back)


def _weekend_saturday(published: date, previous: bool) -> date:
    """The Saturday of "ce week-end" (the latest one) or of "le week-end dernier" (the one before)."""
    saturday = _latest_weekday(published, _SATURDAY)
    if previous and published.weekday() in (_SATURDAY, _SUNDAY):
        saturday -= timedelta(days=7)  # on a weekend, "le week-end dernier" is the one before this one
    elif previous and published == saturday:
        saturday -= timedelta(days=7)
    return saturday


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _plausible_year(year_text: str | None, published: date) -> int | None:
    if not year_text:
        return None
    year = int(year_text)
    return year if _EARLIEST_YEAR <= year <= published.year + 1 else None


def _day_in_past(day: int, month: int, year: int | None, published: date) -> date | None:
    """An explicit day: the year given, else the publication year unless that is after publication."""
    if year is not None:
        return _safe_date(year, month, day)
    resolved = _safe_date(published.year, month, day)
    if resolved is not None and resolved > published:
        resolved = _safe_date(published.year - 1, month, day)
    return resolved


def _day_of_year_asked(
    day: int, month: int, published: date, weekday: int | None, tense: str | None, planned: bool
) -> date | None:
    """A day named without a year, when the same day of the publication year is still ahead: "le 3 janvier
    prochain" is the next such day; else the weekday named with it picks the year whose calendar agrees ("samedi
    24 juillet"); a day planned for ("annoncée pour le 27 août") is that day ahead; anything else (and "le 27 août
    dernier") is the same day a year before, the latest such day on or before publication."""
    this_year = _safe_date(published.year, month, day)
    if tense == "future":
        if this_year is not None and this_year >= published:
            return this_year
        return _safe_date(published.year + 1, month, day)
    if this_year is None or this_year <= published or tense == "past":
        return _day_in_past(day, month, None, published)
    last_year = _safe_date(published.year - 1, month, day)
    if weekday is not None and this_year.weekday() == weekday:
        return this_year  # the year before cannot agree too: its calendar is one or two weekdays behind
    if weekday is not None and last_year is not None and last_year.weekday() == weekday:
        return last_year
    return this_year if planned else last_year


def _month_in_past(month: int, year: int | None, published: date) -> int:
    """The year of a month named without one: the latest such month on or before publication."""
    if year is not None:
        return year
    return published.year if month <= published.month else published.year - 1


def _shift_months(published: date, months: int) -> tuple[int, int]:
    index = published.year * 12 + published.month - 1 + months
    return index // 12, index % 12 + 1


# --- shared pattern pieces -----------------------------------------------------------------------


def _month_number(name: str) -> int:
    vocab = _vocabulary()
    return int({**vocab["months"], **vocab["month_abbreviations"]}[name])


@lru_cache(maxsize=1)
def _pieces() -> dict[str, str]:
    vocab = _vocabulary()
    return {
        "month": _alternation(vocab["months"]) + r"(?![\w-])",
        "any_month": "(?:"
        + _alternation(vocab["months"])
        + r"(?![\w-])|"
        + _alternation(vocab["month_abbreviations"])
        + ")",
        "weekday": _alternation(vocab["weekdays"]) + r"(?![\w-])",
        "day": r"(?:\d{1,2}(?![\d\w])|1er(?![\w])|premier(?![\w]))",
        "year": r"(?:\d{4}(?![\d\w]))",
        "past": _alternation(vocab["past_markers"]) + r"(?![\w-])",
        "unit": _alternation(vocab["period_units"]) + r"(?![\w-])",
        "count": r"(?:\d+|[a-z]+(?:[\s-]+(?:et[\s-]+)?[a-z]+){0,3}?)",
        "start": r"(?<![\w-])",
    }


def _day_number(text: str) -> int:
    return 1 if text in _vocabulary()["first_of_month"] else int(text)


# --- one finder per kind of phrase; each yields (start, end, value, precision, kind) ----------------

_Found = tuple[int, int, date, int, str]
_Finder = Callable[[str, date], Iterator[_Found]]


@lru_cache(maxsize=1)
def _numeric_date_pattern() -> re.Pattern[str]:
    return re.compile(r"(?<![\d/.\w])(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d/\w]|\.\d)")


def _numeric_dates(folded: str, published: date) -> Iterator[_Found]:
    """ "12/06/2016", "12.06.16": day first, as French writes it."""
    if _DIGIT_SEPARATOR_DIGIT.search(folded) is None:
        return  # no digit, slash or dot, digit: no such date, and a search for that is cheaper than the pattern
    for match in _numeric_date_pattern().finditer(folded):
        year = int(match.group(4))
        year = year + 2000 if year < 100 else year
        value = _safe_date(year, int(match.group(3)), int(match.group(1)))
        if value is not None and _EARLIEST_YEAR <= year <= published.year + 1:
            yield match.start(), match.end(), value, PRECISION_DAY, "day"


@lru_cache(maxsize=1)
def _explicit_day_pattern() -> re.Pattern[str]:
    p = _pieces()
    lead = _alternation(_vocabulary()["day_lead_ins"])
    return re.compile(
        rf"{p['start']}(?:{lead}\s+)?(?:(?P<weekday>{p['weekday']})\s+)?(?P<day>{p['day']})\s+"
        rf"(?P<month>{p['any_month']})(?:\s+(?P<year>{p['year']}))?"
        rf"(?:\s+(?P<past>{p['past']})|\s+(?P<future>{_alternation(_vocabulary()['future_markers'])})(?![\w-]))?"
    )


@lru_cache(maxsize=1)
def _plan_lead_pattern() -> re.Pattern[str]:
    """A plan word ending the text before a day ("annoncée pour ", "prévue pour le ", "fixée au ")."""
    return re.compile(rf"(?<![\w-])(?:{_alternation(_vocabulary()['plan_lead_ins'])})(?:\s+(?:pour|le|au))*\s+$")


def _explicit_days(folded: str, published: date) -> Iterator[_Found]:
    """ "le 19 août", "le vendredi 6 octobre dernier", "dans la soirée du 23 octobre", "1er mars 2017"."""
    if not _names_month(folded):
        return
    for match in _explicit_day_pattern().finditer(folded):
        year = _plausible_year(match.group("year"), published)
        end = match.end() if year is not None or not match.group("year") else match.end("month")
        day, month = _day_number(match.group("day")), _month_number(match.group("month"))
        if year is not None:
            value = _safe_date(year, month, day)
        else:
            weekday = match.group("weekday")
            value = _day_of_year_asked(
                day, month, published,
                weekday=int(_vocabulary()["weekdays"][weekday]) if weekday else None,
                tense="future" if match.group("future") else "past" if match.group("past") else None,
                planned=_plan_lead_pattern().search(folded, max(0, match.start() - 40), match.start()) is not None,
            )
        if value is not None:
            yield match.start(), end, value, PRECISION_DAY, "day"


@lru_cache(maxsize=1)
def _part_of_month_pattern() -> re.Pattern[str]:
    p = _pieces()
    part = _alternation(_vocabulary()["parts_of_month"])
    return re.compile(
        rf"{p['start']}(?P<part>{part})[\s']*(?P<month>{p['month']})"
        rf"(?:\s+(?P<year>{p['year']}))?(?:\s+{p['past']})?"
    )


def _parts_of_month(folded: str, published: date) -> Iterator[_Found]:
    """ "début mars" → the 5th, "mi-octobre" → the 15th, "fin janvier" → the 25th (precision week)."""
    if not _names_month(folded):
        return
    parts = _vocabulary()["parts_of_month"]
    for match in _part_of_month_pattern().finditer(folded):
        month = _month_number(match.group("month"))
        year = _month_in_past(month, _plausible_year(match.group("year"), published), published)
        part = re.sub(r"\s+", " ", match.group("part"))
        yield match.start(), match.end(), date(year, month, int(parts[part])), PRECISION_WEEK, "week"


@lru_cache(maxsize=1)
def _month_pattern() -> re.Pattern[str]:
    p = _pieces()
    lead = _alternation(_vocabulary()["month_lead_ins"])
    return re.compile(
        rf"{p['start']}(?:(?P<lead>{lead})[\s']*)?(?P<month>{p['month']})"
        rf"(?:\s+(?P<year>{p['year']}))?(?:\s+{p['past']})?"
    )


def _months(folded: str, published: date) -> Iterator[_Found]:
    """ "en octobre (dernier)", "en mars 2016", "au mois d'août" → the 1st of that month (:data:`MONTH_DAY`).

    A bare month name needs a lead word or a year, so a name like "Mai" alone is not read as a date.
    """
    if not _names_month(folded):
        return
    for match in _month_pattern().finditer(folded):
        year = _plausible_year(match.group("year"), published)
        if match.group("lead") is None and year is None:
            continue
        month = _month_number(match.group("month"))
        end = match.end() if year is not None or not match.group("year") else match.end("month")
        if match.group("lead") in _vocabulary()["open_month_lead_ins"]:
            yield match.start(), end, published, PRECISION_WEEK, "period"  # "depuis mars": up to publication
            continue
        value = date(_month_in_past(month, year, published), month, MONTH_DAY)
        yield match.start(), end, value, PRECISION_MONTH, "month"


@lru_cache(maxsize=1)
def _relative_month_pattern() -> re.Pattern[str]:
    return re.compile(rf"{_pieces()['start']}{_alternation(_vocabulary()['relative_months'])}(?![\w-])")


def _relative_months(folded: str, published: date) -> Iterator[_Found]:
    """ "le mois dernier" → the 1st of the month before publication (:data:`MONTH_DAY`)."""
    if not _may_hold(folded, "relative_months"):
        return
    offsets = _vocabulary()["relative_months"]
    for match in _relative_month_pattern().finditer(folded):
        year, month = _shift_months(published, int(offsets[re.sub(r"\s+", " ", match.group(0))]))
        yield match.start(), match.end(), date(year, month, MONTH_DAY), PRECISION_MONTH, "month"


@lru_cache(maxsize=1)
def _year_pattern() -> re.Pattern[str]:
    p = _pieces()
    lead = _alternation(_vocabulary()["year_lead_ins"])
    relative = _alternation(_vocabulary()["relative_years"])
    return re.compile(rf"{p['start']}(?:{lead}\s+(?P<year>{p['year']})|(?P<relative>{relative})(?![\w-]))")


def _years(folded: str, published: date) -> Iterator[_Found]:
    """ "en 2014", "depuis 2012", "l'an dernier" → 1 January of that year, precision 4 (year only)."""
    if not (_has_year_digits(folded) or _may_hold(folded, "relative_years")):
        return
    offsets = _vocabulary()["relative_years"]
    for match in _year_pattern().finditer(folded):
        if match.group("relative"):
            year: int | None = published.year + int(offsets[re.sub(r"\s+", " ", match.group("relative"))])
        else:
            year = _plausible_year(match.group("year"), published)
        if year is not None:
            yield match.start(), match.end(), date(year, 1, 1), PRECISION_YEAR, "year"


@lru_cache(maxsize=1)
def _year_range_pattern() -> re.Pattern[str]:
    p = _pieces()
    lead = _alternation(_vocabulary()["year_range_lead_ins"])
    joiner = _alternation(_vocabulary()["year_range_joiners"])
    return re.compile(
        rf"{p['start']}(?:{lead}\s+)?(?P<first>{p['year']})(?:\s+{joiner}\s+|\s*-\s*)(?P<last>{p['year']})"
    )


def _year_ranges(folded: str, published: date) -> Iterator[_Found]:
    """ "entre 1998 et 2003", "de 2012 à 2015", "(1998-2003)": a period of years, long by nature."""
    if not _has_year_digits(folded):
        return
    for match in _year_range_pattern().finditer(folded):
        first = _plausible_year(match.group("first"), published)
        last = _plausible_year(match.group("last"), published)
        if first is not None and last is not None and first < last:
            yield match.start(), match.end(), date(last, 1, 1), PRECISION_YEAR, "period"


@lru_cache(maxsize=1)
def _relative_day_pattern() -> re.Pattern[str]:
    vocab = _vocabulary()
    day = _alternation(vocab["relative_days"])
    part = _alternation(vocab["parts_of_day"])
    return re.compile(rf"{_pieces()['start']}(?P<day>{day})(?:\s+(?:{part}))?(?![\w-])")


# "à ce jour", "jusqu'à ce jour": so far, up to now (a total or a state), not the day of an event
_SO_FAR = re.compile(r"(?:^|[^\w'])(?:jusqu'\s*)?a\s+$")


def _relative_days(folded: str, published: date) -> Iterator[_Found]:
    """ "hier (soir)" = publication − 1, "avant-hier" − 2, "aujourd'hui", "ces dernières heures" = 0."""
    if not _may_hold(folded, "relative_days"):
        return
    offsets = _vocabulary()["relative_days"]
    for match in _relative_day_pattern().finditer(folded):
        if match.group("day") == "ce jour" and _SO_FAR.search(folded[max(0, match.start() - 12):match.start()]):
            continue
        offset = int(offsets[re.sub(r"\s+", " ", match.group("day"))])
        yield match.start(), match.end(), published + timedelta(days=offset), PRECISION_DAY, "day"


@lru_cache(maxsize=1)
def _shift_pattern() -> re.Pattern[str]:
    vocab = _vocabulary()
    p = _pieces()
    after, before = _alternation(vocab["shift_units_after"]), _alternation(vocab["shift_units_before"])
    return re.compile(
        rf"{p['start']}(?:(?P<named>{_alternation(vocab['shifted_days'])})"
        rf"|(?P<count>{p['count']})\s+jours?\s+(?:(?P<after>{after})|(?P<before>{before})))(?![\w-])"
    )


def _shifted_days(folded: str, published: date) -> Iterator[_Found]:
    """ "la veille", "le lendemain", "deux jours plus tard": an offset from the day last named, resolved by
    find_dates once every mention is known (kind "shift", value = publication + offset until then)."""
    if not (_may_hold(folded, "shifted_days") or "jour" in folded
            and _may_hold(folded, "shift_units_after", "shift_units_before")):
        return
    for match in _shift_pattern().finditer(folded):
        if match.group("named"):
            offset = int(_vocabulary()["shifted_days"][re.sub(r"\s+", " ", match.group("named"))])
        else:
            count = parse_quantity(match.group("count"))
            if count is None:
                continue
            offset = count if match.group("after") else -count
        yield match.start(), match.end(), published + timedelta(days=offset), PRECISION_DAY, SHIFT


@lru_cache(maxsize=1)
def _same_day_pattern() -> re.Pattern[str]:
    vocab = _vocabulary()
    part = _alternation(vocab["parts_of_day"])
    return re.compile(
        rf"{_pieces()['start']}{_alternation(vocab['same_day_phrases'])}(?:\s*,?\s+(?:{part}))?(?![\w-])"
    )


def _same_days(folded: str, published: date) -> Iterator[_Found]:
    """ "le même jour (dans la journée)": words that go on with the story's day; found only so that the part of
    the day they hold is not read as the publication's ("dans la journée"), then left out by find_dates."""
    if not _may_hold(folded, "same_day_phrases"):
        return
    for match in _same_day_pattern().finditer(folded):
        yield match.start(), match.end(), published, PRECISION_DAY, SAME_DAY


def _anchored(mentions: list[DateMention], published: date, month: date | None) -> list[DateMention]:
    """Each shift counted from the last day named before it ("samedi ... la veille" = Friday), else from the
    publication (its ``month`` when only that is known); one that would fall after the publication ("le
    lendemain" with no day named) is dropped."""
    out: list[DateMention] = []
    anchor: date | None = None
    for mention in mentions:
        if mention.kind == SHIFT:
            offset = mention.value - published
            if anchor is None and month is not None:
                mention = DateMention(mention.start, mention.end, mention.text, month, PRECISION_MONTH, "month")
            elif (value := (anchor or published) + offset) <= published:
                mention = DateMention(mention.start, mention.end, mention.text, value, PRECISION_DAY, "day")
            else:
                continue
        if mention.kind == "day" and mention.precision == PRECISION_DAY:
            anchor = mention.value
        out.append(mention)
    return out


@lru_cache(maxsize=1)
def _night_pattern() -> re.Pattern[str]:
    p = _pieces()
    return re.compile(
        rf"{p['start']}(?:dans\s+|durant\s+|pendant\s+)?la\s+nuit\s+(?:de|du)\s+(?:{p['weekday']})"
        rf"\s+(?:a|au)\s+(?P<weekday>{p['weekday']})(?:\s+(?P<past>{p['past']}))?"
    )


@lru_cache(maxsize=1)
def _weekday_pattern() -> re.Pattern[str]:
    vocab = _vocabulary()
    p = _pieces()
    part = _alternation(vocab["parts_of_day"])
    return re.compile(
        rf"{p['start']}(?:(?:ce|cette)\s+)?(?P<weekday>{p['weekday']})(?:\s+(?:{part}))?"
        rf"(?:\s+(?P<past>{p['past']})|(?P<future>\s+{_alternation(vocab['future_markers'])}))?(?![\w-])"
    )


def _weekdays(folded: str, published: date) -> Iterator[_Found]:
    """ "dimanche" = latest Sunday on or before publication; "samedi dernier" = latest strictly before.

    "dans la nuit de samedi à dimanche" is dated by its later day.
    """
    if not _may_hold(folded, "weekdays"):
        return
    weekdays = _vocabulary()["weekdays"]
    for pattern in (_night_pattern(), _weekday_pattern()) if "nuit" in folded else (_weekday_pattern(),):
        for match in pattern.finditer(folded):
            if match.groupdict().get("future"):
                continue  # "samedi prochain" has not happened yet
            weekday = int(weekdays[match.group("weekday")])
            value = _latest_weekday(published, weekday, strictly_before=bool(match.group("past")))
            yield match.start(), match.end(), value, PRECISION_DAY, "day"


@lru_cache(maxsize=1)
def _week_pattern() -> re.Pattern[str]:
    vocab = _vocabulary()
    phrases = _alternation([*vocab["relative_weeks"], *vocab["weekend_phrases"]])
    return re.compile(rf"{_pieces()['start']}{phrases}(?![\w-])")


def _weeks(folded: str, published: date) -> Iterator[_Found]:
    """ "la semaine dernière" = publication − 7; "durant le week-end" = its Saturday (precision week)."""
    if not _may_hold(folded, "relative_weeks", "weekend_phrases"):
        return
    vocab = _vocabulary()
    for match in _week_pattern().finditer(folded):
        phrase = re.sub(r"\s+", " ", match.group(0))
        if phrase in vocab["weekend_phrases"]:
            previous = vocab["weekend_phrases"][phrase] == "previous"
            value = _weekend_saturday(published, previous)
        else:
            value = published + timedelta(days=int(vocab["relative_weeks"][phrase]))
        yield match.start(), match.end(), value, PRECISION_WEEK, "week"


@lru_cache(maxsize=1)
def _period_patterns() -> tuple[re.Pattern[str], ...]:
    vocab = _vocabulary()
    p = _pieces()
    last_n = (
        rf"{p['start']}{_alternation(vocab['period_lead_ins'])}\s+(?P<count>{p['count']})\s+"
        rf"derniere?s\s+(?P<unit>{p['unit']})"
    )
    duration_lead = _alternation(vocab["duration_lead_ins"])
    duration = rf"{p['start']}{duration_lead}\s+(?P<count>{p['count']})\s+(?P<unit>{p['unit']})"
    opened = rf"{p['start']}{_alternation(vocab['open_period_phrases'])}(?![\w-])"
    return re.compile(last_n), re.compile(duration), re.compile(opened)


def _count_periods(folded: str, published: date) -> Iterator[_Found]:
    """ "durant les 125 derniers jours", "depuis trois ans", "en moins de 24 heures", "depuis le début
    de l'année": totals over a stretch of time ending at publication."""
    last_n, duration, opened = _period_patterns()
    # "les 125 derniers jours" has "dernier" in it; the phrases that open a period are a short list
    patterns = ((last_n,) if "dernier" in folded else ()) + (duration,) + (
        (opened,) if _may_hold(folded, "open_period_phrases") else ())
    for pattern in patterns:
        for match in pattern.finditer(folded):
            count = match.groupdict().get("count")
            # "depuis des mois", "pendant des années": no number, but a stretch of several of them
            if count is not None and count != "des" and parse_quantity(count) is None:
                continue
            yield match.start(), match.end(), published, PRECISION_WEEK, "period"


@lru_cache(maxsize=1)
def _dated_period_pattern() -> re.Pattern[str]:
    vocab = _vocabulary()
    p = _pieces()
    return re.compile(
        # "du 3 au 5 mai", "du mardi 9 au mercredi 10 novembre", "(la nuit) de jeudi 14 au vendredi 15 juillet"
        # ... "samedi 13 et dimanche 14 avril": a weekday opens the range as a lead-in does
        rf"{p['start']}(?:{_alternation(vocab['range_lead_ins'])}\s+(?:{p['weekday']}\s+)?|(?:de\s+)?{p['weekday']}\s+)"
        rf"(?P<day1>{p['day']})(?:\s+(?P<month1>{p['any_month']}))?"
        rf"(?:\s+(?P<year1>{p['year']}))?(?:(?:\s+(?P<joiner>{_alternation(vocab['range_joiners'])})\s+"
        rf"(?:{p['weekday']}\s+)?|-)"
        rf"(?P<day2>{p['day']})\s+(?P<month2>{p['any_month']})(?:\s+(?P<year2>{p['year']}))?)?"
    )


def _dated_periods(folded: str, published: date) -> Iterator[_Found]:
    """ "depuis le 5 juin jusqu'au 10 octobre", "du 3 au 9 mai" → the period's last day;
    "depuis le 5 juin" → publication day. A range of a week or less is no long period: "dans la nuit du 3
    au 4 mars" is the night's later day, "du 3 au 5 mai" its middle day with week precision."""
    if not _names_month(folded):
        return  # a match yields only with a month named
    for match in _dated_period_pattern().finditer(folded):
        if match.group("day2") is not None:
            month = _month_number(match.group("month2"))
            year = _plausible_year(match.group("year2"), published)
            value = _day_in_past(_day_number(match.group("day2")), month, year, published)
            month1 = _month_number(match.group("month1")) if match.group("month1") else month
            first = _day_in_past(_day_number(match.group("day1")), month1, year, value) if value else None
            if value is not None and first is not None and (value - first).days <= _SHORT_RANGE_DAYS:
                night = folded[max(0, match.start() - 12) : match.start()].rstrip().endswith("nuit")
                precision, kind = (PRECISION_DAY, "day") if night or value == first else (PRECISION_WEEK, "week")
                # a night is dated by its later day, as "la nuit de samedi à dimanche" is; a span of days by its
                # middle one ("entre jeudi 1er et samedi 3 juin": the 2nd), the first of two ("les 7 et 8 octobre")
                middle = first + timedelta(days=(value - first).days // 2)
                yield match.start(), match.end(), value if night else middle, precision, kind
                continue
        elif match.group("month1") is not None and match.group(0).startswith("depuis"):
            value = published
        else:
            continue  # "du 5 juin" alone is a plain day, read by _explicit_days
        if value is not None:
            yield match.start(), match.end(), value, PRECISION_WEEK, "period"


@lru_cache(maxsize=1)
def _ago_pattern() -> re.Pattern[str]:
    p = _pieces()
    return re.compile(
        rf"{p['start']}{_alternation(_vocabulary()['ago_lead_ins'])}\s+(?P<count>{p['count']})\s+(?P<unit>{p['unit']})"
    )


def _ago(folded: str, published: date) -> Iterator[_Found]:
    """ "il y a trois jours" → publication − 3 (a day); weeks, months and years give coarser precisions."""
    if not _may_hold(folded, "ago_lead_ins"):
        return
    for match in _ago_pattern().finditer(folded):
        count = parse_quantity(match.group("count"))
        unit = match.group("unit")
        if count is None:
            continue
        if unit.startswith("jour"):
            yield match.start(), match.end(), published - timedelta(days=count), PRECISION_DAY, "day"
        elif unit.startswith("semaine"):
            yield match.start(), match.end(), published - timedelta(days=7 * count), PRECISION_WEEK, "week"
        elif unit == "mois":
            year, month = _shift_months(published, -count)
            yield match.start(), match.end(), date(year, month, MONTH_DAY), PRECISION_MONTH, "month"
        elif unit.startswith(("an", "annee")):
            # "il y a un an", "voici deux ans": a year as "l'an dernier" names one, not the publication's
            yield match.start(), match.end(), date(published.year - count, 1, 1), PRECISION_YEAR, "year"


_FINDERS: tuple[_Finder, ...] = (
    _numeric_dates,
    _explicit_days,
    _parts_of_month,
    _months,
    _relative_months,
    _years,
    _year_ranges,
    _relative_days,
    _weekdays,
    _weeks,
    _count_periods,
    _dated_periods,
    _ago,
    _shifted_days,
    _same_days,
)


# Phrases counted from the publication day ("hier", "samedi", "il y a trois jours", "la semaine dernière").
_FROM_THE_DAY: frozenset[_Finder] = frozenset({_relative_days, _weekdays, _weeks, _ago})


def find_dates(text: str, published: date, month_only: bool = False) -> list[DateMention]:
    """Every date phrase of ``text`` resolved against ``published``, sorted by start, non-overlapping.

    ``month_only``: only the month of publication is known (``published`` is its 1st), so a phrase counted
    from the publication day resolves to that month, precision 3 (codebook section 5).
    """
    folded = fold_text(text)
    # a calendar date may fall anywhere in the publication month: read it against the month's last day
    reference = month_end(published) if month_only else published
    mentions = [
        DateMention(start, end, text[start:end], value, precision, kind)
        if not (month_only and finder in _FROM_THE_DAY)
        else DateMention(start, end, text[start:end], published, PRECISION_MONTH, "month")
        for finder in _FINDERS
        for start, end, value, precision, kind in finder(folded, reference)
    ]
    mentions = [m for m in without_overlaps(mentions) if m.kind != SAME_DAY]
    if month_only:
        mentions = _weekdays_dated_elsewhere(mentions, folded)
    return _anchored(mentions, reference, published if month_only else None)


def _weekdays_dated_elsewhere(mentions: list[DateMention], folded: str) -> list[DateMention]:
    """"samedi 12 janvier ... samedi": a weekday the article dates once is that day where it recurs alone, when
    only the month of publication is known (otherwise the publication day dates it already); the nearest
    dated mention of that weekday wins."""
    weekdays = _vocabulary()["weekdays"]

    def weekday_named(mention: DateMention) -> int | None:
        named = [weekdays[w] for w in re.findall(r"[a-z]+", folded[mention.start : mention.end]) if w in weekdays]
        return named[-1] if named else None  # "la nuit de vendredi à samedi" is dated by its later day

    dated = [(m, weekday_named(m)) for m in mentions if m.kind == "day" and m.precision == PRECISION_DAY
             and any(c.isdigit() for c in m.text)]
    out = []
    for mention in mentions:
        weekday = weekday_named(mention) if mention.kind == "month" else None
        same = [m for m, named in dated if named == weekday and m.value.weekday() == weekday]
        if weekday is not None and same:
            day = min(same, key=lambda m: abs(m.start - mention.start)).value
            mention = DateMention(mention.start, mention.end, mention.text, day, PRECISION_DAY, "day")
        out.append(mention)
    return out


def month_end(day: date) -> date:
    """The last day of ``day``'s month."""
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)
