"""The financial overview: the money of the afspraken per year and per ambition."""
from __future__ import annotations

from dataclasses import dataclass, field

from akkoord.agreement.model import ONE_OFF, STRUCTURAL, Agreement


@dataclass
class FinanceRow:
    key: str
    label: str
    per_year: dict[int, int] = field(default_factory=dict)
    structural: dict[int, int] = field(default_factory=dict)
    one_off: dict[int, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.per_year.values())


@dataclass
class FinanceOverview:
    years: list[int]
    rows: list[FinanceRow]  # one per ambition with money, in agreement order
    totals: FinanceRow

    @property
    def is_empty(self) -> bool:
        return not self.years


def _add(row: FinanceRow, year: int, amount: int, kind: str) -> None:
    row.per_year[year] = row.per_year.get(year, 0) + amount
    bucket = row.one_off if kind == ONE_OFF else row.structural
    bucket[year] = bucket.get(year, 0) + amount


def financial_overview(agreement: Agreement) -> FinanceOverview:
    rows: dict[str, FinanceRow] = {}
    totals = FinanceRow("", "Totaal")
    years: set[int] = set()
    for ambition, afspraken in agreement.chapters():
        for afspraak in afspraken:
            for budget in afspraak.smart.budget:
                row = rows.setdefault(ambition.key, FinanceRow(ambition.key, ambition.label))
                _add(row, budget.year, budget.amount, budget.kind or STRUCTURAL)
                _add(totals, budget.year, budget.amount, budget.kind or STRUCTURAL)
                years.add(budget.year)
    return FinanceOverview(sorted(years), list(rows.values()), totals)


def euro(amount: int) -> str:
    """``€ 1.250.000`` (Dutch thousands separator)."""
    sign = "-" if amount < 0 else ""
    return f"{sign}€ {abs(amount):,}".replace(",", ".")
