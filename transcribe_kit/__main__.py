"""``python -m transcribe_kit``: the ``transcribe-kit`` command line."""

import sys

from transcribe_kit.cli import main

sys.exit(main())
