"""Training of the learned components from hand annotations (never imported by ``tag``)."""
