import { parseArgs } from 'node:util';
import { BUMPS, freezeRelease, type Bump } from '@callset/writers';
import { UsageError, type Io } from '../io.ts';

export async function releaseCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { bump: { type: 'string' }, public: { type: 'boolean', default: false }, output: { type: 'string', default: 'output' }, dist: { type: 'string', default: 'dist' } },
    strict: true,
    allowPositionals: false,
  });
  const bump = values.bump as Bump | undefined;
  if (!bump || !BUMPS.includes(bump)) throw new UsageError('release needs --bump patch|minor|major');
  const result = await freezeRelease({ outputDir: values.output, distDir: values.dist, bump, public: values.public });
  const counts = Object.entries(result.changes.tables)
    .map(([table, diff]) => `${table} +${diff.added.length} -${diff.removed.length} ~${diff.changed.length}`)
    .join(', ');
  io.err(`froze ${result.releaseDir} (against ${result.changes.from ?? 'nothing'}): ${counts}\n`);
  io.out(`${result.archivePath}\n`);
  return 0;
}
