// The dashboard end to end, in Debian's Chromium driven by playwright-core, against a running
// local stack (gateway + services + WhatsApp simulator). Run by local-stack's
// DashboardEndToEndTests, or by hand against `./dinechat up`:
//   DASHBOARD_URL=http://localhost:8080 SIMULATOR_URL=http://localhost:8090 node dashboard/e2e/dashboard.e2e.mjs
// Screenshots of the main pages go to SCREENSHOT_DIR (default dashboard/target/screenshots).
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const base = process.env.DASHBOARD_URL ?? "http://localhost:8080";
const simulator = process.env.SIMULATOR_URL ?? "http://localhost:8090";
const shots = process.env.SCREENSHOT_DIR ?? join(here, "..", "target", "screenshots");
const demo = {
  email: process.env.DEMO_EMAIL ?? "owner@trattoria-aurora.example",
  password: process.env.DEMO_PASSWORD ?? "trattoria-demo-2026",
  phoneNumberId: process.env.DEMO_PHONE_NUMBER_ID ?? "100000000000001",
};
const WAIT = Number(process.env.E2E_WAIT_MS ?? 45000);
mkdirSync(shots, { recursive: true });

const results = [];
async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true, ms: Date.now() - started });
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    results.push({ name, ok: false, ms: Date.now() - started, error: String(e?.message ?? e).split("\n")[0] });
    console.log(`FAIL ${name}: ${String(e?.message ?? e).split("\n").slice(0, 3).join(" | ")}`);
    await page.screenshot({ path: join(shots, `failed-${name.replace(/\W+/g, "-")}.png`), fullPage: true }).catch(() => {});
  }
}
async function shot(name) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}
async function sim(path, body) {
  const response = await fetch(`${simulator}${path}`, body ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : undefined);
  if (!response.ok) throw new Error(`simulator ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}
/** Writes as a guest; when the assistant answers with a "confirm" button, taps it (the guest's explicit confirmation). */
async function guestConversation(waId, name, text) {
  await sim("/_sim/guest/messages", { phoneNumberId: demo.phoneNumberId, waId, name, text });
  const deadline = Date.now() + WAIT;
  while (Date.now() < deadline) {
    const messages = await sim(`/_sim/conversations?phoneNumberId=${demo.phoneNumberId}&waId=${waId}`);
    const confirm = messages.filter((m) => m.direction === "outbound" && m.interactive)
      .flatMap((m) => (m.interactive.action?.buttons ?? []).map((b) => ({ m, b: b.reply ?? b })))
      .find(({ b }) => b.id === "confirm");
    if (confirm) {
      await sim("/_sim/guest/messages", { phoneNumberId: demo.phoneNumberId, waId, name, reply: { type: "button_reply", id: "confirm", title: confirm.b.title ?? "Confirm" }, contextMessageId: confirm.m.messageId });
      return messages;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no confirmation button from the assistant after "${text}"`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-GB" });
context.setDefaultTimeout(WAIT);
const page = await context.newPage();
page.on("pageerror", (e) => console.log(`page error: ${e.message}`));
const stamp = Date.now().toString(36);

await step("sign up a new business", async () => {
  await page.goto(`${base}/login`);
  await shot("01-login");
  await page.getByRole("link", { name: "Create your business" }).click();
  await page.getByLabel("Business name").fill(`Chez Nour ${stamp}`);
  await page.getByLabel("Your name").fill("Nour Haddad");
  await page.getByLabel("Email").fill(`nour-${stamp}@chez-nour.example`);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create your business" }).click();
  await page.getByText("At least 10 characters.").waitFor(); // the API's rule, checked before sending
  await page.getByLabel("Password").fill("a long and private secret");
  await page.getByLabel("Time zone").selectOption("Asia/Beirut");
  await page.getByLabel("Currency").selectOption("EUR");
  await shot("02-signup");
  await page.getByRole("button", { name: "Create your business" }).click();
  await page.waitForURL("**/onboarding");
});

await step("onboarding: profile, branch, hours, reservation system", async () => {
  await page.getByRole("heading", { name: "Set up your business" }).waitFor();
  await shot("03-onboarding");
  await page.getByRole("button", { name: "Next" }).click();
  await page.locator('input[name="branchName"]').fill("Gemmayzeh");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByTestId("hours-monday").waitFor();
  await page.getByTestId("hours-sunday").getByLabel("Closed").check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByText("DineChat's own table book (recommended)").click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByText("Your business is ready").waitFor();
});

await step("set up a menu item", async () => {
  await page.goto(`${base}/menu`);
  await page.getByTestId("empty-state").waitFor();
  await page.getByRole("button", { name: "New menu" }).first().click();
  await page.locator('input[name="menuName"]').fill("Dinner");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByRole("button", { name: "Add a dish" }).first().click();
  await page.locator('input[name="itemName"]').fill("Fattoush");
  await page.locator('input[name="price"]').fill("8.505");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByText("A non-negative amount with at most two decimals.").waitFor();
  await page.locator('input[name="price"]').fill("8.50");
  await page.getByLabel("Allergens (comma separated)").fill("sumac");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByTestId("menu-item").filter({ hasText: "Fattoush" }).getByText("€8.50").waitFor();
  await shot("04-menu");
  await page.goto(`${base}/hours`);
  await page.getByRole("heading", { name: "Weekly hours" }).waitFor();
  await shot("05-hours");
});

await step("sign in as the demo restaurant's owner", async () => {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/login");
  await page.getByLabel("Email").fill(demo.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText("That email and password don't match").waitFor();
  await page.getByLabel("Password").fill(demo.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("business-name").getByText("Trattoria Aurora").waitFor();
});

const orderGuest = "9665" + String(10_000_000 + Math.floor(Math.random() * 89_999_999));
await step("a WhatsApp order appears on the board and is moved to completed", async () => {
  await page.goto(`${base}/orders`);
  await page.locator('[data-testid="live-state"][data-state="open"]').waitFor();
  const before = await page.getByTestId("order-card").count();
  await guestConversation(orderGuest, "Amira", "I'd like to order 2 Margherita for takeaway please");
  const card = page.getByTestId("column-pending").getByTestId("order-card").first();
  await card.waitFor();
  await page.getByTestId("toast").filter({ hasText: "New order" }).waitFor();
  if ((await page.getByTestId("order-card").count()) <= before) throw new Error("no new card");
  const reference = await card.getAttribute("data-reference");
  await shot("06-orders-new");
  const ours = () => page.locator(`[data-testid="order-card"][data-reference="${reference}"]`);
  for (const [button, column] of [["Accept", "accepted"], ["Start preparing", "preparing"], ["Mark ready", "ready"], ["Complete", "completed"]]) {
    await ours().getByRole("button", { name: button }).click();
    await page.getByTestId(`column-${column}`).locator(`[data-reference="${reference}"]`).waitFor();
  }
  await shot("07-orders-completed");
});

await step("a reservation made on WhatsApp appears live", async () => {
  await page.goto(`${base}/reservations`);
  await page.locator('[data-testid="live-state"][data-state="open"]').waitFor();
  await page.getByRole("button", { name: "Next" }).click(); // tomorrow, the day the guest asks for
  const guest = "9665" + String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  await guestConversation(guest, "Karim", "I'd like to book a table for 4 tomorrow at 8pm");
  await page.getByTestId("toast").filter({ hasText: "New booking" }).waitFor();
  await page.getByTestId("booking").filter({ hasText: "Karim" }).waitFor();
  await shot("08-reservations");
});

await step("take over a conversation and reply", async () => {
  await page.goto(`${base}/inbox`);
  const conversation = page.locator(`[data-testid="conversation"][data-guest="${orderGuest}"]`);
  await conversation.click();
  await page.getByRole("button", { name: "Take over" }).click();
  await page.getByRole("button", { name: "Hand back to the assistant" }).waitFor();
  await page.getByLabel("Write a reply…").fill("Hi Amira, your pizzas are on their way out of the oven!");
  await page.getByRole("button", { name: "Send" }).click();
  await page.locator('[data-testid="message"][data-author="staff"]').filter({ hasText: "on their way" }).waitFor();
  const deadline = Date.now() + WAIT;
  for (;;) {
    const messages = await sim(`/_sim/conversations?phoneNumberId=${demo.phoneNumberId}&waId=${orderGuest}`);
    if (messages.some((m) => m.direction === "outbound" && (m.text ?? "").includes("on their way"))) break;
    if (Date.now() > deadline) throw new Error("the staff reply never reached the guest's WhatsApp");
    await new Promise((r) => setTimeout(r, 500));
  }
  await shot("09-inbox");
});

await step("owner pages: analytics gate, billing, team, audit, privacy", async () => {
  for (const [path, name, marker] of [["/analytics", "10-analytics", "Analytics"], ["/billing", "11-billing", "Current plan"], ["/team", "12-team", "Invite a team member"],
    ["/audit", "13-audit", "Audit log"], ["/privacy", "14-privacy", "Guest privacy"]]) {
    await page.goto(`${base}${path}`);
    await page.getByText(marker, { exact: true }).first().waitFor();
    await page.waitForLoadState("networkidle").catch(() => {});
    await shot(name);
  }
});

await step("Arabic, right to left", async () => {
  await page.goto(`${base}/orders`);
  await page.getByTestId("language").selectOption("ar");
  await page.getByRole("heading", { name: "الطلبات" }).waitFor();
  const dir = await page.evaluate(() => document.documentElement.dir);
  if (dir !== "rtl") throw new Error(`dir is ${dir}`);
  await shot("15-orders-arabic");
  await page.getByTestId("language").selectOption("en");
});

await browser.close();
const failed = results.filter((r) => !r.ok);
console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
