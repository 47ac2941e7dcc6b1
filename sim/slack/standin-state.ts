/** Recorded form arguments of one Web API call; JSON fields (view, blocks, …) already parsed. */
export type CallArgs = Record<string, unknown>;

/** What a method answers: a Slack JSON body (`ok:true|false`, …). */
export type MethodAnswer = Record<string, unknown> & { ok: boolean };

/** A view as Slack holds it: what was sent, plus its id and its current hash. */
export type StoredView = CallArgs & { readonly id: string; readonly hash: string };

/** Mutable state the stand-in keeps between calls (messages per channel, views). */
export interface StandInState {
  /** The workspace, app and bot the stand-in plays (ids Slack adds to what it echoes). */
  readonly teamId: string;
  readonly appId: string;
  readonly botId: string;
  /** How long a trigger_id may be exchanged after it was issued (Slack: 3 s). */
  readonly triggerTtlMs: number;
  nextTs: number;
  readonly messages: Map<string, Map<string, CallArgs>>;
  readonly views: Map<string, StoredView>;
  /** Each person's App Home view id: views.publish replaces that one view. */
  readonly homeViews: Map<string, string>;
  /** Trigger ids already exchanged for a view: Slack accepts each one once. */
  readonly usedTriggers: Set<string>;
  readonly notInChannel: ReadonlySet<string>;
  readonly unknownChannels: ReadonlySet<string>;
  readonly usergroups: Readonly<Record<string, readonly string[]>>;
}

/** One Web API method: reads and changes the state, answers as Slack would. */
export type Handler = (state: StandInState, args: CallArgs) => MethodAnswer;

/** A string argument, or undefined when absent or not a string. */
export const text = (args: CallArgs, key: string): string | undefined =>
  typeof args[key] === 'string' ? (args[key] as string) : undefined;
