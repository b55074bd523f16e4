"""Finding a recruiter by a name typed in any script, with typos, or by a licence number typed any way.

Names are folded to plain Latin letters (mizan.taxonomy.folding, on anyascii), then compared with
rapidfuzz. Scripts that leave out vowels when transliterated (Arabic; the inherent vowel of Devanagari
and Bengali: हिमालय → "himaly") are caught by a second comparison of consonant skeletons, where
"Himalaya" and "himaly" are both "hml".

The folded names of every agency and employer are kept in memory per process and rebuilt when the
organisations change (a count and the latest change time are checked on each search: one small query).
"""

from __future__ import annotations

import re
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
from django.db.models import Count, Max, Min
from rapidfuzz import fuzz, process

from mizan.accounts.models import Organisation
from mizan.taxonomy.folding import fold as taxonomy_fold

RECRUITER_KINDS = (Organisation.Kind.AGENCY, Organisation.Kind.EMPLOYER)
MAX_QUERY = 200  # characters; anything longer is not a name or a licence number

# Legal forms and filler words that say nothing about which organisation is meant.
STOPWORDS = frozenset(
    {
        "the", "and", "of", "demo", "pvt", "private", "ltd", "limited", "co", "company", "inc", "llc",
        "plc", "sdn", "bhd", "pt", "tbk", "wll", "corp", "corporation", "gmbh", "sa",
    }
)  # fmt: skip
_NOT_KEY = re.compile(r"[^0-9A-Z]+")
_DIGIT = re.compile(r"[0-9]")
# Sounds written differently across scripts and transliterations, brought together for the skeleton.
_DIGRAPHS = (("ph", "f"), ("bh", "b"), ("th", "t"), ("dh", "d"), ("kh", "k"), ("gh", "g"), ("sh", "s"))
_SOUNDS = str.maketrans("pfvqcxz", "bbbkkks")
# An anusvara (Devanagari, Bengali, Sinhala) folds to "m" but sounds "n" before these: लंका -> "lmka", Lanka.
_NASAL = re.compile(r"m(?=[kgtdsj])")
_VOWELS = frozenset("aeiouyw")

CUTOFF = 75.0  # the least score (0 to 100) shown as a match
PREFIX_SCORE = 90.0  # a query word that begins a word of the name
SKELETON_WEIGHT = 0.92  # a match of consonants ranks below an equally good match of the letters


def fold(text: str) -> str:
    """The taxonomy's fold (lower-case Latin words in any script), with filler words dropped."""
    words = taxonomy_fold(text).split()
    kept = [word for word in words if word not in STOPWORDS]
    return " ".join(kept or words)


def _skeleton_word(word: str) -> str:
    for pair, sound in _DIGRAPHS:
        word = word.replace(pair, sound)
    word = word.translate(_SOUNDS)
    if not word:
        return ""
    letters = [word[0]] + [letter for letter in word[1:] if letter not in _VOWELS]
    collapsed = [letters[0]]
    for letter in letters[1:]:
        if letter != collapsed[-1]:
            collapsed.append(letter)
    return _NASAL.sub("n", "".join(collapsed))


def skeleton(folded: str) -> str:
    """The consonants of each word of a folded name (the first letter kept), similar sounds merged."""
    return " ".join(filter(None, (_skeleton_word(word) for word in folded.split())))


def number_key(number: str) -> str:
    """A licence number as it is looked up: any digits made Latin, upper case, no spaces or punctuation
    ("demo-np 1234/079" and "DEMO NP 1234.079" are both "DEMONP1234079")."""
    return _NOT_KEY.sub("", taxonomy_fold(number).upper())


def looks_like_number(query: str) -> bool:
    """Does the query hold a digit (in any script), so it may be a licence number?"""
    return bool(_DIGIT.search(taxonomy_fold(query)))


MAX_QUERY_WORDS = 6
MAX_NAME_WORDS = 8


def _vocabulary(names: list[list[str]]) -> tuple[list[str], np.ndarray]:
    """The distinct words, and each name as a row of word numbers (padded with the number len(words))."""
    numbers: dict[str, int] = {}
    for words in names:
        for word in words[:MAX_NAME_WORDS]:
            numbers.setdefault(word, len(numbers))
    rows = np.full((len(names), MAX_NAME_WORDS), len(numbers), dtype=np.int32)
    for row, words in enumerate(names):
        for column, word in enumerate(words[:MAX_NAME_WORDS]):
            rows[row, column] = numbers[word]
    return list(numbers), rows


def _word_scores(query: list[str], words: list[str], vocabulary: np.ndarray) -> np.ndarray:
    """For each query word, its similarity (0 to 100) to each word of the vocabulary, plus a 0 column for
    padding. A query word of three letters or more that begins a word counts as a near match, so people
    can type the start of a name."""
    scores = np.zeros((len(query), len(words) + 1), dtype=np.float32)
    if words:
        scores[:, :-1] = process.cdist(query, words, scorer=fuzz.ratio, dtype=np.float32, workers=1)
        for row, word in enumerate(query):
            if len(word) >= 3:
                starts = np.char.startswith(vocabulary, word)
                scores[row, :-1][starts] = np.maximum(scores[row, :-1][starts], PREFIX_SCORE)
    return scores


@dataclass(frozen=True)
class _Words:
    words: list[str]
    array: np.ndarray  # the same words, for numpy's string operations
    rows: np.ndarray  # names as word numbers
    # Which names hold each word: names_of[starts[w]:starts[w + 1]] for word number w.
    names_of: np.ndarray
    starts: np.ndarray

    @classmethod
    def of(cls, names: list[list[str]]) -> _Words:
        words, rows = _vocabulary(names)
        flat = rows.ravel()
        order = np.argsort(flat, kind="stable")
        names_of = (order // MAX_NAME_WORDS).astype(np.int32)
        starts = np.searchsorted(flat[order], np.arange(len(words) + 1)).astype(np.int64)
        array = np.array(words, dtype=str) if words else np.array([], dtype=str)
        return cls(words, array, rows, names_of, starts)

    def scores(self, query: list[str], least: float) -> tuple[np.ndarray, np.ndarray]:
        """(names, their scores): per name, the mean over query words of the best match among the name's
        words. Only names with a word scoring ``least`` or more are scored: no other can reach ``least``."""
        by_word = _word_scores(query, self.words, self.array)
        hits = np.flatnonzero(by_word[:, :-1].max(axis=0) >= least)
        if not len(hits):
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
        chosen = np.zeros(len(self.rows), dtype=bool)
        for hit in hits.tolist():
            chosen[self.names_of[self.starts[hit] : self.starts[hit + 1]]] = True
        candidates = np.flatnonzero(chosen)
        return candidates, by_word[:, self.rows[candidates]].max(axis=2).mean(axis=0)


@dataclass(frozen=True)
class NameIndex:
    ids: list[uuid.UUID]
    folded: list[str]
    letters: _Words
    bones: _Words

    def search(self, query: str, *, limit: int = 20) -> list[tuple[uuid.UUID, float]]:
        """(organisation id, score 0 to 100) of the names that match ``query``, best first."""
        words = fold(query[:MAX_QUERY]).split()[:MAX_QUERY_WORDS]
        if not words or not self.ids:
            return []
        best = np.zeros(len(self.ids), dtype=np.float32)
        names, scores = self.letters.scores(words, CUTOFF)
        best[names] = scores
        bones = [_skeleton_word(word) for word in words]
        if sum(len(bone) for bone in bones) >= 3:
            names, scores = self.bones.scores(bones, CUTOFF / SKELETON_WEIGHT)
            best[names] = np.maximum(best[names], scores * SKELETON_WEIGHT)
        above = np.flatnonzero(best >= CUTOFF)
        if len(above) > limit * 4:  # only the best few need sorting by name as well
            above = above[np.argpartition(-best[above], limit * 4)[: limit * 4]]
        found = [(name, round(float(best[name]), 1)) for name in above.tolist()]
        found.sort(key=lambda item: (-item[1], len(self.folded[item[0]]), self.folded[item[0]]))
        return [(self.ids[name], score) for name, score in found[:limit]]


def build_index(rows: list[tuple[uuid.UUID, str]]) -> NameIndex:
    folded = [fold(name) for _id, name in rows]
    split = [name.split() for name in folded]
    return NameIndex(
        ids=[row[0] for row in rows],
        folded=folded,
        letters=_Words.of(split),
        bones=_Words.of([[_skeleton_word(word) for word in words] for words in split]),
    )


RECHECK_SECONDS = 5.0  # how stale a name changed by another server process may be in this one
Signature = tuple[int, datetime | None, datetime | None]
_lock = threading.Lock()
_cached: tuple[Signature, NameIndex] | None = None
_checked_at = 0.0


def invalidate(**_signal: Any) -> None:
    """Forget the index (connected to Organisation's post_save and post_delete in this process)."""
    global _cached
    with _lock:
        _cached = None


def name_index() -> NameIndex:
    """The index of every agency's and employer's name. Changes made in this process are seen at once
    (signals); changes by other processes within RECHECK_SECONDS, when a count and the latest change
    time are compared; the index is rebuilt only when they differ."""
    global _cached, _checked_at
    now = time.monotonic()
    with _lock:
        if _cached is not None and now - _checked_at < RECHECK_SECONDS:
            return _cached[1]
    recruiters = Organisation.objects.filter(kind__in=RECRUITER_KINDS)
    stamp = recruiters.aggregate(count=Count("id"), changed=Max("modified_at"), first=Min("created_at"))
    signature: Signature = (stamp["count"], stamp["changed"], stamp["first"])
    with _lock:
        if _cached is not None and _cached[0] == signature:
            _checked_at = now
            return _cached[1]
    index = build_index(list(recruiters.values_list("id", "name")))
    with _lock:
        _cached, _checked_at = (signature, index), now
    return index
