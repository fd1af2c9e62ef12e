"""``pipeline.memo.Memo``: each key worked out once, bounded, and the same results as the
function it remembers (the analysis maps every word of a motion through such memos)."""

from __future__ import annotations

from pipeline.classify.compounds import CompoundSplitter
from pipeline.classify.text import lemma, lemma_tokens
from pipeline.memo import Memo

WORDS = "Der Gemeinderat beauftragt die Verwaltung , ein Radverkehrskonzept zu erarbeiten".split()


def test_each_key_is_worked_out_once_and_mapping_reads_the_memo() -> None:
    calls: list[str] = []

    def upper(word: str) -> str:
        calls.append(word)
        return word.upper()

    memo: Memo[str, str] = Memo(upper)
    first = list(map(memo.__getitem__, WORDS))
    again = list(map(memo.__getitem__, WORDS + ["Verwaltung"]))
    assert first == [w.upper() for w in WORDS]
    assert again[:-1] == first and again[-1] == "VERWALTUNG"
    assert calls == WORDS  # the repeat and "Verwaltung" again were look-ups


def test_a_full_memo_starts_again_and_keeps_answering() -> None:
    memo: Memo[str, int] = Memo(len, limit=3)
    assert [memo[w] for w in WORDS] == [len(w) for w in WORDS]
    assert len(memo) <= 3  # bounded whatever the corpus


def test_memoised_results_equal_the_function() -> None:
    # lemmas through the memo, twice, equal the lemmatiser's (lower-cased), and the compound
    # splitter's memoised parts equal a fresh splitter's
    from pipeline.lemmas import lemmatize

    text = "Die Radwege und Radverkehrsanlagen der Stadt werden geprüft; Radwege sind zu sanieren."
    toks = lemma_tokens(text)
    assert toks == lemma_tokens(text)
    assert [lemma(w) for w in ("Radwege", "Anträge")] == [
        lemmatize("Radwege").lower(),
        lemmatize("Anträge").lower(),
    ]
    counts = {"rad": 40, "weg": 30, "verkehr": 50, "anlage": 20, "konzept": 25}
    warm = CompoundSplitter(counts)
    words = ["radweg", "radverkehrsanlage", "radverkehrskonzept", "radweg"]
    assert warm.split_tokens(words) == warm.split_tokens(words)
    assert warm.split_tokens(words) == [p for w in words for p in CompoundSplitter(counts).parts(w)]
    assert warm.parts("radverkehrskonzept")[-1] == "konzept"
