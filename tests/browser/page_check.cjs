// Checks one exported page in headless Chromium: axe-core (on screen and with print media
// emulated) and the layout at a phone's width. Prints one JSON object on stdout.
// Usage: node page_check.cjs FILE.html   (NODE_PATH must hold axe-core and playwright-core)
const { chromium } = require("playwright-core");
const axePath = require.resolve("axe-core/axe.min.js");
const fs = require("fs");

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

async function axe(page) {
  await page.evaluate(fs.readFileSync(axePath, "utf8"));
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  }, TAGS);
}

(async () => {
  const file = process.argv[2];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  // The page forbids scripts (its CSP); only this test context lets axe in.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => { if (!r.url().startsWith("file:")) requests.push(r.url()); });
  await page.goto("file://" + file);
  const screen = await axe(page);
  await page.emulateMedia({ media: "print" });
  const print = await axe(page);
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 320, height: 800 });
  const phone = await page.evaluate(() => {
    const ticks = [...document.querySelectorAll(".ticks span, table.strip thead th")];
    const smallest = ticks.length
      ? Math.min(...ticks.map((t) => parseFloat(getComputedStyle(t).fontSize)))
      : null;
    return {
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      smallestLabelPx: smallest,
      stackedRows: [...document.querySelectorAll("table.data tr")].every(
        (tr) => getComputedStyle(tr).display === "block"
      ),
    };
  });
  await browser.close();
  process.stdout.write(JSON.stringify({ screen, print, phone, requests }));
})().catch((err) => { console.error(String(err)); process.exit(3); });
