// The end-to-end scenarios, played in order by driver.mjs against the fixture workspace that
// tests/vscode/test_vscode_e2e.py builds (FIXTURE there). A new file kind (GoReleaser, Helm)
// adds its fixture files there and its scenarios here; the driver stays as it is.
//
// Each scenario: { name, title, run(ui) } where `ui` is the driver's helper set (openFile,
// gotoText, waitForProblem, quickFix, suggest, hover, runCommand, toast, screenshot, ...).
// Every wait is a UI condition with a timeout; none sleeps.
// `run` may return a JSON value: the driver saves it as the result's `detail` for the test.
// `optIn: true` scenarios need a special set-up (named in their title) and run only when a
// driver config lists them.

export const scenarios = [
  {
    name: "server-starts",
    title: "the extension starts the server: the status bar shows gowls running",
    async run(ui) {
      await ui.openFile("go.work");
      await ui.statusBar("gowls: running");
      await ui.screenshot("server-running");
    },
  },
  {
    name: "gowork-missing-use",
    title: "a go.work `use` of a missing directory is an error in the Problems panel",
    async run(ui) {
      await ui.openFile("go.work");
      await ui.waitForProblem("cannot load module missing listed in go.work file");
      await ui.problem("cannot load module missing").getByText("GW101").first().waitFor({ timeout: ui.timeout });
      await ui.screenshot("problems-missing-use");
    },
  },
  {
    name: "gowork-quickfix-removes-use",
    title: "the quick fix removes the broken `use` line and the error goes away",
    async run(ui) {
      await ui.openFile("go.work");
      await ui.gotoText("./missing", 2);
      await ui.quickFix("Remove use ./missing");
      await ui.waitForEditorText("./missing", false);
      await ui.waitForNoProblem("cannot load module missing");
      await ui.save();
      await ui.screenshot("quickfix-applied");
    },
  },
  {
    name: "gowork-completes-unused-module",
    title: "completion after `use` offers the module directory the go.work does not use yet",
    async run(ui) {
      await ui.openFile("go.work");
      await ui.gotoText("./lib", "./lib".length);
      await ui.page.keyboard.press("Enter");
      const row = await ui.suggest("./tools");
      await ui.screenshot("completion-unused-module");
      await row.click();
      await ui.waitForEditorText("./tools");
      await ui.screenshot("completion-accepted");
      await ui.revert();
      await ui.waitForEditorText("./tools", false);
    },
  },
  {
    name: "gomod-hover-requirement",
    title: "hover on a go.mod requirement says which workspace module provides it",
    async run(ui) {
      await ui.openFile("app/go.mod");
      await ui.gotoText("example.com/lib v0.1.0", 4);
      const hover = await ui.hover("provided by the workspace module");
      await hover.getByText("example.com/lib").first().waitFor({ timeout: ui.timeout });
      await ui.screenshot("hover-requirement");
    },
  },
  {
    name: "helm-undefined-value-quickfix",
    title: "a Helm template reading a value nothing defines gets a warning; its quick fix adds the key to values.yaml",
    async run(ui) {
      await ui.openFile("chart/templates/cm.yaml");
      await ui.waitForProblem("`.Values.nameOverride` is not set in any values file");
      await ui.problem("`.Values.nameOverride` is not set").getByText("HL106").first().waitFor({ timeout: ui.timeout });
      await ui.screenshot("helm-undefined-value");
      await ui.gotoText(".Values.nameOverride", 3);
      await ui.quickFix("Add 'nameOverride' to values.yaml");
      await ui.waitForNoProblem("`.Values.nameOverride` is not set");
      await ui.openFile("chart/values.yaml");
      await ui.waitForEditorText("nameOverride: null");
      await ui.save();
      await ui.screenshot("helm-quickfix-applied");
    },
  },
  {
    name: "goreleaser-quickfix-renames-key",
    title: "a misspelt key in .config/goreleaser.yaml is GR101; its quick fix renames it",
    async run(ui) {
      await ui.openFile(".config/goreleaser.yaml");
      await ui.waitForProblem("is not a key of `builds`");
      await ui.problem("is not a key of `builds`").getByText("GR101").first().waitFor({ timeout: ui.timeout });
      await ui.screenshot("goreleaser-unknown-key");
      await ui.gotoText("binry", 2);
      await ui.quickFix("Rename to binary");
      await ui.waitForEditorText("binary: app");
      await ui.waitForNoProblem("is not a key of `builds`");
      await ui.save();
      await ui.screenshot("goreleaser-quickfix-applied");
    },
  },
  {
    name: "check-workspace-command",
    title: "`gowls: Check Workspace` reports the count of problems",
    async run(ui) {
      await ui.runCommand("gowls: Check Workspace");
      await ui.toast(/gowls check: (no problems|\d+ problems?) in ws/);
      await ui.screenshot("check-workspace");
    },
  },
  {
    name: "migrate-command",
    title: "`gowls: Migrate to go.work` shows the server's answer and adds the unused module",
    async run(ui) {
      await ui.openFile("go.work");
      await ui.runCommand("gowls: Migrate to go.work");
      await ui.toast(/gowls\.migrate: .*go\.work/);
      await ui.waitForEditorText("./tools");
      await ui.screenshot("migrate");
    },
  },
  {
    name: "unusable-python-notification",
    optIn: true,
    title: "with no server command and only a Python the bundle cannot serve (e.g. 3.10) on PATH, one notification names it and what to install; its actions open the setting and the log",
    async run(ui) {
      await ui.openFile("go.work");
      const toast = await ui.toast(/gowls: this Python cannot run the bundled server/);
      await ui.statusBar("gowls: error");
      const text = (await toast.innerText()).replace(/\s+/g, " ");
      await ui.screenshot("unusable-python-notification");
      // Once: no second notification from gowls or its language client. (Read before an
      // action is chosen: choosing one removes the notification.)
      const centre = await ui.notificationTexts();
      await ui.page
        .locator(".notifications-center .notification-list-item", { hasText: "cannot run the bundled server" })
        .first()
        .getByRole("button", { name: "Open Settings" })
        .click();
      await ui.page
        .locator(".settings-editor .setting-item-title", { hasText: /Server:\s*Python/ })
        .first()
        .waitFor({ state: "visible", timeout: ui.timeout });
      await ui.screenshot("open-settings");
      await ui.runCommand("gowls: Show Server Log");
      await ui.page
        .locator(".part.panel .view-lines", { hasText: "this Python cannot run the bundled server" })
        .first()
        .waitFor({ state: "visible", timeout: ui.timeout });
      await ui.screenshot("server-log");
      return { toast: text, centre };
    },
  },
  {
    name: "broken-server-command-notification",
    optIn: true,
    title:
      "a gowls.server.command that exits at start (the test sets it to python3 -c \"sys.exit('gowls-e2e: " +
      "this server cannot start')\"): one notification quoting its stderr, no generic ones",
    async run(ui) {
      await ui.openFile("go.work");
      const toast = await ui.toast(/the language server did not start .*gowls-e2e: this server cannot start/);
      await ui.statusBar("gowls: error");
      const text = (await toast.innerText()).replace(/\s+/g, " ");
      await ui.screenshot("broken-server-command-notification");
      const centre = await ui.notificationTexts();
      return { toast: text, centre };
    },
  },
];
