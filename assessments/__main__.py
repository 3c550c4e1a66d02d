"""Run the command line: python -m assessments."""

import sys

from .cli import main

sys.exit(main())
