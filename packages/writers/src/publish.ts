import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { TABLE_NAMES, type TableRows } from '@callset/schema';
import { rowsFromArrow } from './arrow.ts';
import { diffReleases, renderChangelog, type Changes, type ReleaseSnapshot } from './changes.ts';
import { lockedVersions, readReleaseFolder, writeFileAtomic, writeReleaseFolder } from './fs.ts';
import { renderRelease, withholdRestricted, type Manifest } from './release.ts';
import { tarGz } from './tar.ts';
import { verifyRelease } from './verify.ts';
import { bumpVersion, latestVersion, type Bump } from './version.ts';

const decoder = new TextDecoder();

interface ReleaseContents {
  tables: TableRows;
  texts: Map<string, string>;
  manifest: Manifest;
}

/** A release folder's tables (read back from Arrow), texts and manifest. */
export function releaseContents(files: ReadonlyMap<string, Uint8Array>): ReleaseContents {
  const need = (path: string) => {
    const bytes = files.get(path);
    if (!bytes) throw new Error(`release has no ${path}`);
    return bytes;
  };
  const tables = Object.fromEntries(TABLE_NAMES.map((table) => [table, rowsFromArrow(table, need(`${table}.arrow`))])) as unknown as TableRows;
  const texts = new Map([...files].filter(([path]) => path.startsWith('texts/')).map(([path, bytes]) => [path.slice('texts/'.length, -'.txt'.length), decoder.decode(bytes)]));
  return { tables, texts, manifest: JSON.parse(decoder.decode(need('manifest.json'))) as Manifest };
}

function snapshot(version: string, files: ReadonlyMap<string, Uint8Array>, tables: TableRows): ReleaseSnapshot {
  const schema = Object.fromEntries(
    TABLE_NAMES.flatMap((table) => {
      const bytes = files.get(`${table}.arrow`);
      return bytes ? [[table, tableFromIPC(bytes).schema.fields.map((field) => ({ name: field.name, type: String(field.type), nullable: field.nullable }))]] : [];
    }),
  );
  return { version, schema, rows: tables as unknown as ReleaseSnapshot['rows'] };
}

export interface FreezeOptions {
  /** Holds `next/` and the frozen `<version>/` folders. */
  outputDir: string;
  /** Where `callset-<version>.tar.gz` goes. */
  distDir: string;
  bump: Bump;
  public?: boolean;
}

export interface FreezeResult {
  version: string;
  releaseDir: string;
  archivePath: string;
  changes: Changes;
}

/**
 * `callset release`: freezes `<outputDir>/next/` as the next version with a changelog against
 * the latest frozen release, and writes its archive. Refuses a broken `next/`, a contract break
 * without a major bump, and an existing version.
 */
export async function freezeRelease(options: FreezeOptions): Promise<FreezeResult> {
  const nextDir = join(options.outputDir, 'next');
  const nextFiles = await readReleaseFolder(nextDir).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT' ? new Error(`no release at ${nextDir}: run callset build first`) : error;
  });
  const problems = verifyRelease(nextFiles);
  if (problems.length > 0) throw new Error(`output/next does not verify, rebuild it first:\n  ${problems.join('\n  ')}`);
  const next = releaseContents(nextFiles);
  const isPublic = options.public ?? false;
  const { tables, texts } = isPublic ? withholdRestricted(next.tables, next.texts) : next;

  const previousVersion = latestVersion(await readdir(options.outputDir));
  const previousFiles = previousVersion ? await readReleaseFolder(join(options.outputDir, previousVersion)) : null;
  const previous = previousVersion && previousFiles ? snapshot(previousVersion, previousFiles, releaseContents(previousFiles).tables) : null;
  const version = bumpVersion(previousVersion, options.bump);
  // The schema the new release will have: rendered once without history to read it off the Arrow files.
  const draft = renderRelease({ datasetVersion: version, tables, texts, sources: next.manifest.sources, toolVersions: lockedVersions(), public: isPublic });
  const changes = diffReleases(previous, snapshot(version, draft, tables));
  if (changes.breaking && options.bump !== 'major') {
    const breaks = changes.schema.filter((change) => change.change === 'removed' || change.change === 'retyped');
    throw new Error(`these changes break the contract and need --bump major: ${breaks.map((change) => `${change.table}.${change.column} ${change.change}`).join(', ')}`);
  }
  const previousChangelog = previousFiles?.get('CHANGELOG.md');
  const changelog = renderChangelog(changes, previousChangelog ? decoder.decode(previousChangelog) : null);
  const files = renderRelease({ datasetVersion: version, tables, texts, sources: next.manifest.sources, toolVersions: lockedVersions(), public: isPublic, history: { changelog, changes } });

  const releaseDir = join(options.outputDir, version);
  await writeReleaseFolder(releaseDir, files, { frozen: true });
  const archivePath = join(options.distDir, `callset-${version}.tar.gz`);
  await writeFileAtomic(archivePath, tarGz(`callset-${version}`, files));
  return { version, releaseDir, archivePath, changes };
}
