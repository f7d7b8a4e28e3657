// evaluate.mjs compares one conformance run against the committed expectations.
//
// Usage:
//   node evaluate.mjs check  <suite> <results-dir> <expectations.json>
//   node evaluate.mjs record <suite> <results-dir> <expectations.json>
//
// <results-dir> is the harness's --output-dir: one folder per scenario named
// server-<scenario>-<ISO timestamp>, each holding checks.json (an array of
// {id, status, errorMessage?}). A check counts as passed only with status
// SUCCESS; FAILURE counts as failed; INFO, WARNING and SKIPPED count as neither,
// as in the harness's own totals.
//
// check prints "conformance <suite>: N passed, M failed" and one line per
// regression, and exits 1 on any regression, 2 on unusable input. A regression
// is: an expected scenario with no results, an expected check with fewer
// SUCCESS results than recorded, or a scenario with more FAILURE results than
// recorded. record rewrites the suite's entry from this run.
import fs from "node:fs";
import path from "node:path";

const [cmd, suite, resultsDir, expectFile] = process.argv.slice(2);
if (!["check", "record"].includes(cmd) || !suite || !resultsDir || !expectFile) {
  console.error("usage: evaluate.mjs check|record <suite> <results-dir> <expectations.json>");
  process.exit(2);
}

// writeTally records "passed failed regressions" in $TALLY_FILE, if set, so
// conformance.sh can print one overall line across suites.
function writeTally(line) {
  if (!process.env.TALLY_FILE) return;
  try {
    fs.writeFileSync(process.env.TALLY_FILE, line + "\n");
  } catch (err) {
    console.error(`conformance ${suite}: writing tally: ${err.message}`);
  }
}

function die(msg) {
  console.error(`conformance ${suite}: ${msg}`);
  writeTally("0 0 1");
  console.log(`conformance ${suite}: 0 passed, 1 failed`);
  process.exit(2);
}

// loadRun returns Map<scenario, {pass: Map<id, n>, failures: [{id, msg}]}>.
function loadRun(dir) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    die(`reading results ${dir}: ${err.message}`);
  }
  const run = new Map();
  const re = /^server-(.+)-\d{4}-\d{2}-\d{2}T[\d-]+Z$/;
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    const m = re.exec(e.name);
    if (!m) continue;
    const scenario = m[1];
    const file = path.join(dir, e.name, "checks.json");
    let checks;
    try {
      checks = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (err) {
      die(`reading ${file}: ${err.message}`);
    }
    if (!Array.isArray(checks)) die(`${file}: not a JSON array`);
    if (run.has(scenario)) die(`scenario ${scenario} appears twice in ${dir}`);
    const s = { pass: new Map(), failures: [], notes: [] };
    for (const c of checks) {
      if (c.status === "SUCCESS") s.pass.set(c.id, (s.pass.get(c.id) ?? 0) + 1);
      else if (c.status === "FAILURE") s.failures.push({ id: c.id, msg: c.errorMessage ?? "" });
      else s.notes.push({ id: c.id, msg: `${c.status}${c.errorMessage ? ": " + c.errorMessage : ""}` });
    }
    run.set(scenario, s);
  }
  if (run.size === 0) die(`no scenario results under ${dir}`);
  return run;
}

function readExpectations() {
  try {
    return JSON.parse(fs.readFileSync(expectFile, "utf8"));
  } catch (err) {
    if (cmd === "record" && err.code === "ENOENT") return {};
    die(`reading expectations ${expectFile}: ${err.message}`);
  }
}

const run = loadRun(resultsDir);
let passed = 0;
let failed = 0;
for (const s of run.values()) {
  for (const n of s.pass.values()) passed += n;
  failed += s.failures.length;
}

const all = readExpectations();

if (cmd === "record") {
  const scenarios = {};
  for (const name of [...run.keys()].sort()) {
    const s = run.get(name);
    scenarios[name] = {
      pass: Object.fromEntries([...s.pass.entries()].sort(([a], [b]) => a.localeCompare(b))),
      maxFailures: s.failures.length,
    };
  }
  all[suite] = { passed, failed, scenarios };
  const sorted = Object.fromEntries(Object.keys(all).sort().map((k) => [k, all[k]]));
  fs.writeFileSync(expectFile, JSON.stringify(sorted, null, 2) + "\n");
  console.log(`conformance ${suite}: recorded ${run.size} scenarios (${passed} passed, ${failed} failed)`);
  process.exit(0);
}

const want = all[suite];
if (!want || typeof want.scenarios !== "object") die(`no expectations recorded for suite ${suite} in ${expectFile}`);

const regressions = [];
for (const [name, exp] of Object.entries(want.scenarios)) {
  const got = run.get(name);
  if (!got) {
    regressions.push(`${name}: no results (scenario did not run or crashed)`);
    continue;
  }
  for (const [id, n] of Object.entries(exp.pass ?? {})) {
    const have = got.pass.get(id) ?? 0;
    if (have < n) {
      const why = [...got.failures, ...got.notes].filter((f) => f.id === id).map((f) => f.msg).filter(Boolean);
      regressions.push(`${name}/${id}: ${have} of ${n} passed${why.length ? ": " + why.join("; ") : ""}`);
    }
  }
  const maxF = exp.maxFailures ?? 0;
  if (got.failures.length > maxF) {
    const extra = got.failures.map((f) => `${f.id}${f.msg ? " (" + f.msg + ")" : ""}`);
    regressions.push(`${name}: ${got.failures.length} failed checks, at most ${maxF} expected: ${extra.join("; ")}`);
  }
}
const unknown = [...run.keys()].filter((k) => !(k in want.scenarios));

console.log(`conformance ${suite}: ${passed} passed, ${failed} failed`);
if (failed > 0 && regressions.length === 0) {
  console.log(`conformance ${suite}: all ${failed} failed checks are recorded as expected (see expectations.json)`);
}
for (const name of unknown) console.log(`conformance ${suite}: note: scenario ${name} is not in expectations`);
for (const r of regressions) console.log(`conformance ${suite}: REGRESSION ${r}`);
writeTally(`${passed} ${failed} ${regressions.length}`);
process.exit(regressions.length ? 1 : 0);
