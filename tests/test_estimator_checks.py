"""scikit-learn's common estimator checks on the project's own estimators (the theme model's
classifier, its latent-columns transformer and its text transformers,
pipeline/training/themes/).

ThemeClassifier, ThemeNetwork and Latent run every check; those it fails by design are expected failures with the
reason. The text transformers read a sequence of texts, not a numeric matrix: their tags say
so, and scikit-learn then runs none of its checks on them (they all feed numbers), so the
checks that make sense for text are run here one by one."""

from __future__ import annotations

import numpy as np
import pytest

sklearn = pytest.importorskip("sklearn")

from sklearn.base import clone  # noqa: E402
from sklearn.utils import estimator_checks as ec  # noqa: E402
from sklearn.utils.estimator_checks import parametrize_with_checks  # noqa: E402

from pipeline.training.themes.estimators import ThemeClassifier, ThemeNetwork  # noqa: E402
from pipeline.training.themes.features import (  # noqa: E402
    REASONING,
    CompoundParts,
    Latent,
    LemmaText,
    SeedHits,
    Truncate,
)

MULTI_LABEL = (
    "ThemeClassifier is multi-label only: fit takes a 0/1 indicator matrix Y (n_samples, "
    "n_labels), and this check fits it on class labels or a multi-class y"
)
CONSTANT_LABEL = (
    "a label that is never (or always) true is a constant predictor by design (a theme of the "
    "taxonomy without training examples), not an error"
)
EXPECTED_FAILURES = {
    "ThemeClassifier": {
        **{
            name: MULTI_LABEL
            for name in (
                "check_estimators_dtypes",
                "check_sample_weights_not_an_array",
                "check_sample_weights_shape",
                "check_sample_weights_not_overwritten",
                "check_sample_weight_equivalence_on_dense_data",
                "check_sample_weight_equivalence_on_sparse_data",
                "check_estimator_sparse_array",
                "check_estimator_sparse_matrix",
                "check_classifier_data_not_an_array",
                "check_classifiers_classes",
                "check_classifier_multioutput",
                "check_classifiers_train",
                "check_class_weight_classifiers",
                "check_decision_proba_consistency",
                "check_classifier_not_supporting_multiclass",
                "check_fit2d_1feature",
            )
        },
        "check_classifiers_one_label": CONSTANT_LABEL,
        "check_classifiers_one_label_sample_weights": CONSTANT_LABEL,
    }
}
# The network is fitted and calibrated as ThemeClassifier is: the same checks fail by design.
EXPECTED_FAILURES["ThemeNetwork"] = EXPECTED_FAILURES["ThemeClassifier"]


def _expected_failures(estimator):
    return EXPECTED_FAILURES.get(type(estimator).__name__, {})


@parametrize_with_checks(
    [ThemeClassifier(), ThemeNetwork(hidden=8, epochs=5), Latent(n_components=2)],
    expected_failed_checks=_expected_failures,
)
def test_sklearn_checks(estimator, check):
    check(estimator)


TEXT_TRANSFORMERS = [
    LemmaText(),
    LemmaText(until=REASONING),
    Truncate(),
    SeedHits({"mobility": ("radweg", "bus")}),
    CompoundParts(min_count=1),
]
# The API checks that do not feed numbers.
TEXT_CHECKS = [
    ec.check_estimator_cloneable,
    ec.check_estimator_repr,
    ec.check_no_attributes_set_in_init,
    ec.check_get_params_invariance,
    ec.check_set_params,
    ec.check_parameters_default_constructible,
    ec.check_mixin_order,
    ec.check_estimator_tags_renamed,
    ec.check_valid_tag_types,
]


@pytest.mark.parametrize("estimator", TEXT_TRANSFORMERS, ids=lambda e: type(e).__name__)
@pytest.mark.parametrize("check", TEXT_CHECKS, ids=lambda c: c.__name__)
def test_text_transformer_api_checks(estimator, check):
    check(type(estimator).__name__, clone(estimator))


@pytest.mark.parametrize("estimator", TEXT_TRANSFORMERS, ids=lambda e: type(e).__name__)
def test_text_transformers_behave_like_transformers(estimator):
    texts = ["Radweg an der Schule\nDer Bus hält.", "", "Haushalt 2025"]
    first = clone(estimator)
    out = first.fit(texts).transform(texts)
    assert len(out) == len(texts)
    # fit_transform is fit then transform; fitting again gives the same; a subset, its rows
    assert np.array_equal(np.asarray(clone(estimator).fit_transform(texts)), np.asarray(out))
    assert np.array_equal(np.asarray(first.fit(texts).transform(texts)), np.asarray(out))
    assert np.array_equal(np.asarray(first.transform(texts[:1])), np.asarray(out[:1]))


def test_seed_hits_and_compound_parts_must_be_fitted():
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError):
        SeedHits({"mobility": ("radweg",)}).transform(["Radweg"])
    with pytest.raises(NotFittedError):
        CompoundParts().transform(["Radweg"])
