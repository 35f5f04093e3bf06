"""Incidents: the rows of different articles, outlets and runs that report one real-world event."""
