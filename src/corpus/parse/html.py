"""Reader for live blogs saved as web pages (HTML), from any outlet.

Two sources are read and compared:

* the visible page: the update stream is the set of sibling elements (same tag, same parent)
  that carry time stamps ('12.50 BST', '21:06 (IST)', '9.05pm', '04:24', or a <time>), chosen
  where their text per stamp is largest, which sets it apart from 'key events' lists and
  pinned copies; inside each update, stamps, the headline, the body and named noise
  ('Updated at ...', share buttons, bylines) are told apart;
* schema.org LiveBlogPosting JSON-LD (``liveBlogUpdate`` items), read with extruct.

The JSON-LD is used when it is sound (every update has text and a full ISO time, the times
are not all the page's own, and each visible stamp has a JSON-LD update at that clock time):
all its updates when it holds more than the page shows, its times for the visible updates when
it holds as many. Otherwise the visible page alone is read, with machine-readable times
(<time datetime>, microdata datePublished) where an update carries them and agrees with its
printed stamp.

Accounting: every non-blank visible text node of <body> is given a role (header, entry
field, or a named kind of boilerplate; text outside the stream is 'page').
"""
from __future__ import annotations

import html as html_lib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

import lxml.html
from lxml import etree

from corpus.errors import InputError
from corpus.parse import clock
from corpus.parse.model import BOILERPLATE_ROLE, LineRole, ParsedBlog, ParsedEntry

INVISIBLE_TAGS = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "select"}
BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption",
              "figure", "section", "article", "header", "footer", "table", "tr", "td", "th", "pre", "dd", "dt",
              "aside", "nav", "main"}
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
HEADLINE_CLASS = re.compile(r"(?:^|[\s_-])(?:title|ttl|head|headline|heading)(?:$|[\s_-])", re.IGNORECASE)
BYLINE_CLASS = re.compile(r"author|byline|contributor|avatar", re.IGNORECASE)
CHROME_TAGS = {"footer", "nav", "button", "form", "aside"}
SHARE_WORDS = {"share", "link", "facebook", "twitter", "x", "whatsapp", "linkedin", "email", "e-mail", "copy",
               "copied", "tweet", "reddit", "pinterest", "messenger", "telegram", "on", "this", "post"}
UPDATED_LINE = re.compile(r"^(?:last\s+)?updated\b", re.IGNORECASE)
READ_MORE = re.compile(r"^(?:read\s+more|see\s+more|show\s+more|load\s+more)\b", re.IGNORECASE)
TIME_ATTRIBUTES = ("datetime", "data-datetime", "data-time", "data-timestamp", "data-published")
EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
FLAT_SHARE = 0.25  # text between stamp elements, as a share of theirs, that marks a flat layout
PAGE_KINDS = (("pinned", "pinned-post"), ("key-event", "key-events"), ("keyevent", "key-events"),
              ("key_event", "key-events"))
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


@dataclass
class Segment:
    """One non-blank visible text node: the element it is text or tail of, its owner (the element
    holding it: the same, or the parent for a tail), its line and raw text."""

    source: etree._Element
    owner: etree._Element
    line: int
    raw: str
    is_tail: bool = False

    @property
    def text(self) -> str:
        return self.raw.strip()


@dataclass
class Block:
    """One visible update: its elements (one when wrapped; the stamp and what follows when flat),
    stamps, and its text split by role."""

    elements: list[etree._Element]
    label: str | None = None
    minutes: int | None = None
    zone: str | None = None
    instant: datetime | None = None
    has_seconds: bool = False
    day: date | None = None
    headline: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    roles: list[tuple[Segment, str, str]] = field(default_factory=list)  # (segment, role, kind)

    @property
    def element(self) -> etree._Element:
        return self.elements[0]

    @property
    def line(self) -> int:
        return self.element.sourceline or 1


@dataclass(frozen=True)
class JsonLdUpdate:
    headline: str | None
    body: str
    instant: datetime
    has_seconds: bool
    raw_time: str


def load(path: str, content: str) -> etree._Element:
    try:
        root = lxml.html.document_fromstring(content)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(path, f"not parseable as HTML ({exc})") from None
    return root


def body_of(root: etree._Element) -> etree._Element:
    body = root.find("body")
    return body if body is not None else root


def visible_segments(root: etree._Element) -> list[Segment]:
    """Every non-blank text node a browser would show, in document order."""
    out: list[Segment] = []
    walker = etree.iterwalk(body_of(root), events=("start", "end"))
    for event, el in walker:
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if event == "start":
            if tag is None or tag in INVISIBLE_TAGS:
                walker.skip_subtree()
            elif el.text and el.text.strip():
                out.append(Segment(el, el, el.sourceline or 1, el.text))
        elif el.tail and el.tail.strip() and el.getparent() is not None:
            out.append(Segment(el, el.getparent(), el.sourceline or 1, el.tail, is_tail=True))
    return out


def units(content: str, path: str = "") -> list[tuple[int, str]]:
    """The text units a reader must account for: (line, text) of every visible text node."""
    return [(s.line, s.text) for s in visible_segments(load(path, content))]


def normalise(text: str) -> str:
    return " ".join(text.split())


def classes(el: etree._Element) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


def element_text(el: etree._Element) -> str:
    return normalise(" ".join(t for t in el.itertext() if isinstance(t, str)))


# --- the stream -------------------------------------------------------------------------------

def machine_time(el: etree._Element) -> tuple[datetime | None, bool, datetime | None, str]:
    """A time stated in an element's attributes: (tz-aware instant, has seconds, naive local time, value)."""
    values = [el.get(a) for a in TIME_ATTRIBUTES]
    if el.get("itemprop") == "datePublished":
        values.append(el.get("content"))
    if el.tag in ("abbr", "span", "time"):
        values.append(el.get("title"))
    for value in (html_lib.unescape(v).strip() for v in values if v and v.strip()):
        if EPOCH.match(value):
            seconds = int(value) / (1000 if len(value) == 13 else 1)
            return datetime.fromtimestamp(seconds, tz=timezone.utc), True, None, value
        parsed = clock.parse_instant(value)
        if parsed:
            return parsed[0], parsed[1], None, value
        naive = clock.parse_naive(value)
        if naive is not None and "T" in value:
            return None, False, naive, value
    return None, False, None, ""


def is_stamp(el: etree._Element) -> bool:
    """A <time>, an element with a time in its attributes, or a childless element that is a clock stamp."""
    if el.tag == "time":
        return True
    if len(el) == 0 and el.text and len(el.text) < 40 and clock.find_stamp(el.text, whole=True):
        return True
    instant, _, naive, _ = machine_time(el)
    return instant is not None or naive is not None


def stamp_elements(body: etree._Element) -> list[etree._Element]:
    found = []
    walker = etree.iterwalk(body, events=("start",))
    for _, el in walker:
        if not isinstance(el.tag, str) or el.tag.lower() in INVISIBLE_TAGS:
            walker.skip_subtree()
        elif is_stamp(el):
            found.append(el)
    return found


def find_stream(body: etree._Element, segments: list[Segment]) -> tuple[list[list[etree._Element]], bool]:
    """The updates, each a list of elements, and whether the layout is flat.

    Candidates are same-tag siblings carrying stamps. Wrapped layouts put each update in one
    such element; flat layouts print a stamp element and then the update's paragraphs as
    further siblings, up to the next stamp element. The group with the most text per stamp wins.
    """
    text_len: Counter = Counter()
    tail_len: Counter = Counter()
    for seg in segments:
        if seg.is_tail:
            tail_len[seg.source] += len(seg.text)
        for el in (seg.owner, *seg.owner.iterancestors()):
            text_len[el] += len(seg.text)
    stamps: Counter = Counter()
    for el in stamp_elements(body):
        for anc in (el, *el.iterancestors()):
            stamps[anc] += 1
    groups: dict[tuple, list[etree._Element]] = {}
    for el in stamps:
        parent = el.getparent()
        if parent is not None and text_len[el] + tail_len[el] > 0:
            groups.setdefault((parent, el.tag), []).append(el)
    if not groups:
        return [], False

    def layout(parent: etree._Element, members: list[etree._Element]) -> tuple[list[list], bool]:
        member_set, extents = set(members), []
        for child in parent:
            if child in member_set:
                extents.append([child])
            elif extents:
                extents[-1].append(child)
        between = sum(text_len[e] + tail_len[e] for ext in extents for e in ext[1:])
        between += sum(tail_len[m] for m in members)
        flat = between > FLAT_SHARE * sum(text_len[m] for m in members)
        return (extents if flat else [[m] for m in members if m in member_set]), flat

    def score(item) -> tuple[bool, float]:
        (parent, _), members = item
        extents, flat = layout(parent, members)
        texts = [sum(text_len[e] + (tail_len[e] if flat else 0) for e in ext) for ext in extents]
        return len(extents) >= 2, sum(t / max(1, sum(stamps[e] for e in ext)) for t, ext in zip(texts, extents))

    (parent, _), members = max(groups.items(), key=score)
    return layout(parent, members)


# --- one update -------------------------------------------------------------------------------

def chain_within(el: etree._Element, roots: set) -> list[etree._Element]:
    """el and its ancestors up to the update's root element; [] for text hanging in the stream's parent."""
    chain = []
    while el is not None:
        chain.append(el)
        if el in roots:
            return chain
        el = el.getparent()
    return []


def is_share_text(text: str) -> bool:
    words = re.findall(r"[\w-]+", text.lower())
    return bool(words) and all(w in SHARE_WORDS for w in words)


def read_block(block: Block, segments: list[Segment], page_zone: str | None) -> None:
    """Split one update's text into stamps, headline, body and noise, and read its time."""
    roots = set(block.elements)
    nodes = [n for top in block.elements for n in top.iter() if isinstance(n.tag, str)]
    times = [t for t in nodes if t.tag == "time"]
    stamp_leaves = [s for s in nodes if len(s) == 0 and s.text and len(s.text) < 40
                    and clock.find_stamp(s.text, whole=True)]
    holders = [n for n in nodes if machine_time(n)[3]]
    stamp_nodes = set(times) | set(stamp_leaves) | {h for h in holders if h not in roots}
    headline_el = next((h for h in nodes if h is not block.element
                        and (h.tag in HEADING_TAGS or HEADLINE_CLASS.search(h.get("class", "")))
                        and not (set(h.iterancestors()) & stamp_nodes) and element_text(h)), None)
    paragraphs: dict[etree._Element, list[str]] = {}
    for seg in segments:
        chain = chain_within(seg.owner, roots)
        tags = {c.tag for c in chain}
        if set(chain) & stamp_nodes:
            role, kind = "time_label", ""
        elif headline_el is not None and headline_el in chain:
            role, kind = "headline", ""
        elif UPDATED_LINE.match(seg.text):
            role, kind = BOILERPLATE_ROLE, "updated-at"
        elif any(BYLINE_CLASS.search(classes(c)) for c in chain[:-1]) or "header" in tags:
            role, kind = BOILERPLATE_ROLE, "byline"
        elif tags & CHROME_TAGS or is_share_text(seg.text):
            role, kind = BOILERPLATE_ROLE, "share-and-tools"
        elif READ_MORE.match(seg.text):
            role, kind = BOILERPLATE_ROLE, "read-more"
        else:
            role, kind = "body", ""
            holder = next((c for c in chain if c.tag in BLOCK_TAGS), chain[-1] if chain else seg.owner)
            paragraphs.setdefault(holder, []).append(seg.raw)
        block.roles.append((seg, role, kind))
    block.paragraphs = [p for p in (normalise("".join(parts)) for parts in paragraphs.values()) if p]
    block.headline = element_text(headline_el) if headline_el is not None else None
    read_block_time(block, stamp_leaves, times, holders, page_zone)


def read_block_time(block: Block, stamp_leaves: list, times: list, holders: list, page_zone: str | None) -> None:
    """The printed stamp, the day when the update prints one, and a stated instant that agrees."""
    stamp = next((clock.find_stamp(s.text, whole=True) for s in stamp_leaves), None)
    if stamp is None:
        stamp = next((s for s in (clock.find_stamp(element_text(t)) for t in times) if s), None)
    stated = [machine_time(h) for h in holders]
    for _, _, naive, _ in stated:
        if naive is not None:
            block.day = block.day or naive.date()
            if stamp is None:
                stamp = clock.Stamp(f"{naive:%H:%M}", naive.hour * 60 + naive.minute, None)
    for t in times:
        if block.day is None:
            block.day = clock.find_date(" ".join(x for x in t.itertext() if isinstance(x, str)))
    if stamp is not None:
        block.label, block.minutes, block.zone = stamp.label, stamp.minutes, stamp.zone or page_zone
    for instant, has_seconds, _, value in stated:
        if instant is not None and agrees(instant, block):
            block.instant, block.has_seconds = instant, has_seconds
            if block.label is None:
                block.label = value
                block.minutes = clock.local_minutes(instant)
                block.zone = None
            break


def agrees(instant: datetime, block: Block) -> bool:
    """A machine-readable time fits the printed stamp (same minute in the stamp's zone)."""
    if block.minutes is None:
        return True
    offset = clock.zone_offset(block.zone, instant.date())
    if offset is None:
        return clock.local_minutes(instant) == block.minutes
    return (clock.local_minutes(instant.astimezone(timezone.utc)) + offset) % clock.DAY == block.minutes


# --- JSON-LD ----------------------------------------------------------------------------------

def jsonld_items(root: etree._Element) -> list[dict]:
    from extruct.jsonld import JsonLdExtractor

    try:
        items = JsonLdExtractor().extract_items(root, base_url=None)
    except Exception:  # noqa: BLE001 - malformed JSON-LD is common; the visible page is read instead
        return []
    out: list[dict] = []

    def collect(node):
        if isinstance(node, dict):
            out.append(node)
            for value in node.get("@graph", []) if isinstance(node.get("@graph"), list) else []:
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(list(items))
    return out


def has_type(item: dict, *names: str) -> bool:
    kinds = item.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(k in names for k in kinds)


def fragment_paragraphs(markup: str) -> list[str]:
    """Paragraph texts of an HTML fragment (or plain text with newlines)."""
    if not markup.strip():
        return []
    root = lxml.html.fragment_fromstring(f"<div>{markup}</div>")
    parts: dict[etree._Element, list[str]] = {}
    for seg in visible_segments(root):
        parts.setdefault(seg.owner if seg.owner.tag in BLOCK_TAGS else next(
            (a for a in seg.owner.iterancestors() if a.tag in BLOCK_TAGS), root), []).append(seg.raw)
    paragraphs = []
    for texts in parts.values():
        paragraphs += [normalise(p) for p in "".join(texts).split("\n") if p.strip()]
    return paragraphs


def jsonld_updates(item: dict) -> list[JsonLdUpdate] | None:
    """The updates of a LiveBlogPosting, or None when any lacks text or a full ISO time."""
    raw_updates = item.get("liveBlogUpdate") or []
    raw_updates = raw_updates if isinstance(raw_updates, list) else [raw_updates]
    updates = []
    for u in raw_updates:
        if not isinstance(u, dict):
            return None
        raw_time = html_lib.unescape(str(u.get("datePublished") or ""))
        parsed = clock.parse_instant(raw_time)
        headline = normalise(html_lib.unescape(str(u.get("headline") or ""))) or None
        body = "\n\n".join(fragment_paragraphs(str(u.get("articleBody") or "")))
        if parsed is None or not (body or headline):
            return None
        updates.append(JsonLdUpdate(headline, body, parsed[0], parsed[1], raw_time))
    return updates


def jsonld_is_sound(updates: list[JsonLdUpdate] | None, blocks: list[Block]) -> bool:
    """Usable: has updates, not all stamped with one time, and covering every visible stamp."""
    if not updates or (len(updates) > 1 and len({u.instant for u in updates}) == 1):
        return False
    available = Counter(clock.local_minutes(u.instant) for u in updates)
    available_utc = Counter(clock.local_minutes(u.instant.astimezone(timezone.utc)) for u in updates)
    for b in blocks:
        if b.minutes is None:
            continue
        offset = clock.zone_offset(b.zone, updates[0].instant.date())
        if available[b.minutes] > 0:
            available[b.minutes] -= 1
        elif offset is not None and available_utc[(b.minutes - offset) % clock.DAY] > 0:
            available_utc[(b.minutes - offset) % clock.DAY] -= 1
        else:
            return False
    return True


# --- the page ---------------------------------------------------------------------------------

def page_kind(el: etree._Element) -> str:
    for anc in (el, *el.iterancestors()):
        marks = f"{classes(anc)} {anc.get('data-gu-marker', '')} {anc.get('data-component', '')}".lower()
        for needle, kind in PAGE_KINDS:
            if needle in marks:
                return kind
    return "page"


def page_zone(segments: list[Segment]) -> str | None:
    """The zone the page prints its times in: the commonest zone label beside a stamp."""
    zones = Counter(s.zone for s in (clock.find_stamp(seg.text) for seg in segments) if s and s.zone)
    return zones.most_common(1)[0][0] if zones else None


def meta(root: etree._Element, *names: str) -> str | None:
    for name in names:
        for el in root.iter("meta"):
            if name in (el.get("property"), el.get("name"), el.get("itemprop")) and (el.get("content") or "").strip():
                return normalise(html_lib.unescape(el.get("content")))
    return None


def page_date(root: etree._Element, article: dict | None, segments: list[Segment], stream: list,
              blocks: list[Block]) -> date | None:
    """The page's date: JSON-LD datePublished (in its own offset), a published-time meta tag, the
    first date written out in the text around the stream, else the first update's own date."""
    stated = clock.parse_instant(html_lib.unescape(str((article or {}).get("datePublished") or "")))
    if stated:
        return stated[0].date()
    published = clock.parse_instant(meta(root, "article:published_time", "datePublished") or "")
    if published:
        return published[0].date()
    in_stream = set(stream)
    for seg in segments:
        if not in_stream & {seg.owner, *seg.owner.iterancestors()}:
            found = clock.find_date(element_text(seg.owner))
            if found:
                return found
    return next((b.day or (b.instant.date() if b.instant else None) for b in blocks if b.day or b.instant), None)


def parse(path: str, content: str) -> ParsedBlog:
    """Parse one live-blog web page."""
    root = load(path, content)
    body = body_of(root)
    segments = visible_segments(root)
    items = jsonld_items(root)
    posting = next((i for i in items if has_type(i, "LiveBlogPosting")), None)
    article = posting or next((i for i in items if has_type(i, "NewsArticle", "Article", "BlogPosting",
                                                          "ReportageNewsArticle")), None)
    zone = page_zone(segments)
    extents, flat = find_stream(body, segments)
    blocks = [Block(ext) for ext in extents]
    inner: dict[etree._Element, Block] = {}
    for b in blocks:
        for top in b.elements:
            for node in top.iter():
                inner[node] = b
    tops = {top: b for b in blocks for top in b.elements} if flat else {}
    per_block: dict[int, list[Segment]] = {id(b): [] for b in blocks}
    outside: list[Segment] = []
    for seg in segments:
        holder = tops.get(seg.source) if seg.is_tail and seg.source in tops else inner.get(seg.owner)
        (per_block[id(holder)] if holder is not None else outside).append(seg)
    for b in blocks:
        read_block(b, per_block[id(b)], zone)
    stream = [top for b in blocks for top in b.elements]

    day = page_date(root, article, segments, stream, blocks)
    if day is None:
        raise InputError(path, "no page date (no JSON-LD datePublished, no published-time meta, no date in the text)")
    updates = jsonld_updates(posting) if posting else None
    use_jsonld = jsonld_is_sound(updates, blocks) and len(updates) >= len(blocks)
    offset = clock.zone_offset(zone, day)

    entries, dropped = [], set()
    if use_jsonld and len(updates) > len(blocks):
        script_line = next((s.sourceline for s in root.iter("script")
                            if "liveblogupdate" in (s.text or "").lower()), 1) or 1
        labels = Counter((b.minutes, b.label) for b in blocks if b.label)
        for u in updates:
            label = next((lab for (m, lab), n in labels.items() if n and m == clock.local_minutes(u.instant)), None)
            entries.append(entry_from_update(u, script_line, label))
    else:
        seen: dict[tuple, int] = {}
        for i, b in enumerate(blocks):
            if use_jsonld and b.instant is None and clock.local_minutes(updates[i].instant) == b.minutes:
                b.instant, b.has_seconds = updates[i].instant, updates[i].has_seconds
            entry = entry_from_block(path, b, day, offset)
            key = (entry.time_label, entry.headline, entry.body)
            if entry.body and key not in seen:
                seen[key] = b.line
                entries.append(entry)
            else:
                dropped.add(b.element)
    if not entries:
        raise InputError(path, "no timestamped updates found (no stamps like '12.50 BST' or '21:06' beside "
                               "update text, and no usable LiveBlogPosting JSON-LD)")

    title_el = next((h for h in body.iter("h1") if h not in inner and element_text(h)), None)
    title = (normalise(html_lib.unescape(str((article or {}).get("headline") or ""))) or meta(root, "og:title")
             or (element_text(title_el) if title_el is not None else None)
             or normalise(root.findtext(".//title") or "") or "untitled")
    lines = []
    for seg in outside:
        in_title = title_el is not None and title_el in (seg.owner, *seg.owner.iterancestors())
        lines.append(LineRole(seg.line, seg.text, "title") if in_title
                     else LineRole(seg.line, seg.text, BOILERPLATE_ROLE, page_kind(seg.owner)))
    for b in blocks:
        for seg, role, kind in b.roles:
            if b.element in dropped:
                role, kind = BOILERPLATE_ROLE, "duplicate-or-empty-update"
            lines.append(LineRole(seg.line, seg.text, role, kind))
    return ParsedBlog(title=title, subtitle=meta(root, "og:description", "description"), blog_date=day,
                      entries=tuple(entries), lines=tuple(lines), language=page_language(root, items),
                      url=page_url(root, article))


def split_headline(headline: str | None, paragraphs: list[str]) -> tuple[str | None, str]:
    """A headline-only update keeps its text as the body."""
    if not paragraphs and headline:
        return None, headline
    return headline, "\n\n".join(paragraphs)


def entry_from_block(path: str, b: Block, day: date, page_offset: int | None) -> ParsedEntry:
    headline, body = split_headline(b.headline, b.paragraphs)
    if b.minutes is None:
        raise InputError(path, "update without a readable time stamp", line=b.line)
    offset = clock.zone_offset(b.zone, b.day or day)
    offset = offset if offset is not None else (page_offset or 0)
    instant = b.instant
    if instant is None and b.day is not None:
        instant = clock.to_utc(b.day, b.minutes, offset)
    if instant is not None:
        instant = instant.astimezone(timezone.utc)
        if b.zone is None:  # the printed clock and the stated instant give the offset
            offset = (b.minutes - clock.local_minutes(instant) + 12 * 60) % clock.DAY - 12 * 60
    return ParsedEntry(line=b.line, time_label=b.label, local_minutes=b.minutes, utc_offset_minutes=offset,
                       time_precision="second" if b.instant is not None and b.has_seconds else "minute",
                       headline=headline, body=body, instant=instant)


def entry_from_update(u: JsonLdUpdate, line: int, label: str | None) -> ParsedEntry:
    headline, body = split_headline(u.headline, [p for p in u.body.split("\n\n") if p])
    offset = int(u.instant.utcoffset().total_seconds() // 60)
    return ParsedEntry(line=line, time_label=label or u.raw_time, local_minutes=clock.local_minutes(u.instant),
                       utc_offset_minutes=offset, time_precision="second" if u.has_seconds else "minute",
                       headline=headline, body=body, instant=u.instant.astimezone(timezone.utc))


def page_language(root: etree._Element, items: list[dict]) -> str | None:
    """The page's language tag from <html lang>, JSON-LD inLanguage (a tag or a name) or og:locale."""
    declared = [i.get("inLanguage") for i in items if isinstance(i.get("inLanguage"), str)]
    for value in (root.get("lang"), *declared, meta(root, "og:locale")):
        tag = str(value or "").replace("_", "-").strip()
        if LANGUAGE_TAG.match(tag):
            return tag
        if tag:
            import pycountry

            try:
                language = pycountry.languages.lookup(tag)
            except LookupError:
                continue
            return getattr(language, "alpha_2", None) or language.alpha_3
    return None


def page_url(root: etree._Element, article: dict | None) -> str | None:
    canonical = next((link.get("href") for link in root.iter("link") if link.get("rel") == "canonical"), None)
    return canonical or meta(root, "og:url") or ((article or {}).get("url") if isinstance(
        (article or {}).get("url"), str) else None)
