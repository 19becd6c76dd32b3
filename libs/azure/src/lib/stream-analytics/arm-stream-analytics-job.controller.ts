import type { Input } from '@azure/arm-streamanalytics';
import {
  assertResourceGroupName,
  type CallOptions,
  type EventHubInputCredentials,
  type InputTestResult,
  type StreamAnalyticsJobController,
  type StreamAnalyticsJobRef,
} from '@iomt/domain';
import type { ArmClients } from '../client/arm-clients';
import { mapArmError, withArmErrors } from '../errors/arm-error.mapper';
import { boundedMessage } from '../errors/arm-errors';

/** The `ResourceTestStatus.status` of a passed input test. */
const TEST_SUCCEEDED = 'TestSucceeded';

/**
 * Drives a Stream Analytics job through a key change with `@azure/arm-streamanalytics`: stop,
 * update the Event Hub input (PATCH), test it, start from the last output. Each call waits for
 * its long-running operation to end.
 */
export class ArmStreamAnalyticsJobController implements StreamAnalyticsJobController {
  constructor(private readonly clients: ArmClients) {}

  async stop(job: StreamAnalyticsJobRef, options: CallOptions = {}): Promise<void> {
    await this.run(job, 'stop', options, (client, rg) =>
      client.streamingJobs.beginStopAndWait(rg, job.jobName, this.clients.lroOptions(options.signal)),
    );
  }

  async startFromLastOutput(job: StreamAnalyticsJobRef, options: CallOptions = {}): Promise<void> {
    await this.run(job, 'start', options, (client, rg) =>
      client.streamingJobs.beginStartAndWait(rg, job.jobName, {
        ...this.clients.lroOptions(options.signal),
        // Resume where the job stopped, so no event that arrived meanwhile is lost (iomt.md §3).
        startJobParameters: { outputStartMode: 'LastOutputEventTime' },
      }),
    );
  }

  async updateInputKey(
    job: StreamAnalyticsJobRef,
    input: EventHubInputCredentials,
    options: CallOptions = {},
  ): Promise<void> {
    const patch: Input = {
      properties: {
        type: 'Stream',
        datasource: {
          type: 'Microsoft.ServiceBus/EventHub',
          serviceBusNamespace: input.serviceBusNamespace,
          eventHubName: input.eventHubName,
          sharedAccessPolicyName: input.sharedAccessPolicyName,
          sharedAccessPolicyKey: input.sharedAccessPolicyKey,
          authenticationMode: 'ConnectionString',
        },
      },
    };
    await this.run(job, `update the input '${input.inputName}' of`, options, (client, rg) =>
      client.inputs.update(rg, job.jobName, input.inputName, patch, { abortSignal: options.signal }),
    );
  }

  async testInput(job: StreamAnalyticsJobRef, inputName: string, options: CallOptions = {}): Promise<InputTestResult> {
    const status = await this.run(job, `test the input '${inputName}' of`, options, (client, rg) =>
      client.inputs.beginTestAndWait(rg, job.jobName, inputName, this.clients.lroOptions(options.signal)),
    );
    if (status.status === TEST_SUCCEEDED) return { succeeded: true };
    const message = boundedMessage(
      status.error?.message ?? `The input test ended with status '${status.status ?? 'none'}'.`,
    );
    return { succeeded: false, error: { ...(status.error?.code ? { code: status.error.code } : {}), message } };
  }

  private run<T>(
    job: StreamAnalyticsJobRef,
    verb: string,
    options: CallOptions,
    call: (client: ReturnType<ArmClients['streamAnalytics']>, resourceGroupName: string) => Promise<T>,
  ): Promise<T> {
    assertResourceGroupName(job.resourceGroupName);
    return withArmErrors(
      () => call(this.clients.streamAnalytics(job.subscriptionId), job.resourceGroupName),
      (error) => mapArmError(error, `${verb} the Stream Analytics job '${job.jobName}'`),
      options.signal,
    );
  }
}
