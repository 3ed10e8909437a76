/**
 * One launch of Debian's Chromium (/usr/bin/chromium) through playwright-core, headless,
 * with a fresh profile and its own HOME and XDG folders under a temp folder: the preview
 * tests (test/preview/browser.test.ts) and the end-to-end tests (test/e2e/codeserver.ts)
 * start it the same way.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface Chromium {
  context: BrowserContext;
  page: Page;
  /** The temp folder the browser's profile and HOME lie in (removed by close). */
  tmp: string;
  close(): Promise<void>;
}

/** How the temp folder is made and removed (the e2e tests also remove theirs at exit). */
export interface TempFolders {
  make(prefix: string): string;
  remove(dir: string): void;
}

const plainTemp: TempFolders = {
  make: (prefix) => fs.mkdtempSync(path.join(os.tmpdir(), prefix)),
  remove: (dir) => fs.rmSync(dir, { recursive: true, force: true }),
};

/** Chromium with a fresh profile in light colours; `close()` ends it and removes its folder. */
export async function launchChromium(viewport = { width: 1400, height: 900 }, temp: TempFolders = plainTemp): Promise<Chromium> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const tmp = temp.make('stratdoc-chromium-');
  const profile = path.join(tmp, 'profile');
  fs.mkdirSync(profile);
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport,
      colorScheme: 'light',
      env: { ...process.env, HOME: tmp, XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_CACHE_HOME: path.join(tmp, 'cache') },
    });
  } catch (e) {
    temp.remove(tmp);
    throw e;
  }
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => undefined);
    temp.remove(tmp);
  };
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    return { context, page, tmp, close };
  } catch (e) {
    await close();
    throw e;
  }
}
