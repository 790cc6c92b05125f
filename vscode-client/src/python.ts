// Finding a Python that can run the bundled server.
//
// Order: `gowls.server.python` when set (then nothing else); else the interpreter selected in
// the Python extension (ms-python.python: the `environments` API, else the older
// `settings.getExecutionDetails`), then `python3` on PATH (on Windows also the `py -3`
// launcher and `python`). The first candidate the caller accepts (a CPython whose minor
// version the .vsix bundles) wins; the others are logged with the reason they were passed over.
import { execFile } from "node:child_process";
import * as vscode from "vscode";

export interface PythonCandidate {
  /** The command and leading arguments that run this Python (e.g. ["/usr/bin/python3"]). */
  command: string[];
  /** Where the candidate came from, for the log and the notification. */
  source: string;
}

export interface PythonFound extends PythonCandidate {
  /** e.g. "3.12.1" */
  version: string;
  /** platform.python_implementation(): "CPython", "PyPy", ... */
  implementation: string;
  /** sys.executable, for the log. */
  executable: string;
}

export interface PythonRejected extends PythonCandidate {
  /** Set when the candidate ran (then `why` says why it cannot serve). */
  found?: PythonFound;
  why: string;
}

export interface PythonSearch {
  found?: PythonFound;
  /** What was tried before `found` (or at all) and why it was passed over. */
  rejected: PythonRejected[];
}

/** Says why a Python that ran cannot be used, or undefined if it can. */
export type PythonFilter = (python: PythonFound) => string | undefined;

// The parts of ms-python.python's exported API that we use (typed here rather than
// depending on @vscode/python-extension, which needs a newer VS Code than we support).
interface PythonExtensionApi {
  environments?: {
    getActiveEnvironmentPath(resource?: vscode.Uri): { path: string; id: string };
    resolveEnvironment(
      env: { path: string; id: string } | string,
    ): Promise<{ executable: { uri?: vscode.Uri } } | undefined>;
  };
  settings?: {
    getExecutionDetails(resource?: vscode.Uri): { execCommand: string[] | undefined };
  };
}

async function fromPythonExtension(
  resource: vscode.Uri | undefined,
  log: vscode.LogOutputChannel,
): Promise<PythonCandidate[]> {
  const ext = vscode.extensions.getExtension<PythonExtensionApi>("ms-python.python");
  if (!ext) {
    return [];
  }
  try {
    const api = ext.isActive ? ext.exports : await ext.activate();
    if (api?.environments) {
      const active = api.environments.getActiveEnvironmentPath(resource);
      const env = await api.environments.resolveEnvironment(active);
      const exe = env?.executable.uri?.fsPath;
      if (exe) {
        return [{ command: [exe], source: "the Python extension's selected interpreter" }];
      }
    }
    const details = api?.settings?.getExecutionDetails(resource);
    if (details?.execCommand && details.execCommand.length > 0) {
      return [{ command: details.execCommand, source: "the Python extension's execution details" }];
    }
  } catch (err) {
    log.warn(`could not ask the Python extension for an interpreter: ${String(err)}`);
  }
  return [];
}

/** Runs the candidate and reads its version, implementation and executable. */
export function probe(candidate: PythonCandidate): Promise<PythonFound | { error: string }> {
  const script =
    "import platform, sys; print('%d.%d.%d' % sys.version_info[:3]); " +
    "print(platform.python_implementation()); print(sys.executable)";
  const [command, ...pre] = candidate.command;
  return new Promise((resolve) => {
    execFile(command, [...pre, "-c", script], { timeout: 30000, windowsHide: true }, (err, stdout, stderr) => {
      if (err) {
        const detail = (stderr || "").trim().split(/\r?\n/).pop() || err.message.split("\n")[0];
        resolve({ error: detail });
        return;
      }
      const [version = "", implementation = "", executable = ""] = stdout.trim().split(/\r?\n/);
      resolve({ ...candidate, version: version.trim(), implementation: implementation.trim(), executable: executable.trim() });
    });
  });
}

/** The candidates in order (see the module comment). */
export async function candidates(
  configured: string | undefined,
  resource: vscode.Uri | undefined,
  log: vscode.LogOutputChannel,
): Promise<PythonCandidate[]> {
  if (configured) {
    // The user's explicit choice is the only candidate: if it cannot serve, say so.
    return [{ command: [configured], source: "gowls.server.python" }];
  }
  const list: PythonCandidate[] = [...(await fromPythonExtension(resource, log))];
  list.push({ command: ["python3"], source: "PATH" });
  if (process.platform === "win32") {
    list.push({ command: ["py", "-3"], source: "the Python launcher" });
    list.push({ command: ["python"], source: "PATH" });
  }
  return list;
}

export async function findPython(
  list: PythonCandidate[],
  accept: PythonFilter,
  log: vscode.LogOutputChannel,
): Promise<PythonSearch> {
  const rejected: PythonRejected[] = [];
  for (const candidate of list) {
    const result = await probe(candidate);
    const label = describe(candidate);
    if ("error" in result) {
      log.info(`not using ${label}: cannot run it (${result.error})`);
      rejected.push({ ...candidate, why: `cannot run it (${result.error})` });
      continue;
    }
    const why = accept(result);
    if (why === undefined) {
      log.info(`using ${result.implementation} ${result.version} (${result.executable}): ${label}`);
      return { found: result, rejected };
    }
    log.info(`not using ${label}: ${why}`);
    rejected.push({ ...candidate, found: result, why });
  }
  return { rejected };
}

/** `python3 (from PATH)` */
export function describe(candidate: PythonCandidate): string {
  return `${candidate.command.join(" ")} (from ${candidate.source})`;
}
