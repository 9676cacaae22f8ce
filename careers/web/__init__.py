"""Site plumbing, under every page: middleware, the page cache, health, errors, crawlers (robots, sitemaps) and
structured data."""
