"""Open data: the catalog, pay and each role as downloads, their JSON Schemas, how the figures are made."""
