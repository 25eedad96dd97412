#!/usr/bin/env node
// A tiny static file server for dist/ (or any folder). No dependencies.
//
//   node scripts/serve.mjs [--root dist] [--host 127.0.0.1] [--port 8000] [--base /sub/path/]
//                          [--csp "<policy>"] [--header "Name: value"]... [--gzip]
//
// --base serves the folder under a sub-path (http://127.0.0.1:8000/sub/path/) to check that the
// widget works when a ministry site hosts it below its root. --port 0 picks a free port. --gzip
// answers a request that accepts gzip with the file compressed (level 9, once per file), as a
// host that compresses .wasm, .js and .css does (bench/run.mjs measures the slow link both ways).
//
// Also a module: `const { url, close } = await startServer({ root, port, headers })`.

import { createServer } from 'node:http';
import { createReadStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

function normalizeBase(base) {
  let b = base || '/';
  if (!b.startsWith('/')) b = '/' + b;
  if (!b.endsWith('/')) b += '/';
  return b;
}

/**
 * Starts serving `root`. Resolves once listening.
 * @param {{root?: string, host?: string, port?: number, base?: string,
 *          headers?: Record<string, string>, quiet?: boolean}} options
 * @returns {Promise<{server: import("node:http").Server, url: string, port: number, close: () => Promise<void>}>}
 */
export async function startServer({
  root = 'dist',
  host = '127.0.0.1',
  port = 8000,
  base = '/',
  headers = {},
  quiet = true,
  gzip = false,
} = {}) {
  const gzipped = new Map(); // path -> [mtimeMs, compressed bytes]
  const rootReal = await fsp.realpath(path.resolve(root));
  const prefix = normalizeBase(base);

  const server = createServer(async (req, res) => {
    if (!quiet) res.on('finish', () => console.log(`${res.statusCode} ${req.method} ${req.url}`));
    const send = (status, body, extra = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers, ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(405, 'method not allowed\n', { Allow: 'GET, HEAD' });
      }
      const rawPath = (req.url || '/').split('?')[0].split('#')[0];
      if (prefix !== '/' && rawPath === prefix.slice(0, -1)) {
        return send(301, '', { Location: prefix });
      }
      if (!rawPath.startsWith(prefix)) return send(404, 'not found\n');
      let rel;
      try {
        rel = decodeURIComponent(rawPath.slice(prefix.length));
      } catch {
        return send(400, 'bad request\n');
      }
      // No traversal: refuse any "..", backslash or NUL, then check the resolved path anyway.
      const parts = rel.split('/');
      if (rel.includes('\0') || rel.includes('\\') || parts.some((p) => p === '..')) {
        return send(400, 'bad request\n');
      }
      let file = path.resolve(rootReal, ...parts.filter((p) => p !== '' && p !== '.'));
      let stat = await fsp.stat(file).catch(() => null);
      if (stat && stat.isDirectory()) {
        if (!rawPath.endsWith('/')) return send(301, '', { Location: rawPath + '/' });
        file = path.join(file, 'index.html');
        stat = await fsp.stat(file).catch(() => null);
      }
      if (!stat || !stat.isFile()) return send(404, 'not found\n');
      const real = await fsp.realpath(file);
      if (real !== rootReal && !real.startsWith(rootReal + path.sep)) return send(403, 'forbidden\n');

      const type = MIME[path.extname(real).toLowerCase()] || 'application/octet-stream';
      if (
        gzip &&
        /\bgzip\b/.test(req.headers['accept-encoding'] || '') &&
        /^(text\/|application\/(wasm|json)|image\/svg)/.test(type)
      ) {
        let z = gzipped.get(real);
        if (!z || z[0] !== stat.mtimeMs)
          gzipped.set(real, (z = [stat.mtimeMs, gzipSync(await fsp.readFile(real), { level: 9 })]));
        res.writeHead(200, {
          'Content-Type': type,
          'Content-Encoding': 'gzip',
          Vary: 'Accept-Encoding',
          'Content-Length': z[1].length,
          'Cache-Control': 'no-cache',
          'X-Content-Type-Options': 'nosniff',
          ...headers,
        });
        return res.end(req.method === 'HEAD' ? undefined : z[1]);
      }
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': stat.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...headers,
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(real)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch (err) {
      if (!res.headersSent) send(500, 'internal error\n');
      else res.destroy();
      if (!quiet) console.error(err);
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    port: actualPort,
    url: `http://${shownHost}:${actualPort}${prefix}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

function usage(code) {
  const out = code ? console.error : console.log;
  out(`usage: node scripts/serve.mjs [--root DIR] [--host H] [--port N] [--base /sub/path/]
                           [--csp "<policy>"] [--header "Name: value"]... [--gzip] [--quiet]
defaults: --root dist --host 127.0.0.1 --port 8000 --base /`);
  process.exit(code);
}

function parseArgs(argv) {
  const opts = { root: 'dist', host: '127.0.0.1', port: 8000, base: '/', headers: {}, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) {
        console.error(`${flag} needs a value`);
        usage(2);
      }
      return argv[++i];
    };
    switch (flag) {
      case '--root':
        opts.root = value();
        break;
      case '--host':
        opts.host = value();
        break;
      case '--port': {
        const p = Number(value());
        if (!Number.isInteger(p) || p < 0 || p > 65535) {
          console.error('--port must be an integer 0..65535');
          usage(2);
        }
        opts.port = p;
        break;
      }
      case '--base':
        opts.base = value();
        break;
      case '--csp':
        opts.headers['Content-Security-Policy'] = value();
        break;
      case '--header': {
        const h = value();
        const at = h.indexOf(':');
        if (at <= 0) {
          console.error(`--header wants "Name: value", got ${JSON.stringify(h)}`);
          usage(2);
        }
        opts.headers[h.slice(0, at).trim()] = h.slice(at + 1).trim();
        break;
      }
      case '--quiet':
        opts.quiet = true;
        break;
      case '--gzip':
        opts.gzip = true;
        break;
      case '-h':
      case '--help':
        usage(0);
        break;
      default:
        console.error(`unknown argument ${arg}`);
        usage(2);
    }
  }
  return opts;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const opts = parseArgs(process.argv.slice(2));
  try {
    await fsp.access(path.join(opts.root, '.'));
  } catch {
    console.error(`serve: folder ${opts.root} does not exist (run scripts/build.sh first?)`);
    process.exit(1);
  }
  try {
    const { url, close } = await startServer(opts);
    console.log(`Serving ${path.resolve(opts.root)} at ${url}  (Ctrl+C to stop)`);
    for (const sig of ['SIGINT', 'SIGTERM']) {
      process.on(sig, () => close().then(() => process.exit(0)));
    }
  } catch (err) {
    if (err && err.code === 'EADDRINUSE') {
      console.error(`serve: ${opts.host}:${opts.port} is in use; pick another with --port N`);
    } else {
      console.error(`serve: ${err && err.message ? err.message : err}`);
    }
    process.exit(1);
  }
}

export default startServer;
