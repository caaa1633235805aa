// End-to-end tests of `dictum serve` in a real browser (Debian's Chromium, driven by
// playwright-core). .ci/run starts the server on 127.0.0.1 with examples/corpus and
// fixtures/ ingested, and passes its address in DICTUM_URL; screenshots go to E2E_OUT.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const BASE = process.env.DICTUM_URL || "http://127.0.0.1:8080";
const OUT = process.env.E2E_OUT || "e2e-output";
mkdirSync(OUT, { recursive: true });

let context;
const pageErrors = [];

before(async () => {
  const profile = mkdtempSync(join(tmpdir(), "dictum-chromium-"));
  // A fresh profile (Playwright passes it as --user-data-dir).
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
    viewport: { width: 1280, height: 900 },
  });
});

after(async () => {
  await context?.close();
  assert.deepEqual(pageErrors, [], "no page had a script error");
});

async function open(path) {
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(`${path}: ${e.message}`));
  page.on("dialog", (d) => { pageErrors.push(`${path}: a dialog opened: ${d.message()}`); d.dismiss(); });
  const res = await page.goto(BASE + path);
  return { page, res };
}

async function shot(page, name) {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

test("the search page opens, searches and highlights matches", async () => {
  const { page, res } = await open("/");
  assert.equal(res.status(), 200);
  assert.match(await page.title(), /Search · dictum/);
  await shot(page, "01-home");
  await page.fill("form.filters input[name=q]", "useful but not decisive");
  await Promise.all([page.waitForURL(/q=useful/), page.click("form.filters button[type=submit]")]);
  const hits = page.locator("li.hit");
  assert.ok((await hits.count()) >= 1, "at least one hit");
  const marks = await hits.first().locator("mark").allTextContents();
  assert.ok(marks.map((m) => m.toLowerCase()).includes("decisive"), `marks: ${marks}`);
  await shot(page, "02-search");
  await page.close();
});

test("filters narrow a search: a kind no statement has gives no hit", async () => {
  const { page } = await open("/?q=decisive&kind=transcript&speaker=nobody-at-all");
  assert.equal(await page.locator("li.hit").count(), 0);
  assert.match(await page.locator("section.results").innerText(), /No statement matches/);
  await page.close();
});

test("a statement leads to its speaker, and the person page shows a timeline", async () => {
  const { page } = await open("/?q=decisive");
  await Promise.all([page.waitForURL(/\/statements\/\d+$/), page.locator("li.hit blockquote a").first().click()]);
  const quote = await page.locator("blockquote.big").innerText();
  assert.match(quote, /decisive/i);
  assert.ok((await page.locator("ol.reports li.report").count()) >= 1, "reports listed");
  assert.ok((await page.locator("blockquote.sentence mark").count()) >= 1, "the content is marked in its sentence");
  await shot(page, "03-statement");
  const speaker = page.locator("article.statement p.meta a.speaker");
  const name = (await speaker.innerText()).trim();
  await Promise.all([page.waitForURL(/\/people\/\d+$/), speaker.click()]);
  assert.equal((await page.locator("h1").innerText()).trim(), name);
  assert.ok((await page.locator("figure.timeline svg rect").count()) >= 1, "timeline bars");
  assert.ok((await page.locator("ol.statements li").count()) >= 1, "latest statements");
  await shot(page, "04-person");
  await page.close();
});

test("a statement links to statements similar in meaning (when the server has the model)", async (t) => {
  const { page } = await open("/?q=decisive");
  await Promise.all([page.waitForURL(/\/statements\/\d+$/), page.locator("li.hit blockquote a").first().click()]);
  const link = page.locator("article.statement p.similar a");
  if ((await link.count()) === 0) {
    t.skip("the server has no sentence model ($DICTUM_STATIC_MODEL)");
    await page.close();
    return;
  }
  await Promise.all([page.waitForURL(/\/statements\/\d+\/similar$/), link.click()]);
  assert.match(await page.locator("h1").innerText(), /Similar statements/);
  assert.match(await page.locator("blockquote.big").innerText(), /decisive/i);
  assert.ok((await page.locator("ol.reports li.report").count()) >= 1, "similar statements listed");
  await shot(page, "05-similar");
  await Promise.all([page.waitForURL(/\/statements\/\d+$/), page.locator("ol.reports li.report blockquote a").first().click()]);
  await page.close();
});

test("an article shows its text with statements marked and linked to speakers", async () => {
  const { page } = await open("/?q=decisive");
  await page.locator("li.hit blockquote a").first().click();
  await page.waitForURL(/\/statements\/\d+$/);
  await Promise.all([page.waitForURL(/\/articles\/\d+/), page.locator("ol.reports li.report p.meta a").first().click()]);
  assert.ok((await page.locator(".article .text a.st").count()) >= 1, "statements marked");
  assert.ok((await page.locator(".article .text a.who").count()) >= 1, "speakers linked");
  await shot(page, "05-article");
  await Promise.all([page.waitForURL(/\/people\/\d+$/), page.locator(".article .text a.who").first().click()]);
  await page.close();
});

test("the people and articles lists open", async () => {
  const { page, res } = await open("/people");
  assert.equal(res.status(), 200);
  assert.ok((await page.locator("table.people tbody tr").count()) >= 3);
  await shot(page, "06-people");
  const r2 = await page.goto(BASE + "/articles");
  assert.equal(r2.status(), 200);
  assert.ok((await page.locator("ol.articles li").count()) >= 10);
  await page.close();
});

async function assertInert(page, where) {
  const state = await page.evaluate(() => ({
    xss: window.__xss,
    title: document.title,
    imgs: document.querySelectorAll("img").length,
    scripts: [...document.querySelectorAll("script")].map((s) => s.getAttribute("src")),
  }));
  assert.equal(state.xss, undefined, `${where}: no injected script ran`);
  assert.notEqual(state.title, "owned", `${where}: the title was not changed`);
  assert.equal(state.imgs, 0, `${where}: no img element`);
  assert.deepEqual(state.scripts, ["/assets/app.js"], `${where}: only the page's own script`);
}

test("a statement holding <script> and an <img onerror> renders as inert text", async () => {
  const { page } = await open("/?q=argument+either");
  const hit = page.locator("li.hit blockquote").first();
  const text = await hit.innerText();
  assert.ok(text.includes("<script>"), `shown as text: ${text}`);
  assert.ok(text.includes('"><img src=x onerror='), `shown as text: ${text}`);
  await assertInert(page, "search");
  await shot(page, "07-markup-search");
  await Promise.all([page.waitForURL(/\/statements\/\d+$/), hit.locator("a").click()]);
  assert.ok((await page.locator("blockquote.big").innerText()).includes("</script>"));
  await assertInert(page, "statement");
  await Promise.all([page.waitForURL(/\/articles\/\d+/), page.locator("ol.reports li.report p.meta a").first().click()]);
  assert.ok((await page.locator(".article .text").innerText()).includes("onerror="));
  await assertInert(page, "article");
  await shot(page, "08-markup-article");
  await page.close();
});

test("unknown pages are a 404 page; unknown API paths a JSON 404", async () => {
  const { page, res } = await open("/statements/999999999");
  assert.equal(res.status(), 404);
  assert.match(await page.locator("h1").innerText(), /Not found/);
  const api = await page.goto(BASE + "/api/nothing-here");
  assert.equal(api.status(), 404);
  const body = JSON.parse(await page.locator("body").innerText());
  assert.equal(body.error.code, "not_found");
  await page.close();
});
