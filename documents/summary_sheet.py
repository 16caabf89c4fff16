"""Summary sheets: short PDFs that stand for a document whose official file the site does not hold."""

import datetime

from fpdf import FPDF

# A fixed date keeps the bytes, and so the file hash, the same from one load to the next.
FIXED_DATE = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)

WORDING = {
    "en": {
        "heading": "Pacific Alliance - document summary sheet",
        "about": "What this document is",
        "year": "Year",
        "notice": (
            "This sheet describes the document named above. It is not the document itself: the official"
            " text is held by the governments of Chile, Colombia, Mexico and Peru."
        ),
    },
    "es": {
        "heading": "Alianza del Pacífico - ficha descriptiva del documento",
        "about": "Qué es este documento",
        "year": "Año",
        "notice": (
            "Esta ficha describe el documento indicado arriba. No es el documento en sí: el texto oficial"
            " lo conservan los gobiernos de Chile, Colombia, México y Perú."
        ),
    },
}

# The PDF core fonts cover Latin-1 only: typographic punctuation is mapped to plain forms.
PLAIN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
    }
)


def _latin1(text):
    return text.translate(PLAIN).encode("latin-1", "replace").decode("latin-1")


def summary_sheet(language, title, description, year=None):
    wording = WORDING[language]
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_lang(language)
    pdf.set_title(_latin1(title))
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    pdf.multi_cell(0, 6, _latin1(wording["heading"]), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("helvetica", style="B", size=16)
    pdf.multi_cell(0, 8, _latin1(title), new_x="LMARGIN", new_y="NEXT")
    if year:
        pdf.set_font("helvetica", size=11)
        pdf.multi_cell(0, 6, f"{wording['year']}: {year}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("helvetica", style="B", size=12)
    pdf.multi_cell(0, 7, _latin1(wording["about"]), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, _latin1(description), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("helvetica", style="I", size=10)
    pdf.multi_cell(0, 5, _latin1(wording["notice"]), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
