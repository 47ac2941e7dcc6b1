import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { FIELD } from '../../../../blocks/ids.js';
import { buildNoticeView } from '../../../../blocks/notice-view.js';
import type { DeploySpec } from '../../../deploy/deploy-spec.js';
import { type SubmitAnswer, SubmitError, type SubmitRequest } from '../../../queue/submission.js';
import { redactSecrets } from '../../../redact.js';
import type { ListenerDeps } from '../../listener-deps.js';
import { withinBudget } from '../../within-budget.js';
import { parseSubmission, refuseTakenName } from './parse-submission.js';
import { readPrivateMetadata } from './read-private-metadata.js';
import { readStateValues } from './read-state-values.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/** Deploy pressed: a bad field is shown on its field; a good request is handed to the queue and acked. */
export function submitDeployRequest(deps: ListenerDeps) {
  return async ({ ack, body, view, logger }: Args): Promise<void> => {
    const parsed = parseSubmission(readStateValues(view.state.values));
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    const meta = readPrivateMetadata(view.private_metadata);
    if (!meta)
      return ack(
        notice(
          'Please start again',
          'This form lost track of its channel. Close it and run /eas-deploy again.',
        ),
      );
    if (meta.redeployOf && parsed.spec.serviceName === meta.redeployOf) {
      return ack({
        response_action: 'errors',
        errors: { [FIELD.serviceName]: refuseTakenName(meta.redeployOf) },
      });
    }
    const started = Date.now();
    const fitWarning = await checkFitWithin(deps, parsed.spec, view.id);
    if (fitWarning) {
      return ack({ response_action: 'errors', errors: { [FIELD.instanceType]: fitWarning } });
    }
    const answer = await submitWithin(deps, logger, deps.ackBudgetMs - (Date.now() - started), {
      spec: parsed.spec,
      requester: { userId: body.user.id, ...(body.team?.id ? { teamId: body.team.id } : {}) },
      channelId: meta.channelId,
      viewId: view.id,
    });
    switch (answer.status) {
      case 'queued':
        await ack();
        await deps.audit?.append({
          kind: 'request',
          deploymentId: answer.deploymentId,
          userId: body.user.id,
          channelId: meta.channelId,
          serviceName: parsed.spec.serviceName,
          region: parsed.spec.region,
          instanceType: parsed.spec.instanceType,
          replicas: parsed.spec.replicas,
        });
        return;
      case 'already-queued':
        return ack();
      case 'name-reserved':
        return ack({
          response_action: 'errors',
          errors: {
            [FIELD.serviceName]: refuseTakenName(parsed.spec.serviceName, answer.byUserId),
          },
        });
      case 'unavailable':
        return ack(
          notice(
            'Not queued',
            `Nothing was deployed: ${answer.message} ${answer.advice ?? 'Try again in a minute.'}`,
          ),
        );
    }
  };
}

const notice = (title: string, text: string) => ({
  response_action: 'push' as const,
  view: buildNoticeView(title, text),
});

/** The fit check's share of Slack's 3 s (a cached catalog and, when a warning is due, one Redis write). */
const FIT_BUDGET_MS = 700;

/** The model-fit warning to show once on the instance type, or undefined (fits, unknown, seen, or late). */
function checkFitWithin(
  deps: ListenerDeps,
  spec: DeploySpec,
  viewId: string,
): Promise<string | undefined> {
  const { fit } = deps.ports;
  if (!fit) return Promise.resolve(undefined);
  return withinBudget(
    () => fit.warn({ spec, viewId }),
    FIT_BUDGET_MS,
    () => undefined,
  );
}

/**
 * The submitter's answer, or "unavailable", saying what failed, when it fails or does not answer
 * within Slack's budget (the submitter then undoes what arrives too late).
 */
function submitWithin(
  deps: ListenerDeps,
  logger: Args['logger'],
  budgetMs: number,
  request: SubmitRequest,
): Promise<SubmitAnswer> {
  return withinBudget(
    (abandoned) => deps.ports.submitter.submit(request, abandoned),
    Math.max(500, budgetMs),
    (reason, error) => {
      logger.warn(`deployment of view ${request.viewId} not queued: ${reason}`, error);
      const what =
        error instanceof SubmitError
          ? error.message
          : `failed (${error instanceof Error ? error.message : String(error)})`;
      return {
        status: 'unavailable',
        ...(error instanceof SubmitError ? { advice: error.advice } : {}),
        message:
          reason === 'late'
            ? 'the deploy queue did not answer in time; check the channel before trying again.'
            : redactSecrets(`the deploy queue ${what}.`),
      };
    },
  );
}
