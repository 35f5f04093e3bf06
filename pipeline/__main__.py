"""`python -m pipeline ...` is the same as `eventwire ...`."""
import sys

from pipeline.cli import main

sys.exit(main())
