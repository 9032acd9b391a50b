"""PDF and Excel output (reportlab, openpyxl): daily reports, pass sheets, ledgers."""
