import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** One real CLI error text of the fidelity corpus (test/fixtures/cli-corpus/), with where it comes from. */
export const CorpusEntry = z.object({
  file: z.string(),
  argv: z.array(z.string()),
  exit: z.number(),
  /** Repository, file and tag the text was read from. */
  source: z.string().min(20),
  expect: z.object({
    kind: z.string(),
    code: z.string().optional(),
    action: z.string().optional(),
    plugin: z.string().optional(),
    statusCode: z.number().optional(),
  }),
  /** Words the person's sentence must hold. */
  says: z.string(),
  /** How the simulator reproduces this text: its env, a fault, stdin, a plugin whose binary is gone. */
  sim: z
    .object({
      env: z.record(z.string(), z.string()),
      /** The whole argv when the call needs more than `argv` (create-service needs its body). */
      argv: z.array(z.string()).optional(),
      fault: z.record(z.string(), z.unknown()).optional(),
      stdin: z.literal('dev-null').optional(),
      binaryMissing: z.string().optional(),
    })
    .optional(),
});
export type CorpusEntry = z.infer<typeof CorpusEntry>;

const dir = new URL('../fixtures/cli-corpus/', import.meta.url);

/** Every entry of the corpus. */
export const CORPUS: readonly CorpusEntry[] = z
  .array(CorpusEntry)
  .parse(JSON.parse(readFileSync(new URL('corpus.json', dir), 'utf8')));

/** The text of one corpus file, byte for byte. */
export function corpusText(file: string): string {
  return readFileSync(new URL(file, dir), 'utf8');
}
