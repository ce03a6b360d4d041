/**
 * One pipeline stage as a turbo task: reads the previous stage's artifacts, writes its own.
 * `npm run dataset` chains them (repair -> parse -> normalize -> write) over the repo's seeds/.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { writeReleaseFolder } from '@callset/writers';
import { readArtifacts, writeArtifacts } from './artifacts.ts';
import { loadCatalog } from './build.ts';
import { CATALOG_FILE, discoverSources } from './discover.ts';
import { writeProposals } from './entities-stage.ts';
import { normalizeStage, parseStage, repairStage, writeStage, type NormalizedRelease, type ParsedSource, type RepairedSource } from './stages.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const seedsDir = join(repoRoot, 'seeds');
const artifactsDir = fileURLToPath(new URL('../.artifacts/', import.meta.url));
const outputRoot = join(repoRoot, 'output');
const outputDir = join(outputRoot, 'next');

async function runStage(stage: string): Promise<void> {
  switch (stage) {
    case 'repair': {
      const files = await discoverSources(seedsDir);
      const repaired = repairStage(files);
      await writeArtifacts(join(artifactsDir, 'repair'), repaired);
      console.error(`repair: ${repaired.length} sources`);
      return;
    }
    case 'parse': {
      const parsed = parseStage(await readArtifacts<RepairedSource>(join(artifactsDir, 'repair')));
      await writeArtifacts(join(artifactsDir, 'parse'), parsed);
      console.error(`parse: ${parsed.filter((source) => source.parsed).length} of ${parsed.length} parsed`);
      return;
    }
    case 'normalize': {
      const catalog = await loadCatalog(join(seedsDir, CATALOG_FILE), false);
      const release = normalizeStage(await readArtifacts<ParsedSource>(join(artifactsDir, 'parse')), catalog);
      await writeArtifacts(join(artifactsDir, 'normalize'), [release]);
      console.error(`normalize: ${release.tables.utterances.length} utterances, ${release.tables.figures.length} figures`);
      return;
    }
    case 'write': {
      const [release] = await readArtifacts<NormalizedRelease>(join(artifactsDir, 'normalize'));
      if (!release) throw new Error('no normalize artifact: run the normalize stage first');
      await writeReleaseFolder(outputDir, writeStage(release));
      console.error(`write: ${outputDir}`);
      console.error(`registry proposals: ${await writeProposals(outputRoot, release.proposals)}`);
      return;
    }
    default:
      throw new Error(`unknown stage ${JSON.stringify(stage)}: expected repair, parse, normalize or write`);
  }
}

runStage(process.argv[2] ?? '').catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
