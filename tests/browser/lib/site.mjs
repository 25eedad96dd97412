// The site under test: a temp copy of dist/ plus the test pages of fixtures/ (under __t/), the
// KRDS kit from node_modules, and datasets made for the injection case. Served from 127.0.0.1 on
// free ports by scripts/serve.mjs: A (the site), CSP (the site under a strict policy), B (a
// parent page's origin) and C (a third, foreign origin).

import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const TESTS = path.resolve(HERE, '..');
export const REPO = path.resolve(TESTS, '..', '..');

export const STRICT_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";
export const PAYLOAD = '<img src=x onerror=window.__pwned=1>';

/** The dataset with the payload appended to every name, source and note (ko and en). */
function poisonedDataset(json) {
  const d = JSON.parse(json);
  const walk = (o) => {
    if (Array.isArray(o)) {
      o.forEach(walk);
      return;
    }
    if (!o || typeof o !== 'object') return;
    for (const k of Object.keys(o)) {
      if (typeof o[k] === 'string' && ['source', 'ko', 'en'].includes(k)) o[k] = o[k] + ' ' + PAYLOAD;
      else walk(o[k]);
    }
  };
  walk(d);
  // Links the widget must refuse to render as links.
  if (Array.isArray(d.programs))
    d.programs.forEach((p, i) => {
      p.url = i % 2 ? 'javascript:window.__pwned=1' : 'data:text/html,<script>parent.__pwned=1</script>';
    });
  return JSON.stringify(d, null, 1);
}

/** The parent-page snippet of README.md ("As an iframe"): the js block that handles sme-export:height. */
export function readmeSnippet() {
  const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```js\n([\s\S]*?)```/g)]
    .map((m) => m[1])
    .find((b) => b.includes('sme-export:height'));
  return block || null;
}

function krdsPage(krdsRoot) {
  const code = (n) => fs.readFileSync(path.join(krdsRoot, 'html', 'code', n), 'utf8');
  const tpl = fs.readFileSync(path.join(TESTS, 'fixtures', 'krds.html'), 'utf8');
  return tpl.replace(/<!--KRDS:([\w.]+)-->/g, (_, n) => code(n));
}

export async function buildSite(dist) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sme-browser-site-'));
  fs.cpSync(dist, root, { recursive: true });
  const t = path.join(root, '__t');
  fs.cpSync(path.join(TESTS, 'fixtures'), t, { recursive: true });
  // KRDS kit (npm krds-uiux): its CSS, JS, fonts and icons, as a KRDS-built site serves them.
  const krds = path.join(TESTS, 'node_modules', 'krds-uiux');
  for (const d of ['css', 'js', 'fonts', 'img'])
    fs.cpSync(path.join(krds, 'resources', d), path.join(t, 'krds', 'resources', d), { recursive: true });
  fs.writeFileSync(path.join(t, 'krds-page.html'), krdsPage(krds));
  const snippet = readmeSnippet();
  if (snippet) {
    const file = path.join(t, 'parent.html');
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace('/*README-SNIPPET*/', () => snippet),
    );
  }
  fs.writeFileSync(
    path.join(t, 'evil.json'),
    poisonedDataset(fs.readFileSync(path.join(REPO, 'data', 'dataset.json'), 'utf8')),
  );
  return root;
}

export async function startServers(root) {
  const { startServer } = await import(pathToFileURL(path.join(REPO, 'scripts', 'serve.mjs')).href);
  const A = await startServer({ root, port: 0 });
  const CSP = await startServer({ root, port: 0, headers: { 'Content-Security-Policy': STRICT_CSP } });
  const B = await startServer({ root, port: 0 });
  const C = await startServer({ root, port: 0 });
  return { A, CSP, B, C, close: () => Promise.all([A, CSP, B, C].map((s) => s.close())) };
}

/** Passes a request on to the site server `site` (a URL) and its answer back: for the cases' own
 *  servers, which change one path and leave the rest to the site.
 *  @param {URL} site @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
export function forward(site, req, res) {
  const up = http.request(
    {
      host: site.hostname,
      port: site.port,
      path: req.url,
      method: req.method,
      headers: { ...req.headers, host: site.host },
    },
    (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    },
  );
  up.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(up);
}
