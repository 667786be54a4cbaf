"""The blank diary as a spreadsheet and a PDF: right columns, nothing about the visitor."""

from io import BytesIO

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from content.diary_files import BLANK_ROWS, COLUMNS

pytestmark = pytest.mark.django_db

HEADINGS = [heading for heading, _width in COLUMNS]
XLSX = "/keeping-a-record/diary/diary.xlsx"
PDF = "/keeping-a-record/diary/diary.pdf"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What one visitor's request could tell us about them, to prove none of it reaches a file.
VISITOR = {
    "HTTP_USER_AGENT": "Mozilla/5.0 (Linux; Android 14; Pixel 8) VisitorBrowser/1.0",
    "HTTP_ACCEPT_LANGUAGE": "pl-PL",
    "REMOTE_ADDR": "127.0.0.99",
    "HTTP_X_FORWARDED_FOR": "127.0.0.98",
}


def test_the_spreadsheet_has_the_diary_columns_and_blank_rows(client, starter_data):
    workbook = load_workbook(BytesIO(client.get(XLSX).content))
    sheet = workbook.active
    assert [cell.value for cell in sheet[2]] == HEADINGS
    rows = list(sheet.iter_rows(min_row=3, max_row=2 + BLANK_ROWS, values_only=True))
    assert len(rows) == BLANK_ROWS
    assert all(value is None for row in rows for value in row)
    assert not workbook.properties.creator and not workbook.properties.lastModifiedBy


def test_the_pdf_has_the_diary_columns_on_landscape_pages(client, starter_data):
    reader = PdfReader(BytesIO(client.get(PDF).content))
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)
    text = " ".join(page.extract_text().split())
    for heading in ("Date and time", "Where", "What happened", "How it made you feel"):
        assert heading in text
    assert set(reader.metadata) <= {"/CreationDate", "/Title", "/Producer", "/Creator"}


@pytest.mark.parametrize("path", [XLSX, PDF])
def test_a_diary_file_is_the_same_for_every_visitor(client, starter_data, path):
    plain = client.get(path).content
    assert client.get(path, **VISITOR).content == plain
    for trace in (b"VisitorBrowser", b"127.0.0.9", b"pl-PL"):
        assert trace not in plain


@pytest.mark.parametrize(
    ("path", "content_type", "filename"),
    [(XLSX, XLSX_TYPE, "diary.xlsx"), (PDF, "application/pdf", "diary.pdf")],
)
def test_a_diary_file_downloads_without_a_cookie_and_may_be_cached(
    client, starter_data, path, content_type, filename
):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    # A neutral name: someone looking at the downloads folder sees "diary", nothing more.
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert "public" in response["Cache-Control"] and "max-age" in response["Cache-Control"]
    assert not response.cookies and "Set-Cookie" not in response


def test_diary_files_exist_only_for_the_page_with_the_diary(client, starter_data):
    assert client.get("/privacy/diary/diary.pdf").status_code == 404


def test_diary_files_answer_only_safe_methods(client, starter_data):
    assert client.post(PDF).status_code == 405


def test_the_diary_page_offers_both_files_and_says_they_stay_on_the_device(client, starter_data):
    html = client.get("/keeping-a-record/diary/").content.decode()
    assert f'href="{XLSX}"' in html and f'href="{PDF}"' in html
    assert "A file you download stays on your phone or computer" in html


def test_the_diary_page_in_another_language_says_the_pdf_is_in_english(client, starter_data):
    polish = client.get("/pl/keeping-a-record/diary/").content.decode()
    assert "Plik PDF jest po angielsku." in polish
    assert (
        "The PDF file is in English." not in client.get("/keeping-a-record/diary/").content.decode()
    )
