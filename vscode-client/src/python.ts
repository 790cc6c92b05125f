// Finding a Python 3.11+ to run the bundled server with.
//
// Order: the interpreter selected in the Python extension (ms-python.python: the
// `environments` API, else the older `settings.getExecutionDetails`), then `python3` on PATH
// (`python` on Windows as well).
import { execFile } from "node:child_process";
import * as vscode from "vscode";

export const MIN_PYTHON: [number, number] = [3, 11];

export interface PythonCandidate {
  /** The command and leading arguments that run this Python (e.g. ["/usr/bin/python3"]). */
  command: string[];
  /** Where the candidate came from, for the log. */
  source: string;
}

export interface PythonFound extends PythonCandidate {
  version: string;
}

export interface PythonSearch {
  found?: PythonFound;
  /** What was tried and why it was rejected (for the log and the notification). */
  rejected: string[];
}

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

/** Runs `python -c ...` and returns its version if it is at least MIN_PYTHON. */
export function probe(command: string[]): Promise<{ ok: boolean; version: string; error?: string }> {
  const script =
    "import sys; print('%d.%d.%d' % sys.version_info[:3]); " +
    `print(int(sys.version_info[:2] >= (${MIN_PYTHON[0]}, ${MIN_PYTHON[1]})))`;
  return new Promise((resolve) => {
    execFile(
      command[0],
      [...command.slice(1), "-c", script],
      { timeout: 15000, windowsHide: true },
      (err, stdout) => {
        if (err) {
          resolve({ ok: false, version: "", error: err.message });
          return;
        }
        const [version = "", ok = "0"] = stdout.trim().split(/\r?\n/);
        resolve({ ok: ok.trim() === "1", version: version.trim() });
      },
    );
  });
}

export async function findPython(
  resource: vscode.Uri | undefined,
  log: vscode.LogOutputChannel,
): Promise<PythonSearch> {
  const candidates = await fromPythonExtension(resource, log);
  candidates.push({ command: ["python3"], source: "PATH" });
  if (process.platform === "win32") {
    candidates.push({ command: ["py", "-3"], source: "the Python launcher" });
    candidates.push({ command: ["python"], source: "PATH" });
  }
  const rejected: string[] = [];
  for (const candidate of candidates) {
    const result = await probe(candidate.command);
    const label = `${candidate.command.join(" ")} (from ${candidate.source})`;
    if (result.ok) {
      log.info(`using Python ${result.version}: ${label}`);
      return { found: { ...candidate, version: result.version }, rejected };
    }
    const why = result.error
      ? `cannot run it (${result.error.split("\n")[0]})`
      : `it is Python ${result.version}, older than ${MIN_PYTHON.join(".")}`;
    log.info(`not using ${label}: ${why}`);
    rejected.push(`${label}: ${why}`);
  }
  return { rejected };
}
