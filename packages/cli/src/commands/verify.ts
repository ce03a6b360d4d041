import { parseArgs } from 'node:util';
import { readReleaseFolder, verifyRelease } from '@callset/writers';
import { UsageError, type Io } from '../io.ts';

export async function verifyCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { public: { type: 'boolean', default: false } }, strict: true, allowPositionals: true });
  const [dir, ...extra] = positionals;
  if (!dir || extra.length > 0) throw new UsageError('verify takes one release folder');
  const problems = verifyRelease(await readReleaseFolder(dir), { public: values.public });
  for (const problem of problems) io.err(`${problem}\n`);
  io.err(problems.length === 0 ? `${dir}: ok\n` : `${dir}: ${problems.length} problems\n`);
  return problems.length === 0 ? 0 : 1;
}
