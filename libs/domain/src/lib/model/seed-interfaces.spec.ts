import { IChildResource } from './common/child-resource';
import { IInfrastructureEntity, IInfrastructureResource } from './common/infrastructure';
import { IomtConnector, iomtConnectorCodec } from './resources/iomt-connector';
import { AccountSpecificStreamAnalyticsJob } from './secrets/account-specific-stream-analytics-job';
import { connectorDocument } from './test-support/document-samples';

/** Compile-time proof that the entities implement the seed's interfaces (typecheck fails otherwise). */
type Implements<T, I> = T extends I ? true : false;
const checks: ReadonlyArray<true> = [
  true as Implements<IomtConnector, IChildResource & IInfrastructureEntity>,
  true as Implements<AccountSpecificStreamAnalyticsJob, IChildResource>,
  true as Implements<IomtConnector['eventHub'], IInfrastructureResource>,
  true as Implements<IomtConnector['streamAnalytics'], IInfrastructureResource>,
  true as Implements<IomtConnector['storage'], IInfrastructureResource>,
  true as Implements<IomtConnector['function'], IInfrastructureResource>,
  true as Implements<IomtConnector['keyVault'], IInfrastructureResource>,
];

describe("seed 004 interfaces", () => {
  it('are implemented by the entities', () => {
    expect(checks.every(Boolean)).toBe(true);
    const connector: IomtConnector = iomtConnectorCodec.fromDocument(connectorDocument());
    const child: IChildResource & IInfrastructureEntity = connector;
    const resources: IInfrastructureResource[] = [connector.eventHub, connector.streamAnalytics, connector.storage];
    expect(resources.map((r) => r.infrastructureResourceType)).toEqual([
      'Microsoft.EventHub/namespaces',
      'Microsoft.StreamAnalytics/streamingjobs',
      'Microsoft.Storage/storageAccounts',
    ]);
    expect(child.parentType).toBe('account');
  });
});
