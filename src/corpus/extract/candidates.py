"""Names found by the text's own evidence: runs of capitalised words (`segments`), typed by
`name_types`, merged with the spans already found from the reference lists and patterns (`Known`).

Negative evidence: a capital that opens a sentence, headline case, title and calendar words,
stop words, hashtags, compound adjectives ("Moscow-backed"), events' names ("World Cup").
"""

from __future__ import annotations

from corpus.extract.lexicons import NAME_PARTICLES, NOT_NAME_HEADS, STOP, is_initialism
from corpus.extract.name_context import Context, Known, Name, single_name
from corpus.extract.name_heads import ATTACHED
from corpus.extract.name_lists import coordinated
from corpus.extract.name_runs import segments, upper_initials
from corpus.extract.name_types import type_segment
from corpus.extract.run_split import opens_sentence

PERSON_PATTERNS = frozenset(("title", "apposition", "speech"))  # entities.MATCH_PATTERNS' labels


def inside_word(
    words: list[str], spaces: list[int], start: int, end: int, listed: set[int]
) -> bool:
    """Whether tokens start to end are part of a hyphenated name ("Marlow" of "Baptiste-Marlow",
    not "Moscow" of "Moscow-backed", nor of "Moscow-Kyiv" where both are names)."""
    return (
        start > 1
        and words[start - 1] in ATTACHED
        and not spaces[start - 2]
        and not spaces[start - 1]
        and words[start - 2][:1].isupper()
        and start - 2 not in listed
    ) or (
        end + 1 < len(words)
        and words[end] in ATTACHED
        and not spaces[end - 1]
        and not spaces[end]
        and words[end + 1][:1].isupper()
        and end + 1 not in listed
    )


def headline_case(words: list[str], n_capitals: int | None = None) -> bool:
    """Whether the text is in headline case ("Plane Skids Off Runway As Storm Hits"): most content
    words capitalised, and small words too or every one. Then capitals are no evidence of names.
    `n_capitals`: len(upper_initials(words)), when known already."""
    if n_capitals is None:
        n_capitals = len(upper_initials(words))
    if 3 * n_capitals < len(words):
        return False  # most words of prose are not capitalised
    inner = [w for i, w in enumerate(words) if w.isalpha() and not opens_sentence(words, i)]
    content = [w for w in inner if w.lower() not in STOP]
    caps = sum(w[0].isupper() for w in content)
    small_caps = sum(w[0].isupper() for w in inner if w.lower() in STOP)  # "Off", "As", "Into"
    return (
        len(content) >= 4
        and caps >= 0.75 * len(content)
        and (small_caps > 0 or caps == len(content))
    )


def merge(
    words: list[str],
    spaces: list[int],
    known: list[Known],
    capitals: list[int] | None = None,
    sport: bool | None = None,
) -> list[Name]:
    """Every name of a doc: the known spans, and the capitalised segments typed by their evidence
    (a segment holding known spans may extend or retype them: "Stadium Australia");
    `capitals`: upper_initials(words), and `sport`: whether it reports a match, when known."""
    if capitals is None:
        capitals = upper_initials(words)
    if headline_case(words, len(capitals)):
        return [(k.start, k.end, k.type, k.label) for k in known]
    ctx, out, runs = Context(words, sport), [], []
    known = [
        k._replace(start=k.start + 1) if words[k.start] in STOP and k.end - k.start > 1 else k
        for k in known
    ]  # "All Council": no name opens with a stop word
    known = [k for k in known if k.end - k.start > 1 or k.label != "organisation"]
    n = len(words)
    if any(  # a known span next to a hyphen or apostrophe: maybe part of a word (`inside_word`)
        k.start > 1 and words[k.start - 1] in ATTACHED or k.end + 1 < n and words[k.end] in ATTACHED
        for k in known
    ):
        listed = {i for k in known for i in range(k.start, k.end)}  # "Russia-Ukraine": two names
        known = [k for k in known if not inside_word(words, spaces, k.start, k.end, listed)]
    known = sorted(
        k
        for k in known
        if k.label not in PERSON_PATTERNS  # no title or head words
        or all(
            w in ATTACHED or w in NAME_PARTICLES or single_name(w) or is_initialism(w)
            for w in words[k.start : k.end]
        )
    )
    taken = [False] * (len(words) + 1)
    cover: list[Known | None] = [None] * len(words)  # the known span over each token
    for k in known:
        cover[k.start : k.end] = [k] * (k.end - k.start)
    spoken: set[tuple[int, int]] = set()  # the speech pattern's spans in the segment
    for seg in segments(words, spaces, capitals):
        if seg.end - seg.start == 1:  # (most of them)
            over: tuple[Known, ...] | set[Known] = (
                () if (one := cover[seg.start]) is None else (one,)
            )
        else:
            over = {k for k in cover[seg.start : seg.end] if k is not None}
        inside: list[Known]
        if not over:  # no known span in the segment
            inside = []
        else:
            if any(k.start < seg.start or k.end > seg.end for k in over):
                continue  # a known span reaching out of the segment
            inside = sorted(over)
            if all(k.label == "speech" for k in inside):
                spoken = {(k.start, k.end) for k in inside}
                inside = []  # a speech verb is no evidence of a person: the run's own evidence
                taken[seg.start : seg.end] = [True] * (seg.end - seg.start)
        if words[seg.end - 1] in NOT_NAME_HEADS:  # "Peace Summit": no place in an event's name
            taken[seg.start : seg.end] = [True] * (seg.end - seg.start)
        names = type_segment(seg, ctx, inside)
        if spoken:  # a person the speech pattern found keeps its method
            names = [
                (s, e, t, "speech" if t == "PERSON" and (s, e) in spoken else m)
                for s, e, t, m in names
            ]
            spoken = set()
        if not inside and (not names or names == [(seg.start, seg.end, "PERSON", "capitalised")]):
            runs.append((seg.start, seg.end, seg.sentence_start))  # typed by a list, maybe
        for s, e, t, m in names:
            out.append((s, e, t, m))
            taken[s:e] = [True] * (e - s)
        if names:  # the segment's names replace the known spans in it ("Commuter Daniel ...")
            taken[seg.start : seg.end] = [True] * (seg.end - seg.start)
    out += [(k.start, k.end, k.type, k.label) for k in known if not taken[k.start]]
    return coordinated(words, sorted(set(out)), runs) if runs else sorted(set(out))
