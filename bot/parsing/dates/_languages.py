"""The vocabulary for one rep: English plus the rep's own language (rule 19).

Month, weekday and unit names and the simple relative words (heute, demain, ayer…) come from
dateparser's language data (`dateparser.data.date_translation_data.<lang>`), so any language
dateparser knows gets them; the glue of spoken phrases that data lacks ("um 15 Uhr", "a las 3",
"morgen früh", "Ende der Woche") is written out below for the languages of Slack's European
locales. Tables are built on first use and cached per language (no work at import).
"""

from __future__ import annotations

import importlib
from functools import cache
from types import MappingProxyType
from typing import Final

from bot.parsing.dates._lexicon import ENGLISH, Cat, Entry, fold

_UNIT_KEYS: Final = ("minute", "hour", "day", "week", "month", "year")
_WEEKDAY_KEYS: Final = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip
_MONTH_KEYS: Final = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_RELATIVE: Final[dict[str, Entry]] = {
    "0 day ago": (Cat.RELDAY, 0), "1 day ago": (Cat.RELDAY, -1), "in 1 day": (Cat.RELDAY, 1),
    "2 day ago": (Cat.RELDAY, -2), "in 2 day": (Cat.RELDAY, 2), "0 second ago": (Cat.NOW, None),
}  # fmt: skip

_N = Cat.NUMWORD
_SUPPLEMENTS: Final[dict[str, dict[str, Entry]]] = {
    "de": {
        "morgen": (Cat.RELDAY, 1), "fruh": (Cat.PART, "morning"),
        "morgens": (Cat.PART, "morning"), "vormittag": (Cat.PART, "morning"),
        "vormittags": (Cat.PART, "morning"), "mittag": (Cat.PART, "noon"),
        "mittags": (Cat.PART, "noon"), "nachmittag": (Cat.PART, "afternoon"),
        "nachmittags": (Cat.PART, "afternoon"), "abend": (Cat.PART, "evening"),
        "abends": (Cat.PART, "evening"), "heute abend": (Cat.PART, "tonight"),
        "heute nacht": (Cat.PART, "tonight"), "mitternacht": (Cat.PART, "midnight"),
        "feierabend": (Cat.PART, "eod"), "heute morgen": (Cat.PART, "this_morning"),
        "uhr": (Cat.OCLOCK, "24h"), "um": (Cat.AT, None), "gegen": (Cat.AT, None),
        "am": (Cat.PREP, "on"), "bis": (Cat.PREP, "by"), "spatestens": (Cat.PREP, "by"),
        "nachste": (Cat.MOD, "next"), "nachsten": (Cat.MOD, "next"), "nachster": (Cat.MOD, "next"),
        "nachstes": (Cat.MOD, "next"), "kommende": (Cat.MOD, "next"),
        "kommenden": (Cat.MOD, "next"), "diese": (Cat.MOD, "this"), "diesen": (Cat.MOD, "this"),
        "dieser": (Cat.MOD, "this"), "letzte": (Cat.MOD, "last"), "letzten": (Cat.MOD, "last"),
        "ende": (Cat.EDGE, "end"), "anfang": (Cat.EDGE, "start"), "mitte": (Cat.EDGE, "mid"),
        "ende der woche": (Cat.EDGE_UNIT, ("end", "week")),
        "wochenende": (Cat.UNIT, "weekend"), "monatsende": (Cat.EDGE_UNIT, ("end", "month")),
        "jahresende": (Cat.EDGE_UNIT, ("end", "year")), "in": (Cat.IN, None),
        "quartalsende": (Cat.EDGE_UNIT, ("end", "quarter")), "quartal": (Cat.UNIT, "quarter"),
        "quartals": (Cat.UNIT, "quarter"), "monats": (Cat.UNIT, "month"),
        "jahres": (Cat.UNIT, "year"),
        "innerhalb von": (Cat.IN, "within"), "werktag": (Cat.BIZ, "day"),
        "werktagen": (Cat.BIZ, "day"), "werktage": (Cat.BIZ, "day"),
        "arbeitstagen": (Cat.BIZ, "day"), "arbeitstage": (Cat.BIZ, "day"),
        "der": (Cat.FILLER, None), "die": (Cat.FILLER, None), "des": (Cat.FILLER, None),
        "den": (Cat.FILLER, None), "dem": (Cat.FILLER, None), "vor": (Cat.AGO, "before"),
        "bald": (Cat.VAGUE, "soon"), "irgendwann": (Cat.VAGUE, "sometime"),
        "mo": (Cat.WEEKDAY, 0), "di": (Cat.WEEKDAY, 1), "mi": (Cat.WEEKDAY, 2),
        "do": (Cat.WEEKDAY, 3), "fr": (Cat.WEEKDAY, 4), "sa": (Cat.WEEKDAY, 5),
        "so": (Cat.WEEKDAY, 6), "ein": (_N, 1), "eine": (_N, 1), "einem": (_N, 1),
        "einer": (_N, 1), "zwei": (_N, 2), "drei": (_N, 3), "vier": (_N, 4), "funf": (_N, 5),
        "sechs": (_N, 6), "sieben": (_N, 7), "acht": (_N, 8), "neun": (_N, 9), "zehn": (_N, 10),
        "halb": (Cat.HALF, "de"), "eineinhalb": (_N, 1.5), "anderthalb": (_N, 1.5),
        "jetzt": (Cat.NOW, None), "sofort": (Cat.VAGUE, "asap"),
    },
    "es": {
        "manana": (Cat.RELDAY, 1), "pasado manana": (Cat.RELDAY, 2),
        "por la manana": (Cat.PART, "morning"), "de la manana": (Cat.PART, "am"),
        "por la tarde": (Cat.PART, "afternoon"), "de la tarde": (Cat.PART, "pm"),
        "por la noche": (Cat.PART, "evening"), "de la noche": (Cat.PART, "pm"),
        "esta noche": (Cat.PART, "tonight"), "esta tarde": (Cat.PART, "this_afternoon"),
        "esta manana": (Cat.PART, "this_morning"), "mediodia": (Cat.PART, "noon"),
        "medianoche": (Cat.PART, "midnight"), "a las": (Cat.AT, None), "a la": (Cat.AT, None),
        "sobre las": (Cat.AT, None), "el": (Cat.FILLER, None), "la": (Cat.FILLER, None),
        "los": (Cat.FILLER, None), "de": (Cat.FILLER, None), "del": (Cat.FILLER, None),
        "para el": (Cat.PREP, "by"), "antes del": (Cat.PREP, "before"), "hasta": (Cat.PREP, "by"),
        "proximo": (Cat.MOD, "next"), "proxima": (Cat.MOD, "next"), "que viene": (Cat.MOD, "next"),
        "este": (Cat.MOD, "this"), "esta": (Cat.MOD, "this"), "pasado": (Cat.MOD, "last"),
        "en": (Cat.IN, None), "dentro de": (Cat.IN, "within"), "fin de": (Cat.EDGE, "end"),
        "final de": (Cat.EDGE, "end"), "principios de": (Cat.EDGE, "start"),
        "fin": (Cat.EDGE, "end"), "final": (Cat.EDGE, "end"), "trimestre": (Cat.UNIT, "quarter"),
        "fin de semana": (Cat.UNIT, "weekend"), "fin de mes": (Cat.EDGE_UNIT, ("end", "month")),
        "habiles": (Cat.BIZ, None), "laborables": (Cat.BIZ, None), "hace": (Cat.AGO, "before"),
        "uno": (_N, 1), "una": (_N, 1), "un": (_N, 1), "dos": (_N, 2), "tres": (_N, 3),
        "cuatro": (_N, 4), "cinco": (_N, 5), "seis": (_N, 6), "siete": (_N, 7), "ocho": (_N, 8),
        "nueve": (_N, 9), "diez": (_N, 10), "y media": (Cat.QUARTER_PAST, 30),
        "y cuarto": (Cat.QUARTER_PAST, 15), "pronto": (Cat.VAGUE, "soon"),
        "cuanto antes": (Cat.VAGUE, "asap"),
    },
    "fr": {
        "demain": (Cat.RELDAY, 1), "apres-demain": (Cat.RELDAY, 2),
        "apres demain": (Cat.RELDAY, 2), "matin": (Cat.PART, "morning"),
        "midi": (Cat.PART, "noon"), "apres-midi": (Cat.PART, "afternoon"),
        "soir": (Cat.PART, "evening"), "ce soir": (Cat.PART, "tonight"),
        "ce matin": (Cat.PART, "this_morning"), "minuit": (Cat.PART, "midnight"),
        "a": (Cat.AT, None), "vers": (Cat.AT, None), "le": (Cat.FILLER, None),
        "la": (Cat.FILLER, None), "du": (Cat.FILLER, None), "de": (Cat.FILLER, None),
        "d'ici": (Cat.PREP, "by"), "avant": (Cat.PREP, "before"), "pour": (Cat.FILLER, None),
        "prochain": (Cat.MOD, "next"), "prochaine": (Cat.MOD, "next"), "ce": (Cat.MOD, "this"),
        "cette": (Cat.MOD, "this"), "dernier": (Cat.MOD, "last"), "derniere": (Cat.MOD, "last"),
        "dans": (Cat.IN, None), "fin": (Cat.EDGE, "end"), "debut": (Cat.EDGE, "start"),
        "fin de semaine": (Cat.EDGE_UNIT, ("end", "week")),
        "fin de la semaine": (Cat.EDGE_UNIT, ("end", "week")),
        "fin du mois": (Cat.EDGE_UNIT, ("end", "month")), "week-end": (Cat.UNIT, "weekend"),
        "trimestre": (Cat.UNIT, "quarter"), "l'annee": (Cat.UNIT, "year"),
        "d'annee": (Cat.UNIT, "year"),
        "ouvres": (Cat.BIZ, None), "ouvrables": (Cat.BIZ, None), "il y a": (Cat.AGO, "before"),
        "un": (_N, 1), "une": (_N, 1), "deux": (_N, 2), "trois": (_N, 3), "quatre": (_N, 4),
        "cinq": (_N, 5), "six": (_N, 6), "sept": (_N, 7), "huit": (_N, 8), "neuf": (_N, 9),
        "dix": (_N, 10), "et demie": (Cat.QUARTER_PAST, 30), "et quart": (Cat.QUARTER_PAST, 15),
        "bientot": (Cat.VAGUE, "soon"), "des que possible": (Cat.VAGUE, "asap"),
    },
    "it": {
        "domani": (Cat.RELDAY, 1), "dopodomani": (Cat.RELDAY, 2), "mattina": (Cat.PART, "morning"),
        "mattino": (Cat.PART, "morning"), "mezzogiorno": (Cat.PART, "noon"),
        "pomeriggio": (Cat.PART, "afternoon"), "sera": (Cat.PART, "evening"),
        "stasera": (Cat.PART, "tonight"), "stamattina": (Cat.PART, "this_morning"),
        "mezzanotte": (Cat.PART, "midnight"), "alle": (Cat.AT, None), "alle ore": (Cat.AT, None),
        "all'": (Cat.AT, None), "ore": (Cat.AT, None), "il": (Cat.FILLER, None),
        "di": (Cat.FILLER, None), "del": (Cat.FILLER, None), "della": (Cat.FILLER, None),
        "la": (Cat.FILLER, None), "le": (Cat.FILLER, None), "lo": (Cat.FILLER, None),
        "entro": (Cat.PREP, "by"), "prossimo": (Cat.MOD, "next"), "prossima": (Cat.MOD, "next"),
        "questo": (Cat.MOD, "this"), "questa": (Cat.MOD, "this"), "scorso": (Cat.MOD, "last"),
        "tra": (Cat.IN, None), "fra": (Cat.IN, None), "fine": (Cat.EDGE, "end"),
        "inizio": (Cat.EDGE, "start"), "fine settimana": (Cat.EDGE_UNIT, ("end", "week")),
        "trimestre": (Cat.UNIT, "quarter"), "dell'anno": (Cat.UNIT, "year"),
        "fine mese": (Cat.EDGE_UNIT, ("end", "month")), "lavorativi": (Cat.BIZ, None),
        "fa": (Cat.AGO, None), "un": (_N, 1), "una": (_N, 1), "due": (_N, 2), "tre": (_N, 3),
        "quattro": (_N, 4), "cinque": (_N, 5), "sei": (_N, 6), "sette": (_N, 7),
        "otto": (_N, 8), "nove": (_N, 9), "dieci": (_N, 10), "e mezza": (Cat.QUARTER_PAST, 30),
        "e un quarto": (Cat.QUARTER_PAST, 15), "e mezzo": (Cat.QUARTER_PAST, 30),
        "presto": (Cat.VAGUE, "soon"),
    },
    "nl": {
        "morgen": (Cat.RELDAY, 1), "overmorgen": (Cat.RELDAY, 2),
        "ochtend": (Cat.PART, "morning"),
        "'s ochtends": (Cat.PART, "morning"), "middag": (Cat.PART, "afternoon"),
        "'s middags": (Cat.PART, "afternoon"), "avond": (Cat.PART, "evening"),
        "'s avonds": (Cat.PART, "evening"), "vanavond": (Cat.PART, "tonight"),
        "vanochtend": (Cat.PART, "this_morning"), "middernacht": (Cat.PART, "midnight"),
        "om": (Cat.AT, None), "uur": (Cat.OCLOCK, "24h"), "de": (Cat.FILLER, None),
        "het": (Cat.FILLER, None), "van": (Cat.FILLER, None), "op": (Cat.PREP, "on"),
        "voor": (Cat.PREP, "before"), "uiterlijk": (Cat.PREP, "by"),
        "volgende": (Cat.MOD, "next"), "komende": (Cat.MOD, "next"), "deze": (Cat.MOD, "this"),
        "vorige": (Cat.MOD, "last"), "over": (Cat.IN, None), "binnen": (Cat.IN, "within"),
        "einde": (Cat.EDGE, "end"), "eind": (Cat.EDGE, "end"), "begin": (Cat.EDGE, "start"),
        "weekend": (Cat.UNIT, "weekend"), "werkdagen": (Cat.BIZ, "day"),
        "kwartaal": (Cat.UNIT, "quarter"),
        "werkdag": (Cat.BIZ, "day"), "geleden": (Cat.AGO, None), "een": (_N, 1),
        "twee": (_N, 2), "drie": (_N, 3), "vier": (_N, 4), "vijf": (_N, 5), "zes": (_N, 6),
        "zeven": (_N, 7), "acht": (_N, 8), "negen": (_N, 9), "tien": (_N, 10),
        "binnenkort": (Cat.VAGUE, "soon"), "anderhalf": (_N, 1.5),
        "en een half": (Cat.QUARTER_PAST, 30),
        "ma": (Cat.WEEKDAY, 0), "di": (Cat.WEEKDAY, 1),
        "wo": (Cat.WEEKDAY, 2), "do": (Cat.WEEKDAY, 3), "vr": (Cat.WEEKDAY, 4),
        "za": (Cat.WEEKDAY, 5), "zo": (Cat.WEEKDAY, 6),
    },
    "pt": {
        "amanha": (Cat.RELDAY, 1), "depois de amanha": (Cat.RELDAY, 2),
        "de manha": (Cat.PART, "morning"), "pela manha": (Cat.PART, "morning"),
        "a tarde": (Cat.PART, "afternoon"), "de tarde": (Cat.PART, "afternoon"),
        "a noite": (Cat.PART, "evening"), "de noite": (Cat.PART, "evening"),
        "hoje a noite": (Cat.PART, "tonight"), "esta noite": (Cat.PART, "tonight"),
        "meio-dia": (Cat.PART, "noon"), "meio dia": (Cat.PART, "noon"),
        "meia-noite": (Cat.PART, "midnight"), "as": (Cat.AT, None), "a": (Cat.AT, None),
        "o": (Cat.FILLER, None), "de": (Cat.FILLER, None), "do": (Cat.FILLER, None),
        "da": (Cat.FILLER, None), "na": (Cat.FILLER, None), "no": (Cat.FILLER, None),
        "ate": (Cat.PREP, "by"), "proximo": (Cat.MOD, "next"), "proxima": (Cat.MOD, "next"),
        "que vem": (Cat.MOD, "next"), "este": (Cat.MOD, "this"), "esta": (Cat.MOD, "this"),
        "passado": (Cat.MOD, "last"), "passada": (Cat.MOD, "last"), "em": (Cat.IN, None),
        "daqui a": (Cat.IN, None), "dentro de": (Cat.IN, "within"), "fim de": (Cat.EDGE, "end"),
        "final de": (Cat.EDGE, "end"), "inicio de": (Cat.EDGE, "start"),
        "fim": (Cat.EDGE, "end"), "final": (Cat.EDGE, "end"), "inicio": (Cat.EDGE, "start"),
        "trimestre": (Cat.UNIT, "quarter"), "fim de semana": (Cat.UNIT, "weekend"),
        "uteis": (Cat.BIZ, None), "ha": (Cat.AGO, "before"),
        "um": (_N, 1), "uma": (_N, 1), "dois": (_N, 2), "duas": (_N, 2), "tres": (_N, 3),
        "quatro": (_N, 4), "cinco": (_N, 5), "seis": (_N, 6), "sete": (_N, 7), "oito": (_N, 8),
        "nove": (_N, 9), "dez": (_N, 10), "e meia": (Cat.QUARTER_PAST, 30),
        "logo": (Cat.VAGUE, "soon"), "segunda": (Cat.WEEKDAY, 0), "terca": (Cat.WEEKDAY, 1),
        "quarta": (Cat.WEEKDAY, 2), "quinta": (Cat.WEEKDAY, 3), "sexta": (Cat.WEEKDAY, 4),
    },
}  # fmt: skip


GLUED_LANGUAGES: Final = frozenset({"en", *_SUPPLEMENTS})
"""Languages whose spoken glue taskbot's grammar knows; others lean on dateparser more."""


def _from_dateparser(language: str) -> dict[str, Entry]:
    """Month, weekday and unit names and relative words from dateparser's language data."""
    try:
        data = importlib.import_module(f"dateparser.data.date_translation_data.{language}").info
    except ModuleNotFoundError:
        return {}
    found: dict[str, Entry] = {}
    clashes: set[str] = set()

    def add(name: str, entry: Entry) -> None:
        key = fold(name)
        if len(key) < 3 or key in clashes:  # "do", "mi", "j": too short to trust from data
            return
        if key in found and found[key] != entry:
            clashes.add(key)  # Spanish "mar" is both martes and marzo: trust neither
            del found[key]
            return
        found[key] = entry

    for number, key in enumerate(_WEEKDAY_KEYS):
        for name in data.get(key, ()):
            add(name, (Cat.WEEKDAY, number))
    for number, key in enumerate(_MONTH_KEYS, start=1):
        for name in data.get(key, ()):
            add(name, (Cat.MONTH, number))
    for key in _UNIT_KEYS:
        for name in data.get(key, ()):
            add(name, (Cat.UNIT, key))
    for meaning, names in data.get("relative-type", {}).items():
        if meaning in _RELATIVE:
            for name in names:
                add(name, _RELATIVE[meaning])
    return found


@cache
def vocabulary(language: str) -> MappingProxyType[str, Entry]:
    """English, overlaid with `language`'s words (the rep's own language wins a clash)."""
    if language == "en":
        return MappingProxyType(ENGLISH)
    words = dict(ENGLISH)
    words.update(_from_dateparser(language))
    words.update(_SUPPLEMENTS.get(language, {}))
    return MappingProxyType(words)
