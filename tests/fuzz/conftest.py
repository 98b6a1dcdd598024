"""Hypothesis profiles of the admin fuzz suite (tests/fuzz/).

"ci" runs in every `make test`: derandomized (the same examples on every run and machine), a
small fixed budget per form, no deadline (a page can take a while on a busy CI runner), and no
example database, so no .hypothesis folder is written. "long" (`make fuzz`, FUZZ_PROFILE=long)
draws many more examples with random seeds; a failure prints its seed and the minimal form.
"""

import os

from hypothesis import HealthCheck, settings

CI_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10"))

_shared = {
    "deadline": None,
    "database": None,
    "print_blob": True,
    # Each example renders admin and public pages: slow by Hypothesis's measure, and fine.
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
}

settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=CI_EXAMPLES,
    **_shared,
)
settings.register_profile("long", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "200")), **_shared)
settings.load_profile(os.environ.get("FUZZ_PROFILE", "ci"))
