"""Invented strings, for checking a faster pattern or quick test against the plain form it
replaced."""

import random


def invented(pieces, seed, n, shortest, longest):
    """n strings, each joined from shortest to longest pieces chosen at random (Random(seed))."""
    rng = random.Random(seed)
    return [
        "".join(rng.choice(pieces) for _ in range(rng.randint(shortest, longest))) for _ in range(n)
    ]
