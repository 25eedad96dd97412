#!/usr/bin/env node
// Keeps docs/dataset.schema.json and the engine's dataset loader (src/load/) in step.
//
//   node tests/schema/check.mjs
//
// 1. The schema compiles in ajv's strict mode (draft 2020-12, with ajv-formats for "date"), has a
//    description on every property, and its enums are the loader's own lists (read from src/load/).
// 2. data/dataset.json and a few valid variants (comments, nulls, every criterion kind) pass both.
// 3. Broken datasets, made here from data/dataset.json by JSON-pointer edits, are rejected by BOTH
//    the schema and the loader, at the same JSON path ("$.markets[3].distanceKm.value"; ajv's
//    "/markets/3/distanceKm/value" converted), and both report no path the other does not.
// 4. Cross-reference mistakes that JSON Schema cannot express pass the schema and are rejected by
//    the loader: the "checked by the loader only" list of docs/DATASET.md.
//
// The loader runs as shipped: dist/pkg/sme_export.js + sme_export_bg.wasm (initSync). When they are
// missing or older than the Rust sources, `bash scripts/build.sh` makes them first. ajv comes from
// this folder's package-lock.json (`npm ci` runs here when node_modules is missing or stale).
// One line per check, then "N passed, M failed"; exit status 1 on any failure.
//
//   node tests/schema/check.mjs --write DIR   also writes each broken dataset to DIR (NN-name.json),
//                                             e.g. to try them on the validator page (www/dataset.html)

import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const SCHEMA_FILE = path.join(ROOT, 'docs/dataset.schema.json');
const DATASET_FILE = path.join(ROOT, 'data/dataset.json');
const LOADER_DIR = path.join(ROOT, 'src/load');
const PKG = path.join(ROOT, 'dist/pkg');

const argv = process.argv.slice(2);
let writeDir = null;
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--write' && argv[i + 1]) writeDir = path.resolve(argv[++i]);
  else {
    console.error('usage: node tests/schema/check.mjs [--write DIR]');
    process.exit(2);
  }
}
let written = 0;
/** With --write DIR: keeps one broken dataset as a file. */
function keep(name, doc) {
  if (!writeDir) return;
  fs.mkdirSync(writeDir, { recursive: true });
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  fs.writeFileSync(
    path.join(writeDir, `${String(++written).padStart(2, '0')}-${slug}.json`),
    JSON.stringify(doc, null, 2) + '\n',
  );
}

// ---- set-up: npm deps and the built engine ------------------------------------------------------

function die(msg) {
  console.error(`ERROR: ${msg}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

function ensureNpmDeps() {
  const lock = path.join(HERE, 'package-lock.json');
  const stamp = path.join(HERE, 'node_modules/.sme-export-lock.sha256');
  const want = crypto.createHash('sha256').update(fs.readFileSync(lock)).digest('hex');
  let have = '';
  try {
    have = fs.readFileSync(stamp, 'utf8').trim();
  } catch {
    /* not installed yet */
  }
  if (have === want && fs.existsSync(path.join(HERE, 'node_modules/ajv/package.json'))) return;
  console.error('==> npm ci in ./tests/schema');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: HERE,
    stdio: ['ignore', 2, 2],
  });
  if (r.status !== 0)
    die('npm ci failed in tests/schema (it needs the npm registry); run by hand: (cd tests/schema && npm ci)');
  fs.writeFileSync(stamp, want + '\n');
}

function newestMtime(dir, re) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newestMtime(p, re));
    else if (re.test(e.name)) t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
}

function ensureWasm() {
  const js = path.join(PKG, 'sme_export.js'),
    wasm = path.join(PKG, 'sme_export_bg.wasm');
  const inputs = Math.max(
    newestMtime(path.join(ROOT, 'src'), /\.rs$/),
    fs.statSync(DATASET_FILE).mtimeMs,
    fs.statSync(path.join(ROOT, 'Cargo.toml')).mtimeMs,
  );
  const built =
    fs.existsSync(js) && fs.existsSync(wasm) ? Math.min(fs.statSync(js).mtimeMs, fs.statSync(wasm).mtimeMs) : 0;
  if (built >= inputs) return;
  console.error(
    built ? '==> dist/pkg is older than src/: bash scripts/build.sh' : '==> dist/pkg is missing: bash scripts/build.sh',
  );
  const r = spawnSync('bash', [path.join(ROOT, 'scripts/build.sh')], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (r.status !== 0 || !fs.existsSync(js)) die('scripts/build.sh failed; the loader is needed as Wasm (dist/pkg/)');
}

ensureNpmDeps();
ensureWasm();

const { default: Ajv2020 } = await import(pathToFileURL(path.join(HERE, 'node_modules/ajv/dist/2020.js')));
const formatsMod = await import(pathToFileURL(path.join(HERE, 'node_modules/ajv-formats/dist/index.js')));
const addFormats = formatsMod.default.default || formatsMod.default;

// dist/pkg has no package.json saying "type": "module": import a copy named .mjs.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sme-schema-'));
fs.copyFileSync(path.join(PKG, 'sme_export.js'), path.join(tmp, 'sme_export.mjs'));
const engine = await import(pathToFileURL(path.join(tmp, 'sme_export.mjs')));
engine.initSync({ module: fs.readFileSync(path.join(PKG, 'sme_export_bg.wasm')) });
fs.rmSync(tmp, { recursive: true, force: true });

// ---- helpers --------------------------------------------------------------------------------------

let passed = 0,
  failed = 0;
function check(name, fn) {
  let detail;
  try {
    detail = fn();
  } catch (e) {
    detail = e && e.message ? e.message : String(e);
  }
  if (detail === true || detail === undefined) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}\n       ${String(detail).split('\n').join('\n       ')}`);
  }
}

const clone = (x) => JSON.parse(JSON.stringify(x));

/** RFC 6901 pointer to its tokens. */
function tokens(ptr) {
  if (ptr === '') return [];
  if (!ptr.startsWith('/')) throw new Error(`bad pointer ${ptr}`);
  return ptr
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A few RFC 6902 operations (add, remove, replace) on a copy of `doc`. */
function patch(doc, ops) {
  let root = clone(doc);
  for (const { op, path: p, value } of ops) {
    const t = tokens(p);
    if (!t.length) {
      if (op === 'remove') throw new Error('cannot remove the root');
      root = clone(value);
      continue;
    }
    let parent = root;
    for (const k of t.slice(0, -1)) {
      parent = parent[Array.isArray(parent) ? Number(k) : k];
      if (parent === undefined) throw new Error(`no ${p} in the dataset`);
    }
    const last = t[t.length - 1];
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : Number(last);
      if (op === 'add') parent.splice(i, 0, clone(value));
      else if (!(i in parent)) throw new Error(`no ${p} in the dataset`);
      else if (op === 'remove') parent.splice(i, 1);
      else parent[i] = clone(value);
    } else {
      if (op !== 'add' && !(last in parent)) throw new Error(`no ${p} in the dataset`);
      if (op === 'remove') delete parent[last];
      else parent[last] = clone(value);
    }
  }
  return root;
}

/** ajv's instancePath ("/markets/3/distanceKm/value") as the loader's path ("$.markets[3].distanceKm.value"). */
function loaderPath(instancePath) {
  return (
    '$' +
    tokens(instancePath)
      .map((k) => (/^(0|[1-9][0-9]*)$/.test(k) ? `[${k}]` : `.${k}`))
      .join('')
  );
}

/** The loader's path of one ajv error: a missing property is reported at the property itself. */
function errorPath(e) {
  const p = loaderPath(e.instancePath);
  return e.keyword === 'required' ? `${p}.${e.params.missingProperty}` : p;
}

const uniq = (xs) => [...new Set(xs)];

// ---- 1. the schema itself ----------------------------------------------------------------------------

const schemaText = fs.readFileSync(SCHEMA_FILE, 'utf8');
const base = JSON.parse(fs.readFileSync(DATASET_FILE, 'utf8'));
const loaderSrc = fs
  .readdirSync(LOADER_DIR)
  .filter((name) => name.endsWith('.rs'))
  .map((name) => fs.readFileSync(path.join(LOADER_DIR, name), 'utf8'))
  .join('\n');
let schema, validate;

check('schema is JSON and declares draft 2020-12', () => {
  schema = JSON.parse(schemaText);
  return schema.$schema === 'https://json-schema.org/draft/2020-12/schema' || `$schema is ${schema.$schema}`;
});

check('schema compiles in ajv strict mode (Ajv2020 {strict: true}, ajv-formats)', () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  validate = ajv.compile(schema);
});
if (!validate) {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(1);
}

/** Every subschema of `s` (and where it is), walking the keywords that hold subschemas. */
function* subschemas(s, where) {
  if (!s || typeof s !== 'object') return;
  yield [s, where];
  for (const k of ['properties', '$defs', 'patternProperties']) {
    for (const [n, sub] of Object.entries(s[k] || {})) yield* subschemas(sub, `${where}/${k}/${n}`);
  }
  for (const k of ['items', 'if', 'then', 'else', 'not', 'additionalProperties', 'contains']) {
    if (s[k] && typeof s[k] === 'object') yield* subschemas(s[k], `${where}/${k}`);
  }
  for (const k of ['allOf', 'anyOf', 'oneOf', 'prefixItems']) {
    for (const [i, sub] of (s[k] || []).entries())
      if (typeof sub === 'object') yield* subschemas(sub, `${where}/${k}/${i}`);
  }
}

check('every property of the schema has a description', () => {
  const missing = [];
  for (const [s, where] of subschemas(schema, '#')) {
    for (const [name, sub] of Object.entries(s.properties || {})) {
      // Properties inside an `if` only select a branch; they are described where they are defined.
      if (/\/if$/.test(where)) continue;
      if (!sub.description) missing.push(`${where}/properties/${name}`);
    }
  }
  return missing.length === 0 || `no description: ${missing.join(', ')}`;
});

check('additionalProperties is never false (the loader ignores unknown keys)', () => {
  const bad = [...subschemas(schema, '#')].filter(([s]) => s.additionalProperties === false).map(([, w]) => w);
  return bad.length === 0 || bad.join(', ');
});

/** The JSON names the loader accepts for an enum of src/vocab.rs: its `impl TYPE { pub const ALL: [...] = [(TYPE::X, "x"), ...]; }`. */
const vocabSrc = fs.readFileSync(path.join(ROOT, 'src/vocab.rs'), 'utf8');
function rustList(type) {
  const m = vocabSrc.match(
    new RegExp(`impl ${type} \\{[^}]*?pub const ALL: \\[\\(${type}, &'static str\\); \\d+\\] =([^;]*);`),
  );
  if (!m) throw new Error(`src/vocab.rs has no ${type}::ALL`);
  return [...m[1].matchAll(/"([^"]*)"/g)].map((x) => x[1]);
}
const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));
const crit = schema.$defs.criterion;
const thenOf = (kind) => crit.allOf.find((b) => b.if.properties.kind.const === kind).then;

check('enums match the loader: FTA status, program status, sizes, questions, criterion kinds, schema tag', () => {
  const items = (p) => p.items;
  const pairs = [
    ['FtaStatus', rustList('FtaStatus'), items(schema.properties.markets).properties.fta.properties.status.enum],
    ['ProgramStatus', rustList('ProgramStatus'), items(schema.properties.programs).properties.status.enum],
    ['SmeSize', rustList('SmeSize'), thenOf('size').properties.anyOf.items.enum],
    ['Question', rustList('Question'), thenOf('readiness').properties.question.enum],
  ];
  const kinds = loaderSrc.match(/is not a criterion kind \(([^)]*)\)/);
  if (!kinds) return 'src/load/: the "is not a criterion kind (...)" message was not found';
  pairs.push(['criterion kinds', kinds[1].split(',').map((s) => s.trim()), crit.properties.kind.enum]);
  const tag = loaderSrc.match(/pub const SCHEMA: &str = "([^"]*)"/);
  pairs.push(['SCHEMA', [tag && tag[1]], [schema.properties.schema.const]]);
  const bad = pairs
    .filter(([, a, b]) => !sameSet(a, b))
    .map(([n, a, b]) => `${n}: loader ${JSON.stringify(a)}, schema ${JSON.stringify(b)}`);
  // Every kind with fields has an if/then branch, and no branch names an unknown kind.
  const branches = crit.allOf.map((b) => b.if.properties.kind.const);
  for (const k of branches)
    if (!crit.properties.kind.enum.includes(k)) bad.push(`if/then branch for unknown kind ${k}`);
  for (const k of crit.properties.kind.enum)
    if (k !== 'ftaInForce' && !branches.includes(k)) bad.push(`no if/then branch for kind ${k}`);
  return bad.length === 0 || bad.join('\n');
});

// ---- 2..4. datasets through both ---------------------------------------------------------------------

function runBoth(doc) {
  const text = typeof doc === 'string' ? doc : JSON.stringify(doc);
  const ok = validate(JSON.parse(text));
  const errors = ok ? [] : validate.errors.filter((e) => e.keyword !== 'if'); // "must match then/else": a summary
  const rep = engine.validateDataset(text);
  return {
    schemaOk: ok,
    errors,
    schemaPaths: uniq(errors.map(errorPath)),
    loaderOk: rep.ok,
    problems: rep.problems,
    loaderPaths: uniq(rep.problems.map((p) => p.path)),
  };
}

const describeSchema = (r) => r.errors.map((e) => `${errorPath(e)} (${e.keyword}: ${e.message})`).join('; ') || 'none';
const describeLoader = (r) => r.problems.map((p) => `${p.path} (${p.kind})`).join('; ') || 'none';

function valid(name, ops) {
  check(`valid for both: ${name}`, () => {
    const r = runBoth(patch(base, ops));
    const bad = [];
    if (!r.schemaOk) bad.push(`schema rejects: ${describeSchema(r)}`);
    if (!r.loaderOk) bad.push(`loader rejects: ${describeLoader(r)}`);
    return bad.length === 0 || bad.join('\n');
  });
}

/** Rejected by both at `at` (loader kind `kind`); `alsoAt`: other paths both must report too. */
function broken(name, ops, at, kind, alsoAt = []) {
  check(`rejected by both at ${at}: ${name}`, () => {
    const doc = patch(base, ops);
    keep(name, doc);
    const r = runBoth(doc);
    const want = [at, ...alsoAt].sort();
    const bad = [];
    if (r.schemaOk) bad.push('schema accepts it');
    if (r.loaderOk) bad.push('loader accepts it');
    if (!sameSet(uniq(r.schemaPaths).sort(), want)) bad.push(`schema paths: ${describeSchema(r)}`);
    if (!sameSet(uniq(r.loaderPaths).sort(), want)) bad.push(`loader paths: ${describeLoader(r)}`);
    const p = r.problems.find((x) => x.path === at);
    if (p && p.kind !== kind) bad.push(`loader kind at ${at} is ${p.kind}, expected ${kind}`);
    if (p && !p.hint) bad.push(`loader problem at ${at} has no hint`);
    return bad.length === 0 || `${bad.join('\n')}\n(schema: ${describeSchema(r)})\n(loader: ${describeLoader(r)})`;
  });
}

/** Passes the schema (JSON Schema cannot say it) but the loader rejects it at `at` with `kind`. */
function loaderOnly(name, ops, at, kind) {
  check(`loader only, at ${at} (${kind}): ${name}`, () => {
    const doc = patch(base, ops);
    keep(name, doc);
    const r = runBoth(doc);
    const bad = [];
    if (!r.schemaOk) bad.push(`schema rejects it (move it to the "rejected by both" list?): ${describeSchema(r)}`);
    if (r.loaderOk) bad.push('loader accepts it');
    else if (!r.problems.some((x) => x.path === at && x.kind === kind)) bad.push(`loader: ${describeLoader(r)}`);
    return bad.length === 0 || bad.join('\n');
  });
}

// 2. valid datasets
valid('data/dataset.json as it is', []);
valid('comments and unknown keys anywhere ($schema, _comment)', [
  { op: 'add', path: '/$schema', value: 'dataset.schema.json' },
  { op: 'add', path: '/_comment', value: '2026년 11월 보건복지부 갱신' },
  { op: 'add', path: '/markets/0/_note', value: { reviewer: 'kim', checked: true } },
  { op: 'add', path: '/markets/0/distanceKm/_how', value: 'great-circle distance' },
  { op: 'add', path: '/programs/0/rule/0/_why', value: ['law', 2016] },
]);
valid('optional fields left out', [
  { op: 'remove', path: '/markets/6/fta/name' },
  { op: 'remove', path: '/markets/6/fta/date' },
  { op: 'remove', path: '/markets/6/fta/source' },
  { op: 'remove', path: '/programs/0/statusNote' },
  { op: 'remove', path: '/programs/0/nextStep' },
  { op: 'remove', path: '/programs/0/dates' },
  { op: 'remove', path: '/programs/0/url' },
  { op: 'remove', path: '/plan/baseExportsKrw/year' },
  { op: 'remove', path: '/plan/baseExportsKrw/assumption' },
  { op: 'remove', path: '/exchangeRates/1/krwPerUsd/note' },
]);
valid('optional fields null', [
  { op: 'replace', path: '/markets/0/fta/name', value: null },
  { op: 'replace', path: '/markets/0/fta/source', value: null },
  { op: 'replace', path: '/programs/5/url', value: null },
  { op: 'replace', path: '/programs/5/statusNote', value: null },
  { op: 'replace', path: '/programs/5/nextStep', value: null },
  { op: 'replace', path: '/plan/baseExportsKrw/year', value: null },
  { op: 'replace', path: '/plan/baseExportsKrw/assumption', value: null },
  { op: 'replace', path: '/method/modelUncertainty/source', value: null },
]);
valid('an assumption needs no source; empty programs list', [
  { op: 'remove', path: '/method/readinessMinMultiplier/source' },
  { op: 'replace', path: '/programs', value: [] },
]);
valid('every criterion kind in one rule', [
  {
    op: 'replace',
    path: '/programs/5/rule',
    value: [
      { kind: 'sector', anyOf: ['medical_devices', 'digital_health'] },
      { kind: 'region', anyOf: ['middle_east'] },
      { kind: 'market', anyOf: ['SA', 'KZ'] },
      { kind: 'size', anyOf: ['small', 'medium'] },
      { kind: 'readiness', question: 'certification', expect: true },
      { kind: 'currentExports', minKrw: 0, maxKrw: 100000000000 },
      { kind: 'currentExports', maxKrw: null },
      { kind: 'ftaInForce' },
      { kind: 'confirm', text: { ko: '확인할 사항', en: 'Something to confirm' } },
    ],
  },
]);
valid('boundary values (share 0 and 1, growth -0.5 and 1, years 1900 and 2200)', [
  { op: 'replace', path: '/sectors/0/koreaWorldShare/value', value: 1 },
  { op: 'replace', path: '/sectors/1/koreaWorldShare/value', value: 0 },
  { op: 'replace', path: '/markets/0/demandGrowth/0/value', value: -0.5 },
  { op: 'replace', path: '/markets/0/demandGrowth/1/value', value: 1 },
  { op: 'replace', path: '/markets/0/demand/0/value', value: 0 },
  { op: 'replace', path: '/sectors/0/koreaOutputKrw/year', value: 1900 },
  { op: 'replace', path: '/sectors/1/koreaOutputKrw/year', value: 2200 },
]);

// 3. broken datasets, rejected by both at the same path
broken(
  'required field missing',
  [{ op: 'remove', path: '/markets/3/distanceKm' }],
  '$.markets[3].distanceKm',
  'missing',
);
broken('top-level field missing', [{ op: 'remove', path: '/version' }], '$.version', 'missing');
broken('English text missing', [{ op: 'remove', path: '/programs/1/name/en' }], '$.programs[1].name.en', 'missing');
broken(
  'wrong type: a year written as text',
  [{ op: 'replace', path: '/plan/baseYear', value: '2012' }],
  '$.plan.baseYear',
  'type',
);
broken(
  'wrong type: a name that is not text',
  [{ op: 'replace', path: '/sectors/0/name/ko', value: 123 }],
  '$.sectors[0].name.ko',
  'type',
);
broken(
  'wrong type: an object where a list belongs',
  [{ op: 'replace', path: '/markets/0/demand', value: {} }],
  '$.markets[0].demand',
  'type',
);
broken('wrong type: the file is a list, not an object', [{ op: 'replace', path: '', value: [] }], '$', 'type');
broken(
  'wrong type: assumption "yes" (and so no source)',
  [{ op: 'replace', path: '/method/modelUncertainty/assumption', value: 'yes' }],
  '$.method.modelUncertainty.assumption',
  'type',
  ['$.method.modelUncertainty.source'],
);
broken(
  'negative distance',
  [{ op: 'replace', path: '/markets/3/distanceKm/value', value: -5 }],
  '$.markets[3].distanceKm.value',
  'negative',
);
broken(
  'negative demand',
  [{ op: 'replace', path: '/markets/2/demand/1/value', value: -1 }],
  '$.markets[2].demand[1].value',
  'negative',
);
broken(
  'zero where more than 0 is needed (exchange rate)',
  [{ op: 'replace', path: '/exchangeRates/1/krwPerUsd/value', value: 0 }],
  '$.exchangeRates[1].krwPerUsd.value',
  'range',
);
broken(
  'a projection of 0 years',
  [{ op: 'replace', path: '/projectionYears', value: 0 }],
  '$.projectionYears',
  'range',
);
broken(
  'an actual-exports record naming no sector',
  [{ op: 'replace', path: '/markets/1/koreaExports/0/sectors', value: [] }],
  '$.markets[1].koreaExports[0].sectors',
  'empty',
);
broken(
  'a negative actual-exports figure',
  [{ op: 'replace', path: '/markets/1/koreaExports/0/value', value: -1 }],
  '$.markets[1].koreaExports[0].value',
  'negative',
);
broken(
  'a sector without its exports in dollars',
  [{ op: 'remove', path: '/sectors/0/koreaExportsUsd' }],
  '$.sectors[0].koreaExportsUsd',
  'missing',
);
broken(
  'share above 1',
  [{ op: 'replace', path: '/sectors/1/koreaWorldShare/value', value: 1.5 }],
  '$.sectors[1].koreaWorldShare.value',
  'range',
);
broken(
  'growth below -0.5',
  [{ op: 'replace', path: '/markets/0/demandGrowth/2/value', value: -0.6 }],
  '$.markets[0].demandGrowth[2].value',
  'range',
);
broken(
  'growth above 1 (5 meaning 5 %)',
  [{ op: 'replace', path: '/markets/4/demandGrowth/0/value', value: 5 }],
  '$.markets[4].demandGrowth[0].value',
  'range',
);
broken(
  'year out of range',
  [{ op: 'replace', path: '/sectors/0/koreaOutputKrw/year', value: 23 }],
  '$.sectors[0].koreaOutputKrw.year',
  'range',
);
broken(
  'year not a whole number',
  [{ op: 'replace', path: '/plan/targetYear', value: 2017.5 }],
  '$.plan.targetYear',
  'type',
);
broken(
  'unknown criterion kind',
  [{ op: 'replace', path: '/programs/0/rule/0/kind', value: 'industry' }],
  '$.programs[0].rule[0].kind',
  'unknownKind',
);
broken(
  'criterion without kind',
  [{ op: 'remove', path: '/programs/0/rule/0/kind' }],
  '$.programs[0].rule[0].kind',
  'missing',
);
broken(
  'unknown FTA status',
  [{ op: 'replace', path: '/markets/1/fta/status', value: 'in-force' }],
  '$.markets[1].fta.status',
  'unknownKind',
);
broken(
  'unknown program status',
  [{ op: 'replace', path: '/programs/2/status', value: 'closed' }],
  '$.programs[2].status',
  'unknownKind',
);
broken(
  'unknown size in a size rule',
  [{ op: 'replace', path: '/programs/5/rule/0/anyOf/1', value: 'large' }],
  '$.programs[5].rule[0].anyOf[1]',
  'unknownKind',
);
broken(
  'readiness rule without expect',
  [{ op: 'add', path: '/programs/5/rule/-', value: { kind: 'readiness', question: 'localPartner' } }],
  '$.programs[5].rule[3].expect',
  'missing',
);
broken(
  'readiness rule with an unknown question',
  [{ op: 'add', path: '/programs/5/rule/-', value: { kind: 'readiness', question: 'staff', expect: true } }],
  '$.programs[5].rule[3].question',
  'unknownKind',
);
broken(
  'confirm rule without text',
  [{ op: 'remove', path: '/programs/4/rule/1/text' }],
  '$.programs[4].rule[1].text',
  'missing',
);
broken(
  'negative export bound',
  [{ op: 'add', path: '/programs/5/rule/-', value: { kind: 'currentExports', minKrw: -1 } }],
  '$.programs[5].rule[3].minKrw',
  'negative',
);
broken(
  'a programme without the date its status was checked',
  [{ op: 'remove', path: '/programs/0/statusChecked' }],
  '$.programs[0].statusChecked',
  'missing',
);
broken(
  'a status check date that is not a date',
  [{ op: 'replace', path: '/programs/6/statusChecked', value: 'Dec 2026' }],
  '$.programs[6].statusChecked',
  'date',
);
broken('no SME table at all', [{ op: 'replace', path: '/sme/tables', value: [] }], '$.sme.tables', 'empty');
broken(
  'empty anyOf list',
  [{ op: 'replace', path: '/programs/0/rule/0/anyOf', value: [] }],
  '$.programs[0].rule[0].anyOf',
  'empty',
);
broken(
  'bad date format (28.11.2026)',
  [{ op: 'replace', path: '/figuresAsOf', value: '28.11.2026' }],
  '$.figuresAsOf',
  'date',
);
broken(
  'a date that does not exist (2013-02-30)',
  [{ op: 'replace', path: '/plan/announced', value: '2013-02-30' }],
  '$.plan.announced',
  'date',
);
broken(
  'empty id (a market no rule or route names)',
  [
    { op: 'replace', path: '/markets/6/id', value: '' },
    { op: 'remove', path: '/entryRoutes/20' },
    { op: 'remove', path: '/entryRoutes/19' },
    { op: 'remove', path: '/entryRoutes/18' },
  ],
  '$.markets[6].id',
  'empty',
);
broken(
  'empty region reference',
  [{ op: 'replace', path: '/markets/0/region', value: '' }],
  '$.markets[0].region',
  'empty',
);
broken(
  'empty sector id in a rule',
  [{ op: 'replace', path: '/programs/0/rule/0/anyOf/0', value: '' }],
  '$.programs[0].rule[0].anyOf[0]',
  'empty',
);
broken(
  'figure with an empty source, not an assumption',
  [{ op: 'replace', path: '/markets/0/distanceKm/source', value: ' ' }],
  '$.markets[0].distanceKm.source',
  'unsourced',
);
broken(
  'figure with no source at all, not an assumption',
  [{ op: 'remove', path: '/plan/baseExportsKrw/source' }],
  '$.plan.baseExportsKrw.source',
  'unsourced',
);
broken('wrong schema tag', [{ op: 'replace', path: '/schema', value: 'sme-export-dataset/2' }], '$.schema', 'schema');
broken('empty regions list', [{ op: 'replace', path: '/regions', value: [] }], '$.regions', 'empty');
broken(
  'more than 1000 programs',
  [
    {
      op: 'replace',
      path: '/programs',
      // The dataset's own programmes (entry routes name them) and more, up to 1,001.
      value: Array.from({ length: 1001 }, (_, i) => ({
        ...base.programs[9],
        id: i < base.programs.length ? base.programs[i].id : `p${i}`,
      })),
    },
  ],
  '$.programs',
  'tooLarge',
);

// 4. mistakes only the loader can see (docs/DATASET.md, "checked by the loader only")
loaderOnly(
  'a rule names a sector not in sectors',
  [{ op: 'replace', path: '/programs/0/rule/0/anyOf/0', value: 'dentistry' }],
  '$.programs[0].rule[0].anyOf[0]',
  'unknownSector',
);
loaderOnly(
  'a rule names a market not in markets',
  [{ op: 'replace', path: '/programs/2/rule/1/anyOf/0', value: 'XX' }],
  '$.programs[2].rule[1].anyOf[0]',
  'unknownMarket',
);
loaderOnly(
  'a rule names a region not in regions',
  [{ op: 'replace', path: '/programs/2/rule/1', value: { kind: 'region', anyOf: ['middle_east', 'asia'] } }],
  '$.programs[2].rule[1].anyOf[1]',
  'unknownRegion',
);
loaderOnly(
  'a market in a region not in regions',
  [{ op: 'replace', path: '/markets/0/region', value: 'gulf' }],
  '$.markets[0].region',
  'unknownRegion',
);
loaderOnly(
  'two markets with one id',
  [{ op: 'replace', path: '/markets/1/id', value: 'SA' }],
  '$.markets[1].id',
  'duplicate',
);
loaderOnly(
  'two programs with one id',
  [{ op: 'replace', path: '/programs/1/id', value: 'foreign_branch_act' }],
  '$.programs[1].id',
  'duplicate',
);
loaderOnly(
  'a market without demand for a sector that has no demand proxy',
  [
    { op: 'remove', path: '/sectors/1/demandFromHealthSpending' },
    { op: 'remove', path: '/markets/0/demand/0' },
  ],
  '$.markets[0].demand',
  'incomplete',
);
loaderOnly(
  'a market with growth for one sector twice',
  [{ op: 'replace', path: '/markets/0/demandGrowth/3/sector', value: 'medical_devices' }],
  '$.markets[0].demandGrowth[3].sector',
  'duplicate',
);
loaderOnly(
  'the SME table without a row for one sector',
  [{ op: 'remove', path: '/sme/tables/1/rows/3' }],
  '$.sme.tables[1].rows',
  'incomplete',
);
loaderOnly(
  'two SME tables in force from the same day',
  [{ op: 'replace', path: '/sme/tables/1/effective', value: '2015-01-01' }],
  '$.sme.tables[1].effective',
  'duplicate',
);
loaderOnly(
  'readiness weights that do not sum to 1',
  [{ op: 'replace', path: '/method/readinessWeights/localLanguage/value', value: 0.2 }],
  '$.method.readinessWeights',
  'range',
);
loaderOnly(
  'minimum readiness multiplier above the maximum',
  [{ op: 'replace', path: '/method/readinessMinMultiplier/value', value: 2 }],
  '$.method.readinessMinMultiplier',
  'range',
);
loaderOnly(
  'small-enterprise limit above the medium one',
  [{ op: 'replace', path: '/sme/tables/0/rows/0/smallMaxKrw/value', value: 90000000000 }],
  '$.sme.tables[0].rows[0].smallMaxKrw',
  'range',
);
loaderOnly(
  'target year before the base year',
  [{ op: 'replace', path: '/plan/targetYear', value: 2010 }],
  '$.plan.targetYear',
  'range',
);
loaderOnly(
  'target year more than 50 years after the base year',
  [{ op: 'replace', path: '/plan/targetYear', value: 2100 }],
  '$.plan.targetYear',
  'range',
);
loaderOnly(
  'a price year without its exchange rate',
  [{ op: 'replace', path: '/priceYear', value: 2026 }],
  '$.exchangeRates',
  'incomplete',
);
loaderOnly(
  'one year with two exchange rates',
  [{ op: 'replace', path: '/exchangeRates/0/year', value: 2025 }],
  '$.exchangeRates[1].year',
  'duplicate',
);
loaderOnly(
  'an actual-exports record naming a sector not in sectors',
  [{ op: 'replace', path: '/markets/1/koreaExports/0/sectors/0', value: 'dentistry' }],
  '$.markets[1].koreaExports[0].sectors[0]',
  'unknownSector',
);
loaderOnly(
  'two single-sector actual-exports records for one sector',
  [{ op: 'replace', path: '/markets/1/koreaExports/1/sectors/0', value: 'medical_devices' }],
  '$.markets[1].koreaExports[1].sectors',
  'duplicate',
);
loaderOnly(
  'the plan scope names a sector not in sectors',
  [{ op: 'replace', path: '/plan/scopeSectors/0', value: 'dentistry' }],
  '$.plan.scopeSectors[0]',
  'unknownSector',
);
loaderOnly(
  'export bounds the wrong way round',
  [
    {
      op: 'add',
      path: '/programs/5/rule/-',
      value: { kind: 'currentExports', minKrw: 5000000000, maxKrw: 1000000000 },
    },
  ],
  '$.programs[5].rule[3].minKrw',
  'range',
);

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
