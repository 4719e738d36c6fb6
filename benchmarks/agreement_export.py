"""Export speed of the coalition agreement: 150 afspraken to DOCX and to PDF (bar: < 3 s each).

Builds a fictional agreement in memory (no database) with sources, SMART fields, money and
milestones on every afspraak, then times each export (best of three) and prints the figures:
wall-clock time and the process's CPU time (on a busy shared machine the first overstates
what the export itself costs) and the load average of the machine while it ran.
"""
from __future__ import annotations

import argparse
import os
import time

from akkoord.agreement.build import PointRecord, draft_agreement
from akkoord.agreement.exports import export
from akkoord.agreement.model import Budget, Milestone, Section, Smart
from akkoord.dossier.model import Fiche, Interval, Source
from akkoord.dossier.profile import default_profile

AMBITION_KEYS = default_profile().ambition_keys


def agreement(count: int):
    fiches, points, smart = {}, [], {}
    for i in range(count):
        chapter, letter = divmod(i // 3, 26)
        code = f"{chapter + 1}{chr(65 + letter)}"
        ambition = AMBITION_KEYS[i % len(AMBITION_KEYS)]
        if code not in fiches:
            fiches[code] = Fiche(code, f"Onderwerp {code} van de gemeente", ambitions=[ambition],
                                 sources=[Source(f"Beleidsnota {code} {2020 + i % 6}", f"31-12-{2027 + i % 4}",
                                                 [Interval("x", f"{2027 + i % 4}-12-31", f"{2027 + i % 4}-12-31")]),
                                          Source(f"Uitvoeringsprogramma {code}", "2028",
                                                 [Interval("2028", "2028-01-01", "2028-12-31")])],
                                 adjustment_moment="bij de voorjaarsnota", advice=["Vraag een", "Vraag twee", "Vraag drie"])
        points.append(PointRecord(str(i + 1), i + 1, f"Punt {i + 1} over {code}", code, fiches[code].title, [ambition],
                                  i % 3, fiches[code].advice[i % 3], "", f"d{i + 1}", "besloten",
                                  f"Afspraak {i + 1}: de gemeente realiseert in deze periode wat bij {code} is afgesproken, "
                                  "met de partners uit de stad en binnen het financiële kader van dit akkoord. " * 2,
                                  {"2027": 100000 + i, "2028": 50000}, "structureel" if i % 2 else "incidenteel",
                                  f"{2027 + i % 3}-12-31"))
        smart[f"afspraak-{i + 1}"] = Smart("wat", f"{i + 10} eenheden gerealiseerd", "0 in 2026", f"{2027 + i % 3}-12-31",
                                           "wethouder", [Budget(2027, 100000 + i, "structureel")],
                                           [Milestone("2027-06-30", "halverwege")])
    return draft_agreement(municipality="Voorbeeldstad", formation_slug="voorbeeld", formation_name="Formatie Voorbeeldstad",
                           title="Coalitieakkoord Voorbeeldstad", points=points, fiches=fiches, smart=smart,
                           sections=[Section("inleiding", "Inleiding", "Tekst. " * 200)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--afspraken", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data = agreement(args.afspraken)
    export(data, "pdf")  # warm-up: fonts and WeasyPrint's style sheets
    for fmt in ("docx", "pdf", "html", "md", "json", "csv", "ics"):
        times, cpu, size = [], [], 0
        for _ in range(args.repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            size = len(export(data, fmt))
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        extra = ""
        if fmt == "pdf":
            import io

            import pdfplumber
            with pdfplumber.open(io.BytesIO(export(data, fmt))) as pdf:
                extra = f", {len(pdf.pages)} pages"
        print(f"{fmt:5s} {len(data.afspraken)} afspraken: wall best {min(times):.2f} s (worst {max(times):.2f} s), "
              f"CPU best {min(cpu):.2f} s, {size / 1024:.0f} KB{extra}")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
