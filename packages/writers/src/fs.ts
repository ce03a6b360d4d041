import { readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, open, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';

/** Staging folders live beside the releases as `.tmp-<pid>-<name>-XXXXXX`, so a later run can tell a dead writer's leftovers from a live one's. */
const TEMP_PREFIX = '.tmp-';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Suffix of a replaced release while its successor is renamed into place. */
const PREVIOUS_SUFFIX = '-previous';

/**
 * Removes the staging folders of writers that are no longer running (an interrupted build leaves
 * one). A writer killed between moving the old release aside and renaming the new one into place
 * leaves the old one as `<staging>-previous` and no release: that one is put back, not removed.
 */
export async function removeStaleTemp(parent: string): Promise<string[]> {
  const names = await readdir(parent).catch(() => [] as string[]);
  const stale = names.filter((name) => {
    if (!name.startsWith(TEMP_PREFIX)) return false;
    const pid = Number(name.slice(TEMP_PREFIX.length).split('-')[0]);
    return !Number.isInteger(pid) || pid <= 0 || (pid !== process.pid && !alive(pid));
  });
  for (const name of stale.filter((name) => name.endsWith(PREVIOUS_SUFFIX))) {
    // `.tmp-<pid>-<release>-XXXXXX-previous`: the release's name sits between the pid and mkdtemp's six characters.
    const release = name.slice(TEMP_PREFIX.length).split('-').slice(1, -2).join('-');
    if (release && !(await exists(join(parent, release)))) await rename(join(parent, name), join(parent, release));
  }
  await Promise.all(stale.map((name) => rm(join(parent, name), { recursive: true, force: true })));
  return stale;
}

/**
 * Fault injection for the interruption tests: with CALLSET_FAULT_AFTER_WRITES=n the process kills
 * itself right after its n-th file write, as a crash or power cut would stop it.
 */
const faultAfterWrites = Number(process.env.CALLSET_FAULT_AFTER_WRITES ?? 0);
let fileWrites = 0;

function fileWritten(): void {
  if (faultAfterWrites > 0 && ++fileWrites === faultAfterWrites) process.kill(process.pid, 'SIGKILL');
}

async function writeFileOrFault(path: string, bytes: Uint8Array): Promise<void> {
  await writeFile(path, bytes);
  fileWritten();
}

/** A file written chunk by chunk; it counts as written (for fault injection) once closed. */
export interface FileOut {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** Where a release's files go while it is written: files by `/`-separated relative path. */
export interface ReleaseSink {
  create(path: string): Promise<FileOut>;
}

/** Creates `<parent>/.tmp-<pid>-<name>-XXXXXX`: removeStaleTemp clears it once this process is gone. */
export async function makeTempFolder(parent: string, name: string): Promise<string> {
  await mkdir(parent, { recursive: true });
  return mkdtemp(join(parent, `${TEMP_PREFIX}${process.pid}-${name}-`));
}

function folderSink(root: string): ReleaseSink {
  return {
    async create(path) {
      const target = join(root, path);
      await mkdir(dirname(target), { recursive: true });
      const handle = await open(target, 'w');
      return {
        // writeFile on a handle writes all of the chunk at the current position.
        write: (chunk) => handle.writeFile(chunk),
        async close() {
          await handle.close();
          fileWritten();
        },
      };
    },
  };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Writes a release folder whole: `write` fills `<parent>/.tmp-*` first, then it is renamed into
 * place, so readers never see half a release. `frozen` folders are never replaced: writing one
 * that exists is an error. A replaced folder is moved aside before the new one takes its name.
 */
export async function stageReleaseFolder<T>(dir: string, write: (staging: ReleaseSink) => Promise<T>, options: { frozen?: boolean } = {}): Promise<T> {
  const parent = dirname(dir);
  await mkdir(parent, { recursive: true });
  await removeStaleTemp(parent);
  if (options.frozen && (await exists(dir))) throw new Error(`${dir} is a frozen release: it is never rewritten`);
  const staging = await makeTempFolder(parent, basename(dir));
  try {
    // mkdtemp makes the folder private; a release is for everyone to read.
    await chmod(staging, 0o755);
    const result = await write(folderSink(staging));
    if (options.frozen) {
      // rename() refuses a non-empty target, so a release frozen meanwhile by another process survives.
      await rename(staging, dir);
      return result;
    }
    const previous = `${staging}${PREVIOUS_SUFFIX}`;
    const replacing = await exists(dir);
    if (replacing) await rename(dir, previous);
    await rename(staging, dir);
    if (replacing) await rm(previous, { recursive: true, force: true });
    return result;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** stageReleaseFolder for a release rendered in memory. */
export async function writeReleaseFolder(dir: string, files: ReadonlyMap<string, Uint8Array>, options: { frozen?: boolean } = {}): Promise<void> {
  await stageReleaseFolder(
    dir,
    async (staging) => {
      for (const [path, bytes] of files) {
        const file = await staging.create(path);
        await file.write(bytes);
        await file.close();
      }
    },
    options,
  );
}

/** Writes one file by renaming a finished temporary file over it. */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `${TEMP_PREFIX}${process.pid}-${basename(path)}`);
  await writeFileOrFault(temp, bytes);
  await rename(temp, path);
}

/** Every file under a release folder, keyed by `/`-separated relative path, sorted. */
export async function readReleaseFolder(dir: string): Promise<Map<string, Uint8Array>> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const paths = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
  return new Map(await Promise.all(paths.map(async (path) => [path, new Uint8Array(await readFile(join(dir, path)))] as const)));
}

/** Packages whose versions shape a release's bytes. */
const TOOLS = ['apache-arrow', 'parquet-wasm', 'csv-stringify', 'zod'];
let locked: Record<string, string> | null = null;

/** Their versions as package-lock.json pins them (not the running Node, which varies by machine). */
export function lockedVersions(): Record<string, string> {
  if (!locked) {
    const lock = JSON.parse(readFileSync(new URL('../../../package-lock.json', import.meta.url), 'utf8')) as { packages: Record<string, { version?: string }> };
    locked = Object.fromEntries(TOOLS.map((name) => [name, lock.packages[`node_modules/${name}`]?.version ?? 'unknown']));
  }
  return locked;
}
