"""The formation: parties, people, decision points, positions, decisions and sessions."""
