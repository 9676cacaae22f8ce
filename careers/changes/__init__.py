"""What changed in the published content, in words: a role's "Last reviewed" and "Changes", /changes/ and its feed.

Lines are derived once, when a revision of a role is recorded (``record.py``), and stored (``models.py``);
the pages only read them (``read.py``), in a fixed number of queries.
"""
