"""Finding whole words in a text quickly: where a blog repeats a name it has typed (`whole_words`,
as a regex of the words between word bounds finds them, with str.find instead of the regex engine).
"""

from __future__ import annotations


def whole_words(words: list[str], text: str) -> list[tuple[int, str]]:
    """(start, word) of each occurrence of any of the words, whole, as `\\b(?:w1|w2|...)\\b`
    finds them: leftmost first, the earlier word of the list where several start at one place,
    none overlapping."""
    starts = sorted((start, rank) for rank, w in enumerate(words) for start in word_starts(w, text))
    found, end = [], 0
    for start, rank in starts:
        if start >= end:
            found.append((start, words[rank]))
            end = start + len(words[rank])
    return found


def is_word_char(char: str) -> bool:
    """Whether `\\w` matches the character (in a str pattern: alphanumeric or the underscore)."""
    return char.isalnum() or char == "_"


def word_starts(word: str, text: str) -> list[int]:
    """Where the word occurs whole in text, as `\\b` bounds it (occurrences may overlap): found
    with str.find, far quicker than a pattern per word, which the regex engine cannot search for
    as text."""
    starts, size = [], len(word)
    first, last = is_word_char(word[0]), is_word_char(word[-1])
    i = text.find(word)
    while i >= 0:
        # \b holds where a word character meets a non-word one; beyond the text counts as non-word.
        if (i > 0 and is_word_char(text[i - 1])) != first and (
            i + size < len(text) and is_word_char(text[i + size])
        ) != last:
            starts.append(i)
        i = text.find(word, i + 1)
    return starts
