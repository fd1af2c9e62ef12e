"""Numbers as German readers write them, for tables, Markdown and notes (not CSV or JSON)."""

from __future__ import annotations


def de_number(value: float, decimals: int = 0) -> str:
    """German number formatting: "2.500.000", "12,5"."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def de_pct(share: float | None) -> str:
    """A share as German readers write it: "12,5 %"."""
    return "–" if share is None else f"{de_number(share * 100, 1)} %"


def de_eur(amount: float) -> str:
    """An amount in euros: "2.500.000 €", cents only where there are any."""
    return f"{de_number(amount, 0 if float(amount).is_integer() else 2)} €"
