import type { IncomingMessage } from 'node:http';
import type { SimServingRule } from './serving-schema.js';
import type { SimService } from './sim-state.js';

/**
 * What a Running service's server answers. vLLM and SGLang speak the OpenAI API: `GET /v1/models`
 * is a ModelList (vllm-project/vllm, vllm/entrypoints/openai/protocol.py: `{object: "list", data:
 * [ModelCard{id, object: "model", created, owned_by: "vllm", root, parent, max_model_len,
 * permission}]}`), `POST /v1/chat/completions` a chat.completion, anything else FastAPI's 404.
 * Other images answer a plain 200 at the endpoint.
 */
export interface Routed {
  readonly status: number;
  readonly body: unknown;
}

const isOpenAi = (image: string): boolean => /\/(vllm|sglang)[:@-]/i.test(image);

/**
 * The model id vLLM reports: `--served-model-name`, else the model it serves (`vllm serve <m>`,
 * `--model <m>`, SGLang's `--model-path <m>`), else the mount path (vLLM docs: "If not specified,
 * the model name will be the same as the `--model` argument").
 */
export function servedModelId(s: SimService, rule?: SimServingRule): string {
  if (rule?.modelId) return rule.modelId;
  const [container] = (s.config.containers ?? []) as { command?: string; script?: string }[];
  const command = container?.command ?? container?.script ?? '';
  const flag = (name: string) => new RegExp(`--${name}[ =]([^\\s'"]+)`).exec(command)?.[1];
  const served = flag('served-model-name') ?? /vllm serve ([^\s'"-][^\s'"]*)/.exec(command)?.[1];
  const model = served ?? flag('model') ?? flag('model-path');
  const [storage] = (s.config.storage ?? []) as { mount_path?: string }[];
  return model ?? storage?.mount_path ?? '/model_dir';
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Routes one request to the simulated model server of `s`. */
export async function answerModelServer(
  s: SimService,
  rule: SimServingRule | undefined,
  method: string,
  path: string,
  req: IncomingMessage,
): Promise<Routed> {
  if (!isOpenAi(s.image)) return { status: 200, body: `${s.name} is up` };
  const id = servedModelId(s, rule);
  const created = Math.floor(s.createdAt / 1000);
  if (method === 'GET' && path === '/v1/models') {
    const card = { id, object: 'model', created, owned_by: 'vllm', root: id, parent: null };
    return {
      status: 200,
      body: { object: 'list', data: [{ ...card, max_model_len: 32768, permission: [] }] },
    };
  }
  if (method === 'GET' && path === '/health') return { status: 200, body: '' };
  if (method === 'POST' && path === '/v1/chat/completions') {
    const asked = JSON.parse((await readBody(req)) || '{}') as { model?: string };
    if (asked.model !== id) {
      const message = `The model \`${asked.model}\` does not exist.`;
      return { status: 404, body: { object: 'error', message, type: 'NotFoundError', code: 404 } };
    }
    const choice = {
      index: 0,
      message: { role: 'assistant', content: 'Hello!' },
      finish_reason: 'stop',
    };
    const usage = { prompt_tokens: 9, completion_tokens: 3, total_tokens: 12 };
    return {
      status: 200,
      body: {
        id: `chatcmpl-${s.serviceId}`,
        object: 'chat.completion',
        created,
        model: id,
        choices: [choice],
        usage,
      },
    };
  }
  return { status: 404, body: { detail: 'Not Found' } };
}
