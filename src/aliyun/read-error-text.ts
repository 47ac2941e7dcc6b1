/**
 * Reads the fields of an error the aliyun CLI printed, in the forms the corpus in
 * test/fixtures/cli-corpus/ records: the built-in `SDK.ServerError` block (alibaba-cloud-sdk-go
 * `sdk/errors/server_error.go`), the Tea `SDKError:` block plugins are built on (alibabacloud-go/tea
 * `tea/tea.go`), the host's `ERROR: <text>` line (aliyun-cli `cli/command.go` processError) and a
 * plugin's bare `Error:` text. Pure: no classification here.
 */
export interface ErrorFields {
  readonly code?: string;
  readonly statusCode?: number;
  readonly requestId?: string;
  /** The RAM action a permission error names (`AuthAction`), when the cloud said it. */
  readonly authAction?: string;
  /** The server's message, or the first line of the host's or plugin's error text. */
  readonly message: string;
}

const line = (text: string, label: string): string | undefined =>
  new RegExp(`^\\s*${label}:[ \\t]*(.*)$`, 'm').exec(text)?.[1]?.trim() || undefined;

/** `AuthAction` from AccessDeniedDetail, printed as JSON (Tea Data) or as a Go map (SDK.ServerError). */
function readAuthAction(text: string): string | undefined {
  return (
    /"AuthAction"\s*:\s*"([^"]+)"/.exec(text)?.[1] ??
    /AuthAction:([A-Za-z0-9-]+:[A-Za-z0-9*]+)/.exec(text)?.[1]
  );
}

/** A Tea `Message: code: 409, <msg> request id: <id>` holds the server's message in the middle. */
function unwrapTeaMessage(raw: string): { message: string; requestId?: string } {
  const match = /^code: \d+, ([\s\S]*?)(?: request id: (\S+))?$/.exec(raw);
  if (!match) return { message: raw };
  return { message: match[1] ?? raw, ...(match[2] ? { requestId: match[2] } : {}) };
}

/** The first line of an `ERROR:` / `Error:` message, or of the whole text. */
function readHeadline(text: string): string {
  const tagged = /^(?:ERROR|Error):[ \t]*(.+)$/m.exec(text)?.[1];
  const first = text.split('\n').find((l) => l.trim() !== '');
  return (tagged ?? first ?? '').trim();
}

/** Reads code, status, request id, RAM action and message from whatever form the text has. */
export function readErrorText(text: string): ErrorFields {
  const authAction = readAuthAction(text);
  const common = authAction ? { authAction } : {};
  if (/SDK\.ServerError/.test(text)) {
    const code = line(text, 'ErrorCode');
    const requestId = line(text, 'RequestId');
    return {
      ...common,
      ...(code ? { code } : {}),
      ...(requestId ? { requestId } : {}),
      message: line(text, 'Message') ?? readHeadline(text),
    };
  }
  if (/SDKError:/.test(text)) {
    const code = line(text, 'Code');
    const status = line(text, 'StatusCode');
    const tea = unwrapTeaMessage(line(text, 'Message') ?? readHeadline(text));
    return {
      ...common,
      ...(code ? { code } : {}),
      ...(status && /^\d+$/.test(status) ? { statusCode: Number(status) } : {}),
      ...(tea.requestId ? { requestId: tea.requestId } : {}),
      message: tea.message,
    };
  }
  return { ...common, message: readHeadline(text) };
}
