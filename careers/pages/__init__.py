"""The pages that join the catalog and pay: their views (views.py) and the reads each page is built from."""
