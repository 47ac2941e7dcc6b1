import { describe, expect, it } from 'vitest';
import { DEFAULT_COMMAND, readDemoCommands } from '../../demo/read-demo-commands.js';

describe('what npm run demo reads from its arguments', () => {
  it('deploys the README’s example when given nothing', () => {
    expect(readDemoCommands([])).toEqual([DEFAULT_COMMAND]);
  });

  it('reads one command whether it is quoted whole or typed as words', () => {
    const typed = 'region=cn-shanghai service_name=my_llm image=sglang';
    expect(readDemoCommands([typed])).toEqual([typed]);
    expect(readDemoCommands(typed.split(' '))).toEqual([typed]);
    expect(readDemoCommands(['status', 'my_llm'])).toEqual(['status my_llm']);
  });

  it('gives back the quotes the shell took from a value with spaces', () => {
    expect(readDemoCommands(['region=cn-hangzhou', 'command=vllm serve /model_dir'])).toEqual([
      'region=cn-hangzhou command="vllm serve /model_dir"',
    ]);
  });

  it('reads several quoted commands as one after another', () => {
    expect(readDemoCommands(['region=cn-shanghai service_name=my_llm', 'status my_llm'])).toEqual([
      'region=cn-shanghai service_name=my_llm',
      'status my_llm',
    ]);
  });
});
