import { ConflictError } from '../../errors';
import { describeError, MAX_EXCEPTION_DETAILS_LENGTH, redactSecrets } from './exception-details';

describe('redactSecrets', () => {
  it.each([
    [
      'Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=reader;SharedAccessKey=c2VjcmV0LWtleQ==;EntityPath=hub',
      'Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=reader;SharedAccessKey=***;EntityPath=hub',
    ],
    [
      'DefaultEndpointsProtocol=https;AccountName=sa;AccountKey=abc+/def==;EndpointSuffix=core.windows.net',
      'DefaultEndpointsProtocol=https;AccountName=sa;AccountKey=***;EndpointSuffix=core.windows.net',
    ],
    ['GET https://sa.blob.core.windows.net/c?sv=2020&sig=AbC%2Fd&se=1', 'GET https://sa.blob.core.windows.net/c?sv=2020&sig=***&se=1'],
    ['{"keyName":"reader","primaryKey":"abc","secondaryKey" : "def"}', '{"keyName":"reader","primaryKey":"***","secondaryKey" : "***"}'],
    ['{"sharedAccessPolicyKey":"k1","apiKey":"k2"}', '{"sharedAccessPolicyKey":"***","apiKey":"***"}'],
    ['Authorization: Bearer eyJ0eXAiOiJKV1Qi.eyJhdWQiOi.sig-_part=', 'Authorization: Bearer ***'],
    ['Deployment failed: quota exceeded', 'Deployment failed: quota exceeded'],
  ])('%s', (text, redacted) => {
    expect(redactSecrets(text)).toBe(redacted);
  });
});

describe('describeError', () => {
  it.each<[unknown, string]>([
    [new ConflictError('busy'), 'Conflict: busy'],
    [Object.assign(new Error('The deployment failed.'), { code: 'DeploymentFailed' }), 'DeploymentFailed: The deployment failed.'],
    [new TypeError('x is undefined'), 'TypeError: x is undefined'],
    ['plain text', 'plain text'],
    [{ message: 'no name' }, 'no name'],
    [42, 'Unknown error'],
    [null, 'Unknown error'],
    [undefined, 'Unknown error'],
  ])('%p → %s', (error, details) => {
    expect(describeError(error)).toBe(details);
  });

  it('redacts secrets in messages', () => {
    const error = new Error('bad connection string Endpoint=sb://x/;SharedAccessKey=topsecret');
    expect(describeError(error)).toBe('Error: bad connection string Endpoint=sb://x/;SharedAccessKey=***');
  });

  it('bounds the length', () => {
    const details = describeError('x'.repeat(10_000));
    expect(details).toHaveLength(MAX_EXCEPTION_DETAILS_LENGTH);
    expect(details.endsWith('…')).toBe(true);
  });
});
