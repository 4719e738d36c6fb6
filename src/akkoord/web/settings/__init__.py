"""Settings: ``base`` holds everything; ``dev`` and ``test`` only override."""
