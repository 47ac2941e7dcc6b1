import { parseCliError } from '../aliyun/cli-error.js';
import type { CliRunner } from '../aliyun/cli-runner.js';
import type { Metrics } from '../observability/metrics.js';

/** Wraps the CLI runner so every failed call counts under its error code on /metrics. */
export function countCliErrors(cli: CliRunner, metrics: Metrics): CliRunner {
  return {
    async run(args, options) {
      const result = await cli.run(args, options);
      if (result.exitCode !== 0) {
        const error = parseCliError(result);
        metrics.countCliError(error.code ?? error.kind);
      }
      return result;
    },
  };
}
