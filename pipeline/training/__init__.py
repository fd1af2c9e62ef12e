"""Training of the learned components: extraction from hand annotations (``extraction``,
``annotations``) and the theme model (``themes``). Never imported by ``tag``."""
