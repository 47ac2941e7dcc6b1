import type { OpHandler } from './op-context.js';

/** One command the simulator answers: its handler, flags, required flags and request path. */
export interface OpEntry {
  handler: OpHandler;
  /**
   * The flags the command takes besides the global ones: kebab-case for a plugin command (the
   * OpenAPI meta's parameters, `body` renamed `biz-body`), PascalCase for a built-in API. Any
   * other flag is refused, as the plugin or the host refuses it.
   */
  flags: readonly string[];
  required: readonly string[];
  /** The request path a network error names ({R} region, {N} service, {G} gateway, {I} image). */
  path: string;
  /** The HTTP method a network error names, when the operation's name does not tell it. */
  method?: string;
}
