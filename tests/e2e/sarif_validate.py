#!/usr/bin/env python3
"""SARIF output of the real binary: `check --format sarif` on fixtures/check, validated
against its golden (tests/e2e/golden/check-sarif.sarif; --update rewrites it) and the SARIF
2.1.0 JSON schema (../shared/schemas/sarif-schema-2.1.0.json, with Debian's
python3-jsonschema) when the schema and the module are available, and always checked for the
fields GitHub code scanning needs.

    tests/e2e/sarif_validate.py [--bin PATH] [--schema PATH] [--update]

The module is looked for in this interpreter, then in /usr/bin/python3 and python3 (the
machine's python3 may be pyenv's, without Debian's packages). Ends with the line
"sarif: N passed, N failed".
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "e2e" / "golden" / "check-sarif.sarif"
DEFAULT_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
ARGS = ["check", "--format", "sarif", "--reference", "fixtures/check/reference/tsb-statement.txt",
        "fixtures/check/sources"]
RULES = ["wording-divergence", "misattribution", "inconsistent-quote", "primary-divergence",
         "unbalanced-quote", "unattributed-quote", "unverified-quote", "truncated-quote"]

VALIDATE = r"""
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
log = json.load(open(sys.argv[2], encoding="utf-8"))
cls = jsonschema.validators.validator_for(schema)
errors = sorted(cls(schema).iter_errors(log), key=lambda e: list(e.absolute_path))
for e in errors[:10]:
    print("/".join(map(str, e.absolute_path)) + ": " + e.message)
sys.exit(1 if errors else 0)
"""

passed = 0
failed = 0


def result(ok, name, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}" + (f": {detail}" if detail else ""))


def interpreters():
    seen = []
    for candidate in [sys.executable, "/usr/bin/python3", shutil.which("python3")]:
        if candidate and os.path.exists(candidate) and candidate not in seen:
            seen.append(candidate)
    for python in seen:
        probe = subprocess.run([python, "-c", "import jsonschema"], capture_output=True)
        if probe.returncode == 0:
            return python
    return None


def check_fields(log):
    problems = []
    if log.get("$schema") != "https://json.schemastore.org/sarif-2.1.0.json":
        problems.append("$schema")
    if log.get("version") != "2.1.0":
        problems.append("version")
    runs = log.get("runs") or []
    if len(runs) != 1:
        return problems + ["one run"]
    run = runs[0]
    driver = run.get("tool", {}).get("driver", {})
    for key in ("name", "version", "informationUri"):
        if not driver.get(key):
            problems.append(f"tool.driver.{key}")
    rules = driver.get("rules") or []
    ids = [r.get("id") for r in rules]
    for rule_id in RULES:
        if rule_id not in ids:
            problems.append(f"rule {rule_id}")
    for r in rules:
        for path in (("name",), ("shortDescription", "text"), ("fullDescription", "text"),
                     ("help", "text"), ("help", "markdown"), ("defaultConfiguration", "level")):
            value = r
            for key in path:
                value = value.get(key, {}) if isinstance(value, dict) else {}
            if not isinstance(value, str) or not value:
                problems.append(f"rule {r.get('id')}: {'.'.join(path)}")
    results = run.get("results") or []
    if not results:
        problems.append("no results")
    for n, res in enumerate(results):
        where = f"results[{n}]"
        index = res.get("ruleIndex")
        if not isinstance(index, int) or index >= len(rules) or rules[index]["id"] != res.get("ruleId"):
            problems.append(f"{where}: ruleIndex does not name ruleId")
        if res.get("level") not in ("error", "warning", "note"):
            problems.append(f"{where}: level")
        if not res.get("message", {}).get("text"):
            problems.append(f"{where}: message.text")
        hash_ = res.get("partialFingerprints", {}).get("primaryLocationLineHash", "")
        if not re.fullmatch(r"[0-9a-f]{16}:[0-9]+", hash_):
            problems.append(f"{where}: primaryLocationLineHash {hash_!r}")
        locations = res.get("locations") or []
        if not locations:
            problems.append(f"{where}: no location")
            continue
        physical = locations[0].get("physicalLocation")
        if physical is None:  # a JSON record: a logical location by document id
            if not locations[0].get("logicalLocations"):
                problems.append(f"{where}: neither a physical nor a logical location")
            continue
        uri = physical.get("artifactLocation", {}).get("uri", "")
        if uri.startswith("/") or "\\" in uri or not (ROOT / uri).is_file():
            problems.append(f"{where}: uri {uri!r} is not a file relative to the repository root")
        if physical.get("artifactLocation", {}).get("uriBaseId") != "%SRCROOT%":
            problems.append(f"{where}: uriBaseId")
        region = physical.get("region", {})
        if not isinstance(region.get("startLine"), int) or region["startLine"] < 1:
            problems.append(f"{where}: region.startLine")
        if "endLine" in region and (region["endLine"], region.get("endColumn", 0)) < (
                region["startLine"], region.get("startColumn", 1)):
            problems.append(f"{where}: region ends before it starts")
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.environ.get("QUOTECHECK_BIN", "build/quotecheck"))
    ap.add_argument("--schema", default=str(DEFAULT_SCHEMA))
    ap.add_argument("--update", action="store_true", help="rewrite the golden")
    args = ap.parse_args()
    binary = str((ROOT / args.bin).resolve()) if not os.path.isabs(args.bin) else args.bin

    env = dict(os.environ)
    env.pop("GITHUB_STEP_SUMMARY", None)
    proc = subprocess.run([binary] + ARGS, cwd=ROOT, capture_output=True, env=env)
    result(proc.returncode == 1, "exit code 1 (findings)", f"got {proc.returncode}")
    try:
        log = json.loads(proc.stdout)
    except ValueError as e:
        result(False, "output is JSON", str(e))
        print(f"sarif: {passed} passed, {failed} failed")
        return 1
    result(True, "output is JSON")

    problems = check_fields(log)
    for p in problems:
        print(f"  {p}")
    result(not problems, "required fields", f"{len(problems)} problems")

    if args.update:
        GOLDEN.write_bytes(proc.stdout)
    golden = GOLDEN.read_bytes() if GOLDEN.is_file() else b""
    result(proc.stdout == golden, f"golden {GOLDEN.relative_to(ROOT)}",
           "differs (tests/e2e/sarif_validate.py --update rewrites it; read the diff first)")

    again = subprocess.run([binary] + ARGS, cwd=ROOT, capture_output=True, env=env)
    result(again.stdout == proc.stdout, "deterministic output")

    schema = Path(args.schema)
    python = interpreters()
    if not schema.is_file():
        print(f"sarif: schema validation skipped: no {schema}")
    elif python is None:
        print("sarif: schema validation skipped: no jsonschema module "
              "(Debian: apt-get install python3-jsonschema)")
    else:
        out = Path(os.environ.get("TMPDIR", "/tmp")) / f"quotecheck-sarif-{os.getpid()}.sarif"
        out.write_bytes(proc.stdout)
        try:
            check = subprocess.run([python, "-c", VALIDATE, str(schema), str(out)],
                                   capture_output=True, text=True)
        finally:
            out.unlink()
        if check.returncode != 0:
            print(check.stdout + check.stderr)
        result(check.returncode == 0, f"valid against {schema.name} ({python})")

    print(f"sarif: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
