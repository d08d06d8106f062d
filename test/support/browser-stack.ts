// The set-up every browser test file shares: one stack and one headless Chromium per file,
// started together before the first test and closed after the last, and a fresh page per test
// (or one page for the whole file). Call it at the top of a test file; read what it started
// through the getters, which throw if read before the file's beforeAll has run.
import type { Browser, Page, ViewportSize } from 'playwright-core';
import { launchBrowser } from './browser';
import { startStack, type Stack } from './stack';

export interface BrowserStackOptions {
  /** The page's size; Playwright's default (1280 × 720) when not given. */
  viewport?: ViewportSize;
  /** The stack's activity overrides, built when the file's tests start (e.g. a registry over stores opened then). */
  overrides?: () => Parameters<typeof startStack>[0];
  /** One page for every test of the file, instead of a fresh one per test. */
  onePage?: boolean;
}

export interface BrowserStack {
  readonly stack: Stack;
  readonly browser: Browser;
  readonly page: Page;
}

export function useBrowserStack(options: BrowserStackOptions = {}): BrowserStack {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const newPage = () => browser!.newPage(options.viewport ? { viewport: options.viewport } : undefined);

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(options.overrides?.()), launchBrowser()]);
    if (options.onePage) page = await newPage();
  });
  afterAll(async () => {
    await page?.close();
    await browser?.close();
    await stack?.close();
  });
  if (!options.onePage) {
    beforeEach(async () => {
      page = await newPage();
    });
    afterEach(async () => {
      await page?.close();
      page = undefined;
    });
  }

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The ${what} is not started yet: read it inside a test or hook.`);
    return value;
  };
  return {
    get stack() {
      return started(stack, 'stack');
    },
    get browser() {
      return started(browser, 'browser');
    },
    get page() {
      return started(page, 'page');
    },
  };
}
