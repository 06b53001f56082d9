// The speed budget (`pnpm budget`, after a build): the production server on a fresh database
// with demo data, loaded cold in headless Chromium. Prints each figure beside its budget and
// exits non-zero when one is missed. Figures are medians of five loads, each in a new browser
// context (empty cache); a first load of each page, not counted, warms the server up.
import os from 'node:os';
import type { Browser } from 'playwright-core';
import { launchBrowser, startApp } from '../e2e/app.js';
import { type Content, coldLoad, type LoadResult, mobile, type Profile, unthrottled } from './cold-load.js';

// Five, not three: on a shared 2-core machine one load in three can be 400 ms off the others.
const RUNS = 5;
/** Largest Contentful Paint of each page, in ms, by profile. */
const LCP_BUDGET: Record<Profile['name'], number> = { unthrottled: 1000, mobile: 2500 };
/** The home page's JavaScript as it comes over the network, in bytes. */
const HOME_JS_BUDGET = 150_000;

interface PageToLoad extends Content {
  name: string;
  path: string;
}

const home: PageToLoad = { name: 'home', path: '/', ready: ['main h1', 'main form'], lcpWithin: 'main section' };
// 1280 px wide (every load's viewport): the results and the map beside them, Leaflet included.
const search: PageToLoad = {
  name: 'search',
  path: '/search',
  ready: ['main article img', 'main .leaflet-container .leaflet-marker-icon'],
  lcpWithin: 'main section',
};

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (value: number) => `${Math.round(value)} ms`;

let failed = false;
function report(label: string, value: string, budget: string, ok: boolean, detail = ''): void {
  if (!ok) failed = true;
  console.log(`${label.padEnd(28)} ${value.padStart(10)}   budget ${budget.padStart(9)}   ${ok ? 'ok    ' : 'MISSED'}  ${detail}`);
}

async function loads(browser: Browser, url: string, page: PageToLoad, profile: Profile): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (let run = 0; run < RUNS; run++) results.push(await coldLoad(browser, url, page, profile));
  return results;
}

function machine(browserVersion: string): string {
  const cpus = os.cpus();
  const memory = `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`;
  const load = os.loadavg()[0]?.toFixed(2);
  return `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length} cores, ${memory}, load ${load}; Node ${process.version}; Chromium ${browserVersion}`;
}

const started = performance.now();
const app = await startApp();
// Map tiles come from another host: here they fail at once instead of waiting on a network
// that is not there, so the map is its background and pins (tiles are not measured).
const browser = await launchBrowser(['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']);
try {
  console.log(`Speed budget: median of ${RUNS} cold loads at 1280×800 (machine: ${machine(browser.version())})`);
  for (const page of [home, search]) await coldLoad(browser, app.url + page.path, page, unthrottled);

  for (const page of [home, search]) {
    for (const profile of [unthrottled, mobile]) {
      const results = await loads(browser, app.url + page.path, page, profile);
      const lcps = results.map((result) => result.lcp);
      const lcp = median(lcps);
      const typical = results.find((result) => result.lcp === lcp) ?? results[0];
      report(
        `${page.name} LCP, ${profile.name}`,
        ms(lcp),
        ms(LCP_BUDGET[profile.name]),
        lcp < LCP_BUDGET[profile.name],
        `runs ${lcps.map(ms).join(', ')}; ${typical?.lcpElement}`,
      );
      if (page === home && profile === unthrottled) {
        const bytes = results.map((result) => result.scripts.reduce((sum, script) => sum + script.bytes, 0));
        const scripts = typical?.scripts ?? [];
        report(
          'home JavaScript on the wire',
          kB(median(bytes)),
          kB(HOME_JS_BUDGET),
          median(bytes) < HOME_JS_BUDGET,
          `${scripts.length} files`,
        );
        for (const script of scripts)
          console.log(`    ${kB(script.bytes).padStart(9)}  ${script.encoding.padEnd(5)} ${new URL(script.url).pathname}`);
      }
    }
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await browser.close();
  await app.stop();
}
console.log(`${failed ? 'Speed budget missed' : 'Speed budget met'} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
process.exitCode = failed ? 1 : 0;
