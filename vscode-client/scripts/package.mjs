// npm run package: bundles the server for this platform, then builds dist/gowls.vsix.
// The .vsix is platform-specific (the server has a C extension): it is tagged with the
// VS Code target of the machine that builds it (e.g. linux-x64). Build one per platform.
// GOWLS_NO_BUNDLED_SERVER=1 builds a universal .vsix without a server
// (users then set gowls.server.command).
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ext = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: ext, stdio: "inherit", shell: process.platform === "win32" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const vsce = ["vsce", "package", "--no-dependencies", "--skip-license", "--out", "dist/gowls.vsix"];
if (process.env.GOWLS_NO_BUNDLED_SERVER) {
  rmSync(join(ext, "bundled"), { recursive: true, force: true });
} else {
  run("node", ["scripts/bundle-server.mjs"]);
  const target = `${process.platform === "win32" ? "win32" : process.platform}-${process.arch}`;
  vsce.push("--target", target);
}
run("npx", vsce);
