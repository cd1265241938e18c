'use strict';
// Runs conformance cases through aws-local-stepfunctions (ALS) in one node process, as a second
// opinion beside our Java interpreter. Every Task state is answered from the case's stubs, so
// nothing ever calls AWS. Prints one JSON line per case, keys sorted.
//
// Usage: node als-driver.cjs run   <nodeModulesParent> <casesDir> <repoRoot>
//        node als-driver.cjs bench <nodeModulesParent> <caseFile> <repoRoot> <seconds>
// Requires NODE_OPTIONS=--require <infra/node/polyfill.cjs> on node 20 (Promise.withResolvers).

const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const [mode, nodeDir, target, repoRoot, benchSeconds] = process.argv.slice(2);
if (!mode || !nodeDir || !target || !repoRoot) {
  console.error('usage: als-driver.cjs run|bench <nodeDir> <casesDir|caseFile> <repoRoot> [seconds]');
  process.exit(64);
}
const requireFromTools = createRequire(path.join(path.resolve(nodeDir), 'package.json'));
const { StateMachine, ExecutionError, ExecutionTimeoutError } = requireFromTools('aws-local-stepfunctions');

const INVOKE = 'arn:aws:states:::lambda:invoke';
// Real sleeps stand in for a stub's virtual duration only when they are this short.
const MAX_REAL_SLEEP_SECONDS = 3;
const CASE_DEADLINE_MS = 20000;

function caseFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return caseFiles(full);
      return entry.name.endsWith('.json') && entry.name !== 'README.json' ? [full] : [];
    });
}

function loadCase(file) {
  const testCase = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (testCase.definitionFile) {
    testCase.definition = JSON.parse(fs.readFileSync(path.join(repoRoot, testCase.definitionFile), 'utf8'));
  }
  return testCase;
}

// Visits every state, including those inside Parallel branches and Map processors.
function forEachState(definition, visit) {
  for (const [name, state] of Object.entries(definition.States || {})) {
    visit(name, state);
    for (const branch of state.Branches || []) forEachState(branch, visit);
    if (state.ItemProcessor) forEachState(state.ItemProcessor, visit);
    if (state.Iterator) forEachState(state.Iterator, visit);
  }
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]));
  }
  return value;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// What AWS returns around a function's result for arn:aws:states:::lambda:invoke; ALS has no
// such wrapper, so the driver adds it (the Java interpreter does it itself).
function invokeWrapper(payload) {
  return {
    ExecutedVersion: '$LATEST',
    Payload: payload,
    SdkHttpMetadata: { HttpHeaders: {}, HttpStatusCode: 200 },
    SdkResponseMetadata: { RequestId: '00000000-0000-0000-0000-000000000000' },
    StatusCode: 200,
  };
}

function stubbedHandler(name, state, stubs, invocations, realSleeps) {
  const entries = stubs[name];
  const wrap = state.Resource === INVOKE;
  return async () => {
    const call = invocations[name] || 0;
    invocations[name] = call + 1;
    if (!entries || entries.length === 0) {
      const error = new Error(`no stub for state ${name}`);
      error.name = 'Stub.Missing';
      throw error;
    }
    const entry = entries[Math.min(call, entries.length - 1)];
    if (entry.durationSeconds && realSleeps) await sleep(entry.durationSeconds * 1000);
    if (entry.throw) {
      const error = new Error(entry.throw.cause == null ? '' : entry.throw.cause);
      error.name = entry.throw.error;
      throw error;
    }
    return wrap ? invokeWrapper(entry.return) : entry.return;
  };
}

function overridesFor(testCase, invocations, realSleeps) {
  const overrides = { taskResourceLocalHandlers: {}, waitTimeOverrides: {}, retryIntervalOverrides: {} };
  forEachState(testCase.definition, (name, state) => {
    if (state.Type === 'Task') {
      overrides.taskResourceLocalHandlers[name] =
        stubbedHandler(name, state, testCase.stubs || {}, invocations, realSleeps);
    }
    if (state.Type === 'Wait') overrides.waitTimeOverrides[name] = 0;
    if (state.Retry) overrides.retryIntervalOverrides[name] = 0;
  });
  return overrides;
}

function needsRealSleeps(testCase) {
  return Object.values(testCase.stubs || {}).flat()
    .every((entry) => !entry.durationSeconds || entry.durationSeconds <= MAX_REAL_SLEEP_SECONDS);
}

function describeFailure(error) {
  if (error instanceof ExecutionTimeoutError) return { status: 'TIMED_OUT', error: 'States.Timeout' };
  if (error instanceof ExecutionError && error.cause) {
    return { status: 'FAILED', error: String(error.cause.name), cause: String(error.cause.message) };
  }
  return { status: 'DRIVER_ERROR', error: String(error && error.name), cause: String(error && error.message) };
}

async function execute(machine, testCase, realSleeps) {
  const invocations = {};
  const run = machine.run(testCase.input === undefined ? {} : testCase.input,
    { overrides: overridesFor(testCase, invocations, realSleeps) });
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result within ${CASE_DEADLINE_MS} ms`)), CASE_DEADLINE_MS);
  });
  try {
    const output = await Promise.race([run.result, deadline]);
    return { status: 'SUCCEEDED', output: output === undefined ? null : output, invocations };
  } catch (error) {
    if (!(error instanceof ExecutionError || error instanceof ExecutionTimeoutError)) run.abort();
    return { ...describeFailure(error), invocations };
  } finally {
    clearTimeout(timer);
  }
}

function build(testCase) {
  return new StateMachine(testCase.definition, { validationOptions: { checkArn: true, checkPaths: true } });
}

async function runAll(casesDir) {
  for (const file of caseFiles(casesDir)) {
    const id = path.relative(casesDir, file).replace(/\\/g, '/').replace(/\.json$/, '');
    const testCase = loadCase(file);
    if (testCase.als && testCase.als.skip) continue;
    let result;
    try {
      const machine = build(testCase);
      result = await execute(machine, testCase, needsRealSleeps(testCase));
    } catch (error) {
      result = { status: 'DEFINITION_ERROR', cause: String(error && error.message) };
    }
    process.stdout.write(JSON.stringify(sortKeys({ case: id, ...result })) + '\n');
  }
}

// Times executions of one case after a warm-up; the figure covers ALS only, not node start-up.
async function bench(caseFile, seconds) {
  const testCase = loadCase(caseFile);
  const machine = build(testCase);
  const warmUpUntil = Date.now() + 2000;
  while (Date.now() < warmUpUntil) await execute(machine, testCase, false);
  let executions = 0;
  const started = process.hrtime.bigint();
  const stopAt = Date.now() + seconds * 1000;
  let last;
  while (Date.now() < stopAt) {
    last = await execute(machine, testCase, false);
    executions += 1;
  }
  const elapsedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(JSON.stringify({
    executions, seconds: elapsedSeconds, executionsPerSecond: executions / elapsedSeconds, lastStatus: last.status,
  }) + '\n');
}

const done = mode === 'bench' ? bench(target, Number(benchSeconds || 5)) : runAll(target);
done.catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
