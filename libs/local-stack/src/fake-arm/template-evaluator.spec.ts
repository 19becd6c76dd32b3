import { FAST_POLL, type FakeArmHarness, SUBSCRIPTION, startHarness } from './fake-arm.test-support';

const RG = 'rg-expressions';
const GROUP_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/${RG}`;

const parameters = {
  name: { type: 'string' },
  mode: { type: 'string', defaultValue: 'fast' },
  settings: { type: 'object', defaultValue: { Inner: { value: 42 } } },
  location: { type: 'string', defaultValue: '[resourceGroup().location]' },
};
const variables = { prefix: "[concat('pre-', parameters('name'))]", list: '[createArray(1, 2)]' };

/** Expression → the value ARM gives it (unknown functions and escaped literals stay strings). */
const CASES: [string, unknown, unknown][] = [
  ['concat of strings and numbers', "[concat('a', 'b', 1)]", 'ab1'],
  ['concat of arrays', "[concat(variables('list'), createArray(3))]", [1, 2, 3]],
  ['format', "[format('{0}-{1}', 'a', 2)]", 'a-2'],
  ['toLower / toUpper', "[concat(toLower('AbC'), toUpper('x'))]", 'abcX'],
  ['parameters with a default from resourceGroup()', "[parameters('location')]", 'northeurope'],
  ['resourceGroup().name', '[resourceGroup().name]', RG],
  ['subscription().subscriptionId', '[subscription().subscriptionId]', SUBSCRIPTION],
  ['variables built from parameters', "[variables('prefix')]", 'pre-svc'],
  [
    'resourceId of a child type',
    "[resourceId('Microsoft.EventHub/namespaces/eventhubs', 'ns1', 'hub')]",
    `${GROUP_ID}/providers/Microsoft.EventHub/namespaces/ns1/eventhubs/hub`,
  ],
  [
    'resourceId in another group',
    "[resourceId('rg-other', 'Microsoft.Storage/storageAccounts', 'sa1')]",
    `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-other/providers/Microsoft.Storage/storageAccounts/sa1`,
  ],
  ['if / equals', "[if(equals(parameters('mode'), 'fast'), 'yes', 'no')]", 'yes'],
  ['case-insensitive property access', "[parameters('settings').inner.VALUE]", 42],
  ['index access', "[variables('list')[1]]", 2],
  ['arithmetic and length', "[add(length(variables('list')), sub(10, int('4')))]", 8],
  ['empty / contains / not', "[and(not(empty(parameters('name'))), contains('Svc-Name', 'name'))]", true],
  ['string of an object', "[string(createObject('a', 1))]", '{"a":1}'],
  ['an unknown function is kept as written', '[utcNow()]', '[utcNow()]'],
  ['an escaped literal', '[[notAnExpression]', '[notAnExpression]'],
  ['a plain string', 'plain', 'plain'],
  [
    'reference() of a deployed resource',
    "[reference(resourceId('Microsoft.EventHub/namespaces', 'ns1')).serviceBusEndpoint]",
    'https://ns1.servicebus.windows.net:443/',
  ],
];

describe('fake ARM template expressions (through deployment outputs)', () => {
  let h: FakeArmHarness;
  let outputs: Record<string, { value: unknown }>;

  beforeAll(async () => {
    h = await startHarness();
    await h.resources.resourceGroups.createOrUpdate(RG, { location: 'northeurope' });
    const template = {
      parameters,
      variables,
      resources: [
        { type: 'Microsoft.EventHub/namespaces', name: 'ns1', location: "[parameters('location')]" },
        {
          type: 'Microsoft.EventHub/namespaces/eventhubs',
          name: "[concat('ns1/hub', copyIndex(1))]",
          copy: { name: 'hubs', count: 3 },
        },
        {
          type: 'Microsoft.EventHub/namespaces/eventhubs',
          name: 'ns1/skipped',
          condition: "[equals(parameters('mode'), 'slow')]",
        },
        {
          type: 'Microsoft.Authorization/roleAssignments',
          name: "[guid('hub1', 'receiver')]",
          scope: 'Microsoft.EventHub/namespaces/ns1/eventhubs/hub1',
          properties: { roleDefinitionId: 'a638d3c7-ab3a-418d-83e6-5f17a39d4fde' },
        },
      ],
      outputs: {
        ...Object.fromEntries(CASES.map(([, expression], i) => [`case${i}`, { type: 'object', value: expression }])),
        looped: { type: 'array', copy: { count: 3, input: '[mul(copyIndex(), 10)]' } },
        unique: {
          type: 'array',
          value:
            "[createArray(uniqueString(resourceGroup().id), uniqueString(resourceGroup().id), uniqueString('other'))]",
        },
      },
    };
    const deployment = await h.resources.deployments.beginCreateOrUpdateAndWait(
      RG,
      'expressions',
      { properties: { mode: 'Incremental', template, parameters: { name: { value: 'svc' } } } },
      FAST_POLL,
    );
    outputs = deployment.properties?.outputs as Record<string, { value: unknown }>;
  });
  afterAll(() => h.fakeArm.stop());

  it.each(CASES.map((c, i) => [c[0], i, c[1], c[2]] as const))('%s', (_name, i, _expression, expected) => {
    expect(outputs[`case${i}`].value).toEqual(expected);
  });

  it('expands copy loops with copyIndex() and skips resources whose condition is false', () => {
    expect(
      h.fakeArm
        .resources('Microsoft.EventHub/namespaces/eventhubs')
        .map((r) => r.name)
        .sort(),
    ).toEqual(['hub1', 'hub2', 'hub3']);
    expect(outputs.looped.value).toEqual([0, 10, 20]);
  });

  it('places an extension resource (a role assignment) under its scope', () => {
    const [assignment] = h.fakeArm.resources('Microsoft.Authorization/roleAssignments');
    const hub = `${GROUP_ID}/providers/Microsoft.EventHub/namespaces/ns1/eventhubs/hub1`;
    expect(assignment.id).toMatch(
      new RegExp(`^${hub}/providers/Microsoft.Authorization/roleAssignments/[0-9a-f-]{36}$`),
    );
  });

  it('makes uniqueString() deterministic: 13 base32 characters, equal for equal input', () => {
    const [a, b, c] = outputs.unique.value as string[];
    expect(a).toMatch(/^[a-z2-7]{13}$/);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('shows parameters with their types and values on the deployment', async () => {
    const deployment = await h.resources.deployments.get(RG, 'expressions');
    expect(deployment.properties?.parameters).toMatchObject({
      name: { type: 'string', value: 'svc' },
      location: { value: 'northeurope' },
    });
  });
});
