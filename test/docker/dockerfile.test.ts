import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config.js';

const dockerfile = readFileSync('Dockerfile', 'utf8');
const stages = dockerfile.split(/^FROM /m).slice(1);
const runtime = stages.at(-1) ?? '';

describe('Dockerfile', () => {
  it('builds in stages from node:20-slim', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    for (const stage of stages) expect(stage.startsWith('node:20-slim AS ')).toBe(true);
  });

  it('installs all dependencies and builds in the build stage, production ones at runtime', () => {
    const build = stages.find((stage) => stage.startsWith('node:20-slim AS build')) ?? '';
    expect(build).toMatch(/RUN npm ci\b/);
    expect(build).toContain('RUN npm run build');
    expect(runtime).toContain('npm ci --omit=dev');
    expect(runtime).toContain('COPY --from=build /app/dist ./dist');
  });

  it('installs a pinned aliyun CLI whose sha256 is verified before use', () => {
    expect(dockerfile).toMatch(/^ARG ALIYUN_CLI_VERSION=\d+\.\d+\.\d+$/m);
    expect(dockerfile).toMatch(/^ARG ALIYUN_CLI_SHA256=[0-9a-f]{64}$/m);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Dockerfile ARG syntax, not a JS template
    expect(dockerfile).toContain('aliyun-cli-linux-${ALIYUN_CLI_VERSION}-amd64.tgz');
    const verify = dockerfile.indexOf('sha256sum -c');
    expect(verify).toBeGreaterThan(0);
    expect(verify).toBeLessThan(dockerfile.indexOf('tar -xzf'));
  });

  it('installs the eas and aiworkspace plugins at pinned versions and checks they are there', () => {
    expect(dockerfile).toMatch(/plugin install --names aliyun-cli-eas --version "\$\{EAS_PLUGIN/);
    expect(dockerfile).toMatch(/plugin install --names aliyun-cli-aiworkspace --version/);
    expect(dockerfile).toContain('grep -q aliyun-cli-eas');
    expect(dockerfile).toContain('grep -q aliyun-cli-aiworkspace');
  });

  it('runs as a non-root user with the CLI and its plugins in that user’s home', () => {
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toContain('COPY --from=aliyun-cli --chown=node:node /opt/aliyun-home/.aliyun');
    expect(runtime).toContain('HOME=/home/node');
  });

  it('exposes the default PORT of src/config.ts and checks /healthz', () => {
    const port = ConfigSchema.shape.PORT.parse(undefined);
    expect(runtime).toContain(`EXPOSE ${port}`);
    expect(runtime).toContain(`PORT=${port}`);
    expect(runtime).toMatch(/HEALTHCHECK .*\n\s+CMD \["node", "docker\/healthcheck.mjs"\]/);
    expect(readFileSync('docker/healthcheck.mjs', 'utf8')).toContain('/healthz');
  });

  it('uses one entrypoint for every role, all by default', () => {
    expect(runtime).toContain('ENTRYPOINT ["/app/docker/entrypoint.sh"]');
    expect(runtime).toContain('CMD ["all"]');
  });
});

describe('.dockerignore', () => {
  const ignored = readFileSync('.dockerignore', 'utf8').split('\n');

  it('keeps secrets, dependencies and build output out of the build context', () => {
    for (const entry of ['.env', '.git', 'node_modules', 'dist', '.sim-state*']) {
      expect(ignored).toContain(entry);
    }
  });
});

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
