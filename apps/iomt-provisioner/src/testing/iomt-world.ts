import { FixedClock, FhirServiceAccount, IomtConnector } from '@iomt/domain';
import type { IomtTemplates } from '../shared/iomt-templates.port';
import { InMemoryClusters, InMemoryMappingStore, InMemoryOperations, RecordingDeployer, RecordingPolicyRemover } from './in-memory-ports';
import { InMemoryRegistry } from './in-memory-registry';
import { NOW, sampleAccount, sampleConnector, sampleRegion } from './samples';

/** Templates whose content only identifies them: the fakes deploy nothing. */
export const FAKE_TEMPLATES: IomtTemplates = {
  connector: { $schema: 'connector-template' },
  deviceWritePolicy: { $schema: 'device-write-policy-template' },
};

/** Every port of the iomt-provisioner in memory, seeded with westus2, a FHIR service and a connector. */
export class IomtWorld {
  readonly operations = new InMemoryOperations();
  readonly registry = new InMemoryRegistry();
  readonly clusters = new InMemoryClusters();
  readonly deployer = new RecordingDeployer();
  readonly mappings = new InMemoryMappingStore();
  readonly policies = new RecordingPolicyRemover();
  readonly clock = new FixedClock(NOW);
  readonly account: FhirServiceAccount;
  connector: IomtConnector;

  constructor(options: { mappings?: boolean } = {}) {
    this.account = this.registry.seed(sampleAccount());
    this.connector = this.registry.seed(sampleConnector(this.account, 'conn1', options.mappings ?? true));
    void this.clusters.upsert(sampleRegion());
  }

  /** The connector as stored now. */
  storedConnector(): IomtConnector {
    return this.registry.stored<IomtConnector>(this.connector.id) as IomtConnector;
  }
}
