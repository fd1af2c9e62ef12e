"""Theme prediction: a trained model folder (``model``), its numpy-only archive (``compact``),
the taxonomy (``taxonomy``) and the lemmas of the model input (``text``). Training lives in
``pipeline.training.themes``; nothing here imports it (tests/test_classify_split.py)."""
