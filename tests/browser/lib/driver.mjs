// One small API over two automation libraries, so every case runs unchanged in both browsers:
//   Chromium (Debian's /usr/bin/chromium) through playwright-core (CDP),
//   Firefox ESR (/usr/bin/firefox-esr) through puppeteer-core (WebDriver BiDi).
// Only what the cases need: pages in fresh contexts, evaluate/waitFor, element handles, real
// keyboard and mouse input, screenshots, cookies, and a log of requests, console messages and
// uncaught errors per page.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-extensions',
  '--mute-audio',
  '--font-render-hinting=none',
];

// Firefox: no telemetry, updates or remote settings; downloads go to a temp folder without asking.
const firefoxPrefs = (downloads) => ({
  'app.update.enabled': false,
  'browser.download.dir': downloads,
  'browser.download.folderList': 2,
  'browser.download.useDownloadDir': true,
  'browser.download.always_ask_before_handling_new_types': false,
  'browser.download.start_downloads_in_tmp_dir': false,
  'browser.download.manager.showWhenStarting': false,
  'browser.helperApps.neverAsk.saveToDisk': 'text/csv,application/octet-stream',
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'extensions.update.enabled': false,
  'print.always_print_silent': true,
  'ui.prefersReducedMotion': 1,
});

const isLocal = (url) => /^(data|blob|about):/.test(url) || /^https?:\/\/127\.0\.0\.1(:\d+)?\//.test(url);

/** What every page records: requests (with the time they were made), console lines, uncaught errors. */
function newLog() {
  return { requests: [], console: [], errors: [], dialogs: [] };
}

/** page.evaluate / waitForFunction / evaluateHandle over a Playwright or Puppeteer page or frame. */
class Scope {
  constructor(kind, target, owner = null) {
    this.kind = kind;
    this.target = target;
    this.owner = owner || this;
  }
  /**
   * Firefox shows one tab at a time, and a hidden tab gets no animation frames (the widget
   * updates on the next frame): the page worked on is brought to the front first.
   */
  async front() {
    const pg = this.owner;
    if (pg.kind !== 'firefox' || pg.session.active === pg) return;
    await pg.page.bringToFront();
    pg.session.active = pg;
  }
  async evaluate(fn, arg) {
    await this.front();
    return this.target.evaluate(fn, arg);
  }
  async handle(fn, arg) {
    await this.front();
    return this.target.evaluateHandle(fn, arg);
  }
  async waitFor(fn, arg, { timeout = 15000, what = '' } = {}) {
    await this.front();
    try {
      if (this.kind === 'chromium') await this.target.waitForFunction(fn, arg, { timeout, polling: 'raf' });
      else await this.target.waitForFunction(fn, { timeout, polling: 'raf' }, arg);
    } catch (e) {
      if (!/timeout|timed out/i.test(String(e && e.message))) throw e;
      throw new Error(`timed out after ${timeout} ms waiting for ${what || fn.toString().slice(0, 120)}`);
    }
  }
  async click(h) {
    await this.front();
    await h.click();
  }
  async focus(h) {
    await this.front();
    await h.evaluate((e) => e.focus());
  }
  async select(h, value) {
    await this.front();
    if (this.kind === 'chromium') await h.selectOption(value);
    else await h.select(value);
  }
  async press(key) {
    await this.front();
    await this.owner.page.keyboard.press(this.kind === 'firefox' && key === 'Space' ? ' ' : key);
  }
  async type(text) {
    await this.front();
    await this.owner.page.keyboard.type(text);
  }
  async combo(mod, key) {
    await this.front();
    await this.owner.page.keyboard.down(mod);
    await this.owner.page.keyboard.press(key);
    await this.owner.page.keyboard.up(mod);
  }
  /** Selects all the text of the focused field with the keyboard and deletes it. */
  async clearFocused() {
    await this.combo('Control', 'a');
    await this.press('Backspace');
  }
  /** Two animation frames: the widget debounces its updates to one frame after an input event. */
  async settle() {
    await this.front();
    return this.target.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))),
    );
  }
}

class Page extends Scope {
  constructor(kind, page, ctx, log, session) {
    super(kind, page);
    this.page = page;
    this.ctx = ctx;
    this.log = log;
    this.session = session;
    this.frames = [];
  }
  async goto(url) {
    await this.front();
    await this.page.goto(url, { waitUntil: 'load' });
  }
  async reload() {
    await this.front();
    await this.page.reload({ waitUntil: 'load' });
  }
  url() {
    return this.page.url();
  }
  async screenshot(h) {
    await this.front();
    return Buffer.from(await h.screenshot({ type: 'png' }));
  }
  async pageScreenshot(file) {
    await this.front();
    await this.page.screenshot({ path: file, fullPage: false });
  }
  /** The viewport as it is now, PNG. */
  async viewportShot() {
    await this.front();
    return Buffer.from(await this.page.screenshot({ type: 'png', fullPage: false }));
  }
  async setViewport(width, height) {
    if (this.kind === 'chromium') await this.page.setViewportSize({ width, height });
    else await this.page.setViewport({ width, height, deviceScaleFactor: this.dsf });
  }
  async cookies() {
    if (this.kind === 'chromium') return this.ctx.cookies();
    return this.page.cookies();
  }
  /** A frame of this page, by the iframe element's handle. */
  async frameOf(iframeHandle) {
    return new Scope(this.kind, await iframeHandle.contentFrame(), this);
  }
  async addStyle(css) {
    await this.page.addStyleTag({ content: css });
  }
  async close() {
    if (this.session.active === this) this.session.active = null;
    try {
      if (this.kind === 'chromium') await this.ctx.close();
      else {
        await this.page.close().catch(() => {});
        await this.ctx.close();
      }
    } catch {
      /* already gone */
    }
  }
}

export class Session {
  /** @param {'chromium'|'firefox'} kind */
  constructor(kind) {
    this.kind = kind;
    this.pages = new Set();
  }

  async start() {
    this.tmp = fs.mkdtempSync(path.join(os.tmpdir(), `sme-browser-${this.kind}-`));
    if (this.kind === 'chromium') {
      const { chromium } = await import('playwright-core');
      this.browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
        args: CHROMIUM_ARGS,
        headless: true,
      });
      this.version = 'Chromium ' + this.browser.version();
    } else {
      const puppeteer = (await import('puppeteer-core')).default;
      const downloads = path.join(this.tmp, 'downloads');
      fs.mkdirSync(downloads, { recursive: true });
      this.browser = await puppeteer.launch({
        browser: 'firefox',
        protocol: 'webDriverBiDi',
        headless: true,
        executablePath: process.env.FIREFOX_BIN || '/usr/bin/firefox-esr',
        userDataDir: path.join(this.tmp, 'profile'),
        extraPrefsFirefox: firefoxPrefs(downloads),
        timeout: 60000,
        protocolTimeout: 60000,
      });
      this.version = 'Firefox ' + (await this.browser.version()).replace(/^firefox\//i, '');
    }
    return this;
  }

  /**
   * A page in a fresh context (own cookies and storage).
   * @param {{width?: number, height?: number, dsf?: number, init?: Array<Function|string>,
   *          clipboardOrigin?: string, blockForeign?: boolean}} o
   */
  async newPage({ width = 1280, height = 900, dsf = 1, init = [], clipboardOrigin = null } = {}) {
    const log = newLog();
    let page, ctx;
    if (this.kind === 'chromium') {
      ctx = await this.browser.newContext({
        viewport: { width, height },
        deviceScaleFactor: dsf,
        acceptDownloads: true,
      });
      if (clipboardOrigin)
        await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: clipboardOrigin });
      // Nothing ever leaves this machine: anything but the local servers is refused (and logged).
      await ctx.route(
        (u) => !isLocal(u.href),
        (route) => route.abort('blockedbyclient'),
      );
      page = await ctx.newPage();
      for (const s of init) await page.addInitScript(s);
      page.on('request', (r) => log.requests.push({ url: r.url(), at: Date.now(), frame: r.frame()?.url?.() || '' }));
      page.on('console', (m) => log.console.push({ type: m.type(), text: m.text(), url: m.location()?.url || '' }));
      page.on('pageerror', (e) => log.errors.push(String((e && e.stack) || e)));
      page.on('dialog', (d) => {
        log.dialogs.push(d.message());
        d.dismiss().catch(() => {});
      });
    } else {
      ctx = await this.browser.createBrowserContext();
      page = await ctx.newPage();
      await page.setViewport({ width, height, deviceScaleFactor: dsf });
      for (const s of init) await page.evaluateOnNewDocument(s);
      page.on('request', (r) => log.requests.push({ url: r.url(), at: Date.now(), frame: r.frame()?.url?.() || '' }));
      page.on('console', (m) => log.console.push({ type: m.type(), text: m.text(), url: m.location()?.url || '' }));
      page.on('pageerror', (e) => log.errors.push(String((e && e.stack) || e)));
      page.on('dialog', (d) => {
        log.dialogs.push(d.message());
        d.dismiss().catch(() => {});
      });
    }
    const p = new Page(this.kind, page, ctx, log, this);
    p.dsf = dsf;
    this.active = p; // a new tab is the one shown
    this.pages.add(p);
    return p;
  }

  async closePages() {
    for (const p of this.pages) await p.close();
    this.pages.clear();
    this.active = null;
  }

  async stop() {
    await this.closePages();
    try {
      await this.browser?.close();
    } catch {
      /* gone */
    }
    try {
      fs.rmSync(this.tmp, { recursive: true, force: true });
    } catch {
      /* keep */
    }
  }
}

export { isLocal };
