import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  applyManifest,
  createFieldTypeRegistry,
  ensureWorkspace,
  syncStoredRollups,
  exportManifest,
  isStratumError,
  listRevisions,
  loadModel,
  openDatabase,
  purgeTrash,
  revertRevision,
  type Db,
} from '@stratum/runtime';
import { readConfig } from '../config';

const USAGE = `Usage: stratum <command> [options]

Commands:
  apply <manifest.json> [--dry-run] [--allow-destructive]   apply a manifest and print the plan
  diff <manifest.json>                                       print the plan without applying (same as apply --dry-run)
  export [--out file]                                        write the current metadata as a manifest
  revisions [--limit n]                                      list metadata revisions, newest first
  revert <revision>                                          undo what a revision changed (as a new revision)
  purge                                                      drop removed objects and fields from the trash for good

Options:
  --workspace <name>   workspace to act on (default: $STRATUM_WORKSPACE or "default")

Environment: DATABASE_URL (a PostgreSQL server) or DATA_DIR (embedded database, default ./data).`;

/** Runs the CLI and returns the exit code (0 ok, 1 refused input or failure, 2 usage). */
export async function main(
  argv: readonly string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean' },
        'allow-destructive': { type: 'boolean' },
        out: { type: 'string' },
        workspace: { type: 'string' },
        limit: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  if (!command || parsed.values.help) {
    (parsed.values.help ? out : err)(USAGE);
    return parsed.values.help ? 0 : 2;
  }
  const config = readConfig();
  const workspace = parsed.values.workspace ?? config.workspace;
  const types = createFieldTypeRegistry();
  const needsFile = command === 'apply' || command === 'diff' || command === 'revert';
  if (needsFile && !rest[0]) {
    err(`stratum ${command} needs ${command === 'revert' ? 'a revision number' : 'a manifest file'}\n\n${USAGE}`);
    return 2;
  }
  let db: Db | undefined;
  try {
    db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await ensureWorkspace(db, workspace);
    await syncStoredRollups(db, workspace, types);
    switch (command) {
      case 'apply':
      case 'diff': {
        const manifest = await readManifest(rest[0]!);
        const dryRun = command === 'diff' || parsed.values['dry-run'] === true;
        const result = await applyManifest(db, manifest, {
          workspace,
          types,
          dryRun,
          allowDestructive: parsed.values['allow-destructive'] === true,
        });
        if (result.lines.length === 0) out('No changes: the database already matches the manifest.');
        for (const line of result.lines) out(line);
        if (result.revision !== null) out(`Applied as revision ${result.revision}.`);
        else if (result.lines.length) out(`Dry run: nothing was changed (${result.lines.length} changes planned).`);
        return 0;
      }
      case 'export': {
        const text = JSON.stringify(exportManifest(await loadModel(db, workspace), types), null, 2) + '\n';
        if (parsed.values.out) {
          await writeFile(parsed.values.out, text);
          err(`Wrote ${parsed.values.out}`);
        } else out(text.trimEnd());
        return 0;
      }
      case 'revisions': {
        for (const r of await listRevisions(db, workspace, { limit: Number(parsed.values.limit ?? 20) })) {
          out(`${String(r.number).padStart(5)}  ${r.createdAt.toISOString()}  ${r.actor ?? 'system'}  ${r.summary}`);
        }
        return 0;
      }
      case 'revert': {
        const revision = Number(rest[0]);
        if (!Number.isInteger(revision) || revision < 1) {
          err(`"${rest[0]}" is not a revision number`);
          return 2;
        }
        const result = await revertRevision(db, revision, { workspace, types });
        for (const line of result.lines) out(line);
        out(result.revision === null ? 'No changes.' : `Reverted as revision ${result.revision}.`);
        return 0;
      }
      case 'purge':
        out(`Purged ${await purgeTrash(db, workspace)} trashed objects and fields.`);
        return 0;
      default:
        err(`Unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (isStratumError(error)) {
      err(`${error.code}: ${error.problems.length > 1 ? 'the manifest has problems' : error.message}`);
      if (error.problems.length > 1) for (const p of error.problems) err(`  ${p.path}: ${p.message}`);
      return 1;
    }
    err(`Error: ${(error as Error).message}`);
    return 1;
  } finally {
    await db?.close();
  }
}

async function readManifest(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      cause: error,
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}
