// The gowls VS Code extension: starts the gowls language server and adds its commands.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import {
  CloseAction,
  type CloseHandlerResult,
  type DocumentSelector,
  ErrorAction,
  ExecuteCommandRequest,
  type DynamicFeature,
  type LanguageClientOptions,
  type ServerOptions,
  type StaticFeature,
  LanguageClient,
  State,
  TransportKind,
} from "vscode-languageclient/node";
import { type Bundle, platformMismatch, preflight, pythonPath, readBundle, rejectPython, versionList } from "./bundle";
import { candidates, describe, findPython } from "./python";

/** Commands this extension contributes itself (the server's commands of the same name are
 * called from them, so the language client must not register them a second time). */
const OWN_COMMANDS = new Set([
  "gowls.restart",
  "gowls.checkWorkspace",
  "gowls.migrate",
  "gowls.showServerLog",
  "gowls.showOutput",
]);

/** How often the server may stop within RESTART_WINDOW_MS and still be restarted. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;
/** How long a start-failure notification waits for the rest of the server's stderr. */
const STDERR_DRAIN_MS = 2000;

/**
 * The files gowls handles, as document selectors that coexist with the Go extension (which
 * also contributes the go.mod / go.work language ids) and with YAML / Helm extensions.
 * Helm: a selector cannot ask whether a Chart.yaml sits above the file, so every
 * `values*.yaml` and every file under a `templates/` folder is sent; the server decides.
 */
export const DOCUMENT_SELECTOR: DocumentSelector = [
  { scheme: "file", language: "go.mod" },
  { scheme: "file", language: "go.work" },
  // GoReleaser's own search order: .config/goreleaser.y*ml, .goreleaser.y*ml, goreleaser.y*ml.
  // The server owns recognition: other files a .gowls.toml `[goreleaser] files` glob names are
  // found by its workspace scan (from disk) even though their buffers are not sent.
  { scheme: "file", language: "yaml", pattern: "**/.config/goreleaser.{yml,yaml}" },
  { scheme: "file", language: "yaml", pattern: "**/{.goreleaser,goreleaser}.{yml,yaml}" },
  { scheme: "file", language: "yaml", pattern: "**/values*.{yaml,yml}" },
  { scheme: "file", language: "yaml", pattern: "**/ci/*.{yaml,yml}" },
  { scheme: "file", pattern: "**/values.schema.json" },
  { scheme: "file", pattern: "**/templates/**" },
];

type Status = "starting" | "running" | "stopped" | "error";

/** How to run gowls: the server (with `--stdio` appended by the client) or `--check`. */
interface Launch {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  description: string;
}

class UserError extends Error {
  constructor(
    message: string,
    readonly actions: { title: string; run: () => unknown }[] = [],
  ) {
    super(message);
  }
}

/** A language client that leaves the commands this extension contributes to the extension. */
class GowlsLanguageClient extends LanguageClient {
  override registerFeature(feature: StaticFeature | DynamicFeature<unknown>): void {
    const dynamic = feature as DynamicFeature<{ commands?: string[] }>;
    if (dynamic.registrationType?.method === ExecuteCommandRequest.method) {
      const register = dynamic.register.bind(dynamic);
      dynamic.register = (data) => {
        const commands = (data.registerOptions.commands ?? []).filter((c) => !OWN_COMMANDS.has(c));
        register({ ...data, registerOptions: { ...data.registerOptions, commands } });
      };
    }
    super.registerFeature(feature);
  }

  // The extension shows its own notifications, once and with the cause; the client only logs.
  override error(message: string, data?: unknown, _showNotification?: boolean | "force"): void {
    super.error(message, data, false);
  }
}

class Extension {
  readonly log: vscode.LogOutputChannel;
  readonly status: vscode.StatusBarItem;
  client: GowlsLanguageClient | undefined;
  launch: Launch | undefined;
  private stopping = false;
  private starting: Promise<void> | undefined;

  constructor(readonly context: vscode.ExtensionContext) {
    this.log = vscode.window.createOutputChannel("gowls", { log: true });
    this.status = vscode.window.createStatusBarItem("gowls.status", vscode.StatusBarAlignment.Right, 100);
    this.status.name = "gowls";
    this.status.command = "gowls.showServerLog";
    context.subscriptions.push(this.log, this.status);
    this.setStatus("stopped");
    this.status.show();
  }

  setStatus(status: Status, detail?: string): void {
    const icons: Record<Status, string> = {
      starting: "$(loading~spin)",
      running: "$(check)",
      stopped: "$(circle-slash)",
      error: "$(error)",
    };
    this.status.text = `${icons[status]} gowls`;
    const tooltip = `gowls: ${status}${detail ? ` — ${detail}` : ""}`;
    this.status.tooltip = `${tooltip}\nClick to show the gowls log.`;
    this.status.accessibilityInformation = { label: `gowls: ${status}` };
    this.status.backgroundColor =
      status === "error" ? new vscode.ThemeColor("statusBarItem.errorBackground") : undefined;
  }

  /** The server command: the setting if set, else the bundled server under a Python 3.11+. */
  async resolveLaunch(): Promise<Launch> {
    const config = vscode.workspace.getConfiguration("gowls");
    const configured = (config.get<string[]>("server.command") ?? []).filter((s) => s !== "");
    const debug = config.get<boolean>("server.debug") ? ["--debug"] : [];
    if (configured.length > 0) {
      return {
        command: configured[0],
        args: [...configured.slice(1), ...debug],
        description: `gowls.server.command: ${configured.join(" ")}`,
      };
    }
    const bundle = readBundle(this.context.asAbsolutePath("bundled"));
    if (!bundle || !existsSync(path.join(bundle.root, "libs", "gowls"))) {
      throw new UserError(
        "gowls: this extension was packaged without a bundled server. Install the gowls command " +
          "(https://github.com/gowls/gowls#install) and set gowls.server.command, e.g. [\"gowls\"].",
        [this.logAction(), this.settingsAction("gowls.server.command")],
      );
    }
    const mismatch = platformMismatch(bundle);
    if (mismatch) {
      throw new UserError(`gowls: ${mismatch}.`, [this.logAction(), this.settingsAction("gowls.server.command")]);
    }
    return this.bundledLaunch(bundle, config.get<string>("server.python") ?? "", debug);
  }

  /** The bundled server under the first Python that can run it, or a UserError naming the cause. */
  async bundledLaunch(bundle: Bundle, configuredPython: string, debug: string[]): Promise<Launch> {
    const resource = vscode.workspace.workspaceFolders?.[0]?.uri;
    const list = await candidates(configuredPython.trim() || undefined, resource, this.log);
    const search = await findPython(list, (python) => rejectPython(bundle, python), this.log);
    const how =
      "(python.org, Homebrew, or your system's package, e.g. python3.12) and select it with the " +
      "Python extension (Python: Select Interpreter) or set gowls.server.python.";
    const install = `Install CPython ${versionList(bundle)} ${how}`;
    const actions = [this.logAction(), this.settingsAction("gowls.server.python")];
    if (!search.found) {
      const ran = search.rejected.find((r) => r.found);
      if (ran?.found) {
        throw new UserError(
          `gowls: this Python cannot run the bundled server: ${describe(ran)} is ` +
            `${ran.found.implementation} ${ran.found.version} (${ran.found.executable}); ` +
            `the bundled server runs on CPython ${versionList(bundle)}. Install one of them ${how}`,
          actions,
        );
      }
      throw new UserError(
        "gowls: no Python was found to run the bundled server " +
          `(tried ${search.rejected.map((r) => `${describe(r)}: ${r.why}`).join("; ")}). ${install}`,
        actions,
      );
    }
    const python = search.found;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PYTHONPATH: [...pythonPath(bundle, python), ...(process.env.PYTHONPATH ? [process.env.PYTHONPATH] : [])].join(
        path.delimiter,
      ),
    };
    delete env.PYTHONHOME;
    const failure = await preflight(python.command, env);
    if (failure) {
      throw new UserError(
        `gowls: this Python cannot run the bundled server: ${describe(python)} is CPython ${python.version} ` +
          `(${python.executable}) and cannot import it: ${failure}. ${install}`,
        actions,
      );
    }
    const [command, ...pre] = python.command;
    return {
      command,
      args: [...pre, "-m", "gowls", ...debug],
      env,
      description: `bundled server with Python ${python.version} (${python.command.join(" ")})`,
    };
  }

  logAction(): { title: string; run: () => unknown } {
    return { title: "Show Server Log", run: () => this.log.show() };
  }

  settingsAction(key: string): { title: string; run: () => unknown } {
    return { title: "Open Settings", run: () => openSettings(key) };
  }

  async start(): Promise<void> {
    if (this.starting) {
      return this.starting;
    }
    this.starting = this.doStart().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private async doStart(): Promise<void> {
    this.setStatus("starting");
    let launch: Launch;
    try {
      launch = await this.resolveLaunch();
    } catch (err) {
      this.launch = undefined;
      this.fail(err);
      return;
    }
    this.launch = launch;
    this.log.info(`starting the server: ${launch.description}`);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const serverOptions: ServerOptions = {
      command: launch.command,
      args: launch.args,
      transport: TransportKind.stdio,
      options: { env: launch.env, cwd: folder },
    };
    const stderrTail: string[] = [];
    const restarts: number[] = [];
    let ran = false;
    let reported = false;
    // The stream of the server's stderr ends when the process does; the notification waits
    // for it (at most STDERR_DRAIN_MS) so that it can quote the last line, e.g. an ImportError.
    let stderrDone: Promise<void> = Promise.resolve();
    const reportOnce = (what: string): void => {
      if (reported) {
        return;
      }
      reported = true;
      const cap = new Promise<void>((resolve) => setTimeout(resolve, STDERR_DRAIN_MS));
      void Promise.race([stderrDone, cap]).then(() =>
        this.fail(
          new UserError(
            `gowls: the language server ${what} (${launch.description})` +
              (stderrTail.length ? `: ${stderrTail[stderrTail.length - 1]}` : "; see the server log"),
            [this.logAction(), this.settingsAction("gowls.server.command")],
          ),
        ),
      );
    };
    const pipeLines = (input: NodeJS.ReadableStream, sink: (line: string) => void): Promise<void> =>
      new Promise((resolve) => {
        let buffer = "";
        input.setEncoding("utf8");
        input.on("data", (chunk: string) => {
          buffer += chunk;
          const lines = buffer.split(/\r?\n/);
          buffer = lines.pop() ?? "";
          lines.forEach(sink);
        });
        input.on("end", () => {
          if (buffer) {
            sink(buffer);
          }
          resolve();
        });
        input.on("close", () => resolve());
        input.on("error", () => resolve());
      });
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      outputChannel: this.log,
      stdioOptions: {
        stdout: (input, channel) => void pipeLines(input, (line) => channel.info(line)),
        stderr: (input, channel) => {
          stderrDone = pipeLines(input, (line) => {
            channel.error(line);
            if (line.trim()) {
              stderrTail.push(line.trim());
              stderrTail.splice(0, Math.max(0, stderrTail.length - 20));
            }
          });
        },
      },
      initializationFailedHandler: () => false,
      errorHandler: {
        error: (_error, _message, count) => ({
          action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
          handled: true,
        }),
        closed: (): CloseHandlerResult => {
          const now = Date.now();
          restarts.push(now);
          while (restarts.length > 0 && now - restarts[0] > RESTART_WINDOW_MS) {
            restarts.shift();
          }
          if (ran && restarts.length <= MAX_RESTARTS) {
            this.log.warn(`the server stopped; restarting it (${restarts.length}/${MAX_RESTARTS})`);
            return { action: CloseAction.Restart, handled: true };
          }
          reportOnce(ran ? `stopped ${restarts.length} times in 3 minutes and is not restarted` : "did not start");
          return { action: CloseAction.DoNotRestart, handled: true };
        },
      },
      // The server watches its own files (it registers the globs it needs).
      progressOnInitialization: true,
    };
    const client = new GowlsLanguageClient("gowls", "gowls", serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState((event) => {
      if (this.client !== client) {
        return;
      }
      if (event.newState === State.Starting) {
        this.setStatus("starting");
      } else if (event.newState === State.Running) {
        ran = true;
        this.setStatus("running", launch.description);
      } else if (!this.stopping) {
        this.setStatus("error", "the server stopped; see the gowls log");
      } else {
        this.setStatus("stopped");
      }
    });
    try {
      await client.start();
      this.setStatus("running", launch.description);
    } catch (err) {
      this.log.error(`the server did not start: ${errorText(err)}`);
      reportOnce("did not start");
    }
  }

  fail(err: unknown): void {
    this.setStatus("error", errorText(err));
    this.log.error(errorText(err));
    const actions = err instanceof UserError ? err.actions : [];
    void vscode.window
      .showErrorMessage(errorText(err), ...actions.map((a) => a.title))
      .then((choice) => actions.find((a) => a.title === choice)?.run());
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) {
      return;
    }
    this.stopping = true;
    try {
      if (client.isRunning()) {
        await client.stop(5000);
      }
    } catch (err) {
      this.log.warn(`stopping the server: ${errorText(err)}`);
    } finally {
      this.stopping = false;
      await client.dispose().catch(() => undefined);
      this.setStatus("stopped");
    }
  }

  async restart(): Promise<void> {
    this.log.info("restarting the server");
    await this.stop();
    await this.start();
  }

  serverCommands(): string[] {
    return this.client?.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
  }

  async pickFolder(purpose: string): Promise<vscode.WorkspaceFolder | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
      void vscode.window.showWarningMessage(`gowls: open a folder to ${purpose}.`);
      return undefined;
    }
    if (folders.length === 1) {
      return folders[0];
    }
    return vscode.window.showWorkspaceFolderPick({ placeHolder: `Folder to ${purpose}` });
  }

  /** `gowls: Check Workspace`: the server's check if it has one, else `gowls --check`. */
  async checkWorkspace(): Promise<void> {
    const folder = await this.pickFolder("check");
    if (!folder) {
      return;
    }
    if (this.client?.isRunning() && this.serverCommands().includes("gowls.checkWorkspace")) {
      // The server re-checks every file it knows and answers counts by severity.
      this.log.info(`gowls.checkWorkspace ${folder.uri.toString()}`);
      try {
        const answer = await this.client.sendRequest(ExecuteCommandRequest.type, {
          command: "gowls.checkWorkspace",
          arguments: [folder.uri.toString()],
        });
        this.log.info(`gowls.checkWorkspace answered: ${JSON.stringify(answer)}`);
        if (answer && typeof answer === "object") {
          const { files, ...counts } = answer as Record<string, number>;
          await this.showCounts(folder, counts, typeof files === "number" ? files : undefined);
          return;
        }
      } catch (err) {
        this.log.warn(`gowls.checkWorkspace failed, running gowls --check instead: ${errorText(err)}`);
      }
    }
    if (!this.launch) {
      try {
        this.launch = await this.resolveLaunch();
      } catch (err) {
        this.fail(err);
        return;
      }
    }
    const config = vscode.workspace.getConfiguration("gowls", folder.uri);
    const args = [
      ...this.launch.args.filter((a) => a !== "--stdio" && a !== "serve" && a !== "--debug"),
      "--check",
      "--output-format",
      "json",
      "--fail-on",
      config.get<string>("check.failOn") ?? "warning",
    ];
    for (const code of config.get<string[]>("check.select") ?? []) {
      args.push("--select", code);
    }
    for (const code of config.get<string[]>("check.ignore") ?? []) {
      args.push("--ignore", code);
    }
    args.push(".");
    this.log.info(`checking ${folder.uri.fsPath}: ${this.launch.command} ${args.join(" ")}`);
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: "gowls: checking the workspace" },
      () => run(this.launch!.command, args, folder.uri.fsPath, this.launch!.env),
    );
    if (result.code !== 0 && result.code !== 1) {
      const message = `gowls check failed (exit ${result.code}): ${(result.stderr || result.error || "").trim()}`;
      this.fail(new UserError(message, [this.logAction()]));
      return;
    }
    let rows: { severity: string; path: string; line: number; column: number; code: string; message: string }[];
    try {
      rows = JSON.parse(result.stdout);
    } catch (err) {
      this.fail(new UserError(`gowls check: unreadable output (${errorText(err)})`));
      return;
    }
    for (const row of rows) {
      this.log.info(`${row.path}:${row.line}:${row.column}: ${row.severity}: ${row.message} [${row.code}]`);
    }
    const counts: Record<string, number> = {};
    for (const row of rows) {
      counts[row.severity] = (counts[row.severity] ?? 0) + 1;
    }
    await this.showCounts(folder, counts);
  }

  /** The check's summary notification: `gowls check: N problems in <folder> (…)`. */
  async showCounts(folder: vscode.WorkspaceFolder, counts: Record<string, number>, files?: number): Promise<void> {
    const nonzero = Object.entries(counts).filter(([, n]) => typeof n === "number" && n > 0);
    const total = nonzero.reduce((sum, [, n]) => sum + n, 0);
    const parts = nonzero.map(([severity, n]) => `${n} ${severity}${n === 1 ? "" : "s"}`);
    const where = files === undefined ? folder.name : `${folder.name}, ${files} file${files === 1 ? "" : "s"}`;
    const summary =
      total === 0
        ? `gowls check: no problems in ${where}`
        : `gowls check: ${total} problem${total === 1 ? "" : "s"} in ${where} (${parts.join(", ")})`;
    this.log.info(summary);
    const show = total === 0 ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
    const choice = await show(summary, "Show Problems", "Show Server Log");
    if (choice === "Show Problems") {
      await vscode.commands.executeCommand("workbench.actions.view.problems");
    } else if (choice === "Show Server Log") {
      this.log.show();
    }
  }

  /** `gowls: Migrate to go.work`: the server's `gowls.migrate` command. */
  async migrate(): Promise<void> {
    const folder = await this.pickFolder("migrate");
    if (!folder) {
      return;
    }
    if (!this.client?.isRunning()) {
      await this.start();
    }
    const client = this.client;
    if (!client?.isRunning()) {
      return;
    }
    if (!this.serverCommands().includes("gowls.migrate")) {
      void vscode.window.showWarningMessage(
        "gowls: this server does not offer the go.work migration (gowls.migrate). Update gowls.",
      );
      return;
    }
    this.log.info(`gowls.migrate ${folder.uri.toString()}`);
    try {
      const answer = await client.sendRequest(ExecuteCommandRequest.type, {
        command: "gowls.migrate",
        arguments: [folder.uri.toString()],
      });
      await this.showAnswer("gowls.migrate", answer);
    } catch (err) {
      this.fail(new UserError(`gowls.migrate failed: ${errorText(err)}`, [this.logAction()]));
    }
  }

  /** Shows what a server command answered: text, a `{message}` or an edit to apply. */
  async showAnswer(command: string, answer: unknown): Promise<void> {
    this.log.info(`${command} answered: ${JSON.stringify(answer)}`);
    if (answer && typeof answer === "object" && ("changes" in answer || "documentChanges" in answer)) {
      const edit = await this.client!.protocol2CodeConverter.asWorkspaceEdit(
        answer as Parameters<LanguageClient["protocol2CodeConverter"]["asWorkspaceEdit"]>[0],
      );
      const applied = edit !== undefined && (await vscode.workspace.applyEdit(edit));
      void vscode.window.showInformationMessage(
        applied ? `${command}: changes applied.` : `${command}: the changes could not be applied.`,
      );
      return;
    }
    let text: string;
    if (typeof answer === "string") {
      text = answer;
    } else if (answer && typeof answer === "object" && typeof (answer as { report?: unknown }).report === "string") {
      // gowls.migrate: {gowork, changed, applied, added, go, report}
      // The notification shows the first line; the whole report is in the log above.
      text = (answer as { report: string }).report.trim().split("\n")[0];
    } else if (answer && typeof answer === "object" && typeof (answer as { message?: unknown }).message === "string") {
      text = (answer as { message: string }).message;
    } else if (answer === null || answer === undefined) {
      text = "done.";
    } else {
      text = JSON.stringify(answer);
    }
    const choice = await vscode.window.showInformationMessage(`${command}: ${text}`, "Show Server Log");
    if (choice === "Show Server Log") {
      this.log.show();
    }
  }
}

function run(
  command: string,
  args: string[],
  cwd: string,
  env?: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string; error?: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024, windowsHide: true }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
      resolve({ code, stdout, stderr, error: err && typeof err.code !== "number" ? err.message : undefined });
    });
  });
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Opens the Settings editor on one setting, by its exact key, on the tab where it can be set.
 * The server settings are machine-scoped: in a remote window (SSH, WSL, containers,
 * code-server) the User tab does not list them ("No Settings Found"), the Remote tab does.
 * `openRemoteSettings` exists only in remote windows; elsewhere the User tab is right.
 */
async function openSettings(key: string): Promise<void> {
  try {
    await vscode.commands.executeCommand("workbench.action.openRemoteSettings", { query: key });
    return;
  } catch {
    // not a remote window
  }
  await vscode.commands.executeCommand("workbench.action.openSettings", key);
}

let extension: Extension | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const ext = new Extension(context);
  extension = ext;
  context.subscriptions.push(
    vscode.commands.registerCommand("gowls.restart", () => ext.restart()),
    vscode.commands.registerCommand("gowls.checkWorkspace", () => ext.checkWorkspace()),
    vscode.commands.registerCommand("gowls.migrate", () => ext.migrate()),
    vscode.commands.registerCommand("gowls.showServerLog", () => ext.log.show()),
    // The command's earlier name, kept for keybindings that use it.
    vscode.commands.registerCommand("gowls.showOutput", () => ext.log.show()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("gowls.server")) {
        void ext.restart();
      }
    }),
  );
  await ext.start();
}

export async function deactivate(): Promise<void> {
  await extension?.stop();
  extension = undefined;
}
