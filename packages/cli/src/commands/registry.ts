import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REGISTRY_DIR, acceptProposalsFile } from '@callset/entities';
import { REGISTRY_PROPOSALS_FILE } from '@callset/dataset';
import { UsageError, type Io } from '../io.ts';

/** `callset registry accept`: the one way proposals get into the person registry, on purpose. */
export async function registryCommand(args: string[], io: Io): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'accept') throw new UsageError(action === undefined ? 'registry needs an action: accept' : `unknown registry action ${JSON.stringify(action)}: expected accept`);
  const { values } = parseArgs({ args: rest, options: { proposals: { type: 'string' }, registry: { type: 'string' } }, strict: true, allowPositionals: false });
  const proposals = values.proposals ?? join('output', REGISTRY_PROPOSALS_FILE);
  const registry = values.registry ?? REGISTRY_DIR;
  const { added, extended } = await acceptProposalsFile(proposals, registry);
  for (const id of added) io.err(`added ${id}\n`);
  for (const id of extended) io.err(`extended ${id}\n`);
  io.err(`accepted ${proposals} into ${join(registry, 'people.json')}: ${added.length} added, ${extended.length} extended\n`);
  return 0;
}
