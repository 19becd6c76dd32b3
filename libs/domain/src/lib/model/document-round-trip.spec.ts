import { DocumentCodec } from './common/document-codec';
import { clusterMetadataCodec } from './cluster/cluster-metadata';
import { completedOperationCodec } from './operations/completed-operation';
import { operationCodec } from './operations/operation-codec';
import { fhirServiceAccountCodec } from './resources/fhir-service-account';
import { iomtConnectorCodec } from './resources/iomt-connector';
import { accountSpecificStreamAnalyticsJobCodec } from './secrets/account-specific-stream-analytics-job';
import * as samples from './test-support/document-samples';

describe.each<[string, () => Record<string, unknown>, DocumentCodec<unknown, unknown>]>([
  ['account', samples.accountDocument, fhirServiceAccountCodec],
  ['iomtConnector', samples.connectorDocument, iomtConnectorCodec],
  ['accountSpecificStreamAnalyticsJob', samples.streamAnalyticsJobDocument, accountSpecificStreamAnalyticsJobCodec],
  ['FHIR service operation', samples.fhirAccountOperationDocument, operationCodec],
  ['IoMT connector operation', samples.connectorOperationDocument, operationCodec],
  ['mapping operation', samples.mappingOperationDocument, operationCodec],
  ['connection operation', samples.connectionOperationDocument, operationCodec],
  ['completed operation', samples.completedOperationDocument, completedOperationCodec],
  ['cluster metadata', samples.clusterMetadataDocument, clusterMetadataCodec],
])('%s document', (_name, sample, codec) => {
  it('survives fromDocument → toDocument unchanged, names and values', () => {
    const stored = sample();
    const written = codec.toDocument(codec.fromDocument(stored));
    expect(written).toStrictEqual(stored);
    expect(JSON.parse(JSON.stringify(written))).toStrictEqual(stored);
  });

  it('does not change the document it reads', () => {
    const stored = sample();
    codec.fromDocument(stored);
    expect(stored).toStrictEqual(sample());
  });
});

describe('enum values', () => {
  it('stores ResourceState, OperationType, OperationStatus and FhirVersion as numbers, reading names too', () => {
    const stored = {
      ...samples.fhirAccountOperationDocument(),
      provisioningOperation: 'patch',
      provisioningStatus: 'Completed',
      fhirVersion: 'R4',
    };
    const doc = operationCodec.toDocument(operationCodec.fromDocument(stored)) as Record<string, unknown>;
    expect([doc['provisioningOperation'], doc['provisioningStatus'], doc['fhirVersion']]).toEqual([2, 3, 1]);
    const connector = iomtConnectorCodec.toDocument(
      iomtConnectorCodec.fromDocument({ ...samples.connectorDocument(), state: 'Provisioning' }),
    );
    expect(connector.state).toBe(3);
  });
});
