"""The pure core: dossier model, readers, dates, checks and exports. Knows nothing of the web."""
