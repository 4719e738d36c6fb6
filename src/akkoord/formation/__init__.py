"""The formation's pure logic: no Django, no I/O.

* ``coalitions``: which combinations of parties hold a majority of the council;
* ``advice``: the advice items of a fiche, and matching them to a newer version's items;
* ``table``: agreement status and contention of a point from the stances one may see.
"""
