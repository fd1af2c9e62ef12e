"""Text normalisation shared by training (features.py, scikit-learn) and numpy-only
prediction (compact.py): tokens, curated stop words, cached simplemma lemmas. Imports neither
scikit-learn nor simplemma at import time.
"""

from __future__ import annotations

import re

from pipeline.memo import Memo

TOKEN = re.compile(r"[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß0-9]*(?:-[A-Za-zÄÖÜäöüß0-9]+)*")

# Curated for features (spaCy's German list drops words that matter here, like "mittel").
STOP_WORDS = frozenset(
    """
    a ab aber alle allem allen aller alles als also am an andere anderen auch auf aus bei beim
    bereits bis bitte bzw da dabei dadurch dafür dagegen daher damit dann dar daran darauf darin
    das dass daß dem den denen der deren des dessen die dies diese diesem diesen dieser dieses
    doch dort durch ein eine einem einen einer eines er es etwa etwas euch für gegen gibt hat
    hatte hier hin hinaus ich ihm ihn ihnen ihr ihre ihrem ihren ihrer im in indem innen ins ist
    ja je jede jedem jeden jeder jedes jedoch kann kein keine können könnte man mehr mit möchten
    muss müssen nach nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner
    seit sich sie sind so sodass solche soll sollen sollte sowie über um und uns unser unsere
    unter vom von vor wann war waren warum was weil welche welchem welchen welcher welches wenn
    wer werden wie wieder wir wird wo wurde wurden zu zum zur zwar zwischen
    herr frau stadtrat stadträtin stadträte gemeinderat gemeinderätin fraktion vorlage top
    """.split()
)


# Where a motion's request ends and its reasoning begins: a line that opens with one of these
# headings. The request part is what a motion asks for; its themes are the motion's themes.
REASONING = r"(?m)^[ \t]*(?:Begründung|Sachverhalt|Erläuterung)"
_REASONING = re.compile(REASONING)


def request_part(text: str, until: str | None = REASONING) -> str:
    """``text`` up to the first reasoning heading (all of it when there is none)."""
    if not until:
        return text
    m = (_REASONING if until == REASONING else re.compile(until)).search(text)
    return text[: m.start()] if m else text


def _lemma(word: str) -> str:
    from pipeline.lemmas import lemmatize

    return lemmatize(word).lower()


# word form -> lower-cased lemma; simplemma is imported on first use
_LEMMAS: Memo[str, str] = Memo(_lemma, 300_000)


def lemma(word: str) -> str:
    """Lower-cased simplemma lemma of one word form (simplemma is imported on first use)."""
    return _LEMMAS[word]


def lemma_tokens(text: str, max_chars: int | None = 4000, min_len: int = 2) -> list[str]:
    """The lemmas ``LemmaText`` joins: lower-cased, stop words and short tokens dropped."""
    text = str(text or "")[:max_chars] if max_chars else str(text or "")
    toks = TOKEN.findall(text)
    if min_len > 1:
        toks = [t for t in toks if len(t) >= min_len]
    return [
        lem
        for lem in map(_LEMMAS.__getitem__, toks)
        if lem not in STOP_WORDS and len(lem) >= min_len
    ]
