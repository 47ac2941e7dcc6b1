import { describe, expect, it } from 'vitest';
import { createCliCatalog } from '../../src/runtime/cli-catalog.js';
import { createScriptedCli, failWith, fixture } from '../support/scripted-cli.js';

const LIST_IMAGES = ['aiworkspace', 'list-images'];
const official = { stdout: fixture('list-images.official.json') };
const oneImage = {
  stdout: {
    TotalCount: 1,
    Images: [{ ImageUri: 'registry/pai-eas/sglang:0.5', Name: 'sglang', Labels: [] }],
  },
};
const broken = failWith('ERROR: SDK.ServerError\nStatusCode: 500\nMessage: busy');

describe('the modal catalog', () => {
  it("asks the CLI once for a region's images however many people search at once", async () => {
    const cli = createScriptedCli([{ prefix: LIST_IMAGES, replies: [official] }]);
    const catalog = createCliCatalog(cli);
    const answers = await Promise.all([1, 2, 3].map(() => catalog.listImages('cn-hangzhou')));
    expect(answers[0]).toHaveLength(6);
    expect(answers[2]).toEqual(answers[0]);
    expect(cli.callsOf(...LIST_IMAGES)).toHaveLength(1);
  });

  it('reads a region once the form opens, so the first search waits on that read, not a new one', async () => {
    const cli = createScriptedCli([
      { prefix: LIST_IMAGES, replies: [official] },
      {
        prefix: ['eas', 'describe-machine-spec'],
        replies: [{ stdout: fixture('describe-machine-spec.hangzhou.json') }],
      },
    ]);
    const catalog = createCliCatalog(cli);
    catalog.warm('cn-hangzhou');
    expect(cli.callsOf(...LIST_IMAGES)).toHaveLength(1);
    expect(await catalog.listImages('cn-hangzhou')).toHaveLength(6);
    expect((await catalog.listInstanceTypes('cn-hangzhou')).length).toBeGreaterThan(0);
    expect(cli.callsOf(...LIST_IMAGES)).toHaveLength(1);
    expect(cli.callsOf('eas', 'describe-machine-spec')).toHaveLength(1);
  });

  it('answers the old list at once once it is stale, reads a fresh one behind it, then answers that', async () => {
    let clock = 1_000;
    const cli = createScriptedCli([{ prefix: LIST_IMAGES, replies: [official, oneImage] }]);
    const catalog = createCliCatalog(cli, { ttlMs: 60_000, now: () => clock });
    await catalog.listImages('cn-hangzhou');
    clock += 60_001;
    expect(await catalog.listImages('cn-hangzhou')).toHaveLength(6);
    await expect.poll(() => cli.callsOf(...LIST_IMAGES).length).toBe(2);
    await expect
      .poll(() => catalog.listImages('cn-hangzhou'))
      .toEqual([{ uri: 'registry/pai-eas/sglang:0.5', label: 'sglang:0.5' }]);
  });

  it('keeps the old list when a refresh fails, and says so', async () => {
    let clock = 1_000;
    const heard: unknown[] = [];
    const cli = createScriptedCli([{ prefix: LIST_IMAGES, replies: [official, broken] }]);
    const catalog = createCliCatalog(cli, {
      ttlMs: 60_000,
      now: () => clock,
      onStaleRefreshError: (error) => heard.push(error),
    });
    await catalog.listImages('cn-hangzhou');
    clock += 60_001;
    await catalog.listImages('cn-hangzhou');
    await expect.poll(() => heard.length).toBe(1);
    expect(String(heard[0])).toContain('list-images failed in cn-hangzhou: busy');
    expect(await catalog.listImages('cn-hangzhou')).toHaveLength(6);
  });

  it('does not keep a failed first read: the next search asks again', async () => {
    const cli = createScriptedCli([{ prefix: LIST_IMAGES, replies: [broken, official] }]);
    const catalog = createCliCatalog(cli);
    await expect(catalog.listImages('cn-hangzhou')).rejects.toThrow(/list-images failed/);
    expect(await catalog.listImages('cn-hangzhou')).toHaveLength(6);
  });

  it('offers what it already holds without a CLI call: workspaces and an image start command', async () => {
    const cli = createScriptedCli([
      { prefix: LIST_IMAGES, replies: [official] },
      {
        prefix: ['aiworkspace', 'list-workspaces'],
        replies: [{ stdout: fixture('list-workspaces.several-enabled.json') }],
      },
    ]);
    const catalog = createCliCatalog(cli);
    expect(catalog.peekWorkspaces('cn-hangzhou')).toBeUndefined();
    await catalog.listWorkspaces('cn-hangzhou');
    await catalog.listImages('cn-hangzhou');
    const calls = cli.calls.length;
    expect(catalog.peekWorkspaces('cn-hangzhou')?.length).toBeGreaterThan(1);
    const [withCommand] = (await catalog.listImages('cn-hangzhou')).filter((c) => c.command);
    expect(catalog.peekImageCommand('cn-hangzhou', withCommand?.uri ?? '')).toBe(
      withCommand?.command,
    );
    expect(cli.calls).toHaveLength(calls);
  });
});
