// Bundles the gowls server into bundled/ for the .vsix, for every supported CPython minor:
//
//   bundled/libs/        what every Python version shares (gowls itself: its C extension is
//                        built for CPython's stable ABI; pygls, lsprotocol, ...)
//   bundled/py3.X/       what only CPython 3.X can import (tree-sitter's binding, built per
//                        version)
//   bundled/platform.json  {platform, arch, gowls, pythons: ["3.11", ...]}: the extension runs
//                        the server with PYTHONPATH=bundled/py3.X:bundled/libs for the 3.X it finds
//
// Steps: build (or take) the gowls wheel, `pip install --target bundled/py3.X --python-version
// 3.X --only-binary=:all:` for each version, then move every top-level entry that is identical
// in all version directories into bundled/libs. The bundle is platform-specific: build it on
// each platform (the .vsix is tagged with its VS Code target).
//
// Environment:
//   GOWLS_BUNDLE_PYTHON   the Python that runs pip (default python3, on Windows python; 3.11+)
//   GOWLS_WHEEL           the gowls wheel to bundle (default: built from this checkout with
//                         `pip wheel`, which needs a C compiler)
//   GOWLS_WHEELHOUSE      a folder of wheels of the dependencies for every version: installs
//                         from it only (--no-index), offline (default: from the package index)
//   GOWLS_BUNDLE_PYTHONS  the versions to bundle, comma-separated (default 3.11,3.12,3.13,3.14;
//                         3.11-3.13 are required, later ones are skipped with a warning when
//                         their wheels are missing)
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REQUIRED = ["3.11", "3.12", "3.13"];
const DEFAULT_VERSIONS = [...REQUIRED, "3.14"];

const here = dirname(fileURLToPath(import.meta.url));
const ext = resolve(here, "..");
const repo = resolve(ext, "..");
const bundled = join(ext, "bundled");
const shared = join(bundled, "libs");
const python = process.env.GOWLS_BUNDLE_PYTHON || (process.platform === "win32" ? "python" : "python3");
const wheelhouse = process.env.GOWLS_WHEELHOUSE ? resolve(process.env.GOWLS_WHEELHOUSE) : undefined;
const versions = (process.env.GOWLS_BUNDLE_PYTHONS || DEFAULT_VERSIONS.join(","))
  .split(",")
  .map((v) => v.trim())
  .filter(Boolean);

const say = (msg) => console.log(`bundle-server: ${msg}`);

function pip(args, { quietFailure = false } = {}) {
  const full = ["-m", "pip", "--disable-pip-version-check", ...args];
  say(`${python} ${full.join(" ")}`);
  const run = spawnSync(python, full, { stdio: quietFailure ? "pipe" : "inherit", encoding: "utf8" });
  if (run.error) {
    console.error(`bundle-server: cannot run ${python}: ${run.error.message}`);
    process.exit(1);
  }
  return run;
}

/** The gowls wheel: GOWLS_WHEEL, else built from this checkout. */
function gowlsWheel() {
  if (process.env.GOWLS_WHEEL) {
    return resolve(process.env.GOWLS_WHEEL);
  }
  const out = join(ext, ".bundle-build");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const run = pip(["wheel", "--quiet", "--no-deps", "--wheel-dir", out, repo]);
  const built = readdirSync(out).filter((f) => /^gowls-.*\.whl$/.test(f));
  if (run.status !== 0 || built.length !== 1) {
    console.error(`bundle-server: building the gowls wheel failed (exit ${run.status})`);
    process.exit(1);
  }
  return join(out, built[0]);
}

/** A digest of a file or directory tree (relative names and contents). */
function treeDigest(path) {
  const hash = createHash("sha256");
  const walk = (p) => {
    const st = statSync(p);
    hash.update(`${relative(path, p)}\0${st.isDirectory() ? "d" : "f"}\0`);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(join(p, name));
    } else {
      hash.update(readFileSync(p));
    }
  };
  walk(path);
  return hash.digest("hex");
}

rmSync(bundled, { recursive: true, force: true });
mkdirSync(bundled, { recursive: true });
const wheel = gowlsWheel();
say(`server wheel ${wheel}`);
const source = wheelhouse ? ["--no-index", "--find-links", wheelhouse] : [];
const done = [];
for (const version of versions) {
  const target = join(bundled, `py${version}`);
  const run = pip(
    [
      "install", "--quiet", "--no-compile", "--target", target,
      "--only-binary=:all:", "--implementation", "cp", "--python-version", version,
      ...source, wheel,
    ],
    { quietFailure: !REQUIRED.includes(version) },
  );
  if (run.status !== 0) {
    if (REQUIRED.includes(version)) {
      console.error(`bundle-server: pip failed for Python ${version} (exit ${run.status})`);
      process.exit(1);
    }
    rmSync(target, { recursive: true, force: true });
    say(`skipping Python ${version}: ${(run.stderr || "").trim().split("\n").pop()}`);
    continue;
  }
  rmSync(join(target, "bin"), { recursive: true, force: true });
  done.push(version);
}

// Everything identical in all version directories moves to bundled/libs.
mkdirSync(shared, { recursive: true });
const dirs = done.map((v) => join(bundled, `py${v}`));
for (const name of readdirSync(dirs[0])) {
  const copies = dirs.map((d) => join(d, name));
  if (!copies.every((p) => existsSync(p))) continue;
  const digests = new Set(copies.map(treeDigest));
  if (digests.size !== 1) continue;
  renameSync(copies[0], join(shared, name));
  for (const p of copies.slice(1)) rmSync(p, { recursive: true, force: true });
}
for (const d of dirs) {
  say(`${relative(ext, d)}: ${readdirSync(d).join(", ") || "(nothing version-specific)"}`);
}

const gowlsVersion = /^gowls-([^-]+)-/.exec(wheel.split(/[\\/]/).pop())[1];
writeFileSync(
  join(bundled, "platform.json"),
  JSON.stringify({ platform: process.platform, arch: process.arch, gowls: gowlsVersion, pythons: done }, null, 2) +
    "\n",
);
rmSync(join(ext, ".bundle-build"), { recursive: true, force: true });
say(`bundled gowls ${gowlsVersion} for CPython ${done.join(", ")} into ${relative(ext, bundled)}`);
