export const BUMPS = ['patch', 'minor', 'major'] as const;
export type Bump = (typeof BUMPS)[number];

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** [major, minor, patch] of a frozen release's folder name, or null for anything else (`next`, `.tmp-*`). */
export function parseVersion(name: string): [number, number, number] | null {
  const match = SEMVER.exec(name);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < 3; index++) {
    const diff = (a[index] ?? 0) - (b[index] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The highest version among folder names, or null when none is a version. */
export function latestVersion(names: readonly string[]): string | null {
  const versions = names.flatMap((name) => {
    const parsed = parseVersion(name);
    return parsed ? [{ name, parsed }] : [];
  });
  versions.sort((a, b) => compare(b.parsed, a.parsed));
  return versions[0]?.name ?? null;
}

/** The version after `previous` (0.0.0 when there is none). */
export function bumpVersion(previous: string | null, bump: Bump): string {
  const [major, minor, patch] = previous === null ? [0, 0, 0] : (parseVersion(previous) ?? [0, 0, 0]);
  switch (bump) {
    case 'major':
      return `${major + 1}.0.0`;
    case 'minor':
      return `${major}.${minor + 1}.0`;
    case 'patch':
      return `${major}.${minor}.${patch + 1}`;
  }
}
