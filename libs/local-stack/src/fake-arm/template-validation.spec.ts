import { FAST_POLL, type FakeArmHarness, startHarness } from './fake-arm.test-support';

const RG = 'rg-validation';

describe('fake ARM template validation (400 InvalidTemplate)', () => {
  let h: FakeArmHarness;

  beforeAll(async () => {
    h = await startHarness();
    await h.resources.resourceGroups.createOrUpdate(RG, { location: 'northeurope' });
  });
  afterAll(() => h.fakeArm.stop());

  const hub = (name: string) => ({ type: 'Microsoft.EventHub/namespaces', name });
  it.each([
    [
      'a missing parameter value',
      { parameters: { p: { type: 'string' } }, resources: [] },
      {},
      /template parameter 'p' is not provided/,
    ],
    [
      'an undeclared parameter',
      { resources: [] },
      { extra: { value: 1 } },
      /do not correspond to any parameters defined in the template: 'extra'/,
    ],
    [
      'a value outside allowedValues',
      { parameters: { p: { type: 'string', allowedValues: ['A'] } }, resources: [] },
      { p: { value: 'B' } },
      /not part of the allowed value/,
    ],
    [
      'a value of the wrong type',
      { parameters: { p: { type: 'int' } }, resources: [] },
      { p: { value: 'x' } },
      /expected int/,
    ],
    ['a malformed expression', { resources: [hub("[concat('a',]")] }, {}, /Unable to parse language expression/],
    ['an unknown variable', { resources: [hub("[variables('nope')]")] }, {}, /template variable 'nope' is not found/],
    [
      'names that do not match the type segments',
      { resources: [{ type: 'Microsoft.EventHub/namespaces/eventhubs', name: 'onlyone' }] },
      {},
      /type segment/,
    ],
    ['a resource name from an unknown function', { resources: [hub('[utcNow()]')] }, {}, /cannot evaluate/],
    ['no resources array', { parameters: {} }, {}, /'resources' array/],
  ])('rejects %s', async (_name, template, supplied, message) => {
    const attempt = h.resources.deployments.beginCreateOrUpdateAndWait(
      RG,
      'bad',
      { properties: { mode: 'Incremental', template, parameters: supplied } },
      FAST_POLL,
    );

    await expect(attempt).rejects.toMatchObject({
      statusCode: 400,
      code: 'InvalidTemplate',
      message: expect.stringMatching(message),
    });
    expect(h.fakeArm.resources()).toEqual([]);
  });

  it('accepts symbolic-name resources (languageVersion 2.0)', async () => {
    const template = {
      languageVersion: '2.0',
      resources: { namespace: { type: 'Microsoft.EventHub/namespaces', name: 'ns-symbolic' } },
    };

    await h.resources.deployments.beginCreateOrUpdateAndWait(
      RG,
      'symbolic',
      { properties: { mode: 'Incremental', template } },
      FAST_POLL,
    );

    expect(h.fakeArm.resources().map((r) => r.name)).toContain('ns-symbolic');
  });
});
