import type { ArmTemplate } from '../templates/arm-template';
import { templateProblems } from './template-structure';

const valid: ArmTemplate = {
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  contentVersion: '1.0.0.0',
  parameters: { name: { type: 'string' }, size: { type: 'int', defaultValue: 1 } },
  variables: { id: "[resourceId('Microsoft.X/things', parameters('name'))]" },
  resources: [
    {
      type: 'Microsoft.X/things',
      apiVersion: '2024-01-01',
      name: "[parameters('name')]",
      dependsOn: ["[variables('id')]"],
    },
  ],
  outputs: { id: { type: 'string', value: "[variables('id')]" } },
};

describe('templateProblems (the checker the template specs rely on)', () => {
  it('finds nothing wrong with a valid template', () => {
    expect(templateProblems(valid, { name: 'a' })).toEqual([]);
  });

  it.each<[string, ArmTemplate, Record<string, unknown> | undefined, string]>([
    [
      'an undeclared parameter',
      { ...valid, outputs: { o: { type: 'string', value: "[parameters('nope')]" } } },
      undefined,
      "parameter 'nope' is used",
    ],
    [
      'an undeclared variable',
      { ...valid, outputs: { o: { type: 'string', value: "[variables('nope')]" } } },
      undefined,
      "variable 'nope' is used",
    ],
    ['a parameter not supplied', valid, {}, "parameter 'name' is neither supplied"],
    ['a parameter supplied but not declared', valid, { name: 'a', extra: 1 }, "parameter 'extra' is supplied"],
    [
      'a bad apiVersion',
      { ...valid, resources: [{ ...valid.resources[0], apiVersion: 'latest' }] },
      undefined,
      "apiVersion 'latest'",
    ],
    [
      'a literal dependsOn',
      { ...valid, resources: [{ ...valid.resources[0], dependsOn: ['x'] }] },
      undefined,
      "dependsOn 'x'",
    ],
    [
      'an unbalanced expression',
      { ...valid, outputs: { o: { type: 'string', value: "[concat('a', parameters('name')]" } } },
      undefined,
      'unbalanced',
    ],
    ['no outputs', { ...valid, outputs: {} }, undefined, 'no outputs'],
  ])('reports %s', (_, template, supplied, problem) => {
    expect(templateProblems(template, supplied)).toEqual(expect.arrayContaining([expect.stringContaining(problem)]));
  });
});
