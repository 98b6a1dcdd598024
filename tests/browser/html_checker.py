"""The Nu HTML Checker run once over saved pages (it refuses localhost URLs, and the JVM starts slowly)."""

import json
import subprocess


def html_checker_messages(vnu_command, folder, names):
    """The checker's error messages for the files `names` in `folder`."""
    result = subprocess.run(
        [*vnu_command, "--errors-only", "--format", "json", *sorted(names)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr[-2000:]
    return json.loads(result.stderr or result.stdout)["messages"]
