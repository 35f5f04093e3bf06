"""gs:// and s3:// tests against real emulators (make test-objstore)."""
