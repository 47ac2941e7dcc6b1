import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config.js';

describe('.env.example', () => {
  const example = readFileSync('.env.example', 'utf8');
  const listed = new Set(
    [...example.matchAll(/^#?\s?([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]),
  );

  it('lists every variable of src/config.ts', () => {
    for (const name of Object.keys(ConfigSchema.shape)) expect(listed).toContain(name);
  });

  it('lists the credentials the CLI child receives and the simulator settings', () => {
    for (const name of [
      'ALIBABA_CLOUD_ACCESS_KEY_ID',
      'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
      'ALIBABA_CLOUD_SECURITY_TOKEN',
      'ALIBABA_CLOUD_REGION_ID',
      'ALIYUN_SIM_STATE',
      'ALIYUN_SIM_WORLD',
    ]) {
      expect(listed).toContain(name);
    }
  });

  it('describes each variable with a comment on the line above', () => {
    const lines = example.split('\n');
    lines.forEach((line, index) => {
      if (/^#?\s?[A-Z][A-Z0-9_]+=/.test(line)) {
        const above = lines[index - 1] ?? '';
        expect(above.startsWith('# ') && !/^#\s?[A-Z][A-Z0-9_]+=/.test(above), line).toBe(true);
      }
    });
  });
});
