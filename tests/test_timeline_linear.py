"""Time resolution is near-linear and reads every blog as the quadratic reference did."""
import random
import time

from corpus import timeline

DAY = timeline.DAY


def reference_chain_cost(times: list[int], descending: bool):
    """The straightforward quadratic reading the fast one must reproduce exactly."""
    n = len(times)

    def gap(j, i):
        return ((times[j] - times[i]) if descending else (times[i] - times[j])) % DAY

    best = []
    for i in range(n):
        choice = (timeline.FLAG_COST * i, -1)
        for j in range(i):
            cost = best[j][0] + gap(j, i) * timeline.SCALE + timeline.FLAG_COST * (i - j - 1)
            if cost < choice[0]:
                choice = (cost, j)
        best.append(choice)
    total, last = min((best[i][0] + timeline.FLAG_COST * (n - 1 - i), i) for i in range(n))
    kept = []
    while last >= 0:
        kept.append(last)
        last = best[last][1]
    return total, kept[::-1]


def test_fast_chain_matches_the_quadratic_reference():
    rng = random.Random(20)
    for trial in range(400):
        n = rng.randint(1, 40)
        if trial % 3 == 0:  # a plausible blog: steps of a few minutes, some out of order
            t, times = rng.randrange(DAY), []
            for _ in range(n):
                t = (t - rng.randint(0, 90)) % DAY if rng.random() > 0.1 else rng.randrange(DAY)
                times.append(t)
        else:
            times = [rng.choice([rng.randrange(DAY), rng.randrange(5)]) for _ in range(n)]
        for descending in (True, False):
            total, kept, _ = timeline.chain_cost(times, descending)
            assert (total, kept) == reference_chain_cost(times, descending), (times, descending)


def test_times_beyond_a_day_are_read_modulo_a_day():
    times = [1500, 60, 2900, 30]
    assert timeline.chain_cost(times, True)[:2] == reference_chain_cost(times, True)


def test_resolution_is_near_linear():
    rng = random.Random(1)
    t, times = 0, []
    for _ in range(40_000):
        t = (t - rng.randint(0, 3)) % DAY
        times.append(t)
    started = time.perf_counter()
    resolved = timeline.resolve(times, timeline.date(2024, 1, 4))
    assert len(resolved) == 40_000 and not any(r.is_out_of_order for r in resolved)
    assert time.perf_counter() - started < 30  # the quadratic reading took about 400 s
