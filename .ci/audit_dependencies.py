"""Audit the installed (pinned) dependencies for known vulnerabilities with pip-audit.

Exits 1 when pip-audit reports a known vulnerability in any installed package. When the
vulnerability service cannot be reached (pip-audit then skips every package), the audit could
not be done: this is reported and, if AUDIT_REQUIRED=1, is a failure too.

    .venv/bin/python .ci/audit_dependencies.py            # run pip-audit and judge its report
    .venv/bin/python .ci/audit_dependencies.py --report r.json   # judge an existing JSON report
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path


def judge(report):
    """(exit status, lines to print) for a pip-audit JSON report."""
    dependencies = report.get("dependencies", [])
    vulnerable = [d for d in dependencies if d.get("vulns")]
    audited = [d for d in dependencies if "skip_reason" not in d]
    lines = []
    for dependency in vulnerable:
        for vuln in dependency["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fixed version yet"
            lines.append(f"{dependency['name']} {dependency['version']}: {vuln['id']} (fixed in {fixed})")
    if vulnerable:
        lines.append(
            f"Known vulnerabilities in {len(vulnerable)} pinned package(s): upgrade and re-pin them."
        )
        return 1, lines
    if not audited:
        lines.append("Dependency audit NOT done: the vulnerability service could not be reached.")
        return (1 if os.environ.get("AUDIT_REQUIRED") == "1" else 0), lines
    lines.append(f"No known vulnerabilities in {len(audited)} audited packages.")
    return 0, lines


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--report", type=Path, help="judge this pip-audit JSON report instead of running it")
    args = parser.parse_args()
    if args.report:
        report = json.loads(args.report.read_text())
    else:
        pip_audit = Path(sys.executable).with_name("pip-audit")
        result = subprocess.run(  # noqa: S603
            [str(pip_audit), "--skip-editable", "--progress-spinner", "off", "--format", "json"],
            capture_output=True,
            text=True,
            check=False,
        )
        try:
            report = json.loads(result.stdout)
        except ValueError:
            print(result.stderr, file=sys.stderr)
            return 1
    status, lines = judge(report)
    print("\n".join(lines))
    return status


if __name__ == "__main__":
    sys.exit(main())
