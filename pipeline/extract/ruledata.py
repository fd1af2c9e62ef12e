"""Rule components carry their rule data as spaCy's SpanRuler carries its patterns.

A component is made with the names of its data files (its factory's config, files in
``corpus/patterns/``); ``initialize`` reads them, ``to_disk``/``from_disk`` (and the bytes
versions) save and restore the data with the component, so that ``nlp.to_disk(path)`` and
loading that folder give the same results without ``corpus/patterns``. The data is compiled
into rules once, when it is set.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Generic, TypeVar

from pipeline.extract.patterns import load_patterns

RuleData = dict[str, dict[str, Any]]  # role ("patterns", "hedging", ...) -> parsed JSON file
R = TypeVar("R")


class RuleComponent(Generic[R]):
    """The data handling of a rule component; subclasses compile the data with ``compile``.

    ``files`` maps each role of data the component needs to a file name. Until ``initialize``
    or ``from_disk`` has set the data, the first call reads the files (so that a component
    added with ``nlp.add_pipe`` works as it is)."""

    def __init__(self, name: str, files: dict[str, str], compile: Callable[[RuleData], R]):
        self.name = name
        self.files = files
        self._compile = compile
        self.data: RuleData | None = None
        self._rules: R | None = None

    @property
    def rules(self) -> R:
        """The compiled rules (read from the data files on first use if nothing set them)."""
        if self._rules is None:
            self.initialize()
        assert self._rules is not None
        return self._rules

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Any = None,
        data: RuleData | None = None,
    ) -> None:
        """Set the rule data: ``data`` if given, else the component's files as configured."""
        self.set_data(data if data is not None else self.read_files())

    def read_files(self, folder: str | None = None) -> RuleData:
        return {role: load_patterns(file, folder) for role, file in self.files.items()}

    def set_data(self, data: RuleData) -> None:
        missing = sorted(set(self.files) - set(data))
        if missing:
            raise ValueError(f"{self.name}: rule data lacks {', '.join(missing)}")
        self._rules = self._compile(data)
        self.data = data

    # --- serialisation, as spaCy's components do it ------------------------------------------

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps(self._data(), ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> RuleComponent[R]:
        self.set_data(json.loads(data.decode("utf-8")))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        for role, d in self._data().items():
            text = json.dumps(d, ensure_ascii=False, indent=2) + "\n"
            (folder / f"{role}.json").write_text(text, encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RuleComponent[R]:
        folder = Path(path)
        self.set_data(
            {
                role: json.loads((folder / f"{role}.json").read_text(encoding="utf-8"))
                for role in self.files
            }
        )
        return self

    def _data(self) -> RuleData:
        if self.data is None:
            self.initialize()
        assert self.data is not None
        return self.data
