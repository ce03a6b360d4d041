import { defaultRegistry, type EntityRegistry, type RegistryProposals } from '@callset/entities';
import type { TableName, TableRows } from '@callset/schema';
import { lockedVersions, stageReleaseFolder, streamRelease, type Source } from '@callset/writers';
import { applyEntities, resolveCorpusEntities, type CorpusEntities } from './entities-stage.ts';
import { concatReleases, loadPart, type DocumentPart, type StoredDocument } from './parallel.ts';

export interface Rejection {
  sourcePath: string;
  reason: string;
  /** The message of the issue that gives its reason. */
  message: string;
}

/** Each rejected document of some tables, with the issue that says why. */
function rejections(tables: Pick<TableRows, 'documents' | 'issues'>): Rejection[] {
  return tables.documents
    .filter((document) => document.status === 'rejected')
    .map((document) => {
      const reason = document.reject_reason ?? 'unknown';
      const issue = tables.issues.find((row) => row.source_path === document.source_path && row.code === reason);
      return { sourcePath: document.source_path, reason, message: issue?.message ?? '' };
    });
}

export interface WrittenRelease {
  rows: Record<TableName, number>;
  rejected: Rejection[];
  proposals: RegistryProposals;
}

/** A corpus with its speakers and firms resolved: where each document waits, by document_id, and what it gets. */
export interface ResolvedCorpus {
  documents: StoredDocument[];
  entities: CorpusEntities;
}

/**
 * Speakers and firms resolved across the corpus from the parts alone. Returns the parts without
 * their speaker facts, so a caller that lets go of the parts holds none of those while writing.
 */
export function resolveParts(parts: readonly DocumentPart[], registry: EntityRegistry = defaultRegistry()): ResolvedCorpus {
  const entities = resolveCorpusEntities(
    parts.flatMap((part) => part.documents),
    parts.flatMap((part) => part.mentions),
    registry,
  );
  return { documents: parts.map(({ documentId, result }) => ({ documentId, result })), entities };
}

/**
 * The release of a build, in bounded memory: document_id by document_id, each document's stored
 * result read back, resolved and streamed into the release folder. Every row id starts with a
 * fixed-length document_id, so rows in document_id order, each document's sorted, are the
 * release order. The bytes are writeStage's for the same documents (the parallel tests hold it
 * to that).
 */
export async function writeRelease(releaseDir: string, corpus: ResolvedCorpus, sources: readonly Source[]): Promise<WrittenRelease> {
  const { documents: parts, entities } = corpus;
  return stageReleaseFolder(releaseDir, async (sink) => {
    const release = await streamRelease(sink);
    const rejected: Rejection[] = [];
    // Where the next document's mentions start among the resolved ones.
    let resolvedFrom = 0;
    for (let start = 0; start < parts.length; ) {
      const documentId = parts[start]?.documentId;
      let end = start + 1;
      while (end < parts.length && parts[end]?.documentId === documentId) end++;
      // A duplicate shares its original's document_id: its rows sort among the original's.
      const { tables, texts } = concatReleases(parts.slice(start, end).map(loadPart), []);
      start = end;
      const resolved = applyEntities(tables, entities.mentions.slice(resolvedFrom, resolvedFrom + tables.utterances.length), entities.issuesOf);
      resolvedFrom += tables.utterances.length;
      for (const [id, text] of Object.entries(texts)) await release.text(id, text);
      await release.append('documents', resolved.documents);
      await release.append('utterances', resolved.utterances);
      await release.append('figures', resolved.figures);
      await release.append('table_cells', resolved.table_cells);
      await release.append('issues', resolved.issues);
      rejected.push(...rejections(resolved));
    }
    await release.append('speakers', entities.speakers);
    await release.append('firms', entities.firms);
    const rows = await release.finish({ datasetVersion: 'next', sources, toolVersions: lockedVersions() });
    return { rows, rejected, proposals: entities.proposals };
  });
}
