import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
// Expressions evaluated in the page are strings: test files are type-checked for Node, without the DOM lib.
import type { Config } from '../../server/src/config';
import { STUDIO_DIST } from '../../server/src/http/studio';
import { startTestApi, type TestApi } from './api';
import { hasBrowser, launchBrowser } from './browser';

/** Where browser tests put what they leave behind: screenshots of the studio go in `studio/`. */
export const ARTIFACTS = path.resolve(__dirname, '../artifacts');
export const STUDIO_SHOTS = path.join(ARTIFACTS, 'studio');

/** `describe` where Debian's chromium is installed, `describe.skip` elsewhere. */
export const describeWithBrowser = hasBrowser ? describe : describe.skip;

export interface StudioSuite {
  /** The real server of this file (logged in as its first admin); set once `beforeAll` has run. */
  readonly api: TestApi;
  readonly browser: Browser;
  /** A fresh browser context and page, at desktop width in the light theme, unless `options` say otherwise. */
  newPage(options?: StudioPageOptions): Promise<StudioPage>;
}

export interface StudioPageOptions extends BrowserContextOptions {
  /** How long any one step may wait before it fails (playwright's default is 30 s). */
  readonly defaultTimeout?: number;
}

export interface StudioPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught errors of the page's scripts: a test ends by expecting none. */
  readonly errors: string[];
  /** Requests to anywhere but the test server: the studio must work offline. */
  readonly external: string[];
}

/**
 * The scaffolding of a browser test file: before its tests, a real server (`startTestApi` with `seed` and
 * `config`) and chromium; after them, both closed. Call it at the top of the file, next to `describeWithBrowser`.
 * `studioBuild: false` is for pages the server serves itself (GraphiQL), which need no studio build.
 */
export function studioSuite(
  options: { seed?: string; config?: Partial<Config>; studioBuild?: boolean } = {},
): StudioSuite {
  let api: TestApi | undefined;
  let browser: Browser | undefined;
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started yet: use it inside a test or a hook`);
    return value;
  };
  // Without chromium the file's describe is skipped; nothing to start.
  if (hasBrowser) {
    beforeAll(async () => {
      if (options.studioBuild !== false && !existsSync(path.join(STUDIO_DIST, 'index.html'))) {
        throw new Error(`The studio is not built at ${STUDIO_DIST}: run npm run -w studio build (npm install does)`);
      }
      mkdirSync(STUDIO_SHOTS, { recursive: true });
      api = await startTestApi({ seed: options.seed, config: options.config });
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await api?.close();
    });
  }
  return {
    get api() {
      return started(api, 'The test server');
    },
    get browser() {
      return started(browser, 'The browser');
    },
    async newPage({ defaultTimeout, ...contextOptions } = {}) {
      const server = started(api, 'The test server');
      // Reduced motion: modals open without a transition, so screenshots show them whole.
      const context = await started(browser, 'The browser').newContext({
        viewport: { width: 1280, height: 800 },
        colorScheme: 'light',
        reducedMotion: 'reduce',
        ...contextOptions,
      });
      if (defaultTimeout !== undefined) context.setDefaultTimeout(defaultTimeout);
      const page = await context.newPage();
      const errors: string[] = [];
      const external: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('request', (request) => {
        if (!request.url().startsWith(server.server.url)) external.push(request.url());
      });
      return { context, page, errors, external };
    },
  };
}

export interface ShotOptions {
  /** The whole page (the default), or only the window: a dialog's overlay covers just the window. */
  readonly fullPage?: boolean;
  /** Scroll to the top first: the header is fixed, and only there is it drawn once, where it belongs. */
  readonly fromTop?: boolean;
  /** Move the mouse here first, away from anything with a tooltip. */
  readonly mouseAt?: { readonly x: number; readonly y: number };
  /** Wait until no animation runs (the default); checkboxes and buttons animate briefly even under reduced motion. */
  readonly settle?: boolean;
}

/**
 * A `shot(page, name)` that saves `test/artifacts/studio/<prefix>-<name>.png` (`<name>.png` without a prefix),
 * with these options unless a call gives its own.
 */
export function screenshotter(
  prefix = '',
  defaults: ShotOptions = {},
): (page: Page, name: string, options?: ShotOptions) => Promise<void> {
  return async (page, name, options = {}) => {
    const { fullPage = true, fromTop = false, mouseAt, settle = true } = { ...defaults, ...options };
    if (fromTop) await page.evaluate('window.scrollTo(0, 0)');
    if (mouseAt) await page.mouse.move(mouseAt.x, mouseAt.y);
    if (settle) await page.waitForFunction(`document.getAnimations().every((a) => a.playState !== 'running')`);
    const file = prefix ? `${prefix}-${name}.png` : `${name}.png`;
    await page.screenshot({ path: path.join(STUDIO_SHOTS, file), fullPage });
  };
}
