import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { repairBytes } from '@callset/encoding';
import { UsageError, type Io } from '../io.ts';

export async function repairCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { explain: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
  if (positionals.length > 1) throw new UsageError('repair takes at most one FILE');
  const [file] = positionals;
  const bytes = file ? await readFile(file) : await io.readStdin();
  const result = repairBytes(bytes);
  if (values.explain) {
    for (const repair of [...result.repairs, ...result.normalizations].sort((a, b) => a.offset - b.offset)) {
      io.out(`${repair.offset}\t${JSON.stringify(repair.before)}\t${JSON.stringify(repair.after)}\t${repair.rule}\n`);
    }
    io.err(`${result.repairs.length} repairs, ${result.normalizations.length} normalizations, decoded as ${result.encoding}\n`);
  } else {
    io.out(result.text);
  }
  return 0;
}
