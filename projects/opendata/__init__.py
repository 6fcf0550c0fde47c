"""Open data: the register as datasets (CSV, XLSX, JSON), the read-only API, feeds and sitemaps."""
