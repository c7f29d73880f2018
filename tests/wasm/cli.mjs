// The native `rnnp` binary for the tests that compare it with the WebAssembly build
// (cargo test has built it; built here if not).
import { existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = `${root}target/debug/rnnp`;

/** Path of the binary, built first if needed. */
export function rnnpPath() {
  if (!existsSync(bin)) execFileSync('cargo', ['build', '--quiet', '--bin', 'rnnp'], { cwd: root, stdio: 'inherit' });
  return bin;
}

/** Runs `rnnp args…`: {status, stdout, stderr}. */
export function rnnp(args) {
  const r = spawnSync(rnnpPath(), args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs `rnnp args…` with its address space capped at `megabytes` (ulimit -v): a run that
 * needs more fails to allocate. {status, stdout, stderr}.
 */
export function rnnpWithin(megabytes, args) {
  const r = spawnSync('sh', ['-c', `ulimit -v ${megabytes * 1024}; exec "$0" "$@"`, rnnpPath(), ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
