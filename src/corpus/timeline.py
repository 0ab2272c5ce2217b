"""Resolve printed clock times to UTC instants against the page date.

A live blog prints only clock times ("1927 GMT"); the day comes from the page
date and the order of the entries. The rule:

* The blog runs one way, newest first (descending) or oldest first
  (ascending). Its kept entries follow that order, each stepping back (or
  forward) by the shortest clock distance, so crossing midnight rolls the day.
* An entry may instead be declared out of order: it is skipped in the chain,
  flagged ``is_out_of_order``, and keeps the day of the kept entry before it
  (of the first kept entry when none precedes it).
* The direction is the one most consecutive steps take, each step read the
  shorter way round the clock; on a tie, the direction whose best reading
  costs less (descending when equal).
* Within that direction the reading with the least cost wins: the minutes
  the kept chain spans plus ``OUT_OF_ORDER_COST`` for each out-of-order
  entry. Ties go to fewer out-of-order entries, then to keeping earlier ones.
* The first kept entry is on the page date.

With a cost of 12 hours an entry is declared out of order only when keeping
it would stretch the blog by more than half a day: the seed's 0715 between
0351 and 0108 is out of order, its 2344 after 0108 is the previous evening.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

DAY = 24 * 60
OUT_OF_ORDER_COST = 12 * 60
# Costs are scaled so that one more out-of-order entry breaks a tie in minutes.
SCALE = 1_000_000
FLAG_COST = OUT_OF_ORDER_COST * SCALE + 1


@dataclass(frozen=True)
class Resolved:
    published_at: datetime | None  # tz-aware, UTC; None when the page gives no time
    is_out_of_order: bool


def chain_cost(times: list[int], descending: bool) -> tuple[int, list[int], list[int]]:
    """Least cost reading in one direction: (cost, kept indices, day offsets of kept entries;
    0 for the others, which are never read)."""
    n = len(times)

    def gap(j: int, i: int) -> int:
        step = times[j] - times[i] if descending else times[i] - times[j]
        return step % DAY

    # best[i] = (cost of a reading whose last kept entry is i, predecessor index or -1), where
    # cost = min over j < i of best[j] + gap(j, i) * SCALE + FLAG_COST * (i - j - 1), or
    # FLAG_COST * i with no predecessor; ties go to the smallest j, then to none. gap(j, i)
    # depends only on the two clock times, so the minimum is taken over the best j of each clock
    # minute, kept in a segment tree: near-linear in the number of entries.
    tree = MinTree()
    best: list[tuple[int, int]] = []
    for i in range(n):
        choice = (FLAG_COST * i, -1)
        t = times[i] % DAY
        found = tree.least(t, DAY, -t) if descending else tree.least(0, t + 1, t)
        wrapped = tree.least(0, t, DAY - t) if descending else tree.least(t + 1, DAY, t + DAY)
        for candidate in (found, wrapped):
            if candidate is not None:
                cost, j = divmod(candidate, INDEX_BASE)
                cost += FLAG_COST * (i - 1)
                if cost < choice[0] or (cost == choice[0] and choice[1] >= 0 and j < choice[1]):
                    choice = (cost, j)
        best.append(choice)
        own = choice[0] - FLAG_COST * i + (t if descending else -t) * SCALE
        tree.lower(t, own * INDEX_BASE + i)
    total, last = min((best[i][0] + FLAG_COST * (n - 1 - i), i) for i in range(n))
    kept = []
    while last >= 0:
        kept.append(last)
        last = best[last][1]
    kept.reverse()
    # Day offsets relative to the first kept entry, following the chain.
    offsets = [0] * n
    absolute = times[kept[0]]
    offsets[kept[0]] = 0
    for j, i in zip(kept, kept[1:]):
        absolute += -gap(j, i) if descending else gap(j, i)
        offsets[i] = (absolute - times[i]) // DAY
    return total, kept, offsets


INDEX_BASE = 1 << 32  # a tree value is cost * INDEX_BASE + entry index: ties go to smaller ones
LEAVES = 2048  # a power of two above the minutes of a day


class MinTree:
    """The least value per clock minute, and the least over a range of minutes shifted by an amount
    of minutes (scaled) that is the same for the whole range."""

    def __init__(self) -> None:
        self.values: list[int | None] = [None] * (2 * LEAVES)

    def lower(self, minute: int, value: int) -> None:
        at = minute + LEAVES
        while at:
            held = self.values[at]
            if held is not None and held <= value:
                break
            self.values[at] = value
            at //= 2

    def least(self, low: int, high: int, shift: int) -> int | None:
        """The least value among minutes low <= m < high, plus shift * SCALE * INDEX_BASE."""
        found = None
        low, high = low + LEAVES, high + LEAVES
        while low < high:
            if low & 1:
                found = least_of(found, self.values[low])
                low += 1
            if high & 1:
                high -= 1
                found = least_of(found, self.values[high])
            low, high = low // 2, high // 2
        return None if found is None else found + shift * SCALE * INDEX_BASE


def least_of(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else min(a, b)


def majority_direction(times: list[int]) -> bool | None:
    """True for newest first, False for oldest first, None when the steps are split evenly."""
    vote = 0
    for a, b in zip(times, times[1:]):
        forward = (b - a) % DAY
        if forward and forward != DAY - forward:
            vote += 1 if forward > DAY - forward else -1
    return None if vote == 0 else vote > 0


def resolve(
    local_minutes: list[int], page_date: date, utc_offsets: list[int] | None = None
) -> list[Resolved]:
    """UTC times and out-of-order flags for entries in document order.

    ``local_minutes`` are minutes after midnight as printed; ``utc_offsets`` the
    printed zone's offset from UTC in minutes (0 for GMT), per entry.
    """
    if not local_minutes:
        return []
    offsets_utc = utc_offsets or [0] * len(local_minutes)
    descending = majority_direction(local_minutes)
    if descending is None:
        desc = chain_cost(local_minutes, descending=True)
        asc = chain_cost(local_minutes, descending=False)
        _, kept, day_offsets = desc if desc[0] <= asc[0] else asc
    else:
        _, kept, day_offsets = chain_cost(local_minutes, descending)
    kept_set = set(kept)
    resolved = []
    current_day = day_offsets[kept[0]]
    for i, minutes in enumerate(local_minutes):
        if i in kept_set:
            current_day = day_offsets[i]
        local = datetime.combine(page_date, datetime.min.time()) + timedelta(
            days=current_day, minutes=minutes
        )
        at = (local - timedelta(minutes=offsets_utc[i])).replace(tzinfo=UTC)
        resolved.append(Resolved(at, i not in kept_set))
    return resolved


WINDOW_MARGIN = timedelta(days=2, hours=12)  # from the midday of the first and last dated day


def within_window(published_at, first_noon, last_noon):
    """Whether an entry's time lies within the days its page dates its updates to (from the
    midday of the start date to that of the blog date), give or take two and a half days: the
    evidence-based window that replaces a fixed two days around the blog date. Works on scalars
    and element-wise on pandas Series alike."""
    return (published_at >= first_noon - WINDOW_MARGIN) & (
        published_at <= last_noon + WINDOW_MARGIN
    )
