"""`python -m ntl_extract`: the same as the `ntl-extract` command."""

import sys

from .cli import main

sys.exit(main())
