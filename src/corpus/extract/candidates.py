"""Names found by the text's own evidence: runs of capitalised words, typed by their head words,
given names, initialisms and the words around them ("in X", "X said", "according to X").

Works on a doc's words (spaCy tokens as strings) and the spans already found from the reference
lists and patterns (`Known`), and returns the spans of the whole doc, longest sensible ones.
"""
from __future__ import annotations

from typing import Callable, NamedTuple

from corpus.extract.lexicons import (CALENDAR, CONNECTORS, DIRECTIONS, NAME_PARTICLES, NOT_NAME_HEADS,
                                     ORG_HEADS, ORG_LEADS, ORG_NOUNS, PLACE_HEADS, PLACE_LEADS, PLACE_NOUNS,
                                     PLACE_PREPOSITIONS,
                                     SOURCE_CUES, SPEECH, STOP, TITLES, given_names, is_demonym,
                                     is_initialism)

PERSON_PATTERNS = frozenset(("title", "apposition", "speech"))  # labels of entities.MATCH_PATTERNS
SENTENCE_BREAKS = frozenset(". ! ? : ; “ \" ‘ ( — – … •".split())
ATTACHED = frozenset("- ‑ '".split())
COMPOUND_ENDS = frozenset("""era style born based led run made wide bound type class speaking language held
built known""".split())


class Known(NamedTuple):
    """A span found from the reference lists or patterns: tokens start to end, its type and label."""

    start: int
    end: int
    type: str
    label: str


class Segment(NamedTuple):
    start: int
    end: int
    sentence_start: bool  # its first word opens a sentence (capitalised whatever it is)
    title_before: bool  # a title or role word stands just before it ("Coach", "minister")


def is_capitalised(word: str) -> bool:
    return word[:1].isupper() and (word.isalpha() or any(c.isalpha() for c in word))


def opens_sentence(words: list[str], i: int) -> bool:
    return i == 0 or words[i - 1] in SENTENCE_BREAKS or words[i - 1].isspace()


def segments(words: list[str], spaces: list[bool]) -> list[Segment]:
    """Runs of capitalised words (with name particles, hyphenated parts and 'of'/'for' inside an
    organisation's name), split at title words, calendar words and leading stop words."""
    found, n, i = [], len(words), 0
    for i0 in [i for i, w in enumerate(words) if w[:1].isupper()]:
        if i0 < i or words[i0] in STOP and not (i0 + 1 < n and words[i0 + 1][:1].isupper()):
            continue  # "The", "He": a capitalised word that opens no name
        if not is_capitalised(words[i0]) or i0 > 0 and words[i0 - 1] in ("#", "@") and not spaces[i0 - 1]:
            continue
        i = i0
        start, j, linked = i, i + 1, False
        while j < n:
            w = words[j]
            if not spaces[j - 1] and w in ATTACHED and j + 1 < n and not spaces[j] and words[j + 1][:1].isalpha():
                if words[j + 1] in COMPOUND_ENDS or words[j + 1].endswith("ed"):
                    break  # "Moscow-backed", "Soviet-era": an adjective
                j += 2  # "Ka-Hin", "Shuk-kwan"
            elif is_capitalised(w) and spaces[j - 1]:
                j += 1
            elif w in NAME_PARTICLES and j + 2 < n and (is_capitalised(words[j + 1])
                                                       or words[j + 1] in NAME_PARTICLES):
                j += 1
            elif connects(words, start, j, linked):
                linked = True
                j += 2 if words[j + 1] == "the" else 1
            else:
                break
        found += split(words, start, j)
        i = j
    return found


def connects(words: list[str], start: int, j: int, linked: bool) -> bool:
    """Whether the connector at j carries on the organisation's or place's name begun at start:
    "of"/"for" (and "of the") right after a lead word that opens the name or follows one modifier
    ("Council of Europe", "Korean Centers for Disease Control"), "and" after that unless an
    organisation of its own follows ("Ministry of Health and Welfare", not "... and Hospital Authority")."""
    w = words[j].lower()
    nxt = j + 2 if j + 2 < len(words) and words[j + 1] == "the" and w == "of" else j + 1
    if nxt >= len(words) or not is_capitalised(words[nxt]):
        return False
    if w in ("of", "for") and not linked:
        return j - start <= 2 and (words[j - 1] in ORG_LEADS or words[j - 1] in PLACE_LEADS)
    if w == "and" and linked:
        k = nxt
        while k < len(words) and is_capitalised(words[k]):
            k += 1
        return words[k - 1] not in ORG_HEADS
    return False


def split(words: list[str], start: int, end: int) -> list[Segment]:
    """A run cut at title and calendar words, without leading stop words or trailing connectors."""
    out, a, title = [], start, start > 0 and words[start - 1].lower() in TITLES
    sentence = opens_sentence(words, start)
    named = words[end - 1] in ORG_HEADS or words[end - 1] in PLACE_HEADS  # "Princess Margaret Hospital"
    for k in range(start, end + 1):
        w = words[k] if k < end else ""
        if k < end and not (w.lower() in TITLES and not w.isupper() and not named or w in CALENDAR):
            continue
        b = k
        while a < b and (words[a] in STOP or words[a].lower() in CONNECTORS):
            a += 1
        while b > a and (words[b - 1].lower() in CONNECTORS or words[b - 1] in NAME_PARTICLES):
            b -= 1
        if a < b:
            out.append(Segment(a, b, sentence and a == start, title))
        title, a, sentence = k < end and w.lower() in TITLES, k + 1, False
    return out


def headline_case(words: list[str]) -> bool:
    """Whether most content words are capitalised ("Plane Crashes Into River"): then capitals are no
    evidence of a name."""
    if 3 * sum(1 for w in words if w[:1].isupper()) < len(words):
        return False  # most words of prose are not capitalised
    inner = [w for i, w in enumerate(words) if w.isalpha() and not opens_sentence(words, i)]
    content = [w for w in inner if w.lower() not in STOP]
    caps = sum(w[0].isupper() for w in content)
    small_caps = sum(w[0].isupper() for w in inner if w.lower() in STOP)  # "Off", "As", "Into"
    return len(content) >= 4 and caps >= 0.75 * len(content) and (small_caps > 0 or caps == len(content))


class Context:
    """What a segment's neighbours say: the words before and after, the entry's people."""

    def __init__(self, words: list[str], place_of: Callable[[str], object | None]) -> None:
        self.words = words
        self.place_of = place_of

    def before(self, i: int, k: int = 1) -> str:
        return self.words[i - k].lower() if i - k >= 0 else ""

    def after(self, i: int, k: int = 0) -> str:
        return self.words[i + k].lower() if i + k < len(self.words) else ""

    def speech_after(self, end: int) -> bool:
        nxt = self.after(end)
        return nxt in SPEECH or nxt in ("has", "had") and self.after(end, 1) in SPEECH

    def source(self, seg: Segment) -> bool:
        return (self.before(seg.start) == "to" and self.before(seg.start, 2) == "according"
                or self.after(seg.end) in SOURCE_CUES)


def type_segment(seg: Segment, ctx: Context, inside: list[Known]) -> list[tuple[int, int, str, str]]:
    """(start, end, type, method) of the names in a segment, given the known spans inside it."""
    words, a, b = ctx.words, seg.start, seg.end
    last, first = words[b - 1], words[a]
    if last in NOT_NAME_HEADS or first in ATTACHED:  # an event's name keeps the listed names in it
        return [(k.start, k.end, k.type, k.label) for k in inside if k.label.startswith("gazetteer")]
    if len(inside) == 1 and (inside[0].start, inside[0].end) == (a, b):
        return [(a, b, inside[0].type, inside[0].label)]
    if seg.title_before and last not in ORG_HEADS and not inside:
        return [(a, b, "PERSON", "context")] if b - a > 1 or single_name(last) else []
    if b - a > 1:
        head = by_head(words, a, b, ctx)
        if head:
            return [(a, b, head, "head-word")]
    if inside:
        return around_known(seg, ctx, inside)
    if b - a == 1:
        return single(seg, ctx)
    if first in CALENDAR:
        return []
    if is_initialism(first):
        return [(a, b, "ORG", "initialism")]  # "CTI TV", "BBC News"
    plain = all(single_name(w) for w in words[a:b] if w not in ATTACHED and w not in NAME_PARTICLES)
    if first in given_names() and plain or ctx.speech_after(b) and plain:
        return [(a, b, "PERSON", "given-name" if first in given_names() else "context")]
    if is_demonym(first):
        return type_segment(Segment(a + 1, b, False, False), ctx, []) if b - a > 2 else []
    names = " ".join(words[a:b]).split()  # words apart from the hyphenated parts
    if 1 < len(names) <= 4 - seg.sentence_start and first not in DIRECTIONS and not is_demonym(last) \
            and not is_demonym(first) and not last.endswith("s") and plain:
        return [(a, b, "PERSON", "capitalised")]
    return []


def single_name(word: str) -> bool:
    """Whether a word can be one word of a name: capitalised, not a stop, title, head or calendar word."""
    return (len(word) > 1 and word[1:].islower() and word not in STOP and word not in CALENDAR
            and word.lower() not in TITLES and word not in ORG_HEADS and word not in PLACE_HEADS
            and word not in NOT_NAME_HEADS)


def by_head(words: list[str], a: int, b: int, ctx: Context) -> str | None:
    """ORG or PLACE from the name's own head word, if it has one."""
    last, first = words[b - 1], words[a]
    if last in ORG_HEADS:
        return "ORG"
    if last in PLACE_HEADS or any(w in PLACE_HEADS for w in words[a + 1:b - 1]):
        return "PLACE"  # "Tuen Mun Hospital", "Dursey Island Cable Car"
    if first in ORG_LEADS and words[a + 1].lower() in ("of", "for"):
        return "ORG"
    if first in PLACE_LEADS:
        return "PLACE"
    return None


def around_known(seg: Segment, ctx: Context, inside: list[Known]) -> list[tuple[int, int, str, str]]:
    """A segment holding known names: the whole of it where its other words make one name with them
    ("Central Asia", "Sands China", "Mackenzie Arnold"), else the known names and the rest typed apart."""
    words, a, b = ctx.words, seg.start, seg.end
    if len(inside) == 1 and (inside[0].start, inside[0].end) == (a, b):
        return [(a, b, inside[0].type, inside[0].label)]
    k = inside[-1]
    if len(inside) == 1 and k.end == b and k.type == "PLACE" and k.start > a:
        prefix = words[a:k.start]
        if all(w in DIRECTIONS for w in prefix):
            return [(a, b, "PLACE", "head-word")]
        if prefix[0] in given_names() and len(prefix) == 1:
            return [(a, b, "PERSON", "given-name")]
        if not is_demonym(prefix[0]) and all(w not in STOP for w in prefix):
            return [(a, b, "ORG", "capitalised")]  # "Sands China", "Global Affairs Canada"
    if len(inside) == 1 and (k.start, k.end) == (a, b) and seg.title_before and k.label.startswith("geonames"):
        return [(a, b, "PERSON", "context")]  # "Dr. Lau": a person, whatever place shares the name
    if len(inside) == 1 and k.type == "PERSON" and not k.label.startswith("gazetteer"):
        return [(a, b, "PERSON", k.label)]  # "Lau Ka" of "Lau Ka-Hin"
    out, at = [], a
    for k in inside:
        if k.start > at:
            out += type_segment(Segment(at, k.start, seg.sentence_start and at == a, False), ctx, [])
        out.append((k.start, k.end, k.type, k.label))
        at = k.end
    if at < b:
        out += type_segment(Segment(at, b, False, False), ctx, [])
    return out


def single(seg: Segment, ctx: Context) -> list[tuple[int, int, str, str]]:
    """One capitalised word: typed only by strong evidence around it."""
    a = seg.start
    w = ctx.words[a]
    if is_initialism(w):
        return [(a, a + 1, "ORG", "initialism")]
    if not single_name(w) or is_demonym(w):
        return []
    if ctx.source(seg) and not seg.sentence_start:
        return [(a, a + 1, "ORG", "source-context")]
    if seg.sentence_start:
        return []
    prev = ctx.before(a)
    if (seg.title_before or ctx.speech_after(a + 1)) and prev not in PLACE_PREPOSITIONS:
        return [(a, a + 1, "PERSON", "context")]
    if prev in ORG_NOUNS:
        return [(a, a + 1, "ORG", "context")]  # "news agency Xinhua"
    if prev in PLACE_NOUNS or prev == "of" and ctx.before(a, 2) in PLACE_NOUNS:
        return [(a, a + 1, "PLACE", "place-context")]  # "the island of Kinmen"
    if prev in PLACE_PREPOSITIONS and not ctx.after(a + 1).startswith("'"):
        if ctx.place_of(w) is not None or prev in ("in", "near", "outside", "at"):
            return [(a, a + 1, "PLACE", "place-context")]
    if prev == "the" and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return [(a, a + 1, "ORG", "context")]  # "the Lionesses", "the Democrats"
    return []


def merge(words: list[str], spaces: list[bool], known: list[Known],
          place_of: Callable[[str], object | None]) -> list[tuple[int, int, str, str]]:
    """Every name of a doc: the known spans, and the capitalised segments typed by their evidence."""
    if headline_case(words):
        return [(k.start, k.end, k.type, k.label) for k in known]
    ctx, out = Context(words, place_of), []
    known = sorted(k for k in known if k.label not in PERSON_PATTERNS
                   or all(w in ATTACHED or w in NAME_PARTICLES or single_name(w) or is_initialism(w)
                          for w in words[k.start:k.end]))
    taken = [False] * (len(words) + 1)
    cover = [None] * len(words)  # the known span over each token
    for k in known:
        cover[k.start:k.end] = [k] * (k.end - k.start)
    for seg in segments(words, spaces):
        over = {k for k in cover[seg.start:seg.end] if k is not None}
        if any(k.start < seg.start or k.end > seg.end for k in over):
            continue  # a known span reaching out of the segment ("Taiwan's Central News Agency")
        inside = sorted(over)
        if words[seg.end - 1] in NOT_NAME_HEADS:  # "Peace Summit": no place in an event's name
            inside = [k for k in inside if k.label.startswith("gazetteer")]
            for i in range(seg.start, seg.end):
                taken[i] = True
        for s, e, t, m in type_segment(seg, ctx, inside):
            out.append((s, e, t, m))
            for i in range(s, e):
                taken[i] = True
    out += [(k.start, k.end, k.type, k.label) for k in known if not taken[k.start]]
    return sorted(set(out))
