"""The event engine: spaCy parses → event rows (actor, CAMEO code, target, evidence).
Everything here but ``stage`` is plain Python testable without Beam; ``stage`` holds the
ExtractEvents transform, which loads the model once per worker process."""
