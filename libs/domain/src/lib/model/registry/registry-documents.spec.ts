import { ValidationError } from '../../errors';
import { accountDocument, connectorDocument, streamAnalyticsJobDocument } from '../test-support/document-samples';
import { thrown } from '../test-support/thrown';
import { isChildResourceType, registryEntityFromDocument, registryEntityToDocument } from './registry-documents';

describe('registry documents', () => {
  it.each([
    ['account', accountDocument],
    ['iomtConnector', connectorDocument],
    ['accountSpecificStreamAnalyticsJob', streamAnalyticsJobDocument],
  ])('reads and writes a %s by its type', (type, sample) => {
    const entity = registryEntityFromDocument(sample());
    expect(entity.type).toBe(type);
    expect(registryEntityToDocument(entity)).toStrictEqual(sample());
  });

  it.each([{ type: 'provisioningrequest' }, { type: null }, {}, null, 'account'])('rejects %j', (json) => {
    const error = thrown(() => registryEntityFromDocument(json)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.details).toEqual([
      {
        code: 'InvalidParameter',
        target: 'type',
        message: 'type: must be one of account, iomtConnector, accountSpecificStreamAnalyticsJob',
      },
    ]);
  });

  it('refuses to write an entity of an unknown type', () => {
    const stranger = { ...registryEntityFromDocument(accountDocument()), type: 'workspace' };
    expect(() => registryEntityToDocument(stranger as never)).toThrow(ValidationError);
  });

  it.each([
    ['iomtConnector', true],
    ['accountSpecificStreamAnalyticsJob', true],
    ['account', false],
    ['toString', false],
  ])('isChildResourceType(%s) is %s', (type, child) => {
    expect(isChildResourceType(type)).toBe(child);
  });
});
