import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../logger.js';

const RANK: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

/**
 * Bolt's logger over the bot's pino logger: what Bolt and the listeners log becomes JSON lines
 * that pass the redactor like every other line. An Error among the arguments is logged as `err`.
 */
export function toBoltLogger(logger: Logger, initial: LogLevel = LogLevel.WARN): BoltLogger {
  let level = initial;
  const forward =
    (at: LogLevel) =>
    (...parts: unknown[]): void => {
      if (RANK[at] < RANK[level]) return;
      const err = parts.find((part) => part instanceof Error);
      const text = parts
        .filter((part) => part !== err)
        .map(String)
        .join(' ');
      logger[at]({ source: 'bolt', ...(err ? { err } : {}) }, text);
    };
  return {
    debug: forward(LogLevel.DEBUG),
    info: forward(LogLevel.INFO),
    warn: forward(LogLevel.WARN),
    error: forward(LogLevel.ERROR),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
