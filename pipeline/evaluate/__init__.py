"""Scoring of the pipeline's outputs against gold and silver annotations."""
