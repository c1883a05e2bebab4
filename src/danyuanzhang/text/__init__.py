"""Words and how they are shown: the catalogue in Chinese and English, vocabularies and the
words people type for codes, checked inputs, widths on a terminal, typesetting for pages, phones
masked, and output as tables, JSON, CSV and spreadsheets. Knows no record and no SQL."""
