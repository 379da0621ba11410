"""krmscan: the Medewerkerscan KRM in the terminal."""
