"""Find the operative part of a motion (what is requested) apart from letterhead, justification
and the administration's answer. Spans are character offsets into the cleaned text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pipeline.extract.patterns import FoldedPattern, compile_any, load_patterns

Span = tuple[int, int]
_NUMBER_MARK = r"\d{1,2}[.)]|[a-z][.)]|\(\d{1,2}\)"
NUMBERED_ITEM = re.compile(rf"(?:{_NUMBER_MARK})\s")
LIST_ITEM = re.compile(rf"^(?:{_NUMBER_MARK}|[-–•·*▪]|[IVX]{{1,4}}\.)\s")
_NEXT_LINE = re.compile(r"\n[ \t]*(\S[^\n]*)")
# a call that only opens its list ("Der Senat wird ersucht,", "Der Landtag ersucht die
# Landesregierung,"), not one that types its items itself ("appelliert an …,", "geprüft werden,")
_BARE_CALL = re.compile(
    r"(?:\b(?:wird|werden)\s+(?:\w+\s+){0,3}(?:ersucht|gebeten|aufgefordert|beauftragt)"
    r"|\b(?:ersucht|bittet|beauftragt)\s+(?:den|die|das)\s+[^,;:]{1,60}),$"
)


@dataclass
class Sections:
    """Where things are in a motion's cleaned text."""

    end: int  # the motion ends here (signature, Stellungnahme)
    header_end: int  # letterhead and committee table end here
    operative: list[Span] = field(default_factory=list)
    justification: list[Span] = field(default_factory=list)
    form_rows: Span | None = None  # rows of a budget form ("Art 2026 2027 ...")
    is_form: bool = False

    def in_operative(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.operative)

    def in_justification(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.justification)


class SectionFinder:
    """Compiled section patterns; ``find(text)`` returns the Sections of one motion."""

    def __init__(self, patterns_file: str = "sections.json") -> None:
        self._setup(load_patterns(patterns_file))

    @classmethod
    def from_data(cls, d: dict[str, Any]) -> SectionFinder:
        finder = cls.__new__(cls)
        finder._setup(d)
        return finder

    def _setup(self, d: dict[str, Any]) -> None:
        m = re.MULTILINE
        self.header_line = compile_any(d["header_line"], m)
        self.header_chars = int(d.get("header_search_chars", 2500))
        self.prose_words = int(d.get("content_line_words", 8))
        self.prose_lower = int(d.get("content_line_lower", 3))
        self.prose_chars = int(d.get("content_line_lower_chars", 4))
        # All (?i:...) alternations: matched on the lower-cased text (faster).
        self.cue = FoldedPattern(d["operative_cue"], m)
        self.just = FoldedPattern(d["justification_heading"], m)
        self.end = FoldedPattern(d["end_marker"], m)
        self.answer = FoldedPattern(d["answer_heading"], m)
        self.letter_request = FoldedPattern(d["cover_letter_request"], m)
        self.form = FoldedPattern([d["form_marker"]])  # (?i): matched on lower-cased text
        self.rows_start = re.compile(d["form_rows_start"])
        self.rows_end = re.compile(d["form_rows_end"])
        self.concept = re.compile(d["form_concept"])
        self.concept_end = re.compile(d["form_concept_end"], m)
        self.form_just = re.compile(d["form_justification"])

    def _prose(self, line: str) -> bool:
        words = line.split()
        return (
            len(words) >= self.prose_words
            and sum(w[0].islower() and len(w) >= self.prose_chars for w in words)
            >= self.prose_lower
        )

    def _header_end(self, text: str, limit: int, known: dict[int, int] | None = None) -> int:
        """End of the last header-like line before the first line of real content.

        Letterhead, address and committee table come first; the first operative cue or prose
        line (a sentence of running text) ends the search, so that signature lines further
        down ("Für die CDU-Fraktion") can never make the whole motion letterhead. ``known``
        holds the results for ``text`` so far, by where the search stops."""
        stop = min(limit, self.header_chars)
        if known is not None and stop in known:
            return known[stop]
        end = 0
        pos = 0
        while pos < stop:
            nl = text.find("\n", pos, stop)
            line_end = nl if nl != -1 else stop
            line = text[pos:line_end]
            stripped = line.strip()
            nxt = line_end + 1
            if stripped:
                if self.header_line.fullmatch(stripped) or self.header_line.match(line):
                    end = min(nxt, len(text))
                elif self.cue.search(stripped) or self._prose(stripped):
                    break
            pos = nxt
        if known is not None:
            known[stop] = end
        return end

    def _after_cover_letter(
        self, text: str, low: str, m: re.Match[str], header_ends: dict[int, int]
    ) -> int:
        """Where the motion starts when the end marker ``m`` closes a cover letter: no request
        before it, the motion's "möge beschließen" after it; else 0."""
        start = self._header_end(text, m.start(), header_ends)
        before = self.cue.search(text, start, m.start(), low=low)
        if before is None and self.letter_request.search(text, m.end(), low=low):
            nl = text.find("\n", m.end())
            return nl + 1 if nl != -1 else m.end()
        return 0

    def _end_marker(self, text: str, low: str, start: int) -> re.Match[str] | None:
        """The first end marker from ``start``: a signature, the administration's answer, or an
        answer's heading that follows a question or a request."""
        m = self.end.search(text, start, low=low)
        stop = m.start() if m else len(text)
        for a in self.answer.finditer(text, start, stop, low=low):
            if text.find("?", start, a.start()) != -1 or self.cue.search(
                text, start, a.start(), low=low
            ):
                return a
        return m

    def find(self, text: str, title: str = "") -> Sections:
        low = text.lower()
        # The header search of the cover-letter test mostly stops where the one below does.
        header_ends: dict[int, int] = {}
        m = self._end_marker(text, low, 0)
        begin = self._after_cover_letter(text, low, m, header_ends) if m and m.start() > 40 else 0
        if begin:
            m = self._end_marker(text, low, begin)
        end = m.start() if m and m.start() > max(40, begin) else len(text)
        if self.form.search(text[:2000]):
            return self._form(text, end)
        header_end = max(self._header_end(text, end, header_ends), begin)
        # A title repeated right after the header is letterhead too.
        t = " ".join(title.split())
        if t and len(t) > 8:
            while header_end < end and text[header_end].isspace():
                header_end += 1
            nxt = text.find("\n", header_end)
            line = text[header_end : nxt if nxt != -1 else end].strip()
            if line and (line in t or t in line):
                header_end = nxt + 1 if nxt != -1 else header_end
        just_start = end
        for jm in self.just.finditer(text, header_end, end, low=low):
            just_start = jm.start()
            break
        cue = self.cue.search(text, header_end, end, low=low)
        op_start = header_end
        if cue and cue.start() < just_start:
            line_start = text.rfind("\n", 0, cue.start()) + 1
            op_start = max(header_end, line_start)
        elif cue and just_start - header_end < 40:
            # The justification heading stands first (PDF order): the request follows the cue.
            op_start = text.rfind("\n", 0, cue.start()) + 1
            just_start = end
        extra: list[Span] = []
        if op_start > header_end and self._list_first(text, header_end, op_start):
            # A numbered request list right after the header, and the cue only later (in
            # running text that restates it): the list is operative, and so is the cue's line.
            b = text.find("\n", cue.end()) if cue else -1
            extra.append((op_start, b if b != -1 else end))
            op_start = header_end
        block_end = self._block_end(text, op_start, just_start if just_start > op_start else end)
        operative = [(op_start, block_end)]
        operative += [(a, b) for a, b in extra if a >= block_end]
        justification = [(just_start, end)] if just_start < end else []
        # Requests restated inside the justification ("Daher beantragen wir ...") are operative.
        for cm in self.cue.finditer(text, just_start, end, low=low):
            a = text.rfind("\n", 0, cm.start()) + 1
            b = text.find("\n", cm.end())
            operative.append((max(a, just_start), b if b != -1 else end))
        return Sections(end, header_end, operative, justification)

    def _list_first(self, text: str, start: int, stop: int) -> bool:
        """Whether the first content line in ``text[start:stop]`` is a numbered list item of
        running text ("1. Die Stadtverwaltung prüft ...")."""
        for line in text[start:stop].splitlines():
            line = line.strip()
            if line:
                return bool(NUMBERED_ITEM.match(line)) and self._prose(line)
        return False

    def _block_end(self, text: str, start: int, limit: int) -> int:
        """End of the request block that opens at ``start``: a numbered list (with the lines that
        continue its items) or else the first paragraph; what follows is usually justification,
        even where the template's "Begründung" heading is missing or printed later."""
        pos = start
        seen_content = False
        in_list = False
        prev_end_char = ""
        prev_line = ""
        while pos < limit:
            nl = text.find("\n", pos, limit)
            line_end = nl if nl != -1 else limit
            line = text[pos:line_end].strip()
            if not line:
                if seen_content and not in_list and prev_end_char != ":":
                    # "Der Senat wird ersucht," / blank line / "1. …": the list it opens goes on
                    if not (
                        _BARE_CALL.search(prev_line) and self._list_follows(text, line_end, limit)
                    ):
                        return pos
                pos = line_end + 1
                continue
            if (
                not seen_content
                and len(line) < 60
                and line[-1] not in ".!?:"
                and len(line.split()) < 8
            ):
                pos = line_end + 1  # a heading or table row before the request
                continue
            is_item = bool(LIST_ITEM.match(line))
            if seen_content and not is_item:
                if in_list and prev_end_char in ".!?" and text[pos - 2 : pos] == "\n\n":
                    return pos
            if is_item:
                in_list = True
            seen_content = True
            prev_end_char = line[-1]
            prev_line = line
            pos = line_end + 1
        return limit

    @staticmethod
    def _list_follows(text: str, pos: int, limit: int) -> bool:
        """Whether the next line with text after ``pos`` is a list item."""
        m = _NEXT_LINE.search(text, pos, limit)
        return m is not None and bool(LIST_ITEM.match(m.group(1)))

    def _form(self, text: str, end: int) -> Sections:
        rows = None
        rs = self.rows_start.search(text, 0, end)
        if rs:
            re_ = self.rows_end.search(text, rs.end(), end)
            rows = (rs.end(), re_.start() if re_ else min(end, rs.end() + 800))
        operative: list[Span] = []
        cm = self.concept.search(text, 0, end)
        if cm:
            ce = self.concept_end.search(text, cm.end(), end)
            operative.append((cm.end(), ce.start() if ce else end))
        # The budget form has no separate request field in practice: its justification states it.
        jm = self.form_just.search(text, (rows or (0, 0))[1], end)
        if jm:
            operative.append((jm.end(), end))
        header_end = rs.start() if rs else 0
        if not operative:
            operative.append((header_end, end))
        return Sections(end, header_end, operative, [], rows, True)
