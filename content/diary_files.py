"""The blank diary as files to download: a spreadsheet (openpyxl) and a PDF (fpdf2).

Both are the same for every visitor, made from nothing but the columns below: no name,
date, address or anything else about who downloads them, and a fixed timestamp, so the
bytes never change and any cache may keep them. The file names and titles say "Diary",
not "stalking", in case someone else sees the device's downloads.
"""

from datetime import UTC, datetime
from io import BytesIO

from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

COLUMNS = (
    ("Date and time", 16),
    ("Where", 18),
    ("What happened", 40),
    ("Who saw it, and any proof (photos, screenshots, messages)", 32),
    ("How it made you feel", 22),
    ("Who you told, and any reference number", 26),
)
BLANK_ROWS = 12
TITLE = "Diary"
INTRO = (
    "Write down each thing that happens, as soon as you can. Use one row for each time. "
    "Keep this somewhere only you can find it."
)
# Files record when they were made; a fixed moment says nothing about the visitor.
MADE_AT = datetime(2026, 1, 1, tzinfo=UTC)


def diary_xlsx():
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = TITLE
    properties = workbook.properties
    properties.creator = properties.lastModifiedBy = ""
    properties.title = TITLE
    properties.created = properties.modified = MADE_AT.replace(tzinfo=None)
    sheet["A1"] = INTRO
    sheet["A1"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    sheet.row_dimensions[1].height = 32
    edge = Side(style="thin")
    box = Border(left=edge, right=edge, top=edge, bottom=edge)
    for index, (heading, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=2, column=index, value=heading)
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
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_creation_date(MADE_AT)
    pdf.set_title(TITLE)
    pdf.set_creator("")
    pdf.set_producer("")
    pdf.set_margins(12, 12, 12)
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=18)
    pdf.cell(text=TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(w=0, text=INTRO, new_x="LMARGIN", new_y="NEXT")
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
            headings.cell(heading)
        for _row in range(BLANK_ROWS):
            row = table.row()
            for _column in COLUMNS:
                row.cell("\n\n\n")
    return bytes(pdf.output())
