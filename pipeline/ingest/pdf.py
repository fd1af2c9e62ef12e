"""PDF text via pypdfium2, pages joined with form feeds so page breaks stay visible."""

from __future__ import annotations

from pipeline.errors import InputError


def pdf_text(data: bytes, source: str) -> str:
    import pypdfium2 as pdfium  # imported lazily: only PDF input needs it

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputError(
            f"{source}: not a readable PDF ({exc}); check the file or re-export it"
        ) from exc
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        pdf.close()
    text = "\f".join(pages).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{source}: the PDF has no text layer (scanned?); run OCR first")
    return text
