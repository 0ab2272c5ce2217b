"""Units and currencies a number can carry, as news text writes them.

Each unit word maps to (normalised unit, dimension). Dimensions: distance, mass,
area, volume, speed, temperature, energy, duration, percent, money, rate (basis
points). Currency codes are ISO 4217 (pycountry's list); symbols and currency
words map to their code.
"""

from __future__ import annotations

import re

import pycountry


def _family(dimension: str, table: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, str]]:
    return {word: (unit, dimension) for unit, words in table.items() for word in words}


UNITS: dict[str, tuple[str, str]] = {
    **_family(
        "distance",
        {
            "km": ("km", "kms", "kilometres", "kilometers", "kilometre", "kilometer"),
            "m": ("m", "metres", "meters", "metre", "meter"),
            "cm": ("cm", "centimetres", "centimeters", "centimetre", "centimeter"),
            "mm": ("mm", "millimetres", "millimeters", "millimetre", "millimeter"),
            "mi": ("mi", "miles", "mile"),
            "nmi": ("nautical miles", "nautical mile"),
            "ft": ("ft", "feet", "foot"),
            "in": ("inches", "inch"),
            "yd": ("yards", "yard"),
        },
    ),
    **_family(
        "mass",
        {
            "kg": ("kg", "kgs", "kilograms", "kilogrammes", "kilogram", "kilos", "kilo"),
            "g": ("g", "grams", "grammes", "gram"),
            "mg": ("mg", "milligrams", "milligram"),
            "t": ("tonnes", "tons", "tonne", "ton", "metric tons", "metric tonnes"),
            "lb": ("lb", "lbs", "pounds", "pound"),
            "oz": ("oz", "ounces", "ounce"),
        },
    ),
    **_family(
        "area",
        {
            "km2": (
                "sq km",
                "km2",
                "km²",
                "square kilometres",
                "square kilometers",
                "square kilometre",
            ),
            "m2": ("sq m", "m2", "m²", "square metres", "square meters"),
            "sq mi": ("sq mi", "square miles", "square mile"),
            "sq ft": ("sq ft", "square feet"),
            "ha": ("ha", "hectares", "hectare"),
            "acre": ("acres", "acre"),
        },
    ),
    **_family(
        "volume",
        {
            "l": ("litres", "liters", "litre", "liter"),
            "ml": ("ml", "millilitres", "milliliters"),
            "gal": ("gallons", "gallon"),
            "bbl": ("barrels", "barrel", "bbl"),
            "m3": ("cubic metres", "cubic meters", "m3", "m³"),
            "bcm": ("bcm",),
        },
    ),
    **_family(
        "speed",
        {
            "km/h": (
                "km/h",
                "kph",
                "kmh",
                "kilometres per hour",
                "kilometers per hour",
                "kilometres an hour",
            ),
            "mph": ("mph", "miles per hour", "miles an hour"),
            "kn": ("knots", "knot"),
            "m/s": ("m/s",),
        },
    ),
    **_family(
        "temperature",
        {
            "°C": ("°C", "ºC", "degrees Celsius", "degrees centigrade", "C"),
            "°F": ("°F", "ºF", "degrees Fahrenheit", "F"),
            "°": ("degrees", "°"),
        },
    ),
    **_family(
        "energy",
        {
            "kWh": ("kWh",),
            "MWh": ("MWh",),
            "GWh": ("GWh",),
            "TWh": ("TWh",),
            "kW": ("kW", "kilowatts"),
            "MW": ("MW", "megawatts", "megawatt"),
            "GW": ("GW", "gigawatts", "gigawatt"),
            "kt": ("kilotons", "kilotonnes", "kiloton"),
            "Mt": ("megatons", "megatonnes"),
            "kcal": ("kcal", "calories"),
        },
    ),
    **_family(
        "duration",
        {
            "seconds": ("seconds", "second", "secs"),
            "minutes": ("minutes", "minute", "mins"),
            "hours": ("hours", "hour", "hrs"),
            "days": ("days", "day"),
            "weeks": ("weeks", "week"),
            "months": ("months", "month"),
            "years": ("years", "year"),
            "decades": ("decades", "decade"),
        },
    ),
    **_family(
        "percent",
        {
            "%": ("%", "percent", "per cent", "pc"),
            "pp": ("percentage points", "percentage point", "pp"),
        },
    ),
    **_family("rate", {"bp": ("basis points", "basis point", "bps", "bp")}),
}
# Written before the number only when next to it ("30C" but "30 C" is too loose for letters alone).
TIGHT_ONLY = {"C", "F", "g", "m", "t", "in", "pc"}
DIMENSION_CATEGORY = {d: d for d in ("distance", "money", "percent", "duration")}

CURRENCY_SYMBOLS = {
    "US$": "USD",
    "A$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "HK$": "HKD",
    "NZ$": "NZD",
    "S$": "SGD",
    "R$": "BRL",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₴": "UAH",
    "₽": "RUB",
    "₩": "KRW",
    "₺": "TRY",
    "₪": "ILS",
    "₦": "NGN",
    "Rs": "INR",
}
CURRENCY_WORDS = {
    "USD": ("dollars", "dollar", "US dollars"),
    "EUR": ("euros", "euro"),
    "GBP": ("pounds sterling", "sterling"),
    "JPY": ("yen",),
    "CNY": ("yuan", "renminbi"),
    "INR": ("rupees", "rupee"),
    "UAH": ("hryvnias", "hryvnia", "hryvnas", "hryvnyas"),
    "RUB": ("roubles", "rubles", "rouble", "ruble"),
    "CHF": ("Swiss francs",),
    "TRY": ("lira", "liras"),
    "ILS": ("shekels", "shekel"),
    "KRW": ("won",),
    "NGN": ("naira",),
    "ZAR": ("rand",),
    "MXN": ("pesos",),
    "PLN": ("zlotys", "zloty"),
    "BRL": ("reais", "real"),
}
UNITS |= {word: (code, "money") for code, words in CURRENCY_WORDS.items() for word in words}
# "500 million pounds" is money; "500 pounds" alone is a mass.
POUNDS_AFTER_SCALE = ("GBP", "money")
# ISO 4217 codes that are also everyday capitalised words or abbreviations are left out.
CODE_CLASHES = {
    "ALL",
    "TOP",
    "CUP",
    "SOS",
    "MOP",
    "BOB",
    "GEL",
    "PEN",
    "MAD",
    "AMD",
    "BAM",
    "CVE",
    "DOP",
    "BND",
    "STD",
    "XXX",
    "XTS",
    "AED",
}
CURRENCY_CODES = sorted(
    c.alpha_3 for c in pycountry.currencies if c.alpha_3 not in CODE_CLASHES
) + ["AED"]


def trie_alternation(words: list[str]) -> str:
    """A regex matching exactly the words, their common prefixes factored out ("t(?:en|wo)", not
    "ten|two"): the regex engine then tries one branch per letter instead of every word in turn.
    Where one word is a prefix of another, the longer is tried first."""
    trie: dict = {}
    for w in words:
        node = trie
        for char in w:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict) -> str:
        branches = [
            re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        if "" not in node:
            return body
        return f"(?:{body})?" if len(branches) > 1 or len(branches[0]) > 1 else f"{body}?"

    return pattern(trie)


SYMBOLS = "".join(sorted({s[-1] for s in CURRENCY_SYMBOLS if not s.isalpha()}))
# One-character symbols; letters before them ("US$", "HK$") are read by currency_before().
CURRENCY_PREFIX = rf"[{re.escape(SYMBOLS)}]\s?"
LETTERS_BEFORE_SYMBOL = re.compile(r"(?<![\w$])(US|CA|HK|NZ|A|C|S|R)$")  # US$, A$, HK$...
CODE_BEFORE = re.compile(r"(?<![\w$])([A-Z]{3}|Rs\.?) ?$")  # UAH 2.5bn, Rs 500
CODE_AFTER = re.compile(r"\s?([A-Z]{3})\b")
CODE_SET = frozenset(CURRENCY_CODES)
UNIT_WORDS = trie_alternation(sorted({w.lower() for w in UNITS}))
UNIT_AFTER = re.compile(rf"(\s?)(?:{UNIT_WORDS})(?![\w/²³])", re.IGNORECASE)


def unit_after(text: str, end: int) -> tuple[int, str, str] | None:
    """(end, unit, dimension) of a unit written right after a number ending at end."""
    m = UNIT_AFTER.match(text, end)
    if m is None:
        return None
    word = m.group(0).strip()
    key = word if word in UNITS else next((k for k in UNITS if k.lower() == word.lower()), None)
    if key is None or (key in TIGHT_ONLY and (m.group(1) or word != key)):
        return None
    if key in ("C", "F") and text[m.end() : m.end() + 1] == ".":
        return None  # an initial ("30 C. Smith")
    unit, dimension = UNITS[key]
    return m.end(), unit, dimension


def currency_before(text: str, start: int, symbol: str | None) -> tuple[int, str] | None:
    """(start, ISO 4217 code) of a currency written before the number starting at start, where
    symbol is the one-character symbol the number's match began with (its start is then the
    symbol's)."""
    if symbol:
        letters = LETTERS_BEFORE_SYMBOL.search(text, max(0, start - 2), start)
        if letters and f"{letters.group(1)}{symbol}" in CURRENCY_SYMBOLS:
            return letters.start(), CURRENCY_SYMBOLS[f"{letters.group(1)}{symbol}"]
        return start, CURRENCY_SYMBOLS[symbol]
    code = CODE_BEFORE.search(text, max(0, start - 5), start)
    if code and (code.group(1) in CODE_SET or code.group(1).startswith("Rs")):
        return code.start(), CURRENCY_SYMBOLS.get(code.group(1).rstrip("."), code.group(1))
    return None


def code_after(text: str, end: int) -> re.Match | None:
    """A currency code written after a number ("300 million UAH")."""
    m = CODE_AFTER.match(text, end)
    return m if m and m.group(1) in CODE_SET else None
