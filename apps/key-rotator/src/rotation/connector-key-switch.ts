import { Logger } from '@nestjs/common';
import type { CallOptions, KeyManager, KeySlot, KeyVaultSecretWriter, StreamAnalyticsJobController } from '@iomt/domain';
import type { ConnectorKeyTargets } from './connector-key-targets';
import { InputTestFailedError } from './key-rotation.errors';
import { connectionStringOfSlot, keyOfSlot } from './slot-keys';

/** The ports a key switch drives. */
export interface KeySwitchPorts {
  readonly keys: KeyManager;
  readonly jobs: StreamAnalyticsJobController;
  readonly secrets: KeyVaultSecretWriter;
}

/** What has been changed so far, so a failure undoes exactly that. */
interface Progress {
  secretSwitched: boolean;
  stopRequested: boolean;
  inputSwitched: boolean;
  jobStarted: boolean;
}

/**
 * Moves one connector's consumers from the active key slot to the standby one (iomt.md §3, dual
 * keys): regenerate the standby Event Hubs `reader` key and storage key (never the active ones),
 * point the Key Vault secret `blob-storage-cs` at the new storage key, stop the Stream Analytics
 * job, point its input at the new reader key, test the input, start it from the last output.
 *
 * Any failure puts every switched consumer back on the active slot, which nothing here
 * regenerates, so the job is always left on a working key. Keys are read into local variables
 * only, handed to the port that needs them, and never logged.
 */
export class ConnectorKeySwitch {
  private readonly logger = new Logger(ConnectorKeySwitch.name);
  private readonly progress: Progress = { secretSwitched: false, stopRequested: false, inputSwitched: false, jobStarted: false };

  constructor(
    private readonly ports: KeySwitchPorts,
    private readonly targets: ConnectorKeyTargets,
    private readonly active: KeySlot,
    private readonly options: CallOptions = {},
  ) {}

  /** The slot the consumers move to. */
  get standby(): KeySlot {
    return this.active === 'primary' ? 'secondary' : 'primary';
  }

  /** Switches every consumer to the standby slot; on failure rolls back, then rethrows the failure. */
  async run(): Promise<void> {
    try {
      await this.switchConsumers();
    } catch (error) {
      await this.rollBack();
      throw error;
    }
  }

  private async switchConsumers(): Promise<void> {
    const { keys, jobs, secrets } = this.ports;
    const { readerPolicy, storageAccount, storageSecret, job, input } = this.targets;
    const readerKey = keyOfSlot(await keys.regenerateKey(readerPolicy, this.standby, this.options), this.standby, 'the reader policy');
    const storageKeys = await keys.regenerateKey(storageAccount, this.standby, this.options);
    const storageConnection = connectionStringOfSlot(storageKeys, this.standby, 'the storage account');
    // Marked before each call: a call that fails may still have taken effect.
    this.progress.secretSwitched = true;
    await secrets.setSecret(storageSecret, storageConnection, this.options);
    this.progress.stopRequested = true;
    await jobs.stop(job, this.options);
    this.progress.inputSwitched = true;
    await jobs.updateInputKey(job, { ...input, sharedAccessPolicyKey: readerKey }, this.options);
    await this.testInput();
    this.progress.jobStarted = true;
    await jobs.startFromLastOutput(job, this.options);
  }

  private async testInput(): Promise<void> {
    const { job, input } = this.targets;
    const result = await this.ports.jobs.testInput(job, input.inputName, this.options);
    if (result.succeeded) return;
    const why = result.error === undefined ? '' : `: ${result.error.code ?? 'Error'}: ${result.error.message}`;
    throw new InputTestFailedError(`The input '${input.inputName}' of job '${job.jobName}' failed its connection test with the ${this.standby} key${why}`, {
      target: input.inputName,
    });
  }

  /**
   * Puts every switched consumer back on the active slot. Used by {@link run} on failure, and by
   * the caller when the switch succeeded but recording it did not: the stored slot stays the
   * active one, so the consumers must use it. Each step is attempted even if one fails.
   */
  async rollBack(): Promise<void> {
    const { job } = this.targets;
    const { jobs } = this.ports;
    if (this.progress.jobStarted) await this.attempt('stop the job', () => jobs.stop(job, this.options));
    if (this.progress.inputSwitched) await this.attempt('restore the input key', () => this.restoreInputKey());
    if (this.progress.stopRequested) await this.attempt('start the job', () => jobs.startFromLastOutput(job, this.options));
    if (this.progress.secretSwitched) await this.attempt('restore the storage secret', () => this.restoreStorageSecret());
  }

  private async restoreInputKey(): Promise<void> {
    const { readerPolicy, job, input } = this.targets;
    const activeKey = keyOfSlot(await this.ports.keys.listKeys(readerPolicy, this.options), this.active, 'the reader policy');
    await this.ports.jobs.updateInputKey(job, { ...input, sharedAccessPolicyKey: activeKey }, this.options);
  }

  private async restoreStorageSecret(): Promise<void> {
    const { storageAccount, storageSecret } = this.targets;
    const keys = await this.ports.keys.listKeys(storageAccount, this.options);
    await this.ports.secrets.setSecret(storageSecret, connectionStringOfSlot(keys, this.active, 'the storage account'), this.options);
  }

  private async attempt(step: string, action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      // Only the error's class and code: an adapter's message names resources, never keys, but a
      // foreign error's text is not ours to vouch for.
      const code = (error as { code?: unknown }).code;
      this.logger.error(`Rollback of the key switch of job '${this.targets.job.jobName}' could not ${step}: ${(error as Error).name}${typeof code === 'string' ? ` ${code}` : ''}`);
    }
  }
}
