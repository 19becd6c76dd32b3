import {
  type AccessKeys,
  ConflictError,
  type EventHubInputCredentials,
  type InputTestResult,
  type KeyManager,
  type KeySlot,
  type KeyTarget,
  type KeyVaultSecretRef,
  type KeyVaultSecretVersion,
  type KeyVaultSecretWriter,
  type StreamAnalyticsJobController,
  type StreamAnalyticsJobRef,
  TransientError,
} from '@iomt/domain';

/** The steps the fakes log, in call order. */
export type FakeStep = 'listKeys' | 'regenerateKey' | 'setSecret' | 'stop' | 'updateInputKey' | 'testInput' | 'start';

/** One logged call: the step and what it concerned (a slot, a target), never a key. */
export interface FakeCall {
  readonly step: FakeStep;
  readonly detail: string;
}

function targetKey(target: KeyTarget): string {
  return target.kind === 'storageAccount' ? `storage:${target.accountName}` : `eventHub:${target.namespaceName}/${target.eventHubName ?? ''}/${target.ruleName}`;
}

/**
 * In-memory Azure for unit tests: Event Hubs and storage keys, one Stream Analytics job with one
 * input, and Key Vault secrets, behind the domain ports. Its rules mirror Azure's that matter to
 * a rotation: an input changes only while the job is stopped, and its test passes only with a
 * current key of its policy. `failAt` makes the n-th call of a step throw.
 */
export class FakeAzure implements KeyManager, StreamAnalyticsJobController, KeyVaultSecretWriter {
  readonly calls: FakeCall[] = [];
  readonly secrets = new Map<string, string>();
  jobRunning = true;
  inputKey: string | undefined;
  private readonly keys = new Map<string, { primary: string; secondary: string }>();
  private generation = 0;
  private readonly failures = new Map<FakeStep, number>();
  private readonly counts = new Map<FakeStep, number>();
  /** When true, the input test reports failure whatever the key (Azure refusing a fresh key for a while). */
  inputTestRefuses = false;

  /** Makes the `occurrence`-th call (1-based, counted from now) of `step` throw a TransientError. */
  failAt(step: FakeStep, occurrence = 1): void {
    this.failures.set(step, (this.counts.get(step) ?? 0) + occurrence);
  }

  /** The current keys of a target (made on first use, like the fake ARM). */
  keysOf(target: KeyTarget): { primary: string; secondary: string } {
    const id = targetKey(target);
    let keys = this.keys.get(id);
    if (keys === undefined) {
      keys = { primary: this.newKey(id), secondary: this.newKey(id) };
      this.keys.set(id, keys);
    }
    return keys;
  }

  /** The step names in call order. */
  steps(): FakeStep[] {
    return this.calls.map((call) => call.step);
  }

  async listKeys(target: KeyTarget): Promise<AccessKeys> {
    this.enter('listKeys', targetKey(target));
    return this.accessKeys(target);
  }

  async regenerateKey(target: KeyTarget, slot: KeySlot): Promise<AccessKeys> {
    this.enter('regenerateKey', `${targetKey(target)} ${slot}`);
    this.keysOf(target)[slot] = this.newKey(targetKey(target));
    return this.accessKeys(target);
  }

  async setSecret(secret: KeyVaultSecretRef, value: string): Promise<KeyVaultSecretVersion> {
    this.enter('setSecret', `${secret.vaultName}/${secret.secretName}`);
    this.secrets.set(secret.secretName, value);
    return { secretUri: `https://${secret.vaultName}.vault.azure.net/secrets/${secret.secretName}` };
  }

  async stop(job: StreamAnalyticsJobRef): Promise<void> {
    this.enter('stop', job.jobName);
    this.jobRunning = false;
  }

  async startFromLastOutput(job: StreamAnalyticsJobRef): Promise<void> {
    this.enter('start', job.jobName);
    this.jobRunning = true;
  }

  async updateInputKey(job: StreamAnalyticsJobRef, input: EventHubInputCredentials): Promise<void> {
    this.enter('updateInputKey', `${job.jobName}/${input.inputName}`);
    if (this.jobRunning) throw new ConflictError('The job must be stopped to change an input');
    this.inputKey = input.sharedAccessPolicyKey;
  }

  async testInput(job: StreamAnalyticsJobRef, inputName: string): Promise<InputTestResult> {
    this.enter('testInput', `${job.jobName}/${inputName}`);
    const current = [...this.keys.entries()].filter(([id]) => id.startsWith('eventHub:')).flatMap(([, k]) => [k.primary, k.secondary]);
    const works = !this.inputTestRefuses && this.inputKey !== undefined && current.includes(this.inputKey);
    return works ? { succeeded: true } : { succeeded: false, error: { code: 'BadRequest', message: 'The key was rejected' } };
  }

  private accessKeys(target: KeyTarget): AccessKeys {
    const { primary, secondary } = this.keysOf(target);
    const cs = (key: string) => `AccountKey=${key}`;
    return { keyName: targetKey(target), primaryKey: primary, secondaryKey: secondary, primaryConnectionString: cs(primary), secondaryConnectionString: cs(secondary) };
  }

  private newKey(id: string): string {
    this.generation += 1;
    return `secret-${id}-${this.generation}`;
  }

  private enter(step: FakeStep, detail: string): void {
    this.calls.push({ step, detail });
    const count = (this.counts.get(step) ?? 0) + 1;
    this.counts.set(step, count);
    if (this.failures.get(step) === count) throw new TransientError(`Injected failure of ${step}`);
  }
}
