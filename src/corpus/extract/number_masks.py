"""What looks like a number but is not one: dates, clock times, years, phone numbers, ages,
slashed dates, labels ("level 3", "No. 6", "ATR 72") and model names ("Boeing 737 Max").
numbers.py drops a number that `is_masked` finds inside one of these.
"""

from __future__ import annotations

import re

from corpus.extract.quick_search import lower_case_form, search_lower
from corpus.extract.units import trie_alternation

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
ZONES = (
    r"(?:GMT|UTC|BST|CET|CEST|EET|EEST|EST|EDT|CST|PST|PDT|ET|PT|IST|JST|MSK|AEDT|AEST|"
    r"local time)"
)
AMPM = r"(?:am|pm|a\.m\.|p\.m\.)"
DATES = [
    # January 9 to 19, 2024; 9-19 January 2024; February 2022
    re.compile(rf"\b{MONTH}\s+{DAY}(?:\s*(?:to|-|–|and)\s*{DAY})?(?:,?\s+\d{{4}})?\b"),
    re.compile(rf"\b{DAY}(?:\s*(?:to|-|–|and)\s*{DAY})?\s+{MONTH}(?:,?\s+\d{{4}})?"),
    re.compile(rf"\b{MONTH}\s+\d{{4}}\b"),
]
YEARS = [  # in 2022
    re.compile(
        r"\b(?:in|since|until|by|from|of|early|late|mid|before|after|during|year|"
        r"summer|winter|spring|autumn|fall)[ -](?:1[89]|20)\d\d(?:s)?\b",
        re.IGNORECASE,
    )
]
TIMES = [
    # 10:30; 9.05pm, 12.50 BST; at 9.05; 9pm; 1927 GMT
    re.compile(rf"\b\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s?{AMPM})?(?!\d)", re.IGNORECASE),
    re.compile(rf"\b\d{{1,2}}\.\d{{2}}\s?(?:{AMPM}|{ZONES}\b)", re.IGNORECASE),
    re.compile(r"\b(?:at|by|until|till|from|before|after|since) \d{1,2}\.\d{2}\b(?![%\w])"),
    re.compile(rf"\b\d{{1,2}}\s?{AMPM}", re.IGNORECASE),
    re.compile(rf"\b\d{{3,4}}\s?{ZONES}\b"),
    # "at 1530": a 24-hour clock time after a preposition of time, no counted noun after it
    re.compile(
        r"\b(?:at|by|until|till|from|before|after|since) (?:[01]\d|2[0-3])[0-5]\d\b"
        r"(?![.,]?\d)(?!\s+(?!(?:and|or|on|in|local|when|as|but|with|then|today|"
        r"tonight|hours|hrs)\b)[a-z])"
    ),
]
PHONES = [
    re.compile(r"\+?\(?\d{2,4}\)?(?:[ -]\d{2,4}){2,}"),  # phone-like
    re.compile(r"\+\d{1,3}(?=[\s-]*\(?\d)"),  # +1 (555) ...: a country calling code
]
AGES = [
    re.compile(r", (?<=[A-Za-z], )\d{1,3}(?=,)"),  # "Ivanov, 55, said": an age in apposition
    re.compile(r"\b(?:aged?|ages) (?:of |between )?\d{1,3}(?:(?:,| and| to|-|–) ?\d{1,3})*"),
]
SLASHED = [re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b")]  # 9/11, 04/01/2024
# Each group of masks is tried only where a cheap sign of it is near the number (2-3x faster).
# A sign opens with a character set (a digit, a month's initial) where it can: the regex engine
# then skips to those characters (the time and age signs 2x faster than with an alternation). A
# digit's set is a bitmap of the ASCII digits (with "+" or "a") and every non-ASCII character, a
# lookbehind then keeping a digit (2x faster to scan for than \d's Unicode category).
MASKS = [
    (re.compile(MONTH), DATES),
    (re.compile(r"(?:1[89]|20)\d\d"), YEARS),
    # a digit and ":" or "." and a digit; a digit and am/pm or a zone; "at 1530" (after a letter)
    (
        re.compile(
            rf"[^\x00-/:-\x7f](?<=\d)(?:[:.]\d|\s?(?:[ap]\.?m\b|[AP]\.?M\b|{ZONES})|"
            r"(?<=(?<=[a-z] )[012])\d\d\d\b)"
        ),
        TIMES,
    ),
    # "12 34", "(0", "+4"
    (re.compile(r"[^\x00-*,-/:-\x7f](?<=[\d+])(?:(?<=\d)[ -]\(?\d|(?<=\+)\d)"), PHONES),
    # "5," or a word opening "age"
    (re.compile(r"[^\x00-/:-`b-\x7f](?<=[\da])(?:(?<=\d),|(?<=(?<!\w)a)ge)"), AGES),
    (re.compile(r"/(?<=\d/)\d"), SLASHED),
]
# A number right after one of these words names something ("level 3", "No. 6", "Article 5"); the
# words as a letter tree (3x faster than an alternation of words).
LABEL_WORDS = (
    "level levels phase stage tier no. nos. number article section chapter page pages route flight "
    "gate terminal platform room grade category type version model season episode round channel "
    "line bus lane block ward zone item rule paragraph clause exhibit vol. issue part figure "
    "fig. table step seat row floor code resolution protocol"
).split()
LABEL_BEFORE = re.compile(rf"\b{trie_alternation(sorted(LABEL_WORDS))}[- ]?$", re.IGNORECASE)
LABEL_LOWER = lower_case_form(LABEL_BEFORE)  # for lower-case ASCII text (`search_lower`)
LABEL_CAPS = re.compile(r"(?<![\w$])[A-Z]{2,}[- ]?$")  # "ATR 72"
# "Boeing 737 Max", "Windows 11.": a plain number between a mid-sentence capitalised word and a
# capitalised word or the end of a clause names a model or edition.
MODEL = re.compile(r"(?<=[\w,;] )[A-Z][a-z]+ (\d+)(?= [A-Z]|[.,;:)]?$|[.,;:)] )")
YEAR = re.compile(r"(?:1[89]|20)\d\d")
MASK_WINDOW = 40  # characters either side of a number searched for a date, time or phone number


def is_masked(text: str, start: int) -> bool:
    """Whether the number at start is part of a date, clock time, year, phone number or label."""
    lo = max(0, start - MASK_WINDOW)
    window = text[lo : start + MASK_WINDOW]
    for sign, patterns in MASKS:
        if sign.search(window) and any(
            m.start() <= start - lo < m.end()
            for pattern in patterns
            for m in pattern.finditer(window)
        ):
            return True
    before = text[max(0, start - 16) : start]
    if search_lower(LABEL_BEFORE, LABEL_LOWER, before) or LABEL_CAPS.search(before) is not None:
        return True
    model = MODEL.search(text, max(0, start - 24), min(len(text), start + 12))
    return model is not None and model.start(1) == start and not YEAR.fullmatch(model.group(1))
