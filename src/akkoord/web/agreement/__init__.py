"""The coalition agreement of a formation: drafted from its decisions, versioned, exported."""
