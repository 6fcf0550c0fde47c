"""Renderings of a sheet: the plain-data ``Sheet`` (``sheet``), the PDF (``pdf``, ``keep_all``)
and where renderings are cached per version (``cache``, ``layouts``).

Kept free of imports so the write door can use ``cache`` without loading WeasyPrint."""
