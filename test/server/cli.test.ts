import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../server/src/cli/main';
import { uniqueName } from '../support/database';

// The CLI opens the configured database itself: the test server when there is one, else a fresh data directory.
const dir = mkdtempSync(path.join(tmpdir(), 'stratum-cli-'));
if (process.env.TEST_DATABASE_URL) process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
else process.env.DATA_DIR = dir;
const workspace = uniqueName('cli');
// Each command opens the database itself, as the CLI does: on the embedded one that is a fresh PGlite start per
// command (seconds each on a busy 2-core machine), a dozen of them in the first test.
jest.setTimeout(180_000);

async function stratum(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    [...args, '--workspace', workspace],
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

const manifest = {
  objects: [
    {
      name: 'ticket',
      pluralName: 'tickets',
      fields: [
        { name: 'subject', type: 'text', required: true },
        { name: 'priority', type: 'select', options: ['low', 'high'] },
      ],
    },
  ],
  pipelines: [],
  workflows: [],
  roles: [],
};

test('apply --dry-run, apply, apply again, export, revisions, revert', async () => {
  const file = path.join(dir, 'manifest.json');
  writeFileSync(file, JSON.stringify(manifest));
  const dry = await stratum('apply', file, '--dry-run');
  expect(dry).toMatchObject({
    code: 0,
    out: [
      '+ object ticket (2 fields)',
      '+ field ticket.subject (text)',
      '+ field ticket.priority (select)',
      'Dry run: nothing was changed (3 changes planned).',
    ],
  });
  expect((await stratum('apply', file)).out.at(-1)).toBe('Applied as revision 1.');
  expect((await stratum('apply', file)).out).toEqual(['No changes: the database already matches the manifest.']);
  const out = path.join(dir, 'export.json');
  expect((await stratum('export', '--out', out)).code).toBe(0);
  expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(manifest);

  writeFileSync(file, JSON.stringify({ ...manifest, objects: [] }));
  const refused = await stratum('apply', file);
  expect(refused.code).toBe(1);
  expect(refused.err.join('\n')).toMatch(/- object ticket .*allow-destructive/);
  expect((await stratum('apply', file, '--allow-destructive')).out.at(-1)).toBe('Applied as revision 2.');
  expect((await stratum('revisions')).out).toHaveLength(2);
  expect((await stratum('revert', '2')).out).toEqual([
    '+ object ticket (restored from the trash with its records)',
    'Reverted as revision 3.',
  ]);
});

test('bad input names the path and exits 1; bad usage exits 2', async () => {
  const file = path.join(dir, 'bad.json');
  writeFileSync(
    file,
    JSON.stringify({
      objects: [{ name: 'ticket', pluralName: 'tickets', fields: [{ name: 'due', type: 'dateTime' }] }],
    }),
  );
  const bad = await stratum('apply', file);
  expect(bad.code).toBe(1);
  expect(bad.err[0]).toMatch(/^BAD_USER_INPUT: objects\[0\]\.fields\[0\]\.type: unknown field type "dateTime"/);
  writeFileSync(file, '{ not json');
  expect((await stratum('apply', file)).err[0]).toMatch(/is not valid JSON/);
  expect((await stratum('apply')).code).toBe(2);
  expect((await stratum('frobnicate')).code).toBe(2);
});
