// Lighthouse on several pages with one Chromium and one Node.js process (the tests call it once):
// node lighthouse-pages.mjs REPORTS_DIR CATEGORIES URL... writes REPORTS_DIR/<n>.json for the
// n-th URL. Chromium comes from CHROME_PATH, its flags from CHROME_FLAGS (space-separated). The
// pages are audited one after another, never at once, so that no run disturbs another's timings.
// A run that fails (its Chromium lost, or the page not loaded in time on a busy machine: Lighthouse
// then reports a runtime error and no scores) is tried once more in a new Chromium.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const [reportsDir, categories, ...urls] = process.argv.slice(2);
const chromeFlags = (process.env.CHROME_FLAGS || '').split(' ').filter(Boolean);
// The screenshots feed no score (the test reads only the categories' scores), and the full-page one
// costs seconds a page.
const skipAudits = ['full-page-screenshot', 'screenshot-thumbnails', 'final-screenshot'];
const options = { output: 'json', logLevel: 'error', onlyCategories: categories.split(','), skipAudits };

async function audit(url, chrome) {
  try {
    return await lighthouse(url, { ...options, port: chrome.port });
  } catch (error) {
    console.error(`${url}: ${error.message}`);
    return undefined;
  }
}

let chrome = await chromeLauncher.launch({ chromeFlags });
try {
  for (const [index, url] of urls.entries()) {
    let result = await audit(url, chrome);
    if (!result || result.lhr.runtimeError) {
      console.error(`${url}: ${result ? result.lhr.runtimeError.message : 'no report'}; once more`);
      chrome.kill();
      chrome = await chromeLauncher.launch({ chromeFlags });
      result = await lighthouse(url, { ...options, port: chrome.port });
    }
    await writeFile(path.join(reportsDir, `${index}.json`), result.report);
  }
} finally {
  chrome.kill();
}
