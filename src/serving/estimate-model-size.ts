/**
 * Guesses a model's weight size from the names a person gave (start command, OSS/NAS path, image):
 * `qwen2.5-7b`, `Llama-3-70B-Instruct`, `Qwen/Qwen2.5-72B-Instruct-AWQ`. Unknown stays unknown.
 */
export interface ModelSize {
  /** The name as found, e.g. `qwen2.5-7b`. */
  readonly model: string;
  /** Parameters, in billions. */
  readonly paramsB: number;
  /** Bytes per parameter: 2 (bf16/fp16), 1 (int8/fp8), 0.5 (int4: AWQ, GPTQ). */
  readonly bytesPerParam: number;
  /** Weights alone, in GB (1e9 bytes). */
  readonly weightsGb: number;
}

/** Mixture-of-experts names whose total size is not "N×M" (Mistral's and DeepSeek's model cards). */
const KNOWN_TOTALS: ReadonlyArray<readonly [RegExp, number]> = [
  [/mixtral-8x7b/i, 46.7],
  [/mixtral-8x22b/i, 141],
  [/deepseek-(?:v3|r1)(?![-_.]?distill)/i, 671],
];

/** `7b`, `0.5B`, `70b`: digits not glued to a letter or dot before them, `b` not followed by more name. */
const PARAMS = /(?<![a-z0-9.])(\d{1,4}(?:\.\d{1,2})?)b(?![a-z0-9])/i;

function bytesPerParam(text: string): number {
  if (/awq|gptq|int4|4bit|w4a16|q4/i.test(text)) return 0.5;
  if (/int8|fp8|8bit|w8a8/i.test(text)) return 1;
  return 2;
}

/** The model segment of a path or command: the path part or word that carries the size. */
function segmentOf(text: string, index: number): string {
  const before =
    text
      .slice(0, index)
      .split(/[\s/=:'"]/)
      .pop() ?? '';
  const after = text.slice(index).split(/[\s/:'"]/)[0] ?? '';
  return `${before}${after}`;
}

function readOne(text: string): ModelSize | undefined {
  const bpp = bytesPerParam(text);
  for (const [pattern, paramsB] of KNOWN_TOTALS) {
    const found = pattern.exec(text);
    if (found) return size(segmentOf(text, found.index), paramsB, bpp);
  }
  const found = PARAMS.exec(text);
  if (!found?.[1]) return undefined;
  const paramsB = Number(found[1]);
  if (!(paramsB > 0)) return undefined;
  return size(segmentOf(text, found.index), paramsB, bpp);
}

const size = (model: string, paramsB: number, bpp: number): ModelSize => ({
  model,
  paramsB,
  bytesPerParam: bpp,
  weightsGb: Math.round(paramsB * bpp * 10) / 10,
});

/** The first size found in the command, then the model path, then the image; undefined when none says. */
export function estimateModelSize(sources: {
  command?: string | undefined;
  modelPath?: string | undefined;
  image?: string | undefined;
}): ModelSize | undefined {
  for (const text of [sources.command, sources.modelPath, sources.image]) {
    const found = text ? readOne(text) : undefined;
    if (found) return found;
  }
  return undefined;
}
