// Lighthouse on several pages with one Chromium and one Node.js process (the tests call it once):
// node lighthouse-pages.mjs REPORTS_DIR CATEGORIES URL... writes REPORTS_DIR/<n>.json for the
// n-th URL. Chromium comes from CHROME_PATH, its flags from CHROME_FLAGS (space-separated). The
// pages are audited one after another, never at once, so that no run disturbs another's timings.
// A run that fails (its Chromium lost, the page not loaded in time on a busy machine, or a trace
// Lighthouse could not read: no scores then) is tried once more in a new Chromium.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import defaultConfig from 'lighthouse/core/config/default-config.js';

const [reportsDir, categories, ...urls] = process.argv.slice(2);
const chromeFlags = (process.env.CHROME_FLAGS || '').split(' ').filter(Boolean);
// The test reads only the categories' scores. Audits that weigh nothing in the performance score
// (its diagnostics and opportunities) and count in no other category change no score, and their
// gathering (coverage, re-compressing every file, the back/forward cache's extra navigation, the
// screenshots) costs seconds a page: Lighthouse then leaves out what only they need.
const { performance, ...others } = defaultConfig.categories;
const scoredElsewhere = new Set(Object.values(others).flatMap((category) => category.auditRefs.map((ref) => ref.id)));
const skipAudits = performance.auditRefs
  .filter((ref) => ref.weight === 0 && !scoredElsewhere.has(ref.id))
  .map((ref) => ref.id);
const options = {
  output: 'json',
  logLevel: 'error',
  onlyCategories: categories.split(','),
  skipAudits,
  disableFullPageScreenshot: true,
  // Lighthouse waits for a second of quiet after the first paint, after the load, on the network
  // and on the CPU before it stops recording. These pages load nothing late (their one script is
  // a 1.4 kB menu), and simulated throttling computes the metrics from what was recorded: a
  // quarter of a second of quiet records the same page (the 14 pages: 73 s to 52 s, same scores).
  pauseAfterFcpMs: 250,
  pauseAfterLoadMs: 250,
  networkQuietThresholdMs: 250,
  cpuQuietThresholdMs: 250,
};

async function audit(url, chrome) {
  try {
    return await lighthouse(url, { ...options, port: chrome.port });
  } catch (error) {
    console.error(`${url}: ${error.message}`);
    return undefined;
  }
}

// Why a run gave no scores to judge: no report, a runtime error, or a category without a score
// (an audit it counts failed: Lighthouse sometimes misses the navigation's start in its trace on
// a busy machine, NO_NAVSTART, and says to run it again).
function whyIncomplete(result) {
  if (!result) return 'no report';
  if (result.lhr.runtimeError) return result.lhr.runtimeError.message;
  const unscored = Object.values(result.lhr.categories).filter((category) => category.score === null);
  if (!unscored.length) return undefined;
  const errors = Object.values(result.lhr.audits).filter((audit) => audit.errorMessage);
  return `no ${unscored.map((category) => category.id).join(', ')} score (${errors[0]?.errorMessage})`;
}

let chrome = await chromeLauncher.launch({ chromeFlags });
try {
  for (const [index, url] of urls.entries()) {
    let result = await audit(url, chrome);
    const problem = whyIncomplete(result);
    if (problem) {
      console.error(`${url}: ${problem}; once more`);
      chrome.kill();
      chrome = await chromeLauncher.launch({ chromeFlags });
      result = await lighthouse(url, { ...options, port: chrome.port });
    }
    await writeFile(path.join(reportsDir, `${index}.json`), result.report);
  }
} finally {
  chrome.kill();
}
