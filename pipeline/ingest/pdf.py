"""PDF text via pypdfium2, pages joined with form feeds so page breaks stay visible."""

from __future__ import annotations

from pipeline.errors import InputError

# A motion's PDF has a few dozen pages; these caps stop a file whose page tree expands to a
# million pages (or a huge scan) from running for hours and filling memory.
MAX_PDF_PAGES = 2_000
MAX_PDF_BYTES = 100_000_000
MAX_PDF_CHARS = 5_000_000  # the analyser's cap (pipeline.analyze.MAX_TEXT_CHARS)


def pdf_text(data: bytes, source: str) -> str:
    """The PDF's text; InputError for an unreadable PDF, no text layer, or a PDF over the caps."""
    import pypdfium2 as pdfium  # imported lazily: only PDF input needs it

    if len(data) > MAX_PDF_BYTES:
        raise InputError(
            f"{source}: PDF of {len(data):,} bytes, more than the {MAX_PDF_BYTES:,} read; split it"
        )
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputError(
            f"{source}: not a readable PDF ({exc}); check the file or re-export it"
        ) from exc
    try:
        pages = _pages(pdf, source)
    finally:
        pdf.close()
    text = "\f".join(pages).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{source}: the PDF has no text layer (scanned?); run OCR first")
    return text


def _pages(pdf, source: str) -> list[str]:  # noqa: ANN001 (pypdfium2 is imported lazily)
    n = len(pdf)
    if n > MAX_PDF_PAGES:
        raise InputError(
            f"{source}: PDF of {n:,} pages, more than the {MAX_PDF_PAGES:,} read; split it"
        )
    pages: list[str] = []
    chars = 0
    for i in range(n):
        page = pdf[i]
        textpage = page.get_textpage()
        pages.append(textpage.get_text_range())
        textpage.close()
        page.close()
        chars += len(pages[-1])
        if chars > MAX_PDF_CHARS:
            raise InputError(
                f"{source}: PDF text longer than the {MAX_PDF_CHARS:,} characters analysed; "
                "split it"
            )
    return pages
