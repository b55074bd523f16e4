"""Occupation search in any script, typos tolerated, the same on SQLite and PostgreSQL.

Every searchable name — the curated titles and synonyms in all 12 languages, and ESCO's preferred and
alternative labels — is folded (``folding.fold``: transliterated to Latin, lower case, no accents) once
into an in-memory list of (occupation id, folded name), with an index of the words of the names. A query
is folded the same way and scored two ways with rapidfuzz (difflib when rapidfuzz is missing): as a whole
against every name, and word by word (each query word against the distinct words, then the names holding
them). Each occupation keeps its best score; curated and common names get a small bonus.

The list is rebuilt when the data changes: each search compares a cheap signature (the latest import run
and row counts) with the one the list was built from, so every process sees an import made by another.
"""

from __future__ import annotations

import bisect
import difflib
import math
import threading
from dataclasses import dataclass
from typing import Any

from mizan.taxonomy.folding import fold
from mizan.taxonomy.models import Occupation, OccupationTitle, TaxonomyImport

try:
    from rapidfuzz import fuzz, process

    HAVE_RAPIDFUZZ = True
except ImportError:  # pragma: no cover - rapidfuzz is in the lock file
    HAVE_RAPIDFUZZ = False

# Below this score (0-100) a name does not match at all.
CUTOFF = 72.0
# A query word matches a word of a name from this similarity on (one typo in a 5-letter word is 80).
WORD_CUTOFF = 75.0
PREFIX_SCORE = 90.0  # "elect" -> "electrician"
INSIDE_SCORE = 80.0  # "chueom" inside "changchueom"
# Common occupations win over others of about the same score: what migrant workers usually mean.
COMMON_BONUS = 6.0
# A curated name (written as workers say it) wins over ESCO's long list of alternative labels.
CURATED_BONUS = 2.0


@dataclass(frozen=True)
class Index:
    signature: tuple[Any, ...]
    names: list[str]
    owners: list[int]  # occupation id of each name
    bonus: list[float]
    sizes: list[int]  # length of each name: names are sorted by it, so a range of lengths is a slice
    lengths: list[int]  # number of words of each name
    words: list[str]  # every distinct word of the names, sorted (a prefix is a range)
    postings: list[list[int]]  # for each word, the positions of the names that contain it
    blob: str  # "\n" + the words joined by "\n" + "\n": one C-speed substring search over all words
    starts: list[int]  # where each word starts in ``blob``

    def search(self, query: str, *, limit: int) -> list[int]:
        """Occupation ids, best first."""
        folded = fold(query)
        if len(folded.replace(" ", "")) < 2:
            return []
        scores = self._whole(folded)
        for position, score in self._by_word(folded).items():
            if score > scores.get(position, 0.0):
                scores[position] = score
        best: dict[int, float] = {}
        for position, score in scores.items():
            owner = self.owners[position]
            score += self.bonus[position]
            if score > best.get(owner, 0.0):
                best[owner] = score
        ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
        return [owner for owner, _score in ranked[:limit]]

    def _whole(self, folded: str) -> dict[int, float]:
        """Whole-name similarity: catches typos and wrongly split words ("hous maid", "weldr")."""
        # A name much shorter or longer than the query cannot reach CUTOFF: skip it by slicing.
        size = len(folded)
        low = bisect.bisect_left(self.sizes, math.ceil(size * CUTOFF / (200 - CUTOFF)))
        high = bisect.bisect_right(self.sizes, math.floor(size * (200 - CUTOFF) / CUTOFF))
        names = self.names[low:high]
        if HAVE_RAPIDFUZZ:
            found = process.extract(
                folded, names, scorer=fuzz.ratio, processor=None, limit=None, score_cutoff=CUTOFF
            )
            return {low + position: float(score) for _name, score, position in found}
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(folded)
        scores = {}
        for position, name in enumerate(names, start=low):
            matcher.set_seq1(name)
            if matcher.real_quick_ratio() * 100 >= CUTOFF and matcher.ratio() * 100 >= CUTOFF:
                scores[position] = matcher.ratio() * 100
        return scores

    def _by_word(self, folded: str) -> dict[int, float]:
        """Word-by-word similarity: every query word must be found (or nearly) in the name, in any order;
        a name with many other words scores a little lower than one that is just the query."""
        terms = [term for term in folded.split() if len(term) >= 2] or folded.split()
        per_name: dict[int, list[float]] = {}
        for number, term in enumerate(terms):
            for word, score in self._similar_words(term).items():
                for position in self.postings[word]:
                    found = per_name.get(position)
                    if found is None:
                        found = per_name[position] = [0.0] * len(terms)
                    if score > found[number]:
                        found[number] = score
        scores = {}
        for position, found in per_name.items():
            score = sum(found) / len(terms)
            if score >= CUTOFF:
                coverage = min(1.0, len(terms) / self.lengths[position])
                scores[position] = score * (0.85 + 0.15 * coverage)
        return scores

    def _similar_words(self, term: str) -> dict[int, float]:
        """Words like ``term``: misspelt (edit similarity), begun (a prefix) or contained (Thai and
        Burmese write without spaces, so a word may sit inside a longer transliterated one)."""
        similar: dict[int, float] = {}
        if HAVE_RAPIDFUZZ:
            found = process.extract(
                term, self.words, scorer=fuzz.ratio, processor=None, limit=None, score_cutoff=WORD_CUTOFF
            )
            similar = {position: float(score) for _word, score, position in found}
        else:
            for position, word in enumerate(self.words):
                ratio = difflib.SequenceMatcher(None, term, word).ratio() * 100
                if ratio >= WORD_CUTOFF:
                    similar[position] = ratio
        if len(term) >= 3:
            first = bisect.bisect_left(self.words, term)
            last = bisect.bisect_left(self.words, term + "\x7f")
            for position in range(first, last):
                similar[position] = max(similar.get(position, 0.0), PREFIX_SCORE)
        if len(term) >= 4:
            at = self.blob.find(term)
            while at != -1:
                position = bisect.bisect_right(self.starts, at) - 1
                similar[position] = max(similar.get(position, 0.0), INSIDE_SCORE)
                at = self.blob.find(
                    term, self.starts[position + 1] if position + 1 < len(self.starts) else len(self.blob)
                )
        return similar


_lock = threading.Lock()
_index: Index | None = None


def _signature() -> tuple[Any, ...]:
    latest = TaxonomyImport.objects.values_list("id", "imported_at").first()
    return (latest, Occupation.objects.count(), OccupationTitle.objects.count())


def search_index() -> Index:
    """The current index, rebuilt if the taxonomy changed since it was built."""
    global _index
    signature = _signature()
    index = _index
    if index is not None and index.signature == signature:
        return index
    with _lock:
        if _index is None or _index.signature != signature:
            _index = _build(signature)
        return _index


def _build(signature: tuple[Any, ...]) -> Index:
    names: list[str] = []
    owners: list[int] = []
    bonus: list[float] = []
    seen: set[tuple[int, str]] = set()

    def add(owner: int, name: str, extra: float) -> None:
        if name and (owner, name) not in seen:
            seen.add((owner, name))
            names.append(name)
            owners.append(owner)
            bonus.append(extra)

    common: set[int] = set()
    for owner, text in OccupationTitle.objects.values_list("occupation_id", "search_text"):
        common.add(owner)
        for line in text.splitlines():
            add(owner, line, COMMON_BONUS + CURATED_BONUS)
    for owner, is_common, label, alt_labels in Occupation.objects.values_list(
        "id", "is_common", "preferred_label", "alt_labels"
    ):
        extra = COMMON_BONUS if is_common or owner in common else 0.0
        add(owner, fold(label), extra + CURATED_BONUS)
        for alt in alt_labels.splitlines():
            add(owner, fold(alt), extra)
    order = sorted(range(len(names)), key=lambda position: len(names[position]))
    names = [names[position] for position in order]
    owners = [owners[position] for position in order]
    bonus = [bonus[position] for position in order]
    vocabulary = sorted({word for name in names for word in name.split()})
    number = {word: index for index, word in enumerate(vocabulary)}
    postings: list[list[int]] = [[] for _word in vocabulary]
    lengths: list[int] = []
    for position, name in enumerate(names):
        name_words = name.split()
        lengths.append(len(name_words))
        for word in set(name_words):
            postings[number[word]].append(position)
    starts: list[int] = []
    offset = 1
    for word in vocabulary:
        starts.append(offset)
        offset += len(word) + 1
    return Index(
        signature=signature,
        names=names,
        owners=owners,
        bonus=bonus,
        sizes=[len(name) for name in names],
        lengths=lengths,
        words=vocabulary,
        postings=postings,
        blob="\n" + "\n".join(vocabulary) + "\n",
        starts=starts,
    )
