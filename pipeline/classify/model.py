"""A trained theme model on disk: load it (with version and taxonomy checks), predict themes.

A model directory holds ``model.joblib`` (the fitted scikit-learn Pipeline), ``inference.npz``
(the same model as plain arrays for numpy-only prediction, see ``compact.py``; its sha256 is
in the card), ``taxonomy.json`` (the taxonomy it was trained for), ``model_card.json`` and
``README.md``. Prediction uses ``inference.npz`` when the card lists it: no scikit-learn import
(about a second of start-up) and no unpickling. The Pipeline is loaded from ``model.joblib``
only when asked for (``ThemeModel.pipeline``) or for a model without the archive, and only when
the caller trusts the folder (``trust_pickle=True``; the CLI never does) and the file's
sha256 matches the card: unpickling runs code, and a model folder is untrusted input. An
installed wheel ships the archive alone, and ``antragsradar train --no-pickle`` writes it alone
(as the shipped model is written): such a folder has no Pipeline to give.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pipeline.classify.taxonomy import Taxonomy, load_taxonomy
from pipeline.digest import sha256_file
from pipeline.errors import InputError, ModelError

# The Pipeline's own classes live with the training code (pipeline.training.themes); pipelines
# pickled before they moved there name them by these modules.
_MOVED_MODULES = {
    "pipeline.classify.estimators": "pipeline.training.themes.estimators",
    "pipeline.classify.features": "pipeline.training.themes.features",
}

MODEL_FILE = "model.joblib"
INFERENCE_FILE = "inference.npz"
CARD_FILE = "model_card.json"
TAXONOMY_FILE = "taxonomy.json"
README_FILE = "README.md"


def as_input(texts: list[str], extras: list[str] | None = None):
    """The Pipeline's input: a 2-column object array ``[text, extra]``."""
    import numpy as np

    if extras is not None and len(extras) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(extras)} extras")
    X = np.empty((len(texts), 2), dtype=object)
    X[:, 0] = [t or "" for t in texts]
    X[:, 1] = [e or "" for e in extras] if extras is not None else ""
    return X


def library_versions() -> dict[str, str]:
    import joblib
    import numpy
    import scipy
    import simplemma  # a dependency: its absence is an ImportError, not a version "missing"
    import sklearn

    from pipeline import __version__

    simplemma_version = getattr(simplemma, "__version__", "?")
    return {
        "scikit-learn": sklearn.__version__,
        "joblib": joblib.__version__,
        "numpy": numpy.__version__,
        "scipy": scipy.__version__,
        "simplemma": simplemma_version,
        "antragsradar": __version__,
    }


def _major(v: str) -> str:
    return v.split(".", 1)[0]


def extra_column(card: dict[str, Any], title: str, topic: str, funding_names: list[str]) -> str:
    """A motion's extra column as a model with ``card`` learned to read it (its
    ``config.train_extra``): the title where the training rows carried their title there (the
    default, and the shipped model), nothing for ``none``; the extraction's topic and funding
    names only for a model trained on such extras. Helper rounds 5-8 (192 motions written for the
    purpose): themes micro-F1 0.867 with topic and funding names, 0.884 with the title
    (docs/experiments-themes.md)."""
    config = card.get("config")
    how = config.get("train_extra", "title") if isinstance(config, dict) else "title"
    if how == "title":
        return title
    if how == "none":
        return ""
    return " ".join([topic, *funding_names])


def check_versions(card: dict[str, Any], where: str) -> None:
    """Raise ModelError (one line) if this environment cannot safely load the model."""
    import joblib
    import sklearn

    want = card.get("library_versions") or {}
    sk, jl = want.get("scikit-learn"), want.get("joblib")
    if sk and sk != sklearn.__version__:
        raise ModelError(
            f"{where}: trained with scikit-learn {sk}, this environment has {sklearn.__version__}; "
            f"install scikit-learn=={sk} or retrain with `{card.get('command') or 'antragsradar train'}`"
        )
    if jl and _major(jl) != _major(joblib.__version__):
        raise ModelError(
            f"{where}: saved with joblib {jl}, this environment has {joblib.__version__}; "
            f"install joblib=={jl} or retrain with `{card.get('command') or 'antragsradar train'}`"
        )


class ThemeModel:
    """A fitted theme model with its taxonomy and model card.

    Predicts with ``compact`` (a ``CompactModel``, numpy only) when it has one, else with the
    scikit-learn ``pipeline``; a loaded model reads ``model.joblib`` only on first use of
    ``pipeline``.
    """

    def __init__(
        self,
        pipeline: Any,
        taxonomy: Taxonomy,
        card: dict[str, Any] | None = None,
        compact: Any = None,
        directory: Path | None = None,
        trust_pickle: bool = False,
    ):
        self._pipeline = pipeline
        self.trust_pickle = trust_pickle
        self.taxonomy = taxonomy
        self.card = card or {}
        self.compact = compact
        self.directory = directory

    @property
    def pipeline(self) -> Any:
        """The scikit-learn Pipeline (loaded from ``model.joblib`` on first use)."""
        if self._pipeline is None:
            if self.directory is None:
                raise ModelError("this theme model has no scikit-learn pipeline")
            self._pipeline = _load_pipeline(
                self.directory, self.card, len(self.taxonomy.ids), self.trust_pickle
            )
        return self._pipeline

    @property
    def ids(self) -> list[str]:
        return self.taxonomy.ids

    # --- prediction ------------------------------------------------------------------------

    def predict(self, texts: list[str], extras: list[str] | None = None) -> list[list[dict]]:
        """Per text 1-3 ``{"id", "label", "score", "cap"}`` dicts, best first (score: calibrated
        probability of the theme; cap: its Comparative Agendas Project major topic codes)."""
        if not texts:
            return []
        if self.compact is not None:
            ranked = self.compact.predict_ranked(list(texts), extras)
        else:
            X = self.pipeline[:-1].transform(as_input(texts, extras))
            ranked = self.pipeline[-1].predict_ranked(X)
        ids, labels, cap = self.ids, self.taxonomy.labels, self.taxonomy.cap
        return [
            [
                {"id": ids[j], "label": labels[ids[j]], "score": round(p, 4), "cap": cap[ids[j]]}
                for j, p in row
            ]
            for row in ranked
        ]

    def predict_proba(self, texts: list[str], extras: list[str] | None = None):
        """The calibrated probability matrix (rows: texts, columns: ``ids``)."""
        if self.compact is not None:
            return self.compact.predict_proba(list(texts), extras)
        return self.pipeline.predict_proba(as_input(texts, extras))

    # --- persistence -----------------------------------------------------------------------

    def save(self, directory: str | Path, readme: str | None = None, pickle: bool = True) -> Path:
        """Write the model folder; a folder that cannot be written is one ModelError line.
        ``pickle=False`` writes the numpy archive alone (no ``model.joblib``): a folder to share
        that nothing unpickles; a model the archive cannot describe then raises ModelError."""
        d = Path(directory)
        try:
            return self._write(d, readme, pickle)
        except OSError as exc:
            raise ModelError(
                f"cannot write the model to {d} ({exc.strerror or exc}); choose a writable "
                "folder for --out"
            ) from None

    def _write(self, d: Path, readme: str | None, pickle: bool) -> Path:
        from pipeline.classify import compact as C

        arrays = C.export(self.pipeline)
        if arrays is None and not pickle:
            raise ModelError(
                f"cannot write {d} without {MODEL_FILE}: a part of this model has no numpy "
                "archive form; train it without --no-pickle"
            )
        d.mkdir(parents=True, exist_ok=True)
        if pickle:
            import joblib

            joblib.dump(self.pipeline, d / MODEL_FILE, compress=("zlib", 3))
            self.card["pickle"] = {"file": MODEL_FILE, "sha256": sha256_file(d / MODEL_FILE)}
        else:  # a pickle left from an earlier training would not be this model
            (d / MODEL_FILE).unlink(missing_ok=True)
            self.card.pop("pickle", None)
        inf = d / INFERENCE_FILE
        if arrays is None:  # a part the archive cannot describe: the Pipeline alone serves
            inf.unlink(missing_ok=True)
            self.card.pop("inference", None)
        else:
            C.save(arrays, inf)
            import numpy

            self.card["inference"] = {
                "file": INFERENCE_FILE,
                "format": C.archive_format(arrays),
                "sha256": sha256_file(inf),
                "bytes": inf.stat().st_size,
                "numpy": numpy.__version__,
            }
        src = Path(self.taxonomy.source)
        data = (
            json.loads(src.read_text(encoding="utf-8"))
            if src.is_file()
            else {"name": self.taxonomy.name, "themes": []}
        )
        (d / TAXONOMY_FILE).write_text(
            json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8"
        )
        return self._write_card(d, readme)

    def write_card(self, directory: str | Path, readme: str | None = None) -> Path:
        """Rewrite the card (and the README) of a saved folder, leaving the model files as
        they are: for card fields that need the saved files (their sizes and hashes)."""
        d = Path(directory)
        try:
            return self._write_card(d, readme)
        except OSError as exc:
            raise ModelError(
                f"cannot write the model card to {d} ({exc.strerror or exc}); choose a "
                "writable folder for --out"
            ) from None

    def _write_card(self, d: Path, readme: str | None) -> Path:
        (d / CARD_FILE).write_text(
            json.dumps(self.card, ensure_ascii=False, indent=2) + "\n", "utf-8"
        )
        if readme is not None:
            (d / README_FILE).write_text(readme, encoding="utf-8")
        return d

    @classmethod
    def load(
        cls,
        directory: str | Path,
        taxonomy: str | Path | Taxonomy | None = None,
        compact: bool = True,
        trust_pickle: bool = False,
    ) -> ThemeModel:
        """Load the model in ``directory`` (a folder the user named; never searched for).

        Checks, each failing with one ModelError line: the files exist, the taxonomy file's hash
        matches the card (and ``taxonomy``, when given, is the same taxonomy); for the
        numpy-only archive its sha256, format and the numpy and simplemma major versions
        against the card; for
        ``model.joblib`` (``compact=False``, a model without the archive, or on first use of
        ``pipeline``) the scikit-learn and joblib versions, the file's sha256 against the card, and
        that the caller trusts the folder (``trust_pickle``): without it nothing is unpickled.
        """
        d = Path(directory)
        where = str(d)
        if not d.is_dir():
            raise ModelError(
                f"{where}: no such model folder; train one with `antragsradar train --out {where}`"
            )
        for name in (CARD_FILE, TAXONOMY_FILE):
            if not (d / name).is_file():
                raise ModelError(
                    f"{where}: {name} is missing; not a theme model folder (retrain it)"
                )
        try:
            card = json.loads((d / CARD_FILE).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise ModelError(
                f"{where}: {CARD_FILE} is unreadable ({exc}); retrain the model"
            ) from exc
        try:
            tax = load_taxonomy(d / TAXONOMY_FILE)
        except InputError as exc:
            raise ModelError(f"{where}: its taxonomy file is invalid ({exc})") from exc
        want = (card.get("taxonomy") or {}).get("sha256")
        if want != tax.sha256:
            raise ModelError(
                f"{where}: taxonomy hash {tax.sha256[:12]} does not match the model card's "
                f"{str(want)[:12]}; the taxonomy was edited after training: retrain the model"
            )
        if taxonomy is not None:
            other = taxonomy if isinstance(taxonomy, Taxonomy) else load_taxonomy(taxonomy)
            if other.sha256 != tax.sha256:
                raise ModelError(
                    f"{where}: trained for taxonomy {tax.name} ({tax.sha256[:12]}), not "
                    f"{other.source or other.name} ({other.sha256[:12]}); retrain with "
                    f"`antragsradar train --taxonomy {other.source or 'FILE'} --out {where}`"
                )
        inf = card.get("inference")
        if compact and inf:
            return cls(None, tax, card, _load_compact(d, card, len(tax.ids)), d, trust_pickle)
        pipeline = _load_pipeline(d, card, len(tax.ids), trust_pickle)
        return cls(pipeline, tax, card, None, d, trust_pickle)


def _load_compact(d: Path, card: dict[str, Any], n_labels: int) -> Any:
    """The numpy-only model of ``d`` (checked against the card's ``inference`` entry)."""
    import numpy

    from pipeline.classify.compact import READABLE_FORMATS, CompactModel

    where, inf = str(d), card["inference"]
    path = d / str(inf.get("file") or INFERENCE_FILE)
    retrain = f"retrain with `{card.get('command') or 'antragsradar train'}`"
    if not path.is_file():
        raise ModelError(f"{where}: {path.name} is missing though the card lists it; {retrain}")
    if inf.get("format") not in READABLE_FORMATS:
        raise ModelError(
            f"{where}: {path.name} has format {inf.get('format')!r}, this version reads "
            f"{', '.join(map(repr, READABLE_FORMATS))}; {retrain}"
        )
    np_want = str(inf.get("numpy") or "")
    if np_want and _major(np_want) != _major(numpy.__version__):
        raise ModelError(
            f"{where}: {path.name} was written with numpy {np_want}, this environment has "
            f"{numpy.__version__}; install numpy=={np_want} or {retrain}"
        )
    sm_want = str((card.get("library_versions") or {}).get("simplemma") or "")
    if sm_want[:1].isdigit():  # the features are simplemma lemmas: another major, other lemmas
        import simplemma

        sm_have = str(getattr(simplemma, "__version__", "?"))
        if _major(sm_want) != _major(sm_have):
            raise ModelError(
                f"{where}: trained with simplemma {sm_want}, this environment has {sm_have} "
                f"(other lemmas, other features); install simplemma=={sm_want} or {retrain}"
            )
    if inf.get("sha256") != sha256_file(path):
        raise ModelError(
            f"{where}: {path.name} does not match the sha256 in the model card (changed after "
            f"training); {retrain}"
        )
    try:
        model = CompactModel.load(path)
    except Exception as exc:  # noqa: BLE001  any decoding failure means the same to a user
        raise ModelError(
            f"{where}: {path.name} cannot be read ({type(exc).__name__}: {exc}); {retrain}"
        ) from exc
    if len(model.classes_) != n_labels:
        raise ModelError(
            f"{where}: the model has {len(model.classes_)} labels but its taxonomy "
            f"{n_labels}; retrain it"
        )
    return model


def _load_pipeline(d: Path, card: dict[str, Any], n_labels: int, trusted: bool) -> Any:
    """The scikit-learn Pipeline of ``d``: only from a trusted folder, with the pickle's sha256
    and the library versions checked against the card before anything is unpickled."""
    where = str(d)
    if not (d / MODEL_FILE).is_file():
        if card.get("inference"):  # written without the pickle: the archive is the model
            raise ModelError(
                f"{where}: this model was saved without {MODEL_FILE} (the numpy archive alone "
                "predicts); retrain without --no-pickle to get the scikit-learn Pipeline"
            )
        raise ModelError(
            f"{where}: {MODEL_FILE} is missing and the card lists no numpy archive; retrain the model"
        )
    if not trusted:
        raise ModelError(
            f"{where}: this model can only be used by unpickling {MODEL_FILE}, which runs code "
            "(refused); retrain it with `antragsradar train`, or, for a folder you trust, load it "
            "in Python with ThemeModel.load(path, trust_pickle=True)"
        )
    want = str((card.get("pickle") or {}).get("sha256") or "")
    if want != sha256_file(d / MODEL_FILE):
        raise ModelError(
            f"{where}: {MODEL_FILE} does not match the sha256 in the model card "
            f"({'changed after training' if want else 'the card lists none'}); retrain the model"
        )
    check_versions(card, where)
    import importlib
    import sys

    import joblib

    # Unpickling the Pipeline imports its classes, which are training code; a pickle of an
    # older version finds them under their old module names.
    for old, new in _MOVED_MODULES.items():
        if old not in sys.modules:
            sys.modules[old] = importlib.import_module(new)
    try:
        pipeline = joblib.load(d / MODEL_FILE)
    except Exception as exc:  # noqa: BLE001  any unpickling failure means the same to a user
        raise ModelError(
            f"{where}: {MODEL_FILE} cannot be loaded ({type(exc).__name__}: {exc}); retrain the model"
        ) from exc
    n = len(getattr(pipeline[-1], "classes_", []))
    if n != n_labels:
        raise ModelError(
            f"{where}: the model has {n} labels but its taxonomy {n_labels}; retrain it"
        )
    return pipeline
