// Opens a gallery page in headless Chromium (Debian's, driven by playwright-core) and reports what a reader
// would see, as one JSON object on stdout; the Pester test asserts on it.
// Usage: node gallery.mjs <settings.json>, with { page, modules, filter, hub, screenshot, fullScreenshot,
// parametersScreenshot, colorScheme }: the page, the folder holding node_modules/playwright-core, the text to filter
// by, the hub to pick, where to save the screenshots (the first screen, the whole page, the first screen with an
// image's parameters open), and light or dark.
import { createRequire } from "node:module";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const settings = JSON.parse(readFileSync(process.argv[2], "utf8"));
const { chromium } = createRequire(join(settings.modules, "package.json"))("playwright-core");

const userDataDir = mkdtempSync(join(tmpdir(), "modelhub-gallery-chromium-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  viewport: { width: 1440, height: 1000 },
  colorScheme: settings.colorScheme ?? "light",
});

const result = { dialogs: [], consoleErrors: [], pageErrors: [] };
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.on("dialog", dialog => { result.dialogs.push(dialog.message()); dialog.dismiss(); });
  page.on("console", message => { if (message.type() === "error") result.consoleErrors.push(message.text()); });
  page.on("pageerror", error => result.pageErrors.push(error.message));
  await page.goto(pathToFileURL(settings.page).href, { waitUntil: "load" });

  const cards = () => page.$$eval("article.card", all => all.map(card => ({
    name: card.querySelector("h2").textContent,
    hub: card.dataset.hub,
    type: card.dataset.type,
    downloads: card.dataset.downloads,
    search: card.dataset.search,
    images: card.querySelectorAll("img").length,
    shown: card.offsetParent !== null,
  })));
  result.cards = await cards();
  result.toolbarShown = await page.isVisible("#toolbar");
  result.copyButtonsShown = await page.locator(".install button:visible").count();
  result.scripts = await page.locator("script").count();

  // The images are lazy: bring each into view, then wait until every one has loaded or failed.
  for (const image of await page.locator("article img").all()) {
    await image.scrollIntoViewIfNeeded();
  }
  await page.waitForFunction(() => Array.from(document.images).every(image => image.complete), null, { timeout: 30000 });
  result.images = await page.$$eval("article img", all => all.map(image => ({
    src: image.currentSrc, loading: image.loading, naturalWidth: image.naturalWidth, title: image.title })));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: settings.screenshot });
  await page.screenshot({ path: settings.fullScreenshot, fullPage: true });

  // A click on an image opens its generation parameters; a second closes them.
  const shot = page.locator("details.shot", { has: page.locator("dt", { hasText: "Prompt" }) }).first();
  if (await shot.count() > 0) {
    const parameters = shot.locator("dl.params");
    result.parameters = { shownBefore: await parameters.isVisible() };
    await shot.locator("summary").click();
    result.parameters.shownAfterClick = await parameters.isVisible();
    result.parameters.text = await parameters.innerText();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: settings.parametersScreenshot });
    await shot.locator("summary").click();
    result.parameters.shownAfterSecondClick = await parameters.isVisible();
  }

  const copy = page.locator(".install button").first();
  // The label changes once the clipboard promise settles, after the click returns: catch its first change.
  await copy.evaluate(button => {
    window.copyLabelChanged = new Promise(resolve =>
      new MutationObserver(() => resolve(button.textContent))
        .observe(button, { childList: true, characterData: true, subtree: true }));
  });
  await copy.click();
  result.copyLabel = await page.evaluate(() => Promise.race([
    window.copyLabelChanged,
    new Promise(resolve => setTimeout(() => resolve("unchanged after 10 s"), 10000)),
  ]));

  await page.fill("#filter", settings.filter);
  result.filtered = { cards: await cards(), count: await page.textContent("#count") };
  await page.fill("#filter", "");
  result.unfiltered = (await cards()).filter(card => card.shown).length;

  await page.selectOption("#hub", settings.hub);
  result.hubFiltered = await cards();
  await page.selectOption("#hub", "");

  await page.selectOption("#sort", "downloads");
  result.byDownloads = (await cards()).map(card => card.downloads);
  await page.selectOption("#sort", "name");
  result.byName = (await cards()).map(card => card.name);
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
