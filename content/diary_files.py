"""The blank diary as files to download: a spreadsheet (openpyxl) and a PDF (fpdf2).

Both are the same for every visitor, made from nothing but the columns below: no name,
date, address or anything else about who downloads them, and a fixed timestamp, so the
bytes never change and any cache may keep them. The file names and titles say "Diary",
not "stalking", in case someone else sees the device's downloads.

The spreadsheet is in the visitor's language (its words are gettext_lazy, read when it is
made: each language's address is its own cached file). The PDF stays English for now: its
built-in font (Helvetica) has Latin-1 letters only, and Arabic and Urdu also need text
shaping (fpdf2 with uharfbuzz and a Unicode font) that this project does not install yet.
"""

from datetime import UTC, datetime
from io import BytesIO

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

COLUMNS = (
    (_("Date and time"), 16),
    (_("Where"), 18),
    (_("What happened"), 40),
    (_("Who saw it, and any proof (photos, screenshots, messages)"), 32),
    (_("How it made you feel"), 22),
    (_("Who you told, and any reference number"), 26),
)
BLANK_ROWS = 12
TITLE = _("Diary")
INTRO = _(
    "Write down each thing that happens, as soon as you can. Use one row for each time. "
    "Keep this somewhere only you can find it."
)
# Files record when they were made; a fixed moment says nothing about the visitor.
MADE_AT = datetime(2026, 1, 1, tzinfo=UTC)


def _sheet_title(text):
    # Excel refuses these characters and more than 31 in a sheet's name; a translation may
    # have either. The full title stays in the file's properties.
    return "".join(c for c in str(text) if c not in "[]:*?/\\").strip()[:31] or "Diary"


def diary_xlsx():
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_title(TITLE)
    properties = workbook.properties
    properties.creator = properties.lastModifiedBy = ""
    properties.title = str(TITLE)
    properties.created = properties.modified = MADE_AT.replace(tzinfo=None)
    sheet["A1"] = str(INTRO)
    sheet["A1"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    sheet.row_dimensions[1].height = 32
    edge = Side(style="thin")
    box = Border(left=edge, right=edge, top=edge, bottom=edge)
    for index, (heading, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=2, column=index, value=str(heading))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.border = box
        sheet.column_dimensions[cell.column_letter].width = width
        for row in range(3, 3 + BLANK_ROWS):
            blank = sheet.cell(row=row, column=index)
            blank.alignment = Alignment(wrap_text=True, vertical="top")
            blank.border = box
    for row in range(3, 3 + BLANK_ROWS):
        sheet.row_dimensions[row].height = 60
    sheet.freeze_panes = "A3"  # the headings stay in view while scrolling
    sheet.print_title_rows = "2:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToHeight = 0
    output = BytesIO()
    workbook.save(output)
    return _fixed_zip_times(output.getvalue())


def _fixed_zip_times(data):
    """openpyxl stamps each part of the .xlsx (a zip) with the time now; use MADE_AT."""
    from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

    source, output = ZipFile(BytesIO(data)), BytesIO()
    with ZipFile(output, "w", ZIP_DEFLATED) as target:
        for item in source.infolist():
            fixed = ZipInfo(item.filename, date_time=MADE_AT.timetuple()[:6])
            fixed.compress_type = ZIP_DEFLATED
            target.writestr(fixed, source.read(item.filename))
    return output.getvalue()


def diary_pdf():
    # English whatever the language (see the module): Helvetica cannot write the others.
    with translation.override(settings.LANGUAGE_CODE):
        return _diary_pdf()


def _diary_pdf():
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_creation_date(MADE_AT)
    pdf.set_title(str(TITLE))
    pdf.set_creator("")
    pdf.set_producer("")
    pdf.set_margins(12, 12, 12)
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=18)
    pdf.cell(text=str(TITLE), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(w=0, text=str(INTRO), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    total = sum(width for _heading, width in COLUMNS)
    widths = tuple(pdf.epw * width / total for _heading, width in COLUMNS)
    with pdf.table(
        col_widths=widths,
        line_height=5,
        text_align="LEFT",
        repeat_headings=1,
        first_row_as_headings=True,
    ) as table:
        headings = table.row()
        for heading, _width in COLUMNS:
            headings.cell(str(heading))
        for _row in range(BLANK_ROWS):
            row = table.row()
            for _column in COLUMNS:
                row.cell("\n\n\n")
    return bytes(pdf.output())
