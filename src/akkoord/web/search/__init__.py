"""Full-text search over the fiches of every dossier: Dutch analysis, BM25F ranking, snippets."""
