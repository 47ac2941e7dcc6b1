import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_SIGNING_SECRET, type LocalStack } from '../../../demo/local-stack.js';
import { createSlackUser } from '../../../demo/slack-user.js';
import {
  buildBlockSuggestionBody,
  buildStateValues,
  FORM_CONTENT_TYPE,
} from '../../../sim/slack/payloads.js';
import { postSigned } from '../../../sim/slack/sign-request.js';
import { vllmImage } from '../flows/flow-world.js';
import { GPU, readMessage, startServingStack } from './serving-stack.js';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startServingStack({
    label: 'model-fit',
    failures: [{ service: 'fit_oom', reason: 'out-of-memory' }],
  });
});
afterAll(async () => stack?.stop());

const form = (serviceName: string, ossPath: string) =>
  [
    { service_name: serviceName, replicas: '1', port: '8000', oss_path: ossPath },
    {
      region: 'cn-hangzhou',
      image: vllmImage('cn-hangzhou'),
      instance_type: GPU,
      network: 'shared',
    },
  ] as const;

/** Opens the instance-type select as a person does before picking one: the catalog loads its GPUs. */
async function openInstanceTypes(): Promise<void> {
  const body = buildBlockSuggestionBody({
    actionId: 'instance_type',
    query: '',
    values: buildStateValues({}, { region: 'cn-hangzhou' }),
  });
  await expect
    .poll(
      async () => {
        const answer = await postSigned(
          stack.eventsUrl,
          body,
          FORM_CONTENT_TYPE,
          LOCAL_SIGNING_SECRET,
        );
        return (JSON.parse(answer.text) as { options?: unknown[] }).options?.length ?? 0;
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
}

describe('the model-fit check before create', () => {
  it('warns once on the instance type with the numbers, and a second Deploy goes through', async () => {
    await openInstanceTypes();
    const person = createSlackUser({ eventsUrl: stack.eventsUrl });
    const [fields, selects] = form('fit_oom', 'oss://models/qwen2.5-72b-instruct/');
    const first = await person.submitForm({ ...fields }, { ...selects }, 'V0FIT0001');
    expect(JSON.parse(first.text)).toEqual({
      response_action: 'errors',
      errors: {
        instance_type:
          'qwen2.5-72b-instruct needs about 144 GB for its weights; ecs.gn7i-c16g1.4xlarge has 1 × 24 GB of GPU memory, of which about 21.6 GB is usable. Pick ecs.gn7-c96g1.24xlarge (8 × 80 GB) with `--tensor-parallel-size 8` in the command, or a quantized build (AWQ/GPTQ int4, about 36 GB). To deploy on ecs.gn7i-c16g1.4xlarge anyway, press Deploy again.',
      },
    });
    const again = await person.submitForm({ ...fields }, { ...selects }, 'V0FIT0001');
    expect(again.text).toBe('');
    // Deployed anyway, it runs out of memory: the diagnosis gives the same numbers and way out.
    const diagnosis = await stack.slack.waitFor(
      (c) =>
        c.method === 'chat.postMessage' &&
        String(c.args.text).startsWith('Not serving — Failed: out of memory'),
      30_000,
    );
    expect(readMessage(diagnosis)).toContain(
      'qwen2.5-72b-instruct needs about 144 GB for its weights; ecs.gn7i-c16g1.4xlarge has 1 × 24 GB of GPU memory',
    );
    expect(readMessage(diagnosis)).toContain(
      'Redeploy on ecs.gn7-c96g1.24xlarge (8 × 80 GB) with `--tensor-parallel-size 8`',
    );
  });

  it('says nothing when the model fits', async () => {
    await openInstanceTypes();
    const person = createSlackUser({ eventsUrl: stack.eventsUrl });
    const [fields, selects] = form('fit_small', 'oss://models/qwen2.5-7b-instruct/');
    expect((await person.submitForm({ ...fields }, { ...selects }, 'V0FIT0002')).text).toBe('');
  });
});
