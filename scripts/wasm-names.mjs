// Renames the wasm-bindgen glue's side of the import/export names that `wasm-opt
// --minify-imports-and-exports-and-modules` shortened in the .wasm (scripts/build.sh, build_pkg).
// wasm-bindgen names each import after the JS it calls plus a hash (`__wbg_set_fillStyle_4e2a1cf6f9f4b1d4`):
// about a hundred such names, written once in the .wasm and once in the glue, and hashes do not
// compress. Measured: 1.6 KB gzip fewer in the .wasm, more in the glue. The glue's own exports
// (`estimate`, `datasetInfo`, ...) keep their names; only the names between the glue and the .wasm change.
//
//   node scripts/wasm-names.mjs MAP.json GLUE.js WASM
//
// MAP.json is what wasm-opt printed: {"imports": [[module, name, new], ...], "exports": [[name, new], ...]}.
// Fails (exit 1, glue untouched) when a name of the map is not found in the glue where expected, or
// when the glue would still use a name the .wasm no longer has.

import fs from 'node:fs';

const [mapFile, glueFile, wasmFile] = process.argv.slice(2);
if (!mapFile || !glueFile || !wasmFile) {
  console.error('usage: node scripts/wasm-names.mjs MAP.json GLUE.js WASM');
  process.exit(2);
}
const fail = (msg) => {
  console.error('wasm-names: ' + msg);
  process.exit(1);
};
// wasm-opt may print other lines around the JSON; the map is the outermost {...}.
const raw = fs.readFileSync(mapFile, 'utf8');
const map = JSON.parse(raw.slice(raw.indexOf('{'), raw.lastIndexOf('}') + 1));
let glue = fs.readFileSync(glueFile, 'utf8');
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Imports: the keys of the glue's import object (`        name: function(`), and the module key.
const modules = new Map();
for (const [module, name, short] of map.imports || []) {
  const re = new RegExp(`^(\\s+)${esc(name)}(:\\s)`, 'm');
  if (!re.test(glue)) fail(`import ${name} is not a key of the glue's import object`);
  glue = glue.replace(re, (_, sp, colon) => `${sp}${JSON.stringify(short)}${colon}`);
  modules.set(module, short);
}
// The modules: the minified .wasm says what each import's module is called now.
const now = new Map(
  WebAssembly.Module.imports(new WebAssembly.Module(fs.readFileSync(wasmFile))).map((i) => [i.name, i.module]),
);
for (const [module, short] of modules) {
  const to = now.get(short),
    key = JSON.stringify(module);
  if (!to) fail(`the .wasm has no import ${short}`);
  if ((map.imports || []).some(([m, , s]) => m === module && now.get(s) !== to))
    fail(`the imports of ${module} went to several modules`);
  if (!glue.includes(`${key}: import`)) fail(`import module ${module} is not a key of the glue's imports`);
  glue = glue.split(`${key}: import`).join(`${JSON.stringify(to)}: import`);
}
// Exports: every `wasm.name` of the glue.
const exports = new Map((map.exports || []).map(([name, short]) => [name, short]));
glue = glue.replace(/\bwasm\.([A-Za-z_$][\w$]*)/g, (all, name) => {
  if (!exports.has(name)) fail(`the glue uses wasm.${name}, which the map does not rename`);
  return `wasm[${JSON.stringify(exports.get(name))}]`;
});
fs.writeFileSync(glueFile, glue);
console.error(`wasm-names: ${map.imports?.length || 0} imports and ${exports.size} exports renamed in ${glueFile}`);
