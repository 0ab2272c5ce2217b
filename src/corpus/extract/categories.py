"""What a number counts: its category and the counted noun phrase.

Evidence, strongest first: the number's unit (money, distance, percent,
duration; other measures are "other"); a casualty or arrest verb just before it
("killing five", "arrested 12"); a toll or total it is the new value of ("the
death toll rose to 32", "bringing the total number of cases to 63"); a verb or
adjective after its noun phrase ("two passengers have died", "three reported
missing", "tested positive"); the counted noun itself, looked up in
data/counted_nouns.csv (a capitalised plural demonym such as "Americans" counts
people); and, for a bare number, the counted noun earlier in its sentence.
"""

from __future__ import annotations

import re

from corpus.extract.counted import UNIT_NOUNS, VEHICLE, noun_category, noun_phrase
from corpus.extract.numbers import Number
from corpus.extract.quick_search import lower_case_form, may_hold, search_lower
from corpus.extract.units import DIMENSION_CATEGORY, trie_alternation
from corpus.schema import FIGURE_CATEGORIES

CATEGORIES = FIGURE_CATEGORIES  # declared once, in the schema
CASUALTY = ("killed", "injured", "missing", "arrested")
LETTERS = re.compile(r"[A-Za-z]+")


VERBS_AFTER = [  # (category, verb or adjective after the counted noun phrase)
    (
        "killed",
        r"died|die|dies|dead|killed|perished|lost their lives|deaths|succumbed|fatalities|"
        r"drowned|shot dead|executed|burned to death|crushed to death",
    ),
    (
        "injured",
        r"injured|wounded|hurt|hospitali[sz]ed|receiving (?:medical )?(?:care|treatment)|"
        r"treated for [a-z]+|injuries|taken to hospital|in hospital|"
        r"treated in (?:a )?hospitals?",
    ),
    ("missing", r"missing|unaccounted for|not been accounted|not accounted|remain unaccounted"),
    (
        "arrested",
        r"arrested|detained|taken into custody|in custody|held by police|charged|"
        r"held (?:over|on suspicion|in connection)",
    ),
    (
        "prisoners",
        r"(?:held|taken|being held) (?:hostage|captive|prisoner)|hostage|captive|"
        r"kidnapped|abducted",
    ),
    (
        "people",
        r"evacuated|rescued|displaced|infected|tested positive|tested negative|diagnosed|"
        r"trapped|fled|on board|onboard|aboard|stranded|quarantined|recovered|"
        r"confirmed cases|cases|to evacuate|to flee|to leave their homes",
    ),
]
VERB_AFTER = [
    re.compile(  # casualty verbs first: "two people onboard the flight have died"
        r"(?:\s+(?:[\w'’-]+|,)){0,6}?\s+"
        r"(?:(?:have|has|had|were|was|are|is|been|being|now|reportedly|"
        r"since|also|so far|already|later|confirmed|reported|found|still|remain|remained|"
        r"were found)\s+)*"
        rf"(?:{'|'.join(f'(?P<{c}>{p})' for c, p in group)})\b",
        re.IGNORECASE,
    )
    for group in (VERBS_AFTER[:5], VERBS_AFTER[5:])
]
VERB_AFTER_LOWER = [lower_case_form(p) for p in VERB_AFTER]  # for lower-case ASCII clauses
CLAUSE_END = re.compile(
    r"[.;:!?()\"“”—]|,\s|"
    r"\s(?:and|but|while|whereas|after|before|when|as|which|who)\s"
)
LEFT_VERBS = [
    (
        "killed",
        r"killing|killed|kills|deaths of|death of|lives of|bodies of|dead bodies of|"
        r"neutrali[sz](?:ed|ing)",  # an army's word for killing
    ),
    ("injured", r"injuring|wounding|injured|wounded|injuries to"),
    (
        "missing",
        r"looking for|searching for|search for|searched for|hunting for|lost contact with|"
        r"lost touch with",
    ),
    ("arrested", r"arresting|arrested|detained|detaining|apprehended|rounded up|charged|charging"),
    (
        "prisoners",
        r"holding|kidnapped|kidnapping|abducted|abducting|freed|released|freeing|"
        r"releasing|handed over|handed|swapped|exchanged|release|free|swap|exchange",
    ),
    ("people", r"evacuated|evacuating|rescued|rescuing|displacing|displaced|infecting"),
]
LEFT_VERB = re.compile(
    rf"\b(?:{'|'.join(f'(?P<{c}>{p})' for c, p in LEFT_VERBS)})[\"”]?\s"
    r"(?:at least |more than |another |a further |some |about |nearly |over |"
    r"up to |around )?[\"“]?$",
    re.IGNORECASE,
)
LEFT_VERB_LOWER = lower_case_form(LEFT_VERB)
TOTAL = re.compile(
    r"\b(?P<what>(?:death |casualty |)toll|death count|tally|total|number|count|"
    r"figure)\b(?P<noun>[^.;:!?]{0,60}?)\s(?:to|at|of|reached|hit|hits|passed|"
    r"stands at|stood at|now at|is|was|rose to|climbed to|risen to)\s(?:\w+\s)?$",
    re.IGNORECASE,
)
# Every TOTAL match names one of these (a quick search first: most windows hold none).
TOTAL_WORD = re.compile(r"toll|count|tally|total|number|figure", re.IGNORECASE)
TOTAL_LOWER = re.compile(TOTAL_WORD.pattern)  # of a lower-case window (`may_hold`)
# The longest LEFT_VERB match: "lost contact with" (17), a quotation mark, a space, "more than "
# (10), a quotation mark and a final newline ($ matches before one); it is searched for only in
# the characters this close to the number (\b still sees the character before them).
LEFT_VERB_LONGEST = 31
SKIP_OF = re.compile(
    r"\s+(?:of\s+)?(?:the\s+|those\s+|these\s+|them\s+|their\s+|its\s+|our\s+)?", re.IGNORECASE
)
# "12 more systems", "40 additional staff": the counted noun is after the comparative.
MORE = re.compile(r"\s+(?:more|additional|further|extra)(?=\s+[a-z])")
# A parenthesis between the counted noun and its verb: "Two men, aged 34 and 41, were detained".
ASIDE = re.compile(r",[^,.;:!?()\"“”]{1,40},")


# Stems of the verbs above: a window holding none of them is not searched (3x faster). One regex
# of their letter tree finds whether a window holds one 1.7x faster than a test per stem.
VERB_STEMS = tuple(
    """di dead kill perish lost death succumb fatal drown shot execut burn crush
injur wound hurt hospital receiving treat missing account arrest detain custody held evacu
rescu displac infect test diagnos trap fled board stranded quarantin recover cases charged
hostage captive kidnap abduct flee leave""".split()
)
LEFT_STEMS = tuple(
    """looking searching search hunting kill death lives bodies injur wound arrest detain
apprehend rounded evacu rescu displac infect toll count tally total number figure charg hold
kidnap abduct free releas hand swap exchang among contact touch neutrali""".split()
)
VERB_STEM = re.compile(trie_alternation(sorted(set(VERB_STEMS))))
LEFT_STEM = re.compile(trie_alternation(sorted(set(LEFT_STEMS))))


def verb_after(text: str, pos: int) -> str | None:
    """The category of a casualty verb in the clause after pos ("have died", "went missing")."""
    aside = ASIDE.match(text, pos)
    if aside:
        pos = aside.end()
    window = text[pos : pos + 90]
    low = window.lower()
    if not VERB_STEM.search(low):
        return None
    stop = CLAUSE_END.search(window)
    clause = window[: stop.start() if stop else len(window)] + " "
    ascii_ = clause.isascii()  # then matched in lower case (`lower_case_form`): 2x faster
    for pattern in VERB_AFTER_LOWER if ascii_ else VERB_AFTER:
        m = pattern.match(clause.lower() if ascii_ else clause)
        if m:
            return m.lastgroup
    return None


AMONG_WORDS = {
    "dead": "killed",
    "killed": "killed",
    "wounded": "injured",
    "injured": "injured",
    "missing": "missing",
    "arrested": "arrested",
    "detained": "arrested",
    "freed": "prisoners",
    "released": "prisoners",
    "hostages": "prisoners",
}
# "Among the dead were two medics", "Among those freed by the rebels were 11 women"
AMONG = re.compile(
    rf"\bamong (?:the |those )?(?P<what>{'|'.join(AMONG_WORDS)})\b[^.;:]{{0,40}}?"
    r"\s(?:were|was|are|is)\s(?:at least |about |some )?$",
    re.IGNORECASE,
)
# "112 wounded since Tuesday, among them 37 children": the count before "among them"
AMONG_THEM = re.compile(
    rf"\b(?P<what>{'|'.join(AMONG_WORDS)})\b[^.;:]{{0,50}},\s(?:among|including) them\s$",
    re.IGNORECASE,
)
# A total written after its new value: "bringing to 19 the number of arrests", "taking to 40 the
# death toll".
INVERTED_TOTAL = re.compile(
    r"\s+the\s+(?:(?P<toll>(?:death\s+)?toll)|(?:total\s+)?(?:number|count|tally))\b"
    r"(?:\s+of(?=\s))?"
)
# Signs that vehicles are an armed side's: seized, destroyed, struck, shot down; military words.
ARMED_CONTEXT = re.compile(
    r"\b(?:seiz|captur|destroy|struck|strik|shot down|shooting down|downed|military|army|armed|"
    r"enemy|rebel|militant|militia|fighter|combat|warplane|air force|troops)",
    re.IGNORECASE,
)
# "traded at 2,650 to the dollar": an exchange rate
RATE = re.compile(r"\s+to the (?:US\s)?(?:dollar|euro|pound|yen|yuan)\b")


def among_category(text: str, n: Number, lo: int) -> str | None:
    """The casualty a number is part of: "Among the dead were two medics", "112 wounded, among
    them 37 children"."""
    before = text[max(lo, n.start - 110) : n.start]
    low = before.lower()
    if "among" not in low and "them" not in low:
        return None  # neither can match (a quick test first: 3x faster on most numbers)
    m = AMONG.search(before) or AMONG_THEM.search(before)
    return AMONG_WORDS[m["what"].lower()] if m else None


def left_category(text: str, n: Number, lo: int) -> str | None:
    window = text[max(lo, n.start - 100) : n.start]
    if not LEFT_STEM.search(window.lower()):
        return None
    among = among_category(text, n, lo)
    if among:
        return among
    before = text[max(lo, n.start - 40) : n.start]
    tail = max(0, len(before) - LEFT_VERB_LONGEST)
    m = search_lower(LEFT_VERB, LEFT_VERB_LOWER, before, tail)
    if m:
        return next(c for c, _ in LEFT_VERBS if m.group(c))
    m = TOTAL.search(window) if may_hold(window, TOTAL_LOWER) else None
    if m is None:
        return None
    what, noun = m["what"].lower(), m["noun"]
    found = [c for c in (noun_category(w) for w in LETTERS.findall(noun)) if c]
    if "death" in what or (what == "toll" and not found):
        return "killed"
    if found:
        return found[-1]
    return earlier_noun(text, m.start() + max(lo, n.start - 100), lo) or "people"


def earlier_noun(text: str, pos: int, lo: int) -> str | None:
    """The category of the nearest known counted noun before pos in the sentence starting at lo."""
    words: list[str] = LETTERS.findall(text[max(lo, pos - 120) : pos])
    for word in reversed(words):
        category = noun_category(word)
        if category and category not in UNIT_NOUNS:  # "600 a day, ... 150 in May": not days
            return category
    return None


def classify(text: str, n: Number, sentence_start: int = 0) -> tuple[str, str | None, str | None]:
    """(category, subject, head) of a number: head is the counted noun after it ("" for a unit
    or a verb that says what is counted, None when nothing does)."""
    if n.dimension:
        return DIMENSION_CATEGORY.get(n.dimension, "other"), None, ""
    if RATE.match(text, n.end):
        return "money", None, ""
    inverted = INVERTED_TOTAL.match(text, n.end)
    if inverted:  # "bringing to 19 the number of arson arrests"
        end, category, head = noun_phrase(text, inverted.end())
        if inverted["toll"]:
            return "killed", text[n.end : end].strip(), ""
        if category in CASUALTY:
            return category, text[n.end : end].strip(), ""
    pos = n.end
    skip = SKIP_OF.match(text, pos)
    if skip and (n.qualifier == "vague" or text[pos : skip.end()].strip().lower().startswith("of")):
        pos = skip.end()  # "dozens of civilians", "68 of the people"
    more = MORE.match(text, pos)
    pos = more.end() if more else pos
    end, category, head = noun_phrase(text, pos)
    subject = text[pos:end].strip() or None
    if category == VEHICLE:  # weapons in an armed side's hands ("seized four pick-up trucks")
        held = ARMED_CONTEXT.search(text, max(sentence_start, n.start - 80), end)
        category = "weapons" if held else "other"
    left = left_category(text, n, sentence_start)
    verb = verb_after(text, end) or (verb_after(text, pos) if category is None else None)
    if left == "missing" and category != "people" and head is not None:
        left = None  # "looking for 20 buses": a search for things, not for missing people
    if left in CASUALTY or (left and category is None and head is None):
        return left, subject, head or ""
    if left == "prisoners" and category == "people":
        return left, subject, head  # "freed 125 soldiers", "handed over 215 fighters"
    if verb and (
        category is None
        or verb in CASUALTY
        and category in ("people", "prisoners")
        or verb == "prisoners"
        and category == "people"
    ):
        return verb, subject, head or ""
    if category:
        return category, subject, head
    if head is not None:
        return "other", subject, head
    if left:
        return left, None, ""
    return earlier_noun(text, n.start, sentence_start) or "other", None, None
