import { describe, expect, it } from 'vitest';
import { LifecycleService } from '../../src/aliyun/lifecycle-schemas.js';
import { type ActionState, decideAction } from '../../src/lifecycle/decide-action.js';

/** A service as DescribeService answers it (parsed as the bot parses it). */
const service = (overrides: Record<string, unknown> = {}): LifecycleService =>
  LifecycleService.parse({
    ServiceName: 'qwen_demo',
    Status: 'Running',
    TotalInstance: 1,
    CurrentVersion: 2,
    UpdateTime: '2026-05-01T09:00:00Z',
    ...overrides,
  });
const state = (overrides: Partial<ActionState>): ActionState => ({
  action: 'stop',
  target: {},
  service: service(),
  ...overrides,
});
const ATTEMPT = Date.parse('2026-05-01T10:00:00Z');

describe('acting only when the service is not already there', () => {
  it.each([
    ['stop', 'Running', 'act'],
    ['stop', 'Stopping', 'done'],
    ['stop', 'Stopped', 'done'],
    ['start', 'Stopped', 'act'],
    ['start', 'Failed', 'act'],
    ['start', 'Running', 'done'],
    ['start', 'Stopping', 'blocked'],
    ['restart', 'Running', 'act'],
    ['restart', 'Stopped', 'blocked'],
    ['delete', 'Running', 'act'],
    ['delete', 'Deleting', 'done'],
    ['stop', 'Deleting', 'blocked'],
  ] as const)('%s a %s service: %s', (action, Status, kind) => {
    expect(decideAction(state({ action, service: service({ Status }) })).kind).toBe(kind);
  });

  it('scales to a count once, and not a stopped service', () => {
    expect(decideAction(state({ action: 'scale', target: { replicas: 3 } })).kind).toBe('act');
    expect(decideAction(state({ action: 'scale', target: { replicas: 1 } })).kind).toBe('done');
    const stopped = service({ Status: 'Stopped' });
    expect(
      decideAction(state({ action: 'scale', target: { replicas: 3 }, service: stopped })).kind,
    ).toBe('blocked');
  });

  it('rolls back once: done when the current version is the target', () => {
    expect(decideAction(state({ action: 'rollback', target: { version: 1 } })).kind).toBe('act');
    expect(decideAction(state({ action: 'rollback', target: { version: 2 } })).kind).toBe('done');
  });

  it('extends once: done when the label already says the new expiry', () => {
    const target = { expiresAt: '2026-05-02T10:00:00Z' };
    expect(
      decideAction(state({ action: 'extend', target, expiresAtLabel: '2026-05-01T10:00:00Z' }))
        .kind,
    ).toBe('act');
    expect(
      decideAction(state({ action: 'extend', target, expiresAtLabel: target.expiresAt })).kind,
    ).toBe('done');
  });

  it('counts a restart as done once the service changed after it was attempted', () => {
    const attempted = { action: 'restart' as const, attemptedAt: ATTEMPT };
    expect(
      decideAction(
        state({ ...attempted, service: service({ UpdateTime: '2026-05-01T10:00:01Z' }) }),
      ).kind,
    ).toBe('done');
    expect(
      decideAction(state({ ...attempted, service: service({ Status: 'Starting' }) })).kind,
    ).toBe('done');
    // Attempted, but the call never reached the cloud (the worker died just before it).
    expect(decideAction(state({ ...attempted })).kind).toBe('act');
  });

  it('counts a missing service as deleted only after the delete was attempted', () => {
    expect(
      decideAction(state({ action: 'delete', service: undefined, attemptedAt: ATTEMPT })).kind,
    ).toBe('done');
    expect(decideAction(state({ action: 'delete', service: undefined })).kind).toBe('blocked');
    expect(decideAction(state({ action: 'stop', service: undefined })).kind).toBe('blocked');
  });
});
