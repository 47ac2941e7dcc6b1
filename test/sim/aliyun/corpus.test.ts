import { afterAll, describe, expect, it } from 'vitest';
import { buildDemoWorld } from '../../../sim/aliyun/demo-world.js';
import type { SimFault, SimWorldInput } from '../../../sim/aliyun/world-schema.js';
import { CORPUS, type CorpusEntry, corpusText } from '../../support/cli-corpus.js';
import { createSim } from './support/run-sim.js';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(cleanups.map((c) => c()));
});

/** Request ids differ on every call; everything else must match byte for byte. */
const normalize = (text: string): string =>
  text.replace(/[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}/gi, '<request-id>');

function worldFor(sim: NonNullable<CorpusEntry['sim']>): SimWorldInput {
  const world = buildDemoWorld();
  if (!sim.binaryMissing) return world;
  const plugins = [
    { name: 'aliyun-cli-eas', version: '0.2.0', installed: true, binaryMissing: true },
    { name: 'aliyun-cli-aiworkspace', version: '0.1.3', installed: true },
  ];
  return { ...world, plugins };
}

const reproducible = CORPUS.filter((e) => e.sim).map((e) => [e.file, e] as const);

describe('the simulator against the corpus of real CLI error texts', () => {
  it.each(reproducible)('prints %s as the real CLI does', async (_file, entry) => {
    const sim = entry.sim;
    if (!sim) throw new Error('filtered above');
    const account = await createSim({
      world: worldFor(sim),
      ...(sim.fault ? { faults: [sim.fault as SimFault] } : {}),
    });
    cleanups.push(account.cleanup);
    const argv = sim.argv ?? entry.argv;
    const run =
      sim.stdin === 'dev-null'
        ? await account.runWithDevNull(argv, sim.env)
        : await account.run(argv, sim.env);
    expect(normalize(run.stderr)).toBe(normalize(corpusText(entry.file)));
    expect(run.code).toBe(entry.exit);
    expect(run.stdout).toBe('');
  });

  it('reproduces every kind of error the corpus holds', () => {
    const kinds = new Set(reproducible.map(([, e]) => e.expect.kind));
    expect([...kinds].sort()).toEqual(
      [
        'credentials',
        'network',
        'not-found',
        'permission',
        'plugin-missing',
        'quota',
        'throttled',
        'usage',
      ].sort(),
    );
  });
});
