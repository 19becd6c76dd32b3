import { z } from 'zod';
import { ArmError, resourceNotFound } from './arm-error';
import type { ArmResourceRecord, ArmState, ResourceBehaviour } from './arm-state';
import { parseBody } from './body-schema';
import type { ArmResponse } from './http-io';
import { isJsonObject, mergePatch } from './json-merge';
import type { LongRunningOperations } from './long-running';
import { resourceGroupId } from './resource-id';
import { resourceView } from './resource-view';
import type { ArmRequest, ArmRoute } from './router';
import { testInput } from './stream-analytics-input-test';

const JOB_TYPE = 'Microsoft.StreamAnalytics/streamingjobs';
const JOB =
  '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/providers/Microsoft.StreamAnalytics/streamingjobs/{jobName}';
const INPUT = `${JOB}/inputs/{inputName}`;
/** Inline children of a job definition that ASA keeps as child resources. */
const INLINE_CHILDREN = ['inputs', 'outputs', 'functions'] as const;

const startBody = z
  .object({
    outputStartMode: z.enum(['JobStartTime', 'CustomTime', 'LastOutputEventTime']).optional(),
    outputStartTime: z.string().optional(),
  })
  .refine((b) => b.outputStartMode !== 'CustomTime' || b.outputStartTime, {
    message: 'outputStartTime is required when outputStartMode is CustomTime',
  });
const inputPatch = z.object({ properties: z.record(z.string(), z.unknown()) });

/** Jobs keep their run state and split inline inputs/outputs; inputs refuse changes while the job runs. */
export function streamAnalyticsBehaviours(): ResourceBehaviour[] {
  return [
    {
      type: JOB_TYPE,
      beforeWrite: (incoming, existing) => {
        refuseWhileRunning(existing);
        incoming.properties.jobState = existing?.properties.jobState ?? 'Created';
      },
      afterWrite: (job, state) => splitInlineChildren(job, state),
    },
    ...INLINE_CHILDREN.map((child) => ({
      type: `${JOB_TYPE}/${child}`,
      beforeWrite: (incoming: { id: string }, _existing: unknown, state: ArmState) =>
        refuseWhileRunning(state.resource(incoming.id.slice(0, incoming.id.toLowerCase().lastIndexOf(`/${child}/`)))),
    })),
  ];
}

/** start, stop (long-running), input PATCH and input test (long-running). */
export function streamAnalyticsRoutes(state: ArmState, lro: LongRunningOperations): ArmRoute[] {
  return [
    { method: 'POST', template: `${JOB}/start`, handle: (r) => startJob(state, lro, r) },
    { method: 'POST', template: `${JOB}/stop`, handle: (r) => stopJob(state, lro, r) },
    { method: 'PATCH', template: INPUT, handle: (r) => patchInput(state, r) },
    { method: 'POST', template: `${INPUT}/test`, handle: (r) => beginInputTest(state, lro, r) },
  ];
}

function startJob(state: ArmState, lro: LongRunningOperations, request: ArmRequest): ArmResponse {
  const job = requireJob(state, request);
  const body = parseBody(startBody, request.body ?? {}, 'start job request');
  job.properties.jobState = 'Starting';
  return accepted(lro, request, () => {
    job.properties.jobState = 'Running';
    job.properties.outputStartMode = body.outputStartMode ?? 'JobStartTime';
    if (body.outputStartTime) job.properties.outputStartTime = body.outputStartTime;
    return { status: 200 };
  });
}

function stopJob(state: ArmState, lro: LongRunningOperations, request: ArmRequest): ArmResponse {
  const job = requireJob(state, request);
  job.properties.jobState = 'Stopping';
  return accepted(lro, request, () => {
    job.properties.jobState = 'Stopped';
    return { status: 200 };
  });
}

function patchInput(state: ArmState, request: ArmRequest): ArmResponse {
  const input = requireInput(state, request);
  const patch = parseBody(inputPatch, request.body, 'input patch');
  const { record } = state.write({
    ...resourceView(input),
    properties: mergePatch(input.properties, patch.properties),
  });
  return { status: 200, body: resourceView(record) };
}

function beginInputTest(state: ArmState, lro: LongRunningOperations, request: ArmRequest): ArmResponse {
  const job = requireJob(state, request);
  const stored = state.resource(`${job.id}/inputs/${request.params.inputName}`);
  const supplied =
    isJsonObject(request.body) && isJsonObject(request.body.properties) ? request.body.properties : undefined;
  if (!stored && !supplied)
    throw resourceNotFound(`${JOB_TYPE}/inputs`, `${job.id}/inputs/${request.params.inputName}`);
  const properties = mergePatch(stored?.properties ?? {}, supplied ?? {});
  return accepted(lro, request, () => ({ status: 200, body: testInput(state, properties) }));
}

/** 202 + Location; the operation's final answer is `result`. */
function accepted(lro: LongRunningOperations, request: ArmRequest, result: () => ArmResponse): ArmResponse {
  const subscriptionId = request.params.subscriptionId;
  const id = lro.begin(subscriptionId, () => ({ status: 'Succeeded', result: result() }));
  return { status: 202, headers: lro.headersFor(request, subscriptionId, id, 'location') };
}

function splitInlineChildren(job: ArmResourceRecord, state: ArmState): void {
  for (const child of INLINE_CHILDREN) {
    const inline = job.properties[child];
    if (!Array.isArray(inline)) continue;
    delete job.properties[child];
    for (const entry of inline) {
      if (!isJsonObject(entry) || typeof entry.name !== 'string') {
        throw new ArmError(
          400,
          'InvalidRequestContent',
          `Each of properties.${child} needs a name, got ${JSON.stringify(entry)}.`,
        );
      }
      const properties = isJsonObject(entry.properties) ? entry.properties : {};
      state.write({ id: `${job.id}/${child}/${entry.name}`, properties });
    }
  }
}

function refuseWhileRunning(job: ArmResourceRecord | undefined): void {
  const jobState = job?.properties.jobState;
  if (jobState === 'Running' || jobState === 'Starting') {
    throw new ArmError(
      409,
      'Conflict',
      `The streaming job '${job?.name}' is ${String(jobState).toLowerCase()}: stop the job before changing it or its inputs, outputs or functions.`,
    );
  }
}

function requireJob(state: ArmState, request: ArmRequest): ArmResourceRecord {
  const { subscriptionId, resourceGroupName, jobName } = request.params;
  return state.requireResource(
    `${resourceGroupId(subscriptionId, resourceGroupName)}/providers/${JOB_TYPE}/${jobName}`,
  );
}

function requireInput(state: ArmState, request: ArmRequest): ArmResourceRecord {
  return state.requireResource(`${requireJob(state, request).id}/inputs/${request.params.inputName}`);
}
