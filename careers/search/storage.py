"""The index's compact storage: lists of ints in flat arrays, and distinct strings in one string, scanned in C.

Kept apart from the index itself (careers/search/index.py), which says what is stored; this says how.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator


class Postings:
    """One list of ints per key (0, 1, 2…), all in two flat arrays: a Python list per key costs ten times more."""

    __slots__ = ("offsets", "values")

    def __init__(self, lists: Iterable[Iterable[int]]) -> None:
        self.offsets = array("i", [0])
        self.values = array("i")
        for items in lists:
            self.values.extend(items)
            self.offsets.append(len(self.values))

    def __getitem__(self, key: int) -> array:
        return self.values[self.offsets[key] : self.offsets[key + 1]]

    def __len__(self) -> int:
        return len(self.offsets) - 1


class Lines:
    """Distinct strings joined by "\\n" (never in normalised text) to be scanned in C, and where each one starts;
    one string is cut out when asked for (30,000 names as separate objects would cost three times the memory)."""

    __slots__ = ("starts", "text")

    def __init__(self, strings: list[str]) -> None:
        self.text = "\n".join(strings)
        self.starts = array("i")
        offset = 0
        for string in strings:
            self.starts.append(offset)
            offset += len(string) + 1
        self.starts.append(offset)  # where a next one would start: the end of the last, plus one

    def __getitem__(self, number: int) -> str:
        return self.text[self.starts[number] : self.starts[number + 1] - 1]

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __iter__(self) -> Iterator[str]:
        return (self[number] for number in range(len(self)))

    def containing(self, needle: str, *, word_start: bool = False) -> Iterator[int]:
        """The strings holding ``needle`` (at a word start: after no letter, digit or "_"), by number."""
        text, starts = self.text, self.starts
        position = text.find(needle)
        while position != -1:
            if word_start and position and (text[position - 1].isalnum() or text[position - 1] == "_"):
                position = text.find(needle, position + 1)
                continue
            number = bisect.bisect_right(starts, position) - 1
            yield number
            # One hit per string is enough: go on from the next one.
            position = text.find(needle, starts[number + 1])
