#!/usr/bin/env python3
"""validate_sarif.py SCHEMA FILE...

Validates each SARIF file against the official SARIF 2.1.0 JSON schema
(draft-04, with jsonschema's Draft4Validator and format checks), then
against the parts of GitHub code scanning's subset that figcheck relies on:
rules referenced by id and index, a message, a location with a relative or
file: URI and a region, a partial fingerprint, levels and kinds that agree.

Exits 0 when every file is valid, 1 when one is not, 77 (automake's SKIP)
when python3-jsonschema is not installed.
"""
import json
import re
import sys

try:
    import jsonschema
except ImportError:
    print("SKIP: the Python module jsonschema is missing "
          "(Debian: apt-get install python3-jsonschema)")
    sys.exit(77)

URI_REF = re.compile(r"^[A-Za-z0-9\-._~!$&'()*+,;=:@/?#%]*$")
PCT = re.compile(r"%(?![0-9A-Fa-f]{2})")
LEVELS = {"none", "note", "warning", "error"}


def github_subset(doc):
    """The GitHub code-scanning requirements figcheck's output must meet."""
    errors = []
    for r_i, run in enumerate(doc.get("runs", [])):
        where = "runs[%d]" % r_i
        driver = run.get("tool", {}).get("driver", {})
        if not driver.get("name"):
            errors.append(where + ".tool.driver.name: missing")
        if run.get("columnKind") != "unicodeCodePoints":
            errors.append(where + ".columnKind: expected unicodeCodePoints")
        rules = driver.get("rules", [])
        ids = [r.get("id") for r in rules]
        if len(set(ids)) != len(ids):
            errors.append(where + ".tool.driver.rules: duplicate ids")
        for i, rule in enumerate(rules):
            lvl = rule.get("defaultConfiguration", {}).get("level")
            if lvl not in LEVELS:
                errors.append("%s.rules[%d]: defaultConfiguration.level %r"
                              % (where, i, lvl))
            if not rule.get("shortDescription", {}).get("text"):
                errors.append("%s.rules[%d]: no shortDescription" % (where, i))
        for i, res in enumerate(run.get("results", [])):
            w = "%s.results[%d]" % (where, i)
            rid, rix = res.get("ruleId"), res.get("ruleIndex")
            if rid not in ids:
                errors.append(w + ".ruleId: %r is not a rule of the driver" % rid)
            elif rix is not None and ids[rix] != rid:
                errors.append(w + ".ruleIndex: %r does not point at %r" % (rix, rid))
            if not res.get("message", {}).get("text"):
                errors.append(w + ".message.text: missing")
            level, kind = res.get("level", "warning"), res.get("kind", "fail")
            if kind != "fail" and level != "none":
                errors.append(w + ": kind %s needs level none" % kind)
            if kind == "fail" and level == "none":
                errors.append(w + ": a failing result needs a level")
            fp = res.get("partialFingerprints", {}).get("figcheck/v1", "")
            if not re.fullmatch(r"[0-9a-f]{16}", fp):
                errors.append(w + ".partialFingerprints: %r" % fp)
            locs = res.get("locations", [])
            if not locs:
                errors.append(w + ".locations: none")
            for k, loc in enumerate(locs):
                pl = loc.get("physicalLocation", {})
                uri = pl.get("artifactLocation", {}).get("uri", "")
                if not uri or not URI_REF.match(uri) or PCT.search(uri):
                    errors.append("%s.locations[%d]: uri %r is not a URI "
                                  "reference" % (w, k, uri))
                if not uri.startswith("file://") and \
                        pl.get("artifactLocation", {}).get("uriBaseId") != "%SRCROOT%":
                    errors.append("%s.locations[%d]: a relative uri needs "
                                  "uriBaseId %%SRCROOT%%" % (w, k))
                reg = pl.get("region", {})
                sl, sc = reg.get("startLine", 0), reg.get("startColumn", 1)
                el, ec = reg.get("endLine", sl), reg.get("endColumn", sc + 1)
                if sl < 1 or sc < 1 or el < sl or (el == sl and ec <= sc):
                    errors.append("%s.locations[%d].region: %r" % (w, k, reg))
    return errors


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft4Validator.check_schema(schema)
    validator = jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.FormatChecker())
    bad = 0
    for path in argv[2:]:
        try:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
        except (OSError, ValueError) as e:
            print("FAIL: %s: not JSON: %s" % (path, e))
            bad += 1
            continue
        errors = ["%s: %s" % ("/".join(str(p) for p in e.absolute_path) or "(root)",
                              e.message)
                  for e in validator.iter_errors(doc)]
        errors += github_subset(doc)
        if errors:
            bad += 1
            print("FAIL: %s" % path)
            for e in errors[:20]:
                print("    " + e)
        else:
            n = sum(len(r.get("results", [])) for r in doc.get("runs", []))
            print("PASS: %s (%d results)" % (path, n))
    print("%d passed, %d failed" % (len(argv) - 2 - bad, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
