"""Record types, the one pyarrow schema and the ontology tables of eventwire."""
