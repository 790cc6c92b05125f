// The end-to-end scenarios, played in order by driver.mjs against the fixture workspace that
// tests/vscode/test_vscode_e2e.py builds (FIXTURE there). A new file kind (GoReleaser, Helm)
// adds its fixture files there and its scenarios here; the driver stays as it is.
//
// Each scenario: { name, title, run(ui) } where `ui` is the driver's helper set (openFile,
// gotoText, waitForProblem, quickFix, suggest, hover, runCommand, toast, screenshot, ...).
// Every wait is a UI condition with a timeout; none sleeps.
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
    name: "goreleaser-quickfix-renames-key",
    title: "a misspelt key in .config/goreleaser.yaml is GR101; its quick fix renames it",
    async run(ui) {
      await ui.openFile(".config/goreleaser.yaml");
      await ui.waitForProblem("is not a key of `builds`");
      await ui.problem("is not a key of `builds`").getByText("GR101").first().waitFor({ timeout: ui.timeout });
      await ui.screenshot("goreleaser-unknown-key");
      await ui.gotoText("binry", 2);
      await ui.quickFix("Rename to `binary`");
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
    name: "no-python-notification",
    optIn: true,
    title: "with no server command and no Python 3.11+, a notification says what to install",
    async run(ui) {
      await ui.openFile("go.work");
      await ui.toast(/gowls needs Python 3\.11 or newer/);
      await ui.statusBar("gowls: error");
      await ui.screenshot("no-python-notification");
    },
  },
];
