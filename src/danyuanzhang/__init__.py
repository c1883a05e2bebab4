"""dyz (单元长): the offline notebook of a residential unit head."""

__version__ = "0.1.0"
