/** What `npm run demo` does with no arguments: deploy an LLM the way the README shows. */
export const DEFAULT_COMMAND =
  'region=cn-hangzhou service_name=qwen_demo image=vllm instance_type=ecs.gn7i-c16g1.4xlarge oss_path=oss://demo-models/qwen2.5-7b/';

/**
 * The `/eas-deploy` texts a person gave `npm run demo -- …`, in order. None: the default
 * deployment. Several arguments whose first holds a space (`"region=… service_name=…" "status
 * my_llm"`): one command each. Otherwise the words are one command, as typed after `/eas-deploy`;
 * a `key=value` the shell unquoted (`command="vllm serve …"`) gets its quotes back.
 */
export function readDemoCommands(argv: readonly string[]): string[] {
  const args = argv.map((a) => a.trim()).filter((a) => a.length > 0);
  if (args.length === 0) return [DEFAULT_COMMAND];
  if (args.length > 1 && /\s/.test(args[0] ?? '')) return args;
  return [args.map(requote).join(' ')];
}

function requote(arg: string): string {
  const pair = /^([a-z_]+)=(.*\s.*)$/s.exec(arg);
  // A whole command in one argument ("region=… service_name=…") is left as it is.
  if (!pair || /\s[a-z_]+=/.test(pair[2] ?? '')) return arg;
  const value = pair[2] ?? '';
  return value.includes('"') ? `${pair[1]}='${value}'` : `${pair[1]}="${value}"`;
}
