import { parseOperationMessage } from './operation-message';

const SUB = 'c243745d-50bb-48d1-9e62-3f72efb3166c';
const OP = '9d4c1c1e-7f0a-4a51-9a55-0c2b6f0f7e11';

describe('parseOperationMessage', () => {
  it.each([
    [{ operationId: OP, subscriptionId: SUB }],
    [{ operationId: OP, subscriptionId: SUB, resourceId: '/subscriptions/…' }],
    [{ operationId: OP, subscriptionId: SUB.toUpperCase() }],
  ])('reads the ids of %j', (body) => {
    expect(parseOperationMessage(body, SUB)).toEqual({ ok: true, operationId: OP, subscriptionId: body.subscriptionId });
  });

  it.each<[string, unknown, string | undefined, RegExp]>([
    ['a body that is not an object', 'hello', undefined, /operation\.requested' message is invalid/],
    ['null', null, undefined, /invalid/],
    ['no subscription id', { operationId: OP }, OP, /subscriptionId/],
    ['a bad operation id', { operationId: 'a/b', subscriptionId: SUB }, undefined, /operationId/],
    ['another subscription than its session', { operationId: OP, subscriptionId: '11111111-2222-3333-4444-555555555555' }, OP, /came in session/],
  ])('refuses %s, keeping the operation id when readable', (_label, body, operationId, reason) => {
    const parsed = parseOperationMessage(body, SUB);
    expect(parsed).toEqual({ ok: false, reason: expect.stringMatching(reason), ...(operationId === undefined ? {} : { operationId }) });
  });
});
