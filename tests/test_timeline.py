from datetime import date, datetime, timedelta, timezone

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from corpus.timeline import OUT_OF_ORDER_COST, resolve

UTC = timezone.utc


def hm(label: str) -> int:
    return int(label[:2]) * 60 + int(label[2:])


def test_seed_sequence():
    labels = ["1927", "1806", "1803", "1743", "1736", "0922", "0501", "0351", "0715", "0108", "2344", "2000"]
    got = resolve([hm(x) for x in labels], date(2024, 1, 4))
    assert [r.published_at.strftime("%Y-%m-%d %H%M") for r in got] == [
        "2024-01-04 1927", "2024-01-04 1806", "2024-01-04 1803", "2024-01-04 1743", "2024-01-04 1736",
        "2024-01-04 0922", "2024-01-04 0501", "2024-01-04 0351", "2024-01-04 0715", "2024-01-04 0108",
        "2024-01-03 2344", "2024-01-03 2000"]
    assert [r.is_out_of_order for r in got] == [False] * 8 + [True] + [False] * 3


def test_ascending_blog_rolls_forward_past_midnight():
    got = resolve([hm("2200"), hm("2330"), hm("0015"), hm("0140")], date(2024, 5, 1))
    assert [r.published_at.isoformat() for r in got] == [
        "2024-05-01T22:00:00+00:00", "2024-05-01T23:30:00+00:00",
        "2024-05-02T00:15:00+00:00", "2024-05-02T01:40:00+00:00"]
    assert not any(r.is_out_of_order for r in got)


def test_utc_offset_is_applied():
    [r] = resolve([hm("0930")], date(2024, 7, 18), utc_offsets=[60])  # BST
    assert r.published_at == datetime(2024, 7, 18, 8, 30, tzinfo=UTC)


def test_first_entry_out_of_order_takes_next_kept_day():
    got = resolve([hm("1000"), hm("1800"), hm("1700"), hm("1600")], date(2024, 2, 2))
    assert [r.is_out_of_order for r in got] == [True, False, False, False]
    assert [r.published_at.hour for r in got] == [10, 18, 17, 16]
    assert {r.published_at.date() for r in got} == {date(2024, 2, 2)}


def test_overnight_gap_rolls_the_day_rather_than_flagging():
    got = resolve([hm("0300"), hm("1800"), hm("1700")], date(2024, 2, 2))
    assert [r.published_at.isoformat()[:16] for r in got] == ["2024-02-02T03:00", "2024-02-01T18:00",
                                                              "2024-02-01T17:00"]
    assert not any(r.is_out_of_order for r in got)


def test_empty():
    assert resolve([], date(2024, 1, 1)) == []


# A truth: a page date and instants in one direction, consecutive gaps well under the penalty.
gaps = st.lists(st.integers(min_value=0, max_value=OUT_OF_ORDER_COST - 120), min_size=0, max_size=40)


def render(instants):
    return [t.hour * 60 + t.minute for t in instants]


@settings(max_examples=300)
@given(start=st.integers(0, 24 * 60 - 1), gaps=gaps, descending=st.booleans())
def test_ordered_blogs_resolve_exactly(start, gaps, descending):
    page = date(2024, 3, 10)
    first = datetime(2024, 3, 10, tzinfo=UTC) + timedelta(minutes=start)
    step = -1 if descending else 1
    instants = [first]
    for g in gaps:
        instants.append(instants[-1] + timedelta(minutes=step * g))
    assume(len(set(render(instants))) > 1 or len(instants) == 1 or descending)
    got = resolve(render(instants), page)
    assert [r.published_at for r in got] == instants
    assert not any(r.is_out_of_order for r in got)


@settings(max_examples=300)
@given(data=st.data())
def test_displaced_entries_are_flagged_and_keep_their_day(data):
    """Entries moved at least three places from where they belong (within one day) are flagged."""
    n = data.draw(st.integers(8, 30))
    start = data.draw(st.integers(0, 120))
    steps = data.draw(st.lists(st.integers(1, 1300 // n), min_size=n - 1, max_size=n - 1))
    minutes = [start + sum(steps[:i]) for i in range(n)]  # one day, gaps well under the penalty
    descending = data.draw(st.booleans())
    truth = minutes[::-1] if descending else minutes
    movers = data.draw(st.lists(st.integers(1, n - 2), min_size=1, max_size=max(1, n // 6), unique=True))
    kept = [t for i, t in enumerate(truth) if i not in movers]
    slots: dict[int, int] = {}  # k: a mover placed between kept[k - 1] and kept[k]
    for i in sorted(movers):
        home = sum(1 for k in kept if (k > truth[i] if descending else k < truth[i]))
        choices = [k for k in range(1, len(kept)) if abs(k - home) >= 3 and k not in slots]
        assume(choices)
        slots[data.draw(st.sampled_from(choices))] = truth[i]
    doc = []
    for k, t in enumerate(kept):
        if k in slots:
            doc.append(slots[k])
        doc.append(t)
    flagged = set(slots.values())
    got = resolve(doc, date(2024, 3, 10))
    assert [r.is_out_of_order for r in got] == [t in flagged for t in doc]
    assert [r.published_at for r in got] == [datetime(2024, 3, 10, tzinfo=UTC) + timedelta(minutes=t) for t in doc]


def test_entry_times_keep_stated_instants_and_leave_untimed_entries_null():
    from corpus.parse.model import ParsedBlog, ParsedEntry
    from corpus.tables import entry_times

    def entry(minutes, instant=None):
        return ParsedEntry(line=1, time_label=None if minutes is None else "x", local_minutes=minutes,
                           utc_offset_minutes=60, time_precision="minute", headline=None, body="b",
                           instant=instant)

    stated = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
    blog = ParsedBlog(title="t", subtitle=None, blog_date=date(2024, 5, 1), lines=(),
                      entries=(entry(hm("1200")), entry(None), entry(hm("1000"), stated), entry(hm("0030"))))
    got = entry_times(blog)
    assert [r.published_at for r in got] == [datetime(2024, 5, 1, 11, tzinfo=UTC), None, stated,
                                             datetime(2024, 4, 30, 23, 30, tzinfo=UTC)]
    assert not any(r.is_out_of_order for r in got)
