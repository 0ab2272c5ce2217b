"""The single declaration of every table and column in the dataset.

The Arrow schemas, the validation suites, the data package and the codebook
are all generated from the declarations below; nothing else names a column.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import pyarrow as pa

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
LANGUAGE_PATTERN = r"^(?:[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*|und)$"


@dataclass(frozen=True)
class Column:
    """One column: its Arrow type, meaning and the constraints its values obey."""

    name: str
    type: pa.DataType
    description: str
    nullable: bool = False
    unit: str | None = None
    pattern: str | None = None
    values: tuple[str, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None

    def arrow_field(self) -> pa.Field:
        metadata = {"description": self.description}
        if self.unit:
            metadata["unit"] = self.unit
        return pa.field(self.name, self.type, nullable=self.nullable, metadata=metadata)


@dataclass(frozen=True)
class ForeignKey:
    column: str
    table: str
    references: str


@dataclass(frozen=True)
class NullWhen:
    """A rule between two columns of a row: `column` is null exactly when `by` holds one of
    `values` (checked in validate/checks.py)."""

    column: str
    by: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table: its columns, primary key (also the row order) and foreign keys."""

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = field(default=())
    unique_together: tuple[tuple[str, ...], ...] = field(default=())
    min_rows: int = 1
    null_when: tuple[NullWhen, ...] = field(default=())

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @cached_property
    def arrow_fields(self) -> tuple[pa.Field, ...]:
        return tuple(c.arrow_field() for c in self.columns)

    def arrow_schema(self, metadata: dict[str, str] | None = None) -> pa.Schema:
        meta = {"table": self.name, "description": self.description, **(metadata or {})}
        return pa.schema(self.arrow_fields, metadata=meta)


# Every time_precision value, and whether an entry of that precision carries an instant
# (published_at): a value for a time the page states says True, one for an entry without a clock
# time says False. published_at is null exactly for the values saying False.
TIME_PRECISION_INSTANT = {"second": True, "minute": True, "hour": True, "day": True,
                          "match-time": False, "none": False}
TIME_PRECISIONS = tuple(TIME_PRECISION_INSTANT)
UNTIMED_PRECISIONS = tuple(p for p, timed in TIME_PRECISION_INSTANT.items() if not timed)
ENTRY_SOURCE_PATTERN = r"^(?:text|markup|json-ld|microdata|page-model|adapter:[a-z0-9-]+)$"
SOURCE_FORMATS = ("trt-text", "html", "guardian-json")

BLOGS = Table(
    name="blogs",
    description="One row per live blog page (one raw file).",
    primary_key=("blog_id",),
    columns=(
        Column("blog_id", pa.string(), "Stable identifier from the file alone: the slug of the outlet the page "
               "names (omitted when it names none), page date and a hash of the raw path.", pattern=ID_PATTERN),
        Column("outlet", pa.string(), "Publishing outlet: the raw registry's, else the one the page names "
               "(og:site_name, JSON-LD publisher); 'unknown' when neither."),
        Column("url", pa.string(), "Address the page was retrieved from (registry, else the page's canonical link); null when "
               "unknown.", nullable=True),
        Column("title", pa.string(), "Page title without the outlet's 'Live blog:' prefix."),
        Column("subtitle", pa.string(), "Standfirst printed under the title; null when absent.", nullable=True),
        Column("blog_date", pa.date32(), "Date printed on the page (the day the blog covers); for "
               "a ticker updated over several days, the day of the newest update it shows."),
        Column("start_date", pa.date32(), "Oldest day the page's own evidence (day headers, "
               "dated stamps, machine-readable instants) dates an update to; blog_date when it "
               "dates none earlier. Entries lie within two days of start_date..blog_date."),
        Column("language", pa.string(), "BCP 47 language tag from the registry, else as the page declares it; 'und' when "
               "unknown.",
               pattern=LANGUAGE_PATTERN),
        Column("source_format", pa.string(), "Raw format the page was read from.", values=SOURCE_FORMATS),
        Column("entry_source", pa.string(), "What gave the entries: text, markup (the visible page), json-ld, "
               "microdata, page-model, or adapter:<name> (parse/adapters.yaml).", pattern=ENTRY_SOURCE_PATTERN),
        Column("reading_notes", pa.string(), "How the page was read where there was a choice or a "
               "doubt, '; '-separated, doubts first and marked 'doubt:' (a zone note the "
               "machine-readable times contradict, days inferred from clock times, 'Updated' "
               "labels without a publication time); otherwise why the stream won over other "
               "candidates or the date came from the newest update. Null when read plainly.",
               nullable=True),
        Column("raw_path", pa.string(), "Path of the raw file relative to the raw folder."),
        Column("raw_sha256", pa.string(), "SHA-256 of the raw file's bytes.", pattern=SHA256_PATTERN),
        Column("n_entries", pa.int32(), "Number of entries parsed from the page.", minimum=1),
        Column("n_chars_header", pa.int64(),
               "Characters of raw text units (non-blank lines; visible text nodes of a web page) "
               "that "
               "went to the title, subtitle and date.",
               unit="characters", minimum=0),
        Column("n_chars_entries", pa.int64(),
               "Characters of raw text units that went to entry time labels, headlines and bodies.",
               unit="characters", minimum=1),
        Column("n_chars_boilerplate", pa.int64(),
               "Characters of raw text units recognised as boilerplate (credits, teasers, "
               "navigation, "
               "share buttons, pinned copies, key-event lists).",
               unit="characters", minimum=0),
    ),
)

ENTRIES = Table(
    name="entries",
    description="One row per timestamped update of a live blog.",
    primary_key=("entry_id",),
    foreign_keys=(ForeignKey("blog_id", "blogs", "blog_id"),),
    unique_together=(("blog_id", "position"),),
    null_when=(NullWhen("published_at", "time_precision", UNTIMED_PRECISIONS),),
    columns=(
        Column("entry_id", pa.string(), "Stable identifier: blog_id and the entry's position.", pattern=ID_PATTERN),
        Column("blog_id", pa.string(), "Blog the entry belongs to.", pattern=ID_PATTERN),
        Column("position", pa.int32(), "1-based position in document order.", minimum=1),
        Column("published_at", pa.timestamp("ms", tz="UTC"),
               "Publication time in UTC: the instant the page states, else the printed label "
               "resolved against the "
               "page date; null when the page gives the entry no time.", nullable=True),
        Column("time_label", pa.string(), "Time stamp as printed, e.g. '1927 GMT', '12.50 BST', '3m ago'; null when the "
               "page prints none.", nullable=True),
        Column("time_precision", pa.string(), "Finest unit the page states the time to: 'second' for an ISO or epoch "
               "time, 'hour' for a relative stamp resolved against the page's modified time, "
               "'match-time' for a match minute or over such as 45+2' or 42.3 (ordered by "
               "position, published_at null), 'none' when untimed.",
               values=TIME_PRECISIONS),
        Column("is_out_of_order", pa.bool_(),
               "True when the entry breaks the blog's chronological order and keeps its "
               "neighbours' day."),
        Column("headline", pa.string(), "Headline printed after the time label; null when the entry has none.",
               nullable=True),
        Column("body", pa.string(), "Body text, paragraphs separated by a blank line."),
        Column("n_words", pa.int32(), "Words in the body (runs of letters or digits).", unit="words", minimum=1),
        Column("raw_line", pa.int32(), "1-based line of the raw file where the entry starts.", minimum=1),
    ),
)

FIELDS = ("headline", "body")
# The publisher's expression: null in a release for a blog whose text may not be republished
# (text-free); every other column is the derived data, kept. text_free_schema() declares that.
TEXT_COLUMNS = ("headline", "body")
# What a figure counts (the annotation codebook): casualties (killed, injured, missing), people
# arrested, prisoners (and hostages, detainees), other people (evacuated, passengers, cases...),
# weapons, money, distance, duration, percent (and percentage points); everything else, including
# other measures (mass, area, volume, speed, temperature, energy, basis points), is "other".
FIGURE_CATEGORIES = ("killed", "injured", "missing", "arrested", "prisoners", "people", "weapons",
                     "money", "distance", "duration", "percent", "other")
QUALIFIERS = ("exact", "about", "more_than", "at_least", "up_to", "at_most", "less_than", "range", "vague")

def span_columns(what: str, example: str) -> tuple[Column, ...]:
    """The columns that trace a row to its characters: entries[field][start:end] == text."""
    return (
        Column("entry_id", pa.string(), f"Entry the {what} is in.", pattern=ID_PATTERN),
        Column("field", pa.string(), f"Entry field holding the {what}.", values=FIELDS),
        Column("start", pa.int32(), "Offset of the first character: entries[field][start:end] == text.",
               unit="characters", minimum=0),
        Column("end", pa.int32(), "Offset after the last character.", unit="characters", minimum=1),
        Column("text", pa.string(), f"The {what} as printed ({example})."),
    )


FIGURES = Table(
    name="figures",
    description="One row per number reported in an entry's headline or body.",
    primary_key=("figure_id",),
    foreign_keys=(ForeignKey("entry_id", "entries", "entry_id"),
                  ForeignKey("converts_figure_id", "figures", "figure_id")),
    unique_together=(("entry_id", "field", "start"),),
    min_rows=0,
    columns=(
        Column("figure_id", pa.string(), "Stable identifier: entry_id, field initial and character offset.",
               pattern=ID_PATTERN),
        *span_columns("number", "with its qualifier and unit: 'around 900 kilometres'"),
        Column("value", pa.float64(), "The number; for vague words the lowest count they imply (dozens = 12, "
               "hundreds = 100, thousands = 1,000, scores = 20, several = 3, a few/multiple/a "
               "number of = 2); "
               "qualifier 'vague' marks them.", minimum=0),
        Column("value_max", pa.float64(), "Upper end of a range ('10 to 15'); null otherwise.", nullable=True,
               minimum=0),
        Column("unit", pa.string(), "Unit: an ISO 4217 currency code (USD, GBP, UAH...), %, pp "
               "(percentage points), bp, a length, mass, area, volume, speed, temperature or "
               "energy unit "
               "(km, kg, km2, l, km/h, °C, MW...) or a time unit; null for counts.", nullable=True),
        Column("category", pa.string(), "What the number counts, from its unit, the verb and counted noun around it "
               "and its sentence (see FIGURE_CATEGORIES).",
               values=FIGURE_CATEGORIES),
        Column("is_approximate", pa.bool_(), "True for qualified ('about', 'more than'), vague and ranged numbers."),
        Column("qualifier", pa.string(), "How the text qualifies the number.", values=QUALIFIERS),
        Column("subject", pa.string(), "The counted noun phrase ('incoming missiles', 'new cases'); null when no "
               "noun follows.", nullable=True),
        Column("claimant", pa.string(), "Whom the text credits with the number ('police', 'Ilse Varden'): "
               "attribution in its sentence, its quotation's speaker, or a headline's ': Source'; "
               "null when "
               "unattributed.",
               nullable=True),
        Column("converts_figure_id", pa.string(), "For a conversion in brackets ('(550 miles)'), the figure it "
               "restates; such rows are not separate reports.", nullable=True, pattern=ID_PATTERN),
    ),
)

ENTITY_TYPES = ("PERSON", "ORG", "PLACE")
ENTITY_METHODS = ("gazetteer", "geonames", "pycountry", "title-pattern", "apposition-pattern", "speech-pattern",
                  "organisation-pattern", "surname", "head-word", "given-name", "initialism",
                  "context", "place-context", "source-context", "capitalised", "model")

ENTITIES = Table(
    name="entities",
    description="One row per mention of a person, organisation or place in an entry's headline or "
        "body.",
    primary_key=("mention_id",),
    foreign_keys=(ForeignKey("entry_id", "entries", "entry_id"),),
    unique_together=(("entry_id", "field", "start"),),
    min_rows=0,
    columns=(
        Column("mention_id", pa.string(), "Stable identifier: entry_id, 'm', field initial and character offset.",
               pattern=ID_PATTERN),
        *span_columns("mention", "'Kiev', 'Varden'"),
        Column("type", pa.string(), "Entity type.", values=ENTITY_TYPES),
        Column("canonical_name", pa.string(), "One name per entity ('Kyiv' for 'Kiev'; the full name for a "
               "surname)."),
        Column("wikidata_id", pa.string(), "Wikidata item, only where checked by hand; null otherwise.",
               nullable=True, pattern=r"^Q[1-9][0-9]*$"),
        Column("geonames_id", pa.int64(), "GeoNames id of a place; null when unknown.", nullable=True, minimum=1),
        Column("latitude", pa.float64(), "Latitude of a city (GeoNames); null otherwise.", nullable=True,
               unit="degrees", minimum=-90, maximum=90),
        Column("longitude", pa.float64(), "Longitude of a city (GeoNames); null otherwise.", nullable=True,
               unit="degrees", minimum=-180, maximum=180),
        Column("method", pa.string(), "How the mention was found: a reference list or a pattern.",
               values=ENTITY_METHODS),
    ),
)

TABLES: dict[str, Table] = {t.name: t for t in (BLOGS, ENTRIES, ENTITIES, FIGURES)}

COVERAGE = Table(
    name="coverage",
    description="One row per outlet and UTC day: the blogs and entries the corpus holds for it, "
                "and the raw files of that day the build left out. Computed from the other tables "
                "and the quarantine report once they are built.",
    primary_key=("outlet", "day"),
    columns=(
        Column("outlet", pa.string(), "Publishing outlet, as in blogs.outlet."),
        Column("day", pa.date32(), "UTC date of the entries' publication times; for a raw file "
               "left out, its blog's date."),
        Column("n_blogs", pa.int32(), "Blogs with at least one entry published that day.",
               minimum=0),
        Column("n_entries", pa.int32(), "Entries published that day.", minimum=0),
        Column("first_published_at", pa.timestamp("ms", tz="UTC"),
               "Publication time of the day's first entry; null without entries.", nullable=True),
        Column("last_published_at", pa.timestamp("ms", tz="UTC"),
               "Publication time of the day's last entry; null without entries.", nullable=True),
        Column("entries_per_hour", pa.float64(), "Entries with a time divided by the hours from the "
               "first to the last entry, counted as at least one hour; null without timed entries "
               "(entries the page prints no time for count on their blog's date).",
               nullable=True, unit="entries per hour", minimum=0),
        Column("n_quarantined", pa.int32(), "Raw files of that outlet and day left out of the "
               "tables (quarantine.json; a file left out before its date was read has no day and "
               "is not counted here).", minimum=0),
        Column("quarantine_stages", pa.string(), "Why those files were left out: the stage and "
               "count per stage, e.g. 'check: 1; duplicate: 2' (each file's reason is in "
               "quarantine.json); null when none was.", nullable=True),
    ),
)

# Tables computed from the whole corpus once its parts are built: one Parquet file each.
CORPUS_TABLES: dict[str, Table] = {COVERAGE.name: COVERAGE}
ALL_TABLES: dict[str, Table] = {**TABLES, **CORPUS_TABLES}


def text_free_schema(table: Table, metadata: dict[str, str] | None = None) -> pa.Schema:
    """A table's schema in a text-free release: its text columns nullable, the rest as declared
    (the same schema for a table without text columns)."""
    schema = table.arrow_schema(metadata)
    for name in TEXT_COLUMNS:
        index = schema.get_field_index(name)
        if index >= 0:
            schema = schema.set(index, schema.field(index).with_nullable(True))
    return schema
