// Installs the gowls server (this repository) into bundled/libs for the .vsix:
//   <python> -m pip install --target bundled/libs <repo root>
// The server has a C extension (the go.mod/go.work grammar, built for the stable ABI of
// CPython 3.11+), so the bundle only runs on the platform it was built on (e.g. linux-x64).
// The Python is $GOWLS_BUNDLE_PYTHON, else python3; it must be 3.11 or newer.
import { spawnSync } from "node:child_process";
import { rmSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const ext = resolve(here, "..");
const repo = resolve(ext, "..");
const libs = join(ext, "bundled", "libs");
const python = process.env.GOWLS_BUNDLE_PYTHON || "python3";

rmSync(join(ext, "bundled"), { recursive: true, force: true });
mkdirSync(libs, { recursive: true });
const args = [
  "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-compile",
  "--target", libs, repo,
];
console.log(`bundle-server: ${python} ${args.join(" ")}`);
const run = spawnSync(python, args, { stdio: "inherit" });
if (run.status !== 0) {
  console.error(`bundle-server: pip failed (exit ${run.status ?? run.signal})`);
  process.exit(1);
}
// Drop what the server does not need at run time.
rmSync(join(libs, "bin"), { recursive: true, force: true });
writeFileSync(
  join(ext, "bundled", "platform.json"),
  JSON.stringify({ platform: process.platform, arch: process.arch, python: ">=3.11" }, null, 2) + "\n",
);
console.log(`bundle-server: installed into ${libs}`);
