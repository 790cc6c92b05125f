// The server bundled in the .vsix (scripts/bundle-server.mjs): bundled/libs holds what every
// Python version shares, bundled/py3.X what only CPython 3.X can import, and
// bundled/platform.json says which platform and which Python versions it was built for.
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import type { PythonFound } from "./python";

export interface Bundle {
  root: string;
  platform: string;
  arch: string;
  gowls: string;
  /** The CPython minor versions bundled, e.g. ["3.11", "3.12", "3.13", "3.14"]. */
  pythons: string[];
}

/** The bundle under `root` (the extension's `bundled/`), or undefined if there is none. */
export function readBundle(root: string): Bundle | undefined {
  const file = path.join(root, "platform.json");
  if (!existsSync(file)) {
    return undefined;
  }
  const data = JSON.parse(readFileSync(file, "utf8")) as Partial<Bundle>;
  return {
    root,
    platform: data.platform ?? "",
    arch: data.arch ?? "",
    gowls: data.gowls ?? "",
    pythons: data.pythons ?? [],
  };
}

/** "3.11, 3.12, 3.13 or 3.14" */
export function versionList(bundle: Bundle): string {
  const v = bundle.pythons;
  return v.length <= 1 ? v.join("") : `${v.slice(0, -1).join(", ")} or ${v[v.length - 1]}`;
}

/** Why this .vsix's server cannot run on this machine at all (another platform), if so. */
export function platformMismatch(bundle: Bundle): string | undefined {
  if (bundle.platform === process.platform && bundle.arch === process.arch) {
    return undefined;
  }
  return (
    `this .vsix bundles the server for ${bundle.platform}-${bundle.arch}, but this machine is ` +
    `${process.platform}-${process.arch}: install the gowls .vsix for ${process.platform}-${process.arch}, ` +
    "or install the gowls command (https://github.com/gowls/gowls#install) and set gowls.server.command"
  );
}

/** Why `python` cannot run the bundle (wrong implementation or version), or undefined. */
export function rejectPython(bundle: Bundle, python: PythonFound): string | undefined {
  if (python.implementation !== "CPython") {
    return `it is ${python.implementation} ${python.version}, not CPython`;
  }
  const minor = python.version.split(".").slice(0, 2).join(".");
  if (!bundle.pythons.includes(minor)) {
    return `it is Python ${python.version}; the bundled server runs on CPython ${versionList(bundle)}`;
  }
  return undefined;
}

/** PYTHONPATH entries for `python` (its version directory first, then the shared one). */
export function pythonPath(bundle: Bundle, python: PythonFound): string[] {
  const minor = python.version.split(".").slice(0, 2).join(".");
  return [path.join(bundle.root, `py${minor}`), path.join(bundle.root, "libs")];
}

/** The modules the server imports at start; importing them proves the bundle fits. */
const PREFLIGHT =
  "import gowls.syntax._gomod, tree_sitter, tree_sitter_yaml, pygls, lsprotocol, gowls.lsp.app";

/** Imports the server's modules under `command` with `env`; the error's last line if it fails. */
export function preflight(command: string[], env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const [exe, ...pre] = command;
  return new Promise((resolve) => {
    execFile(exe, [...pre, "-c", PREFLIGHT], { env, timeout: 60000, windowsHide: true }, (err, _out, stderr) => {
      if (!err) {
        resolve(undefined);
        return;
      }
      resolve((stderr || "").trim().split(/\r?\n/).pop() || err.message.split("\n")[0]);
    });
  });
}
