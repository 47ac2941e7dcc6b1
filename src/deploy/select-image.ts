import type { Image } from '../aliyun/schemas.js';
import {
  detectFramework,
  FRAMEWORKS,
  type Framework,
  fillCommand,
  frameworkLabel,
  readFrameworkName,
} from './framework.js';

/** The image to deploy and the command it starts with, or why the request cannot be met. */
export type ImageChoice =
  | { ok: true; imageUri: string; framework?: Framework; command?: string; note?: string }
  | { ok: false; reason: string };

const labelOf = (image: Image, key: string): string | undefined =>
  image.Labels?.find((l) => l.Key === key)?.Value;

/** Images of one framework, newest first; GPU builds before other chips for GPU frameworks. */
function rankFrameworkImages(images: readonly Image[], framework: Framework): Image[] {
  const chipRank = (i: Image): number =>
    (labelOf(i, 'system.chipType') ?? 'GPU') === 'GPU' ? 0 : 1;
  return images
    .filter(
      (i) =>
        detectFramework(i.ImageUri) === framework ||
        labelOf(i, frameworkLabel(framework)) !== undefined,
    )
    .sort((a, b) => chipRank(a) - chipRank(b) || b.GmtCreateTime.localeCompare(a.GmtCreateTime));
}

/** Matches the request (URI or framework name) against the official images and picks the start command. */
export function selectImage(
  requested: string,
  images: readonly Image[],
  options: { region: string; port: number; mountPath: string; command?: string },
): ImageChoice {
  const byName = readFrameworkName(requested);
  const image = byName
    ? rankFrameworkImages(images, byName)[0]
    : images.find((i) => i.ImageUri === requested.trim());
  if (!image) {
    const what = byName
      ? `no official ${byName} image`
      : `the image ${requested} is not an official EAS image`;
    return {
      ok: false,
      reason: `In ${options.region} ${what}. Pick an image from the list, or a framework name such as vllm.`,
    };
  }
  const framework = byName ?? detectFramework(image.ImageUri);
  const script = labelOf(image, 'system.eas.default.script');
  const template =
    options.command ?? script ?? (framework ? FRAMEWORKS[framework].command : undefined);
  const command = template ? fillCommand(template, options.port, options.mountPath) : undefined;
  return {
    ok: true,
    imageUri: image.ImageUri,
    ...(framework ? { framework } : {}),
    ...(command ? { command } : {}),
    ...(byName
      ? { note: `${byName} resolved to the newest official image ${image.ImageUri}.` }
      : {}),
  };
}
