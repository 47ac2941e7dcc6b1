import { z } from 'zod';
import { type CallDeps, callCli } from '../aliyun/call-cli.js';
import { type CallTarget, describeServiceArgs } from '../aliyun/commands.js';
import { Service } from '../aliyun/schemas.js';
import { isOurService } from './check-service-name.js';
import type { DeploySpec } from './deploy-spec.js';
import { finishDeployment } from './finish-deployment.js';
import { detectFramework } from './framework.js';
import type { Journal } from './journal.js';
import type { DeploymentResult } from './outcome.js';
import type { StepTracker } from './step-tracker.js';

const Notes = z.array(z.string());

/** The notes saved as JSON in the journal's facts; anything unreadable counts as none. */
function readNotes(raw: unknown): string[] {
  if (typeof raw !== 'string') return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  const parsed = Notes.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/**
 * A job re-run after create was attempted: describe first. Our service (request-id label) → go on
 * to endpoints and the summary; someone else's → the duplicate stop; absent → undefined (run again).
 */
export async function resumeDeployment(
  deps: CallDeps,
  t: CallTarget,
  spec: DeploySpec,
  journal: Journal,
  tracker: StepTracker,
  deploymentId: string,
): Promise<{ result: DeploymentResult; accessToken?: string } | undefined> {
  const name = journal.resolvedServiceName ?? spec.serviceName;
  const answer = await callCli(deps, describeServiceArgs(t, name), Service);
  if (!answer.ok) return undefined;
  if (!isOurService(answer.data, deploymentId)) {
    const reason = `A service named ${name} already exists in ${t.region}. eas-deploy never reuses or replaces a service: pick another name.`;
    await tracker.finish('name', { status: 'blocked', reason });
    return { result: { result: 'blocked', step: 'name', reason } };
  }
  await tracker.finish('create', {
    status: 'passed',
    detail: 'Created earlier by this deployment (resumed)',
  });
  const image = typeof journal.facts.imageUri === 'string' ? journal.facts.imageUri : spec.image;
  const framework = detectFramework(image);
  const workspaceId = journal.facts.workspaceId;
  return finishDeployment(
    deps,
    t,
    spec,
    {
      name,
      serviceId: answer.data.ServiceId ?? journal.serviceId ?? '',
      ...(typeof workspaceId === 'string' ? { workspaceId } : {}),
      ...(framework ? { framework } : {}),
      service: answer.data,
      notes: readNotes(journal.facts.notes),
    },
    tracker,
  );
}
