const SECRET_FLAGS =
  /^--(access-key-id|access-key-secret|sts-token|security-token|access-token|token|password|secret)(=|$)/i;

/** The argv with secret flag values replaced, fit for the call log. */
export function redactArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    const match = SECRET_FLAGS.exec(token);
    if (!match) {
      out.push(token);
    } else if (match[2] === '=') {
      out.push(`${token.slice(0, token.indexOf('=') + 1)}***`);
    } else {
      out.push(token);
      if (i + 1 < argv.length) {
        out.push('***');
        i++;
      }
    }
  }
  return out;
}
