"""Importing a published 사업내역서 (Markdown export or saved HTML page) into the register.

``source`` turns a file's bytes into table rows (decoding, bounds on parse work), ``parser``
reads the rows into a ``ParsedSheet`` (plain Python: no Django, so it can be reused and tested
alone), ``save`` writes it through the write door, and ``services`` is what callers use: check a
file, show it as it will appear, import it.
"""
