"""Training of the theme model (``antragsradar train``): the training sets (``data``), the
scikit-learn parts of the Pipeline (``features``, ``estimators``) and the fit with its model
card (``train``). Prediction (``pipeline.classify``) imports none of this."""
