"""Revisions of whole sheets (``revisions``) and sheets read back from them (``stored``)."""
