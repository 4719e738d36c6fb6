"""Storage and pages of dossiers, their versions and fiches."""
