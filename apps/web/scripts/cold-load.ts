import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, CDPSession } from 'playwright-core';

/** Network and CPU conditions a load runs under. */
export interface Profile {
  name: 'unthrottled' | 'mobile';
  /** Added to each request's round trip, in ms; bytes per second down and up. `null`: the machine's own. */
  network: { latency: number; downloadThroughput: number; uploadThroughput: number } | null;
  /** How many times slower the CPU runs (Chromium's DevTools throttling). */
  cpuSlowdown: number;
}

export const unthrottled: Profile = { name: 'unthrottled', network: null, cpuSlowdown: 1 };
/** Lighthouse's mobile profile: 150 ms round trips, 1.6 Mbps down, 750 Kbps up, a CPU 4 times slower. */
export const mobile: Profile = {
  name: 'mobile',
  network: { latency: 150, downloadThroughput: 204_800, uploadThroughput: 96_000 },
  cpuSlowdown: 4,
};

export interface LoadResult {
  /** Largest Contentful Paint, ms after navigation started, and what it painted. */
  lcp: number;
  lcpElement: string;
  /** Script responses as they came over the network (compressed size plus headers). */
  scripts: Array<{ url: string; bytes: number; encoding: string }>;
}

interface LcpEntry {
  time: number;
  element: string;
  /** The element sits inside the page's content. */
  inContent: boolean;
}

export interface Content {
  /** What the page is for (a hero, results and their map): the load waits for all of it. */
  ready: string[];
  /** Where its largest paint must be, rather than in a placeholder. */
  lcpWithin: string;
}

/**
 * One load of `url` in a new browser context (its own, empty cache), under `profile`. It waits for
 * the page's content and for the network to go quiet, then reads the last LCP candidate and
 * checks that it belongs to that content.
 */
export async function coldLoad(browser: Browser, url: string, content: Content, profile: Profile): Promise<LoadResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (profile.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });

    const pending = new Map<string, { url: string; encoding: string }>();
    const scripts: LoadResult['scripts'] = [];
    cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
      if (type === 'Script')
        pending.set(requestId, { url: response.url, encoding: headerValue(response.headers, 'content-encoding') ?? 'none' });
    });
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      const script = pending.get(requestId);
      if (script) scripts.push({ ...script, bytes: encodedDataLength });
    });

    await page.goto(url);
    for (const selector of content.ready) await waitForElement(cdp, selector);
    await page.waitForLoadState('networkidle');
    const lcp = await page.evaluate(readLcp, content.lcpWithin);
    if (!lcp.inContent) throw new Error(`LCP on ${url} was ${lcp.element}, outside ${content.lcpWithin}: not the page's content`);
    return { lcp: lcp.time, lcpElement: lcp.element, scripts };
  } finally {
    await context.close();
  }
}

/**
 * Waits until `selector` matches, asking the page over CDP. Playwright's own waiting injects its
 * script into the page and polls there: on the throttled CPU that costs the page under test
 * about 60 ms of its main thread while it draws, which no visitor's browser spends.
 */
async function waitForElement(cdp: CDPSession, selector: string, timeout = 30_000): Promise<void> {
  const expression = `document.querySelector(${JSON.stringify(selector)}) !== null`;
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await sleep(100)) {
    const { result } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
    if (result.value === true) return;
  }
  throw new Error(`${selector} did not appear within ${timeout / 1000} s`);
}

/**
 * Runs in the page: the last LCP entry (buffered), described. On a busy machine the content's
 * paint can be reported a moment after the network went quiet, so an entry outside `within`
 * (the header, a placeholder) is not taken as final until 5 s have passed without a later one.
 */
function readLcp(within: string): Promise<LcpEntry> {
  return new Promise((resolve, reject) => {
    let last: LcpEntry | undefined;
    const timeout = setTimeout(() => (last ? resolve(last) : reject(new Error('no largest-contentful-paint entry'))), 5_000);
    new PerformanceObserver((list) => {
      const entry = list.getEntries().at(-1) as LargestContentfulPaint | undefined;
      if (!entry) return;
      const element = entry.element;
      const text = (element?.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const name = element
        ? `<${element.tagName.toLowerCase()}>${entry.url ? ` ${new URL(entry.url).pathname}` : ''}${text ? ` "${text}"` : ''}`
        : '(removed element)';
      last = { time: entry.startTime, element: `${name}, ${Math.round(entry.size)} px²`, inContent: Boolean(element?.closest(within)) };
      if (last.inContent) {
        clearTimeout(timeout);
        resolve(last);
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
}

/** CDP gives headers as the server spelled them. */
function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
  const key = Object.keys(headers).find((header) => header.toLowerCase() === name);
  return key === undefined ? undefined : String(headers[key]);
}
