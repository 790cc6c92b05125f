#!/usr/bin/env node
// Generic end-to-end driver: installs the gowls .vsix into a fresh code-server, opens a
// workspace in headless Chromium and plays scenarios (test/e2e/scenarios.mjs) in the editor's
// own UI, with a screenshot of every step. It knows nothing about file kinds: a scenario is
// data plus a function of the UI helpers below.
//
//   node driver.mjs --config config.json     # see `Config` below; writes results.json
//   node driver.mjs --list                   # the scenario names, as JSON
//
// Config (JSON): {
//   "tools": ".cache/vscode-e2e/tools",     // has node_modules/code-server, playwright-core
//   "vsix": "vscode-client/dist/gowls.vsix",
//   "workspace": "/tmp/.../ws",              // the fixture folder to open
//   "artifacts": "test-artifacts/vscode/run", // screenshots, logs, results.json
//   "settings": { "gowls.server.command": [...] },   // user settings
//   "scenarios": ["name", ...],              // optional subset, in order
//   "chromium": "/usr/bin/chromium",
//   "timeoutMs": 30000                       // per UI wait
// }
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { scenarios } from "./scenarios.mjs";

const args = process.argv.slice(2);
if (args.includes("--list")) {
  console.log(JSON.stringify(scenarios.filter((s) => !s.optIn).map((s) => s.name)));
  process.exit(0);
}
if (args.includes("--help") || !args.includes("--config")) {
  console.log("usage: node driver.mjs --config config.json | --list");
  process.exit(args.includes("--help") ? 0 : 2);
}
const config = JSON.parse(readFileSync(args[args.indexOf("--config") + 1], "utf8"));
const timeout = config.timeoutMs ?? 30000;
const artifacts = path.resolve(config.artifacts);
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const say = (msg) => console.log(`[driver ${elapsed()}] ${msg}`);

const tools = path.resolve(config.tools);
const requireTool = createRequire(path.join(tools, "package.json"));
const { chromium } = requireTool("playwright-core");
const codeServer = path.join(tools, "node_modules", "code-server", "out", "node", "entry.js");

// A fresh home for code-server and the browser: nothing from earlier runs leaks in.
const home = mkdtempSync(path.join(os.tmpdir(), "gowls-vscode-e2e-"));
const dirs = {
  xdgConfig: path.join(home, "xdg-config"),
  xdgData: path.join(home, "xdg-data"),
  userData: path.join(home, "user-data"),
  extensions: path.join(home, "extensions"),
  browser: path.join(home, "browser"),
};
for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
const env = {
  ...process.env,
  XDG_CONFIG_HOME: dirs.xdgConfig,
  XDG_DATA_HOME: dirs.xdgData,
  XDG_CACHE_HOME: path.join(home, "xdg-cache"),
  // The extension host inherits this environment as is (PATH included) instead of the one a
  // login shell would resolve, so a test controls which python3 the extension finds.
  VSCODE_CLI: "1",
};
const csArgs = ["--user-data-dir", dirs.userData, "--extensions-dir", dirs.extensions];

function installExtension() {
  say(`installing ${config.vsix}`);
  const r = spawnSync(process.execPath, [codeServer, ...csArgs, "--install-extension", path.resolve(config.vsix)], {
    env,
    encoding: "utf8",
    timeout: 120000,
  });
  writeFileSync(path.join(artifacts, "install-extension.log"), `${r.stdout}\n${r.stderr}`);
  if (r.status !== 0 || !/was successfully installed/.test(r.stdout + r.stderr)) {
    throw new Error(`code-server --install-extension failed (${r.status}): ${r.stdout}${r.stderr}`);
  }
}

function writeSettings() {
  const settings = {
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "workbench.enableExperiments": false,
    "telemetry.telemetryLevel": "off",
    "extensions.ignoreRecommendations": true,
    "extensions.autoCheckUpdates": false,
    "extensions.autoUpdate": false,
    "security.workspace.trust.enabled": false,
    "update.mode": "none",
    "files.autoSave": "off",
    "editor.hover.delay": 300,
    "editor.quickSuggestions": { other: false, comments: false, strings: false },
    "window.restoreWindows": "none",
    "chat.disableAIFeatures": true,
    ...config.settings,
  };
  const file = path.join(dirs.userData, "User", "settings.json");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(settings, null, 2));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function startCodeServer() {
  const port = await freePort();
  const proc = spawn(
    process.execPath,
    [
      codeServer,
      ...csArgs,
      "--auth", "none",
      "--bind-addr", `127.0.0.1:${port}`,
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      config.workspace,
    ],
    { env, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  const logChunks = [];
  const ready = new Promise((resolve, reject) => {
    const onData = (data) => {
      logChunks.push(data.toString());
      if (/HTTP server listening on/.test(logChunks.join(""))) resolve();
    };
    proc.stdout.on("data", onData);
    proc.stderr.on("data", onData);
    proc.once("exit", (code) => reject(new Error(`code-server exited (${code}): ${logChunks.join("")}`)));
  });
  const timer = new Promise((_, reject) => setTimeout(() => reject(new Error("code-server did not start in 60s")), 60000).unref());
  await Promise.race([ready, timer]);
  say(`code-server listening on ${port}`);
  return { proc, port, log: () => logChunks.join("") };
}

// ---------------------------------------------------------------------------------------
// UI helpers handed to the scenarios: every wait is a playwright wait on a UI condition.
function makeUi(page) {
  let shot = 0;
  const quickInput = page.locator(".quick-input-widget");
  const quickInputBox = quickInput.locator("input.input");

  const ui = {
    page,
    timeout,
    workspace: config.workspace,

    async screenshot(name) {
      shot += 1;
      const file = path.join(artifacts, `${String(shot).padStart(2, "0")}-${name}.png`);
      await page.screenshot({ path: file });
      say(`screenshot ${path.relative(process.cwd(), file)}`);
      return file;
    },

    /** Opens the quick input (F1) with `text` typed and waits for a row matching `row`. */
    async quickPick(text, row) {
      await ui.escape();
      await page.keyboard.press("F1");
      await quickInput.waitFor({ state: "visible", timeout });
      await quickInputBox.fill(text);
      if (row) {
        await quickInput.locator(".monaco-list-row", { hasText: row }).first().waitFor({ state: "visible", timeout });
      }
      await page.keyboard.press("Enter");
      await quickInput.waitFor({ state: "hidden", timeout });
    },

    /** Runs a command by its title from the command palette. */
    async runCommand(title) {
      await ui.quickPick(`>${title}`, title);
    },

    async escape() {
      if (await quickInput.isVisible()) {
        await page.keyboard.press("Escape");
        await quickInput.waitFor({ state: "hidden", timeout });
      }
    },

    /** Opens a workspace file through Quick Open and waits for its editor tab to be active. */
    async openFile(rel) {
      const base = path.posix.basename(rel);
      await ui.quickPick(rel, base);
      await page
        .locator(".tabs-container .tab.active", { hasText: base })
        .first()
        .waitFor({ state: "visible", timeout });
      await ui.activeEditor().locator(".view-lines").waitFor({ state: "visible", timeout });
    },

    activeEditor() {
      return page.locator(".editor-group-container.active .editor-instance .monaco-editor").first();
    },

    /** The visible text of the active editor, with non-breaking spaces as spaces. */
    async editorText() {
      const lines = await ui.activeEditor().locator(".view-lines .view-line").allInnerTexts();
      return lines.map((l) => l.replace(/\u00a0/g, " ")).join("\n");
    },

    /** Moves the cursor to a 1-based line and column (Go to Line: `:line:column`). */
    async goto(line, column = 1) {
      await ui.quickPick(`:${line}:${column}`);
      await ui.activeEditor().locator("textarea").first().focus();
    },

    /** Places the cursor at the first occurrence of `needle` (plus `offset` characters). */
    async gotoText(needle, offset = 0) {
      const text = await ui.editorText();
      const index = text.indexOf(needle);
      if (index < 0) throw new Error(`"${needle}" is not in the editor:\n${text}`);
      const before = text.slice(0, index + offset).split("\n");
      await ui.goto(before.length, before[before.length - 1].length + 1);
    },

    async openProblems() {
      const panel = page.locator(".markers-panel");
      if (!(await panel.isVisible())) {
        await page.keyboard.press("Control+Shift+M");
        try {
          await panel.waitFor({ state: "visible", timeout: 5000 });
        } catch {
          await ui.runCommand("View: Show Problems");
        }
      }
      await panel.waitFor({ state: "visible", timeout });
      return panel;
    },

    problem(text) {
      return page.locator(".markers-panel .monaco-list-row", { hasText: text }).first();
    },

    async waitForProblem(text) {
      await ui.openProblems();
      await ui.problem(text).waitFor({ state: "visible", timeout });
    },

    async waitForNoProblem(text) {
      await ui.openProblems();
      await ui.problem(text).waitFor({ state: "detached", timeout });
    },

    /** Opens the quick fix menu at the cursor and picks the action whose title matches. */
    async quickFix(title) {
      await page.keyboard.press("Control+.");
      const menu = page.locator(".action-widget");
      const item = menu.locator(".monaco-list-row", { hasText: title }).first();
      await item.waitFor({ state: "visible", timeout });
      // The menu blocks pointer events until the mouse moves: choose with the keyboard.
      const rows = menu.locator(".monaco-list-row");
      const count = await rows.count();
      for (let i = 0; i <= count; i++) {
        if (await menu.locator(".monaco-list-row.focused", { hasText: title }).count()) break;
        await page.keyboard.press("ArrowDown");
      }
      await menu.locator(".monaco-list-row.focused", { hasText: title }).waitFor({ state: "visible", timeout });
      await page.keyboard.press("Enter");
      await menu.waitFor({ state: "hidden", timeout });
    },

    /** Triggers completion at the cursor; returns the suggest widget's matching row. */
    async suggest(label) {
      const widget = page.locator(".editor-widget.suggest-widget");
      const row = widget.locator(".monaco-list-row", { hasText: label }).first();
      await page.keyboard.press("Control+Space");
      try {
        await widget.waitFor({ state: "visible", timeout: 5000 });
      } catch {
        await ui.runCommand("Trigger Suggest");
      }
      // VS Code closes the widget on an answer it filtered to nothing ("No suggestions")
      // and never asks again by itself: like a user, ask again until the deadline.
      const deadline = Date.now() + timeout;
      for (;;) {
        try {
          await row.waitFor({ state: "visible", timeout: 5000 });
          return row;
        } catch (error) {
          if (Date.now() > deadline) throw error;
        }
        await page.keyboard.press("Escape");
        await page.keyboard.press("Control+Space");
      }
    },

    /** Shows the hover at the cursor; returns the hover once it contains `text`. */
    async hover(text) {
      await ui.runCommand("Show or Focus Hover");
      const hover = page.locator(".monaco-hover:not(.hidden)", { hasText: text }).first();
      await hover.waitFor({ state: "visible", timeout });
      return hover;
    },

    async toast(text) {
      const toast = page.locator(".notification-toast", { hasText: text }).first();
      await toast.waitFor({ state: "visible", timeout });
      return toast;
    },

    /** Opens the notification centre; the texts of every notification so far. */
    async notificationTexts() {
      await ui.runCommand("Notifications: Show Notifications");
      const centre = page.locator(".notifications-center");
      await centre.waitFor({ state: "visible", timeout });
      const texts = (await centre.locator(".notification-list-item-message").allInnerTexts()).map((t) =>
        t.replace(/\s+/g, " "),
      );
      return texts;
    },

    async statusBar(label) {
      const item = page.locator(`.part.statusbar [aria-label="${label}"]`).first();
      await item.waitFor({ state: "visible", timeout: Math.max(timeout, 60000) });
      return item;
    },

    async save() {
      await page.keyboard.press("Control+S");
      await page
        .locator(".tabs-container .tab.active.dirty")
        .waitFor({ state: "detached", timeout });
    },

    async revert() {
      await ui.runCommand("File: Revert File");
      await page.locator(".tabs-container .tab.active.dirty").waitFor({ state: "detached", timeout });
    },

    async closeAllEditors() {
      await ui.runCommand("View: Close All Editors");
    },

    /** Waits until the active editor's text contains `needle` (or no longer does). */
    async waitForEditorText(needle, present = true) {
      try {
        await page.waitForFunction(
          ({ needle, present }) => {
            const el = document.querySelector(
              ".editor-group-container.active .editor-instance .monaco-editor .view-lines",
            );
            const text = (el?.innerText ?? "").replace(/\u00a0/g, " ");
            return text.includes(needle) === present;
          },
          { needle, present },
          { timeout },
        );
      } catch (err) {
        throw new Error(`the editor ${present ? "never showed" : "still shows"} "${needle}":\n${await ui.editorText()}`);
      }
    },
  };
  return ui;
}

async function main() {
  const wanted = config.scenarios ?? scenarios.filter((s) => !s.optIn).map((s) => s.name);
  const plan = wanted.map((name) => {
    const s = scenarios.find((x) => x.name === name);
    if (!s) throw new Error(`unknown scenario ${name}`);
    return s;
  });
  installExtension();
  writeSettings();
  const server = await startCodeServer();
  const results = [];
  let context;
  try {
    context = await chromium.launchPersistentContext(dirs.browser, {
      executablePath: config.chromium ?? "/usr/bin/chromium",
      viewport: { width: 1400, height: 900 },
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const consoleLog = [];
    page.on("console", (m) => consoleLog.push(`[${m.type()}] ${m.text()}`));
    await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(config.workspace)}`);
    await page.locator(".monaco-workbench").waitFor({ state: "visible", timeout: 60000 });
    await page.locator(".part.statusbar").waitFor({ state: "visible", timeout: 60000 });
    say("workbench loaded");
    const ui = makeUi(page);
    for (const scenario of plan) {
      const t0 = Date.now();
      say(`scenario ${scenario.name}: ${scenario.title}`);
      try {
        const detail = await scenario.run(ui);
        results.push({ name: scenario.name, ok: true, seconds: (Date.now() - t0) / 1000, detail });
        say(`scenario ${scenario.name}: passed`);
      } catch (err) {
        say(`scenario ${scenario.name}: FAILED: ${err.stack ?? err}`);
        await ui.screenshot(`FAILED-${scenario.name}`).catch(() => undefined);
        results.push({
          name: scenario.name,
          ok: false,
          seconds: (Date.now() - t0) / 1000,
          error: String(err.message ?? err),
        });
        await ui.escape().catch(() => undefined);
        await page.keyboard.press("Escape").catch(() => undefined);
      }
    }
    writeFileSync(path.join(artifacts, "browser-console.log"), consoleLog.join("\n"));
  } finally {
    await context?.close().catch(() => undefined);
    try {
      process.kill(-server.proc.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
    writeFileSync(path.join(artifacts, "code-server.log"), server.log());
    // The extension host's logs, including the `gowls` output channel.
    const logs = path.join(dirs.userData, "logs");
    if (existsSync(logs)) cpSync(logs, path.join(artifacts, "vscode-logs"), { recursive: true });
    rmSync(home, { recursive: true, force: true });
  }
  writeFileSync(path.join(artifacts, "results.json"), JSON.stringify(results, null, 2));
  say(`done: ${results.filter((r) => r.ok).length}/${results.length} scenarios passed`);
  return results.every((r) => r.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err.stack ?? err);
    writeFileSync(path.join(artifacts, "results.json"), JSON.stringify([{ name: "harness", ok: false, error: String(err.stack ?? err) }], null, 2));
    process.exit(2);
  },
);
