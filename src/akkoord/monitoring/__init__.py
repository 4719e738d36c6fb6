"""Following a coalition agreement through the term (pure: no Django).

``status``: the statuses with their definitions and the overdue rule; ``rollup``: progress
per ambition, fiche or portfolio with a visible formula; ``bulk``: the CSV format of bulk
updates, read and checked row by row before anything is applied.
"""
