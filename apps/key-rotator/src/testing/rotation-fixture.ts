import { type AccountSpecificStreamAnalyticsJob, FixedClock, type IomtConnector, type IomtConnectorOperationDocument } from '@iomt/domain';
import { connectorKeyTargets, type ConnectorKeyTargets } from '../rotation/connector-key-targets';
import { RotateConnectorKeysUseCase } from '../rotation/rotate-connector-keys.use-case';
import { FakeAzure } from './fake-azure';
import { InMemoryStore } from './in-memory-store';
import { NOW, sampleConnector, sampleRotation, sampleSecret, SUBSCRIPTION_ID } from './samples';

const DAY = 24 * 3600_000;

/** A connector mid-life (its job running on the active slot's key), a due secret and a Requested rotation. */
export class RotationFixture {
  readonly store = new InMemoryStore();
  readonly azure = new FakeAzure();
  readonly clock = new FixedClock(new Date(NOW.getTime() + 60_000));
  readonly connector: IomtConnector;
  readonly targets: ConnectorKeyTargets;
  secret: AccountSpecificStreamAnalyticsJob;
  operation: IomtConnectorOperationDocument;

  constructor(secretChanges: Partial<AccountSpecificStreamAnalyticsJob> = {}) {
    this.connector = this.store.put(sampleConnector());
    this.targets = connectorKeyTargets(this.connector);
    this.secret = this.store.put(sampleSecret(this.connector, new Date(NOW.getTime() - 40 * DAY), secretChanges));
    this.operation = this.store.put(sampleRotation(this.connector));
    const slot = this.secret.isUsingPrimaryKey ? 'primary' : 'secondary';
    this.azure.inputKey = this.azure.keysOf(this.targets.readerPolicy)[slot];
    this.azure.secrets.set('blob-storage-cs', `AccountKey=${this.azure.keysOf(this.targets.storageAccount)[slot]}`);
  }

  useCase(registry = this.store.registry()): RotateConnectorKeysUseCase {
    return new RotateConnectorKeysUseCase(this.store, registry, { keys: this.azure, jobs: this.azure, secrets: this.azure }, this.clock, 'NormalizedData');
  }

  command() {
    return {
      operationId: this.operation.id,
      subscriptionId: SUBSCRIPTION_ID,
      resourceId: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-Customer/providers/Microsoft.HealthcareApis/services/fhirservicename/iomtconnectors/Connector1`,
      attempt: 1,
    };
  }

  /** The stored secret metadata now. */
  storedSecret(): AccountSpecificStreamAnalyticsJob {
    return this.store.documents.get(`${SUBSCRIPTION_ID}/${this.secret.id}`) as AccountSpecificStreamAnalyticsJob;
  }

  /** Every key value the fakes ever handed out, to prove none leaks into an error. */
  allKeys(): string[] {
    const { readerPolicy, storageAccount } = this.targets;
    return [readerPolicy, storageAccount].flatMap((t) => Object.values(this.azure.keysOf(t)));
  }
}
