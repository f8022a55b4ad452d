"""Value parsers: one cell string in, one typed value out.

A layer of its own under both column typing (``pipeline.columns``, which asks
whether a column's cells read as fees, durations, officers …) and normalize
(which builds the record from them). Each parser is a pure function of a
string and never raises on text.
"""
