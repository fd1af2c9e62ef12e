"""German lemmas from simplemma, with its dictionary looked up in an on-disk index.

simplemma decodes its whole German dictionary (1.1 million forms) on first use, which takes
about a second, most of a cold ``antragsradar tag``. Here the dictionary is copied once into a
SQLite file in the user's cache folder, and a process looks up only the forms it meets. A
process that looks up many forms (a batch run) loads the whole dictionary after all, because
then in-memory lookups are faster; it reads it from a plain copy beside the index (forms and
lemmas as two lists of lines), in a third of the time simplemma takes to decode its own file.
The lemmas are those of ``simplemma.lemmatize(word, "de")``.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from array import array
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

LANG = "de"
# Beyond this many index lookups the whole dictionary in memory is cheaper (0.3 s once from
# the plain copy against some 20 µs per lookup).
SWITCH_TO_MEMORY = 15_000
# simplemma's own cache of lemmas (its default holds 65,536 word forms)
LEMMA_CACHE_SIZE = 400_000
FORMS_HEADER = b"antragsradar-forms/3"


def cache_dir() -> Path:
    """$ANTRAGSRADAR_CACHE, else $XDG_CACHE_HOME/antragsradar, else ~/.cache/antragsradar."""
    env = os.environ.get("ANTRAGSRADAR_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "antragsradar"


def _index_path() -> Path:
    import simplemma

    return cache_dir() / f"simplemma-{simplemma.__version__}-{LANG}.sqlite"


def _forms_path() -> Path:
    return _index_path().with_suffix(".forms")


def _load_all() -> dict[bytes, bytes]:
    """The whole dictionary: from the plain copy where there is one, else decoded by simplemma
    (and the copy written)."""
    path = _forms_path()
    try:
        return _read_forms(path)
    except (OSError, ValueError, IndexError):  # none yet, or damaged: written again below
        pass
    from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

    entries = _load_dictionary_from_disk(LANG)
    try:
        _write_forms(path, entries)
    except (OSError, ValueError):  # a read-only cache, or forms that do not fit the format
        pass
    return entries


def _read_forms(path: Path) -> dict[bytes, bytes]:
    """The dictionary from ``_write_forms``'s file; ValueError when it is not whole. Each
    distinct lemma is one object, as in simplemma's own dictionary."""
    with path.open("rb") as fh:
        head = fh.readline().split()
        if len(head) != 5 or head[:2] != [FORMS_HEADER, sys.byteorder.encode()]:
            raise ValueError(f"{path}: not a copy of the dictionary")
        count, forms_size, lemmas_size = (int(x) for x in head[2:])
        forms = fh.read(forms_size).split(b"\n")
        lemmas = fh.read(lemmas_size).split(b"\n")
        index = array("i")
        index.frombytes(fh.read())
    if not len(forms) == len(index) == count or (
        count and not -1 <= min(index) <= max(index) < len(lemmas)
    ):
        raise ValueError(f"{path}: not a whole copy of the dictionary")
    values = [lemmas[i] if i >= 0 else f for f, i in zip(forms, index, strict=True)]
    return dict(zip(forms, values, strict=True))


def _write_forms(path: Path, entries: dict[bytes, bytes]) -> None:
    """A header (byte order, number of entries, sizes of the two lists), the forms one a line,
    the distinct lemmas one a line, then per form the number of its lemma in that list (-1:
    the form itself); written beside its final place and moved there (as ``_write_index``)."""
    if any(b"\n" in x for kv in entries.items() for x in kv):
        raise ValueError("a form or lemma with a line break")
    numbers: dict[bytes, int] = {}
    index = array(
        "i", (-1 if v == k else numbers.setdefault(v, len(numbers)) for k, v in entries.items())
    )
    forms, lemmas = b"\n".join(entries), b"\n".join(numbers)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(b" ".join([FORMS_HEADER, sys.byteorder.encode()]))
            fh.write(b" %d %d %d\n" % (len(entries), len(forms), len(lemmas)))
            fh.write(forms)
            fh.write(lemmas)
            fh.write(index.tobytes())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def _write_index(path: Path, entries: dict[bytes, bytes]) -> None:
    """Write the index beside its final place and move it there, so that a reader never
    sees half a file (two processes may build it at once)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.execute("CREATE TABLE forms (form BLOB PRIMARY KEY, lemma BLOB) WITHOUT ROWID")
        con.executemany("INSERT INTO forms VALUES (?, ?)", entries.items())
        con.commit()
        con.close()
        os.chmod(tmp, 0o644)  # mkstemp makes it private; it holds nothing personal
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


class IndexedDictionary(Mapping[str, str]):
    """simplemma's German dictionary as a read-only mapping over the SQLite index."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._con: sqlite3.Connection | None = None
        self._pid = -1
        self._lookups = 0
        self._memory: dict[bytes, bytes] | None = None

    def _connection(self) -> sqlite3.Connection:
        if self._con is None or self._pid != os.getpid():  # a forked worker opens its own
            self._con = sqlite3.connect(
                f"{self.path.as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            self._pid = os.getpid()
        return self._con

    def _lookup(self, key: str) -> str | None:
        form = key.encode()
        if self._memory is None:
            self._lookups += 1
            if self._lookups > SWITCH_TO_MEMORY:
                self._memory = _load_all()
        if self._memory is not None:
            value = self._memory.get(form)
        else:
            row = (
                self._connection()
                .execute("SELECT lemma FROM forms WHERE form = ?", (form,))
                .fetchone()
            )
            value = row[0] if row else None
        return value.decode() if value is not None else None

    def get(self, key: str, default: Any = None) -> Any:
        value = self._lookup(key)
        return default if value is None else value

    def __getitem__(self, key: str) -> str:
        value = self._lookup(key)
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        for (form,) in self._connection().execute("SELECT form FROM forms"):
            yield form.decode()

    def __len__(self) -> int:
        return int(self._connection().execute("SELECT COUNT(*) FROM forms").fetchone()[0])


def preload() -> None:
    """Hold the whole dictionary in memory from now on (worker processes forked afterwards
    share its pages instead of each loading its own)."""
    d = _lemmatizer_factory().get_dictionary(LANG)
    if isinstance(d, IndexedDictionary) and d._memory is None:
        d._memory = _load_all()


def german_dictionary() -> Mapping[str, str]:
    """The index where it exists or can be written; else the dictionary in memory."""
    from simplemma.strategies.dictionaries.dictionary_factory import MappingStrToByteString

    path = _index_path()
    if path.is_file():
        index = IndexedDictionary(path)
        try:
            index.get("Antrag")
            return index
        except sqlite3.Error:  # a damaged index (a disk that filled up): build it again
            pass
    entries = _load_all()
    try:
        _write_index(path, entries)
    except OSError:  # a read-only home: lemmas as usual, only slower to start
        pass
    return MappingStrToByteString(entries)


class _Factory:
    """A simplemma DictionaryFactory that serves German from ``german_dictionary``."""

    def __init__(self) -> None:
        self._de: Mapping[str, str] | None = None

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        if lang != LANG:
            from simplemma.strategies import DEFAULT_DICTIONARY_FACTORY

            return DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)
        if self._de is None:
            self._de = german_dictionary()
        return self._de


@lru_cache(maxsize=1)
def _lemmatizer_factory() -> _Factory:
    return _Factory()


@lru_cache(maxsize=1)
def _lemmatizer() -> Any:
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    strategy = DefaultStrategy(dictionary_factory=_lemmatizer_factory())
    # Every user of lemmas keeps its own memo, but at different times (themes per chunk, the
    # term index after the run): a cache that holds a corpus's distinct word forms (76,000
    # for the 4,512 Karlsruhe motions) lets each form be lemmatised once, not once per user.
    return Lemmatizer(lemmatization_strategy=strategy, cache_max_size=LEMMA_CACHE_SIZE)


def lemmatize(word: str) -> str:
    """simplemma's German lemma of ``word`` (not lower-cased)."""
    return _lemmatizer().lemmatize(word, LANG)
