import type { DestinationStream } from 'pino';
import { redactSecrets } from './redact.js';

/** A pino destination that redacts every line; secrets learnt at run time can be added. */
export interface RedactingDestination extends DestinationStream {
  /** Adds a secret to look for (e.g. a service's AccessToken the moment the engine has it). */
  remember(secret: string): void;
  forget(secret: string): void;
}

/** Most recent run-time secrets kept; older ones are still caught by their shape. */
const MAX_REMEMBERED = 1_000;

/**
 * Wraps the log destination so that no line leaves the process with a secret in it, whatever
 * field or message carried it: `createLogger({ level, destination: createRedactingDestination(
 * process.stdout, collectKnownSecrets(process.env)) })`. Redaction keeps each line valid JSON.
 */
export function createRedactingDestination(
  target: { write(line: string): unknown },
  known: readonly string[] = [],
): RedactingDestination {
  const fixed = [...known];
  const remembered = new Set<string>();
  return {
    write(line: string) {
      target.write(redactSecrets(line, [...fixed, ...remembered]));
    },
    remember(secret) {
      remembered.add(secret);
      if (remembered.size > MAX_REMEMBERED) {
        const oldest = remembered.values().next().value;
        if (oldest !== undefined) remembered.delete(oldest);
      }
    },
    forget(secret) {
      remembered.delete(secret);
    },
  };
}
