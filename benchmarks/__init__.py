"""``make bench``: the benchmarks of issue 11 (see ``benchmarks/run.py``)."""
