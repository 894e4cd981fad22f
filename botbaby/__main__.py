"""``python -m botbaby`` is the ``botbaby`` command."""

import sys

from botbaby.cli import main

sys.exit(main())
