import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELD_IDS } from '../../blocks/ids.js';
import { buildStateValues } from '../../sim/slack/payloads.js';
import { DeploySpec } from '../../src/deploy/deploy-spec.js';
import { runDeployment } from '../../src/deploy/run-deployment.js';
import { parseCommandText } from '../../src/slack/listeners/commands/parse-command-text.js';
import { parseSubmission } from '../../src/slack/listeners/views/parse-submission.js';
import { readStateValues } from '../../src/slack/listeners/views/read-state-values.js';
import { buildContext, createdBody, createWorld } from '../deploy/scripted-world.js';

/** Text a hostile or careless person might type: shell syntax, quotes, unicode, control characters. */
const SHELL = [
  '; rm -rf /',
  '$(id)',
  '`whoami`',
  '| nc evil 1',
  '&& curl x',
  '> /etc/passwd',
  '\'"',
  '\\',
  '\n',
  `\${IFS}`, // the shell's field separator, literally
  '*',
  '~',
];
const hostile = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc
    .array(fc.constantFrom(...SHELL, 'qwen', '_', 'a', '1', ' '), { maxLength: 12 })
    .map((p) => p.join('')),
);

const VALID_FORM = {
  service_name: 'qwen_demo',
  replicas: '1',
  port: '8000',
  region: 'cn-hangzhou',
  image: 'vllm',
  instance_type: 'ecs.gn7i-c16g1.4xlarge',
  network: 'shared',
  oss_path: 'oss://models-bucket/qwen/',
};
const submit = (form: Record<string, string>) =>
  parseSubmission(readStateValues(buildStateValues(form)));

describe('slash-command text from anyone', () => {
  it('never crashes and always answers one of the known kinds', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const answer = parseCommandText(text);
        expect(['open', 'help', 'status', 'list', 'audit', 'invalid']).toContain(answer.kind);
        if (answer.kind === 'invalid') expect(answer.message.length).toBeGreaterThan(0);
      }),
    );
  });

  it('refuses oversized text with a message', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 2001, maxLength: 5000 }), (text) => {
        fc.pre(text.trim().length > 2000);
        const answer = parseCommandText(text);
        expect(answer).toEqual({ kind: 'invalid', message: expect.stringContaining('too long') });
      }),
      { numRuns: 30 },
    );
  });

  it('keeps shell metacharacters in a pre-fill value as plain text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...SHELL.filter((s) => !/["\n\\]/.test(s)), 'x'), {
          minLength: 1,
          maxLength: 6,
        }),
        (parts) => {
          const value = parts.join(' ');
          const answer = parseCommandText(`command="${value}"`);
          expect(answer).toEqual({ kind: 'open', prefill: { command: value } });
        },
      ),
    );
  });
});

describe('modal values from anyone', () => {
  it('never crashes: a submission is either a valid DeploySpec or errors on known fields', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            service_name: hostile,
            replicas: hostile,
            port: hostile,
            command: hostile,
            image: hostile,
            oss_path: hostile,
          },
          { requiredKeys: [] },
        ),
        (overrides) => {
          const parsed = submit({ ...VALID_FORM, ...overrides });
          if (parsed.ok) {
            expect(DeploySpec.safeParse(parsed.spec).success).toBe(true);
          } else {
            for (const [field, message] of Object.entries(parsed.errors)) {
              expect(FIELD_IDS as readonly string[]).toContain(field);
              expect(message?.length).toBeGreaterThan(0);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses oversized values with a message on their field', () => {
    const parsed = submit({
      ...VALID_FORM,
      service_name: 'a'.repeat(500),
      command: 'x'.repeat(5000),
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors.service_name).toBeTruthy();
      expect(parsed.errors.command).toBeTruthy();
    }
  });

  it('sends only validated values to the CLI, each as one argument, metacharacters inert', async () => {
    let createdWithMetacharacters = 0;
    const names = fc.oneof(hostile, fc.constantFrom('qwen_demo', 'svc_2'));
    await fc.assert(
      fc.asyncProperty(names, hostile, async (name, command) => {
        const parsed = submit({ ...VALID_FORM, service_name: name, command });
        if (!parsed.ok) return;
        const cli = createWorld();
        const { ctx } = buildContext(cli);
        await runDeployment(parsed.spec, ctx);
        for (const argv of cli.calls) {
          for (const arg of argv) expect(typeof arg).toBe('string');
          const at = argv.indexOf('--service-name');
          if (at >= 0) expect(argv[at + 1]).toBe(parsed.spec.serviceName);
        }
        // The service name passed the schema: nothing a shell would read specially.
        expect(parsed.spec.serviceName).toMatch(/^[a-z0-9_]+$/);
        if (parsed.spec.command && cli.callsOf('eas', 'create-service').length > 0) {
          const body = createdBody(cli) as { containers: Array<{ command: string }> };
          expect(body.containers[0]?.command).toBe(parsed.spec.command);
          if (/[;$`|&><\\'"]/.test(parsed.spec.command)) createdWithMetacharacters += 1;
        }
      }),
      { numRuns: 80, seed: 7 },
    );
    expect(createdWithMetacharacters).toBeGreaterThan(0);
  });
});
